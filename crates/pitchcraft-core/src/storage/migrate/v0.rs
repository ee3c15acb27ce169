//! Format 0: the early draft layout. Contact details were `Option`s, value cards were a
//! list with a `rank` each, proof metrics were `Option`s, a rehearsal had one `rating`,
//! and the card listed hidden sections instead of shown ones.

use serde::Deserialize;

use crate::model::{self, Audience, CardSection, Goal, Language, Note, Paper, Pile, Pitch, Timestamp};

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Person {
    name: String,
    headline: String,
    email: Option<String>,
    phone: Option<String>,
    website: Option<String>,
    location: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ValueCard {
    id: String,
    pile: Pile,
    rank: Option<u32>,
    meaning: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Values {
    cards: Vec<ValueCard>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ProofPoint {
    situation: String,
    action: String,
    result: String,
    metric: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Skill {
    skill: String,
    proof: Vec<ProofPoint>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Rehearsal {
    pitch: String,
    revision: u32,
    at: Timestamp,
    duration_ms: u64,
    section_ms: Vec<u64>,
    words: u32,
    rating: Option<u8>,
    note: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Card {
    paper: Paper,
    hidden: Vec<CardSection>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename = "BrandDocument")]
pub struct BrandDocument {
    person: Person,
    values: Values,
    expertise: Vec<Skill>,
    goals: Vec<Goal>,
    audiences: Vec<Audience>,
    brand_statement: String,
    pitches: Vec<Pitch>,
    rehearsals: Vec<Rehearsal>,
    notes: Vec<Note>,
    card: Card,
}

impl From<BrandDocument> for model::BrandDocument {
    fn from(old: BrandDocument) -> Self {
        let mut ranked: Vec<(u32, String)> =
            old.values.cards.iter().filter_map(|card| card.rank.map(|rank| (rank, card.id.clone()))).collect();
        ranked.sort();
        let pitch_language =
            |id: &str| old.pitches.iter().find(|pitch| pitch.id == id).map_or(Language::En, |pitch| pitch.language);
        let rehearsals = old
            .rehearsals
            .iter()
            .map(|attempt| model::Rehearsal {
                pitch: attempt.pitch.clone(),
                revision: attempt.revision,
                language: pitch_language(&attempt.pitch),
                at: attempt.at,
                duration_ms: attempt.duration_ms,
                section_ms: attempt.section_ms.clone(),
                words: attempt.words,
                clarity: None,
                confidence: attempt.rating,
                note: attempt.note.clone(),
                rate: model::RateChoice::Auto,
                take: None,
            })
            .collect();
        model::BrandDocument {
            format: model::CURRENT_FORMAT,
            language: Language::En,
            person: model::Person {
                name: old.person.name,
                headline: old.person.headline,
                email: old.person.email.unwrap_or_default(),
                phone: old.person.phone.unwrap_or_default(),
                website: old.person.website.unwrap_or_default(),
                location: old.person.location.unwrap_or_default(),
                ..model::Person::default()
            },
            values: model::ValueSort {
                cards: old
                    .values
                    .cards
                    .into_iter()
                    .map(|card| {
                        let choice = model::ValueChoice { pile: card.pile, meaning: card.meaning, never_print: false };
                        (card.id, choice)
                    })
                    .collect(),
                ranking: ranked.into_iter().map(|(_, id)| id).collect(),
                custom: Default::default(),
            },
            expertise: old
                .expertise
                .into_iter()
                .map(|skill| model::Skill {
                    skill: skill.skill,
                    proof: skill
                        .proof
                        .into_iter()
                        .map(|proof| model::ProofPoint {
                            situation: proof.situation,
                            action: proof.action,
                            result: proof.result,
                            metric: proof.metric.unwrap_or_default(),
                            signature: false,
                            ..model::ProofPoint::default()
                        })
                        .collect(),
                    ..model::Skill::default()
                })
                .collect(),
            goals: old.goals,
            audiences: old.audiences,
            brand_parts: Default::default(),
            brand_statement: old.brand_statement,
            pitches: old.pitches,
            rehearsals,
            notes: old.notes,
            card: model::CardSettings {
                paper: old.card.paper,
                sections: CardSection::ALL.into_iter().filter(|s| !old.card.hidden.contains(s)).collect(),
                pitch: String::new(),
                pitch_form: model::PitchForm::default(),
            },
            people: Vec::new(),
            encounters: Vec::new(),
            follow_ups: Vec::new(),
            events: Vec::new(),
        }
    }
}
