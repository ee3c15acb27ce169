//! Read: each profile answer parsed once into a typed phrase — a noun phrase, a verb
//! phrase with its verb cluster, a gerund, a prepositional phrase, a first-person
//! sentence, a finite clause, a *dat*/"that" clause, a question, an imperative, an
//! introduction, a request — or `Unknown`, kept in the person's own words.
//!
//! The reader leans on the lexicons of [`crate::lang`] (every verb form of both
//! languages) and on the closed classes below; what it cannot type with confidence it
//! says so, and the realisation keeps those words as they are.

use super::fragment::{bare, clause, lower_first};
use crate::lang::{Form, Lexicon, Verb, lexicon};
use crate::model::Language;

/// Where an answer is used: the reader expects a different phrase in each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// "What they achieve" (after "I help [who]").
    Outcome,
    /// "How I do it" (after "by" / "door").
    How,
    /// What an audience cares about.
    Cares,
    /// The ask of an audience.
    Ask,
    /// A goal.
    Goal,
    /// A skill's description.
    Description,
}

const EN_DETERMINERS: &[&str] = &[
    "a", "an", "the", "their", "your", "our", "my", "his", "her", "its", "this", "that", "these", "those", "some",
    "any", "every", "each", "no", "more", "less", "fewer", "many", "much", "several", "few", "all", "both", "other",
    "another", "two", "three", "four", "five", "one",
];
const EN_PRONOUNS: &[&str] =
    &["i", "we", "you", "they", "he", "she", "it", "me", "us", "them", "him", "people", "everyone", "nobody"];
const EN_PREPOSITIONS: &[&str] = &[
    "with", "by", "for", "from", "to", "in", "on", "at", "of", "about", "over", "under", "into", "through", "across",
    "between", "among", "during", "before", "after", "without", "within", "around", "per", "via", "using", "like",
];
const EN_WH: &[&str] = &["what", "how", "why", "when", "where", "who", "which", "whose"];
const EN_AUX: &[&str] = &[
    "do", "does", "did", "is", "are", "was", "were", "am", "have", "has", "had", "can", "could", "will", "would",
    "shall", "should", "may", "might", "must",
];
const EN_SUBORDINATORS: &[&str] =
    &["because", "if", "when", "while", "although", "though", "since", "unless", "until", "so", "whether", "before"];

const NL_DETERMINERS: &[&str] = &[
    "de", "het", "een", "hun", "uw", "jouw", "ons", "onze", "mijn", "zijn", "haar", "deze", "dit", "die", "elke",
    "ieder", "iedere", "alle", "meer", "minder", "veel", "weinig", "enkele", "sommige", "geen", "andere", "twee",
    "drie", "vier", "vijf", "zoveel",
];
const NL_PRONOUNS: &[&str] = &[
    "ik", "wij", "we", "jij", "je", "u", "hij", "zij", "ze", "men", "mij", "me", "ons", "jou", "hen", "hun", "zich",
    "elkaar", "iedereen", "niemand",
];
const NL_PREPOSITIONS: &[&str] = &[
    "met", "door", "voor", "van", "naar", "in", "op", "bij", "aan", "uit", "over", "om", "tot", "tegen", "zonder",
    "tijdens", "na", "binnen", "via", "per", "rond", "onder", "boven", "achter", "langs", "vanaf", "vanuit", "zoals",
    "dankzij",
];
const NL_CLOSERS: &[&str] = &[
    "die", "waarin", "waarmee", "waarbij", "waardoor", "waarop", "waarvan", "waarover", "wat", "wie", "omdat", "zodat",
    "doordat", "terwijl", "zodra", "wanneer", "als", "voordat", "nadat",
];
const NL_WH: &[&str] = &["hoe", "wat", "waarom", "wanneer", "waar", "wie", "welke", "welk"];

/// A verb phrase: its words as typed, and where its verbs stand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbPhrase {
    /// The words, as typed (the first letter lowered for the middle of a sentence).
    pub words: Vec<String>,
    /// English: the verbs that head each coordinated part ("map … and remove …").
    pub heads: Vec<(usize, Verb)>,
    /// Dutch: the verb cluster at the end of the middle field ("laten kiezen"), first and
    /// last word.
    pub cluster: Option<(usize, usize)>,
    /// Dutch: where the part after the cluster starts (a prepositional phrase or a relative
    /// clause: "met nieuwe collega's"); the number of words when there is none.
    pub trailing: usize,
    /// Dutch: "te" stands in the phrase already ("het verzuim te verlagen").
    pub has_te: bool,
    /// Dutch: the verb that needs "te" before an embedded "te" infinitive ("teamleiders
    /// leren eerder het gesprek aan te gaan": "leren").
    pub governing: Option<usize>,
    /// An imperative: the verb it starts with ("Stuur", "Kom").
    pub imperative: Option<Verb>,
}

