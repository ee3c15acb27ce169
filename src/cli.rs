//! The command line: the same core as the app, without a window, for scripts and tests.
//! Exit codes: 0 success, 1 a document problem (message names the file), 2 usage errors.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::app::{Launch, PitchcraftApp, ScreenshotPlan, SystemDialogs};
use crate::logic::discover::Step;
use crate::logic::{summary::summarize, validate};
use crate::model::{BrandDocument, Language};
use crate::storage::{self, BackupPolicy};
use crate::ui::{Page, ThemeChoice};

/// Prepare for networking: your values, expertise and goals, a personal brand, an
/// elevator pitch, timed rehearsal and a printed brand card.
#[derive(Debug, Parser)]
#[command(name = "pitchcraft", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A brand document (*.brand.ron) to open; without it the welcome screen opens.
    pub file: Option<PathBuf>,
    /// Open a copy of the built-in sample brand (nothing is written until you save).
    #[arg(long, conflicts_with = "file")]
    pub sample: bool,
    #[command(subcommand)]
    /// What to do without a window.
    pub command: Option<CliCommand>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Create a brand document (never overwrites an existing file).
    New {
        /// Where to create it, e.g. sanne.brand.ron.
        file: PathBuf,
        /// The person's name.
        #[arg(long, conflicts_with = "sample")]
        name: Option<String>,
        /// Start from a copy of the built-in sample.
        #[arg(long)]
        sample: bool,
    },
    /// Load and validate a document; prints a summary, or FILE:LINE:COLUMN: message.
    Check {
        /// The document.
        file: PathBuf,
    },
    /// Rewrite a document in the current format (atomically, keeping a backup).
    Fmt {
        /// The document.
        file: PathBuf,
    },
    /// Open the real window, render one settled frame to a PNG and exit.
    Screenshot {
        /// The PNG to write.
        out: PathBuf,
        /// A document to show; without it, a copy of the sample.
        file: Option<PathBuf>,
        /// The page to show.
        #[arg(long, value_enum, default_value_t = PageArg::Discover)]
        page: PageArg,
        /// The Discover step to show (with --page discover).
        #[arg(long, value_enum)]
        step: Option<StepArg>,
        /// The colour theme.
        #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
        theme: ThemeArg,
        /// The interface language.
        #[arg(long, value_enum, default_value_t = LangArg::En)]
        lang: LangArg,
        /// Window size in points, WIDTHxHEIGHT.
        #[arg(long, default_value = "1280x800", value_parser = parse_size)]
        size: (u32, u32),
    },
}

/// `--page` values.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum PageArg {
    /// The welcome screen.
    Welcome,
    /// Values, expertise, goals and audiences.
    Discover,
    /// Pitches.
    Pitches,
    /// Rehearsal.
    Rehearse,
    /// The brand card.
    Card,
    /// Notes.
    Notes,
}

/// `--step` values.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum StepArg {
    /// About you.
    About,
    /// The values card sort.
    Values,
    /// Skills and proof.
    Expertise,
    /// Goals.
    Goals,
    /// Audiences.
    Audiences,
    /// Brand statement and headline.
    Brand,
    /// The whole profile and its gaps.
    Review,
}

impl StepArg {
    fn step(self) -> Step {
        match self {
            StepArg::About => Step::Welcome,
            StepArg::Values => Step::Values,
            StepArg::Expertise => Step::Expertise,
            StepArg::Goals => Step::Goals,
            StepArg::Audiences => Step::Audiences,
            StepArg::Brand => Step::Brand,
            StepArg::Review => Step::Review,
        }
    }
}

/// `--theme` values.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ThemeArg {
    /// Light.
    Light,
    /// Dark.
    Dark,
}

/// `--lang` values.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LangArg {
    /// English.
    En,
    /// Dutch.
    Nl,
}

fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let (width, height) = text.split_once(['x', 'X']).ok_or("expected WIDTHxHEIGHT, e.g. 1280x800")?;
    let parse = |part: &str| part.trim().parse::<u32>().map_err(|_| format!("`{part}` is not a whole number"));
    let (width, height) = (parse(width)?, parse(height)?);
    if !(200..=8000).contains(&width) || !(200..=8000).contains(&height) {
        return Err("width and height must be between 200 and 8000".to_owned());
    }
    Ok((width, height))
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        None => run_gui(Launch { file: cli.file, sample: cli.sample, ..Launch::default() }, None),
        Some(CliCommand::New { file, name, sample }) => new(&file, name.as_deref(), sample),
        Some(CliCommand::Check { file }) => check(&file),
        Some(CliCommand::Fmt { file }) => fmt(&file),
        Some(CliCommand::Screenshot { out, file, page, step, theme, lang, size }) => {
            screenshot(out, file, Shot { page, step, theme, lang, size })
        }
    }
}

fn say(text: impl std::fmt::Display) {
    let _ = writeln!(std::io::stdout(), "{text}");
}

fn complain(text: impl std::fmt::Display) -> ExitCode {
    let _ = writeln!(std::io::stderr(), "{text}");
    ExitCode::from(1)
}

fn new(file: &Path, name: Option<&str>, sample: bool) -> ExitCode {
    if file.exists() {
        return complain(format!("{}: already exists; not overwritten", file.display()));
    }
    let document = if sample {
        match storage::sample_document() {
            Ok(document) => document,
            Err(error) => return complain(format!("sample: {error}")),
        }
    } else {
        BrandDocument::new_for(name.unwrap_or_default(), Language::En)
    };
    match storage::save(file, &document, None, BackupPolicy::Never) {
        Ok(_) => {
            say(format!("created {}", file.display()));
            ExitCode::SUCCESS
        }
        Err(error) => complain(error),
    }
}

