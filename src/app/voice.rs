//! The microphone as the app uses it: a recording streamed to a WAV in the document's
//! recordings folder while a run lasts, then kept as FLAC and measured on a thread of its
//! own. The sound system is behind [`Microphone`], so tests hand in a fake one.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use pitchcraft_voice::device::InputDevice;
use pitchcraft_voice::resample::RATE;
use pitchcraft_voice::take::TakeWriter;
use pitchcraft_voice::{Script, VoiceError};

pub use crate::state::voice::Measured;

/// Called with each batch of samples heard (16-bit mono at [`RATE`]).
pub type OnSamples = Box<dyn FnMut(&[i16]) + Send>;

/// Where samples come from and where a take is played.
pub trait Microphone: Send + Sync {
    fn devices(&self) -> Result<Vec<InputDevice>, VoiceError>;
    /// Starts listening to `device` (the system's default when `None`); samples are 16-bit
    /// mono at [`RATE`].
    fn listen(&self, device: Option<&str>, on_samples: OnSamples) -> Result<Box<dyn Listening>, VoiceError>;
    /// Plays 16-bit mono samples at `rate` from sample `from`.
    fn play(&self, samples: Arc<[i16]>, rate: u32, from: usize) -> Result<Box<dyn Playing>, VoiceError>;
}

pub trait Listening: Send {
    fn stop(self: Box<Self>);
}

pub trait Playing: Send {
    /// The sample being played.
    fn position(&self) -> u64;
    fn is_finished(&self) -> bool;
}

/// The system's sound server.
pub struct SystemMicrophone;

impl Microphone for SystemMicrophone {
    fn devices(&self) -> Result<Vec<InputDevice>, VoiceError> {
        pitchcraft_voice::device::input_devices()
    }

    fn listen(&self, device: Option<&str>, on_samples: OnSamples) -> Result<Box<dyn Listening>, VoiceError> {
        Ok(Box::new(pitchcraft_voice::device::capture(device, RATE, on_samples)?))
    }

    fn play(&self, samples: Arc<[i16]>, rate: u32, from: usize) -> Result<Box<dyn Playing>, VoiceError> {
        Ok(Box::new(pitchcraft_voice::device::play(samples, rate, from)?))
    }
}

impl Listening for pitchcraft_voice::device::Capture {
    fn stop(self: Box<Self>) {
        let _ = (*self).stop();
    }
}

impl Playing for pitchcraft_voice::device::Playback {
    fn position(&self) -> u64 {
        pitchcraft_voice::device::Playback::position(self)
    }
    fn is_finished(&self) -> bool {
        pitchcraft_voice::device::Playback::is_finished(self)
    }
}

/// A stand-in microphone for tests: hands over the given samples as soon as it listens,
/// and "plays" by jumping to the end.
#[doc(hidden)]
pub struct FakeMicrophone(pub Arc<[i16]>);

impl Microphone for FakeMicrophone {
    fn devices(&self) -> Result<Vec<InputDevice>, VoiceError> {
        Ok(vec![InputDevice {
            name: "fake".into(),
            description: "Test microphone".into(),
            is_default: true,
            is_monitor: false,
        }])
    }

    fn listen(&self, _device: Option<&str>, mut on_samples: OnSamples) -> Result<Box<dyn Listening>, VoiceError> {
        for chunk in self.0.chunks(1_600) {
            on_samples(chunk);
        }
        Ok(Box::new(FakeListening))
    }

    fn play(&self, samples: Arc<[i16]>, _rate: u32, _from: usize) -> Result<Box<dyn Playing>, VoiceError> {
        Ok(Box::new(FakePlaying(samples.len() as u64)))
    }
}

struct FakeListening;
impl Listening for FakeListening {
    fn stop(self: Box<Self>) {}
}

struct FakePlaying(u64);
impl Playing for FakePlaying {
    fn position(&self) -> u64 {
        self.0
    }
    fn is_finished(&self) -> bool {
        true
    }
}

/// What the capture thread shares with the page.
#[derive(Default)]
struct Shared {
    writer: Mutex<Option<TakeWriter>>,
    /// The loudest sample since the level was last read, as f32 bits (the level meter).
    peak: AtomicU32,
    /// Samples heard so far.
    samples: std::sync::atomic::AtomicU64,
    failure: Mutex<Option<String>>,
}

/// A take being recorded.
pub struct Recording {
    shared: Arc<Shared>,
    listening: Option<Box<dyn Listening>>,
    started: Instant,
    wav: PathBuf,
}

