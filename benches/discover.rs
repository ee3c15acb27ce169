//! CPU cost of one Discover frame, headless: layout and tessellation of the card sort with
//! 100 cards (all piles on screen) and of Review on the sample (target < 2 ms each).
//! `cargo bench --bench discover`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use pitchcraft::logic::discover::Step;
use pitchcraft::model::{BrandDocument, Language};
use pitchcraft::ui::discover::{DiscoverState, StepContext, ValuesMode, show};

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0))),
        ..Default::default()
    }
}

/// One frame: the view's pass plus tessellation, as the app does for every repaint.
fn frame(ctx: &egui::Context, document: &BrandDocument, step: Step, state: &mut DiscoverState) -> usize {
    let mut out = Vec::new();
    let mut output = ctx.run_ui(input(), |ui| {
        egui::CentralPanel::default().show(ui, |ui| {
            let cx = StepContext {
                document,
                opening: 1,
                language: Language::En,
                state: &mut *state,
                out: &mut out,
                keys: true,
            };
            show(ui, step, cx);
        });
    });
    let primitives = ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
    output.textures_delta.clear();
    primitives.len()
}

/// The sample with 30 values of the person's own added: 100 cards, 80 of them sorted.
fn hundred_cards() -> BrandDocument {
    let mut document = pitchcraft::storage::sample_document().expect("the sample parses");
    for n in 0..30 {
        let id =
            pitchcraft::logic::values::add_custom(&mut document, &format!("Own value {n}"), "Mine.").expect("a name");
        if n < 10 {
            pitchcraft::logic::values::place(&mut document, &id, pitchcraft::model::Pile::Important);
        }
    }
    document
}

fn discover_frames(c: &mut Criterion) {
    let ctx = egui::Context::default();
    pitchcraft::ui::theme::install(&ctx);
    let cards = hundred_cards();
    let sample = pitchcraft::storage::sample_document().expect("the sample parses");

    let mut piles = DiscoverState { values_mode: Some(ValuesMode::Piles), ..Default::default() };
    let mut one_card = DiscoverState { values_mode: Some(ValuesMode::Sort), ..Default::default() };
    let mut review = DiscoverState::default();
    // Warm the font atlas and layout caches as a running app has them.
    for _ in 0..3 {
        frame(&ctx, &cards, Step::Values, &mut piles);
        frame(&ctx, &cards, Step::Values, &mut one_card);
        frame(&ctx, &sample, Step::Review, &mut review);
    }
    c.bench_function("discover_frame/card_sort_100_cards_all_piles", |b| {
        b.iter(|| frame(&ctx, black_box(&cards), Step::Values, &mut piles))
    });
    c.bench_function("discover_frame/card_sort_100_cards_one_at_a_time", |b| {
        b.iter(|| frame(&ctx, black_box(&cards), Step::Values, &mut one_card))
    });
    c.bench_function("discover_frame/review_sample", |b| {
        b.iter(|| frame(&ctx, black_box(&sample), Step::Review, &mut review))
    });
}

criterion_group!(benches, discover_frames);
criterion_main!(benches);
