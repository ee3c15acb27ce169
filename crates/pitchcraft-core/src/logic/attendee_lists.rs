//! Attendee lists → an event's attendees: Eventbrite's attendee report (its organiser's
//! questions often add `Job Title` and `Company`) and Meetup's member list (no e-mail; a
//! profile address instead). Known people are linked (by e-mail, profile address or name);
//! nobody new becomes a contact by this: an unknown attendee joins the event by name, to
//! find out about, and the person decides who becomes a contact. Refunded, cancelled and
//! transferred tickets are left out, and so is a Meetup "No".

use super::capture::name_key;
use super::contact_lists::{Header, too_long};
use super::people_merge::profile_key;
use crate::model::{Attendee, BrandDocument};

/// Which list a file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttendeeLayout {
    Eventbrite,
    Meetup,
}

/// One person on the list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listed {
    pub name: String,
    pub email: String,
    pub profile: String,
    pub role: String,
    pub organisation: String,
}

/// A list, read: who comes, and who was left out with why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttendeeList {
    pub layout: AttendeeLayout,
    pub coming: Vec<Listed>,
    pub left_out: Vec<String>,
}

/// What adding a list to an event did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AttendeeReport {
    /// Known people linked to the event.
    pub linked: usize,
    /// Others, added by name to find out about.
    pub to_find_out: usize,
    /// Already on the event's list.
    pub already: usize,
    pub left_out: Vec<String>,
}

/// Reads an attendee list; an error when it is none this app knows.
pub fn read(text: &str) -> Result<AttendeeList, String> {
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut records = reader.records();
    let mut found = None;
    for record in records.by_ref().take(20) {
        let record = record.map_err(|e| e.to_string())?;
        let header = Header::of(&record);
        let layout = if header.has("attendee status") || (header.has("order #") && header.has("first name")) {
            Some(AttendeeLayout::Eventbrite)
        } else if header.has("url of member profile") || (header.has("name") && header.has("rsvp")) {
            Some(AttendeeLayout::Meetup)
        } else {
            None
        };
        if let Some(layout) = layout {
            found = Some((header, layout));
            break;
        }
    }
    let Some((header, layout)) = found else {
        return Err("not an attendee list this app knows: Eventbrite's attendee report or Meetup's member list".into());
    };
    let mut list = AttendeeList { layout, coming: Vec::new(), left_out: Vec::new() };
    for (number, record) in records.flatten().enumerate() {
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        if let Some(long) = too_long(&record) {
            list.left_out.push(format!(
                "row {}: a field of {} KB, longer than anything about a person",
                number + 1,
                long / 1024
            ));
            continue;
        }
        let listed = match layout {
            AttendeeLayout::Eventbrite => Listed {
                name: [header.get(&record, &["first name"]), header.get(&record, &["last name"])]
                    .iter()
                    .flat_map(|part| part.split_whitespace())
                    .collect::<Vec<_>>()
                    .join(" "),
                email: header.get(&record, &["email", "e-mail"]).to_owned(),
                role: header.get(&record, &["job title"]).to_owned(),
                organisation: header.get(&record, &["company"]).to_owned(),
                profile: String::new(),
            },
            AttendeeLayout::Meetup => Listed {
                name: header.get(&record, &["name"]).to_owned(),
                profile: header.get(&record, &["url of member profile"]).to_owned(),
                ..Listed::default()
            },
        };
        if listed.name.is_empty() && listed.email.is_empty() {
            continue;
        }
        let status = header.get(&record, &["attendee status", "rsvp"]).to_lowercase();
        let gone =
            ["refund", "cancel", "transfer", "deleted"].iter().any(|word| status.contains(word)) || status == "no";
        if gone {
            let shown = if listed.name.is_empty() { listed.email.clone() } else { listed.name.clone() };
            list.left_out.push(format!("{shown}: {}", header.get(&record, &["attendee status", "rsvp"])));
        } else {
            list.coming.push(listed);
        }
    }
    Ok(list)
}

/// Adds the list's people to the event `event_id` (which must exist).
pub fn add_to_event(document: &mut BrandDocument, event_id: &str, list: AttendeeList) -> Option<AttendeeReport> {
    let index = document.events.iter().position(|event| event.id == event_id)?;
    let mut report = AttendeeReport { left_out: list.left_out, ..AttendeeReport::default() };
    for listed in list.coming {
        let email = listed.email.to_lowercase();
        let profile = profile_key(&listed.profile);
        let key = name_key(&listed.name);
        let known = document.people.iter().find(|contact| {
            (!email.is_empty() && contact.email.to_lowercase() == email)
                || (profile.is_some() && profile_key(&contact.website) == profile)
                || (!key.is_empty() && name_key(&contact.name) == key)
        });
        let attendee = match known {
            Some(contact) => Attendee::Contact(contact.id.clone()),
            None => {
                let about: Vec<&str> = [listed.role.as_str(), listed.organisation.as_str()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect();
                let name = if listed.name.is_empty() { listed.email.clone() } else { listed.name.clone() };
                Attendee::ToFindOut(if about.is_empty() { name } else { format!("{name} ({})", about.join(", ")) })
            }
        };
        let event = &mut document.events[index];
        if event.attendees.contains(&attendee) {
            report.already += 1;
            continue;
        }
        match attendee {
            Attendee::Contact(_) => report.linked += 1,
            Attendee::ToFindOut(_) => report.to_find_out += 1,
        }
        event.attendees.push(attendee);
    }
    Some(report)
}
