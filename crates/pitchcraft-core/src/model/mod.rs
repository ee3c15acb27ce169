//! The brand document: plain serde data that a person can read and edit by hand.
//!
//! No egui and no I/O here. Every struct is `#[serde(default)]` so that files written
//! before a field existed still load; `format` changes only when old files need migrating.

mod audience;
mod card;
mod contacts;
mod document;
mod event;
mod expertise;
mod goal;
mod note;
mod person;
mod pitch;
mod rehearsal;
mod timestamp;
mod values;

pub use audience::{Address, Audience, Network};
pub use card::{CardSection, CardSettings, Paper, PitchForm};
pub use contacts::{Contact, Encounter, FollowUp, KeepInTouch};
pub use document::{BrandDocument, BrandParts, CURRENT_FORMAT};
pub use event::{Attendee, Event, Meeting};
pub use expertise::{Level, ProofPoint, Skill};
pub use goal::{Goal, Horizon};
pub use note::Note;
pub use person::Person;
pub use pitch::{Pitch, Revision, Section, SectionKind};
pub use rehearsal::{DeliveryFigures, HeardSpan, RateChoice, Rehearsal, SpanMs, Take, TakeTranscript};
pub use timestamp::Timestamp;
pub use values::{CustomValue, Pile, ValueChoice, ValueSort};

/// `PREFIX-N` with N one past the highest number `taken` uses: readable in the file, and
/// unique among the ids given.
pub fn next_id<'a>(prefix: &str, taken: impl IntoIterator<Item = &'a str>) -> String {
    let highest = taken
        .into_iter()
        .filter_map(|id| id.strip_prefix(prefix)?.strip_prefix('-')?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    format!("{prefix}-{}", highest + 1)
}

/// For `skip_serializing_if`: a `false` flag is left out of the file.
fn is_false(flag: &bool) -> bool {
    !flag
}

/// A language the app and the text analysis speak.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum Language {
    /// English.
    #[default]
    En,
    /// Dutch (Nederlands).
    Nl,
}

impl Language {
    /// Every language, in menu order.
    pub const ALL: [Language; 2] = [Language::En, Language::Nl];

    /// The language's own name, as shown in a language menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Nl => "Nederlands",
        }
    }

    /// The short code used on the command line (`en`, `nl`).
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Nl => "nl",
        }
    }
}
