//! What can go wrong with audio, in words a person can act on.

use std::path::PathBuf;

/// An error reading, writing or recording audio.
#[derive(Debug, thiserror::Error)]
pub enum VoiceError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("the file is empty")]
    Empty,
    #[error("the file is too large ({bytes} bytes; the limit is {limit} bytes)")]
    TooLarge { bytes: u64, limit: u64 },
    #[error("not a WAV or FLAC file")]
    UnknownFormat,
    #[error("a broken WAV file: {0}")]
    BrokenWav(String),
    #[error("a broken FLAC file: {0}")]
    BrokenFlac(String),
    #[error("the audio has no samples")]
    NoSamples,
    #[error("no sound server to record from: {0}")]
    NoAudio(String),
    #[error("no input device called \"{0}\"")]
    NoSuchDevice(String),
    #[error("the recording stopped: {0}")]
    Lost(String),
}

impl VoiceError {
    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Self {
        let path = path.into();
        move |source| VoiceError::Io { path, source }
    }
}
