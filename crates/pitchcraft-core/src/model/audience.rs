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

/// How a pitch speaks to its listener where the language makes a difference (Dutch "u"
/// or "je"; English "you" either way).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Address {
    /// "u": to people one does not know well, boards, senior people.
    Formal,
    /// "je": to peers and people one works with.
    Informal,
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
    /// Formal or informal address; `None`: formal for the strategic network, informal
    /// for the others (see [`Audience::address`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
}

impl Audience {
    /// How to address this audience: the person's choice, else formal for strategic
    /// audiences (people one wants something new from) and informal for the others.
    pub fn address(&self) -> Address {
        self.address.unwrap_or(match self.network {
            Network::Strategic => Address::Formal,
            Network::Operational | Network::Personal => Address::Informal,
        })
    }
}
