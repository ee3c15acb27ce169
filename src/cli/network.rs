//! `people import`, `people export` and `followups`: the network without a window.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use serde::Serialize;

use super::{complain, say};
use crate::logic::people_merge::ImportReport;
use crate::logic::{calendar, network, people_import, vcard};
use crate::model::{BrandDocument, Event, FollowUp};
use crate::storage::{self, BackupPolicy, Loaded};

/// Contacts files and invitations larger than this are refused: an address book of 100,000
/// cards is far smaller.
const MAX_VCARD_BYTES: u64 = 64 * 1024 * 1024;

fn load(file: &Path) -> Result<Loaded, ExitCode> {
    storage::load(file).map_err(complain)
}

/// `people import FILE SOURCE…`: merges each contacts file (vCard, or a contact list as CSV
/// from LinkedIn, Google or Outlook, told apart by content; a folder holding LinkedIn's
/// `Connections.csv`) into FILE's people and saves it (with a backup). Exit 1 only when no
/// file could be read; FILE is then untouched.
pub(super) fn import(file: &Path, sources: &[PathBuf]) -> ExitCode {
    let mut loaded = match load(file) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let mut report = ImportReport::default();
    let mut read_any = false;
    for path in sources {
        // The owner's own profile, in LinkedIn's archive or its folder: said, not imported
        // (the app offers it as suggestions, where the person takes what they want).
        let in_folder = if path.is_dir() { people_import::profile_from_folder(path) } else { None };
        let bytes = match read_contacts_file(path) {
            Ok(bytes) => bytes,
            Err(message) => {
                match &in_folder {
                    Some(profile) => {
                        say_profile(path, profile);
                        read_any = true;
                    }
                    None => {
                        let _ = writeln!(std::io::stderr(), "{}: {message}", path.display());
                    }
                }
                continue;
            }
        };
        let profile = in_folder.or_else(|| people_import::profile_from_archive(&bytes));
        if let Some(profile) = &profile {
            say_profile(path, profile);
            read_any = true;
        }
        let one = match people_import::import_bytes(&mut loaded.document, &bytes) {
            Err(_) if profile.is_some() => continue,
            Ok(one) if one.added + one.updated + one.skipped.len() == 0 && one.warnings.is_empty() => {
                let _ = writeln!(std::io::stderr(), "{}: no contacts in it", path.display());
                continue;
            }
            Ok(one) => one,
            Err(why) => {
                let _ = writeln!(std::io::stderr(), "{}: {why}", path.display());
                continue;
            }
        };
        read_any = true;
        let name = path.display();
        for warning in &one.warnings {
            let _ = writeln!(std::io::stderr(), "{name}: {warning}");
        }
        report.added += one.added;
        report.updated += one.updated;
        report.skipped.extend(one.skipped.into_iter().map(|why| format!("{name}: skipped {why}")));
    }
    if !read_any {
        return complain(format!("{}: not changed, no contacts file could be read", file.display()));
    }
    let changed = report.added + report.updated > 0;
    if changed && let Err(error) = storage::save(file, &loaded.document, Some(&loaded.stamp), BackupPolicy::Always) {
        return complain(error);
    }
    say(format!("added {}, updated {}, skipped {}", report.added, report.updated, report.skipped.len()));
    for line in &report.skipped {
        say(line);
    }
    ExitCode::SUCCESS
}

/// Says what of its owner's profile a LinkedIn export holds.
fn say_profile(path: &Path, profile: &crate::logic::linkedin_profile::LinkedInProfile) {
    // The command line speaks English, as its other commands do.
    say(format!(
        "{}: also your own profile: {} (File → Import… in the app offers it in Discover)",
        path.display(),
        profile.what_it_holds(crate::model::Language::En)
    ));
}

/// The bytes of a contacts file; for a folder (LinkedIn's export, unpacked), its
/// `Connections.csv`, whatever the case of its name.
fn read_contacts_file(path: &Path) -> Result<Vec<u8>, String> {
    if path.is_dir() {
        let found = std::fs::read_dir(path)
            .map_err(|error| error.to_string())?
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .find(|file| file.file_name().is_some_and(|name| name.eq_ignore_ascii_case("connections.csv")));
        return match found {
            Some(file) => read_small_file(&file),
            None => Err("a folder without Connections.csv (LinkedIn's export holds one)".to_owned()),
        };
    }
    read_small_file(path)
}

