//! Drafting a pitch from the profile: deterministic, from templates in the language files.
//!
//! Each section gets a word budget from the target length and the speaking rate. For each
//! section there are a few phrasings of different lengths made from the profile (brand
//! statement, top values, signature proof and its metric, the audience and its ask); the
//! draft picks the combination whose length is closest to the budget. Missing answers
//! become bracketed prompts, so a draft always has all five sections.

use unicode_segmentation::UnicodeSegmentation;

use crate::i18n::{Tr, fill, tr};
use crate::model::{Audience, BrandDocument, Language, ProofPoint, Section, SectionKind};

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

/// A drafted pitch: five sections, and the hooks to choose from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// The sections, in speaking order.
    pub sections: Vec<Section>,
    /// Alternative hooks: a question, a striking number, a short story.
    pub hooks: Vec<String>,
}

fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").trim_end_matches(['.', ';', ',', ':']).to_owned()
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if !text.starts_with("I ") && !text.starts_with("I'") => {
            first.to_lowercase().chain(chars).collect()
        }
        Some(first) => std::iter::once(first).chain(chars).collect(),
        None => String::new(),
    }
}

fn sentence(text: &str) -> String {
    let text = clean(text);
    if text.is_empty() || text.ends_with(['?', '!']) { text } else { format!("{text}.") }
}

fn join(parts: &[String]) -> String {
    parts.iter().filter(|part| !part.trim().is_empty()).cloned().collect::<Vec<_>>().join(" ")
}

/// The signature story, or the first proof with a metric, or the first proof.
fn best_proof(document: &BrandDocument) -> Option<&ProofPoint> {
    let proofs = || document.expertise.iter().flat_map(|skill| &skill.proof);
    proofs()
        .find(|proof| proof.signature)
        .or_else(|| proofs().find(|proof| !proof.metric.trim().is_empty()))
        .or_else(|| proofs().next())
}

/// Hooks for `audience`: a question, a striking number, a short story opening.
pub fn hooks(document: &BrandDocument, audience: Option<&Audience>, language: Language) -> Vec<String> {
    let t = |key| tr(language, key);
    let audience_name = audience.map(|a| lower_first(&clean(&a.name))).filter(|name| !name.is_empty());
    let outcome = clean(&document.brand_parts.outcome);
    let mut found = Vec::new();
    if let Some(name) = &audience_name
        && !outcome.is_empty()
    {
        found.push(fill(t(Tr::DraftHookQuestion), &[("audience", name), ("outcome", &outcome)]));
    }
    if let Some(proof) = best_proof(document) {
        if !proof.metric.trim().is_empty() {
            found.push(fill(t(Tr::DraftHookNumber), &[("metric", &clean(&proof.metric))]));
        }
        if !proof.situation.trim().is_empty() {
            found.push(fill(t(Tr::DraftHookStory), &[("situation", &lower_first(&clean(&proof.situation)))]));
        }
    }
    if found.is_empty() {
        found.push(t(Tr::DraftHookPlaceholder).to_owned());
    }
    found
}

