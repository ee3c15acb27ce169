//! Before a run: which pitch, what it takes at your rate, and how the timer and the
//! teleprompter behave. Space starts.

use super::{Pace, RehearseContext, start};
use crate::i18n::{Tr, fill};
use crate::logic::draft::word_count;
use crate::logic::rate::personal_wpm;
use crate::logic::rehearsal::{revision_rehearsed, spoken_sections};
use crate::logic::timer::Display;
use crate::model::Pitch;
use crate::ui::theme;

pub(super) fn show(ui: &mut egui::Ui, pitch: &Pitch, cx: &mut RehearseContext<'_>) {
    let start_key = cx.keys
        && !ui.ctx().text_edit_focused()
        && ui.input_mut(|input| input.consume_key(egui::Modifiers::NONE, egui::Key::Space));

    ui.horizontal_wrapped(|ui| {
        let label = ui.label(cx.t(Tr::PickPitch)).id;
        let title = |pitch: &Pitch| if pitch.title.trim().is_empty() { pitch.id.clone() } else { pitch.title.clone() };
        let combo = egui::ComboBox::from_id_salt("rehearse_pitch").selected_text(title(pitch)).show_ui(ui, |ui| {
            for candidate in &cx.document.pitches {
                if ui.selectable_label(candidate.id == pitch.id, title(candidate)).clicked() {
                    cx.state.pitch = Some(candidate.id.clone());
                }
            }
        });
        let id = combo.response.labelled_by(label).id;
        crate::ui::widgets::name_combo(ui, id, cx.t(Tr::PickPitch), &title(pitch));
    });

    let words: usize = spoken_sections(pitch).iter().map(|(_, text)| word_count(text)).sum();
    let personal = personal_wpm(cx.document, pitch.language);
    let wpm = personal.unwrap_or_else(|| crate::logic::analysis::default_wpm(pitch.language));
    let revision = revision_rehearsed(pitch);
    let revision_text = if revision == 0 {
        cx.t(Tr::UnsavedText).to_owned()
    } else {
        fill(cx.t(Tr::RevisionNumber), &[("number", &revision)])
    };
    let facts = fill(
        cx.t(if personal.is_some() { Tr::RehearseFactsPersonal } else { Tr::RehearseFactsDefault }),
        &[
            ("target", &pitch.target_seconds),
            ("words", &words),
            ("wpm", &format!("{wpm:.0}")),
            ("seconds", &format!("{:.0}", words as f64 * 60.0 / wpm)),
            ("revision", &revision_text),
        ],
    );
    ui.add(egui::Label::new(facts).wrap());
    ui.add_space(theme::SPACE_S);
    super::voice::setup(ui, cx);
    ui.add_space(theme::SPACE_M);

    let start_button = egui::Button::new(egui::RichText::new(cx.t(Tr::StartRehearsal)).size(theme::LEAD_SIZE))
        .min_size(egui::vec2(200.0, theme::BIG_BUTTON_HEIGHT));
    let clicked = ui.add_enabled(words > 0, start_button).on_hover_text(cx.t(Tr::StartRehearsalTip)).clicked();
    if words == 0 {
        ui.label(egui::RichText::new(cx.t(Tr::RehearseEmptyPitch)).color(theme::warn_color(ui)));
    }
    if (clicked || start_key) && words > 0 {
        start(cx.state, cx.settings, cx.document, pitch, cx.now);
        super::voice::begin(cx, pitch);
    }
    ui.add_space(theme::SPACE_M);
    options(ui, cx);
}

fn options(ui: &mut egui::Ui, cx: &mut RehearseContext<'_>) {
    egui::CollapsingHeader::new(cx.t(Tr::RehearseOptions)).default_open(false).show(ui, |ui| {
        let settings = &mut *cx.settings;
        let t = |key| crate::i18n::tr(cx.language, key);
        ui.checkbox(&mut settings.count_in, t(Tr::OptionCountIn));
        ui.horizontal_wrapped(|ui| {
            ui.radio_value(&mut settings.display, Display::CountUp, t(Tr::OptionCountUp));
            ui.radio_value(&mut settings.display, Display::CountDown, t(Tr::OptionCountDown));
            ui.checkbox(&mut settings.calm, t(Tr::OptionCalm)).on_hover_text(t(Tr::OptionCalmTip));
        });
        let percent = |value: f64, _| format!("{:.0} %", value * 100.0);
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(t(Tr::OptionAmber)).id;
            let drag = egui::DragValue::new(&mut settings.thresholds.amber).range(0.1..=2.0).speed(0.01);
            ui.add(drag.custom_formatter(percent)).labelled_by(label);
            let label = ui.label(t(Tr::OptionRed)).id;
            let drag = egui::DragValue::new(&mut settings.thresholds.red).range(0.1..=3.0).speed(0.01);
            ui.add(drag.custom_formatter(percent)).labelled_by(label);
        });
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(t(Tr::OptionTextSize)).id;
            ui.add(egui::Slider::new(&mut settings.text_size, 18.0..=96.0).suffix(" pt")).labelled_by(label);
        });
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(t(Tr::OptionLineWidth)).id;
            ui.add(egui::Slider::new(&mut settings.line_width, 320.0..=1600.0).suffix(" pt")).labelled_by(label);
        });
        ui.horizontal_wrapped(|ui| {
            ui.checkbox(&mut settings.auto_scroll, t(Tr::OptionAutoScroll));
            ui.radio_value(&mut settings.pace, Pace::Target, t(Tr::OptionPaceTarget));
            ui.radio_value(&mut settings.pace, Pace::Personal, t(Tr::OptionPacePersonal));
        });
        ui.checkbox(&mut settings.mirror, t(Tr::OptionMirror)).on_hover_text(t(Tr::OptionMirrorTip));
        ui.add(egui::Label::new(egui::RichText::new(t(Tr::RehearseKeysHelp)).small().weak()).wrap());
    });
}
