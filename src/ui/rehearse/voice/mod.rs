//! The voice on the Rehearse page: the "Record my voice" switch, the microphone and its check
//! before a run; the level while recording; after the run, the measured delivery with one
//! sentence of advice each, and the take to play back section by section.
//!
//! The page reads a [`VoiceView`] the shell took before the frame and asks for changes with
//! [`VoiceRequest`]s: the recorder, the player and their threads belong to the shell.

use std::time::Duration;

use super::RehearseContext;
use crate::command::{Command, VoiceRequest};
use crate::i18n::{Tr, fill, tr};
use crate::logic::rehearsal::spoken_sections;
use crate::model::{Language, Pitch};
pub use crate::state::voice::OutcomeTake;
use crate::state::voice::{CheckView, Verdict};
use crate::ui::theme;

mod advice;
mod heard;
mod playback;

pub use advice::advice;
pub(super) use playback::{player, result};

/// What the voice part of the page keeps between frames.
#[derive(Default)]
pub struct VoiceState {
    /// The attempt (its place in the document) whose take is open for listening.
    pub listening_to: Option<usize>,
}

fn ask(cx: &mut RehearseContext<'_>, request: VoiceRequest) {
    cx.out.push(Command::Voice(request));
}

/// Asks for the run just started to be recorded (the shell records when the person asked
/// for it, and throws away a recording of an earlier run still going).
pub(super) fn begin(cx: &mut RehearseContext<'_>, pitch: &Pitch) {
    let at = cx.now;
    ask(cx, VoiceRequest::Record { pitch: pitch.id.clone(), at });
}

/// Keeps where a section mark was pressed.
pub(super) fn mark(cx: &mut RehearseContext<'_>) {
    if cx.voice.is_recording() {
        let at = cx.now;
        ask(cx, VoiceRequest::Mark { at });
    }
}

/// Ends the recording with the run; the shell keeps the take, measures it on its own thread
/// and hands it to the outcome.
pub(super) fn end(cx: &mut RehearseContext<'_>, pitch: &Pitch) {
    if !cx.voice.is_recording() {
        return;
    }
    let sections: Vec<String> = spoken_sections(pitch).into_iter().map(|(_, text)| text.to_owned()).collect();
    let script = pitchcraft_voice::text::script(&sections.join("\n"), pitch.language);
    let at = cx.now;
    ask(cx, VoiceRequest::Finish { script, sections, language: pitch.language, at });
}

/// Throws away the recording of a run that is discarded.
pub(super) fn discard(cx: &mut RehearseContext<'_>) {
    ask(cx, VoiceRequest::Discard);
}

/// The switch, the microphone and its check, before a run.
pub(super) fn setup(ui: &mut egui::Ui, cx: &mut RehearseContext<'_>) {
    let language = cx.language;
    let t = |key| tr(language, key);
    let switch = ui.checkbox(&mut cx.settings.record, t(Tr::VoiceRecord)).on_hover_text(t(Tr::VoiceRecordTip));
    if !cx.settings.record {
        return;
    }
    // Looked up again each time the switch is turned on: a headset may have come since.
    let Some(devices) = cx.voice.devices.clone().filter(|_| !switch.changed()) else {
        ask(cx, VoiceRequest::LookUpDevices);
        return;
    };
    let mut check = false;
    match devices {
        Err(error) => {
            let text = fill(t(Tr::VoiceUnavailable), &[("error", &error)]);
            ui.add(egui::Label::new(egui::RichText::new(text).color(theme::warn_color(ui))).wrap());
            return;
        }
        Ok(devices) => {
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(t(Tr::VoiceDevice)).id;
                let chosen = cx.settings.input_device.clone();
                let shown = chosen
                    .as_deref()
                    .and_then(|name| devices.iter().find(|d| d.name == name))
                    .map_or_else(|| t(Tr::VoiceDefaultDevice).to_owned(), |d| d.description.clone());
                let combo = egui::ComboBox::from_id_salt("voice_device").selected_text(shown).show_ui(ui, |ui| {
                    if ui.selectable_label(chosen.is_none(), t(Tr::VoiceDefaultDevice)).clicked() {
                        cx.settings.input_device = None;
                    }
                    for device in devices.iter() {
                        if ui.selectable_label(chosen.as_deref() == Some(&device.name), &device.description).clicked() {
                            cx.settings.input_device = Some(device.name.clone());
                        }
                    }
                });
                combo.response.labelled_by(label);
                check = ui.button(t(Tr::VoiceCheck)).on_hover_text(t(Tr::VoiceCheckTip)).clicked();
            });
        }
    }
    if check {
        let at = cx.now;
        ask(cx, VoiceRequest::CheckMicrophone { at });
    }
    show_check(ui, cx);
}

