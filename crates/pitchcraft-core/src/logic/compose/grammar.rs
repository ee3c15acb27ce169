//! The grammar the drafts need, per language: a fragment turned into the form a sentence
//! needs (English "by retrofitting…", Dutch "door … te …"), the audience spoken to as
//! "you" (Dutch "u" or "je"), and questions to the listener.

use super::fragment::{bare, clause, lower_first};
use crate::i18n::words::words as word_lists;
use crate::model::{Address, Language};

/// English adverbs that may stand between "I" and the verb ("I always plan…").
const EN_ADVERBS: &[&str] = &[
    "always",
    "often",
    "usually",
    "also",
    "personally",
    "carefully",
    "mostly",
    "now",
    "still",
    "actively",
    "together",
];

/// English verbs whose last consonant doubles before "-ing" although they have more than one
/// syllable (the stress is on the last one).
const EN_DOUBLING: &[&str] = &[
    "admit", "begin", "commit", "compel", "control", "embed", "equip", "expel", "forget", "occur", "omit", "outfit",
    "patrol", "permit", "prefer", "propel", "rebut", "refer", "regret", "retrofit", "submit", "transmit", "upset",
];

/// Dutch particles that split off a verb before "te" ("samenbrengen" → "samen te brengen").
const NL_PARTICLES: &[&str] = &[
    "aan", "af", "bij", "in", "mee", "na", "op", "toe", "uit", "weg", "terug", "samen", "vast", "los", "neer", "vrij",
    "voort", "tegen", "achter", "rond", "open", "dicht", "binnen", "buiten", "door", "over", "om",
];

/// Words that start a noun phrase.
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "their", "your", "our", "my", "his", "her", "its", "this", "that", "these", "those", "more",
    "less", "fewer", "better", "de", "het", "een", "hun", "uw", "jouw", "ons", "onze", "mijn", "meer", "minder",
    "betere",
];

/// A verb's "-ing" form: plan → planning, make → making, see → seeing, lie → lying.
pub fn gerund(verb: &str) -> String {
    let lower = verb.to_lowercase();
    let vowel = |c: char| "aeiou".contains(c);
    let chars: Vec<char> = lower.chars().collect();
    let n = chars.len();
    if lower.ends_with("ie") {
        return format!("{}ying", &verb[..verb.len() - 2]);
    }
    if lower.ends_with('e') && !lower.ends_with("ee") && !lower.ends_with("ye") && !lower.ends_with("oe") && n > 2 {
        return format!("{}ing", &verb[..verb.len() - 1]);
    }
    let syllables = chars.iter().enumerate().filter(|&(at, &c)| vowel(c) && (at == 0 || !vowel(chars[at - 1]))).count();
    let cvc =
        n >= 3 && !vowel(chars[n - 1]) && !"wxy".contains(chars[n - 1]) && vowel(chars[n - 2]) && !vowel(chars[n - 3]);
    if cvc && (syllables == 1 || EN_DOUBLING.contains(&lower.as_str())) {
        return format!("{verb}{}ing", chars[n - 1]);
    }
    format!("{verb}ing")
}

/// What a "how" or "outcome" fragment is, grammatically.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Phrase {
    /// Ready to follow "by" (English "-ing" phrase) or "door" (Dutch "te" clause).
    Verbal(String),
    /// A noun phrase: follows "with" / "door" as it is.
    Noun(String),
    /// A whole first-person sentence that cannot be folded into another one.
    Sentence(String),
}

/// A "how" fragment in the form "by …" / "door …" needs.
pub fn how(text: &str, language: Language) -> Phrase {
    let text = clause(text);
    match language {
        Language::En => english_how(&text),
        Language::Nl => dutch_how(&text),
    }
}

