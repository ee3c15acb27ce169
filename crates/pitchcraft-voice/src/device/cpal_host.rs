//! macOS and Windows: the system's audio through cpal (Core Audio, WASAPI). A cpal stream
//! may not leave the thread that made it, so each lives on a thread of its own until told
//! to stop. Samples are converted here to and from 16-bit mono at the take's rate.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex};

use cpal::traits::{DeviceTrait, HostTrait, StreamTrait};

use super::InputDevice;
use crate::VoiceError;

fn no_audio(e: impl std::fmt::Display) -> VoiceError {
    VoiceError::NoAudio(e.to_string())
}

/// Every input, the default first.
pub fn input_devices() -> Result<Vec<InputDevice>, VoiceError> {
    let host = cpal::default_host();
    let default = host.default_input_device().and_then(|d| d.id().ok()).map(|id| id.to_string());
    let mut devices: Vec<InputDevice> = host
        .input_devices()
        .map_err(no_audio)?
        .filter_map(|device| {
            let name = device.id().ok()?.to_string();
            let description = device.description().map(|d| d.name().to_owned()).unwrap_or_else(|_| name.clone());
            Some(InputDevice {
                is_default: default.as_deref() == Some(name.as_str()),
                is_monitor: false,
                description,
                name,
            })
        })
        .collect();
    devices.sort_by_key(|d| !d.is_default);
    Ok(devices)
}

/// Averages the input over each output sample's span: a box filter that keeps speech and
/// folds little above 8 kHz back, then 16-bit mono.
struct Downsampler {
    channels: usize,
    step: f64,
    phase: f64,
    sum: f64,
    count: u32,
    out: Vec<i16>,
}

impl Downsampler {
    fn new(channels: usize, from: u32, to: u32) -> Self {
        Downsampler {
            channels: channels.max(1),
            step: f64::from(to) / f64::from(from.max(1)),
            phase: 0.0,
            sum: 0.0,
            count: 0,
            out: Vec::new(),
        }
    }

    fn push(&mut self, interleaved: impl Iterator<Item = f32>) -> &[i16] {
        self.out.clear();
        let mut frame = 0.0f64;
        for (i, sample) in interleaved.enumerate() {
            frame += f64::from(sample);
            if (i + 1) % self.channels != 0 {
                continue;
            }
            self.sum += frame / self.channels as f64;
            self.count += 1;
            frame = 0.0;
            self.phase += self.step;
            if self.phase >= 1.0 {
                self.phase -= 1.0;
                let mean = self.sum / f64::from(self.count);
                self.out.push((mean * 32_767.0).round().clamp(-32_768.0, 32_767.0) as i16);
                (self.sum, self.count) = (0.0, 0);
            }
        }
        &self.out
    }
}

/// Runs `build`'s stream on a thread of its own until the returned sender is used or dropped.
fn on_own_thread(
    build: impl FnOnce() -> Result<cpal::Stream, VoiceError> + Send + 'static,
) -> Result<Sender<()>, VoiceError> {
    let (ready_tx, ready_rx) = channel();
    let (stop_tx, stop_rx) = channel::<()>();
    std::thread::spawn(move || {
        let stream = match build().and_then(|s| s.play().map(|()| s).map_err(no_audio)) {
            Ok(stream) => stream,
            Err(e) => {
                let _ = ready_tx.send(Err(e));
                return;
            }
        };
        let _ = ready_tx.send(Ok(()));
        let _ = stop_rx.recv();
        drop(stream);
    });
    ready_rx.recv().map_err(no_audio)??;
    Ok(stop_tx)
}

/// A running capture.
pub struct Capture {
    stop: Option<Sender<()>>,
    failure: Arc<Mutex<Option<String>>>,
}

