//! What was said against what was written: the heard words aligned to the script's words
//! (case, punctuation and the way a number is written set aside), each script word said,
//! changed or skipped, words added, where each section began, words a minute per section,
//! and the fillers a speaker added.

use serde::Serialize;

use crate::model::{HeardSpan, Language, SpanMs, TakeTranscript};

/// A word as heard, with its time in the take (seconds).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HeardWord {
    pub text: String,
    pub start: f64,
    pub end: f64,
    pub probability: f32,
}

/// What happened to a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    /// Said as written.
    Said,
    /// Something else said in its place.
    Changed,
    /// Not said.
    Skipped,
    /// Said, and not in the script.
    Added,
}

/// One step of the alignment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Aligned {
    pub op: Op,
    /// The script's word (not for an added word).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub script: Option<String>,
    /// The heard word (not for a skipped one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heard: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<f64>,
    /// Which section of the script the word is in (added words: the section they were said in).
    #[serde(skip)]
    pub section: usize,
}

/// When a section was said, and at what pace.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SectionTime {
    pub start: f64,
    pub end: f64,
    pub words_per_minute: Option<f64>,
}

/// A filler word a speaker added.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Filler {
    pub word: String,
    pub start: f64,
}

/// The whole comparison.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// The share of the script's words said (0..=1).
    pub said_share: f64,
    pub alignment: Vec<Aligned>,
    /// Per section of the script, when it was said; `None` when nothing of it was heard.
    pub sections: Vec<Option<SectionTime>>,
    pub fillers: Vec<Filler>,
}

/// Words that fill a silence, per language, as the speaker would say them; only counted
/// where the script does not have them.
pub fn filler_words(language: Language) -> &'static [&'static str] {
    match language {
        Language::En => &[
            "like",
            "so",
            "basically",
            "actually",
            "literally",
            "you know",
            "i mean",
            "kind of",
            "sort of",
            "right",
            "well",
            "okay",
            "um",
            "uh",
        ],
        Language::Nl => {
            &["eigenlijk", "zeg maar", "dus", "gewoon", "nou", "weet je", "even", "echt", "eh", "ehm", "uhm", "zo"]
        }
    }
}

/// The comparable form of running text: lower case, without punctuation, numbers as digits
/// ("thirty-two", "tweeëndertig" and "32" all "32"; "%" and "percent" one word).
pub fn normalise(text: &str, language: Language) -> Vec<String> {
    normalise_indexed(text, language).into_iter().map(|(word, _, _)| word).collect()
}

/// As [`normalise`], each comparable word with the first and last of the text's words
/// (split at white space) it comes from: "two hundred" gives ("200", 0, 1).
pub fn normalise_indexed(text: &str, language: Language) -> Vec<(String, usize, usize)> {
    let mut words = Vec::new();
    for (index, raw) in text.split_whitespace().enumerate() {
        let lower = raw.to_lowercase().replace(['’', '‘'], "'");
        let lower = lower.replace('%', " percent ").replace('€', " euro ").replace('$', " dollar ");
        for part in lower.split(|c: char| c.is_whitespace() || c == '-' || c == '–' || c == '/') {
            let word: String = part
                .trim_matches(|c: char| !c.is_alphanumeric())
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == '\'' || *c == '.' || *c == ',')
                .collect();
            // "180,000" and "1.5" keep their digits; a comma or full stop in a word goes.
            let word = if word.chars().any(|c| c.is_ascii_digit()) {
                word.replace(',', "").replace('.', if language == Language::Nl { "" } else { "." })
            } else {
                word.replace([',', '.'], "")
            };
            if !word.is_empty() {
                let word = match language {
                    Language::Nl if word == "procent" => "percent".to_owned(),
                    Language::Nl if word == "euro's" => "euro".to_owned(),
                    Language::En if word == "euros" || word == "dollars" => word.trim_end_matches('s').to_owned(),
                    _ => word,
                };
                words.push((word, index));
            }
        }
    }
    numbers_as_digits(&words, language)
}

