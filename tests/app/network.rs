//! The Network page: follow-ups and who is due, people with a conversation log, and the
//! quick capture after an event. The sample's dates follow the day it is opened, so these
//! hold on any day.

use crate::common;

use crate::common::app;
use egui_kittest::kittest::{NodeT, Queryable};
use pitchcraft::app::Launch;
use pitchcraft::model::Network;
use pitchcraft::state::Page;

/// Scrolls a field into view, focuses it by a click and types into it.
fn type_into(harness: &mut egui_kittest::Harness<'static, pitchcraft::app::PitchcraftApp>, label: &str, text: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run_ok();
    harness.get_by_label(label).click();
    harness.run_ok();
    harness.get_by_label(label).type_text(text);
    harness.run_ok();
}

fn click(harness: &mut egui_kittest::Harness<'static, pitchcraft::app::PitchcraftApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run_ok();
    harness.get_by_label(label).click();
    harness.run_ok();
}

fn network_page() -> egui_kittest::Harness<'static, pitchcraft::app::PitchcraftApp> {
    let (harness, _) = app(Launch { sample: true, page: Some(Page::Network), ..Launch::default() });
    harness
}

#[test]
fn today_shows_what_is_late_and_who_is_due_and_a_follow_up_can_be_ticked_off() {
    let mut harness = network_page();
    assert!(harness.query_by_label_contains("overdue since").is_some());
    for group in ["Overdue", "This week", "Later"] {
        assert!(harness.query_by_label(group).is_some(), "{group}");
    }
    assert!(harness.query_by_label_contains("100 days since you last spoke (too long)").is_some());
    assert!(harness.query_by_label_contains("Most of your conversations this quarter").is_some());
    let chart = "Chart: operational 2 people and 2 conversations, personal 2 and 1, strategic 2 and 0.";
    assert!(harness.query_by_label(chart).is_some(), "the balance chart says its figures");
    harness.get_by_label("Send Daan the orthopaedics figures on emergency slots").click();
    harness.run_ok();
    let document = &harness.state().session().unwrap().document;
    let follow_up = document.follow_ups.iter().find(|f| f.text.starts_with("Send Daan")).unwrap();
    assert!(follow_up.done);
    assert!(harness.query_by_label("Send Daan the orthopaedics figures on emergency slots").is_none());
    assert!(harness.state().session().unwrap().is_dirty());
}

#[test]
fn a_new_strategic_contact_is_asked_which_goal_it_serves_and_a_conversation_is_logged() {
    let mut harness = network_page();
    harness.get_by_label("People").click();
    harness.run_ok();
    harness.get_by_label("Add a person").click();
    harness.run_ok();
    harness.get_by_label("Name").click();
    harness.run_ok();
    harness.get_by_label("Name").type_text("Lina Haddad");
    harness.run_ok();
    assert!(harness.query_by_label("Which goal does this relationship serve?").is_none());
    harness.get_by_label("strategic").click();
    harness.run_ok();
    assert!(harness.query_by_label("Which goal does this relationship serve?").is_some());
    harness.get_by_label_contains("Become director of operations").scroll_to_me();
    harness.run_ok();
    harness.get_by_label_contains("Become director of operations").click();
    harness.run_ok();

    type_into(&mut harness, "What did you talk about?", "Regional waiting lists");
    type_into(&mut harness, "Next step (due in two days)", "Send Lina the summary");
    click(&mut harness, "Log today's conversation");

    let document = &harness.state().session().unwrap().document;
    let lina = document.people.iter().find(|contact| contact.name == "Lina Haddad").unwrap();
    assert_eq!(lina.network, Network::Strategic);
    assert_eq!(lina.goals, ["goal-2"]);
    let encounter = document.encounters.last().unwrap();
    assert_eq!(encounter.people, std::slice::from_ref(&lina.id));
    assert_eq!(encounter.said, "Regional waiting lists");
    let follow_up = document.follow_ups.last().unwrap();
    assert_eq!(follow_up.text, "Send Lina the summary");
    assert_eq!(follow_up.due, encounter.date.map(|day| day + chrono::Days::new(2)));
    assert!(harness.query_by_label_contains("Last contact:").is_some(), "the clock restarted");
}

