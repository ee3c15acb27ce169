//! The network on the command line: `people import/export`, `followups`, `brief` and the
//! sample's dates, all with a fixed `--today`.

#[path = "support/cli.rs"]
mod cli;
use cli::pitchcraft;
#[path = "support/bus.rs"]
mod bus;
#[path = "support/tools.rs"]
mod tools;
use bus::PrivateBus;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// A copy of the sample, dated as if created on 2026-11-28.
fn sample_in(dir: &Path) -> PathBuf {
    let path = dir.join("sanne.brand.ron");
    pitchcraft().args(["new", "--sample", "--today", "2026-11-28"]).arg(&path).assert().success();
    path
}

fn stdout(command: &mut Command) -> String {
    let output = command.output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

const CARDS: &str = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anouk Jansen\r\nORG:Antonius Ziekenhuis\r\nEMAIL:anouk@example.org\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:Marieke Jansen\r\nEMAIL:m.jansen@example.org\r\nTEL:+31 30 555 0100\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nTEL:123\r\nEND:VCARD\r\n";

#[test]
fn people_import_merges_and_a_second_import_adds_no_one() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_in(dir.path());
    let cards = dir.path().join("contacts.vcf");
    std::fs::write(&cards, CARDS).unwrap();
    let text = stdout(pitchcraft().args(["people", "import"]).arg(&file).arg(&cards));
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("added 1, updated 1, skipped 1"), "{text}");
    assert!(lines.next().unwrap().contains("no name and no e-mail"), "{text}");
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("name: \"Anouk Jansen\""));
    assert!(saved.contains("phone: \"+31 30 555 0100\""), "Marieke's phone filled in");
    assert_eq!(saved.matches("name: \"Marieke Jansen\"").count(), 1, "merged on e-mail, not added");

    let again = stdout(pitchcraft().args(["people", "import"]).arg(&file).arg(&cards));
    assert!(again.starts_with("added 0, updated 0, skipped 3\n"), "{again}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), saved, "nothing new: the file is not rewritten");
}

#[test]
fn people_import_with_no_readable_file_fails_and_leaves_the_document_alone() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_in(dir.path());
    let before = std::fs::read(&file).unwrap();
    let empty = dir.path().join("empty.vcf");
    std::fs::write(&empty, "").unwrap();
    let output = pitchcraft()
        .args(["people", "import"])
        .arg(&file)
        .arg(dir.path().join("missing.vcf"))
        .arg(&empty)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("missing.vcf") && stderr.contains("empty.vcf: the file is empty"), "{stderr}");
    assert!(stderr.contains("not changed"), "{stderr}");
    assert_eq!(std::fs::read(&file).unwrap(), before);

    // One good file among bad ones is enough.
    let good = dir.path().join("good.vcf");
    std::fs::write(&good, CARDS).unwrap();
    pitchcraft()
        .args(["people", "import"])
        .arg(&file)
        .arg(dir.path().join("missing.vcf"))
        .arg(&good)
        .assert()
        .success();
}

#[test]
fn people_export_writes_vcard_4_that_imports_back_as_the_same_people() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_in(dir.path());
    let out = dir.path().join("people.vcf");
    let text = stdout(pitchcraft().args(["people", "export"]).arg(&file).arg("-o").arg(&out));
    assert_eq!(text, format!("wrote 6 people to {}\n", out.display()));
    let cards = std::fs::read_to_string(&out).unwrap();
    assert_eq!(cards.matches("BEGIN:VCARD\r\nVERSION:4.0\r\n").count(), 6);
    let again = stdout(pitchcraft().args(["people", "import"]).arg(&file).arg(&out));
    assert!(again.starts_with("added 0, updated 0, skipped 6\n"), "{again}");
}

