//! Reading and writing brand documents: RON text, atomic saves, backups, migration and
//! detection of changes made by other programs.
//!
//! The rules: a file that fails to load is never written to; a save either fully
//! replaces the file or leaves it as it was; the previous versions are kept as backups.

mod atomic;
mod backup;
mod codec;
mod disk;
mod error;
pub mod faults;
mod migrate;
mod stamp;
mod worker;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

pub use atomic::{remove_stale_temp_files, temp_file_marker, write_atomically, write_atomically_on};
pub use backup::{BackupPolicy, backup_dir, backups_of, newest_backup};
pub use codec::{parse_document, to_ron};
pub use disk::{Disk, RealDisk, WriteFault, write_failure};
pub use error::{DocumentError, LoadError, LoadErrorKind, SaveError};
pub use stamp::DiskStamp;
pub use worker::{SaveJob, SaveOutcome, SaveWorker};

use crate::model::BrandDocument;

/// Files larger than this are refused before parsing (a brand document is kilobytes).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The file name ending that marks a brand document.
pub const FILE_SUFFIX: &str = ".brand.ron";

/// `sanne` → `sanne.brand.ron`; a name that already ends in `.ron` is kept.
pub fn with_brand_suffix(path: std::path::PathBuf) -> std::path::PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if name.is_empty() || name.ends_with(".ron") { path } else { path.with_file_name(format!("{name}{}", FILE_SUFFIX)) }
}

/// A document read from disk, with what is needed to notice later changes to the file.
#[derive(Debug)]
pub struct Loaded {
    /// The document, migrated to the current format.
    pub document: BrandDocument,
    /// The file as it was when read.
    pub stamp: DiskStamp,
    /// The older format the file was written in, when it was migrated.
    pub migrated_from: Option<u32>,
}

/// Reads and parses a brand document. Stale temporary files of an interrupted save
/// next to it are removed first; the file itself is only read.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    remove_stale_temp_files(path);
    let bytes = read_limited(path)?;
    let stamp = DiskStamp::of_file_contents(path, &bytes);
    let (document, migrated_from) = parse_document(&bytes).map_err(|error| LoadError::document(path, error))?;
    Ok(Loaded { document, stamp, migrated_from })
}

/// Reads a file, refusing it when it is larger than [`MAX_FILE_BYTES`].
fn read_limited(path: &Path) -> Result<Vec<u8>, LoadError> {
    let io_error = |source| LoadError::io(path, source);
    let file = std::fs::File::open(path).map_err(io_error)?;
    let metadata = file.metadata().map_err(io_error)?;
    if metadata.is_dir() {
        return Err(LoadError::document(path, DocumentError::IsADirectory));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(LoadError::document(path, DocumentError::TooLarge { bytes: metadata.len() }));
    }
    // The file may grow while we read it: never read more than the limit plus one byte.
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(io_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::document(path, DocumentError::TooLarge { bytes: bytes.len() as u64 }));
    }
    Ok(bytes)
}

/// Saves a document atomically, after checking that the file on disk is still the one
/// described by `expected` (pass `None` for a new file, which must not exist yet).
/// Returns the stamp of the written file.
pub fn save(
    path: &Path,
    document: &BrandDocument,
    expected: Option<&DiskStamp>,
    backups: BackupPolicy,
) -> Result<SaveReport, SaveError> {
    let text = to_ron(document).map_err(|error| SaveError::Serialize { message: error })?;
    save_text(path, text.as_bytes(), expected, backups, SystemTime::now())
}

/// What a successful save did.
#[derive(Debug)]
pub struct SaveReport {
    /// The file as written.
    pub stamp: DiskStamp,
    /// Set when the backup could not be made (the save itself succeeded).
    pub backup_problem: Option<String>,
}

/// Writes already serialized text: conflict check, backup, atomic replace.
pub fn save_text(
    path: &Path,
    bytes: &[u8],
    expected: Option<&DiskStamp>,
    backups: BackupPolicy,
    now: SystemTime,
) -> Result<SaveReport, SaveError> {
    save_text_on(&RealDisk, path, bytes, expected, backups, now)
}