#[test]
fn the_quick_capture_after_an_event_creates_people_encounters_and_follow_ups() {
    let mut harness = network_page();
    harness.get_by_label("Events").click();
    harness.run_ok();
    assert!(harness.query_by_label_contains("Healthcare summit ·").is_some());
    let before = harness.state().session().unwrap().document.people.len();
    let field = "One line each: Name, organisation — what we talked about";
    type_into(&mut harness, field, "Marieke Jansen — the board's agenda\nTom Bakker, Isala — rosters");
    click(&mut harness, "Add these conversations");
    let document = &harness.state().session().unwrap().document;
    assert_eq!(document.people.len(), before + 1, "Marieke is known; Tom is new");
    let tom = document.people.iter().find(|contact| contact.name == "Tom Bakker").unwrap();
    assert_eq!(tom.organisation, "Isala");
    let at_event: Vec<_> =
        document.encounters.iter().filter(|e| e.event.as_deref() == Some("healthcare-summit")).collect();
    assert_eq!(at_event.len(), 2);
    assert!(document.follow_ups.iter().any(|f| f.person.as_deref() == Some(tom.id.as_str())));
    assert!(harness.query_by_label_contains("Added one new person, linked one known person").is_some());
}

#[test]
fn the_page_speaks_dutch() {
    let (mut harness, _) = app(Launch {
        sample: true,
        page: Some(Page::Network),
        language: Some(pitchcraft::model::Language::Nl),
        ..Launch::default()
    });
    harness.run_ok();
    assert!(harness.query_by_label("Vervolgacties").is_some());
    assert!(harness.query_by_label("Tijd om contact op te nemen").is_some());
    harness.get_by_label("Mensen").click();
    harness.run_ok();
    assert!(harness.query_by_label("Persoon toevoegen").is_some());
}

#[test]
fn an_event_gets_a_person_to_meet_with_an_objective_and_a_pitch_and_its_brief_opens() {
    let (viewer, opened) = common::recording_viewer();
    let (mut harness, _) =
        app(Launch { sample: true, page: Some(Page::Network), open_pdf: Some(viewer), ..Launch::default() });
    click(&mut harness, "Events");
    let meetings = |harness: &egui_kittest::Harness<'static, pitchcraft::app::PitchcraftApp>| {
        harness.state().session().unwrap().document.events[0].to_meet.clone()
    };
    assert_eq!(meetings(&harness).len(), 3);
    click(&mut harness, "Add someone to meet");
    assert_eq!(meetings(&harness).len(), 4);
    // The new one's choices: whom, then the pitch. Each "Who" says whom it holds (a combo
    // box has no value for a screen reader, so its name carries it).
    let who = harness.get_all_by_label_contains("Who: ").count();
    assert_eq!(who, 4);
    assert!(harness.query_by_label("Who: Choose a person").is_some(), "the new one holds nobody yet");
    harness.get_all_by_label_contains("Who: ").last().unwrap().scroll_to_me();
    harness.run_ok();
    harness.get_all_by_label_contains("Who: ").last().unwrap().click();
    harness.run_ok();
    harness.get_by_label("Joris Kramer").click();
    harness.run_ok();
    let objective = harness.get_all_by_label("What you want from the conversation").last().unwrap().rect();
    harness.get_all_by_label("What you want from the conversation").last().unwrap().click();
    harness.run_ok();
    harness.get_all_by_label("What you want from the conversation").last().unwrap().type_text("Ask for feedback");
    harness.run_ok();
    assert!(objective.height() > 0.0);
    harness.get_all_by_label_contains("Pitch to use: ").last().unwrap().click();
    harness.run_ok();
    harness.get_by_label("Healthcare summit, 30 seconds (Hospital board members)").click();
    harness.run_ok();
    let added = meetings(&harness)[3].clone();
    assert_eq!(added.who, Some(pitchcraft::model::Attendee::Contact("joris-kramer".into())));
    assert_eq!(added.objective, "Ask for feedback");
    assert_eq!(added.pitch.as_deref(), Some("board-30"));

    click(&mut harness, "Open the event brief (PDF)");
    common::run_until(&mut harness, |harness| !harness.state().notices().is_empty());
    let notices: Vec<String> = harness.state().notices().iter().map(|notice| notice.text.clone()).collect();
    assert!(notices.iter().any(|text| text.contains("event brief opened in your PDF viewer")), "{notices:?}");
    assert!(opened.lock().unwrap()[0].starts_with(b"%PDF-"), "the viewer got the brief");
}

