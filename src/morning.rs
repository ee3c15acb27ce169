//! Installing "Remind me each morning" on this computer: a systemd user timer where a user
//! manager runs (enabled at once), else an autostart entry that sends the digest at login.
//! Removing takes away whichever is there. The files are in the user's configuration folder
//! (`$XDG_CONFIG_HOME`, else `~/.config`).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::logic::morning::{AUTOSTART, SERVICE, TIMER, autostart_entry, systemd_units};

/// How the reminder was set up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Installed {
    /// A systemd user timer, enabled.
    Timer,
    /// An autostart entry (no systemd user manager here).
    Autostart,
}

fn config_dir() -> Result<PathBuf, String> {
    directories::BaseDirs::new()
        .map(|dirs| dirs.config_dir().to_path_buf())
        .ok_or_else(|| "no home folder to keep the reminder in".to_owned())
}

fn systemctl(args: &[&str]) -> bool {
    Command::new("systemctl").arg("--user").args(args).output().is_ok_and(|out| out.status.success())
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    }
    crate::storage::write_atomically(path, text.as_bytes()).map_err(|e| format!("{}: {e}", path.display()))
}

/// Sets up the digest of `document` each day at `hour`, replacing an earlier one.
pub fn install(document: &Path, hour: u8) -> Result<(Installed, PathBuf), String> {
    let program = std::env::current_exe().map_err(|e| format!("this program's own path: {e}"))?;
    let document = std::fs::canonicalize(document).map_err(|e| format!("{}: {e}", document.display()))?;
    let config = config_dir()?;
    remove()?;
    if systemctl(&["show-environment"]) {
        let units = config.join("systemd/user");
        let (service, timer) = systemd_units(&program, &document, hour);
        write(&units.join(SERVICE), &service)?;
        write(&units.join(TIMER), &timer)?;
        if systemctl(&["daemon-reload"]) && systemctl(&["enable", "--now", TIMER]) {
            return Ok((Installed::Timer, units.join(TIMER)));
        }
        // The manager would not take it: the autostart entry below instead.
        let _ = std::fs::remove_file(units.join(SERVICE));
        let _ = std::fs::remove_file(units.join(TIMER));
    }
    let entry = config.join("autostart").join(AUTOSTART);
    write(&entry, &autostart_entry(&program, &document))?;
    Ok((Installed::Autostart, entry))
}

/// Takes the reminder away (nothing there is not an error).
pub fn remove() -> Result<(), String> {
    let config = config_dir()?;
    let units = config.join("systemd/user");
    if units.join(TIMER).exists() {
        systemctl(&["disable", "--now", TIMER]);
    }
    for path in [units.join(SERVICE), units.join(TIMER), config.join("autostart").join(AUTOSTART)] {
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("{}: {e}", path.display())),
        }
    }
    if units.exists() {
        systemctl(&["daemon-reload"]);
    }
    Ok(())
}
