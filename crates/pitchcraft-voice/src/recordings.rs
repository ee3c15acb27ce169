//! Where takes live: in a folder beside the document named after it
//! (`sanne.brand.ron` → `sanne.brand.recordings/`), or, for a document without a file yet,
//! in a temporary folder until its first Save As carries them over.

use std::path::{Path, PathBuf};

/// The recordings folder of the document at `document`, or the temporary one of this
/// process for a document without a file.
pub fn folder_for(document: Option<&Path>) -> PathBuf {
    match document {
        Some(path) => {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let stem = name.strip_suffix(".ron").unwrap_or(&name);
            path.with_file_name(format!("{stem}.recordings"))
        }
        None => std::env::temp_dir().join(format!("pitchcraft-takes-{}", std::process::id())),
    }
}

/// A file name for a take of `pitch` started at `at` (UTC): sortable and unique per second.
pub fn take_name(at: time_stamp::Stamp, pitch: &str) -> String {
    let pitch: String =
        pitch.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }).take(40).collect();
    format!("{}-{pitch}.flac", at.compact())
}

/// Claims a name for a new take of `pitch` started at `at` in `folder` (made when missing):
/// its WAV, to record into, is created empty here and now, so no other recording (a run
/// restarted within the same second, another window) can take the same name. A name in use
/// gets "-2", "-3", … Returns the take's (FLAC) file name, the WAV's path and the WAV.
pub fn claim_take(
    folder: &Path,
    at: time_stamp::Stamp,
    pitch: &str,
) -> std::io::Result<(String, PathBuf, std::fs::File)> {
    std::fs::create_dir_all(folder)?;
    let first = take_name(at, pitch);
    let stem = first.trim_end_matches(".flac").to_owned();
    for n in 1..1_000 {
        let file = if n == 1 { first.clone() } else { format!("{stem}-{n}.flac") };
        let wav = folder.join(file.replace(".flac", ".wav"));
        if folder.join(&file).exists() {
            continue;
        }
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&wav) {
            Ok(opened) => return Ok((file, wav, opened)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::new(std::io::ErrorKind::AlreadyExists, format!("no free name for {first}")))
}

/// The takes `files` in `from` are copied to `to` (moved when `from` was temporary), so the
/// document saved in a new place finds them. A take already there is left alone. Returns the
/// files that could not be carried over, with why.
pub fn carry_over(from: &Path, to: &Path, files: &[&str], move_them: bool) -> Vec<(String, String)> {
    let mut failed = Vec::new();
    if from == to {
        return failed;
    }
    for file in files {
        let (source, target) = (from.join(file), to.join(file));
        if target.exists() || !source.exists() {
            continue;
        }
        let result = std::fs::create_dir_all(to).and_then(|()| {
            if move_them && std::fs::rename(&source, &target).is_ok() {
                return Ok(());
            }
            let bytes = std::fs::read(&source)?;
            pitchcraft_core::storage::write_atomically(&target, &bytes)?;
            if move_them {
                let _ = std::fs::remove_file(&source);
            }
            Ok(())
        });
        if let Err(e) = result {
            failed.push((file.to_string(), e.to_string()));
        }
    }
    failed
}

/// Deletes the kept takes (FLAC) in `folder` that no attempt refers to any more: called when
/// a saved document is closed, so an attempt removed, saved and no longer undoable is gone
/// for good, and its take with it. Recordings of unfinished runs (WAV) are never deleted.
/// Returns the files deleted.
pub fn forget_unreferenced(folder: &Path, referenced: &[&str]) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else { return Vec::new() };
    let mut deleted = Vec::new();
    for path in entries.flatten().map(|entry| entry.path()) {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let is_take = path.extension().is_some_and(|e| e == "flac");
        if is_take && !referenced.contains(&name.as_str()) && std::fs::remove_file(&path).is_ok() {
            deleted.push(path);
        }
    }
    // An empty folder goes too.
    let _ = std::fs::remove_dir(folder);
    deleted
}

/// A WAV left in the folder by a take that never finished (the app was killed): its header
/// is repaired so any player opens it. Returns the files repaired.
pub fn repair_unfinished(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else { return Vec::new() };
    entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "wav"))
        .filter(|path| crate::take::repair(path).unwrap_or(false))
        .collect()
}

/// A UTC moment for naming takes, without a date library: from seconds since 1970.
pub mod time_stamp {
    /// Seconds since 1970-01-01 UTC.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub struct Stamp(pub i64);

