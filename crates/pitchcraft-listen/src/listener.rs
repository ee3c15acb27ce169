//! The speech model loaded, and what it hears in one window of up to 30 seconds: greedy
//! decoding in the given language, prompted with the script, falling back to seeded
//! sampling at higher temperatures when a window repeats itself or is unsure of itself (as
//! Whisper does); then the words' times from the alignment heads.

use std::path::Path;

use candle_core::Tensor;
use serde::Deserialize;

use crate::ListenError;
use crate::ct2::Variables;
use crate::mel::{FRAMES, HOP, MelMaker};
use crate::model::Whisper;
use crate::timing;
use crate::tokens::Tokens;

/// The files a model folder holds.
pub const MODEL_FILES: [&str; 3] = ["model.bin", "config.json", "tokenizer.json"];

/// Temperatures tried in turn until a window reads well.
const TEMPERATURES: [f32; 6] = [0.0, 0.2, 0.4, 0.6, 0.8, 1.0];
/// Text that compresses better than this repeats itself.
const MAX_COMPRESSION: f32 = 2.4;
/// Below this mean log-probability a window is redone warmer.
const MIN_LOGPROB: f32 = -1.0;

/// A word heard, with when it was said (seconds from the start of the audio given) and how
/// sure the model was of it: the word the script is compared with.
pub use pitchcraft_core::logic::transcript::HeardWord as Word;

/// One window's result.
#[derive(Clone, Debug, Default)]
pub struct Heard {
    pub text: String,
    pub words: Vec<Word>,
    /// The temperature that gave it (0 when greedy decoding was good enough).
    pub temperature: f32,
}

/// The part of CTranslate2's `config.json` decoding needs.
#[derive(Deserialize)]
struct Config {
    alignment_heads: Vec<(usize, usize)>,
    #[serde(default)]
    suppress_ids: Vec<u32>,
    #[serde(default)]
    suppress_ids_begin: Vec<u32>,
}

/// The model, ready to listen.
pub struct Listener {
    whisper: Whisper,
    tokens: Tokens,
    config: Config,
    mel: MelMaker,
}

/// A small seeded random source, so that a take always gives the same transcript.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self) -> f64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

impl Listener {
    /// Loads a model folder (`model.bin`, `config.json`, `tokenizer.json`).
    pub fn load(folder: &Path) -> Result<Self, ListenError> {
        if MODEL_FILES.iter().any(|file| !folder.join(file).is_file()) {
            return Err(ListenError::NoModel(folder.to_path_buf()));
        }
        let config_path = folder.join("config.json");
        let config_text = std::fs::read_to_string(&config_path).map_err(ListenError::io(&config_path))?;
        let config: Config = serde_json::from_str(&config_text)
            .map_err(|e| ListenError::bad(format!("{}: {e}", config_path.display())))?;
        let variables = Variables::read(&folder.join("model.bin"))?;
        let whisper = Whisper::new(&variables)?;
        drop(variables);
        let tokens = Tokens::read(&folder.join("tokenizer.json"))?;
        if config
            .alignment_heads
            .iter()
            .any(|&(layer, head)| layer >= whisper.dims.decoder_layers || head >= whisper.dims.heads)
        {
            return Err(ListenError::bad("alignment heads outside the model"));
        }
        Ok(Listener { whisper, tokens, config, mel: MelMaker::new() })
    }

    /// The tokenizer (for the script's words).
    pub fn tokens(&self) -> &Tokens {
        &self.tokens
    }

    /// Which of `codes` ("en", "nl") is spoken in `samples` (16 kHz, at most 30 s), and the
    /// model's probability for it among them.
    pub fn language_of(&self, samples: &[f32], codes: &[&str]) -> Result<(String, f32), ListenError> {
        let mel = self.mel.window(samples);
        let audio = self.whisper.encode(&mel, FRAMES)?;
        let step = self.whisper.decoder(&audio).feed(&[self.tokens.start], false)?;
        let logits: Vec<f32> = codes
            .iter()
            .map(|code| Ok(step.logits[self.tokens.language(code)? as usize]))
            .collect::<Result<_, ListenError>>()?;
        let probabilities = log_softmax(&logits, 1.0);
        let best = argmax(&probabilities);
        Ok((
            codes.get(best).map(|c| (*c).to_owned()).unwrap_or_default(),
            probabilities.get(best).map_or(0.0, |p| p.exp()),
        ))
    }

