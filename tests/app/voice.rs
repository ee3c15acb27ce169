//! The voice on the Rehearse page with a stand-in microphone that "hears" a spoken fixture:
//! the switch, a recorded run with section marks, the measured delivery beside the timings,
//! the take kept beside the document and referenced from the attempt; and no microphone.

use crate::common;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use crate::common::{app, run_until, sample_copy};
use egui::Key;
use egui_kittest::kittest::{NodeT, Queryable};
use std::sync::atomic::{AtomicBool, Ordering};

use pitchcraft::app::hearing::FakeTranscriber;
use pitchcraft::app::voice::{FakeMicrophone, Listening, Microphone, OnSamples, Playing};
use pitchcraft::app::{FakeClock, Launch};
use pitchcraft::logic::transcript::HeardWord;
use pitchcraft::model::Language;
use pitchcraft::state::Page;
use pitchcraft_voice::VoiceError;
use pitchcraft_voice::device::InputDevice;

fn spoken() -> Arc<[i16]> {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/pitchcraft-voice/tests/fixtures/en-pauses.flac");
    let audio = pitchcraft_voice::audio::read(&fixture).unwrap();
    pitchcraft_voice::take::to_take_samples(&audio).unwrap().into()
}

#[test]
fn a_recorded_run_is_measured_kept_beside_the_document_and_played_back() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_copy(dir.path());
    let clock = FakeClock::default();
    let microphone: Arc<dyn Microphone> = Arc::new(FakeMicrophone(spoken()));
    let (mut harness, _) = app(Launch {
        file: Some(file.clone()),
        page: Some(Page::Rehearse),
        clock: Some(clock.clock()),
        microphone: Some(microphone),
        ..Launch::default()
    });
    harness.get_by_label("Record my voice").click();
    harness.run_ok();
    assert!(harness.state().settings().rehearse.record, "the switch is remembered in the settings");
    assert!(harness.query_by_label("Check the microphone").is_some());

    harness.key_press(Key::Space);
    harness.run_ok();
    clock.advance(Duration::from_secs(3));
    harness.run_ok();
    assert!(harness.query_by_label_contains("Recording").is_some());
    clock.advance(Duration::from_millis(4_100));
    harness.key_press(Key::Space); // the first section ends
    harness.run_ok();
    clock.advance(Duration::from_millis(4_000));
    harness.key_press(Key::Enter);
    harness.run_ok();

    assert!(harness.query_by_label("Your voice").is_some());
    run_until(&mut harness, |h| h.query_by_label_contains("You spoke for").is_some());
    assert!(harness.query_by_label_contains("You paused 2 times; the longest pause was 1.0 s").is_some());
    assert!(harness.query_by_label("Play").is_some());
    let before = harness.state().session().unwrap().document.rehearsals.len();
    harness.get_by_label("Keep this attempt").scroll_to_me();
    harness.run_ok();
    harness.get_by_label("Keep this attempt").click();
    harness.run_ok();
    assert_eq!(harness.state().session().unwrap().document.rehearsals.len(), before + 1);

    let attempt = harness.state().session().unwrap().document.rehearsals.last().unwrap().clone();
    let take = attempt.take.clone().expect("the attempt refers to its take");
    assert_eq!(take.rate, 16_000);
    assert_eq!(take.marks, [113_600], "the mark 7.1 s after the take began (count-in included), in samples");
    let delivery = take.delivery.expect("figures kept");
    assert_eq!(delivery.pauses.len(), 2);
    // The chart's last rate is the table's: both measured from the voice.
    let measured = format!("{:.0}", attempt.measured_words_per_minute().expect("measured"));
    let summary = harness
        .get_by_label_contains("Chart of words a minute")
        .accesskit_node()
        .label()
        .unwrap_or_default()
        .to_owned();
    assert!(summary.ends_with(&format!("the last at {measured}.")), "{summary} against {measured}");
    let folder = dir.path().join("sanne.brand.recordings");
    let kept = folder.join(&take.file);
    assert!(kept.exists(), "{} beside the document", kept.display());
    assert!(
        std::fs::read_dir(&folder).unwrap().all(|e| e.unwrap().path().extension().is_none_or(|x| x != "wav")),
        "no WAV left"
    );
    let size = std::fs::metadata(&kept).unwrap().len() as f64;
    let minutes = spoken().len() as f64 / 16_000.0 / 60.0;
    assert!(size / minutes <= 1_000_000.0, "{size} bytes for {minutes:.2} min");
    // Its pace is measured over the speech, not over the clock (which ran on 3 s of count-in).
    let speech = delivery.speech.unwrap();
    let attempt = harness.state().session().unwrap().document.rehearsals.last().unwrap().clone();
    assert_eq!(attempt.measured_words_per_minute(), Some(f64::from(attempt.words) * 60_000.0 / speech.ms() as f64));
    assert!((speech.ms() as i64 - 10_184).abs() < 150, "{speech:?}");

    // Back on the setup, the attempt's take plays from the history.
    harness.get_all_by_label("Listen to this attempt").next().expect("▶ in the history").click();
    harness.run_ok();
    assert!(harness.query_by_label_contains("Your take of").is_some());
    assert!(harness.query_by_label("Play").is_some());

    // The attempt removed: its take stays while the removal can be undone…
    // The newest attempt is the first row.
    harness.get_all_by_label_contains("Delete this attempt: ").next().unwrap().click();
    harness.run_ok();
    assert!(harness.state().session().unwrap().document.rehearsals.iter().all(|a| a.take.is_none()));
    common::press_command(&mut harness, egui::Key::S);
    run_until(&mut harness, |h| !h.state().session().unwrap().is_dirty());
    assert!(kept.exists(), "still undoable: the take stays");
    // …and goes when the document is closed, its removal saved and no longer undoable.
    common::press_command(&mut harness, egui::Key::N);
    assert!(!kept.exists(), "gone for good");
}