#[test]
fn a_person_gets_an_introducer_and_shows_their_conversations() {
    let mut harness = network_page();
    click(&mut harness, "People");
    click(&mut harness, "Daan Visser");
    // The combo says what it holds: "Introduced by: Met on my own".
    harness.get_by_label_contains("Introduced by: ").click();
    harness.run_ok();
    harness.get_all_by_label("Fatima El Amrani").last().unwrap().click();
    harness.run_ok();
    let daan = |harness: &egui_kittest::Harness<'static, pitchcraft::app::PitchcraftApp>| {
        harness.state().session().unwrap().document.contact("daan-visser").unwrap().clone()
    };
    assert_eq!(daan(&harness).introduced_by.as_deref(), Some("fatima-el-amrani"));
    assert_eq!(daan(&harness).keep_in_touch, None, "the network's default until changed");
    assert!(harness.query_by_label_contains("His doubts about fixed blocks").is_some(), "the history shows");

    // A next step with a day of its own; a day that is no date holds the button back.
    type_into(&mut harness, "Next step (due in two days)", "Send Daan the pilot plan");
    type_into(&mut harness, "Due (YYYY-MM-DD; empty: in two days)", "next Friday");
    assert!(harness.query_by_label("Write the day as 2026-12-03.").is_some());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Due (YYYY-MM-DD; empty: in two days)").type_text("2027-01-15");
    harness.run_ok();
    click(&mut harness, "Log today's conversation");
    let document = &harness.state().session().unwrap().document;
    let follow_up = document.follow_ups.last().unwrap();
    assert_eq!(follow_up.text, "Send Daan the pilot plan");
    assert_eq!(follow_up.due, Some("2027-01-15".parse().unwrap()));
    assert_eq!(follow_up.person.as_deref(), Some("daan-visser"));
}

#[test]
fn contacts_import_from_a_vcard_file_as_one_undoable_edit_and_people_and_calendar_export() {
    use pitchcraft::app::Picked;
    let dir = tempfile::tempdir().unwrap();
    let cards = dir.path().join("phone.vcf");
    std::fs::write(
        &cards,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tom Bakker\r\nEMAIL:tom@example.org\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Marieke Jansen\r\nEMAIL:m.jansen@example.org\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let (mut harness, dialogs) = app(Launch { sample: true, page: Some(Page::Network), ..Launch::default() });
    click(&mut harness, "People");
    let people = |harness: &egui_kittest::Harness<'static, pitchcraft::app::PitchcraftApp>| {
        harness.state().session().unwrap().document.people.len()
    };
    let before = people(&harness);
    dialogs.answer(Picked::Path(cards));
    click(&mut harness, "Import contacts (vCard, CSV)…");
    assert_eq!(people(&harness), before + 1, "Tom is new; Marieke is known by e-mail");
    let notices: Vec<String> = harness.state().notices().iter().map(|notice| notice.text.clone()).collect();
    assert!(notices.iter().any(|text| text.contains("phone.vcf: added 1, updated 0, skipped 1")), "{notices:?}");
    common::press_command(&mut harness, egui::Key::Z);
    assert_eq!(people(&harness), before, "one Undo takes the import back");

    let vcf = dir.path().join("people.vcf");
    dialogs.answer(Picked::Path(vcf.clone()));
    click(&mut harness, "Export people (vCard)…");
    let written = std::fs::read_to_string(&vcf).unwrap();
    assert_eq!(written.matches("BEGIN:VCARD").count(), before);

    // Without a file dialog the app asks for the path itself.
    click(&mut harness, "Today");
    dialogs.answer(Picked::Unavailable);
    click(&mut harness, "Add to calendar (.ics)…");
    let ics = dir.path().join("sanne.ics");
    harness.get_by_role(egui::accesskit::Role::TextInput).focus();
    harness.run_ok();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_role(egui::accesskit::Role::TextInput).type_text(&ics.display().to_string());
    harness.run_ok();
    harness.get_by_label("Export").click();
    harness.run_ok();
    let calendar = std::fs::read_to_string(&ics).unwrap();
    assert!(calendar.contains("BEGIN:VTODO") && calendar.contains("BEGIN:VEVENT"), "{calendar}");
}

#[test]
fn the_people_list_is_searched_and_filtered() {
    let mut harness = network_page();
    click(&mut harness, "People");
    assert!(harness.query_by_label("6 of 6").is_some());
    harness.get_by_label("Search people").click();
    harness.run_ok();
    harness.get_by_label("Search people").type_text("isala");
    harness.run_ok();
    assert!(harness.query_by_label("1 of 6").is_some());
    assert!(harness.query_by_label("Pieter Bakker").is_some());
    assert!(harness.query_by_label("Daan Visser").is_none());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    harness.run_ok();
    click(&mut harness, "only who is due for contact");
    assert!(harness.query_by_label("2 of 6").is_some(), "Joris and Pieter are due");
}