/// What an answer is, grammatically.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Phrase {
    /// Nothing was typed.
    Empty,
    /// A noun phrase: "hoge energiekosten en lege schappen".
    Noun(String),
    /// A phrase headed by a bare verb or a Dutch infinitive cluster.
    Verb(VerbPhrase),
    /// An English "-ing" phrase: "redesigning care processes".
    Gerund(String),
    /// A prepositional phrase: "met data en gesprekken op de werkvloer".
    Prepositional(String),
    /// A sentence in the first person. English ones of one short clause fold into a verb
    /// phrase ("I retrofit old buildings" → "retrofit old buildings").
    FirstPerson {
        /// The sentence.
        text: String,
        /// The verb phrase it folds into, where it does.
        folds: Option<VerbPhrase>,
    },
    /// A finite clause: "leveranciers leveren te laat".
    Clause(String),
    /// A *dat*/"that" clause: "dat projecten op tijd af zijn".
    ThatClause(String),
    /// A question: "How do we keep good people?".
    Question(String),
    /// An imperative: "Stuur me je planning".
    Imperative(VerbPhrase),
    /// An introduction to someone: the person ("their CFO").
    Introduction(String),
    /// A request for people or things, counted: "two volunteers from their team".
    Request(String),
    /// Not read with confidence: kept in the person's own words.
    Unknown(String),
}

impl Phrase {
    /// The kind, in a few words (`pitchcraft draft --explain`).
    pub fn kind(&self) -> &'static str {
        match self {
            Phrase::Empty => "empty",
            Phrase::Noun(_) => "noun phrase",
            Phrase::Verb(_) => "verb phrase",
            Phrase::Gerund(_) => "-ing phrase",
            Phrase::Prepositional(_) => "prepositional phrase",
            Phrase::FirstPerson { folds: Some(_), .. } => "first-person sentence (one clause)",
            Phrase::FirstPerson { .. } => "first-person sentence",
            Phrase::Clause(_) => "finite clause",
            Phrase::ThatClause(_) => "that-clause",
            Phrase::Question(_) => "question",
            Phrase::Imperative(_) => "imperative",
            Phrase::Introduction(_) => "introduction to someone",
            Phrase::Request(_) => "request for people or things",
            Phrase::Unknown(_) => "unknown: kept as typed",
        }
    }
}

fn lowers(words: &[String]) -> Vec<String> {
    words.iter().map(|word| bare(word).replace('’', "'")).collect()
}

/// Reads `text`, typed for `field`, in `language`.
pub fn read(text: &str, field: Field, language: Language) -> Phrase {
    let asked = text.trim_end().ends_with('?');
    let text = clause(text);
    // Nothing, or a lone pronoun ("I", "Ik"): nothing to say.
    if text.is_empty() || ["i", "ik", "we", "wij", "me", "mij"].contains(&bare(&text).as_str()) {
        return Phrase::Empty;
    }
    match language {
        Language::En => read_english(&text, asked, field),
        Language::Nl => read_dutch(&text, asked, field),
    }
}

/// Whether `text` can stand after "I help" / "Ik help" as the people helped: a noun phrase,
/// not a clause ("leveranciers leveren te laat") or a sentence of the person's own.
pub fn is_group(text: &str, language: Language) -> bool {
    let text = clause(text);
    let words = words_of(&text);
    if words.is_empty() || has_inner_sentence_end(&text) || text.ends_with('?') {
        return false;
    }
    let lower = lowers(&words);
    if ["i", "ik", "we", "wij", "i'm"].contains(&lower[0].as_str()) {
        return false;
    }
    let closers = ["who", "that", "which", "whose", "die", "dat", "wat", "waar", "waarvan", "wier"];
    let closer = lower.iter().position(|w| closers.contains(&w.as_str())).unwrap_or(lower.len());
    let finite = match language {
        Language::En => english_finite_at(lexicon(language), &lower),
        Language::Nl => dutch_finite_at(lexicon(language), &lower).map(|(at, _)| at),
    };
    finite.is_none_or(|at| at >= closer)
}

fn words_of(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_owned).collect()
}

fn has_inner_sentence_end(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(at, c)| matches!(c, '.' | '!' | '?' | ';') && chars.get(at + 1) == Some(&' '))
}

// ---------------------------------------------------------------------------------------
// English

fn en_is_base_verb(lex: &Lexicon, word: &str) -> Option<Verb> {
    lex.verb_forms(word).into_iter().find(|(_, form)| *form == Form::Infinitive).map(|(verb, _)| verb.clone())
}

