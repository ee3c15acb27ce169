//! What the person is good at, and the stories that prove it.

use serde::{Deserialize, Serialize};

/// How strong a skill is, in the person's own estimate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    /// Still growing into it.
    Developing,
    /// Reliable, day to day.
    #[default]
    Proficient,
    /// Others come to me for it.
    Expert,
}

/// A proof point, told as situation – action – result.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProofPoint {
    /// The situation or problem.
    pub situation: String,
    /// What I did.
    pub action: String,
    /// What came of it.
    pub result: String,
    /// The result as a number, e.g. "-32% waiting time". Empty when there is none.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub metric: String,
    /// The one story to tell first (at most one in the document).
    #[serde(skip_serializing_if = "super::is_false")]
    pub signature: bool,
    /// What someone else said of this work (a recommendation), in their words; the drafts
    /// never say it for the person, it is there to tell the story from.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub quote: String,
    /// Who said [`ProofPoint::quote`]: "Joris Bakker, Head of IT, Rivierenland".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub quote_by: String,
}

impl ProofPoint {
    /// Whether nothing is told in it yet.
    pub fn is_empty(&self) -> bool {
        [&self.situation, &self.action, &self.result, &self.metric, &self.quote].iter().all(|f| f.trim().is_empty())
    }
}

/// A skill or strength with its proof.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Skill {
    /// The skill, e.g. "Lean process design".
    pub skill: String,
    /// A short description.
    pub description: String,
    /// How strong it is.
    pub level: Level,
    /// Stories that prove it.
    pub proof: Vec<ProofPoint>,
}