#[test]
fn questions_to_ask_take_a_new_line_for_each_question() {
    let mut harness = network_page();
    click(&mut harness, "Events");
    let field = "Questions to ask (one a line)";
    harness.get_all_by_label(field).next().unwrap().scroll_to_me();
    harness.run_ok();
    harness.get_all_by_label(field).next().unwrap().click();
    harness.run_ok();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run_ok();
    harness.get_all_by_label(field).next().unwrap().type_text("How do you plan?");
    harness.run_ok();
    harness.key_press(egui::Key::Enter);
    harness.run_ok();
    harness.get_all_by_label(field).next().unwrap().type_text("Who decides?");
    harness.run_ok();
    let questions = harness.state().session().unwrap().document.events[0].to_meet[0].questions.clone();
    assert_eq!(questions, ["How do you plan?", "Who decides?"]);
}

#[test]
fn with_nobody_in_the_network_it_does_not_say_everyone_heard_from_you() {
    let (mut harness, _) = app(Launch { page: Some(Page::Network), ..Launch::default() });
    common::press_command(&mut harness, egui::Key::N);
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "Network").click();
    harness.run_ok();
    assert!(harness.query_by_label("Everyone has heard from you recently.").is_none());
    assert!(
        harness.query_all_by_label("No people yet. Add the people you want to stay in touch with.").next().is_some()
    );
}

#[test]
fn linkedin_connections_are_sorted_into_a_network_in_bulk_as_one_undoable_step() {
    use pitchcraft::app::Picked;
    let dir = tempfile::tempdir().unwrap();
    let connections = dir.path().join("Connections.csv");
    std::fs::write(
        &connections,
        "Notes:\n\"Some e-mail addresses may be missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
         Joost,Mulder,https://www.linkedin.com/in/joost-mulder,,Waterschap Rivierenland,Hydroloog,05 Mar 2018\n\
         Ilse,Bakker,https://www.linkedin.com/in/ilsebakker,,Gemeente Tiel,Beleidsadviseur,12 Jun 2024\n\
         Ruben,Smits,https://www.linkedin.com/in/rubensmits,,Provincie Gelderland,Programmamanager,30 Sep 2025\n",
    )
    .unwrap();
    let (mut harness, dialogs) = app(Launch { sample: true, page: Some(Page::Network), ..Launch::default() });
    click(&mut harness, "People");
    dialogs.answer(Picked::Path(connections));
    click(&mut harness, "Import contacts (vCard, CSV)…");
    assert!(harness.query_by_label_contains("3 people not in a network yet").is_some());
    let unsorted = |harness: &egui_kittest::Harness<'static, pitchcraft::app::PitchcraftApp>| {
        harness.state().session().unwrap().document.people.iter().filter(|c| c.unsorted).count()
    };
    assert_eq!(unsorted(&harness), 3);
    // Nothing ticked: nothing to put anywhere.
    assert!(harness.get_by_label("Put the ticked in the network: strategic").accesskit_node().is_disabled());
    click(&mut harness, "Joost Mulder — Hydroloog, Waterschap Rivierenland");
    click(&mut harness, "Ilse Bakker — Beleidsadviseur, Gemeente Tiel");
    assert!(harness.query_by_label("Put the 2 ticked in:").is_some());
    click(&mut harness, "Put the ticked in the network: strategic");
    let document = harness.state().session().unwrap().document.clone();
    let network_of = |name: &str| {
        let contact = document.people.iter().find(|c| c.name == name).unwrap();
        contact.sorted_network()
    };
    assert_eq!(network_of("Joost Mulder"), Some(pitchcraft::model::Network::Strategic));
    assert_eq!(network_of("Ilse Bakker"), Some(pitchcraft::model::Network::Strategic));
    assert_eq!(network_of("Ruben Smits"), None);
    assert!(harness.query_by_label_contains("1 people not in a network yet").is_some());
    // The rest, all at once; then the review is gone.
    click(&mut harness, "Tick all");
    click(&mut harness, "Put the ticked in the network: operational");
    assert_eq!(unsorted(&harness), 0);
    assert!(harness.query_by_label_contains("not in a network yet").is_none());
    // Each sorting is one undo step.
    common::press_command(&mut harness, egui::Key::Z);
    assert_eq!(unsorted(&harness), 1);
}