struct NoMicrophone;

impl Microphone for NoMicrophone {
    fn devices(&self) -> Result<Vec<InputDevice>, VoiceError> {
        Err(VoiceError::NoAudio("no sound server is running".into()))
    }
    fn listen(&self, _: Option<&str>, _: OnSamples) -> Result<Box<dyn Listening>, VoiceError> {
        Err(VoiceError::NoAudio("no sound server is running".into()))
    }
    fn play(&self, _: Arc<[i16]>, _: u32, _: usize) -> Result<Box<dyn Playing>, VoiceError> {
        Err(VoiceError::NoAudio("no sound server is running".into()))
    }
}

#[test]
fn without_a_microphone_the_page_says_so_and_rehearsing_still_works() {
    let clock = FakeClock::default();
    let (mut harness, _) = app(Launch {
        sample: true,
        page: Some(Page::Rehearse),
        clock: Some(clock.clock()),
        microphone: Some(Arc::new(NoMicrophone)),
        language: Some(pitchcraft::model::Language::Nl),
        ..Launch::default()
    });
    harness.get_by_label("Neem mijn stem op").click();
    harness.run_ok();
    assert!(harness.query_by_label_contains("Er is geen microfoon beschikbaar").is_some());
    harness.key_press(Key::Space);
    harness.run_ok();
    clock.advance(Duration::from_secs(8));
    harness.run_ok();
    assert!(harness.query_by_label_contains("De opname is gestopt").is_some(), "said during the run");
    harness.key_press(Key::Enter);
    harness.run_ok();
    assert!(harness.query_by_label("Je stem").is_none(), "no take, no voice section");
    harness.get_by_label("Deze poging bewaren").click();
    harness.run_ok();
    let attempt = harness.state().session().unwrap().document.rehearsals.last().unwrap().clone();
    assert!(attempt.take.is_none());
}

