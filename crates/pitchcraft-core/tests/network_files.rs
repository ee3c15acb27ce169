//! The network's files as other programs write and read them: vCards shaped like the exports
//! of Google Contacts, Apple Contacts and Outlook (and a vCard 4.0 address book), hostile
//! vCards, the round trip, and the calendar file read by a second, independent parser.
//! Every contact is invented.

use pitchcraft_core::logic::{calendar, network, vcard};
use pitchcraft_core::model::{BrandDocument, Contact, Event, FollowUp};

/// Google Contacts, "Export → vCard (for iOS Contacts)": 3.0, grouped labels, several types.
const GOOGLE: &str = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Noor Yilmaz\r\nN:Yilmaz;Noor;;;\r\nEMAIL;TYPE=INTERNET;TYPE=WORK:noor.yilmaz@example.org\r\nEMAIL;TYPE=INTERNET;TYPE=HOME:noor@example.net\r\nTEL;TYPE=CELL:+31 6 2222 3333\r\nORG:Gemeente Amersfoort\r\nTITLE:Programmamanager zorg\r\nitem1.URL:https\\://example.org/noor\r\nitem1.X-ABLabel:\r\nCATEGORIES:myContacts,Starred\r\nPHOTO;VALUE=uri:https://example.org/photo/noor.jpg\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bram de Wit\r\nN:de Wit;Bram;;;\r\nTEL;TYPE=WORK:030 123 4567\r\nCATEGORIES:myContacts\r\nEND:VCARD\r\n";

/// Apple Contacts, "Export vCard…": 3.0 with PRODID, typed and grouped e-mail, a folded
/// base64 photo.
const APPLE: &str = "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//macOS 14.5//EN\r\nN:Hendriks;Ilse;;;\r\nFN:Ilse Hendriks\r\nORG:Rivas Zorggroep;Polikliniek\r\nTITLE:Teamleider planning\r\nitem1.EMAIL;type=INTERNET;type=pref:ilse.hendriks@example.org\r\nitem1.X-ABLabel:_$!<Other>!$_\r\nTEL;type=CELL;type=VOICE;type=pref:+31 6 4444 5555\r\nNOTE:Ontmoet op het congres.\\nWil graag sparren over roosters.\r\nPHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8M\r\n CgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQ\r\n EBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAARCAABAAEDASIAAhEBAxEB\r\nX-ABUID:5B3C0A52-1D2E-4F35-9A7B-1C2D3E4F5A6B:ABPerson\r\nEND:VCARD\r\n";

/// Outlook, "Save as vCard": 2.1, quoted-printable address and label in Windows-1252.
const OUTLOOK: &[u8] = b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;LANGUAGE=nl-nl:Pauwels;Ren\xe9\r\nFN:Ren\xe9 Pauwels\r\nORG:Ziekenhuis Oost-Limburg\r\nTITLE:Directeur bedrijfsvoering\r\nTEL;WORK;VOICE:+32 89 32 50 50\r\nEMAIL;PREF;INTERNET:rene.pauwels@example.be\r\nX-MS-OL-DEFAULT-POSTAL-ADDRESS:2\r\nADR;WORK;PREF;ENCODING=QUOTED-PRINTABLE:;;Schiepse Bos 6;Genk;;3600;Belgi=EB\r\nLABEL;WORK;PREF;ENCODING=QUOTED-PRINTABLE:Schiepse Bos 6=0D=0A=\r\nGenk 3600\r\nREV:20260301T101500Z\r\nEND:VCARD\r\n";

/// A vCard 4.0 address book (as CardDAV servers and Thunderbird write it).
const V4: &str = "BEGIN:VCARD\nVERSION:4.0\nKIND:individual\nFN:Sara Ben Ali\nN:Ben Ali;Sara;;;\nEMAIL;TYPE=work:sara.benali@example.org\nTEL;VALUE=uri;TYPE=\"voice,cell\":tel:+31-6-6666-7777\nORG:Zorgverzekeraar Midden\nUID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1\nEND:VCARD\n";

fn imported(text: &str) -> (BrandDocument, vcard::ImportReport) {
    let mut document = BrandDocument::default();
    let report = vcard::import(&mut document, text);
    (document, report)
}

fn person<'a>(document: &'a BrandDocument, name: &str) -> &'a Contact {
    document.people.iter().find(|contact| contact.name == name).unwrap_or_else(|| panic!("{name} in {document:#?}"))
}

#[test]
fn google_contacts_export() {
    let (document, report) = imported(GOOGLE);
    assert_eq!((report.added, report.skipped.len()), (2, 0), "{report:?}");
    let noor = person(&document, "Noor Yilmaz");
    assert_eq!(noor.email, "noor.yilmaz@example.org", "the first e-mail");
    assert_eq!(noor.phone, "+31 6 2222 3333");
    assert_eq!(noor.organisation, "Gemeente Amersfoort");
    assert_eq!(noor.role, "Programmamanager zorg");
    assert_eq!(noor.website, "https://example.org/noor");
    assert_eq!(person(&document, "Bram de Wit").phone, "030 123 4567");
}

#[test]
fn apple_contacts_export() {
    let (document, report) = imported(APPLE);
    assert_eq!(report.added, 1, "{report:?}");
    let ilse = person(&document, "Ilse Hendriks");
    assert_eq!(ilse.email, "ilse.hendriks@example.org");
    assert_eq!(ilse.phone, "+31 6 4444 5555");
    assert_eq!(ilse.organisation, "Rivas Zorggroep, Polikliniek");
    assert_eq!(ilse.notes, "Ontmoet op het congres.\nWil graag sparren over roosters.");
    assert!(!format!("{ilse:?}").contains("/9j/"), "the photo is ignored");
}