#[test]
fn followups_list_overdue_first_as_text_json_and_calendar() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_in(dir.path());
    let text = stdout(pitchcraft().args(["followups", "--today", "2026-11-28"]).arg(&file));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "done ones are left out: {text}");
    assert!(lines[0].starts_with("2026-11-26  overdue  Send Daan"), "{text}");
    assert!(lines[1].starts_with("2026-12-01  open "), "{text}");

    let ics = dir.path().join("out.ics");
    let json =
        stdout(pitchcraft().args(["followups", "--json", "--today", "2026-11-28", "--ics"]).arg(&ics).arg(&file));
    let items: serde_json::Value = serde_json::from_str(&json).unwrap();
    let items = items.as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(items[0]["person"], "Daan Visser");
    assert_eq!(items[0]["due"], "2026-11-26");
    assert_eq!(items[0]["overdue"], true);
    assert_eq!(items[0]["done"], false);
    assert_eq!(items[1]["overdue"], false);
    for key in ["person", "text", "due", "done", "overdue"] {
        assert!(items.iter().all(|item| item.get(key).is_some()), "{key}");
    }
    let calendar = std::fs::read_to_string(&ics).unwrap();
    assert_eq!(calendar.matches("BEGIN:VTODO").count(), 3);
    assert_eq!(calendar.matches("BEGIN:VEVENT").count(), 1);
    assert!(calendar.contains("DTSTART:20261203T083000Z"), "09:30 in Utrecht: {calendar}");

    // The same follow-up has the same UID in every export.
    let uids = |text: &str| text.lines().filter(|line| line.starts_with("UID:")).map(str::to_owned).collect::<Vec<_>>();
    let second = dir.path().join("again.ics");
    stdout(pitchcraft().args(["followups", "--today", "2026-11-28", "--ics"]).arg(&second).arg(&file));
    assert_eq!(uids(&calendar), uids(&std::fs::read_to_string(&second).unwrap()));
}

#[test]
fn the_date_comes_from_pitchcraft_today_too() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_in(dir.path());
    let text = stdout(pitchcraft().arg("followups").arg(&file).env("PITCHCRAFT_TODAY", "2026-12-10"));
    assert_eq!(text.lines().filter(|line| line.contains("overdue")).count(), 2, "{text}");
    // The sample created on another day keeps its event five days ahead.
    let later = dir.path().join("later.brand.ron");
    pitchcraft().args(["new", "--sample"]).arg(&later).env("PITCHCRAFT_TODAY", "2027-03-01").assert().success();
    assert!(std::fs::read_to_string(&later).unwrap().contains("starts: Some(\"2027-03-06T09:30:00\")"));
}

#[test]
fn brief_writes_one_page_for_the_next_event() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_in(dir.path());
    let out = dir.path().join("brief.pdf");
    let text =
        stdout(pitchcraft().args(["brief", "--today", "2026-11-28", "--paper", "letter", "-o"]).arg(&out).arg(&file));
    assert!(text.contains("Healthcare summit"), "{text}");
    let pdf = lopdf::Document::load(&out).unwrap();
    assert_eq!(pdf.get_pages().len(), 1);
    let words = pdf.extract_text(&[1]).unwrap();
    for expected in ["Healthcare summit", "Marieke Jansen", "Pieter Bakker", "What stopped earlier"] {
        assert!(words.contains(expected), "{expected} in {words}");
    }
}

