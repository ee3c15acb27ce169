//! What a file looked like when we last read or wrote it, to notice changes made by
//! other programs (an editor, a sync tool) before we overwrite them.

use std::fmt;
use std::hash::{DefaultHasher, Hasher};
use std::path::Path;
use std::time::SystemTime;

use super::SaveError;

/// Size, modification time and a hash of the contents of a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    len: u64,
    modified: Option<SystemTime>,
    hash: u64,
}

/// How the file on disk differs from what we expected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conflict {
    /// Its contents changed since we read or wrote it.
    Modified,
    /// It exists, but we expected to create it.
    Created,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Conflict::Modified => "the file was changed by another program since it was opened",
            Conflict::Created => "a file with this name was created by another program",
        })
    }
}

fn hash_of(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    hasher.write(bytes);
    hasher.finish()
}

impl DiskStamp {
    /// The stamp of a file whose contents are `bytes` (just read or just written).
    pub fn of_file_contents(path: &Path, bytes: &[u8]) -> Self {
        let modified = std::fs::metadata(path).and_then(|meta| meta.modified()).ok();
        Self { len: bytes.len() as u64, modified, hash: hash_of(bytes) }
    }

    /// The stamp of the file as it is on disk now, or `None` when there is no file.
    pub fn of_path(path: &Path) -> Option<Self> {
        std::fs::read(path).ok().map(|bytes| Self::of_file_contents(path, &bytes))
    }

    /// Checks that the file still holds what this stamp describes. A file that is gone
    /// is not a conflict: saving simply recreates it. A file whose time changed but
    /// whose bytes did not (a `touch`, a sync tool) is not a conflict either.
    pub fn check_unchanged(&self, path: &Path) -> Result<(), SaveError> {
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(source) => {
                return Err(SaveError::Io { path: path.to_path_buf(), source });
            }
        };
        if meta.len() == self.len && meta.modified().ok() == self.modified {
            return Ok(());
        }
        let conflict = || SaveError::Conflict { path: path.to_path_buf(), kind: Conflict::Modified };
        if meta.len() != self.len {
            return Err(conflict());
        }
        let bytes = std::fs::read(path).map_err(|source| SaveError::Io { path: path.to_path_buf(), source })?;
        if hash_of(&bytes) == self.hash { Ok(()) } else { Err(conflict()) }
    }

    /// True when the file on disk no longer matches this stamp (used to offer a reload).
    pub fn changed_on_disk(&self, path: &Path) -> bool {
        matches!(self.check_unchanged(path), Err(SaveError::Conflict { .. }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_bytes_with_a_new_time_is_not_a_conflict() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.brand.ron");
        std::fs::write(&path, b"one").unwrap();
        let stamp = DiskStamp::of_file_contents(&path, b"one");
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(SystemTime::now() + std::time::Duration::from_secs(5)).unwrap();
        assert!(stamp.check_unchanged(&path).is_ok());
    }

    #[test]
    fn different_bytes_of_the_same_length_are_a_conflict() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.brand.ron");
        std::fs::write(&path, b"one").unwrap();
        let stamp = DiskStamp::of_file_contents(&path, b"one");
        std::fs::write(&path, b"two").unwrap();
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(SystemTime::now() + std::time::Duration::from_secs(5)).unwrap();
        assert!(matches!(stamp.check_unchanged(&path), Err(SaveError::Conflict { kind: Conflict::Modified, .. })));
        assert!(stamp.changed_on_disk(&path));
    }

    #[test]
    fn a_removed_file_is_simply_recreated() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.brand.ron");
        std::fs::write(&path, b"one").unwrap();
        let stamp = DiskStamp::of_file_contents(&path, b"one");
        std::fs::remove_file(&path).unwrap();
        assert!(stamp.check_unchanged(&path).is_ok());
    }
}
