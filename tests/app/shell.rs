//! The app shell driven like a person would: clicking labels, typing, pressing shortcuts.

use crate::common::{app, name, new_brand_named, press_command, press_command_shift, sample_copy};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use pitchcraft::app::{Launch, Picked, SaveStatus};
use pitchcraft::i18n::{Tr, tr};
use pitchcraft::model::Language;
use pitchcraft::state::Page;
use pitchcraft::state::Prompt;

#[test]
fn every_page_is_reached_by_clicking_its_label_in_both_languages() {
    for language in Language::ALL {
        let (mut harness, _) = app(Launch { sample: true, language: Some(language), ..Launch::default() });
        for page in Page::ALL.iter().rev() {
            harness.get_by_role_and_label(Role::Button, tr(language, page.title())).click();
            harness.run_ok();
            assert_eq!(harness.state().page(), *page, "{language:?}");
            if *page == Page::Discover {
                // Discover opens its guided path at the first step.
                let first = format!("1. {}", tr(language, Tr::StepAbout));
                assert!(harness.query_by_label_contains(&first).is_some(), "{language:?}");
            } else if *page == Page::Rehearse {
                assert!(harness.query_by_label(tr(language, Tr::StartRehearsal)).is_some(), "{language:?}");
            } else if *page == Page::Network {
                assert!(harness.query_by_label(tr(language, Tr::NetFollowUps)).is_some(), "{language:?}");
            } else if *page == Page::Notes {
                assert!(harness.query_by_label(tr(language, Tr::NewNote)).is_some(), "{language:?}");
            } else if *page == Page::Pitches {
                // The pitch studio opens on the first pitch, with its sections.
                assert!(harness.query_by_label(tr(language, Tr::NewPitch)).is_some(), "{language:?}");
                assert!(harness.query_by_label(tr(language, Tr::SectionHook)).is_some(), "{language:?}");
            } else {
                // The card page shows the card's parts and the preview.
                assert!(harness.query_by_label(tr(language, Tr::CardSectionsLabel)).is_some(), "{language:?}");
            }
        }
    }
}

#[test]
fn the_language_switch_takes_effect_at_once() {
    let (mut harness, _) = app(Launch { sample: true, page: Some(Page::Card), ..Launch::default() });
    harness.get_by_label("View").click();
    harness.run_ok();
    harness.get_by_label("Nederlands").click();
    harness.run_ok();
    assert_eq!(harness.state().language(), Language::Nl);
    assert!(harness.query_by_label("Bestand").is_some());
    assert!(harness.query_by_role_and_label(Role::Button, "Ontdekken").is_some());
}

#[test]
fn new_edit_undo_redo() {
    let (mut harness, _) = app(Launch::default());
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "Start my brand").click();
    harness.run_ok();
    assert!(harness.state().session().is_some());
    assert_eq!(harness.state().page(), Page::Discover);

    harness.get_by_label("Name").click();
    harness.run_ok();
    harness.get_by_label("Name").type_text("Sanne de Vries");
    harness.run_ok();
    assert_eq!(name(&harness), "Sanne de Vries");

    // Typing is one undo step; the shortcut works while the field has focus.
    press_command(&mut harness, egui::Key::Z);
    assert_eq!(name(&harness), "");
    press_command_shift(&mut harness, egui::Key::Z);
    assert_eq!(name(&harness), "Sanne de Vries");
    press_command(&mut harness, egui::Key::Z);
    press_command(&mut harness, egui::Key::Y);
    assert_eq!(name(&harness), "Sanne de Vries");

    // And through the Edit menu.
    harness.get_by_label("Edit").click();
    harness.run_ok();
    harness.get_by_label_contains("Undo").click();
    harness.run_ok();
    assert_eq!(name(&harness), "");
}

