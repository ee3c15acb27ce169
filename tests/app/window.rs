//! End to end in a real window, with real input: `pitchcraft` runs under a private Xvfb
//! and `xdotool` clicks, types and presses Ctrl+S and Ctrl+Q, as a person would. The file
//! on disk must change exactly as typed and still load; a corrupt file must be left
//! byte for byte as it was.
//!
//! Needs `Xvfb` and `xdotool` (`apt-get install -y xvfb xdotool`; `.ci/run` installs them).

use crate::{cli, common, xvfb};

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::xvfb::{Display, private_display};
use pitchcraft::app::Launch;

/// The window size of a first start (no remembered settings).
const FIRST_WINDOW: egui::Vec2 = egui::vec2(1180.0, 760.0);

/// One real window at a time: two software-rendered windows at once slow each other down
/// and make input timing a matter of luck.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// The app under test, and how many frames it has drawn.
struct App {
    child: Child,
    frames: Arc<AtomicUsize>,
}

fn xdotool(display: &Display, args: &[&str]) -> Output {
    let output = Command::new("xdotool")
        .args(args)
        .env("DISPLAY", &display.name)
        .output()
        .expect("xdotool runs: install it (apt-get install -y xdotool) to run this test");
    assert!(output.status.success(), "xdotool {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    output
}

/// Starts the app on `file` with fresh settings, in English.
fn start(display: &Display, file: &Path, settings: &Path) -> App {
    let mut child = cli::process()
        .arg(file)
        .env("PITCHCRAFT_TRACE_FRAMES", "1")
        .stderr(Stdio::piped())
        .env("DISPLAY", &display.name)
        .env("XDG_DATA_HOME", settings)
        .env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("WAYLAND_DISPLAY")
        .spawn()
        .expect("pitchcraft starts");
    let frames = Arc::new(AtomicUsize::new(0));
    let counter = frames.clone();
    let stderr = child.stderr.take().expect("piped");
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if line.starts_with("frame") {
                counter.fetch_add(1, Ordering::SeqCst);
            }
        }
    });
    App { child, frames }
}

