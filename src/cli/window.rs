//! The window: the app itself, and `screenshot`, which renders one settled frame to PNG.

use std::cell::Cell;
use std::path::PathBuf;
use std::process::ExitCode;
use std::rc::Rc;

use super::{LangArg, PageArg, StepArg, ThemeArg, complain, say};
use crate::app::{Launch, PitchcraftApp, ScreenshotPlan, SystemDialogs};
use crate::identity::APP_ID;
use crate::state::ThemeChoice;

/// What a screenshot shows.
pub(super) struct Shot {
    pub(super) page: PageArg,
    pub(super) step: Option<StepArg>,
    pub(super) theme: ThemeArg,
    pub(super) lang: LangArg,
    pub(super) size: (u32, u32),
}

pub(super) fn screenshot(out: PathBuf, file: Option<PathBuf>, shot: Shot) -> ExitCode {
    let Shot { page, step, theme, lang, size } = shot;
    let (plan, result) = ScreenshotPlan::new(out.clone());
    let page_choice = page.page();
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
        language: Some(lang.language()),
        screenshot: Some(plan),
        ephemeral: true,
        ..Launch::default()
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
/// size is restored. When the first renderer cannot start, the next one is tried.
pub fn run_gui(launch: Launch, size: Option<(u32, u32)>) -> ExitCode {
    crate::identity::adopt_old_settings();
    let renderers = match crate::renderer::order_from_env() {
        Ok(renderers) => renderers,
        Err(message) => return complain(format!("pitchcraft: {message}")),
    };
    let renderer = renderers[0];
    let options = eframe::NativeOptions {
        viewport: viewport(size),
        persist_window: !launch.ephemeral,
        renderer: renderer.eframe(),
        ..Default::default()
    };
    // Whether the app got as far as being created: a failure after that is not the
    // renderer's, and starting over would lose what happened.
    let created = Rc::new(Cell::new(false));
    let seen = Rc::clone(&created);
    // For the tests of the fallback: a renderer that fails as a broken driver would.
    let fail = std::env::var("PITCHCRAFT_FAIL_RENDERER").is_ok_and(|name| name == renderer.name());
    let mut launch = Some(launch);
    let started = eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            if fail {
                return Err("failing on purpose (PITCHCRAFT_FAIL_RENDERER)".into());
            }
            let launch = launch.take().ok_or("the app was already created")?;
            seen.set(true);
            Ok(Box::new(PitchcraftApp::new(cc, launch, Box::new(SystemDialogs))))
        }),
    );
    match (started, renderers.get(1)) {
        (Ok(()), _) => ExitCode::SUCCESS,
        (Err(error), Some(&next)) if !created.get() => {
            eprintln!("pitchcraft: the {renderer} renderer could not start ({error}); trying {next}");
            restart_with(next)
        }
        (Err(error), _) => complain(format!(
            "pitchcraft: could not open a window ({renderer}: {error})\n(the app needs a graphical desktop: X11 or Wayland, with OpenGL or Vulkan drivers)"
        )),
    }
}

/// Runs this command again in a fresh process with `renderer` forced, and exits as it does
/// (the child prints what the command prints, e.g. the screenshot's "wrote …").
/// A fresh process, because a renderer that failed half-way can leave the driver's state
/// behind on this thread (a current OpenGL context), which the next one would trip over.
fn restart_with(renderer: crate::renderer::Renderer) -> ExitCode {
    let program = match std::env::current_exe() {
        Ok(program) => program,
        Err(error) => return complain(format!("pitchcraft: could not start again with {renderer}: {error}")),
    };
    let status = std::process::Command::new(program)
        .args(std::env::args_os().skip(1))
        .env("PITCHCRAFT_RENDERER", renderer.name())
        .status();
    match status {
        Ok(status) => std::process::exit(status.code().unwrap_or(1)),
        Err(error) => complain(format!("pitchcraft: could not start again with {renderer}: {error}")),
    }
}

/// The window: title, app id, icon and size.
fn viewport(size: Option<(u32, u32)>) -> egui::ViewportBuilder {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Pitchcraft")
        .with_app_id(APP_ID)
        .with_min_inner_size([560.0, 420.0]);
    if let Some(icon) = crate::identity::window_icon() {
        viewport = viewport.with_icon(std::sync::Arc::new(icon));
    }
    match size {
        Some((width, height)) => viewport.with_inner_size([width as f32, height as f32]).with_resizable(false),
        None => viewport.with_inner_size([1180.0, 760.0]),
    }
}
