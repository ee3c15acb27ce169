//! Plan: what each section of a draft says for this audience, length and language, from
//! the profile read once ([`Readings`]): the hooks, who I am, the value, the proof, the
//! next goal and the ask, each in a few phrasings of different lengths for the budget
//! search in [`crate::logic::draft`]. The rules of `composition-phenomena.md` S1–S7 live
//! here: the goal only for those who can help, the value composed before a placeholder,
//! each number once, the ask last and the only question after the hook, their world said
//! once, the role always said.

use super::read::{Field, Phrase, read};
use super::say::{self, Said};
use super::{fragment, numbers};
use crate::i18n::{Tr, fill, tr};
use crate::lang::confident_language;
use crate::logic::draft::DraftWarning;
use crate::model::{Address, Audience, BrandDocument, Language, Network, ProofPoint};

/// One field as the draft read it and the rule that said it (`draft --explain`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Use {
    /// The field, as the app names it.
    pub field: Tr,
    /// What the person typed.
    pub typed: String,
    /// How it was read.
    pub read_as: &'static str,
    /// The rule that realised it.
    pub rule: &'static str,
}

/// The profile's answers, read once for a draft.
struct Readings {
    outcome: Phrase,
    how: Phrase,
    cares: Phrase,
    ask: Phrase,
    goal: Option<Phrase>,
    description: Option<Phrase>,
}

/// The parts of the profile a draft is made of, read once and planned for one audience.
pub(crate) struct Parts<'a> {
    document: &'a BrandDocument,
    audience: Option<&'a Audience>,
    language: Language,
    address: Address,
    proof: Option<&'a ProofPoint>,
    read: Readings,
}

/// True when two descriptions of people name the same group ("finance directors of housing
/// associations" and "Finance directors, housing associations").
pub fn same_people(a: &str, b: &str) -> bool {
    let skip = ["the", "of", "a", "an", "and", "de", "het", "van", "een", "en", "in", "bij", "at", "for", "voor"];
    let words = |text: &str| -> Vec<String> {
        fragment::clause(text)
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .filter(|w| !w.is_empty() && !skip.contains(&w.as_str()))
            .collect()
    };
    // The head noun decides: "HR-adviseurs bij andere gemeenten" are not "gemeenten",
    // "university directors" are not "universities".
    let head = |text: &str| -> String {
        let stops = [
            "of", "at", "in", "for", "from", "with", "who", "that", "which", "van", "bij", "voor", "uit", "met", "op",
            "die", "dat", "in",
        ];
        let lower = fragment::clause(text).to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        let end = words.iter().position(|w| stops.contains(w)).unwrap_or(words.len());
        words[..end]
            .last()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-').to_owned())
            .unwrap_or_default()
    };
    if head(a) != head(b) {
        return false;
    }
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let shared = a.iter().filter(|w| b.contains(w)).count();
    let smaller = a.len().min(b.len());
    shared == smaller || (shared as f64) / (a.len().max(b.len()) as f64) >= 0.6
}

impl<'a> Parts<'a> {
    pub(crate) fn new(document: &'a BrandDocument, audience: Option<&'a Audience>, language: Language) -> Self {
        let address = audience.map_or(Address::Formal, Audience::address);
        let parts = &document.brand_parts;
        let goal = document
            .goals
            .iter()
            .find(|goal| goal.horizon == crate::model::Horizon::OneYear)
            .map(|goal| read(&goal.statement, Field::Goal, language));
        let description = document
            .expertise
            .iter()
            .find(|skill| !skill.description.trim().is_empty())
            .map(|skill| read(&skill.description, Field::Description, language));
        let read = Readings {
            outcome: read(&parts.outcome, Field::Outcome, language),
            how: read(&parts.how, Field::How, language),
            cares: read(
                &fragment::first_clause(audience.map_or("", |a| a.cares_about.as_str())),
                Field::Cares,
                language,
            ),
            ask: read(audience.map_or("", |a| a.ask.as_str()), Field::Ask, language),
            goal,
            description,
        };
        Self { document, audience, language, address, proof: best_proof(document), read }
    }

