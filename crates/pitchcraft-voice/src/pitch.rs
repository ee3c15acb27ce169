//! Fundamental frequency with YIN (de Cheveigné & Kawahara 2002), on the voice's range.

/// The lowest and highest pitch looked for, in Hz: deep voices to raised ones.
pub const MIN_HZ: f32 = 60.0;
pub const MAX_HZ: f32 = 400.0;
/// YIN's threshold on the cumulative mean normalised difference.
const THRESHOLD: f32 = 0.15;

/// A pitch tracker for one sample rate, with its buffers kept between frames.
pub struct Yin {
    rate: f32,
    window: usize,
    tau_min: usize,
    tau_max: usize,
    diff: Vec<f32>,
    norm: Vec<f32>,
}

impl Yin {
    /// A tracker whose window is `window_seconds` long.
    pub fn new(rate: u32, window_seconds: f32) -> Self {
        let rate = rate as f32;
        let tau_max = (rate / MIN_HZ).ceil() as usize;
        Yin {
            rate,
            window: (rate * window_seconds) as usize,
            tau_min: (rate / MAX_HZ).floor().max(2.0) as usize,
            tau_max,
            diff: vec![0.0; tau_max + 2],
            norm: vec![1.0; tau_max + 2],
        }
    }

    /// How many samples a frame needs from its start.
    pub fn span(&self) -> usize {
        self.window + self.tau_max + 1
    }

    /// The pitch of the frame starting at `frame[0]`, or `None` when it is not voiced.
    pub fn pitch(&mut self, frame: &[f32]) -> Option<f32> {
        if frame.len() < self.span() {
            return None;
        }
        let x = &frame[..self.span()];
        let w = self.window;
        // The difference function.
        for tau in 1..=self.tau_max + 1 {
            let (a, b) = (&x[..w], &x[tau..tau + w]);
            self.diff[tau] = a.iter().zip(b).map(|(p, q)| (p - q) * (p - q)).sum();
        }
        // Cumulative mean normalised, then the first dip under the threshold.
        let mut running = 0.0;
        let norm = &mut self.norm;
        for (tau, (n, d)) in norm.iter_mut().zip(&self.diff).enumerate().skip(1) {
            running += d;
            *n = if running > 0.0 { d * tau as f32 / running } else { 1.0 };
        }
        let mut tau = self.tau_min;
        while tau <= self.tau_max {
            if norm[tau] < THRESHOLD {
                while tau < self.tau_max && norm[tau + 1] < norm[tau] {
                    tau += 1;
                }
                // Parabolic interpolation around the dip.
                let (l, c, r) = (norm[tau - 1], norm[tau], norm[tau + 1]);
                let denom = l - 2.0 * c + r;
                let shift = if denom.abs() > f32::EPSILON { 0.5 * (l - r) / denom } else { 0.0 };
                let period = tau as f32 + shift.clamp(-1.0, 1.0);
                let hz = self.rate / period;
                return (MIN_HZ..=MAX_HZ).contains(&hz).then_some(hz);
            }
            tau += 1;
        }
        None
    }
}

/// A pitch in semitones above 100 Hz.
pub fn semitones(hz: f32) -> f32 {
    12.0 * (hz / 100.0).log2()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn voice(rate: u32, hz: f32, len: usize) -> Vec<f32> {
        // A tone with a few harmonics, like a vowel.
        (0..len)
            .map(|i| {
                let t = i as f32 / rate as f32;
                (1..=4).map(|k| (2.0 * std::f32::consts::PI * hz * k as f32 * t).sin() / k as f32).sum()
            })
            .collect()
    }

    #[test]
    fn finds_the_pitch_of_low_and_high_voices() {
        for hz in [75.0, 110.0, 180.0, 260.0, 350.0] {
            let mut yin = Yin::new(8_000, 0.025);
            let found = yin.pitch(&voice(8_000, hz, 2_000)).unwrap();
            assert!((found - hz).abs() / hz < 0.01, "{hz}: {found}");
        }
    }

    #[test]
    fn noise_and_silence_are_not_voiced() {
        let mut yin = Yin::new(8_000, 0.025);
        assert_eq!(yin.pitch(&vec![0.0; 1_000]), None);
        let mut seed = 1u32;
        let noise: Vec<f32> = (0..1_000)
            .map(|_| {
                seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                (seed >> 8) as f32 / (1u32 << 24) as f32 - 0.5
            })
            .collect();
        assert_eq!(yin.pitch(&noise), None);
        assert_eq!(yin.pitch(&[0.1; 10]), None, "a frame too short");
    }

    #[test]
    fn semitones_double_every_twelve() {
        assert!((semitones(200.0) - 12.0).abs() < 1e-5);
        assert!(semitones(100.0).abs() < 1e-6);
    }
}
