//! Free markdown notes, e.g. preparation for an event.

use serde::{Deserialize, Serialize};

/// A markdown note.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Note {
    /// Title shown in the list.
    pub title: String,
    /// The note's text, in markdown.
    pub markdown: String,
}
