//! The command line: the same core as the app, without a window, for scripts and tests.
//! Exit codes: 0 success, 1 a document problem (message names the file), 2 usage errors.

mod analyze;
mod documents;
mod draft;
mod listen;
mod network;
mod notify;
mod print;
mod voice;
mod window;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use crate::app::Launch;
use crate::logic::discover::Step;
use crate::model::Language;

/// Prepare for networking: your values, expertise and goals, a personal brand, an
/// elevator pitch, timed rehearsal and a printed brand card.
#[derive(Debug, Parser)]
#[command(name = "pitchcraft", version = crate::identity::VERSION_LINE, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A brand document (*.brand.ron) to open; without it the welcome screen opens. Of
    /// several (a desktop may hand over more), the first opens and the rest are named.
    pub files: Vec<PathBuf>,
    /// Open a copy of the built-in sample brand (nothing is written until you save).
    #[arg(long, conflicts_with = "files")]
    pub sample: bool,
    /// The page to open on (else the one shown last).
    #[arg(long, value_enum)]
    pub page: Option<PageArg>,
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
        /// The day the sample's event and follow-ups are dated from (default: today, or
        /// PITCHCRAFT_TODAY).
        #[arg(long, value_name = "YYYY-MM-DD", requires = "sample")]
        today: Option<NaiveDate>,
    },
    /// The microphone: list inputs, record a take, measure a take's delivery.
    Voice {
        #[command(subcommand)]
        /// devices, record or analyze.
        action: VoiceAction,
    },
    /// The people: in (vCard, LinkedIn, Google, Outlook), out as vCard, listed.
    People {
        #[command(subcommand)]
        /// Import, export or list.
        action: PeopleAction,
    },
    /// The events: an invitation in, the events listed.
    Events {
        #[command(subcommand)]
        /// Import or list.
        action: EventsAction,
    },
    /// The open follow-ups, overdue first; optionally a calendar file with them and the events.
    Followups {
        /// The document.
        file: PathBuf,
        /// Also write the follow-ups (VTODO) and events (VEVENT) to this iCalendar file.
        #[arg(long, value_name = "OUT.ics")]
        ics: Option<PathBuf>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// The day to judge "overdue" by (default: today, or PITCHCRAFT_TODAY).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
        /// Also send today's digest as one desktop notification (who is due, follow-ups
        /// overdue or due today, an event within three days), with "Open"; nothing due:
        /// no notification.
        #[arg(long)]
        notify: bool,
    },
    /// Send the digest of FILE each morning without the app open (`followups FILE
    /// --notify`): a systemd user timer at --at HOUR, or where no systemd user manager runs,
    /// an autostart entry that sends it at login; --off takes it away.
    Remind {
        /// The document.
        file: PathBuf,
        /// The hour, 0 to 23.
        #[arg(long, value_name = "HOUR", value_parser = clap::value_parser!(u8).range(0..=23), default_value_t = 8, conflicts_with = "off")]
        at: u8,
        /// Take the reminder away.
        #[arg(long)]
        off: bool,
    },
    /// Write the one-page event brief as PDF: the event, goals, people to meet, the pitch.
    Brief {
        /// The document.
        file: PathBuf,
        /// The id of the event (default: the next event from today, else the latest).
        #[arg(long)]
        event: Option<String>,
        /// Paper size (default: the document's card setting).
        #[arg(long, value_enum)]
        paper: Option<PaperArg>,
        /// Where to write the PDF.
        #[arg(short, long)]
        out: PathBuf,
        /// The day "next" is counted from (default: today, or PITCHCRAFT_TODAY).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
    },
    /// Print the card, business cards, an event brief or the scale check page on a printer
    /// of the system (CUPS), at true size: no fit-to-page, the document's paper. Reports
    /// what the printing service says of the job; exit 0 printed or queued, 1 failed. On
    /// Windows, where no print server answers, the PDF goes to the program that prints PDFs
    /// there, on the default printer.
    Print {
        /// The document.
        file: PathBuf,
        /// What to print.
        #[arg(long, value_enum, default_value = "card")]
        what: PrintWhatArg,
        /// The printer's queue name (default: the system's default printer; see `printers`).
        #[arg(long)]
        printer: Option<String>,
        /// How many copies.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=99))]
        copies: u32,
        /// Both sides of the sheet, turned over on the long or short edge, or one side.
        /// Default: business cards on both sides (long edge) where the printer can, else one.
        #[arg(long, value_enum)]
        duplex: Option<DuplexArg>,
        /// Business cards only: the fronts' or the backs' sheets alone, to turn the stack
        /// over in between on a printer that prints one side.
        #[arg(long, value_enum)]
        pages: Option<CardPagesArg>,
        /// The event of the brief (default: the next event from today).
        #[arg(long)]
        event: Option<String>,
        /// Paper size (default: the document's card setting).
        #[arg(long, value_enum)]
        paper: Option<PaperArg>,
        /// The day "next" is counted from (default: today, or PITCHCRAFT_TODAY).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
    },
    /// List the system's printers: name, default, state, both sides or one.
    Printers,
    /// Load and validate a document; prints a summary, or FILE:LINE:COLUMN: message.
    Check {
        /// The document.
        file: PathBuf,
        /// The language of the summary (default: English).
        #[arg(long, value_enum, default_value = "en")]
        lang: LangArg,
    },
    /// Rewrite a document in the current format (atomically, keeping a backup).
    Fmt {
        /// The document.
        file: PathBuf,
    },
    /// Analyse a plain-text pitch: length at a speaking rate, fillers, long sentences, proof
    /// and ask.
    Analyze {
        /// The text file, or - (the default) for standard input.
        file: Option<PathBuf>,
        /// The language of the text (default: detected, English or Dutch).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Speaking rate in words per minute (default: 150 for English, 140 for Dutch).
        #[arg(long, value_parser = clap::value_parser!(u32).range(40..=400))]
        wpm: Option<u32>,
        /// The target length in seconds, to compare with.
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=3600))]
        target: Option<u32>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Print the pitch the pitch studio would draft from the profile (never writes FILE).
    Draft {
        /// The document.
        file: PathBuf,
        /// The id of the audience to draft for (default: the first audience).
        #[arg(long)]
        audience: Option<String>,
        /// The target length in seconds.
        #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u32).range(5..=600))]
        target: u32,
        /// The language of the draft (default: the language the profile is written in).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Speaking rate in words per minute (default: the planning rate).
        #[arg(long, value_parser = clap::value_parser!(u32).range(40..=400))]
        wpm: Option<u32>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Say, per section, which answers were used, how each was read and the rule that
        /// made the sentence.
        #[arg(long)]
        explain: bool,
    },
    /// Write the one-page brand card as PDF, HTML or Markdown.
    Card {
        /// The document.
        file: PathBuf,
        /// Where to write the card (never written when the document fails to load).
        #[arg(short, long)]
        out: PathBuf,
        /// The format (default: from the OUT file name's ending, else PDF).
        #[arg(long, value_enum)]
        format: Option<FormatArg>,
        /// Paper size (default: the document's card setting).
        #[arg(long, value_enum)]
        paper: Option<PaperArg>,
        /// The id of the pitch to print (default: the document's card setting).
        #[arg(long)]
        pitch: Option<String>,
        /// The one-page card, or business cards ten to a sheet (PDF only).
        #[arg(long, value_enum, default_value = "page")]
        layout: LayoutArg,
    },
    /// Save FILE over and over, alternating the documents FIRST and SECOND, until
    /// killed: the process the crash test kills (`tests/crash.rs`).
    #[command(hide = true)]
    SaveLoop {
        /// The document saved over and over.
        file: PathBuf,
        /// The first content to save.
        first: PathBuf,
        /// The second content to save.
        second: PathBuf,
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

/// `voice` subcommands.
#[derive(Debug, Subcommand)]
pub enum VoiceAction {
    /// The input devices, one a line, the default marked with `*`.
    Devices,
    /// Record from the microphone into a new WAV file (16 kHz mono), until the time is up or
    /// Ctrl+C; the file is complete either way. Never overwrites a file.
    Record {
        /// The WAV file to create.
        out: PathBuf,
        /// Stop after this many seconds.
        #[arg(long, value_name = "N")]
        seconds: Option<f64>,
        /// The input to record from, by the name `voice devices` prints (default: the system's).
        #[arg(long, value_name = "NAME")]
        device: Option<String>,
    },
    /// Play a take (WAV, also unfinished, or FLAC) on the default output, from the start or
    /// from a second, until its end.
    Play {
        /// The audio file.
        audio: PathBuf,
        /// Start this many seconds in.
        #[arg(long, value_name = "SECONDS", default_value_t = 0.0)]
        from: f64,
    },
    /// Measure a take's delivery: speech, pauses, rate, pitch variation, loudness, clipping,
    /// possible filled pauses. Reads WAV (also unfinished) and FLAC.
    Analyze {
        /// The audio file.
        audio: PathBuf,
        /// The text that was spoken, for words a minute and the syllable check.
        #[arg(long, value_name = "FILE")]
        text: Option<PathBuf>,
        /// The language of the text.
        #[arg(long, value_enum, default_value = "en")]
        lang: LangArg,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// What was said in a take, offline, with the Whisper speech model: the words with
    /// their times; with --text, what of the script was said, skipped, changed or added,
    /// when each section began, and the fillers.
    Transcribe {
        /// The audio file (WAV, also unfinished, or FLAC).
        audio: PathBuf,
        /// The language it is spoken in.
        #[arg(long, value_enum, default_value = "en")]
        lang: LangArg,
        /// The script: a text file (its paragraphs are the sections), or a brand document
        /// with --pitch.
        #[arg(long, value_name = "FILE")]
        text: Option<PathBuf>,
        /// With a brand document as --text: the pitch, by its id.
        #[arg(long, value_name = "ID")]
        pitch: Option<String>,
        /// The model folder (model.bin, config.json, tokenizer.json); else
        /// PITCHCRAFT_WHISPER_DIR, else the one in the user's data folder.
        #[arg(long, value_name = "DIR")]
        model: Option<PathBuf>,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Fetch the speech model (Whisper base for CTranslate2, 145 MB) into the user's data
    /// folder or DIR: resumed where an earlier try stopped, each file checked (size and
    /// SHA-256) before it is used. PITCHCRAFT_MODEL_URL fetches from a mirror instead.
    GetModel {
        /// Where to put it; else the folder in the user's data folder.
        #[arg(long, value_name = "DIR")]
        to: Option<PathBuf>,
    },
}

/// `people` subcommands.
#[derive(Debug, Subcommand)]
pub enum PeopleAction {
    /// Merge contacts into the document's people: vCard files (2.1, 3.0, 4.0), contact
    /// lists as CSV (LinkedIn's Connections.csv or the folder of its export, Google
    /// Contacts, Outlook), told apart by content; prints `added N, updated N, skipped N` and
    /// why each skipped entry was skipped.
    Import {
        /// The document (saved with a backup; untouched when no file can be read).
        file: PathBuf,
        /// The contacts files.
        #[arg(required = true)]
        vcards: Vec<PathBuf>,
    },
    /// Write the document's people as vCard 4.0.
    Export {
        /// The document.
        file: PathBuf,
        /// The .vcf file to write.
        #[arg(short, long)]
        out: PathBuf,
    },
    /// List the people: name, role, organisation and network (one a line), or with --json
    /// an array of objects (`id`, `name`, `organisation`, `role`, `email`, `website`,
    /// `network` — null when not sorted into one —, `encounters`, `first_met`).
    List {
        /// The document.
        file: PathBuf,
        /// Print one JSON array.
        #[arg(long)]
        json: bool,
    },
}

/// `events` subcommands.
#[derive(Debug, Subcommand)]
pub enum EventsAction {
    /// Add the events of an invitation (.ics): its name, start in its own time zone (or UTC,
    /// or a whole day), length, place and the invited (known people linked, others to find
    /// out about); an updated invitation (same UID, higher SEQUENCE) updates its event. Or
    /// add an attendee list (Eventbrite, Meetup) to the event --event ID.
    Import {
        /// The document (saved with a backup).
        file: PathBuf,
        /// The invitation (.ics) or the attendee list (CSV).
        source: PathBuf,
        /// The event an attendee list is for (needed for one).
        #[arg(long, value_name = "ID")]
        event: Option<String>,
    },
    /// List the events, the soonest first: when, name and place (one a line), or with
    /// --json an array of objects (`id`, `name`, `starts` — local, ISO 8601 —,
    /// `time_zone`, `place`, `attendees` and `to_meet` as names).
    List {
        /// The document.
        file: PathBuf,
        /// Print one JSON array.
        #[arg(long)]
        json: bool,
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
    /// People, events and follow-ups.
    Network,
    /// Notes.
    Notes,
}

impl PageArg {
    /// The app's page (the welcome screen is none).
    pub fn page(self) -> Option<crate::state::Page> {
        use crate::state::Page;
        match self {
            PageArg::Welcome => None,
            PageArg::Discover => Some(Page::Discover),
            PageArg::Pitches => Some(Page::Pitches),
            PageArg::Rehearse => Some(Page::Rehearse),
            PageArg::Card => Some(Page::Card),
            PageArg::Network => Some(Page::Network),
            PageArg::Notes => Some(Page::Notes),
        }
    }
}

/// `--format` values of `card`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FormatArg {
    /// A print-ready PDF.
    Pdf,
    /// A self-contained HTML page.
    Html,
    /// Markdown.
    Md,
}

/// `--layout` values of `card`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum LayoutArg {
    /// The one-page brand card.
    #[default]
    Page,
    /// Ten two-sided business cards to a sheet, with crop marks (PDF only).
    Business,
}

/// What `print` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum PrintWhatArg {
    /// The one-page brand card.
    Card,
    /// Business cards, ten to a sheet, front and back.
    Business,
    /// The event brief.
    Brief,
    /// A page with a 100 mm ruler and a business card's trim box, to check the scale.
    Calibration,
}

/// Which edge a two-sided sheet turns over on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DuplexArg {
    /// Both sides, turned over on the long edge.
    Long,
    /// Both sides, turned over on the short edge.
    Short,
    /// One side of each sheet.
    None,
}

