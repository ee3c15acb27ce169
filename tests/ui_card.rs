//! The Card page: the preview is typeset once per change (on its own thread, never per
//! frame), section switches change the card, and export writes a real PDF.

mod common;

use std::time::{Duration, Instant};

use common::app;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pitchcraft::app::{Launch, Picked, PitchcraftApp};
use pitchcraft::model::CardSection;
use pitchcraft::ui::Page;

/// Runs frames until the preview typeset on the worker thread has arrived.
fn wait_for_preview(harness: &mut Harness<'_, PitchcraftApp>) {
    let deadline = Instant::now() + Duration::from_secs(120);
    harness.run_ok();
    while harness.state().card_preview_pending() {
        assert!(Instant::now() < deadline, "the card preview never arrived");
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    harness.run_ok();
}

fn sections(harness: &Harness<'_, PitchcraftApp>) -> Vec<CardSection> {
    harness.state().session().unwrap().document.card.sections.clone()
}

#[test]
fn the_preview_is_typeset_once_per_change_not_per_frame() {
    let (mut harness, _) = app(Launch { sample: true, page: Some(Page::Card), ..Launch::default() });
    wait_for_preview(&mut harness);
    assert_eq!(harness.state().cards_typeset(), 1);
    assert!(harness.query_by_label("Preview of the brand card").is_some(), "the preview is shown");
    assert!(harness.query_by_label("Typesetting the card…").is_none(), "no spinner once it is done");
    for _ in 0..10 {
        harness.step();
    }
    assert_eq!(harness.state().cards_typeset(), 1, "frames without a change typeset nothing");

    assert!(sections(&harness).contains(&CardSection::Strengths));
    harness.get_by_label("Strengths").click();
    harness.step(); // a frame per event of the click; the last one applies the edit
    assert!(!sections(&harness).contains(&CardSection::Strengths), "the switch takes the section off the card");
    harness.step(); // the next frame asks for the new preview and does not wait for it
    assert!(harness.state().card_preview_pending());
    assert!(harness.query_by_label("Typesetting the card…").is_some(), "a spinner says the preview is coming");
    assert!(harness.query_by_label("Preview of the brand card").is_some(), "the old preview stays meanwhile");
    wait_for_preview(&mut harness);
    assert_eq!(harness.state().cards_typeset(), 2, "one change, one typeset");

    harness.get_by_label("US Letter").click();
    wait_for_preview(&mut harness);
    assert_eq!(harness.state().session().unwrap().document.card.paper, pitchcraft::model::Paper::Letter);
    assert_eq!(harness.state().cards_typeset(), 3);
}

#[test]
fn export_pdf_writes_the_card_where_the_user_chose() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sanne.card.pdf");
    let (mut harness, dialogs) = app(Launch { sample: true, page: Some(Page::Card), ..Launch::default() });
    wait_for_preview(&mut harness);
    dialogs.answer(Picked::Path(out.clone()));
    harness.get_by_label("Export PDF…").click();
    harness.run_ok();
    let bytes = std::fs::read(&out).expect("the PDF was written");
    assert!(bytes.starts_with(b"%PDF-"));
    let notices: Vec<String> = harness.state().notices().iter().map(|notice| notice.text.clone()).collect();
    assert!(notices.iter().any(|text| text.contains("The card was saved as")), "{notices:?}");
}
