//! Say: a read phrase realised in the sentence it goes into, with the grammar of each
//! language — Dutch *te* before the whole verb cluster and between a particle and its
//! verb, English "-ing" on every coordinated verb, the listener as "you" / *u* / *je* with
//! *uw*/*jouw*, questions in the word order of the language. A phrase the reader could not
//! type is kept in the person's words in a frame that stays grammatical, never bent.

use super::fragment::{bare, capitalise, lower_first, sentence};
use super::read::{Phrase, VerbPhrase};
use crate::lang::lexicon;
use crate::lang::lexicon::Form;
use crate::model::{Address, Language};

/// A realised piece, with the rule that made it (for `pitchcraft draft --explain`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Said {
    /// The words.
    pub text: String,
    /// The rule, in a few words.
    pub rule: &'static str,
}

fn said(text: String, rule: &'static str) -> Option<Said> {
    (!text.trim().is_empty()).then_some(Said { text, rule })
}

/// The punctuation a word carries at its end ("uitvoeren," → ",").
fn tail(word: &str) -> &str {
    let core = word.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
    &word[core.len()..]
}

/// Dutch: "te" before the verb at `at`, between particle and verb where it splits
/// ("kiezen" → "te kiezen", "opleveren" → "op te leveren").
fn place_te(words: &mut Vec<String>, at: usize) {
    let lex = lexicon(Language::Nl);
    let word = words[at].clone();
    let end = tail(&word).to_owned();
    match lex.infinitive(&bare(&word)) {
        Some(verb) if verb.particle.is_some() => {
            let particle = verb.particle.clone().unwrap_or_default();
            words[at] = format!("{particle} te {}{end}", verb.base());
        }
        _ => words.insert(at, "te".to_owned()),
    }
}

/// Dutch: the verb phrase as an infinitive clause with "te" ("meer jongeren voor de
/// techniek te laten kiezen", "zich voor te bereiden op de audit").
pub fn te_clause(vp: &VerbPhrase) -> String {
    let mut words = vp.words.clone();
    if vp.has_te {
        if let Some(governing) = vp.governing {
            place_te(&mut words, governing);
        }
    } else if let Some((first, _)) = vp.cluster {
        place_te(&mut words, first);
    }
    words.join(" ")
}

/// English: every coordinated verb as "-ing" ("mapping the process and removing what
/// nobody needs").
pub fn gerunds(vp: &VerbPhrase) -> String {
    let mut words = vp.words.clone();
    for (at, verb) in &vp.heads {
        let end = tail(&words[*at]).to_owned();
        let gerund = if verb.gerund.is_empty() { format!("{}ing", verb.infinitive) } else { verb.gerund.clone() };
        words[*at] = format!("{gerund}{end}");
    }
    words.join(" ")
}

/// English: the verb phrase as it is, the first word in lower case ("cut waiting times").
pub fn bare_phrase(vp: &VerbPhrase) -> String {
    vp.words.join(" ")
}

/// Dutch: "Ik zet de planners samen" → "Daarvoor zet ik de planners samen": a first-person
/// sentence joined to the one before it by inversion. `None` where it does not start with
/// "ik"/"wij" and a finite verb.
fn dutch_inverted(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let subject = bare(words.first()?);
    let verb = words.get(1)?;
    if !matches!(subject.as_str(), "ik" | "wij" | "we") || !lexicon(Language::Nl).is_finite(&bare(verb)) {
        return None;
    }
    let rest = words[2..].join(" ");
    Some(sentence(&format!("Daarvoor {} {subject} {rest}", bare(verb))).replace("  ", " "))
}

/// What "how I do it" becomes in the statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum How {
    /// Joined to "I help …": "by mapping …", "door … te …", "with …", "met …".
    Joined(String),
    /// A sentence of its own after the statement, in the person's words.
    Sentence(String),
}

