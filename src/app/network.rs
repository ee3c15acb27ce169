//! The network's files from the app: contacts in (vCard), people out (vCard), follow-ups
//! and events out (iCalendar). Import is one undoable edit; exports are written atomically.

use std::path::{Path, PathBuf};

use super::{NoticeLevel, Picked, PitchcraftApp};
use crate::command::{Command, DocEdit, NetworkFile};
use crate::i18n::{Tr, fill};
use crate::logic::people_merge::ImportWarning;
use crate::logic::{attendee_lists, calendar, invitations, network, people_import, vcard};
use crate::state::{PathPurpose, Prompt};

/// vCard files larger than this are refused (an address book of 100,000 cards is smaller).
const MAX_VCARD_BYTES: u64 = 64 * 1024 * 1024;

impl PitchcraftApp {
    /// Asks which file to import, or where to export.
    pub(super) fn ask_network_file(&mut self, what: NetworkFile) {
        let Some(session) = &self.session else { return };
        let stem = session.suggested_file_name().trim_end_matches(crate::storage::FILE_SUFFIX).to_owned();
        let picked = match what {
            NetworkFile::ImportContacts => self.dialogs.open_contacts(self.tr(Tr::NetImportContacts)),
            NetworkFile::Import => self.dialogs.open_contacts(self.tr(Tr::MenuImport)),
            NetworkFile::ImportAttendees => self.dialogs.open_contacts(self.tr(Tr::NetImportAttendees)),
            NetworkFile::ExportContacts => {
                self.dialogs.save_export(self.tr(Tr::NetExportContacts), &format!("{stem}.people.vcf"), "vcf")
            }
            NetworkFile::ExportCalendar => {
                self.dialogs.save_export(self.tr(Tr::NetExportCalendar), &format!("{stem}.ics"), "ics")
            }
        };
        match picked {
            Picked::Path(path) => self.queue.push(Command::NetworkFileAt(what, path)),
            Picked::Cancelled => {}
            Picked::Unavailable => {
                let text = std::env::current_dir().map(|dir| dir.display().to_string()).unwrap_or_default();
                self.prompt = Some(Prompt::TypePath { purpose: PathPurpose::Network(what), text });
            }
        }
    }

    /// Imports from, or exports to, `path`.
    pub(super) fn network_file_at(&mut self, what: NetworkFile, path: &Path, now: f64) {
        self.prompt = None;
        match what {
            NetworkFile::ImportContacts | NetworkFile::ImportAttendees => self.import_contacts(path, now),
            NetworkFile::Import => {
                // Anything else named is taken for contacts, and said so when it is none.
                if incoming(path) == Some(Incoming::Invitation) {
                    self.import_invitation(path, now);
                } else {
                    self.import_contacts(path, now);
                }
            }
            NetworkFile::ExportContacts | NetworkFile::ExportCalendar => {
                let Some(session) = &self.session else { return };
                let document = &session.document;
                let text = if what == NetworkFile::ExportContacts {
                    vcard::export(&document.people)
                } else {
                    let today = self.today();
                    let events: Vec<_> = document.events.iter().collect();
                    let open: Vec<_> = network::agenda(document, today).all().collect();
                    calendar::export(document, &events, &open, chrono::Utc::now().naive_utc())
                };
                match crate::storage::write_atomically(path, text.as_bytes()) {
                    Ok(()) => {
                        let text = fill(self.tr(Tr::NoticeExported), &[("path", &path.display())]);
                        self.notify(NoticeLevel::Info, text);
                    }
                    Err(error) => {
                        let text = self.write_failure_text(path, &error);
                        self.notify(NoticeLevel::Warning, text);
                    }
                }
            }
        }
    }

    fn import_contacts(&mut self, path: &Path, now: f64) {
        let file = path.file_name().map_or_else(|| path.display().to_string(), |name| name.to_string_lossy().into());
        let read = read_limited(path, "a contacts file");
        let bytes = match read {
            Ok(bytes) => bytes,
            Err(error) => {
                let text = fill(self.tr(Tr::NoticeContactsUnreadable), &[("file", &file), ("error", &error)]);
                self.notify(NoticeLevel::Warning, text);
                return;
            }
        };
        // An attendee list goes to the event open on the Network page.
        if !bytes.starts_with(b"PK")
            && let Ok(list) = attendee_lists::read(&vcard::decode(&bytes))
        {
            self.import_attendees(&file, list, now);
            return;
        }
        // LinkedIn's archive also holds its owner's profile: suggestions for Discover.
        let profile = people_import::profile_from_archive(&bytes);
        let Some(session) = &mut self.session else { return };
        let opening = session.opening();
        // Done on a copy, then applied as one edit, so Undo takes the whole import back.
        let mut imported = session.document.clone();
        match people_import::import_bytes(&mut imported, &bytes) {
            Ok(report) => {
                if report.added + report.updated > 0 {
                    session.apply(DocEdit::step(move |document| *document = imported), now);
                }
                self.say_contacts_imported(&file, &report);
            }
            // An archive of the profile alone (no connections asked for) is no failure.
            Err(_) if profile.is_some() => {}
            Err(error) => {
                let text = fill(self.tr(Tr::NoticeContactsUnreadable), &[("file", &file), ("error", &error)]);
                self.notify(NoticeLevel::Warning, text);
                return;
            }
        }
        if let Some(profile) = profile {
            let parts = profile.what_it_holds(self.settings.language);
            let text = fill(self.tr(Tr::NoticeLinkedInProfile), &[("parts", &parts)]);
            self.discover.linkedin = Some((opening, profile));
            self.discover.all_linkedin_skills = false;
            self.discover.recommendation_skill.clear();
            self.notify(NoticeLevel::Info, text);
        }
    }

