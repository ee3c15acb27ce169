//! What the desktop hands the app: several files at start, files dropped on the window,
//! and Help → About with the version and where things live.

use crate::cli;

use std::path::{Path, PathBuf};

use crate::common::{app, name, new_brand_named, sample_copy};
use egui_kittest::kittest::Queryable;
use pitchcraft::app::Launch;
use pitchcraft::model::Language;

/// A file as the window toolkit hands it over when it is dropped.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|error| error.to_string())
    }
}

fn second_document(dir: &Path) -> PathBuf {
    let path = dir.join("jan.brand.ron");
    let status = cli::process().args(["new", path.to_str().unwrap(), "--name", "Jan Bakker"]).status().unwrap();
    assert!(status.success());
    path
}

#[test]
fn of_several_files_the_first_opens_and_the_rest_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let sanne = sample_copy(dir.path());
    let jan = second_document(dir.path());
    let launch = Launch::with_files(vec![sanne.clone(), jan, dir.path().join("notes.txt")], Launch::default());
    let (harness, _) = app(launch);
    assert_eq!(harness.state().session().unwrap().path(), Some(sanne.as_path()));
    let notices: Vec<_> = harness.state().notices().iter().map(|notice| notice.text.clone()).collect();
    assert_eq!(
        notices,
        [
            "Pitchcraft opens one document at a time, so only the first was taken: sanne.brand.ron. Not opened: jan.brand.ron, notes.txt."
        ]
    );
    harness.get_by_label_contains("Not opened: jan.brand.ron");
}

#[test]
fn a_file_dropped_on_the_window_opens() {
    let dir = tempfile::tempdir().unwrap();
    let sanne = sample_copy(dir.path());
    let jan = second_document(dir.path());
    let (mut harness, _) = app(Launch::default());

    // Hovering shows where to let go.
    harness.input_mut().hovered_files.push(egui::HoveredFile { path: Some(sanne.clone()), mime: String::new() });
    harness.run_ok();
    assert!(harness.state().session().is_none());

    harness.input_mut().hovered_files.clear();
    harness.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(sanne.clone())));
    harness.run_ok();
    assert_eq!(name(&harness), "Sanne de Vries");
    assert!(harness.state().notices().is_empty());

    // Two at once: the first opens, the other is named.
    harness.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(jan.clone())));
    harness.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(sanne)));
    harness.run_ok();
    assert_eq!(name(&harness), "Jan Bakker");
    assert_eq!(harness.state().notices().len(), 1);
    assert!(harness.state().notices()[0].text.ends_with("Not opened: sanne.brand.ron."));
}

#[test]
fn dropping_a_file_on_unsaved_work_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let jan = second_document(dir.path());
    let (mut harness, _) = app(Launch::default());
    new_brand_named(&mut harness, "Sanne");
    harness.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(jan)));
    harness.run_ok();
    assert!(harness.state().prompt_is(|prompt| matches!(prompt, pitchcraft::state::Prompt::Unsaved { .. })));
    assert_eq!(name(&harness), "Sanne");
}

#[test]
fn help_about_tells_the_version_the_commit_and_where_things_live() {
    for (language, about, version, this) in [
        (Language::En, "About Pitchcraft", "Version", "This document"),
        (Language::Nl, "Over Pitchcraft", "Versie", "Dit document"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let sanne = sample_copy(dir.path());
        let (mut harness, _) = app(Launch { file: Some(sanne.clone()), language: Some(language), ..Launch::default() });
        harness.get_by_label("Help").click();
        harness.run_ok();
        harness.get_by_label(about).click();
        harness.run_ok();
        let line = format!("{version} {} ({})", pitchcraft::identity::VERSION, pitchcraft::identity::COMMIT);
        harness.get_by_label(&line);
        harness.get_by_label_contains("MIT / Apache-2.0");
        harness.get_by_label(&format!("{this}: {}", sanne.display()));
        let backups = pitchcraft::storage::backup_dir(&sanne);
        harness.get_by_label_contains(&backups.display().to_string());
        harness.get_by_label_contains("settings.ron");
        harness.get_by_label_contains("README");
        harness.get_by_label(if language == Language::En { "Close" } else { "Sluiten" }).click();
        harness.run_ok();
        assert!(harness.state().prompt().is_none());
    }
}

#[test]
fn a_success_fades_after_a_few_seconds_unless_it_is_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let sanne = sample_copy(dir.path());
    let jan = second_document(dir.path());
    let clock = pitchcraft::app::FakeClock::default();
    let launch = Launch { clock: Some(clock.clock()), ..Launch::with_files(vec![sanne, jan], Launch::default()) };
    let (mut harness, _) = app(launch);
    let count = |harness: &egui_kittest::Harness<'_, pitchcraft::app::PitchcraftApp>| harness.state().notices().len();
    assert_eq!(count(&harness), 1);
    // A screen reader says it when it appears, without interrupting.
    let live =
        egui_kittest::kittest::NodeT::accesskit_node(&harness.get_by_label_contains("Not opened: jan.brand.ron"))
            .live();
    assert_eq!(live, egui::accesskit::Live::Polite);

    // Under the pointer it stays, however long the person reads.
    harness.get_by_label_contains("Not opened: jan.brand.ron").hover();
    harness.run_ok();
    for _ in 0..4 {
        clock.advance(std::time::Duration::from_secs(5));
        harness.run_ok();
    }
    assert_eq!(count(&harness), 1, "held while the pointer is on it");
    // Resting there asks for no frame after frame.
    harness.step();
    harness.step();
    assert!(!harness.ctx.requested_repaint_last_pass(), "no redrawing while the pointer rests on a notice");

    // Away from it, it goes after six seconds, not before.
    harness.hover_at(egui::pos2(790.0, 590.0));
    harness.run_ok();
    clock.advance(std::time::Duration::from_secs(5));
    harness.run_ok();
    assert_eq!(count(&harness), 1, "still there after five seconds");
    clock.advance(std::time::Duration::from_secs(2));
    harness.run_ok();
    assert_eq!(count(&harness), 0, "gone after seven");
}

