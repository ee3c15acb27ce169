//! The deck of value cards for the card sort, kept as data in `assets/values.ron`, with
//! names and descriptions in English and Dutch.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::{BrandDocument, Language};

const VALUES_RON: &str = include_str!("../../assets/values.ron");

/// A value's name and one-line description in one language.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct CardText(pub String, pub String);

/// One card of the deck.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct DeckCard {
    /// Stable id, kept in documents.
    pub id: String,
    /// English text.
    pub en: CardText,
    /// Dutch text.
    pub nl: CardText,
}

impl DeckCard {
    /// The text in `language`.
    pub fn text(&self, language: Language) -> &CardText {
        match language {
            Language::En => &self.en,
            Language::Nl => &self.nl,
        }
    }
}

/// Parses a deck; the built-in one is tested to parse.
pub fn parse_deck(source: &str) -> Result<Vec<DeckCard>, String> {
    ron::from_str(source).map_err(|error| error.to_string())
}

/// The built-in deck, in dealing order.
pub fn deck() -> &'static [DeckCard] {
    static DECK: OnceLock<Vec<DeckCard>> = OnceLock::new();
    DECK.get_or_init(|| parse_deck(VALUES_RON).unwrap_or_default())
}

/// The ids of the built-in deck, in dealing order.
pub fn deck_ids() -> Vec<&'static str> {
    deck().iter().map(|card| card.id.as_str()).collect()
}

/// The name and description of value `id`: a custom value of the document, a card of the
/// deck, or (for an id nobody knows, e.g. from a hand-edited file) the id itself.
pub fn value_text<'a>(document: &'a BrandDocument, id: &'a str, language: Language) -> (&'a str, &'a str) {
    if let Some(custom) = document.values.custom.get(id) {
        let name = if custom.name.trim().is_empty() { id } else { custom.name.as_str() };
        return (name, custom.description.as_str());
    }
    match deck().iter().find(|card| card.id == id) {
        Some(card) => {
            let text = card.text(language);
            (text.0.as_str(), text.1.as_str())
        }
        None => (id, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deck_has_at_least_sixty_cards_with_unique_ids() {
        let cards = parse_deck(VALUES_RON).unwrap();
        assert!(cards.len() >= 60, "{} cards", cards.len());
        let mut ids: Vec<&str> = cards.iter().map(|card| card.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), cards.len(), "duplicate ids");
        assert!(ids.iter().all(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c == '-')));
    }

    #[test]
    fn every_card_has_english_and_dutch_text() {
        for card in parse_deck(VALUES_RON).unwrap() {
            for (language, text) in [("en", &card.en), ("nl", &card.nl)] {
                assert!(!text.0.trim().is_empty(), "{} has no {language} name", card.id);
                assert!(text.1.trim().len() > 10, "{} has no real {language} description", card.id);
                assert!(text.1.ends_with('.'), "{} {language}: a description is one sentence", card.id);
            }
        }
    }

    #[test]
    fn the_sample_uses_only_known_values() {
        let sample = crate::storage::sample_document().unwrap();
        for id in sample.values.cards.keys() {
            assert!(deck().iter().any(|card| &card.id == id), "{id} is not in the deck");
        }
    }

    #[test]
    fn names_come_from_the_deck_or_the_custom_values() {
        let mut document = BrandDocument::default();
        assert_eq!(value_text(&document, "care", Language::Nl).0, "Zorg");
        assert_eq!(value_text(&document, "made-up", Language::En), ("made-up", ""));
        document.values.custom.insert(
            "custom-stewardship".into(),
            crate::model::CustomValue { name: "Stewardship".into(), description: "Leave it better.".into() },
        );
        assert_eq!(value_text(&document, "custom-stewardship", Language::En).0, "Stewardship");
    }
}