    /// Adds an attendee list to the event in view on the Network page (one undoable edit),
    /// or says to open the event first.
    fn import_attendees(&mut self, file: &str, list: attendee_lists::AttendeeList, now: f64) {
        let Some(session) = &mut self.session else { return };
        // Only the event in view: one looked at earlier may not be the one the list is of.
        let in_view =
            self.page == crate::state::Page::Network && self.network.tab == crate::ui::network::NetworkTab::Events;
        let open =
            self.network.event.clone().filter(|id| in_view && session.document.events.iter().any(|e| &e.id == id));
        let Some(event_id) = open else {
            self.page = crate::state::Page::Network;
            self.network.tab = crate::ui::network::NetworkTab::Events;
            let text = fill(self.tr(Tr::NoticeAttendeesNeedEvent), &[("file", &file)]);
            self.notify(NoticeLevel::Warning, text);
            return;
        };
        let mut imported = session.document.clone();
        let Some(report) = attendee_lists::add_to_event(&mut imported, &event_id, list) else { return };
        let event = imported.events.iter().find(|e| e.id == event_id).map(|e| e.name.clone()).unwrap_or_default();
        if report.linked + report.to_find_out > 0 {
            session.apply(DocEdit::step(move |document| *document = imported), now);
        }
        self.page = crate::state::Page::Network;
        self.network.tab = crate::ui::network::NetworkTab::Events;
        let args: [(&str, &dyn std::fmt::Display); 5] = [
            ("file", &file),
            ("event", &event),
            ("linked", &report.linked),
            ("to_find_out", &report.to_find_out),
            ("left_out", &report.left_out.len()),
        ];
        let text = fill(self.tr(Tr::NoticeAttendeesImported), &args);
        self.notify(NoticeLevel::Info, text);
    }

    /// Says what a contacts import did, and warns of a file cut off.
    fn say_contacts_imported(&mut self, file: &str, report: &crate::logic::people_merge::ImportReport) {
        let args: [(&str, &dyn std::fmt::Display); 4] = [
            ("file", &file as &dyn std::fmt::Display),
            ("added", &report.added),
            ("updated", &report.updated),
            ("skipped", &report.skipped.len()),
        ];
        let text = fill(self.tr(Tr::NoticeContactsImported), &args);
        self.notify(NoticeLevel::Info, text);
        for warning in &report.warnings {
            let text = match warning {
                ImportWarning::CutOff(name) => {
                    fill(self.tr(Tr::NoticeContactsCutOff), &[("file", &file), ("name", name)])
                }
                ImportWarning::ArchiveCutShort => fill(self.tr(Tr::NoticeArchiveCutShort), &[("file", &file)]),
            };
            self.notify(NoticeLevel::Warning, text);
        }
    }

    /// Files dropped on the window that are no brand documents: an invitation becomes an
    /// event, contacts join the people. Returns the paths left to open as documents.
    pub(super) fn take_in_dropped(&mut self, paths: Vec<PathBuf>, now: f64) -> Vec<PathBuf> {
        if self.session.is_none() {
            return paths;
        }
        let mut documents = Vec::new();
        for path in paths {
            match incoming(&path) {
                Some(Incoming::Invitation) => self.import_invitation(&path, now),
                Some(Incoming::Contacts) => self.import_contacts(&path, now),
                None => documents.push(path),
            }
        }
        documents
    }

    /// Adds (or updates) the events of an invitation, as one undoable edit, and shows them.
    fn import_invitation(&mut self, path: &Path, now: f64) {
        let file = path.file_name().map_or_else(|| path.display().to_string(), |name| name.to_string_lossy().into());
        let read = read_limited(path, "an invitation").and_then(|bytes| invitations::read(&vcard::decode(&bytes)));
        let events = match read {
            Ok(events) => events,
            Err(error) => {
                let text = fill(self.tr(Tr::NoticeInvitationUnreadable), &[("file", &file), ("error", &error)]);
                self.notify(NoticeLevel::Warning, text);
                return;
            }
        };
        let Some(session) = &mut self.session else { return };
        let mut imported = session.document.clone();
        let report = invitations::import(&mut imported, events);
        if !(report.added.is_empty() && report.updated.is_empty()) {
            session.apply(DocEdit::step(move |document| *document = imported), now);
        }
        let args: [(&str, &dyn std::fmt::Display); 3] =
            [("file", &file), ("added", &report.added.len()), ("updated", &report.updated.len())];
        let text = fill(self.tr(Tr::NoticeInvitationImported), &args);
        self.notify(NoticeLevel::Info, text);
        if let Some(id) = report.added.first().or(report.updated.first()) {
            self.page = crate::state::Page::Network;
            self.network.tab = crate::ui::network::NetworkTab::Events;
            self.network.event = Some(id.clone());
        }
    }
}

/// A file's bytes, refused beyond 64 MB (no contacts file or invitation is near that), the
/// error in words ("… is too large for a contacts file").
fn read_limited(path: &Path, what: &str) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|error| error.to_string())?;
    if meta.len() > MAX_VCARD_BYTES {
        return Err(format!("{} MB is too large for {what}", meta.len() / (1024 * 1024)));
    }
    std::fs::read(path).map_err(|error| error.to_string())
}

/// What a file that comes in is, by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Incoming {
    Invitation,
    Contacts,
}

/// An invitation (`.ics`), contacts (vCard, CSV, LinkedIn's zip), or neither (a document).
fn incoming(path: &Path) -> Option<Incoming> {
    let extension = path.extension().map(|x| x.to_string_lossy().to_lowercase()).unwrap_or_default();
    match extension.as_str() {
        "ics" => Some(Incoming::Invitation),
        "vcf" | "vcard" | "csv" | "zip" => Some(Incoming::Contacts),
        _ => None,
    }
}
