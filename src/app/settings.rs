//! The app's own settings (not the document): recent files, theme, language, zoom and
//! the last page. Kept in their own file, `settings.ron`, written atomically like a
//! document: eframe's storage rewrites `app.ron` in place, which a full disk would leave
//! empty. The document never goes there.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::logic::discover::Step;
use crate::model::Language;
use crate::state::{Page, ThemeChoice};
use crate::storage::{Disk, write_atomically_on};

/// How many recent files are remembered.
pub const MAX_RECENT: usize = 10;

/// Smallest and largest zoom factor.
pub const ZOOM_RANGE: std::ops::RangeInclusive<f32> = 0.5..=3.0;

/// Where older versions kept the settings: a key in eframe's storage (read once, then the
/// settings live in their own file).
const STORAGE_KEY: &str = "pitchcraft.settings";

/// The settings file: `~/.local/share/io.github.pitchcraft.pitchcraft/settings.ron`
/// (`$XDG_DATA_HOME`), beside eframe's `app.ron` with the window's state.
pub fn settings_path() -> Option<PathBuf> {
    crate::identity::settings_dir().map(|dir| dir.join("settings.ron"))
}

/// Settings that survive a restart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Recently opened documents, newest first.
    pub recent: Vec<PathBuf>,
    /// Light, dark or system.
    pub theme: ThemeChoice,
    /// The app's language.
    pub language: Language,
    /// The zoom factor, 1.0 is normal.
    pub zoom: f32,
    /// The page shown last.
    pub page: Page,
    /// The Discover step shown last.
    pub discover_step: Step,
    /// How the person rehearses.
    pub rehearse: crate::ui::rehearse::RehearseSettings,
    /// The morning digest set up on this computer: for which document, at which hour.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub morning: Option<(PathBuf, u8)>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            theme: ThemeChoice::System,
            language: crate::i18n::system_language().unwrap_or_default(),
            zoom: 1.0,
            page: Page::Discover,
            discover_step: Step::Welcome,
            rehearse: Default::default(),
            morning: None,
        }
    }
}

impl Settings {
    /// Reads the settings from their file, else from where older versions kept them, else
    /// the defaults (also when they do not parse).
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        let own = settings_path().and_then(|path| Self::read_from(&path));
        let mut settings: Settings =
            own.or_else(|| storage.and_then(|storage| eframe::get_value(storage, STORAGE_KEY))).unwrap_or_default();
        settings.zoom = settings.zoom.clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end());
        if !settings.zoom.is_finite() {
            settings.zoom = 1.0;
        }
        settings
    }

    /// The settings in the file at `path`, if it holds any.
    pub fn read_from(path: &Path) -> Option<Self> {
        let text = std::fs::read_to_string(path).ok()?;
        ron::from_str(&text).ok()
    }

    /// Writes the settings to `path` through `disk`, atomically: on a full or read-only
    /// disk the old file stays as it was.
    pub fn write_to(&self, disk: &dyn Disk, path: &Path) -> std::io::Result<()> {
        let text =
            ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default()).map_err(std::io::Error::other)?;
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        write_atomically_on(disk, path, text.as_bytes())
    }

    /// Puts `path` at the top of the recent list.
    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|known| *known != path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    /// Takes `path` off the recent list.
    pub fn forget(&mut self, path: &Path) {
        self.recent.retain(|known| known != path);
    }

    /// Zooms by `step` (e.g. +0.1), within the allowed range, in tenths.
    pub fn zoom_by(&mut self, step: f32) {
        let zoom = ((self.zoom + step) * 10.0).round() / 10.0;
        self.zoom = zoom.clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_newest_first_and_bounded() {
        let mut settings = Settings::default();
        for n in 0..15 {
            settings.remember(Path::new(&format!("/nowhere/{n}.brand.ron")));
        }
        settings.remember(Path::new("/nowhere/3.brand.ron"));
        assert_eq!(settings.recent.len(), MAX_RECENT);
        assert_eq!(settings.recent[0], Path::new("/nowhere/3.brand.ron"));
        assert_eq!(settings.recent.iter().filter(|p| p.ends_with("3.brand.ron")).count(), 1);
    }

    #[test]
    fn settings_survive_a_failing_disk_and_read_back() {
        use crate::storage::faults::{Fault, FaultyDisk, Step as WriteStep};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.ron");
        let mut settings = Settings::default();
        settings.remember(Path::new("/nowhere/sanne.brand.ron"));
        settings.write_to(&crate::storage::RealDisk, &path).unwrap();
        let before = std::fs::read(&path).unwrap();
        settings.zoom = 2.0;
        for step in [WriteStep::CreateTemp, WriteStep::Write, WriteStep::Sync, WriteStep::Rename] {
            for fault in Fault::ALL {
                assert!(settings.write_to(&FaultyDisk::failing(step, fault), &path).is_err(), "{step:?} {fault:?}");
                assert_eq!(std::fs::read(&path).unwrap(), before, "{step:?} {fault:?}");
                assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "a temporary file was left");
            }
        }
        let read = Settings::read_from(&path).unwrap();
        assert_eq!(read.recent, [Path::new("/nowhere/sanne.brand.ron")]);
        assert_eq!(read.zoom, 1.0);
    }

    #[test]
    fn zoom_stays_in_range() {
        let mut settings = Settings::default();
        for _ in 0..50 {
            settings.zoom_by(0.1);
        }
        assert_eq!(settings.zoom, 3.0);
        for _ in 0..50 {
            settings.zoom_by(-0.1);
        }
        assert_eq!(settings.zoom, 0.5);
    }
}