/// The "how" after "I help [who] [outcome]".
pub fn how(phrase: &Phrase, language: Language) -> Option<(How, &'static str)> {
    let en = language == Language::En;
    Some(match phrase {
        Phrase::Empty => return None,
        Phrase::Verb(vp) | Phrase::Imperative(vp) if en => {
            (How::Joined(format!("by {}", gerunds(vp))), "by + -ing on each verb")
        }
        Phrase::Verb(vp) => {
            // Typed with its own "door" (or "om"): not said twice.
            let clause = te_clause(vp);
            let clause = clause.strip_prefix("door ").or_else(|| clause.strip_prefix("om ")).unwrap_or(&clause);
            (How::Joined(format!("door {clause}")), "door + te before the verb cluster")
        }
        Phrase::Gerund(text) if en => (How::Joined(format!("by {text}")), "by + -ing phrase"),
        Phrase::FirstPerson { folds: Some(vp), .. } if en => {
            (How::Joined(format!("by {}", gerunds(vp))), "first person folded into by + -ing")
        }
        Phrase::Noun(text) if en => (How::Joined(format!("with {text}")), "with + noun phrase"),
        Phrase::Noun(text) => (How::Joined(format!("met {text}")), "met + noun phrase"),
        Phrase::Prepositional(text) => (How::Joined(text.clone()), "prepositional phrase as typed"),
        Phrase::FirstPerson { text, .. } if !en => match dutch_inverted(text) {
            Some(inverted) => (How::Sentence(inverted), "own sentence, joined with daarvoor"),
            None => (How::Sentence(sentence(text)), "own sentence, kept as typed"),
        },
        Phrase::FirstPerson { text, .. } | Phrase::Clause(text) | Phrase::Unknown(text) => {
            (How::Sentence(sentence(text)), "own sentence, kept as typed")
        }
        _ => return None,
    })
}

/// The outcome after "I help [who]": English a bare verb phrase, Dutch an infinitive
/// clause with "te" (with "om" when it is long).
pub fn outcome(phrase: &Phrase, language: Language) -> Option<Said> {
    let en = language == Language::En;
    match phrase {
        Phrase::Verb(vp) if en => said(bare_phrase(vp), "bare verb phrase"),
        Phrase::Verb(vp) => {
            let clause = te_clause(vp);
            // "het verzuim te verlagen" reads well bare; a longer clause takes "om".
            let long = vp.words.len() > 4;
            if long && !clause.starts_with("om ") {
                said(format!("om {clause}"), "om + te before the verb cluster")
            } else {
                said(clause, "te before the verb cluster")
            }
        }
        Phrase::Gerund(text) if en => said(format!("with {text}"), "with + -ing phrase"),
        Phrase::Noun(text) if en => said(format!("achieve {text}"), "achieve + noun phrase"),
        Phrase::Noun(text) => said(format!("aan {text}"), "aan + noun phrase"),
        _ => None,
    }
}

/// `text` said to the listener: the audience, named in the third person, becomes "you"
/// ("their plans" → "your plans"; "hun regio" → "uw regio" or "jouw regio"); in Dutch the
/// address is the audience's throughout (*u* or *je*, never both), "je" before a noun is
/// the possessive *uw*.
pub fn to_listener(text: &str, language: Language, address: Address) -> String {
    let lex = lexicon(language);
    let words: Vec<&str> = text.split(' ').collect();
    let mut out = Vec::with_capacity(words.len());
    for (at, word) in words.iter().enumerate() {
        let core = word.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        let end = &word[core.len()..];
        let lower = core.to_lowercase();
        let next = words.get(at + 1).map(|w| bare(w)).unwrap_or_default();
        let before_noun = !next.is_empty() && !lex.is_finite(&next) && lex.infinitive(&next).is_none();
        let to: Option<&str> = match (language, address, lower.as_str()) {
            (Language::En, _, "their") => Some("your"),
            (Language::En, _, "theirs") => Some("yours"),
            (Language::En, _, "they") => Some("you"),
            (Language::En, _, "themselves") => Some("yourselves"),
            (Language::En, _, "they're") => Some("you're"),
            (Language::En, _, "they've") => Some("you've"),
            (Language::En, _, "they'll") => Some("you'll"),
            (Language::Nl, Address::Formal, "hun" | "jouw") => Some("uw"),
            (Language::Nl, Address::Formal, "je") if before_noun => Some("uw"),
            (Language::Nl, Address::Formal, "jij" | "je" | "zij") => Some("u"),
            (Language::Nl, Address::Formal, "zichzelf" | "jezelf") => Some("uzelf"),
            (Language::Nl, Address::Informal, "hun" | "uw") => Some("jouw"),
            (Language::Nl, Address::Informal, "zij") => Some("jij"),
            (Language::Nl, Address::Informal, "u") => Some("je"),
            (Language::Nl, Address::Informal, "zichzelf" | "uzelf") => Some("jezelf"),
            _ => None,
        };
        match to {
            Some(to) if core.starts_with(char::is_uppercase) => out.push(format!("{}{end}", capitalise(to))),
            Some(to) => out.push(format!("{to}{end}")),
            None => out.push((*word).to_owned()),
        }
    }
    out.join(" ")
}

