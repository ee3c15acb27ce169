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
    network_problems(document, &mut note);
    found
}

/// References inside the network: people, encounters, follow-ups and events by id.
fn network_problems(document: &BrandDocument, note: &mut impl FnMut(String)) {
    for (kind, ids) in [
        ("goals", document.goals.iter().map(|goal| goal.id.as_str()).filter(|id| !id.is_empty()).collect::<Vec<_>>()),
        ("people", document.people.iter().map(|contact| contact.id.as_str()).collect()),
        ("encounters", document.encounters.iter().map(|encounter| encounter.id.as_str()).collect()),
        ("follow-ups", document.follow_ups.iter().map(|follow_up| follow_up.id.as_str()).collect()),
        ("events", document.events.iter().map(|event| event.id.as_str()).collect()),
    ] {
        for id in duplicates(ids.into_iter()) {
            note(format!("two {kind} have the id \"{id}\""));
        }
    }
    let person = |id: &str, what: String, note: &mut dyn FnMut(String)| {
        if document.contact(id).is_none() {
            note(format!("{what} names person \"{id}\", who is not among the people"));
        }
    };
    for contact in &document.people {
        for goal in &contact.goals {
            if document.goal(goal).is_none() {
                note(format!("person \"{}\" serves goal \"{goal}\", which does not exist", contact.id));
            }
        }
        if let Some(broker) = &contact.introduced_by {
            person(broker, format!("person \"{}\" (introduced by)", contact.id), note);
        }
    }
    for encounter in &document.encounters {
        for id in &encounter.people {
            person(id, format!("encounter \"{}\"", encounter.id), note);
        }
        if let Some(event) = encounter.event.as_deref().filter(|id| document.event(id).is_none()) {
            note(format!("encounter \"{}\" is at event \"{event}\", which does not exist", encounter.id));
        }
    }
    for follow_up in &document.follow_ups {
        if let Some(id) = &follow_up.person {
            person(id, format!("follow-up \"{}\"", follow_up.id), note);
        }
    }
    for event in &document.events {
        let contacts = event.attendees.iter().chain(event.to_meet.iter().filter_map(|meeting| meeting.who.as_ref()));
        for attendee in contacts {
            if let crate::model::Attendee::Contact(id) = attendee {
                person(id, format!("event \"{}\"", event.id), note);
            }
        }
        for pitch in event.to_meet.iter().filter_map(|meeting| meeting.pitch.as_deref()) {
            if document.pitch(pitch).is_none() {
                note(format!("event \"{}\" uses pitch \"{pitch}\", which does not exist", event.id));
            }
        }
    }
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
    fn dangling_network_references_are_named() {
        use crate::model::{Attendee, Contact, Encounter, Event, FollowUp, Meeting};
        let mut document = BrandDocument::default();
        document.people.push(Contact {
            id: "anouk".into(),
            goals: vec!["goal-9".into()],
            introduced_by: Some("ghost".into()),
            ..Contact::default()
        });
        document.encounters.push(Encounter {
            id: "encounter-1".into(),
            people: vec!["anouk".into(), "tom".into()],
            event: Some("gala".into()),
            ..Encounter::default()
        });
        document.follow_ups.push(FollowUp { id: "f".into(), person: Some("tom".into()), ..FollowUp::default() });
        document.follow_ups.push(FollowUp { id: "f".into(), ..FollowUp::default() });
        document.events.push(Event {
            id: "summit".into(),
            attendees: vec![Attendee::ToFindOut("someone".into()), Attendee::Contact("lina".into())],
            to_meet: vec![Meeting { pitch: Some("none".into()), ..Meeting::default() }],
            ..Event::default()
        });
        assert_eq!(
            problems(&document),
            [
                "two follow-ups have the id \"f\"",
                "person \"anouk\" serves goal \"goal-9\", which does not exist",
                "person \"anouk\" (introduced by) names person \"ghost\", who is not among the people",
                "encounter \"encounter-1\" names person \"tom\", who is not among the people",
                "encounter \"encounter-1\" is at event \"gala\", which does not exist",
                "follow-up \"f\" names person \"tom\", who is not among the people",
                "event \"summit\" names person \"lina\", who is not among the people",
                "event \"summit\" uses pitch \"none\", which does not exist",
            ]
        );
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
