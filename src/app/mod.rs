//! The app shell: owns the open document, the settings and the prompts; draws the frame
//! and applies the commands the views pushed, once, at the end of each frame.
//!
//! Split by concern: `files` (open, save, conflicts), `frame` (what each frame draws and
//! when it repaints), `screenshot` (the `pitchcraft screenshot` path).

mod clock;
pub mod dialogs;
mod export;
pub mod files;
mod frame;
pub mod hearing;
mod network;
pub mod print;
mod recorder;
mod screenshot;
pub mod settings;
pub mod voice;

use std::path::PathBuf;

pub use crate::state::{Notice, NoticeAction, NoticeLevel, Origin, Pending, SaveStatus, Session};
pub use clock::{Clock, FakeClock, system_clock, today};
pub use dialogs::{FileDialogs, Picked, ScriptedDialogs, SystemDialogs};
pub use export::open_in_viewer;
pub use screenshot::ScreenshotPlan;
pub use screenshot::ScreenshotResult;
pub use settings::Settings;

use crate::command::Command;
use crate::i18n::{self, Tr};
use crate::model::Language;
use crate::state::{Page, Prompt, ThemeChoice};
use crate::storage::SaveWorker;

/// How the app was started.
#[derive(Default)]
pub struct Launch {
    /// A document to open.
    pub file: Option<PathBuf>,
    /// More documents that were handed over (named in a notice; one opens at a time).
    pub also: Vec<PathBuf>,
    /// Open a copy of the sample instead of the welcome screen.
    pub sample: bool,
    /// The page to show (overrides the remembered one).
    pub page: Option<Page>,
    /// Show the welcome screen even when a file is given (screenshots of it).
    pub welcome: bool,
    /// The Discover step to show (overrides the remembered one).
    pub step: Option<crate::logic::discover::Step>,
    /// Theme override (not remembered).
    pub theme: Option<ThemeChoice>,
    /// Language override (not remembered).
    pub language: Option<Language>,
    /// Render one settled frame to this PNG and quit.
    pub screenshot: Option<ScreenshotPlan>,
    /// Keep settings out of eframe's storage (tests, screenshots).
    pub ephemeral: bool,
    /// Where "now" comes from (a fake clock in tests; the monotonic clock otherwise).
    pub clock: Option<Clock>,
    /// The calendar day to work on (tests pass theirs in; otherwise `PITCHCRAFT_TODAY` or
    /// the local day, looked up when needed, so a window left open overnight moves on).
    pub today: Option<chrono::NaiveDate>,
    /// Start rehearsing the first pitch at once, with auto-scroll or without (benchmarks
    /// of the running timer).
    pub autostart_rehearsal: Option<bool>,
    /// Where documents are written (a fault-injecting disk in tests; the real one otherwise).
    pub disk: Option<std::sync::Arc<dyn crate::storage::Disk>>,
    /// How a PDF is shown to the person (a stand-in in tests; the system's viewer otherwise).
    pub open_pdf: Option<OpenPdf>,
    /// Where the voice is recorded from (a stand-in in tests; the sound server otherwise).
    pub microphone: Option<std::sync::Arc<dyn voice::Microphone>>,
    /// What hears the words of a take (a stand-in in tests; Whisper otherwise).
    pub transcriber: Option<std::sync::Arc<dyn hearing::Transcriber>>,
    /// The printing service (default: CUPS on this computer, or `CUPS_SERVER`'s).
    pub print_service: Option<std::sync::Arc<dyn crate::printing::PrintService>>,
    /// The desktop's own print dialog (default: the session's print portal).
    pub desktop_print: Option<std::sync::Arc<dyn crate::printing::DesktopPrint>>,
    /// What sets up the morning digest on this computer (a stand-in in tests, which must
    /// not touch the person's own configuration; `crate::morning` otherwise).
    pub morning: Option<MorningInstaller>,
}