/// A Dutch clause about "ze"/"zij" said to them: the subject becomes *u* or *je* and its
/// verbs agree ("ze begrijpen de eisen niet en haken af" → "u begrijpt de eisen niet en
/// haakt af"). `None` when the clause does not start that way.
fn dutch_they_to_you(text: &str, address: Address) -> Option<String> {
    let lex = lexicon(Language::Nl);
    let mut words: Vec<String> = text.split(' ').map(str::to_owned).collect();
    if words.len() < 2 || !["ze", "zij"].contains(&bare(&words[0]).as_str()) {
        return None;
    }
    let third = |word: &str| {
        lex.verb_forms(&bare(word))
            .into_iter()
            .find(|(_, form)| *form == Form::Infinitive)
            .map(|(verb, _)| verb.third.clone())
            .filter(|third| !third.is_empty())
    };
    let first_verb = third(&words[1])?;
    let you = match address {
        Address::Formal => "u",
        Address::Informal => "je",
    };
    words[0] = if words[0].starts_with(char::is_uppercase) { capitalise(you) } else { you.to_owned() };
    words[1] = format!("{first_verb}{}", trailing_marks(&words[1]));
    // A second verb of the same subject: "… en haken daarom af".
    for at in 2..words.len().saturating_sub(1) {
        if bare(&words[at]) == "en"
            && let Some(verb) = third(&words[at + 1])
        {
            let tail = trailing_marks(&words[at + 1]).to_owned();
            words[at + 1] = format!("{verb}{tail}");
        }
    }
    Some(words.join(" "))
}

/// The punctuation after a word ("af," → ","), cut on a character boundary whatever the
/// word's letters are.
fn trailing_marks(word: &str) -> &str {
    &word[word.trim_end_matches(|c: char| !c.is_alphanumeric()).len()..]
}

/// "Herkent u dat?" / "Herken je dat?" / "Does that sound familiar?"
fn familiar(language: Language, address: Address) -> &'static str {
    match (language, address) {
        (Language::En, _) => "Does that sound familiar?",
        (Language::Nl, Address::Formal) => "Herkent u dat?",
        (Language::Nl, Address::Informal) => "Herken je dat?",
    }
}

