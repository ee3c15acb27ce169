//! A rehearsal driven like a person would, with a fake clock: count-in, start, two section
//! marks, finish, rate, keep; then the attempt is in the document and the history table.

use crate::common;

use std::time::Duration;

use crate::common::app;
use egui::Key;
use egui_kittest::kittest::Queryable;
use pitchcraft::app::{FakeClock, Launch};
use pitchcraft::logic::timer::Phase;
use pitchcraft::state::Page;

#[test]
fn rehearse_with_marks_rate_and_keep() {
    let clock = FakeClock::default();
    let (mut harness, _) =
        app(Launch { sample: true, page: Some(Page::Rehearse), clock: Some(clock.clock()), ..Launch::default() });
    let attempts_before = harness.state().session().unwrap().document.rehearsals.len();
    assert!(harness.query_by_label("Attempts: 3").is_some());

    let step = |harness: &mut egui_kittest::Harness<'_, pitchcraft::app::PitchcraftApp>, key: Key| {
        harness.key_press(key);
        harness.run_ok();
    };
    let phase = |harness: &egui_kittest::Harness<'_, pitchcraft::app::PitchcraftApp>, clock: &FakeClock| {
        let mut timer = harness.state().rehearse_state().timer.clone().expect("a timer");
        timer.phase(clock.clock()())
    };

    step(&mut harness, Key::Space);
    assert_eq!(phase(&harness, &clock), Phase::CountIn);
    assert!(harness.query_by_label("3").is_some(), "the count-in shows 3");
    clock.advance(Duration::from_secs(3));
    harness.run_ok();
    assert_eq!(phase(&harness, &clock), Phase::Running);
    assert!(harness.query_by_label("0:00").is_some());

    clock.advance(Duration::from_secs(5));
    step(&mut harness, Key::Space);
    assert!(harness.query_by_label("Section 2 of 5: Who I am").is_some());
    clock.advance(Duration::from_secs(4));
    step(&mut harness, Key::ArrowRight);
    clock.advance(Duration::from_millis(6500));
    harness.run_ok();
    assert!(harness.query_by_label("0:15").is_some(), "the clock follows the fake time");
    step(&mut harness, Key::Enter);

    assert!(harness.query_by_label("How did it go?").is_some());
    harness.get_all_by_label("4").next().expect("clarity 4").click();
    harness.run_ok();
    harness.get_all_by_label("5").nth(1).expect("confidence 5").click();
    harness.run_ok();
    harness.get_by_label("Note to self").click();
    harness.get_by_label("Note to self").type_text("Slower on the proof.");
    harness.run_ok();
    harness.get_by_label("Keep this attempt").click();
    harness.run_ok();

    let document = &harness.state().session().unwrap().document;
    assert_eq!(document.rehearsals.len(), attempts_before + 1);
    let attempt = document.rehearsals.last().unwrap();
    assert_eq!(attempt.pitch, "board-30");
    assert_eq!(attempt.revision, 2);
    assert_eq!(attempt.duration_ms, 15_500);
    assert_eq!(attempt.section_ms, [5000, 4000, 6500]);
    assert_eq!(attempt.words, 76);
    assert_eq!((attempt.clarity, attempt.confidence), (Some(4), Some(5)));
    assert_eq!(attempt.note, "Slower on the proof.");

    // Back on the setup, the history has it.
    assert!(harness.query_by_label("Attempts: 4").is_some());
    assert!(harness.query_by_label("15.5 s").is_some());
    assert!(harness.query_by_label("Slower on the proof.").is_some());
}

