//! An invitation (`.ics`) becomes an event: its name, when (in its own time zone, in UTC or
//! as a whole day), how long, where, and who else is invited. Its `UID` is kept, so the
//! updated invitation that follows (a higher `SEQUENCE`) updates the same event instead of
//! adding another; what the person added to the event (goals, whom to meet) stays.

use calcard::common::PartialDateTime;
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarEntry, ICalendarParameterName,
    ICalendarParameterValue, ICalendarProperty, ICalendarValue, Uri,
};
use calcard::{Entry, Parser};
use chrono::{NaiveDate, NaiveDateTime};

use super::capture::{contact_id, name_key};
use crate::model::{Attendee, BrandDocument, Event};

/// An invited person: a name, an address, or both.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Invited {
    pub name: String,
    pub email: String,
}

/// One event of an invitation, read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Invitation {
    pub uid: String,
    pub sequence: u32,
    pub name: String,
    pub starts: Option<NaiveDateTime>,
    /// The IANA zone of `starts`; "UTC" for a time given in UTC; empty for a whole day.
    pub time_zone: String,
    pub minutes: u32,
    pub place: String,
    pub invited: Vec<Invited>,
}

/// What importing invitations did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InvitationReport {
    /// Ids of the events added.
    pub added: Vec<String>,
    /// Ids of the events an updated invitation changed.
    pub updated: Vec<String>,
    /// Invitations older than the event already there (a lower SEQUENCE), left alone.
    pub older: Vec<String>,
}

/// The events in an `.ics` text; an error in words when it holds none.
pub fn read(text: &str) -> Result<Vec<Invitation>, String> {
    let mut parser = Parser::new(text);
    let mut found = Vec::new();
    loop {
        match parser.entry() {
            Entry::ICalendar(calendar) => found.extend(events_of(&calendar)),
            Entry::Eof => break,
            Entry::TooManyComponents => return Err("too deeply nested to read".to_owned()),
            _ => {}
        }
    }
    if found.is_empty() {
        return Err("no event in it (an invitation holds BEGIN:VEVENT … END:VEVENT)".to_owned());
    }
    Ok(found)
}

fn events_of(calendar: &ICalendar) -> Vec<Invitation> {
    calendar
        .components
        .iter()
        .filter(|component| component.component_type == ICalendarComponentType::VEvent)
        .map(invitation)
        .filter(|invitation| !invitation.name.is_empty() || invitation.starts.is_some())
        .collect()
}

fn text_of(entry: &ICalendarEntry) -> Option<String> {
    entry.values.iter().find_map(|value| match value {
        ICalendarValue::Text(text) => Some(text.trim().to_owned()),
        ICalendarValue::Uri(Uri::Location(text)) => Some(text.trim().to_owned()),
        ICalendarValue::Integer(n) => Some(n.to_string()),
        _ => None,
    })
}

fn param_text(entry: &ICalendarEntry, name: &ICalendarParameterName) -> Option<String> {
    entry.params.iter().find(|param| &param.name == name).and_then(|param| match &param.value {
        ICalendarParameterValue::Text(text) => Some(text.trim().trim_matches('"').to_owned()),
        _ => None,
    })
}

/// A moment as (local time, zone): a TZID keeps its zone, a `Z` time is UTC, a date alone
/// is a whole day (no zone).
fn moment(entry: &ICalendarEntry) -> Option<(NaiveDateTime, String, bool)> {
    let date = entry.values.iter().find_map(|value| match value {
        ICalendarValue::PartialDateTime(date) => Some(date.as_ref().clone()),
        _ => None,
    })?;
    let PartialDateTime { year, month, day, hour, minute, second, tz_hour, .. } = date;
    let day = NaiveDate::from_ymd_opt(i32::from(year?), u32::from(month?), u32::from(day?))?;
    let whole_day = hour.is_none();
    let time = day.and_hms_opt(
        u32::from(hour.unwrap_or(0)),
        u32::from(minute.unwrap_or(0)),
        u32::from(second.unwrap_or(0)).min(59),
    )?;
    let zone = param_text(entry, &ICalendarParameterName::Tzid)
        .or_else(|| tz_hour.map(|_| "UTC".to_owned()))
        .unwrap_or_default();
    Some((time, if whole_day { String::new() } else { zone }, whole_day))
}

