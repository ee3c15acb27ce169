//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use pitchcraft::app::{Launch, PitchcraftApp, ScriptedDialogs};
use pitchcraft::model::Language;

/// The calendar day every test works on unless it passes its own: the day the sample was
/// written for, so nothing a test asserts depends on the machine's date, zone or locale.
pub fn test_day() -> chrono::NaiveDate {
    pitchcraft::storage::SAMPLE_DAY.parse().unwrap()
}

/// A harness around the whole app, with scripted file dialogs.
pub fn app(launch: Launch) -> (Harness<'static, PitchcraftApp>, ScriptedDialogs) {
    app_sized(launch, egui::vec2(1280.0, 800.0))
}

/// The same, at a chosen size.
pub fn app_sized(launch: Launch, size: egui::Vec2) -> (Harness<'static, PitchcraftApp>, ScriptedDialogs) {
    let dialogs = ScriptedDialogs::default();
    let answers = dialogs.clone();
    let launch = Launch {
        ephemeral: true,
        language: launch.language.or(Some(Language::En)),
        today: launch.today.or(Some(test_day())),
        // No speech model unless a test hands in a stand-in: the real one would load 145 MB
        // and hear every recorded run of every test.
        transcriber: launch.transcriber.or_else(|| Some(std::sync::Arc::new(no_speech_model()))),
        // Tests never set up a reminder in the person's own configuration.
        morning: launch.morning.or_else(|| Some(std::sync::Arc::new(|_| Err("not in tests".to_owned())))),
        // Nor print on the machine's printers: no printing service unless a test hands in one.
        print_service: launch.print_service.or_else(|| Some(pitchcraft::app::print::StandInPrinters::none())),
        desktop_print: launch
            .desktop_print
            .or_else(|| Some(std::sync::Arc::new(pitchcraft::app::print::StandInDesktop::default()))),
        ..launch
    };
    let mut harness =
        Harness::builder().with_size(size).build_eframe(move |cc| PitchcraftApp::new(cc, launch, Box::new(answers)));
    harness.run_ok();
    (harness, dialogs)
}

/// A transcriber without a model: "What you said" offers to get one.
pub fn no_speech_model() -> pitchcraft::app::hearing::FakeTranscriber {
    pitchcraft::app::hearing::FakeTranscriber { words: Vec::new(), ready: false.into(), gate: Default::default() }
}

/// A new brand from the welcome screen, with `name` typed into its Name field: unsaved work.
pub fn new_brand_named(harness: &mut Harness<'_, PitchcraftApp>, name: &str) {
    use egui_kittest::kittest::Queryable;
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "Start my brand").click();
    harness.run_ok();
    harness.get_by_label("Name").click();
    harness.get_by_label("Name").type_text(name);
    harness.run_ok();
}

/// A copy of the sample document in a fresh folder.
pub fn sample_copy(dir: &Path) -> PathBuf {
    let path = dir.join("sanne.brand.ron");
    std::fs::write(&path, pitchcraft::storage::SAMPLE_RON).unwrap();
    path
}

/// Presses a shortcut with Ctrl (Cmd on a Mac).
pub fn press_command(harness: &mut Harness<'_, PitchcraftApp>, key: egui::Key) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, key);
    harness.run_ok();
}

/// Presses a shortcut with Ctrl+Shift.
pub fn press_command_shift(harness: &mut Harness<'_, PitchcraftApp>, key: egui::Key) {
    harness.key_press_modifiers(egui::Modifiers { shift: true, ..egui::Modifiers::COMMAND }, key);
    harness.run_ok();
}

/// The open document's person name.
pub fn name(harness: &Harness<'_, PitchcraftApp>) -> String {
    harness.state().session().map(|session| session.document.person.name.clone()).unwrap_or_default()
}

/// Steps the app until `done`, for work that happens on a thread (typesetting, the PDF
/// viewer); gives up after a minute.
pub fn run_until(harness: &mut Harness<'_, PitchcraftApp>, done: impl Fn(&Harness<'_, PitchcraftApp>) -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !done(harness) {
        assert!(std::time::Instant::now() < deadline, "gave up waiting");
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    harness.run_ok();
}

/// A stand-in for the system's PDF viewer that keeps the bytes of every file it is given.
pub fn recording_viewer() -> (pitchcraft::app::OpenPdf, std::sync::Arc<std::sync::Mutex<Vec<Vec<u8>>>>) {
    let opened = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = opened.clone();
    let viewer: pitchcraft::app::OpenPdf = std::sync::Arc::new(move |path: &Path| {
        seen.lock().unwrap().push(std::fs::read(path).map_err(|error| error.to_string())?);
        Ok(())
    });
    (viewer, opened)
}
