//! Language-specific word lists for the text checks, kept as data in `assets/lang/`.

use std::sync::OnceLock;

use serde::Deserialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::model::Language;

const EN_RON: &str = include_str!("../../assets/lang/en.ron");
const NL_RON: &str = include_str!("../../assets/lang/nl.ron");

/// The word lists of one language.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct WordLists {
    /// Words and phrases that tie a goal to a moment.
    pub time_words: Vec<String>,
    /// First-person words ("I", "my").
    pub first_person: Vec<String>,
    /// Second-person words ("you", "your").
    pub second_person: Vec<String>,
    /// Filler words and phrases.
    pub fillers: Vec<String>,
    /// Words that are fillers only when a comma sets them off ("So, like, we…" but not
    /// "I like data").
    pub comma_fillers: Vec<String>,
    /// Hedging words and phrases.
    pub hedges: Vec<String>,
    /// Jargon and buzzwords.
    pub jargon: Vec<String>,
    /// Forms of "to be" (for the passive voice check; empty where it is not done).
    pub be_forms: Vec<String>,
    /// Past participles that the -ed rule misses.
    pub irregular_participles: Vec<String>,
    /// Phrases that make a request.
    pub ask_phrases: Vec<String>,
    /// Numbers written as words.
    pub number_words: Vec<String>,
    /// Very common words, for telling the languages apart.
    pub common_words: Vec<String>,
    /// Common verbs (base form or infinitive), for telling a verb phrase from a noun phrase.
    pub verbs: Vec<String>,
}

impl WordLists {
    /// True when `word` (lower case) is one of the common verbs.
    pub fn is_verb(&self, word: &str) -> bool {
        self.verbs.iter().any(|verb| verb == word)
    }
}

/// Parses a word-list file.
pub fn parse_word_lists(source: &str) -> Result<WordLists, String> {
    ron::from_str(source).map_err(|error| error.to_string())
}

/// The word lists of `language`.
pub fn words(language: Language) -> &'static WordLists {
    static EN: OnceLock<WordLists> = OnceLock::new();
    static NL: OnceLock<WordLists> = OnceLock::new();
    let (cell, source) = match language {
        Language::En => (&EN, EN_RON),
        Language::Nl => (&NL, NL_RON),
    };
    cell.get_or_init(|| parse_word_lists(source).unwrap_or_default())
}

/// The words of `text`, lower-cased, split on Unicode word boundaries.
pub fn lower_words(text: &str) -> Vec<String> {
    text.unicode_words().map(str::to_lowercase).collect()
}

/// True when `phrase` (one or more words) occurs as whole words in `words`.
pub fn contains_phrase(words: &[String], phrase: &str) -> bool {
    let wanted = lower_words(phrase);
    !wanted.is_empty() && words.windows(wanted.len()).any(|window| window == wanted.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_lists_parse_and_are_filled() {
        for source in [EN_RON, NL_RON] {
            let lists = parse_word_lists(source).unwrap();
            assert!(lists.time_words.len() > 10);
            for list in [&lists.first_person, &lists.second_person, &lists.fillers, &lists.hedges, &lists.jargon] {
                assert!(!list.is_empty());
            }
            for list in [&lists.ask_phrases, &lists.number_words, &lists.common_words, &lists.verbs] {
                assert!(list.len() > 10);
            }
        }
    }

    #[test]
    fn phrases_match_whole_words_only() {
        let words = lower_words("By the End of Q3, I'll lead it; mayor Eindhoven");
        assert!(contains_phrase(&words, "by the end of"));
        assert!(contains_phrase(&words, "i'll"));
        assert!(!contains_phrase(&words, "may"), "mayor is not may");
        assert!(!contains_phrase(&words, "eind"), "Eindhoven is not eind");
        assert!(!contains_phrase(&words, ""));
    }
}