fn check(file: &Path) -> ExitCode {
    let loaded = match storage::load(file) {
        Ok(loaded) => loaded,
        Err(error) => return complain(error),
    };
    let problems = validate::problems(&loaded.document);
    if !problems.is_empty() {
        for problem in &problems {
            let _ = writeln!(std::io::stderr(), "{}: {problem}", file.display());
        }
        return ExitCode::from(1);
    }
    let mut line = summarize(&loaded.document).one_line(&loaded.document.person.name);
    if let Some(old) = loaded.migrated_from {
        line.push_str(&format!(
            " (format {old}; `pitchcraft fmt` converts it to format {})",
            crate::model::CURRENT_FORMAT
        ));
    }
    say(line);
    ExitCode::SUCCESS
}

fn fmt(file: &Path) -> ExitCode {
    let loaded = match storage::load(file) {
        Ok(loaded) => loaded,
        Err(error) => return complain(error),
    };
    let text = match storage::to_ron(&loaded.document) {
        Ok(text) => text,
        Err(message) => return complain(format!("{}: {message}", file.display())),
    };
    if std::fs::read(file).is_ok_and(|bytes| bytes == text.as_bytes()) {
        say(format!("{}: already formatted", file.display()));
        return ExitCode::SUCCESS;
    }
    match storage::save_text(
        file,
        text.as_bytes(),
        Some(&loaded.stamp),
        BackupPolicy::Always,
        std::time::SystemTime::now(),
    ) {
        Ok(_) => {
            say(format!("formatted {}", file.display()));
            ExitCode::SUCCESS
        }
        Err(error) => complain(error),
    }
}

/// What a screenshot shows.
struct Shot {
    page: PageArg,
    step: Option<StepArg>,
    theme: ThemeArg,
    lang: LangArg,
    size: (u32, u32),
}

fn screenshot(out: PathBuf, file: Option<PathBuf>, shot: Shot) -> ExitCode {
    let Shot { page, step, theme, lang, size } = shot;
    let (plan, result) = ScreenshotPlan::new(out.clone());
    let page_choice = match page {
        PageArg::Welcome => None,
        PageArg::Discover => Some(Page::Discover),
        PageArg::Pitches => Some(Page::Pitches),
        PageArg::Rehearse => Some(Page::Rehearse),
        PageArg::Card => Some(Page::Card),
        PageArg::Notes => Some(Page::Notes),
    };
    let launch = Launch {
        sample: file.is_none() && !matches!(page, PageArg::Welcome),
        file,
        page: page_choice,
        welcome: matches!(page, PageArg::Welcome),
        step: step.map(StepArg::step),
        theme: Some(match theme {
            ThemeArg::Light => ThemeChoice::Light,
            ThemeArg::Dark => ThemeChoice::Dark,
        }),
        language: Some(match lang {
            LangArg::En => Language::En,
            LangArg::Nl => Language::Nl,
        }),
        screenshot: Some(plan),
        ephemeral: true,
    };
    let code = run_gui(launch, Some(size));
    if code != ExitCode::SUCCESS {
        return code;
    }
    match result.lock().ok().and_then(|mut slot| slot.take()) {
        Some(Ok(())) => {
            say(format!("wrote {}", out.display()));
            ExitCode::SUCCESS
        }
        Some(Err(message)) => complain(format!("screenshot: {message}")),
        None => complain("screenshot: the window closed before a frame was captured"),
    }
}

/// Opens the window. `size` fixes the window size (screenshots); otherwise the last
/// size is restored.
pub fn run_gui(launch: Launch, size: Option<(u32, u32)>) -> ExitCode {
    let ephemeral = launch.ephemeral;
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Pitchcraft")
        .with_app_id("pitchcraft")
        .with_min_inner_size([560.0, 420.0]);
    viewport = match size {
        Some((width, height)) => viewport.with_inner_size([width as f32, height as f32]).with_resizable(false),
        None => viewport.with_inner_size([1180.0, 760.0]),
    };
    let options = eframe::NativeOptions { viewport, persist_window: !ephemeral, ..Default::default() };
    let started = eframe::run_native(
        "pitchcraft",
        options,
        Box::new(move |cc| Ok(Box::new(PitchcraftApp::new(cc, launch, Box::new(SystemDialogs))))),
    );
    match started {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => complain(format!(
            "pitchcraft: could not open a window: {error}\n(the app needs a graphical desktop: X11 or Wayland, with OpenGL or Vulkan drivers)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_and_are_bounded() {
        assert_eq!(parse_size("1280x800"), Ok((1280, 800)));
        assert_eq!(parse_size("800X600"), Ok((800, 600)));
        assert!(parse_size("12x8").is_err());
        assert!(parse_size("wide").is_err());
        assert!(parse_size("1280x").is_err());
    }

    #[test]
    fn sample_and_file_are_exclusive() {
        let cli = Cli::try_parse_from(["pitchcraft", "--sample"]).unwrap();
        assert!(cli.sample && cli.file.is_none() && cli.command.is_none());
        assert!(Cli::try_parse_from(["pitchcraft", "--sample", "x.brand.ron"]).is_err());
    }

    #[test]
    fn the_command_line_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
