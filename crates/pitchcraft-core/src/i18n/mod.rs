//! Every user-facing string, in English and Dutch.
//!
//! The keys are the [`Tr`] enum; the texts live as data in `assets/i18n/en.ron` and
//! `assets/i18n/nl.ron` (maps from key name to text), embedded in the binary. A test
//! fails when either file misses a key, has one too many, or its `{placeholders}`
//! differ from English. At run time a missing text falls back to English, then to the
//! key's name: never a panic.

pub mod collate;
mod keys;
pub mod values;
pub mod words;

use std::collections::BTreeMap;
use std::fmt::Display;
use std::sync::OnceLock;

pub use keys::Tr;

pub use crate::model::Language;

const EN_RON: &str = include_str!("../../assets/i18n/en.ron");
const NL_RON: &str = include_str!("../../assets/i18n/nl.ron");

/// The name of a pitch section.
pub fn section_key(kind: crate::model::SectionKind) -> Tr {
    use crate::model::SectionKind;
    match kind {
        SectionKind::Hook => Tr::SectionHook,
        SectionKind::WhoIAm => Tr::SectionWhoIAm,
        SectionKind::Value => Tr::SectionValue,
        SectionKind::Proof => Tr::SectionProof,
        SectionKind::Ask => Tr::SectionAsk,
    }
}

/// The name of a language, in the language of the interface ("Engels" in Dutch).
pub fn language_key(language: Language) -> Tr {
    match language {
        Language::En => Tr::LanguageEn,
        Language::Nl => Tr::LanguageNl,
    }
}

/// The texts of one language, indexed by page and place of the key.
struct Table(Vec<Vec<Option<&'static str>>>);

impl Table {
    fn parse(source: &'static str) -> Self {
        let map = parse_language_file(source).unwrap_or_default();
        let mut pages: Vec<Vec<Option<&'static str>>> = Tr::page_sizes().map(|size| vec![None; size]).collect();
        for key in Tr::all() {
            let (page, place) = key.index();
            pages[page][place] = map.get(key.name()).copied();
        }
        Self(pages)
    }

    fn get(&self, key: Tr) -> Option<&'static str> {
        let (page, place) = key.index();
        self.0.get(page)?.get(place).copied().flatten()
    }
}

/// Parses a language file into key → text. The texts are leaked once per process,
/// which lets every lookup hand out `&'static str` without copying.
pub fn parse_language_file(source: &str) -> Result<BTreeMap<String, &'static str>, String> {
    let map: BTreeMap<String, String> = ron::from_str(source).map_err(|error| error.to_string())?;
    Ok(map.into_iter().map(|(key, text)| (key, &*Box::leak(text.into_boxed_str()))).collect())
}

fn table(language: Language) -> &'static Table {
    static EN: OnceLock<Table> = OnceLock::new();
    static NL: OnceLock<Table> = OnceLock::new();
    match language {
        Language::En => EN.get_or_init(|| Table::parse(EN_RON)),
        Language::Nl => NL.get_or_init(|| Table::parse(NL_RON)),
    }
}

/// The text of `key` in `language`.
pub fn tr(language: Language, key: Tr) -> &'static str {
    table(language).get(key).or_else(|| table(Language::En).get(key)).unwrap_or(key.name())
}

/// The text of `key` with `{name}` placeholders filled in.
pub fn trf(language: Language, key: Tr, args: &[(&str, &dyn Display)]) -> String {
    fill(tr(language, key), args)
}

/// Parts said as one series: "a", "a and b", "a, b and c" ("a, b en c").
pub fn series(language: Language, parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), tr(language, Tr::SeriesAnd)),
    }
}

