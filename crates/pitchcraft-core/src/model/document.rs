//! The root of a `*.brand.ron` file.

use serde::{Deserialize, Serialize};

use super::{Audience, CardSettings, Goal, Language, Note, Person, Pitch, Rehearsal, Skill, ValueSort};

/// The format written by this version. Older formats are migrated on load;
/// newer ones are refused.
pub const CURRENT_FORMAT: u32 = 3;

/// The three answers a brand statement is made of: "I help [who] [outcome] by [how]".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BrandParts {
    /// Who I help, e.g. "hospitals".
    pub who: String,
    /// What they achieve, e.g. "cut waiting times for patients".
    pub outcome: String,
    /// How I do it, e.g. "redesigning care processes with the people who run them".
    pub how: String,
}

/// Everything one person's brand consists of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BrandDocument {
    /// File format version, see [`CURRENT_FORMAT`].
    pub format: u32,
    /// The language the profile is written in (drafts use it).
    pub language: Language,
    /// Who this is.
    pub person: Person,
    /// The values card sort.
    pub values: ValueSort,
    /// Skills and their proof.
    pub expertise: Vec<Skill>,
    /// One-year and three-year goals.
    pub goals: Vec<Goal>,
    /// The people to reach.
    pub audiences: Vec<Audience>,
    /// The parts the brand statement is built from.
    pub brand_parts: BrandParts,
    /// "I help … achieve … by …".
    pub brand_statement: String,
    /// Pitches, each for one audience and length.
    pub pitches: Vec<Pitch>,
    /// Kept rehearsal attempts, oldest first.
    pub rehearsals: Vec<Rehearsal>,
    /// Markdown notes.
    pub notes: Vec<Note>,
    /// How the card is printed.
    pub card: CardSettings,
}

impl Default for BrandDocument {
    fn default() -> Self {
        Self {
            format: CURRENT_FORMAT,
            language: Language::default(),
            person: Person::default(),
            values: ValueSort::default(),
            expertise: Vec::new(),
            goals: Vec::new(),
            audiences: Vec::new(),
            brand_parts: BrandParts::default(),
            brand_statement: String::new(),
            pitches: Vec::new(),
            rehearsals: Vec::new(),
            notes: Vec::new(),
            card: CardSettings::default(),
        }
    }
}

impl BrandDocument {
    /// An empty document for a person with this name.
    pub fn new_for(name: &str, language: Language) -> Self {
        let mut document = Self { language, ..Self::default() };
        document.person.name = name.trim().to_owned();
        document
    }

    /// The audience with this id, if any.
    pub fn audience(&self, id: &str) -> Option<&Audience> {
        self.audiences.iter().find(|audience| audience.id == id)
    }

    /// The pitch with this id, if any.
    pub fn pitch(&self, id: &str) -> Option<&Pitch> {
        self.pitches.iter().find(|pitch| pitch.id == id)
    }
}