fn read_english(text: &str, asked: bool, field: Field) -> Phrase {
    let lex = lexicon(Language::En);
    let words = words_of(text);
    let lower = lowers(&words);
    let first = lower[0].as_str();
    let second = lower.get(1).map(String::as_str).unwrap_or("");
    // "what happens when …", "who decides": a question word, then its verb.
    let wh_verb = EN_WH.contains(&first)
        && first != "that"
        && matches!(field, Field::Cares | Field::Ask)
        && lex.verb_forms(second).iter().any(|(_, form)| matches!(form, Form::Third | Form::Past));
    if asked
        || wh_verb
        || (EN_WH.contains(&first) && (EN_AUX.contains(&second) || second == "if"))
        || (EN_AUX.contains(&first) && (EN_PRONOUNS.contains(&second) || EN_DETERMINERS.contains(&second)))
    {
        return Phrase::Question(text.to_owned());
    }
    if let Some(person) = english_introduction(&words, &lower) {
        return Phrase::Introduction(person);
    }
    if matches!(first, "i" | "we" | "i'm" | "we're" | "i've" | "we've") {
        return english_first_person(text, &words, &lower);
    }
    if first == "that" && lower.len() > 2 && EN_PRONOUNS.contains(&second) || first == "that" && field == Field::Cares {
        return Phrase::ThatClause(text.to_owned());
    }
    if first == "to" && words.len() > 1 && en_is_base_verb(lex, second).is_some() {
        let rest: Vec<String> = words[1..].to_vec();
        return english_verb_phrase(lex, rest).map_or_else(|| Phrase::Unknown(text.to_owned()), Phrase::Verb);
    }
    if EN_PREPOSITIONS.contains(&first) && first != "to" {
        return Phrase::Prepositional(lower_first(text));
    }
    let gerund = first.len() > 4
        && first.ends_with("ing")
        && lex.verb_forms(first).iter().any(|(_, form)| *form == Form::Gerund)
        && words[0].chars().all(|c| c.is_alphanumeric() || c == '-');
    if gerund && field != Field::Cares {
        return Phrase::Gerund(lower_first(text));
    }
    if field == Field::Ask
        && (first.chars().all(|c| c.is_ascii_digit())
            || ["two", "three", "four", "five", "a few", "some", "several"].contains(&first))
        && words.len() > 1
        && !second.contains("minute")
        && !second.contains("hour")
    {
        return Phrase::Request(lower_first(text));
    }
    if en_is_base_verb(lex, first).is_some() {
        let next = lower.get(1).map(String::as_str);
        let adjective = lex.is_adjective(first);
        // A plural after the first word marks an object ("cut costs") unless the first word
        // is an adjective as well ("better shelves"); "process" and "status" are no plurals.
        let plural = |word: &str| {
            word.ends_with('s')
                && !["ss", "us", "is"].iter().any(|end| word.ends_with(end))
                && lex.verb_forms(word).iter().all(|(_, form)| *form != Form::Gerund)
        };
        let object_follows = next.is_some_and(|next| {
            EN_DETERMINERS.contains(&next)
                || EN_PRONOUNS.contains(&next)
                || EN_WH.contains(&next)
                || next.chars().all(|c| c.is_ascii_digit())
                || (!adjective && !lex.is_noun_first(first) && plural(next))
                || ["up", "out", "down", "together", "more", "better"].contains(&next)
        });
        // "winter displays", "price rises": a word used as a noun first, before a plural,
        // may be a verb with its object or a noun phrase; neither is certain, so the words
        // are kept as typed.
        if lex.is_noun_first(first) && next.is_some_and(plural) && !object_follows && field != Field::Outcome {
            return Phrase::Unknown(text.to_owned());
        }
        let plain = words[0].chars().all(|c| c.is_alphanumeric() || c == '-' || c == '\'');
        let noun_too = lex.may_be_noun(first) || field == Field::Cares;
        // After "I help [who]" people type a verb phrase ("cut waiting times", "ship on
        // time"); elsewhere a word that is a noun or adjective too needs its object.
        let verb_reading = plain
            && match field {
                Field::Outcome | Field::Goal => !adjective || object_follows,
                _ => (!noun_too && !adjective) || object_follows,
            };
        if verb_reading && let Some(vp) = english_verb_phrase(lex, words.clone()) {
            return if field == Field::Ask { Phrase::Imperative(vp) } else { Phrase::Verb(vp) };
        }
    }
    if let Some(at) = english_finite_at(lex, &lower) {
        // A subject, then a verb that is not read as a noun: a clause.
        let subject_ok = lower[..at].iter().all(|w| en_is_base_verb(lex, w).is_none() || lex.may_be_noun(w));
        if subject_ok {
            return Phrase::Clause(text.to_owned());
        }
    }
    if lower.iter().any(|word| EN_SUBORDINATORS.contains(&word.as_str())) && field == Field::Cares {
        return Phrase::Unknown(text.to_owned());
    }
    Phrase::Noun(lower_first(text))
}

/// Where a finite verb stands after a subject ("suppliers deliver late", "prices rise
/// every year", "they want results"); `None` when none does with confidence.
fn english_finite_at(lex: &Lexicon, lower: &[String]) -> Option<usize> {
    if lower.len() < 2 {
        return None;
    }
    if matches!(lower[0].as_str(), "they" | "he" | "she" | "it" | "you" | "people" | "nobody" | "everyone") {
        return Some(1);
    }
    for at in 1..lower.len().min(5) {
        let word = lower[at].as_str();
        if EN_DETERMINERS.contains(&word) || EN_PREPOSITIONS.contains(&word) || word == "and" {
            return None;
        }
        let forms = lex.verb_forms(word);
        let finite = forms.iter().any(|(_, form)| matches!(form, Form::Infinitive | Form::Third | Form::Past));
        // "a tour", "their plans", "a 15-minute call": after a determiner (and what
        // measures the thing) it is a noun.
        let measure = |word: &str| word.chars().any(|c| c.is_ascii_digit() || c == '-');
        // "empty shelves", "better tools": after an adjective at the start it is a noun too.
        let after_adjective = at == 1 && (lex.is_adjective(&lower[0]) || lex.is_comparative(&lower[0]));
        let after_determiner = after_adjective
            || EN_DETERMINERS.contains(&lower[at - 1].as_str())
            || (at >= 2 && measure(&lower[at - 1]) && EN_DETERMINERS.contains(&lower[at - 2].as_str()));
        if (!finite && !EN_AUX.contains(&word)) || after_determiner {
            continue;
        }
        let follows = lower.get(at + 1).map(String::as_str);
        let strong = EN_AUX.contains(&word)
            || !lex.may_be_noun(word)
            || follows.is_some_and(|next| {
                // "tools that drivers trust": "that" after a noun opens a relative clause.
                (EN_DETERMINERS.contains(&next) && next != "that")
                    || (EN_PREPOSITIONS.contains(&next) && next != "of")
                    || ["too", "late", "long", "often", "not", "never", "up", "down", "every"].contains(&next)
            });
        if strong && follows.is_some() {
            return Some(at);
        }
    }
    None
}

