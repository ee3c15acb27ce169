//! The menu bar: File, Edit, View and Help, built from [`Command`]s so that labels, shortcuts
//! and tooltips come from one place.

use std::path::PathBuf;

use crate::command::Command;
use crate::i18n::{Tr, tr};
use crate::model::Language;
use crate::state::ThemeChoice;

/// What the menu needs to know.
pub struct MenuModel<'a> {
    /// Interface language.
    pub language: Language,
    /// Current theme choice.
    pub theme: ThemeChoice,
    /// Whether a document is open.
    pub has_document: bool,
    /// Whether Undo would do something.
    pub can_undo: bool,
    /// Whether Redo would do something.
    pub can_redo: bool,
    /// Recent files, newest first.
    pub recent: &'a [PathBuf],
}

/// Draws the menu bar.
pub fn show(ui: &mut egui::Ui, model: &MenuModel<'_>, out: &mut Vec<Command>) {
    let language = model.language;
    let t = |key| tr(language, key);
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(t(Tr::MenuFile), |ui| {
            command_item(ui, language, Command::New, true, out);
            command_item(ui, language, Command::Open, true, out);
            ui.menu_button(t(Tr::MenuOpenRecent), |ui| recent_items(ui, language, model.recent, out));
            ui.separator();
            command_item(ui, language, Command::Save, model.has_document, out);
            command_item(ui, language, Command::SaveAs, model.has_document, out);
            command_item(ui, language, Command::ExportCard, model.has_document, out);
            let import = Command::NetworkFile(crate::command::NetworkFile::Import);
            command_item(ui, language, import, model.has_document, out);
            ui.separator();
            command_item(ui, language, Command::Quit, true, out);
        });
        ui.menu_button(t(Tr::MenuEdit), |ui| {
            command_item(ui, language, Command::Undo, model.can_undo, out);
            command_item(ui, language, Command::Redo, model.can_redo, out);
        });
        ui.menu_button(t(Tr::MenuView), |ui| {
            ui.label(egui::RichText::new(t(Tr::MenuTheme)).weak());
            for theme in ThemeChoice::ALL {
                if ui.radio(model.theme == theme, t(theme.label())).clicked() {
                    out.push(Command::SetTheme(theme));
                }
            }
            ui.separator();
            ui.label(egui::RichText::new(t(Tr::MenuLanguage)).weak());
            for choice in Language::ALL {
                if ui.radio(language == choice, choice.native_name()).clicked() {
                    out.push(Command::SetLanguage(choice));
                }
            }
            ui.separator();
            command_item(ui, language, Command::ZoomIn, true, out);
            command_item(ui, language, Command::ZoomOut, true, out);
            command_item(ui, language, Command::ZoomReset, true, out);
        });
        ui.menu_button(t(Tr::MenuHelp), |ui| {
            command_item(ui, language, Command::About, true, out);
        });
    });
}

/// A menu entry for a command, with its shortcut and tooltip.
pub fn command_item(ui: &mut egui::Ui, language: Language, command: Command, enabled: bool, out: &mut Vec<Command>) {
    let mut button = egui::Button::new(tr(language, command.label()));
    if let Some(shortcut) = command.shortcuts().first() {
        button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
    }
    if ui.add_enabled(enabled, button).on_hover_text(tr(language, command.tooltip())).clicked() {
        out.push(command);
    }
}

fn recent_items(ui: &mut egui::Ui, language: Language, recent: &[PathBuf], out: &mut Vec<Command>) {
    if recent.is_empty() {
        ui.label(egui::RichText::new(tr(language, Tr::NoRecentFiles)).weak());
        return;
    }
    for path in recent {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if ui.button(name).on_hover_text(path.display().to_string()).clicked() {
            out.push(Command::OpenPath(path.clone()));
        }
    }
}
