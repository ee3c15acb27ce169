//! What the Rehearse page sees of the microphone and the player: a plain snapshot the shell
//! takes before the page is drawn, and the take of a finished run. The recorder, the
//! player, their threads and streams stay with the shell; the page asks for changes with
//! [`VoiceRequest`](crate::command::VoiceRequest)s.

use pitchcraft_voice::Script;
use pitchcraft_voice::device::InputDevice;
use pitchcraft_voice::resample::RATE;

use std::sync::Arc;

use crate::logic::transcript::Comparison;
use crate::model::{DeliveryFigures, Language, Take, TakeTranscript};

/// What measuring a take gives: its figures, or why there are none.
pub type Measured = Result<DeliveryFigures, String>;

/// What was said in a take, as far as it is known.
#[derive(Clone, Debug)]
pub enum Said {
    /// There is no speech model on this computer to hear it with (and why the last try to
    /// fetch one failed, if it did).
    NoModel(Option<String>),
    /// The model is being fetched: bytes in hand and the total (0 until known).
    Fetching(u64, u64),
    /// Being heard: the share done so far (0 to 1).
    Hearing(f32),
    /// Heard, and held against the script.
    Heard(Arc<Comparison>, TakeTranscript),
    /// The person stopped the hearing.
    Stopped,
    /// It could not be heard, and why.
    Failed(String),
}

/// The take of a finished run, while it is measured and rated.
#[derive(Clone, Debug)]
pub struct OutcomeTake {
    /// Its file name in the document's recordings folder.
    pub file: String,
    /// Where each section mark was pressed, as sample positions.
    pub marks: Vec<u64>,
    /// How long the take is, in samples: it began before the run's clock did (the count-in),
    /// and it ends with it.
    pub samples: u64,
    /// The figures once measured (or why not).
    pub measured: Option<Measured>,
    /// The words and syllables of the text, to hold the take against.
    pub script: Script,
    /// The text's spoken sections, in order, and its language: what the words heard are
    /// held against.
    pub sections: Vec<String>,
    pub language: Language,
    /// What was said, once hearing began.
    pub said: Option<Said>,
}

impl OutcomeTake {
    /// The take as the attempt keeps it.
    pub fn to_take(&self) -> Take {
        Take {
            file: self.file.clone(),
            rate: RATE,
            marks: self.marks.clone(),
            delivery: self.measured.as_ref().and_then(|m| m.as_ref().ok()).cloned(),
            transcript: match &self.said {
                Some(Said::Heard(_, kept)) => Some(kept.clone()),
                _ => None,
            },
        }
    }
}

/// The microphone check before a run.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum CheckView {
    /// Not checked (or the check is over and its playback ended).
    #[default]
    Idle,
    /// Listening: whole seconds left, and the loudest level since the last frame (0 to 1).
    Listening {
        /// Whole seconds left to listen.
        seconds_left: u64,
        /// The level meter, 0 to 1.
        level: f32,
    },
    /// Playing back what was heard, and how it sounded.
    Playing(Verdict),
    /// The check is over: how it sounded.
    Heard(Verdict),
    /// Nothing was heard.
    Silent,
}

/// What the microphone check concludes from what it heard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Speech at a level the measurements can use.
    Clear,
    /// Something, but too quiet to measure well.
    TooQuiet,
}

/// The verdict on 16-bit samples, by the loudest twentieth of a second: `None` when nothing
/// was heard (no sample above the noise of an idle input).
pub fn verdict(samples: &[i16], rate: u32) -> Option<Verdict> {
    if !samples.iter().any(|s| s.unsigned_abs() > 300) {
        return None;
    }
    let window = (rate as usize / 20).max(1);
    let loudest = samples
        .chunks(window)
        .map(|chunk| (chunk.iter().map(|&s| f64::from(s) * f64::from(s)).sum::<f64>() / chunk.len() as f64).sqrt())
        .fold(0.0, f64::max);
    // About −30 dBFS: a voice at a normal distance from a laptop's microphone is above it.
    Some(if loudest >= 1_000.0 { Verdict::Clear } else { Verdict::TooQuiet })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tone(amplitude: f64, seconds: f64) -> Vec<i16> {
        (0..(16_000.0 * seconds) as usize).map(|i| (amplitude * (i as f64 * 0.05).sin()) as i16).collect()
    }

    #[test]
    fn the_check_says_clear_too_quiet_or_nothing() {
        assert_eq!(verdict(&tone(8_000.0, 1.0), 16_000), Some(Verdict::Clear));
        assert_eq!(verdict(&tone(600.0, 1.0), 16_000), Some(Verdict::TooQuiet));
        assert_eq!(verdict(&tone(100.0, 1.0), 16_000), None);
        assert_eq!(verdict(&[], 16_000), None);
    }
}

/// A run being recorded.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RecordingView {
    /// The loudest level since the last frame, 0 to 1.
    pub level: f32,
    /// Why the recording stopped early, if it did (a full disk).
    pub problem: Option<String>,
}

/// The take open in the player.
#[derive(Clone, Debug, PartialEq)]
pub struct PlayerView {
    /// The take's file name.
    pub file: String,
    /// Its length in samples at [`RATE`], or why it cannot be played (said in words).
    pub length: Result<u64, String>,
    /// The sample being played, or where playing would start.
    pub position: u64,
    /// Whether it is playing now.
    pub playing: bool,
}

/// Everything the page reads of the voice in one frame.
#[derive(Clone, Debug, Default)]
pub struct VoiceView {
    /// The input devices, once looked up (or why they could not be).
    pub devices: Option<Result<Vec<InputDevice>, String>>,
    /// The microphone check.
    pub check: CheckView,
    /// The run being recorded, if one is.
    pub recording: Option<RecordingView>,
    /// The take open in the player.
    pub player: Option<PlayerView>,
    /// Why recording or playing did not work, the last time it was tried.
    pub problem: Option<String>,
}

impl VoiceView {
    /// True while a run is recorded.
    pub fn is_recording(&self) -> bool {
        self.recording.is_some()
    }

    /// The player, when it holds `file`.
    pub fn player_of(&self, file: &str) -> Option<&PlayerView> {
        self.player.as_ref().filter(|player| player.file == file)
    }
}