fn small_number(word: &str, language: Language) -> Option<u64> {
    let english = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    let english_tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    // The drafts' own Dutch number words, with "één" written as a speaker's transcript has it.
    let dutch = crate::logic::compose::numbers::DUTCH_SMALL.map(|word| if word == "één" { "een" } else { word });
    let dutch_tens = ["", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"];
    let (units, tens) = match language {
        Language::En => (&english, &english_tens),
        Language::Nl => (&dutch, &dutch_tens),
    };
    let word = if language == Language::Nl { word.replace('ë', "e").replace("één", "een") } else { word.to_owned() };
    // "een" is also the article: only a number inside a longer number.
    if let Some(n) = units.iter().position(|u| *u == word) {
        return Some(n as u64);
    }
    if let Some(n) = tens.iter().position(|t| !t.is_empty() && *t == word) {
        return Some(n as u64 * 10);
    }
    if language == Language::Nl {
        // "tweeëndertig": the unit, "en", the tens.
        for (t, ten) in tens.iter().enumerate().skip(2) {
            if let Some(unit) = word.strip_suffix(ten).and_then(|rest| rest.strip_suffix("en")) {
                let unit = if unit == "e" { "een" } else { unit };
                if let Some(u) = units[1..10].iter().position(|x| *x == unit) {
                    return Some(t as u64 * 10 + u as u64 + 1);
                }
            }
        }
    }
    None
}

fn scale_word(word: &str, language: Language) -> Option<u64> {
    match (language, word) {
        (Language::En, "hundred") | (Language::Nl, "honderd") => Some(100),
        (Language::En, "thousand") | (Language::Nl, "duizend") => Some(1_000),
        (Language::En, "million") | (Language::Nl, "miljoen") => Some(1_000_000),
        _ => None,
    }
}

/// Runs of number words become one number in digits; "a" and "een" only inside a run.
fn numbers_as_digits(words: &[(String, usize)], language: Language) -> Vec<(String, usize, usize)> {
    let plain: Vec<String> = words.iter().map(|(word, _)| word.clone()).collect();
    let mut out = Vec::with_capacity(words.len());
    let mut at = 0;
    while at < plain.len() {
        let mut total = 0u64;
        let mut current = 0u64;
        let mut used = 0;
        // What came last decides what may follow: "twenty" takes a unit ("twenty one"), a
        // scale takes anything ("hundred and five"), a unit only a scale ("two hundred");
        // "one two three" are three numbers.
        let mut last: Option<u64> = None;
        let mut after_scale = false;
        while let Some(word) = plain.get(at + used) {
            // "a" and "een" count only before a scale ("a hundred", "een miljoen").
            let article = matches!(word.as_str(), "a" | "een" | "één");
            let before_scale = next_is_scale(&plain, at + used + 1, language);
            let small = small_number(word, language).filter(|_| !(article && used == 0));
            let fits = |n: u64| match last {
                None => true,
                Some(_) if after_scale => true,
                Some(tens) => tens >= 20 && tens % 10 == 0 && n < 10,
            };
            if article && used == 0 && before_scale {
                current += 1;
                last = Some(1);
            } else if let Some(n) = small.filter(|n| fits(*n)) {
                current += n;
                last = Some(n);
                after_scale = false;
            } else if let Some(scale) = scale_word(word, language).filter(|_| used > 0 || language == Language::Nl) {
                current = current.max(1) * scale;
                if scale >= 1_000 {
                    total += current;
                    current = 0;
                }
                last = Some(scale);
                after_scale = true;
            } else if word == "and"
                && after_scale
                && plain.get(at + used + 1).is_some_and(|w| small_number(w, language).is_some())
            {
                // "two hundred and five"
            } else if let Some(n) = word.parse::<u64>().ok().filter(|_| used == 0) {
                // A number in digits, maybe with a scale after it ("180 thousand").
                current = n;
                used += 1;
                while let Some(scale) = plain.get(at + used).and_then(|w| scale_word(w, language)) {
                    current *= scale;
                    used += 1;
                }
                break;
            } else {
                break;
            }
            used += 1;
        }
        if used == 0 {
            out.push((plain[at].clone(), words[at].1, words[at].1));
            at += 1;
        } else {
            out.push(((total + current).to_string(), words[at].1, words[at + used - 1].1));
            at += used;
        }
    }
    out
}

fn next_is_scale(words: &[String], at: usize, language: Language) -> bool {
    words.get(at).is_some_and(|w| scale_word(w, language).is_some())
}

/// The script's comparable words, each with the written words it stands for and its section.
fn script_words(sections: &[&str], language: Language) -> (Vec<String>, Vec<String>, Vec<usize>) {
    let mut shown = Vec::new();
    let mut normal = Vec::new();
    let mut section_of = Vec::new();
    for (section, text) in sections.iter().enumerate() {
        let raw: Vec<&str> = text.split_whitespace().collect();
        for (word, first, last) in normalise_indexed(text, language) {
            shown.push(raw[first..=last].join(" "));
            normal.push(word);
            section_of.push(section);
        }
    }
    (shown, normal, section_of)
}

/// How alike two words are, 0..=1 (shared letters in order over the longer length).
fn likeness(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut row = vec![0usize; b.len() + 1];
    for x in &a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y { diagonal + 1 } else { row[j + 1].max(row[j]) };
            diagonal = above;
        }
    }
    row[b.len()] as f64 / a.len().max(b.len()) as f64
}