#[test]
fn takes_of_a_new_document_move_beside_it_at_its_first_save_as() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, dialogs, clock) = sample_with_microphone(spoken());
    harness.get_by_label("Record my voice").click();
    harness.run_ok();
    harness.key_press(Key::Space);
    harness.run_ok();
    clock.advance(Duration::from_secs(12));
    harness.run_ok();
    harness.key_press(Key::Enter);
    harness.run_ok();
    run_until(&mut harness, |h| h.query_by_label_contains("You spoke for").is_some());
    harness.get_by_label("Keep this attempt").scroll_to_me();
    harness.run_ok();
    harness.get_by_label("Keep this attempt").click();
    harness.run_ok();
    let file = harness.state().session().unwrap().document.rehearsals.last().unwrap().take.clone().unwrap().file;
    let temporary = pitchcraft_voice::recordings::folder_for(None).join(&file);
    assert!(temporary.exists(), "kept in the temporary folder while the document has no file");

    dialogs.answer(pitchcraft::app::Picked::Path(dir.path().join("sanne.brand.ron")));
    common::press_command_shift(&mut harness, Key::S);
    harness.state_mut().finish_saves();
    harness.run_ok();
    let beside = dir.path().join("sanne.brand.recordings").join(&file);
    assert!(beside.exists(), "moved beside the document");
    assert!(!temporary.exists());
    assert!(pitchcraft_voice::audio::read(&beside).is_ok());
}

/// A copy of the sample on the Rehearse page, with a stand-in microphone that hears
/// `samples` and a clock the test moves.
fn sample_with_microphone(
    samples: Arc<[i16]>,
) -> (egui_kittest::Harness<'static, pitchcraft::app::PitchcraftApp>, pitchcraft::app::ScriptedDialogs, FakeClock) {
    sample_with(Arc::new(FakeMicrophone(samples)))
}

/// A copy of the sample on the Rehearse page with `microphone` and a clock the test moves.
fn sample_with(
    microphone: Arc<dyn Microphone>,
) -> (egui_kittest::Harness<'static, pitchcraft::app::PitchcraftApp>, pitchcraft::app::ScriptedDialogs, FakeClock) {
    let clock = FakeClock::default();
    let (harness, dialogs) = app(Launch {
        sample: true,
        page: Some(Page::Rehearse),
        clock: Some(clock.clock()),
        microphone: Some(microphone),
        ..Launch::default()
    });
    (harness, dialogs, clock)
}

/// The microphone check with a stand-in microphone that hears `samples`: its verdict.
fn check_with(samples: Arc<[i16]>) -> Vec<String> {
    let (mut harness, _, clock) = sample_with_microphone(samples);
    harness.get_by_label("Record my voice").click();
    harness.run_ok();
    harness.get_by_label("Check the microphone").click();
    harness.run_ok();
    clock.advance(Duration::from_millis(3_100));
    harness.run_ok();
    let verdicts = ["We heard you clearly.", "Too quiet to measure well", "Nothing was heard."];
    verdicts
        .iter()
        .filter(|verdict| harness.query_by_label_contains(verdict).is_some())
        .map(|verdict| (*verdict).to_owned())
        .collect()
}

#[test]
fn the_microphone_check_ends_with_a_verdict() {
    assert_eq!(check_with(spoken()), ["We heard you clearly."]);
    let quiet: Arc<[i16]> = spoken().iter().map(|s| s / 40).collect();
    assert_eq!(check_with(quiet), ["Too quiet to measure well"]);
    let silent: Arc<[i16]> = vec![0i16; 48_000].into();
    assert_eq!(check_with(silent), ["Nothing was heard."]);
}

/// A microphone that hears the fixture and plays as a sound server does: the position
/// moves on as the test says, and every start of playing is counted.
struct CountingPlayer {
    hears: FakeMicrophone,
    starts: Arc<std::sync::atomic::AtomicUsize>,
    position: Arc<std::sync::atomic::AtomicU64>,
}

struct Sounding(Arc<std::sync::atomic::AtomicU64>);

impl Playing for Sounding {
    fn position(&self) -> u64 {
        self.0.load(std::sync::atomic::Ordering::SeqCst)
    }
    fn is_finished(&self) -> bool {
        false
    }
}

impl Microphone for CountingPlayer {
    fn devices(&self) -> Result<Vec<InputDevice>, VoiceError> {
        self.hears.devices()
    }
    fn listen(&self, device: Option<&str>, on_samples: OnSamples) -> Result<Box<dyn Listening>, VoiceError> {
        self.hears.listen(device, on_samples)
    }
    fn play(&self, _: Arc<[i16]>, _: u32, from: usize) -> Result<Box<dyn Playing>, VoiceError> {
        self.starts.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        self.position.store(from as u64, std::sync::atomic::Ordering::SeqCst);
        Ok(Box::new(Sounding(self.position.clone())))
    }
}

