//! Numbers said the way a speaker says them: "81%" is "81 percent", "€180,000" is
//! "180,000 euros", "2×" is "twice", a metric such as "-18% energy" becomes "18 percent
//! less energy", and in Dutch the numbers under twenty are words ("van negen naar zes
//! procent"). No symbols, no brackets.

use crate::model::Language;

/// Dutch numbers nought to nineteen as said (also read back by `logic::transcript`).
pub(crate) const DUTCH_SMALL: [&str; 20] = [
    "nul",
    "één",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "vijftien",
    "zestien",
    "zeventien",
    "achttien",
    "negentien",
];
const ENGLISH_TIMES: [&str; 11] = [
    "zero times",
    "once",
    "twice",
    "three times",
    "four times",
    "five times",
    "six times",
    "seven times",
    "eight times",
    "nine times",
    "ten times",
];

/// Units that may stand between a signed number and what it counts.
const UNITS: &[&str] = &[
    "points",
    "point",
    "procentpunt",
    "procentpunten",
    "punten",
    "punt",
    "days",
    "dagen",
    "weeks",
    "weken",
    "hours",
    "uur",
    "uren",
    "minutes",
    "minuten",
    "months",
    "maanden",
    "fte",
];

/// A number as typed: its digits (separators kept), and its value.
#[derive(Clone, Debug, PartialEq)]
struct Number {
    digits: String,
    value: f64,
}

/// Reads a number at the start of `text` ("180,000", "1.5", "9"); returns it and the rest.
fn number(text: &str) -> Option<(Number, &str)> {
    let end = text
        .char_indices()
        .find(|&(at, c)| {
            !(c.is_ascii_digit()
                || ((c == ',' || c == '.') && text[at + 1..].starts_with(|d: char| d.is_ascii_digit()) && at > 0))
        })
        .map_or(text.len(), |(at, _)| at);
    if end == 0 {
        return None;
    }
    let digits = &text[..end];
    // "180,000" and "180.000" are thousands; "1.5" and "1,5" are decimals.
    let groups: Vec<&str> = digits.split([',', '.']).collect();
    let thousands = groups.len() > 1 && groups[1..].iter().all(|group| group.len() == 3);
    let value = if thousands { groups.concat().parse().ok()? } else { digits.replace(',', ".").parse().ok()? };
    Some((Number { digits: digits.to_owned(), value }, &text[end..]))
}

/// The number in words where the language says it so, else as typed.
fn say_number(number: &Number, language: Language) -> String {
    match language {
        Language::Nl if number.value.fract() == 0.0 && number.value < 20.0 && !number.digits.contains(['.', ',']) => {
            DUTCH_SMALL[number.value as usize].to_owned()
        }
        _ => number.digits.clone(),
    }
}

fn percent(language: Language) -> &'static str {
    match language {
        Language::En => "percent",
        Language::Nl => "procent",
    }
}

fn currency(symbol: char, language: Language) -> Option<&'static str> {
    Some(match (symbol, language) {
        ('€', Language::En) => "euros",
        ('€', Language::Nl) => "euro",
        ('$', Language::En) => "dollars",
        ('$', Language::Nl) => "dollar",
        ('£', Language::En) => "pounds",
        ('£', Language::Nl) => "pond",
        _ => return None,
    })
}

/// "1.5m", "300k", "2 mln": the scale word, if the rest starts with one.
fn scale(rest: &str, language: Language) -> Option<(&'static str, usize)> {
    let lower = rest.to_lowercase();
    let words: &[(&str, &str, &str)] = &[
        ("mln", "million", "miljoen"),
        ("bn", "billion", "miljard"),
        ("m", "million", "miljoen"),
        ("k", "thousand", "duizend"),
    ];
    words.iter().find(|(short, ..)| lower == *short || lower.starts_with(&format!("{short} "))).map(
        |(short, en, nl)| {
            (
                match language {
                    Language::En => *en,
                    Language::Nl => *nl,
                },
                short.len(),
            )
        },
    )
}

/// "twice", "three times" / "twee keer".
fn times(value: f64, digits: &str, language: Language) -> String {
    match language {
        Language::En if value.fract() == 0.0 && value <= 10.0 => ENGLISH_TIMES[value as usize].to_owned(),
        Language::En => format!("{digits} times"),
        Language::Nl => {
            let number = Number { digits: digits.to_owned(), value };
            format!("{} keer", say_number(&number, language))
        }
    }
}

