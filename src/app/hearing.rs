//! Hearing what was said in a take: the speech model runs on a thread of its own, tells how
//! far it got and stops when asked, so the page stays responsive the whole time. The model
//! is behind [`Transcriber`], so tests hand in a stand-in.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Arc, Mutex};

use pitchcraft_listen::{ListenError, Listener, Options, fetch};

use crate::logic::transcript::HeardWord;
use crate::model::Language;

/// Why a take was not heard.
#[derive(Clone, Debug, PartialEq)]
pub enum NotHeard {
    /// The person stopped it.
    Stopped,
    /// The take sounds like the other language (its code): the pitch's language is
    /// probably not what was spoken.
    OtherLanguage(Language),
    /// Anything else, in words.
    Failed(String),
}

/// Hears the words of a take.
pub trait Transcriber: Send + Sync {
    /// Whether there is a model to hear with (looked at each time: one may have come since).
    fn ready(&self) -> bool;
    /// The words said in the take at `take`, prompted with the script; `progress` is told the
    /// share done, and hearing stops when `stopped` says so.
    fn hear(
        &self,
        take: &Path,
        language: Language,
        script: &str,
        progress: &(dyn Fn(f32) + Sync),
        stopped: &(dyn Fn() -> bool + Sync),
    ) -> Result<Vec<HeardWord>, NotHeard>;
    /// Brings the model onto this computer; `progress` is told the bytes in hand and the
    /// total, and fetching stops when `stopped` says so (what arrived is kept, to resume).
    fn get_model(
        &self,
        progress: &(dyn Fn(u64, u64) + Sync),
        stopped: &(dyn Fn() -> bool + Sync),
    ) -> Result<(), NotHeard>;
}

/// Whisper from the model folder (`PITCHCRAFT_WHISPER_DIR`, else the user's data folder),
/// loaded on first use and kept for the next take.
#[derive(Default)]
pub struct WhisperTranscriber {
    loaded: Mutex<Option<Arc<Listener>>>,
}

impl WhisperTranscriber {
    /// `PITCHCRAFT_WHISPER_DIR` when it holds a model, else the user's data folder (where
    /// the model is fetched to).
    fn folder() -> Option<PathBuf> {
        let given = std::env::var_os("PITCHCRAFT_WHISPER_DIR").map(PathBuf::from);
        given.filter(|folder| folder.join("model.bin").is_file()).or_else(crate::identity::speech_model_dir)
    }

    fn listener(&self) -> Result<Arc<Listener>, NotHeard> {
        let mut loaded = self.loaded.lock().map_err(|_| NotHeard::Failed("the speech model failed before".into()))?;
        if let Some(listener) = loaded.as_ref() {
            return Ok(listener.clone());
        }
        let folder = Self::folder().ok_or_else(|| NotHeard::Failed("no folder for the speech model".into()))?;
        let listener = Arc::new(Listener::load(&folder).map_err(|e| NotHeard::Failed(e.to_string()))?);
        *loaded = Some(listener.clone());
        Ok(listener)
    }
}

impl Transcriber for WhisperTranscriber {
    fn ready(&self) -> bool {
        self.loaded.lock().is_ok_and(|l| l.is_some())
            || Self::folder().is_some_and(|folder| folder.join("model.bin").is_file())
    }

    fn hear(
        &self,
        take: &Path,
        language: Language,
        script: &str,
        progress: &(dyn Fn(f32) + Sync),
        stopped: &(dyn Fn() -> bool + Sync),
    ) -> Result<Vec<HeardWord>, NotHeard> {
        let listener = self.listener()?;
        let audio = pitchcraft_voice::audio::read(take).map_err(|e| NotHeard::Failed(e.to_string()))?;
        let options = Options {
            language: language.code(),
            script: Some(script),
            cancelled: stopped,
            progress,
            ..Options::default()
        };
        match listener.transcribe(&audio, &options) {
            Ok(transcript) => match transcript
                .sounds_like
                .as_deref()
                .and_then(|code| Language::ALL.into_iter().find(|l| l.code() == code))
            {
                Some(other) => Err(NotHeard::OtherLanguage(other)),
                None => Ok(transcript.words),
            },
            Err(ListenError::Cancelled) => Err(NotHeard::Stopped),
            Err(e) => Err(NotHeard::Failed(e.to_string())),
        }
    }

    fn get_model(
        &self,
        progress: &(dyn Fn(u64, u64) + Sync),
        stopped: &(dyn Fn() -> bool + Sync),
    ) -> Result<(), NotHeard> {
        let folder = crate::identity::speech_model_dir()
            .ok_or_else(|| NotHeard::Failed("no data folder to keep the speech model in".into()))?;
        let url = std::env::var("PITCHCRAFT_MODEL_URL").unwrap_or_else(|_| fetch::MODEL_URL.to_owned());
        match fetch::fetch(&url, &folder, &fetch::WHISPER_BASE, &|p| progress(p.done, p.total), stopped) {
            Ok(()) => Ok(()),
            Err(fetch::FetchError::Cancelled) => Err(NotHeard::Stopped),
            Err(e) => Err(NotHeard::Failed(e.to_string())),
        }
    }
}

