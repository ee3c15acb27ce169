//! Invitations (`.ics`) as calendar programs send them (invented people): a time in its own
//! zone, in UTC and a whole day; the organiser and attendees by name and address; and the
//! updated invitation that follows, which updates the event instead of adding one.

use pitchcraft_core::logic::invitations::{import, read};
use pitchcraft_core::model::{Attendee, BrandDocument, Contact};

fn invite(sequence: u32, start: &str, location: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//Calendar//EN\r\nMETHOD:REQUEST\r\n\
         BEGIN:VEVENT\r\nUID:7f3c2a10-zorgcongres@example.org\r\nSEQUENCE:{sequence}\r\n\
         SUMMARY:Regionaal zorgcongres\r\n{start}\r\nLOCATION:{location}\r\n\
         DESCRIPTION:Programma volgt.\r\nURL:https://zorgcongres.example/2027\r\n\
         ORGANIZER;CN=Ilse Bakker:mailto:ilse@zorgcongres.example\r\n\
         ATTENDEE;CN=\"Daan Visser\";ROLE=REQ-PARTICIPANT:mailto:d.visser@example.org\r\n\
         ATTENDEE;CN=Sanne de Vries:mailto:sanne.devries@example.org\r\n\
         ATTENDEE;CN=Noor El Amrani:mailto:noor@umc.example\r\n\
         END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
}

fn document() -> BrandDocument {
    let mut document = BrandDocument::default();
    document.person.email = "sanne.devries@example.org".into();
    document.people.push(Contact {
        id: "daan-visser".into(),
        name: "Daan Visser".into(),
        email: "d.visser@example.org".into(),
        ..Contact::default()
    });
    document
}

#[test]
fn an_invitation_becomes_an_event_in_its_own_time_zone_with_its_attendees() {
    let text = invite(
        0,
        "DTSTART;TZID=Europe/Amsterdam:20270311T093000\r\nDTEND;TZID=Europe/Amsterdam:20270311T170000",
        "Jaarbeurs, Utrecht",
    );
    let mut document = document();
    let report = import(&mut document, read(&text).unwrap());
    assert_eq!(report.added, ["regionaal-zorgcongres"]);
    let event = &document.events[0];
    assert_eq!(event.name, "Regionaal zorgcongres");
    assert_eq!(event.starts.unwrap().to_string(), "2027-03-11 09:30:00");
    assert_eq!((event.time_zone.as_str(), event.minutes), ("Europe/Amsterdam", 450));
    assert_eq!(event.place, "Jaarbeurs, Utrecht");
    assert_eq!(event.uid, "7f3c2a10-zorgcongres@example.org");
    // The organiser and the others; Daan is known; the brand's owner is not her own attendee.
    assert_eq!(
        event.attendees,
        [
            Attendee::ToFindOut("Ilse Bakker".into()),
            Attendee::Contact("daan-visser".into()),
            Attendee::ToFindOut("Noor El Amrani".into()),
        ]
    );
}

#[test]
fn the_updated_invitation_updates_the_event_and_keeps_what_the_person_added() {
    let mut document = document();
    let first = invite(0, "DTSTART;TZID=Europe/Amsterdam:20270311T093000", "Jaarbeurs, Utrecht");
    import(&mut document, read(&first).unwrap());
    document.events[0].goals = vec!["Meet two hospital board members".into()];
    let moved = invite(2, "DTSTART:20270318T083000Z\r\nDTEND:20270318T160000Z", "Beatrix Theater, Utrecht");
    let report = import(&mut document, read(&moved).unwrap());
    assert_eq!(report.updated, ["regionaal-zorgcongres"]);
    assert_eq!(document.events.len(), 1, "updated, not added");
    let event = &document.events[0];
    assert_eq!(event.starts.unwrap().to_string(), "2027-03-18 08:30:00");
    assert_eq!(event.time_zone, "UTC");
    assert_eq!(event.place, "Beatrix Theater, Utrecht");
    assert_eq!(event.goals, ["Meet two hospital board members"], "the person's goals stay");
    assert_eq!(event.attendees.len(), 3, "nobody twice");
    // An older invitation arriving late changes nothing.
    let report = import(&mut document, read(&first).unwrap());
    assert_eq!(report.older, ["regionaal-zorgcongres"]);
    assert_eq!(document.events[0].place, "Beatrix Theater, Utrecht");
}

#[test]
fn a_whole_day_has_no_time_zone_and_other_files_are_a_clear_error() {
    let text = invite(0, "DTSTART;VALUE=DATE:20270520\r\nDTEND;VALUE=DATE:20270521", "");
    let invitations = read(&text).unwrap();
    assert_eq!(invitations[0].starts.unwrap().to_string(), "2027-05-20 00:00:00");
    assert_eq!((invitations[0].time_zone.as_str(), invitations[0].minutes), ("", 1440));
    for text in ["", "BEGIN:VCARD\r\nFN:Tom\r\nEND:VCARD\r\n", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "garbage"] {
        let error = read(text).unwrap_err();
        assert!(error.contains("no event in it"), "{text:?}: {error}");
    }
}