#[test]
fn a_take_plays_on_without_restarting_while_its_position_moves() {
    let starts = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let position = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let (mut harness, _, clock) = sample_with(Arc::new(CountingPlayer {
        hears: FakeMicrophone(spoken()),
        starts: starts.clone(),
        position: position.clone(),
    }));
    harness.get_by_label("Record my voice").click();
    harness.run_ok();
    harness.key_press(Key::Space);
    harness.run_ok();
    clock.advance(Duration::from_secs(8));
    harness.key_press(Key::Enter);
    harness.run_ok();
    run_until(&mut harness, |h| h.query_by_label_contains("You spoke for").is_some());

    harness.get_by_label("Play").click();
    harness.run_ok();
    assert_eq!(starts.load(std::sync::atomic::Ordering::SeqCst), 1);
    // The sound server moves on by a tenth of a second and a bit each frame: positions the
    // position slider shows rounded to 0.1 s. Rounding is not the person moving it.
    for _ in 0..30 {
        position.fetch_add(1_733, std::sync::atomic::Ordering::SeqCst);
        clock.advance(Duration::from_millis(108));
        harness.run_ok();
    }
    assert_eq!(starts.load(std::sync::atomic::Ordering::SeqCst), 1, "playing started once, not once a frame");
    assert!(harness.query_by_label("Stop").is_some(), "still playing");
    // Moving the slider is a move: playing goes on from there.
    let at = position.load(std::sync::atomic::Ordering::SeqCst);
    harness.get_by_role_and_label(egui::accesskit::Role::Slider, "Position in the take").focus();
    harness.run_ok();
    harness.key_press(Key::ArrowRight);
    harness.run_ok();
    assert_eq!(starts.load(std::sync::atomic::Ordering::SeqCst), 2, "the slider moved by the keyboard seeks");
    assert_ne!(position.load(std::sync::atomic::Ordering::SeqCst), at);
}

/// What the stand-in transcriber "hears" of the sample's first pitch: every word, but the
/// third section's words left out, "So," and "basically" added before the second, and its
/// fourth word said a little differently (with an "s": a word changed, not one skipped and
/// another added). Also how many script words are left out.
fn heard_with_slips(harness: &egui_kittest::Harness<'_, pitchcraft::app::PitchcraftApp>) -> (Vec<HeardWord>, usize) {
    let document = &harness.state().session().unwrap().document;
    let sections = pitchcraft::logic::rehearsal::spoken_sections(&document.pitches[0]);
    let mut said: Vec<String> = Vec::new();
    let mut skipped = 0;
    for (index, (_, text)) in sections.iter().enumerate() {
        let words: Vec<String> = text.split_whitespace().map(str::to_owned).collect();
        match index {
            1 => {
                said.extend(["So,".to_owned(), "basically".to_owned()]);
                let mut words = words;
                words[3] = format!("{}s", words[3].trim_matches(|c: char| !c.is_alphanumeric()));
                said.extend(words);
            }
            2 => skipped = pitchcraft::logic::transcript::normalise(text, Language::En).len(),
            _ => said.extend(words),
        }
    }
    // Spread over the 8-second run after its 3-second count-in.
    let step = 4.6 / said.len() as f64;
    let heard = said
        .into_iter()
        .enumerate()
        .map(|(i, text)| HeardWord {
            text,
            start: 0.2 + i as f64 * step,
            end: 0.2 + (i as f64 + 0.8) * step,
            probability: 0.9,
        })
        .collect();
    (heard, skipped)
}

