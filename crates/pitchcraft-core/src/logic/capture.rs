//! Writing down whom I met: one encounter with its next step, or after an event a quick
//! list of one line a person (`Name, organisation — what we talked about`) that becomes
//! people, encounters and follow-ups.

use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::i18n::{Tr, trf};
use crate::model::{BrandDocument, Contact, Encounter, FollowUp, Language, next_id};

/// A follow-up is due this many days after the encounter unless the person says otherwise:
/// soon enough that the other still remembers the conversation.
pub const FOLLOW_UP_DAYS: u64 = 2;

/// One line of a quick capture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CapturedLine {
    /// The person's name.
    pub name: String,
    /// Their organisation (may be empty).
    pub organisation: String,
    /// What we talked about (may be empty).
    pub about: String,
}

/// Reads `Name, organisation — what we talked about`. The dash may be an em or en dash or a
/// hyphen with spaces around it; organisation and topic may be left out. A blank line, or
/// one without a name, gives `None`.
pub fn parse_line(line: &str) -> Option<CapturedLine> {
    let line = line.trim().trim_start_matches(['-', '*', '•']).trim();
    let (person, about) = ["—", "–", " - ", " -- "]
        .iter()
        .filter_map(|dash| line.split_once(dash))
        .min_by_key(|(before, _)| before.len())
        .unwrap_or((line, ""));
    let (name, organisation) = person.split_once(',').unwrap_or((person, ""));
    let name = collapse(name);
    (!name.is_empty()).then(|| CapturedLine { name, organisation: collapse(organisation), about: collapse(about) })
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A name reduced for matching: lower case, accents and extra spaces gone.
pub fn name_key(name: &str) -> String {
    let folded: String = name.nfkd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).collect();
    collapse(&folded)
}

/// The contact with this name (case, accents and spacing ignored), if any.
pub fn find_by_name<'a>(document: &'a BrandDocument, name: &str) -> Option<&'a Contact> {
    let key = name_key(name);
    document.people.iter().find(|contact| name_key(&contact.name) == key)
}

/// A readable id from a name ("Anouk Jansen" → "anouk-jansen"), unique among the
/// document's contacts. Names without Latin letters become "person-N".
pub fn contact_id(document: &BrandDocument, name: &str) -> String {
    let slug = name_key(name)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-");
    let taken = |id: &str| document.people.iter().any(|contact| contact.id == id);
    if slug.is_empty() {
        return next_id("person", document.people.iter().map(|contact| contact.id.as_str()));
    }
    if !taken(&slug) {
        return slug;
    }
    (2..).map(|n| format!("{slug}-{n}")).find(|id| !taken(id)).unwrap_or(slug)
}

/// Adds an encounter (giving it an id) and, when a next step is given, its follow-up due
/// [`FOLLOW_UP_DAYS`] after the encounter unless `due` says otherwise. Returns the
/// encounter's id.
pub fn log_encounter(
    document: &mut BrandDocument,
    mut encounter: Encounter,
    next_step: Option<(&str, Option<NaiveDate>)>,
) -> String {
    encounter.id = next_id("encounter", document.encounters.iter().map(|e| e.id.as_str()));
    let id = encounter.id.clone();
    if let Some((text, due)) = next_step.filter(|(text, _)| !text.trim().is_empty()) {
        let due = due.or_else(|| encounter.date.map(|day| day + chrono::Days::new(FOLLOW_UP_DAYS)));
        let follow_up = FollowUp {
            id: next_id("follow-up", document.follow_ups.iter().map(|f| f.id.as_str())),
            person: encounter.people.first().cloned(),
            encounter: Some(id.clone()),
            text: text.trim().to_owned(),
            due,
            done: false,
        };
        document.follow_ups.push(follow_up);
    }
    document.encounters.push(encounter);
    id
}

/// What a quick capture did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CaptureReport {
    /// Ids of the contacts it created.
    pub added: Vec<String>,
    /// Ids of known contacts it linked to.
    pub linked: Vec<String>,
    /// Lines it could not read (no name), as written.
    pub skipped: Vec<String>,
}

