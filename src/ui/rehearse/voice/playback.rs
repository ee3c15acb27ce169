//! After a recorded run: the measured delivery with its advice, the words a minute per
//! section, and the take to play back section by section.

use std::time::Duration;

use pitchcraft_voice::resample::RATE;

use super::advice::advice;
use super::{OutcomeTake, ask};
use crate::command::VoiceRequest;
use crate::i18n::{Tr, fill, tr};
use crate::logic::rehearsal::spoken_sections;
use crate::logic::voice::{boundaries_ms, section_rates};
use crate::model::{Pitch, Take};
use crate::state::voice::Said;
use crate::ui::pitches::section_name;
use crate::ui::rehearse::RehearseContext;
use crate::ui::theme;

/// The measured delivery beside the timings, and the take to play.
pub(in crate::ui::rehearse) fn result(
    ui: &mut egui::Ui,
    cx: &mut RehearseContext<'_>,
    pitch: &Pitch,
    take: &OutcomeTake,
) {
    ui.add_space(theme::SPACE_M);
    crate::ui::widgets::heading(ui, cx.t(Tr::VoiceHeading));
    match &take.measured {
        None => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(cx.t(Tr::VoiceMeasuring));
            });
        }
        Some(Err(error)) => {
            let text = fill(cx.t(Tr::VoiceNotMeasured), &[("error", error)]);
            ui.add(egui::Label::new(egui::RichText::new(text).color(theme::warn_color(ui))).wrap());
        }
        Some(Ok(figures)) => {
            for (sentence, warn) in advice(cx.language, figures, take) {
                let text = egui::RichText::new(sentence);
                let text = if warn { text.color(theme::warn_color(ui)) } else { text };
                ui.add(egui::Label::new(text).wrap());
            }
            // Heard, each section's pace is its words said over the time from its first word
            // to its last; else the script's words between the marks.
            let heard = match &take.said {
                Some(Said::Heard(comparison, _)) => {
                    Some(comparison.sections.iter().map(|s| s.as_ref().and_then(|s| s.words_per_minute)).collect())
                }
                _ => None,
            };
            section_table(ui, cx, pitch, &take.to_take(), heard);
        }
    }
    if take.measured.as_ref().is_some_and(Result::is_ok) {
        player(ui, cx, pitch, &take.to_take());
        super::heard::what_you_said(ui, cx, pitch, take);
    }
}

fn section_table(
    ui: &mut egui::Ui,
    cx: &RehearseContext<'_>,
    pitch: &Pitch,
    take: &Take,
    heard: Option<Vec<Option<f64>>>,
) {
    let sections = spoken_sections(pitch);
    let words: Vec<usize> = sections.iter().map(|(_, text)| crate::logic::draft::word_count(text)).collect();
    let rates = heard.filter(|rates| rates.len() == sections.len()).unwrap_or_else(|| section_rates(take, &words));
    if rates.iter().all(Option::is_none) || sections.len() < 2 {
        return;
    }
    ui.add_space(theme::SPACE_S);
    egui::Grid::new("voice_section_rates").striped(true).num_columns(2).show(ui, |ui| {
        ui.label(egui::RichText::new(cx.t(Tr::ColumnSection)).strong());
        ui.label(egui::RichText::new(cx.t(Tr::ColumnWpm)).strong());
        ui.end_row();
        for ((kind, _), rate) in sections.iter().zip(rates) {
            ui.label(cx.t(section_name(*kind)));
            ui.label(rate.map_or("—".to_owned(), |wpm| format!("{wpm:.0}")));
            ui.end_row();
        }
    });
}

/// Play, a scrubber, a jump to each section, and the text of the section being heard.
pub(in crate::ui::rehearse) fn player(ui: &mut egui::Ui, cx: &mut RehearseContext<'_>, pitch: &Pitch, take: &Take) {
    ui.add_space(theme::SPACE_S);
    // The shell reads the file once per take, not in every frame.
    let Some(player) = cx.voice.player_of(&take.file).cloned() else {
        ask(cx, VoiceRequest::Open { file: take.file.clone() });
        return;
    };
    let total = match &player.length {
        Ok(total) => *total,
        Err(why) => {
            ui.label(egui::RichText::new(why.as_str()).weak());
            return;
        }
    };
    let position = player.position;
    // The slider shows tenths of a second and rounds what it holds to them, reporting the
    // rounding as a change; held already rounded, it changes only when the person moves it.
    // (Taking the rounding for a move restarted playing in every frame: the stutter.)
    let shown = (position as f64 / f64::from(RATE) * 10.0).round() / 10.0;
    let mut seconds = shown;
    let mut asked = None;
    let language = cx.language;
    let t = |key| tr(language, key);
    ui.horizontal_wrapped(|ui| {
        if ui.button(t(if player.playing { Tr::VoiceStopPlaying } else { Tr::VoicePlay })).clicked() {
            asked = Some(if player.playing { VoiceRequest::Stop } else { VoiceRequest::Play { from: position } });
        }
        let label = ui.label(t(Tr::VoicePosition)).id;
        let slider =
            egui::Slider::new(&mut seconds, 0.0..=total as f64 / f64::from(RATE)).suffix(" s").fixed_decimals(1);
        if ui.add(slider).labelled_by(label).changed() && seconds != shown {
            asked = Some(VoiceRequest::Play { from: (seconds * f64::from(RATE)) as u64 });
        }
    });
    let sections = spoken_sections(pitch);
    // Each section's start in samples: the key marks, or where its words were heard.
    let starts: Vec<Option<u64>> = std::iter::once(Some(0))
        .chain(boundaries_ms(take, sections.len()).into_iter().map(|ms| ms.map(|ms| ms * u64::from(RATE) / 1_000)))
        .collect();
    if starts.iter().skip(1).any(Option::is_some) {
        ui.horizontal_wrapped(|ui| {
            ui.label(t(Tr::VoiceJumpTo));
            for ((kind, _), start) in sections.iter().zip(&starts) {
                if let Some(start) = start
                    && ui.small_button(t(section_name(*kind))).clicked()
                {
                    asked = Some(VoiceRequest::Play { from: *start });
                }
            }
        });
    }
    if let Some(request) = asked {
        ask(cx, request);
    }
    // The text of the section being heard.
    let heard = starts.iter().rposition(|start| start.is_some_and(|start| start <= position)).unwrap_or(0);
    if let Some((kind, text)) = sections.get(heard) {
        ui.add_space(theme::SPACE_S);
        ui.label(egui::RichText::new(t(section_name(*kind))).strong());
        ui.add(egui::Label::new(egui::RichText::new(*text).size(theme::LEAD_SIZE)).wrap());
    }
    if player.playing {
        ui.ctx().request_repaint_after(Duration::from_millis(100));
    }
    if let Some(problem) = &cx.voice.problem {
        ui.label(fill(t(Tr::VoiceCannotPlay), &[("error", problem)]));
    }
}
