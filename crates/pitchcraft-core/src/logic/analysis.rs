//! Text analysis of a pitch, as a speaking coach would give it: length at the speaker's
//! own rate, filler and hedging words, jargon, likely passive voice, long sentences,
//! whether there is a number (proof) and an ask, and the balance of "you" against "I".
//!
//! Matching is on Unicode word boundaries and ignores case ("just" does not match
//! "justice"; "eigenlijk" matches "Eigenlijk,"). Word lists are data, per language.
//! Everything here is pure and fast: a 150-word pitch takes microseconds.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::i18n::words::{WordLists, words};
use crate::i18n::{Tr, fill, tr};
use crate::model::Language;

/// Above this many words a sentence is too long to follow when spoken.
pub const LONG_SENTENCE_WORDS: usize = 25;

/// Speaking rate when the person has no rehearsals yet, in words per minute. Public
/// speaking coaches put a comfortable pace at 140 to 160; Dutch words are longer on
/// average, so Dutch gets a little less.
pub fn default_wpm(language: Language) -> f64 {
    match language {
        Language::En => 150.0,
        Language::Nl => 140.0,
    }
}

/// What a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// A filler word or sound.
    Filler,
    /// A hedging word or phrase.
    Hedge,
    /// A buzzword.
    Jargon,
    /// Likely passive voice (English only).
    Passive,
    /// A sentence over [`LONG_SENTENCE_WORDS`] words.
    LongSentence,
    /// No number anywhere.
    NoNumber,
    /// No question or request at the end.
    NoAsk,
}

/// One remark on the text, pointing at the words it is about (byte offsets).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// What kind of remark.
    pub kind: FindingKind,
    /// Start of the words, in bytes.
    pub start: usize,
    /// End of the words, in bytes.
    pub end: usize,
    /// Words in the sentence (long sentences only).
    #[serde(skip)]
    pub words: usize,
}

impl Finding {
    /// The remark in one line, in `language`.
    pub fn message(&self, text: &str, language: Language) -> String {
        let quoted = text.get(self.start..self.end).unwrap_or("").trim();
        let key = match self.kind {
            FindingKind::Filler => Tr::FindingFiller,
            FindingKind::Hedge => Tr::FindingHedge,
            FindingKind::Jargon => Tr::FindingJargon,
            FindingKind::Passive => Tr::FindingPassive,
            FindingKind::LongSentence => Tr::FindingLongSentence,
            FindingKind::NoNumber => Tr::FindingNoNumber,
            FindingKind::NoAsk => Tr::FindingNoAsk,
        };
        fill(tr(language, key), &[("text", &quoted), ("words", &self.words)])
    }
}

/// How often a filler or hedge occurs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PhraseCount {
    /// The word or phrase, lower case.
    pub text: String,
    /// How often.
    pub count: usize,
    /// Filler or hedge.
    pub kind: FindingKind,
}

/// Everything the analysis found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Analysis {
    /// The language analysed.
    #[serde(serialize_with = "language_code")]
    pub language: Language,
    /// Words.
    pub words: usize,
    /// Sentences.
    pub sentences: usize,
    /// The speaking rate used, words per minute.
    pub wpm: f64,
    /// Estimated speaking time in seconds.
    pub seconds: f64,
    /// Filler and hedging words, most frequent first.
    pub fillers: Vec<PhraseCount>,
    /// Sentences over the limit.
    pub long_sentences: usize,
    /// Whether there is a number (digits or words).
    pub has_number: bool,
    /// Whether the end is a question or request.
    pub has_ask: bool,
    /// "You" words.
    pub you_count: usize,
    /// "I" words.
    pub i_count: usize,
    /// Every remark, in text order; whole-text remarks last.
    pub findings: Vec<Finding>,
}

/// Findings of the same words put together: "just" found forty times is one remark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FindingGroup {
    /// The first finding of the group (the one to point at).
    pub first: Finding,
    /// How many findings the group holds.
    pub count: usize,
}

