//! PulseAudio (and PipeWire's PulseAudio service) through the `pulseaudio` crate's client,
//! which runs its own reactor thread; the few async calls are waited on here.

use std::ffi::CString;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use futures::executor::block_on;
use pulseaudio::protocol::stream::{BufferAttr, StreamFlags};
use pulseaudio::protocol::{self, ChannelMap, ChannelVolume, SampleFormat, SampleSpec};
use pulseaudio::{AsPlaybackSource, Client, RecordStream};

use super::InputDevice;
use crate::VoiceError;

fn connect() -> Result<Client, VoiceError> {
    Client::from_env(c"Pitchcraft").map_err(|e| VoiceError::NoAudio(e.to_string()))
}

fn lost(e: impl std::fmt::Display) -> VoiceError {
    VoiceError::Lost(e.to_string())
}

fn text(s: &CString) -> String {
    s.to_string_lossy().into_owned()
}

/// Every input, the default first.
pub fn input_devices() -> Result<Vec<InputDevice>, VoiceError> {
    let client = connect()?;
    let default = block_on(client.server_info()).map_err(lost)?.default_source_name.map(|n| text(&n));
    let mut devices: Vec<InputDevice> = block_on(client.list_sources())
        .map_err(lost)?
        .into_iter()
        .map(|source| {
            let name = text(&source.name);
            InputDevice {
                description: source.description.as_ref().map(text).unwrap_or_else(|| name.clone()),
                is_default: default.as_deref() == Some(name.as_str()),
                is_monitor: source.monitor_of_sink_index.is_some(),
                name,
            }
        })
        .collect();
    devices.sort_by_key(|d| (!d.is_default, d.is_monitor));
    Ok(devices)
}

fn mono(rate: u32) -> SampleSpec {
    SampleSpec { format: SampleFormat::S16Le, channels: 1, sample_rate: rate }
}

/// A running capture; its callback gets 16-bit mono samples at the asked rate.
pub struct Capture {
    _client: Client,
    stream: Option<RecordStream>,
    rate: u32,
}

/// Records from `device` (the default when `None`), converted by the server to mono at `rate`.
pub fn capture(
    device: Option<&str>,
    rate: u32,
    mut on_samples: impl FnMut(&[i16]) + Send + 'static,
) -> Result<Capture, VoiceError> {
    let client = connect()?;
    let name = match device {
        Some(name) => CString::new(name).map_err(|_| VoiceError::NoSuchDevice(name.to_owned()))?,
        None => protocol::DEFAULT_SOURCE.to_owned(),
    };
    let source = block_on(client.source_info_by_name(name)).map_err(|e| match device {
        Some(name) => VoiceError::NoSuchDevice(name.to_owned()),
        None => VoiceError::NoAudio(format!("no input device ({e})")),
    })?;
    let params = protocol::RecordStreamParams {
        source_index: Some(source.index),
        sample_spec: mono(rate),
        channel_map: ChannelMap::mono(),
        cvolume: Some(ChannelVolume::norm(1)),
        // Delivered every 100 ms: the level meter moves and little waits in the server.
        // (adjust_latency asks the source itself for that latency, not only the stream.)
        buffer_attr: BufferAttr { fragment_size: rate / 5, ..BufferAttr::default() },
        flags: StreamFlags { adjust_latency: true, ..StreamFlags::default() },
        ..Default::default()
    };
    let mut odd: Option<u8> = None;
    let mut samples = Vec::new();
    let sink = move |bytes: &[u8]| {
        samples.clear();
        let mut bytes = bytes.iter().copied();
        if let Some(low) = odd.take()
            && let Some(high) = bytes.next()
        {
            samples.push(i16::from_le_bytes([low, high]));
        }
        let rest: Vec<u8> = bytes.collect();
        let mut pairs = rest.chunks_exact(2);
        samples.extend(pairs.by_ref().map(|p| i16::from_le_bytes([p[0], p[1]])));
        odd = pairs.remainder().first().copied();
        on_samples(&samples);
    };
    let stream = block_on(client.create_record_stream(params, sink)).map_err(lost)?;
    block_on(stream.started()).map_err(lost)?;
    Ok(Capture { _client: client, stream: Some(stream), rate })
}

