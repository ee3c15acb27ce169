//! The person's own speaking rate, from their rehearsals.

use crate::logic::analysis::default_wpm;
use crate::model::{BrandDocument, Language};

/// How many recent attempts the personal rate looks at.
pub const RECENT_ATTEMPTS: usize = 10;

/// The median words per minute of the last ten kept rehearsals in `language`; `None` when
/// there are none with words and a duration.
pub fn personal_wpm(document: &BrandDocument, language: Language) -> Option<f64> {
    let mut rates: Vec<f64> = document
        .rehearsals
        .iter()
        .rev()
        .filter(|attempt| attempt.language == language)
        .filter_map(|attempt| attempt.words_per_minute())
        .filter(|wpm| wpm.is_finite() && (40.0..=400.0).contains(wpm))
        .take(RECENT_ATTEMPTS)
        .collect();
    if rates.is_empty() {
        return None;
    }
    rates.sort_by(f64::total_cmp);
    let middle = rates.len() / 2;
    Some(if rates.len() % 2 == 1 { rates[middle] } else { (rates[middle - 1] + rates[middle]) / 2.0 })
}

/// The rate to plan with: personal when known, else the language's default.
pub fn planning_wpm(document: &BrandDocument, language: Language) -> f64 {
    personal_wpm(document, language).unwrap_or_else(|| default_wpm(language))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Rehearsal;

    fn attempt(language: Language, words: u32, duration_ms: u64) -> Rehearsal {
        Rehearsal { language, words, duration_ms, ..Default::default() }
    }

    #[test]
    fn the_median_of_the_last_ten_in_that_language() {
        let mut document = BrandDocument::default();
        assert_eq!(personal_wpm(&document, Language::En), None);
        assert_eq!(planning_wpm(&document, Language::Nl), 140.0);
        // Old, slow attempts fall out of the window of ten.
        for _ in 0..5 {
            document.rehearsals.push(attempt(Language::En, 50, 60_000));
        }
        for words in [120, 150, 130, 160, 140, 150, 145, 155, 135, 150] {
            document.rehearsals.push(attempt(Language::En, words, 60_000));
        }
        document.rehearsals.push(attempt(Language::Nl, 100, 60_000));
        assert_eq!(personal_wpm(&document, Language::En), Some(147.5));
        assert_eq!(personal_wpm(&document, Language::Nl), Some(100.0));
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
    fn the_sample_has_a_personal_rate() {
        let sample = crate::storage::sample_document().unwrap();
        let english = personal_wpm(&sample, Language::En).unwrap();
        assert!((english - 142.0).abs() < 1.0, "{english}");
    }
}