    fn t(&self, key: Tr) -> &'static str {
        tr(self.language, key)
    }

    fn speak(&self, text: &str) -> String {
        numbers::speak(&fragment::without_fillers(text, self.language), self.language)
    }

    /// The question about their world, from what the audience cares about.
    pub(crate) fn question_hook(&self) -> Option<String> {
        say::cares_hook(&self.read.cares, self.language, self.address).map(|said| self.speak(&said.text))
    }

    /// The opening about their world said shorter, for a short pitch whose opening would run
    /// over its share: "hoge energiekosten en lege schappen" asks about "hoge
    /// energiekosten"; a "that"-clause drops "for you". `None` where nothing is shorter.
    pub(crate) fn short_question_hook(&self) -> Option<String> {
        // A "that"-clause keeps its words and loses the frame's "for you".
        if let Phrase::ThatClause(text) = &self.read.cares {
            let yours = fragment::capitalise(&say::to_listener(text, self.language, self.address));
            let end = if self.language == Language::En { "that is what counts." } else { "daar draait het om." };
            return Some(self.speak(&format!("{yours}: {end}")));
        }
        // Two clauses ("suppliers deliver late and nobody knows …"): the first alone.
        if let Phrase::Clause(text) = &self.read.cares {
            let first = [", ", " and ", " en ", " but ", " maar "]
                .iter()
                .filter_map(|joint| text.split_once(joint).map(|(first, _)| first))
                .min_by_key(|first| first.len())?;
            let phrase = read(first, Field::Cares, self.language);
            return matches!(phrase, Phrase::Clause(_))
                .then(|| say::cares_hook(&phrase, self.language, self.address).map(|said| self.speak(&said.text)))
                .flatten();
        }
        let Phrase::Noun(text) = &self.read.cares else { return None };
        let first = text.split(", ").next()?.split(" and ").next()?.split(" en ").next()?.trim();
        if first.split_whitespace().count() < 2 || first == text.as_str() {
            return None;
        }
        let phrase = read(first, Field::Cares, self.language);
        matches!(phrase, Phrase::Noun(_))
            .then(|| say::cares_hook(&phrase, self.language, self.address).map(|said| self.speak(&said.text)))
            .flatten()
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

    /// True when the result sentence already says the metric's figures.
    pub(crate) fn result_has_metric(&self) -> bool {
        self.proof.is_some_and(result_says_metric)
    }

    /// The signature metric as a speaker says it ("32 percent less waiting time").
    pub(crate) fn metric_spoken(&self) -> Option<String> {
        numbers::metric(&self.proof?.metric, self.language).map(|spoken| match spoken {
            numbers::Spoken::Sentence(text) => text.trim_end_matches('.').to_owned(),
            other => other.text().to_owned(),
        })
    }

    /// "A rise from 81 to 96 percent: that is the result I am proudest of."
    pub(crate) fn number_hook(&self) -> Option<String> {
        let spoken = numbers::metric(&self.proof?.metric, self.language)?;
        Some(match spoken {
            numbers::Spoken::Sentence(text) => text,
            other => fill(self.t(Tr::DraftHookNumber), &[("metric", &fragment::capitalise(other.text()))]),
        })
    }

    /// Every hook there is, question first.
    pub(crate) fn hooks(&self) -> Vec<String> {
        [self.question_hook(), self.number_hook(), self.story_hook()].into_iter().flatten().collect()
    }

    /// Who I am: the name with the role (S7: never the name alone when there is a role),
    /// and the place only where the audience's own words mention it.
    pub(crate) fn who(&self) -> Vec<String> {
        let person = &self.document.person;
        let name = fragment::clause(&person.name);
        if name.is_empty() {
            return vec![self.t(Tr::DraftNamePlaceholder).to_owned()];
        }
        // "&" is said as the word, in a role and in a name ("Energie & Zo").
        let and = |text: String| {
            let word = if self.language == Language::En { " and " } else { " en " };
            text.replace(" & ", word)
        };
        let role = and(fragment::lower_first(&fragment::clause(&person.role)));
        let organisation = and(fragment::clause(&person.organisation));
        if role.is_empty() {
            return vec![fill(self.t(Tr::DraftWhoShort), &[("name", &name)])];
        }
        let at = if organisation.is_empty() {
            fill(self.t(Tr::DraftWhoRole), &[("name", &name), ("role", &role)])
        } else {
            fill(self.t(Tr::DraftWhoRoleAt), &[("name", &name), ("role", &role), ("organisation", &organisation)])
        };
        let mut who = vec![at.clone()];
        let location = fragment::clause(&person.location);
        let matters = self.audience.is_some_and(|audience| {
            let said = format!("{} {} {}", audience.name, audience.cares_about, audience.ask).to_lowercase();
            !location.is_empty() && said.contains(&location.to_lowercase())
        });
        if matters && !organisation.contains(&location) {
            who.push(format!("{at} {}", fill(self.t(Tr::DraftWhoLocation), &[("location", &location)])));
        }
        who
    }

    /// Whether the brand statement's "who" is the audience spoken to (E11).
    fn listener_is_who(&self) -> bool {
        let Some(audience) = self.audience else { return false };
        let who = &self.document.brand_parts.who;
        (!who.trim().is_empty() && same_people(who, &audience.name))
            || self.statement_who().is_some_and(|who| same_people(&who, &audience.name))
    }

    /// The group a written statement helps: "I help X …" / "Ik help X …", up to the verb.
    fn statement_who(&self) -> Option<String> {
        let written = fragment::clause(&self.document.brand_statement);
        let rest = written.strip_prefix("I help ").or_else(|| written.strip_prefix("Ik help "))?;
        let lex = crate::lang::lexicon(self.language);
        let words: Vec<&str> = rest.split_whitespace().collect();
        let end = words.iter().position(|w| {
            let w = fragment::bare(w);
            lex.infinitive(&w).is_some() && !lex.may_be_noun(&w) || w == "te" || w == "om" || w == "to" || w == "by"
        })?;
        (end > 0).then(|| words[..end].join(" "))
    }

    /// The brand statement as written, with the listener as "you" where its "who" is the
    /// audience; else composed from its parts.
    fn statement(&self) -> Option<String> {
        let written = fragment::clause(&self.document.brand_statement);
        if !written.is_empty() {
            let mut text = written.clone();
            if let (Some(who), true) = (self.statement_who(), self.listener_is_who()) {
                let you = say::help_you(self.language, self.address);
                // The rest is said to them too: "their energy bills" → "your energy bills".
                text = say::to_listener(&text.replacen(&who, you, 1), self.language, self.address);
            }
            return Some(self.speak(&fragment::sentence(&text)));
        }
        self.statement_from_parts()
    }

    fn statement_from_parts(&self) -> Option<String> {
        let to_them = self.listener_is_who();
        let who = if to_them {
            say::help_you(self.language, self.address).to_owned()
        } else {
            fragment::lower_first(&fragment::clause(&self.document.brand_parts.who))
        };
        let text = say::help_sentence(&who, &self.read.outcome, &self.read.how, self.language)?;
        // Said to the people helped, the rest is theirs as "your" ("I help you cut your …").
        let text = if to_them { say::to_listener(&text, self.language, self.address) } else { text };
        Some(self.speak(&text))
    }

    /// The value without a statement or its parts (S2): the headline's "who …" clause in
    /// the first person, else a skill's description.
    fn value_otherwise(&self) -> Option<String> {
        if let Some(said) = say::from_headline(&self.document.person.headline, self.language) {
            return Some(self.speak(&said.text));
        }
        let description = self.read.description.as_ref()?;
        say::speciality(description, self.language).map(|said| self.speak(&said.text))
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

    /// "Waiting lists and the cost of care: I know what that means for you." Only where the
    /// hook did not ask about their world already (S5).
    fn cares(&self, hook_asked: bool) -> Option<String> {
        let Phrase::Noun(np) = &self.read.cares else { return None };
        if hook_asked {
            return None;
        }
        let cares = say::to_listener(np, self.language, self.address);
        let key = match self.address {
            Address::Formal => Tr::DraftCaresFormal,
            Address::Informal => Tr::DraftCaresInformal,
        };
        Some(self.speak(&fill(self.t(key), &[("cares", &fragment::capitalise(&cares))])))
    }

    /// The value: the statement (or what stands in for it), with their world and the
    /// values where the budget allows.
    pub(crate) fn value(&self, hook_asked: bool) -> Vec<String> {
        let Some(statement) = self.statement().or_else(|| self.value_otherwise()) else {
            return vec![self.t(Tr::DraftValuePlaceholder).to_owned()];
        };
        let mut value = vec![statement.clone()];
        let values = self.values();
        if let Some(values) = &values {
            value.push(format!("{statement} {values}"));
        }
        if let Some(cares) = self.cares(hook_asked) {
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
            let line = match spoken {
                numbers::Spoken::Sentence(text) => text,
                other => fill(self.t(Tr::DraftProofMetric), &[("metric", &other.text())]),
            };
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
        // A second story only where it tells no number the first one told (S3).
        let told = numbers::figures(&format!("{} {}", point.result, point.metric));
        let other = self
            .document
            .expertise
            .iter()
            .flat_map(|skill| &skill.proof)
            .filter(|other| !std::ptr::eq(*other, point))
            .filter(|other| {
                numbers::figures(&format!("{} {}", other.result, other.metric)).iter().all(|f| !told.contains(f))
            })
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

    /// The next goal, told only to those who can help reach it (S1): the strategic and the
    /// personal network, not customers or the team.
    fn goal(&self) -> Option<String> {
        if self.audience.is_some_and(|audience| audience.network == Network::Operational) {
            return None;
        }
        let goal = self.read.goal.as_ref()?;
        say::goal(goal, self.language).map(|said| self.speak(&said.text))
    }

    /// The ask: one question, the last sentence (S4).
    pub(crate) fn ask(&self) -> Vec<String> {
        let Some(question) = say::ask(&self.read.ask, self.language, self.address) else {
            return vec![self.t(Tr::DraftAskPlaceholder).to_owned()];
        };
        let question = self.speak(&question.text);
        match self.goal() {
            Some(goal) => vec![question.clone(), format!("{goal} {question}")],
            None => vec![question],
        }
    }

    /// Fields the language detector is confident are in the other language.
    pub(crate) fn other_language_fields(&self) -> Option<DraftWarning> {
        let other = match self.language {
            Language::En => Language::Nl,
            Language::Nl => Language::En,
        };
        let found: Vec<Tr> = self
            .fields()
            .into_iter()
            .filter(|(_, text)| confident_language(text) == Some(other))
            .map(|(field, _)| field)
            .collect();
        (!found.is_empty()).then_some(DraftWarning::MixedLanguage { written_in: other, fields: found })
    }

    /// The fields a draft draws on, named as the app names them.
    fn fields(&self) -> Vec<(Tr, &str)> {
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
        fields
    }

    /// What each section drew on and how it was read and said (`draft --explain`).
    pub(crate) fn explain(&self) -> [Vec<Use>; 5] {
        let language = self.language;
        let used = |field: Tr, typed: &str, phrase: &Phrase, said: Option<Said>| Use {
            field,
            typed: typed.trim().to_owned(),
            read_as: phrase.kind(),
            rule: said.map_or("not used", |said| said.rule),
        };
        let audience = self.audience;
        let parts = &self.document.brand_parts;
        let hook = vec![used(
            Tr::FieldCaresAbout,
            audience.map_or("", |a| a.cares_about.as_str()),
            &self.read.cares,
            say::cares_hook(&self.read.cares, language, self.address),
        )];
        let who = vec![Use {
            field: Tr::FieldRole,
            typed: self.document.person.role.trim().to_owned(),
            read_as: "kept as typed",
            rule: "I'm + name + role",
        }];
        let mut value = Vec::new();
        if !self.document.brand_statement.trim().is_empty() {
            value.push(Use {
                field: Tr::FieldBrandStatement,
                typed: self.document.brand_statement.trim().to_owned(),
                read_as: "sentence",
                rule: if self.listener_is_who() { "kept, the listener as you" } else { "kept as typed" },
            });
        } else {
            value.push(used(
                Tr::FieldOutcome,
                &parts.outcome,
                &self.read.outcome,
                say::outcome(&self.read.outcome, language),
            ));
            value.push(used(
                Tr::FieldHow,
                &parts.how,
                &self.read.how,
                say::how(&self.read.how, language).map(|(_, rule)| Said { text: String::new(), rule }),
            ));
        }
        let proof = match self.proof {
            Some(point) => vec![Use {
                field: Tr::FieldMetric,
                typed: point.metric.trim().to_owned(),
                read_as: "metric",
                rule: numbers::metric(&point.metric, language).map_or("no number", |spoken| spoken.rule()),
            }],
            None => Vec::new(),
        };
        let ask = vec![used(
            Tr::FieldAsk,
            audience.map_or("", |a| a.ask.as_str()),
            &self.read.ask,
            say::ask(&self.read.ask, language, self.address),
        )];
        [hook, who, value, proof, ask]
    }
}

/// True when a proof's result sentence already says every figure of its metric.
fn result_says_metric(point: &ProofPoint) -> bool {
    let in_result = numbers::figures(&point.result);
    let in_metric = numbers::figures(&point.metric);
    !in_metric.is_empty() && in_metric.iter().all(|figure| in_result.contains(figure))
}

/// The signature story, or the first proof with a metric, or the first proof.
fn best_proof(document: &BrandDocument) -> Option<&ProofPoint> {
    let proofs = || document.expertise.iter().flat_map(|skill| &skill.proof);
    let told = |proof: &&ProofPoint| !(proof.result.trim().is_empty() && proof.metric.trim().is_empty());
    proofs()
        .filter(told)
        .find(|proof| proof.signature)
        .or_else(|| proofs().filter(told).find(|proof| !proof.metric.trim().is_empty()))
        .or_else(|| proofs().find(told))
}
