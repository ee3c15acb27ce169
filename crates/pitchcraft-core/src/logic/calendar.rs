//! Events and follow-ups as iCalendar (`.ics`), written with `calcard`, so they land in the
//! calendar the person already uses.
//!
//! UIDs are derived from the item's id and the document owner's name, so exporting again
//! updates the same calendar item instead of adding a copy.

use calcard::common::PartialDateTime;
use calcard::icalendar::{
    ICalendar, ICalendarAction, ICalendarComponent, ICalendarComponentType, ICalendarDuration, ICalendarParameter,
    ICalendarProperty, ICalendarRelated, ICalendarStatus, ICalendarValue, ICalendarValueType,
};
use chrono::{Datelike, NaiveDate, NaiveDateTime, TimeZone, Timelike};

use super::capture::contact_id;
use crate::model::{BrandDocument, Event, FollowUp};

/// The stable UID of a calendar item: `pitchcraft-KIND-ID-OWNER@pitchcraft` (the owner's name
/// keeps two people's `follow-up-1` apart).
pub fn uid(document: &BrandDocument, kind: &str, id: &str) -> String {
    let owner = contact_id(&BrandDocument::default(), &document.person.name);
    format!("pitchcraft-{kind}-{id}-{owner}@pitchcraft")
}

/// The start of an event in UTC, when its time zone is known; `None` when it has no start
/// or its zone is not an IANA name (then it is written as floating local time).
pub fn event_start_utc(event: &Event) -> Option<chrono::DateTime<chrono::Utc>> {
    let local = event.starts?;
    let zone: chrono_tz::Tz = event.time_zone.trim().parse().ok()?;
    // In the hour a clock skips there is no such local time; the hour it repeats takes the
    // first.
    zone.from_local_datetime(&local).earliest().map(|at| at.with_timezone(&chrono::Utc))
}

/// The calendar file: a VEVENT per dated event and a VTODO per follow-up. `now` is the
/// DTSTAMP every item must carry.
pub fn export(document: &BrandDocument, events: &[&Event], follow_ups: &[&FollowUp], now: NaiveDateTime) -> String {
    let mut calendar = ICalendar::default();
    let mut root = ICalendarComponent::new(ICalendarComponentType::VCalendar);
    root.add_property(ICalendarProperty::Version, ICalendarValue::Text("2.0".into()));
    root.add_property(
        ICalendarProperty::Prodid,
        ICalendarValue::Text(format!("-//Pitchcraft//Pitchcraft {}//EN", env!("CARGO_PKG_VERSION"))),
    );
    calendar.components.push(root);
    let stamp = PartialDateTime { tz_hour: Some(0), tz_minute: Some(0), ..parts(now) };

    for event in events {
        let Some(starts) = event.starts else { continue };
        let mut item = ICalendarComponent::new(ICalendarComponentType::VEvent);
        item.add_uid(&uid(document, "event", &event.id));
        item.add_dtstamp(stamp.clone());
        let (start, end) = match event_start_utc(event) {
            Some(at) => (utc(at.naive_utc()), utc(at.naive_utc() + minutes(event))),
            None => (floating(starts), floating(starts + minutes(event))),
        };
        item.add_property(ICalendarProperty::Dtstart, start);
        if event.minutes > 0 {
            item.add_property(ICalendarProperty::Dtend, end);
        }
        item.add_property(ICalendarProperty::Summary, ICalendarValue::Text(event.name.clone()));
        if !event.place.trim().is_empty() {
            item.add_property(ICalendarProperty::Location, ICalendarValue::Text(event.place.clone()));
        }
        let description = event_description(document, event);
        if !description.is_empty() {
            item.add_property(ICalendarProperty::Description, ICalendarValue::Text(description));
        }
        push(&mut calendar, item);
    }

    for follow_up in follow_ups {
        let mut item = ICalendarComponent::new(ICalendarComponentType::VTodo);
        item.add_uid(&uid(document, "follow-up", &follow_up.id));
        item.add_dtstamp(stamp.clone());
        let person = follow_up.person.as_deref().and_then(|id| document.contact(id)).map(|c| c.name.as_str());
        let summary = match person {
            Some(name) if !follow_up.text.contains(name) => format!("{} ({name})", follow_up.text),
            _ => follow_up.text.clone(),
        };
        item.add_property(ICalendarProperty::Summary, ICalendarValue::Text(summary.clone()));
        if let Some(due) = follow_up.due {
            item.add_property_with_params(
                ICalendarProperty::Due,
                [ICalendarParameter::value(ICalendarValueType::Date)],
                date(due),
            );
        }
        let status = if follow_up.done { ICalendarStatus::Completed } else { ICalendarStatus::NeedsAction };
        item.add_property(ICalendarProperty::Status, ICalendarValue::Status(status));
        let todo = calendar.components.len();
        push(&mut calendar, item);
        // An open follow-up with a day reminds at nine that morning, in the calendar app
        // itself: the person hears of it without Pitchcraft open.
        if follow_up.due.is_some() && !follow_up.done {
            let mut alarm = ICalendarComponent::new(ICalendarComponentType::VAlarm);
            alarm.add_property(ICalendarProperty::Action, ICalendarValue::Action(ICalendarAction::Display));
            let nine = ICalendarDuration { neg: false, weeks: 0, days: 0, hours: 9, minutes: 0, seconds: 0 };
            alarm.add_property_with_params(
                ICalendarProperty::Trigger,
                [ICalendarParameter::related(ICalendarRelated::End)],
                ICalendarValue::Duration(nine),
            );
            alarm.add_property(ICalendarProperty::Description, ICalendarValue::Text(summary));
            let index = calendar.components.len() as u32;
            calendar.components.push(alarm);
            calendar.components[todo].component_ids.push(index);
        }
    }

    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = calendar.write_to(&mut out);
    out
}