impl Comparison {
    /// What an attempt keeps of it: the words heard (milliseconds, thousandths) and the
    /// summary.
    pub fn to_kept(&self, heard: &[HeardWord]) -> TakeTranscript {
        let ms = |seconds: f64| (seconds.max(0.0) * 1_000.0).round() as u64;
        let count = |op: Op| self.alignment.iter().filter(|a| a.op == op).count() as u32;
        TakeTranscript {
            words: heard
                .iter()
                .map(|w| HeardSpan {
                    word: w.text.trim().to_owned(),
                    start: ms(w.start),
                    end: ms(w.end),
                    sure: (w.probability.clamp(0.0, 1.0) * 1_000.0).round() as u16,
                })
                .collect(),
            said_permille: (self.said_share * 1_000.0).round() as u32,
            skipped: count(Op::Skipped),
            added: count(Op::Added),
            fillers: self.fillers.len() as u32,
            sections: self
                .sections
                .iter()
                .map(|s| s.as_ref().map(|s| SpanMs { start: ms(s.start), end: ms(s.end) }))
                .collect(),
        }
    }
}

/// The words of a kept transcript as heard words again (to compare them once more).
pub fn heard_words(kept: &TakeTranscript) -> Vec<HeardWord> {
    kept.words
        .iter()
        .map(|w| HeardWord {
            text: w.word.clone(),
            start: w.start as f64 / 1_000.0,
            end: w.end as f64 / 1_000.0,
            probability: f32::from(w.sure) / 1_000.0,
        })
        .collect()
}

