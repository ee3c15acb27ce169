//! The People list with 5,000 people: the CPU of one frame, idle and while a search is
//! typed (target 4 ms). `cargo bench --bench network`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use pitchcraft::command::Command;
use pitchcraft::model::{BrandDocument, Contact, Language, Network};
use pitchcraft::ui::network::{self, NetworkContext, NetworkState, NetworkTab};

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0))),
        ..Default::default()
    }
}

/// One frame of the page (its pass plus tessellation).
fn frame(ctx: &egui::Context, document: &BrandDocument, state: &mut NetworkState, out: &mut Vec<Command>) {
    let today = "2026-11-28".parse().expect("a date");
    let mut output = ctx.run_ui(input(), |ui| {
        egui::CentralPanel::default().show(ui, |ui| {
            network::show(ui, NetworkContext { document, language: Language::En, today, morning: None, state, out })
        });
    });
    black_box(ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point));
    output.textures_delta.clear();
}

fn people_frames(c: &mut Criterion) {
    let ctx = egui::Context::default();
    pitchcraft::ui::theme::install(&ctx);
    let mut document = pitchcraft::storage::sample_document().expect("the sample parses");
    document.people.extend((0..5_000).map(|n| Contact {
        id: format!("contact-{n}"),
        name: format!("Contact {n} van der Berg"),
        organisation: format!("Ziekenhuis {}", n % 40),
        network: Network::ALL[n % 3],
        ..Contact::default()
    }));
    let mut state = NetworkState::default();
    state.tab = NetworkTab::People;
    let mut out = Vec::new();
    for _ in 0..3 {
        frame(&ctx, &document, &mut state, &mut out);
    }
    c.bench_function("people_frame/5000_people_idle", |b| {
        b.iter(|| {
            frame(&ctx, &document, &mut state, &mut out);
            out.clear();
        })
    });
    let letters = ["z", "zi", "zie", "ziek", "zieken", "ziekenhuis 1"];
    let mut typed = 0;
    c.bench_function("people_frame/5000_people_search_typed", |b| {
        b.iter(|| {
            // A different query each frame: the list is searched again.
            state.filter.search = letters[typed % letters.len()].to_owned();
            typed += 1;
            frame(&ctx, &document, &mut state, &mut out);
            out.clear();
        })
    });
}

criterion_group!(benches, people_frames);
criterion_main!(benches);
