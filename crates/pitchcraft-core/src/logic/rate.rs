//! The person's own speaking rate, from their rehearsals. One careless run must not spoil
//! it: an attempt whose pace no one speaks at (clicked through, or left running) is kept
//! but left out, and the person can put any attempt in or out by hand.

use std::ops::RangeInclusive;

use crate::logic::analysis::default_wpm;
use crate::model::{BrandDocument, Language, RateChoice, Rehearsal};

/// How many recent attempts the personal rate looks at.
pub const RECENT_ATTEMPTS: usize = 10;

/// Words a minute that people speak at when they say a pitch aloud.
pub const PLAUSIBLE_WPM: RangeInclusive<f64> = 90.0..=220.0;

/// Whether an attempt counts toward the personal rate, and why.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RateVerdict {
    /// Counts: a plausible pace.
    Counts {
        /// Its pace.
        wpm: f64,
    },
    /// Counts because the person put it in by hand.
    IncludedByHand {
        /// Its pace.
        wpm: f64,
    },
    /// Left out: faster than anyone speaks, so it was rushed or text was skipped (it
    /// ended long before its words could have been said).
    Rushed {
        /// Its pace.
        wpm: f64,
    },
    /// Left out: slower than anyone speaks, so the timer ran on (a pause, an interruption).
    TooSlow {
        /// Its pace.
        wpm: f64,
    },
    /// Left out by the person.
    ExcludedByHand,
    /// Nothing to measure: no words or no time.
    NoPace,
}

impl RateVerdict {
    /// True when the attempt feeds the personal rate.
    pub fn counts(self) -> bool {
        matches!(self, RateVerdict::Counts { .. } | RateVerdict::IncludedByHand { .. })
    }
}

/// Whether `attempt` counts toward the personal rate: at its pace as measured from the voice
/// when it was recorded (the clock also counts the silence before and after), else by the clock.
pub fn verdict(attempt: &Rehearsal) -> RateVerdict {
    let pace = attempt.measured_words_per_minute().or_else(|| attempt.words_per_minute());
    let Some(wpm) = pace.filter(|wpm| wpm.is_finite()) else {
        return RateVerdict::NoPace;
    };
    match attempt.rate {
        RateChoice::Exclude => RateVerdict::ExcludedByHand,
        RateChoice::Include => RateVerdict::IncludedByHand { wpm },
        RateChoice::Auto if wpm > *PLAUSIBLE_WPM.end() => RateVerdict::Rushed { wpm },
        RateChoice::Auto if wpm < *PLAUSIBLE_WPM.start() => RateVerdict::TooSlow { wpm },
        RateChoice::Auto => RateVerdict::Counts { wpm },
    }
}

/// The personal rate and what it rests on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PersonalRate {
    /// Median words a minute.
    pub wpm: f64,
    /// How many attempts it is the median of.
    pub attempts: usize,
}

/// The median words per minute of the last ten attempts in `language` that count; `None`
/// when none counts.
pub fn personal_rate(document: &BrandDocument, language: Language) -> Option<PersonalRate> {
    let mut rates: Vec<f64> = document
        .rehearsals
        .iter()
        .rev()
        .filter(|attempt| attempt.language == language)
        .filter_map(|attempt| match verdict(attempt) {
            RateVerdict::Counts { wpm } | RateVerdict::IncludedByHand { wpm } => Some(wpm),
            _ => None,
        })
        .take(RECENT_ATTEMPTS)
        .collect();
    if rates.is_empty() {
        return None;
    }
    rates.sort_by(f64::total_cmp);
    let middle = rates.len() / 2;
    let wpm = if rates.len() % 2 == 1 { rates[middle] } else { (rates[middle - 1] + rates[middle]) / 2.0 };
    Some(PersonalRate { wpm, attempts: rates.len() })
}

/// The personal words a minute, when known.
pub fn personal_wpm(document: &BrandDocument, language: Language) -> Option<f64> {
    personal_rate(document, language).map(|rate| rate.wpm)
}