/// Phrasings of each section, shortest first.
fn candidates(document: &BrandDocument, audience: Option<&Audience>, language: Language) -> [Vec<String>; 5] {
    let t = |key| tr(language, key);
    let person = &document.person;

    let name = clean(&person.name);
    let name = if name.is_empty() { t(Tr::DraftNamePlaceholder).to_owned() } else { name };
    let role = clean(&person.role);
    let organisation = clean(&person.organisation);
    let mut who = vec![fill(t(Tr::DraftWhoShort), &[("name", &name)])];
    if !role.is_empty() {
        let at = if organisation.is_empty() {
            fill(t(Tr::DraftWhoRole), &[("name", &name), ("role", &lower_first(&role))])
        } else {
            fill(
                t(Tr::DraftWhoRoleAt),
                &[("name", &name), ("role", &lower_first(&role)), ("organisation", &organisation)],
            )
        };
        who.push(at.clone());
        let location = clean(&person.location);
        if !location.is_empty() {
            who.push(join(&[at, fill(t(Tr::DraftWhoLocation), &[("location", &location)])]));
        }
    }

    let statement = if document.brand_statement.trim().is_empty() {
        t(Tr::DraftValuePlaceholder).to_owned()
    } else {
        sentence(&document.brand_statement)
    };
    let mut value = vec![statement.clone()];
    let printable: Vec<String> = document
        .values
        .ranking
        .iter()
        .filter(|id| !document.values.cards.get(*id).is_some_and(|choice| choice.never_print))
        .map(|id| lower_first(crate::i18n::values::value_text(document, id, language).0))
        .collect();
    let values_line = match printable.as_slice() {
        [first, second, ..] => Some(fill(t(Tr::DraftValues), &[("value1", first), ("value2", second)])),
        _ => None,
    };
    if let Some(line) = &values_line {
        value.push(join(&[statement.clone(), line.clone()]));
    }
    if let Some(audience) = audience.filter(|a| !a.cares_about.trim().is_empty() && !a.name.trim().is_empty()) {
        let cares = fill(
            t(Tr::DraftAudienceCares),
            &[
                ("audience", &lower_first(&clean(&audience.name))),
                ("cares", &lower_first(&clean(&audience.cares_about))),
            ],
        );
        value.push(join(&[statement.clone(), values_line.clone().unwrap_or_default(), cares]));
    }

    let mut proof = Vec::new();
    match best_proof(document) {
        Some(point) => {
            let result = sentence(&point.result);
            let metric = clean(&point.metric);
            let result_with_metric = if metric.is_empty() || result.contains(&metric) {
                result.clone()
            } else {
                fill(t(Tr::DraftProofMetric), &[("result", &clean(&point.result)), ("metric", &metric)])
            };
            proof.push(result_with_metric.clone());
            proof.push(join(&[sentence(&point.action), result_with_metric.clone()]));
            proof.push(join(&[sentence(&point.situation), sentence(&point.action), result_with_metric]));
        }
        None => proof.push(t(Tr::DraftProofPlaceholder).to_owned()),
    }

    let ask = audience.map(|a| clean(&a.ask)).filter(|ask| !ask.is_empty());
    let ask = match ask {
        Some(ask) if ask.ends_with('?') => vec![ask],
        Some(ask) => vec![fill(t(Tr::DraftAsk), &[("ask", &lower_first(&ask))])],
        None => vec![t(Tr::DraftAskPlaceholder).to_owned()],
    };

    [Vec::new(), who, value, proof, ask]
}