impl Analysis {
    /// The findings with the same kind and words (ignoring case) grouped, in order of
    /// first appearance. Long sentences and whole-text remarks stay one per group.
    pub fn grouped(&self, text: &str) -> Vec<FindingGroup> {
        let mut groups: Vec<FindingGroup> = Vec::new();
        let mut index: HashMap<(FindingKind, String), usize> = HashMap::new();
        for finding in &self.findings {
            let words = match finding.kind {
                FindingKind::Filler | FindingKind::Hedge | FindingKind::Jargon | FindingKind::Passive => {
                    text.get(finding.start..finding.end).map(str::to_lowercase)
                }
                _ => None,
            };
            let key = words.map(|words| (finding.kind, words));
            match key.as_ref().and_then(|key| index.get(key)) {
                Some(&existing) => groups[existing].count += 1,
                None => {
                    if let Some(key) = key {
                        index.insert(key, groups.len());
                    }
                    groups.push(FindingGroup { first: finding.clone(), count: 1 });
                }
            }
        }
        groups
    }
}

fn language_code<S: serde::Serializer>(language: &Language, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(language.code())
}

/// A word of the text: where it is, its lower-case form, and what the lexicon knows of it.
struct Token<'a> {
    start: usize,
    end: usize,
    lower: Cow<'a, str>,
    entry: Option<&'static Entry>,
}

fn tokens<'a>(text: &'a str, lexicon: &'static Lexicon) -> Vec<Token<'a>> {
    text.unicode_word_indices()
        .map(|(start, word)| {
            let lower = if word.chars().any(char::is_uppercase) {
                Cow::Owned(word.to_lowercase())
            } else {
                Cow::Borrowed(word)
            };
            let entry = lexicon.words.get(lower.as_ref());
            Token { start, end: start + word.len(), lower, entry }
        })
        .collect()
}

/// FNV-1a: the lexicon's keys are short words, for which it is much faster than SipHash
/// (and the keys come from our own word lists, not from an attacker).
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// What a word list says about a phrase that starts with some word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PhraseKind {
    Filler,
    Hedge,
    Jargon,
    Ask,
    Number,
}

/// Everything the word lists say about one (lower-case) word.
#[derive(Default)]
struct Entry {
    first_person: bool,
    second_person: bool,
    be_form: bool,
    participle: bool,
    common: bool,
    comma_filler: bool,
    /// Phrases starting with this word: their words and kind, longest first.
    phrases: Vec<(Vec<String>, PhraseKind)>,
}

/// The word lists of a language, indexed by word: one lookup per word of the text.
struct Lexicon {
    words: HashMap<String, Entry, std::hash::BuildHasherDefault<Fnv>>,
}

impl Lexicon {
    fn new(lists: &WordLists) -> Self {
        let mut words: HashMap<String, Entry, std::hash::BuildHasherDefault<Fnv>> = HashMap::default();
        let phrase_lists = [
            (&lists.fillers, PhraseKind::Filler),
            (&lists.hedges, PhraseKind::Hedge),
            (&lists.jargon, PhraseKind::Jargon),
            (&lists.ask_phrases, PhraseKind::Ask),
            (&lists.number_words, PhraseKind::Number),
        ];
        for (list, kind) in phrase_lists {
            for phrase in list {
                let parts: Vec<String> = phrase.unicode_words().map(str::to_lowercase).collect();
                if let Some(first) = parts.first() {
                    words.entry(first.clone()).or_default().phrases.push((parts, kind));
                }
            }
        }
        type SetFlag = fn(&mut Entry);
        let flags: [(&Vec<String>, SetFlag); 6] = [
            (&lists.comma_fillers, |e| e.comma_filler = true),
            (&lists.first_person, |e| e.first_person = true),
            (&lists.second_person, |e| e.second_person = true),
            (&lists.be_forms, |e| e.be_form = true),
            (&lists.irregular_participles, |e| e.participle = true),
            (&lists.common_words, |e| e.common = true),
        ];
        for (list, set) in flags {
            for word in list {
                set(words.entry(word.to_lowercase()).or_default());
            }
        }
        for entry in words.values_mut() {
            entry.phrases.sort_by_key(|(parts, _)| std::cmp::Reverse(parts.len()));
        }
        Self { words }
    }
}

