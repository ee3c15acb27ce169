//! The language check on short fields (3–12 words) from the corpus: none assigned to the
//! wrong language, and a field is "the other language" only when the detector is sure.

use std::path::{Path, PathBuf};

use pitchcraft_core::lang::{confident_language, language_of};
use pitchcraft_core::logic::draft::profile_language;
use pitchcraft_core::model::Language;
use pitchcraft_core::storage;

/// Every short field the corpus holds, with the language its profile is written in.
fn short_fields() -> Vec<(String, Language)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/profiles");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().flatten().map(|entry| entry.path()).collect();
    files.sort();
    let mut found = Vec::new();
    for path in files {
        let document = storage::load(&path).unwrap().document;
        let language = profile_language(&document);
        let mut texts: Vec<String> = vec![
            document.brand_statement.clone(),
            document.person.headline.clone(),
            document.brand_parts.outcome.clone(),
            document.brand_parts.how.clone(),
        ];
        for audience in &document.audiences {
            texts.extend([audience.cares_about.clone(), audience.ask.clone()]);
        }
        for goal in &document.goals {
            texts.push(goal.statement.clone());
        }
        for skill in &document.expertise {
            texts.push(skill.description.clone());
            for proof in &skill.proof {
                texts.extend([proof.situation.clone(), proof.action.clone(), proof.result.clone()]);
            }
        }
        for text in texts {
            let count = text.split_whitespace().count();
            if (3..=12).contains(&count) {
                found.push((text, language));
            }
        }
    }
    found
}

#[test]
fn short_fields_are_never_put_in_the_wrong_language() {
    let fields = short_fields();
    for language in [Language::En, Language::Nl] {
        let n = fields.iter().filter(|(_, l)| *l == language).count();
        assert!(n >= 40, "{n} short {language:?} fields");
    }
    let wrong: Vec<String> = fields
        .iter()
        .filter(|(text, language)| confident_language(text).is_some_and(|said| said != *language))
        .map(|(text, language)| format!("\n  {language:?}: {text}"))
        .collect();
    assert!(wrong.is_empty(), "put in the wrong language:{}", wrong.concat());
    // Where the detector is unsure it says nothing; where it is sure, it is right.
    let sure = fields.iter().filter(|(text, _)| confident_language(text).is_some()).count();
    assert!(sure * 10 >= fields.len() * 8, "sure of only {sure} of {}", fields.len());
    let _ = language_of;
}
