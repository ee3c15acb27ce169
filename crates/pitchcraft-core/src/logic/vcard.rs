//! Contacts in and out as vCard, through `calcard` (vCard 2.1, 3.0 and 4.0: folded lines,
//! quoted-printable, charsets, groups). Importing goes through the one merge of every
//! source (`people_merge`), so the same file imported twice adds no one twice.

use calcard::vcard::{VCard, VCardEntry, VCardProperty, VCardValue, VCardVersion};
use calcard::{Entry, Parser};

pub use super::people_merge::ImportReport;
use super::people_merge::{ImportWarning, Known, Newcomer, merge};
use crate::model::{BrandDocument, Contact};

/// Reads file bytes as text: UTF-8 (with or without a byte-order mark), else the Latin-1
/// that old phones wrote (each byte is its own character, so nothing fails to decode).
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|&byte| char::from(byte)).collect(),
    }
}

/// Imports every card in `text` into the document's people.
pub fn import(document: &mut BrandDocument, text: &str) -> ImportReport {
    let mut report = ImportReport::default();
    // The parser takes a last card without its END:VCARD for a whole one: a file cut off in
    // the middle of a card is imported for what it holds, and the person is told which.
    let line_is = |wanted: &str| text.lines().filter(|line| line.trim().eq_ignore_ascii_case(wanted)).count();
    let cut_off = line_is("BEGIN:VCARD") > line_is("END:VCARD");
    let mut last_name = None;
    let mut known = Known::of(document);
    let mut parser = Parser::new(text);
    let mut number = 0;
    loop {
        match parser.entry() {
            Entry::VCard(vcard) => {
                number += 1;
                match read_card(&vcard) {
                    Some(card) => {
                        last_name = Some(card.name.clone());
                        merge(document, &mut known, card, &mut report);
                    }
                    None => report.skipped.push(format!("card {number}: it has no name and no e-mail address")),
                }
            }
            Entry::ICalendar(_) => report.skipped.push("a calendar entry is not a contact card".to_owned()),
            Entry::UnterminatedComponent(_) => {
                number += 1;
                report.skipped.push(format!("card {number}: it has no END:VCARD (the file may be cut off)"));
            }
            Entry::TooManyComponents => {
                report.skipped.push("the rest of the file: too deeply nested to read".to_owned());
                break;
            }
            Entry::Eof => {
                if cut_off {
                    let name = last_name.take().unwrap_or_else(|| format!("card {number}"));
                    report.warnings.push(ImportWarning::CutOff(name));
                }
                break;
            }
            // Lines outside a card (blank lines, stray text) carry no contact.
            _ => {}
        }
    }
    report
}

fn texts<'a>(vcard: &'a VCard, property: &VCardProperty) -> impl Iterator<Item = String> + 'a {
    let property = property.clone();
    vcard.entries.iter().filter(move |entry| entry.name == property).map(entry_text).filter(|text| !text.is_empty())
}

/// An entry's value as one line of text: components joined with spaces, several values
/// with ", ".
fn entry_text(entry: &VCardEntry) -> String {
    let parts: Vec<String> = entry
        .values
        .iter()
        .filter_map(|value| match value {
            VCardValue::Text(text) => Some(text.trim().to_owned()),
            VCardValue::Component(parts) => {
                Some(parts.iter().map(|part| part.trim()).filter(|part| !part.is_empty()).collect::<Vec<_>>().join(" "))
            }
            _ => None,
        })
        .filter(|text| !text.is_empty())
        .collect();
    parts.join(", ")
}

fn read_card(vcard: &VCard) -> Option<Newcomer> {
    let first = |property: VCardProperty| texts(vcard, &property).next().unwrap_or_default();
    let email = first(VCardProperty::Email).trim_start_matches("mailto:").to_owned();
    let name = texts(vcard, &VCardProperty::Fn).next().or_else(|| name_from_n(vcard)).unwrap_or_default();
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() && email.is_empty() {
        return None;
    }
    let tags = vcard
        .entries
        .iter()
        .filter(|entry| entry.name == VCardProperty::Categories)
        .flat_map(|entry| entry.values.iter().filter_map(VCardValue::as_text))
        .map(|tag| tag.trim().to_owned())
        .filter(|tag| !tag.is_empty())
        .collect();
    let role =
        Some(first(VCardProperty::Title)).filter(|title| !title.is_empty()).unwrap_or(first(VCardProperty::Role));
    // Every address the card gives: any of them may be how the person is known already.
    let emails: Vec<String> = texts(vcard, &VCardProperty::Email)
        .map(|email| email.trim_start_matches("mailto:").to_owned())
        .filter(|email| !email.is_empty())
        .collect();
    Some(Newcomer {
        name: if name.is_empty() { email.clone() } else { name },
        organisation: first(VCardProperty::Org),
        role,
        emails,
        // As before there were other sources: a card's person starts in the operational
        // network, which the person changes where it is wrong.
        network: Some(crate::model::Network::Operational),
        phone: first(VCardProperty::Tel).trim_start_matches("tel:").to_owned(),
        website: first(VCardProperty::Url),
        notes: first(VCardProperty::Note),
        tags,
    })
}

