//! `followups --notify`: the morning digest as one desktop notification, with an "Open"
//! action that starts the app on the Network page. Sent over D-Bus to the desktop's
//! notification server (org.freedesktop.Notifications).

use std::path::Path;

use crate::logic::digest::Digest;

/// Sends `digest` and waits until it is closed or acted on; "Open" starts the app on the
/// Network page with `file`. The program started is `PITCHCRAFT_APP` when set (the tests
/// put a recorder there), else this one.
#[cfg(all(unix, not(target_os = "macos")))]
pub(super) fn send(digest: &Digest, open: &str, file: &Path) -> Result<(), String> {
    let handle = notify_rust::Notification::new()
        .appname("Pitchcraft")
        .summary(&digest.title)
        .body(&digest.lines.join("\n"))
        .icon("io.github.pitchcraft.Pitchcraft")
        .action("default", open)
        .show()
        .map_err(|e| format!("no notification could be shown: {e}"))?;
    let file = file.to_path_buf();
    handle.wait_for_action(move |action| {
        if action == "default" {
            let program = std::env::var_os("PITCHCRAFT_APP")
                .map(std::path::PathBuf::from)
                .or_else(|| std::env::current_exe().ok());
            if let Some(program) = program {
                let _ = std::process::Command::new(program).arg(&file).args(["--page", "network"]).spawn();
            }
        }
    });
    Ok(())
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
pub(super) fn send(_digest: &Digest, _open: &str, _file: &Path) -> Result<(), String> {
    Err("desktop notifications are sent on Linux and the BSDs only, for now".to_owned())
}