fn read_small_file(path: &Path) -> Result<Vec<u8>, String> {
    let size = std::fs::metadata(path).map_err(|error| error.to_string())?.len();
    if size > MAX_VCARD_BYTES {
        return Err(format!("{} MB is too large for a contacts file", size / (1024 * 1024)));
    }
    let bytes = std::fs::read(path).map_err(|error| error.to_string())?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("the file is empty".to_owned());
    }
    Ok(bytes)
}

/// `people export FILE -o OUT.vcf`.
pub(super) fn export(file: &Path, out: &Path) -> ExitCode {
    let loaded = match load(file) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let text = vcard::export(&loaded.document.people);
    match write_export(out, text.as_bytes()) {
        Ok(()) => {
            say(format!("wrote {} people to {}", loaded.document.people.len(), out.display()));
            ExitCode::SUCCESS
        }
        Err(message) => complain(message),
    }
}

/// One person as `people list --json` prints them.
#[derive(Serialize)]
struct PersonJson<'a> {
    id: &'a str,
    name: &'a str,
    organisation: &'a str,
    role: &'a str,
    email: &'a str,
    website: &'a str,
    /// "operational", "personal", "strategic"; null when not sorted into one yet.
    network: Option<String>,
    encounters: usize,
    first_met: Option<NaiveDate>,
}

/// `people list FILE [--json]`.
pub(super) fn list_people(file: &Path, json: bool) -> ExitCode {
    let document = match load(file) {
        Ok(loaded) => loaded.document,
        Err(code) => return code,
    };
    let people: Vec<PersonJson> = document
        .people
        .iter()
        .map(|contact| {
            let met: Vec<_> = document.encounters.iter().filter(|e| e.people.contains(&contact.id)).collect();
            PersonJson {
                id: &contact.id,
                name: &contact.name,
                organisation: &contact.organisation,
                role: &contact.role,
                email: &contact.email,
                website: &contact.website,
                network: contact.sorted_network().map(|network| format!("{network:?}").to_lowercase()),
                encounters: met.len(),
                first_met: met.iter().filter_map(|e| e.date).min(),
            }
        })
        .collect();
    if json {
        say(serde_json::to_string_pretty(&people).unwrap_or_default());
        return ExitCode::SUCCESS;
    }
    for person in &people {
        let about: Vec<&str> = [person.role, person.organisation].into_iter().filter(|s| !s.is_empty()).collect();
        let network = person.network.as_deref().unwrap_or("not in a network yet");
        let about = if about.is_empty() { String::new() } else { format!(" — {}", about.join(", ")) };
        say(format!("{}{about} ({network})", person.name));
    }
    ExitCode::SUCCESS
}

/// `events import FILE SOURCE [--event ID]`: an invitation adds or updates events (prints
/// `added ID`, `updated ID` or `older ID` for each); an attendee list joins the event
/// `--event ID` (prints `linked N, to find out N, already there N, left out N`, and who was
/// left out). Saves FILE (with a backup) when anything changed. Exit 2 for an attendee list
/// without `--event`.
pub(super) fn import_event_file(file: &Path, source: &Path, event: Option<&str>) -> ExitCode {
    let mut loaded = match load(file) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let text = match read_small_file(source) {
        Ok(bytes) => vcard::decode(&bytes),
        Err(message) => return complain(format!("{}: {message}", source.display())),
    };
    let mut said = Vec::new();
    let changed = match crate::logic::invitations::read(&text) {
        Ok(events) => {
            let report = crate::logic::invitations::import(&mut loaded.document, events);
            for (what, ids) in [("added", &report.added), ("updated", &report.updated), ("older", &report.older)] {
                said.extend(ids.iter().map(|id| format!("{what} {id}")));
            }
            !(report.added.is_empty() && report.updated.is_empty())
        }
        Err(not_an_invitation) => {
            let list = match crate::logic::attendee_lists::read(&text) {
                Ok(list) => list,
                Err(not_a_list) => {
                    return complain(format!("{}: {not_an_invitation}; {not_a_list}", source.display()));
                }
            };
            let Some(event) = event else {
                let _ = writeln!(std::io::stderr(), "{}: an attendee list needs --event ID", source.display());
                return ExitCode::from(2);
            };
            let Some(report) = crate::logic::attendee_lists::add_to_event(&mut loaded.document, event, list) else {
                let ids: Vec<&str> = loaded.document.events.iter().map(|e| e.id.as_str()).collect();
                return complain(format!("{}: no event {event} (there are: {})", file.display(), ids.join(", ")));
            };
            said.push(format!(
                "linked {}, to find out {}, already there {}, left out {}",
                report.linked,
                report.to_find_out,
                report.already,
                report.left_out.len()
            ));
            said.extend(report.left_out.iter().map(|who| format!("left out {who}")));
            report.linked + report.to_find_out > 0
        }
    };
    if changed && let Err(error) = storage::save(file, &loaded.document, Some(&loaded.stamp), BackupPolicy::Always) {
        return complain(error);
    }
    for line in said {
        say(line);
    }
    ExitCode::SUCCESS
}

