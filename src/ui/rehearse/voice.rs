//! The voice on the Rehearse page: the "Record my voice" switch, the microphone and its check
//! before a run; the level while recording; after the run, the measured delivery with one
//! sentence of advice each, and the take to play back section by section.
//!
//! The page reads a [`VoiceView`] the shell took before the frame and asks for changes with
//! [`VoiceRequest`]s: the recorder, the player and their threads belong to the shell.

use std::time::Duration;

use pitchcraft_voice::resample::RATE;

use super::RehearseContext;
use crate::command::{Command, VoiceRequest};
use crate::i18n::{Tr, fill, tr};
use crate::logic::rehearsal::spoken_sections;
use crate::logic::voice::{Loudness, Melody, loudness, marks_ms, melody, review_pauses, section_rates};
use crate::model::{DeliveryFigures, Language, Pitch, Take};
use crate::state::voice::CheckView;
pub use crate::state::voice::OutcomeTake;
use crate::ui::pitches::section_name;
use crate::ui::theme;

/// What the voice part of the page keeps between frames.
#[derive(Default)]
pub struct VoiceState {
    /// The attempt (its place in the document) whose take is open for listening.
    pub listening_to: Option<usize>,
}

/// "1,5" in Dutch, "1.5" in English.
fn decimal(language: Language, value: f64, places: usize) -> String {
    let text = format!("{value:.places$}");
    if language == Language::Nl { text.replace('.', ",") } else { text }
}

/// "0:07", "1:32": where in the take.
fn clock(ms: u64) -> String {
    crate::logic::timer::clock(ms / 1000)
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
    let text: Vec<&str> = spoken_sections(pitch).into_iter().map(|(_, text)| text).collect();
    let script = pitchcraft_voice::text::script(&text.join("\n"), pitch.language);
    ask(cx, VoiceRequest::Finish { script });
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
        CheckView::Playing => {
            ui.label(cx.t(Tr::VoiceCheckPlaying));
            ui.ctx().request_repaint_after(Duration::from_millis(100));
        }
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

/// The sentences of advice for a measured take, in the order they are shown.
pub fn advice(language: Language, figures: &DeliveryFigures, take: &OutcomeTake) -> Vec<(String, bool)> {
    let t = |key| tr(language, key);
    let mut out = Vec::new();
    let Some(speech) = figures.speech else {
        out.push((t(Tr::VoiceNoSpeech).to_owned(), true));
        return out;
    };
    let words = take.script.words;
    let wpm = f64::from(words) * 60_000.0 / speech.ms().max(1) as f64;
    out.push((
        fill(
            t(Tr::VoiceSpeaking),
            &[("seconds", &decimal(language, speech.ms() as f64 / 1000.0, 1)), ("wpm", &format!("{wpm:.0}"))],
        ),
        false,
    ));
    let marks = marks_ms(&take.to_take());
    let review = review_pauses(figures, &marks);
    match review.longest {
        None => out.push((t(Tr::VoicePausesNone).to_owned(), false)),
        Some(longest) => {
            let seconds = decimal(language, longest.ms() as f64 / 1000.0, 1);
            let key = if review.count == 1 { Tr::VoicePausesOne } else { Tr::VoicePauses };
            let at = clock(longest.start);
            out.push((fill(t(key), &[("count", &review.count), ("seconds", &seconds), ("at", &at)]), false));
            match review.at_boundaries {
                0 => {}
                1 => out.push((t(Tr::VoicePausesPraiseOne).to_owned(), false)),
                n => out.push((fill(t(Tr::VoicePausesPraise), &[("count", &n)]), false)),
            }
            for pause in &review.long_inside {
                let seconds = decimal(language, pause.ms() as f64 / 1000.0, 1);
                out.push((fill(t(Tr::VoicePauseLong), &[("at", &clock(pause.start)), ("seconds", &seconds)]), true));
            }
        }
    }
    let written = take.script.syllables;
    out.push((fill(t(Tr::VoiceSyllables), &[("heard", &figures.syllables), ("written", &written)]), false));
    if written >= 10 && f64::from(figures.syllables) < 0.6 * f64::from(written) {
        out.push((t(Tr::VoiceSyllablesSkipped).to_owned(), true));
    }
    if let (Some(kind), Some(cents)) = (melody(figures), figures.pitch_sd_cents) {
        let semitones = decimal(language, f64::from(cents) / 100.0, 1);
        let key = match kind {
            Melody::Monotone => Tr::VoiceMonotone,
            Melody::Varied => Tr::VoiceVaried,
            Melody::Lively => Tr::VoiceLively,
        };
        out.push((fill(t(key), &[("semitones", &semitones)]), kind == Melody::Monotone));
    }
    let db = |tenths: i64| decimal(language, tenths as f64 / 10.0, 1);
    match loudness(figures) {
        Some(Loudness::Clipping) => {
            let percent = decimal(language, f64::from(figures.clipped_ppm) / 10_000.0, 1);
            out.push((fill(t(Tr::VoiceClipping), &[("percent", &percent)]), true));
        }
        Some(Loudness::Uneven) => {
            let spread = db(i64::from(figures.loudness_sd_tenth_db.unwrap_or(0)));
            out.push((fill(t(Tr::VoiceLoudnessUneven), &[("db", &spread)]), true));
        }
        Some(Loudness::TrailingOff) => {
            let drop = db(i64::from(figures.end_drop_tenth_db.unwrap_or(0)));
            out.push((fill(t(Tr::VoiceTrailingOff), &[("db", &drop)]), true));
        }
        Some(Loudness::Steady) => {
            let spread = db(i64::from(figures.loudness_sd_tenth_db.unwrap_or(0)));
            out.push((fill(t(Tr::VoiceLoudnessSteady), &[("db", &spread)]), false));
        }
        None => {}
    }
    if !figures.possible_fillers.is_empty() {
        let at: Vec<String> = figures.possible_fillers.iter().map(|f| clock(f.start)).collect();
        out.push((fill(t(Tr::VoiceFillers), &[("at", &at.join(", "))]), false));
    }
    out
}

/// The measured delivery beside the timings, and the take to play.
pub(super) fn result(ui: &mut egui::Ui, cx: &mut RehearseContext<'_>, pitch: &Pitch, take: &OutcomeTake) {
    ui.add_space(theme::SPACE_M);
    ui.heading(cx.t(Tr::VoiceHeading));
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
            section_table(ui, cx, pitch, &take.to_take());
        }
    }
    if take.measured.as_ref().is_some_and(Result::is_ok) {
        player(ui, cx, pitch, &take.to_take());
    }
}

