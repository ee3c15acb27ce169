//! The delivery analysis of a 90-second take (target: under a second), and keeping it as FLAC.

use criterion::{Criterion, criterion_group, criterion_main};
use pitchcraft_voice::synthetic::{glide, silence};
use pitchcraft_voice::{Audio, Script, analyze};

/// 90 seconds of syllables in phrases of six seconds with pauses, recorded at 48 kHz.
fn take_90s(rate: u32) -> Audio {
    let mut samples = Vec::new();
    while samples.len() < 90 * 16_000 {
        samples.extend(glide(6.0, 110.0, 190.0));
        samples.extend(silence(0.6));
    }
    samples.truncate(90 * 16_000);
    let audio = Audio { rate: 16_000, samples, clipped_fraction: 0.0 };
    if rate == 16_000 {
        return audio;
    }
    // Upsampled so the analysis pays for resampling too, as for a file from elsewhere.
    let samples = pitchcraft_voice::resample::resample(&audio, rate).expect("resampled");
    Audio { rate, samples, clipped_fraction: 0.0 }
}

fn analysis(c: &mut Criterion) {
    let mut group = c.benchmark_group("voice");
    group.sample_size(10);
    let take = take_90s(16_000);
    let script = Some(Script { words: 210, syllables: 320 });
    group.bench_function("analyze a 90 s take (16 kHz)", |b| b.iter(|| analyze(&take, script)));
    let take48 = take_90s(48_000);
    group.bench_function("analyze a 90 s take (48 kHz, resampled)", |b| b.iter(|| analyze(&take48, script)));
    let samples = pitchcraft_voice::take::to_take_samples(&take).expect("samples");
    group.bench_function("encode a 90 s take as FLAC", |b| {
        b.iter(|| pitchcraft_voice::take::encode_take(&samples, 16_000))
    });
    group.finish();
}

criterion_group!(benches, analysis);
criterion_main!(benches);