#[test]
fn an_invitation_or_a_contact_list_dropped_on_an_open_document_comes_in() {
    let dir = tempfile::tempdir().unwrap();
    let sanne = sample_copy(dir.path());
    let invite = dir.path().join("uitnodiging.ics");
    std::fs::write(
        &invite,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:inkoopdag-2027@example.org\r\nSUMMARY:Inkoopdag zorg\r\n\
         DTSTART;TZID=Europe/Amsterdam:20270415T100000\r\nLOCATION:Nieuwegein\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    let connections = dir.path().join("Connections.csv");
    std::fs::write(
        &connections,
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nJoost,Mulder,,,Waterschap Rivierenland,Hydroloog,05 Mar 2018\n",
    )
    .unwrap();
    let (mut harness, _) = app(Launch { file: Some(sanne), ..Launch::default() });
    let events = harness.state().session().unwrap().document.events.len();
    harness.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(invite)));
    harness.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(connections)));
    harness.run_ok();
    let document = &harness.state().session().unwrap().document;
    assert_eq!(name(&harness), "Sanne de Vries", "still the same document");
    assert_eq!(document.events.len(), events + 1);
    assert!(document.events.iter().any(|e| e.name == "Inkoopdag zorg" && e.time_zone == "Europe/Amsterdam"));
    assert!(document.people.iter().any(|c| c.name == "Joost Mulder" && c.unsorted));
    let notices: Vec<String> = harness.state().notices().iter().map(|n| n.text.clone()).collect();
    assert!(notices.iter().any(|t| t == "Events from uitnodiging.ics: added 1, updated 0."), "{notices:?}");
    assert!(notices.iter().any(|t| t.starts_with("Contacts from Connections.csv: added 1")), "{notices:?}");
    assert!(harness.query_all_by_value("Inkoopdag zorg").next().is_some(), "the event is shown");
}

#[test]
fn file_import_takes_an_invitation_or_contacts_by_their_name() {
    use pitchcraft::app::Picked;
    let dir = tempfile::tempdir().unwrap();
    let invite = dir.path().join("Inkoopdag.ICS");
    std::fs::write(
        &invite,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:inkoopdag@example.org\r\nSUMMARY:Inkoopdag zorg\r\n\
         DTSTART:20270415T080000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    let cards = dir.path().join("phone.vcf");
    std::fs::write(&cards, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tom Bakker\r\nEND:VCARD\r\n").unwrap();
    let (mut harness, dialogs) = app(Launch { sample: true, ..Launch::default() });
    for (path, label) in [
        (invite, "Import… (contacts, LinkedIn, an invitation)"),
        (cards, "Import… (contacts, LinkedIn, an invitation)"),
    ] {
        dialogs.answer(Picked::Path(path));
        harness.get_by_label("File").click();
        harness.run_ok();
        harness.get_by_label(label).click();
        harness.run_ok();
    }
    let document = &harness.state().session().unwrap().document;
    assert!(document.events.iter().any(|e| e.name == "Inkoopdag zorg" && e.time_zone == "UTC"));
    assert!(document.people.iter().any(|c| c.name == "Tom Bakker"));
}
