//! The delivery of a take, measured offline: where the speech is, its pauses, its rate, its
//! pitch and loudness, clipping and possible filled pauses. Pure functions on samples.

use serde::{Serialize, Serializer};

use crate::pitch::{Yin, semitones};
use crate::resample::{RATE, resample};
use crate::{Audio, VoiceError};

/// The analysis steps through the take every 10 ms.
pub const HOP_SECONDS: f64 = 0.01;
const HOP: usize = (RATE as usize) / 100;
/// Loudness is measured over 40 ms around each step.
const WINDOW: usize = (RATE as usize) * 4 / 100;
/// Silence in a gap shorter than this is part of speaking, not a pause.
pub const MIN_PAUSE_SECONDS: f64 = 0.3;
/// A pause inside a sentence longer than this loses the listener.
pub const LONG_PAUSE_SECONDS: f64 = 1.2;
/// Below this (dB under full scale) at its loudest, a take holds no speech.
const SILENT_PEAK_DB: f32 = -55.0;
const FLOOR_DB: f32 = -120.0;

/// A stretch of the take, in seconds from its start.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Span {
    pub start: f64,
    pub end: f64,
}

impl Span {
    pub fn seconds(&self) -> f64 {
        self.end - self.start
    }
}

/// What the script says, to hold the take against.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Script {
    pub words: u32,
    pub syllables: u32,
}

/// Something about the take worth knowing before trusting its figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Warning {
    NoSpeech,
    Clipping,
    Quiet,
    FewerSyllables,
    Short,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Warning::NoSpeech => "no speech found",
            Warning::Clipping => "the recording clips: move back from the microphone or turn its level down",
            Warning::Quiet => "the recording is very quiet: move closer to the microphone or turn its level up",
            Warning::FewerSyllables => "far fewer syllables were heard than the text has: were words skipped?",
            Warning::Short => "under three seconds of speech: the rates are rough",
        })
    }
}

impl Serialize for Warning {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The figures of one take.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Delivery {
    pub duration_seconds: f64,
    pub speech_start: Option<f64>,
    pub speech_end: Option<f64>,
    /// Time with speech sounding, pauses left out.
    pub speaking_seconds: f64,
    /// Every pause of at least 0.3 s between the first and the last speech.
    pub pauses: Vec<Span>,
    pub words: Option<u32>,
    /// Words a minute from the first to the last speech.
    pub wpm: Option<f64>,
    /// Syllable nuclei heard (de Jong & Wempe 2009).
    pub syllables: u32,
    pub expected_syllables: Option<u32>,
    pub pitch_median_hz: Option<f64>,
    pub pitch_sd_semitones: Option<f64>,
    /// The spread of loudness over phrases.
    pub loudness_sd_db: Option<f64>,
    /// How much quieter the last 0.3 s of a phrase is than the phrase, on average.
    pub phrase_end_drop_db: Option<f64>,
    pub clipped_fraction: f64,
    /// Long voiced stretches with a flat pitch: perhaps "uh" or "ehm", never certain.
    pub possible_fillers: Vec<Span>,
    pub warnings: Vec<Warning>,
}

impl Delivery {
    pub fn longest_pause(&self) -> Option<Span> {
        self.pauses.iter().copied().max_by(|a, b| a.seconds().total_cmp(&b.seconds()))
    }