#[test]
fn outlook_export_in_windows_1252() {
    let (document, report) = imported(&vcard::decode(OUTLOOK));
    assert_eq!(report.added, 1, "{report:?}");
    let rene = person(&document, "René Pauwels");
    assert_eq!(rene.email, "rene.pauwels@example.be");
    assert_eq!(rene.phone, "+32 89 32 50 50");
    assert_eq!(rene.role, "Directeur bedrijfsvoering");
}

#[test]
fn vcard_4_address_book() {
    let (document, report) = imported(V4);
    assert_eq!(report.added, 1);
    let sara = person(&document, "Sara Ben Ali");
    assert_eq!(sara.phone, "+31-6-6666-7777");
    assert_eq!(sara.email, "sara.benali@example.org");
}

#[test]
fn importing_every_export_again_adds_nobody() {
    let mut document = BrandDocument::default();
    let outlook = vcard::decode(OUTLOOK);
    for text in [GOOGLE, APPLE, &outlook, V4] {
        vcard::import(&mut document, text);
    }
    let everyone = document.people.clone();
    for text in [GOOGLE, APPLE, &outlook, V4] {
        let report = vcard::import(&mut document, text);
        assert_eq!((report.added, report.updated), (0, 0), "{report:?}");
    }
    assert_eq!(document.people, everyone);
}

#[test]
fn hostile_vcards_give_a_clear_result() {
    for (what, text) in [
        ("empty", String::new()),
        ("only a header", "BEGIN:VCARD\r\n".to_owned()),
        ("binary", String::from_utf8_lossy(&[0u8, 255, 254, 1, 2, 3, 0x1b, b'[', b'2', b'J']).repeat(500)),
        ("unbalanced", "END:VCARD\r\nEND:VCARD\r\nBEGIN:VCARD\r\nBEGIN:VCARD\r\nFN:x".to_owned()),
        ("a very long line", format!("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{}\r\nEND:VCARD\r\n", "a".repeat(200_000))),
    ] {
        let (document, report) = imported(&text);
        assert!(report.added <= 1, "{what}: {report:?}");
        for reason in &report.skipped {
            assert!(!reason.is_empty(), "{what}: every skipped card says why");
        }
        assert!(document.people.iter().all(|contact| !contact.id.is_empty()), "{what}");
    }
}

#[test]
fn five_thousand_contacts_and_again() {
    let text: String = (0..5_000)
        .map(|n| format!("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Contact {n}\r\nEMAIL:contact{n}@example.org\r\nTEL:+31 6 {n:08}\r\nEND:VCARD\r\n"))
        .collect();
    let (mut document, report) = imported(&text);
    assert_eq!(report.added, 5_000);
    let mut ids: Vec<&str> = document.people.iter().map(|contact| contact.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 5_000, "every id unique");
    let again = vcard::import(&mut document, &text);
    assert_eq!((again.added, again.updated, again.skipped.len()), (0, 0, 5_000));
}

#[test]
fn export_and_import_keep_names_in_any_script_emails_and_phones() {
    let names = [
        "Sanne de Vries",
        "Zoë d'Ancona",
        "Γιώργος Παπαδόπουλος",
        "Мария Иванова",
        "李伟",
        "ليلى حداد",
        "Renée 🙂 Dubois",
    ];
    let people: Vec<Contact> = names
        .iter()
        .enumerate()
        .map(|(n, name)| Contact {
            id: format!("p{n}"),
            name: (*name).to_owned(),
            email: format!("person{n}@example.org"),
            phone: format!("+31 6 1000 00{n:02}"),
            ..Contact::default()
        })
        .collect();
    let (document, report) = imported(&vcard::export(&people));
    assert_eq!(report.added, names.len());
    for (back, original) in document.people.iter().zip(&people) {
        assert_eq!((&back.name, &back.email, &back.phone), (&original.name, &original.email, &original.phone));
    }
}

#[test]
fn the_calendar_file_reads_in_an_independent_parser() {
    let today: chrono::NaiveDate = "2026-11-28".parse().unwrap();
    let sample = pitchcraft_core::storage::sample_document_on(today).unwrap();
    let events: Vec<&Event> = sample.events.iter().collect();
    let open: Vec<&FollowUp> = network::agenda(&sample, today).all().collect();
    let text = calendar::export(&sample, &events, &open, today.and_hms_opt(9, 0, 0).unwrap());
    let unfolded = icalendar::parser::unfold(&text);
    let parsed = icalendar::parser::read_calendar(&unfolded).expect("a second parser reads it");
    let kinds: Vec<&str> = parsed.components.iter().map(|component| component.name.as_str()).collect();
    assert_eq!(kinds, ["VEVENT", "VTODO", "VTODO", "VTODO"]);
    let value = |component: &icalendar::parser::Component<'_>, name: &str| {
        component.properties.iter().find(|property| property.name == name).map(|property| property.val.to_string())
    };
    let event = &parsed.components[0];
    assert_eq!(value(event, "DTSTART").as_deref(), Some("20261203T083000Z"));
    assert_eq!(value(event, "SUMMARY").as_deref(), Some("Healthcare summit"));
    assert_eq!(value(event, "LOCATION").as_deref(), Some("Jaarbeurs, Utrecht"), "the escaped comma reads back");
    let uids: Vec<String> = parsed.components.iter().filter_map(|component| value(component, "UID")).collect();
    assert_eq!(uids.len(), 4);
    assert!(uids.iter().all(|uid| uid.ends_with("-sanne-de-vries@pitchcraft")), "{uids:?}");
    for todo in &parsed.components[1..] {
        assert!(value(todo, "DUE").is_some() && value(todo, "DTSTAMP").is_some());
    }
}
