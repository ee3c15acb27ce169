//! What was said in a take, offline: Whisper (base, multilingual) on the CPU with candle,
//! read from CTranslate2's `model.bin`, the take cut at its pauses and each piece prompted
//! with the script, word times from the decoder's cross-attention.

mod error;

pub mod ct2;
pub mod fetch;
pub mod listener;
pub mod mel;
pub mod model;
pub mod timing;
pub mod tokens;
pub mod transcribe;

pub use listener::{Heard, Listener, Word};
pub use transcribe::{Options, Transcript};

pub use error::ListenError;
