//! The last few versions of a document, kept in a hidden folder beside it:
//! `.pitchcraft-backups/NAME.1.bak` is the newest, `NAME.3.bak` the oldest.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::disk::Disk;

/// How many versions are kept.
pub const BACKUP_COUNT: usize = 3;

/// The hidden folder's name.
pub(super) const BACKUP_FOLDER: &str = ".pitchcraft-backups";

/// When a save keeps the previous version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackupPolicy {
    /// Always (an explicit save, `fmt`, the first save after opening).
    Always,
    /// Only when the newest backup is older than this; autosaves every few seconds
    /// would otherwise push every meaningful version out within a minute.
    IfOlderThan(Duration),
    /// Never (a brand new file has nothing to keep).
    Never,
}

/// The folder that holds the backups of `document`.
pub fn backup_dir(document: &Path) -> PathBuf {
    document.parent().unwrap_or(Path::new(".")).join(BACKUP_FOLDER)
}

fn backup_path(document: &Path, index: usize) -> PathBuf {
    let name = document.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    backup_dir(document).join(format!("{name}.{index}.bak"))
}

/// The existing backups of `document`, newest first.
pub fn backups_of(document: &Path) -> Vec<PathBuf> {
    (1..=BACKUP_COUNT).map(|index| backup_path(document, index)).filter(|path| path.is_file()).collect()
}

/// The newest backup of `document`, if there is one.
pub fn newest_backup(document: &Path) -> Option<PathBuf> {
    backups_of(document).into_iter().next()
}

/// Moves the current file into backup slot 1, shifting the older ones down.
/// Does nothing when the document does not exist yet or the policy says not now.
pub(super) fn rotate(disk: &dyn Disk, document: &Path, policy: BackupPolicy, now: SystemTime) -> io::Result<()> {
    if !document.is_file() {
        return Ok(());
    }
    match policy {
        BackupPolicy::Never => return Ok(()),
        BackupPolicy::IfOlderThan(age) => {
            let newest_is_recent = fs::metadata(backup_path(document, 1))
                .and_then(|meta| meta.modified())
                .is_ok_and(|made| now.duration_since(made).is_ok_and(|elapsed| elapsed < age));
            if newest_is_recent {
                return Ok(());
            }
        }
        BackupPolicy::Always => {}
    }
    // The newest backup already holds these bytes (a save that failed after its backup,
    // tried again): another copy would only push an older version out of the ring.
    if same_contents(document, &backup_path(document, 1)) {
        return Ok(());
    }
    disk.create_folder(&backup_dir(document))?;
    for index in (1..BACKUP_COUNT).rev() {
        let from = backup_path(document, index);
        if from.exists() {
            disk.rename(&from, &backup_path(document, index + 1))?;
        }
    }
    let newest = backup_path(document, 1);
    // A hard link costs nothing and keeps the exact bytes: the save replaces the
    // document's name with a new file, so the linked old contents stay untouched.
    // File systems without hard links get a copy.
    if disk.hard_link(document, &newest).is_err() {
        let copy = newest.with_extension("bak.tmp");
        let copied = disk.copy(document, &copy).and_then(|()| disk.sync(&fs::File::open(&copy)?));
        if let Err(error) = copied.and_then(|()| disk.rename(&copy, &newest)) {
            // A half-written copy on a full disk would only take more room.
            let _ = fs::remove_file(&copy);
            return Err(error);
        }
    }
    // The backup's time says when it was made, which the policy above relies on.
    let _ = fs::File::options().write(true).open(&newest).and_then(|file| file.set_modified(now));
    Ok(())
}

/// True when both files exist and hold the same bytes.
fn same_contents(a: &Path, b: &Path) -> bool {
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(meta_a), Ok(meta_b)) if meta_a.len() == meta_b.len() => {
            fs::read(a).ok().zip(fs::read(b).ok()).is_some_and(|(bytes_a, bytes_b)| bytes_a == bytes_b)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn save(document: &Path, contents: &str, policy: BackupPolicy, now: SystemTime) {
        rotate(&crate::storage::RealDisk, document, policy, now).unwrap();
        crate::storage::write_atomically(document, contents.as_bytes()).unwrap();
    }

    #[test]
    fn backups_rotate_and_keep_three() {
        let dir = tempfile::tempdir().unwrap();
        let document = dir.path().join("sanne.brand.ron");
        let now = SystemTime::now();
        for version in 1..=5 {
            save(&document, &format!("version {version}"), BackupPolicy::Always, now);
        }
        let kept: Vec<String> = backups_of(&document).iter().map(|p| fs::read_to_string(p).unwrap()).collect();
        assert_eq!(kept, ["version 4", "version 3", "version 2"]);
        assert_eq!(fs::read_to_string(&document).unwrap(), "version 5");
        assert_eq!(newest_backup(&document), Some(backup_path(&document, 1)));
    }

    #[test]
    fn frequent_autosaves_do_not_push_out_older_versions() {
        let dir = tempfile::tempdir().unwrap();
        let document = dir.path().join("sanne.brand.ron");
        let start = SystemTime::now();
        let every_ten_minutes = BackupPolicy::IfOlderThan(Duration::from_secs(600));
        save(&document, "opened", BackupPolicy::Always, start);
        save(&document, "edit 1", BackupPolicy::Always, start);
        for second in 1..20 {
            save(&document, &format!("edit at {second}s"), every_ten_minutes, start + Duration::from_secs(second));
        }
        assert_eq!(backups_of(&document).len(), 1);
        assert_eq!(fs::read_to_string(newest_backup(&document).unwrap()).unwrap(), "opened");
        save(&document, "later", every_ten_minutes, start + Duration::from_secs(700));
        assert_eq!(fs::read_to_string(newest_backup(&document).unwrap()).unwrap(), "edit at 19s");
    }

    #[test]
    fn saves_that_fail_after_their_backup_do_not_push_out_older_versions() {
        let dir = tempfile::tempdir().unwrap();
        let document = dir.path().join("sanne.brand.ron");
        let now = SystemTime::now();
        for version in 1..=3 {
            save(&document, &format!("version {version}"), BackupPolicy::Always, now);
        }
        // The disk is full: each try backs up, then fails to write. Tried ten times.
        for _ in 0..10 {
            rotate(&crate::storage::RealDisk, &document, BackupPolicy::Always, now).unwrap();
        }
        let kept: Vec<String> = backups_of(&document).iter().map(|p| fs::read_to_string(p).unwrap()).collect();
        assert_eq!(kept, ["version 3", "version 2", "version 1"]);
    }

    #[test]
    fn a_new_file_has_nothing_to_back_up() {
        let dir = tempfile::tempdir().unwrap();
        let document = dir.path().join("new.brand.ron");
        rotate(&crate::storage::RealDisk, &document, BackupPolicy::Always, SystemTime::now()).unwrap();
        assert!(!backup_dir(&document).exists());
    }
}