pub fn capture(
    device: Option<&str>,
    rate: u32,
    mut on_samples: impl FnMut(&[i16]) + Send + 'static,
) -> Result<Capture, VoiceError> {
    let host = cpal::default_host();
    let device = match device {
        Some(name) => {
            let id = name.parse().map_err(|_| VoiceError::NoSuchDevice(name.to_owned()))?;
            host.device_by_id(&id).ok_or_else(|| VoiceError::NoSuchDevice(name.to_owned()))?
        }
        None => host.default_input_device().ok_or_else(|| no_audio("no input device"))?,
    };
    let failure = Arc::new(Mutex::new(None));
    let failed = failure.clone();
    let stop = on_own_thread(move || {
        let config = device.default_input_config().map_err(no_audio)?;
        let format = config.sample_format();
        let config: cpal::StreamConfig = config.into();
        let mut down = Downsampler::new(usize::from(config.channels), config.sample_rate, rate);
        let on_error = move |e: cpal::Error| {
            if let Ok(mut f) = failed.lock() {
                *f = Some(e.to_string());
            }
        };
        let stream = match format {
            cpal::SampleFormat::F32 => device.build_input_stream(
                config,
                move |data: &[f32], _: &_| on_samples(down.push(data.iter().copied())),
                on_error,
                None,
            ),
            cpal::SampleFormat::I16 => device.build_input_stream(
                config,
                move |data: &[i16], _: &_| on_samples(down.push(data.iter().map(|&s| f32::from(s) / 32_768.0))),
                on_error,
                None,
            ),
            cpal::SampleFormat::I32 => device.build_input_stream(
                config,
                move |data: &[i32], _: &_| on_samples(down.push(data.iter().map(|&s| s as f32 / 2_147_483_648.0))),
                on_error,
                None,
            ),
            other => return Err(no_audio(format!("the input's sample format {other} is not supported"))),
        };
        stream.map_err(no_audio)
    })?;
    Ok(Capture { stop: Some(stop), failure })
}

impl Capture {
    pub fn check(&self) -> Result<(), VoiceError> {
        match self.failure.lock().ok().and_then(|f| f.clone()) {
            Some(why) => Err(VoiceError::Lost(why)),
            None => Ok(()),
        }
    }

    pub fn stop(mut self) -> Result<(), VoiceError> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        Ok(())
    }
}

/// Audio being played.
pub struct Playback {
    stop: Option<Sender<()>>,
    position: Arc<AtomicU64>,
    finished: Arc<AtomicBool>,
}

/// Plays 16-bit mono `samples` at `rate` from sample `from` on the default output.
pub fn play(samples: Arc<[i16]>, rate: u32, from: usize) -> Result<Playback, VoiceError> {
    let device = cpal::default_host().default_output_device().ok_or_else(|| no_audio("no output device"))?;
    let position = Arc::new(AtomicU64::new(from as u64));
    let finished = Arc::new(AtomicBool::new(false));
    let (at, done) = (position.clone(), finished.clone());
    let stop = on_own_thread(move || {
        let config: cpal::StreamConfig = device.default_output_config().map_err(no_audio)?.config();
        let channels = usize::from(config.channels.max(1));
        let step = f64::from(rate) / f64::from(config.sample_rate.max(1));
        let mut cursor = at.load(Ordering::Relaxed) as f64;
        let stream = device.build_output_stream(
            config,
            move |out: &mut [f32], _: &_| {
                for frame in out.chunks_mut(channels) {
                    let value = samples.get(cursor as usize).map_or(0.0, |&s| f32::from(s) / 32_768.0);
                    frame.fill(value);
                    cursor += step;
                }
                at.store(cursor as u64, Ordering::Relaxed);
                if cursor as usize >= samples.len() {
                    done.store(true, Ordering::Relaxed);
                }
            },
            |_| {},
            None,
        );
        stream.map_err(no_audio)
    })?;
    Ok(Playback { stop: Some(stop), position, finished })
}

impl Playback {
    pub fn position(&self) -> u64 {
        self.position.load(Ordering::Relaxed)
    }

    pub fn is_finished(&self) -> bool {
        self.finished.load(Ordering::Relaxed)
    }

    pub fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }

    /// Ends playback once the last samples were handed to the device.
    pub fn finish(self) {
        self.stop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stereo_48k_becomes_mono_16k() {
        let mut down = Downsampler::new(2, 48_000, 16_000);
        let input: Vec<f32> = (0..4_800).flat_map(|_| [0.5f32, 0.5]).collect();
        let out = down.push(input.into_iter()).to_vec();
        assert_eq!(out.len(), 1_600);
        assert!(out.iter().all(|&s| (i32::from(s) - 16_384).abs() <= 1));
    }
}