/// One token of running text, spoken.
fn speak_token(token: &str, next: Option<&str>, language: Language) -> (String, bool) {
    let core = token.trim_end_matches(['.', ',', ';', ':', '!', '?', ')']);
    let tail = &token[core.len()..];
    let (sign, unsigned) = match core.chars().next() {
        Some(c @ ('+' | '-' | '−')) if core.len() > 1 => (Some(c), &core[c.len_utf8()..]),
        _ => (None, core),
    };
    let minus = |said: String| match sign {
        Some('-' | '−') => format!("{} {said}", if language == Language::En { "minus" } else { "min" }),
        _ => said,
    };
    // "< 5 minuten", "> 90%": said as words.
    if core == "<" || core == ">" {
        let said = match (core, language) {
            ("<", Language::En) => "under",
            ("<", Language::Nl) => "minder dan",
            (_, Language::En) => "over",
            (_, Language::Nl) => "meer dan",
        };
        return (format!("{said}{tail}"), false);
    }
    // "40+ systems": "over 40 systems", "meer dan 40 systemen".
    if let Some(digits) = core.strip_suffix('+').filter(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit())) {
        let (said, _) = speak_token(digits, None, language);
        let more = if language == Language::En { "over" } else { "meer dan" };
        return (format!("{more} {said}{tail}"), false);
    }
    // "&" is said as the word.
    if core == "&" || core == "+" {
        return (format!("{}{tail}", if language == Language::En { "and" } else { "en" }), false);
    }
    if core == "→" || core == "->" {
        return (format!("{}{tail}", if language == Language::En { "to" } else { "naar" }), false);
    }
    // A currency before the amount: "€180,000", or "€" then "180,000".
    if let Some(symbol) = unsigned.chars().next()
        && let Some(name) = currency(symbol, language)
    {
        let amount = &unsigned[symbol.len_utf8()..];
        let (amount, used_next) = match (amount.is_empty(), next) {
            (true, Some(next)) => (next.trim_end_matches(['.', ',', ';', ':', '!', '?']), true),
            _ => (amount, false),
        };
        if let Some((value, rest)) = number(amount) {
            let scaled = scale(rest, language).map(|(word, _)| format!(" {word}")).unwrap_or_default();
            let tail = if used_next { &next.unwrap_or("")[amount.len()..] } else { tail };
            return (format!("{}{scaled} {name}{tail}", minus(value.digits)), used_next);
        }
    }
    let Some((value, rest)) = number(unsigned) else { return (token.to_owned(), false) };
    let said = match rest {
        "%" => format!("{} {}", say_number(&value, language), percent(language)),
        "×" | "x" | "X" => times(value.value, &value.digits, language),
        "" => say_number(&value, language),
        rest => match scale(rest, language) {
            Some((word, length)) if length == rest.len() => format!("{} {word}", value.digits),
            _ => return (token.to_owned(), false),
        },
    };
    (format!("{}{tail}", minus(said)), false)
}

/// Running text with its numbers said as a speaker says them.
pub fn speak(text: &str, language: Language) -> String {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::with_capacity(tokens.len());
    let mut skip = false;
    for (at, token) in tokens.iter().enumerate() {
        if std::mem::take(&mut skip) {
            continue;
        }
        let (said, used_next) = speak_token(token, tokens.get(at + 1).copied(), language);
        skip = used_next;
        out.push(said);
    }
    // "from 81 percent to 96 percent" is said "from 81 to 96 percent".
    let words: Vec<&str> = out.iter().flat_map(|said| said.split(' ')).collect();
    let unit = percent(language);
    let mut kept = Vec::with_capacity(words.len());
    for (at, word) in words.iter().enumerate() {
        let range = *word == unit
            && words.get(at + 1).is_some_and(|next| ["to", "naar", "tot", "and", "en"].contains(next))
            && words.get(at + 3).is_some_and(|after| after.trim_end_matches(['.', ',', ';', ':', '!', '?']) == unit);
        if !range {
            kept.push(*word);
        }
    }
    kept.join(" ")
}

/// How a metric is said: after "That is" / "Dat is", or as a sentence of its own.
#[derive(Clone, Debug, PartialEq)]
pub enum Spoken {
    /// An amount, a noun phrase: "18 percent less energy", "180,000 euros saved".
    Amount(String),
    /// A change from one figure to another: "a rise from 81 to 96 percent".
    Change(String),
    /// A whole sentence: "Approvals became four times faster."
    Sentence(String),
}

