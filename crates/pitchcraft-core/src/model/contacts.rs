//! The people in the network, what happened when we met, and what I promised to do next.
//!
//! Dates are calendar days (`"2026-12-03"`), without a time: a follow-up is due on a day,
//! and a keep-in-touch clock counts days.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Network;

/// Someone in my network (not the brand's owner, who is [`super::Person`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    /// Stable id that encounters, follow-ups and events refer to, e.g. "anouk-jansen".
    pub id: String,
    /// Full name.
    pub name: String,
    /// Where they work.
    pub organisation: String,
    /// Their role there.
    pub role: String,
    /// E-mail address.
    pub email: String,
    /// Phone number, as written.
    pub phone: String,
    /// Website or profile address.
    pub website: String,
    /// Which of my three networks they belong to.
    pub network: Network,
    /// Not sorted into a network yet (people brought in from LinkedIn, until the person
    /// chooses): `network` holds no choice then, and they are nobody's keep-in-touch
    /// reminder and in no network's count.
    #[serde(skip_serializing_if = "super::is_false")]
    pub unsorted: bool,
    /// Inside my own organisation.
    #[serde(skip_serializing_if = "super::is_false")]
    pub internal: bool,
    /// Free labels, e.g. "healthcare", "mentor".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Ids of the goals this relationship serves.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<String>,
    /// The id of the contact who introduced us; `None`: I met them on my own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub introduced_by: Option<String>,
    /// Anything worth remembering.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// How often to be in touch; `None`: the default of their network.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keep_in_touch: Option<KeepInTouch>,
}

impl Contact {
    /// The network they are in, once sorted.
    pub fn sorted_network(&self) -> Option<Network> {
        (!self.unsorted).then_some(self.network)
    }

    /// The keep-in-touch interval: their own, else their network's default.
    pub fn keep_in_touch(&self) -> KeepInTouch {
        self.keep_in_touch.unwrap_or_else(|| KeepInTouch::default_for(self.network))
    }
}

/// How often to be in touch with someone, in days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeepInTouch {
    /// After this many days without contact, it is time (amber).
    pub ideal_days: u32,
    /// After this many days, it has been too long (red).
    pub too_long_days: u32,
}

impl KeepInTouch {
    /// The default per network: today's work needs the closest touch, development the
    /// loosest; strategic ties fade unless tended every month or two.
    pub fn default_for(network: Network) -> Self {
        match network {
            Network::Operational => Self { ideal_days: 14, too_long_days: 30 },
            Network::Personal => Self { ideal_days: 60, too_long_days: 120 },
            Network::Strategic => Self { ideal_days: 30, too_long_days: 90 },
        }
    }
}

/// A meeting with one or more contacts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Encounter {
    /// Stable id, e.g. "encounter-7".
    pub id: String,
    /// The day we met.
    pub date: Option<NaiveDate>,
    /// Ids of the contacts met.
    pub people: Vec<String>,
    /// The id of the event where we met, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// What we talked about.
    pub said: String,
    /// What I gave (an introduction, an article, advice).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub gave: String,
    /// What I got.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub got: String,
}

/// A next step with a due day.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FollowUp {
    /// Stable id, e.g. "follow-up-3"; calendar exports derive their UID from it.
    pub id: String,
    /// The id of the contact it concerns, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// The id of the encounter it came from, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encounter: Option<String>,
    /// What to do, e.g. "Send the roll-out plan".
    pub text: String,
    /// The day it is due.
    pub due: Option<NaiveDate>,
    /// Done.
    #[serde(skip_serializing_if = "super::is_false")]
    pub done: bool,
}