    /// From the first to the last speech.
    pub fn speech_seconds(&self) -> Option<f64> {
        Some(self.speech_end? - self.speech_start?)
    }
}

/// Measures a take; `script` (when known) gives words a minute and the syllable check.
pub fn analyze(audio: &Audio, script: Option<Script>) -> Result<Delivery, VoiceError> {
    let samples = resample(audio, RATE)?;
    Ok(analyze_at_rate(&samples, audio.clipped_fraction, script))
}

fn analyze_at_rate(samples: &[f32], clipped_fraction: f64, script: Option<Script>) -> Delivery {
    let duration_seconds = samples.len() as f64 / f64::from(RATE);
    let mut delivery = Delivery {
        duration_seconds,
        clipped_fraction,
        words: script.map(|s| s.words),
        expected_syllables: script.map(|s| s.syllables),
        ..Delivery::default()
    };
    if clipped_fraction > 0.001 {
        delivery.warnings.push(Warning::Clipping);
    }
    let level = intensity(samples);
    let peak = quantile(&level, 0.99).unwrap_or(FLOOR_DB);
    if peak < SILENT_PEAK_DB {
        delivery.warnings.insert(0, Warning::NoSpeech);
        return delivery;
    }
    let floor = quantile(&level, 0.05).unwrap_or(FLOOR_DB);
    // Speech is within 30 dB of the loudest, and clear of the room's noise.
    let threshold = (peak - 30.0).max(floor + 6.0);
    let phrases = phrases(&level, threshold);
    let (Some(first), Some(last)) = (phrases.first(), phrases.last()) else {
        delivery.warnings.insert(0, Warning::NoSpeech);
        return delivery;
    };
    let seconds = |frame: usize| frame as f64 * HOP_SECONDS;
    delivery.speech_start = Some(seconds(first.0));
    delivery.speech_end = Some(seconds(last.1).min(duration_seconds));
    delivery.speaking_seconds = phrases.iter().map(|p| seconds(p.1 - p.0)).sum();
    delivery.pauses = phrases.windows(2).map(|w| Span { start: seconds(w[0].1), end: seconds(w[1].0) }).collect();
    let span = delivery.speech_seconds().unwrap_or(0.0);
    if span < 3.0 {
        delivery.warnings.push(Warning::Short);
    }
    if peak < -35.0 {
        delivery.warnings.push(Warning::Quiet);
    }
    if let Some(words) = delivery.words
        && span > 0.0
    {
        delivery.wpm = Some(f64::from(words) * 60.0 / span);
    }

    let pitch = pitch_track(samples, &level, threshold);
    delivery.syllables = syllable_nuclei(&level, &pitch, peak - 25.0);
    if let Some(expected) = delivery.expected_syllables
        && expected >= 10
        && f64::from(delivery.syllables) < 0.6 * f64::from(expected)
    {
        delivery.warnings.push(Warning::FewerSyllables);
    }
    let voiced: Vec<f32> = pitch.iter().flatten().copied().collect();
    if voiced.len() >= 20 {
        let median = quantile(&voiced, 0.5).unwrap_or(100.0);
        delivery.pitch_median_hz = Some(f64::from(median));
        // An octave away from the median is the tracker's mistake, not the voice.
        let tones: Vec<f64> = voiced
            .iter()
            .map(|&hz| f64::from(semitones(hz) - semitones(median)))
            .filter(|st| st.abs() < 12.0)
            .collect();
        delivery.pitch_sd_semitones = standard_deviation(&tones);
    }
    let (spread, drop) = loudness(&level, &phrases);
    delivery.loudness_sd_db = spread;
    delivery.phrase_end_drop_db = drop;
    delivery.possible_fillers = fillers(&level, &pitch);
    delivery
}

/// Loudness in dB under full scale, every 10 ms, over 40 ms, lightly smoothed.
fn intensity(samples: &[f32]) -> Vec<f32> {
    let frames = samples.len().div_ceil(HOP);
    let mut energy = Vec::with_capacity(samples.len() + 1);
    energy.push(0.0f64);
    let mut sum = 0.0f64;
    for s in samples {
        sum += f64::from(*s) * f64::from(*s);
        energy.push(sum);
    }
    let raw: Vec<f32> = (0..frames)
        .map(|i| {
            let centre = i * HOP + HOP / 2;
            let from = centre.saturating_sub(WINDOW / 2);
            let to = (centre + WINDOW / 2).min(samples.len());
            let mean = (energy[to] - energy[from]) / (to - from).max(1) as f64;
            if mean > 0.0 { (10.0 * mean.log10()).max(f64::from(FLOOR_DB)) as f32 } else { FLOOR_DB }
        })
        .collect();
    (0..frames)
        .map(|i| {
            let near = &raw[i.saturating_sub(1)..(i + 2).min(frames)];
            near.iter().sum::<f32>() / near.len() as f32
        })
        .collect()
}

/// Stretches of speech as frame ranges: above the threshold, gaps under a pause bridged,
/// clicks under 60 ms dropped.
fn phrases(level: &[f32], threshold: f32) -> Vec<(usize, usize)> {
    let min_gap = (MIN_PAUSE_SECONDS / HOP_SECONDS).round() as usize;
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, &db) in level.iter().chain([FLOOR_DB].iter()).enumerate() {
        match (db > threshold, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                match runs.last_mut() {
                    Some(last) if s - last.1 < min_gap => last.1 = i,
                    _ => runs.push((s, i)),
                }
                start = None;
            }
            _ => {}
        }
    }
    runs.retain(|(s, e)| e - s >= 6);
    runs
}

