//! The welcome screen, shown when no document is open: start a brand, explore the
//! sample, open a file, or pick a recent one.

use std::path::PathBuf;

use crate::command::Command;
use crate::i18n::{Tr, tr};
use crate::model::Language;
use crate::ui::{theme, widgets};

/// A recent file and whether it was there when last looked at.
pub struct RecentFile {
    /// The file.
    pub path: PathBuf,
    /// Whether it existed.
    pub exists: bool,
}

impl RecentFile {
    /// Looks at each path once (the welcome screen must not touch the disk every frame).
    pub fn check(paths: &[PathBuf]) -> Vec<RecentFile> {
        paths.iter().map(|path| RecentFile { path: path.clone(), exists: path.is_file() }).collect()
    }
}

/// Draws the welcome screen.
pub fn show(ui: &mut egui::Ui, language: Language, recent: &[RecentFile], out: &mut Vec<Command>) {
    let t = |key| tr(language, key);
    egui::ScrollArea::vertical().id_salt("welcome").auto_shrink(false).show(ui, |ui| {
        ui.vertical_centered(|ui| {
            let width = ui.available_width().min(theme::READING_WIDTH);
            ui.set_max_width(width);
            ui.add_space(theme::SPACE_XL);
            let title = ui.label(egui::RichText::new("Pitchcraft").size(theme::TITLE_SIZE).strong());
            widgets::heading_role(ui, title.id, "Pitchcraft".to_owned(), 1);
            ui.add_space(theme::SPACE_S);
            ui.label(egui::RichText::new(t(Tr::WelcomeTagline)).size(theme::LEAD_SIZE));
            ui.add_space(theme::SPACE_L);

            if widgets::action_card(ui, t(Tr::WelcomeStart), t(Tr::WelcomeStartDetail), width) {
                out.push(Command::New);
            }
            if widgets::action_card(ui, t(Tr::WelcomeSample), t(Tr::WelcomeSampleDetail), width) {
                out.push(Command::OpenSample);
            }
            if widgets::action_card(ui, t(Tr::WelcomeOpen), t(Tr::WelcomeOpenDetail), width) {
                out.push(Command::Open);
            }

            ui.add_space(theme::SPACE_L);
            ui.label(egui::RichText::new(t(Tr::RecentFiles)).strong());
            ui.add_space(theme::SPACE_S);
            if recent.is_empty() {
                ui.label(egui::RichText::new(t(Tr::NoRecentFiles)).weak());
            }
            for file in recent {
                recent_row(ui, language, file, width, out);
            }
        });
    });
}

fn recent_row(ui: &mut egui::Ui, language: Language, file: &RecentFile, width: f32, out: &mut Vec<Command>) {
    let (path, exists) = (&file.path, file.exists);
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let folder = path.parent().map(|p| p.display().to_string()).unwrap_or_default();
    ui.allocate_ui_with_layout(egui::vec2(width, 0.0), egui::Layout::left_to_right(egui::Align::Center), |ui| {
        let text = if exists { egui::RichText::new(&name) } else { egui::RichText::new(&name).weak().strikethrough() };
        let open = ui.add_enabled(exists, egui::Button::new(text).frame(false));
        ui.add(egui::Label::new(egui::RichText::new(folder).weak().small()).truncate());
        if open.on_hover_text(path.display().to_string()).clicked() {
            out.push(Command::OpenPath(path.clone()));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let forget = ui.small_button("×").on_hover_text(tr(language, Tr::CmdForgetRecent));
            if forget.clicked() {
                out.push(Command::ForgetRecent(path.clone()));
            }
            if !exists {
                ui.label(egui::RichText::new(tr(language, Tr::FileMissing)).weak().small());
            }
        });
    });
}