/// The opening question about the listener's world, from what the audience cares about.
pub fn cares_hook(phrase: &Phrase, language: Language, address: Address) -> Option<Said> {
    let you = |text: &str| to_listener(text, language, address);
    let formal = address == Address::Formal;
    match (phrase, language) {
        (Phrase::Noun(np), Language::En) => {
            said(format!("Where do you stand on {}?", you(np)), "where do you stand on + noun phrase")
        }
        (Phrase::Noun(np), Language::Nl) if formal => {
            said(format!("Hoe kijkt u aan tegen {}?", you(np)), "hoe kijkt u aan tegen + noun phrase")
        }
        (Phrase::Noun(np), Language::Nl) => {
            said(format!("Hoe kijk jij aan tegen {}?", you(np)), "hoe kijk jij aan tegen + noun phrase")
        }
        (Phrase::Gerund(text), Language::En) => {
            said(format!("Where do you stand on {}?", you(text)), "where do you stand on + -ing phrase")
        }
        (Phrase::Verb(vp), Language::En) => {
            said(format!("Where do you stand on {}?", you(&gerunds(vp))), "where do you stand on + -ing phrase")
        }
        (Phrase::Verb(vp), Language::Nl) => {
            let clause = you(&te_clause(vp));
            let frame = if formal { "Hoe belangrijk is het voor u om" } else { "Hoe belangrijk is het voor jou om" };
            said(format!("{frame} {clause}?"), "hoe belangrijk is het om + te-clause")
        }
        (Phrase::Clause(text), Language::Nl) if dutch_they_to_you(text, address).is_some() => {
            let yours = dutch_they_to_you(text, address).unwrap_or_default();
            said(
                format!("{} {}", sentence(&you(&yours)), familiar(language, address)),
                "their clause said to them + herkent u dat",
            )
        }
        // A clause about others ("starters haken af in hun eerste jaar") keeps its
        // pronouns: "hun" is theirs, not the listener's. Only "they …" is said to them.
        (Phrase::Clause(text), _) => {
            let they = ["they", "they're", "they've"].contains(&bare(text.split(' ').next().unwrap_or("")).as_str());
            let text = if they { you(text) } else { text.clone() };
            said(
                format!("{} {}", sentence(&text), familiar(language, address)),
                "their clause as a sentence + does that sound familiar",
            )
        }
        (Phrase::ThatClause(text), Language::En) => said(
            format!("{}: that is what counts for you.", capitalise(&you(text))),
            "that-clause + that is what counts",
        ),
        (Phrase::ThatClause(text), Language::Nl) => {
            let end = if formal { "daar draait het voor u om." } else { "daar draait het voor jou om." };
            said(format!("{}: {end}", capitalise(&you(text))), "dat-clause + daar draait het om")
        }
        (Phrase::Question(text), _) => {
            said(sentence(&format!("{}?", text.trim_end_matches('?'))), "their question, kept")
        }
        _ => None,
    }
}

/// Verbs of doing something together: the ask becomes "Shall we …?" / "Zullen we …?".
fn joint(vp: &VerbPhrase, language: Language) -> bool {
    let lower: Vec<String> = vp.words.iter().map(|w| bare(w)).collect();
    let together = ["together", "each", "samen", "elkaar"];
    let mutual_en = ["compare", "share", "exchange", "discuss", "swap", "meet", "explore"];
    let mutual_nl = ["delen", "uitwisselen", "vergelijken", "afspreken", "bespreken", "kennismaken"];
    lower.iter().any(|word| together.contains(&word.as_str()))
        || match language {
            Language::En => vp.heads.first().is_some_and(|(_, verb)| mutual_en.contains(&verb.infinitive.as_str())),
            Language::Nl => vp.cluster.is_some_and(|(_, last)| mutual_nl.contains(&lower[last].as_str())),
        }
}

/// Dutch: the verb phrase's words before the cluster, the cluster, and what follows it.
fn dutch_fields(vp: &VerbPhrase) -> (String, String, String) {
    let (first, last) = vp.cluster.unwrap_or((vp.trailing, vp.trailing.saturating_sub(1)));
    let middle = vp.words[..first.min(vp.words.len())].join(" ");
    let cluster = if first <= last { vp.words[first..=last].join(" ") } else { String::new() };
    let after = vp.words[vp.trailing.min(vp.words.len())..].join(" ");
    (middle, cluster, after)
}

fn join(parts: &[&str]) -> String {
    parts.iter().filter(|part| !part.trim().is_empty()).copied().collect::<Vec<_>>().join(" ")
}

