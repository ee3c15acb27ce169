//! Pitch studio speed: analysis of a 150-word and a 10,000-word text (targets 50 µs and
//! 5 ms), and the CPU of one frame while typing with a 10,000-word text open, in the
//! notes editor and in a pitch section (target 4 ms). `cargo bench --bench pitch`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use pitchcraft::command::Command;
use pitchcraft::logic::analysis::analyze;
use pitchcraft::model::{BrandDocument, Language, Note, SectionKind};
use pitchcraft::ui::notes::{self, NotesState};
use pitchcraft::ui::pitches::{self, PitchContext, PitchesState};

/// A realistic 150-word English pitch, with some fillers.
fn pitch_150() -> String {
    let sentence =
        "Actually, I help hospitals cut waiting times by a third, and we could talk about yours next month? ";
    let words = sentence.split_whitespace().count();
    sentence.repeat(150 / words + 1).split_whitespace().take(150).collect::<Vec<_>>().join(" ")
}

fn words_10k() -> String {
    let paragraph = "Basically we cut the waiting time in the outpatient clinic by 32 percent in three months. \
                     The nurses and planners redesigned the schedule together, and it has held for two years.\n\n";
    let words = paragraph.split_whitespace().count();
    paragraph.repeat(10_000 / words + 1)
}

fn analysis(c: &mut Criterion) {
    let short = pitch_150();
    let long = words_10k();
    assert_eq!(analyze(&short, Language::En, 150.0).words, 150);
    c.bench_function("analysis/150_words", |b| b.iter(|| analyze(black_box(&short), Language::En, 150.0)));
    c.bench_function("analysis/10000_words", |b| b.iter(|| analyze(black_box(&long), Language::En, 150.0)));
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0))),
        ..Default::default()
    }
}

/// One frame of `draw` (the page's pass plus tessellation).
fn frame(ctx: &egui::Context, mut draw: impl FnMut(&mut egui::Ui)) {
    let mut output = ctx.run_ui(input(), |ui| {
        egui::CentralPanel::default().show(ui, |ui| draw(ui));
    });
    black_box(ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point));
    output.textures_delta.clear();
}

fn typing_frames(c: &mut Criterion) {
    let ctx = egui::Context::default();
    pitchcraft::ui::theme::install(&ctx);
    let long = words_10k();

    // Notes: a 10,000-word note, one more letter each frame.
    let mut document = BrandDocument::default();
    document.notes.push(Note { title: "Long".into(), markdown: long.clone() });
    let mut state = NotesState::default();
    let mut out: Vec<Command> = Vec::new();
    for _ in 0..3 {
        frame(&ctx, |ui| notes::show(ui, Language::En, &document, &mut state, &mut out));
    }
    c.bench_function("typing_frame/notes_10000_words", |b| {
        b.iter(|| {
            document.notes[0].markdown.push('x');
            frame(&ctx, |ui| notes::show(ui, Language::En, &document, &mut state, &mut out));
            out.clear();
        })
    });

    // Pitches: the sample with a 10,000-word proof section, one more letter each frame.
    let mut sample = pitchcraft::storage::sample_document().expect("the sample parses");
    let proof = sample.pitches[0].sections.iter_mut().find(|s| s.kind == SectionKind::Proof).expect("a proof");
    proof.text = long;
    let mut state = PitchesState::default();
    for _ in 0..3 {
        frame(&ctx, |ui| {
            pitches::show(
                ui,
                PitchContext { document: &sample, language: Language::En, state: &mut state, out: &mut out },
            )
        });
    }
    c.bench_function("typing_frame/pitch_section_10000_words", |b| {
        b.iter(|| {
            let proof = sample.pitches[0].sections.iter_mut().find(|s| s.kind == SectionKind::Proof).expect("a proof");
            proof.text.push('x');
            frame(&ctx, |ui| {
                pitches::show(
                    ui,
                    PitchContext { document: &sample, language: Language::En, state: &mut state, out: &mut out },
                )
            });
            out.clear();
        })
    });
    c.bench_function("idle_frame/pitch_section_10000_words", |b| {
        b.iter(|| {
            frame(&ctx, |ui| {
                pitches::show(
                    ui,
                    PitchContext { document: &sample, language: Language::En, state: &mut state, out: &mut out },
                )
            });
        })
    });
}

criterion_group!(benches, analysis, typing_frames);
criterion_main!(benches);