#[test]
fn new_on_unsaved_work_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, dialogs) = app(Launch::default());
    new_brand_named(&mut harness, "Sanne");

    // Cancel keeps the work.
    press_command(&mut harness, egui::Key::N);
    assert!(harness.state().prompt_is(|prompt| matches!(prompt, Prompt::Unsaved { .. })));
    harness.get_by_label("Cancel").click();
    harness.run_ok();
    assert!(harness.state().prompt().is_none());
    assert_eq!(name(&harness), "Sanne");

    // Save… asks where, writes the file, then starts the new document.
    let path = dir.path().join("sanne");
    dialogs.answer(Picked::Path(path.clone()));
    press_command(&mut harness, egui::Key::N);
    harness.get_by_label("Save…").click();
    harness.run_ok();
    // Save As runs on the save thread; wait for it.
    harness.state_mut().finish_saves();
    harness.run_ok();
    let saved = dir.path().join("sanne.brand.ron");
    let loaded = pitchcraft::storage::load(&saved).unwrap();
    assert_eq!(loaded.document.person.name, "Sanne");
    assert_eq!(name(&harness), "", "a new, empty document is open");

    // Discard throws the edits away.
    harness.get_by_label("Name").click();
    harness.get_by_label("Name").type_text("Joris");
    harness.run_ok();
    press_command(&mut harness, egui::Key::N);
    harness.get_by_label("Discard changes").click();
    harness.run_ok();
    assert_eq!(name(&harness), "");
    assert_eq!(dialogs.remaining(), 0);
}

#[test]
fn closing_the_window_with_unsaved_work_is_cancelled_and_asks() {
    let (mut harness, _) = app(Launch::default());
    new_brand_named(&mut harness, "Sanne");

    harness.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default().events.push(egui::ViewportEvent::Close);
    harness.step();
    let commands = &harness.output().viewport_output[&egui::ViewportId::ROOT].commands;
    assert!(commands.contains(&egui::ViewportCommand::CancelClose), "{commands:?}");
    assert!(harness.state().prompt_is(|prompt| matches!(prompt, Prompt::Unsaved { .. })));
}

#[test]
fn save_as_then_autosave_after_a_pause() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, dialogs) = app(Launch::default());
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "Start my brand").click();
    harness.run_ok();
    dialogs.answer(Picked::Path(dir.path().join("mine.brand.ron")));
    press_command(&mut harness, egui::Key::S);
    harness.state_mut().finish_saves();
    harness.run_ok();
    let path = dir.path().join("mine.brand.ron");
    assert!(path.exists());
    assert_eq!(harness.state().session().unwrap().status(), SaveStatus::Saved);

    harness.get_by_label("Name").click();
    harness.get_by_label("Name").type_text("Sanne");
    harness.run_ok();
    // Let more than the autosave delay pass, then wait for the save thread.
    for _ in 0..12 {
        harness.step();
    }
    harness.state_mut().finish_saves();
    harness.run_ok();
    assert_eq!(pitchcraft::storage::load(&path).unwrap().document.person.name, "Sanne");
    assert_eq!(harness.state().session().unwrap().status(), SaveStatus::Saved);
}

#[test]
fn ctrl_s_in_the_same_frame_as_a_keystroke_saves_that_keystroke() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_copy(dir.path());
    let (mut harness, _) = app(Launch { file: Some(path.clone()), ..Launch::default() });
    harness.get_by_label("Name").click();
    harness.run_ok();
    // The letter and Ctrl+S arrive in one frame, as when someone types fast (the
    // harness would otherwise give each event its own frame).
    let ctrl = egui::Modifiers::COMMAND;
    let key =
        |pressed| egui::Event::Key { key: egui::Key::S, physical_key: None, pressed, repeat: false, modifiers: ctrl };
    let events = [
        egui::Event::Text("!".into()),
        egui::Event::ModifiersChanged(ctrl),
        key(true),
        key(false),
        egui::Event::ModifiersChanged(egui::Modifiers::NONE),
    ];
    harness.input_mut().events.extend(events);
    harness.step();
    harness.state_mut().finish_saves();
    harness.step();
    assert_eq!(pitchcraft::storage::load(&path).unwrap().document.person.name, "Sanne de Vries!");
    assert_eq!(harness.state().session().unwrap().status(), SaveStatus::Saved, "nothing left unsaved");
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_copy(dir.path());
    let (mut harness, _) = app(Launch { file: Some(path.clone()), ..Launch::default() });

    // Another program edits the file.
    let theirs = pitchcraft::storage::SAMPLE_RON.replace("Sanne de Vries", "Sanne de Vries-Bakker");
    std::fs::write(&path, &theirs).unwrap();

    harness.get_by_label("Name").click();
    harness.get_by_label("Name").type_text(" (mine)");
    harness.run_ok();
    press_command(&mut harness, egui::Key::S);
    harness.state_mut().finish_saves();
    harness.run_ok();
    assert!(harness.state().prompt_is(|prompt| matches!(prompt, Prompt::Conflict { .. })));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs, "their version is untouched");

    harness.get_by_label("Keep mine as a copy").click();
    harness.run_ok();
    let copy = dir.path().join("sanne (my copy).brand.ron");
    assert_eq!(pitchcraft::storage::load(&copy).unwrap().document.person.name, "Sanne de Vries (mine)");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    assert_eq!(harness.state().session().unwrap().path(), Some(copy.as_path()));
}

