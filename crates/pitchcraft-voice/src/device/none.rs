//! No audio device on this system yet: every call says so.

use super::InputDevice;
use crate::VoiceError;

fn unavailable() -> VoiceError {
    VoiceError::NoAudio("recording is not available on this system yet".into())
}

pub fn input_devices() -> Result<Vec<InputDevice>, VoiceError> {
    Err(unavailable())
}

pub struct Capture;

impl Capture {
    pub fn check(&self) -> Result<(), VoiceError> {
        Err(unavailable())
    }
    pub fn stop(self) -> Result<(), VoiceError> {
        Ok(())
    }
}

pub fn capture(
    _device: Option<&str>,
    _rate: u32,
    _on_samples: impl FnMut(&[i16]) + Send + 'static,
) -> Result<Capture, VoiceError> {
    Err(unavailable())
}

pub struct Playback;

impl Playback {
    pub fn position(&self) -> u64 {
        0
    }
    pub fn is_finished(&self) -> bool {
        true
    }
    pub fn stop(self) {}
    pub fn finish(self) {}
}

pub fn play(_samples: std::sync::Arc<[i16]>, _rate: u32, _from: usize) -> Result<Playback, VoiceError> {
    Err(unavailable())
}