fn english_introduction(words: &[String], lower: &[String]) -> Option<String> {
    let starts = [
        "an introduction to",
        "an intro to",
        "introduction to",
        "intro to",
        "be introduced to",
        "introduce me to",
        "an introduction with",
    ];
    let joined = lower.join(" ");
    let hit = starts.iter().find(|start| joined.starts_with(*start))?;
    let skip = hit.split(' ').count();
    (words.len() > skip).then(|| words[skip..].join(" "))
}

fn english_first_person(text: &str, words: &[String], lower: &[String]) -> Phrase {
    let lex = lexicon(Language::En);
    // One short clause folds into a verb phrase; a sentence with a second clause ("before
    // we build it") or a full stop inside stays a sentence of its own.
    let second_clause = lower[1..].iter().any(|word| {
        EN_SUBORDINATORS.contains(&word.as_str()) || ["we", "they", "i", "he", "she", "you"].contains(&word.as_str())
    });
    let folds = if second_clause || has_inner_sentence_end(text) || words.len() > 14 {
        None
    } else {
        let mut rest: Vec<String> = words[1..].to_vec();
        let subject = lower[0].as_str();
        match subject {
            "i'm" | "we're" => {
                // "I'm coaching team leads" folds as "coaching team leads".
                let gerund = rest.first().map(|w| bare(w)).unwrap_or_default();
                if let Some((verb, _)) = lex.verb_forms(&gerund).into_iter().find(|(_, form)| *form == Form::Gerund) {
                    let vp = VerbPhrase {
                        trailing: rest.len(),
                        words: rest.clone(),
                        heads: vec![(0, verb.clone())],
                        cluster: None,
                        has_te: false,
                        governing: None,
                        imperative: None,
                    };
                    return Phrase::FirstPerson { text: text.to_owned(), folds: Some(vp) };
                }
                rest.insert(0, "be".to_owned());
            }
            "i've" | "we've" => rest.insert(0, "have".to_owned()),
            _ => {}
        }
        // Adverbs between "I" and the verb ("I always plan…") stay before the verb.
        let adverbs = rest
            .iter()
            .take_while(|word| {
                bare(word).ends_with("ly")
                    || ["always", "also", "still", "now", "together"].contains(&bare(word).as_str())
            })
            .count();
        let verb_word = rest.get(adverbs).map(|w| bare(w)).unwrap_or_default();
        let is_verb = matches!(verb_word.as_str(), "am" | "are" | "have" | "be")
            || en_is_base_verb(lex, &verb_word).is_some()
            || lex.verb_forms(&verb_word).iter().any(|(_, form)| *form == Form::Past);
        if !is_verb {
            None
        } else {
            // The verb to its base form ("am" → "be", "planned" stays a past: not folded).
            let base = match verb_word.as_str() {
                "am" | "are" => Some("be".to_owned()),
                "have" => Some("have".to_owned()),
                "be" => Some("be".to_owned()),
                word => en_is_base_verb(lex, word).map(|_| word.to_owned()),
            };
            base.and_then(|base| {
                let mut phrase: Vec<String> = vec![base];
                phrase.extend(rest[adverbs + 1..].iter().cloned());
                english_verb_phrase(lex, phrase).map(|mut vp| {
                    // The adverbs stay before the verb: "always planning".
                    let before: Vec<String> = rest[..adverbs].to_vec();
                    vp.words.splice(0..0, before);
                    for head in &mut vp.heads {
                        head.0 += adverbs;
                    }
                    vp.trailing = vp.words.len();
                    vp
                })
            })
        }
    };
    Phrase::FirstPerson { text: text.to_owned(), folds }
}

