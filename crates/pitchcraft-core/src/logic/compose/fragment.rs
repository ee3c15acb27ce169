//! What a person typed, made fit for a sentence: white space folded, brackets turned into
//! a clause, doubled punctuation and the closing punctuation taken off, and the case of
//! the first letter set for where the fragment goes.

/// A fragment for the middle or the end of a sentence: brackets become a clause set off by
/// commas, runs of punctuation become one mark, and nothing closes it (no `.`, `;`, `?`).
pub fn clause(text: &str) -> String {
    let text = &unbracketed(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '(' | '[' | '{' => {
                trim_end(&mut out);
                if !out.is_empty() && !out.ends_with(',') {
                    out.push(',');
                }
                out.push(' ');
            }
            ')' | ']' | '}' => {
                trim_end(&mut out);
                if !out.is_empty() && !out.ends_with(',') {
                    out.push(',');
                }
                out.push(' ');
            }
            '…' => out.push('.'),
            c if c.is_whitespace() => {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c => out.push(c),
        }
    }
    let mut text = out;
    // Marks that a bracket or a typing slip doubled: the last of a run wins where it says
    // more (",." → ".", ", ?" → "?").
    loop {
        let before = text.len();
        for (from, to) in [
            (" ,", ","),
            (" .", "."),
            (" ;", ";"),
            (" :", ":"),
            (" ?", "?"),
            (" !", "!"),
            (",,", ","),
            (",.", "."),
            (",;", ";"),
            (",:", ":"),
            (",?", "?"),
            (",!", "!"),
            ("..", "."),
            ("!!", "!"),
            ("??", "?"),
            (";;", ";"),
            ("::", ":"),
            ("  ", " "),
        ] {
            text = text.replace(from, to);
        }
        if text.len() == before {
            break;
        }
    }
    let mut text =
        text.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '•' | '*'));
    // A dash that starts a list item, not the minus of "-18%".
    while let Some(rest) = text.strip_prefix(['-', '–', '—']).filter(|rest| rest.starts_with(' ')) {
        text = rest.trim_start();
    }
    text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '!' | '?' | '-' | '–' | '—')
    })
    .to_owned()
}

