//! The model's view of sound: an 80-band log-mel spectrogram of 30 seconds at 16 kHz, made
//! exactly as Whisper was trained on it (a 400-point periodic Hann window every 160
//! samples, reflected at the ends; Slaney-scale triangular filters with Slaney area
//! normalisation; log10, floored 8 below the loudest value, scaled to about −1..1).

use std::sync::Arc;

use realfft::RealFftPlanner;

/// Samples a second.
pub const RATE: u32 = 16_000;
/// Mel bands.
pub const BANDS: usize = 80;
/// Samples in one window: 30 seconds.
pub const WINDOW_SAMPLES: usize = 30 * RATE as usize;
/// Spectrogram frames in one window.
pub const FRAMES: usize = WINDOW_SAMPLES / HOP;
/// Samples between frames: 10 ms.
pub const HOP: usize = 160;
const FFT: usize = 400;
const BINS: usize = FFT / 2 + 1;

/// Makes spectrograms; holds its filters and its FFT plan.
pub struct MelMaker {
    filters: Vec<f32>,
    window: Vec<f32>,
    fft: Arc<dyn realfft::RealToComplex<f32>>,
}

impl Default for MelMaker {
    fn default() -> Self {
        Self::new()
    }
}

impl MelMaker {
    pub fn new() -> Self {
        // Periodic Hann, as torch.hann_window.
        let window = (0..FFT)
            .map(|n| 0.5 - 0.5 * (2.0 * std::f64::consts::PI * n as f64 / FFT as f64).cos())
            .map(|w| w as f32)
            .collect();
        MelMaker { filters: slaney_filters(), window, fft: RealFftPlanner::<f32>::new().plan_fft_forward(FFT) }
    }

    /// The spectrogram of one 30-second window of `samples` (16 kHz mono), cut or filled
    /// with silence to length: `BANDS × FRAMES` values, band by band.
    pub fn window(&self, samples: &[f32]) -> Vec<f32> {
        let mut audio = vec![0f32; WINDOW_SAMPLES];
        let take = samples.len().min(WINDOW_SAMPLES);
        audio[..take].copy_from_slice(&samples[..take]);
        // Reflected by half a window at each end (torch.stft's center=True).
        let pad = FFT / 2;
        let mut padded = Vec::with_capacity(audio.len() + 2 * pad);
        padded.extend((1..=pad).rev().map(|i| audio[i]));
        padded.extend_from_slice(&audio);
        padded.extend((0..pad).map(|i| audio[audio.len() - 2 - i]));

        let mut power = vec![0f32; FRAMES * BINS];
        let mut input = self.fft.make_input_vec();
        let mut output = self.fft.make_output_vec();
        let mut scratch = self.fft.make_scratch_vec();
        for frame in 0..FRAMES {
            let start = frame * HOP;
            for (slot, (sample, weight)) in input.iter_mut().zip(padded[start..start + FFT].iter().zip(&self.window)) {
                *slot = sample * weight;
            }
            // The lengths are the plan's own, so this cannot fail.
            if self.fft.process_with_scratch(&mut input, &mut output, &mut scratch).is_err() {
                continue;
            }
            for (bin, value) in output.iter().enumerate() {
                power[frame * BINS + bin] = value.norm_sqr();
            }
        }
        let mut mel = vec![0f32; BANDS * FRAMES];
        for band in 0..BANDS {
            let filter = &self.filters[band * BINS..(band + 1) * BINS];
            for frame in 0..FRAMES {
                let bins = &power[frame * BINS..(frame + 1) * BINS];
                let energy: f32 = filter.iter().zip(bins).map(|(f, p)| f * p).sum();
                mel[band * FRAMES + frame] = energy.max(1e-10).log10();
            }
        }
        let top = mel.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        for value in &mut mel {
            *value = (value.max(top - 8.0) + 4.0) / 4.0;
        }
        mel
    }
}

fn hz_to_mel(hz: f64) -> f64 {
    let step = 200.0 / 3.0;
    let log_step = 6.4f64.ln() / 27.0;
    if hz < 1000.0 { hz / step } else { 15.0 + (hz / 1000.0).ln() / log_step }
}

fn mel_to_hz(mel: f64) -> f64 {
    let step = 200.0 / 3.0;
    let log_step = 6.4f64.ln() / 27.0;
    if mel < 15.0 { mel * step } else { 1000.0 * (log_step * (mel - 15.0)).exp() }
}

/// librosa.filters.mel(sr=16000, n_fft=400, n_mels=80): `BANDS × BINS`.
fn slaney_filters() -> Vec<f32> {
    let nyquist = f64::from(RATE) / 2.0;
    let fft_hz: Vec<f64> = (0..BINS).map(|bin| bin as f64 * nyquist / (BINS - 1) as f64).collect();
    let top = hz_to_mel(nyquist);
    let edges: Vec<f64> = (0..BANDS + 2).map(|i| mel_to_hz(top * i as f64 / (BANDS + 1) as f64)).collect();
    let mut filters = vec![0f32; BANDS * BINS];
    for band in 0..BANDS {
        let (low, centre, high) = (edges[band], edges[band + 1], edges[band + 2]);
        let area = 2.0 / (high - low);
        for (bin, hz) in fft_hz.iter().enumerate() {
            let rising = (hz - low) / (centre - low);
            let falling = (high - hz) / (high - centre);
            filters[band * BINS + bin] = (rising.min(falling).max(0.0) * area) as f32;
        }
    }
    filters
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tone_lights_the_band_of_its_pitch() {
        let maker = MelMaker::new();
        let tone: Vec<f32> = (0..RATE as usize)
            .map(|n| (2.0 * std::f32::consts::PI * 1000.0 * n as f32 / RATE as f32).sin() * 0.5)
            .collect();
        let mel = maker.window(&tone);
        assert_eq!(mel.len(), BANDS * FRAMES);
        // In the middle of the tone, the loudest band is the one whose centre is nearest 1 kHz.
        let frame = 50;
        let loudest = (0..BANDS).max_by(|a, b| mel[a * FRAMES + frame].total_cmp(&mel[b * FRAMES + frame])).unwrap();
        let top = hz_to_mel(8000.0);
        let centre = |band: usize| mel_to_hz(top * (band + 1) as f64 / (BANDS + 1) as f64);
        let nearest =
            (0..BANDS).min_by(|a, b| (centre(*a) - 1000.0).abs().total_cmp(&(centre(*b) - 1000.0).abs())).unwrap();
        assert!(loudest.abs_diff(nearest) <= 1, "band {loudest}, expected about {nearest}");
        // Values sit in Whisper's range, and silence after the tone is at the floor.
        assert!(mel.iter().all(|v| (-1.5..=1.5).contains(v)));
        let floor = mel.iter().copied().fold(f32::INFINITY, f32::min);
        assert!((mel[10 * FRAMES + 2000] - floor).abs() < 1e-6);
    }

    #[test]
    fn the_scale_turns_back() {
        for hz in [0.0, 200.0, 999.0, 1000.0, 4000.0, 8000.0] {
            assert!((mel_to_hz(hz_to_mel(hz)) - hz).abs() < 1e-6);
        }
    }
}
