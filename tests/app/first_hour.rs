//! What a newcomer meets in the first hour: every page reachable and readable at 800 × 600,
//! each page and step keeping its own scroll position, deletions that say so and can be
//! undone on the spot, and every widget with a name for a screen reader (egui_kittest
//! checks that on every frame it runs).

use crate::common;

use crate::common::{app, app_sized};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use pitchcraft::app::{Launch, PitchcraftApp};
use pitchcraft::logic::discover::Step;
use pitchcraft::model::Language;
use pitchcraft::state::{Page, ThemeChoice};

const SMALL: egui::Vec2 = egui::vec2(800.0, 600.0);

fn top_of(harness: &Harness<'_, PitchcraftApp>, label: &str) -> f32 {
    harness.get_by_label(label).rect().top()
}

#[test]
fn the_rehearse_page_scrolls_to_its_charts_and_table_at_800_by_600() {
    let (mut harness, _) = app_sized(Launch { sample: true, page: Some(Page::Rehearse), ..Launch::default() }, SMALL);
    // The oldest attempt of the first pitch is the table's last row.
    let last_row = "Too vague. Nobody would remember this.";
    assert!(top_of(&harness, last_row) > SMALL.y, "below the fold at first");
    harness.get_by_label(last_row).scroll_to_me();
    harness.run_ok();
    let row = harness.get_by_label(last_row).rect();
    assert!(row.top() >= 0.0 && row.bottom() <= SMALL.y, "the last row scrolls into view: {row:?}");
    // Both charts are there, and say what they show.
    for chart in ["Chart of the duration of 3 attempts", "Chart of words a minute over 3 attempts"] {
        let node = harness.get_by_label_contains(chart);
        node.scroll_to_me();
        harness.run_ok();
        let rect = harness.get_by_label_contains(chart).rect();
        assert!(rect.top() >= 0.0 && rect.bottom() <= SMALL.y, "{chart} reachable: {rect:?}");
        assert!(rect.right() <= SMALL.x - 8.0, "{chart} clear of the right edge and its scroll bar: {rect:?}");
    }
    harness.get_by_label(last_row).scroll_to_me();
    harness.run_ok();
    let note = harness.get_by_label(last_row).rect();
    assert!(note.left() >= 0.0 && note.right() <= SMALL.x, "a row's note reachable: {note:?}");
}

#[test]
fn the_history_table_keeps_its_last_columns_at_800_by_600_in_both_languages() {
    for (language, columns) in [(Language::En, ["Confidence", "Note"]), (Language::Nl, ["Zelfvertrouwen", "Notitie"])] {
        let launch = Launch { sample: true, page: Some(Page::Rehearse), language: Some(language), ..Launch::default() };
        let (mut harness, _) = app_sized(launch, SMALL);
        for column in columns {
            harness.get_by_label(column).scroll_to_me();
            harness.run_ok();
            let rect = harness.get_by_label(column).rect();
            assert!(rect.left() >= 0.0 && rect.right() <= SMALL.x, "{column} reachable: {rect:?}");
        }
    }
}

#[test]
fn the_cards_settings_sit_beside_the_page_at_800_by_600() {
    let (mut harness, _) = app_sized(Launch { sample: true, page: Some(Page::Card), ..Launch::default() }, SMALL);
    let alt = "Preview of the brand card";
    common::run_until(&mut harness, |harness| harness.query_by_label(alt).is_some());
    let preview = harness.get_by_label(alt).rect();
    let headline = harness.get_by_label("Headline").rect();
    assert!(preview.left() > headline.right(), "the preview beside the settings: {preview:?}, {headline:?}");
    assert!(preview.height() > 400.0, "the page shown tall enough to read its layout: {preview:?}");
    // Every section's arrows in one column, inside the settings.
    let ups: Vec<egui::Rect> = harness.get_all_by_label_contains("Move up: ").map(|node| node.rect()).collect();
    assert!(ups.len() >= 6, "{} up buttons", ups.len());
    assert!(ups.iter().all(|rect| (rect.left() - ups[0].left()).abs() < 0.5), "arrows in a column: {ups:?}");
    let downs: Vec<egui::Rect> = harness.get_all_by_label_contains("Move down: ").map(|node| node.rect()).collect();
    assert!(downs.iter().all(|rect| rect.right() < preview.left() - 8.0), "the arrows clear of the preview: {downs:?}");
}