/// The ask as one question to the listener with one next step.
pub fn ask(phrase: &Phrase, language: Language, address: Address) -> Option<Said> {
    let you = |text: &str| to_listener(text, language, address);
    let formal = address == Address::Formal;
    match (phrase, language) {
        (Phrase::Empty, _) => None,
        (Phrase::Question(text), _) => {
            said(sentence(&format!("{}?", you(text).trim_end_matches('?'))), "their question, kept")
        }
        (Phrase::Introduction(person), Language::En) => {
            said(format!("Would you introduce me to {}?", you(person)), "would you introduce me to + person")
        }
        (Phrase::Introduction(person), Language::Nl) => {
            let frame = if formal { "Wilt u mij voorstellen aan" } else { "Wil je me voorstellen aan" };
            said(format!("{frame} {}?", you(person)), "wilt u mij voorstellen aan + person")
        }
        (Phrase::Verb(vp) | Phrase::Imperative(vp), Language::En) => {
            let text = you(&bare_phrase(vp));
            if joint(vp, language) {
                said(format!("Shall we {text}?"), "shall we + verb phrase (something together)")
            } else {
                said(format!("Would you {text}?"), "would you + verb phrase")
            }
        }
        (Phrase::Verb(vp), Language::Nl) => {
            let (middle, cluster, after) = dutch_fields(vp);
            let (middle, cluster, after) = (you(&middle), you(&cluster), you(&after));
            if joint(vp, language) {
                // "ervaringen delen op de regiodag in april" → "Zullen we op de regiodag in
                // april ervaringen delen?"
                said(
                    format!("Zullen we {}?", join(&[&after, &middle, &cluster])),
                    "zullen we + place and time first + verb last",
                )
            } else {
                let frame = if formal { "Zou u" } else { "Zou je" };
                said(
                    format!("{frame} {}?", join(&[&middle, "willen", &cluster, &after])),
                    "zou u … willen + verb cluster",
                )
            }
        }
        (Phrase::Imperative(vp), Language::Nl) => {
            let verb = vp.imperative.as_ref().map(|verb| verb.infinitive.clone()).unwrap_or_default();
            let frame = if formal { "Wilt u" } else { "Wil je" };
            let text = match vp.cluster {
                Some(_) => {
                    let (middle, cluster, after) = dutch_fields(vp);
                    join(&[&middle, &verb, &cluster, &after])
                }
                None => {
                    let middle = vp.words[..vp.trailing].join(" ");
                    let after = vp.words[vp.trailing..].join(" ");
                    join(&[&middle, &verb, &after])
                }
            };
            said(format!("{frame} {}?", you(&text)), "imperative → wilt u … + infinitive")
        }
        (Phrase::Request(np), Language::En) => {
            said(format!("Could you spare {}?", you(np)), "could you spare + counted noun phrase")
        }
        (Phrase::Request(np), Language::Nl) => {
            let frame = if formal { "Kan ik bij u terecht voor" } else { "Kan ik bij jou terecht voor" };
            said(format!("{frame} {}?", you(np)), "kan ik bij u terecht voor + counted noun phrase")
        }
        (Phrase::Noun(np), Language::En) => {
            said(format!("Could we find time soon for {}?", you(np)), "could we find time soon for + noun phrase")
        }
        (Phrase::Noun(np), Language::Nl) => {
            let frame = if formal { "Heeft u binnenkort tijd voor" } else { "Heb je binnenkort tijd voor" };
            said(format!("{frame} {}?", you(np)), "heeft u binnenkort tijd voor + noun phrase")
        }
        (Phrase::Gerund(text), Language::En) => {
            said(format!("Could we find time soon for {}?", you(text)), "could we find time soon for + -ing phrase")
        }
        // Their own words as a sentence, then the question.
        (
            Phrase::FirstPerson { text, .. }
            | Phrase::Clause(text)
            | Phrase::Unknown(text)
            | Phrase::Prepositional(text)
            | Phrase::ThatClause(text)
            | Phrase::Gerund(text),
            _,
        ) => {
            let question = match (language, address) {
                (Language::En, _) => "Would that be possible?",
                (Language::Nl, Address::Formal) => "Zou dat kunnen?",
                (Language::Nl, Address::Informal) => "Zou dat kunnen?",
            };
            said(format!("{} {question}", sentence(&you(text))), "own words + would that be possible")
        }
    }
}

