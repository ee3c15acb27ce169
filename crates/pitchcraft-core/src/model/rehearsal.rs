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
    /// The recording of the attempt, when the voice was recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub take: Option<Take>,
}

/// The recording of an attempt, kept beside the document in `NAME.recordings/`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Take {
    /// The file's name in the recordings folder, e.g. `2026-11-28-1530-pitch-1.flac`.
    pub file: String,
    /// Samples a second.
    pub rate: u32,
    /// Where each section mark was pressed, in samples from the start of the take.
    pub marks: Vec<u64>,
    /// What the delivery analysis measured; none until it has run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery: Option<DeliveryFigures>,
    /// What was said, as the speech model heard it; none until it has run (or without a model).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transcript: Option<TakeTranscript>,
}

/// What was heard in a take and how it held against the script rehearsed. The words are
/// kept, so the comparison can be shown again; the summary is kept, because the script of
/// an unsaved revision may have changed since.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TakeTranscript {
    /// Every word heard, in order.
    pub words: Vec<HeardSpan>,
    /// The share of the script's words said, in thousandths.
    pub said_permille: u32,
    /// The script's words not said.
    pub skipped: u32,
    /// Words said that the script does not have (fillers among them).
    pub added: u32,
    /// Fillers among the added words.
    pub fillers: u32,
    /// When each of the script's sections was said, in order; none for a section not heard.
    pub sections: Vec<Option<SpanMs>>,
}

/// A word as heard: its text, when it was said (milliseconds into the take) and how sure
/// the model was of it (thousandths).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeardSpan {
    pub word: String,
    pub start: u64,
    pub end: u64,
    pub sure: u16,
}

/// A span of a take, in milliseconds from its start.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanMs {
    pub start: u64,
    pub end: u64,
}

impl SpanMs {
    pub fn ms(&self) -> u64 {
        self.end.saturating_sub(self.start)
    }
}

/// The delivery of a take, as measured (times in milliseconds, other figures rounded so the
/// file stays exact and readable).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DeliveryFigures {
    /// From the first to the last speech; none when no speech was heard.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speech: Option<SpanMs>,
    /// Every pause of at least 0.3 s inside the speech.
    pub pauses: Vec<SpanMs>,
    /// Syllable nuclei heard.
    pub syllables: u32,
    /// Pitch variation in cents (hundredths of a semitone).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pitch_sd_cents: Option<u32>,
    /// The spread of loudness over phrases, in tenths of a decibel.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loudness_sd_tenth_db: Option<u32>,
    /// How much quieter phrases end than they run, in tenths of a decibel.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_drop_tenth_db: Option<i32>,
    /// Samples at full scale, per million.
    pub clipped_ppm: u32,
    /// Long voiced stretches with a flat pitch: perhaps "uh" or "ehm".
    pub possible_fillers: Vec<SpanMs>,
}

impl Rehearsal {
    /// The share of the script said (0..=1), when the take was transcribed.
    pub fn said_share(&self) -> Option<f64> {
        Some(f64::from(self.take.as_ref()?.transcript.as_ref()?.said_permille) / 1_000.0)
    }

    /// Words per minute as measured from the voice (first to last speech), when recorded.
    pub fn measured_words_per_minute(&self) -> Option<f64> {
        let speech = self.take.as_ref()?.delivery.as_ref()?.speech?;
        if self.words == 0 || speech.ms() == 0 {
            return None;
        }
        Some(f64::from(self.words) * 60_000.0 / speech.ms() as f64)
    }

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

    #[test]
    fn the_measured_rate_runs_from_the_first_to_the_last_speech() {
        let speech = Some(SpanMs { start: 3_000, end: 27_000 });
        let delivery = Some(DeliveryFigures { speech, ..Default::default() });
        let mut attempt = Rehearsal {
            words: 60,
            duration_ms: 30_000,
            take: Some(Take { delivery, ..Default::default() }),
            ..Default::default()
        };
        assert_eq!(attempt.measured_words_per_minute(), Some(150.0));
        attempt.take.as_mut().unwrap().delivery.as_mut().unwrap().speech = None;
        assert_eq!(attempt.measured_words_per_minute(), None, "no speech heard");
    }
}
