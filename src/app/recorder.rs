//! The recorder and the player behind the Rehearse page: the shell owns the recording, the
//! microphone check, the measuring thread and the playback; the page reads a
//! [`VoiceView`] of them each frame and asks for changes with [`VoiceRequest`]s.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use pitchcraft_voice::VoiceError;
use pitchcraft_voice::device::InputDevice;
use pitchcraft_voice::recordings::{claim_take, time_stamp::Stamp};
use pitchcraft_voice::resample::RATE;
use pitchcraft_voice::take::TakeWriter;

use super::voice::{Microphone, Playing, Recording, keep_and_measure, load_take};
use crate::command::VoiceRequest;
use crate::i18n::{Tr, fill, tr};
use crate::model::Language;
use crate::state::voice::{CheckView, Measured, OutcomeTake, PlayerView, RecordingView, Verdict, VoiceView, verdict};

/// How long the microphone check listens.
const CHECK: Duration = Duration::from_secs(3);

/// The microphone check: listening, then playing back what was heard.
enum Check {
    Listening(Recording, Instant, PathBuf),
    Playing(Box<dyn Playing>, Verdict),
    /// Over: the verdict stays in view until the next check.
    Heard(Verdict),
    Silent,
}

/// A take open for playing.
struct Player {
    file: String,
    /// The take's samples, or why they cannot be played (read once, not every frame).
    loaded: Result<Arc<[i16]>, String>,
    playing: Option<Box<dyn Playing>>,
    /// Where playing started or the scrubber stands, in samples.
    at: u64,
}

/// The run being recorded: the recording, its file name and the marks pressed so far.
struct Recorded {
    recording: Recording,
    file: String,
    marks: Vec<u64>,
}

/// Everything of the voice the shell holds between frames.
#[derive(Default)]
pub struct Recorder {
    recorded: Option<Recorded>,
    devices: Option<Result<Vec<InputDevice>, String>>,
    check: Option<Check>,
    measuring: Option<Receiver<Measured>>,
    player: Option<Player>,
    problem: Option<String>,
}

/// What a request needs from the shell besides the recorder.
pub struct Surroundings<'a> {
    pub microphone: &'a dyn Microphone,
    /// The document's recordings folder (a temporary one while it has no file).
    pub recordings: &'a Path,
    /// The microphone chosen, by the sound server's name (the default when `None`).
    pub device: Option<&'a str>,
    /// Whether the person asked for runs to be recorded.
    pub record: bool,
    pub language: Language,
}

impl Recorder {
    /// The snapshot the page draws from. Reading the level resets it, so the meter shows the
    /// loudest sound since the frame before; the check moves on when its time is up.
    pub fn view(&mut self, microphone: &dyn Microphone, now: Instant) -> VoiceView {
        self.advance_check(microphone, now);
        if let Some(player) = &mut self.player
            && player.playing.as_ref().is_some_and(|p| p.is_finished())
        {
            player.playing = None;
            player.at = 0;
        }
        VoiceView {
            devices: self.devices.clone(),
            check: match &self.check {
                None => CheckView::Idle,
                Some(Check::Listening(recording, until, _)) => CheckView::Listening {
                    seconds_left: until.saturating_duration_since(now).as_secs_f64().ceil() as u64,
                    level: recording.level(),
                },
                Some(Check::Playing(_, verdict)) => CheckView::Playing(*verdict),
                Some(Check::Heard(verdict)) => CheckView::Heard(*verdict),
                Some(Check::Silent) => CheckView::Silent,
            },
            recording: self
                .recorded
                .as_ref()
                .map(|r| RecordingView { level: r.recording.level(), problem: r.recording.problem() }),
            player: self.player.as_ref().map(|player| PlayerView {
                file: player.file.clone(),
                length: player.loaded.as_ref().map(|samples| samples.len() as u64).map_err(Clone::clone),
                position: player.playing.as_ref().map_or(player.at, |p| p.position()),
                playing: player.playing.is_some(),
            }),
            problem: self.problem.clone(),
        }
    }

    /// Whether the page must be drawn again soon: a check or playback moving, or a take
    /// being measured.
    pub fn busy(&self) -> bool {
        self.measuring.is_some()
            || matches!(self.check, Some(Check::Listening(..) | Check::Playing(..)))
            || self.player.as_ref().is_some_and(|p| p.playing.is_some())
    }

    /// The figures of the take being measured, once they are there.
    pub fn measured(&mut self) -> Option<Measured> {
        let rx = self.measuring.as_ref()?;
        match rx.try_recv() {
            Ok(measured) => {
                self.measuring = None;
                Some(measured)
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.measuring = None;
                None
            }
        }
    }

    /// Does what the page asked. A finished run's take is returned, for the outcome.
    pub fn apply(&mut self, request: VoiceRequest, around: &Surroundings<'_>) -> Option<OutcomeTake> {
        match request {
            VoiceRequest::LookUpDevices => {
                self.devices = Some(around.microphone.devices().map_err(|e| e.to_string()));
            }
            VoiceRequest::CheckMicrophone { at } => self.start_check(around, at),
            VoiceRequest::Record { pitch, at } => self.record(around, &pitch, at),
            VoiceRequest::Mark { at } => {
                if let Some(recorded) = &mut self.recorded {
                    recorded.marks.push(recorded.recording.position(at));
                }
            }
            VoiceRequest::Finish { script, sections, language, at } => {
                let take = self.finish(around.recordings, script, at)?;
                return Some(OutcomeTake { sections, language, ..take });
            }
            VoiceRequest::Discard => self.discard(),
            VoiceRequest::Forget { file } => {
                let _ = std::fs::remove_file(around.recordings.join(file));
            }
            VoiceRequest::Open { file } => self.open(around, file),
            VoiceRequest::Play { from } => self.play(around.microphone, from),
            // The shell hears takes; these never reach the recorder.
            VoiceRequest::StopHearing
            | VoiceRequest::Hear
            | VoiceRequest::GetModel
            | VoiceRequest::StopGettingModel => {}
            VoiceRequest::Stop => {
                if let Some(player) = &mut self.player
                    && let Some(playing) = player.playing.take()
                {
                    player.at = playing.position();
                }
            }
        }
        None
    }