/// `remind FILE [--at HOUR | --off]`.
pub(super) fn remind(file: &Path, hour: u8, off: bool) -> ExitCode {
    if off {
        return match crate::morning::remove() {
            Ok(()) => {
                say("no more morning digest");
                ExitCode::SUCCESS
            }
            Err(why) => complain(why),
        };
    }
    if let Err(code) = load(file) {
        return code;
    }
    match crate::morning::install(file, hour) {
        Ok((crate::morning::Installed::Timer, path)) => {
            say(format!("the digest comes each day at {hour:02}:00 (systemd timer {})", path.display()));
            ExitCode::SUCCESS
        }
        Ok((crate::morning::Installed::Autostart, path)) => {
            say(format!("the digest comes each time you log in (no systemd user manager here; {})", path.display()));
            ExitCode::SUCCESS
        }
        Err(why) => complain(why),
    }
}

/// One event as `events list --json` prints it.
#[derive(Serialize)]
struct EventJson<'a> {
    id: &'a str,
    name: &'a str,
    starts: Option<chrono::NaiveDateTime>,
    time_zone: &'a str,
    place: &'a str,
    attendees: Vec<String>,
    to_meet: Vec<String>,
}

/// `events list FILE [--json]`: the soonest first, those without a time last.
pub(super) fn list_events(file: &Path, json: bool) -> ExitCode {
    let document = match load(file) {
        Ok(loaded) => loaded.document,
        Err(code) => return code,
    };
    let name_of = |attendee: &crate::model::Attendee| match attendee {
        crate::model::Attendee::Contact(id) => document.contact(id).map_or_else(|| id.clone(), |c| c.name.clone()),
        crate::model::Attendee::ToFindOut(who) => who.clone(),
    };
    let mut events: Vec<&Event> = document.events.iter().collect();
    events.sort_by_key(|event| (event.starts.is_none(), event.starts));
    let listed: Vec<EventJson> = events
        .iter()
        .map(|event| EventJson {
            id: &event.id,
            name: &event.name,
            starts: event.starts,
            time_zone: &event.time_zone,
            place: &event.place,
            attendees: event.attendees.iter().map(name_of).collect(),
            to_meet: event.to_meet.iter().filter_map(|meeting| meeting.who.as_ref()).map(name_of).collect(),
        })
        .collect();
    if json {
        say(serde_json::to_string_pretty(&listed).unwrap_or_default());
        return ExitCode::SUCCESS;
    }
    for event in &listed {
        let when =
            event.starts.map_or_else(|| "(no date)       ".to_owned(), |s| s.format("%Y-%m-%d %H:%M").to_string());
        let place = if event.place.is_empty() { String::new() } else { format!(" — {}", event.place) };
        say(format!("{when}  {}{place}", event.name));
    }
    ExitCode::SUCCESS
}

/// Writes an export atomically (a temporary file beside it, then a rename).
fn write_export(out: &Path, bytes: &[u8]) -> Result<(), String> {
    storage::write_atomically(out, bytes).map_err(|error| storage::write_failure(out, &error))
}

/// One follow-up as `--json` prints it.
#[derive(Serialize)]
struct FollowUpJson<'a> {
    id: &'a str,
    person: Option<&'a str>,
    text: &'a str,
    due: Option<NaiveDate>,
    done: bool,
    overdue: bool,
}

