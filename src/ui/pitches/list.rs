//! The list of pitches: title, audience, length, language, last rehearsed, best time; and
//! new, duplicate and delete (all undoable).

use super::PitchContext;
use crate::command::{Command, DocEdit};
use crate::i18n::{Tr, fill};
use crate::logic::pitches::{copy_id, delete, duplicate, new_pitch, new_pitch_id, stats};
use crate::model::Pitch;
use crate::ui::theme;

/// The title shown for a pitch (its id when it has none).
pub(super) fn title(pitch: &Pitch) -> &str {
    if pitch.title.trim().is_empty() { &pitch.id } else { &pitch.title }
}

/// A new pitch for the first audience, 30 seconds, in the profile's language; selected.
fn create(cx: &mut PitchContext<'_>) {
    let document = cx.document;
    let id = new_pitch_id(document, 30);
    let first = document.audiences.first();
    let audience = first.map(|audience| audience.id.clone());
    let language = document.language;
    // Named by whom it is for and how long ("Hospital board members, 30 seconds"), so new
    // pitches are told apart in the list.
    let title = match first.map(|audience| audience.name.trim()).filter(|name| !name.is_empty()) {
        Some(name) => crate::i18n::fill(cx.t(Tr::NewPitchTitleFor), &[("audience", &name), ("seconds", &30)]),
        None => cx.t(Tr::NewPitchTitle).to_owned(),
    };
    let new_id = id.clone();
    cx.out.push(Command::Edit(DocEdit::step(move |document| {
        new_pitch(document, &new_id, audience.as_deref(), 30, language, &title)
    })));
    cx.state.selected = Some(id);
}

fn actions(ui: &mut egui::Ui, cx: &mut PitchContext<'_>) {
    ui.horizontal_wrapped(|ui| {
        if ui.button(cx.t(Tr::NewPitch)).clicked() {
            create(cx);
        }
        let Some(selected) = cx.state.selected.clone() else { return };
        if ui.button(cx.t(Tr::DuplicatePitch)).clicked() {
            let copy = copy_id(cx.document, &selected);
            let suffix = cx.t(Tr::CopySuffix).to_owned();
            let (from, to) = (selected.clone(), copy.clone());
            cx.out.push(Command::Edit(DocEdit::step(move |document| duplicate(document, &from, &to, &suffix))));
            cx.state.selected = Some(copy);
        }
        if ui.button(cx.t(Tr::DeletePitch)).on_hover_text(cx.t(Tr::DeletePitchTip)).clicked() {
            let title = cx.document.pitch(&selected).map_or_else(String::new, |pitch| pitch.title.trim().to_owned());
            cx.out.push(Command::Edit(DocEdit::step(move |document| delete(document, &selected))));
            cx.out.push(Command::Deleted(crate::i18n::fill(cx.t(Tr::DeletedPitch), &[("title", &title)])));
            cx.state.selected = None;
        }
    });
}

/// The list in a side panel (wide windows).
pub(super) fn side_list(ui: &mut egui::Ui, cx: &mut PitchContext<'_>) {
    ui.add_space(theme::SPACE_S);
    actions(ui, cx);
    ui.separator();
    egui::ScrollArea::vertical().id_salt("pitch_list").auto_shrink(false).show(ui, |ui| {
        for pitch in &cx.document.pitches {
            let selected = cx.state.selected.as_deref() == Some(pitch.id.as_str());
            let audience = cx.document.audience(&pitch.audience).map_or("—", |audience| audience.name.as_str());
            let facts = stats(cx.document, &pitch.id);
            let mut detail =
                format!("{audience} · {} s · {}", pitch.target_seconds, pitch.language.code().to_uppercase());
            if let Some(best) = facts.best_ms {
                detail.push_str(&format!(
                    " · {}",
                    fill(cx.t(Tr::BestTime), &[("seconds", &format!("{:.1}", best as f64 / 1000.0))])
                ));
            }
            if let Some(last) = facts.last {
                detail.push_str(&format!(" · {}", fill(cx.t(Tr::LastRehearsed), &[("date", &short_date(last))])));
            }
            let response = ui
                .add(
                    egui::Button::selectable(selected, egui::RichText::new(title(pitch)).strong())
                        .wrap()
                        .min_size(egui::vec2(ui.available_width(), 0.0)),
                )
                .on_hover_text(&detail);
            ui.add(egui::Label::new(egui::RichText::new(detail).small().weak()).wrap());
            ui.add_space(theme::SPACE_S);
            if response.clicked() {
                cx.state.selected = Some(pitch.id.clone());
            }
        }
    });
}

/// The list as a drop-down above the editor (narrow windows).
pub(super) fn compact_picker(ui: &mut egui::Ui, cx: &mut PitchContext<'_>) {
    let current = cx.state.selected.as_deref().and_then(|id| cx.document.pitch(id)).map_or("—", title).to_owned();
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(cx.t(Tr::PickPitch)).id;
        let combo = egui::ComboBox::from_id_salt("pitch_picker").selected_text(current.clone()).show_ui(ui, |ui| {
            for pitch in &cx.document.pitches {
                let selected = cx.state.selected.as_deref() == Some(pitch.id.as_str());
                if ui.selectable_label(selected, title(pitch)).clicked() {
                    cx.state.selected = Some(pitch.id.clone());
                }
            }
        });
        let id = combo.response.labelled_by(label).id;
        crate::ui::widgets::name_combo(ui, id, cx.t(Tr::PickPitch), &current);
        actions(ui, cx);
    });
    ui.separator();
}

/// No pitch yet: say so and offer the first.
pub(super) fn empty_state(ui: &mut egui::Ui, cx: &mut PitchContext<'_>) {
    ui.add_space(theme::SPACE_XL);
    ui.vertical_centered(|ui| {
        ui.label(egui::RichText::new(cx.t(Tr::NoPitches)).size(theme::LEAD_SIZE));
        ui.add(egui::Label::new(egui::RichText::new(cx.t(Tr::NoPitchesHelp)).weak()).wrap());
        ui.add_space(theme::SPACE_M);
        if ui.button(cx.t(Tr::NewPitch)).clicked() {
            create(cx);
        }
    });
}

/// `2026-11-24`: the day, which is what a list needs.
pub(super) fn short_date(at: crate::model::Timestamp) -> String {
    at.to_string().get(..10).unwrap_or_default().to_owned()
}
