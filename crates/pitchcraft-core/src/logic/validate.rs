//! Consistency checks a parser cannot make: references between parts of the document.
//! The app opens a document with such problems (nothing is lost); `check` reports them.

use std::collections::BTreeSet;

use crate::model::BrandDocument;

/// Every problem found, one sentence each, in document order.
pub fn problems(document: &BrandDocument) -> Vec<String> {
    let mut found = Vec::new();
    let mut note = |message: String| found.push(message);

    for id in duplicates(document.audiences.iter().map(|audience| audience.id.as_str())) {
        note(format!("two audiences have the id \"{id}\""));
    }
    for id in duplicates(document.pitches.iter().map(|pitch| pitch.id.as_str())) {
        note(format!("two pitches have the id \"{id}\""));
    }
    for id in duplicates(document.values.ranking.iter().map(String::as_str)) {
        note(format!("the value \"{id}\" is ranked twice"));
    }
    for id in &document.values.ranking {
        if !document.values.cards.contains_key(id) {
            note(format!("the ranked value \"{id}\" is not among the sorted cards"));
        }
    }
    for pitch in &document.pitches {
        if !pitch.audience.is_empty() && document.audience(&pitch.audience).is_none() {
            note(format!("pitch \"{}\" is for audience \"{}\", which does not exist", pitch.id, pitch.audience));
        }
    }
    for (index, attempt) in document.rehearsals.iter().enumerate() {
        if document.pitch(&attempt.pitch).is_none() {
            note(format!("rehearsal {} is of pitch \"{}\", which does not exist", index + 1, attempt.pitch));
        }
        for (what, rating) in [("clarity", attempt.clarity), ("confidence", attempt.confidence)] {
            if rating.is_some_and(|value| !(1..=5).contains(&value)) {
                note(format!("rehearsal {} rates {what} outside 1 to 5", index + 1));
            }
        }
    }
    let signatures = document.expertise.iter().flat_map(|skill| &skill.proof).filter(|proof| proof.signature).count();
    if signatures > 1 {
        note(format!("{signatures} proof points are marked as the signature story; only one can be"));
    }
    if !document.card.pitch.is_empty() && document.pitch(&document.card.pitch).is_none() {
        note(format!("the card prints pitch \"{}\", which does not exist", document.card.pitch));
    }
    found
}

fn duplicates<'a>(ids: impl Iterator<Item = &'a str>) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    ids.filter(|id| !seen.insert(*id)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Pitch, Rehearsal};

    #[test]
    fn the_sample_is_consistent() {
        assert_eq!(problems(&crate::storage::sample_document().unwrap()), Vec::<String>::new());
    }

    #[test]
    fn dangling_references_are_named() {
        let mut document = BrandDocument::default();
        document.pitches.push(Pitch { id: "p".into(), audience: "nobody".into(), ..Default::default() });
        document.pitches.push(Pitch { id: "p".into(), ..Default::default() });
        document.rehearsals.push(Rehearsal { pitch: "gone".into(), clarity: Some(9), ..Default::default() });
        document.values.ranking = vec!["care".into()];
        assert_eq!(
            problems(&document),
            [
                "two pitches have the id \"p\"",
                "the ranked value \"care\" is not among the sorted cards",
                "pitch \"p\" is for audience \"nobody\", which does not exist",
                "rehearsal 1 is of pitch \"gone\", which does not exist",
                "rehearsal 1 rates clarity outside 1 to 5",
            ]
        );
    }
}
