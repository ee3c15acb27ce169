//! `pitchcraft screenshot` opens the real window (glow, or wgpu, on whatever GPU or software
//! renderer the machine has), renders the sample and writes a PNG that is a real frame:
//! the right size, many colours, and different in light and dark.
//!
//! Needs an X server: it uses $DISPLAY, or starts its own Xvfb (install `xvfb`).

#[path = "support/cli.rs"]
mod cli;

#[path = "support/xvfb.rs"]
mod xvfb;

use std::path::Path;

use xvfb::{Display, display};

struct Frame {
    width: u32,
    height: u32,
    rgba: Vec<u8>,
}

fn screenshot(display: &Display, out: &Path, args: &[&str]) -> Frame {
    let status = cli::process()
        .arg("screenshot")
        .arg(out)
        .args(args)
        .env("DISPLAY", &display.name)
        .env("XDG_DATA_HOME", out.parent().expect("folder"))
        .env_remove("WAYLAND_DISPLAY")
        .status()
        .expect("pitchcraft runs");
    assert!(status.success(), "pitchcraft screenshot {args:?} failed: {status}");
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(out).expect("the PNG exists")));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut rgba = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut rgba).expect("pixels");
    assert_eq!(info.color_type, png::ColorType::Rgba);
    rgba.truncate(info.buffer_size());
    Frame { width: info.width, height: info.height, rgba }
}

fn read_png(path: &Path) -> Frame {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).expect("the PNG exists")));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut rgba = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut rgba).expect("pixels");
    rgba.truncate(info.buffer_size());
    Frame { width: info.width, height: info.height, rgba }
}

fn distinct_colours(frame: &Frame) -> usize {
    let mut colours: Vec<[u8; 4]> = frame.rgba.chunks_exact(4).map(|p| [p[0], p[1], p[2], p[3]]).collect();
    colours.sort_unstable();
    colours.dedup();
    colours.len()
}

fn mean_brightness(frame: &Frame) -> f64 {
    let sum: u64 = frame.rgba.chunks_exact(4).map(|p| u64::from(p[0]) + u64::from(p[1]) + u64::from(p[2])).sum();
    sum as f64 / (frame.rgba.len() / 4 * 3) as f64
}

#[test]
fn the_real_window_renders_a_non_blank_frame() {
    let Some(display) = display() else { return };
    let dir = tempfile::tempdir().unwrap();
    let light = screenshot(&display, &dir.path().join("light.png"), &["--page", "discover", "--size", "1280x800"]);
    assert_eq!((light.width, light.height), (1280, 800));
    assert!(distinct_colours(&light) > 50, "a blank or flat frame: {} colours", distinct_colours(&light));

    let dark =
        screenshot(&display, &dir.path().join("dark.png"), &["--page", "pitches", "--theme", "dark", "--lang", "nl"]);
    assert!(distinct_colours(&dark) > 50);
    assert!(
        mean_brightness(&light) > mean_brightness(&dark) + 60.0,
        "light {:.0} vs dark {:.0}",
        mean_brightness(&light),
        mean_brightness(&dark)
    );
}

/// A screenshot run with extra environment variables: its exit status and stderr.
fn screenshot_with(display: &Display, out: &Path, env: &[(&str, &str)]) -> (std::process::Output, String) {
    let output = cli::process()
        .arg("screenshot")
        .arg(out)
        .args(["--page", "card", "--size", "800x600"])
        .env("DISPLAY", &display.name)
        .env("XDG_DATA_HOME", out.parent().expect("folder"))
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("PITCHCRAFT_RENDERER")
        .envs(env.iter().copied())
        .output()
        .expect("pitchcraft runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output, stderr)
}

#[test]
fn each_renderer_draws_and_a_failing_one_falls_back_to_the_other() {
    let Some(display) = display() else { return };
    let dir = tempfile::tempdir().unwrap();
    for renderer in ["glow", "wgpu"] {
        let out = dir.path().join(format!("{renderer}.png"));
        let (output, stderr) = screenshot_with(&display, &out, &[("PITCHCRAFT_RENDERER", renderer)]);
        assert!(output.status.success(), "{renderer}: {stderr}");
        let frame = read_png(&out);
        assert_eq!((frame.width, frame.height), (800, 600));
        assert!(distinct_colours(&frame) > 50, "{renderer}: a blank frame");
    }

    // The default (glow) fails as a broken driver would: wgpu draws the window instead.
    let out = dir.path().join("fallback.png");
    let (output, stderr) = screenshot_with(&display, &out, &[("PITCHCRAFT_FAIL_RENDERER", "glow")]);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("the glow renderer could not start"), "{stderr}");
    assert!(distinct_colours(&read_png(&out)) > 50);

    // Forced to the failing one: no fallback, a clear message, exit 1, no panic.
    let out = dir.path().join("forced.png");
    let (output, stderr) =
        screenshot_with(&display, &out, &[("PITCHCRAFT_RENDERER", "glow"), ("PITCHCRAFT_FAIL_RENDERER", "glow")]);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("could not open a window (glow: "), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!out.exists());

    let (output, stderr) = screenshot_with(&display, &out, &[("PITCHCRAFT_RENDERER", "vulkan")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr.contains("PITCHCRAFT_RENDERER=vulkan is not a renderer: use glow or wgpu"), "{stderr}");
}

/// The About step of a new document for `name`, as the window shows it.
fn about_step_of(display: &Display, dir: &Path, file: &str, name: &str) -> Frame {
    let document = dir.join(format!("{file}.brand.ron"));
    let created = cli::process().args(["new", document.to_str().unwrap(), "--name", name]).status().unwrap();
    assert!(created.success());
    screenshot(
        display,
        &dir.join(format!("{file}.png")),
        &["--page", "discover", "--step", "about", "--size", "800x600", document.to_str().unwrap()],
    )
}

#[test]
fn names_in_greek_cyrillic_chinese_and_arabic_show_as_letters_not_boxes() {
    let Some(display) = display() else { return };
    if !xvfb::tools::system_font_for("738b", "fonts-wqy-microhei")
        || !xvfb::tools::system_font_for("641", "fonts-dejavu-core")
    {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (script, name) in [("greek", "Ελένη"), ("cyrillic", "Ольга"), ("chinese", "王小明"), ("arabic", "فاطمة")]
    {
        let letters = about_step_of(&display, dir.path(), script, name);
        // The same number of characters no font has: what boxes look like.
        let missing: String = name.chars().map(|_| '\u{10FFFD}').collect();
        let boxes = about_step_of(&display, dir.path(), &format!("{script}-boxes"), &missing);
        let differing = letters.rgba.chunks_exact(4).zip(boxes.rgba.chunks_exact(4)).filter(|(a, b)| a != b).count();
        assert!(differing > 100, "{script}: {name} looks like boxes ({differing} pixels differ)");
        if std::env::var_os("PITCHCRAFT_KEEP_SHOTS").is_some() {
            let keep = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("names-{script}.png"));
            std::fs::copy(dir.path().join(format!("{script}.png")), keep).unwrap();
        }
    }
}
