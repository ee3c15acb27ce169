//! What the measured delivery of a take means for the person: pitch variation, pauses at
//! section boundaries or inside them, words a minute per section, loudness and clipping.

use crate::model::{DeliveryFigures, SpanMs, Take};

/// Below this (cents, hundredths of a semitone) the voice sounds monotone; above the other,
/// lively.
pub const MONOTONE_CENTS: u32 = 100;
pub const LIVELY_CENTS: u32 = 250;
/// A pause inside a section longer than this loses the listener.
pub const LONG_PAUSE_MS: u64 = 1_200;
/// A pause that begins or ends this close to a section mark is the pause between two
/// sections (a key press lags the voice).
const NEAR_MARK_MS: u64 = 600;
/// Loudness that swings more than this (tenths of a dB) between phrases is uneven.
const UNEVEN_TENTH_DB: u32 = 60;
/// Phrases that end this much quieter (tenths of a dB) trail off.
const TRAILING_TENTH_DB: i32 = 80;
/// More than this many samples per million at full scale is clipping.
const CLIPPING_PPM: u32 = 1_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Melody {
    Monotone,
    Varied,
    Lively,
}

pub fn melody(figures: &DeliveryFigures) -> Option<Melody> {
    Some(match figures.pitch_sd_cents? {
        c if c < MONOTONE_CENTS => Melody::Monotone,
        c if c > LIVELY_CENTS => Melody::Lively,
        _ => Melody::Varied,
    })
}

/// The pauses of a take, held against its section marks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PauseReview {
    pub count: usize,
    pub longest: Option<SpanMs>,
    /// Pauses between sections (where a pause helps the listener).
    pub at_boundaries: usize,
    /// Pauses over 1.2 s inside a section.
    pub long_inside: Vec<SpanMs>,
}

/// Reviews the pauses; `marks_ms` are the section marks in milliseconds from the take's start.
pub fn review_pauses(figures: &DeliveryFigures, marks_ms: &[u64]) -> PauseReview {
    let near_mark = |p: &SpanMs| marks_ms.iter().any(|&m| m + NEAR_MARK_MS >= p.start && m <= p.end + NEAR_MARK_MS);
    PauseReview {
        count: figures.pauses.len(),
        longest: figures.pauses.iter().copied().max_by_key(SpanMs::ms),
        at_boundaries: figures.pauses.iter().filter(|p| near_mark(p)).count(),
        long_inside: figures.pauses.iter().copied().filter(|p| p.ms() > LONG_PAUSE_MS && !near_mark(p)).collect(),
    }
}

/// Section marks moved onto the voice. Marks are timed from when recording was asked for;
/// the sound server hands over the first sample later (while the stream opens). `elapsed`
/// is how many samples that clock counted by the end of the run and `recorded` how many
/// arrived: the difference is the delay, and every mark moves back by it.
pub fn align_marks(marks: &[u64], elapsed: u64, recorded: u64) -> Vec<u64> {
    let late = elapsed.saturating_sub(recorded);
    marks.iter().map(|mark| mark.saturating_sub(late)).collect()
}

/// The marks of a take in milliseconds.
pub fn marks_ms(take: &Take) -> Vec<u64> {
    if take.rate == 0 {
        return Vec::new();
    }
    take.marks.iter().map(|&m| m * 1000 / u64::from(take.rate)).collect()
}

/// Where each section after the first began, in milliseconds from the take's start, for a
/// text of `sections` sections: the key marks where they were pressed (they win), and where
/// not, where the transcript heard the section begin; `None` where neither knows.
pub fn boundaries_ms(take: &Take, sections: usize) -> Vec<Option<u64>> {
    let marks = marks_ms(take);
    let heard = take.transcript.as_ref().map(|t| t.sections.as_slice()).unwrap_or_default();
    let mut last = 0;
    (1..sections.max(1))
        .map(|section| {
            let at = marks.get(section - 1).copied().or_else(|| {
                // A section heard before the one marked before it was heard out of order
                // (or matched wrongly): it tells nothing about where this one began.
                heard.get(section).copied().flatten().map(|span| span.start).filter(|&start| start > last)
            });
            if let Some(at) = at {
                last = at;
            }
            at
        })
        .collect()
}

