//! The `pitchcraft` binary: parses the command line and runs a subcommand or the app.

use clap::Parser;

fn main() -> std::process::ExitCode {
    // Usage errors exit with code 2, `--help` and `--version` with 0 (clap's convention).
    let cli = pitchcraft::cli::Cli::try_parse().unwrap_or_else(|error| error.exit());
    pitchcraft::cli::run(cli)
}
