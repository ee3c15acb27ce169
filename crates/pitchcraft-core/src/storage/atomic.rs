//! Crash-safe file replacement: write a temporary file in the same folder, flush it to
//! the disk, rename it over the target, then flush the folder. A crash at any moment
//! leaves either the old file or the new one, never a mix.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use super::disk::{Disk, RealDisk, check_writable};

/// Every temporary file of ours has this in its name, so stale ones can be found.
pub fn temp_file_marker() -> &'static str {
    ".pitchcraft-tmp-"
}

/// `.NAME.pitchcraft-tmp-PID-N` beside the target: hidden, and unique per save.
fn temp_path_for(target: &Path) -> PathBuf {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let unique = COUNTER.fetch_add(1, Ordering::Relaxed);
    target.with_file_name(format!(".{name}{}{}-{unique}", temp_file_marker(), std::process::id()))
}

/// Replaces `target` with `bytes` atomically.
pub fn write_atomically(target: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomically_on(&RealDisk, target, bytes)
}

/// [`write_atomically`] through `disk`. On any failure the temporary file is removed and
/// `target` is as it was.
pub fn write_atomically_on(disk: &dyn Disk, target: &Path, bytes: &[u8]) -> io::Result<()> {
    check_writable(target)?;
    let temp = temp_path_for(target);
    let result = write_temp(disk, &temp, target, bytes).and_then(|()| commit(disk, &temp, target));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Step one: the new contents, complete and on the disk, under a temporary name.
fn write_temp(disk: &dyn Disk, temp: &Path, target: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = disk.create_new(temp)?;
    if let Ok(meta) = fs::metadata(target) {
        // Keep the document's permissions (a private file stays private).
        let _ = file.set_permissions(meta.permissions());
    }
    disk.write(&mut file, bytes)?;
    disk.sync(&file)
}

/// Step two: the rename that makes the new contents the file, and the folder flush that
/// makes the rename itself survive a power cut.
fn commit(disk: &dyn Disk, temp: &Path, target: &Path) -> io::Result<()> {
    rename_retrying(disk, temp, target, RENAME_TRIES)?;
    sync_parent(disk, target);
    Ok(())
}

/// How often the rename is tried. On Windows a rename over a file that another program
/// holds open for a moment (a virus scanner, a sync client, a preview) is refused as
/// "access denied" until it lets go: tried again for about a second. Elsewhere that error
/// means the folder is not writable, and trying again would only wait.
const RENAME_TRIES: u32 = if cfg!(windows) { 12 } else { 1 };

/// Renames `temp` over `target`, up to `tries` times while it is refused as "access
/// denied"; the last error otherwise. The temporary file stays until the caller removes it.
fn rename_retrying(disk: &dyn Disk, temp: &Path, target: &Path, tries: u32) -> io::Result<()> {
    let mut tried = 0;
    loop {
        tried += 1;
        match disk.rename(temp, target) {
            Err(error) if error.kind() == io::ErrorKind::PermissionDenied && tried < tries => {
                std::thread::sleep(std::time::Duration::from_millis(25 * u64::from(tried)));
            }
            result => return result,
        }
    }
}

/// Flushes the folder entry. Best effort: the rename has happened and the new contents
/// are the file; where a platform or file system cannot flush folders there is nothing
/// more to do, and reporting the save as failed would be untrue.
fn sync_parent(disk: &dyn Disk, target: &Path) {
    #[cfg(unix)]
    if let Some(parent) = target.parent() {
        let parent = if parent.as_os_str().is_empty() { Path::new(".") } else { parent };
        let _ = disk.sync_folder(parent);
    }
    #[cfg(not(unix))]
    let _ = (disk, target);
}

/// Removes temporary files that an interrupted save of `target` left behind.
/// Returns how many were removed.
pub fn remove_stale_temp_files(target: &Path) -> usize {
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return 0;
    };
    let prefix = format!(".{name}{}", temp_file_marker());
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let Ok(entries) = fs::read_dir(folder) else {
        return 0;
    };
    entries
        .flatten()
        .filter(|entry| entry.file_name().to_string_lossy().starts_with(&prefix))
        .filter(|entry| fs::remove_file(entry.path()).is_ok())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A disk whose renames are refused as "access denied" the first `held` times, as on
    /// Windows while another program holds the document open.
    struct HeldOpen {
        held: std::sync::atomic::AtomicU32,
    }

    impl Disk for HeldOpen {
        fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
            let left = self.held.load(Ordering::SeqCst);
            if left > 0 {
                self.held.store(left - 1, Ordering::SeqCst);
                return Err(io::Error::from(io::ErrorKind::PermissionDenied));
            }
            fs::rename(from, to)
        }
    }

    #[test]
    fn a_rename_refused_while_the_file_is_held_open_is_tried_again_and_nothing_is_lost() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sanne.brand.ron");
        fs::write(&target, "old").unwrap();
        let temp = temp_path_for(&target);
        write_temp(&RealDisk, &temp, &target, b"new").unwrap();
        // Let go after three refusals: the fourth try saves.
        let disk = HeldOpen { held: 3.into() };
        rename_retrying(&disk, &temp, &target, 12).unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        // Never let go: the error comes back, the document is as it was, and the save
        // leaves no temporary file.
        let disk = HeldOpen { held: 100.into() };
        let error = write_atomically_on(&disk, &target, b"newer").unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::PermissionDenied);
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sanne.brand.ron");
        fs::write(&target, "old").unwrap();
        write_atomically(&target, b"new").unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_crash_between_temp_write_and_rename_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sanne.brand.ron");
        fs::write(&target, "old contents").unwrap();
        // Simulate the process dying after step one: the rename never happens.
        let temp = temp_path_for(&target);
        write_temp(&RealDisk, &temp, &target, b"new contents, never committed").unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "old contents");
        assert!(temp.exists());
        // The next open cleans up what the crash left.
        assert_eq!(remove_stale_temp_files(&target), 1);
        assert!(!temp.exists());
        assert_eq!(fs::read_to_string(&target).unwrap(), "old contents");
    }

    #[test]
    fn cleanup_leaves_other_files_alone() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.brand.ron");
        let other = dir.path().join("b.brand.ron");
        fs::write(&target, "a").unwrap();
        let other_temp = temp_path_for(&other);
        fs::write(&other_temp, "b").unwrap();
        assert_eq!(remove_stale_temp_files(&target), 0);
        assert!(other_temp.exists());
    }

    #[cfg(unix)]
    #[test]
    fn keeps_the_permissions_of_the_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("private.brand.ron");
        fs::write(&target, "old").unwrap();
        fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).unwrap();
        write_atomically(&target, b"new").unwrap();
        assert_eq!(fs::metadata(&target).unwrap().permissions().mode() & 0o777, 0o600);
    }
}
