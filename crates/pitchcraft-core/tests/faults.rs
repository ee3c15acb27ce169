//! Storage under faults: every write path × every fault × every step of the write, through
//! the fault-injecting disk. Whatever fails, the file on disk stays byte for byte the old
//! one (or, where only the folder flush failed, the new one, complete), no temporary file
//! is left, and the error says what happened in words.
//!
//! `cargo test -p pitchcraft-core --test faults -- --nocapture` prints the matrix that
//! BENCHMARKS.md shows.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use pitchcraft_core::storage::faults::{Fault, FaultyDisk, Step};
use pitchcraft_core::storage::{
    self, BackupPolicy, Disk, SaveError, WriteFault, backups_of, save_as_text_on, save_text_on, write_atomically_on,
};

const OLD: &[u8] = b"(format: 1, person: (name: \"Sanne de Vries\"))\n";
const NEW: &[u8] = b"(format: 1, person: (name: \"Sanne de Vries\", headline: \"Operations manager\"))\n";

/// The ways the app and the command line write a file.
#[derive(Clone, Copy, Debug)]
enum WritePath {
    /// The save thread's autosave: conflict check, a backup at most every ten minutes.
    Autosave,
    /// Save As over an existing file, which is kept as a backup first.
    SaveAs,
    /// `pitchcraft fmt`: conflict check, always a backup.
    Fmt,
    /// Card export: a plain atomic write, no backup.
    CardExport,
}

impl WritePath {
    const ALL: [WritePath; 4] = [WritePath::Autosave, WritePath::SaveAs, WritePath::Fmt, WritePath::CardExport];

    fn has_backup(self) -> bool {
        !matches!(self, WritePath::CardExport)
    }

    /// Writes NEW over the file through `disk`: Ok(backup problem) or the error's words.
    fn write(self, disk: &dyn Disk, file: &Path) -> Result<Option<String>, String> {
        let stamp = storage::DiskStamp::of_path(file);
        let saved = match self {
            WritePath::Autosave => {
                let every_ten_minutes = BackupPolicy::IfOlderThan(Duration::from_secs(600));
                save_text_on(disk, file, NEW, stamp.as_ref(), every_ten_minutes, SystemTime::now())
            }
            WritePath::SaveAs => save_as_text_on(disk, file, NEW),
            WritePath::Fmt => save_text_on(disk, file, NEW, stamp.as_ref(), BackupPolicy::Always, SystemTime::now()),
            WritePath::CardExport => {
                return write_atomically_on(disk, file, NEW)
                    .map(|()| None)
                    .map_err(|error| storage::write_failure(file, &error));
            }
        };
        saved.map(|report| report.backup_problem).map_err(|error: SaveError| error.to_string())
    }
}

fn words(fault: Fault) -> &'static str {
    match fault {
        Fault::DiskFull => "the disk is full",
        Fault::ReadOnly => "read-only",
        Fault::NotAllowed => "not allowed",
        Fault::Gone => "the folder is gone",
    }
}

/// Every file in the folder and below, but the backups.
fn files_beside(file: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(file.parent().unwrap()).unwrap().flatten().map(|e| e.path()).collect();
    found.retain(|path| path.is_file());
    found.sort();
    found
}

fn no_temp_files(file: &Path) -> bool {
    let folder = file.parent().unwrap();
    let backups = storage::backup_dir(file);
    [folder, backups.as_path()].iter().filter(|dir| dir.exists()).all(|dir| {
        fs::read_dir(dir).unwrap().flatten().all(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            !name.contains(storage::temp_file_marker()) && !name.ends_with(".tmp")
        })
    })
}

#[test]
fn every_fault_at_every_step_of_every_write_path_loses_nothing() {
    let mut table = Vec::new();
    for path in WritePath::ALL {
        for step in Step::ALL {
            if step == Step::Backup && !path.has_backup() {
                continue;
            }
            let mut cells = Vec::new();
            for fault in Fault::ALL {
                let dir = tempfile::tempdir().unwrap();
                let file = dir.path().join("sanne.brand.ron");
                fs::write(&file, OLD).unwrap();
                let disk = FaultyDisk::failing(step, fault);
                let result = path.write(&disk, &file);
                let on_disk = fs::read(&file).unwrap();
                let case = format!("{path:?} × {step:?} × {fault:?}");
                assert!(no_temp_files(&file), "{case}: a temporary file was left: {:?}", files_beside(&file));
                let cell = match step {
                    // The backup is not the document: the save goes on and says so.
                    Step::Backup => {
                        let problem = result.unwrap_or_else(|error| panic!("{case}: the save failed: {error}"));
                        let problem = problem.unwrap_or_else(|| panic!("{case}: the failed backup went unreported"));
                        assert!(problem.contains(words(fault)), "{case}: {problem}");
                        assert_eq!(on_disk, NEW, "{case}");
                        "saved, backup reported"
                    }
                    // The rename happened: the new file is complete; flushing the folder is
                    // best effort on every platform.
                    Step::SyncFolder => {
                        assert_eq!(result, Ok(None), "{case}");
                        assert_eq!(on_disk, NEW, "{case}");
                        "saved"
                    }
                    _ => {
                        let error = result.expect_err(&case);
                        assert!(error.contains(words(fault)), "{case}: {error}");
                        assert!(error.contains("sanne.brand.ron"), "{case}: no path in {error}");
                        assert_eq!(on_disk, OLD, "{case}: the file changed");
                        "old file kept, error shown"
                    }
                };
                cells.push(cell);
            }
            cells.dedup();
            table.push(format!("| {path:?} | {step:?} | {} | nothing lost |", cells.join("; ")));
        }
    }
    println!("| write path | failing step | ENOSPC, EROFS, EACCES, ENOENT | |\n|---|---|---|---|");
    for row in table {
        println!("{row}");
    }
}