fn show_check(ui: &mut egui::Ui, cx: &RehearseContext<'_>) {
    match &cx.voice.check {
        CheckView::Listening { seconds_left, level } => {
            ui.label(fill(cx.t(Tr::VoiceCheckListening), &[("seconds", seconds_left)]));
            level_meter(ui, cx.language, *level);
            ui.ctx().request_repaint_after(Duration::from_millis(100));
        }
        CheckView::Playing(heard) => {
            ui.label(cx.t(Tr::VoiceCheckPlaying));
            said(ui, cx, *heard);
            ui.ctx().request_repaint_after(Duration::from_millis(100));
        }
        CheckView::Heard(heard) => said(ui, cx, *heard),
        CheckView::Silent => {
            ui.label(egui::RichText::new(cx.t(Tr::VoiceCheckSilent)).color(theme::warn_color(ui)));
        }
        CheckView::Idle => {}
    }
    if let Some(problem) = &cx.voice.problem {
        let text = fill(cx.t(Tr::VoiceUnavailable), &[("error", problem)]);
        ui.add(egui::Label::new(egui::RichText::new(text).color(theme::warn_color(ui))).wrap());
    }
}

/// The check's verdict: heard clearly, or too quiet and what to do.
fn said(ui: &mut egui::Ui, cx: &RehearseContext<'_>, heard: Verdict) {
    match heard {
        Verdict::Clear => ui.label(egui::RichText::new(cx.t(Tr::VoiceCheckClear)).color(theme::ok_color(ui))),
        Verdict::TooQuiet => ui.label(egui::RichText::new(cx.t(Tr::VoiceCheckQuiet)).color(theme::warn_color(ui))),
    };
}

fn level_meter(ui: &mut egui::Ui, language: Language, level: f32) {
    let bar = egui::ProgressBar::new(level.clamp(0.0, 1.0)).desired_width(160.0).desired_height(8.0);
    ui.add(bar).on_hover_text(tr(language, Tr::VoiceLevel));
}

/// "● Recording" and the level while a run is recorded (or why it is not). Drawn with the
/// timer's frames, once a second, and never asking for more: a meter moving ten times a
/// second cost a quarter of a core, ten times the timer (BENCHMARKS.md, #13). The check
/// before the run has the live meter.
pub(super) fn during_run(ui: &mut egui::Ui, cx: &RehearseContext<'_>) {
    if let Some(recording) = &cx.voice.recording {
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(format!("● {}", cx.t(Tr::VoiceRecordingNow))).color(theme::error_color(ui)));
            level_meter(ui, cx.language, recording.level);
            if let Some(problem) = &recording.problem {
                let text = fill(cx.t(Tr::VoiceRecordingFailed), &[("error", problem)]);
                ui.label(egui::RichText::new(text).color(theme::warn_color(ui)));
            }
        });
    } else if let Some(problem) = &cx.voice.problem {
        let text = fill(cx.t(Tr::VoiceRecordingFailed), &[("error", problem)]);
        ui.label(egui::RichText::new(text).color(theme::warn_color(ui)));
    }
}
