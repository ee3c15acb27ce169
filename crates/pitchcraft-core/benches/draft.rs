//! Drafting: the time from the profile to a finished draft, as the pitch studio's "Draft
//! from my profile" and `pitchcraft draft` make it.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use pitchcraft_core::logic::draft::draft;
use pitchcraft_core::model::Language;

fn drafting(c: &mut Criterion) {
    let sample = pitchcraft_core::storage::sample_document().expect("the sample parses");
    let audience = sample.audience("hospital-boards");
    let mut group = c.benchmark_group("draft");
    group.bench_function("sample 90 s (English)", |b| {
        b.iter(|| draft(black_box(&sample), audience, 90, Language::En, 142.0));
    });
    group.bench_function("sample 30 s (English)", |b| {
        b.iter(|| draft(black_box(&sample), audience, 30, Language::En, 142.0));
    });
    let lotte = include_str!("../tests/fixtures/profiles/lotte-de-groot.brand.ron");
    let (lotte, _) = pitchcraft_core::storage::parse_document(lotte.as_bytes()).expect("the fixture parses");
    let wethouders = lotte.audience("wethouders");
    group.bench_function("Dutch profile 90 s", |b| {
        b.iter(|| draft(black_box(&lotte), wethouders, 90, Language::Nl, 140.0));
    });
    group.finish();
}

criterion_group!(benches, drafting);
criterion_main!(benches);
