//! The open document and everything about its life in the app: where it lives on disk,
//! undo history, which edits are saved, and whether a save is running or failed.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::DocEdit;
use crate::logic::undo::UndoHistory;
use crate::model::BrandDocument;
use crate::storage::{BackupPolicy, DiskStamp, FILE_SUFFIX, SaveJob};

/// Seconds after the last edit before an autosave.
pub const AUTOSAVE_DELAY: f64 = 1.5;

/// After the first save of a session, a new backup at most this often.
const BACKUP_INTERVAL: Duration = Duration::from_secs(10 * 60);

/// Seconds before a failed save is tried again: 5, 10, 20, 40, then every minute. A full
/// disk may get room, a network folder may come back; trying every frame would only burn
/// the battery.
fn retry_delay(failures: u32) -> f64 {
    (5.0 * 2f64.powi(failures.saturating_sub(1).min(6) as i32)).min(60.0)
}

/// Where the open document came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Read from its file.
    File,
    /// Started empty.
    New,
    /// A copy of the built-in sample.
    Sample,
    /// A copy of a backup of this file.
    Backup(PathBuf),
}

/// The save state, as the status bar shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Everything is on disk.
    Saved,
    /// Edits wait for the autosave (or, untitled, for Save As).
    Unsaved,
    /// A save is running.
    Saving,
    /// The last save failed; the message says why.
    Failed(String),
}

/// The open document.
pub struct Session {
    /// The document being edited.
    pub document: BrandDocument,
    path: Option<PathBuf>,
    stamp: Option<DiskStamp>,
    /// Where it came from.
    pub origin: Origin,
    history: UndoHistory<BrandDocument>,
    generation: u64,
    saved_generation: u64,
    last_edit: f64,
    saving: bool,
    failure: Option<String>,
    /// Autosave waits after a conflict until the next edit or explicit save.
    autosave_paused: bool,
    /// Failed writes in a row, and when the next try is due (seconds).
    failures: u32,
    retry_at: f64,
    /// The backups fail (a nearly full disk): said once, until one works again.
    backup_failing: bool,
    saves: u32,
    /// Which opening of a document this is (each session its own number): views that keep
    /// state between frames, such as a step's scroll position, key it by this, so that
    /// another document's steps open at their top.
    opening: u64,
}

