//! The app's own settings (not the document): recent files, theme, language, zoom and
//! the last page. Stored through eframe's persistence; the document never goes there.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::logic::discover::Step;
use crate::model::Language;
use crate::ui::{Page, ThemeChoice};

/// How many recent files are remembered.
pub const MAX_RECENT: usize = 10;

/// Smallest and largest zoom factor.
pub const ZOOM_RANGE: std::ops::RangeInclusive<f32> = 0.5..=3.0;

const STORAGE_KEY: &str = "pitchcraft.settings";

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
        }
    }
}

impl Settings {
    /// Reads the settings, or the defaults when there are none or they do not parse.
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        let mut settings: Settings =
            storage.and_then(|storage| eframe::get_value(storage, STORAGE_KEY)).unwrap_or_default();
        settings.zoom = settings.zoom.clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end());
        if !settings.zoom.is_finite() {
            settings.zoom = 1.0;
        }
        settings
    }

    /// Writes the settings.
    pub fn store(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, self);
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