/// [`save_text`] through `disk`. A backup that fails never stops the save: it is reported
/// in the [`SaveReport`], and the document is written all the same.
pub fn save_text_on(
    disk: &dyn Disk,
    path: &Path,
    bytes: &[u8],
    expected: Option<&DiskStamp>,
    backups: BackupPolicy,
    now: SystemTime,
) -> Result<SaveReport, SaveError> {
    let target = resolve_symlink(path);
    match expected {
        Some(stamp) => stamp.check_unchanged(&target)?,
        None if target.exists() => {
            return Err(SaveError::Conflict { path: path.to_path_buf(), kind: stamp::Conflict::Created });
        }
        None => {}
    }
    let backup_problem = backup::rotate(disk, &target, backups, now).err().map(|error| backup_failure(&target, &error));
    write_atomically_on(disk, &target, bytes).map_err(|source| SaveError::Io { path: path.to_path_buf(), source })?;
    Ok(SaveReport { stamp: DiskStamp::of_file_contents(&target, bytes), backup_problem })
}

fn backup_failure(target: &Path, error: &std::io::Error) -> String {
    write_failure(&backup_dir(target), error)
}

/// Saves to a new path chosen by the user (Save As, `new`): no conflict check against an
/// earlier version, but an existing file there is kept as a backup first.
pub fn save_as(path: &Path, document: &BrandDocument) -> Result<SaveReport, SaveError> {
    let text = to_ron(document).map_err(|error| SaveError::Serialize { message: error })?;
    save_as_text_on(&RealDisk, path, text.as_bytes())
}

/// [`save_as`] of already serialized text, through `disk`.
pub fn save_as_text_on(disk: &dyn Disk, path: &Path, bytes: &[u8]) -> Result<SaveReport, SaveError> {
    let target = resolve_symlink(path);
    let backup_problem = if target.exists() {
        backup::rotate(disk, &target, BackupPolicy::Always, SystemTime::now())
            .err()
            .map(|error| backup_failure(&target, &error))
    } else {
        None
    };
    write_atomically_on(disk, &target, bytes).map_err(|source| SaveError::Io { path: path.to_path_buf(), source })?;
    Ok(SaveReport { stamp: DiskStamp::of_file_contents(&target, bytes), backup_problem })
}

/// A symlinked document is written through the link, so the link stays a link.
fn resolve_symlink(path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
        _ => path.to_path_buf(),
    }
}

/// The embedded sample document's text.
pub const SAMPLE_RON: &str = include_str!("../../assets/sample.brand.ron");

/// The embedded sample, parsed. The sample is tested to parse; an error here would be a
/// build defect, reported rather than panicking.
pub fn sample_document() -> Result<BrandDocument, DocumentError> {
    parse_document(SAMPLE_RON.as_bytes()).map(|(document, _)| document)
}

/// The day the sample's network dates are written for: its event is five days later.
pub const SAMPLE_DAY: &str = "2026-11-28";

/// The sample as seen on `today`: its encounters, follow-ups and events moved by the days
/// between [`SAMPLE_DAY`] and today, so its event next week stays next week.
pub fn sample_document_on(today: chrono::NaiveDate) -> Result<BrandDocument, DocumentError> {
    let mut document = sample_document()?;
    if let Ok(written) = SAMPLE_DAY.parse::<chrono::NaiveDate>() {
        crate::logic::network::shift_dates(&mut document, (today - written).num_days());
    }
    Ok(document)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_names_get_the_brand_suffix() {
        assert_eq!(with_brand_suffix("/a/sanne".into()), std::path::PathBuf::from("/a/sanne.brand.ron"));
        assert_eq!(with_brand_suffix("/a/sanne.brand.ron".into()), std::path::PathBuf::from("/a/sanne.brand.ron"));
        assert_eq!(with_brand_suffix("/a/old.ron".into()), std::path::PathBuf::from("/a/old.ron"));
    }
}