/// Replaces each `{name}` in `template` by its value, and each `{name|one|other}` by `one`
/// when the value is 1 and by `other` otherwise, with `#` in either standing for the value
/// (`{count|# pitch|# pitches}`). English and Dutch both use the singular for exactly one.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut text = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|close| open + close) else {
            break;
        };
        text.push_str(&rest[..open]);
        let inside = &rest[open + 1..close];
        let mut parts = inside.split('|');
        let name = parts.next().unwrap_or_default();
        match args.iter().find(|(arg, _)| *arg == name) {
            Some((_, value)) => {
                let value = value.to_string();
                let forms: Vec<&str> = parts.collect();
                match forms.as_slice() {
                    [one, other] => text.push_str(&(if value == "1" { one } else { other }).replace('#', &value)),
                    _ => text.push_str(&value),
                }
            }
            None => text.push_str(&rest[open..=close]),
        }
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    text
}

/// The `{placeholders}` in a text, sorted (the name only, without plural forms).
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(inside, _)| inside.split('|').next().unwrap_or(inside)))
        .collect();
    found.sort_unstable();
    found
}

/// The language of the desktop session (`LC_ALL`, `LC_MESSAGES`, `LANG`), if we speak it.
pub fn system_language() -> Option<Language> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .and_then(|value| match value.get(..2) {
            Some("nl") => Some(Language::Nl),
            Some("en") => Some(Language::En),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_series_is_said_with_commas_and_its_languages_and() {
        let parts = |list: &[&str]| list.iter().map(|part| part.to_string()).collect::<Vec<_>>();
        assert_eq!(series(Language::En, &parts(&[])), "");
        assert_eq!(series(Language::En, &parts(&["2 skills"])), "2 skills");
        assert_eq!(series(Language::En, &parts(&["2 skills", "your headline"])), "2 skills and your headline");
        assert_eq!(series(Language::Nl, &parts(&["a", "b", "c"])), "a, b en c");
    }

    fn check(source: &str, language: &str) {
        let map = parse_language_file(source).unwrap_or_else(|error| panic!("{language}: {error}"));
        let english = parse_language_file(EN_RON).unwrap();
        for key in Tr::all() {
            let text = map.get(key.name()).unwrap_or_else(|| panic!("{language} misses the key {}", key.name()));
            assert!(!text.trim().is_empty(), "{language}: {} is empty", key.name());
            assert_eq!(
                placeholders(text),
                placeholders(english[key.name()]),
                "{language}: {} placeholders",
                key.name()
            );
        }
        for name in map.keys() {
            assert!(Tr::all().any(|key| key.name() == name), "{language} has unknown key {name}");
        }
    }

    #[test]
    fn english_has_every_key() {
        check(EN_RON, "en.ron");
    }

    #[test]
    fn dutch_has_every_key() {
        check(NL_RON, "nl.ron");
    }

    #[test]
    fn a_missing_key_is_caught() {
        let mut map = parse_language_file(EN_RON).unwrap();
        map.remove(Tr::CmdSave.name());
        let source = ron::to_string(&map).unwrap();
        let result = std::panic::catch_unwind(|| check(&source, "broken"));
        assert!(result.is_err());
    }

    #[test]
    fn lookups_and_placeholders() {
        assert_eq!(tr(Language::En, Tr::CmdSave), "Save");
        assert_eq!(tr(Language::Nl, Tr::CmdSave), "Opslaan");
        assert_eq!(fill("{a} and {b}", &[("a", &1), ("b", &"two")]), "1 and two");
        assert_eq!(placeholders("{x} of {path}"), ["path", "x"]);
        assert_eq!(placeholders("{count|# pitch|# pitches}"), ["count"]);
    }

    #[test]
    fn plurals_choose_their_form() {
        let template = "{count|# pitch|# pitches}, {n|één notitie|# notities}";
        assert_eq!(fill(template, &[("count", &1), ("n", &1)]), "1 pitch, één notitie");
        assert_eq!(fill(template, &[("count", &0), ("n", &12)]), "0 pitches, 12 notities");
        assert_eq!(fill("{left} {unknown} {", &[("left", &"x")]), "x {unknown} {");
    }
}