/// A take being heard on its own thread.
pub struct Hearing {
    /// The take's file name.
    pub file: String,
    /// The script's spoken sections and its language, to hold the words against.
    pub sections: Vec<String>,
    pub language: Language,
    done: Arc<AtomicU32>,
    stop: Arc<AtomicBool>,
    rx: Receiver<Result<Vec<HeardWord>, NotHeard>>,
}

impl Hearing {
    /// Starts hearing the take at `path`.
    pub fn start(
        transcriber: Arc<dyn Transcriber>,
        path: PathBuf,
        file: String,
        language: Language,
        sections: Vec<String>,
    ) -> Self {
        let script = sections.join("\n");
        let done = Arc::new(AtomicU32::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (tx, rx) = channel();
        let (done_there, stop_there) = (done.clone(), stop.clone());
        std::thread::spawn(move || {
            let progress = move |share: f32| done_there.store(share.clamp(0.0, 1.0).to_bits(), Ordering::Relaxed);
            let stopped = move || stop_there.load(Ordering::Relaxed);
            let heard = transcriber.hear(&path, language, &script, &progress, &stopped);
            let _ = tx.send(heard);
        });
        Hearing { file, sections, language, done, stop, rx }
    }

    /// The share heard so far, 0 to 1.
    pub fn progress(&self) -> f32 {
        f32::from_bits(self.done.load(Ordering::Relaxed))
    }

    /// Asks the thread to stop; it says so with [`NotHeard::Stopped`].
    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }

    /// The words, once heard (or why not).
    pub fn result(&self) -> Option<Result<Vec<HeardWord>, NotHeard>> {
        match self.rx.try_recv() {
            Ok(result) => Some(result),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(NotHeard::Failed("the hearing stopped unexpectedly".into()))),
        }
    }
}

/// The model being fetched on its own thread.
pub struct Fetching {
    done: Arc<std::sync::atomic::AtomicU64>,
    total: Arc<std::sync::atomic::AtomicU64>,
    stop: Arc<AtomicBool>,
    rx: Receiver<Result<(), NotHeard>>,
}

impl Fetching {
    pub fn start(transcriber: Arc<dyn Transcriber>) -> Self {
        let done = Arc::new(std::sync::atomic::AtomicU64::new(0));
        let total = Arc::new(std::sync::atomic::AtomicU64::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (tx, rx) = channel();
        let (done_there, total_there, stop_there) = (done.clone(), total.clone(), stop.clone());
        std::thread::spawn(move || {
            let progress = move |done: u64, total: u64| {
                done_there.store(done, Ordering::Relaxed);
                total_there.store(total, Ordering::Relaxed);
            };
            let stopped = move || stop_there.load(Ordering::Relaxed);
            let _ = tx.send(transcriber.get_model(&progress, &stopped));
        });
        Fetching { done, total, stop, rx }
    }

    /// Bytes in hand and the total (0 until the first answer).
    pub fn progress(&self) -> (u64, u64) {
        (self.done.load(Ordering::Relaxed), self.total.load(Ordering::Relaxed))
    }

    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }

    pub fn result(&self) -> Option<Result<(), NotHeard>> {
        match self.rx.try_recv() {
            Ok(result) => Some(result),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(NotHeard::Failed("fetching stopped unexpectedly".into()))),
        }
    }
}

/// A stand-in for tests: "hears" the given words once its gate is opened, half way until
/// then (so a test can look at the page while it hears, and stop it).
#[doc(hidden)]
pub struct FakeTranscriber {
    pub words: Vec<HeardWord>,
    /// Whether it has a model; "fetching" one sets it.
    pub ready: AtomicBool,
    /// Held until released, so a test can look at the page while it "hears".
    pub gate: Arc<AtomicBool>,
}

impl Transcriber for FakeTranscriber {
    fn ready(&self) -> bool {
        self.ready.load(Ordering::SeqCst)
    }

    fn hear(
        &self,
        _take: &Path,
        _language: Language,
        _script: &str,
        progress: &(dyn Fn(f32) + Sync),
        stopped: &(dyn Fn() -> bool + Sync),
    ) -> Result<Vec<HeardWord>, NotHeard> {
        progress(0.5);
        while !self.gate.load(Ordering::Relaxed) {
            if stopped() {
                return Err(NotHeard::Stopped);
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        progress(1.0);
        Ok(self.words.clone())
    }

    /// "Fetches" 145 MB in two steps, the second once the gate opens.
    fn get_model(
        &self,
        progress: &(dyn Fn(u64, u64) + Sync),
        stopped: &(dyn Fn() -> bool + Sync),
    ) -> Result<(), NotHeard> {
        let total = fetch::WHISPER_BASE.iter().map(|f| f.size).sum();
        progress(total / 4, total);
        while !self.gate.load(Ordering::Relaxed) {
            if stopped() {
                return Err(NotHeard::Stopped);
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        progress(total, total);
        self.ready.store(true, Ordering::SeqCst);
        Ok(())
    }
}
