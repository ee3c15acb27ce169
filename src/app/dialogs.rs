//! Open and save dialogs behind a small trait, so tests can answer them.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What a file dialog gave back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    /// The user chose this path.
    Path(PathBuf),
    /// The user closed the dialog.
    Cancelled,
    /// No dialog could be shown (no desktop portal); the app asks for a path itself.
    Unavailable,
}

/// The dialogs the app needs.
pub trait FileDialogs {
    /// Asks for a brand document to open.
    fn open_document(&mut self, title: &str) -> Picked;
    /// Asks where to save, suggesting a file name.
    fn save_document(&mut self, title: &str, suggested_name: &str) -> Picked;
    /// Asks where to save an export (the card) with the given file name ending.
    fn save_export(&mut self, title: &str, suggested_name: &str, extension: &str) -> Picked;
    /// Asks for a file to import: contacts (vCard, CSV, LinkedIn's archive) or an invitation.
    fn open_contacts(&mut self, title: &str) -> Picked;
}

/// The desktop's own dialogs through `rfd` (the xdg portal on Linux).
#[derive(Default)]
pub struct SystemDialogs;

/// A dialog that "answers" faster than a person can is one that never appeared: rfd
/// returns at once when no portal runs.
const TOO_FAST_FOR_A_PERSON: Duration = Duration::from_millis(150);

fn ask(show: impl FnOnce() -> Option<PathBuf>) -> Picked {
    #[cfg(target_os = "linux")]
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
        return Picked::Unavailable;
    }
    let started = Instant::now();
    match show() {
        Some(path) => Picked::Path(path),
        None if started.elapsed() < TOO_FAST_FOR_A_PERSON => Picked::Unavailable,
        None => Picked::Cancelled,
    }
}

impl FileDialogs for SystemDialogs {
    fn open_document(&mut self, title: &str) -> Picked {
        ask(|| rfd::FileDialog::new().set_title(title).add_filter("Pitchcraft", &["ron"]).pick_file())
    }

    fn save_document(&mut self, title: &str, suggested_name: &str) -> Picked {
        ask(|| {
            let mut dialog = rfd::FileDialog::new()
                .set_title(title)
                .add_filter("Pitchcraft", &["ron"])
                .set_file_name(suggested_name);
            // Save As starts in the person's documents folder.
            if let Some(documents) = crate::identity::documents_dir().filter(|dir| dir.is_dir()) {
                dialog = dialog.set_directory(documents);
            }
            dialog.save_file()
        })
        .with_brand_suffix()
    }

    fn open_contacts(&mut self, title: &str) -> Picked {
        ask(|| {
            rfd::FileDialog::new()
                .set_title(title)
                .add_filter("Contacts and invitations", &["vcf", "vcard", "csv", "zip", "ics"])
                .add_filter("vCard", &["vcf", "vcard"])
                .add_filter("CSV (LinkedIn, Google, Outlook)", &["csv"])
                .add_filter("Invitation (iCalendar)", &["ics"])
                .pick_file()
        })
    }

    fn save_export(&mut self, title: &str, suggested_name: &str, extension: &str) -> Picked {
        ask(|| {
            rfd::FileDialog::new()
                .set_title(title)
                .add_filter(extension.to_uppercase(), &[extension])
                .set_file_name(suggested_name)
                .save_file()
        })
    }
}

impl Picked {
    /// A name typed without an ending gets `.brand.ron`.
    pub fn with_brand_suffix(self) -> Self {
        match self {
            Picked::Path(path) => Picked::Path(crate::storage::with_brand_suffix(path)),
            other => other,
        }
    }
}

/// Dialogs answered from a queue, for tests. Clones share the queue.
#[derive(Clone, Default)]
pub struct ScriptedDialogs {
    answers: Arc<Mutex<VecDeque<Picked>>>,
}

impl ScriptedDialogs {
    /// Queues the answer of the next dialog.
    pub fn answer(&self, picked: Picked) {
        if let Ok(mut answers) = self.answers.lock() {
            answers.push_back(picked);
        }
    }

    /// How many queued answers are left.
    pub fn remaining(&self) -> usize {
        self.answers.lock().map_or(0, |answers| answers.len())
    }

    fn next(&self) -> Picked {
        self.answers.lock().ok().and_then(|mut answers| answers.pop_front()).unwrap_or(Picked::Cancelled)
    }
}

impl FileDialogs for ScriptedDialogs {
    fn open_document(&mut self, _title: &str) -> Picked {
        self.next()
    }

    fn save_document(&mut self, _title: &str, _suggested_name: &str) -> Picked {
        self.next().with_brand_suffix()
    }

    fn open_contacts(&mut self, _title: &str) -> Picked {
        self.next()
    }

    fn save_export(&mut self, _title: &str, _suggested_name: &str, _extension: &str) -> Picked {
        self.next()
    }
}