#[test]
fn brief_without_an_event_or_with_an_unknown_one_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("empty.brand.ron");
    pitchcraft().args(["new", "--name", "Sanne de Vries"]).arg(&file).assert().success();
    let out = dir.path().join("brief.pdf");
    let output = pitchcraft().args(["brief", "-o"]).arg(&out).arg(&file).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no event to brief"));
    assert!(!out.exists());

    let sample = sample_in(dir.path());
    let output = pitchcraft().args(["brief", "--event", "gala", "-o"]).arg(&out).arg(&sample).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no event `gala`") && stderr.contains("healthcare-summit"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn people_import_refuses_what_is_not_a_contacts_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_in(dir.path());
    let before = std::fs::read(&file).unwrap();
    let garbage = dir.path().join("garbage.vcf");
    std::fs::write(&garbage, [0u8, 159, 146, 150, 255, 10, 66, 69, 71].repeat(1000)).unwrap();
    let huge = dir.path().join("huge.vcf");
    std::fs::File::create(&huge).unwrap().set_len(65 * 1024 * 1024).unwrap();
    let output = pitchcraft().args(["people", "import"]).arg(&file).arg(&garbage).arg(&huge).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("garbage.vcf: not a contact list this app knows"), "{stderr}");
    assert!(stderr.contains("huge.vcf: 65 MB is too large"), "{stderr}");
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn names_in_any_script_and_emoji_go_through_import_brief_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_in(dir.path());
    let cards = dir.path().join("world.vcf");
    let text = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:李伟 🙂\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:ليلى حداد\r\nORG:مستشفى\r\nEND:VCARD\r\n";
    std::fs::write(&cards, text).unwrap();
    let out = stdout(pitchcraft().args(["people", "import"]).arg(&file).arg(&cards));
    assert!(out.starts_with("added 2,"), "{out}");
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("name: \"李伟 🙂\"") && saved.contains("name: \"ليلى حداد\""));
    // They can be met at the event, and the brief still makes its one page.
    let saved = saved.replacen(
        "ToFindOut(\"The new chair of the regional care network\"),\n            ],",
        "ToFindOut(\"The new chair of the regional care network\"),\n                Contact(\"person-1\"),\n            ],",
        1,
    );
    std::fs::write(&file, saved).unwrap();
    pitchcraft().arg("check").arg(&file).assert().success();
    let pdf = dir.path().join("brief.pdf");
    stdout(pitchcraft().args(["brief", "--today", "2026-11-28", "-o"]).arg(&pdf).arg(&file));
    assert_eq!(lopdf::Document::load(&pdf).unwrap().get_pages().len(), 1);
    let vcf = dir.path().join("out.vcf");
    stdout(pitchcraft().args(["people", "export", "-o"]).arg(&vcf).arg(&file));
    assert!(std::fs::read_to_string(&vcf).unwrap().contains("FN:ليلى حداد"));
}

#[test]
fn people_import_reads_linkedins_export_folder_and_a_google_list_by_their_content() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_in(dir.path());
    let export = dir.path().join("Basic_LinkedInDataExport_12-05-2026");
    std::fs::create_dir_all(&export).unwrap();
    std::fs::write(
        export.join("connections.CSV"),
        "Notes:\n\"Some e-mail addresses may be missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
         Joost,Mulder,https://www.linkedin.com/in/joost-mulder,,Waterschap Rivierenland,Hydroloog,05 Mar 2018\n\
         Ilse,Bakker,https://www.linkedin.com/in/ilsebakker,,Gemeente Tiel,Beleidsadviseur,12 Jun 2024\n",
    )
    .unwrap();
    let google = dir.path().join("contacts.csv");
    std::fs::write(
        &google,
        "First Name,Last Name,E-mail 1 - Value,Organization Name\nIlse,Bakker,ilse@tiel.example,Gemeente Tiel\n",
    )
    .unwrap();
    // The owner's own side of the export: said, left for the app's Discover to offer.
    std::fs::write(export.join("Skills.csv"), "Name\nHydrologie\nBeleid\n").unwrap();
    std::fs::write(
        export.join("Profile.csv"),
        "First Name,Last Name,Headline\nSanne,de Vries,Operations lead in de zorg\n",
    )
    .unwrap();
    let out = stdout(pitchcraft().args(["people", "import"]).arg(&file).arg(&export).arg(&google));
    assert!(out.contains("also your own profile: 2 skills and your headline (File"), "{out}");
    assert!(out.contains("added 2, updated 1,"), "{out}");
    let document = pitchcraft::storage::load(&file).unwrap().document;
    let joost = document.people.iter().find(|c| c.name == "Joost Mulder").unwrap();
    assert!(joost.unsorted);
    assert_eq!(document.people.iter().find(|c| c.name == "Ilse Bakker").unwrap().email, "ilse@tiel.example");
    let again = stdout(pitchcraft().args(["people", "import"]).arg(&file).arg(&export).arg(&google));
    assert!(again.contains("added 0, updated 0,"), "{again}");
}