/// Waits until the app has drawn more frames than `seen` (it repaints after input).
fn wait_for_frame(app: &App, seen: usize) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while app.frames.load(Ordering::SeqCst) <= seen {
        assert!(Instant::now() < deadline, "the app drew no frame after the input");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Polls `file` until `check` accepts the loaded document, for up to 15 s; on failure the
/// screen is kept as `target/e2e-failure.png` (imagemagick's `import`) to see why.
fn wait_for_file(
    display: &Display,
    file: &Path,
    check: impl Fn(&pitchcraft::model::BrandDocument) -> bool,
) -> pitchcraft::model::BrandDocument {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if let Ok(loaded) = pitchcraft::storage::load(file)
            && check(&loaded.document)
        {
            return loaded.document;
        }
        if Instant::now() > deadline {
            let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("e2e-failure.png");
            let _ = Command::new("import").args(["-window", "root"]).arg(&shot).env("DISPLAY", &display.name).status();
            let name = pitchcraft::storage::load(file).map(|loaded| loaded.document.person.name);
            panic!("{} never showed the edit (name: {name:?}); the screen is in {}", file.display(), shot.display());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The id of the app's window once it is mapped and has drawn its first frames, focused
/// for the keyboard.
fn window_of(display: &Display, app: &mut App) -> String {
    let deadline = Instant::now() + Duration::from_secs(60);
    let pid = app.child.id().to_string();
    loop {
        assert!(app.child.try_wait().unwrap().is_none(), "the app ended before showing its window");
        let found = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--pid", &pid])
            .env("DISPLAY", &display.name)
            .output()
            .expect("xdotool runs: install it (apt-get install -y xdotool) to run this test");
        let window = String::from_utf8_lossy(&found.stdout).lines().next().map(str::to_owned);
        if let Some(window) = window
            && app.frames.load(Ordering::SeqCst) >= 3
        {
            // Layout and fonts settle within the first frames; focusing draws one more.
            let seen = app.frames.load(Ordering::SeqCst);
            xdotool(display, &["windowfocus", "--sync", &window]);
            wait_for_frame(app, seen);
            return window;
        }
        assert!(Instant::now() < deadline, "no window appeared within 60 s");
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Waits for the app to end by itself (after Ctrl+Q), killing it after 30 s.
fn wait_for_exit(app: &mut App) -> std::process::ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Some(status) = app.child.try_wait().unwrap() {
            return status;
        }
        if Instant::now() > deadline {
            let _ = app.child.kill();
            panic!("the app did not quit on Ctrl+Q");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn typing_and_ctrl_s_in_the_real_window_change_the_file_as_typed() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let dir = tempfile::tempdir().unwrap();
    let file = common::sample_copy(dir.path());
    // Where the Name field is on a first start, from the same app under kittest.
    let name_field = {
        let (harness, _) = common::app_sized(Launch { file: Some(file.clone()), ..Launch::default() }, FIRST_WINDOW);
        use egui_kittest::kittest::Queryable;
        harness.get_by_label("Name").rect().center()
    };
    let before = pitchcraft::storage::load(&file).unwrap().document;
    assert_eq!(before.person.name, "Sanne de Vries");

    let Some(display) = private_display() else { return };
    if !xvfb::tools::available("xdotool", "xdotool") {
        return;
    }
    let mut app = start(&display, &file, &dir.path().join("settings"));
    let window = window_of(&display, &mut app);
    let (x, y) = (name_field.x.round().to_string(), name_field.y.round().to_string());
    let seen = app.frames.load(Ordering::SeqCst);
    xdotool(&display, &["mousemove", "--window", &window, &x, &y, "click", "1"]);
    wait_for_frame(&app, seen);
    xdotool(&display, &["key", "End"]);
    xdotool(&display, &["type", "--delay", "40", " (e2e), CFO"]);
    xdotool(&display, &["key", "ctrl+s"]);
    wait_for_file(&display, &file, |document| document.person.name != "Sanne de Vries");
    let saved = pitchcraft::storage::load(&file).expect("the saved file loads").document;
    assert_eq!(saved.person.name, "Sanne de Vries (e2e), CFO", "Ctrl+S wrote what was typed");
    xdotool(&display, &["key", "ctrl+q"]);
    let status = wait_for_exit(&mut app);
    assert!(status.success(), "the app quit cleanly: {status}");

    let after = pitchcraft::storage::load(&file).expect("the file still loads").document;
    assert_eq!(after.person.name, "Sanne de Vries (e2e), CFO");
    let mut expected = before;
    expected.person.name = after.person.name.clone();
    assert_eq!(after, expected, "nothing but the typed name changed");
}

#[test]
fn a_corrupt_file_is_left_untouched_by_the_real_window() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.brand.ron");
    let corrupt = &pitchcraft::storage::SAMPLE_RON[..4000];
    std::fs::write(&file, corrupt).unwrap();

    let Some(display) = private_display() else { return };
    if !xvfb::tools::available("xdotool", "xdotool") {
        return;
    }
    let mut app = start(&display, &file, &dir.path().join("settings"));
    let _window = window_of(&display, &mut app);
    // Everything a person might try: type, save, quit.
    xdotool(&display, &["type", "--delay", "40", "hello"]);
    let seen = app.frames.load(Ordering::SeqCst);
    xdotool(&display, &["key", "ctrl+s"]);
    wait_for_frame(&app, seen);
    xdotool(&display, &["key", "ctrl+q"]);
    let status = wait_for_exit(&mut app);
    assert!(status.success(), "the app quit cleanly: {status}");
    assert_eq!(std::fs::read(&file).unwrap(), corrupt.as_bytes(), "the corrupt file was not written to");
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name != "broken.brand.ron" && name != "settings")
        .collect();
    assert!(leftovers.is_empty(), "nothing was written beside it: {leftovers:?}");
}
