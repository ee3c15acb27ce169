//! The values card sort: which values were sorted into which pile, and the ranked top.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The pile a value card was sorted into.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Pile {
    /// Very important to me.
    VeryImportant,
    /// Important to me.
    #[default]
    Important,
    /// Not important to me.
    NotImportant,
}

/// What the person decided about one value card.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ValueChoice {
    /// The pile it went into.
    pub pile: Pile,
    /// In their own words: what this value means to them.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub meaning: String,
    /// Kept in the profile but never printed on the card.
    #[serde(skip_serializing_if = "super::is_false")]
    pub never_print: bool,
}

/// A value the person added themselves (not from the built-in deck).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomValue {
    /// Short name, e.g. "Craftsmanship".
    pub name: String,
    /// One line that says what it is.
    pub description: String,
}

/// The whole card sort. Cards not yet sorted are simply absent from `cards`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ValueSort {
    /// Sorted cards by value id (built-in deck ids or custom ids).
    pub cards: BTreeMap<String, ValueChoice>,
    /// The top values in rank order, most important first (ids from `cards`).
    pub ranking: Vec<String>,
    /// Values the person added, by id.
    pub custom: BTreeMap<String, CustomValue>,
}

impl ValueSort {
    /// The ids in the given pile, in id order.
    pub fn in_pile(&self, pile: Pile) -> impl Iterator<Item = &str> {
        self.cards.iter().filter(move |(_, choice)| choice.pile == pile).map(|(id, _)| id.as_str())
    }
}
