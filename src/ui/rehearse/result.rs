//! After a run: duration, rate, difference with the target, planned against actual per
//! section; rate clarity and confidence, add a note, and keep or discard the attempt.

use super::RehearseContext;
use crate::command::{Command, DocEdit};
use crate::i18n::{Tr, fill};
use crate::logic::rate::{RateVerdict, planning_wpm, verdict};
use crate::logic::rehearsal::{planned_vs_actual, words_per_minute};
use crate::model::{Pitch, RateChoice, Rehearsal};
use crate::ui::pitches::section_name;
use crate::ui::theme;

fn seconds(duration: std::time::Duration) -> String {
    format!("{:.1} s", duration.as_secs_f64())
}

pub(super) fn show(ui: &mut egui::Ui, pitch: &Pitch, cx: &mut RehearseContext<'_>) {
    let Some(outcome) = cx.state.outcome.clone() else { return };
    let run = &outcome.run;
    let wpm = words_per_minute(run.words, outcome.duration);
    let delta = outcome.duration.as_secs_f64() - run.target.as_secs_f64();
    egui::ScrollArea::vertical().id_salt("rehearse_result").auto_shrink(false).show(ui, |ui| {
        ui.set_max_width(ui.available_width().min(theme::PAGE_WIDTH));
        crate::ui::widgets::heading(ui, cx.t(Tr::RunDone));
        let delta_text = if delta > 0.0 {
            fill(cx.t(Tr::RunOver), &[("seconds", &format!("{delta:.1}"))])
        } else {
            fill(cx.t(Tr::RunUnder), &[("seconds", &format!("{:.1}", -delta))])
        };
        let summary = fill(
            cx.t(Tr::RunSummary),
            &[
                ("duration", &seconds(outcome.duration)),
                ("target", &run.target.as_secs()),
                ("delta", &delta_text),
                ("wpm", &wpm.map_or("—".to_owned(), |wpm| format!("{wpm:.0}"))),
                ("words", &run.words),
            ],
        );
        ui.label(egui::RichText::new(summary).size(theme::LEAD_SIZE));
        // A run no one could speak at is kept, but does not spoil the speaking rate.
        let attempt = Rehearsal {
            words: run.words as u32,
            duration_ms: outcome.duration.as_millis() as u64,
            ..Rehearsal::default()
        };
        let left_out = match verdict(&attempt) {
            RateVerdict::Rushed { wpm } => Some(fill(cx.t(Tr::RateRushed), &[("wpm", &format!("{wpm:.0}"))])),
            RateVerdict::TooSlow { wpm } => Some(fill(cx.t(Tr::RateTooSlow), &[("wpm", &format!("{wpm:.0}"))])),
            _ => None,
        };
        if let Some(text) = left_out {
            ui.add(egui::Label::new(egui::RichText::new(text).color(theme::warn_color(ui))).wrap());
        }
        ui.add_space(theme::SPACE_M);

        let rows = planned_vs_actual(pitch, planning_wpm(cx.document, pitch.language), &outcome.section_ms);
        egui::Grid::new("planned_vs_actual").striped(true).num_columns(4).show(ui, |ui| {
            for header in [Tr::ColumnSection, Tr::ColumnPlanned, Tr::ColumnActual, Tr::ColumnDifference] {
                ui.label(egui::RichText::new(cx.t(header)).strong());
            }
            ui.end_row();
            for row in rows {
                ui.label(cx.t(section_name(row.kind)));
                ui.label(seconds(row.planned));
                match row.actual {
                    Some(actual) => {
                        ui.label(seconds(actual));
                        let difference = actual.as_secs_f64() - row.planned.as_secs_f64();
                        let color = if difference > 1.0 { theme::warn_color(ui) } else { ui.visuals().text_color() };
                        ui.label(egui::RichText::new(format!("{difference:+.1} s")).color(color));
                    }
                    None => {
                        ui.label("—").on_hover_text(cx.t(Tr::NotMarked));
                        ui.label("");
                    }
                }
                ui.end_row();
            }
        });
        if let Some(take) = &outcome.take {
            super::voice::result(ui, cx, pitch, take);
        }
        ui.add_space(theme::SPACE_M);

        let Some(outcome) = cx.state.outcome.as_mut() else { return };
        for (label, rating) in [(Tr::RateClarity, &mut outcome.clarity), (Tr::RateConfidence, &mut outcome.confidence)]
        {
            ui.horizontal(|ui| {
                ui.label(crate::i18n::tr(cx.language, label));
                for value in 1..=5u8 {
                    let button = ui.add(egui::Button::selectable(*rating == Some(value), value.to_string()));
                    if button.clicked() {
                        *rating = Some(value);
                    }
                }
            });
        }
        let note_label = ui.label(crate::i18n::tr(cx.language, Tr::RunNote)).id;
        ui.add(
            egui::TextEdit::multiline(&mut outcome.note)
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .hint_text(crate::i18n::tr(cx.language, Tr::RunNoteHint)),
        )
        .labelled_by(note_label);
        ui.add_space(theme::SPACE_M);
        ui.horizontal(|ui| {
            if ui.button(cx.t(Tr::KeepAttempt)).clicked() {
                keep(cx);
            }
            if ui.button(cx.t(Tr::DiscardAttempt)).clicked() {
                // No attempt refers to the take of a discarded run.
                if let Some(take) = cx.state.outcome.as_ref().and_then(|o| o.take.as_ref()) {
                    let file = take.file.clone();
                    cx.out.push(Command::Voice(crate::command::VoiceRequest::Forget { file }));
                }
                cx.state.outcome = None;
                cx.state.timer = None;
                cx.state.run = None;
            }
        });
    });
}

/// Puts the attempt into the document (undoable) and goes back to the setup.
fn keep(cx: &mut RehearseContext<'_>) {
    let Some(outcome) = cx.state.outcome.take() else { return };
    let run = outcome.run;
    let attempt = Rehearsal {
        pitch: run.pitch,
        revision: run.revision,
        language: run.language,
        at: run.started_at,
        duration_ms: outcome.duration.as_millis() as u64,
        section_ms: outcome.section_ms,
        words: run.words as u32,
        clarity: outcome.clarity,
        confidence: outcome.confidence,
        note: outcome.note.trim().to_owned(),
        rate: RateChoice::Auto,
        take: outcome.take.as_ref().map(super::voice::OutcomeTake::to_take),
    };
    cx.out.push(Command::Edit(DocEdit::step(move |document| document.rehearsals.push(attempt))));
    cx.state.timer = None;
    cx.state.run = None;
}