/// An English phrase headed by a base verb, with the verbs of coordinated parts ("map the
/// process and remove what nobody needs").
fn english_verb_phrase(lex: &Lexicon, words: Vec<String>) -> Option<VerbPhrase> {
    let lower = lowers(&words);
    let head = match lower.first()?.as_str() {
        "be" | "have" => lex.infinitive("have").map(|mut verb| {
            if lower[0] == "be" {
                verb = Verb {
                    infinitive: "be".into(),
                    particle: None,
                    stem: "be".into(),
                    third: "is".into(),
                    gerund: "being".into(),
                    past: "was".into(),
                    participle: "been".into(),
                };
            }
            verb
        })?,
        word => en_is_base_verb(lex, word)?,
    };
    let mut heads = vec![(0, head)];
    for at in 1..lower.len().saturating_sub(1) {
        let joins = lower[at] == "and" || lower[at] == "or" || words[at - 1].ends_with(',');
        let candidate = if lower[at] == "and" || lower[at] == "or" { at + 1 } else { at };
        if !joins || candidate >= lower.len() || candidate <= heads.last().map_or(0, |h| h.0) {
            continue;
        }
        let word = lower[candidate].as_str();
        let Some(verb) = en_is_base_verb(lex, word) else { continue };
        let next = lower.get(candidate + 1).map(String::as_str);
        let object = next.is_some_and(|next| {
            EN_DETERMINERS.contains(&next)
                || EN_PRONOUNS.contains(&next)
                || (EN_WH.contains(&next) && !["who", "which", "that"].contains(&next))
                || next.ends_with('s')
                // "and listen to the staff": a word that is only a verb, then its preposition.
                || (EN_PREPOSITIONS.contains(&next) && !lex.may_be_noun(word))
        });
        let before_det = candidate > 0 && EN_DETERMINERS.contains(&lower[candidate - 1].as_str());
        if object
            && !before_det
            && (!lex.may_be_noun(word)
                || next.is_some_and(|n| EN_DETERMINERS.contains(&n) || EN_WH.contains(&n) || EN_PRONOUNS.contains(&n)))
        {
            heads.push((candidate, verb));
        }
    }
    let mut words = words;
    if let Some(first) = words.first_mut() {
        *first = lower_first(first);
    }
    Some(VerbPhrase {
        trailing: words.len(),
        words,
        heads,
        cluster: None,
        has_te: false,
        governing: None,
        imperative: None,
    })
}

// ---------------------------------------------------------------------------------------
// Dutch

/// A Dutch infinitive at `at`, not used as a noun ("het werken", "de kosten").
fn nl_infinitive_at(lex: &Lexicon, lower: &[String], at: usize) -> Option<Verb> {
    let word = lower[at].as_str();
    let before = at.checked_sub(1).map(|b| lower[b].as_str());
    // After "te" a word in "-en" is an infinitive even where the table lacks the verb
    // ("te halveren"); it is not split, as a verb the table does not know has no particle.
    let after_te = before == Some("te") && word.len() > 4 && word.ends_with("en");
    let verb = match lex.infinitive(word) {
        Some(verb) => verb,
        None if after_te => Verb {
            infinitive: word.to_owned(),
            particle: None,
            stem: word[..word.len() - 2].to_owned(),
            third: String::new(),
            gerund: String::new(),
            past: String::new(),
            participle: String::new(),
        },
        None => return None,
    };
    // "ons", "hun", "haar", "zijn" and "die" are pronouns as often ("bij ons meeluisteren").
    let after_determiner = before.is_some_and(|b| {
        NL_DETERMINERS.contains(&b) && !["meer", "minder", "ons", "hun", "haar", "zijn", "die"].contains(&b)
    });
    // An inflected adjective ("praktische aanpakken", "nieuwe collega's") stands only
    // before a noun.
    let inflected_before = before.is_some_and(|b| {
        lex.infinitive(b).is_none()
            && !NL_PRONOUNS.contains(&b)
            && !NL_DETERMINERS.contains(&b)
            && nl_inflected_adjective(lex, b)
    });
    if after_determiner || inflected_before {
        return None;
    }
    // An infinitive that is a plural noun too is a verb only where a verb can stand: after
    // another verb, after "te", or at the very end of the phrase behind a noun phrase.
    if lex.may_be_noun(word) {
        let after_verb = before.is_some_and(|b| b == "te" || lex.infinitive(b).is_some());
        let adjective_before =
            before.is_some_and(|b| b.ends_with('e') && lex.infinitive(b).is_none() && !NL_PRONOUNS.contains(&b));
        if !after_verb && (adjective_before || at == 0) {
            return None;
        }
    }
    Some(verb)
}

/// "praktische", "nieuwe", "snelle", "grote", "lieve", "boze": an adjective with the "-e" it
/// takes before a noun (OpenTaal lists the plain form).
fn nl_inflected_adjective(lex: &Lexicon, word: &str) -> bool {
    let Some(stem) = word.strip_suffix('e').filter(|stem| stem.len() > 2) else { return false };
    let chars: Vec<char> = stem.chars().collect();
    let n = chars.len();
    // Three bytes may be one character ("€e"): too short to be an adjective's stem.
    if n < 3 {
        return false;
    }
    let mut candidates = vec![stem.to_owned()];
    // "snelle" → "snel": a doubled consonant is single in the plain form.
    if chars[n - 1] == chars[n - 2] {
        candidates.push(chars[..n - 1].iter().collect());
    }
    // "grote" → "groot": a long vowel is written double in a closed syllable.
    if "aeou".contains(chars[n - 2]) && !"aeiou".contains(chars[n - 1]) && (n < 3 || !"aeiou".contains(chars[n - 3])) {
        let mut doubled: String = chars[..n - 1].iter().collect();
        doubled.push(chars[n - 2]);
        doubled.push(chars[n - 1]);
        candidates.push(doubled);
    }
    // "lieve" → "lief", "boze" → "boos".
    for (from, to) in [('v', 'f'), ('z', 's')] {
        if chars[n - 1] == from {
            let plain: Vec<String> = candidates.iter().map(|c| format!("{}{to}", &c[..c.len() - 1])).collect();
            candidates.extend(plain);
        }
    }
    candidates.iter().any(|plain| lex.is_adjective(plain))
}

