//! One sentence of advice for each measured figure of a take, in the person's language.

use super::OutcomeTake;
use crate::i18n::{Tr, fill, tr};
use crate::logic::voice::{Loudness, Melody, boundaries_ms, loudness, melody, review_pauses};
use crate::model::{DeliveryFigures, Language};

/// "1,5" in Dutch, "1.5" in English.
fn decimal(language: Language, value: f64, places: usize) -> String {
    let text = format!("{value:.places$}");
    if language == Language::Nl { text.replace('.', ",") } else { text }
}

/// "0:07", "1:32": where in the take.
fn clock(ms: u64) -> String {
    crate::logic::timer::clock(ms / 1000)
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
    // Where each section began: the key marks, or where the words were heard.
    let sections = take.sections.len().max(take.marks.len() + 1);
    let marks: Vec<u64> = boundaries_ms(&take.to_take(), sections).into_iter().flatten().collect();
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

#[cfg(test)]
mod tests {
    use pitchcraft_voice::resample::RATE;

    use super::*;
    use crate::model::SpanMs;

    fn take(marks_s: &[u64], figures: DeliveryFigures) -> OutcomeTake {
        OutcomeTake {
            file: "t.flac".into(),
            marks: marks_s.iter().map(|s| s * u64::from(RATE)).collect(),
            samples: 0,
            measured: Some(Ok(figures)),
            script: pitchcraft_voice::Script { words: 70, syllables: 100 },
            sections: Vec::new(),
            language: crate::model::Language::En,
            said: None,
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