/// Compares what was heard with the script (its sections' texts, in order).
pub fn compare(sections: &[&str], heard: &[HeardWord], language: Language) -> Comparison {
    let (shown, script, section_of) = script_words(sections, language);
    // Each heard word may normalise to several ("32%" → "32", "percent"); they keep its times.
    // Heard as a whole, so that "two" "hundred" are one number; each piece of text between
    // spaces remembers the heard word it came from.
    let mut owner = Vec::new();
    let mut pieces = Vec::new();
    for (index, word) in heard.iter().enumerate() {
        for piece in word.text.split_whitespace() {
            owner.push(index);
            pieces.push(piece);
        }
    }
    let said: Vec<(String, usize)> = normalise_indexed(&pieces.join(" "), language)
        .into_iter()
        .map(|(word, first, _)| (word, owner[first]))
        .collect();
    let (n, m) = (script.len(), said.len());
    // Edit distance; a change costs less between words alike, so "teams"/"team" pair up.
    let change = |i: usize, j: usize| -> f64 {
        // Unlike words cost more than a skip and an addition: a sentence left out and
        // another said is that, not a row of changed words.
        if script[i] == said[j].0 { 0.0 } else { 1.0 + 1.2 * (1.0 - likeness(&script[i], &said[j].0)) }
    };
    let mut cost = vec![0f64; (n + 1) * (m + 1)];
    for i in 0..=n {
        for j in 0..=m {
            cost[i * (m + 1) + j] = match (i, j) {
                (0, _) => j as f64,
                (_, 0) => i as f64,
                _ => (cost[(i - 1) * (m + 1) + j - 1] + change(i - 1, j - 1))
                    .min(cost[(i - 1) * (m + 1) + j] + 1.0)
                    .min(cost[i * (m + 1) + j - 1] + 1.0),
            };
        }
    }
    let mut steps = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let here = cost[i * (m + 1) + j];
        if i > 0 && j > 0 && (here - (cost[(i - 1) * (m + 1) + j - 1] + change(i - 1, j - 1))).abs() < 1e-9 {
            let op = if script[i - 1] == said[j - 1].0 { Op::Said } else { Op::Changed };
            steps.push((op, Some(i - 1), Some(j - 1)));
            i -= 1;
            j -= 1;
        } else if i > 0 && (here - (cost[(i - 1) * (m + 1) + j] + 1.0)).abs() < 1e-9 {
            steps.push((Op::Skipped, Some(i - 1), None));
            i -= 1;
        } else {
            steps.push((Op::Added, None, Some(j - 1)));
            j -= 1;
        }
    }
    steps.reverse();
    let mut alignment: Vec<Aligned> = Vec::with_capacity(steps.len());
    let mut section = 0;
    for (op, script_at, said_at) in steps {
        if let Some(at) = script_at {
            section = section_of[at];
        }
        let word = said_at.map(|at| &heard[said[at].1]);
        // A heard word split in two ("32%") is shown once, on its first part.
        let repeat = said_at.is_some_and(|at| at > 0 && said[at - 1].1 == said[at].1);
        alignment.push(Aligned {
            op,
            script: script_at.map(|at| shown[at].clone()),
            heard: word.filter(|_| !repeat).map(|w| w.text.trim().to_owned()),
            start: word.map(|w| w.start),
            end: word.map(|w| w.end),
            section,
        });
    }
    attach_added_between_sections(&mut alignment);
    let script_count = script.len();
    let said_count = alignment.iter().filter(|a| a.op == Op::Said).count();
    let said_share = if script_count == 0 { 0.0 } else { said_count as f64 / script_count as f64 };
    let sections = (0..sections.len())
        .map(|section| {
            let heard: Vec<&Aligned> =
                alignment.iter().filter(|a| a.section == section && a.op != Op::Skipped).collect();
            // A section begins at its first two words said in a row (a word said a little
            // differently counts: "orthopaedic" for "orthopaedics"): a lone word matched
            // early (the "ik" of an added sentence taken for the section's first "Ik") is
            // not where the speaker began it.
            let said = |a: &&Aligned| matches!(a.op, Op::Said | Op::Changed);
            let in_a_row =
                heard.windows(2).find(|pair| said(&pair[0]) && said(&pair[1])).and_then(|pair| pair[0].start);
            // Words added before its first word ("So, basically,") open it.
            let opening = heard.iter().take_while(|a| a.op == Op::Added).find_map(|a| a.start);
            let start = opening.or(in_a_row).or_else(|| heard.iter().filter_map(|a| a.start).reduce(f64::min))?;
            let end = heard.iter().filter_map(|a| a.end).reduce(f64::max)?;
            let words = heard.iter().filter(|a| a.heard.is_some()).count();
            let minutes = (end - start) / 60.0;
            Some(SectionTime { start, end, words_per_minute: (minutes > 0.0).then(|| words as f64 / minutes) })
        })
        .collect();
    let fillers = fillers(&alignment, language);
    Comparison { said_share, alignment, sections, fillers }
}