/// Drafts a pitch for `audience` of `target_seconds` in `language` at `wpm`.
pub fn draft(
    document: &BrandDocument,
    audience: Option<&Audience>,
    target_seconds: u32,
    language: Language,
    wpm: f64,
) -> Draft {
    let hooks = hooks(document, audience, language);
    let mut options = candidates(document, audience, language);
    options[0] = hooks.clone();
    let budgets = section_budgets(target_seconds, wpm);
    let total = budgets.iter().sum::<usize>().max(1) as f64;

    // Try every combination (at most a few hundred) and keep the one whose total is
    // closest to the budget, preferring sections close to their own budget.
    let lengths: Vec<Vec<usize>> = options.iter().map(|list| list.iter().map(|t| word_count(t)).collect()).collect();
    let mut best: Option<(f64, [usize; 5])> = None;
    let mut choice = [0usize; 5];
    loop {
        let words: usize = (0..5).map(|s| lengths[s][choice[s]]).sum();
        let spread: f64 = (0..5).map(|s| (lengths[s][choice[s]] as f64 - budgets[s] as f64).abs()).sum();
        let cost = (words as f64 - total).abs() / total + 0.1 * spread / total;
        if best.is_none_or(|(best_cost, _)| cost < best_cost) {
            best = Some((cost, choice));
        }
        // Next combination, like an odometer.
        let mut section = 0;
        loop {
            if section == 5 {
                let chosen = best.map_or([0; 5], |(_, chosen)| chosen);
                let sections = SectionKind::ALL
                    .iter()
                    .zip(chosen)
                    .zip(&options)
                    .map(|((kind, pick), list)| Section { kind: *kind, text: list[pick].clone() })
                    .collect();
                return Draft { sections, hooks };
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
    fn budgets_follow_length_and_rate() {
        assert_eq!(total_budget(30, 150.0), 75);
        assert_eq!(section_budgets(60, 150.0), [23, 23, 38, 38, 30]);
        assert_eq!(section_budgets(0, 150.0), [0; 5]);
    }

    #[test]
    fn a_draft_for_each_sample_audience_fits_its_budget_within_fifteen_percent() {
        let sample = crate::storage::sample_document().unwrap();
        for pitch in &sample.pitches {
            let audience = sample.audience(&pitch.audience);
            let wpm = planning_wpm(&sample, pitch.language);
            let drafted = draft(&sample, audience, pitch.target_seconds, pitch.language, wpm);
            let words: usize = drafted.sections.iter().map(|s| word_count(&s.text)).sum();
            let budget = total_budget(pitch.target_seconds, wpm) as f64;
            let off = (words as f64 - budget).abs() / budget;
            assert!(off <= 0.15, "{}: {words} words for a budget of {budget:.0} ({:.0}% off)", pitch.id, off * 100.0);
            assert_eq!(drafted.sections.len(), 5);
        }
    }

    #[test]
    fn the_draft_uses_the_profile() {
        let sample = crate::storage::sample_document().unwrap();
        let audience = sample.audience("hospital-boards");
        let drafted = draft(&sample, audience, 30, Language::En, 142.0);
        let text: Vec<&str> = drafted.sections.iter().map(|s| s.text.as_str()).collect();
        assert!(text[1].starts_with("I'm Sanne de Vries"), "{}", text[1]);
        assert!(text[2].starts_with("I help hospitals cut waiting times"), "{}", text[2]);
        assert!(text.join(" ").contains("-32% waiting time"));
        assert!(text[4].ends_with('?'), "the ask is a question: {}", text[4]);
        assert_eq!(drafted.hooks.len(), 3);
        assert!(drafted.hooks[0].ends_with('?'));
    }

    #[test]
    fn dutch_templates_for_a_dutch_pitch() {
        let sample = crate::storage::sample_document().unwrap();
        let drafted = draft(&sample, sample.audience("regional-peers"), 60, Language::Nl, 127.0);
        assert!(drafted.sections[1].text.starts_with("Ik ben Sanne de Vries"), "{}", drafted.sections[1].text);
    }

    #[test]
    fn an_empty_profile_drafts_prompts_to_fill_in() {
        let drafted = draft(&BrandDocument::default(), None, 30, Language::En, 150.0);
        assert_eq!(drafted.sections.len(), 5);
        assert!(drafted.sections.iter().all(|section| !section.text.trim().is_empty()));
        assert!(drafted.sections[4].text.starts_with('['), "{}", drafted.sections[4].text);
    }

    #[test]
    fn never_print_values_stay_out_of_drafts() {
        let mut sample = crate::storage::sample_document().unwrap();
        let audience = sample.audience("regional-peers").cloned();
        let all = |sample: &BrandDocument| {
            draft(sample, audience.as_ref(), 90, Language::En, 150.0)
                .sections
                .iter()
                .map(|s| s.text.clone())
                .collect::<String>()
        };
        assert!(all(&sample).contains("reliability"));
        sample.values.cards.get_mut("reliability").unwrap().never_print = true;
        assert!(!all(&sample).contains("reliability"));
    }
}