    impl Stamp {
        /// `20261128-153000`.
        pub fn compact(self) -> String {
            let days = self.0.div_euclid(86_400);
            let secs = self.0.rem_euclid(86_400);
            // Howard Hinnant's days-to-civil.
            let z = days + 719_468;
            let era = z.div_euclid(146_097);
            let doe = z - era * 146_097;
            let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
            let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            let mp = (5 * doy + 2) / 153;
            let d = doy - (153 * mp + 2) / 5 + 1;
            let m = if mp < 10 { mp + 3 } else { mp - 9 };
            let y = yoe + era * 400 + i64::from(m <= 2);
            format!("{y:04}{m:02}{d:02}-{:02}{:02}{:02}", secs / 3_600, secs % 3_600 / 60, secs % 60)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_folder_is_named_after_the_document() {
        assert_eq!(
            folder_for(Some(Path::new("/home/sanne/sanne.brand.ron"))),
            Path::new("/home/sanne/sanne.brand.recordings")
        );
        assert_eq!(folder_for(Some(Path::new("notes"))), Path::new("notes.recordings"));
        assert!(folder_for(None).starts_with(std::env::temp_dir()));
    }

    #[test]
    fn two_takes_started_in_the_same_second_get_names_of_their_own() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("sanne.brand.recordings");
        let at = time_stamp::Stamp(1_795_000_000);
        let (first, wav, _) = claim_take(&folder, at, "board-30").unwrap();
        assert!(wav.exists() && wav.extension().is_some_and(|x| x == "wav"));
        let (second, ..) = claim_take(&folder, at, "board-30").unwrap();
        assert_ne!(first, second);
        assert_eq!(second, first.replace(".flac", "-2.flac"));
        // A kept take (its WAV gone, its FLAC there) still holds its name.
        std::fs::remove_file(&wav).unwrap();
        std::fs::write(folder.join(&first), b"fLaC").unwrap();
        assert_eq!(claim_take(&folder, at, "board-30").unwrap().0, first.replace(".flac", "-3.flac"));
    }

    #[test]
    fn take_names_sort_by_time() {
        assert_eq!(take_name(time_stamp::Stamp(1_795_879_800), "pitch-1"), "20261128-153000-pitch-1.flac");
        assert_eq!(take_name(time_stamp::Stamp(0), "a/b c"), "19700101-000000-a_b_c.flac");
    }

    #[test]
    fn only_takes_no_attempt_refers_to_are_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("sanne.brand.recordings");
        std::fs::create_dir_all(&folder).unwrap();
        for name in ["kept.flac", "removed.flac", "unfinished.wav", "notes.txt"] {
            std::fs::write(folder.join(name), b"x").unwrap();
        }
        let deleted = forget_unreferenced(&folder, &["kept.flac"]);
        assert_eq!(deleted, vec![folder.join("removed.flac")]);
        for name in ["kept.flac", "unfinished.wav", "notes.txt"] {
            assert!(folder.join(name).exists(), "{name}");
        }
        // Nothing kept: the folder goes.
        std::fs::remove_file(folder.join("unfinished.wav")).unwrap();
        std::fs::remove_file(folder.join("notes.txt")).unwrap();
        forget_unreferenced(&folder, &[]);
        assert!(!folder.exists());
        assert!(forget_unreferenced(&dir.path().join("none"), &[]).is_empty());
    }

    #[test]
    fn takes_are_carried_over_to_the_new_folder() {
        let dir = tempfile::tempdir().unwrap();
        let (from, to) = (dir.path().join("tmp"), dir.path().join("sanne.brand.recordings"));
        std::fs::create_dir_all(&from).unwrap();
        std::fs::write(from.join("a.flac"), b"take a").unwrap();
        std::fs::write(from.join("b.flac"), b"take b").unwrap();
        let failed = carry_over(&from, &to, &["a.flac", "missing.flac"], true);
        assert!(failed.is_empty(), "{failed:?}");
        assert_eq!(std::fs::read(to.join("a.flac")).unwrap(), b"take a");
        assert!(!from.join("a.flac").exists(), "moved out of the temporary folder");
        assert!(from.join("b.flac").exists(), "a take no attempt refers to stays");
        // Copied, not moved, from a saved document's folder.
        let other = dir.path().join("copy.brand.recordings");
        assert!(carry_over(&to, &other, &["a.flac"], false).is_empty());
        assert!(to.join("a.flac").exists() && other.join("a.flac").exists());
    }
}