#[test]
fn another_documents_steps_open_at_their_top() {
    let (mut harness, _) = app_sized(
        Launch { sample: true, page: Some(Page::Discover), step: Some(Step::Review), ..Launch::default() },
        SMALL,
    );
    let intro = pitchcraft::i18n::tr(Language::En, pitchcraft::i18n::Tr::IntroReview);
    // The sample's Review, scrolled to its end.
    harness.get_all_by_label_contains("Your ask: ").last().expect("an audience's ask in the review").scroll_to_me();
    harness.run_ok();
    assert!(harness.query_by_label(intro).is_none_or(|node| node.rect().top() < 0.0), "scrolled down");
    // A new document: its Review opens at the top, with its "still to do" list in view.
    common::press_command(&mut harness, Key::N);
    assert!(harness.state().session().is_some_and(|s| s.document.person.name.is_empty()), "a new document");
    harness.state_mut().push(pitchcraft::command::Command::SetStep(Step::Review));
    harness.run_ok();
    let top = top_of(&harness, intro);
    assert!(top > 0.0 && top < 250.0, "the new document's step is at its top: {top}");
}

#[test]
fn each_discover_step_keeps_its_own_scroll_position() {
    let (mut harness, _) = app_sized(
        Launch { sample: true, page: Some(Page::Discover), step: Some(Step::Expertise), ..Launch::default() },
        SMALL,
    );
    let bottom = "Add a skill";
    harness.get_by_label(bottom).scroll_to_me();
    harness.run_ok();
    let scrolled = top_of(&harness, bottom);
    assert!(scrolled < SMALL.y, "scrolled to the end of Expertise");

    harness.key_press_modifiers(egui::Modifiers::ALT, Key::ArrowRight);
    harness.run_ok();
    assert_eq!(harness.state().discover_step(), Step::Goals);
    let intro = pitchcraft::i18n::tr(Language::En, pitchcraft::i18n::Tr::IntroGoals);
    let first_visit = top_of(&harness, intro);
    assert!(first_visit > 0.0 && first_visit < 250.0, "Goals opens at its top, not mid-page: {first_visit}");

    harness.key_press_modifiers(egui::Modifiers::ALT, Key::ArrowLeft);
    harness.run_ok();
    assert_eq!(harness.state().discover_step(), Step::Expertise);
    assert!((top_of(&harness, bottom) - scrolled).abs() < 2.0, "Expertise is where it was left");
}

#[test]
fn a_new_pitch_opens_at_its_top() {
    let (mut harness, _) = app_sized(Launch { sample: true, page: Some(Page::Pitches), ..Launch::default() }, SMALL);
    let title_field = |harness: &Harness<'_, PitchcraftApp>| harness.get_by_label("Title").rect();
    let first = title_field(&harness).top();
    // Scroll the first pitch down to its last section.
    let ask = pitchcraft::i18n::tr(Language::En, pitchcraft::i18n::section_key(pitchcraft::model::SectionKind::Ask));
    harness.get_all_by_label(ask).last().unwrap_or_else(|| panic!("no {ask:?}")).scroll_to_me();
    harness.run_ok();
    assert!(title_field(&harness).top() < first - 50.0, "the first pitch scrolled");
    harness.get_by_label("New pitch").click();
    harness.run_ok();
    assert!((title_field(&harness).top() - first).abs() < 2.0, "the new pitch starts at its top");
}

/// The notices about deletions (the sample also opens with a notice of its own).
fn notice_texts(harness: &Harness<'_, PitchcraftApp>) -> Vec<String> {
    harness
        .state()
        .notices()
        .iter()
        .map(|notice| notice.text.clone())
        .filter(|text| text.starts_with("Deleted"))
        .collect()
}

/// Presses the notice's Undo and checks the deleted thing is back and the notice gone.
fn undo_from_notice(harness: &mut Harness<'_, PitchcraftApp>, said: &str, count: impl Fn(&PitchcraftApp) -> usize) {
    let notices = notice_texts(harness);
    assert!(notices.iter().any(|text| text.starts_with(said)), "{said:?} in {notices:?}");
    let before = count(harness.state());
    harness.get_by_label("Undo").click();
    harness.run_ok();
    assert_eq!(count(harness.state()), before + 1, "{said}: undone");
    assert!(notice_texts(harness).iter().all(|text| !text.starts_with(said)), "the notice goes with the undo");
}

