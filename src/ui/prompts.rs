//! Modal prompts: unsaved changes, a file changed by another program, a file that
//! could not be opened, an error, and typing a path where no file dialog exists.

use std::path::PathBuf;

use crate::command::{Command, ConflictChoice, UnsavedChoice};
use crate::i18n::{Tr, fill, tr};
use crate::model::Language;
use crate::state::{About, CardFormat, LoadFailure, PathPurpose, Prompt};
use crate::ui::theme;

/// Shows the prompt as a modal window.
pub fn show(ctx: &egui::Context, language: Language, prompt: &mut Prompt, out: &mut Vec<Command>) {
    let t = |key| tr(language, key);
    let modal = egui::Modal::new(egui::Id::unique("pitchcraft.prompt")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        match prompt {
            Prompt::Unsaved { error, .. } => {
                crate::ui::widgets::heading(ui, t(Tr::UnsavedTitle));
                ui.label(t(Tr::UnsavedBody));
                if let Some(error) = error {
                    ui.colored_label(theme::error_color(ui), error.as_str());
                }
                buttons(ui, |ui| {
                    if ui.button(t(Tr::UnsavedSave)).clicked() {
                        out.push(Command::AnswerUnsaved(UnsavedChoice::Save));
                    }
                    if ui.button(t(Tr::UnsavedDiscard)).clicked() {
                        out.push(Command::AnswerUnsaved(UnsavedChoice::Discard));
                    }
                    if ui.button(t(Tr::Cancel)).clicked() {
                        out.push(Command::AnswerUnsaved(UnsavedChoice::Cancel));
                    }
                });
            }
            Prompt::Conflict { path } => {
                crate::ui::widgets::heading(ui, t(Tr::ConflictTitle));
                ui.label(fill(t(Tr::ConflictBody), &[("file", &path.display())]));
                buttons(ui, |ui| {
                    if ui.button(t(Tr::ConflictReload)).on_hover_text(t(Tr::ConflictReloadTip)).clicked() {
                        out.push(Command::AnswerConflict(ConflictChoice::ReloadTheirs));
                    }
                    if ui.button(t(Tr::ConflictCopy)).on_hover_text(t(Tr::ConflictCopyTip)).clicked() {
                        out.push(Command::AnswerConflict(ConflictChoice::KeepMineAsCopy));
                    }
                    if ui.button(t(Tr::ConflictOverwrite)).on_hover_text(t(Tr::ConflictOverwriteTip)).clicked() {
                        out.push(Command::AnswerConflict(ConflictChoice::Overwrite));
                    }
                });
            }
            Prompt::LoadFailed(failure) => load_failed(ui, language, failure, out),
            Prompt::About(about) => show_about(ui, language, about, out),
            Prompt::Error { message } => {
                crate::ui::widgets::heading(ui, t(Tr::ErrorTitle));
                ui.add(egui::Label::new(message.as_str()).wrap());
                buttons(ui, |ui| {
                    if ui.button(t(Tr::Ok)).clicked() {
                        out.push(Command::Dismiss);
                    }
                });
            }
            Prompt::TypePath { purpose, text } => {
                let (heading, confirm) = match purpose {
                    PathPurpose::Open => (Tr::CmdOpen, Tr::CmdOpen),
                    PathPurpose::SaveAs(_) => (Tr::CmdSaveAs, Tr::CmdSave),
                    PathPurpose::Export(CardFormat::BusinessCards) => (Tr::ExportBusinessCardsTitle, Tr::ExportConfirm),
                    PathPurpose::Export(_) => (Tr::ExportCardTitle, Tr::ExportConfirm),
                    PathPurpose::Network(
                        what @ (crate::command::NetworkFile::ImportContacts
                        | crate::command::NetworkFile::Import
                        | crate::command::NetworkFile::ImportAttendees),
                    ) => (what.label(), Tr::CmdOpen),
                    PathPurpose::Network(what) => (what.label(), Tr::ExportConfirm),
                };
                crate::ui::widgets::heading(ui, t(heading));
                let label = ui.label(t(Tr::NoFileDialog)).id;
                let field = ui.add(egui::TextEdit::singleline(text).desired_width(f32::INFINITY)).labelled_by(label);
                let entered = field.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter));
                field.request_focus();
                buttons(ui, |ui| {
                    let confirm = t(confirm);
                    let typed = PathBuf::from(text.trim());
                    if (ui.button(confirm).clicked() || entered) && !text.trim().is_empty() {
                        out.push(match purpose {
                            PathPurpose::Open => Command::OpenPath(typed),
                            PathPurpose::SaveAs(then) => {
                                Command::SaveTo(crate::storage::with_brand_suffix(typed), then.take())
                            }
                            PathPurpose::Export(format) => Command::ExportCardTo(typed, *format),
                            PathPurpose::Network(what) => Command::NetworkFileAt(*what, typed),
                        });
                    }
                    if ui.button(t(Tr::Cancel)).clicked() {
                        out.push(Command::Dismiss);
                    }
                });
            }
        }
    });
    if modal.should_close() {
        out.push(match prompt {
            Prompt::Unsaved { .. } => Command::AnswerUnsaved(UnsavedChoice::Cancel),
            _ => Command::Dismiss,
        });
    }
}

