//! Parse and save of a 10 MB brand document (targets: parse < 100 ms, save with fsync
//! < 200 ms, release build). `cargo bench --bench storage`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use pitchcraft_core::model::BrandDocument;
use pitchcraft_core::storage::{self, BackupPolicy};

/// The sample, with its pitches and rehearsals repeated until the file is ~10 MB.
fn ten_megabyte_document() -> (BrandDocument, String) {
    let sample = storage::sample_document().expect("the sample parses");
    let mut document = sample.clone();
    let mut copy = 0;
    loop {
        for pitch in &sample.pitches {
            let mut pitch = pitch.clone();
            pitch.id = format!("{}-{copy}", pitch.id);
            document.pitches.push(pitch);
        }
        for attempt in &sample.rehearsals {
            let mut attempt = attempt.clone();
            attempt.pitch = format!("{}-{copy}", attempt.pitch);
            document.rehearsals.push(attempt);
        }
        copy += 1;
        if copy % 50 == 0 {
            let text = storage::to_ron(&document).expect("serializes");
            if text.len() >= 10_000_000 {
                return (document, text);
            }
        }
    }
}

fn storage_benches(c: &mut Criterion) {
    let (document, text) = ten_megabyte_document();
    eprintln!("document: {:.1} MB, {} pitches", text.len() as f64 / 1e6, document.pitches.len());
    let mut group = c.benchmark_group("storage_10mb");
    group.sample_size(20);
    group.bench_function("parse", |b| b.iter(|| storage::parse_document(black_box(text.as_bytes())).expect("parses")));
    group.bench_function("serialize", |b| b.iter(|| storage::to_ron(black_box(&document)).expect("serializes")));
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.brand.ron");
    group.bench_function("save_with_fsync", |b| {
        b.iter(|| {
            let text = storage::to_ron(black_box(&document)).expect("serializes");
            storage::write_atomically(&path, text.as_bytes()).expect("saves")
        })
    });
    group.bench_function("save_with_fsync_and_backup", |b| {
        b.iter(|| {
            let stamp = storage::DiskStamp::of_path(&path);
            storage::save(&path, &document, stamp.as_ref(), BackupPolicy::Always).expect("saves")
        })
    });
    group.finish();
}

criterion_group!(benches, storage_benches);
criterion_main!(benches);