impl Spoken {
    /// The phrase.
    pub fn text(&self) -> &str {
        match self {
            Spoken::Amount(text) | Spoken::Change(text) | Spoken::Sentence(text) => text,
        }
    }

    /// How it was said, in a few words (`pitchcraft draft --explain`).
    pub fn rule(&self) -> &'static str {
        match self {
            Spoken::Amount(_) => "the amount said aloud, after \"that is\"",
            Spoken::Change(_) => "a rise or fall from one figure to the other",
            Spoken::Sentence(_) => "a multiple of a comparative, as a sentence",
        }
    }
}

/// "4x faster approvals" → "Approvals became four times faster."; "3x snellere
/// goedkeuringen" → "Goedkeuringen werden drie keer sneller." `None` when the word after the
/// multiple is not a comparative.
fn times_comparative(value: &Number, rest: &str, language: Language) -> Option<String> {
    let mut words = rest.split_whitespace();
    let comparative = words.next()?.to_lowercase();
    let thing: Vec<&str> = words.collect();
    if thing.is_empty() {
        return None;
    }
    let lex = crate::lang::lexicon(language);
    let thing = super::fragment::capitalise(&thing.join(" "));
    match language {
        Language::En if lex.is_comparative(&comparative) => {
            // "twice faster" is no English: two times is "twice as fast".
            let base = (value.value == 2.0).then(|| english_positive(&comparative)).flatten();
            Some(match base {
                Some(base) => format!("{thing} became twice as {base}."),
                None => format!("{thing} became {} {comparative}.", times(value.value, &value.digits, language)),
            })
        }
        Language::Nl => {
            // "snellere" is the comparative of "snel" before a noun; said after it: "sneller".
            let predicative = comparative.strip_suffix('e').unwrap_or(&comparative);
            let base = predicative.strip_suffix("der").or_else(|| predicative.strip_suffix("er"))?;
            let known =
                lex.is_adjective(base) || lex.is_adjective(&format!("{base}{}", &base[base.len().saturating_sub(1)..]));
            known.then(|| format!("{thing} werden {} {predicative}.", times(value.value, &value.digits, language)))
        }
        Language::En => None,
    }
}

/// "faster" → "fast", "cheaper" → "cheap", "easier" → "easy", "bigger" → "big",
/// "safer" → "safe", "better" → "good"; `None` for "more" and "less".
fn english_positive(comparative: &str) -> Option<String> {
    match comparative {
        "better" => return Some("good".into()),
        "worse" => return Some("bad".into()),
        "more" | "less" | "fewer" | "further" => return None,
        _ => {}
    }
    let stem = comparative.strip_suffix("er")?;
    let chars: Vec<char> = stem.chars().collect();
    if let Some(stem) = stem.strip_suffix('i') {
        return Some(format!("{stem}y"));
    }
    if chars.len() >= 2
        && chars[chars.len() - 1] == chars[chars.len() - 2]
        && !"aeiouls".contains(chars[chars.len() - 1])
    {
        return Some(chars[..chars.len() - 1].iter().collect());
    }
    // "safer", "wider", "later", "simpler": the "e" belongs to the adjective. A single
    // vowel before a single consonant ("wid", "saf") or a consonant before "l" ("simpl").
    let vowel = |c: char| "aeiou".contains(c);
    let n = chars.len();
    let e_back = n >= 3
        && ((chars[n - 1] == 'l' && !vowel(chars[n - 2]))
            || (!vowel(chars[n - 1]) && !"wxy".contains(chars[n - 1]) && vowel(chars[n - 2]) && !vowel(chars[n - 3])));
    if e_back {
        return Some(format!("{stem}e"));
    }
    Some(stem.to_owned())
}

/// A plural thing takes "fewer", an amount "less": "fewer complaints", "less energy".
fn less_or_fewer(thing: &str) -> &'static str {
    let head = thing.split_whitespace().next().unwrap_or("").to_lowercase();
    let plural =
        head.len() > 3 && head.ends_with('s') && !["ss", "us", "is", "ics"].iter().any(|end| head.ends_with(end));
    if plural { "fewer" } else { "less" }
}

