//! Optional tools of the tests (Xvfb, xdotool, …): a test that needs one skips with one
//! line where it is missing, and fails where `CI=true`, since CI installs everything.

use std::io::Write;

/// Whether `program` is on the PATH. When it is not, says so in one line naming the
/// Debian package to install, and returns false; with `CI=true` the test fails instead.
#[allow(dead_code)]
pub fn available(program: &str, package: &str) -> bool {
    if on_path(program) {
        return true;
    }
    skip(&format!("no {program} — apt-get install {package}"));
    false
}

/// Says why a test is skipped, in one line that shows even though the test passes;
/// with `CI=true` the test fails instead.
pub fn skip(why: &str) {
    let line = format!("skipped: {why}");
    assert!(std::env::var("CI").as_deref() != Ok("true"), "CI=true, and nothing may skip: {line}");
    // Straight to stderr: the test harness captures `eprintln!` of passing tests.
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// Whether the system has a font with the code point `hex` (fontconfig's `fc-list`); when
/// it has none, says in one line what to install (and fails where `CI=true`).
#[allow(dead_code)]
pub fn system_font_for(hex: &str, package: &str) -> bool {
    let found = std::process::Command::new("fc-list")
        .arg(format!(":charset={hex}"))
        .arg("file")
        .output()
        .is_ok_and(|out| out.status.success() && !out.stdout.is_empty());
    if !found {
        skip(&format!("no font for U+{hex} — apt-get install fontconfig {package}"));
    }
    found
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|folder| folder.join(program).is_file()))
}
