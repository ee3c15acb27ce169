//! Settings for the printed one-page brand card.

use serde::{Deserialize, Serialize};

/// Paper size of the card.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

/// A block that can appear on the card.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum CardSection {
    /// The headline under the name.
    Headline,
    /// The brand statement.
    BrandStatement,
    /// The ranked top values.
    Values,
    /// Strengths with their signature proof.
    Strengths,
    /// One chosen pitch.
    Pitch,
    /// One-year and three-year goals.
    Goals,
    /// E-mail, phone, website, location.
    Contact,
    /// A QR code with a vCard.
    QrCode,
}

impl CardSection {
    /// Every section, in the default order.
    pub const ALL: [CardSection; 8] = [
        CardSection::Headline,
        CardSection::BrandStatement,
        CardSection::Values,
        CardSection::Strengths,
        CardSection::Pitch,
        CardSection::Goals,
        CardSection::Contact,
        CardSection::QrCode,
    ];
}

/// How much of the chosen pitch the card prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PitchForm {
    /// The opening and the value in one line: what a reader takes in at a glance.
    #[default]
    OneLine,
    /// Every section as it is spoken.
    Full,
}

/// How the card is printed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CardSettings {
    /// Paper size.
    pub paper: Paper,
    /// The sections shown, in order; a section not listed is hidden.
    pub sections: Vec<CardSection>,
    /// The id of the pitch to print (empty: the shortest pitch).
    pub pitch: String,
    /// How much of it to print.
    pub pitch_form: PitchForm,
}

impl Default for CardSettings {
    fn default() -> Self {
        Self {
            paper: Paper::A4,
            sections: CardSection::ALL.into_iter().filter(|section| *section != CardSection::Goals).collect(),
            pitch: String::new(),
            pitch_form: PitchForm::OneLine,
        }
    }
}
