//! Elevator pitches: sections of text for one audience and one length, with saved revisions.

use serde::{Deserialize, Serialize};

use super::Language;
use super::timestamp::Timestamp;

/// The part of a pitch a section plays.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SectionKind {
    /// The opening line that earns attention.
    #[default]
    Hook,
    /// Who I am, in one line.
    WhoIAm,
    /// The problem I solve for this audience.
    Value,
    /// A story or number that proves it.
    Proof,
    /// What I ask of the listener.
    Ask,
}

impl SectionKind {
    /// The sections of a pitch, in speaking order.
    pub const ALL: [SectionKind; 5] =
        [SectionKind::Hook, SectionKind::WhoIAm, SectionKind::Value, SectionKind::Proof, SectionKind::Ask];
}

/// One section of a pitch.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Section {
    /// Its role in the pitch.
    pub kind: SectionKind,
    /// The words to say.
    pub text: String,
}

/// A named snapshot of a pitch's sections.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Revision {
    /// 1, 2, 3, … in the order they were saved.
    pub number: u32,
    /// A name the person gave it, e.g. "after feedback from Joris".
    pub name: String,
    /// When it was saved.
    pub at: Timestamp,
    /// The sections as they were.
    pub sections: Vec<Section>,
}

/// An elevator pitch for one audience.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Pitch {
    /// Stable id that rehearsals and the card refer to.
    pub id: String,
    /// A title for the list, e.g. "Zorgcongres 30 s".
    pub title: String,
    /// The id of the audience it is for.
    pub audience: String,
    /// How long it should take to say, in seconds.
    pub target_seconds: u32,
    /// The language it is written in.
    pub language: Language,
    /// The current text, section by section.
    pub sections: Vec<Section>,
    /// Saved revisions, oldest first.
    pub revisions: Vec<Revision>,
}

impl Pitch {
    /// The whole current text, sections joined by blank lines.
    pub fn full_text(&self) -> String {
        let parts: Vec<&str> =
            self.sections.iter().map(|section| section.text.trim()).filter(|text| !text.is_empty()).collect();
        parts.join("\n\n")
    }
}
