//! Opening and saving: the unsaved-changes guard, Save As, save outcomes, conflicts with
//! other programs, backups and the failed-to-load path. A file that failed to load never
//! becomes the target of a save.

use std::path::{Path, PathBuf};

use super::{NoticeLevel, Picked, PitchcraftApp};
use crate::command::{ConflictChoice, UnsavedChoice};
use crate::i18n::{Tr, fill};
use crate::model::BrandDocument;
use crate::state::{LoadFailure, Origin, Page, PathPurpose, Pending, Prompt, Session};
use crate::storage::{self, BackupPolicy, LoadError, SaveError, SaveOutcome, WriteFault};

impl PitchcraftApp {
    /// Runs `pending` now if nothing would be lost, or asks first.
    pub(super) fn guard(&mut self, pending: Pending) {
        if self.ready_to_leave(&pending) {
            self.proceed(pending);
        }
    }

    /// True when the open document may be closed now. A document with a file is saved
    /// first; an untitled one with edits makes the app ask (and returns false).
    pub(super) fn ready_to_leave(&mut self, pending: &Pending) -> bool {
        let Some(session) = &self.session else { return true };
        if session.path().is_none() {
            if session.is_dirty() {
                self.prompt = Some(Prompt::Unsaved { then: pending.clone(), error: None });
                return false;
            }
            return true;
        }
        self.save_and_wait();
        match &self.session {
            Some(session) if session.is_dirty() => {
                if self.prompt.is_none() {
                    let error = match session.status() {
                        super::SaveStatus::Failed(message) => Some(message),
                        _ => None,
                    };
                    self.prompt = Some(Prompt::Unsaved { then: pending.clone(), error });
                }
                false
            }
            _ => true,
        }
    }

    /// The open document is about to be closed and its undo history with it: attempts
    /// removed (and saved) are gone for good, so their takes are deleted. Only for a saved
    /// document whose file holds what is open; recordings of runs never finished stay.
    pub(super) fn release_takes(&mut self) {
        let Some(session) = &self.session else { return };
        let Some(path) = session.path() else {
            // A document that never had a file is gone with its takes (Save As moved any it
            // kept beside the file it got).
            let _ = std::fs::remove_dir_all(pitchcraft_voice::recordings::folder_for(None));
            return;
        };
        if session.is_dirty() {
            return;
        }
        let referenced: Vec<&str> =
            session.document.rehearsals.iter().filter_map(|a| a.take.as_ref()).map(|t| t.file.as_str()).collect();
        pitchcraft_voice::recordings::forget_unreferenced(
            &pitchcraft_voice::recordings::folder_for(Some(path)),
            &referenced,
        );
    }

    /// Does what was pending, without asking again.
    pub(super) fn proceed(&mut self, pending: Pending) {
        match pending {
            Pending::New => {
                self.release_takes();
                let document = BrandDocument::new_for("", self.settings.language);
                self.session = Some(Session::untitled(document, Origin::New));
                self.page = Page::Discover;
                self.settings.discover_step = crate::logic::discover::Step::Welcome;
                self.discover = Default::default();
                self.discover.focus_first_field = true;
                self.notices.clear();
            }
            Pending::Open => match self.dialogs.open_document(self.tr(Tr::CmdOpen)) {
                Picked::Path(path) => self.open_path(path),
                Picked::Cancelled => {}
                Picked::Unavailable => {
                    self.prompt = Some(Prompt::TypePath { purpose: PathPurpose::Open, text: String::new() });
                }
            },
            Pending::OpenPath(path) => self.open_path(path),
            Pending::OpenSample => self.open_sample(),
            Pending::OpenBackup(path) => self.open_backup(&path),
            Pending::CreateAt(path) => self.create_at(path),
            Pending::Quit => {
                self.release_takes();
                self.close_allowed = true;
                self.want_close = true;
            }
        }
    }

    /// Opens a document file; on failure shows why and what the user can do.
    pub(super) fn open_path(&mut self, path: PathBuf) {
        match storage::load(&path) {
            Ok(loaded) => {
                self.settings.remember(&path);
                if let Some(old) = loaded.migrated_from {
                    let text =
                        fill(self.tr(Tr::NoticeMigrated), &[("old", &old), ("new", &crate::model::CURRENT_FORMAT)]);
                    self.notify(NoticeLevel::Info, text);
                }
                self.release_takes();
                let folder = pitchcraft_voice::recordings::folder_for(Some(&path));
                // A run recorded when the app was killed: its WAV is made whole again.
                pitchcraft_voice::recordings::repair_unfinished(&folder);
                self.session = Some(Session::from_file(path, loaded.document, loaded.stamp));
                self.discover.reset_positions();
                self.prompt = None;
            }
            Err(error) => self.prompt = Some(Prompt::LoadFailed(load_failure(&error))),
        }
    }