/// `followups FILE [--ics OUT] [--json]`: the open follow-ups, overdue first.
pub(super) fn followups(file: &Path, ics: Option<&Path>, json: bool, notify: bool, today: NaiveDate) -> ExitCode {
    let loaded = match load(file) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let document = &loaded.document;
    let agenda = network::agenda(document, today);
    let open: Vec<&FollowUp> = agenda.all().collect();
    if let Some(out) = ics {
        let events: Vec<&Event> = document.events.iter().collect();
        let now = chrono::Utc::now().naive_utc();
        if let Err(message) = write_export(out, calendar::export(document, &events, &open, now).as_bytes()) {
            return complain(message);
        }
    }
    if json {
        let items: Vec<FollowUpJson> = open
            .iter()
            .map(|follow_up| FollowUpJson {
                id: &follow_up.id,
                person: person_name(document, follow_up),
                text: &follow_up.text,
                due: follow_up.due,
                done: follow_up.done,
                overdue: network::is_overdue(follow_up, today),
            })
            .collect();
        match serde_json::to_string_pretty(&items) {
            Ok(text) => say(text),
            Err(error) => return complain(error),
        }
    } else if open.is_empty() {
        say("no open follow-ups");
    } else {
        for follow_up in &open {
            say(follow_up_line(document, follow_up, today));
        }
    }
    if let Some(out) = ics {
        let _ = writeln!(std::io::stderr(), "wrote {} follow-ups and the events to {}", open.len(), out.display());
    }
    if notify {
        let language = document.language;
        match crate::logic::digest::digest(document, today, language) {
            None => {
                let _ = writeln!(std::io::stderr(), "nothing due today: no notification");
            }
            Some(digest) => {
                let open = crate::i18n::tr(language, crate::i18n::Tr::DigestOpen);
                if let Err(why) = super::notify::send(&digest, open, file) {
                    return complain(why);
                }
                let _ = writeln!(std::io::stderr(), "notified: {}", digest.title);
            }
        }
    }
    ExitCode::SUCCESS
}

fn person_name<'a>(document: &'a BrandDocument, follow_up: &'a FollowUp) -> Option<&'a str> {
    let id = follow_up.person.as_deref()?;
    Some(document.contact(id).map_or(id, |contact| contact.name.as_str()))
}

/// `2026-11-26  overdue  Send Daan the figures (Daan Visser)`.
fn follow_up_line(document: &BrandDocument, follow_up: &FollowUp, today: NaiveDate) -> String {
    let due = follow_up.due.map_or_else(|| "no date   ".to_owned(), |day| day.to_string());
    let state = match follow_up.due {
        _ if network::is_overdue(follow_up, today) => "overdue",
        Some(day) if day == today => "today",
        _ => "open",
    };
    match person_name(document, follow_up) {
        Some(name) => format!("{due}  {state:<7}  {} ({name})", follow_up.text),
        None => format!("{due}  {state:<7}  {}", follow_up.text),
    }
}

/// What `brief` is asked to make.
pub(super) struct BriefRequest<'a> {
    /// The document.
    pub file: &'a Path,
    /// `--event`.
    pub event: Option<&'a str>,
    /// `--paper`.
    pub paper: Option<crate::model::Paper>,
    /// `-o`.
    pub out: &'a Path,
    /// The day "next" is counted from.
    pub today: NaiveDate,
}

/// `brief`: the one-page event brief as PDF. Nothing is written when the document fails to
/// load or has no such event.
pub(super) fn brief(request: BriefRequest<'_>) -> ExitCode {
    let loaded = match load(request.file) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let document = &loaded.document;
    let event = match request.event {
        Some(id) => match document.event(id) {
            Some(event) => event,
            None => {
                let known: Vec<&str> = document.events.iter().map(|event| event.id.as_str()).collect();
                let known =
                    if known.is_empty() { "it has none".to_owned() } else { format!("it has {}", known.join(", ")) };
                return complain(format!("{}: no event `{id}` ({known})", request.file.display()));
            }
        },
        None => match network::next_event(document, request.today) {
            Some(event) => event,
            None => return complain(format!("{}: no event to brief; add one first", request.file.display())),
        },
    };
    let paper = request.paper.unwrap_or(document.card.paper);
    let made = pitchcraft_card::Brief::make(document, event, paper).and_then(|brief| Ok((brief.pdf()?, brief)));
    let (pdf, brief) = match made {
        Ok(made) => made,
        Err(error) => return complain(format!("{}: {error}", request.file.display())),
    };
    if let Err(message) = write_export(request.out, &pdf) {
        return complain(message);
    }
    for omission in brief.omitted() {
        let text = crate::i18n::tr(document.language, omission.describe());
        let _ = writeln!(std::io::stderr(), "left out to fit one page: {text}");
    }
    say(format!("wrote the brief for {} to {}", brief.content().event, request.out.display()));
    ExitCode::SUCCESS
}
