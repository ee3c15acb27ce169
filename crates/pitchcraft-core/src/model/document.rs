//! The root of a `*.brand.ron` file.

use serde::{Deserialize, Serialize};

use super::{
    Audience, CardSettings, Contact, Encounter, Event, FollowUp, Goal, Language, Note, Person, Pitch, Rehearsal, Skill,
    ValueSort,
};

/// The format written by this version. Older formats are migrated on load;
/// newer ones are refused.
pub const CURRENT_FORMAT: u32 = 6;

/// The three answers a brand statement is made of: "I help [who] [outcome] by [how]".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BrandParts {
    /// Who I help, e.g. "hospitals".
    pub who: String,
    /// What they achieve, e.g. "cut waiting times for patients".
    pub outcome: String,
    /// How I do it, e.g. "redesigning care processes with the people who run them".
    pub how: String,
}

/// Everything one person's brand consists of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BrandDocument {
    /// File format version, see [`CURRENT_FORMAT`].
    pub format: u32,
    /// The language the profile is written in (drafts use it).
    pub language: Language,
    /// Who this is.
    pub person: Person,
    /// The values card sort.
    pub values: ValueSort,
    /// Skills and their proof.
    pub expertise: Vec<Skill>,
    /// One-year and three-year goals.
    pub goals: Vec<Goal>,
    /// The people to reach.
    pub audiences: Vec<Audience>,
    /// The parts the brand statement is built from.
    pub brand_parts: BrandParts,
    /// "I help … achieve … by …".
    pub brand_statement: String,
    /// Pitches, each for one audience and length.
    pub pitches: Vec<Pitch>,
    /// Kept rehearsal attempts, oldest first.
    pub rehearsals: Vec<Rehearsal>,
    /// Markdown notes.
    pub notes: Vec<Note>,
    /// How the card is printed.
    pub card: CardSettings,
    /// The people in my network.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Contact>,
    /// Meetings with them, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub encounters: Vec<Encounter>,
    /// Next steps with a due day.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<FollowUp>,
    /// Events to prepare for and to look back on.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
}

impl Default for BrandDocument {
    fn default() -> Self {
        Self {
            format: CURRENT_FORMAT,
            language: Language::default(),
            person: Person::default(),
            values: ValueSort::default(),
            expertise: Vec::new(),
            goals: Vec::new(),
            audiences: Vec::new(),
            brand_parts: BrandParts::default(),
            brand_statement: String::new(),
            pitches: Vec::new(),
            rehearsals: Vec::new(),
            notes: Vec::new(),
            card: CardSettings::default(),
            people: Vec::new(),
            encounters: Vec::new(),
            follow_ups: Vec::new(),
            events: Vec::new(),
        }
    }
}

impl BrandDocument {
    /// An empty document for a person with this name.
    pub fn new_for(name: &str, language: Language) -> Self {
        let mut document = Self { language, ..Self::default() };
        document.person.name = name.trim().to_owned();
        document
    }

    /// The audience with this id, if any.
    pub fn audience(&self, id: &str) -> Option<&Audience> {
        self.audiences.iter().find(|audience| audience.id == id)
    }

    /// The contact with this id, if any.
    pub fn contact(&self, id: &str) -> Option<&Contact> {
        self.people.iter().find(|contact| contact.id == id)
    }

    /// How an attendee is named: the contact's name (their id when they are gone), or the
    /// description of someone to find out about.
    pub fn attendee_name(&self, who: &super::Attendee) -> String {
        match who {
            super::Attendee::Contact(id) => self.contact(id).map_or_else(|| id.clone(), |contact| contact.name.clone()),
            super::Attendee::ToFindOut(description) => description.clone(),
        }
    }

    /// The contact with this id, to change.
    pub fn contact_mut(&mut self, id: &str) -> Option<&mut Contact> {
        self.people.iter_mut().find(|contact| contact.id == id)
    }

    /// The event with this id, to change.
    pub fn event_mut(&mut self, id: &str) -> Option<&mut Event> {
        self.events.iter_mut().find(|event| event.id == id)
    }

    /// The event with this id, if any.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|event| event.id == id)
    }

    /// The goal with this id, if any.
    pub fn goal(&self, id: &str) -> Option<&Goal> {
        self.goals.iter().find(|goal| goal.id == id)
    }

    /// Gives every goal without an id the next free `goal-N`: goals written before format 4,
    /// by hand, or just added.
    pub fn assign_goal_ids(&mut self) {
        for index in 0..self.goals.len() {
            if self.goals[index].id.trim().is_empty() {
                let id = super::next_id("goal", self.goals.iter().map(|goal| goal.id.as_str()));
                self.goals[index].id = id;
            }
        }
    }

    /// Removes the goal at `index` and every contact's reference to it.
    pub fn remove_goal(&mut self, index: usize) {
        if index >= self.goals.len() {
            return;
        }
        let goal = self.goals.remove(index);
        for contact in &mut self.people {
            contact.goals.retain(|id| *id != goal.id);
        }
    }

    /// Removes a contact and every reference to them: their follow-ups and the events'
    /// places for them go, encounters keep the others met, introductions are forgotten.
    pub fn remove_contact(&mut self, id: &str) {
        use super::Attendee;
        self.people.retain(|contact| contact.id != id);
        for contact in &mut self.people {
            if contact.introduced_by.as_deref() == Some(id) {
                contact.introduced_by = None;
            }
        }
        for encounter in &mut self.encounters {
            encounter.people.retain(|person| person != id);
        }
        self.encounters.retain(|encounter| !encounter.people.is_empty());
        self.follow_ups.retain(|follow_up| follow_up.person.as_deref() != Some(id));
        let is_them = |attendee: &Attendee| matches!(attendee, Attendee::Contact(person) if person == id);
        for event in &mut self.events {
            event.attendees.retain(|attendee| !is_them(attendee));
            event.to_meet.retain(|meeting| !meeting.who.as_ref().is_some_and(is_them));
        }
    }

    /// Removes an event; conversations logged at it stay, without the event.
    pub fn remove_event(&mut self, id: &str) {
        self.events.retain(|event| event.id != id);
        for encounter in &mut self.encounters {
            if encounter.event.as_deref() == Some(id) {
                encounter.event = None;
            }
        }
    }

    /// The pitch with this id, if any.
    pub fn pitch(&self, id: &str) -> Option<&Pitch> {
        self.pitches.iter().find(|pitch| pitch.id == id)
    }
}
