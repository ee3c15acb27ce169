//! Pitchcraft's voice: takes of a rehearsal recorded on the machine, kept beside the document,
//! and measured offline. Nothing leaves the machine.
//!
//! - [`audio`]: reading WAV and FLAC into mono samples, unfinished WAV headers included.
//! - [`delivery`]: the figures of a take (pure functions on samples).
//! - [`take`]: writing a take while it is recorded, and keeping it compressed after.
//! - [`device`]: the microphone (PulseAudio on Linux).

pub mod audio;
pub mod delivery;
pub mod device;
mod error;
pub mod pitch;
pub mod recordings;
pub mod resample;
#[doc(hidden)]
pub mod synthetic;
pub mod take;
pub mod text;

pub use audio::Audio;
pub use delivery::{Delivery, Script, Span, Warning, analyze, figures};
pub use error::VoiceError;
