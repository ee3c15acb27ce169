//! "Remind me each morning": what the desktop needs to run `pitchcraft followups FILE
//! --notify` once a day at the chosen hour without the app open — a systemd user timer
//! (`Persistent=true`, so a morning the computer was off is caught up at the next start), or
//! where systemd does not run, an autostart entry that runs it at login. Nothing runs all
//! day: the command sends the digest and ends.

use std::path::Path;

/// The unit files' names.
pub const SERVICE: &str = "pitchcraft-digest.service";
pub const TIMER: &str = "pitchcraft-digest.timer";
/// The autostart entry's name.
pub const AUTOSTART: &str = "pitchcraft-digest.desktop";

/// A path as one argument of a systemd `ExecStart=` line: quoted, with `\` and `"` escaped,
/// and `%` and `$` doubled (systemd would expand them).
fn systemd_argument(path: &Path) -> String {
    let text = path.to_string_lossy();
    let escaped = text.replace('\\', "\\\\").replace('"', "\\\"").replace('%', "%%").replace('$', "$$");
    format!("\"{escaped}\"")
}

/// A path as one argument of a desktop entry's `Exec=` line (quoted; `"`, `` ` ``, `$` and
/// `\` escaped, `%` doubled, as the Desktop Entry specification asks).
fn exec_argument(path: &Path) -> String {
    let text = path.to_string_lossy();
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '`' | '$' | '\\' => {
                out.push_str("\\\\");
                out.push(c);
            }
            '%' => out.push_str("%%"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The service and the timer that send the digest of `document` each day at `hour`.
pub fn systemd_units(program: &Path, document: &Path, hour: u8) -> (String, String) {
    let service = format!(
        "[Unit]\nDescription=Pitchcraft: today's network digest\n\n[Service]\nType=oneshot\nExecStart={} followups {} --notify\n",
        systemd_argument(program),
        systemd_argument(document)
    );
    let timer = format!(
        "[Unit]\nDescription=Pitchcraft: today's network digest, each morning\n\n[Timer]\nOnCalendar=*-*-* {:02}:00:00\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n",
        hour.min(23)
    );
    (service, timer)
}

/// The autostart entry that sends the digest at login, where no systemd user manager runs.
pub fn autostart_entry(program: &Path, document: &Path) -> String {
    format!(
        "[Desktop Entry]\nType=Application\nName=Pitchcraft digest\nComment=Today's network digest\nExec={} followups {} --notify\nNoDisplay=true\nX-GNOME-Autostart-enabled=true\n",
        exec_argument(program),
        exec_argument(document)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_with_spaces_quotes_and_percent_signs_stay_one_argument() {
        let (service, timer) =
            systemd_units(Path::new("/opt/pitch craft/pitchcraft"), Path::new("/home/zoë/100% \"mijn\".brand.ron"), 7);
        assert!(service.contains("ExecStart=\"/opt/pitch craft/pitchcraft\" followups \"/home/zoë/100%% \\\"mijn\\\".brand.ron\" --notify\n"), "{service}");
        assert!(timer.contains("OnCalendar=*-*-* 07:00:00\nPersistent=true\n"), "{timer}");
        let entry = autostart_entry(Path::new("/usr/bin/pitchcraft"), Path::new("/home/jan/$werk.brand.ron"));
        assert!(
            entry.contains("Exec=\"/usr/bin/pitchcraft\" followups \"/home/jan/\\\\$werk.brand.ron\" --notify\n"),
            "{entry}"
        );
    }
}
