//! The pitch studio driven like a person would: create a pitch for an audience, draft it,
//! edit a section and watch the feedback, save a revision and compare it.

use crate::common::{app, press_command};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pitchcraft::app::{Launch, PitchcraftApp};
use pitchcraft::logic::draft::word_count;
use pitchcraft::model::{Pitch, SectionKind};
use pitchcraft::state::Page;

fn pitch<'a>(harness: &'a Harness<'_, PitchcraftApp>, title: &str) -> &'a Pitch {
    let document = &harness.state().session().expect("a document").document;
    document.pitches.iter().find(|pitch| pitch.title == title).expect("the pitch exists")
}

fn section(pitch: &Pitch, kind: SectionKind) -> &str {
    pitch.sections.iter().find(|s| s.kind == kind).map_or("", |s| s.text.as_str())
}

fn click(harness: &mut Harness<'_, PitchcraftApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run_ok();
}

/// A new pitch is named after the first audience and its length.
const NEW: &str = "Hospital board members, 30 seconds";

#[test]
fn create_draft_edit_revise_and_compare_a_pitch() {
    let (mut harness, _) = app(Launch { sample: true, page: Some(Page::Pitches), ..Launch::default() });

    // Create a pitch and aim it at the regional peers.
    click(&mut harness, "New pitch");
    assert_eq!(pitch(&harness, NEW).audience, "hospital-boards");
    // The combo says whom the pitch is for.
    harness.get_by_label("For: Hospital board members").click();
    harness.run_ok();
    click(&mut harness, "Operations managers in the region");
    assert_eq!(pitch(&harness, NEW).audience, "regional-peers");

    // Draft it from the profile: every section gets words, the ask is the audience's.
    click(&mut harness, "Draft from my profile");
    let drafted = pitch(&harness, NEW).clone();
    assert!(drafted.sections.iter().all(|s| !s.text.trim().is_empty()));
    assert!(section(&drafted, SectionKind::Ask).contains("quarterly peer group"));
    assert!(harness.query_by_label("Feedback (0)").is_some(), "a drafted pitch has nothing to fix");

    // Edit the hook: the word count and a filler finding follow.
    let hook = section(&drafted, SectionKind::Hook).to_owned();
    // The hook's own count, with its budget: "13 of about 11 words".
    let count_before = format!("{} of about", word_count(&hook));
    assert!(harness.query_all_by_label_contains(&count_before).next().is_some());
    harness.get_by_label("Hook").focus();
    harness.run_ok();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Hook").type_text("Basically, we just cut waiting by a third.");
    harness.run_ok();
    assert_eq!(section(pitch(&harness, NEW), SectionKind::Hook), "Basically, we just cut waiting by a third.");
    assert!(harness.query_all_by_label_contains("9 of about").next().is_some(), "the count updates");
    assert!(harness.query_by_label_contains("\"Basically\" is a filler").is_some());
    assert!(harness.query_by_label_contains("\"just\" is a filler").is_some());

    // Save a revision, change the hook again, and compare.
    click(&mut harness, "Revisions");
    harness.get_by_label("Name").focus();
    harness.run_ok();
    harness.get_by_label("Name").type_text("with fillers");
    harness.run_ok();
    click(&mut harness, "Save revision");
    let revised = pitch(&harness, NEW);
    assert_eq!(revised.revisions.len(), 1);
    assert_eq!(revised.revisions[0].name, "with fillers");

    click(&mut harness, "Sections");
    harness.get_by_label("Hook").focus();
    harness.run_ok();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Hook").type_text("We cut waiting by a third.");
    harness.run_ok();
    click(&mut harness, "Revisions");
    click(&mut harness, "Compare with current");
    let old = pitch(&harness, NEW).revisions[0].clone();
    let old_text = Pitch { sections: old.sections, ..Pitch::default() }.full_text();
    let new_text = pitch(&harness, NEW).full_text();
    let stretches = pitchcraft::logic::diff::word_diff(&old_text, &new_text);
    use pitchcraft::logic::diff::Change;
    assert!(stretches.iter().any(|(change, text)| *change == Change::Removed && text.contains("Basically")));
    for (change, text) in stretches.iter().filter(|(change, _)| *change != Change::Same) {
        assert!(harness.query_by_label(text).is_some(), "{change:?} {text:?} is shown");
    }

    // All of it is undoable.
    for _ in 0..10 {
        press_command(&mut harness, egui::Key::Z);
    }
    let document = &harness.state().session().unwrap().document;
    assert!(document.pitches.iter().all(|pitch| pitch.title != NEW));
}

#[test]
fn redrafting_asks_first_and_keeps_the_old_words() {
    let (mut harness, _) = app(Launch { sample: true, page: Some(Page::Pitches), ..Launch::default() });
    let title = "Healthcare summit, 30 seconds";
    // A change of her own that no revision holds yet.
    harness.get_by_label("The ask").focus();
    harness.run_ok();
    harness.get_by_label("The ask").type_text(" Next Tuesday?");
    harness.run_ok();
    let before = pitch(&harness, title).clone();
    assert!(section(&before, SectionKind::Ask).ends_with("Next Tuesday?"));
    click(&mut harness, "Draft from my profile");
    assert_eq!(pitch(&harness, title).sections, before.sections, "nothing changes before the answer");
    click(&mut harness, "Cancel");
    assert_eq!(pitch(&harness, title).sections, before.sections);
    click(&mut harness, "Draft from my profile");
    click(&mut harness, "Replace with a new draft");
    let after = pitch(&harness, title);
    assert_ne!(after.sections, before.sections);
    let kept = after.revisions.last().expect("the old text is kept");
    assert_eq!(kept.sections, before.sections);
    assert_eq!(kept.name, "Before a new draft");
}

#[test]
fn analysis_is_cached_per_text_version() {
    let (mut harness, _) = app(Launch { sample: true, page: Some(Page::Pitches), ..Launch::default() });
    for _ in 0..20 {
        harness.step();
    }
    let cached = harness.state().pitch_analyses_cached();
    // One analysis of the whole pitch, which the sections share; repainting adds none.
    assert_eq!(cached, 1);
    harness.get_by_label("Hook").focus();
    harness.run_ok();
    harness.get_by_label("Hook").type_text(" Really.");
    harness.run_ok();
    for _ in 0..20 {
        harness.step();
    }
    assert_eq!(harness.state().pitch_analyses_cached(), 2, "one more for the one new version of the text");
}

#[test]
fn feedback_never_says_nothing_to_improve_while_a_section_is_far_over_its_share() {
    let (mut harness, _) = app(Launch { sample: true, page: Some(Page::Pitches), ..Launch::default() });
    click(&mut harness, "Healthcare summit, 30 seconds");
    // A clean, concrete hook that is far too long for a 30-second pitch, told about me.
    harness.get_by_label("Hook").focus();
    harness.run_ok();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Hook").type_text(
        "I mapped the flow. I moved the X-rays. I split the schedule. I trained the planners. I wrote the rules down.",
    );
    harness.run_ok();
    assert!(harness.query_by_label_contains("Nothing to improve").is_none());
    assert!(harness.query_by_label_contains("Hook has").is_some(), "the section over its share is named");
    assert!(harness.query_by_label_contains("You say \"I\"").is_some(), "the I-heavy pitch is named");
}