    /// Opens a copy of the built-in sample; it has no file until the user saves it.
    pub(super) fn open_sample(&mut self) {
        match storage::sample_document_on(self.today()) {
            Ok(document) => {
                self.release_takes();
                self.session = Some(Session::untitled(document, Origin::Sample));
                self.notify(NoticeLevel::Info, self.tr(Tr::NoticeSample).to_owned());
            }
            Err(error) => self.prompt = Some(Prompt::Error { message: error.to_string() }),
        }
    }

    /// Opens a backup as a new, untitled document, so the damaged file stays as it is
    /// until the user decides where to save.
    fn open_backup(&mut self, backup: &Path) {
        match storage::load(backup) {
            Ok(loaded) => {
                let original = self.prompt.take().and_then(|prompt| match prompt {
                    Prompt::LoadFailed(failure) => Some(failure.path),
                    _ => None,
                });
                let original = original.unwrap_or_else(|| backup.to_path_buf());
                let text = fill(self.tr(Tr::NoticeBackup), &[("file", &original.display())]);
                self.release_takes();
                self.session = Some(Session::untitled(loaded.document, Origin::Backup(original)));
                self.notify(NoticeLevel::Info, text);
            }
            Err(error) => self.prompt = Some(Prompt::LoadFailed(load_failure(&error))),
        }
    }

    /// Creates an empty document at a path that does not exist yet, and opens it.
    fn create_at(&mut self, path: PathBuf) {
        let document = BrandDocument::new_for("", self.settings.language);
        match storage::save(&path, &document, None, BackupPolicy::Never) {
            Ok(report) => {
                self.settings.remember(&path);
                let mut session = Session::untitled(document, Origin::New);
                session.moved_to(path, report.stamp);
                self.release_takes();
                self.session = Some(session);
                self.page = Page::Discover;
                self.prompt = None;
            }
            Err(error) => self.prompt = Some(Prompt::Error { message: self.save_error_text(&error) }),
        }
    }

    /// Save: to the document's file, or through Save As when it has none.
    pub(super) fn save(&mut self, force: bool) {
        let Some(session) = &mut self.session else { return };
        if session.path().is_none() {
            self.save_as(None);
            return;
        }
        if session.is_saving() {
            self.finish_saves();
        }
        let Some(session) = &mut self.session else { return };
        match storage::to_ron(&session.document) {
            Ok(text) => {
                if let Some(job) = session.save_job(text, force) {
                    self.saver.submit(job);
                }
            }
            Err(message) => self.prompt = Some(Prompt::Error { message }),
        }
    }

    /// Saves now and waits for the result (before leaving a document or quitting).
    pub(super) fn save_and_wait(&mut self) {
        if self.session.as_ref().is_some_and(|session| session.is_dirty() && !session.is_saving()) {
            self.save(false);
        }
        self.finish_saves();
    }

    /// Asks where to save, then saves there and continues with `then`.
    pub(super) fn save_as(&mut self, then: Option<Pending>) {
        let Some(session) = &self.session else { return };
        let suggested = session.suggested_file_name();
        match self.dialogs.save_document(self.tr(Tr::CmdSaveAs), &suggested) {
            Picked::Path(path) => self.save_to(path, then),
            Picked::Cancelled => {}
            Picked::Unavailable => {
                let text = std::env::current_dir().map(|dir| dir.join(&suggested)).unwrap_or_else(|_| suggested.into());
                self.prompt =
                    Some(Prompt::TypePath { purpose: PathPurpose::SaveAs(then), text: text.display().to_string() });
            }
        }
    }

    /// Writes the document to `path` (chosen by the user) on the save thread, so a slow
    /// network folder never holds up a frame; the document lives there once it is written.
    pub(super) fn save_to(&mut self, path: PathBuf, then: Option<Pending>) {
        if self.session.as_ref().is_some_and(Session::is_saving) {
            self.finish_saves();
        }
        let Some(session) = &mut self.session else { return };
        match storage::to_ron(&session.document) {
            Ok(text) => {
                let job = session.save_as_job(path.clone(), text);
                self.save_as_pending = Some((path, then));
                self.prompt = None;
                self.saver.submit(job);
            }
            Err(message) => self.prompt = Some(Prompt::Error { message }),
        }
    }