/// "Given Family" from the structured name (family; given; additional; prefix; suffix).
fn name_from_n(vcard: &VCard) -> Option<String> {
    let entry = vcard.entries.iter().find(|entry| entry.name == VCardProperty::N)?;
    let parts: Vec<String> = entry
        .values
        .iter()
        .map(|value| match value {
            VCardValue::Text(text) => text.clone(),
            VCardValue::Component(parts) => parts.join(" "),
            _ => String::new(),
        })
        .collect();
    let part = |index: usize| parts.get(index).map(|part| part.trim()).unwrap_or("");
    let name = [part(3), part(1), part(2), part(0), part(4)]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (!name.is_empty()).then_some(name)
}

/// The people as vCard 4.0, one card each, in the document's order.
pub fn export(people: &[Contact]) -> String {
    let mut out = String::new();
    for contact in people {
        let mut card = VCard::default();
        let mut add = |property: VCardProperty, value: &str| {
            if !value.trim().is_empty() {
                card.entries.push(VCardEntry {
                    group: None,
                    name: property,
                    params: Vec::new(),
                    values: vec![VCardValue::Text(value.trim().to_owned())],
                });
            }
        };
        add(VCardProperty::Uid, &format!("urn:pitchcraft:contact:{}", contact.id));
        add(VCardProperty::Fn, &contact.name);
        add(VCardProperty::Org, &contact.organisation);
        add(VCardProperty::Title, &contact.role);
        add(VCardProperty::Email, &contact.email);
        add(VCardProperty::Tel, &contact.phone);
        add(VCardProperty::Url, &contact.website);
        add(VCardProperty::Note, &contact.notes);
        if !contact.tags.is_empty() {
            card.entries.push(VCardEntry {
                group: None,
                name: VCardProperty::Categories,
                params: Vec::new(),
                values: contact.tags.iter().map(|tag| VCardValue::Text(tag.clone())).collect(),
            });
        }
        // Writing into a String cannot fail.
        let _ = card.write_to(&mut out, VCardVersion::V4_0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn imported(text: &str) -> (BrandDocument, ImportReport) {
        let mut document = BrandDocument::default();
        let report = import(&mut document, text);
        (document, report)
    }

    #[test]
    fn vcard_3_with_folding_groups_and_several_cards() {
        let text = "\u{feff}BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anouk Jansen\r\nN:Jansen;Anouk;;;\r\nORG:Antonius Zieken\r\n huis;Poli\r\nitem1.EMAIL;TYPE=INTERNET:anouk@example.org\r\nitem1.X-ABLabel:work\r\nTITLE:Manager zorglogistiek\r\nCATEGORIES:zorg,planning\r\nPHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQ\r\n AAAQABAAD\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nN:Bakker;Tom;;;\r\nTEL;TYPE=CELL:+31 6 1234 5678\r\nEND:VCARD\r\n";
        let (document, report) = imported(&decode(text.as_bytes()));
        assert_eq!(report, ImportReport { added: 2, ..ImportReport::default() });
        let anouk = &document.people[0];
        assert_eq!(anouk.name, "Anouk Jansen");
        assert_eq!(anouk.organisation, "Antonius Ziekenhuis, Poli", "folded, and the unit after the name");
        assert_eq!(anouk.email, "anouk@example.org", "a grouped property");
        assert_eq!(anouk.role, "Manager zorglogistiek");
        assert_eq!(anouk.tags, ["zorg", "planning"]);
        assert_eq!(anouk.id, "anouk-jansen");
        assert_eq!(document.people[1].name, "Tom Bakker", "the name from N when FN is missing");
        assert_eq!(document.people[1].phone, "+31 6 1234 5678");
    }

    #[test]
    fn vcard_2_1_quoted_printable_in_latin_1() {
        let mut bytes = b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:D=E9bora;Ren=E9e\r\nFN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Ren=E9e D=E9bora\r\nNOTE;ENCODING=QUOTED-PRINTABLE:Eerste regel=0D=0A=\r\ntweede regel\r\nORG:Caf".to_vec();
        bytes.extend([0xE9]); // "Café" written straight in Latin-1
        bytes.extend(b" Utrecht\r\nEND:VCARD\r\n");
        let (document, report) = imported(&decode(&bytes));
        assert_eq!(report.added, 1, "{report:?}");
        let contact = &document.people[0];
        assert_eq!(contact.name, "Renée Débora");
        assert_eq!(contact.organisation, "Café Utrecht");
        assert!(contact.notes.starts_with("Eerste regel") && contact.notes.ends_with("tweede regel"), "{contact:?}");
    }

    #[test]
    fn vcard_4_and_a_second_import_adds_no_one_twice() {
        let text = "BEGIN:VCARD\nVERSION:4.0\nFN:Lina Haddad\nEMAIL:lina@example.org\nTEL;VALUE=uri:tel:+31-20-555-0101\nEND:VCARD\nBEGIN:VCARD\nVERSION:4.0\nFN:Sanne de Vries\nEND:VCARD\n";
        let mut document = BrandDocument::default();
        assert_eq!(import(&mut document, text).added, 2);
        assert_eq!(document.people[0].phone, "+31-20-555-0101");
        let again = import(&mut document, text);
        assert_eq!((again.added, again.updated, again.skipped.len()), (0, 0, 2));
        assert!(again.skipped[0].contains("already"), "{:?}", again.skipped);
        // The same e-mail under another spelling of the name merges, and fills in the blanks.
        let more = "BEGIN:VCARD\nVERSION:4.0\nFN:L. Haddad\nEMAIL:LINA@example.org\nORG:Gemeente Utrecht\nEND:VCARD\n";
        let report = import(&mut document, more);
        assert_eq!((report.added, report.updated), (0, 1));
        assert_eq!(document.people.len(), 2);
        assert_eq!(document.people[0].name, "Lina Haddad", "what the person wrote stays");
        assert_eq!(document.people[0].organisation, "Gemeente Utrecht");
    }

    #[test]
    fn cards_without_a_name_or_an_end_are_skipped_with_a_reason() {
        let text = "BEGIN:VCARD\nVERSION:3.0\nTEL:123\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Cut Off\n";
        let (document, report) = imported(text);
        assert!(document.people.is_empty() || document.people.len() == 1);
        assert_eq!(report.skipped.len() + report.added, 2, "{report:?}");
        assert!(report.skipped[0].contains("no name"), "{report:?}");
        let (document, report) = imported("nothing like a card\n\u{0}\u{1}");
        assert!(document.people.is_empty());
        assert_eq!(report, ImportReport::default());
    }

    #[test]
    fn export_writes_vcard_4_that_reads_back_the_same() {
        let people = vec![
            Contact {
                id: "anouk-jansen".into(),
                name: "Anouk Jansen".into(),
                organisation: "Antonius, Nieuwegein".into(),
                role: "Manager; zorglogistiek".into(),
                email: "anouk@example.org".into(),
                notes: "Met at the congress.\nLikes data.".into(),
                tags: vec!["zorg".into(), "planning".into()],
                ..Contact::default()
            },
            Contact { id: "li-wei".into(), name: "李伟 — مرحبا 🙂".into(), ..Contact::default() },
        ];
        let text = export(&people);
        assert!(text.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\n"), "{text}");
        assert!(text.contains("UID:urn:pitchcraft:contact:anouk-jansen\r\n"));
        assert!(text.lines().all(|line| line.len() <= 75), "lines are folded");
        let (document, report) = imported(&text);
        assert_eq!(report.added, 2);
        for (back, original) in document.people.iter().zip(&people) {
            assert_eq!(back.name, original.name);
            assert_eq!(back.organisation, original.organisation);
            assert_eq!(back.role, original.role);
            assert_eq!(back.notes, original.notes);
            assert_eq!(back.tags, original.tags);
        }
    }

    #[test]
    fn a_file_cut_off_in_its_last_card_imports_what_it_holds_and_says_so() {
        let mut document = BrandDocument::default();
        let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tom Bakker\r\nEND:VCARD\r\n\
                    BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Eva de Boer\r\nEMAIL:eva@exa";
        let report = import(&mut document, text);
        assert_eq!(report.added, 2);
        assert_eq!(report.warnings.len(), 1, "{report:?}");
        assert_eq!(report.warnings, [ImportWarning::CutOff("Eva de Boer".into())]);
        assert!(report.warnings[0].to_string().contains("cut off in the middle of the entry of Eva de Boer"));
        // A whole file says nothing of the kind.
        let whole = import(&mut BrandDocument::default(), &format!("{text}mple.org\r\nEND:VCARD\r\n"));
        assert!(whole.warnings.is_empty(), "{whole:?}");
    }
}