/// The pitch of every step where there is speech, on the take decimated to 8 kHz.
fn pitch_track(samples: &[f32], level: &[f32], threshold: f32) -> Vec<Option<f32>> {
    let half: Vec<f32> = samples
        .chunks(2)
        .enumerate()
        .map(|(i, pair)| {
            let prev = if i > 0 { samples[2 * i - 1] } else { pair[0] };
            let next = pair.get(1).copied().unwrap_or(pair[0]);
            0.25 * prev + 0.5 * pair[0] + 0.25 * next
        })
        .collect();
    let mut yin = Yin::new(RATE / 2, 0.025);
    let hop = HOP / 2;
    let span = yin.span();
    level
        .iter()
        .enumerate()
        .map(|(i, &db)| {
            if db <= threshold {
                return None;
            }
            let centre = i * hop + hop / 2;
            let from = centre.saturating_sub(span / 2);
            half.get(from..from + span).and_then(|frame| yin.pitch(frame))
        })
        .collect()
}

/// Syllable nuclei: voiced peaks of loudness above `threshold`, each with a dip of at least
/// 2 dB before it.
fn syllable_nuclei(level: &[f32], pitch: &[Option<f32>], threshold: f32) -> u32 {
    let mut count = 0;
    let mut last_peak: Option<(usize, f32)> = None;
    for i in 1..level.len().saturating_sub(1) {
        let db = level[i];
        if db <= threshold || db < level[i - 1] || db < level[i + 1] || (db == level[i - 1]) {
            continue;
        }
        let voiced = pitch[i.saturating_sub(2)..(i + 3).min(pitch.len())].iter().any(Option::is_some);
        if !voiced {
            continue;
        }
        match last_peak {
            Some((at, peak)) => {
                let dip = level[at..=i].iter().copied().fold(f32::INFINITY, f32::min);
                if db - dip >= 2.0 && peak - dip >= 2.0 {
                    count += 1;
                    last_peak = Some((i, db));
                } else if db > peak {
                    last_peak = Some((i, db));
                }
            }
            None => {
                count += 1;
                last_peak = Some((i, db));
            }
        }
    }
    count
}

/// The spread of the phrases' loudness, and the average drop over each phrase's last 0.3 s.
fn loudness(level: &[f32], phrases: &[(usize, usize)]) -> (Option<f64>, Option<f64>) {
    let mean_db = |frames: &[f32]| {
        let power = frames.iter().map(|db| 10f64.powf(f64::from(*db) / 10.0)).sum::<f64>() / frames.len() as f64;
        10.0 * power.log10()
    };
    // A phrase of one breath; a take spoken in one go is cut into seconds instead.
    let mut parts: Vec<&[f32]> = phrases.iter().map(|&(s, e)| &level[s..e]).collect();
    if parts.len() < 3 {
        parts = phrases.iter().flat_map(|&(s, e)| level[s..e].chunks(100)).filter(|c| c.len() >= 50).collect();
    }
    let means: Vec<f64> = parts.iter().map(|p| mean_db(p)).collect();
    let spread = if means.len() >= 2 { standard_deviation(&means) } else { None };
    let drops: Vec<f64> = phrases
        .iter()
        .filter(|(s, e)| e - s >= 80)
        .map(|&(s, e)| mean_db(&level[s..e]) - mean_db(&level[e - 30..e]))
        .collect();
    let drop = (!drops.is_empty()).then(|| drops.iter().sum::<f64>() / drops.len() as f64);
    (spread, drop)
}