/// The metric said as a speaker would, or `None` when it holds no number.
pub fn metric(metric: &str, language: Language) -> Option<Spoken> {
    let metric = super::fragment::clause(metric);
    if !metric.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let en = language == Language::En;
    // "81% to 96% on time", "on-time rate from 81% to 96%", "van 9% naar 6%".
    let figures: Vec<(Number, bool)> = metric
        .split_whitespace()
        .filter_map(|word| {
            let word = word.trim_start_matches(['+', '-', '−']).trim_end_matches(['.', ',', ';', ':']);
            number(word).filter(|(_, rest)| rest.is_empty() || *rest == "%").map(|(n, rest)| (n, rest == "%"))
        })
        .collect();
    let lower = format!(" {} ", metric.to_lowercase());
    let is_range = [" to ", " → ", " -> ", " naar ", " tot "].iter().any(|word| lower.contains(word));
    if let [(from, from_percent), (to, to_percent)] = figures.as_slice()
        && is_range
    {
        let unit = if *from_percent || *to_percent { format!(" {}", percent(language)) } else { String::new() };
        let rising = to.value > from.value;
        let (a, b) = (say_number(from, language), say_number(to, language));
        // What is measured, said once: the words after the second figure ("4 dagen
        // doorlooptijd": "dagen doorlooptijd") and before the first ("lead time from …").
        let words: Vec<&str> = metric.split_whitespace().collect();
        let is_figure = |word: &str| {
            number(word.trim_start_matches(['+', '-', '−']).trim_end_matches(['%', '.', ',', ';', ':']))
                .is_some_and(|(_, rest)| rest.is_empty())
        };
        let first = words.iter().position(|w| is_figure(w)).unwrap_or(0);
        let last = words.iter().rposition(|w| is_figure(w)).unwrap_or(0);
        let connectors = ["from", "van", "to", "naar", "tot", "→", "->"];
        let before: Vec<&str> =
            words[..first].iter().copied().filter(|w| !connectors.contains(&w.to_lowercase().as_str())).collect();
        let after = words[last + 1..].join(" ");
        let after = if after.is_empty() { String::new() } else { format!(" {after}") };
        let before = before.join(" ");
        let phrase = match (en, rising) {
            (true, true) => format!("a rise from {a} to {b}{unit}{after}"),
            (true, false) => format!("a fall from {a} to {b}{unit}{after}"),
            (false, true) => format!("een stijging van {a} naar {b}{unit}{after}"),
            (false, false) => format!("een daling van {a} naar {b}{unit}{after}"),
        };
        let phrase = match (before.is_empty(), en) {
            (true, _) => phrase,
            (false, true) => format!("{phrase} in {}", super::fragment::lower_first(&before)),
            // "verzuim van 8% naar 5%": "… vijf procent verzuim"; without a unit the thing
            // follows "in" ("een stijging van 6,8 naar 8,1 in klanttevredenheid").
            (false, false) if unit.is_empty() && after.is_empty() => {
                format!("{phrase} in {}", super::fragment::lower_first(&before))
            }
            (false, false) => format!("{phrase} {}", super::fragment::lower_first(&before)),
        };
        return Some(Spoken::Change(phrase));
    }
    // "-18% energy", "+27% referrals", "2× the bookings".
    let first = metric.split_whitespace().next().unwrap_or("");
    let rest = metric[first.len()..].trim();
    let rest = rest.strip_prefix("more ").or_else(|| rest.strip_prefix("meer ")).unwrap_or(rest);
    let sign = first.chars().next().filter(|c| matches!(c, '+' | '-' | '−'));
    let unsigned = first.trim_start_matches(['+', '-', '−']);
    if let Some((value, unit)) = number(unsigned) {
        let thing = if rest.is_empty() { String::new() } else { format!(" {rest}") };
        let said = say_number(&value, language);
        let phrase = match (unit, sign) {
            ("%", Some('-' | '−')) if value.value == 50.0 => {
                if en {
                    format!("half the {rest}")
                } else {
                    format!("half zoveel {rest}")
                }
            }
            ("%", Some('+')) if value.value == 100.0 => {
                if en {
                    format!("twice the {rest}")
                } else {
                    format!("twee keer zoveel {rest}")
                }
            }
            ("%", Some('-' | '−')) => {
                format!("{said} {} {}{thing}", percent(language), if en { less_or_fewer(rest) } else { "minder" })
            }
            ("%", Some(_)) => format!("{said} {} {}{thing}", percent(language), if en { "more" } else { "meer" }),
            ("", Some(sign)) => {
                // "-3 procentpunt verzuim" → "drie procentpunt minder verzuim".
                let unit_word = rest.split_whitespace().next().unwrap_or("");
                let is_unit = UNITS.contains(&unit_word.to_lowercase().as_str());
                let (unit_word, thing) = if is_unit {
                    (format!(" {unit_word}"), rest[unit_word.len()..].trim())
                } else {
                    (String::new(), rest)
                };
                let more_or_less = match (sign, en) {
                    ('+', true) => "more",
                    ('+', false) => "meer",
                    (_, true) => less_or_fewer(thing),
                    (_, false) => "minder",
                };
                format!("{said}{unit_word} {more_or_less} {thing}")
            }
            ("×" | "x" | "X", _) => {
                if let Some(sentence) = times_comparative(&value, rest, language) {
                    return Some(Spoken::Sentence(sentence));
                }
                // "2× zoveel aanmeldingen" says "zoveel" once; "2× the bookings" "the" once.
                let thing = ["zoveel ", "meer ", "as many ", "as much ", "the "]
                    .iter()
                    .find_map(|word| rest.strip_prefix(word))
                    .unwrap_or(rest);
                let times = times(value.value, &value.digits, language);
                if en { format!("{times} the {thing}") } else { format!("{times} zoveel {thing}") }
            }
            _ => return Some(Spoken::Amount(speak(&metric, language))),
        };
        return Some(Spoken::Amount(phrase.trim().to_owned()));
    }
    Some(Spoken::Amount(speak(&metric, language)))
}

