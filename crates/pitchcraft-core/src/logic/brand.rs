//! Building a brand statement and headline from the Discover answers, and the SMART hints
//! for goals. Templates come from the language files, so every phrasing exists in English
//! and Dutch; the person edits whatever they pick.

use crate::i18n::words::{contains_phrase, lower_words, words};
use crate::i18n::{Tr, fill, tr};
use crate::logic::compose::read::{Field, read};
use crate::logic::compose::say::{self, How};
use crate::logic::compose::{fragment, numbers};
use crate::logic::discover::has_number;
use crate::model::{BrandDocument, BrandParts, Goal, Language, Network};

/// A part as it goes into a sentence: trimmed, without a closing full stop.
fn part(text: &str) -> String {
    text.trim().trim_end_matches(['.', '!', ';']).trim().to_owned()
}

/// `text` with its first letter in lower case ("Care" → "care"), for the middle of a sentence.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The names of the ranked values that may be printed, in rank order.
fn printable_top_values(document: &BrandDocument, language: Language) -> Vec<String> {
    document
        .values
        .ranking
        .iter()
        .filter(|id| !document.values.cards.get(*id).is_some_and(|choice| choice.never_print))
        .map(|id| crate::i18n::values::value_text(document, id, language).0.to_owned())
        .collect()
}

/// The metric of the signature story, if it has one.
fn signature_metric(document: &BrandDocument) -> Option<String> {
    document
        .expertise
        .iter()
        .flat_map(|skill| &skill.proof)
        .find(|proof| proof.signature && !proof.metric.trim().is_empty())
        .map(|proof| part(&proof.metric))
}

/// Brand statements in several phrasings, from the parts and the rest of the profile.
/// Phrasings whose ingredients are missing are left out: no phrasing while who or what
/// they achieve is empty, or cannot be read. The parts go through the drafts' read → say
/// path, so a first-person "how" ("I plan routes…") becomes "by planning routes…", Dutch
/// verb clusters take "te" where a speaker puts it, and numbers are said aloud.
pub fn statement_variants(document: &BrandDocument, language: Language) -> Vec<String> {
    let parts = &document.brand_parts;
    let who = fragment::lower_first(&fragment::clause(&parts.who));
    let Some(outcome) = say::outcome(&read(&parts.outcome, Field::Outcome, language), language).map(|s| s.text) else {
        return Vec::new();
    };
    if who.is_empty() {
        return Vec::new();
    }
    let (how, own_sentence) = match say::how(&read(&parts.how, Field::How, language), language) {
        Some((How::Joined(how), _)) => (how, None),
        Some((How::Sentence(sentence), _)) => (String::new(), Some(sentence)),
        None => (String::new(), None),
    };
    let said = |text: String| numbers::speak(&text, language);
    let mut variants = Vec::new();
    let base = [("who", &who as &dyn std::fmt::Display), ("outcome", &outcome), ("how", &how)];
    let short = fill(tr(language, Tr::BrandVariantHelpShort), &base);
    if !how.is_empty() {
        variants.push(said(fill(tr(language, Tr::BrandVariantHelp), &base)));
        let by = [("who", &who as &dyn std::fmt::Display), ("outcome", &outcome), ("how", &fragment::capitalise(&how))];
        variants.push(said(fill(tr(language, Tr::BrandVariantBy), &by)));
    } else if let Some(sentence) = &own_sentence {
        variants.push(said(format!("{short} {sentence}")));
    } else {
        variants.push(said(short.clone()));
    }
    let values = printable_top_values(document, language);
    if let [first, second, ..] = values.as_slice() {
        let second = lower_first(second);
        let args =
            [("value1", first as &dyn std::fmt::Display), ("value2", &second), ("who", &who), ("outcome", &outcome)];
        variants.push(said(fill(tr(language, Tr::BrandVariantValues), &args)));
    }
    let metric = signature_metric(document).and_then(|metric| numbers::metric(&metric, language));
    if let (Some(numbers::Spoken::Amount(metric) | numbers::Spoken::Change(metric)), false) = (metric, how.is_empty()) {
        let args = [("who", &who as &dyn std::fmt::Display), ("outcome", &outcome), ("how", &how), ("metric", &metric)];
        variants.push(said(fill(tr(language, Tr::BrandVariantProof), &args)));
    }
    variants
}

/// Headlines to start from: role and outcome, role and top skill; none over the limit the
/// step sets ([`crate::logic::discover::HEADLINE_LIMIT`]).
pub fn headline_suggestions(document: &BrandDocument, language: Language) -> Vec<String> {
    let mut suggestions = headline_candidates(document, language);
    suggestions.retain(|text| text.chars().count() <= crate::logic::discover::HEADLINE_LIMIT);
    suggestions
}

