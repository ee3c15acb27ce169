//! A change to the open document as a value: the app applies it, so it can be undone.

use std::fmt;

use crate::logic::undo::EditKey;
use crate::model::BrandDocument;

/// A change to the open document, applied by the app so that it can be undone.
pub struct DocEdit {
    /// What it edits, so typing in one field becomes one undo step.
    pub key: Option<EditKey>,
    apply: Box<dyn FnOnce(&mut BrandDocument)>,
}

impl DocEdit {
    /// An edit that is its own undo step (adding, removing, moving things).
    pub fn step(apply: impl FnOnce(&mut BrandDocument) + 'static) -> Self {
        Self { key: None, apply: Box::new(apply) }
    }

    /// An edit of one field that merges with the edits of the same field just before it.
    pub fn typing(key: EditKey, apply: impl FnOnce(&mut BrandDocument) + 'static) -> Self {
        Self { key: Some(key), apply: Box::new(apply) }
    }

    /// Applies the edit.
    pub fn apply(self, document: &mut BrandDocument) {
        (self.apply)(document);
    }
}

impl fmt::Debug for DocEdit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DocEdit").field("key", &self.key).finish_non_exhaustive()
    }
}