/// How long each section took (milliseconds) from where each began after the first (see
/// [`boundaries_ms`], from a transcript) and when the run ended. A section whose start is not
/// known was not heard: it took no time, and begins where the next one does. `None` when
/// the starts do not come in order before the end.
pub fn section_durations(boundaries: &[Option<u64>], end_ms: u64) -> Option<Vec<u64>> {
    let mut starts = vec![0];
    starts.extend(boundaries.iter().enumerate().map(|(at, boundary)| {
        boundary.or_else(|| boundaries[at..].iter().flatten().next().copied()).unwrap_or(end_ms)
    }));
    starts.push(end_ms);
    starts.windows(2).map(|pair| pair[1].checked_sub(pair[0])).collect()
}

/// Words a minute of each section, from its words and the time between its boundaries (the
/// first from the start of speech, the last to its end; see [`boundaries_ms`]); `None` where
/// a section's start or end is not known.
pub fn section_rates(take: &Take, section_words: &[usize]) -> Vec<Option<f64>> {
    let Some(speech) = take.delivery.as_ref().and_then(|d| d.speech) else {
        return vec![None; section_words.len()];
    };
    let marks = boundaries_ms(take, section_words.len());
    section_words
        .iter()
        .enumerate()
        .map(|(i, &words)| {
            let start = if i == 0 { speech.start } else { (*marks.get(i - 1)?)? };
            let end = if i + 1 == section_words.len() { speech.end } else { (*marks.get(i)?)? };
            let ms = end.checked_sub(start).filter(|&ms| ms > 0)?;
            (words > 0).then(|| words as f64 * 60_000.0 / ms as f64)
        })
        .collect()
}

/// What is worth saying about the loudness.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loudness {
    Clipping,
    Uneven,
    TrailingOff,
    Steady,
}

