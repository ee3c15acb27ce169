//! Every corpus profile with each field replaced by what people type instead — clauses,
//! questions, imperatives, first-person sentences, noun phrases and hostile strings — still
//! drafts text a person can say: no doubled word, no *te* right after a modal or *laten*,
//! no "aan tegen" before a clause, no function word of the other language that the person
//! did not type, no mixed-language warning on a profile written in one language, and the
//! key number said at most once.

use std::path::{Path, PathBuf};

use pitchcraft_core::lang::{Form, lexicon};
use pitchcraft_core::logic::draft::{DraftWarning, draft, is_placeholder, profile_language};
use pitchcraft_core::logic::rate::planning_wpm;
use pitchcraft_core::model::{BrandDocument, Language};
use pitchcraft_core::storage;

fn corpus() -> Vec<(String, BrandDocument)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/profiles");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().flatten().map(|entry| entry.path()).collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, storage::load(&path).unwrap_or_else(|error| panic!("{error}")).document)
        })
        .collect()
}

/// What people type instead of the expected phrase, per language.
fn variants(language: Language) -> Vec<&'static str> {
    let hostile =
        ["", "?", "(((", "I", "Ik", "-", "&&&", "100%", "2x", "…", "\"quoted\"", "a b c d e f g h i j k l m n o p"];
    let typed: &[&str] = match language {
        Language::En => &[
            "suppliers deliver late and nobody notices",
            "that their people stay healthy",
            "How do we keep our best engineers?",
            "Send me your roadmap",
            "I rebuild the schedule with the nurses every week.",
            "a shorter waiting list and calmer evenings",
            "plan the shifts and listen to the staff",
            "an introduction to their head of operations",
            "three volunteers from their team",
            "to grow faster",
        ],
        Language::Nl => &[
            "leveranciers leveren te laat en niemand merkt het",
            "dat hun medewerkers gezond blijven",
            "Hoe houden we goede monteurs vast?",
            "Stuur me je planning",
            "Ik plan elke week de diensten samen met de verpleging.",
            "een kortere wachtlijst en rustigere avonden",
            "meer jongeren voor de techniek laten kiezen",
            "zich voorbereiden op de audit",
            "een introductie bij hun directeur",
            "sneller kunnen starten met nieuwe collega's",
            "ze begrijpen de regels niet en haken af",
        ],
    };
    typed.iter().copied().chain(hostile).collect()
}

/// The fields a draft reads, each as a setter.
type Setter = fn(&mut BrandDocument, &str);
fn fields() -> Vec<(&'static str, Setter)> {
    vec![
        ("who", |d, t| d.brand_parts.who = t.into()),
        ("outcome", |d, t| d.brand_parts.outcome = t.into()),
        ("how", |d, t| d.brand_parts.how = t.into()),
        ("headline", |d, t| {
            d.brand_statement.clear();
            d.person.headline = t.into();
        }),
        ("role", |d, t| d.person.role = t.into()),
        ("cares", |d, t| d.audiences.iter_mut().for_each(|a| a.cares_about = t.into())),
        ("ask", |d, t| d.audiences.iter_mut().for_each(|a| a.ask = t.into())),
        ("goal", |d, t| d.goals.iter_mut().for_each(|g| g.statement = t.into())),
        ("metric", |d, t| d.expertise.iter_mut().flat_map(|s| s.proof.iter_mut()).for_each(|p| p.metric = t.into())),
    ]
}

/// Sentences end at ".", "?" or "!" before a space or the end ("40.000" is one number).
fn sentences(text: &str) -> Vec<String> {
    let mut found = vec![String::new()];
    let chars: Vec<char> = text.chars().collect();
    for (at, c) in chars.iter().enumerate() {
        found.last_mut().unwrap().push(*c);
        if matches!(c, '.' | '?' | '!') && chars.get(at + 1).is_none_or(|next| next.is_whitespace()) {
            found.push(String::new());
        }
    }
    found.into_iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()
}

fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Everything the person typed, as words: their own words may be anything.
fn typed_words(document: &BrandDocument) -> std::collections::HashSet<String> {
    let text = ron::to_string(document).unwrap_or_default().to_lowercase();
    text.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

// Words of one language only ("is" and "in" are both).
const EN_FUNCTION: &[&str] = &["the", "and", "with", "for", "your", "you", "of", "that", "by"];
const NL_FUNCTION: &[&str] = &["de", "het", "een", "en", "met", "voor", "uw", "jouw", "van", "dat", "wij", "ik"];

fn problems(document: &BrandDocument, language: Language) -> Vec<String> {
    let mut found = Vec::new();
    let wpm = planning_wpm(document, language);
    let typed = typed_words(document);
    let typed_text = ron::to_string(document).unwrap_or_default().to_lowercase();
    let audiences: Vec<Option<&pitchcraft_core::model::Audience>> =
        if document.audiences.is_empty() { vec![None] } else { document.audiences.iter().map(Some).collect() };
    for audience in audiences {
        for seconds in [30, 60] {
            let drafted = draft(document, audience, seconds, language, wpm);
            let spoken: Vec<&str> = drafted
                .sections
                .iter()
                .filter(|s| !is_placeholder(&s.text))
                .map(|s| s.text.as_str())
                .chain(drafted.hooks.iter().map(String::as_str))
                .collect();
            for text in &spoken {
                // A sentence without a finite verb is only ever the person's own words.
                let lex = lexicon(language);
                let aux = [
                    "i'm", "it's", "that's", "is", "are", "am", "was", "were", "do", "does", "did", "would", "could",
                    "shall", "will", "can", "may", "might", "must", "should", "has", "have", "had", "ben", "bent",
                    "zijn", "waren", "heb", "hebt", "heeft", "hebben", "wil", "wilt", "kan", "kunt", "zal", "zullen",
                    "zou", "mag",
                ];
                for sentence in sentences(text) {
                    let list = words(&sentence);
                    let has_verb = list.iter().any(|w| {
                        aux.contains(&w.as_str())
                            || lex.is_finite(w)
                            || lex
                                .verb_forms(w)
                                .iter()
                                .any(|(_, form)| matches!(form, Form::Infinitive | Form::Third | Form::Past))
                    });
                    if !list.is_empty() && !has_verb && !list.iter().all(|w| typed.contains(w)) {
                        found.push(format!("no finite verb in \"{}\": {text}", sentence.trim()));
                    }
                }
            }
            for text in spoken {
                let list = words(text);
                for pair in list.windows(2) {
                    // A doubled word the person typed twice is theirs.
                    if pair[0] == pair[1] && !typed_text.contains(&format!("{} {}", pair[0], pair[1])) {
                        found.push(format!("doubled \"{} {}\": {text}", pair[0], pair[1]));
                    }
                    if language == Language::Nl
                        && ["kunnen", "laten", "willen", "moeten", "zullen", "mogen"].contains(&pair[0].as_str())
                        && pair[1] == "te"
                    {
                        found.push(format!("te after {}: {text}", pair[0]));
                    }
                }
                if language == Language::Nl
                    && let Some(at) = text.find("aan tegen ")
                {
                    let rest = &text[at + 10..];
                    let rest = &rest[..rest.find('?').unwrap_or(rest.len())];
                    let lex = lexicon(Language::Nl);
                    let rest_words = words(rest);
                    let closers = ["die", "dat", "waar", "waarin", "wat", "als", "omdat", "wanneer"];
                    let end = rest_words.iter().position(|w| closers.contains(&w.as_str())).unwrap_or(rest_words.len());
                    let finite = rest_words[..end].iter().enumerate().any(|(i, w)| {
                        i > 0 && lex.verb_forms(w).iter().any(|(_, form)| matches!(form, Form::Third | Form::Past))
                    });
                    if finite {
                        found.push(format!("a clause after \"aan tegen\": {text}"));
                    }
                }
                let other = if language == Language::En { NL_FUNCTION } else { EN_FUNCTION };
                for word in &list {
                    if other.contains(&word.as_str()) && !typed.contains(word) {
                        found.push(format!("\"{word}\" of the other language: {text}"));
                    }
                }
            }
            if drafted.warnings.iter().any(|w| matches!(w, DraftWarning::MixedLanguage { .. })) {
                found.push("a mixed-language warning".to_owned());
            }
            let all: String = drafted.sections.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join(" ");
            for figure in ["81", "96", "180", "32", "40.000", "40,000"] {
                if document.expertise.iter().flat_map(|s| &s.proof).any(|p| p.metric.contains(figure))
                    && words(&all).iter().filter(|w| **w == figure).count() > 1
                {
                    found.push(format!("{figure} said twice: {all}"));
                }
            }
        }
    }
    found
}

#[test]
fn every_field_replaced_by_what_people_type_still_drafts_sayable_text() {
    let mut all = Vec::new();
    let mut drafts = 0;
    for (name, document) in corpus() {
        let language = profile_language(&document);
        for (field, set) in fields() {
            for variant in variants(language) {
                let mut changed = document.clone();
                set(&mut changed, variant);
                drafts += 1;
                for problem in problems(&changed, language) {
                    all.push(format!("\n{name} / {field} = {variant:?}: {problem}"));
                }
            }
        }
    }
    all.sort();
    all.dedup();
    assert!(drafts > 2000, "{drafts} variants");
    // One example of each kind of problem, most frequent first.
    let mut kinds: std::collections::BTreeMap<String, (usize, String)> = Default::default();
    for problem in &all {
        let kind = problem.split(": ").nth(1).unwrap_or("").chars().take(40).collect::<String>();
        let entry = kinds.entry(kind).or_insert((0, problem.clone()));
        entry.0 += 1;
    }
    let mut kinds: Vec<_> = kinds.into_values().collect();
    kinds.sort_by_key(|(count, _)| std::cmp::Reverse(*count));
    let shown: String = kinds.iter().take(40).map(|(n, example)| format!("\n[{n}×]{example}")).collect();
    assert!(all.is_empty(), "{} problems:{shown}", all.len());
}
