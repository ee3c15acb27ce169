//! The `pitchcraft` binary: parses the command line and runs a subcommand or the app.

// On Windows a GUI program: no console window beside the app. The command line attaches
// to the terminal it was started from instead (below).
#![cfg_attr(windows, windows_subsystem = "windows")]

use clap::Parser;

fn main() -> std::process::ExitCode {
    if std::env::args_os().len() > 1 {
        pitchcraft_windows::attach_parent_console();
    }
    // Usage errors exit with code 2, `--help` and `--version` with 0 (clap's convention).
    let cli = pitchcraft::cli::Cli::try_parse().unwrap_or_else(|error| error.exit());
    pitchcraft::cli::run(cli)
}
