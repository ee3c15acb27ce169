//! Word-by-word differences between two versions of a pitch.

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

/// The differences from `old` to `new`, word by word; neighbouring words with the same
/// change are joined into one stretch.
pub fn word_diff(old: &str, new: &str) -> Vec<(Change, String)> {
    let diff = TextDiff::from_words(old, new);
    let mut stretches: Vec<(Change, String)> = Vec::new();
    for change in diff.iter_all_changes() {
        let tag = match change.tag() {
            ChangeTag::Equal => Change::Same,
            ChangeTag::Delete => Change::Removed,
            ChangeTag::Insert => Change::Added,
        };
        match stretches.last_mut() {
            Some((last, text)) if *last == tag => text.push_str(change.value()),
            _ => stretches.push((tag, change.value().to_owned())),
        }
    }
    stretches
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
}