/// Adds a component under the VCALENDAR root.
fn push(calendar: &mut ICalendar, item: ICalendarComponent) {
    let index = calendar.components.len() as u32;
    calendar.components.push(item);
    calendar.components[0].component_ids.push(index);
}

fn minutes(event: &Event) -> chrono::Duration {
    chrono::Duration::minutes(i64::from(event.minutes))
}

/// The goals and the people to meet, for the calendar item's notes.
fn event_description(document: &BrandDocument, event: &Event) -> String {
    let mut lines: Vec<String> = event.goals.iter().filter(|goal| !goal.trim().is_empty()).cloned().collect();
    for meeting in &event.to_meet {
        let Some(who) = meeting.who.as_ref().map(|who| document.attendee_name(who)) else { continue };
        lines.push(if meeting.objective.trim().is_empty() { who } else { format!("{who}: {}", meeting.objective) });
    }
    lines.join("\n")
}

fn utc(at: NaiveDateTime) -> ICalendarValue {
    ICalendarValue::PartialDateTime(Box::new(PartialDateTime { tz_hour: Some(0), tz_minute: Some(0), ..parts(at) }))
}

fn floating(at: NaiveDateTime) -> ICalendarValue {
    ICalendarValue::PartialDateTime(Box::new(parts(at)))
}

fn parts(at: NaiveDateTime) -> PartialDateTime {
    PartialDateTime {
        year: u16::try_from(at.year()).ok(),
        month: Some(at.month() as u8),
        day: Some(at.day() as u8),
        hour: Some(at.hour() as u8),
        minute: Some(at.minute() as u8),
        second: Some(at.second() as u8),
        ..PartialDateTime::default()
    }
}

