//! The analysis on speech: sentences spoken by espeak-ng in English and Dutch, joined with
//! silences of known place and length (made by scripts/make-voice-fixtures.sh).

use std::path::{Path, PathBuf};

use pitchcraft_core::model::Language;
use pitchcraft_voice::{Delivery, analyze, audio, text};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn measure(name: &str, language: Language) -> Delivery {
    let script = std::fs::read_to_string(fixture(&format!("{name}.txt"))).ok().map(|t| text::script(&t, language));
    analyze(&audio::read(&fixture(&format!("{name}.flac"))).unwrap(), script).unwrap()
}

#[derive(serde::Deserialize)]
struct Expected {
    name: String,
    speech_start: f64,
    speech_end: f64,
    pauses: Vec<[f64; 2]>,
    words: u32,
}

#[test]
fn pauses_and_rate_of_spoken_english_and_dutch() {
    let expected: Vec<Expected> =
        serde_json::from_str(&std::fs::read_to_string(fixture("expected.json")).unwrap()).unwrap();
    assert_eq!(expected.len(), 2);
    for e in expected {
        let language = if e.name.starts_with("nl") { Language::Nl } else { Language::En };
        let d = measure(&e.name, language);
        let near = |a: f64, b: f64| (a - b).abs() <= 0.15;
        assert!(d.warnings.is_empty(), "{}: {:?}", e.name, d.warnings);
        assert!(near(d.speech_start.unwrap(), e.speech_start), "{}: {d:?}", e.name);
        assert!(near(d.speech_end.unwrap(), e.speech_end), "{}: {d:?}", e.name);
        assert_eq!(d.pauses.len(), e.pauses.len(), "{}: {:?}", e.name, d.pauses);
        for (found, [start, end]) in d.pauses.iter().zip(&e.pauses) {
            assert!(near(found.start, *start) && near(found.end, *end), "{}: {found:?} for {start}–{end}", e.name);
        }
        assert_eq!(d.words, Some(e.words));
        let true_wpm = f64::from(e.words) * 60.0 / (e.speech_end - e.speech_start);
        let wpm = d.wpm.unwrap();
        assert!((wpm - true_wpm).abs() / true_wpm <= 0.10, "{}: {wpm:.0} for {true_wpm:.0}", e.name);
        // The syllables heard are near what the text has: nothing was skipped.
        let (heard, written) = (f64::from(d.syllables), f64::from(d.expected_syllables.unwrap()));
        assert!((heard - written).abs() / written <= 0.3, "{}: {heard} heard, {written} written", e.name);
    }
}

#[test]
fn a_flat_melody_and_a_lively_one_in_both_languages() {
    for lang in ["en", "nl"] {
        let flat = measure(&format!("{lang}-flat"), Language::En).pitch_sd_semitones.unwrap();
        let lively = measure(&format!("{lang}-lively"), Language::En).pitch_sd_semitones.unwrap();
        assert!(flat < 1.0, "{lang}: flat {flat:.2}");
        assert!(lively > 2.5, "{lang}: lively {lively:.2}");
    }
}

#[test]
fn a_text_read_with_half_its_words_skipped_is_noticed() {
    let mut d = measure("en-pauses", Language::En);
    assert!(!d.warnings.contains(&pitchcraft_voice::Warning::FewerSyllables));
    let long = std::fs::read_to_string(fixture("en-pauses.txt")).unwrap().repeat(2);
    d = analyze(&audio::read(&fixture("en-pauses.flac")).unwrap(), Some(text::script(&long, Language::En))).unwrap();
    assert!(d.warnings.contains(&pitchcraft_voice::Warning::FewerSyllables), "{:?}", d.warnings);
}
