//! `voice devices`, `voice record`, `voice play` and `voice analyze`: the microphone and the
//! speaker without a window.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use pitchcraft_voice::resample::RATE;
use pitchcraft_voice::take::TakeWriter;
use pitchcraft_voice::{Delivery, analyze as measure, audio, device, text};

use super::{complain, say};
use crate::model::Language;

/// Text files for `--text` larger than this are refused: a pitch is a few hundred words.
const MAX_TEXT_BYTES: u64 = 1024 * 1024;

pub(super) fn devices() -> ExitCode {
    match device::input_devices() {
        Ok(devices) if devices.is_empty() => complain("no input devices"),
        Ok(devices) => {
            for d in devices {
                let mark = if d.is_default { "*" } else { " " };
                let monitor = if d.is_monitor { " (what an output plays)" } else { "" };
                say(format_args!("{mark} {} — {}{monitor}", d.name, d.description));
            }
            ExitCode::SUCCESS
        }
        Err(e) => complain(e),
    }
}

pub(super) fn record(out: &Path, seconds: Option<f64>, device: Option<&str>) -> ExitCode {
    if out.exists() {
        return complain(format_args!(
            "{}: the file exists; choose another name (nothing was overwritten)",
            out.display()
        ));
    }
    if let Some(s) = seconds
        && !(s.is_finite() && s > 0.0)
    {
        return complain("--seconds must be more than 0");
    }
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    // A second handler cannot be set (tests call this once a process); then Ctrl+C just ends it.
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst));
    let (tx, rx) = mpsc::channel::<Vec<i16>>();
    let capture = match device::capture(device, RATE, move |samples| {
        let _ = tx.send(samples.to_vec());
    }) {
        Ok(capture) => capture,
        Err(e) => return complain(e),
    };
    let mut writer = match TakeWriter::create(out, RATE) {
        Ok(writer) => writer,
        Err(e) => return complain(e),
    };
    let limit = seconds.map(|s| (s * f64::from(RATE)).round() as u64);
    let mut last_check = Instant::now();
    let mut failure = None;
    while !stop.load(Ordering::SeqCst) {
        match rx.recv_timeout(Duration::from_millis(100)) {
            Ok(mut samples) => {
                if let Some(limit) = limit {
                    samples.truncate(limit.saturating_sub(writer.samples()) as usize);
                }
                if let Err(e) = writer.write(&samples) {
                    failure = Some(e.to_string());
                    break;
                }
                if limit.is_some_and(|limit| writer.samples() >= limit) {
                    break;
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                failure = Some(pitchcraft_voice::VoiceError::Lost("the sound server went away".into()).to_string());
                break;
            }
        }
        if last_check.elapsed() >= Duration::from_secs(1) {
            last_check = Instant::now();
            if let Err(e) = capture.check() {
                failure = Some(e.to_string());
                break;
            }
        }
    }
    let _ = capture.stop();
    while let Ok(samples) = rx.try_recv() {
        if limit.is_none_or(|limit| writer.samples() < limit) {
            let room = limit.map_or(samples.len(), |l| (l - writer.samples()) as usize);
            let _ = writer.write(&samples[..room.min(samples.len())]);
        }
    }
    let seconds = writer.seconds();
    let finished = writer.finish();
    match (failure, finished) {
        (Some(why), _) => {
            complain(format_args!("{}: what was recorded is kept ({seconds:.1} s heard); {why}", out.display()))
        }
        (None, Err(e)) => complain(e),
        (None, Ok(_)) => {
            say(format_args!("{}: {seconds:.1} s recorded", out.display()));
            ExitCode::SUCCESS
        }
    }
}

/// Plays `path` from `from` seconds to its end on the default output.
pub(super) fn play(path: &Path, from: f64) -> ExitCode {
    if !(from.is_finite() && from >= 0.0) {
        return complain("--from must be 0 or more seconds");
    }
    let audio = match audio::read(path) {
        Ok(audio) => audio,
        Err(e) => return complain(format_args!("{}: {e}", path.display())),
    };
    let samples: std::sync::Arc<[i16]> =
        audio.samples.iter().map(|s| (s.clamp(-1.0, 1.0) * 32_767.0).round() as i16).collect();
    let start = ((from * f64::from(audio.rate)) as usize).min(samples.len());
    let seconds = (samples.len() - start) as f64 / f64::from(audio.rate.max(1));
    let playback = match device::play(samples, audio.rate, start) {
        Ok(playback) => playback,
        Err(e) => return complain(e),
    };
    // Everything handed over, then the sound server is waited for until it has played it.
    while !playback.is_finished() {
        std::thread::sleep(Duration::from_millis(20));
    }
    playback.finish();
    say(format_args!("played {} ({seconds:.1} s)", path.display()));
    ExitCode::SUCCESS
}

pub(super) fn analyze(path: &Path, text_file: Option<&Path>, language: Language, json: bool) -> ExitCode {
    let script = match text_file.map(read_text).transpose() {
        Ok(text) => text.map(|t| text::script(&t, language)),
        Err(message) => return complain(message),
    };
    let delivery = match audio::read(path).and_then(|audio| measure(&audio, script)) {
        Ok(delivery) => delivery,
        Err(e) => return complain(format_args!("{}: {e}", path.display())),
    };
    if json {
        match serde_json::to_string_pretty(&delivery) {
            Ok(text) => say(text),
            Err(e) => return complain(e),
        }
    } else {
        print_text(&delivery);
    }
    ExitCode::SUCCESS
}

pub(super) fn read_text(path: &Path) -> Result<String, String> {
    let fail = |e: std::io::Error| format!("{}: {e}", path.display());
    let size = std::fs::metadata(path).map_err(fail)?.len();
    if size > MAX_TEXT_BYTES {
        return Err(format!("{}: too large for a spoken text ({size} bytes)", path.display()));
    }
    let bytes = std::fs::read(path).map_err(fail)?;
    String::from_utf8(bytes).map_err(|_| format!("{}: not UTF-8 text", path.display()))
}

fn print_text(d: &Delivery) {
    say(format_args!("length: {:.1} s", d.duration_seconds));
    for warning in &d.warnings {
        say(format_args!("note: {warning}"));
    }
    let (Some(start), Some(end)) = (d.speech_start, d.speech_end) else { return };
    say(format_args!("speech: {start:.2} s to {end:.2} s ({:.1} s sounding)", d.speaking_seconds));
    if let (Some(words), Some(wpm)) = (d.words, d.wpm) {
        say(format_args!("rate: {wpm:.0} words a minute ({words} words)"));
    }
    let expected = d.expected_syllables.map(|n| format!(" (the text has about {n})")).unwrap_or_default();
    say(format_args!("syllables heard: {}{expected}", d.syllables));
    say(format_args!("pauses of 0.3 s or more: {}", d.pauses.len()));
    for p in &d.pauses {
        say(format_args!("  {:.2} s – {:.2} s ({:.2} s)", p.start, p.end, p.seconds()));
    }
    if let Some(sd) = d.pitch_sd_semitones {
        say(format_args!("pitch variation: {sd:.1} semitones"));
    }
    if let Some(sd) = d.loudness_sd_db {
        say(format_args!("loudness spread: {sd:.1} dB"));
    }
    say(format_args!("clipped: {:.2} %", d.clipped_fraction * 100.0));
    for f in &d.possible_fillers {
        say(format_args!("possible filled pause: {:.2} s – {:.2} s", f.start, f.end));
    }
}