#[test]
fn people_and_events_are_listed_as_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_in(dir.path());
    let connections = dir.path().join("Connections.csv");
    std::fs::write(
        &connections,
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nJoost,Mulder,https://www.linkedin.com/in/joost-mulder,,Waterschap Rivierenland,Hydroloog,05 Mar 2018\n",
    )
    .unwrap();
    stdout(pitchcraft().args(["people", "import"]).arg(&file).arg(&connections));
    let text = stdout(pitchcraft().args(["people", "list"]).arg(&file));
    assert!(text.contains("Joost Mulder — Hydroloog, Waterschap Rivierenland (not in a network yet)"), "{text}");
    assert!(
        text.contains("Daan Visser — Head of the cardiology clinic, Stadsziekenhuis Utrecht (operational)"),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(pitchcraft().args(["people", "list", "--json"]).arg(&file))).unwrap();
    let people = json.as_array().unwrap();
    let joost = people.iter().find(|p| p["name"] == "Joost Mulder").unwrap();
    assert_eq!(joost["network"], serde_json::Value::Null);
    assert_eq!(joost["encounters"], 1);
    assert_eq!(joost["first_met"], "2018-03-05");
    assert_eq!(joost["website"], "https://www.linkedin.com/in/joost-mulder");
    let daan = people.iter().find(|p| p["name"] == "Daan Visser").unwrap();
    assert_eq!(daan["network"], "operational");
    for key in ["id", "organisation", "role", "email"] {
        assert!(daan.get(key).is_some(), "{key}");
    }

    let json: serde_json::Value =
        serde_json::from_str(&stdout(pitchcraft().args(["events", "list", "--json"]).arg(&file))).unwrap();
    let events = json.as_array().unwrap();
    assert!(!events.is_empty());
    let first = &events[0];
    assert!(first["starts"].as_str().is_some_and(|s| s.len() == 19 && s.contains('T')), "{first}");
    assert!(first["attendees"].as_array().is_some_and(|a| a.iter().all(serde_json::Value::is_string)));
    assert!(first["to_meet"].as_array().is_some());
    let text = stdout(pitchcraft().args(["events", "list"]).arg(&file));
    assert!(text.lines().next().is_some_and(|line| line.starts_with("20")), "{text}");
}

