//! Drafting a pitch from the profile: deterministic, offline, in English or Dutch.
//!
//! Each section is composed from the profile's parts by the language layer in
//! [`super::compose`]: fragments are normalised, put into the form their sentence needs,
//! the audience is spoken to as "you", numbers are said as a speaker says them. Each
//! section gets a word budget from the target length and the speaking rate; for each there
//! are a few phrasings of different lengths, and the draft picks the combination whose
//! length is closest to the budget. What the profile lacks becomes one bracketed placeholder
//! sentence that says what to add.

use unicode_segmentation::UnicodeSegmentation;

use super::compose::sections::{Parts, Use};
use crate::i18n::{Tr, fill, tr};
use crate::logic::analysis::LONG_SENTENCE_WORDS;
use crate::model::{Audience, BrandDocument, Language, Section, SectionKind};

/// Share of the words per section, in speaking order (hook, who I am, value, proof, ask).
const SHARES: [f64; 5] = [0.15, 0.15, 0.25, 0.25, 0.20];

/// Words in `text`, counted as the analysis counts them.
pub fn word_count(text: &str) -> usize {
    text.unicode_words().count()
}

/// Words a pitch of `target_seconds` holds at `wpm`.
pub fn total_budget(target_seconds: u32, wpm: f64) -> usize {
    (f64::from(target_seconds) * wpm / 60.0).round() as usize
}

/// The word budget of each section, in speaking order.
pub fn section_budgets(target_seconds: u32, wpm: f64) -> [usize; 5] {
    let total = total_budget(target_seconds, wpm) as f64;
    SHARES.map(|share| (total * share).round() as usize)
}

/// Something the person should know about a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftWarning {
    /// These sections are placeholders: the profile lacks what they need.
    Missing(Vec<SectionKind>),
    /// These fields are written in `written_in`, not the draft's language: the draft mixes
    /// the two.
    MixedLanguage {
        /// The language of those fields.
        written_in: Language,
        /// Which fields, as the app names them.
        fields: Vec<Tr>,
    },
}

impl DraftWarning {
    /// The warning in words, in `language`.
    pub fn describe(&self, language: Language) -> String {
        let t = |key| tr(language, key);
        match self {
            DraftWarning::Missing(kinds) => {
                let names: Vec<&str> = kinds.iter().map(|kind| t(crate::i18n::section_key(*kind))).collect();
                fill(t(Tr::DraftWarnMissing), &[("sections", &names.join(", "))])
            }
            DraftWarning::MixedLanguage { written_in, fields } => {
                // Field names are questions ("Wie help je?"): each in quotes, the last
                // joined with "and" / "en", never "…?, …?,".
                let names: Vec<String> = fields.iter().map(|field| format!("“{}”", t(*field))).collect();
                fill(
                    t(Tr::DraftWarnMixed),
                    &[("fields", &listed(&names, language)), ("language", &t(crate::i18n::language_key(*written_in)))],
                )
            }
        }
    }
}