/// Where the middle field of a Dutch phrase ends: at a relative pronoun or conjunction
/// that opens a clause of its own ("die ze uitvoeren", "wat nodig is"), or after a comma.
fn nl_region_end(lower: &[String], words: &[String]) -> usize {
    for at in 1..lower.len() {
        let word = lower[at].as_str();
        if NL_CLOSERS.contains(&word) {
            return at;
        }
        if word == "dat" && !NL_PREPOSITIONS.contains(&lower[at - 1].as_str()) {
            return at;
        }
        if words[at - 1].ends_with(',') {
            return at;
        }
    }
    lower.len()
}

fn read_dutch(text: &str, asked: bool, field: Field) -> Phrase {
    let lex = lexicon(Language::Nl);
    let words = words_of(text);
    let lower = lowers(&words);
    let first = lower[0].as_str();
    let second = lower.get(1).map(String::as_str).unwrap_or("");
    if asked || (NL_WH.contains(&first) && lex.is_finite(second)) {
        return Phrase::Question(text.to_owned());
    }
    if let Some(person) = dutch_introduction(&words, &lower) {
        return Phrase::Introduction(person);
    }
    if matches!(first, "ik" | "wij" | "we") && words.len() > 1 {
        return Phrase::FirstPerson { text: text.to_owned(), folds: None };
    }
    if first == "dat" && words.len() > 2 && !lex.is_finite(second) {
        return Phrase::ThatClause(text.to_owned());
    }
    if field == Field::Ask
        && (first.chars().all(|c| c.is_ascii_digit()) || ["twee", "drie", "vier", "vijf", "enkele"].contains(&first))
        && words.len() > 1
    {
        return Phrase::Request(lower_first(text));
    }
    if let Some(vp) = dutch_imperative(lex, &words, &lower) {
        return Phrase::Imperative(vp);
    }
    // Verb-second with words after the verb: a main clause ("leveranciers leveren te
    // laat", "de wachttijd loopt op"). An infinitive followed by a prepositional phrase is
    // a verb phrase instead ("tijd besparen op administratie").
    // A clause when its verb is sure to be finite (a modal, a third person); a plural
    // present reads as an infinitive phrase too ("teamleiders leren eerder het gesprek aan
    // te gaan"), and the infinitive at the end decides.
    let finite = dutch_finite_at(lex, &lower);
    let verb_phrase = dutch_verb_phrase(lex, &words, &lower);
    match (finite, verb_phrase) {
        (Some((_, true)), _) | (Some(_), None) => return Phrase::Clause(text.to_owned()),
        (_, Some(vp)) => return Phrase::Verb(vp),
        (None, None) => {}
    }
    if NL_PREPOSITIONS.contains(&first) && !["om", "door"].contains(&first) {
        return Phrase::Prepositional(lower_first(text));
    }
    // A finite verb somewhere we could not place: not a noun phrase we can trust. A plural
    // present after a plain noun, with words after it, is one too ("klanten bellen drie
    // keer", "leerlingen haken af"); after an adjective it is a noun ("stijgende huren").
    let closed = |at: usize| NL_CLOSERS.iter().any(|closer| lower[..at].contains(&(*closer).to_owned()));
    let plural_present = |at: usize| {
        let before = lower[at - 1].as_str();
        at + 1 < lower.len()
            && lex.verb_forms(&lower[at]).iter().any(|(_, form)| *form == Form::Infinitive)
            && !before.ends_with('e')
            && !lex.is_adjective(before)
            && !NL_DETERMINERS.contains(&before)
            && !NL_PREPOSITIONS.contains(&before)
            && !["en", "of", "te"].contains(&before)
            && !before.chars().any(|c| c.is_ascii_digit())
            && lex.verb_forms(before).is_empty()
    };
    let unplaced = lower.iter().enumerate().any(|(at, w)| {
        at > 0
            && !closed(at)
            && (lex.verb_forms(w).iter().any(|(_, form)| matches!(form, Form::Third | Form::Past))
                || plural_present(at))
    });
    if unplaced {
        // What they care about, typed as a statement, is said as theirs ("… Herkent u dat?").
        return if field == Field::Cares { Phrase::Clause(text.to_owned()) } else { Phrase::Unknown(text.to_owned()) };
    }
    Phrase::Noun(lower_first(text))
}