impl Recording {
    /// Starts recording into `wav` (a new file; its folder is made).
    pub fn start(mic: &dyn Microphone, device: Option<&str>, wav: PathBuf, now: Instant) -> Result<Self, VoiceError> {
        if let Some(folder) = wav.parent() {
            std::fs::create_dir_all(folder).map_err(|source| VoiceError::Io { path: folder.to_owned(), source })?;
        }
        let writer = TakeWriter::create(&wav, RATE)?;
        Self::start_into(mic, device, writer, wav, now)
    }

    /// Starts recording with `writer`, which writes the WAV at `wav`.
    pub fn start_into(
        mic: &dyn Microphone,
        device: Option<&str>,
        writer: TakeWriter,
        wav: PathBuf,
        now: Instant,
    ) -> Result<Self, VoiceError> {
        let shared = Arc::new(Shared { writer: Mutex::new(Some(writer)), ..Shared::default() });
        let to = shared.clone();
        let on_samples = Box::new(move |samples: &[i16]| {
            let peak = samples.iter().map(|s| s.unsigned_abs()).max().unwrap_or(0);
            let level = f32::from(peak) / 32_768.0;
            // Positive floats order as their bits do: the loudest since the last reading.
            to.peak.fetch_max(level.to_bits(), Ordering::Relaxed);
            to.samples.fetch_add(samples.len() as u64, Ordering::Relaxed);
            let Ok(mut writer) = to.writer.lock() else { return };
            if let Some(w) = writer.as_mut()
                && let Err(e) = w.write(samples)
            {
                // A full disk: what is on disk stays, the rest of the run is not recorded.
                *writer = None;
                if let Ok(mut failure) = to.failure.lock() {
                    *failure = Some(e.to_string());
                }
            }
        });
        match mic.listen(device, on_samples) {
            Ok(listening) => Ok(Recording { shared, listening: Some(listening), started: now, wav }),
            Err(e) => {
                let _ = std::fs::remove_file(&wav);
                Err(e)
            }
        }
    }

    /// The loudest level heard since the last call, 0 to 1; the meter reads it each frame, so
    /// a meter drawn once a second still shows whether anything was heard in that second.
    pub fn level(&self) -> f32 {
        f32::from_bits(self.shared.peak.swap(0, Ordering::Relaxed))
    }

    /// The sample position of `now` in the take.
    pub fn position(&self, now: Instant) -> u64 {
        (now.saturating_duration_since(self.started).as_secs_f64() * f64::from(RATE)) as u64
    }

    /// How many samples the microphone delivered so far.
    pub fn samples(&self) -> u64 {
        self.shared.samples.load(Ordering::Relaxed)
    }

    /// Why the recording stopped early, if it did.
    pub fn problem(&self) -> Option<String> {
        self.shared.failure.lock().ok().and_then(|f| f.clone())
    }

    /// Stops listening and finishes the WAV.
    pub fn finish(mut self) -> Result<PathBuf, VoiceError> {
        if let Some(listening) = self.listening.take() {
            listening.stop();
        }
        let writer = self.shared.writer.lock().ok().and_then(|mut w| w.take());
        match writer {
            Some(writer) => writer.finish(),
            None => match self.problem() {
                Some(problem) => Err(VoiceError::Lost(problem)),
                None => Ok(self.wav.clone()),
            },
        }
    }

    /// Stops and throws the take away (a discarded run).
    pub fn discard(self) {
        let wav = self.wav.clone();
        let _ = self.finish();
        let _ = std::fs::remove_file(wav);
    }
}

/// Keeps the recorded WAV as FLAC at `flac` and measures it, on a thread of its own.
pub fn keep_and_measure(wav: PathBuf, flac: PathBuf, script: Script) -> Receiver<Measured> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let result = pitchcraft_voice::take::keep(&wav, &flac)
            .and_then(|()| pitchcraft_voice::audio::read(&flac))
            .and_then(|audio| pitchcraft_voice::analyze(&audio, Some(script)))
            .map(|delivery| pitchcraft_voice::figures(&delivery))
            .map_err(|e| e.to_string());
        let _ = tx.send(result);
    });
    rx
}

/// A take read back for playing: its samples at [`RATE`], or why it cannot be played.
pub fn load_take(path: &Path) -> Result<Arc<[i16]>, VoiceError> {
    let audio = pitchcraft_voice::audio::read(path)?;
    Ok(pitchcraft_voice::take::to_take_samples(&audio)?.into())
}
