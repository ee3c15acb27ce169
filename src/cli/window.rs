//! The window: the app itself, and `screenshot`, which renders one settled frame to PNG.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{LangArg, PageArg, StepArg, ThemeArg, complain, say};
use crate::app::{Launch, PitchcraftApp, ScreenshotPlan, SystemDialogs};
use crate::identity::APP_ID;
use crate::ui::{Page, ThemeChoice};

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
/// size is restored.
pub fn run_gui(launch: Launch, size: Option<(u32, u32)>) -> ExitCode {
    crate::identity::adopt_old_settings();
    let ephemeral = launch.ephemeral;
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Pitchcraft")
        .with_app_id(APP_ID)
        .with_min_inner_size([560.0, 420.0]);
    if let Some(icon) = crate::identity::window_icon() {
        viewport = viewport.with_icon(std::sync::Arc::new(icon));
    }
    viewport = match size {
        Some((width, height)) => viewport.with_inner_size([width as f32, height as f32]).with_resizable(false),
        None => viewport.with_inner_size([1180.0, 760.0]),
    };
    let options = eframe::NativeOptions { viewport, persist_window: !ephemeral, ..Default::default() };
    let started = eframe::run_native(
        APP_ID,
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
