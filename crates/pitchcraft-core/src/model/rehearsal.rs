//! A timed rehearsal of a pitch, as kept after the run.

use serde::{Deserialize, Serialize};

use super::Language;
use super::timestamp::Timestamp;

/// Whether an attempt counts toward the personal speaking rate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RateChoice {
    /// Counted when its pace is plausible (see `logic::rate`).
    #[default]
    Auto,
    /// Counted, whatever its pace (the person says it was a real run).
    Include,
    /// Never counted (the person says it was not a real run).
    Exclude,
}

impl RateChoice {
    fn is_auto(&self) -> bool {
        *self == RateChoice::Auto
    }
}

/// One kept rehearsal attempt.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Rehearsal {
    /// The id of the pitch rehearsed.
    pub pitch: String,
    /// The revision number rehearsed (0: the unsaved current text).
    pub revision: u32,
    /// The language of the text rehearsed (for the personal speaking rate).
    pub language: Language,
    /// When the attempt started.
    pub at: Timestamp,
    /// How long it took, in milliseconds.
    pub duration_ms: u64,
    /// How long each marked section took, in milliseconds, in order.
    pub section_ms: Vec<u64>,
    /// How many words the rehearsed text had.
    pub words: u32,
    /// Self-rated clarity, 1 to 5.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clarity: Option<u8>,
    /// Self-rated confidence, 1 to 5.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<u8>,
    /// A note to self.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Whether it counts toward the personal speaking rate.
    #[serde(skip_serializing_if = "RateChoice::is_auto")]
    pub rate: RateChoice,
}

impl Rehearsal {
    /// Words per minute of this attempt, or `None` when it had no words or no duration.
    pub fn words_per_minute(&self) -> Option<f64> {
        if self.words == 0 || self.duration_ms == 0 {
            return None;
        }
        Some(f64::from(self.words) * 60_000.0 / self.duration_ms as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_per_minute_never_divides_by_zero() {
        let mut attempt = Rehearsal { words: 75, duration_ms: 30_000, ..Default::default() };
        assert_eq!(attempt.words_per_minute(), Some(150.0));
        attempt.duration_ms = 0;
        assert_eq!(attempt.words_per_minute(), None);
        attempt.duration_ms = 30_000;
        attempt.words = 0;
        assert_eq!(attempt.words_per_minute(), None);
    }
}
