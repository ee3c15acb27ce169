//! What a screen reader meets, end to end: the real app under Xvfb with a private D-Bus
//! session and the AT-SPI bus switched on, read through pyatspi as Orca reads it, on the
//! welcome screen and every page of the sample, in English and Dutch
//! (`scripts/check-a11y.sh --assert`): no control without a name, no sibling buttons that
//! share a name, the window frame named after its title, and the welcome cards reached by
//! Tab and pressed by Enter. Without the tools it needs the script says so in one line and
//! the test passes; with CI=true it fails.

use std::process::Command;

#[test]
fn every_control_has_a_name_and_the_welcome_cards_take_the_keyboard() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new("bash")
        .arg(format!("{root}/scripts/check-a11y.sh"))
        .arg(env!("CARGO_BIN_EXE_pitchcraft"))
        .arg("--assert")
        .current_dir(root)
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let problems: Vec<&str> =
        stderr.lines().filter(|line| line.starts_with("a11y:") || line.starts_with("check-a11y")).collect();
    println!("{stdout}");
    assert!(out.status.success(), "{stdout}\n{}", problems.join("\n"));
    if let Some(skipped) = stderr.lines().find(|line| line.starts_with("check-a11y: skipped")) {
        eprintln!("{skipped}");
    }
}