/// Turns the quick capture after an event into people (known names link to the contact),
/// one encounter a person on `day` at `event`, and a follow-up for each, due two days later.
pub fn capture(
    document: &mut BrandDocument,
    text: &str,
    event: Option<&str>,
    day: NaiveDate,
    language: Language,
) -> CaptureReport {
    let mut report = CaptureReport::default();
    for raw in text.lines().filter(|line| !line.trim().is_empty()) {
        let Some(line) = parse_line(raw) else {
            report.skipped.push(raw.trim().to_owned());
            continue;
        };
        let id = match find_by_name(document, &line.name) {
            Some(known) => {
                let id = known.id.clone();
                if let Some(contact) = document.people.iter_mut().find(|contact| contact.id == id)
                    && contact.organisation.is_empty()
                {
                    contact.organisation = line.organisation.clone();
                }
                report.linked.push(id.clone());
                id
            }
            None => {
                let id = contact_id(document, &line.name);
                document.people.push(Contact {
                    id: id.clone(),
                    name: line.name.clone(),
                    organisation: line.organisation.clone(),
                    ..Contact::default()
                });
                report.added.push(id.clone());
                id
            }
        };
        let encounter = Encounter {
            date: Some(day),
            people: vec![id],
            event: event.map(str::to_owned),
            said: line.about.clone(),
            ..Encounter::default()
        };
        let first_name = line.name.split_whitespace().next().unwrap_or(&line.name).to_owned();
        let step = trf(language, Tr::FollowUpDefault, &[("name", &first_name)]);
        log_encounter(document, encounter, Some((&step, None)));
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn capture_lines_read_with_any_dash_and_without_parts() {
        let line = parse_line("Anouk Jansen, Antonius Ziekenhuis — wachttijden op de poli").unwrap();
        assert_eq!(line.name, "Anouk Jansen");
        assert_eq!(line.organisation, "Antonius Ziekenhuis");
        assert_eq!(line.about, "wachttijden op de poli");
        let line = parse_line("- Tom Bakker – block scheduling, and the pilot in Zwolle").unwrap();
        assert_eq!((line.name.as_str(), line.organisation.as_str()), ("Tom Bakker", ""));
        assert_eq!(line.about, "block scheduling, and the pilot in Zwolle", "a comma after the dash is the topic's");
        let line = parse_line("Jean-Paul Smit, Gemeente Utrecht - ketenzorg").unwrap();
        assert_eq!(line.name, "Jean-Paul Smit", "a hyphen inside a name is no dash");
        assert_eq!(line.about, "ketenzorg");
        assert_eq!(parse_line("  Lina   Haddad  ").unwrap().name, "Lina Haddad");
        assert_eq!(parse_line("李伟, 某医院 — 排班").unwrap().name, "李伟");
        assert!(parse_line("   ").is_none());
        assert!(parse_line(", Antonius — nothing").is_none());
    }

    #[test]
    fn ids_are_readable_and_unique() {
        let mut document = BrandDocument::default();
        assert_eq!(contact_id(&document, "Anouk Jansen"), "anouk-jansen");
        assert_eq!(contact_id(&document, "Émile  Doré"), "emile-dore");
        document.people.push(Contact { id: "anouk-jansen".into(), ..Contact::default() });
        assert_eq!(contact_id(&document, "anouk jansen"), "anouk-jansen-2");
        assert_eq!(contact_id(&document, "李伟"), "person-1");
    }

    #[test]
    fn a_quick_capture_creates_people_encounters_and_follow_ups() {
        let mut document = BrandDocument::default();
        document.people.push(Contact { id: "anouk".into(), name: "Anouk Jansen".into(), ..Contact::default() });
        let text = "anouk jansen — the pilot\nTom Bakker, Isala — rosters\n\n , nobody\n";
        let report = capture(&mut document, text, Some("zorgcongres"), day("2026-12-03"), Language::Nl);
        assert_eq!(report.linked, ["anouk"], "a known name links, case ignored");
        assert_eq!(report.added, ["tom-bakker"]);
        assert_eq!(report.skipped, [", nobody"]);
        assert_eq!(document.people.len(), 2);
        assert_eq!(document.people[1].organisation, "Isala");
        assert_eq!(document.encounters.len(), 2);
        assert_eq!(document.encounters[1].event.as_deref(), Some("zorgcongres"));
        assert_eq!(document.encounters[1].said, "rosters");
        assert_eq!(document.follow_ups.len(), 2);
        assert_eq!(document.follow_ups[1].due, Some(day("2026-12-05")), "two days after");
        assert_eq!(document.follow_ups[1].person.as_deref(), Some("tom-bakker"));
        assert_eq!(document.follow_ups[1].text, "Contact opnemen met Tom");
        assert_ne!(document.follow_ups[0].id, document.follow_ups[1].id);
    }

    #[test]
    fn an_encounter_without_a_next_step_makes_no_follow_up() {
        let mut document = BrandDocument::default();
        let encounter = Encounter { date: Some(day("2026-12-03")), ..Encounter::default() };
        let id = log_encounter(&mut document, encounter.clone(), Some(("  ", None)));
        assert_eq!(id, "encounter-1");
        assert!(document.follow_ups.is_empty());
        log_encounter(&mut document, encounter, Some(("Send the plan", Some(day("2026-12-10")))));
        assert_eq!(document.follow_ups[0].due, Some(day("2026-12-10")), "a given day wins");
        assert_eq!(document.encounters[1].id, "encounter-2");
    }
}