#[test]
fn events_import_adds_an_invitation_and_its_update_updates_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_in(dir.path());
    let invite = |sequence: u32, start: &str| {
        format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:netwerkdiner-2027@example.org\r\nSEQUENCE:{sequence}\r\n\
             SUMMARY:Netwerkdiner zorginkoop\r\nDTSTART;TZID=Europe/Amsterdam:{start}\r\nLOCATION:Huis de Pinto, Amsterdam\r\n\
             ATTENDEE;CN=Daan Visser:mailto:d.visser@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        )
    };
    let ics = dir.path().join("invite.ics");
    std::fs::write(&ics, invite(0, "20270204T183000")).unwrap();
    let out = stdout(pitchcraft().args(["events", "import"]).arg(&file).arg(&ics));
    assert_eq!(out.trim(), "added netwerkdiner-zorginkoop");
    std::fs::write(&ics, invite(1, "20270211T190000")).unwrap();
    let out = stdout(pitchcraft().args(["events", "import"]).arg(&file).arg(&ics));
    assert_eq!(out.trim(), "updated netwerkdiner-zorginkoop");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(pitchcraft().args(["events", "list", "--json"]).arg(&file))).unwrap();
    let dinner = json.as_array().unwrap().iter().find(|e| e["id"] == "netwerkdiner-zorginkoop").unwrap();
    assert_eq!(dinner["starts"], "2027-02-11T19:00:00");
    assert_eq!(dinner["time_zone"], "Europe/Amsterdam");
    assert_eq!(dinner["attendees"], serde_json::json!(["Daan Visser"]));
    // Not an invitation: a clear error, the document untouched.
    let before = std::fs::read(&file).unwrap();
    std::fs::write(&ics, "BEGIN:VCARD\r\nFN:Tom\r\nEND:VCARD\r\n").unwrap();
    let out = pitchcraft().args(["events", "import"]).arg(&file).arg(&ics).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no event in it"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn attendee_lists_join_an_event_known_people_linked_and_refunds_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_in(dir.path());
    let eventbrite = dir.path().join("attendees.csv");
    std::fs::write(
        &eventbrite,
        "\u{feff}Order #,Order Date,First Name,Last Name,Email,Quantity,Ticket Type,Attendee #,Attendee Status,Job Title,Company\n\
         1001,2026-11-02,Daan,Visser,d.visser@example.org,1,Regular,1,Attending,Head of cardiology,Stadsziekenhuis Utrecht\n\
         1002,2026-11-03,Noor,El Amrani,noor@umc.example,1,Regular,2,Attending,Hoofd polikliniek,UMC Utrecht\n\
         1003,2026-11-04,Bram,de Jong,bram@example.net,1,Regular,3,Refunded,,\n",
    )
    .unwrap();
    // Without --event: a usage error, nothing changed.
    let before = std::fs::read(&file).unwrap();
    let out = pitchcraft().args(["events", "import"]).arg(&file).arg(&eventbrite).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs --event ID"));
    assert_eq!(std::fs::read(&file).unwrap(), before);
    let document = pitchcraft::storage::load(&file).unwrap().document;
    let event = document.events[0].id.clone();
    let out = stdout(pitchcraft().args(["events", "import"]).arg(&file).arg(&eventbrite).args(["--event", &event]));
    assert!(out.contains("left out 1") && out.contains("left out Bram de Jong: Refunded"), "{out}");
    let meetup = dir.path().join("meetup.csv");
    std::fs::write(
        &meetup,
        "Name,Member ID,Title,Event Host,RSVP,Guests,RSVPed on,Joined Group on,URL of Member Profile\n\
         Ilse Bakker,123,,No,Yes,0,2026-11-20,2024-01-10,https://www.meetup.com/members/123/\n\
         Ruben Smits,456,,No,No,0,2026-11-21,2023-05-02,https://www.meetup.com/members/456/\n",
    )
    .unwrap();
    let out = stdout(pitchcraft().args(["events", "import"]).arg(&file).arg(&meetup).args(["--event", &event]));
    assert!(out.starts_with("linked 0, to find out 1, already there 0, left out 1"), "{out}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(pitchcraft().args(["events", "list", "--json"]).arg(&file))).unwrap();
    let listed = json.as_array().unwrap().iter().find(|e| e["id"] == event.as_str()).unwrap()["attendees"].clone();
    let names: Vec<&str> = listed.as_array().unwrap().iter().filter_map(|n| n.as_str()).collect();
    assert!(names.contains(&"Daan Visser"), "{names:?}");
    assert!(names.contains(&"Noor El Amrani (Hoofd polikliniek, UMC Utrecht)"), "{names:?}");
    assert!(names.contains(&"Ilse Bakker"), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("Bram") || n.contains("Ruben")), "{names:?}");
    assert_eq!(
        pitchcraft::storage::load(&file).unwrap().document.people.len(),
        document.people.len(),
        "an attendee list makes nobody a contact"
    );
}