/// The figures of `text` as digits ("81", "180000"), to tell whether a sentence already
/// says the metric's number.
pub fn figures(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .filter_map(|word| number(word.trim_matches([',', '.'])))
        .map(|(number, _)| format!("{}", number.value))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_text_says_its_numbers() {
        let en = |text| speak(text, Language::En);
        let nl = |text| speak(text, Language::Nl);
        assert_eq!(en("from 81% to 96% on time"), "from 81 to 96 percent on time");
        assert_eq!(en("saved €180,000 a year"), "saved 180,000 euros a year");
        assert_eq!(en("saved € 180,000."), "saved 180,000 euros.");
        assert_eq!(en("a €1.5m budget"), "a 1.5 million euros budget");
        assert_eq!(en("2× the bookings"), "twice the bookings");
        assert_eq!(en("3 weeks → 4 days"), "3 weeks to 4 days");
        assert_eq!(
            nl("verzuim van 9% naar 6% in 18 maanden"),
            "verzuim van negen naar zes procent in achttien maanden"
        );
        assert_eq!(nl("€ 40.000 bespaard"), "40.000 euro bespaard");
        assert_eq!(nl("3x zoveel aanmeldingen"), "drie keer zoveel aanmeldingen");
        assert_eq!(en("in 2024 we grew"), "in 2024 we grew");
    }

    #[test]
    fn metrics_become_noun_phrases_or_changes() {
        let en = |text| metric(text, Language::En).map(|spoken| spoken.text().to_owned());
        let nl = |text| metric(text, Language::Nl).map(|spoken| spoken.text().to_owned());
        assert_eq!(en("-18% energy").as_deref(), Some("18 percent less energy"));
        assert_eq!(en("+27% referrals").as_deref(), Some("27 percent more referrals"));
        assert_eq!(en("-50% bread waste").as_deref(), Some("half the bread waste"));
        assert_eq!(en("81% to 96% on time").as_deref(), Some("a rise from 81 to 96 percent on time"));
        assert_eq!(en("on-time rate from 81% to 96%").as_deref(), Some("a rise from 81 to 96 percent in on-time rate"));
        assert_eq!(en("2× more bookings").as_deref(), Some("twice the bookings"));
        assert_eq!(en("€180,000 saved").as_deref(), Some("180,000 euros saved"));
        assert_eq!(en("faster").as_deref(), None);
        assert_eq!(nl("verzuim van 9% naar 6%").as_deref(), Some("een daling van negen naar zes procent verzuim"));
        assert_eq!(nl("-3 procentpunt verzuim").as_deref(), Some("drie procentpunt minder verzuim"));
        assert_eq!(en("-12 days lead time").as_deref(), Some("12 days less lead time"));
        assert_eq!(nl("-50% terugbellers").as_deref(), Some("half zoveel terugbellers"));
        assert_eq!(nl("-30% wachttijd").as_deref(), Some("30 procent minder wachttijd"));
    }

    #[test]
    fn figures_are_found_whatever_their_separators() {
        assert_eq!(figures("from 81% to 96%"), ["81", "96"]);
        assert_eq!(figures("€180,000 and 1.5"), ["180000", "1.5"]);
    }
}