#[test]
fn a_failed_backup_leaves_the_older_backups_and_the_document_readable() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sanne.brand.ron");
    fs::write(&file, OLD).unwrap();
    // A backup while the disk has room.
    let stamp = storage::DiskStamp::of_path(&file);
    save_text_on(&storage::RealDisk, &file, NEW, stamp.as_ref(), BackupPolicy::Always, SystemTime::now()).unwrap();
    assert_eq!(backups_of(&file).len(), 1);
    // Then the disk fills up: the backup fails, the save goes through, the older backup stays.
    let disk = FaultyDisk::failing(Step::Backup, Fault::DiskFull);
    let stamp = storage::DiskStamp::of_path(&file);
    let report = save_text_on(&disk, &file, OLD, stamp.as_ref(), BackupPolicy::Always, SystemTime::now()).unwrap();
    assert!(report.backup_problem.unwrap().contains("the disk is full"));
    assert_eq!(fs::read(&file).unwrap(), OLD);
    assert_eq!(fs::read(&backups_of(&file)[0]).unwrap(), OLD, "the backup of the first version is kept");
}

#[test]
fn a_disk_that_works_again_saves_the_same_edits() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sanne.brand.ron");
    fs::write(&file, OLD).unwrap();
    let disk = FaultyDisk::failing(Step::Write, Fault::DiskFull);
    let stamp = storage::DiskStamp::of_path(&file);
    let policy = BackupPolicy::IfOlderThan(Duration::from_secs(600));
    let error = save_text_on(&disk, &file, NEW, stamp.as_ref(), policy, SystemTime::now()).unwrap_err();
    assert_eq!(error.fault(), Some(WriteFault::DiskFull));
    // The stamp still describes the file: no conflict when space is freed and the save is tried again.
    disk.set(None);
    save_text_on(&disk, &file, NEW, stamp.as_ref(), policy, SystemTime::now()).unwrap();
    assert_eq!(fs::read(&file).unwrap(), NEW);
}

#[test]
fn a_folder_where_the_document_was_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sanne.brand.ron");
    fs::create_dir(&file).unwrap();
    fs::write(file.join("inside.txt"), "kept").unwrap();
    for path in WritePath::ALL {
        let error = path.write(&storage::RealDisk, &file).expect_err(&format!("{path:?}"));
        assert!(error.contains("sanne.brand.ron"), "{path:?}: {error}");
        assert!(file.is_dir() && fs::read(file.join("inside.txt")).unwrap() == b"kept", "{path:?}");
    }
    let error = save_text_on(&storage::RealDisk, &file, NEW, None, BackupPolicy::Never, SystemTime::now());
    assert!(error.is_err());
}

#[test]
fn a_removed_or_renamed_folder_is_reported_and_nothing_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("brand");
    fs::create_dir(&folder).unwrap();
    let file = folder.join("sanne.brand.ron");
    fs::write(&file, OLD).unwrap();
    let stamp = storage::DiskStamp::of_path(&file);
    fs::rename(&folder, dir.path().join("renamed")).unwrap();
    let error = save_text_on(&storage::RealDisk, &file, NEW, stamp.as_ref(), BackupPolicy::Never, SystemTime::now())
        .unwrap_err();
    assert!(!folder.exists(), "the save made the folder again");
    assert_eq!(fs::read(dir.path().join("renamed/sanne.brand.ron")).unwrap(), OLD);
    assert_eq!(error.fault(), Some(WriteFault::FolderGone));
    assert!(error.to_string().contains("the folder is gone"), "{error}");
}

#[test]
fn a_path_too_long_for_the_disk_is_said_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(format!("{}.brand.ron", "sanne".repeat(60)));
    let error = write_atomically_on(&storage::RealDisk, &file, NEW).unwrap_err();
    assert_eq!(WriteFault::of(&error), WriteFault::PathTooLong);
    assert!(storage::write_failure(&file, &error).contains("too long"));
    assert!(!file.exists());
}

#[test]
fn a_slow_disk_saves_everything_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sanne.brand.ron");
    fs::write(&file, OLD).unwrap();
    let disk = FaultyDisk::slow(Duration::from_millis(20));
    let stamp = storage::DiskStamp::of_path(&file);
    save_text_on(&disk, &file, NEW, stamp.as_ref(), BackupPolicy::Always, SystemTime::now()).unwrap();
    assert_eq!(fs::read(&file).unwrap(), NEW);
}