    /// Takes in a finished Save As.
    fn on_saved_as(&mut self, path: PathBuf, then: Option<Pending>, outcome: SaveOutcome) {
        let Some(session) = &mut self.session else { return };
        match outcome.result {
            Ok(report) => {
                let old_folder = pitchcraft_voice::recordings::folder_for(session.path());
                let untitled = session.path().is_none();
                session.saved_as(path.clone(), outcome.generation, report.stamp);
                // The takes go with the document: moved out of the temporary folder, copied
                // from the old document's folder (which keeps its own).
                let files: Vec<&str> = session
                    .document
                    .rehearsals
                    .iter()
                    .filter_map(|a| a.take.as_ref())
                    .map(|t| t.file.as_str())
                    .collect();
                let new_folder = pitchcraft_voice::recordings::folder_for(Some(&path));
                let failed = pitchcraft_voice::recordings::carry_over(&old_folder, &new_folder, &files, untitled);
                if let Some((file, why)) = failed.first() {
                    let text = fill(self.tr(Tr::NoticeTakesNotCarried), &[("file", file), ("error", why)]);
                    self.notify(NoticeLevel::Warning, text);
                }
                let Some(session) = &mut self.session else { return };
                let tell = session.backup_result(report.backup_problem);
                self.settings.remember(&path);
                if let Some(problem) = tell {
                    self.notify(NoticeLevel::Warning, fill(self.tr(Tr::NoticeBackupFailed), &[("error", &problem)]));
                }
                if let Some(then) = then {
                    self.proceed(then);
                }
            }
            Err(error) => {
                session.save_as_failed();
                self.prompt = Some(Prompt::Error { message: self.save_error_text(&error) });
            }
        }
    }

    /// Takes in the result of a save that ran on the save thread.
    pub(super) fn on_saved(&mut self, outcome: SaveOutcome) {
        if let Some((path, then)) = self.save_as_pending.take_if(|(path, _)| *path == outcome.path) {
            self.on_saved_as(path, then, outcome);
            return;
        }
        let failure = match &outcome.result {
            Err(SaveError::Io { path, source }) => {
                Some(format!("{} {}", self.write_failure_text(path, source), self.tr(Tr::FaultKeepTrying)))
            }
            Err(SaveError::Conflict { .. }) => None,
            Err(error) => Some(error.to_string()),
            Ok(_) => None,
        };
        let now = self.time;
        let Some(session) = &mut self.session else { return };
        match outcome.result {
            Ok(report) => {
                session.saved(&outcome.path, outcome.generation, report.stamp);
                let tell = session.backup_result(report.backup_problem);
                if let Some(problem) = tell {
                    self.notify(NoticeLevel::Warning, fill(self.tr(Tr::NoticeBackupFailed), &[("error", &problem)]));
                }
            }
            Err(SaveError::Conflict { path, .. }) => {
                session.save_failed(&outcome.path, None, now);
                if session.path() == Some(path.as_path()) {
                    self.prompt = Some(Prompt::Conflict { path });
                }
            }
            Err(_) => {
                let message = failure.unwrap_or_default();
                // Told once; the status bar keeps showing it while autosave tries again.
                if session.save_failed(&outcome.path, Some(message.clone()), now) {
                    self.notify(NoticeLevel::Warning, message);
                }
            }
        }
    }

    /// A save that did not happen, in the person's language where it is the disk's doing.
    fn save_error_text(&self, error: &SaveError) -> String {
        match error {
            SaveError::Io { path, source } => self.write_failure_text(path, source),
            other => other.to_string(),
        }
    }

    /// A file that could not be written, in the person's language: what happened and where.
    pub fn write_failure_text(&self, path: &Path, error: &std::io::Error) -> String {
        let key = match WriteFault::of(error) {
            WriteFault::DiskFull => Tr::FaultDiskFull,
            WriteFault::ReadOnly => Tr::FaultReadOnly,
            WriteFault::ReadOnlyFile => Tr::FaultFileReadOnly,
            WriteFault::NotAllowed => Tr::FaultNotAllowed,
            WriteFault::FolderGone => Tr::FaultFolderGone,
            WriteFault::FolderInTheWay => Tr::FaultFolderInTheWay,
            WriteFault::PathTooLong => Tr::FaultPathTooLong,
            WriteFault::Other => Tr::FaultOther,
        };
        fill(self.tr(key), &[("path", &path.display()), ("error", error)])
    }

    /// Applies the answer to the unsaved-changes prompt.
    pub(super) fn answer_unsaved(&mut self, choice: UnsavedChoice) {
        let Some(Prompt::Unsaved { then, .. }) = self.prompt.take() else {
            return;
        };
        match choice {
            UnsavedChoice::Save => self.save_as(Some(then)),
            UnsavedChoice::Discard => {
                if let Some(session) = &mut self.session {
                    // Nothing more to save: leave without asking again.
                    session.discard_changes();
                }
                self.proceed(then);
            }
            UnsavedChoice::Cancel => {}
        }
    }

