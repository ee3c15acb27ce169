//! Undo and redo by whole-document snapshots, with typing grouped into one step.
//!
//! Each edit carries a key naming what it edits (a field). Edits with the same key that
//! follow each other within [`GROUP_SECONDS`] form one undo step, so undo takes back a
//! typed sentence, not a single letter. Time is passed in as seconds.

use std::hash::{DefaultHasher, Hash, Hasher};

/// Edits of the same field closer together than this are one undo step.
pub const GROUP_SECONDS: f64 = 1.0;

/// How many steps are kept.
pub const DEFAULT_LIMIT: usize = 200;

/// What an edit changes, for grouping: equal keys may merge into one step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EditKey(u64);

impl EditKey {
    /// A key from anything hashable, e.g. `("person.name",)` or `("section", pitch_id, 2)`.
    pub fn of(what: impl Hash) -> Self {
        let mut hasher = DefaultHasher::new();
        what.hash(&mut hasher);
        Self(hasher.finish())
    }
}

/// The undo and redo stacks.
#[derive(Debug)]
pub struct UndoHistory<T> {
    undo: Vec<T>,
    redo: Vec<T>,
    group: Option<(EditKey, f64)>,
    limit: usize,
}

impl<T> Default for UndoHistory<T> {
    fn default() -> Self {
        Self { undo: Vec::new(), redo: Vec::new(), group: None, limit: DEFAULT_LIMIT }
    }
}

impl<T: Clone> UndoHistory<T> {
    /// Call before applying an edit, with the state as it is before the edit.
    pub fn record(&mut self, before: &T, key: Option<EditKey>, now: f64) {
        let continues_group = match (key, self.group) {
            (Some(key), Some((last_key, last_time))) => {
                key == last_key && (0.0..GROUP_SECONDS).contains(&(now - last_time))
            }
            _ => false,
        };
        if !continues_group {
            self.undo.push(before.clone());
            if self.undo.len() > self.limit {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.group = key.map(|key| (key, now));
    }

    /// Ends the current typing group, so the next edit starts a new step.
    pub fn break_group(&mut self) {
        self.group = None;
    }

    /// Takes one step back. Returns false when there is nothing to undo.
    pub fn undo(&mut self, current: &mut T) -> bool {
        let Some(previous) = self.undo.pop() else { return false };
        self.redo.push(std::mem::replace(current, previous));
        self.group = None;
        true
    }

    /// Takes one undone step forward again. Returns false when there is nothing to redo.
    pub fn redo(&mut self, current: &mut T) -> bool {
        let Some(next) = self.redo.pop() else { return false };
        self.undo.push(std::mem::replace(current, next));
        self.group = None;
        true
    }

    /// True when [`Self::undo`] would do something.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when [`Self::redo`] would do something.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn type_into(history: &mut UndoHistory<String>, text: &mut String, letters: &str, key: EditKey, start: f64) {
        for (i, letter) in letters.chars().enumerate() {
            history.record(text, Some(key), start + i as f64 * 0.2);
            text.push(letter);
        }
    }

    #[test]
    fn typing_is_one_step_and_redo_restores_it() {
        let mut history = UndoHistory::default();
        let mut text = String::new();
        type_into(&mut history, &mut text, "Sanne", EditKey::of("name"), 0.0);
        assert!(history.undo(&mut text));
        assert_eq!(text, "");
        assert!(!history.undo(&mut text));
        assert!(history.redo(&mut text));
        assert_eq!(text, "Sanne");
        assert!(!history.can_redo());
    }

    #[test]
    fn a_pause_or_another_field_starts_a_new_step() {
        let mut history = UndoHistory::default();
        let mut text = String::new();
        type_into(&mut history, &mut text, "ab", EditKey::of("name"), 0.0);
        type_into(&mut history, &mut text, "cd", EditKey::of("name"), 5.0);
        type_into(&mut history, &mut text, "ef", EditKey::of("headline"), 5.5);
        history.undo(&mut text);
        assert_eq!(text, "abcd");
        history.undo(&mut text);
        assert_eq!(text, "ab");
        history.undo(&mut text);
        assert_eq!(text, "");
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut history = UndoHistory::default();
        let mut text = String::from("a");
        history.record(&text, None, 0.0);
        text.push('b');
        history.undo(&mut text);
        history.record(&text, None, 1.0);
        text.push('c');
        assert!(!history.redo(&mut text));
        assert_eq!(text, "ac");
    }

    #[test]
    fn the_limit_drops_the_oldest_steps() {
        let mut history = UndoHistory { limit: 3, ..UndoHistory::default() };
        let mut n = 0;
        for _ in 0..10 {
            history.record(&n, None, 0.0);
            n += 1;
        }
        let mut undone = 0;
        while history.undo(&mut n) {
            undone += 1;
        }
        assert_eq!((undone, n), (3, 7));
    }
}