/// The sample on the Rehearse page with a microphone that counts where playing starts and a
/// stand-in transcriber held at half way until `gate` opens; a recorded run is done.
fn recorded_run_heard_by(
    words: impl FnOnce(&egui_kittest::Harness<'_, pitchcraft::app::PitchcraftApp>) -> Vec<HeardWord>,
    gate: Arc<AtomicBool>,
    ready: bool,
) -> (egui_kittest::Harness<'static, pitchcraft::app::PitchcraftApp>, Arc<std::sync::atomic::AtomicU64>) {
    let position = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let microphone =
        CountingPlayer { hears: FakeMicrophone(spoken()), starts: Default::default(), position: position.clone() };
    let clock = FakeClock::default();
    let (probe, _) = app(Launch { sample: true, ..Launch::default() });
    let words = words(&probe);
    let transcriber = Arc::new(FakeTranscriber { words, ready: ready.into(), gate });
    let (mut harness, _) = app(Launch {
        sample: true,
        page: Some(Page::Rehearse),
        clock: Some(clock.clock()),
        microphone: Some(Arc::new(microphone)),
        transcriber: Some(transcriber),
        ..Launch::default()
    });
    harness.get_by_label("Record my voice").click();
    harness.run_ok();
    harness.key_press(Key::Space);
    harness.run_ok();
    clock.advance(Duration::from_secs(8));
    harness.key_press(Key::Enter);
    harness.run_ok();
    run_until(&mut harness, |h| h.query_by_label_contains("You spoke for").is_some());
    (harness, position)
}

#[test]
fn what_you_said_shows_the_script_as_said_and_a_word_plays_from_where_it_was_said() {
    let gate = Arc::new(AtomicBool::new(false));
    let mut expected = (Vec::new(), 0);
    let (mut harness, position) = recorded_run_heard_by(
        |probe| {
            expected = heard_with_slips(probe);
            expected.0.clone()
        },
        gate.clone(),
        true,
    );
    let (heard, skipped) = expected;
    // While the model hears: how far it got, and the rest of the page works.
    assert!(harness.query_by_label("What you said").is_some());
    run_until(&mut harness, |h| h.query_by_label_contains("Hearing what you said… 50 %").is_some());
    assert!(harness.query_by_label("Stop hearing").is_some());
    harness.get_by_label("Keep this attempt").scroll_to_me();
    harness.run_ok();
    harness.get_all_by_label("4").next().unwrap().click();
    harness.run_ok();
    let clarity = harness.state().rehearse_state().outcome.as_ref().and_then(|outcome| outcome.clarity);
    assert_eq!(clarity, Some(4), "rating works while it hears");

    gate.store(true, Ordering::SeqCst);
    run_until(&mut harness, |h| h.query_by_label_contains("of your script.").is_some());
    let document = harness.state().session().unwrap().document.clone();
    let sections = pitchcraft::logic::rehearsal::spoken_sections(&document.pitches[0]);
    // No key was pressed: each section's time comes from where its words were heard.
    let outcome = harness.state().rehearse_state().outcome.clone().unwrap();
    assert_eq!(outcome.section_ms.len(), sections.len(), "{:?}", outcome.section_ms);
    assert_eq!(outcome.section_ms.iter().sum::<u64>(), outcome.duration.as_millis() as u64);
    let texts: Vec<&str> = sections.iter().map(|(_, t)| *t).collect();
    let script_words: usize =
        texts.iter().map(|t| pitchcraft::logic::transcript::normalise(t, Language::En).len()).sum();
    let share = ((script_words - skipped - 1) as f64 / script_words as f64 * 100.0).round();
    assert!(harness.query_by_label(&format!("You said {share} % of your script.")).is_some());
    let third = pitchcraft::i18n::tr(Language::En, pitchcraft::i18n::section_key(sections[2].0));
    assert!(
        harness
            .query_by_label(&format!(
                "You skipped {skipped} words, most of them in “{third}”; they are struck through below."
            ))
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("You added 2 words that are not in your script; they are underlined. 2 of them were fillers: “so”, “basically”.")
            .is_some()
    );
    // Each word is read with what became of it.
    let values = |suffix: &str| harness.get_all_by(|node| node.value().is_some_and(|v| v.ends_with(suffix))).count();
    assert_eq!(values(", skipped"), skipped);
    assert_eq!(values(", filler"), 2);
    let changed = &heard[heard.iter().position(|w| w.text == "basically").unwrap() + 4];
    let name = format!("{}, said instead of ", changed.text);
    assert_eq!(harness.get_all_by(|node| node.value().is_some_and(|v| v.starts_with(&name))).count(), 1);

    // A word clicked plays the take from where it was said.
    harness.get_by_label("Play").click();
    harness.run_ok();
    harness.get_by(|node| node.value().is_some_and(|v| v.starts_with(&name))).scroll_to_me();
    harness.run_ok();
    harness.get_by(|node| node.value().is_some_and(|v| v.starts_with(&name))).click();
    harness.run_ok();
    assert_eq!(position.load(Ordering::SeqCst), (changed.start * 16_000.0) as u64);

    // Kept with the attempt; the history says how much of the script was said.
    harness.get_by_label("Keep this attempt").scroll_to_me();
    harness.run_ok();
    harness.get_by_label("Keep this attempt").click();
    harness.run_ok();
    let attempt = harness.state().session().unwrap().document.rehearsals.last().unwrap().clone();
    let transcript = attempt.take.unwrap().transcript.expect("kept with the take");
    assert_eq!(transcript.words.len(), heard.len());
    let permille = ((script_words - skipped - 1) as f64 / script_words as f64 * 1_000.0).round() as u32;
    assert_eq!(transcript.said_permille, permille);
    assert_eq!((transcript.skipped as usize, transcript.fillers), (skipped, 2));
    assert!(harness.query_by_label(&format!("{share} %")).is_some(), "the history's Said column");
}

#[test]
fn hearing_can_be_stopped_and_started_again_and_an_attempt_kept_meanwhile_gets_its_transcript() {
    let gate = Arc::new(AtomicBool::new(false));
    let (mut harness, _) = recorded_run_heard_by(|probe| heard_with_slips(probe).0, gate.clone(), true);
    run_until(&mut harness, |h| h.query_by_label("Stop hearing").is_some());
    harness.get_by_label("Stop hearing").click();
    harness.run_ok();
    run_until(&mut harness, |h| h.query_by_label_contains("Stopped.").is_some());
    harness.get_by_label("Hear what I said").click();
    harness.run_ok();
    run_until(&mut harness, |h| h.query_by_label("Stop hearing").is_some());
    // Kept before the words are in: they go to the attempt when they come.
    harness.get_by_label("Keep this attempt").scroll_to_me();
    harness.run_ok();
    harness.get_by_label("Keep this attempt").click();
    harness.run_ok();
    gate.store(true, Ordering::SeqCst);
    run_until(&mut harness, |h| {
        h.state()
            .session()
            .unwrap()
            .document
            .rehearsals
            .last()
            .and_then(|a| a.take.as_ref()?.transcript.as_ref())
            .is_some()
    });
    let attempt = harness.state().session().unwrap().document.rehearsals.last().unwrap().clone();
    assert!(attempt.said_share().is_some_and(|share| share > 0.5 && share < 1.0));
}

#[test]
fn without_a_speech_model_what_you_said_offers_to_get_it_and_then_hears_the_take() {
    let gate = Arc::new(AtomicBool::new(false));
    let (mut harness, _) = recorded_run_heard_by(|probe| heard_with_slips(probe).0, gate.clone(), false);
    run_until(&mut harness, |h| h.query_by_label_contains("Transcripts need a 145 MB speech model").is_some());
    harness.get_by_label("Get the speech model (145 MB)").click();
    harness.run_ok();
    run_until(&mut harness, |h| h.query_by_label_contains("Getting the speech model… 37 of 148 MB").is_some());
    assert!(harness.query_by_label("Stop getting it").is_some());
    gate.store(true, Ordering::SeqCst);
    run_until(&mut harness, |h| h.query_by_label_contains("of your script.").is_some());
}

#[test]
fn a_take_kept_without_a_speech_model_has_no_transcript() {
    let (mut harness, _) = recorded_run_heard_by(|_| Vec::new(), Arc::new(AtomicBool::new(true)), false);
    run_until(&mut harness, |h| h.query_by_label_contains("Transcripts need a 145 MB speech model").is_some());
    harness.get_by_label("Keep this attempt").scroll_to_me();
    harness.run_ok();
    harness.get_by_label("Keep this attempt").click();
    harness.run_ok();
    let attempt = harness.state().session().unwrap().document.rehearsals.last().unwrap().clone();
    assert!(attempt.take.is_some_and(|take| take.transcript.is_none()));
}