/// The morning digest reaches a notification server: a private D-Bus session with a
/// stand-in server (tests/support/notifications.py) that records what it is sent and then
/// clicks "Open", which starts the app on the Network page.
#[test]
fn followups_notify_sends_the_digest_and_open_starts_the_app_on_the_network_page() {
    use std::process::Command as Process;
    if !tools::available("dbus-daemon", "dbus") {
        return;
    }
    let python = Path::new("/usr/bin/python3");
    let has_gi = Process::new(python).args(["-c", "import gi"]).output().is_ok_and(|out| out.status.success());
    if !has_gi {
        tools::skip("no Python GObject bindings — apt-get install python3-gi");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = sample_in(dir.path());
    let mut bus = PrivateBus::start();
    let sent = dir.path().join("sent.jsonl");
    bus.serve(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/notifications.py"), &sent);
    // What "Open" starts, in the app's place: a script that notes its arguments.
    let opened = dir.path().join("opened.txt");
    let app = dir.path().join("app.sh");
    std::fs::write(&app, format!("#!/bin/sh\necho \"$@\" > '{}'\n", opened.display())).unwrap();
    Process::new("chmod").arg("+x").arg(&app).status().unwrap();
    let out = pitchcraft()
        .args(["followups", "--today", "2026-12-07", "--notify"])
        .arg(&file)
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .env("PITCHCRAFT_APP", &app)
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    drop(bus);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("notified: Today in your network"));
    let sent: serde_json::Value =
        serde_json::from_str(std::fs::read_to_string(&sent).unwrap().lines().next().unwrap()).unwrap();
    assert_eq!(sent["app"], "Pitchcraft");
    assert_eq!(sent["summary"], "Today in your network");
    let body = sent["body"].as_str().unwrap();
    assert!(body.contains("Overdue: Send Daan the orthopaedics figures"), "{body}");
    assert!(body.contains("Get in touch with "), "{body}");
    assert_eq!(sent["actions"], serde_json::json!(["default", "Open"]));
    // "Open" was clicked: the app starts with the document, on the Network page.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !opened.exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let args = std::fs::read_to_string(&opened).unwrap();
    assert_eq!(args.trim(), format!("{} --page network", file.display()));
}

/// "Remind me each morning" without a systemd user manager (as in a container): an
/// autostart entry that sends the digest, in a private home; `--off` takes it away. And the
/// timer and service the app writes where systemd runs, checked by `systemd-analyze verify`.
#[test]
fn remind_sets_up_the_morning_digest_and_takes_it_away() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_in(dir.path());
    let home = dir.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let private = |command: &mut Command| {
        command.env("HOME", &home).env("XDG_CONFIG_HOME", home.join(".config")).env_remove("DBUS_SESSION_BUS_ADDRESS");
        command.env("XDG_RUNTIME_DIR", &home);
    };
    let mut set = pitchcraft();
    set.args(["remind", "--at", "7"]).arg(&file);
    private(&mut set);
    let out = stdout(&mut set);
    let entry = home.join(".config/autostart/pitchcraft-digest.desktop");
    assert!(out.contains("each time you log in") && entry.exists(), "{out}");
    let text = std::fs::read_to_string(&entry).unwrap();
    let program = std::fs::canonicalize(env!("CARGO_BIN_EXE_pitchcraft")).unwrap();
    let document = std::fs::canonicalize(&file).unwrap();
    assert!(
        text.contains(&format!("Exec=\"{}\" followups \"{}\" --notify\n", program.display(), document.display())),
        "{text}"
    );
    let mut off = pitchcraft();
    off.args(["remind", "--off"]).arg(&file);
    private(&mut off);
    assert!(stdout(&mut off).contains("no more morning digest"));
    assert!(!entry.exists());
    // A wrong hour is a usage error.
    let out = pitchcraft().args(["remind", "--at", "24"]).arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(2));

    if !tools::available("systemd-analyze", "systemd") {
        return;
    }
    let units = dir.path().join("units");
    std::fs::create_dir_all(&units).unwrap();
    let (service, timer) = pitchcraft::logic::morning::systemd_units(&program, &document, 7);
    std::fs::write(units.join("pitchcraft-digest.service"), service).unwrap();
    std::fs::write(units.join("pitchcraft-digest.timer"), timer).unwrap();
    let verify = std::process::Command::new("systemd-analyze")
        .arg("verify")
        .arg(units.join("pitchcraft-digest.timer"))
        .arg(units.join("pitchcraft-digest.service"))
        .output()
        .unwrap();
    assert!(verify.status.success(), "{}", String::from_utf8_lossy(&verify.stderr));
}