fn invitation(event: &ICalendarComponent) -> Invitation {
    let first = |property: ICalendarProperty| {
        event.entries.iter().filter(|entry| entry.name == property).find_map(text_of).unwrap_or_default()
    };
    let entry = |property: ICalendarProperty| event.entries.iter().find(|entry| entry.name == property);
    let start = entry(ICalendarProperty::Dtstart).and_then(moment);
    let end = entry(ICalendarProperty::Dtend).and_then(moment);
    let minutes = match (&start, &end) {
        (Some((from, _, _)), Some((to, _, _))) => u32::try_from((*to - *from).num_minutes()).unwrap_or(0),
        _ => 0,
    };
    let invited = event
        .entries
        .iter()
        .filter(|entry| matches!(entry.name, ICalendarProperty::Organizer | ICalendarProperty::Attendee))
        .map(|entry| Invited {
            name: param_text(entry, &ICalendarParameterName::Cn).unwrap_or_default(),
            email: text_of(entry)
                .map(|address| {
                    let address = address.trim();
                    let lower = address.to_ascii_lowercase();
                    if lower.starts_with("mailto:") { address[7..].to_owned() } else { address.to_owned() }
                })
                .unwrap_or_default(),
        })
        .filter(|invited| !invited.name.is_empty() || !invited.email.is_empty())
        .collect();
    Invitation {
        uid: first(ICalendarProperty::Uid),
        sequence: first(ICalendarProperty::Sequence).parse().unwrap_or(0),
        name: first(ICalendarProperty::Summary),
        starts: start.as_ref().map(|(time, _, _)| *time),
        time_zone: start.map(|(_, zone, _)| zone).unwrap_or_default(),
        minutes,
        place: first(ICalendarProperty::Location),
        invited,
    }
}

/// Adds or updates the events of `invitations`; `me` is the brand owner's e-mail address
/// (the person is among the invited, and is not their own attendee).
pub fn import(document: &mut BrandDocument, invitations: Vec<Invitation>) -> InvitationReport {
    let mut report = InvitationReport::default();
    let me = document.person.email.to_lowercase();
    for invitation in invitations {
        let attendees: Vec<Attendee> = invitation
            .invited
            .iter()
            .filter(|invited| me.is_empty() || invited.email.to_lowercase() != me)
            .map(|invited| attendee(document, invited))
            .collect();
        let known = (!invitation.uid.is_empty())
            .then(|| document.events.iter().position(|event| event.uid == invitation.uid))
            .flatten();
        match known {
            Some(index) if document.events[index].sequence > invitation.sequence => {
                report.older.push(document.events[index].id.clone());
            }
            Some(index) => {
                let event = &mut document.events[index];
                event.name = invitation.name;
                event.starts = invitation.starts;
                event.time_zone = invitation.time_zone;
                event.minutes = invitation.minutes;
                if !invitation.place.is_empty() {
                    event.place = invitation.place;
                }
                event.sequence = invitation.sequence;
                for attendee in attendees {
                    if !event.attendees.contains(&attendee) {
                        event.attendees.push(attendee);
                    }
                }
                report.updated.push(event.id.clone());
            }
            None => {
                let id = event_id(document, &invitation.name);
                document.events.push(Event {
                    id: id.clone(),
                    uid: invitation.uid,
                    sequence: invitation.sequence,
                    name: invitation.name,
                    starts: invitation.starts,
                    time_zone: invitation.time_zone,
                    minutes: invitation.minutes,
                    place: invitation.place,
                    attendees,
                    ..Event::default()
                });
                report.added.push(id);
            }
        }
    }
    report
}

/// A known person by address or name; else someone to find out about, by name.
fn attendee(document: &BrandDocument, invited: &Invited) -> Attendee {
    let email = invited.email.to_lowercase();
    let key = name_key(&invited.name);
    let found = document.people.iter().find(|contact| {
        (!email.is_empty() && contact.email.to_lowercase() == email)
            || (!key.is_empty() && name_key(&contact.name) == key)
    });
    match found {
        Some(contact) => Attendee::Contact(contact.id.clone()),
        None if !invited.name.is_empty() => Attendee::ToFindOut(invited.name.clone()),
        None => Attendee::ToFindOut(invited.email.clone()),
    }
}

/// A readable id for a new event, unique among the document's events.
fn event_id(document: &BrandDocument, name: &str) -> String {
    // The same slug rules as people's ids; then "-2", "-3", … where taken.
    let base = contact_id(&BrandDocument::default(), if name.trim().is_empty() { "event" } else { name });
    let taken = |id: &str| document.events.iter().any(|event| event.id == id);
    if !taken(&base) {
        return base;
    }
    (2..).map(|n| format!("{base}-{n}")).find(|id| !taken(id)).unwrap_or(base)
}