fn date(day: NaiveDate) -> ICalendarValue {
    ICalendarValue::PartialDateTime(Box::new(PartialDateTime {
        year: u16::try_from(day.year()).ok(),
        month: Some(day.month() as u8),
        day: Some(day.day() as u8),
        ..PartialDateTime::default()
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Attendee, Contact, Meeting};

    fn document() -> BrandDocument {
        let mut document = BrandDocument::new_for("Sanne de Vries", crate::model::Language::Nl);
        document.people.push(Contact { id: "anouk".into(), name: "Anouk Jansen".into(), ..Contact::default() });
        document.events.push(Event {
            id: "zorgcongres".into(),
            name: "Zorgcongres, Utrecht; 2026".into(),
            starts: Some("2026-12-03T18:30:00".parse().unwrap()),
            time_zone: "Europe/Amsterdam".into(),
            minutes: 150,
            place: "Jaarbeurs, Utrecht".into(),
            goals: vec!["Meet two clinic heads".into()],
            to_meet: vec![Meeting {
                who: Some(Attendee::Contact("anouk".into())),
                objective: "Hear about the pilot".into(),
                ..Meeting::default()
            }],
            ..Event::default()
        });
        document.follow_ups.push(FollowUp {
            id: "follow-up-1".into(),
            person: Some("anouk".into()),
            text: "Send the roll-out plan".into(),
            due: Some("2026-12-05".parse().unwrap()),
            ..FollowUp::default()
        });
        document
    }

    fn ics(document: &BrandDocument) -> String {
        let events: Vec<&Event> = document.events.iter().collect();
        let follow_ups: Vec<&FollowUp> = document.follow_ups.iter().collect();
        export(document, &events, &follow_ups, "2026-11-28T10:00:00".parse().unwrap())
    }

    #[test]
    fn events_and_follow_ups_become_vevent_and_vtodo_with_stable_uids() {
        let document = document();
        let text = ics(&document);
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), "{text}");
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(text.contains("BEGIN:VEVENT\r\nUID:pitchcraft-event-zorgcongres-sanne-de-vries@pitchcraft\r\n"));
        // 18:30 in Amsterdam in December is 17:30 UTC.
        assert!(text.contains("DTSTART:20261203T173000Z\r\n"), "{text}");
        assert!(text.contains("DTEND:20261203T200000Z\r\n"), "{text}");
        assert!(text.contains("SUMMARY:Zorgcongres\\, Utrecht\\; 2026\r\n"), "escaped: {text}");
        assert!(text.contains("DESCRIPTION:Meet two clinic heads\\nAnouk Jansen: Hear about the pilot\r\n"), "{text}");
        assert!(text.contains("BEGIN:VTODO\r\nUID:pitchcraft-follow-up-follow-up-1-sanne-de-vries@pitchcraft\r\n"));
        assert!(text.contains("DUE;VALUE=DATE:20261205\r\n"), "{text}");
        assert!(text.contains("SUMMARY:Send the roll-out plan (Anouk Jansen)\r\n"));
        assert!(text.contains("STATUS:NEEDS-ACTION\r\n"));
        // The open follow-up reminds at nine on its day, from the calendar app itself.
        assert!(
            text.contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER;RELATED=END:PT9H\r\nDESCRIPTION:Send the roll-out plan (Anouk Jansen)\r\nEND:VALARM\r\nEND:VTODO\r\n"),
            "{text}"
        );
        // The same document exports the same UIDs; only the stamp follows the clock.
        assert_eq!(text, ics(&document));
        // And a calendar reader reads it back: two items under the root, an alarm in one.
        let parsed = ICalendar::parse(&text).expect("calcard reads what it wrote");
        assert_eq!(parsed.components.len(), 4);
        // A follow-up done reminds nobody.
        let mut done = document.clone();
        done.follow_ups[0].done = true;
        assert!(!ics(&done).contains("BEGIN:VALARM"));
    }

    #[test]
    fn a_summer_time_and_an_unknown_zone() {
        let mut document = document();
        document.events[0].starts = Some("2027-06-10T09:00:00".parse().unwrap());
        assert!(ics(&document).contains("DTSTART:20270610T070000Z\r\n"), "summer: UTC+2");
        document.events[0].time_zone = "Middle/Earth".into();
        assert!(ics(&document).contains("DTSTART:20270610T090000\r\n"), "floating local time");
        document.events[0].starts = None;
        assert!(!ics(&document).contains("VEVENT"), "an event without a start is left out");
    }
}
