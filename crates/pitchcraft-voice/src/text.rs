//! What a script promises a take will hold: its words and, roughly, its syllables.

use pitchcraft_core::logic::draft::word_count;
use pitchcraft_core::model::Language;
use unicode_segmentation::UnicodeSegmentation;

use crate::Script;

/// The words and estimated syllables of a text in `language`.
pub fn script(text: &str, language: Language) -> Script {
    let syllables = text.unicode_words().map(|w| word_syllables(w, language)).sum();
    Script { words: word_count(text) as u32, syllables }
}

/// Vowel groups, each a syllable: English drops a silent final "e"; Dutch "ij" is a vowel.
fn word_syllables(word: &str, language: Language) -> u32 {
    let lower = word.to_lowercase();
    if lower.chars().all(|c| c.is_ascii_digit()) {
        // "2026" is said in several syllables; two a digit is near enough.
        return 2 * lower.chars().count() as u32;
    }
    let chars: Vec<char> = lower.chars().collect();
    let is_vowel = |i: usize| {
        let c = chars[i];
        "aeiouyàáâäèéêëìíîïòóôöùúûü".contains(c)
            || (language == Language::Nl && c == 'j' && i > 0 && chars[i - 1] == 'i')
    };
    let mut groups = 0;
    for i in 0..chars.len() {
        if is_vowel(i) && (i == 0 || !is_vowel(i - 1)) {
            groups += 1;
        }
    }
    if language == Language::En
        && groups > 1
        && lower.ends_with('e')
        && !lower.ends_with("le")
        && !lower.ends_with("ee")
    {
        groups -= 1;
    }
    groups.max(u32::from(chars.iter().any(|c| c.is_alphabetic())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_of_english_and_dutch() {
        let en = script("I help operations managers make their teams calmer.", Language::En);
        assert_eq!(en.words, 8);
        assert!((13..=16).contains(&en.syllables), "{}", en.syllables);
        let nl = script("Ik help operationele teams rustiger werken, zonder extra mensen.", Language::Nl);
        assert_eq!(nl.words, 9);
        assert!((17..=21).contains(&nl.syllables), "{}", nl.syllables);
        assert_eq!(script("", Language::Nl), Script::default());
        assert_eq!(script("🙂 مرحبا", Language::En).words, 1);
    }
}
