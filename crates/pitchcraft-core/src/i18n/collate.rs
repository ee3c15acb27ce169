//! Sorting names as a dictionary of the language does: first by the letters alone (case
//! and accents ignored, so "émotion" sorts with the e's), then, between names equal that
//! way, by case and accents. In Dutch, "ij" is the letters i and j (so "ijver" comes after
//! "ideaal" and before "inzet"), also when written as the single letter "ĳ".

use std::cmp::Ordering;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::model::Language;

/// The primary sort key of `name`: lower case, accents removed, ligatures spelled out.
pub fn sort_key(name: &str, _language: Language) -> String {
    name.nfkd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}

/// Compares two names as the dictionary of `language` orders them.
pub fn compare(a: &str, b: &str, language: Language) -> Ordering {
    sort_key(a, language).cmp(&sort_key(b, language)).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_names_sort_as_in_a_dictionary() {
        let mut names =
            vec!["Zorg", "ijver", "Eerlijkheid", "inzet", "émotie", "Ideaal", "ĳdelheid", "eenvoud", "Avontuur"];
        names.sort_by(|a, b| compare(a, b, Language::Nl));
        assert_eq!(
            names,
            ["Avontuur", "eenvoud", "Eerlijkheid", "émotie", "Ideaal", "ĳdelheid", "ijver", "inzet", "Zorg"]
        );
    }

    #[test]
    fn case_and_accents_decide_only_between_otherwise_equal_names() {
        assert_eq!(compare("Eer", "eer", Language::Nl), Ordering::Less);
        assert_eq!(compare("eer", "éer", Language::Nl), Ordering::Less);
        assert_eq!(compare("éer", "eerlijk", Language::Nl), Ordering::Less);
        assert_eq!(sort_key("Ĳsselmeer", Language::Nl), "ijsselmeer");
    }
}