/// The next goal: "My next goal is to …" / "Mijn volgende doel is om … te …".
pub fn goal(phrase: &Phrase, language: Language) -> Option<Said> {
    let en = language == Language::En;
    match phrase {
        Phrase::Verb(vp) if en => {
            said(format!("My next goal is to {}.", bare_phrase(vp)), "my next goal is to + verb phrase")
        }
        Phrase::Verb(vp) => {
            let clause = te_clause(vp);
            let clause = clause.strip_prefix("om ").unwrap_or(&clause).to_owned();
            said(format!("Mijn volgende doel is om {clause}."), "mijn volgende doel is om + te-clause")
        }
        Phrase::Noun(np) if en => said(format!("My next goal is {np}."), "my next goal is + noun phrase"),
        Phrase::Noun(np) => said(format!("Mijn volgende doel is {np}."), "mijn volgende doel is + noun phrase"),
        Phrase::Gerund(text) if en => said(format!("My next goal is {text}."), "my next goal is + -ing phrase"),
        Phrase::FirstPerson { text, .. } => said(sentence(text), "own sentence, kept as typed"),
        _ => None,
    }
}

/// The value from a skill's description, where there is no brand statement: "My
/// speciality is designing courses people finish." / "Mijn specialiteit is …".
pub fn speciality(phrase: &Phrase, language: Language) -> Option<Said> {
    let en = language == Language::En;
    match phrase {
        Phrase::Verb(vp) if en => said(format!("My speciality is {}.", gerunds(vp)), "my speciality is + -ing"),
        Phrase::Gerund(text) | Phrase::Noun(text) if en => {
            said(format!("My speciality is {text}."), "my speciality is + phrase")
        }
        Phrase::Verb(vp) => {
            said(format!("Mijn specialiteit is {}.", bare_phrase(vp)), "mijn specialiteit is + infinitive phrase")
        }
        Phrase::Noun(text) => said(format!("Mijn specialiteit is {text}."), "mijn specialiteit is + noun phrase"),
        Phrase::FirstPerson { text, .. } => said(sentence(text), "own sentence, kept as typed"),
        _ => None,
    }
}

/// A headline's relative clause in the first person: "Former teacher who designs courses
/// people finish" → "I design courses people finish."; "Docent die cursussen ontwerpt" →
/// "Ik ontwerp cursussen."
pub fn from_headline(headline: &str, language: Language) -> Option<Said> {
    let lex = lexicon(language);
    let words: Vec<&str> = headline.split_whitespace().collect();
    let relative = if language == Language::En { "who" } else { "die" };
    let at = words.iter().position(|word| bare(word) == relative)?;
    let rest = &words[at + 1..];
    match language {
        Language::En => {
            let verb = rest.first().map(|w| bare(w))?;
            let (lemma, _) = lex.verb_forms(&verb).into_iter().find(|(_, form)| *form == crate::lang::Form::Third)?;
            let body: Vec<&str> = rest[1..].to_vec();
            let text = format!("I {} {}", lemma.infinitive, body.join(" "));
            said(sentence(text.trim()), "headline's who-clause in the first person")
        }
        Language::Nl => {
            // Verb-final: "die cursussen ontwerpt die mensen afmaken" — the first third
            // person ends the clause.
            let end = rest
                .iter()
                .position(|w| lex.verb_forms(&bare(w)).iter().any(|(_, form)| *form == crate::lang::Form::Third))?;
            let (verb, _) =
                lex.verb_forms(&bare(rest[end])).into_iter().find(|(_, form)| *form == crate::lang::Form::Third)?;
            let stem = if verb.particle.is_some() {
                verb.stem.trim_start_matches(verb.particle.as_deref().unwrap_or("")).to_owned()
            } else {
                verb.stem.clone()
            };
            let particle = verb.particle.clone().unwrap_or_default();
            let middle = rest[..end].join(" ");
            let after = rest[end + 1..].join(" ");
            let text = join(&["Ik", &stem, &middle, &particle, &after]);
            said(sentence(&text), "headline's die-clause in the first person")
        }
    }
}

