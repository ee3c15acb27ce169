//! The sections of a draft, composed from the profile's parts: the hooks, who I am, the
//! statement and the values, the proof, the next goal and the ask, each in a few phrasings
//! of different lengths for the budget search in [`crate::logic::draft`].

use super::grammar::{self, Phrase};
use super::{fragment, numbers};
use crate::i18n::{Tr, fill, tr};
use crate::logic::analysis::detect_language;
use crate::logic::draft::{DraftWarning, word_count};
use crate::model::{Address, Audience, BrandDocument, Language, ProofPoint};

/// The parts of the profile a draft is made of, composed once.
pub(crate) struct Parts<'a> {
    document: &'a BrandDocument,
    audience: Option<&'a Audience>,
    language: Language,
    address: Address,
    proof: Option<&'a ProofPoint>,
}

impl<'a> Parts<'a> {
    pub(crate) fn new(document: &'a BrandDocument, audience: Option<&'a Audience>, language: Language) -> Self {
        let address = audience.map_or(Address::Formal, Audience::address);
        Self { document, audience, language, address, proof: best_proof(document) }
    }

    fn t(&self, key: Tr) -> &'static str {
        tr(self.language, key)
    }

    fn speak(&self, text: &str) -> String {
        numbers::speak(&fragment::without_fillers(text, self.language), self.language)
    }

    /// "Where do you stand on …?"
    pub(crate) fn question_hook(&self) -> Option<String> {
        let cares = self.audience.map(|audience| audience.cares_about.as_str()).unwrap_or("");
        grammar::cares_question(cares, self.language, self.address).map(|question| self.speak(&question))
    }

    /// "Not long ago, our campus used more energy every year."
    pub(crate) fn story_hook(&self) -> Option<String> {
        let situation = fragment::clause(&self.proof?.situation);
        if situation.is_empty() {
            return None;
        }
        let situation = self.speak(&fragment::lower_first(&situation));
        Some(fill(self.t(Tr::DraftHookStory), &[("situation", &situation)]))
    }

    /// The metric said as a speaker would.
    fn spoken_metric(&self) -> Option<numbers::Spoken> {
        numbers::metric(&self.proof?.metric, self.language)
    }

    /// True when the result sentence already says the metric's figures.
    pub(crate) fn result_has_metric(&self) -> bool {
        self.proof.is_some_and(result_says_metric)
    }

    /// "A rise from 81 to 96 percent: that is the result I am proudest of."
    pub(crate) fn number_hook(&self) -> Option<String> {
        let spoken = self.spoken_metric()?;
        Some(fill(self.t(Tr::DraftHookNumber), &[("metric", &fragment::capitalise(spoken.text()))]))
    }

    /// Every hook there is, question first.
    pub(crate) fn hooks(&self) -> Vec<String> {
        [self.question_hook(), self.number_hook(), self.story_hook()].into_iter().flatten().collect()
    }

    pub(crate) fn who(&self) -> Vec<String> {
        let person = &self.document.person;
        let name = fragment::clause(&person.name);
        if name.is_empty() {
            return vec![self.t(Tr::DraftNamePlaceholder).to_owned()];
        }
        let role = fragment::lower_first(&fragment::clause(&person.role));
        let organisation = fragment::clause(&person.organisation);
        let mut who = vec![fill(self.t(Tr::DraftWhoShort), &[("name", &name)])];
        if !role.is_empty() {
            let at = if organisation.is_empty() {
                fill(self.t(Tr::DraftWhoRole), &[("name", &name), ("role", &role)])
            } else {
                fill(self.t(Tr::DraftWhoRoleAt), &[("name", &name), ("role", &role), ("organisation", &organisation)])
            };
            let location = fragment::clause(&person.location);
            // "at Stadsziekenhuis Utrecht. I work in Utrecht." says the place twice.
            if !location.is_empty() && !organisation.contains(&location) {
                who.push(format!("{at} {}", fill(self.t(Tr::DraftWhoLocation), &[("location", &location)])));
            }
            who.push(at);
        }
        who
    }

    /// The brand statement: as written, else composed from its parts.
    fn statement(&self) -> Option<String> {
        let written = fragment::clause(&self.document.brand_statement);
        if !written.is_empty() {
            return Some(self.speak(&fragment::sentence(&written)));
        }
        let parts = &self.document.brand_parts;
        let who = fragment::lower_first(&fragment::clause(&parts.who));
        let outcome = grammar::outcome(&parts.outcome, self.language);
        if who.is_empty() || outcome.is_empty() {
            return None;
        }
        let help = fill(self.t(Tr::DraftHelp), &[("who", &who), ("outcome", &outcome)]);
        let how = grammar::how(&parts.how, self.language);
        let sentence = match how {
            Phrase::Verbal(how) if !how.is_empty() => fill(self.t(Tr::DraftHelpBy), &[("help", &help), ("how", &how)]),
            Phrase::Noun(how) if !how.is_empty() => fill(self.t(Tr::DraftHelpWith), &[("help", &help), ("how", &how)]),
            Phrase::Sentence(how) => format!("{help}. {}", fragment::sentence(&how)),
            _ => help,
        };
        Some(self.speak(&fragment::sentence(&sentence)))
    }

    /// The top values as a reason: the person's own meaning, else the values' names.
    fn values(&self) -> Option<String> {
        let document = self.document;
        let printable: Vec<&String> = document
            .values
            .ranking
            .iter()
            .filter(|id| !document.values.cards.get(*id).is_some_and(|choice| choice.never_print))
            .collect();
        let meaning = printable.iter().find_map(|id| {
            let meaning = fragment::clause(&document.values.cards.get(*id)?.meaning);
            (meaning.split_whitespace().count() >= 3).then(|| self.speak(&fragment::sentence(&meaning)))
        });
        if meaning.is_some() {
            return meaning;
        }
        let name = |id: &String| crate::i18n::values::value_text(document, id, self.language).0.to_owned();
        match printable.as_slice() {
            [first, second, ..] => Some(fill(
                self.t(Tr::DraftValuesTwo),
                &[("value1", &fragment::capitalise(&name(first))), ("value2", &fragment::lower_first(&name(second)))],
            )),
            [first] => Some(fill(self.t(Tr::DraftValuesOne), &[("value1", &fragment::capitalise(&name(first)))])),
            [] => None,
        }
    }

    /// "Waiting lists and the cost of care: I know what that means for you."
    fn cares(&self) -> Option<String> {
        let audience = self.audience?;
        let cares = fragment::first_clause(&audience.cares_about);
        let cares = grammar::to_listener(&cares, self.language, self.address);
        if cares.is_empty() || !grammar::is_noun_phrase(&cares, self.language) {
            return None;
        }
        let key = match self.address {
            Address::Formal => Tr::DraftCaresFormal,
            Address::Informal => Tr::DraftCaresInformal,
        };
        Some(self.speak(&fill(self.t(key), &[("cares", &fragment::capitalise(&cares))])))
    }

    pub(crate) fn value(&self) -> Vec<String> {
        let Some(statement) = self.statement() else { return vec![self.t(Tr::DraftValuePlaceholder).to_owned()] };
        let mut value = vec![statement.clone()];
        let values = self.values();
        if let Some(values) = &values {
            value.push(format!("{statement} {values}"));
        }
        if let Some(cares) = self.cares() {
            value.push(format!("{statement} {cares}"));
            if let Some(values) = &values {
                value.push(format!("{statement} {cares} {values}"));
            }
        }
        value
    }

    /// A proof point's result, said with its metric (unless the result says the number
    /// already, or the number was told in the hook).
    fn result_of(&self, point: &ProofPoint, number_told: bool) -> String {
        let result = fragment::clause(&point.result);
        let mut result = if result.is_empty() { String::new() } else { self.speak(&fragment::sentence(&result)) };
        if !number_told
            && !result_says_metric(point)
            && let Some(spoken) = numbers::metric(&point.metric, self.language)
        {
            let line = fill(self.t(Tr::DraftProofMetric), &[("metric", &spoken.text())]);
            result = if result.is_empty() { line } else { format!("{result} {line}") };
        }
        result
    }

    /// The proof: the result, with what I did, with a second story's result. The situation
    /// is told in the hook, where a story belongs.
    pub(crate) fn proof(&self, number_told: bool) -> Vec<String> {
        let Some(point) = self.proof else { return vec![self.t(Tr::DraftProofPlaceholder).to_owned()] };
        let result = self.result_of(point, number_told);
        let action = fragment::clause(&point.action);
        let action = if action.is_empty() { String::new() } else { self.speak(&fragment::sentence(&action)) };
        let other = self
            .document
            .expertise
            .iter()
            .flat_map(|skill| &skill.proof)
            .filter(|other| !std::ptr::eq(*other, point))
            .map(|other| self.result_of(other, false))
            .find(|text| !text.is_empty())
            .unwrap_or_default();
        let join = |parts: &[&String]| {
            parts.iter().filter(|part| !part.is_empty()).map(|part| part.as_str()).collect::<Vec<_>>().join(" ")
        };
        // The shortest: the number alone, as the result to be proud of.
        let number = if number_told { String::new() } else { self.number_hook().unwrap_or_default() };
        let mut proof = vec![number, join(&[&result]), join(&[&action, &result]), join(&[&action, &result, &other])];
        proof.retain(|text| !text.is_empty());
        proof.dedup();
        if proof.is_empty() {
            proof.push(self.t(Tr::DraftProofPlaceholder).to_owned());
        }
        proof
    }

    /// The first one-year goal, as what I am after: "My goal is to …".
    fn goal(&self) -> Option<String> {
        let goal = self.document.goals.iter().find(|goal| goal.horizon == crate::model::Horizon::OneYear)?;
        let goal = fragment::clause(&goal.statement);
        let first = goal.split_whitespace().next().map(fragment::bare)?;
        let sentence = match self.language {
            Language::En if first == "i" => fragment::sentence(&goal),
            Language::En if crate::i18n::words::words(Language::En).is_verb(&first) => {
                fill(self.t(Tr::DraftGoalTo), &[("goal", &fragment::lower_first(&goal))])
            }
            Language::Nl if first == "ik" => fragment::sentence(&goal),
            Language::Nl => match grammar::te_clause(&fragment::lower_first(&goal)) {
                Some(te) => fill(self.t(Tr::DraftGoalTo), &[("goal", &te)]),
                None => fill(self.t(Tr::DraftGoalIs), &[("goal", &fragment::lower_first(&goal))]),
            },
            Language::En => fill(self.t(Tr::DraftGoalIs), &[("goal", &fragment::lower_first(&goal))]),
        };
        Some(self.speak(&sentence))
    }

    pub(crate) fn ask(&self) -> Vec<String> {
        let ask = self.audience.map(|audience| audience.ask.as_str()).unwrap_or("");
        let question = grammar::ask(ask, self.language, self.address);
        if question.is_empty() {
            return vec![self.t(Tr::DraftAskPlaceholder).to_owned()];
        }
        let question = self.speak(&question);
        match self.goal() {
            Some(goal) => vec![question.clone(), format!("{goal} {question}")],
            None => vec![question],
        }
    }

    /// Fields of four words or more that read as the other language.
    pub(crate) fn other_language_fields(&self) -> Option<DraftWarning> {
        let document = self.document;
        let mut fields: Vec<(Tr, &str)> = vec![
            (Tr::FieldBrandStatement, &document.brand_statement),
            (Tr::FieldWho, &document.brand_parts.who),
            (Tr::FieldOutcome, &document.brand_parts.outcome),
            (Tr::FieldHow, &document.brand_parts.how),
            (Tr::FieldRole, &document.person.role),
        ];
        if let Some(proof) = self.proof {
            fields.extend([
                (Tr::FieldSituation, proof.situation.as_str()),
                (Tr::FieldAction, &proof.action),
                (Tr::FieldResult, &proof.result),
            ]);
        }
        if let Some(audience) = self.audience {
            fields.extend([(Tr::FieldCaresAbout, audience.cares_about.as_str()), (Tr::FieldAsk, &audience.ask)]);
        }
        let other = match self.language {
            Language::En => Language::Nl,
            Language::Nl => Language::En,
        };
        let found: Vec<Tr> = fields
            .into_iter()
            .filter(|(_, text)| word_count(text) >= 4 && detect_language(text) == other)
            .map(|(field, _)| field)
            .collect();
        (!found.is_empty()).then_some(DraftWarning::MixedLanguage { written_in: other, fields: found })
    }
}

/// The signature story, or the first proof with a metric, or the first proof.
/// True when a proof's result sentence already says every figure of its metric.
fn result_says_metric(point: &ProofPoint) -> bool {
    let in_result = numbers::figures(&point.result);
    let in_metric = numbers::figures(&point.metric);
    !in_metric.is_empty() && in_metric.iter().all(|figure| in_result.contains(figure))
}

fn best_proof(document: &BrandDocument) -> Option<&ProofPoint> {
    let proofs = || document.expertise.iter().flat_map(|skill| &skill.proof);
    let told = |proof: &&ProofPoint| !(proof.result.trim().is_empty() && proof.metric.trim().is_empty());
    proofs()
        .filter(told)
        .find(|proof| proof.signature)
        .or_else(|| proofs().filter(told).find(|proof| !proof.metric.trim().is_empty()))
        .or_else(|| proofs().find(told))
}
