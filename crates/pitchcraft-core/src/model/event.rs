//! An event the pitch is for: when and where, what I want from it, and whom to meet.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// A conference, a reception, a meeting with many people.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Event {
    /// Stable id, e.g. "zorgcongres-2026"; calendar exports derive their UID from it.
    pub id: String,
    /// The UID of the invitation it came from, so an updated invitation updates it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub uid: String,
    /// The invitation's SEQUENCE: a later update has a higher one.
    #[serde(skip_serializing_if = "is_zero")]
    pub sequence: u32,
    /// Its name.
    pub name: String,
    /// When it starts, in local time at the place (`"2026-12-03T18:30:00"`).
    pub starts: Option<NaiveDateTime>,
    /// The time zone of `starts`, an IANA name such as "Europe/Amsterdam"; empty: the
    /// time is read as local wherever the calendar is.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub time_zone: String,
    /// How long it lasts, in minutes (0: not given).
    #[serde(skip_serializing_if = "is_zero")]
    pub minutes: u32,
    /// Where.
    pub place: String,
    /// What I want from it, one goal a line.
    pub goals: Vec<String>,
    /// Who will be there.
    pub attendees: Vec<Attendee>,
    /// Whom I mean to meet (about three), each with an objective.
    pub to_meet: Vec<Meeting>,
}

fn is_zero(minutes: &u32) -> bool {
    *minutes == 0
}

/// Someone who will be at the event: a known contact, or a description to find out about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Attendee {
    /// A contact, by id.
    Contact(String),
    /// Someone to find out about, e.g. "the new CFO of the Antonius hospital".
    ToFindOut(String),
}

/// One person to meet at an event.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meeting {
    /// Whom: a contact id, or a description of someone to find out about.
    pub who: Option<Attendee>,
    /// What I want from the conversation.
    pub objective: String,
    /// Questions to ask.
    pub questions: Vec<String>,
    /// The id of the pitch to use (chosen by the audience it was written for).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pitch: Option<String>,
}