fn headline_candidates(document: &BrandDocument, language: Language) -> Vec<String> {
    let role = part(&document.person.role);
    if role.is_empty() {
        return Vec::new();
    }
    let mut suggestions = Vec::new();
    let who = fragment::lower_first(&part(&document.brand_parts.who));
    let outcome = say::outcome(&read(&document.brand_parts.outcome, Field::Outcome, language), language);
    if let (false, Some(outcome)) = (who.is_empty(), outcome.map(|said| said.text)) {
        let args = [("role", &role as &dyn std::fmt::Display), ("who", &who), ("outcome", &outcome)];
        suggestions.push(fill(tr(language, Tr::HeadlineRoleOutcome), &args));
    }
    if let Some(skill) = document.expertise.iter().map(|skill| part(&skill.skill)).find(|skill| !skill.is_empty()) {
        suggestions.push(fill(tr(language, Tr::HeadlineRoleSkill), &[("role", &role), ("skill", &skill)]));
    }
    suggestions
}

/// Brand parts filled in from other answers where the person left them empty: who from
/// the first strategic audience (or the first audience), how from the top skill.
pub fn suggested_parts(document: &BrandDocument) -> BrandParts {
    let mut parts = document.brand_parts.clone();
    if parts.who.trim().is_empty() {
        let audiences = &document.audiences;
        let audience = audiences.iter().find(|a| a.network == Network::Strategic).or(audiences.first());
        if let Some(audience) = audience {
            parts.who = lower_first(audience.name.trim());
        }
    }
    if parts.how.trim().is_empty()
        && let Some(skill) = document.expertise.iter().find(|skill| !skill.description.trim().is_empty())
    {
        // "I connect …" keeps its capital: never a lower-case "i".
        parts.how = fragment::lower_first(&part(&skill.description));
    }
    parts
}

/// The five SMART points of a goal: what the text shows, and what the person confirmed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Smart {
    /// Concrete enough: eight words or more.
    pub specific: bool,
    /// Contains a number.
    pub measurable: bool,
    /// Says who carries it (first person).
    pub assignable: bool,
    /// Confirmed by the person.
    pub realistic: bool,
    /// Names a moment: a year, a month or a time phrase.
    pub time_bound: bool,
}

impl Smart {
    /// The five points in S-M-A-R-T order.
    pub fn points(self) -> [bool; 5] {
        [self.specific, self.measurable, self.assignable, self.realistic, self.time_bound]
    }
}