#[test]
fn remind_me_each_morning_sets_up_the_digest_for_the_saved_document() {
    use std::sync::{Arc, Mutex};
    let dir = tempfile::tempdir().unwrap();
    let file = common::sample_copy(dir.path());
    // Each request: the document and hour, or None for "take it away".
    type Asked = Vec<Option<(std::path::PathBuf, u8)>>;
    let asked: Arc<Mutex<Asked>> = Arc::default();
    let seen = asked.clone();
    let morning: pitchcraft::app::MorningInstaller = Arc::new(move |request| {
        seen.lock().unwrap().push(request.map(|(path, hour)| (path.to_path_buf(), hour)));
        Ok(request.map(|_| pitchcraft::morning::Installed::Timer))
    });
    let (mut harness, _) = app(Launch {
        file: Some(file.clone()),
        page: Some(Page::Network),
        morning: Some(morning),
        ..Launch::default()
    });
    click(&mut harness, "Remind me each morning");
    assert_eq!(*asked.lock().unwrap(), [Some((file.clone(), 8))]);
    let notices: Vec<String> = harness.state().notices().iter().map(|n| n.text.clone()).collect();
    assert!(notices.iter().any(|t| t.starts_with("Your network's digest comes each day at 08:00")), "{notices:?}");
    assert_eq!(harness.state().settings().morning, Some((file.clone(), 8)));
    // The hour changed: set up again at that hour; then off.
    harness.get_by_label("at: 08:00").click();
    harness.run_ok();
    click(&mut harness, "09:00");
    assert_eq!(asked.lock().unwrap().last().cloned(), Some(Some((file.clone(), 9))));
    click(&mut harness, "Remind me each morning");
    assert_eq!(asked.lock().unwrap().last().cloned(), Some(None));
    assert_eq!(harness.state().settings().morning, None);
}

#[test]
fn a_document_never_saved_has_no_morning_reminder_yet() {
    let (mut harness, _) = app(Launch { sample: true, page: Some(Page::Network), ..Launch::default() });
    click(&mut harness, "Remind me each morning");
    let notices: Vec<String> = harness.state().notices().iter().map(|n| n.text.clone()).collect();
    assert!(notices.iter().any(|t| t.starts_with("Save the document first")), "{notices:?}");
}

#[test]
fn an_attendee_list_joins_the_event_in_view_and_is_refused_elsewhere() {
    use pitchcraft::app::Picked;
    use pitchcraft::model::Attendee;
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("attendees.csv");
    std::fs::write(
        &list,
        "Order #,Order Date,First Name,Last Name,Email,Quantity,Ticket Type,Attendee #,Attendee Status,Job Title,Company\n\
         1001,2026-11-02,Joris,Kramer,joris@example.org,1,General,1,Attending,Coach,Kramer Advies\n\
         1002,2026-11-03,Fenna,Mol,fenna@example.net,1,General,2,Attending,Buyer,Zorgkantoor Oost\n\
         1003,2026-11-04,Kees,de Wit,kees@example.net,1,General,3,Refunded,,\n",
    )
    .unwrap();
    let (mut harness, dialogs) = app(Launch { sample: true, page: Some(Page::Network), ..Launch::default() });
    let before = harness.state().session().unwrap().document.clone();
    // From the menu while the Today tab is in view: which event would it be? It says so.
    dialogs.answer(Picked::Path(list.clone()));
    harness.get_by_label("File").click();
    harness.run_ok();
    harness.get_by_label("Import… (contacts, LinkedIn, an invitation)").click();
    harness.run_ok();
    assert!(harness.query_by_label_contains("is an attendee list: open its event on Network → Events").is_some());
    assert_eq!(harness.state().session().unwrap().document, before, "nothing changed");
    // With the event in view: the people we know linked, the others to find out about.
    click(&mut harness, "Events");
    dialogs.answer(Picked::Path(list));
    click(&mut harness, "Import attendee list…");
    let event = harness.state().session().unwrap().document.events[0].clone();
    let added = &event.attendees[before.events[0].attendees.len()..];
    let joris = before.people.iter().find(|c| c.name == "Joris Kramer").unwrap().id.clone();
    let knew_joris = before.events[0].attendees.contains(&Attendee::Contact(joris.clone()));
    if !knew_joris {
        assert!(added.contains(&Attendee::Contact(joris)), "{added:?}");
    }
    assert!(added.contains(&Attendee::ToFindOut("Fenna Mol (Buyer, Zorgkantoor Oost)".into())), "{added:?}");
    assert!(!format!("{added:?}").contains("Kees"), "refunded, left out");
    assert!(harness.query_by_label_contains("1 left out").is_some());
    // One undo step.
    common::press_command(&mut harness, egui::Key::Z);
    assert_eq!(harness.state().session().unwrap().document.events[0], before.events[0]);
}
