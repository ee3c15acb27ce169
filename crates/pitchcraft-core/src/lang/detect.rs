//! English or Dutch, for texts as short as a profile field: lingua's n-gram models of the
//! two languages (and only those two), not a count of common words.

use std::sync::OnceLock;

use lingua::{LanguageDetector, LanguageDetectorBuilder};

use crate::model::Language;

/// How sure the detector must be before a field counts as written in a language.
pub const CONFIDENT: f64 = 0.9;

fn detector() -> &'static LanguageDetector {
    static DETECTOR: OnceLock<LanguageDetector> = OnceLock::new();
    DETECTOR.get_or_init(|| {
        LanguageDetectorBuilder::from_languages(&[lingua::Language::English, lingua::Language::Dutch]).build()
    })
}

fn ours(language: lingua::Language) -> Language {
    if language == lingua::Language::Dutch { Language::Nl } else { Language::En }
}

/// The likelier language of `text` and how sure that is (0.5 to 1); `None` for a text with
/// no letters.
pub fn language_of(text: &str) -> Option<(Language, f64)> {
    if !text.chars().any(char::is_alphabetic) {
        return None;
    }
    let values = detector().compute_language_confidence_values(text);
    values.first().map(|(language, confidence)| (ours(*language), *confidence))
}

/// The language of `text` when the detector is confident of it (at least [`CONFIDENT`]) and
/// the text has three words or more; `None` otherwise. A field is said to be "in the other
/// language" only on this.
pub fn confident_language(text: &str) -> Option<Language> {
    if text.split_whitespace().filter(|word| word.chars().any(char::is_alphabetic)).count() < 3 {
        return None;
    }
    language_of(text).filter(|(_, confidence)| *confidence >= CONFIDENT).map(|(language, _)| language)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_fields_are_told_apart() {
        assert_eq!(confident_language("meer jongeren voor de techniek laten kiezen"), Some(Language::Nl));
        assert_eq!(confident_language("map the process and remove what nobody needs"), Some(Language::En));
        assert_eq!(confident_language("wethouders"), None, "one word is too little to tell");
        assert_eq!(language_of("1234"), None);
    }
}