/// Which business-card sheets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CardPagesArg {
    /// The fronts' sheet.
    Fronts,
    /// The backs' sheet.
    Backs,
}

/// `--paper` values.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum PaperArg {
    /// ISO A4.
    A4,
    /// US Letter.
    Letter,
}

impl PaperArg {
    fn paper(self) -> crate::model::Paper {
        match self {
            PaperArg::A4 => crate::model::Paper::A4,
            PaperArg::Letter => crate::model::Paper::Letter,
        }
    }
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

impl LangArg {
    /// The language it names.
    pub fn language(self) -> Language {
        match self {
            LangArg::En => Language::En,
            LangArg::Nl => Language::Nl,
        }
    }
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
        None => {
            // For the benchmarks of a running timer: start rehearsing the first pitch.
            let autostart_rehearsal =
                std::env::var("PITCHCRAFT_AUTOSTART_REHEARSAL").ok().map(|value| value == "scroll");
            window::run_gui(
                Launch::with_files(
                    cli.files,
                    Launch {
                        sample: cli.sample,
                        page: cli.page.and_then(PageArg::page),
                        autostart_rehearsal,
                        ..Launch::default()
                    },
                ),
                None,
            )
        }
        Some(CliCommand::New { file, name, sample, today }) => {
            documents::new(&file, name.as_deref(), sample, today.unwrap_or_else(crate::app::today))
        }
        Some(CliCommand::Voice { action: VoiceAction::Devices }) => voice::devices(),
        Some(CliCommand::Voice { action: VoiceAction::Record { out, seconds, device } }) => {
            voice::record(&out, seconds, device.as_deref())
        }
        Some(CliCommand::Voice { action: VoiceAction::Play { audio, from } }) => voice::play(&audio, from),
        Some(CliCommand::Voice { action: VoiceAction::Analyze { audio, text, lang, json } }) => {
            voice::analyze(&audio, text.as_deref(), lang.language(), json)
        }
        Some(CliCommand::Voice { action: VoiceAction::Transcribe { audio, lang, text, pitch, model, json } }) => {
            listen::transcribe(&audio, lang.language(), text.as_deref(), pitch.as_deref(), model.as_deref(), json)
        }
        Some(CliCommand::Voice { action: VoiceAction::GetModel { to } }) => listen::get_model(to.as_deref()),
        Some(CliCommand::People { action: PeopleAction::Import { file, vcards } }) => network::import(&file, &vcards),
        Some(CliCommand::People { action: PeopleAction::Export { file, out } }) => network::export(&file, &out),
        Some(CliCommand::People { action: PeopleAction::List { file, json } }) => network::list_people(&file, json),
        Some(CliCommand::Events { action: EventsAction::List { file, json } }) => network::list_events(&file, json),
        Some(CliCommand::Events { action: EventsAction::Import { file, source, event } }) => {
            network::import_event_file(&file, &source, event.as_deref())
        }
        Some(CliCommand::Remind { file, at, off }) => network::remind(&file, at, off),
        Some(CliCommand::Followups { file, ics, json, today, notify }) => {
            network::followups(&file, ics.as_deref(), json, notify, today.unwrap_or_else(crate::app::today))
        }
        Some(CliCommand::Brief { file, event, paper, out, today }) => network::brief(network::BriefRequest {
            file: &file,
            event: event.as_deref(),
            paper: paper.map(PaperArg::paper),
            out: &out,
            today: today.unwrap_or_else(crate::app::today),
        }),
        Some(CliCommand::Print { file, what, printer, copies, duplex, pages, event, paper, today }) => {
            print::run(print::Request {
                file: &file,
                what,
                printer: printer.as_deref(),
                copies,
                duplex,
                pages,
                event: event.as_deref(),
                paper: paper.map(PaperArg::paper),
                today: today.unwrap_or_else(crate::app::today),
            })
        }
        Some(CliCommand::Printers) => print::printers(),
        Some(CliCommand::Check { file, lang }) => documents::check(&file, lang.language()),
        Some(CliCommand::Fmt { file }) => documents::fmt(&file),
        Some(CliCommand::SaveLoop { file, first, second }) => documents::save_loop(&file, &first, &second),
        Some(CliCommand::Card { file, out, format, paper, pitch, layout }) => {
            let request =
                documents::CardRequest { format, paper: paper.map(PaperArg::paper), pitch: pitch.as_deref(), layout };
            documents::card(&file, &out, request)
        }
        Some(CliCommand::Draft { file, audience, target, lang, wpm, json, explain }) => draft::run(draft::Request {
            file: &file,
            audience: audience.as_deref(),
            target,
            language: lang.map(LangArg::language),
            wpm,
            json,
            explain,
        }),
        Some(CliCommand::Analyze { file, lang, wpm, target, json }) => {
            analyze::run(file.as_deref(), lang.map(LangArg::language), wpm, target, json)
        }
        Some(CliCommand::Screenshot { out, file, page, step, theme, lang, size }) => {
            window::screenshot(out, file, window::Shot { page, step, theme, lang, size })
        }
    }
}

pub(crate) fn say(text: impl std::fmt::Display) {
    let _ = writeln!(std::io::stdout(), "{text}");
}

pub(crate) fn complain(text: impl std::fmt::Display) -> ExitCode {
    let _ = writeln!(std::io::stderr(), "{text}");
    ExitCode::from(1)
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
        assert!(cli.sample && cli.files.is_empty() && cli.command.is_none());
        assert!(Cli::try_parse_from(["pitchcraft", "--sample", "x.brand.ron"]).is_err());
    }

    #[test]
    fn several_files_are_taken_in_order_and_subcommands_still_win() {
        let cli = Cli::try_parse_from(["pitchcraft", "a.brand.ron", "b.brand.ron"]).unwrap();
        assert_eq!(cli.files, [PathBuf::from("a.brand.ron"), PathBuf::from("b.brand.ron")]);
        let cli = Cli::try_parse_from(["pitchcraft", "check", "a.brand.ron"]).unwrap();
        assert!(cli.files.is_empty() && matches!(cli.command, Some(CliCommand::Check { .. })));
    }

    #[test]
    fn the_command_line_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