impl Capture {
    /// Whether the server still has the stream (a pulled cable or a stopped server ends it).
    pub fn check(&self) -> Result<(), VoiceError> {
        let stream = self.stream.as_ref().ok_or_else(|| lost("stopped"))?;
        block_on(stream.timing_info()).map(|_| ()).map_err(lost)
    }

    /// Takes in what the server still holds, then ends the stream.
    pub fn stop(mut self) -> Result<(), VoiceError> {
        let Some(stream) = self.stream.take() else { return Ok(()) };
        if let Ok(timing) = block_on(stream.timing_info()) {
            let queued = (timing.write_offset - timing.read_offset).max(0) as u64;
            let wait = Duration::from_micros(timing.source_usec)
                + Duration::from_secs_f64(queued as f64 / (2.0 * f64::from(self.rate)));
            std::thread::sleep(wait.min(Duration::from_millis(500)));
        }
        block_on(stream.delete()).map_err(lost)
    }
}

/// Audio being played; `position` is the sample handed to the server last.
pub struct Playback {
    _client: Client,
    stream: Option<pulseaudio::PlaybackStream>,
    position: Arc<AtomicU64>,
    finished: Arc<AtomicBool>,
}

/// Plays 16-bit mono `samples` at `rate` from sample `from` on the default output.
pub fn play(samples: Arc<[i16]>, rate: u32, from: usize) -> Result<Playback, VoiceError> {
    let client = connect()?;
    let position = Arc::new(AtomicU64::new(from as u64));
    let finished = Arc::new(AtomicBool::new(false));
    let (at, done) = (position.clone(), finished.clone());
    let source = move |buf: &mut [u8]| {
        let start = at.load(Ordering::Relaxed) as usize;
        let count = (buf.len() / 2).min(samples.len().saturating_sub(start));
        for (i, s) in samples[start..start + count].iter().enumerate() {
            buf[2 * i..2 * i + 2].copy_from_slice(&s.to_le_bytes());
        }
        at.store((start + count) as u64, Ordering::Relaxed);
        if count == 0 {
            done.store(true, Ordering::Relaxed);
        }
        count * 2
    };
    let params = protocol::PlaybackStreamParams {
        sample_spec: mono(rate),
        channel_map: ChannelMap::mono(),
        cvolume: Some(ChannelVolume::norm(1)),
        sink_name: Some(protocol::DEFAULT_SINK.to_owned()),
        // A fifth of a second ahead: the scrubber follows what is heard.
        buffer_attr: BufferAttr { target_length: rate * 2 / 5, ..BufferAttr::default() },
        // The sink's own latency follows that fifth of a second. Without this a sink that
        // runs with a long buffer (a null sink, a timer-scheduled card: some 2 s) took the
        // 0.2 s queued, played silence for the rest of its period and asked again: 0.2 s of
        // speech every 2 s.
        flags: protocol::stream::StreamFlags { adjust_latency: true, ..Default::default() },
        ..Default::default()
    };
    let stream = block_on(client.create_playback_stream(params, source.as_playback_source())).map_err(lost)?;
    Ok(Playback { _client: client, stream: Some(stream), position, finished })
}

impl Playback {
    pub fn position(&self) -> u64 {
        self.position.load(Ordering::Relaxed)
    }

    pub fn is_finished(&self) -> bool {
        self.finished.load(Ordering::Relaxed)
    }

    pub fn stop(mut self) {
        if let Some(stream) = self.stream.take() {
            let _ = block_on(stream.delete());
        }
    }

    /// Waits until the sound server has played everything handed to it, then ends.
    pub fn finish(mut self) {
        if let Some(stream) = self.stream.take() {
            let _ = block_on(stream.drain());
            let _ = block_on(stream.delete());
        }
    }
}

impl Drop for Playback {
    fn drop(&mut self) {
        if let Some(stream) = self.stream.take() {
            let _ = block_on(stream.delete());
        }
    }
}

impl Drop for Capture {
    fn drop(&mut self) {
        if let Some(stream) = self.stream.take() {
            let _ = block_on(stream.delete());
        }
    }
}