#[test]
fn a_file_that_fails_to_load_offers_its_backup_and_stays_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_copy(dir.path());
    // Make a backup by formatting once, then damage the file.
    let loaded = pitchcraft::storage::load(&path).unwrap();
    pitchcraft::storage::save(&path, &loaded.document, Some(&loaded.stamp), pitchcraft::storage::BackupPolicy::Always)
        .unwrap();
    std::fs::write(&path, "(format: 1, person: (name: \"Sanne\"").unwrap();
    let damaged = std::fs::read(&path).unwrap();

    let (mut harness, _) = app(Launch { file: Some(path.clone()), ..Launch::default() });
    assert!(harness.state().prompt_is(|prompt| matches!(prompt, Prompt::LoadFailed(_))));
    assert!(harness.query_by_label_contains("sanne.brand.ron:1:").is_some());
    harness.get_by_label("Show details").click();
    harness.run_ok();
    harness.get_by_label("Open newest backup").click();
    harness.run_ok();

    let session = harness.state().session().expect("the backup is open");
    assert_eq!(session.document.person.name, "Sanne de Vries");
    assert_eq!(session.path(), None, "the backup opens untitled, so nothing writes over the damaged file");
    assert_eq!(std::fs::read(&path).unwrap(), damaged);
}

#[test]
fn zoom_and_theme_come_from_the_view_menu_and_shortcuts() {
    let (mut harness, _) = app(Launch { sample: true, ..Launch::default() });
    press_command(&mut harness, egui::Key::Plus);
    press_command(&mut harness, egui::Key::Plus);
    assert!((harness.state().settings().zoom - 1.2).abs() < 1e-6);
    press_command(&mut harness, egui::Key::Num0);
    assert_eq!(harness.state().settings().zoom, 1.0);
    harness.get_by_label("View").click();
    harness.run_ok();
    harness.get_by_label("Dark").click();
    harness.run_ok();
    assert_eq!(harness.state().settings().theme, pitchcraft::state::ThemeChoice::Dark);
    assert_eq!(harness.ctx.theme(), egui::Theme::Dark);
}

#[test]
fn open_through_the_dialog_and_again_from_open_recent() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_copy(dir.path());
    let (mut harness, dialogs) = app(Launch::default());
    dialogs.answer(Picked::Path(path.clone()));
    harness.get_by_role_and_label(Role::Button, "Open a file").click();
    harness.run_ok();
    assert_eq!(harness.state().session().unwrap().path(), Some(path.as_path()));
    assert_eq!(harness.state().settings().recent, [std::fs::canonicalize(&path).unwrap()]);

    // Start something new, then come back through File → Open Recent.
    press_command(&mut harness, egui::Key::N);
    assert_eq!(name(&harness), "");
    harness.get_by_label("File").click();
    harness.run_ok();
    harness.get_by_label("Open Recent").click();
    harness.run_ok();
    harness.get_by_label("sanne.brand.ron").click();
    harness.run_ok();
    assert_eq!(name(&harness), "Sanne de Vries");
}

#[test]
fn the_welcome_cards_are_buttons_that_tab_reaches_and_enter_presses() {
    use egui_kittest::kittest::NodeT;
    for language in Language::ALL {
        let (harness, _) = app(Launch { language: Some(language), ..Launch::default() });
        for key in [Tr::WelcomeStart, Tr::WelcomeSample, Tr::WelcomeOpen] {
            let card = harness.get_by_role_and_label(Role::Button, tr(language, key));
            assert!(card.accesskit_node().description().is_some_and(|d| !d.is_empty()), "{key:?} says what it does");
        }
    }
    let (mut harness, _) = app(Launch::default());
    let focused = |harness: &egui_kittest::Harness<'_, pitchcraft::app::PitchcraftApp>| {
        harness.get_by_role_and_label(Role::Button, "Explore the sample").accesskit_node().is_focused()
    };
    let mut presses = 0;
    while !focused(&harness) {
        assert!(presses < 40, "Tab never reached the sample's card");
        harness.key_press(egui::Key::Tab);
        harness.run_ok();
        presses += 1;
    }
    harness.key_press(egui::Key::Enter);
    harness.run_ok();
    let session = harness.state().session().expect("Enter opened the sample");
    assert_eq!(session.document.person.name, "Sanne de Vries");
}