/// Sets up (`Some((document, hour))`) or takes away (`None`) the morning digest; says how.
pub type MorningInstaller = std::sync::Arc<
    dyn Fn(Option<(&std::path::Path, u8)>) -> Result<Option<crate::morning::Installed>, String> + Send + Sync,
>;

/// The real one: `crate::morning`.
fn install_morning(request: Option<(&std::path::Path, u8)>) -> Result<Option<crate::morning::Installed>, String> {
    match request {
        Some((document, hour)) => crate::morning::install(document, hour).map(|(how, _)| Some(how)),
        None => crate::morning::remove().map(|()| None),
    }
}

impl Launch {
    /// `launch` with the first of `files` to open and the rest named.
    pub fn with_files(files: Vec<PathBuf>, launch: Launch) -> Launch {
        let mut files = files.into_iter();
        Launch { file: files.next(), also: files.collect(), ..launch }
    }
}

/// Opens a PDF in a viewer, or says why it could not. It may take a while (a viewer that
/// starts slowly), so the app calls it on a thread of its own.
pub type OpenPdf = std::sync::Arc<dyn Fn(&std::path::Path) -> Result<(), String> + Send + Sync>;

/// The Pitchcraft application.
pub struct PitchcraftApp {
    settings: Settings,
    session: Option<Session>,
    page: Page,
    prompt: Option<Prompt>,
    notices: Vec<Notice>,
    /// How many notices have been posted: one posted after the page was drawn (a viewer's
    /// answer, a finished save) needs another frame to be seen.
    notices_posted: u64,
    dialogs: Box<dyn FileDialogs>,
    saver: SaveWorker,
    queue: Vec<Command>,
    close_allowed: bool,
    want_close: bool,
    ephemeral: bool,
    applied_look: Option<(ThemeChoice, u32)>,
    window_title: String,
    screenshot: Option<ScreenshotPlan>,
    /// The Discover page's own state.
    discover: crate::ui::discover::DiscoverState,
    /// The Pitches page's own state.
    pitches: crate::ui::pitches::PitchesState,
    /// The Notes page's own state.
    notes: crate::ui::notes::NotesState,
    network: crate::ui::network::NetworkState,
    /// The Rehearse page's own state.
    rehearse: crate::ui::rehearse::RehearseState,
    /// The Card page's own state.
    card: crate::ui::card::CardState,
    clock: Clock,
    /// A fixed calendar day (tests), else today's, asked each time.
    today: Option<chrono::NaiveDate>,
    autostart_rehearsal: Option<bool>,
    frames: u64,
    /// The recent files as last checked on disk; `None` until the welcome screen needs them.
    recent_files: Option<Vec<crate::ui::welcome::RecentFile>>,
    /// `PITCHCRAFT_TRACE_FRAMES=1`: print one line per frame (for the repaint benchmarks).
    trace_frames: bool,
    /// The input time of the current frame, in seconds.
    time: f64,
    /// The settings as last written to their file.
    stored_settings: Option<Settings>,
    /// Writing the settings failed and the person was told.
    settings_failing: bool,
    /// A Save As on the save thread: where to, and what to do once it is written.
    save_as_pending: Option<(PathBuf, Option<Pending>)>,
    /// How PDFs are opened for printing.
    open_pdf: OpenPdf,
    microphone: std::sync::Arc<dyn voice::Microphone>,
    /// The recording, the microphone check, the measuring and the player of the Rehearse page.
    recorder: recorder::Recorder,
    transcriber: std::sync::Arc<dyn hearing::Transcriber>,
    /// The finished run's take being heard, for "What you said".
    hearing: Option<hearing::Hearing>,
    /// The speech model being fetched.
    fetching: Option<hearing::Fetching>,
    /// When the first frame began (for PITCHCRAFT_TRACE_FRAMES).
    first_frame: Option<std::time::Instant>,
    morning: MorningInstaller,
    /// A card handed to the PDF viewer: its file, and whether the viewer opened it.
    opening: Option<export::Opening>,
    print_service: std::sync::Arc<dyn crate::printing::PrintService>,
    desktop_print: std::sync::Arc<dyn crate::printing::DesktopPrint>,
    /// The print dialog, while open.
    print: Option<crate::state::PrintDialog>,
    /// The print dialog's threads' answers.
    printing: Option<print::Printing>,
}