fn show_about(ui: &mut egui::Ui, language: Language, about: &About, out: &mut Vec<Command>) {
    use crate::identity;
    let t = |key| tr(language, key);
    ui.horizontal(|ui| {
        if let Some(icon) = app_icon(ui.ctx()) {
            ui.add(egui::Image::new((icon.id(), egui::vec2(48.0, 48.0))).alt_text("Pitchcraft"));
        }
        ui.vertical(|ui| {
            crate::ui::widgets::heading(ui, "Pitchcraft");
            ui.label(fill(t(Tr::AboutVersion), &[("version", &identity::VERSION), ("commit", &identity::COMMIT)]));
        });
    });
    ui.add(egui::Label::new(t(Tr::AboutTagline)).wrap());
    ui.label(fill(t(Tr::AboutLicence), &[("licence", &identity::LICENSE.replace(" OR ", " / "))]));
    ui.add_space(6.0);
    ui.strong(t(Tr::AboutWhere));
    // Paths are selectable, so they can be copied into a file manager or a terminal.
    let path_line = |ui: &mut egui::Ui, text: String| {
        ui.add(egui::Label::new(text).wrap().selectable(true));
    };
    path_line(ui, t(Tr::AboutDocuments).to_owned());
    if let Some(document) = &about.document {
        path_line(ui, fill(t(Tr::AboutThisDocument), &[("path", &document.display())]));
    }
    path_line(ui, t(Tr::AboutBackups).to_owned());
    if let Some(backups) = &about.backups {
        path_line(ui, fill(t(Tr::AboutItsBackups), &[("path", &backups.display())]));
    }
    if let Some(settings) = &about.settings {
        path_line(ui, fill(t(Tr::AboutSettings), &[("path", &settings.display())]));
    }
    ui.add_space(6.0);
    ui.hyperlink_to(t(Tr::AboutReadme), format!("{}#readme", identity::HOMEPAGE));
    buttons(ui, |ui| {
        if ui.button(t(Tr::Close)).clicked() {
            out.push(Command::Dismiss);
        }
    });
}

/// The app's icon as a texture, uploaded once and kept in egui's memory.
fn app_icon(ctx: &egui::Context) -> Option<egui::TextureHandle> {
    let id = egui::Id::unique("pitchcraft.about.icon");
    if let Some(icon) = ctx.data_mut(|data| data.get_temp::<egui::TextureHandle>(id)) {
        return Some(icon);
    }
    let icon = crate::identity::window_icon()?;
    let image = egui::ColorImage::from_rgba_unmultiplied([icon.width as usize, icon.height as usize], &icon.rgba);
    let texture = ctx.load_texture("pitchcraft-icon", image, egui::TextureOptions::LINEAR);
    ctx.data_mut(|data| data.insert_temp(id, texture.clone()));
    Some(texture)
}

fn load_failed(ui: &mut egui::Ui, language: Language, failure: &mut LoadFailure, out: &mut Vec<Command>) {
    let t = |key| tr(language, key);
    let name = failure.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    crate::ui::widgets::heading(ui, fill(t(Tr::LoadFailedTitle), &[("file", &name)]));
    ui.add(egui::Label::new(egui::RichText::new(&failure.summary).monospace()).wrap());
    ui.label(egui::RichText::new(t(Tr::LoadFailedUntouched)).weak());
    if failure.show_details {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(fill(t(Tr::LoadFailedPath), &[("path", &failure.path.display())]));
            if let Some(excerpt) = &failure.excerpt {
                egui::ScrollArea::horizontal().show(ui, |ui| {
                    ui.label(egui::RichText::new(excerpt).monospace());
                });
            }
            if failure.backup.is_none() && !failure.not_found {
                ui.label(t(Tr::LoadFailedNoBackup));
            }
        });
    }
    buttons(ui, |ui| {
        if let Some(backup) = &failure.backup
            && ui.button(t(Tr::LoadFailedOpenBackup)).on_hover_text(backup.display().to_string()).clicked()
        {
            out.push(Command::OpenBackup(backup.clone()));
        }
        if failure.not_found && ui.button(t(Tr::LoadFailedCreate)).clicked() {
            out.push(Command::CreateAt(failure.path.clone()));
        }
        if ui.button(t(Tr::LoadFailedOpenOther)).clicked() {
            out.push(Command::Dismiss);
            out.push(Command::Open);
        }
        let details = if failure.show_details { Tr::HideDetails } else { Tr::ShowDetails };
        if ui.button(t(details)).clicked() {
            failure.show_details = !failure.show_details;
        }
        if ui.button(t(Tr::Close)).clicked() {
            out.push(Command::Dismiss);
        }
    });
}

fn buttons(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui)) {
    ui.add_space(theme::SPACE_M);
    ui.horizontal_wrapped(add);
}
