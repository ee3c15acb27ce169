//! The status bar: which file is open and whether it is saved.

use crate::i18n::{Tr, fill, tr};
use crate::model::Language;
use crate::state::{Origin, SaveStatus, Session};
use crate::ui::theme;

/// Draws the status bar.
pub fn show(ui: &mut egui::Ui, language: Language, session: Option<&Session>, zoom: f32) {
    let t = |key| tr(language, key);
    ui.horizontal(|ui| {
        let Some(session) = session else {
            ui.label(egui::RichText::new(t(Tr::NoDocumentOpen)).weak());
            return;
        };
        let place = match (session.path(), &session.origin) {
            (Some(path), _) => path.display().to_string(),
            (None, Origin::Sample) => t(Tr::StatusSampleCopy).to_owned(),
            (None, Origin::Backup(file)) => fill(t(Tr::StatusBackupCopy), &[("file", &file.display())]),
            (None, _) => t(Tr::StatusUntitled).to_owned(),
        };
        ui.add(egui::Label::new(place).truncate());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let (text, color) = match session.status() {
                SaveStatus::Saved if session.path().is_some() => (t(Tr::StatusSaved), theme::ok_color(ui)),
                SaveStatus::Saved | SaveStatus::Unsaved if session.path().is_none() => {
                    (t(Tr::StatusNotSavedYet), theme::warn_color(ui))
                }
                SaveStatus::Saved | SaveStatus::Unsaved => (t(Tr::StatusUnsaved), ui.visuals().weak_text_color()),
                SaveStatus::Saving => (t(Tr::StatusSaving), ui.visuals().weak_text_color()),
                SaveStatus::Failed(_) => (t(Tr::StatusFailed), theme::error_color(ui)),
            };
            let chip = ui.label(egui::RichText::new(text).color(color));
            if let SaveStatus::Failed(message) = session.status() {
                chip.on_hover_text(message);
            }
            if (zoom - 1.0).abs() > f32::EPSILON {
                ui.label(egui::RichText::new(format!("{:.0}%", zoom * 100.0)).weak());
            }
        });
    });
}
