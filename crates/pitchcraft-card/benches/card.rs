//! The brand card: typesetting plus PDF of the sample (target < 150 ms), the preview raster
//! (target < 100 ms), the worst case, an overfull card that needs fitting, and the sheets of
//! business cards, and the event brief of the sample (target < 150 ms) and of an event with
//! 40 attendees and long texts.
//! `cargo bench --bench card`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use pitchcraft_card::{Brief, BusinessCards, Card};
use pitchcraft_core::model::BrandDocument;

fn sample() -> BrandDocument {
    pitchcraft_core::storage::sample_document().expect("the sample parses")
}

/// The sample with 40 ranked values, 15 strengths and a long headline: the card needs
/// smaller type and several omissions.
fn overfull() -> BrandDocument {
    let mut document = sample();
    document.person.headline = "Operations manager who makes outpatient care calmer and faster. ".repeat(6);
    document.values.ranking =
        pitchcraft_core::i18n::values::deck_ids().into_iter().take(40).map(str::to_owned).collect();
    let strength = document.expertise[0].clone();
    document.expertise.extend(std::iter::repeat_n(strength, 12));
    document
}

fn card(c: &mut Criterion) {
    let sample = sample();
    // The first card also loads the fonts; that happens once per run of the app.
    black_box(Card::of(&sample).expect("the sample typesets"));

    let mut group = c.benchmark_group("card");
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("sample layout + PDF", |b| {
        b.iter(|| {
            let card = Card::of(black_box(&sample)).expect("typesets");
            card.pdf().expect("a PDF").len()
        })
    });
    let typeset = Card::of(&sample).expect("typesets");
    group
        .bench_function("preview raster 2 px/pt", |b| b.iter(|| typeset.raster(black_box(2.0)).expect("a page").width));
    group.bench_function("sample layout + raster (preview refresh)", |b| {
        b.iter(|| Card::of(black_box(&sample)).expect("typesets").raster(2.0).expect("a page").width)
    });
    let overfull = overfull();
    let fitted = Card::of(&overfull).expect("fits");
    eprintln!("overfull card: scale {}, left out {:?}", fitted.scale(), fitted.omitted());
    group.sample_size(10);
    group.bench_function("overfull layout (fitting)", |b| {
        b.iter(|| Card::of(black_box(&overfull)).expect("fits").omitted().len())
    });
    group.bench_function("business cards: fitting + sheets + PDF", |b| {
        b.iter(|| {
            let cards = BusinessCards::make(black_box(&sample), sample.card.paper).expect("fits");
            cards.pdf().expect("a PDF").len()
        })
    });
    let event = sample.events[0].clone();
    group.bench_function("brief: layout + PDF", |b| {
        b.iter(|| {
            let brief = Brief::make(black_box(&sample), &event, sample.card.paper).expect("fits");
            brief.pdf().expect("a PDF").len()
        })
    });
    let mut crowded = event.clone();
    crowded.attendees = (1..=40)
        .map(|n| pitchcraft_core::model::Attendee::ToFindOut(format!("Guest {n} from the regional care network")))
        .collect();
    for meeting in &mut crowded.to_meet {
        meeting.questions =
            (1..=6).map(|n| format!("Question {n}: {}", "what would help you most? ".repeat(3))).collect();
    }
    let fitted = Brief::make(&sample, &crowded, sample.card.paper).expect("fits");
    eprintln!("crowded brief: left out {:?}", fitted.omitted());
    group.bench_function("brief: 40 attendees, long texts (fitting) + PDF", |b| {
        b.iter(|| {
            let brief = Brief::make(black_box(&sample), &crowded, sample.card.paper).expect("fits");
            brief.pdf().expect("a PDF").len()
        })
    });
    group.finish();
}

criterion_group!(benches, card);
criterion_main!(benches);
