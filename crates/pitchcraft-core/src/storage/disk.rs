//! The file system operations that writing a file performs, behind one trait, so that a
//! test can make any one step fail the way a full, read-only or vanished disk does, or make
//! it slow like a network folder. The app and the command line use [`RealDisk`].

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;

/// The operations of a save, in the order a save performs them. The default methods are
/// the real thing; [`RealDisk`] is just that.
pub trait Disk: Send + Sync {
    /// Creates a file that must not exist yet (the temporary file).
    fn create_new(&self, path: &Path) -> io::Result<File> {
        File::options().write(true).create_new(true).open(path)
    }

    /// Writes all of `bytes` to `file`.
    fn write(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        file.write_all(bytes)
    }

    /// Flushes `file` to the disk.
    fn sync(&self, file: &File) -> io::Result<()> {
        file.sync_all()
    }

    /// Renames `from` to `to`, replacing `to`.
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    /// Flushes a folder's entries to the disk.
    fn sync_folder(&self, folder: &Path) -> io::Result<()> {
        File::open(folder)?.sync_all()
    }

    /// Creates a folder and its parents.
    fn create_folder(&self, path: &Path) -> io::Result<()> {
        fs::create_dir_all(path)
    }

    /// Gives the file `from` a second name `to`.
    fn hard_link(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::hard_link(from, to)
    }

    /// Copies the file `from` to `to`.
    fn copy(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::copy(from, to).map(drop)
    }
}

/// The machine's own file system.
#[derive(Clone, Copy, Debug, Default)]
pub struct RealDisk;

impl Disk for RealDisk {}

/// The error of a write to a file that is marked read-only. The rename that replaces a
/// file would go through regardless (it needs only the folder to be writable), so the mark
/// is checked first: whoever locked the file meant it to stay as it is.
#[derive(Debug, thiserror::Error)]
#[error("the file is read-only")]
pub struct ReadOnlyFile;

/// Refuses to replace `target` when it exists and is marked read-only.
pub(super) fn check_writable(target: &Path) -> io::Result<()> {
    match fs::metadata(target) {
        Ok(meta) if meta.is_file() && meta.permissions().readonly() => {
            Err(io::Error::new(io::ErrorKind::PermissionDenied, ReadOnlyFile))
        }
        _ => Ok(()),
    }
}

/// Why a write failed, in the terms a person can act on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteFault {
    /// No space left on the disk (or over a quota).
    DiskFull,
    /// The disk or the folder is read-only.
    ReadOnly,
    /// The file itself is marked read-only.
    ReadOnlyFile,
    /// The system does not allow Pitchcraft to write there.
    NotAllowed,
    /// The folder no longer exists: moved, renamed or removed (or a drive unplugged).
    FolderGone,
    /// A folder stands where the file should be.
    FolderInTheWay,
    /// The path or the file name is longer than the file system allows.
    PathTooLong,
    /// Anything else: the system's own words are shown.
    Other,
}

impl WriteFault {
    /// Classifies a system error.
    pub fn of(error: &io::Error) -> Self {
        use io::ErrorKind as Kind;
        if error.get_ref().is_some_and(|inner| inner.is::<ReadOnlyFile>()) {
            return Self::ReadOnlyFile;
        }
        match error.kind() {
            Kind::StorageFull | Kind::QuotaExceeded => Self::DiskFull,
            Kind::ReadOnlyFilesystem => Self::ReadOnly,
            Kind::PermissionDenied => Self::NotAllowed,
            Kind::NotFound | Kind::NotADirectory => Self::FolderGone,
            Kind::IsADirectory | Kind::DirectoryNotEmpty => Self::FolderInTheWay,
            Kind::InvalidFilename => Self::PathTooLong,
            _ => Self::Other,
        }
    }

    /// The fault in English words (the command line's; the app has both languages).
    pub fn describe(self, error: &io::Error) -> String {
        match self {
            Self::DiskFull => "the disk is full".to_owned(),
            Self::ReadOnly => "the disk or folder is read-only".to_owned(),
            Self::ReadOnlyFile => "the file is marked read-only".to_owned(),
            Self::NotAllowed => "Pitchcraft is not allowed to write there".to_owned(),
            Self::FolderGone => "the folder is gone (moved, renamed or removed)".to_owned(),
            Self::FolderInTheWay => "there is a folder where the file should be".to_owned(),
            Self::PathTooLong => "the path or file name is too long for this disk".to_owned(),
            Self::Other => error.to_string(),
        }
    }
}

/// `PATH: could not write it: the disk is full`, for a file that was not written.
pub fn write_failure(path: &Path, error: &io::Error) -> String {
    format!("{}: could not write it: {}", path.display(), WriteFault::of(error).describe(error))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_errors_become_faults_a_person_can_act_on() {
        let cases = [
            (io::ErrorKind::StorageFull, WriteFault::DiskFull, "the disk is full"),
            (io::ErrorKind::ReadOnlyFilesystem, WriteFault::ReadOnly, "read-only"),
            (io::ErrorKind::PermissionDenied, WriteFault::NotAllowed, "not allowed"),
            (io::ErrorKind::NotFound, WriteFault::FolderGone, "the folder is gone"),
            (io::ErrorKind::IsADirectory, WriteFault::FolderInTheWay, "a folder where the file"),
            (io::ErrorKind::InvalidFilename, WriteFault::PathTooLong, "too long"),
        ];
        for (kind, fault, words) in cases {
            let error = io::Error::from(kind);
            assert_eq!(WriteFault::of(&error), fault, "{kind:?}");
            assert!(fault.describe(&error).contains(words), "{kind:?}");
        }
        let error = io::Error::other("the cable is loose");
        assert_eq!(WriteFault::of(&error), WriteFault::Other);
        assert_eq!(write_failure(Path::new("a/b.pdf"), &error), "a/b.pdf: could not write it: the cable is loose");
    }

    #[test]
    fn a_file_marked_read_only_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("locked.brand.ron");
        fs::write(&file, "kept").unwrap();
        let mut permissions = fs::metadata(&file).unwrap().permissions();
        permissions.set_readonly(true);
        fs::set_permissions(&file, permissions).unwrap();
        // Checked from the mark itself, so this holds for root too.
        let error = crate::storage::write_atomically(&file, b"new").unwrap_err();
        assert_eq!(WriteFault::of(&error), WriteFault::ReadOnlyFile);
        assert!(write_failure(&file, &error).ends_with("could not write it: the file is marked read-only"));
        assert_eq!(fs::read(&file).unwrap(), b"kept");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        // A new file in the same folder is no problem.
        crate::storage::write_atomically(&dir.path().join("other.pdf"), b"new").unwrap();
    }

    #[test]
    fn the_real_errno_of_a_full_disk_is_recognised() {
        // ENOSPC, EROFS, EACCES, ENOENT, EISDIR, ENAMETOOLONG as the kernel reports them.
        #[cfg(target_os = "linux")]
        for (errno, fault) in [
            (28, WriteFault::DiskFull),
            (30, WriteFault::ReadOnly),
            (13, WriteFault::NotAllowed),
            (2, WriteFault::FolderGone),
            (21, WriteFault::FolderInTheWay),
            (36, WriteFault::PathTooLong),
        ] {
            assert_eq!(WriteFault::of(&io::Error::from_raw_os_error(errno)), fault, "errno {errno}");
        }
    }
}
