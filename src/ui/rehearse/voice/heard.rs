//! "What you said", beside the measured voice after a recorded run: how much of the script
//! was said, what was skipped (struck through), what was added (underlined; fillers
//! highlighted), and each word to click to hear it in the take. While the speech model
//! hears the take: how far it got, and a way to stop it.

use std::collections::HashSet;

use pitchcraft_voice::resample::RATE;

use super::{OutcomeTake, ask};
use crate::command::VoiceRequest;
use crate::i18n::{Tr, fill, tr};
use crate::logic::rehearsal::spoken_sections;
use crate::logic::transcript::{Aligned, Comparison, Op};
use crate::model::Pitch;
use crate::state::voice::Said;
use crate::ui::pitches::section_name;
use crate::ui::rehearse::RehearseContext;
use crate::ui::theme;

/// The section under the player: the transcript, or where it stands.
pub(super) fn what_you_said(ui: &mut egui::Ui, cx: &mut RehearseContext<'_>, pitch: &Pitch, take: &OutcomeTake) {
    let Some(said) = &take.said else { return };
    ui.add_space(theme::SPACE_M);
    crate::ui::widgets::heading(ui, cx.t(Tr::SaidHeading));
    let language = cx.language;
    let t = |key| tr(language, key);
    match said {
        Said::NoModel(problem) => {
            if let Some(why) = problem {
                let text = fill(t(Tr::SaidFetchFailed), &[("error", why)]);
                ui.add(egui::Label::new(egui::RichText::new(text).color(theme::warn_color(ui))).wrap());
            }
            let folder = crate::identity::speech_model_dir().map_or_else(String::new, |f| f.display().to_string());
            ui.add(egui::Label::new(fill(t(Tr::SaidNeedsModel), &[("folder", &folder)])).wrap());
            ui.horizontal_wrapped(|ui| {
                if ui.button(t(Tr::SaidGetModel)).clicked() {
                    ask(cx, VoiceRequest::GetModel);
                }
                // A model put in place by hand is found at once.
                if ui.button(t(Tr::SaidHear)).clicked() {
                    ask(cx, VoiceRequest::Hear);
                }
            });
        }
        Said::Fetching(done, total) => {
            let megabytes = |bytes: u64| format!("{:.0}", bytes as f64 / 1_000_000.0);
            let share = if *total == 0 { 0.0 } else { *done as f32 / *total as f32 };
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(fill(t(Tr::SaidFetching), &[("done", &megabytes(*done)), ("total", &megabytes(*total))]));
            });
            ui.add(egui::ProgressBar::new(share).desired_width(240.0)).widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::ProgressIndicator, true, t(Tr::SaidFetchProgress))
            });
            if ui.button(t(Tr::SaidStopFetching)).clicked() {
                ask(cx, VoiceRequest::StopGettingModel);
            }
        }
        Said::Hearing(done) => {
            ui.horizontal(|ui| {
                ui.spinner();
                let percent = (done * 100.0).round() as u32;
                ui.label(fill(t(Tr::SaidHearing), &[("percent", &percent)])).on_hover_text(t(Tr::SaidHearingTip));
            });
            // Named without the share: a screen reader reads the bar's value.
            ui.add(egui::ProgressBar::new(*done).desired_width(240.0))
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ProgressIndicator, true, t(Tr::SaidProgress)));
            if ui.button(t(Tr::SaidStop)).clicked() {
                ask(cx, VoiceRequest::StopHearing);
            }
        }
        Said::Stopped | Said::Failed(_) => {
            let text = match said {
                Said::Failed(why) => fill(t(Tr::SaidFailed), &[("error", why)]),
                _ => t(Tr::SaidStopped).to_owned(),
            };
            ui.add(egui::Label::new(egui::RichText::new(text).color(theme::warn_color(ui))).wrap());
            if ui.button(t(Tr::SaidHear)).clicked() {
                ask(cx, VoiceRequest::Hear);
            }
        }
        Said::Heard(comparison, _) => {
            for sentence in summary(cx, pitch, comparison) {
                ui.add(egui::Label::new(sentence).wrap());
            }
            ui.add_space(theme::SPACE_S);
            if let Some(from) = script_as_said(ui, cx, comparison) {
                ask(cx, VoiceRequest::Play { from });
            }
            ui.label(egui::RichText::new(t(Tr::SaidClickToHear)).weak());
        }
    }
}