fn english_how(text: &str) -> Phrase {
    let lists = word_lists(Language::En);
    let all: Vec<&str> = text.split_whitespace().collect();
    let Some(first) = all.first() else { return Phrase::Noun(String::new()) };
    let mut rest: &[&str] = &all[1..];
    match bare(first).replace('’', "'").as_str() {
        "i'm" | "we're" => {
            return match rest.first() {
                Some(word) if bare(word).ends_with("ing") => Phrase::Verbal(rest.join(" ")),
                _ => Phrase::Verbal(format!("being {}", rest.join(" "))),
            };
        }
        "i've" | "we've" => return Phrase::Verbal(format!("having {}", rest.join(" "))),
        "i" | "we" => {
            let mut adverbs = Vec::new();
            while let Some(word) = rest.first().filter(|word| EN_ADVERBS.contains(&bare(word).as_str())) {
                adverbs.push(*word);
                rest = &rest[1..];
            }
            let Some(verb) = rest.first() else { return Phrase::Sentence(text.to_owned()) };
            let verb = match bare(verb).as_str() {
                "am" | "are" => "being".to_owned(),
                "have" => "having".to_owned(),
                _ => gerund(verb),
            };
            let phrase =
                adverbs.into_iter().map(str::to_owned).chain([verb]).chain(rest[1..].iter().map(|w| (*w).to_owned()));
            return Phrase::Verbal(phrase.collect::<Vec<_>>().join(" "));
        }
        "to" if rest.first().is_some_and(|verb| lists.is_verb(&bare(verb))) => {
            let verb = gerund(rest[0]);
            return Phrase::Verbal(
                std::iter::once(verb.as_str()).chain(rest[1..].iter().copied()).collect::<Vec<_>>().join(" "),
            );
        }
        _ => {}
    }
    let first_bare = bare(first);
    // "pilot, scheduling in blocks": a word set off by a comma is a label, not a verb.
    let plain = first.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '\'');
    if plain && first_bare.len() > 4 && first_bare.ends_with("ing") {
        return Phrase::Verbal(lower_first(text));
    }
    if plain && lists.is_verb(&first_bare) {
        let verb = gerund(&first.to_lowercase());
        return Phrase::Verbal(
            std::iter::once(verb.as_str()).chain(rest.iter().copied()).collect::<Vec<_>>().join(" "),
        );
    }
    Phrase::Noun(lower_first(text))
}

/// The infinitive at the end of a Dutch phrase with "te" before it, the particle split off:
/// "het verzuim verlagen" → "het verzuim te verlagen", "teams samenbrengen" → "teams samen
/// te brengen". `None` when the phrase does not end in a verb.
pub fn te_clause(text: &str) -> Option<String> {
    // "het verzuim verlagen, vooral kort verzuim": the verb closes the part before the comma.
    if let Some((head, tail)) = text.split_once(", ")
        && let Some(head) = te_clause(head)
    {
        return Some(format!("{head}, {tail}"));
    }
    let all: Vec<&str> = text.split_whitespace().collect();
    if let Some(te) = all.iter().position(|word| *word == "te") {
        // "teamleiders leren eerder het gesprek aan te gaan": the first verb of the chain
        // takes "te" too ("teamleiders te leren …").
        let first_verb = all[..te].iter().position(|word| is_dutch_verb(word) && *word != all[te - 1]);
        return Some(match first_verb {
            Some(verb) if verb > 0 && all[verb - 1] != "te" && all[verb - 1] != "om" => {
                let mut words = all.clone();
                words.insert(verb, "te");
                words.join(" ")
            }
            _ => text.to_owned(),
        });
    }
    let verb = dutch_final_verb(&all)?;
    let mut words: Vec<String> = all.iter().map(|word| (*word).to_owned()).collect();
    let (particle, stem) = split_particle(&bare(all[verb]));
    let te = match particle {
        Some(particle) => format!("{particle} te {stem}"),
        None => format!("te {stem}"),
    };
    words[verb] = te;
    Some(words.join(" "))
}

/// True for a Dutch infinitive: a common verb, or a particle before one ("meeluisteren").
fn is_dutch_verb(word: &str) -> bool {
    let word = bare(word);
    let lists = word_lists(Language::Nl);
    lists.is_verb(&word) || split_particle(&word).0.is_some()
}

/// "samenbrengen" → (Some("samen"), "brengen"); other verbs → (None, verb).
fn split_particle(verb: &str) -> (Option<&'static str>, String) {
    let lists = word_lists(Language::Nl);
    for particle in NL_PARTICLES {
        if let Some(stem) = verb.strip_prefix(particle)
            && lists.is_verb(stem)
        {
            return (Some(particle), stem.to_owned());
        }
    }
    (None, verb.to_owned())
}