impl PitchcraftApp {
    /// Creates the app inside eframe (or a test harness).
    pub fn new(cc: &eframe::CreationContext<'_>, launch: Launch, dialogs: Box<dyn FileDialogs>) -> Self {
        let ephemeral = launch.ephemeral || launch.screenshot.is_some();
        let mut settings = if ephemeral { Settings::default() } else { Settings::load(cc.storage) };
        if let Some(language) = launch.language {
            settings.language = language;
        }
        if let Some(theme) = launch.theme {
            settings.theme = theme;
        }
        if let Some(step) = launch.step {
            settings.discover_step = step;
        }
        crate::ui::theme::install(&cc.egui_ctx);
        cc.egui_ctx.options_mut(|options| options.zoom_with_keyboard = false);
        let repaint = cc.egui_ctx.clone();
        let mut app = Self {
            page: launch.page.unwrap_or(settings.page),
            settings,
            session: None,
            prompt: None,
            notices: Vec::new(),
            notices_posted: 0,
            dialogs,
            saver: SaveWorker::spawn_on(
                launch.disk.clone().unwrap_or_else(|| std::sync::Arc::new(crate::storage::RealDisk)),
                move || repaint.request_repaint(),
            ),
            queue: Vec::new(),
            close_allowed: false,
            want_close: false,
            ephemeral,
            applied_look: None,
            window_title: String::new(),
            screenshot: launch.screenshot,
            discover: Default::default(),
            pitches: Default::default(),
            notes: Default::default(),
            network: Default::default(),
            rehearse: Default::default(),
            card: Default::default(),
            clock: launch.clock.clone().unwrap_or_else(system_clock),
            today: launch.today,
            autostart_rehearsal: launch.autostart_rehearsal,
            frames: 0,
            recent_files: None,
            trace_frames: std::env::var_os("PITCHCRAFT_TRACE_FRAMES").is_some(),
            time: 0.0,
            stored_settings: None,
            settings_failing: false,
            save_as_pending: None,
            open_pdf: launch.open_pdf.clone().unwrap_or_else(|| std::sync::Arc::new(export::open_in_viewer)),
            microphone: launch.microphone.clone().unwrap_or_else(|| std::sync::Arc::new(voice::SystemMicrophone)),
            recorder: Default::default(),
            transcriber: launch
                .transcriber
                .clone()
                .unwrap_or_else(|| std::sync::Arc::new(hearing::WhisperTranscriber::default())),
            hearing: None,
            fetching: None,
            first_frame: None,
            morning: launch.morning.clone().unwrap_or_else(|| std::sync::Arc::new(install_morning)),
            opening: None,
            print_service: launch
                .print_service
                .clone()
                .unwrap_or_else(|| std::sync::Arc::new(crate::printing::Cups::from_env())),
            desktop_print: launch
                .desktop_print
                .clone()
                .unwrap_or_else(|| std::sync::Arc::new(crate::printing::SystemPrint)),
            print: None,
            printing: None,
        };
        if let Some(path) = launch.file {
            app.tell_not_opened(&path, &launch.also);
            app.open_path(path);
        } else if launch.sample {
            app.open_sample();
        }
        if launch.welcome {
            app.session = None;
        }
        app
    }

    /// The language of the interface.
    pub fn language(&self) -> Language {
        self.settings.language
    }