/// The SMART points of `goal`, read from its text in `language`.
pub fn smart(goal: &Goal, language: Language) -> Smart {
    let lists = words(language);
    let found = lower_words(&goal.statement);
    let year = found.iter().any(|word| {
        word.len() == 4
            && (word.starts_with("20") || word.starts_with("19"))
            && word.chars().all(|c| c.is_ascii_digit())
    });
    Smart {
        specific: found.len() >= 8,
        measurable: has_number(&goal.statement),
        assignable: lists.first_person.iter().any(|word| contains_phrase(&found, word)),
        realistic: goal.realistic,
        time_bound: year || lists.time_words.iter().any(|phrase| contains_phrase(&found, phrase)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Horizon, Skill};

    #[test]
    fn the_sample_gives_four_english_phrasings() {
        let sample = crate::storage::sample_document().unwrap();
        let variants = statement_variants(&sample, Language::En);
        assert_eq!(
            variants,
            [
                "I help hospitals cut waiting times for patients by redesigning care processes together with the people who run them.",
                "By redesigning care processes together with the people who run them, I help hospitals cut waiting times for patients.",
                "Reliability and care drive my work: I help hospitals cut waiting times for patients.",
                "I help hospitals cut waiting times for patients by redesigning care processes together with the people who run them; most recently: 32 percent less waiting time.",
            ]
        );
    }

    #[test]
    fn a_first_person_how_reads_as_part_of_the_sentence() {
        let parts = BrandParts {
            who: "Retailers".into(),
            outcome: "keep their shelves full.".into(),
            how: "I plan routes with the drivers (not for them)".into(),
        };
        let mut document = BrandDocument { brand_parts: parts, ..BrandDocument::default() };
        let variants = statement_variants(&document, Language::En);
        assert_eq!(
            variants[0],
            "I help retailers keep their shelves full by planning routes with the drivers, not for them."
        );
        assert_eq!(
            variants[1],
            "By planning routes with the drivers, not for them, I help retailers keep their shelves full."
        );
        document.brand_parts = BrandParts {
            who: "ouderen".into(),
            outcome: "sneller thuis herstellen".into(),
            how: "Ik koppel vrijwilligers aan ouderen".into(),
        };
        let variants = statement_variants(&document, Language::Nl);
        assert_eq!(
            variants,
            ["Ik help ouderen sneller thuis te herstellen. Daarvoor koppel ik vrijwilligers aan ouderen."]
        );
    }

    #[test]
    fn dutch_phrasings_use_dutch_templates_and_value_names() {
        let mut document = crate::storage::sample_document().unwrap();
        document.brand_parts = BrandParts {
            who: "ziekenhuizen".into(),
            outcome: "wachttijden te verkorten".into(),
            how: "zorgprocessen opnieuw in te richten.".into(),
        };
        let variants = statement_variants(&document, Language::Nl);
        assert_eq!(
            variants[0],
            "Ik help ziekenhuizen wachttijden te verkorten door zorgprocessen opnieuw in te richten."
        );
        assert_eq!(
            variants[1],
            "Door zorgprocessen opnieuw in te richten help ik ziekenhuizen wachttijden te verkorten."
        );
        assert!(variants[2].starts_with("Betrouwbaarheid en zorg "), "{}", variants[2]);
    }

    #[test]
    fn never_print_values_stay_out_and_missing_parts_give_fewer_phrasings() {
        let mut document = crate::storage::sample_document().unwrap();
        document.values.cards.get_mut("reliability").unwrap().never_print = true;
        let variants = statement_variants(&document, Language::En);
        assert!(variants[2].starts_with("Care and simplicity"), "{}", variants[2]);
        document.brand_parts.how.clear();
        assert_eq!(statement_variants(&document, Language::En).len(), 2);
        document.brand_parts.who.clear();
        assert!(statement_variants(&document, Language::En).is_empty());
    }

    #[test]
    fn headlines_start_from_the_role() {
        let sample = crate::storage::sample_document().unwrap();
        assert_eq!(
            headline_suggestions(&sample, Language::En),
            [
                "Operations manager, outpatient clinics who helps hospitals cut waiting times for patients",
                "Operations manager, outpatient clinics · Lean process design in care",
            ]
        );
        assert!(headline_suggestions(&BrandDocument::default(), Language::En).is_empty());
    }

    #[test]
    fn empty_parts_are_suggested_from_other_answers() {
        let mut sample = crate::storage::sample_document().unwrap();
        sample.brand_parts = BrandParts::default();
        let parts = suggested_parts(&sample);
        assert_eq!(parts.who, "hospital board members");
        assert_eq!(parts.how, "mapping patient flows with the people who run them and taking out the waiting");
        assert_eq!(parts.outcome, "");
    }

    #[test]
    fn no_phrasing_without_an_outcome_no_lower_case_i_and_no_headline_over_the_limit() {
        let mut document = BrandDocument::default();
        document.person.role = "Beleidsadviseur".into();
        document.brand_parts =
            BrandParts { who: "wethouders".into(), outcome: String::new(), how: "Ik koppel wijken aan de raad".into() };
        assert!(statement_variants(&document, Language::Nl).is_empty(), "nothing with an empty outcome");
        document.expertise =
            vec![Skill { skill: "Netwerken".into(), description: "I connect teams".into(), ..Default::default() }];
        document.brand_parts.how.clear();
        assert_eq!(suggested_parts(&document).how, "I connect teams");
        document.person.role = "Senior adviseur duurzame gebiedsontwikkeling en participatie bij gemeenten".into();
        document.brand_parts.outcome = "sneller en met meer draagvlak besluiten nemen over nieuwe wijken".into();
        for headline in headline_suggestions(&document, Language::Nl) {
            assert!(headline.chars().count() <= crate::logic::discover::HEADLINE_LIMIT, "{headline}");
        }
    }

    #[test]
    fn smart_points_are_read_from_the_text() {
        let goal =
            |statement: &str| Goal { horizon: Horizon::OneYear, statement: statement.into(), ..Default::default() };
        let vague = smart(&goal("Get better at networking"), Language::En);
        assert_eq!(vague.points(), [false, false, false, false, false]);
        let sharp =
            smart(&goal("By the end of 2027 I lead block scheduling in all 14 outpatient clinics"), Language::En);
        assert_eq!(sharp.points(), [true, true, true, false, true]);
        let dutch =
            smart(&goal("Uiterlijk in maart leid ik de invoering op alle 14 poli's van het ziekenhuis"), Language::Nl);
        assert_eq!(dutch.points(), [true, true, true, false, true]);
        let mut confirmed = goal("x");
        confirmed.realistic = true;
        assert!(smart(&confirmed, Language::En).realistic);
    }
}