#[test]
fn pause_stop_and_discard_keep_nothing() {
    let clock = FakeClock::default();
    let (mut harness, _) =
        app(Launch { sample: true, page: Some(Page::Rehearse), clock: Some(clock.clock()), ..Launch::default() });
    let before = harness.state().session().unwrap().document.rehearsals.clone();
    harness.get_by_label("Timer and teleprompter").click();
    harness.run_ok();
    harness.get_by_label("Count 3-2-1 before the start").click();
    harness.run_ok();
    harness.get_by_label("Start (Space)").click();
    harness.run_ok();
    clock.advance(Duration::from_secs(2));
    harness.key_press(Key::P);
    harness.run_ok();
    clock.advance(Duration::from_secs(60));
    harness.run_ok();
    assert!(harness.query_by_label("0:02").is_some(), "paused time does not count");
    assert!(harness.query_by_label("Paused").is_some());
    harness.key_press(Key::Escape);
    harness.run_ok();
    harness.get_by_label("Discard it").click();
    harness.run_ok();
    assert_eq!(harness.state().session().unwrap().document.rehearsals, before);
    assert!(harness.query_by_label("Start (Space)").is_some());
}

#[test]
fn stop_and_keep_goes_to_the_rating() {
    let clock = FakeClock::default();
    let (mut harness, _) =
        app(Launch { sample: true, page: Some(Page::Rehearse), clock: Some(clock.clock()), ..Launch::default() });
    harness.get_by_label("Start (Space)").click();
    harness.run_ok();
    clock.advance(Duration::from_secs(13));
    harness.run_ok();
    harness.key_press(Key::Escape);
    harness.run_ok();
    // The question has the keyboard as soon as it shows.
    use egui_kittest::kittest::NodeT;
    assert!(harness.get_by_label("Stop and keep it").accesskit_node().is_focused(), "the first answer has focus");
    harness.get_by_label("Stop and keep it").click();
    harness.run_ok();
    assert!(harness.query_by_label("How did it go?").is_some());
    assert!(harness.query_by_label_contains("10.0 s of 30 s").is_some(), "13 s minus the 3 s count-in");
}

#[test]
fn a_clicked_through_run_is_kept_but_left_out_of_the_rate_and_any_run_can_be_put_in_or_out() {
    use pitchcraft::logic::rate::planning_wpm;
    use pitchcraft::model::{Language, RateChoice};
    let clock = FakeClock::default();
    let (mut harness, _) =
        app(Launch { sample: true, page: Some(Page::Rehearse), clock: Some(clock.clock()), ..Launch::default() });
    let rate_before = planning_wpm(&harness.state().session().unwrap().document, Language::En);
    // Start, skip the count-in, and finish after 8 seconds: far faster than anyone speaks.
    harness.key_press(Key::Space);
    harness.run_ok();
    clock.advance(Duration::from_secs(3));
    harness.run_ok();
    clock.advance(Duration::from_secs(8));
    harness.key_press(Key::Enter);
    harness.run_ok();
    assert!(
        harness.query_by_label_contains("faster than anyone speaks").is_some(),
        "the result screen says why the run does not count"
    );
    harness.get_by_label("Keep this attempt").click();
    harness.run_ok();
    let document = &harness.state().session().unwrap().document;
    assert_eq!(document.rehearsals.len(), 5, "kept");
    assert_eq!(planning_wpm(document, Language::En), rate_before, "the rate is not spoiled");

    // The history's switches: the rushed run is off; putting it in by hand counts it.
    // The column header, then one switch per attempt of this pitch, newest first.
    // Each switch is named after its attempt ("In rate: 2026-11-26 07:45").
    let switches: Vec<_> = harness.get_all_by_label_contains("In rate: ").collect();
    assert_eq!(switches.len(), 4, "one per attempt of this pitch");
    switches[0].click();
    harness.run_ok();
    let document = &harness.state().session().unwrap().document;
    assert_eq!(document.rehearsals[4].rate, RateChoice::Include);
    assert!(planning_wpm(document, Language::En) > rate_before, "included by hand, it counts");
    // Undo takes it back.
    common::press_command(&mut harness, Key::Z);
    assert_eq!(harness.state().session().unwrap().document.rehearsals[4].rate, RateChoice::Auto);
    assert_eq!(planning_wpm(&harness.state().session().unwrap().document, Language::En), rate_before);
}