/// Voiced stretches of at least 0.4 s whose pitch stays within a semitone and loudness within
/// 6 dB: how "uh" and "ehm" sound, and how a long held vowel sounds too.
fn fillers(level: &[f32], pitch: &[Option<f32>]) -> Vec<Span> {
    let min_len = 40;
    let mut found = Vec::new();
    let mut start = 0;
    while start < pitch.len() {
        let Some(first) = pitch[start] else {
            start += 1;
            continue;
        };
        let (mut lo, mut hi) = (semitones(first), semitones(first));
        let (mut quiet, mut loud) = (level[start], level[start]);
        let mut end = start + 1;
        while let Some(Some(hz)) = pitch.get(end) {
            let st = semitones(*hz);
            let (l2, h2) = (lo.min(st), hi.max(st));
            let (q2, d2) = (quiet.min(level[end]), loud.max(level[end]));
            if h2 - l2 > 1.0 || d2 - q2 > 6.0 {
                break;
            }
            (lo, hi, quiet, loud) = (l2, h2, q2, d2);
            end += 1;
        }
        if end - start >= min_len {
            found.push(Span { start: start as f64 * HOP_SECONDS, end: end as f64 * HOP_SECONDS });
            start = end;
        } else {
            start += 1;
        }
    }
    found
}

fn quantile(values: &[f32], q: f64) -> Option<f32> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    let at = ((sorted.len() - 1) as f64 * q).round() as usize;
    let (_, v, _) = sorted.select_nth_unstable_by(at, f32::total_cmp);
    Some(*v)
}

fn standard_deviation(values: &[f64]) -> Option<f64> {
    if values.len() < 2 {
        return None;
    }
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    let var = values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / (values.len() - 1) as f64;
    Some(var.sqrt())
}

