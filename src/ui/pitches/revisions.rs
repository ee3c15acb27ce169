//! Revisions of a pitch: save the current text under a name, restore one, and compare
//! any two (or one with the current text) word by word.

use super::PitchContext;
use super::editor::edit_pitch;
use super::list::short_date;
use crate::i18n::{Tr, fill};
use crate::logic::diff::{Change, word_diff};
use crate::logic::pitches::{restore_revision, save_revision, text_of};
use crate::model::{Pitch, Timestamp};
use crate::ui::theme;

fn version_name(pitch: &Pitch, version: Option<u32>, cx: &PitchContext<'_>) -> String {
    match version.and_then(|number| pitch.revisions.iter().find(|r| r.number == number)) {
        Some(revision) if revision.name.trim().is_empty() => format!("{} {}", cx.t(Tr::Revision), revision.number),
        Some(revision) => format!("{} {}: {}", cx.t(Tr::Revision), revision.number, revision.name.trim()),
        None => cx.t(Tr::CurrentText).to_owned(),
    }
}

pub(super) fn show(ui: &mut egui::Ui, pitch: &Pitch, cx: &mut PitchContext<'_>) {
    ui.horizontal(|ui| {
        let label = ui.label(cx.t(Tr::RevisionName)).id;
        let hint = cx.t(Tr::RevisionNameHint);
        ui.add(egui::TextEdit::singleline(&mut cx.state.revision_name).hint_text(hint).desired_width(220.0))
            .labelled_by(label);
        if ui.button(cx.t(Tr::SaveRevision)).clicked() {
            let name = std::mem::take(&mut cx.state.revision_name);
            let at = Timestamp::new(time::OffsetDateTime::now_utc());
            cx.out.push(edit_pitch(&pitch.id, move |pitch| {
                save_revision(pitch, &name, at);
            }));
        }
    });
    ui.add_space(theme::SPACE_S);
    if pitch.revisions.is_empty() {
        ui.label(egui::RichText::new(cx.t(Tr::NoRevisions)).weak());
    }
    for revision in pitch.revisions.iter().rev() {
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(version_name(pitch, Some(revision.number), cx)).strong());
            ui.label(egui::RichText::new(short_date(revision.at)).weak());
            if ui.small_button(cx.t(Tr::CompareWithCurrent)).clicked() {
                cx.state.compare = (Some(revision.number), None);
            }
            if ui.small_button(cx.t(Tr::RestoreRevision)).on_hover_text(cx.t(Tr::RestoreRevisionTip)).clicked() {
                let number = revision.number;
                let keep = fill(cx.t(Tr::RevisionBeforeRestore), &[("number", &number)]);
                let at = Timestamp::new(time::OffsetDateTime::now_utc());
                cx.out.push(edit_pitch(&pitch.id, move |pitch| {
                    restore_revision(pitch, number, &keep, at);
                }));
            }
        });
    }
    ui.add_space(theme::SPACE_M);
    compare(ui, pitch, cx);
}

fn compare(ui: &mut egui::Ui, pitch: &Pitch, cx: &mut PitchContext<'_>) {
    ui.label(egui::RichText::new(cx.t(Tr::Compare)).strong());
    let versions: Vec<Option<u32>> =
        pitch.revisions.iter().map(|revision| Some(revision.number)).chain(std::iter::once(None)).collect();
    let (mut old, mut new) = cx.state.compare;
    ui.horizontal_wrapped(|ui| {
        for (salt, chosen, label) in
            [("compare_old", &mut old, Tr::CompareFrom), ("compare_new", &mut new, Tr::CompareTo)]
        {
            let label = ui.label(cx.t(label)).id;
            let combo =
                egui::ComboBox::from_id_salt(salt).selected_text(version_name(pitch, *chosen, cx)).show_ui(ui, |ui| {
                    for version in &versions {
                        if ui.selectable_label(*chosen == *version, version_name(pitch, *version, cx)).clicked() {
                            *chosen = *version;
                        }
                    }
                });
            combo.response.labelled_by(label);
        }
    });
    cx.state.compare = (old, new);
    let (Some(before), Some(after)) = (text_of(pitch, old), text_of(pitch, new)) else { return };
    let stretches = word_diff(&before, &after);
    if stretches.iter().all(|(change, _)| *change == Change::Same) {
        ui.label(egui::RichText::new(cx.t(Tr::NoDifferences)).weak());
    }
    egui::Frame::group(ui.style()).corner_radius(theme::RADIUS).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            for (change, text) in &stretches {
                let rich = egui::RichText::new(text);
                let rich = match change {
                    Change::Same => rich,
                    Change::Removed => rich.strikethrough().color(theme::error_color(ui)),
                    Change::Added => rich.underline().color(theme::ok_color(ui)),
                };
                ui.label(rich);
            }
        });
    });
}