/// Where the infinitive of a Dutch phrase stands: the last word, or the last verb before a
/// closing phrase that starts with a preposition ("een proef starten in mei"). A phrase
/// that starts like a noun phrase needs a known verb; otherwise a final "-en" will do
/// ("sneller weer zelfstandig wonen").
fn dutch_final_verb(words: &[&str]) -> Option<usize> {
    const PREPOSITIONS: &[&str] =
        &["in", "op", "met", "voor", "na", "bij", "rond", "tijdens", "over", "vanaf", "binnen"];
    let last = words.len().checked_sub(1)?;
    if is_dutch_verb(words[last]) {
        return Some(last);
    }
    let noun_start = starts_with_determiner(words[0]);
    let infinitive_like = |word: &str| {
        let word = bare(word);
        word.len() > 4 && word.ends_with("en") && !word.ends_with("heden") && !word.ends_with("ingen")
    };
    if !noun_start && words.len() > 1 && infinitive_like(words[last]) {
        return Some(last);
    }
    let verb = words.iter().rposition(|word| is_dutch_verb(word))?;
    let closing = &words[verb + 1..];
    (verb > 0 && closing.first().is_some_and(|word| PREPOSITIONS.contains(&bare(word).as_str()))).then_some(verb)
}

fn dutch_how(text: &str) -> Phrase {
    let all: Vec<&str> = text.split_whitespace().collect();
    match all.first().map(|word| bare(word)).as_deref() {
        // "Ik koppel vrijwilligers aan ouderen" → "Ik koppel daarvoor vrijwilligers aan ouderen."
        Some("ik" | "wij" | "we") if all.len() > 2 => {
            let sentence = [all[0], all[1], "daarvoor"].into_iter().chain(all[2..].iter().copied());
            Phrase::Sentence(sentence.collect::<Vec<_>>().join(" "))
        }
        Some("ik" | "wij" | "we") => Phrase::Sentence(text.to_owned()),
        _ => match te_clause(&lower_first(text)) {
            Some(te) => Phrase::Verbal(te),
            None => Phrase::Noun(lower_first(text)),
        },
    }
}

/// The outcome after "I help [who]": a verb phrase as it is ("cut waiting times"), else
/// with a verb or preposition that makes it one ("achieve …", "aan …").
pub fn outcome(text: &str, language: Language) -> String {
    let text = lower_first(&clause(text));
    let text = text.strip_prefix("to ").map(str::to_owned).unwrap_or(text);
    match language {
        Language::En => {
            let first = text.split_whitespace().next().map(bare).unwrap_or_default();
            if word_lists(Language::En).is_verb(&first) || text.is_empty() {
                text
            } else if first.len() > 4 && first.ends_with("ing") {
                format!("with {text}")
            } else {
                format!("achieve {text}")
            }
        }
        Language::Nl => te_clause(&text).unwrap_or_else(|| format!("aan {text}")),
    }
}