fn dutch_introduction(words: &[String], lower: &[String]) -> Option<String> {
    let starts = [
        "een introductie bij",
        "een introductie aan",
        "een introductie met",
        "introductie bij",
        "een intro bij",
        "een kennismaking met",
        "kennismaking met",
        "voorgesteld worden aan",
        "een voorstel aan",
    ];
    let joined = lower.join(" ");
    let hit = starts.iter().find(|start| joined.starts_with(*start))?;
    let skip = hit.split(' ').count();
    (words.len() > skip).then(|| words[skip..].join(" "))
}

/// Verb-second: a subject of one to three words, a finite verb, and more after it; and
/// whether the verb is surely finite (a modal, a third person) rather than a plural present
/// that could be an infinitive.
fn dutch_finite_at(lex: &Lexicon, lower: &[String]) -> Option<(usize, bool)> {
    for at in 1..lower.len().min(4) {
        let word = lower[at].as_str();
        if NL_PREPOSITIONS.contains(&word) || word == "en" || word == "te" {
            return None;
        }
        // "hun afspraken", "de kosten": after a determiner it is a noun.
        if NL_DETERMINERS.contains(&lower[at - 1].as_str()) {
            continue;
        }
        let forms = lex.verb_forms(word);
        let plural = forms.iter().any(|(_, form)| *form == Form::Infinitive);
        // "verlagen" is also the past plural of "verliggen": an infinitive's form wins.
        let third =
            !plural && forms.iter().any(|(_, form)| matches!(form, Form::Third | Form::Past | Form::PastPlural));
        let after = lower.get(at + 1).map(String::as_str);
        let after = after?;
        let subject_is_noun = lower[..at].iter().all(|w| lex.infinitive(w).is_none() || lex.may_be_noun(w));
        if !subject_is_noun {
            return None;
        }
        // A plural modal right before an infinitive is part of a cluster ("sneller kunnen
        // starten"), not the verb of a clause.
        let plural_modal = ["willen", "kunnen", "moeten", "zullen", "hebben", "worden", "mogen"].contains(&word)
            && lex.infinitive(after).is_none();
        let modal = plural_modal
            || ["wil", "wilt", "kan", "kunt", "moet", "zal", "gaat", "heeft", "is", "wordt", "mag", "blijft"]
                .contains(&word);
        if modal || (third && !lex.may_be_noun(word) && !lex.is_adjective(word)) {
            return Some((at, true));
        }
        // A plural present is an infinitive too: only with clause words after it.
        let clause_follows = [
            "te", "niet", "nooit", "steeds", "vaak", "al", "nog", "graag", "zelf", "meer", "minder", "veel", "een",
            "de", "het", "hun", "geen",
        ]
        .contains(&after)
            || (after.ends_with("er") && !NL_PREPOSITIONS.contains(&after));
        if plural && clause_follows && !NL_PREPOSITIONS.contains(&after) {
            return Some((at, false));
        }
    }
    None
}

/// An imperative: a verb's stem first ("Stuur", "Kom", "Bel"), then what it governs.
fn dutch_imperative(lex: &Lexicon, words: &[String], lower: &[String]) -> Option<VerbPhrase> {
    if words.len() < 2 || !words[0].starts_with(char::is_uppercase) {
        return None;
    }
    let verb = lex
        .verb_forms(&lower[0])
        .into_iter()
        .find(|(verb, form)| *form == Form::Stem && verb.infinitive != lower[0])
        .map(|(verb, _)| verb.clone())?;
    let next = lower[1].as_str();
    let governs = NL_PRONOUNS.contains(&next)
        || NL_DETERMINERS.contains(&next)
        || NL_PREPOSITIONS.contains(&next)
        || ["eens", "even", "gerust", "vooral", "langs", "mee", "op", "af", "in"].contains(&next);
    if !governs {
        return None;
    }
    let rest_words: Vec<String> = words[1..].to_vec();
    let rest_lower: Vec<String> = lower[1..].to_vec();
    let mut vp = dutch_verb_phrase(lex, &rest_words, &rest_lower).unwrap_or(VerbPhrase {
        trailing: rest_words.len(),
        words: rest_words.clone(),
        heads: Vec::new(),
        cluster: None,
        has_te: false,
        governing: None,
        imperative: None,
    });
    if vp.cluster.is_none() {
        // No infinitive after the imperative: the verb goes before a closing
        // prepositional phrase ("Stuur me je planning voor maandag").
        vp.trailing = rest_lower
            .iter()
            .enumerate()
            .skip(1)
            .find(|(_, w)| NL_PREPOSITIONS.contains(&w.as_str()))
            .map_or(rest_words.len(), |(at, _)| at);
    }
    // A separable particle at the end belongs to the imperative ("Kom eens langs").
    vp.imperative = Some(verb);
    Some(vp)
}