fn section_table(ui: &mut egui::Ui, cx: &RehearseContext<'_>, pitch: &Pitch, take: &Take) {
    let sections = spoken_sections(pitch);
    let words: Vec<usize> = sections.iter().map(|(_, text)| crate::logic::draft::word_count(text)).collect();
    let rates = section_rates(take, &words);
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
pub(super) fn player(ui: &mut egui::Ui, cx: &mut RehearseContext<'_>, pitch: &Pitch, take: &Take) {
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
    let mut seconds = position as f64 / f64::from(RATE);
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
        if ui.add(slider).labelled_by(label).changed() {
            asked = Some(VoiceRequest::Play { from: (seconds * f64::from(RATE)) as u64 });
        }
    });
    let sections = spoken_sections(pitch);
    let starts: Vec<u64> = std::iter::once(0).chain(take.marks.iter().copied()).take(sections.len()).collect();
    if starts.len() > 1 {
        ui.horizontal_wrapped(|ui| {
            ui.label(t(Tr::VoiceJumpTo));
            for ((kind, _), start) in sections.iter().zip(&starts) {
                if ui.small_button(t(section_name(*kind))).clicked() {
                    asked = Some(VoiceRequest::Play { from: *start });
                }
            }
        });
    }
    if let Some(request) = asked {
        ask(cx, request);
    }
    // The text of the section being heard.
    let heard = starts.iter().rposition(|&start| start <= position).unwrap_or(0);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SpanMs;

    fn take(marks_s: &[u64], figures: DeliveryFigures) -> OutcomeTake {
        OutcomeTake {
            file: "t.flac".into(),
            marks: marks_s.iter().map(|s| s * u64::from(RATE)).collect(),
            measured: Some(Ok(figures)),
            script: pitchcraft_voice::Script { words: 70, syllables: 100 },
        }
    }

    #[test]
    fn advice_speaks_to_the_person_in_both_languages() {
        let figures = DeliveryFigures {
            speech: Some(SpanMs { start: 2_000, end: 30_000 }),
            pauses: vec![SpanMs { start: 7_800, end: 8_400 }, SpanMs { start: 15_000, end: 16_600 }],
            syllables: 95,
            pitch_sd_cents: Some(80),
            loudness_sd_tenth_db: Some(25),
            end_drop_tenth_db: Some(30),
            clipped_ppm: 0,
            possible_fillers: vec![SpanMs { start: 21_000, end: 21_500 }],
        };
        let t = take(&[8], figures.clone());
        let en: Vec<String> = advice(Language::En, &figures, &t).into_iter().map(|(s, _)| s).collect();
        assert_eq!(
            en,
            [
                "You spoke for 28.0 s from your first word to your last, at 150 words a minute.",
                "You paused 2 times; the longest pause was 1.6 s, at 0:15.",
                "One of your pauses fell between sections: that gives your listener room to follow.",
                "At 0:15 you paused for 1.6 s in the middle of a section. A pause that long loses your listener; keep it under a second.",
                "About 95 syllables were heard; the text has about 100.",
                "Your pitch varied by 0.8 semitones, which sounds flat. Let your voice rise on what matters and fall at the end of a sentence.",
                "Your volume stayed even (2.5 dB between phrases).",
                "Possible filled pauses (\"uh\", \"ehm\") at 0:21. Listen back to check.",
            ]
        );
        let nl: Vec<String> = advice(Language::Nl, &figures, &t).into_iter().map(|(s, _)| s).collect();
        assert_eq!(nl[0], "Je sprak 28,0 s van je eerste tot je laatste woord, met 150 woorden per minuut.");
        assert_eq!(
            nl[5],
            "Je toonhoogte varieerde 0,8 halve tonen, en dat klinkt vlak. Laat je stem stijgen bij wat ertoe doet en dalen aan het eind van een zin."
        );
        for sentence in en.iter().chain(&nl) {
            assert!(!sentence.contains('{'), "a placeholder left: {sentence}");
        }
    }

    #[test]
    fn no_speech_is_one_sentence_and_skipped_words_are_noticed() {
        let silent = DeliveryFigures::default();
        let said = advice(Language::En, &silent, &take(&[], silent.clone()));
        assert_eq!(said, vec![(tr(Language::En, Tr::VoiceNoSpeech).to_owned(), true)]);
        let skipped =
            DeliveryFigures { speech: Some(SpanMs { start: 0, end: 10_000 }), syllables: 40, ..Default::default() };
        let said = advice(Language::Nl, &skipped, &take(&[], skipped.clone()));
        assert!(said.iter().any(|(s, warn)| *warn && s == tr(Language::Nl, Tr::VoiceSyllablesSkipped)), "{said:?}");
        assert!(said.iter().any(|(s, _)| s == tr(Language::Nl, Tr::VoicePausesNone)));
        // One pause, at a mark: said in the singular.
        let one = DeliveryFigures {
            speech: Some(SpanMs { start: 0, end: 20_000 }),
            pauses: vec![SpanMs { start: 9_800, end: 10_400 }],
            ..Default::default()
        };
        let said: Vec<String> =
            advice(Language::Nl, &one, &take(&[10], one.clone())).into_iter().map(|(s, _)| s).collect();
        assert_eq!(said[1], "Je pauzeerde één keer, 0,6 s lang, op 0:09.");
        assert_eq!(
            said[2],
            "Eén van je pauzes viel tussen de onderdelen: zo krijgt je luisteraar ruimte om te volgen."
        );
    }
}