#[test]
fn deleting_says_so_at_once_with_an_undo_button() {
    let document = |app: &PitchcraftApp| app.session().unwrap().document.clone();

    let (mut harness, _) = app(Launch { sample: true, page: Some(Page::Notes), ..Launch::default() });
    harness.get_by_label("Delete note").click();
    harness.run_ok();
    undo_from_notice(&mut harness, "Deleted the note “Healthcare summit: who will be there”", |app| {
        document(app).notes.len()
    });

    let (mut harness, _) = app(Launch { sample: true, page: Some(Page::Pitches), ..Launch::default() });
    harness.get_by_label("Delete").click();
    harness.run_ok();
    assert_eq!(document(harness.state()).pitches.len(), 2, "deleted at once, without a question");
    undo_from_notice(&mut harness, "Deleted the pitch “Healthcare summit, 30 seconds”", |app| {
        document(app).pitches.len()
    });

    let (mut harness, _) =
        app(Launch { sample: true, page: Some(Page::Discover), step: Some(Step::Audiences), ..Launch::default() });
    harness.get_all_by_label("Remove audience").next().unwrap().scroll_to_me();
    harness.run_ok();
    harness.get_all_by_label("Remove audience").next().unwrap().click();
    harness.run_ok();
    undo_from_notice(&mut harness, "Deleted the audience “Hospital board members”", |app| {
        document(app).audiences.len()
    });

    let (mut harness, _) = app(Launch { sample: true, page: Some(Page::Rehearse), ..Launch::default() });
    harness.get_all_by_label_contains("Delete this attempt: ").next().unwrap().scroll_to_me();
    harness.run_ok();
    harness.get_all_by_label_contains("Delete this attempt: ").next().unwrap().click();
    harness.run_ok();
    assert_eq!(document(harness.state()).rehearsals.len(), 3);
    undo_from_notice(&mut harness, "Deleted the attempt of 2026-11-26 07:45", |app| document(app).rehearsals.len());
}

#[test]
fn an_edit_after_a_deletion_takes_the_undo_notice_away() {
    let (mut harness, _) = app(Launch { sample: true, page: Some(Page::Notes), ..Launch::default() });
    harness.get_by_label("Delete note").click();
    harness.run_ok();
    assert_eq!(notice_texts(&harness).len(), 1);
    // Its Undo would now undo the new note instead of the deletion: the notice goes.
    harness.get_by_label("New note").click();
    harness.run_ok();
    assert!(notice_texts(&harness).is_empty(), "{:?}", notice_texts(&harness));
}

#[test]
fn a_new_note_does_not_look_like_a_second_new_note_button() {
    let (mut harness, _) = app(Launch { sample: true, page: Some(Page::Notes), ..Launch::default() });
    harness.get_by_label("New note").click();
    harness.run_ok();
    assert_eq!(harness.get_all_by_label("New note").count(), 1, "one button");
    assert!(harness.query_by_label("Untitled note").is_some(), "the new note's tab");
    assert_eq!(harness.state().session().unwrap().document.notes.len(), 3);
}

#[test]
fn every_page_and_step_passes_the_accessibility_check_in_both_themes_and_languages() {
    for theme in [ThemeChoice::Light, ThemeChoice::Dark] {
        for language in [Language::En, Language::Nl] {
            let launch = Launch { sample: true, theme: Some(theme), language: Some(language), ..Launch::default() };
            let (mut harness, _) = app_sized(launch, SMALL);
            // Each run of the harness checks that every widget on screen has a name.
            for page in Page::ALL {
                harness.state_mut().push(pitchcraft::command::Command::GoTo(page));
                harness.run_ok();
            }
            for step in Step::ALL {
                harness.state_mut().push(pitchcraft::command::Command::SetStep(step));
                harness.run_ok();
            }
            let values = pitchcraft::command::Command::SetStep(Step::Values);
            harness.state_mut().push(values);
            harness.run_ok();
            let piles = pitchcraft::i18n::tr(language, pitchcraft::i18n::Tr::ValuesModePiles);
            if harness.query_by_label(piles).is_none() {
                let all: Vec<String> =
                    harness.root().children_recursive().filter_map(|node| node.accesskit_node().label()).collect();
                panic!("{theme:?} {language:?}: no {piles:?} among {all:?}");
            }
            harness.get_by_label(piles).click();
            harness.run_ok();
        }
    }
}

