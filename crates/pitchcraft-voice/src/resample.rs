//! Any sample rate in, the analysis rate out.

use rubato::audioadapter_buffers::direct::InterleavedSlice;
use rubato::{Fft, FixedSync, Resampler};

use crate::{Audio, VoiceError};

/// The rate takes are stored and analysed at: speech needs nothing above 8 kHz.
pub const RATE: u32 = 16_000;

/// The audio's samples at `rate`.
pub fn resample(audio: &Audio, rate: u32) -> Result<Vec<f32>, VoiceError> {
    if audio.rate == rate || audio.samples.is_empty() {
        return Ok(audio.samples.clone());
    }
    let failed = |e: &dyn std::fmt::Display| VoiceError::BrokenWav(format!("cannot resample: {e}"));
    let frames = audio.samples.len();
    let input = InterleavedSlice::new(&audio.samples, 1, frames).map_err(|e| failed(&e))?;
    let mut resampler =
        Fft::<f32>::new(audio.rate as usize, rate as usize, 1024, 1, FixedSync::Both).map_err(|e| failed(&e))?;
    let output = resampler.process_all(&input, frames, None).map_err(|e| failed(&e))?;
    Ok(output.take_data())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tone_keeps_its_length_and_level() {
        let rate = 44_100;
        let samples: Vec<f32> =
            (0..rate).map(|i| 0.5 * (2.0 * std::f32::consts::PI * 200.0 * i as f32 / rate as f32).sin()).collect();
        let audio = Audio { rate: rate as u32, samples, clipped_fraction: 0.0 };
        let out = resample(&audio, RATE).unwrap();
        assert!((out.len() as i64 - 16_000).abs() <= 2, "{}", out.len());
        let peak = out[1_000..15_000].iter().fold(0f32, |m, s| m.max(s.abs()));
        assert!((peak - 0.5).abs() < 0.02, "{peak}");
    }
}