    /// What is said in `samples` (16 kHz, at most 30 s), in `language` ("en", "nl"), with
    /// `prompt` as the text that came before. `seed` makes the sampling fallback repeatable;
    /// `cancelled` is asked between tokens.
    pub fn hear(
        &self,
        samples: &[f32],
        language: &str,
        prompt: Option<&str>,
        seed: u64,
        cancelled: &dyn Fn() -> bool,
    ) -> Result<Heard, ListenError> {
        let mel = self.mel.window(samples);
        let audio = self.whisper.encode(&mel, FRAMES)?;
        let language = self.tokens.language(language)?;
        let start = [self.tokens.start, language, self.tokens.transcribe, self.tokens.no_timestamps];
        let mut prefix = Vec::new();
        if let Some(prompt) = prompt.map(str::trim).filter(|p| !p.is_empty()) {
            let prompt_tokens = self.tokens.encode(&format!(" {prompt}"))?;
            let room = self.whisper.dims.text_ctx / 2 - 1;
            prefix.push(self.tokens.previous);
            prefix.extend_from_slice(&prompt_tokens[prompt_tokens.len().saturating_sub(room)..]);
        }
        prefix.extend_from_slice(&start);
        let mut random = Seeded(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let mut chosen = None;
        // Every try is kept: when none reads well, the surest one that does not repeat
        // itself is taken (as faster-whisper does), not the hottest.
        let mut tries = Vec::new();
        for temperature in TEMPERATURES {
            let (text_tokens, probabilities, mean_logprob) =
                self.sample(&audio, &prefix, temperature, &mut random, cancelled)?;
            let text = self.tokens.decode(&text_tokens);
            let repeats = compression_ratio(&text) > MAX_COMPRESSION;
            if (!repeats && mean_logprob >= MIN_LOGPROB) || text_tokens.is_empty() {
                chosen = Some((text_tokens, probabilities, text, temperature));
                break;
            }
            tries.push((repeats, mean_logprob, text_tokens, probabilities, text, temperature));
        }
        if chosen.is_none() {
            let best = surest(&tries.iter().map(|t| (t.0, t.1)).collect::<Vec<_>>());
            chosen = best
                .and_then(|at| tries.into_iter().nth(at))
                .map(|(_, _, tokens, probabilities, text, temperature)| (tokens, probabilities, text, temperature));
        }
        let Some((text_tokens, probabilities, text, temperature)) = chosen else { return Ok(Heard::default()) };
        let frames = samples.len().min(FRAMES * HOP) / HOP;
        let words = self.word_times(&audio, &start, &text_tokens, &probabilities, frames)?;
        Ok(Heard { text, words, temperature })
    }

    /// Decodes one window at `temperature`: the text tokens, each one's probability, and the
    /// mean log-probability.
    fn sample(
        &self,
        audio: &Tensor,
        prefix: &[u32],
        temperature: f32,
        random: &mut Seeded,
        cancelled: &dyn Fn() -> bool,
    ) -> Result<(Vec<u32>, Vec<f32>, f32), ListenError> {
        let mut decoder = self.whisper.decoder(audio);
        let mut step = decoder.feed(prefix, false)?;
        let mut text = Vec::new();
        let mut probabilities = Vec::new();
        let mut logprob_sum = 0f32;
        let limit = (self.whisper.dims.text_ctx / 2).min(self.whisper.dims.text_ctx - prefix.len());
        for index in 0..limit {
            if cancelled() {
                return Err(ListenError::Cancelled);
            }
            let mut logits = step.logits;
            // No special token but the end; no blank or end as the first token.
            for (id, logit) in logits.iter_mut().enumerate() {
                if id as u32 > self.tokens.end {
                    *logit = f32::NEG_INFINITY;
                }
            }
            for &id in &self.config.suppress_ids {
                if let Some(logit) = logits.get_mut(id as usize) {
                    *logit = f32::NEG_INFINITY;
                }
            }
            if index == 0 {
                for &id in &self.config.suppress_ids_begin {
                    if let Some(logit) = logits.get_mut(id as usize) {
                        *logit = f32::NEG_INFINITY;
                    }
                }
            }
            let logprobs = log_softmax(&logits, 1.0);
            let token = if temperature == 0.0 {
                argmax(&logits)
            } else {
                let scaled = log_softmax(&logits, temperature);
                let mut left = random.next() as f32;
                let mut pick = argmax(&logits);
                for (id, lp) in scaled.iter().enumerate() {
                    let p = lp.exp();
                    if left < p {
                        pick = id;
                        break;
                    }
                    left -= p;
                }
                pick
            } as u32;
            logprob_sum += logprobs[token as usize];
            if token == self.tokens.end {
                break;
            }
            text.push(token);
            probabilities.push(logprobs[token as usize].exp());
            if decoder.len() + 1 >= self.whisper.dims.text_ctx {
                break;
            }
            step = decoder.feed(&[token], false)?;
        }
        let mean = logprob_sum / (text.len() + 1) as f32;
        Ok((text, probabilities, mean))
    }

    /// When each word was said: the alignment heads' attention over the audio's first
    /// `frames` spectrogram frames, warped to the tokens.
    fn word_times(
        &self,
        audio: &Tensor,
        start: &[u32],
        text: &[u32],
        probabilities: &[f32],
        frames: usize,
    ) -> Result<Vec<Word>, ListenError> {
        let words = self.tokens.words(text);
        if words.is_empty() || frames < 2 {
            return Ok(Vec::new());
        }
        let mut sequence = start.to_vec();
        sequence.extend_from_slice(text);
        sequence.push(self.tokens.end);
        let mut decoder = self.whisper.decoder(audio);
        let step = decoder.feed(&sequence, true)?;
        let columns = frames / 2;
        // Rows from the no-timestamps token (whose output is the first text token) to the
        // last text token (whose output is the end).
        let first = start.len() - 1;
        let rows = text.len() + 1;
        let mut heads = Vec::new();
        for &(layer, head) in &self.config.alignment_heads {
            let scores = step.cross_scores[layer].get(head)?.narrow(0, first, rows)?.narrow(1, 0, columns)?;
            let weights = candle_nn::ops::softmax_last_dim(&scores.contiguous()?)?;
            heads.push(weights.flatten_all()?.to_vec1::<f32>()?);
        }
        let matrix = timing::matrix(&heads, rows, columns);
        let cost: Vec<f32> = matrix.iter().map(|v| -v).collect();
        let path = timing::dtw(&cost, rows, columns);
        let starts = timing::row_starts(&path, rows);
        let mut out = Vec::with_capacity(words.len());
        let mut at = 0;
        for (word, word_tokens) in words {
            let count = word_tokens.len();
            let probability = probabilities[at..at + count].iter().sum::<f32>() / count as f32;
            out.push(Word { text: word, start: starts[at], end: starts[(at + count).min(rows - 1)], probability });
            at += count;
        }
        let mut out = merge_punctuation(out);
        clip_long_words(&mut out);
        Ok(out)
    }
}

/// Punctuation heard as a word of its own goes with its word: a full stop or a comma with
/// the word before (whose times it keeps), an opening quote or bracket with the word after.
fn merge_punctuation(words: Vec<Word>) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    let mut opening = String::new();
    for mut word in words {
        let bare = word.text.trim();
        let punctuation = !bare.is_empty() && bare.chars().all(|c| !c.is_alphanumeric());
        if punctuation && bare.chars().all(|c| "\"'“¿([{-".contains(c)) {
            // The space before the quote is the space before the word.
            if opening.is_empty() && word.text.starts_with(' ') {
                opening.push(' ');
            }
            opening.push_str(bare);
            continue;
        }
        if punctuation && let Some(previous) = out.last_mut() {
            previous.text.push_str(bare);
            continue;
        }
        if !opening.is_empty() {
            let space = if word.text.starts_with(' ') && !opening.starts_with(' ') { " " } else { "" };
            word.text = format!("{space}{opening}{}", word.text.trim_start());
            opening.clear();
        }
        out.push(word);
    }
    out
}

