//! Made-up signals with known answers, for tests and benchmarks: syllable-like bursts, pitch
//! glides, a held "uh", silence and hiss, at the analysis rate.

use std::f32::consts::PI;

use crate::resample::RATE;

fn samples(seconds: f32) -> usize {
    (seconds * RATE as f32).round() as usize
}

pub fn silence(seconds: f32) -> Vec<f32> {
    vec![0.0; samples(seconds)]
}

/// Hiss of the given amplitude (a fixed seed: the same every time).
pub fn noise(len: usize, amplitude: f32) -> Vec<f32> {
    let mut seed = 0x2545_F491u32;
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            amplitude * ((seed >> 8) as f32 / (1u32 << 23) as f32 - 1.0)
        })
        .collect()
}

/// A voiced sound with four harmonics whose pitch moves from `from` to `to` Hz.
fn voiced(len: usize, from: f32, to: f32, amplitude: f32, envelope: impl Fn(f32) -> f32) -> Vec<f32> {
    let mut phase = 0.0f32;
    (0..len)
        .map(|i| {
            let t = i as f32 / len.max(1) as f32;
            let hz = from * (to / from).powf(t);
            phase = (phase + 2.0 * PI * hz / RATE as f32) % (2.0 * PI);
            let wave: f32 = (1..=4).map(|k| (phase * k as f32).sin() / k as f32).sum();
            amplitude * envelope(t) * wave / 1.6
        })
        .collect()
}

/// Five syllables a second: 0.14 s of vowel and 0.06 s of near silence each.
pub fn syllables(seconds: f32, hz: f32) -> Vec<f32> {
    glide(seconds, hz, hz)
}

/// Syllables whose pitch rises from `from` to `to` and falls back, every two seconds.
pub fn glide(seconds: f32, from: f32, to: f32) -> Vec<f32> {
    let count = (seconds * 5.0).round() as usize;
    let mut out = Vec::with_capacity(samples(seconds));
    for n in 0..count {
        let cycle = (n % 10) as f32 / 10.0;
        let t = if cycle < 0.5 { cycle * 2.0 } else { 2.0 - cycle * 2.0 };
        let hz = from * (to / from).powf(t);
        out.extend(voiced(samples(0.14), hz, hz, 0.5, |t| (PI * t).sin().sqrt()));
        out.extend(noise(samples(0.06), 0.002));
    }
    out
}

/// A held "uh": a steady voiced sound.
pub fn hum(seconds: f32, hz: f32) -> Vec<f32> {
    voiced(samples(seconds), hz, hz, 0.4, |t| (t * 20.0).min(1.0).min((1.0 - t) * 20.0))
}
