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

fn language_code<S: serde::Serializer>(language: &Language, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(language.code())
}

/// A word of the text: where it is and its lower-case form.
struct Token<'a> {
    start: usize,
    end: usize,
    lower: Cow<'a, str>,
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    text.unicode_word_indices()
        .map(|(start, word)| {
            let lower = if word.chars().any(char::is_uppercase) {
                Cow::Owned(word.to_lowercase())
            } else {
                Cow::Borrowed(word)
            };
            Token { start, end: start + word.len(), lower }
        })
        .collect()
}

/// Phrases of one list, indexed by their first word, longest first.
struct PhraseSet {
    by_first: HashMap<String, Vec<Vec<String>>>,
}

impl PhraseSet {
    fn new(phrases: &[String]) -> Self {
        let mut by_first: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        for phrase in phrases {
            let words: Vec<String> = phrase.unicode_words().map(str::to_lowercase).collect();
            if let Some(first) = words.first() {
                by_first.entry(first.clone()).or_default().push(words);
            }
        }
        for candidates in by_first.values_mut() {
            candidates.sort_by_key(|words| std::cmp::Reverse(words.len()));
        }
        Self { by_first }
    }

    /// The length in words of the longest phrase starting at `tokens[at]`, if any.
    fn match_at(&self, tokens: &[Token<'_>], at: usize) -> Option<usize> {
        let candidates = self.by_first.get(tokens[at].lower.as_ref())?;
        candidates
            .iter()
            .find(|words| {
                tokens.len() - at >= words.len()
                    && words.iter().zip(&tokens[at..]).all(|(word, token)| word == token.lower.as_ref())
            })
            .map(Vec::len)
    }

    fn contains_word(&self, word: &str) -> bool {
        self.by_first.get(word).is_some_and(|candidates| candidates.iter().any(|words| words.len() == 1))
    }
}

/// The compiled word lists of a language.
struct Lexicon {
    fillers: PhraseSet,
    hedges: PhraseSet,
    jargon: PhraseSet,
    asks: PhraseSet,
    numbers: PhraseSet,
    first_person: PhraseSet,
    second_person: PhraseSet,
    be_forms: PhraseSet,
    participles: PhraseSet,
    common: PhraseSet,
}

impl Lexicon {
    fn new(lists: &WordLists) -> Self {
        Self {
            fillers: PhraseSet::new(&lists.fillers),
            hedges: PhraseSet::new(&lists.hedges),
            jargon: PhraseSet::new(&lists.jargon),
            asks: PhraseSet::new(&lists.ask_phrases),
            numbers: PhraseSet::new(&lists.number_words),
            first_person: PhraseSet::new(&lists.first_person),
            second_person: PhraseSet::new(&lists.second_person),
            be_forms: PhraseSet::new(&lists.be_forms),
            participles: PhraseSet::new(&lists.irregular_participles),
            common: PhraseSet::new(&lists.common_words),
        }
    }
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

/// English or Dutch, from the share of very common words of each; English on a tie.
pub fn detect_language(text: &str) -> Language {
    let found = tokens(text);
    let score = |language| {
        let common = &lexicon(language).common;
        found.iter().filter(|token| common.contains_word(&token.lower)).count()
    };
    if score(Language::Nl) > score(Language::En) { Language::Nl } else { Language::En }
}

/// Analyses `text` in `language` at `wpm` words per minute (non-positive or absurd rates
/// fall back to the default for the language).
pub fn analyze(text: &str, language: Language, wpm: f64) -> Analysis {
    let wpm = if wpm.is_finite() && (40.0..=400.0).contains(&wpm) { wpm } else { default_wpm(language) };
    let lexicon = lexicon(language);
    let tokens = tokens(text);
    let mut findings = Vec::new();
    let mut counts: Vec<PhraseCount> = Vec::new();

    // Phrases: fillers, hedges and jargon, longest match first, no overlaps.
    let mut at = 0;
    while at < tokens.len() {
        let hit = [
            (&lexicon.fillers, FindingKind::Filler),
            (&lexicon.hedges, FindingKind::Hedge),
            (&lexicon.jargon, FindingKind::Jargon),
        ]
        .into_iter()
        .filter_map(|(set, kind)| set.match_at(&tokens, at).map(|len| (len, kind)))
        .max_by_key(|(len, _)| *len);
        let Some((len, kind)) = hit else {
            at += 1;
            continue;
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
        if !lexicon.be_forms.contains_word(&token.lower) {
            continue;
        }
        let mut next = index + 1;
        if tokens.get(next).is_some_and(|t| t.lower.ends_with("ly") && t.lower.len() > 4) {
            next += 1;
        }
        if let Some(participle) = tokens.get(next)
            && ((participle.lower.ends_with("ed") && participle.lower.len() > 3)
                || lexicon.participles.contains_word(&participle.lower))
        {
            findings.push(Finding { kind: FindingKind::Passive, start: token.start, end: participle.end, words: 0 });
        }
    }

    // Sentences, and the long ones.
    let mut sentences = 0;
    let mut long_sentences = 0;
    let mut last_sentence: Option<(usize, usize)> = None;
    let mut first_token = 0;
    for (start, sentence) in text.split_sentence_bound_indices() {
        let end = start + sentence.len();
        let mut count = 0;
        while first_token < tokens.len() && tokens[first_token].start < end {
            first_token += 1;
            count += 1;
        }
        if count == 0 {
            continue;
        }
        sentences += 1;
        let trimmed = sentence.trim_end();
        last_sentence = Some((start, start + trimmed.len()));
        if count > LONG_SENTENCE_WORDS {
            long_sentences += 1;
            let lead = sentence.len() - sentence.trim_start().len();
            findings.push(Finding {
                kind: FindingKind::LongSentence,
                start: start + lead,
                end: start + trimmed.len(),
                words: count,
            });
        }
    }

    let has_number = tokens.iter().any(|token| token.lower.chars().any(|c| c.is_ascii_digit()))
        || (0..tokens.len()).any(|at| lexicon.numbers.match_at(&tokens, at).is_some());
    let has_ask = last_sentence.is_some_and(|(start, end)| {
        let sentence = &text[start..end];
        sentence.ends_with('?') || {
            let first = tokens.partition_point(|token| token.start < start);
            let last = tokens.partition_point(|token| token.start < end);
            (first..last).any(|at| lexicon.asks.match_at(&tokens[..last], at).is_some())
        }
    });
    let you_count = tokens.iter().filter(|token| lexicon.second_person.contains_word(&token.lower)).count();
    let i_count = tokens.iter().filter(|token| lexicon.first_person.contains_word(&token.lower)).count();

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
        sentences,
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
    fn the_language_is_detected() {
        assert_eq!(detect_language("Ik help ziekenhuizen met het verkorten van de wachttijd."), Language::Nl);
        assert_eq!(detect_language("I help hospitals cut the waiting time for their patients."), Language::En);
        assert_eq!(detect_language(""), Language::En);
    }
}
