//! Where the person wants to go, and how their network can help.

use serde::{Deserialize, Serialize};

/// How far ahead a goal looks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Horizon {
    /// Within a year.
    #[default]
    OneYear,
    /// Within three years.
    ThreeYears,
}

/// One goal.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Goal {
    /// Stable id that contacts refer to ("which goal does this relationship serve?"),
    /// e.g. "goal-1". Files before format 4 get ids when they are opened.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// One year or three.
    pub horizon: Horizon,
    /// The goal in one or two sentences.
    pub statement: String,
    /// What help from the network would move it.
    pub network_help: String,
    /// The person checked that the goal is realistic (the one SMART point text cannot show).
    #[serde(skip_serializing_if = "super::is_false")]
    pub realistic: bool,
}