/// The longest phrase of one of `kinds` starting at `tokens[at]`: its length and kind.
fn phrase_at(tokens: &[Token<'_>], at: usize, kinds: &[PhraseKind]) -> Option<(usize, PhraseKind)> {
    let entry = tokens[at].entry?;
    entry
        .phrases
        .iter()
        .filter(|(_, kind)| kinds.contains(kind))
        .find(|(parts, _)| {
            tokens.len() - at >= parts.len()
                && parts.iter().zip(&tokens[at..]).all(|(part, token)| part == token.lower.as_ref())
        })
        .map(|(parts, kind)| (parts.len(), *kind))
}

/// Whether `token` is a word that fills a silence when a comma follows it ("So, like, we").
fn set_off_by_comma(text: &str, token: &Token<'_>) -> bool {
    token.entry.is_some_and(|entry| entry.comma_filler) && text[token.end..].trim_start().starts_with(',')
}

fn lexicon(language: Language) -> &'static Lexicon {
    static EN: OnceLock<Lexicon> = OnceLock::new();
    static NL: OnceLock<Lexicon> = OnceLock::new();
    let cell = match language {
        Language::En => &EN,
        Language::Nl => &NL,
    };
    cell.get_or_init(|| Lexicon::new(words(language)))
}

/// Sentence ends: after `.`, `!`, `?` or `…` (with any closing quotes or brackets) that
/// are followed by white space and then not by a lower-case letter ("e.g. the" goes on),
/// and at blank lines. Returns the sentences' byte ranges, trimmed of white space.
fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        let end_here = match c {
            '.' | '!' | '?' | '…' => {
                let mut end = index + c.len_utf8();
                while let Some(&(next_index, next)) = chars.peek() {
                    if matches!(next, '.' | '!' | '?' | '…' | '"' | '\'' | '”' | '’' | ')' | ']') {
                        end = next_index + next.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                let rest = &text[end..];
                let after = rest.trim_start();
                let spaced = after.len() < rest.len() || after.is_empty();
                (spaced && !after.starts_with(char::is_lowercase)).then_some(end)
            }
            '\n' => text[index + 1..].trim_start_matches([' ', '\t', '\r']).starts_with('\n').then_some(index),
            _ => None,
        };
        if let Some(end) = end_here {
            push_trimmed(&mut found, text, start, end);
            start = end;
        }
    }
    push_trimmed(&mut found, text, start, text.len());
    found
}

fn push_trimmed(found: &mut Vec<(usize, usize)>, text: &str, start: usize, end: usize) {
    let piece = &text[start..end];
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let lead = piece.len() - piece.trim_start().len();
        found.push((start + lead, start + lead + trimmed.len()));
    }
}

/// English or Dutch, from the share of very common words of each; English on a tie.
pub fn detect_language(text: &str) -> Language {
    let score = |language| tokens(text, lexicon(language)).iter().filter(|t| t.entry.is_some_and(|e| e.common)).count();
    if score(Language::Nl) > score(Language::En) { Language::Nl } else { Language::En }
}

