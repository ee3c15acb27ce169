//! The people a pitch is for, each belonging to one of three networks.

use serde::{Deserialize, Serialize};

/// The three networks of a leader (after Ibarra and Hunter).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Network {
    /// People who help get today's work done.
    #[default]
    Operational,
    /// People who help me grow.
    Personal,
    /// People who open new directions for me and my organisation.
    Strategic,
}

impl Network {
    /// All networks, in their usual order.
    pub const ALL: [Network; 3] = [Network::Operational, Network::Personal, Network::Strategic];
}

/// A group of people I want to reach.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Audience {
    /// Stable id that pitches refer to, e.g. "hospital-boards".
    pub id: String,
    /// Who they are, e.g. "Hospital board members".
    pub name: String,
    /// Which network they belong to.
    pub network: Network,
    /// What they care about.
    pub cares_about: String,
    /// What I want them to do after hearing my pitch.
    pub ask: String,
}
