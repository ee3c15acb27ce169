//! The microphone and the speakers. On Linux this speaks the PulseAudio protocol in pure Rust
//! (PipeWire desktops serve it too); on macOS and Windows cpal (cpal on Linux would need ALSA's
//! C headers to build); elsewhere there is no audio device, which the app says where
//! recording would be.

#[cfg(target_os = "linux")]
mod pulse;
#[cfg(target_os = "linux")]
pub use pulse::{Capture, Playback, capture, input_devices, play};

#[cfg(any(target_os = "macos", target_os = "windows"))]
mod cpal_host;
#[cfg(any(target_os = "macos", target_os = "windows"))]
pub use cpal_host::{Capture, Playback, capture, input_devices, play};

#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
mod none;
#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
pub use none::{Capture, Playback, capture, input_devices, play};

/// An input the person can record from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputDevice {
    /// What the sound server calls it (what `--device` and the settings remember).
    pub name: String,
    /// What a person reads.
    pub description: String,
    pub is_default: bool,
    /// The monitor of an output (what the speakers play), not a microphone.
    pub is_monitor: bool,
}