    /// Starts recording a run of `pitch` when the person asked for it; a recording of an
    /// earlier run still going is thrown away.
    pub fn record(&mut self, around: &Surroundings<'_>, pitch: &str, at: Instant) {
        self.problem = None;
        self.discard();
        if !around.record {
            return;
        }
        let stamp = time::OffsetDateTime::now_utc().unix_timestamp();
        let folder = around.recordings;
        let claimed = claim_take(folder, Stamp(stamp), pitch)
            .map_err(|source| VoiceError::Io { path: folder.to_owned(), source })
            .and_then(|(file, wav, opened)| Ok((file, TakeWriter::claimed(opened, &wav, RATE)?, wav)));
        let (file, writer, wav) = match claimed {
            Ok(claimed) => claimed,
            Err(e) => {
                self.problem = Some(e.to_string());
                return;
            }
        };
        match Recording::start_into(around.microphone, around.device, writer, wav, at) {
            Ok(recording) => self.recorded = Some(Recorded { recording, file, marks: Vec::new() }),
            Err(e) => self.problem = Some(e.to_string()),
        }
    }

    /// Ends the recording with the run; the take is kept and measured on its own thread.
    fn finish(&mut self, recordings: &Path, script: pitchcraft_voice::Script, at: Instant) -> Option<OutcomeTake> {
        let Recorded { recording, file, marks } = self.recorded.take()?;
        // A key press is timed on the clock from when recording was asked for, but the sound
        // server delivers the first sample some time later (opening the stream): the take
        // is shorter than the time that passed by that delay, and every mark is moved back
        // by it, so that a mark falls where the voice was.
        let marks = crate::logic::voice::align_marks(&marks, recording.position(at), recording.samples());
        let samples = recording.samples();
        match recording.finish() {
            Ok(wav) => {
                self.measuring = Some(keep_and_measure(wav, recordings.join(&file), script));
                Some(OutcomeTake {
                    file,
                    marks,
                    samples,
                    measured: None,
                    script,
                    sections: Vec::new(),
                    language: Language::default(),
                    said: None,
                })
            }
            Err(e) => {
                self.problem = Some(e.to_string());
                None
            }
        }
    }

    /// Throws away the recording of a run that is discarded or restarted.
    pub fn discard(&mut self) {
        if let Some(recorded) = self.recorded.take() {
            recorded.recording.discard();
        }
    }

    fn start_check(&mut self, around: &Surroundings<'_>, at: Instant) {
        let wav = std::env::temp_dir().join(format!("pitchcraft-mic-check-{}.wav", std::process::id()));
        let _ = std::fs::remove_file(&wav);
        self.problem = None;
        match Recording::start(around.microphone, around.device, wav.clone(), at) {
            Ok(recording) => self.check = Some(Check::Listening(recording, at + CHECK, wav)),
            Err(e) => self.problem = Some(e.to_string()),
        }
    }

    /// Listening ends after its time and plays back what was heard; playing ends by itself.
    fn advance_check(&mut self, microphone: &dyn Microphone, now: Instant) {
        self.check = match self.check.take() {
            Some(Check::Listening(recording, until, wav)) if now >= until => {
                let heard = recording.finish().ok().and_then(|wav| load_take(&wav).ok());
                let _ = std::fs::remove_file(&wav);
                let judged = heard.and_then(|samples| verdict(&samples, RATE).map(|verdict| (samples, verdict)));
                match judged {
                    Some((samples, verdict)) => match microphone.play(samples, RATE, 0) {
                        Ok(playing) => Some(Check::Playing(playing, verdict)),
                        Err(e) => {
                            self.problem = Some(e.to_string());
                            Some(Check::Heard(verdict))
                        }
                    },
                    None => Some(Check::Silent),
                }
            }
            Some(Check::Playing(playing, verdict)) if playing.is_finished() => Some(Check::Heard(verdict)),
            other => other,
        };
    }

    /// Reads a take for playing, once per take.
    fn open(&mut self, around: &Surroundings<'_>, file: String) {
        if self.player.as_ref().is_some_and(|p| p.file == file) {
            return;
        }
        let path = around.recordings.join(&file);
        let t = |key| tr(around.language, key);
        let loaded = if path.exists() {
            load_take(&path).map_err(|e| fill(t(Tr::VoiceCannotPlay), &[("error", &e)]))
        } else {
            Err(fill(t(Tr::VoiceTakeMissing), &[("file", &file)]))
        };
        self.player = Some(Player { file, loaded, playing: None, at: 0 });
    }

    fn play(&mut self, microphone: &dyn Microphone, from: u64) {
        let Some(player) = &mut self.player else { return };
        let Ok(samples) = &player.loaded else { return };
        let from = from.min(samples.len() as u64);
        player.at = from;
        player.playing = None;
        match microphone.play(samples.clone(), RATE, from as usize) {
            Ok(playing) => player.playing = Some(playing),
            Err(e) => self.problem = Some(e.to_string()),
        }
    }
}