/// `text` said to the listener: the audience, named in the third person, becomes "you"
/// ("their plans" → "your plans"; "hun regio" → "uw regio" or "jouw regio").
pub fn to_listener(text: &str, language: Language, address: Address) -> String {
    let pairs: &[(&str, &str)] = match (language, address) {
        (Language::En, _) => &[
            // Not "them": it points at things as often as at people ("keeping them").
            ("their", "your"),
            ("theirs", "yours"),
            ("they", "you"),
            ("themselves", "yourselves"),
            ("they're", "you're"),
            ("they've", "you've"),
            ("they'll", "you'll"),
        ],
        (Language::Nl, Address::Formal) => {
            &[("hun", "uw"), ("zij", "u"), ("zichzelf", "uzelf"), ("jouw", "uw"), ("jij", "u"), ("je", "u")]
        }
        (Language::Nl, Address::Informal) => {
            &[("hun", "jouw"), ("zij", "jij"), ("zichzelf", "jezelf"), ("uw", "jouw"), ("u", "je")]
        }
    };
    text.split(' ')
        .map(|word| {
            let core = word.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '\'');
            let tail = &word[core.len()..];
            match pairs.iter().find(|(from, _)| core.eq_ignore_ascii_case(from)) {
                Some((_, to)) if core.starts_with(char::is_uppercase) => {
                    format!("{}{tail}", super::fragment::capitalise(to))
                }
                Some((_, to)) => format!("{to}{tail}"),
                None => word.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when `text` reads as a noun phrase (no subject pronoun and none of the common verbs
/// up front), so that it can stand where a question needs a thing.
pub fn is_noun_phrase(text: &str, language: Language) -> bool {
    let words: Vec<String> = text.split_whitespace().map(bare).collect();
    let Some(first) = words.first() else { return false };
    let subjects = ["they", "we", "i", "you", "he", "she", "it", "ze", "zij", "wij", "we", "ik", "u", "je", "hij"];
    let finite = [
        "is", "are", "was", "were", "want", "wants", "need", "needs", "have", "has", "can", "will", "must", "should",
        "zijn", "willen", "wil", "hebben", "heeft", "kunnen", "moeten", "gaan", "worden", "wordt",
    ];
    !subjects.contains(&first.as_str())
        && !words.iter().take(4).any(|word| finite.contains(&word.as_str()))
        && !word_lists(language).is_verb(first)
}

/// The ask as one question to the listener with one next step.
pub fn ask(raw: &str, language: Language, address: Address) -> String {
    let asked = raw.trim_end().ends_with('?');
    let text = to_listener(&clause(raw), language, address);
    if text.is_empty() {
        return text;
    }
    let first = text.split_whitespace().next().map(bare).unwrap_or_default();
    let lists = word_lists(language);
    let question_words = [
        "could", "would", "can", "will", "shall", "may", "do", "are", "kunnen", "zullen", "wilt", "wil", "zou",
        "heeft", "heb", "mag",
    ];
    // Already a question, in the person's own words: kept as it is.
    if asked || question_words.contains(&first.as_str()) {
        return super::fragment::sentence(&format!("{text}?"));
    }
    let lower = lower_first(&text);
    let formal = address == Address::Formal;
    let question = match language {
        Language::En if lists.is_verb(&first) => format!("Would you {lower}?"),
        Language::En if first == "to" && lower.len() > 3 => format!("Would you {}?", lower["to ".len()..].trim_start()),
        Language::En => format!("Could we find time soon for {lower}?"),
        Language::Nl => {
            let words: Vec<&str> = lower.split_whitespace().collect();
            match dutch_final_verb(&words).filter(|verb| *verb > 0 && !words.contains(&"te")) {
                // "een ochtend meelopen" → "Zou u een ochtend willen meelopen?"
                Some(verb) => {
                    let you = if formal { "Zou u" } else { "Zou je" };
                    let (head, tail) = words.split_at(verb);
                    format!("{you} {} willen {}?", head.join(" "), tail.join(" "))
                }
                None if formal => format!("Heeft u binnenkort tijd voor {lower}?"),
                None => format!("Heb je binnenkort tijd voor {lower}?"),
            }
        }
    };
    question.replace("  ", " ")
}

/// A question about the listener's world, from what the audience cares about; `None` when
/// that answer is not a noun phrase (it would not fit the question as written).
pub fn cares_question(cares: &str, language: Language, address: Address) -> Option<String> {
    let np = to_listener(&lower_first(&super::fragment::first_clause(cares)), language, address);
    if np.is_empty() || !is_noun_phrase(&np, language) {
        return None;
    }
    Some(match (language, address) {
        (Language::En, _) => format!("Where do you stand on {np}?"),
        (Language::Nl, Address::Formal) => format!("Hoe kijkt u aan tegen {np}?"),
        (Language::Nl, Address::Informal) => format!("Hoe kijk jij aan tegen {np}?"),
    })
}

/// Words that mark a phrase as a noun phrase from its start.
pub fn starts_with_determiner(text: &str) -> bool {
    text.split_whitespace().next().is_some_and(|word| DETERMINERS.contains(&bare(word).as_str()))
}
