//! Differences between two versions of a pitch: by sentence, and by word inside a sentence
//! that mostly stayed.

use similar::{ChangeTag, TextDiff};

/// Whether a stretch of text is in both versions, only the old, or only the new.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// In both.
    Same,
    /// Only in the old version.
    Removed,
    /// Only in the new version.
    Added,
}

/// The differences from `old` to `new`: sentence by sentence first, so that a rewritten
/// sentence shows as removed and added (not as a soup of words from both); word by word
/// inside a sentence only where most of it stayed. Neighbouring stretches with the same
/// change are joined into one.
pub fn word_diff(old: &str, new: &str) -> Vec<(Change, String)> {
    let (old_sentences, new_sentences) = (sentences(old), sentences(new));
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &old_sentences, &new_sentences);
    let mut stretches: Vec<(Change, String)> = Vec::new();
    for op in ops {
        match op {
            similar::DiffOp::Equal { old_index, len, .. } => {
                for sentence in &old_sentences[old_index..old_index + len] {
                    push(&mut stretches, Change::Same, sentence);
                }
            }
            similar::DiffOp::Delete { old_index, old_len, .. } => {
                for sentence in &old_sentences[old_index..old_index + old_len] {
                    push(&mut stretches, Change::Removed, sentence);
                }
            }
            similar::DiffOp::Insert { new_index, new_len, .. } => {
                for sentence in &new_sentences[new_index..new_index + new_len] {
                    push(&mut stretches, Change::Added, sentence);
                }
            }
            similar::DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                let olds = &old_sentences[old_index..old_index + old_len];
                let news = &new_sentences[new_index..new_index + new_len];
                for pair in 0..olds.len().max(news.len()) {
                    match (olds.get(pair), news.get(pair)) {
                        (Some(before), Some(after)) if mostly_kept(before, after) => {
                            for (change, text) in words(before, after) {
                                push(&mut stretches, change, &text);
                            }
                        }
                        (before, after) => {
                            if let Some(before) = before {
                                push(&mut stretches, Change::Removed, before);
                            }
                            if let Some(after) = after {
                                push(&mut stretches, Change::Added, after);
                            }
                        }
                    }
                }
            }
        }
    }
    stretches
}

/// The sentences of `text`, each with the space after it, so that they join back into it.
fn sentences(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (at, (offset, c)) in chars.iter().enumerate() {
        let next = chars.get(at + 1).map(|(_, next)| *next);
        if matches!(c, '.' | '?' | '!' | '\n') && next.is_none_or(char::is_whitespace) {
            // Take the spaces after the mark with the sentence.
            let mut end = offset + c.len_utf8();
            while let Some(space) = text[end..].chars().next().filter(|space| space.is_whitespace()) {
                end += space.len_utf8();
            }
            if end > start {
                found.push(&text[start..end]);
                start = end;
            }
        }
    }
    if start < text.len() {
        found.push(&text[start..]);
    }
    found
}

/// True when most of a sentence's words stayed (then its words are compared one by one).
fn mostly_kept(before: &str, after: &str) -> bool {
    // Words only: the spaces between them would count as kept.
    let (before, after): (Vec<&str>, Vec<&str>) =
        (before.split_whitespace().collect(), after.split_whitespace().collect());
    similar::TextDiff::configure().diff_slices(&before, &after).ratio() >= 0.5
}

fn words(old: &str, new: &str) -> Vec<(Change, String)> {
    let diff = TextDiff::from_words(old, new);
    let mut stretches: Vec<(Change, String)> = Vec::new();
    for change in diff.iter_all_changes() {
        let tag = match change.tag() {
            ChangeTag::Equal => Change::Same,
            ChangeTag::Delete => Change::Removed,
            ChangeTag::Insert => Change::Added,
        };
        push(&mut stretches, tag, change.value());
    }
    stretches
}

fn push(stretches: &mut Vec<(Change, String)>, change: Change, text: &str) {
    match stretches.last_mut() {
        Some((last, joined)) if *last == change => joined.push_str(text),
        _ => stretches.push((change, text.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_removed_and_added() {
        let stretches = word_diff("I sort of help clinics work better.", "I help clinics work on time.");
        let removed: String =
            stretches.iter().filter(|(c, _)| *c == Change::Removed).map(|(_, t)| t.as_str()).collect();
        let added: String = stretches.iter().filter(|(c, _)| *c == Change::Added).map(|(_, t)| t.as_str()).collect();
        assert!(removed.contains("sort of") && removed.contains("better."), "{stretches:?}");
        assert!(added.contains("on time."), "{stretches:?}");
        let new: String = stretches.iter().filter(|(c, _)| *c != Change::Removed).map(|(_, t)| t.as_str()).collect();
        assert_eq!(new, "I help clinics work on time.");
    }

    #[test]
    fn equal_and_empty_texts() {
        assert_eq!(word_diff("same words", "same words"), [(Change::Same, "same words".to_owned())]);
        assert!(word_diff("", "").is_empty());
        assert_eq!(word_diff("", "new"), [(Change::Added, "new".to_owned())]);
    }

    #[test]
    fn a_rewritten_sentence_is_removed_and_added_not_mixed() {
        let old = "I designed the new schedule in 40 days. It worked.";
        let new = "Our team rebuilt every clinic's plan from scratch. It worked.";
        let stretches = word_diff(old, new);
        assert_eq!(
            stretches,
            [
                (Change::Removed, "I designed the new schedule in 40 days. ".to_owned()),
                (Change::Added, "Our team rebuilt every clinic's plan from scratch. ".to_owned()),
                (Change::Same, "It worked.".to_owned()),
            ]
        );
    }

    #[test]
    fn a_sentence_that_mostly_stayed_shows_its_changed_words() {
        let stretches = word_diff("We cut waiting by a third. Ask me how.", "We cut waiting by half. Ask me how.");
        assert!(stretches.contains(&(Change::Same, "We cut waiting by ".to_owned())), "{stretches:?}");
        let old: String = stretches.iter().filter(|(c, _)| *c != Change::Added).map(|(_, t)| t.as_str()).collect();
        let new: String = stretches.iter().filter(|(c, _)| *c != Change::Removed).map(|(_, t)| t.as_str()).collect();
        assert_eq!(old, "We cut waiting by a third. Ask me how.");
        assert_eq!(new, "We cut waiting by half. Ask me how.");
    }
}
