//! What a rehearsal is measured against: the sections spoken, their planned times, the
//! revision rehearsed, and where the teleprompter should be at a given moment.

use std::time::Duration;

use crate::logic::draft::{section_budgets, word_count};
use crate::model::{Pitch, Rehearsal, SectionKind};

/// The sections a rehearsal goes through: those with text, in speaking order.
pub fn spoken_sections(pitch: &Pitch) -> Vec<(SectionKind, &str)> {
    pitch
        .sections
        .iter()
        .filter(|section| !section.text.trim().is_empty())
        .map(|section| (section.kind, section.text.trim()))
        .collect()
}

/// The revision the current text is (0 when it differs from every saved revision).
pub fn revision_rehearsed(pitch: &Pitch) -> u32 {
    pitch.revisions.iter().rev().find(|revision| revision.sections == pitch.sections).map_or(0, |r| r.number)
}

/// One row of the planned-versus-actual table.
#[derive(Clone, Debug, PartialEq)]
pub struct SectionResult {
    /// The section.
    pub kind: SectionKind,
    /// Its words.
    pub words: usize,
    /// Planned time: the section's word budget at the speaking rate.
    pub planned: Duration,
    /// Time actually taken, when the section was marked.
    pub actual: Option<Duration>,
}

/// Planned against actual per spoken section. `section_ms` are the durations between the
/// marks; a section nobody marked has no actual time.
pub fn planned_vs_actual(pitch: &Pitch, wpm: f64, section_ms: &[u64]) -> Vec<SectionResult> {
    let budgets = section_budgets(pitch.target_seconds, wpm);
    let wpm = if wpm.is_finite() && wpm > 0.0 { wpm } else { 150.0 };
    spoken_sections(pitch)
        .into_iter()
        .enumerate()
        .map(|(index, (kind, text))| {
            let budget = SectionKind::ALL.iter().position(|k| *k == kind).map_or(0, |i| budgets[i]);
            SectionResult {
                kind,
                words: word_count(text),
                planned: Duration::from_secs_f64(budget as f64 * 60.0 / wpm),
                actual: section_ms.get(index).map(|ms| Duration::from_millis(*ms)),
            }
        })
        .collect()
}

/// Words per minute of `words` spoken in `duration`; `None` for no words or no time.
pub fn words_per_minute(words: usize, duration: Duration) -> Option<f64> {
    let minutes = duration.as_secs_f64() / 60.0;
    (words > 0 && minutes > 0.0).then(|| words as f64 / minutes)
}

/// The attempts of a pitch, oldest first.
pub fn attempts<'a>(rehearsals: &'a [Rehearsal], pitch: &str) -> Vec<&'a Rehearsal> {
    rehearsals.iter().filter(|attempt| attempt.pitch == pitch).collect()
}

/// Where the teleprompter is: how many words should have been read by now. The pace can
/// change during the run; each change starts a new stretch from where the last ended, so
/// the text never jumps.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScrollPlan {
    /// Base speaking rate, words per minute.
    pub wpm: f64,
    /// Faster or slower than the base rate (1.0 is the rate itself).
    pub factor: f64,
    since: Duration,
    words_then: f64,
}

impl ScrollPlan {
    /// A plan at `wpm` from the start of the run.
    pub fn new(wpm: f64) -> Self {
        Self { wpm: wpm.clamp(20.0, 400.0), factor: 1.0, since: Duration::ZERO, words_then: 0.0 }
    }

    /// Words read at `elapsed` running time.
    pub fn words_at(&self, elapsed: Duration) -> f64 {
        let minutes = elapsed.saturating_sub(self.since).as_secs_f64() / 60.0;
        self.words_then + minutes * self.wpm * self.factor
    }

