//! Whisper's tokens: the model's own byte-level BPE (`tokenizer.json`) and the special
//! tokens that steer it (start, language, task, no timestamps, the previous text).

use std::path::Path;

use tokenizers::Tokenizer;

use crate::ListenError;

/// The tokenizer and the special tokens' ids.
pub struct Tokens {
    tokenizer: Tokenizer,
    pub end: u32,
    pub start: u32,
    pub previous: u32,
    pub transcribe: u32,
    pub no_timestamps: u32,
    /// The first timestamp token; every id from `end` on is special.
    pub timestamp_begin: u32,
}

impl Tokens {
    /// Reads `tokenizer.json`.
    pub fn read(path: &Path) -> Result<Self, ListenError> {
        let tokenizer = Tokenizer::from_file(path).map_err(|e| ListenError::bad(format!("{}: {e}", path.display())))?;
        let id = |token: &str| {
            tokenizer.token_to_id(token).ok_or_else(|| ListenError::bad(format!("the tokenizer has no {token}")))
        };
        let no_timestamps = id("<|notimestamps|>")?;
        Ok(Tokens {
            end: id("<|endoftext|>")?,
            start: id("<|startoftranscript|>")?,
            previous: id("<|startofprev|>")?,
            transcribe: id("<|transcribe|>")?,
            no_timestamps,
            timestamp_begin: no_timestamps + 1,
            tokenizer,
        })
    }

    /// The language token ("<|nl|>") for a language code.
    pub fn language(&self, code: &str) -> Result<u32, ListenError> {
        self.tokenizer
            .token_to_id(&format!("<|{code}|>"))
            .ok_or_else(|| ListenError::bad(format!("no language {code}")))
    }

    /// The tokens of a text (no special tokens).
    pub fn encode(&self, text: &str) -> Result<Vec<u32>, ListenError> {
        let encoding = self.tokenizer.encode(text, false).map_err(|e| ListenError::Compute(e.to_string()))?;
        Ok(encoding.get_ids().to_vec())
    }

    /// The text of tokens, special ones left out.
    pub fn decode(&self, tokens: &[u32]) -> String {
        let text: Vec<u32> = tokens.iter().copied().filter(|token| *token < self.end).collect();
        self.tokenizer.decode(&text, false).unwrap_or_default()
    }

    /// Splits text tokens into words as Whisper does for languages with spaces: a word
    /// starts at a token that begins with a space, or is punctuation; the words' text and
    /// their tokens.
    pub fn words(&self, tokens: &[u32]) -> Vec<(String, Vec<u32>)> {
        // Tokens that together make whole characters first (a token can be half a letter).
        let mut pieces: Vec<(String, Vec<u32>)> = Vec::new();
        let mut pending: Vec<u32> = Vec::new();
        for &token in tokens {
            pending.push(token);
            let text = self.decode(&pending);
            if !text.contains('\u{FFFD}') || pending.len() > 3 {
                pieces.push((text, std::mem::take(&mut pending)));
            }
        }
        // A character cut off by the end of the window is kept as far as it goes.
        if !pending.is_empty() {
            pieces.push((self.decode(&pending), pending));
        }
        let mut words: Vec<(String, Vec<u32>)> = Vec::new();
        for (text, piece) in pieces {
            let with_space = text.starts_with(' ');
            let punctuation = !text.trim().is_empty() && text.trim().chars().all(|c| c.is_ascii_punctuation());
            match words.last_mut() {
                Some((word, word_tokens)) if !with_space && !punctuation => {
                    word.push_str(&text);
                    word_tokens.extend(piece);
                }
                _ => words.push((text, piece)),
            }
        }
        words
    }
}