/// Words added between the end of one section and the start of the next belong to the one
/// they were said closer to: "So, basically," after a pause, right before the next section's
/// first word, opens that section (the alignment put them after the last word it matched).
fn attach_added_between_sections(alignment: &mut [Aligned]) {
    let mut at = 0;
    while at < alignment.len() {
        if alignment[at].op != Op::Added {
            at += 1;
            continue;
        }
        let first = at;
        while at < alignment.len() && alignment[at].op == Op::Added {
            at += 1;
        }
        let (before, after) = (&alignment[..first], &alignment[at..]);
        let Some(previous) = before.iter().rev().find(|a| a.op != Op::Added) else { continue };
        let Some(next) = after.iter().find(|a| a.op != Op::Added) else { continue };
        if previous.section == next.section {
            continue;
        }
        let previous_end = before.iter().rev().find_map(|a| a.end);
        let next_start = after.iter().find_map(|a| a.start);
        let (run_start, run_end) = (alignment[first].start, alignment[at - 1].end);
        let (Some(previous_end), Some(next_start), Some(run_start), Some(run_end)) =
            (previous_end, next_start, run_start, run_end)
        else {
            continue;
        };
        if run_start - previous_end > next_start - run_end {
            let section = next.section;
            for added in &mut alignment[first..at] {
                added.section = section;
            }
        }
    }
}

/// The fillers among the added words (a "so" the script has is not a filler).
fn fillers(alignment: &[Aligned], language: Language) -> Vec<Filler> {
    let added: Vec<(String, f64)> = alignment
        .iter()
        .filter(|a| a.op == Op::Added)
        .filter_map(|a| Some((normalise(a.heard.as_deref()?, language).join(" "), a.start?)))
        .collect();
    let mut out = Vec::new();
    let mut at = 0;
    while at < added.len() {
        let pair = added.get(at + 1).map(|next| format!("{} {}", added[at].0, next.0));
        if let Some(pair) = pair.filter(|p| filler_words(language).contains(&p.as_str())) {
            out.push(Filler { word: pair, start: added[at].1 });
            at += 2;
        } else {
            if filler_words(language).contains(&added[at].0.as_str()) {
                out.push(Filler { word: added[at].0.clone(), start: added[at].1 });
            }
            at += 1;
        }
    }
    out
}