/// Brackets that hold no words ("(!)", "(?)") go with what they hold; one word in brackets
/// at the very start ("(door) de wachtrij splitsen") is an optional word: kept, without
/// the brackets.
fn unbracketed(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text.trim_start();
    if let Some(inner) = rest.strip_prefix('(')
        && let Some(close) = inner.find(')')
        && !inner[..close].trim().is_empty()
        && !inner[..close].contains(char::is_whitespace)
    {
        out.push_str(&inner[..close]);
        rest = &inner[close + 1..];
    }
    let mut chars = rest.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let close = match c {
            '(' => ')',
            '[' => ']',
            '{' => '}',
            _ => {
                out.push(c);
                continue;
            }
        };
        match rest[at + 1..].find(close) {
            Some(end) if !rest[at + 1..at + 1 + end].chars().any(char::is_alphanumeric) => {
                // Skip the bracket and what it holds.
                let stop = at + 1 + end;
                while chars.peek().is_some_and(|(next, _)| *next <= stop) {
                    chars.next();
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// A fragment as a whole sentence: capital first, a full stop last (a question keeps its
/// question mark).
pub fn sentence(text: &str) -> String {
    let question = text.trim_end().ends_with('?');
    let body = capitalise(&clause(text));
    if body.is_empty() {
        return body;
    }
    format!("{body}{}", if question { '?' } else { '.' })
}

/// `text` with its first letter in upper case.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `text` with its first letter in lower case, for the middle of a sentence, unless its
/// first word is a name or an abbreviation ("HR-adviseur", "McKinsey", "I").
pub fn lower_first(text: &str) -> String {
    let first_word = text.split(|c: char| c.is_whitespace() || c == '-').next().unwrap_or("");
    let capitals = first_word.chars().filter(|c| c.is_uppercase()).count();
    let keeps_case = capitals > 1 || first_word == "I" || first_word.starts_with("I'");
    if keeps_case {
        return text.to_owned();
    }
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The first clause of a longer answer: up to the first `;` or sentence end.
pub fn first_clause(text: &str) -> String {
    let text = clause(text);
    let end = text
        .char_indices()
        .find(|&(at, c)| c == ';' || (matches!(c, '.' | '!' | '?') && text[at + 1..].starts_with(' ')))
        .map_or(text.len(), |(at, _)| at);
    text[..end].trim().to_owned()
}

/// `text` without the one-word fillers of `language` ("really", "echt"): a draft says
/// what the person means without them. "just in time" keeps its "just".
pub fn without_fillers(text: &str, language: crate::model::Language) -> String {
    let fillers = &crate::i18n::words::words(language).fillers;
    let words: Vec<&str> = text.split(' ').collect();
    let mut kept: Vec<String> = Vec::with_capacity(words.len());
    for (at, word) in words.iter().enumerate() {
        let core = bare(word);
        let filler =
            fillers.contains(&core) && !(core == "just" && words.get(at + 1).is_some_and(|next| bare(next) == "in"));
        if !filler {
            kept.push((*word).to_owned());
            continue;
        }
        // Keep the punctuation that followed the filler, and a capital that started the sentence.
        let tail: String = word.chars().rev().take_while(|c| !c.is_alphanumeric()).collect();
        if let Some(last) = kept.last_mut() {
            last.extend(tail.chars().rev());
        }
        if word.starts_with(char::is_uppercase)
            && let Some(next) = words.get(at + 1)
        {
            let next = capitalise(next);
            kept.push(next);
            return kept
                .into_iter()
                .chain(words[at + 2..].iter().map(|w| (*w).to_owned()))
                .collect::<Vec<_>>()
                .join(" ");
        }
    }
    kept.join(" ")
}

/// `word` without the punctuation around it, in lower case.
pub fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').to_lowercase()
}

fn trim_end(text: &mut String) {
    while text.ends_with(' ') {
        text.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_become_a_clause() {
        assert_eq!(
            clause("Energy use fell within one winter (confirmed by the grid operator)."),
            "Energy use fell within one winter, confirmed by the grid operator"
        );
        assert_eq!(clause("On time (81% to 96%), every week"), "On time, 81% to 96%, every week");
        assert_eq!(clause("[draft] A plan"), "draft, A plan");
    }

    #[test]
    fn doubled_and_closing_punctuation_goes() {
        assert_eq!(clause("  Cut  costs!!  "), "Cut costs");
        assert_eq!(clause("a,, b ;; c.."), "a, b; c");
        assert_eq!(sentence("is it worth it??"), "Is it worth it?");
        assert_eq!(sentence("- start here…"), "Start here.");
        assert_eq!(sentence(""), "");
    }

    #[test]
    fn names_and_abbreviations_keep_their_capitals() {
        assert_eq!(lower_first("Operations manager"), "operations manager");
        assert_eq!(lower_first("HR-adviseur"), "HR-adviseur");
        assert_eq!(lower_first("McKinsey alumni"), "McKinsey alumni");
        assert_eq!(lower_first("I plan"), "I plan");
    }

    #[test]
    fn fillers_are_left_out() {
        use crate::model::Language;
        assert_eq!(without_fillers("tools they really trust", Language::En), "tools they trust");
        assert_eq!(without_fillers("Basically, we cut costs.", Language::En), "We cut costs.");
        assert_eq!(without_fillers("delivered just in time", Language::En), "delivered just in time");
        assert_eq!(
            without_fillers("aanpakken die teamleiders echt gebruiken", Language::Nl),
            "aanpakken die teamleiders gebruiken"
        );
    }

    #[test]
    fn the_first_clause_stops_at_a_semicolon_or_a_sentence_end() {
        assert_eq!(first_clause("Waiting lists and cost; they want results."), "Waiting lists and cost");
        assert_eq!(first_clause("Energy prices. And targets."), "Energy prices");
        assert_eq!(first_clause("€1.5m budgets"), "€1.5m budgets");
    }
}