    /// Changes the pace by `step` (e.g. +0.1 is ten percent faster) from `elapsed` on.
    pub fn adjust(&mut self, elapsed: Duration, step: f64) {
        self.words_then = self.words_at(elapsed);
        self.since = elapsed;
        self.factor = (self.factor + step).clamp(0.3, 3.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn planned_versus_actual_follows_budgets_and_marks() {
        let sample = crate::storage::sample_document().unwrap();
        let pitch = sample.pitch("board-30").unwrap();
        let rows = planned_vs_actual(pitch, 150.0, &[6400, 4900]);
        assert_eq!(rows.len(), 5);
        assert_eq!(rows[0].kind, SectionKind::Hook);
        // 30 s at 150 wpm is 75 words; the hook gets 15 %: 11 words, 4.4 s.
        assert!((rows[0].planned.as_secs_f64() - 4.4).abs() < 1e-9, "{:?}", rows[0].planned);
        assert_eq!(rows[1].actual, Some(Duration::from_millis(4900)));
        assert_eq!(rows[2].actual, None, "not marked");
        let planned: f64 = rows.iter().map(|row| row.planned.as_secs_f64()).sum();
        assert!((planned - 30.0).abs() < 1.0);
    }

    #[test]
    fn no_words_or_no_time_gives_no_rate() {
        assert_eq!(words_per_minute(0, Duration::from_secs(30)), None);
        assert_eq!(words_per_minute(75, Duration::ZERO), None);
        assert_eq!(words_per_minute(75, Duration::from_secs(30)), Some(150.0));
        let empty = Pitch::default();
        assert!(planned_vs_actual(&empty, 0.0, &[]).is_empty());
        assert!(planned_vs_actual(&empty, f64::NAN, &[1000]).is_empty());
    }

    #[test]
    fn the_revision_rehearsed_is_the_saved_one_equal_to_the_text() {
        let sample = crate::storage::sample_document().unwrap();
        let mut pitch = sample.pitch("board-30").unwrap().clone();
        assert_eq!(revision_rehearsed(&pitch), 2);
        pitch.sections[0].text.push_str(" Really.");
        assert_eq!(revision_rehearsed(&pitch), 0, "changed since the last revision");
    }

    #[test]
    fn the_scroll_pace_changes_without_a_jump() {
        let mut plan = ScrollPlan::new(120.0);
        assert!((plan.words_at(Duration::from_secs(30)) - 60.0).abs() < 1e-9);
        plan.adjust(Duration::from_secs(30), 0.5);
        assert!((plan.words_at(Duration::from_secs(30)) - 60.0).abs() < 1e-9, "no jump");
        assert!((plan.words_at(Duration::from_secs(40)) - 90.0).abs() < 1e-9, "then 50 % faster");
        for _ in 0..100 {
            plan.adjust(Duration::from_secs(40), -0.1);
        }
        assert!((plan.factor - 0.3).abs() < 1e-9);
    }
}

/// What a chart of the attempts shows: attempts from 1 along the x axis, and a y range
/// that holds every value and the reference line (the target, the personal rate) with a
/// little room, so that one attempt, two, or fifty all read the same way.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartRange {
    /// The x axis: from half an attempt before the first to half after the last shown.
    pub x: (f64, f64),
    /// The y axis.
    pub y: (f64, f64),
    /// The step between labelled attempts (1, 2, 5, 10, …), so labels never crowd.
    pub x_step: f64,
}

/// Attempts the x axis shows at least, so that the first attempt is not a lone dot in
/// the middle of the chart.
const CHART_MIN_ATTEMPTS: usize = 5;

/// The range of a chart of `values` (one per attempt, in order; `None` where an attempt
/// has no value) against `reference`, with the y axis from `floor` (0 for durations) or
/// from just below the lowest value when `floor` is `None`.
pub fn chart_range(values: &[Option<f64>], reference: Option<f64>, floor: Option<f64>) -> ChartRange {
    let shown = values.len().max(CHART_MIN_ATTEMPTS) as f64;
    let known: Vec<f64> = values.iter().flatten().copied().chain(reference).filter(|v| v.is_finite()).collect();
    let (low, high) = known.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    let (low, high) = if known.is_empty() { (0.0, 1.0) } else { (low, high) };
    let room = ((high - low) * 0.15).max(high.abs() * 0.1).max(1.0);
    let bottom = floor.unwrap_or((low - room).max(0.0));
    let x_step =
        [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0].into_iter().find(|step| shown / step <= 10.0).unwrap_or(100.0);
    ChartRange { x: (0.5, shown + 0.5), y: (bottom, high + room), x_step }
}

#[cfg(test)]
mod chart_tests {
    use super::*;

    #[test]
    fn one_attempt_starts_the_axis_at_attempt_one_with_the_target_in_view() {
        let range = chart_range(&[Some(31.8)], Some(30.0), Some(0.0));
        assert_eq!(range.x, (0.5, 5.5));
        assert_eq!(range.x_step, 1.0);
        assert_eq!(range.y.0, 0.0);
        assert!(range.y.1 > 31.8 && range.y.1 < 40.0, "{range:?}");
    }

    #[test]
    fn two_and_fifty_attempts() {
        let two = chart_range(&[Some(140.0), Some(152.0)], Some(145.0), None);
        assert_eq!(two.x, (0.5, 5.5));
        assert!(two.y.0 < 140.0 && two.y.0 > 100.0 && two.y.1 > 152.0, "{two:?}");
        let fifty: Vec<Option<f64>> = (0..50).map(|i| Some(25.0 + f64::from(i % 7))).collect();
        let range = chart_range(&fifty, Some(30.0), Some(0.0));
        assert_eq!(range.x, (0.5, 50.5));
        assert_eq!(range.x_step, 5.0, "ten labels at most");
        assert!(range.y.1 > 31.0);
    }

    #[test]
    fn attempts_without_a_value_and_no_reference() {
        let range = chart_range(&[None, None], None, None);
        assert_eq!(range.x, (0.5, 5.5));
        assert!(range.y.0 < range.y.1, "{range:?}");
        let range = chart_range(&[Some(f64::NAN), Some(120.0)], None, None);
        assert!(range.y.0 < 120.0 && range.y.1 > 120.0, "{range:?}");
    }
}