/// Analyses `text` in `language` at `wpm` words per minute (non-positive or absurd rates
/// fall back to the default for the language).
pub fn analyze(text: &str, language: Language, wpm: f64) -> Analysis {
    let wpm = if wpm.is_finite() && (40.0..=400.0).contains(&wpm) { wpm } else { default_wpm(language) };
    let tokens = tokens(text, lexicon(language));
    let mut findings = Vec::new();
    let mut counts: Vec<PhraseCount> = Vec::new();

    // Phrases: fillers, hedges and jargon, longest match first, no overlaps.
    let mut at = 0;
    while at < tokens.len() {
        let found = phrase_at(&tokens, at, &[PhraseKind::Filler, PhraseKind::Hedge, PhraseKind::Jargon])
            .or_else(|| set_off_by_comma(text, &tokens[at]).then_some((1, PhraseKind::Filler)));
        let Some((len, kind)) = found else {
            at += 1;
            continue;
        };
        let kind = match kind {
            PhraseKind::Filler => FindingKind::Filler,
            PhraseKind::Hedge => FindingKind::Hedge,
            _ => FindingKind::Jargon,
        };
        let (start, end) = (tokens[at].start, tokens[at + len - 1].end);
        findings.push(Finding { kind, start, end, words: 0 });
        if kind != FindingKind::Jargon {
            let phrase = tokens[at..at + len].iter().map(|t| t.lower.as_ref()).collect::<Vec<_>>().join(" ");
            match counts.iter_mut().find(|count| count.text == phrase) {
                Some(count) => count.count += 1,
                None => counts.push(PhraseCount { text: phrase, count: 1, kind }),
            }
        }
        at += len;
    }
    counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));

    // Likely passive: a form of "to be", maybe an -ly adverb, then a past participle.
    for (index, token) in tokens.iter().enumerate() {
        if !token.entry.is_some_and(|entry| entry.be_form) {
            continue;
        }
        let mut next = index + 1;
        if tokens.get(next).is_some_and(|t| t.lower.ends_with("ly") && t.lower.len() > 4) {
            next += 1;
        }
        if let Some(participle) = tokens.get(next)
            && ((participle.lower.ends_with("ed") && participle.lower.len() > 3)
                || participle.entry.is_some_and(|entry| entry.participle))
        {
            findings.push(Finding { kind: FindingKind::Passive, start: token.start, end: participle.end, words: 0 });
        }
    }

    // Sentences, and the long ones.
    let ranges = sentences(text);
    let mut sentence_count = 0;
    let mut long_sentences = 0;
    let mut last_sentence: Option<(usize, usize)> = None;
    let mut first_token = 0;
    for (start, end) in ranges {
        let mut count = 0;
        while first_token < tokens.len() && tokens[first_token].start < end {
            first_token += 1;
            count += 1;
        }
        if count == 0 {
            continue;
        }
        sentence_count += 1;
        last_sentence = Some((start, end));
        if count > LONG_SENTENCE_WORDS {
            long_sentences += 1;
            findings.push(Finding { kind: FindingKind::LongSentence, start, end, words: count });
        }
    }

    let has_number = tokens.iter().any(|token| token.lower.chars().any(|c| c.is_ascii_digit()))
        || (0..tokens.len()).any(|at| phrase_at(&tokens, at, &[PhraseKind::Number]).is_some());
    let has_ask = last_sentence.is_some_and(|(start, end)| {
        text[start..end].ends_with('?') || {
            let first = tokens.partition_point(|token| token.start < start);
            let last = tokens.partition_point(|token| token.start < end);
            (first..last).any(|at| phrase_at(&tokens[..last], at, &[PhraseKind::Ask]).is_some())
        }
    });
    let you_count = tokens.iter().filter(|token| token.entry.is_some_and(|entry| entry.second_person)).count();
    let i_count = tokens.iter().filter(|token| token.entry.is_some_and(|entry| entry.first_person)).count();

    findings.sort_by_key(|finding| (finding.start, finding.end));
    if !tokens.is_empty() {
        if !has_number {
            findings.push(Finding { kind: FindingKind::NoNumber, start: 0, end: 0, words: 0 });
        }
        if !has_ask {
            let (start, end) = last_sentence.unwrap_or((0, 0));
            findings.push(Finding { kind: FindingKind::NoAsk, start, end, words: 0 });
        }
    }

    let words = tokens.len();
    Analysis {
        language,
        words,
        sentences: sentence_count,
        wpm,
        seconds: words as f64 * 60.0 / wpm,
        fillers: counts,
        long_sentences,
        has_number,
        has_ask,
        you_count,
        i_count,
        findings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(analysis: &Analysis) -> Vec<FindingKind> {
        analysis.findings.iter().map(|finding| finding.kind).collect()
    }

    fn quoted<'a>(text: &'a str, analysis: &Analysis, kind: FindingKind) -> Vec<&'a str> {
        analysis.findings.iter().filter(|f| f.kind == kind).map(|f| &text[f.start..f.end]).collect()
    }

    #[test]
    fn counts_words_sentences_and_time() {
        let text = "I'm Sanne. I help hospitals cut waiting times! Could we talk next month?";
        let analysis = analyze(text, Language::En, 150.0);
        assert_eq!(analysis.words, 13);
        assert_eq!(analysis.sentences, 3);
        assert!((analysis.seconds - 13.0 * 60.0 / 150.0).abs() < 1e-9);
        assert!(analysis.has_ask);
        assert!(!analysis.has_number);
        assert_eq!(kinds(&analysis), [FindingKind::NoNumber]);
    }

    #[test]
    fn fillers_match_whole_words_only_and_ignore_case() {
        let text = "Justice matters. Actually, I just want to, you know, be Really clear.";
        let analysis = analyze(text, Language::En, 150.0);
        assert_eq!(quoted(text, &analysis, FindingKind::Filler), ["Actually", "just", "you know", "Really"]);
        let texts: Vec<(&str, usize)> = analysis.fillers.iter().map(|c| (c.text.as_str(), c.count)).collect();
        assert_eq!(texts, [("actually", 1), ("just", 1), ("really", 1), ("you know", 1)]);
    }

    #[test]
    fn like_is_a_filler_only_when_a_comma_sets_it_off() {
        let text = "So, like, we cut waiting times. I like data, like a pro. It was like , wow.";
        let analysis = analyze(text, Language::En, 150.0);
        let found: Vec<(usize, &str)> = analysis
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::Filler)
            .map(|f| (f.start, &text[f.start..f.end]))
            .collect();
        assert_eq!(found, [(4, "like"), (64, "like")]);
        assert!(analysis.fillers.iter().any(|c| c.text == "like" && c.count == 2));
        let nl = "Ik was zo, van, dit kan beter. Ik vind het zo fijn.";
        let dutch = analyze(nl, Language::Nl, 140.0);
        assert_eq!(quoted(nl, &dutch, FindingKind::Filler), ["zo", "van"]);
    }

    #[test]
    fn corporate_fillers_are_jargon_in_both_languages() {
        let text = "We leverage synergy through stakeholder alignment.";
        let analysis = analyze(text, Language::En, 150.0);
        assert_eq!(quoted(text, &analysis, FindingKind::Jargon), ["leverage", "synergy", "stakeholder alignment"]);
        let nl = "Wij creëren synergie en meerwaarde met stakeholders, zodat we op één lijn zitten.";
        let dutch = analyze(nl, Language::Nl, 140.0);
        assert_eq!(quoted(nl, &dutch, FindingKind::Jargon), ["synergie", "meerwaarde", "stakeholders", "op één lijn"]);
    }

    #[test]
    fn dutch_fillers_and_hedges_with_punctuation() {
        let text = "Eigenlijk, zeg maar, help ik gewoon ziekenhuizen. Ik denk dat het misschien werkt.";
        let analysis = analyze(text, Language::Nl, 140.0);
        assert_eq!(quoted(text, &analysis, FindingKind::Filler), ["Eigenlijk", "zeg maar", "gewoon"]);
        assert_eq!(quoted(text, &analysis, FindingKind::Hedge), ["Ik denk", "misschien"]);
        assert!(!analysis.findings.iter().any(|f| f.kind == FindingKind::Passive), "no passive check in Dutch");
    }

    #[test]
    fn numbers_as_digits_and_as_words() {
        for (text, language) in [
            ("Waiting fell by 32%.", Language::En),
            ("Waiting fell by a third.", Language::En),
            ("We saved two hundred hours.", Language::En),
            ("De wachttijd daalde met 32 procent.", Language::Nl),
            ("De wachttijd halveerde bijna: een derde minder.", Language::Nl),
        ] {
            assert!(analyze(text, language, 0.0).has_number, "{text}");
        }
        assert!(!analyze("Waiting fell a lot.", Language::En, 0.0).has_number);
        assert!(!analyze("Het ging een stuk sneller.", Language::Nl, 0.0).has_number, "een is an article");
    }

    #[test]
    fn the_ask_is_a_question_or_request_at_the_end() {
        assert!(analyze("I run clinics. Shall we meet in March.", Language::En, 0.0).has_ask);
        assert!(analyze("Ik help ziekenhuizen. Doe je mee?", Language::Nl, 0.0).has_ask);
        assert!(analyze("Ik help ziekenhuizen. Zullen we volgende week koffie drinken.", Language::Nl, 0.0).has_ask);
        let text = "Could we talk? I run clinics.";
        let analysis = analyze(text, Language::En, 0.0);
        assert!(!analysis.has_ask, "the question is not at the end");
        let no_ask = analysis.findings.iter().find(|f| f.kind == FindingKind::NoAsk).unwrap();
        assert_eq!(&text[no_ask.start..no_ask.end], "I run clinics.");
    }

    #[test]
    fn long_sentences_jargon_and_passive_point_at_their_words() {
        let long = format!("Long {}end.", "word ".repeat(25));
        let text = format!("We leverage synergies. The schedule was completely redesigned. {long}");
        let analysis = analyze(&text, Language::En, 0.0);
        assert_eq!(quoted(&text, &analysis, FindingKind::Jargon), ["leverage", "synergies"]);
        assert_eq!(quoted(&text, &analysis, FindingKind::Passive), ["was completely redesigned"]);
        assert_eq!(quoted(&text, &analysis, FindingKind::LongSentence), [long.as_str()]);
        assert_eq!(analysis.long_sentences, 1);
        let message = analysis
            .findings
            .iter()
            .find(|f| f.kind == FindingKind::LongSentence)
            .unwrap()
            .message(&text, Language::En);
        assert!(message.contains("27 words"), "{message}");
    }

    #[test]
    fn you_and_i_are_counted() {
        let analysis = analyze("I help you. My team and your team; ik en jij.", Language::En, 0.0);
        assert_eq!((analysis.you_count, analysis.i_count), (2, 2));
        let dutch = analyze("Ik help jou en jouw team. Mijn vraag aan u.", Language::Nl, 0.0);
        assert_eq!((dutch.you_count, dutch.i_count), (3, 2));
    }

    #[test]
    fn an_empty_text_has_no_findings_and_no_division_by_zero() {
        for text in ["", "   \n\n  ", "…!?"] {
            let analysis = analyze(text, Language::En, 150.0);
            assert_eq!((analysis.words, analysis.sentences, analysis.seconds), (0, 0, 0.0));
            assert!(analysis.findings.is_empty());
        }
        assert_eq!(analyze("word", Language::En, f64::NAN).wpm, 150.0);
        assert_eq!(analyze("word", Language::Nl, -3.0).wpm, 140.0);
    }

    #[test]
    fn emoji_and_right_to_left_text_do_not_break_offsets() {
        let text = "🚀 Actually שלום עולם مرحبا just 😀 done?";
        let analysis = analyze(text, Language::En, 0.0);
        for finding in &analysis.findings {
            assert!(text.is_char_boundary(finding.start) && text.is_char_boundary(finding.end));
        }
        assert_eq!(quoted(text, &analysis, FindingKind::Filler), ["Actually", "just"]);
        assert_eq!(analysis.words, 6);
    }

    #[test]
    fn ten_thousand_words_are_analysed() {
        let text = "Actually I think we basically cut waiting by 32 percent. ".repeat(1000);
        let analysis = analyze(&text, Language::En, 150.0);
        assert_eq!(analysis.words, 10_000);
        assert_eq!(analysis.sentences, 1000);
        assert_eq!(analysis.fillers.iter().map(|c| c.count).sum::<usize>(), 3000);
        assert!((analysis.seconds - 4000.0).abs() < 1e-6);
    }

    #[test]
    fn sentences_end_where_a_reader_hears_them_end() {
        let text =
            "It costs 3.5 million. Really?! Yes, e.g. the board agreed. \"Done.\" Next one…  Last\n\nNew paragraph";
        let found: Vec<&str> = sentences(text).into_iter().map(|(start, end)| &text[start..end]).collect();
        assert_eq!(
            found,
            [
                "It costs 3.5 million.",
                "Really?!",
                "Yes, e.g. the board agreed.",
                "\"Done.\"",
                "Next one…",
                "Last",
                "New paragraph"
            ]
        );
        assert!(sentences("   ").is_empty());
        assert_eq!(sentences("no end"), [(0, 6)]);
    }

    #[test]
    fn repeated_findings_are_grouped() {
        let text = "Just do it. JUST go. We leverage it. ".repeat(20);
        let analysis = analyze(&text, Language::En, 150.0);
        let groups = analysis.grouped(&text);
        let summary: Vec<(FindingKind, usize)> = groups.iter().map(|g| (g.first.kind, g.count)).collect();
        assert_eq!(
            summary,
            [(FindingKind::Filler, 40), (FindingKind::Jargon, 20), (FindingKind::NoNumber, 1), (FindingKind::NoAsk, 1)]
        );
        assert_eq!(&text[groups[0].first.start..groups[0].first.end], "Just");
    }

    #[test]
    fn the_language_is_detected() {
        assert_eq!(detect_language("Ik help ziekenhuizen met het verkorten van de wachttijd."), Language::Nl);
        assert_eq!(detect_language("I help hospitals cut the waiting time for their patients."), Language::En);
        assert_eq!(detect_language(""), Language::En);
    }
}