    /// Applies the answer to the changed-on-disk prompt.
    pub(super) fn answer_conflict(&mut self, choice: ConflictChoice) {
        let Some(Prompt::Conflict { path }) = self.prompt.take() else {
            return;
        };
        match choice {
            ConflictChoice::ReloadTheirs => self.open_path(path),
            ConflictChoice::Overwrite => self.save(true),
            ConflictChoice::KeepMineAsCopy => {
                let copy = copy_path(&path, self.tr(Tr::MyCopy));
                let Some(session) = &mut self.session else { return };
                match storage::save(&copy, &session.document, None, BackupPolicy::Never) {
                    Ok(report) => {
                        session.moved_to(copy.clone(), report.stamp);
                        self.settings.remember(&copy);
                        let text =
                            fill(self.tr(Tr::NoticeKeptCopy), &[("copy", &copy.display()), ("file", &path.display())]);
                        self.notify(NoticeLevel::Info, text);
                    }
                    Err(error) => self.prompt = Some(Prompt::Error { message: self.save_error_text(&error) }),
                }
            }
        }
    }

    /// When the window comes back into focus: a clean document whose file another
    /// program changed is reloaded (nothing of ours is lost); a dirty one is left for
    /// the conflict check of the next save.
    pub(super) fn reload_if_changed_on_disk(&mut self) {
        let Some(session) = &self.session else { return };
        if session.is_dirty() || session.is_saving() || !session.changed_on_disk() {
            return;
        }
        let Some(path) = session.path().map(Path::to_path_buf) else {
            return;
        };
        self.open_path(path);
        if self.prompt.is_none() {
            self.notify(NoticeLevel::Info, self.tr(Tr::NoticeReloaded).to_owned());
        }
    }

    /// Last chance when the app is ended: save a document that has a file.
    pub(super) fn flush_before_exit(&mut self) {
        if self.session.as_ref().is_some_and(|session| session.path().is_some()) {
            self.save_and_wait();
        }
    }
}

/// `sanne.brand.ron` → `sanne (my copy).brand.ron`, or `(my copy 2)` etc. if taken.
fn copy_path(path: &Path, label: &str) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let (stem, suffix) = match name.strip_suffix(storage::FILE_SUFFIX) {
        Some(stem) => (stem.to_owned(), storage::FILE_SUFFIX),
        None => (name.trim_end_matches(".ron").to_owned(), ".ron"),
    };
    (1..)
        .map(|n| {
            let tag = if n == 1 { label.to_owned() } else { format!("{label} {n}") };
            path.with_file_name(format!("{stem} ({tag}){suffix}"))
        })
        .find(|candidate| !candidate.exists())
        .unwrap_or_else(|| path.with_extension("copy.ron"))
}

/// Collects what the "could not open" prompt shows about `error`: the line in question
/// and the newest backup are looked up on disk here, in the shell, not by the prompt.
fn load_failure(error: &LoadError) -> LoadFailure {
    LoadFailure {
        path: error.path.clone(),
        summary: error.to_string(),
        excerpt: error.position().and_then(|(line, column)| excerpt(&error.path, line, column)),
        backup: storage::newest_backup(&error.path),
        not_found: error.is_not_found(),
        show_details: false,
    }
}

/// The line at `line` with a caret under `column`, shortened around the column.
fn excerpt(path: &std::path::Path, line: usize, column: usize) -> Option<String> {
    if std::fs::metadata(path).ok()?.len() > storage::MAX_FILE_BYTES {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let source: Vec<char> = text.lines().nth(line.checked_sub(1)?)?.chars().collect();
    let start = column.saturating_sub(60);
    let end = (column + 60).min(source.len());
    let shown: String = source.get(start..end.max(start))?.iter().collect();
    let caret = " ".repeat(column.saturating_sub(1) - start) + "^";
    Some(format!("{line:>5} | {shown}\n      | {caret}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_get_a_free_name() {
        let dir = tempfile::tempdir().unwrap();
        let original = dir.path().join("sanne.brand.ron");
        let first = copy_path(&original, "my copy");
        assert_eq!(first.file_name().unwrap(), "sanne (my copy).brand.ron");
        std::fs::write(&first, "").unwrap();
        assert_eq!(copy_path(&original, "my copy").file_name().unwrap(), "sanne (my copy 2).brand.ron");
    }

    #[test]
    fn the_excerpt_points_at_the_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.brand.ron");
        std::fs::write(&path, "(\n    format: 1,\n    person: (name: \"x\" headline: \"y\"),\n)").unwrap();
        let shown = excerpt(&path, 3, 25).unwrap();
        assert_eq!(shown, "    3 |     person: (name: \"x\" headline: \"y\"),\n      |                         ^");
    }
}
