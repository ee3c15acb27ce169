//! Drafting: the time from the profile to a finished draft, as the pitch studio's "Draft
//! from my profile" and `pitchcraft draft` make it.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use pitchcraft_core::lang::{Lexicon, language_of};
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
    let priya = include_str!("../tests/fixtures/profiles/priya-raman.brand.ron");
    let (priya, _) = pitchcraft_core::storage::parse_document(priya.as_bytes()).expect("the fixture parses");
    let cios = priya.audience("cios");
    group.bench_function("all-unusual profile 90 s", |b| {
        b.iter(|| draft(black_box(&priya), cios, 90, Language::En, 140.0));
    });
    group.finish();
}

/// The lexicons are read once per run, on first use: what that first use costs.
fn lexicons(c: &mut Criterion) {
    let mut group = c.benchmark_group("lexicon");
    group.bench_function("load Dutch", |b| b.iter(|| Lexicon::load(black_box(Language::Nl))));
    group.bench_function("load English", |b| b.iter(|| Lexicon::load(black_box(Language::En))));
    group.finish();
    let mut group = c.benchmark_group("language");
    // The first call loads the two languages' models; what follows is the cost per field.
    let _ = language_of("warm up the models");
    group.bench_function("detect a 10-word field", |b| {
        b.iter(|| language_of(black_box("Ik help gemeenten om het verzuim te verlagen met teamleiders")))
    });
    group.finish();
}

criterion_group!(benches, drafting, lexicons);
criterion_main!(benches);