#[test]
fn values_in_dutch_are_in_dutch_dictionary_order() {
    let launch = Launch {
        sample: true,
        page: Some(Page::Discover),
        step: Some(Step::Values),
        language: Some(Language::Nl),
        ..Launch::default()
    };
    let (mut harness, _) = app(launch);
    harness.get_by_label("Alle stapels").click();
    harness.run_ok();
    // The sample's very important values, in Dutch, top to bottom.
    let mut shown = ["Zorg", "Samenwerking", "Nieuwsgierigheid", "Geloof", "Integriteit", "Betrouwbaarheid", "Eenvoud"]
        .map(|name| (top_of(&harness, name), name));
    shown.sort_by(|a, b| a.0.total_cmp(&b.0));
    let order: Vec<&str> = shown.iter().map(|(_, name)| *name).collect();
    assert_eq!(
        order,
        ["Betrouwbaarheid", "Eenvoud", "Geloof", "Integriteit", "Nieuwsgierigheid", "Samenwerking", "Zorg"]
    );
}

#[test]
fn a_cards_remove_button_sits_right_under_its_last_field() {
    for (step, field, remove) in [
        (Step::Goals, "What help from your network would move this goal?", "Remove goal"),
        (Step::Audiences, "Your ask", "Remove audience"),
    ] {
        let (harness, _) =
            app(Launch { sample: true, page: Some(Page::Discover), step: Some(step), ..Launch::default() });
        let field_bottom = harness.get_all_by_label(field).next().unwrap().rect().bottom();
        let remove_top = harness.get_all_by_label(remove).next().unwrap().rect().top();
        let gap = remove_top - field_bottom;
        assert!((0.0..80.0).contains(&gap), "{step:?}: {gap} px between the last field and {remove:?}");
    }
}

#[test]
fn the_card_sort_key_hint_wraps_inside_a_small_window_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ilse.brand.ron");
    let mut document = pitchcraft::model::BrandDocument::default();
    document.person.name = "Ilse Vermeer".into();
    std::fs::write(&path, pitchcraft::storage::to_ron(&document).unwrap()).unwrap();
    for language in [Language::En, Language::Nl] {
        let launch = Launch {
            page: Some(Page::Discover),
            step: Some(Step::Values),
            language: Some(language),
            ..Launch::with_files(vec![path.clone()], Launch::default())
        };
        let (harness, _) = app_sized(launch, SMALL);
        let hint = pitchcraft::i18n::tr(language, pitchcraft::i18n::Tr::CardKeysHelp);
        let rect = harness.get_by_label(hint).rect();
        assert!(rect.right() <= SMALL.x - 8.0, "{language:?}: the key hint ends inside the window: {rect:?}");
    }
}

#[test]
fn the_discover_steps_are_tabs_that_say_their_progress_in_words() {
    for (language, open, other) in [
        (Language::En, "4. Goals, done", "7. Review, 1 still to do"),
        (Language::Nl, "4. Doelen, klaar", "7. Overzicht, nog 1 te doen"),
    ] {
        let launch = Launch {
            sample: true,
            page: Some(Page::Discover),
            step: Some(Step::Goals),
            language: Some(language),
            ..Launch::default()
        };
        let (harness, _) = app(launch);
        let tabs: Vec<_> = harness.get_all_by_role(egui::accesskit::Role::Tab).collect();
        assert_eq!(tabs.len(), 7, "{language:?}");
        let goals = harness.get_by_role_and_label(egui::accesskit::Role::Tab, open);
        assert!(goals.accesskit_node().is_selected() == Some(true), "{language:?}: the open step is selected");
        let review = harness.get_by_role_and_label(egui::accesskit::Role::Tab, other);
        assert!(review.accesskit_node().is_selected() != Some(true), "{language:?}");
    }
}
