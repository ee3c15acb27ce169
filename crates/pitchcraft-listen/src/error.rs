//! What can go wrong listening, in words a person can act on.

use std::path::PathBuf;

/// An error loading the speech model or transcribing a take.
#[derive(Debug, thiserror::Error)]
pub enum ListenError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("no speech model in {0} (it needs model.bin, config.json and tokenizer.json)")]
    NoModel(PathBuf),
    #[error("the speech model is damaged: {0}")]
    BadModel(String),
    #[error("the speech model could not run: {0}")]
    Compute(String),
    #[error("cancelled")]
    Cancelled,
    #[error(transparent)]
    Voice(#[from] pitchcraft_voice::VoiceError),
}

impl ListenError {
    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Self {
        let path = path.into();
        move |source| ListenError::Io { path, source }
    }

    pub(crate) fn bad(what: impl std::fmt::Display) -> Self {
        ListenError::BadModel(what.to_string())
    }
}

impl From<candle_core::Error> for ListenError {
    fn from(error: candle_core::Error) -> Self {
        // The first line: candle adds a backtrace when RUST_BACKTRACE is set.
        ListenError::Compute(error.to_string().lines().next().unwrap_or_default().to_owned())
    }
}