/// Words the warping stretched over a silence: no longer than twice the median word (at
/// most 1.4 s), the first cut at its start, the others at their end.
fn clip_long_words(words: &mut [Word]) {
    let mut durations: Vec<f64> = words.iter().map(|w| w.end - w.start).filter(|d| *d > 0.0).collect();
    if durations.is_empty() {
        return;
    }
    durations.sort_by(f64::total_cmp);
    let longest = 2.0 * durations[durations.len() / 2].min(0.7);
    for (index, word) in words.iter_mut().enumerate() {
        if word.end - word.start > longest {
            if index == 0 {
                word.start = word.end - longest;
            } else {
                word.end = word.start + longest;
            }
        }
    }
}

/// Of tries that all read badly (whether each repeats itself, its mean log-probability),
/// the one to keep: the surest among those that do not repeat, else the surest.
fn surest(tries: &[(bool, f32)]) -> Option<usize> {
    (0..tries.len()).min_by(|&a, &b| tries[a].0.cmp(&tries[b].0).then(tries[b].1.total_cmp(&tries[a].1)))
}

fn argmax(values: &[f32]) -> usize {
    values.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)).map_or(0, |(i, _)| i)
}

fn log_softmax(logits: &[f32], temperature: f32) -> Vec<f32> {
    let top = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let sum: f32 = logits.iter().map(|l| ((l - top) / temperature).exp()).sum();
    let log_sum = sum.ln();
    logits.iter().map(|l| (l - top) / temperature - log_sum).collect()
}

