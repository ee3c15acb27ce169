//! A whole take: cut at its pauses into pieces, each heard with the script as its prompt.
//!
//! Measured on spoken takes of invented pitches, the whole take prompted with the whole
//! script dropped openings and looped; cut at pauses, each piece prompted with the script,
//! the same model heard nearly every word, and a person's own names and terms came through.

use pitchcraft_voice::Audio;
use pitchcraft_voice::delivery::analyze;
use pitchcraft_voice::resample::resample;

use crate::ListenError;
use crate::listener::{Listener, Word};
use crate::mel::{RATE, WINDOW_SAMPLES};

/// What was heard in a take.
#[derive(Clone, Debug, Default)]
pub struct Transcript {
    /// "en" or "nl": the language it was heard in.
    pub language: String,
    pub duration_seconds: f64,
    /// Everything heard, piece after piece.
    pub text: String,
    /// The other language ("nl" for a take heard as English), when the take sounds like it
    /// more than like its own: the transcript is then not worth much.
    pub sounds_like: Option<String>,
    /// Every word, with its time from the start of the take.
    pub words: Vec<Word>,
}

/// How a take is heard.
pub struct Options<'a> {
    /// "en" or "nl".
    pub language: &'a str,
    /// The script, as the prompt of every piece.
    pub script: Option<&'a str>,
    /// A piece ends at the first pause after this many seconds.
    pub piece_seconds: f64,
    /// Asked between tokens; true stops with [`ListenError::Cancelled`].
    pub cancelled: &'a (dyn Fn() -> bool + Sync),
    /// Told the share done (0..=1) after each piece.
    pub progress: &'a (dyn Fn(f32) + Sync),
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options { language: "en", script: None, piece_seconds: 4.0, cancelled: &|| false, progress: &|_| {} }
    }
}

/// Where to cut a take of `duration` seconds whose pauses are `pauses` (start, end): in the
/// middle of a pause once the piece is at least `shortest` seconds long, so that a piece is
/// about a sentence (shorter pieces lose their context, and the model starts reciting the
/// prompt over their silence; longer ones skip what the prompt already holds); a stretch
/// without a pause is cut at 30 seconds, the model's window. The pieces as (start, end).
pub fn pieces(duration: f64, speech: Option<(f64, f64)>, pauses: &[(f64, f64)], shortest: f64) -> Vec<(f64, f64)> {
    let Some((first, last)) = speech else { return Vec::new() };
    let longest = 30.0;
    let shortest = shortest.clamp(0.5, longest);
    let begin = (first - 0.2).max(0.0);
    let end = (last + 0.3).min(duration);
    let mut cuts: Vec<f64> = pauses.iter().map(|(a, b)| (a + b) / 2.0).filter(|c| *c > begin && *c < end).collect();
    cuts.push(end);
    let mut out = Vec::new();
    let mut from = begin;
    let mut previous = begin;
    for cut in cuts {
        // Past the window: end the piece at the last pause, or cut without one.
        if cut - from > longest && previous > from {
            out.push((from, previous));
            from = previous;
        }
        while cut - from > longest {
            out.push((from, from + longest));
            from += longest;
        }
        if cut - from >= shortest && cut < end {
            out.push((from, cut));
            from = cut;
        }
        previous = cut;
    }
    if end - from > 0.05 {
        // A last scrap joins the piece before it, where the window has room.
        match out.last_mut() {
            Some(piece) if end - from < shortest / 2.0 && end - piece.0 <= longest => piece.1 = end,
            _ => out.push((from, end)),
        }
    }
    out
}

/// Moves word edges out of silence: the warping lets a piece's first word begin where the
/// piece does (in the middle of the pause before it), and a last word run on into the
/// pause after. A word that starts in a pause starts where the pause ends; one that ends in
/// a pause ends where it begins.
pub fn snap_to_speech(words: &mut [Word], speech: Option<(f64, f64)>, pauses: &[(f64, f64)]) {
    let mut silences: Vec<(f64, f64)> = pauses.to_vec();
    if let Some((first, last)) = speech {
        silences.push((f64::NEG_INFINITY, first));
        silences.push((last, f64::INFINITY));
    }
    for index in 0..words.len() {
        let next_start = words.get(index + 1).map(|next| next.start);
        let word = &mut words[index];
        for &(from, to) in &silences {
            if word.start >= from && word.start < to && to < word.end {
                word.start = to;
            }
            if word.end > from && word.end <= to && from > word.start {
                word.end = from;
            }
            // Wholly in the pause: said when the speech resumes, up to the next word.
            if word.start >= from && word.end <= to && to.is_finite() {
                let length = word.end - word.start;
                word.start = to;
                word.end = next_start.filter(|next| *next > to).map_or(to + length, |next| (to + length).min(next));
            }
        }
    }
}