/// "I help [who] [outcome] [how]." / "Ik help [who] [outcome] [how]." — the statement
/// from its three parts, read. `None` while who or the outcome is empty. An outcome that
/// could not be read stays a sentence of its own, as does a "how" that is one.
pub fn help_sentence(who: &str, outcome: &Phrase, how: &Phrase, language: Language) -> Option<String> {
    if who.trim().is_empty() || matches!(outcome, Phrase::Empty) || !super::read::is_group(who, language) {
        return None;
    }
    let help = match language {
        Language::En => "I help",
        Language::Nl => "Ik help",
    };
    let said = self::outcome(outcome, language);
    let head = match &said {
        Some(outcome) => format!("{help} {who} {}", outcome.text),
        None => {
            let own = match outcome {
                Phrase::Noun(text) | Phrase::Gerund(text) | Phrase::Prepositional(text) => text.clone(),
                Phrase::FirstPerson { text, .. }
                | Phrase::Clause(text)
                | Phrase::ThatClause(text)
                | Phrase::Question(text)
                | Phrase::Unknown(text)
                | Phrase::Introduction(text)
                | Phrase::Request(text) => text.clone(),
                Phrase::Verb(vp) | Phrase::Imperative(vp) => vp.words.join(" "),
                Phrase::Empty => String::new(),
            };
            format!("{help} {who}. {}", sentence(&own))
        }
    };
    Some(match self::how(how, language) {
        // After an aside ("…, vooral kort verzuim") a joined "how" would seem to belong
        // to the aside: it gets a sentence of its own.
        Some((How::Joined(how), _)) if said.is_some() && head.contains(", ") => {
            let own = match language {
                Language::En => format!("I do that {how}"),
                Language::Nl => format!("Dat doe ik {how}"),
            };
            format!("{} {}", sentence(&head), sentence(&own))
        }
        Some((How::Joined(how), _)) if said.is_some() => sentence(&format!("{head} {how}")),
        Some((How::Sentence(how), _)) => format!("{} {how}", sentence(&head)),
        _ => sentence(&head),
    })
}

/// English "I help X" / Dutch "Ik help X" with the listener in place of X when X is the
/// audience itself ("I help you cut costs").
pub fn help_you(language: Language, address: Address) -> &'static str {
    match (language, address) {
        (Language::En, _) => "you",
        (Language::Nl, Address::Formal) => "u",
        (Language::Nl, Address::Informal) => "je",
    }
}

/// `text` starts a sentence: capital first.
pub fn start(text: &str) -> String {
    capitalise(text)
}

/// `text` for the middle of a sentence.
pub fn middle(text: &str) -> String {
    lower_first(text)
}

#[cfg(test)]
mod tests {
    use super::super::read::{Field, read};
    use super::*;

    fn nl_outcome(text: &str) -> String {
        outcome(&read(text, Field::Outcome, Language::Nl), Language::Nl).map(|s| s.text).unwrap_or_default()
    }

    #[test]
    fn dutch_te_goes_before_the_cluster_and_between_particle_and_verb() {
        assert_eq!(
            nl_outcome("meer jongeren voor de techniek laten kiezen"),
            "om meer jongeren voor de techniek te laten kiezen"
        );
        assert_eq!(nl_outcome("nieuwe woningen sneller opleveren"), "nieuwe woningen sneller op te leveren");
        assert_eq!(
            nl_outcome("sneller kunnen starten met nieuwe collega's"),
            "om sneller te kunnen starten met nieuwe collega's"
        );
        assert_eq!(nl_outcome("zich voorbereiden op de audit"), "om zich voor te bereiden op de audit");
        assert_eq!(
            nl_outcome("minder tijd kwijt zijn aan administratie"),
            "om minder tijd kwijt te zijn aan administratie"
        );
        assert_eq!(nl_outcome("het verzuim te verlagen"), "het verzuim te verlagen");
    }

    #[test]
    fn english_coordinated_verbs_all_take_ing() {
        let phrase = read("map the process and remove what nobody needs", Field::How, Language::En);
        assert_eq!(
            how(&phrase, Language::En).unwrap().0,
            How::Joined("by mapping the process and removing what nobody needs".into())
        );
    }
}
