//! Stamps the binary with the commit it was built from, for `--version` and Help → About.
//! Outside a git checkout (a source tarball) it says "unknown commit", unless the packager
//! sets `PITCHCRAFT_COMMIT`.
//!
//! Built for Windows, the executable also carries its icon and version information, which
//! Explorer, the taskbar, the Start menu and Apps & features show.

use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=PITCHCRAFT_COMMIT");
    let commit = std::env::var("PITCHCRAFT_COMMIT")
        .ok()
        .filter(|commit| !commit.trim().is_empty())
        .or_else(|| git(&["rev-parse", "--short=7", "HEAD"]));
    if let Some(git_dir) = git(&["rev-parse", "--absolute-git-dir"]) {
        // Rebuild when HEAD moves: a new commit on the branch, or another branch.
        let git_dir = Path::new(&git_dir);
        println!("cargo:rerun-if-changed={}", git_dir.join("HEAD").display());
        if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
            println!("cargo:rerun-if-changed={}", git_dir.join(branch).display());
        }
        println!("cargo:rerun-if-changed={}", git_dir.join("packed-refs").display());
    }
    println!("cargo:rustc-env=PITCHCRAFT_COMMIT={}", commit.unwrap_or_else(|| "unknown commit".to_owned()));
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        windows_resources();
    }
}

/// The icon and the version block of `pitchcraft.exe`, compiled by the resource compiler of
/// the toolchain (MinGW's `windres` when cross-building from Linux) and linked into the
/// program only (not the tests).
fn windows_resources() {
    const ICON: &str = "packaging/windows/pitchcraft.ico";
    println!("cargo:rerun-if-changed={ICON}");
    let version = env!("CARGO_PKG_VERSION");
    // An absolute path: the resource compiler runs in another folder.
    let icon = Path::new(env!("CARGO_MANIFEST_DIR")).join(ICON);
    let mut resources = winresource::WindowsResource::new();
    resources
        .set_icon(&icon.to_string_lossy())
        .set("ProductName", "Pitchcraft")
        .set("FileDescription", "Pitchcraft")
        .set("CompanyName", "The Pitchcraft project")
        .set("LegalCopyright", "© 2026 The Pitchcraft project. MIT OR Apache-2.0")
        .set("InternalName", "pitchcraft")
        .set("OriginalFilename", "pitchcraft.exe")
        .set("Comments", env!("CARGO_PKG_DESCRIPTION"))
        .set("FileVersion", version)
        .set("ProductVersion", version);
    if let Err(error) = resources.compile_for("pitchcraft") {
        panic!(
            "the Windows resources ({ICON}, version information) could not be compiled: {error}. \
             Cross-building from Linux needs MinGW-w64's windres (Debian: binutils-mingw-w64-x86-64)"
        );
    }
}

/// The trimmed output of a git command run in the package's folder, if it succeeds.
fn git(args: &[&str]) -> Option<String> {
    let output = Command::new("git").args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().ok()?;
    let text = String::from_utf8(output.stdout).ok()?.trim().to_owned();
    (output.status.success() && !text.is_empty()).then_some(text)
}