impl Listener {
    /// Hears a whole take.
    pub fn transcribe(&self, audio: &Audio, options: &Options<'_>) -> Result<Transcript, ListenError> {
        let at_rate = Audio { rate: RATE, samples: resample(audio, RATE)?, clipped_fraction: audio.clipped_fraction };
        let delivery = analyze(&at_rate, None)?;
        let samples = at_rate.samples;
        let duration = samples.len() as f64 / f64::from(RATE);
        let speech = delivery.speech_start.zip(delivery.speech_end);
        let pauses: Vec<(f64, f64)> = delivery.pauses.iter().map(|p| (p.start, p.end)).collect();
        let cut = pieces(duration, speech, &pauses, options.piece_seconds);
        let mut transcript =
            Transcript { language: options.language.to_owned(), duration_seconds: duration, ..Transcript::default() };
        // Whether the take is in the language it is heard in, from its first 30 seconds of speech.
        if let Some((from, _)) = cut.first() {
            let first = ((from * f64::from(RATE)) as usize).min(samples.len());
            let last = (first + WINDOW_SAMPLES).min(samples.len());
            let others = if options.language == "nl" { ["nl", "en"] } else { ["en", "nl"] };
            let (heard, probability) = self.language_of(&samples[first..last], &others)?;
            // Synthetic Dutch voices sound up to 0.99 English to the model; a real English take
            // heard as Dutch is above 0.9998.
            if heard != options.language && probability > 0.995 {
                transcript.sounds_like = Some(heard);
            }
        }
        for (index, (from, to)) in cut.iter().enumerate() {
            let first = ((from * f64::from(RATE)) as usize).min(samples.len());
            let last = ((to * f64::from(RATE)) as usize).min(samples.len()).min(first + WINDOW_SAMPLES);
            let heard =
                self.hear(&samples[first..last], options.language, options.script, index as u64, options.cancelled)?;
            let text = heard.text.trim();
            if !text.is_empty() {
                if !transcript.text.is_empty() {
                    transcript.text.push(' ');
                }
                transcript.text.push_str(text);
            }
            transcript.words.extend(heard.words.into_iter().map(|word| Word {
                start: word.start + from,
                end: word.end + from,
                ..word
            }));
            (options.progress)((index + 1) as f32 / cut.len() as f32);
        }
        snap_to_speech(&mut transcript.words, speech, &pauses);
        Ok(transcript)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_take_is_cut_in_the_middle_of_the_first_pause_after_the_shortest_piece() {
        let pauses = [(2.0, 2.4), (4.0, 5.0), (9.0, 9.6), (15.0, 16.0), (22.0, 22.4)];
        let cut = pieces(30.0, Some((1.0, 28.0)), &pauses, 4.0);
        // 0.8 to 4.5 is under 4 s: the first piece runs on to the next pause.
        assert_eq!(cut, [(0.8, 9.3), (9.3, 15.5), (15.5, 22.2), (22.2, 28.3)]);
        assert!(cut.windows(2).all(|w| (w[0].1 - w[1].0).abs() < 1e-9), "contiguous: {cut:?}");
    }

    #[test]
    fn a_last_scrap_joins_the_piece_before() {
        let cut = pieces(10.0, Some((0.5, 9.0)), &[(4.6, 5.0), (8.2, 8.6)], 4.0);
        assert_eq!(cut, [(0.3, 4.8), (4.8, 9.3)]);
    }

    #[test]
    fn a_long_stretch_without_a_pause_is_cut_at_thirty_seconds() {
        let cut = pieces(70.0, Some((0.0, 70.0)), &[], 4.0);
        assert_eq!(cut, [(0.0, 30.0), (30.0, 60.0), (60.0, 70.0)]);
    }

    #[test]
    fn word_edges_move_out_of_the_pauses() {
        let word = |start, end| Word { text: " x".into(), start, end, probability: 1.0 };
        let mut words = vec![word(0.3, 1.4), word(1.4, 2.0), word(2.0, 3.5), word(4.1, 4.6)];
        snap_to_speech(&mut words, Some((0.8, 4.5)), &[(2.6, 3.3)]);
        let edges: Vec<(f64, f64)> = words.iter().map(|w| (w.start, w.end)).collect();
        assert_eq!(edges, [(0.8, 1.4), (1.4, 2.0), (2.0, 3.5), (4.1, 4.5)]);
        // A word that starts in the pause and ends after it.
        let mut words = vec![word(2.8, 3.6)];
        snap_to_speech(&mut words, None, &[(2.6, 3.3)]);
        assert_eq!((words[0].start, words[0].end), (3.3, 3.6));
        // One wholly in the pause moves to where the speech resumes, short of the next word.
        let mut words = vec![word(2.7, 3.2), word(3.4, 3.8)];
        snap_to_speech(&mut words, None, &[(2.6, 3.3)]);
        assert_eq!((words[0].start, words[0].end), (3.3, 3.4));
        // One that starts before the pause and ends in it.
        let mut words = vec![word(2.0, 3.0)];
        snap_to_speech(&mut words, None, &[(2.6, 3.3)]);
        assert_eq!((words[0].start, words[0].end), (2.0, 2.6));
    }

    #[test]
    fn silence_has_no_pieces() {
        assert!(pieces(10.0, None, &[], 12.0).is_empty());
    }
}