/// Word error rate of `heard` against `truth`: changes, skips and additions over the
/// truth's words (normalised as in [`compare`]).
pub fn word_error_rate(truth: &str, heard: &str, language: Language) -> f64 {
    let truth = normalise(truth, language);
    let heard = normalise(heard, language);
    if truth.is_empty() {
        return if heard.is_empty() { 0.0 } else { 1.0 };
    }
    let mut row: Vec<usize> = (0..=heard.len()).collect();
    for (i, t) in truth.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, h) in heard.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(t != h)).min(row[j] + 1).min(above + 1);
            diagonal = above;
        }
    }
    row[heard.len()] as f64 / truth.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heard(text: &str) -> Vec<HeardWord> {
        text.split_whitespace()
            .enumerate()
            .map(|(i, w)| HeardWord {
                text: format!(" {w}"),
                start: i as f64 * 0.4,
                end: i as f64 * 0.4 + 0.3,
                probability: 0.9,
            })
            .collect()
    }

    #[test]
    fn numbers_said_or_written_are_the_same() {
        assert_eq!(normalise("We cut waiting by 32%.", Language::En), ["we", "cut", "waiting", "by", "32", "percent"]);
        assert_eq!(normalise("by thirty-two percent", Language::En), ["by", "32", "percent"]);
        assert_eq!(normalise("€180,000 a year", Language::En), ["euro", "180000", "a", "year"]);
        assert_eq!(normalise("a hundred and eighty thousand euros", Language::En), ["180000", "euro"]);
        assert_eq!(normalise("in 14 clinics", Language::En), ["in", "14", "clinics"]);
        assert_eq!(normalise("Tweeëndertig procent minder", Language::Nl), ["32", "percent", "minder"]);
        assert_eq!(normalise("een dag per week", Language::Nl), ["een", "dag", "per", "week"]);
        assert_eq!(normalise("180 duizend euro", Language::Nl), ["180000", "euro"]);
        assert_eq!(normalise("one two three", Language::En), ["1", "2", "3"]);
        assert_eq!(normalise("twenty one and two hundred and five", Language::En), ["21", "and", "205"]);
        assert_eq!(
            normalise_indexed("saved two hundred hours", Language::En),
            [("saved".to_owned(), 0, 0), ("200".to_owned(), 1, 2), ("hours".to_owned(), 3, 3)]
        );
    }

    #[test]
    fn a_skipped_sentence_and_an_added_filler_are_found() {
        let sections = ["Most teams lose a day a week.", "I help them find it again.", "Shall we talk?"];
        let comparison = compare(&sections, &heard("Most teams lose a day a week. So, shall we talk?"), Language::En);
        let skipped: Vec<&str> =
            comparison.alignment.iter().filter(|a| a.op == Op::Skipped).filter_map(|a| a.script.as_deref()).collect();
        assert_eq!(skipped, ["I", "help", "them", "find", "it", "again."]);
        assert!(comparison.sections[1].is_none(), "nothing of the second section was heard");
        assert_eq!(comparison.fillers.len(), 1);
        assert_eq!(comparison.fillers[0].word, "so");
        assert!((comparison.said_share - 10.0 / 16.0).abs() < 1e-9, "{}", comparison.said_share);
        // The third section starts at "shall" (the filler is added before it, in the second).
        let third = comparison.sections[2].as_ref().unwrap();
        assert!((third.start - 8.0 * 0.4).abs() < 1e-9, "{third:?}");
    }

    #[test]
    fn a_so_in_the_script_is_not_a_filler_and_changes_pair_up() {
        let sections = ["So our teams win."];
        let comparison = compare(&sections, &heard("So our team wins."), Language::En);
        assert!(comparison.fillers.is_empty());
        let ops: Vec<Op> = comparison.alignment.iter().map(|a| a.op).collect();
        assert_eq!(ops, [Op::Said, Op::Said, Op::Changed, Op::Changed]);
    }

    #[test]
    fn dutch_fillers_of_two_words_count_once() {
        let sections = ["Ik help teams."];
        let comparison = compare(&sections, &heard("Ik help eigenlijk zeg maar teams."), Language::Nl);
        let words: Vec<&str> = comparison.fillers.iter().map(|f| f.word.as_str()).collect();
        assert_eq!(words, ["eigenlijk", "zeg maar"]);
        assert_eq!(comparison.said_share, 1.0);
    }

    #[test]
    fn section_pace_comes_from_word_times() {
        let sections = ["one two three four five six seven eight nine ten"];
        // Ten words over 3.9 s (0.4 s apart, each 0.3 s long).
        let comparison = compare(&sections, &heard("one two three four five six seven eight nine ten"), Language::En);
        let section = comparison.sections[0].as_ref().unwrap();
        assert!((section.end - section.start - 3.9).abs() < 1e-9);
        assert!((section.words_per_minute.unwrap() - 10.0 * 60.0 / 3.9).abs() < 1e-6);
    }

    #[test]
    fn nothing_heard_is_nothing_said() {
        let comparison = compare(&["Hello there."], &[], Language::En);
        assert_eq!(comparison.said_share, 0.0);
        assert!(comparison.alignment.iter().all(|a| a.op == Op::Skipped));
        assert_eq!(comparison.sections, [None]);
        assert_eq!(compare(&[], &heard("hello"), Language::En).said_share, 0.0);
    }

    #[test]
    fn word_error_rate_counts_changes_skips_and_additions() {
        assert_eq!(
            word_error_rate("we cut waiting by 32%", "We cut waiting by thirty-two percent.", Language::En),
            0.0
        );
        assert!((word_error_rate("a b c d", "a x c", Language::En) - 0.5).abs() < 1e-9);
        assert_eq!(word_error_rate("", "", Language::En), 0.0);
    }

    #[test]
    fn a_kept_transcript_holds_the_words_and_the_summary_and_gives_the_words_back() {
        let heard = heard("Good morning, so care");
        let comparison = compare(&["Good morning.", "Care matters."], &heard, Language::En);
        let kept = comparison.to_kept(&heard);
        assert_eq!(kept.words.len(), 4);
        assert_eq!((kept.words[1].word.as_str(), kept.words[1].start, kept.words[1].sure), ("morning,", 400, 900));
        assert_eq!(kept.said_permille, 750, "three of the script's four words");
        assert_eq!((kept.skipped, kept.added, kept.fillers), (1, 1, 1));
        assert_eq!(kept.sections[0].map(|s| (s.start, s.end)), Some((0, 1_100)), "the added \"so\" is heard in it");
        let again = heard_words(&kept);
        assert_eq!(compare(&["Good morning.", "Care matters."], &again, Language::En).said_share, 0.75);
    }

    /// Heard words with their own times: (text, start).
    fn timed(words: &[(&str, f64)]) -> Vec<HeardWord> {
        words
            .iter()
            .map(|(text, start)| HeardWord {
                text: format!(" {text}"),
                start: *start,
                end: start + 0.3,
                probability: 0.9,
            })
            .collect()
    }

    #[test]
    fn words_added_before_a_section_after_a_pause_open_that_section() {
        let heard = timed(&[
            ("I", 0.0),
            ("am", 0.4),
            ("Sanne.", 0.8),
            ("So,", 2.5),
            ("basically,", 2.9),
            ("I", 3.3),
            ("redesign", 3.7),
            ("care.", 4.1),
        ]);
        let comparison = compare(&["I am Sanne.", "I redesign care."], &heard, Language::En);
        let sections: Vec<(String, usize)> = comparison
            .alignment
            .iter()
            .filter(|a| a.op == Op::Added)
            .map(|a| (a.heard.clone().unwrap(), a.section))
            .collect();
        assert_eq!(sections, [("So,".to_owned(), 1), ("basically,".to_owned(), 1)]);
        assert_eq!(comparison.sections[0].as_ref().map(|s| s.end), Some(1.1), "the first ends at its last word");
        assert_eq!(comparison.sections[1].as_ref().map(|s| s.start), Some(2.5));
        // Said right after the section's last word, they stay with it.
        let heard = timed(&[
            ("I", 0.0),
            ("am", 0.4),
            ("Sanne,", 0.8),
            ("right?", 1.2),
            ("I", 3.3),
            ("redesign", 3.7),
            ("care.", 4.1),
        ]);
        let comparison = compare(&["I am Sanne.", "I redesign care."], &heard, Language::En);
        assert_eq!(comparison.alignment.iter().find(|a| a.op == Op::Added).map(|a| a.section), Some(0));
    }

    #[test]
    fn a_section_begins_at_its_first_word_also_when_the_second_was_said_a_little_differently() {
        let heard = timed(&[("Hello.", 0.0), ("In", 2.0), ("orthopaedic", 2.3), ("we", 3.0), ("cut", 3.3)]);
        let comparison = compare(&["Hello.", "In orthopaedics we cut."], &heard, Language::En);
        assert_eq!(comparison.sections[1].as_ref().map(|s| s.start), Some(2.0));
    }
}