pub fn loudness(figures: &DeliveryFigures) -> Option<Loudness> {
    if figures.clipped_ppm > CLIPPING_PPM {
        return Some(Loudness::Clipping);
    }
    if figures.loudness_sd_tenth_db? > UNEVEN_TENTH_DB {
        return Some(Loudness::Uneven);
    }
    if figures.end_drop_tenth_db.is_some_and(|drop| drop > TRAILING_TENTH_DB) {
        return Some(Loudness::TrailingOff);
    }
    Some(Loudness::Steady)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: u64, end: u64) -> SpanMs {
        SpanMs { start, end }
    }

    #[test]
    fn marks_are_moved_onto_the_voice_and_rates_then_hold() {
        // A voice at a steady 160 words a minute, five sections of 40 words (15 s each)
        // from 1 s into the take; the sound arrived 1.5 s after recording was asked for, so
        // the key presses, timed from the ask, are 1.5 s late against the take.
        let rate = 16_000u64;
        let late = 24_000;
        let pressed: Vec<u64> = (1..5).map(|i| (1_000 + i * 15_000) * rate / 1_000 + late).collect();
        let elapsed = 77 * rate + late;
        let marks = align_marks(&pressed, elapsed, 77 * rate);
        let take = Take {
            rate: 16_000,
            marks,
            delivery: Some(DeliveryFigures { speech: Some(span(1_000, 76_000)), ..Default::default() }),
            ..Default::default()
        };
        for rate in section_rates(&take, &[40; 5]) {
            let rate = rate.expect("every section marked");
            assert!((rate - 160.0).abs() <= 160.0 * 0.15, "{rate}");
        }
        // Unaligned, the first section read slow and the last fast.
        let unaligned = Take { marks: pressed, ..take.clone() };
        let rates: Vec<f64> = section_rates(&unaligned, &[40; 5]).into_iter().flatten().collect();
        assert!(rates[0] < 150.0 && rates[4] > 170.0, "{rates:?}");
        assert_eq!(align_marks(&[100], 50, 80), [100], "sound that came early moves nothing");
    }

    #[test]
    fn a_pause_that_begins_or_ends_within_0_6_s_of_a_mark_is_at_the_boundary() {
        let figures = DeliveryFigures {
            pauses: vec![span(10_000, 11_500), span(20_000, 21_500), span(30_000, 31_500)],
            ..Default::default()
        };
        // A mark 0.5 s after the first pause, 0.5 s before the second; 0.8 s after the third.
        let review = review_pauses(&figures, &[12_000, 19_500, 32_300]);
        assert_eq!(review.at_boundaries, 2);
        assert_eq!(review.long_inside, vec![span(30_000, 31_500)]);
    }

    #[test]
    fn melody_by_pitch_variation() {
        let with = |cents| DeliveryFigures { pitch_sd_cents: Some(cents), ..Default::default() };
        assert_eq!(melody(&with(60)), Some(Melody::Monotone));
        assert_eq!(melody(&with(180)), Some(Melody::Varied));
        assert_eq!(melody(&with(320)), Some(Melody::Lively));
        assert_eq!(melody(&DeliveryFigures::default()), None);
    }

    #[test]
    fn pauses_at_marks_are_boundaries_and_long_ones_inside_are_flagged() {
        let figures = DeliveryFigures {
            pauses: vec![span(5_000, 5_600), span(9_000, 10_500), span(14_000, 14_400), span(20_000, 21_300)],
            ..Default::default()
        };
        let review = review_pauses(&figures, &[5_200, 20_400]);
        assert_eq!(review.count, 4);
        assert_eq!(review.at_boundaries, 2);
        assert_eq!(review.long_inside, vec![span(9_000, 10_500)]);
        assert_eq!(review.longest, Some(span(9_000, 10_500)));
        assert_eq!(review_pauses(&DeliveryFigures::default(), &[]), PauseReview::default());
    }

    #[test]
    fn each_section_has_its_own_rate() {
        let delivery = DeliveryFigures { speech: Some(span(1_000, 31_000)), ..Default::default() };
        let take = Take {
            rate: 16_000,
            marks: vec![16_000 * 11, 16_000 * 21],
            delivery: Some(delivery),
            ..Default::default()
        };
        // 10 s, 10 s and 10 s.
        assert_eq!(section_rates(&take, &[25, 20, 30]), vec![Some(150.0), Some(120.0), Some(180.0)]);
        // Sections after the last mark pressed have no rate of their own.
        let unmarked = Take { marks: vec![16_000 * 11], ..take.clone() };
        assert_eq!(section_rates(&unmarked, &[25, 20, 30]), vec![Some(150.0), None, None]);
        assert_eq!(section_rates(&Take::default(), &[10]), vec![None]);
    }

    #[test]
    fn loudness_in_order_of_what_matters_most() {
        let base =
            DeliveryFigures { loudness_sd_tenth_db: Some(30), end_drop_tenth_db: Some(20), ..Default::default() };
        assert_eq!(loudness(&base), Some(Loudness::Steady));
        assert_eq!(
            loudness(&DeliveryFigures { end_drop_tenth_db: Some(120), ..base.clone() }),
            Some(Loudness::TrailingOff)
        );
        assert_eq!(
            loudness(&DeliveryFigures { loudness_sd_tenth_db: Some(75), ..base.clone() }),
            Some(Loudness::Uneven)
        );
        assert_eq!(loudness(&DeliveryFigures { clipped_ppm: 5_000, ..base }), Some(Loudness::Clipping));
    }

    #[test]
    fn sections_not_marked_begin_where_the_transcript_heard_them() {
        use crate::model::TakeTranscript;
        let span = |start, end| Some(SpanMs { start, end });
        let transcript = TakeTranscript {
            sections: vec![span(1_000, 9_000), span(10_000, 19_000), None, span(5_000, 29_000)],
            ..Default::default()
        };
        let delivery = Some(DeliveryFigures { speech: span(1_000, 30_000), ..Default::default() });
        let mut take = Take { rate: 16_000, delivery, transcript: Some(transcript), ..Default::default() };
        // Unmarked: the transcript's starts; a section not heard, or heard "before" the one
        // ahead of it, has none.
        assert_eq!(boundaries_ms(&take, 4), vec![Some(10_000), None, None]);
        assert_eq!(section_rates(&take, &[18, 18, 10, 10])[..2], [Some(120.0), None]);
        // A key mark wins where given.
        take.marks = vec![11 * 16_000];
        assert_eq!(boundaries_ms(&take, 4), vec![Some(11_000), None, None]);
        take.transcript.as_mut().unwrap().sections[3] = span(20_000, 29_000);
        assert_eq!(boundaries_ms(&take, 4), vec![Some(11_000), None, Some(20_000)]);
    }

    #[test]
    fn section_durations_need_every_start_in_order() {
        assert_eq!(section_durations(&[Some(4_000), Some(9_000)], 12_000), Some(vec![4_000, 5_000, 3_000]));
        assert_eq!(section_durations(&[], 12_000), Some(vec![12_000]));
        // A section not heard took no time.
        assert_eq!(section_durations(&[Some(4_000), None, Some(9_000)], 12_000), Some(vec![4_000, 5_000, 0, 3_000]));
        assert_eq!(section_durations(&[Some(4_000), None], 12_000), Some(vec![4_000, 8_000, 0]));
        assert_eq!(section_durations(&[Some(9_000), Some(4_000)], 12_000), None, "out of order");
        assert_eq!(section_durations(&[Some(4_000), Some(13_000)], 12_000), None, "after the end");
    }
}
