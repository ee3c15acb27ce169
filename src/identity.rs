//! Who the app is to the desktop: its application id, version and commit, and where it
//! keeps its settings. The id names the window (Wayland app id, X11 WM_CLASS), the desktop
//! file, the AppStream component and the icon, so they must all say the same thing.

use std::io;
use std::path::{Path, PathBuf};

/// The reverse-DNS application id (the project's home is github.com/pitchcraft).
pub const APP_ID: &str = "io.github.pitchcraft.Pitchcraft";

/// The id versions up to 0.1 kept their settings under.
pub const OLD_APP_ID: &str = "pitchcraft";

/// The version, from Cargo.toml.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The commit the binary was built from ("unknown commit" outside git; see build.rs).
pub const COMMIT: &str = env!("PITCHCRAFT_COMMIT");

/// What `--version` prints after the name: `0.2.0 (abc1234)`.
pub const VERSION_LINE: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("PITCHCRAFT_COMMIT"), ")");

/// The licence the app is published under.
pub const LICENSE: &str = env!("CARGO_PKG_LICENSE");

/// The project's home, where the README is.
pub const HOMEPAGE: &str = env!("CARGO_PKG_HOMEPAGE");

/// The app's icon, 256 px (the window icon; the desktop uses the installed set).
pub const ICON_PNG: &[u8] = include_bytes!("../assets/icons/hicolor/256x256/apps/io.github.pitchcraft.Pitchcraft.png");

/// The window icon, decoded from [`ICON_PNG`] (8-bit RGBA, as the icon script writes it).
pub fn window_icon() -> Option<egui::IconData> {
    let mut reader = png::Decoder::new(std::io::Cursor::new(ICON_PNG)).read_info().ok()?;
    let mut rgba = vec![0; reader.output_buffer_size()?];
    let frame = reader.next_frame(&mut rgba).ok()?;
    let rgba8 = frame.color_type == png::ColorType::Rgba && frame.bit_depth == png::BitDepth::Eight;
    rgba.truncate(frame.buffer_size());
    rgba8.then_some(egui::IconData { rgba, width: frame.width, height: frame.height })
}

/// The folder that holds the settings and the window's state:
/// `~/.local/share/io.github.pitchcraft.pitchcraft` (`$XDG_DATA_HOME`) on Linux.
pub fn settings_dir() -> Option<PathBuf> {
    eframe::storage_dir(APP_ID)
}

/// Where the speech model is kept once downloaded: the user's data folder; on Windows the
/// local one (`%LOCALAPPDATA%`), not the roaming profile the settings are in, which would
/// carry 145 MB along at every sign-in.
pub fn speech_model_dir() -> Option<PathBuf> {
    #[cfg(windows)]
    return directories::BaseDirs::new()
        .map(|dirs| dirs.data_local_dir().join(APP_ID).join("models").join("whisper-base"));
    #[cfg(not(windows))]
    settings_dir().map(|dir| dir.join("models").join("whisper-base"))
}

/// The person's documents folder (`Documents` on Windows and macOS, `XDG_DOCUMENTS_DIR` on
/// Linux), where Save As starts.
pub fn documents_dir() -> Option<PathBuf> {
    directories::UserDirs::new().and_then(|dirs| dirs.document_dir().map(Path::to_path_buf))
}

/// Where the speech model is looked for: the folder given (`--model`), else
/// `PITCHCRAFT_WHISPER_DIR`, else the user's data folder.
pub fn speech_model(given: Option<&Path>) -> Option<PathBuf> {
    given
        .map(Path::to_path_buf)
        .or_else(|| std::env::var_os("PITCHCRAFT_WHISPER_DIR").map(PathBuf::from))
        .or_else(speech_model_dir)
}

/// Moves the settings kept under the old id to the new id's folder, once: only when the new
/// folder does not exist yet. Returns whether anything moved. The old folder is renamed
/// in one step; where that cannot be done (another file system) its files are copied and
/// the old folder is left as it was.
pub fn move_old_settings(old: &Path, new: &Path) -> io::Result<bool> {
    if new.exists() || !old.is_dir() {
        return Ok(false);
    }
    if let Some(parent) = new.parent() {
        std::fs::create_dir_all(parent)?;
    }
    if std::fs::rename(old, new).is_ok() {
        return Ok(true);
    }
    // Copy into a temporary folder beside the new one, then rename it, so a failure
    // half-way never leaves a new folder that would stop the next attempt.
    let staging = new.with_extension("moving");
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(&staging)?;
    for entry in std::fs::read_dir(old)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            std::fs::copy(entry.path(), staging.join(entry.file_name()))?;
        }
    }
    std::fs::rename(&staging, new)?;
    Ok(true)
}

/// Moves the settings of older versions over, if there are any; says so on stderr when
/// it fails (the app then starts with default settings and the old ones stay put).
pub fn adopt_old_settings() {
    let (Some(old), Some(new)) = (eframe::storage_dir(OLD_APP_ID), settings_dir()) else { return };
    if let Err(error) = move_old_settings(&old, &new) {
        eprintln!("pitchcraft: could not move the settings from {} to {}: {error}", old.display(), new.display());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_line_names_the_version_and_a_commit() {
        assert!(VERSION_LINE.starts_with(&format!("{VERSION} (")), "{VERSION_LINE}");
        let commit = COMMIT;
        assert!(
            commit == "unknown commit" || (commit.len() >= 7 && commit.chars().all(|c| c.is_ascii_hexdigit())),
            "{commit}"
        );
    }

    #[test]
    fn old_settings_move_once_and_never_over_new_ones() {
        let home = tempfile::tempdir().unwrap();
        let old = home.path().join("pitchcraft");
        let new = home.path().join("io.github.pitchcraft.pitchcraft");
        std::fs::create_dir(&old).unwrap();
        std::fs::write(old.join("settings.ron"), "(zoom: 1.5)").unwrap();
        std::fs::write(old.join("app.ron"), "{}").unwrap();

        assert!(move_old_settings(&old, &new).unwrap());
        assert_eq!(std::fs::read_to_string(new.join("settings.ron")).unwrap(), "(zoom: 1.5)");
        assert!(new.join("app.ron").is_file());
        assert!(!old.exists());

        // An old folder that reappears (an old version ran again) never replaces the new one.
        std::fs::create_dir(&old).unwrap();
        std::fs::write(old.join("settings.ron"), "(zoom: 3.0)").unwrap();
        assert!(!move_old_settings(&old, &new).unwrap());
        assert_eq!(std::fs::read_to_string(new.join("settings.ron")).unwrap(), "(zoom: 1.5)");
    }

    #[test]
    fn nothing_to_move_is_not_an_error() {
        let home = tempfile::tempdir().unwrap();
        let new = home.path().join("new");
        assert!(!move_old_settings(&home.path().join("missing"), &new).unwrap());
        assert!(!new.exists());
    }

    #[test]
    fn the_window_icon_decodes_to_256_px_of_rgba() {
        let icon = window_icon().expect("the icon decodes");
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
        // The corners are transparent (a rounded tile), the middle is not.
        assert_eq!(icon.rgba[3], 0);
        assert_eq!(icon.rgba[(128 * 256 + 128) * 4 + 3], 255);
    }
}