/// The rate to plan with: personal when known, else the language's default.
pub fn planning_wpm(document: &BrandDocument, language: Language) -> f64 {
    personal_wpm(document, language).unwrap_or_else(|| default_wpm(language))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attempt(language: Language, words: u32, duration_ms: u64) -> Rehearsal {
        Rehearsal { language, words, duration_ms, ..Default::default() }
    }

    #[test]
    fn a_recorded_attempt_counts_at_the_pace_its_voice_was_measured_at() {
        use crate::model::{DeliveryFigures, SpanMs, Take};
        let mut document = BrandDocument::default();
        // 75 words in 40 s by the clock (112 wpm), but the speech took 30 s: 150 wpm.
        let mut recorded = attempt(Language::En, 75, 40_000);
        let speech = Some(SpanMs { start: 4_000, end: 34_000 });
        recorded.take =
            Some(Take { delivery: Some(DeliveryFigures { speech, ..Default::default() }), ..Default::default() });
        document.rehearsals.push(recorded);
        assert_eq!(personal_wpm(&document, Language::En), Some(150.0));
        // Recorded but no speech heard: the clock it is.
        document.rehearsals[0].take.as_mut().unwrap().delivery.as_mut().unwrap().speech = None;
        assert_eq!(personal_wpm(&document, Language::En), Some(112.5));
    }

    #[test]
    fn the_median_of_the_last_ten_in_that_language() {
        let mut document = BrandDocument::default();
        assert_eq!(personal_wpm(&document, Language::En), None);
        assert_eq!(planning_wpm(&document, Language::Nl), 140.0);
        // Old, slow attempts fall out of the window of ten.
        for _ in 0..5 {
            document.rehearsals.push(attempt(Language::En, 95, 60_000));
        }
        for words in [120, 150, 130, 160, 140, 150, 145, 155, 135, 150] {
            document.rehearsals.push(attempt(Language::En, words, 60_000));
        }
        document.rehearsals.push(attempt(Language::Nl, 100, 60_000));
        assert_eq!(personal_rate(&document, Language::En), Some(PersonalRate { wpm: 147.5, attempts: 10 }));
        assert_eq!(personal_rate(&document, Language::Nl), Some(PersonalRate { wpm: 100.0, attempts: 1 }));
    }

    #[test]
    fn empty_or_absurd_attempts_are_ignored() {
        let mut document = BrandDocument::default();
        document.rehearsals.push(attempt(Language::En, 0, 30_000));
        document.rehearsals.push(attempt(Language::En, 80, 0));
        document.rehearsals.push(attempt(Language::En, 80, 1));
        assert_eq!(personal_wpm(&document, Language::En), None);
    }

    #[test]
    fn a_clicked_through_run_does_not_change_the_planning_rate() {
        let mut document = crate::storage::sample_document().unwrap();
        let before = planning_wpm(&document, Language::En);
        // A 60-second pitch of 155 words, clicked through in 29 s: 320 words a minute.
        let rushed = attempt(Language::En, 155, 29_000);
        assert!(matches!(verdict(&rushed), RateVerdict::Rushed { wpm } if (wpm - 320.7).abs() < 0.1));
        for _ in 0..5 {
            document.rehearsals.push(rushed.clone());
        }
        assert_eq!(planning_wpm(&document, Language::En), before);
        // A timer left running while answering the phone: too slow to be speech.
        document.rehearsals.push(attempt(Language::En, 75, 120_000));
        assert_eq!(planning_wpm(&document, Language::En), before);
    }

    #[test]
    fn any_attempt_can_be_put_in_or_out_by_hand() {
        let mut document = BrandDocument::default();
        document.rehearsals.push(attempt(Language::En, 150, 60_000));
        document.rehearsals.push(Rehearsal { rate: RateChoice::Include, ..attempt(Language::En, 240, 60_000) });
        assert_eq!(personal_rate(&document, Language::En), Some(PersonalRate { wpm: 195.0, attempts: 2 }));
        document.rehearsals[1].rate = RateChoice::Exclude;
        document.rehearsals[0].rate = RateChoice::Exclude;
        assert_eq!(verdict(&document.rehearsals[0]), RateVerdict::ExcludedByHand);
        assert_eq!(personal_rate(&document, Language::En), None);
        assert!(!verdict(&document.rehearsals[0]).counts());
    }

    #[test]
    fn the_sample_has_a_personal_rate() {
        let sample = crate::storage::sample_document().unwrap();
        let english = personal_rate(&sample, Language::En).unwrap();
        assert!((english.wpm - 142.0).abs() < 1.0, "{english:?}");
        assert_eq!(english.attempts, 3);
    }
}