/// A verdict in a few sentences: the share said, where most was skipped, what was added.
fn summary(cx: &RehearseContext<'_>, pitch: &Pitch, comparison: &Comparison) -> Vec<String> {
    let t = |key| cx.t(key);
    let skipped: Vec<&Aligned> = comparison.alignment.iter().filter(|a| a.op == Op::Skipped).collect();
    let added = comparison.alignment.iter().filter(|a| a.op == Op::Added && a.heard.is_some()).count();
    let mut out = Vec::new();
    if skipped.is_empty() && comparison.said_share >= 0.999 {
        out.push(t(Tr::SaidAll).to_owned());
    } else {
        let percent = (comparison.said_share * 100.0).round() as u32;
        out.push(fill(t(Tr::SaidShare), &[("percent", &percent)]));
    }
    if !skipped.is_empty() {
        let sections = spoken_sections(pitch);
        let mut per_section = vec![0usize; sections.len().max(1)];
        for word in &skipped {
            if let Some(count) = per_section.get_mut(word.section) {
                *count += 1;
            }
        }
        // The first section with the most skipped words.
        let most = (0..per_section.len()).rev().max_by_key(|&i| per_section[i]).unwrap_or(0);
        let section = sections.get(most).map_or("", |(kind, _)| t(section_name(*kind)));
        let key = if skipped.len() == 1 { Tr::SaidSkippedOne } else { Tr::SaidSkippedMany };
        out.push(fill(t(key), &[("count", &skipped.len()), ("section", &section)]));
    }
    if added > 0 {
        let key = if added == 1 { Tr::SaidAddedOne } else { Tr::SaidAddedMany };
        let mut sentence = fill(t(key), &[("count", &added)]);
        let fillers = &comparison.fillers;
        if !fillers.is_empty() {
            let mut seen = HashSet::new();
            let examples: Vec<String> = fillers
                .iter()
                .filter(|f| seen.insert(f.word.as_str()))
                .take(3)
                .map(|f| format!("“{}”", f.word))
                .collect();
            let key = if fillers.len() == 1 { Tr::SaidFillersOne } else { Tr::SaidFillersMany };
            sentence.push(' ');
            sentence.push_str(&fill(t(key), &[("count", &fillers.len()), ("examples", &examples.join(", "))]));
        }
        out.push(sentence);
    }
    out
}

/// The script as it was said, word after word; a click on a heard word asks to play the take
/// from there (the sample is returned).
fn script_as_said(ui: &mut egui::Ui, cx: &RehearseContext<'_>, comparison: &Comparison) -> Option<u64> {
    let language = cx.language;
    let t = |key| tr(language, key);
    let filler_words = filler_positions(comparison);
    let warn = theme::warn_color(ui);
    let weak = ui.visuals().weak_text_color();
    let mut asked = None;
    ui.scope(|ui| {
        // Clear of the page's floating scroll bar.
        ui.set_max_width(ui.available_width() - crate::ui::widgets::scroll_gutter(ui));
        ui.spacing_mut().item_spacing = egui::vec2(4.0, 4.0);
        ui.horizontal_wrapped(|ui| {
            for (index, word) in comparison.alignment.iter().enumerate() {
                let script = word.script.as_deref().unwrap_or_default();
                let (text, name) = match word.op {
                    Op::Said => (egui::RichText::new(script), script.to_owned()),
                    Op::Skipped => (
                        egui::RichText::new(script).strikethrough().color(weak),
                        fill(t(Tr::SaidWordSkipped), &[("word", &script)]),
                    ),
                    Op::Changed | Op::Added => {
                        // The second part of a word heard as one ("32%") shows with its first.
                        let Some(heard) = word.heard.as_deref() else { continue };
                        let mut text = egui::RichText::new(heard).underline();
                        let name = if word.op == Op::Changed {
                            fill(t(Tr::SaidWordChanged), &[("heard", &heard), ("word", &script)])
                        } else if filler_words.contains(&index) {
                            text = text.background_color(warn.gamma_multiply(0.35));
                            fill(t(Tr::SaidWordFiller), &[("word", &heard)])
                        } else {
                            fill(t(Tr::SaidWordAdded), &[("word", &heard)])
                        };
                        (text.italics(), name)
                    }
                };
                // Read as text, in reading order: clickable with the mouse, but not a stop
                // for Tab (the player's slider and section jumps serve the keyboard).
                let sense = if word.start.is_some() { egui::Sense::CLICK } else { egui::Sense::hover() };
                let response = ui.add(egui::Label::new(text.size(theme::LEAD_SIZE)).sense(sense));
                let response = if word.op == Op::Changed { response.on_hover_text(&name) } else { response };
                let id = response.id;
                ui.ctx().accesskit_node_builder(id, move |node| node.set_value(name));
                if let Some(start) = word.start
                    && response.clicked()
                {
                    asked = Some((start.max(0.0) * f64::from(RATE)) as u64);
                }
            }
        });
    });
    asked
}

/// Which of the alignment's added words are fillers ("you know" is two).
fn filler_positions(comparison: &Comparison) -> HashSet<usize> {
    let mut out = HashSet::new();
    for filler in &comparison.fillers {
        let Some(first) = comparison
            .alignment
            .iter()
            .position(|a| a.op == Op::Added && a.start == Some(filler.start) && a.heard.is_some())
        else {
            continue;
        };
        let words = filler.word.split_whitespace().count();
        out.extend(
            (first..comparison.alignment.len())
                .filter(|&i| comparison.alignment[i].op == Op::Added && comparison.alignment[i].heard.is_some())
                .take(words),
        );
    }
    out
}
