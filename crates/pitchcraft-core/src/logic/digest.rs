//! The morning digest: what of the network needs the person today, in a few lines for a
//! desktop notification — follow-ups overdue or due today, who is due for contact, and an
//! event within three days. Nothing to say: no digest (no notification at all).

use chrono::NaiveDate;

use super::network::{agenda, due_for_contact};
use crate::i18n::{Tr, fill, tr};
use crate::model::{BrandDocument, Language};

/// At most this many lines of each kind: a notification is read at a glance.
const EACH: usize = 3;

/// A digest: its title and its lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Digest {
    pub title: String,
    pub lines: Vec<String>,
}

/// The digest of `today`, in `language`; `None` when nothing needs the person.
pub fn digest(document: &BrandDocument, today: NaiveDate, language: Language) -> Option<Digest> {
    let t = |key| tr(language, key);
    let mut lines = Vec::new();
    let agenda = agenda(document, today);
    let with_person = |follow_up: &crate::model::FollowUp| {
        let person = follow_up.person.as_deref().and_then(|id| document.contact(id)).map(|c| c.name.as_str());
        match person {
            Some(name) if !follow_up.text.contains(name) => format!("{} ({name})", follow_up.text),
            _ => follow_up.text.clone(),
        }
    };
    for follow_up in agenda.overdue.iter().take(EACH) {
        lines.push(fill(t(Tr::DigestOverdue), &[("text", &with_person(follow_up))]));
    }
    for follow_up in agenda.this_week.iter().filter(|f| f.due == Some(today)).take(EACH) {
        lines.push(fill(t(Tr::DigestToday), &[("text", &with_person(follow_up))]));
    }
    let due: Vec<String> = due_for_contact(document, today).iter().take(EACH).map(|s| s.contact.name.clone()).collect();
    if !due.is_empty() {
        lines.push(fill(t(Tr::DigestGetInTouch), &[("names", &due.join(", "))]));
    }
    let soon = document
        .events
        .iter()
        .filter_map(|event| Some((event.starts?, event)))
        .filter(|(starts, _)| starts.date() >= today && (starts.date() - today).num_days() <= 3)
        .min_by_key(|(starts, _)| *starts);
    if let Some((starts, event)) = soon {
        let when = starts.format("%Y-%m-%d %H:%M").to_string();
        lines.push(fill(t(Tr::DigestEvent), &[("name", &event.name), ("when", &when)]));
    }
    (!lines.is_empty()).then(|| Digest { title: t(Tr::DigestTitle).to_owned(), lines })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_samples_digest_names_what_is_due_in_both_languages_and_nothing_is_nothing() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let sample = crate::storage::sample_document_on(today).unwrap();
        let english = digest(&sample, today, Language::En).expect("something is due");
        assert_eq!(english.title, "Today in your network");
        assert!(english.lines.iter().any(|l| l.starts_with("Overdue: ")), "{english:?}");
        assert!(english.lines.iter().any(|l| l.starts_with("Get in touch with ")), "{english:?}");
        let dutch = digest(&sample, today, Language::Nl).unwrap();
        assert_eq!(dutch.title, "Vandaag in je netwerk");
        assert!(dutch.lines.iter().any(|l| l.starts_with("Te laat: ")), "{dutch:?}");
        assert_eq!(digest(&BrandDocument::default(), today, Language::En), None);
    }
}