/// The number of the next session.
static OPENINGS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Session {
    /// A document without a file.
    pub fn untitled(document: BrandDocument, origin: Origin) -> Self {
        Self {
            document,
            path: None,
            stamp: None,
            origin,
            history: UndoHistory::default(),
            generation: 0,
            saved_generation: 0,
            last_edit: 0.0,
            saving: false,
            failure: None,
            autosave_paused: false,
            failures: 0,
            retry_at: 0.0,
            backup_failing: false,
            saves: 0,
            opening: OPENINGS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// A document just read from `path`.
    /// Which opening of a document this is (see the field).
    pub fn opening(&self) -> u64 {
        self.opening
    }

    pub fn from_file(path: PathBuf, document: BrandDocument, stamp: DiskStamp) -> Self {
        Self { path: Some(path), stamp: Some(stamp), ..Self::untitled(document, Origin::File) }
    }

    /// The file, if the document has one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The window title: the person's name or the file name, and a dot for unsaved edits.
    pub fn title(&self, untitled: &str) -> String {
        let name = match (&self.path, self.document.person.name.trim()) {
            (_, name) if !name.is_empty() => name.to_owned(),
            (Some(path), _) => path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            (None, _) => untitled.to_owned(),
        };
        let dot = if self.is_dirty() { " •" } else { "" };
        format!("{name}{dot} — Pitchcraft")
    }

    /// A file name to suggest in Save As: from the person's name, or "my-brand".
    pub fn suggested_file_name(&self) -> String {
        let slug: String = self
            .document
            .person
            .name
            .to_lowercase()
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        let slug: Vec<&str> = slug.split('-').filter(|part| !part.is_empty()).collect();
        let stem = if slug.is_empty() { "my-brand".to_owned() } else { slug.join("-") };
        format!("{stem}{FILE_SUFFIX}")
    }

    /// Applies an edit and records it for undo. `now` is in seconds.
    pub fn apply(&mut self, edit: DocEdit, now: f64) {
        self.history.record(&self.document, edit.key, now);
        edit.apply(&mut self.document);
        self.touched(now);
    }

    /// Takes back the last edit.
    pub fn undo(&mut self, now: f64) -> bool {
        let undone = self.history.undo(&mut self.document);
        if undone {
            self.touched(now);
        }
        undone
    }

    /// Redoes the last undone edit.
    pub fn redo(&mut self, now: f64) -> bool {
        let redone = self.history.redo(&mut self.document);
        if redone {
            self.touched(now);
        }
        redone
    }

    fn touched(&mut self, now: f64) {
        self.generation += 1;
        self.last_edit = now;
        self.autosave_paused = false;
    }

    /// True when undo would do something.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// True when redo would do something.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// True when there are edits that are not on disk.
    pub fn is_dirty(&self) -> bool {
        self.generation != self.saved_generation
    }

    /// The state for the status bar.
    pub fn status(&self) -> SaveStatus {
        if self.saving {
            SaveStatus::Saving
        } else if let Some(message) = &self.failure {
            SaveStatus::Failed(message.clone())
        } else if self.is_dirty() {
            SaveStatus::Unsaved
        } else {
            SaveStatus::Saved
        }
    }

    /// Seconds until the autosave is due: `Some(0.0)` means now, `None` means no
    /// autosave is pending (untitled, clean, already saving, or paused).
    pub fn autosave_due_in(&self, now: f64) -> Option<f64> {
        if self.path.is_none() || !self.is_dirty() || self.saving || self.autosave_paused {
            return None;
        }
        Some(((self.last_edit + AUTOSAVE_DELAY).max(self.retry_at) - now).max(0.0))
    }

    /// The save of the current state, for the save worker. `force` overwrites whatever
    /// is on disk now (the user chose "overwrite" in a conflict).
    pub fn save_job(&mut self, text: String, force: bool) -> Option<SaveJob> {
        let path = self.path.clone()?;
        let expected = if force { DiskStamp::of_path(&path) } else { self.stamp.clone() };
        let backups = if self.saves == 0 { BackupPolicy::Always } else { BackupPolicy::IfOlderThan(BACKUP_INTERVAL) };
        self.saving = true;
        Some(SaveJob { path, text, expected, backups, generation: self.generation, replace: false })
    }

    /// The save of the current state to a file the person chose (Save As).
    pub fn save_as_job(&mut self, path: PathBuf, text: String) -> SaveJob {
        self.saving = true;
        SaveJob {
            path,
            text,
            expected: None,
            backups: BackupPolicy::Always,
            generation: self.generation,
            replace: true,
        }
    }

    /// Save As of `generation` wrote `path`: the document lives there now.
    pub fn saved_as(&mut self, path: PathBuf, generation: u64, stamp: DiskStamp) {
        self.moved_to(path, stamp);
        // Edits made while the save ran are not in the file yet.
        self.saved_generation = generation;
    }

    /// Save As did not happen: the document stays where it was, with its edits.
    pub fn save_as_failed(&mut self) {
        self.saving = false;
    }

    /// Records a finished save of `path` at `generation`.
    pub fn saved(&mut self, path: &Path, generation: u64, stamp: DiskStamp) {
        if self.path.as_deref() != Some(path) {
            return;
        }
        self.saving = false;
        self.failure = None;
        self.failures = 0;
        self.retry_at = 0.0;
        self.stamp = Some(stamp);
        self.saved_generation = self.saved_generation.max(generation);
        self.saves += 1;
    }

    /// Records a failed save at `now`. A conflict (`message` is `None`) waits for the
    /// person's answer; a failed write is tried again by itself, later each time. Returns
    /// true when the problem is new, so that the person is told once, not at every try.
    pub fn save_failed(&mut self, path: &Path, message: Option<String>, now: f64) -> bool {
        if self.path.as_deref() != Some(path) {
            return false;
        }
        self.saving = false;
        let new = message.is_some() && message != self.failure;
        match message {
            None => self.autosave_paused = true,
            Some(_) => {
                self.failures += 1;
                self.retry_at = now + retry_delay(self.failures);
            }
        }
        self.failure = message;
        new
    }

    /// Takes in how the backup of a save went; returns the problem when the person has
    /// not been told of a failing backup yet. A failed backup never stops the save.
    pub fn backup_result(&mut self, problem: Option<String>) -> Option<String> {
        let was_failing = std::mem::replace(&mut self.backup_failing, problem.is_some());
        problem.filter(|_| !was_failing)
    }

    /// The document now lives at `path` (after Save As, a copy, or a new file).
    pub fn moved_to(&mut self, path: PathBuf, stamp: DiskStamp) {
        self.path = Some(path);
        self.stamp = Some(stamp);
        self.origin = Origin::File;
        self.saved_generation = self.generation;
        self.saving = false;
        self.failure = None;
        self.failures = 0;
        self.retry_at = 0.0;
        self.autosave_paused = false;
        self.saves += 1;
    }

    /// Forgets that there are unsaved edits (the user chose to discard them).
    pub fn discard_changes(&mut self) {
        self.saved_generation = self.generation;
        self.autosave_paused = true;
    }

    /// True when the file was changed on disk by someone else.
    pub fn changed_on_disk(&self) -> bool {
        match (&self.path, &self.stamp) {
            (Some(path), Some(stamp)) => stamp.changed_on_disk(path),
            _ => false,
        }
    }

    /// True while a save of this session runs.
    pub fn is_saving(&self) -> bool {
        self.saving
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logic::undo::EditKey;

    fn rename(name: &'static str) -> DocEdit {
        DocEdit::typing(EditKey::of("name"), move |document| document.person.name = name.to_owned())
    }

    #[test]
    fn autosave_waits_for_a_pause_in_typing() {
        let mut session = Session::untitled(BrandDocument::default(), Origin::New);
        session.apply(rename("S"), 10.0);
        assert_eq!(session.autosave_due_in(10.0), None, "untitled documents have no autosave");
        session.path = Some("/tmp/x.brand.ron".into());
        assert_eq!(session.autosave_due_in(10.5), Some(1.0));
        session.apply(rename("Sa"), 11.0);
        assert_eq!(session.autosave_due_in(12.0), Some(0.5));
        assert_eq!(session.autosave_due_in(13.0), Some(0.0));
    }

    #[test]
    fn a_save_marks_only_what_it_saved() {
        let mut session = Session::untitled(BrandDocument::default(), Origin::New);
        let path = PathBuf::from("/tmp/x.brand.ron");
        session.path = Some(path.clone());
        session.apply(rename("S"), 1.0);
        let job = session.save_job(String::new(), false).unwrap();
        assert_eq!(session.status(), SaveStatus::Saving);
        session.apply(rename("Sa"), 1.2);
        session.saved(&path, job.generation, DiskStamp::of_file_contents(&path, b""));
        assert!(session.is_dirty(), "the edit made during the save is not saved yet");
        assert_eq!(session.status(), SaveStatus::Unsaved);
    }

    #[test]
    fn a_failed_save_pauses_autosave_until_the_next_edit() {
        let mut session = Session::untitled(BrandDocument::default(), Origin::New);
        let path = PathBuf::from("/tmp/x.brand.ron");
        session.path = Some(path.clone());
        session.apply(rename("S"), 1.0);
        let _ = session.save_job(String::new(), false);
        assert!(session.save_failed(&path, Some("disk full".into()), 2.0));
        assert_eq!(session.status(), SaveStatus::Failed("disk full".into()));
        assert!(session.is_dirty());
        // Tried again by itself 5 s later; an edit meanwhile does not make it sooner.
        assert_eq!(session.autosave_due_in(5.0), Some(2.0));
        session.apply(rename("Sa"), 6.0);
        assert_eq!(session.autosave_due_in(6.0), Some(1.5));
        // The same problem again: not news, and the next try waits longer.
        let _ = session.save_job(String::new(), false);
        assert!(!session.save_failed(&path, Some("disk full".into()), 7.0));
        assert_eq!(session.autosave_due_in(7.0), Some(10.0));
        for (failure, at) in (3..12).zip(20..) {
            let _ = session.save_job(String::new(), false);
            session.save_failed(&path, Some("disk full".into()), at as f64);
            assert!(session.autosave_due_in(at as f64).unwrap() <= 60.0, "try {failure}");
        }
        assert_eq!(session.autosave_due_in(28.0), Some(60.0));
        // Room again: saved, and autosave is back to its usual pace.
        let generation = session.generation;
        let stamp = crate::storage::DiskStamp::of_file_contents(&path, b"");
        session.saved(&path, generation, stamp);
        assert_eq!(session.status(), SaveStatus::Saved);
        session.apply(rename("San"), 100.0);
        assert_eq!(session.autosave_due_in(100.0), Some(AUTOSAVE_DELAY));
    }

    #[test]
    fn a_failing_backup_is_told_once_until_it_works_again() {
        let mut session = Session::untitled(BrandDocument::default(), Origin::New);
        assert_eq!(session.backup_result(Some("full".into())), Some("full".into()));
        assert_eq!(session.backup_result(Some("full".into())), None);
        assert_eq!(session.backup_result(None), None);
        assert_eq!(session.backup_result(Some("full".into())), Some("full".into()));
    }

    #[test]
    fn suggested_names_are_safe_file_names() {
        let mut session = Session::untitled(BrandDocument::default(), Origin::New);
        assert_eq!(session.suggested_file_name(), "my-brand.brand.ron");
        session.document.person.name = "Sanne de Vries / Ops".into();
        assert_eq!(session.suggested_file_name(), "sanne-de-vries-ops.brand.ron");
        session.document.person.name = "Zoë Çelik 🚀".into();
        assert_eq!(session.suggested_file_name(), "zoë-çelik.brand.ron");
    }
}