/// "A", "A and B", "A, B and C" (in Dutch with "en").
fn listed(items: &[String], language: Language) -> String {
    let and = match language {
        Language::En => "and",
        Language::Nl => "en",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// A drafted pitch: five sections, and the hooks to choose from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// The sections, in speaking order.
    pub sections: Vec<Section>,
    /// Alternative hooks: a question about the listener's world, a number, a short story.
    pub hooks: Vec<String>,
    /// The sections that are placeholders for what the profile lacks.
    pub placeholders: Vec<SectionKind>,
    /// What the person should know: placeholders, languages mixed.
    pub warnings: Vec<DraftWarning>,
    /// Per section, in speaking order: the fields it drew on, how each was read and the
    /// rule that said it (`pitchcraft draft --explain`).
    pub explained: Vec<(SectionKind, Vec<Use>)>,
}

/// The language most of the profile is written in: the document's own setting, unless the
/// language detector is confident its words are in the other one.
pub fn profile_language(document: &BrandDocument) -> Language {
    let text = [
        document.brand_statement.as_str(),
        &document.brand_parts.outcome,
        &document.brand_parts.how,
        &document.person.role,
    ]
    .join(" ");
    if word_count(&text) >= 6 {
        crate::lang::confident_language(&text).unwrap_or(document.language)
    } else {
        document.language
    }
}

/// Hooks for `audience`: a question about the listener's world, a number, a short story.
pub fn hooks(document: &BrandDocument, audience: Option<&Audience>, language: Language) -> Vec<String> {
    let hooks = Parts::new(document, audience, language).hooks();
    if hooks.is_empty() { vec![tr(language, Tr::DraftHookPlaceholder).to_owned()] } else { hooks }
}

/// The other hooks for a pitch whose proof section says `proof`: the number hook is left
/// out when that section already says the number (choosing it would say it twice).
pub fn hooks_beside(
    document: &BrandDocument,
    audience: Option<&Audience>,
    language: Language,
    proof: &str,
) -> Vec<String> {
    let parts = Parts::new(document, audience, language);
    let number = parts.number_hook();
    let repeats = parts.metric_spoken().is_some_and(|spoken| proof.to_lowercase().contains(&spoken.to_lowercase()));
    hooks(document, audience, language).into_iter().filter(|hook| !(repeats && Some(hook) == number.as_ref())).collect()
}

/// Drafts a pitch for `audience` of `target_seconds` in `language` at `wpm`.
pub fn draft(
    document: &BrandDocument,
    audience: Option<&Audience>,
    target_seconds: u32,
    language: Language,
    wpm: f64,
) -> Draft {
    let parts = Parts::new(document, audience, language);
    let all_hooks = parts.hooks();
    // The opening: a question about their world, else the story, else the number (only
    // where the proof does not say the number already, so that it is said once).
    let story = parts.story_hook();
    let number = parts.number_hook().filter(|_| !parts.result_has_metric());
    let question = parts.question_hook();
    let asked = question.is_some();
    // A short pitch may ask about the first of the things they care about only (S6).
    let short = parts.short_question_hook();
    let (hooks, number_told) = match (question, story, number) {
        (Some(question), Some(story), _) => {
            (vec![question.clone(), format!("{question} {story}")].into_iter().chain(short).collect(), false)
        }
        (Some(question), None, _) => (std::iter::once(question).chain(short).collect(), false),
        (None, Some(story), _) => (vec![story], false),
        (None, None, Some(number)) => (vec![number], true),
        (None, None, None) => (vec![tr(language, Tr::DraftHookPlaceholder).to_owned()], false),
    };
    let options = [hooks, parts.who(), parts.value(asked), parts.proof(number_told), parts.ask()];
    let chosen = closest_to_budget(&options, section_budgets(target_seconds, wpm));
    let sections: Vec<Section> = SectionKind::ALL
        .iter()
        .zip(chosen)
        .zip(&options)
        .map(|((kind, pick), list)| Section { kind: *kind, text: list[pick].clone() })
        .collect();
    let placeholders: Vec<SectionKind> =
        sections.iter().filter(|section| is_placeholder(&section.text)).map(|section| section.kind).collect();
    let mut warnings = Vec::new();
    if !placeholders.is_empty() {
        warnings.push(DraftWarning::Missing(placeholders.clone()));
    }
    warnings.extend(parts.other_language_fields());
    let hooks = if all_hooks.is_empty() { vec![tr(language, Tr::DraftHookPlaceholder).to_owned()] } else { all_hooks };
    let explained = SectionKind::ALL.into_iter().zip(parts.explain()).collect();
    Draft { sections, hooks, placeholders, warnings, explained }
}

/// True for a placeholder sentence: `[…]`.
pub fn is_placeholder(text: &str) -> bool {
    let text = text.trim();
    text.starts_with('[') && text.ends_with(']')
}

/// Words of the longest sentence of `text`.
fn longest_sentence(text: &str) -> usize {
    text.split(['.', '?', '!']).map(word_count).max().unwrap_or(0)
}

/// The phrasing of each section whose lengths together come closest to the budget, with
/// each section near its own share. Every combination is tried (at most a few hundred).
/// What the feedback would remark on costs most (S6): going over the target, a section far
/// over its share, a sentence over the long-sentence limit.
fn closest_to_budget(options: &[Vec<String>; 5], budgets: [usize; 5]) -> [usize; 5] {
    let total = budgets.iter().sum::<usize>().max(1) as f64;
    let lengths: Vec<Vec<usize>> =
        options.iter().map(|list| list.iter().map(|text| word_count(text)).collect()).collect();
    let long: Vec<Vec<bool>> = options
        .iter()
        .map(|list| list.iter().map(|text| longest_sentence(text) > LONG_SENTENCE_WORDS).collect())
        .collect();
    let mut best: Option<(f64, [usize; 5])> = None;
    let mut choice = [0usize; 5];
    loop {
        let words: usize = (0..5).map(|s| lengths[s][choice[s]]).sum();
        let spread: f64 = (0..5).map(|s| (lengths[s][choice[s]] as f64 - budgets[s] as f64).abs()).sum();
        // A section far over its own share is what the feedback would flag: avoid it where a
        // shorter phrasing of that section exists.
        let overlong = (0..5)
            .filter(|&s| {
                let shortest = lengths[s].iter().min().copied().unwrap_or(0);
                let length = lengths[s][choice[s]];
                length > shortest && length as f64 > budgets[s] as f64 * crate::logic::remarks::SECTION_SLACK
            })
            .count();
        let over_target = words as f64 > total;
        let too_long = (0..5).filter(|&s| long[s][choice[s]] && long[s].iter().any(|l| !l)).count();
        let cost = (words as f64 - total).abs() / total
            + 0.1 * spread / total
            + 0.5 * overlong as f64
            + if over_target { 0.3 } else { 0.0 }
            + too_long as f64;
        if best.is_none_or(|(best_cost, _)| cost < best_cost) {
            best = Some((cost, choice));
        }
        // Next combination, like an odometer.
        let mut section = 0;
        loop {
            if section == 5 {
                return best.map_or([0; 5], |(_, chosen)| chosen);
            }
            choice[section] += 1;
            if choice[section] < options[section].len() {
                break;
            }
            choice[section] = 0;
            section += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logic::rate::planning_wpm;

    #[test]
    fn a_hook_that_would_repeat_the_proofs_number_is_not_offered_beside_it() {
        let sample = crate::storage::sample_document().unwrap();
        let audience = sample.audience("hospital-boards");
        let all = hooks(&sample, audience, Language::En);
        let number = all.iter().find(|hook| hook.contains("32 percent")).expect("a number hook");
        let beside = hooks_beside(&sample, audience, Language::En, "That is 32 percent less waiting time.");
        assert!(!beside.contains(number), "{beside:?}");
        assert_eq!(beside.len(), all.len() - 1);
        assert_eq!(hooks_beside(&sample, audience, Language::En, "Waiting time fell within three months."), all);
    }

    #[test]
    fn the_mixed_language_warning_lists_the_questions_in_quotes() {
        let warning = DraftWarning::MixedLanguage {
            written_in: Language::En,
            fields: vec![Tr::FieldWho, Tr::FieldOutcome, Tr::FieldHow],
        };
        let text = warning.describe(Language::Nl);
        assert!(text.contains("(“Wie help je?”, “Wat bereiken zij?” en “Hoe doe je dat?”)"), "{text}");
        assert!(!text.contains("?,"), "{text}");
    }

    #[test]
    fn budgets_follow_length_and_rate() {
        assert_eq!(total_budget(30, 150.0), 75);
        assert_eq!(section_budgets(60, 150.0), [23, 23, 38, 38, 30]);
        assert_eq!(section_budgets(0, 150.0), [0; 5]);
    }

    #[test]
    fn a_draft_for_each_sample_audience_stays_within_its_budget_and_uses_most_of_it() {
        let sample = crate::storage::sample_document().unwrap();
        for pitch in sample.pitches.iter().filter(|pitch| pitch.language == Language::En) {
            let audience = sample.audience(&pitch.audience);
            let wpm = planning_wpm(&sample, pitch.language);
            let drafted = draft(&sample, audience, pitch.target_seconds, pitch.language, wpm);
            let words: usize = drafted.sections.iter().map(|s| word_count(&s.text)).sum();
            let budget = total_budget(pitch.target_seconds, wpm) as f64;
            // Never over (the feedback would flag it, S6); the phrasings come in steps of a
            // sentence, so a draft may end a sentence short.
            let ratio = words as f64 / budget;
            assert!(
                (0.75..=1.02).contains(&ratio),
                "{}: {words} words for a budget of {budget:.0} ({:.0}%)",
                pitch.id,
                ratio * 100.0
            );
            assert_eq!(drafted.sections.len(), 5);
        }
    }

    #[test]
    fn the_draft_uses_the_profile_and_speaks_to_the_listener() {
        let sample = crate::storage::sample_document().unwrap();
        let audience = sample.audience("hospital-boards");
        let drafted = draft(&sample, audience, 30, Language::En, 142.0);
        let text: Vec<&str> = drafted.sections.iter().map(|s| s.text.as_str()).collect();
        assert!(text[0].contains("you") && text[0].ends_with('?'), "{}", text[0]);
        assert!(text[1].starts_with("I'm Sanne de Vries"), "{}", text[1]);
        assert!(text[2].starts_with("I help hospitals cut waiting times"), "{}", text[2]);
        assert!(text.join(" ").contains("32 percent"), "{}", text.join(" "));
        assert!(!text.join(" ").contains('%'));
        assert!(text[4].ends_with('?') && text[4].contains("your hospital"), "the ask is a question: {}", text[4]);
        assert!(drafted.placeholders.is_empty());
        assert_eq!(drafted.hooks.len(), 3);
    }

    #[test]
    fn an_empty_profile_drafts_prompts_to_fill_in() {
        let drafted = draft(&BrandDocument::default(), None, 30, Language::En, 150.0);
        assert_eq!(drafted.sections.len(), 5);
        assert!(drafted.sections.iter().all(|section| is_placeholder(&section.text)), "{:?}", drafted.sections);
        assert_eq!(drafted.placeholders.len(), 5);
        assert!(matches!(&drafted.warnings[0], DraftWarning::Missing(kinds) if kinds.len() == 5));
    }

    #[test]
    fn never_print_values_stay_out_of_drafts() {
        let mut sample = crate::storage::sample_document().unwrap();
        sample.values.cards.values_mut().for_each(|choice| choice.meaning.clear());
        let audience = sample.audience("regional-peers").cloned();
        let all = |sample: &BrandDocument| {
            draft(sample, audience.as_ref(), 90, Language::En, 150.0)
                .sections
                .iter()
                .map(|s| s.text.to_lowercase())
                .collect::<String>()
        };
        assert!(all(&sample).contains("reliability"), "{}", all(&sample));
        sample.values.cards.get_mut("reliability").unwrap().never_print = true;
        assert!(!all(&sample).contains("reliability"));
    }

    #[test]
    fn an_english_profile_drafted_in_dutch_says_so() {
        let sample = crate::storage::sample_document().unwrap();
        let drafted = draft(&sample, sample.audience("regional-peers"), 60, Language::Nl, 127.0);
        assert!(drafted.sections[1].text.starts_with("Ik ben Sanne de Vries"), "{}", drafted.sections[1].text);
        let mixed = drafted.warnings.iter().find_map(|warning| match warning {
            DraftWarning::MixedLanguage { written_in, fields } => Some((*written_in, fields.clone())),
            _ => None,
        });
        let (written_in, fields) = mixed.expect("the mix is named");
        assert_eq!(written_in, Language::En);
        assert!(fields.contains(&Tr::FieldBrandStatement));
        assert_eq!(profile_language(&sample), Language::En);
    }
}