/// The figures kept with an attempt in the document.
pub fn figures(d: &Delivery) -> pitchcraft_core::model::DeliveryFigures {
    use pitchcraft_core::model::{DeliveryFigures, SpanMs};
    let ms = |s: f64| (s * 1000.0).round().max(0.0) as u64;
    let span = |s: &Span| SpanMs { start: ms(s.start), end: ms(s.end) };
    DeliveryFigures {
        speech: d.speech_start.zip(d.speech_end).map(|(start, end)| SpanMs { start: ms(start), end: ms(end) }),
        pauses: d.pauses.iter().map(span).collect(),
        syllables: d.syllables,
        pitch_sd_cents: d.pitch_sd_semitones.map(|st| (st * 100.0).round() as u32),
        loudness_sd_tenth_db: d.loudness_sd_db.map(|db| (db * 10.0).round() as u32),
        end_drop_tenth_db: d.phrase_end_drop_db.map(|db| (db * 10.0).round() as i32),
        clipped_ppm: (d.clipped_fraction * 1e6).round() as u32,
        possible_fillers: d.possible_fillers.iter().map(span).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synthetic::*;

    fn analyze16(samples: &[f32]) -> Delivery {
        analyze(&Audio { rate: RATE, samples: samples.to_vec(), clipped_fraction: 0.0 }, None).unwrap()
    }

    #[test]
    fn silence_has_no_speech_and_no_rates() {
        let d = analyze(
            &Audio { rate: 44_100, samples: vec![0.0; 44_100 * 2], clipped_fraction: 0.0 },
            Some(Script { words: 10, syllables: 14 }),
        )
        .unwrap();
        assert_eq!(d.warnings, vec![Warning::NoSpeech]);
        assert_eq!((d.speech_start, d.wpm, d.pitch_sd_semitones), (None, None, None));
        assert!((d.duration_seconds - 2.0).abs() < 0.01);
        // Hiss alone is not speech either.
        let d = analyze16(&noise(RATE as usize * 2, 0.0005));
        assert_eq!(d.warnings, vec![Warning::NoSpeech]);
    }

    #[test]
    fn pauses_between_bursts_are_found_where_they_are() {
        // Syllable-like bursts: 1.6 s, a pause of 0.8 s, 1.0 s, a pause of 0.4 s, 1.2 s; gaps
        // of 0.06 s inside a burst are not pauses.
        let mut take = silence(0.5);
        take.extend(syllables(1.6, 140.0));
        take.extend(silence(0.8));
        take.extend(syllables(1.0, 140.0));
        take.extend(silence(0.4));
        take.extend(syllables(1.2, 140.0));
        take.extend(silence(0.7));
        let d = analyze16(&take);
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        assert!((d.speech_start.unwrap() - 0.5).abs() < 0.05, "{d:?}");
        assert!((d.speech_end.unwrap() - 5.5).abs() < 0.1, "{d:?}");
        assert_eq!(d.pauses.len(), 2, "{:?}", d.pauses);
        // Each burst ends in 0.06 s of near silence, which the pause may take in.
        for (pause, start, seconds) in [(d.pauses[0], 2.1, 0.8), (d.pauses[1], 3.9, 0.4)] {
            assert!((pause.start - start).abs() < 0.08 && (pause.seconds() - seconds).abs() < 0.08, "{:?}", d.pauses);
        }
        assert_eq!(d.longest_pause(), Some(d.pauses[0]));
        // Five syllables a second, 19 in all.
        assert!((18..=20).contains(&d.syllables), "{}", d.syllables);
    }

    #[test]
    fn a_flat_voice_and_a_lively_one() {
        let flat = analyze16(&glide(4.0, 140.0, 141.0));
        let lively = analyze16(&glide(4.0, 100.0, 220.0));
        let (flat, lively) = (flat.pitch_sd_semitones.unwrap(), lively.pitch_sd_semitones.unwrap());
        assert!(flat < 1.0, "{flat}");
        assert!(lively > 2.5, "{lively}");
    }

    #[test]
    fn clipping_and_a_quiet_take_are_warned_about() {
        let mut take = syllables(4.0, 150.0);
        let d = analyze(&Audio { rate: RATE, samples: take.clone(), clipped_fraction: 0.02 }, None).unwrap();
        assert!(d.warnings.contains(&Warning::Clipping));
        take.iter_mut().for_each(|s| *s *= 0.02);
        let d = analyze16(&take);
        assert!(d.warnings.contains(&Warning::Quiet), "{:?}", d.warnings);
        assert!(d.speech_start.is_some());
    }

    #[test]
    fn words_a_minute_run_from_first_to_last_speech() {
        let mut take = silence(2.0);
        take.extend(syllables(6.0, 150.0));
        take.extend(silence(3.0));
        let audio = Audio { rate: RATE, samples: take, clipped_fraction: 0.0 };
        let d = analyze(&audio, Some(Script { words: 15, syllables: 30 })).unwrap();
        assert!((d.wpm.unwrap() - 150.0).abs() < 5.0, "{:?}", d.wpm);
        // The text has far more syllables than were spoken.
        let d = analyze(&audio, Some(Script { words: 40, syllables: 80 })).unwrap();
        assert!(d.warnings.contains(&Warning::FewerSyllables), "{:?}", d.warnings);
    }

    #[test]
    fn a_held_flat_sound_is_a_possible_filler_and_speech_is_not() {
        let mut take = syllables(2.0, 130.0);
        take.extend(hum(0.7, 120.0));
        take.extend(syllables(2.0, 130.0));
        let d = analyze16(&take);
        assert_eq!(d.possible_fillers.len(), 1, "{:?}", d.possible_fillers);
        let filler = d.possible_fillers[0];
        assert!(filler.start > 1.9 && filler.end < 2.8, "{filler:?}");
        assert!(analyze16(&glide(4.0, 100.0, 220.0)).possible_fillers.is_empty());
    }

    #[test]
    fn any_rate_and_length_is_measured_without_a_panic() {
        for rate in [8_000, 11_025, 22_050, 44_100, 48_000, 96_000] {
            for len in [1, 2, 100, 1_000, rate as usize] {
                let samples: Vec<f32> = (0..len).map(|i| ((i * 7919) % 200) as f32 / 200.0 - 0.5).collect();
                let _ = analyze(&Audio { rate, samples, clipped_fraction: 0.0 }, None).unwrap();
            }
        }
    }
}
