//! Stamps the binary with the commit it was built from, for `--version` and Help → About.
//! Outside a git checkout (a source tarball) it says "unknown commit", unless the packager
//! sets `PITCHCRAFT_COMMIT`.

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
}

/// The trimmed output of a git command run in the package's folder, if it succeeds.
fn git(args: &[&str]) -> Option<String> {
    let output = Command::new("git").args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().ok()?;
    let text = String::from_utf8(output.stdout).ok()?.trim().to_owned();
    (output.status.success() && !text.is_empty()).then_some(text)
}