/// A Dutch phrase ending in a verb cluster, perhaps with a prepositional phrase or clause
/// after it: "meer jongeren voor de techniek laten kiezen", "sneller kunnen starten met
/// nieuwe collega's", "processen herontwerpen met de mensen die ze uitvoeren".
fn dutch_verb_phrase(lex: &Lexicon, words: &[String], lower: &[String]) -> Option<VerbPhrase> {
    let end = nl_region_end(lower, words);
    // The rightmost infinitive after which only a prepositional phrase follows (up to the
    // end of the middle field).
    let last = (0..end).rev().find(|&at| {
        nl_infinitive_at(lex, lower, at).is_some()
            && (at + 1 == end || NL_PREPOSITIONS.contains(&lower[at + 1].as_str()) || words[at].ends_with(','))
    })?;
    let mut first = last;
    while first > 0 && nl_infinitive_at(lex, lower, first - 1).is_some() && lower[first - 1] != "te" {
        first -= 1;
    }
    let has_te = first > 0 && lower[first - 1] == "te";
    // "teamleiders leren eerder het gesprek aan te gaan": the verb before the "te" group
    // governs it and takes "te" itself.
    let governing = if has_te {
        (1..first.saturating_sub(1))
            .find(|&at| nl_infinitive_at(lex, lower, at).is_some() && lower[at - 1] != "te" && lower[at - 1] != "om")
    } else {
        None
    };
    let mut words: Vec<String> = words.to_vec();
    words[0] = lower_first(&words[0]);
    Some(VerbPhrase {
        words,
        heads: Vec::new(),
        cluster: Some((first, last)),
        trailing: (last + 1).min(lower.len()),
        has_te,
        governing,
        imperative: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str, field: Field, language: Language) -> &'static str {
        read(text, field, language).kind()
    }

    #[test]
    fn noun_phrases_with_an_adjective_or_a_relative_clause_are_not_clauses() {
        assert_eq!(kind("Planning tools that their drivers trust", Field::Cares, Language::En), "noun phrase");
        assert_eq!(kind("Empty shelves and rising transport costs", Field::Cares, Language::En), "noun phrase");
        assert_eq!(kind("suppliers deliver late", Field::Cares, Language::En), "finite clause");
    }

    #[test]
    fn words_of_odd_characters_read_without_panicking() {
        for text in ["€e aanpakken", "ze İstanbul en haken af", "Ze ÅÅÅ, en gaan.", "ééé te halveren"] {
            for field in [Field::Outcome, Field::How, Field::Cares, Field::Ask] {
                let phrase = read(text, field, Language::Nl);
                let _ = super::super::say::cares_hook(&phrase, Language::Nl, crate::model::Address::Formal);
                let _ = super::super::say::how(&phrase, Language::Nl);
            }
        }
        // Said to them, "ze BELLEN İstanbul," keeps its comma and its capitals.
        let said = super::super::say::cares_hook(
            &read("ze BELLEN vaak naar İstanbul, elke week", Field::Cares, Language::Nl),
            Language::Nl,
            crate::model::Address::Formal,
        );
        assert!(said.is_some());
    }

    #[test]
    fn a_noun_first_word_before_a_plural_is_kept_as_typed() {
        assert_eq!(
            kind("Winter displays, and staff who know plants", Field::How, Language::En),
            "unknown: kept as typed"
        );
        assert_eq!(kind("price rises", Field::How, Language::En), "unknown: kept as typed");
        assert_eq!(kind("cut costs", Field::How, Language::En), "verb phrase");
        assert_eq!(kind("price the stock weekly", Field::How, Language::En), "verb phrase");
    }

    #[test]
    fn dutch_clusters_are_found_where_they_end() {
        let Phrase::Verb(vp) = read("meer jongeren voor de techniek laten kiezen", Field::Outcome, Language::Nl) else {
            panic!("a verb phrase")
        };
        assert_eq!(vp.cluster, Some((5, 6)));
        let Phrase::Verb(vp) = read("sneller kunnen starten met nieuwe collega's", Field::Outcome, Language::Nl) else {
            panic!("a verb phrase")
        };
        assert_eq!((vp.cluster, vp.trailing), (Some((1, 2)), 3));
        let Phrase::Verb(vp) = read("processen herontwerpen met de mensen die ze uitvoeren", Field::How, Language::Nl)
        else {
            panic!("a verb phrase")
        };
        assert_eq!(vp.cluster, Some((1, 1)));
        assert_eq!(
            kind("trainingen waarin monteurs elkaar de fijne kneepjes leren", Field::How, Language::Nl),
            "noun phrase"
        );
        assert_eq!(kind("hoge energiekosten en lege schappen", Field::Cares, Language::Nl), "noun phrase");
    }

    #[test]
    fn clauses_questions_and_imperatives_are_told_apart() {
        assert_eq!(
            kind("leveranciers leveren te laat omdat de planning schuift", Field::Cares, Language::Nl),
            "finite clause"
        );
        assert_eq!(kind("dat hun medewerkers gehoord worden", Field::Cares, Language::Nl), "that-clause");
        assert_eq!(kind("Stuur me je planning", Field::Ask, Language::Nl), "imperative");
        assert_eq!(kind("How do we keep good people?", Field::Cares, Language::En), "question");
        assert_eq!(kind("waiting lists and the cost of care", Field::Cares, Language::En), "noun phrase");
        assert_eq!(kind("suppliers deliver late and nobody knows why", Field::Cares, Language::En), "finite clause");
        assert_eq!(kind("an introduction to their CFO", Field::Ask, Language::En), "introduction to someone");
        assert_eq!(
            kind("een introductie bij hun directeur vastgoed", Field::Ask, Language::Nl),
            "introduction to someone"
        );
    }
}
