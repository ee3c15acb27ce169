//! The sentence a draft will make of one answer, shown in Discover while the person types,
//! so that nobody first meets a sentence of theirs in the pitch: the value sentence from the
//! brand parts, the opening from what an audience cares about, the ask. Each says whether
//! the answer is kept in the person's own words (read with too little confidence to be
//! fitted into the app's sentence).

use super::read::{Field, Phrase, read};
use super::{fragment, numbers, say};
use crate::logic::draft::profile_language;
use crate::model::{Audience, BrandDocument, Language};

/// A sentence of the pitch, and whether it keeps the person's words as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    /// What the draft would say.
    pub text: String,
    /// True when the app keeps the answer as typed rather than fitting it into its sentence.
    pub kept: bool,
}

/// Kept as typed: a sentence of the person's own, or words the reader cannot type.
fn own_words(phrase: &Phrase) -> bool {
    matches!(
        phrase,
        Phrase::Unknown(_) | Phrase::Clause(_) | Phrase::FirstPerson { folds: None, .. } | Phrase::Question(_)
    )
}

/// The language the drafts of `document` are written in.
pub fn language(document: &BrandDocument) -> Language {
    profile_language(document)
}

/// "I help [who] [outcome] by [how]." from the brand parts; `None` while "who" or "what
/// they achieve" is empty or cannot be said.
pub fn value(document: &BrandDocument) -> Option<Preview> {
    let language = language(document);
    let parts = &document.brand_parts;
    let who = fragment::lower_first(&fragment::clause(&parts.who));
    let outcome = read(&parts.outcome, Field::Outcome, language);
    let how = read(&parts.how, Field::How, language);
    let text = say::help_sentence(&who, &outcome, &how, language)?;
    // A first-person "how" that the app turns round ("Daarvoor koppel ik …") is not kept.
    let how_kept = say::how(&how, language).is_some_and(|(_, rule)| rule.contains("kept"));
    let kept = say::outcome(&outcome, language).is_none() || how_kept;
    Some(Preview { text: numbers::speak(&text, language), kept })
}

/// The opening made of what `audience` cares about, in their address.
pub fn cares(document: &BrandDocument, audience: &Audience) -> Option<Preview> {
    let language = language(document);
    let phrase = read(&fragment::first_clause(&audience.cares_about), Field::Cares, language);
    let said = say::cares_hook(&phrase, language, audience.address())?;
    Some(Preview { text: numbers::speak(&said.text, language), kept: own_words(&phrase) })
}

/// The ask as the draft puts it to `audience`.
pub fn ask(document: &BrandDocument, audience: &Audience) -> Option<Preview> {
    let language = language(document);
    let phrase = read(&audience.ask, Field::Ask, language);
    let said = say::ask(&phrase, language, audience.address())?;
    Some(Preview { text: numbers::speak(&said.text, language), kept: own_words(&phrase) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Address, BrandParts, Network};

    fn dutch() -> BrandDocument {
        BrandDocument { language: Language::Nl, ..BrandDocument::default() }
    }

    #[test]
    fn the_value_sentence_appears_once_who_and_outcome_are_there() {
        let mut document = dutch();
        document.brand_parts = BrandParts { who: "scholen".into(), outcome: String::new(), how: String::new() };
        assert_eq!(value(&document), None);
        document.brand_parts.outcome = "nieuwe docenten sneller inwerken".into();
        assert_eq!(value(&document).unwrap().text, "Ik help scholen nieuwe docenten sneller in te werken.");
        assert!(!value(&document).unwrap().kept);
        document.brand_parts.how = "Ik koppel elke starter aan een ervaren collega".into();
        let preview = value(&document).unwrap();
        assert!(preview.text.ends_with("Daarvoor koppel ik elke starter aan een ervaren collega."), "{}", preview.text);
        assert!(!preview.kept, "a first-person how is said in the app's order");
    }

    #[test]
    fn cares_and_ask_are_said_to_the_audience_and_kept_words_are_marked() {
        let document = dutch();
        let mut audience = Audience {
            name: "Schoolleiders".into(),
            network: Network::Strategic,
            cares_about: "hoge werkdruk en uitval van starters".into(),
            ask: "Stuur me jullie inwerkplan".into(),
            ..Audience::default()
        };
        let hook = cares(&document, &audience).unwrap();
        assert_eq!(hook.text, "Hoe kijkt u aan tegen hoge werkdruk en uitval van starters?");
        assert!(!hook.kept);
        assert_eq!(ask(&document, &audience).unwrap().text, "Wilt u me jullie inwerkplan sturen?");
        audience.address = Some(Address::Informal);
        audience.cares_about = "starters haken af in hun eerste jaar".into();
        let hook = cares(&document, &audience).unwrap();
        assert_eq!(hook.text, "Starters haken af in hun eerste jaar. Herken je dat?");
        assert!(hook.kept, "their clause is kept as typed");
    }
}