    /// The text of `key` in the current language.
    fn tr(&self, key: Tr) -> &'static str {
        i18n::tr(self.settings.language, key)
    }

    /// The calendar day the app works on: the one it was launched with, else today's.
    pub fn today(&self) -> chrono::NaiveDate {
        self.today.unwrap_or_else(today)
    }

    /// The open document, if any.
    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    /// The page shown when a document is open.
    pub fn page(&self) -> Page {
        self.page
    }

    /// The Discover step shown.
    pub fn discover_step(&self) -> crate::logic::discover::Step {
        self.settings.discover_step
    }

    /// The Rehearse page's state (tests look at the timer).
    pub fn rehearse_state(&self) -> &crate::ui::rehearse::RehearseState {
        &self.rehearse
    }

    /// How many times the Card page typeset the card (tests check it is not every frame).
    pub fn cards_typeset(&self) -> usize {
        self.card.typeset_count
    }

    /// Whether the Card page is waiting for a newer preview than the one it shows.
    pub fn card_preview_pending(&self) -> bool {
        self.card.is_pending()
    }

    /// How many text analyses the Pitches page keeps (tests check they are not redone).
    pub fn pitch_analyses_cached(&self) -> usize {
        self.pitches.cache.len()
    }

    /// The prompt on top, if any.
    pub fn prompt(&self) -> Option<&Prompt> {
        self.prompt.as_ref()
    }

    /// The input time of the current frame, in seconds.
    pub fn time(&self) -> f64 {
        self.time
    }

    /// The notices shown above the page.
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// The settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Queues a command, as a view would.
    pub fn push(&mut self, command: Command) {
        self.queue.push(command);
    }

    /// Waits for running saves and applies their outcomes (tests and quitting).
    pub fn finish_saves(&mut self) {
        for outcome in self.saver.wait() {
            self.on_saved(outcome);
        }
    }

    /// Says which of several handed-over documents were not opened.
    fn tell_not_opened(&mut self, opened: &std::path::Path, others: &[PathBuf]) {
        if others.is_empty() {
            return;
        }
        let name = |path: &std::path::Path| {
            path.file_name().map_or_else(|| path.display().to_string(), |name| name.to_string_lossy().into_owned())
        };
        let others = others.iter().map(|path| name(path)).collect::<Vec<_>>().join(", ");
        let text = i18n::fill(self.tr(Tr::NoticeOpenedFirst), &[("file", &name(opened)), ("others", &others)]);
        self.notify(NoticeLevel::Info, text);
    }

    fn notify(&mut self, level: NoticeLevel, text: String) {
        self.notify_with(level, text, None);
    }

    /// Shows a notice with a button.
    fn notify_with(&mut self, level: NoticeLevel, text: String, action: Option<NoticeAction>) {
        self.notices.retain(|notice| notice.text != text);
        let since = (self.clock)();
        self.notices.push(Notice { level, text, action, since });
        self.notices_posted += 1;
        if self.notices.len() > 3 {
            self.notices.remove(0);
        }
    }
}

impl eframe::App for PitchcraftApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        if self.ephemeral {
            return;
        }
        self.settings.page = self.page;
        if self.stored_settings.as_ref() == Some(&self.settings) {
            return;
        }
        let Some(path) = settings::settings_path() else { return };
        match self.settings.write_to(&crate::storage::RealDisk, &path) {
            Ok(()) => {
                self.stored_settings = Some(self.settings.clone());
                self.settings_failing = false;
            }
            // Said once; the settings stay in memory and are tried again at the next save.
            Err(error) => {
                if !std::mem::replace(&mut self.settings_failing, true) {
                    let text = self.write_failure_text(&path, &error);
                    self.notify(NoticeLevel::Warning, text);
                }
            }
        }
    }

    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        // A screenshot shows the page as it is, not as the stray pointer of a virtual
        // display happens to hover it.
        if self.screenshot.is_some() {
            raw_input
                .events
                .retain(|event| !matches!(event, egui::Event::PointerMoved(_) | egui::Event::PointerButton { .. }));
        }
    }

    fn persist_egui_memory(&self) -> bool {
        !self.ephemeral
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // Quitting already saved; this catches a session ended by the system.
        self.flush_before_exit();
        self.release_takes();
    }
}