/// How much better than plain the text compresses: repetition shows as a high ratio.
pub fn compression_ratio(text: &str) -> f32 {
    if text.is_empty() {
        return 0.0;
    }
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(text.as_bytes(), 6);
    text.len() as f32 / packed.len().max(1) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_looping_text_compresses_too_well() {
        let said = "I help hospitals cut waiting times by redesigning care with the people who run it.";
        assert!(compression_ratio(said) < MAX_COMPRESSION);
        let looping = "and the waiting list and the waiting list ".repeat(8);
        assert!(compression_ratio(&looping) > MAX_COMPRESSION);
    }

    #[test]
    fn when_no_try_reads_well_the_surest_that_does_not_repeat_is_kept() {
        assert_eq!(surest(&[(false, -1.4), (true, -0.2), (false, -1.1), (false, -2.0)]), Some(2));
        assert_eq!(surest(&[(true, -0.9), (true, -0.3)]), Some(1));
        assert_eq!(surest(&[]), None);
    }

    #[test]
    fn seeded_sampling_repeats() {
        let mut a = Seeded(7 | 1);
        let mut b = Seeded(7 | 1);
        let draws: Vec<f64> = (0..5).map(|_| a.next()).collect();
        assert_eq!(draws, (0..5).map(|_| b.next()).collect::<Vec<_>>());
        assert!(draws.iter().all(|d| (0.0..1.0).contains(d)));
    }

    #[test]
    fn punctuation_goes_with_its_word() {
        let word = |text: &str, start| Word { text: text.into(), start, end: start + 0.3, probability: 0.9 };
        let merged = merge_punctuation(vec![
            word(" over", 3.6),
            word(".", 3.9),
            word(" \"", 4.5),
            word("Yes", 4.6),
            word("!\"", 4.9),
        ]);
        let texts: Vec<&str> = merged.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, [" over.", " \"Yes!\""]);
        assert_eq!(merged[0].end, 3.9, "the word keeps its own end");
    }

    #[test]
    fn a_word_stretched_over_a_silence_is_clipped() {
        let word = |start, end| Word { text: " x".into(), start, end, probability: 1.0 };
        let mut words = vec![word(0.0, 3.0), word(3.0, 3.3), word(3.3, 3.6), word(3.6, 6.0)];
        clip_long_words(&mut words);
        assert!((words[0].start - 1.6).abs() < 1e-9, "{:?}", words[0]);
        assert!((words[3].end - 5.0).abs() < 1e-9, "{:?}", words[3]);
    }
}
