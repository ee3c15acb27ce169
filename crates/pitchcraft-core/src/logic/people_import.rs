//! A contacts file of any kind the app reads, told apart by its content rather than its
//! name: vCard (`BEGIN:VCARD`), a contact list as CSV (LinkedIn, Google, Outlook), or
//! LinkedIn's "Download your data" archive as downloaded (a zip holding Connections.csv).

use std::io::Read;

use super::linkedin_profile::{self, LinkedInProfile};
use super::people_merge::{ImportReport, ImportWarning};
use super::{contact_lists, vcard};
use crate::model::BrandDocument;

/// The largest Connections.csv taken out of an archive (5,000 connections are about 1 MB):
/// an archive whose file would expand beyond it is refused before anything is unpacked.
pub const MAX_UNPACKED: u64 = 64 * 1024 * 1024;

/// Imports the contacts in a file's bytes: a zip is LinkedIn's archive (its
/// Connections.csv, in any folder and any case, unpacked in memory only, at most
/// [`MAX_UNPACKED`]); anything else is text (UTF-8 or Latin-1).
pub fn import_bytes(document: &mut BrandDocument, bytes: &[u8]) -> Result<ImportReport, String> {
    if bytes.starts_with(b"PK\x03\x04") {
        return match connections_from_archive(bytes) {
            Ok(connections) => import(document, &vcard::decode(&connections)),
            // The archive's directory is at its end: an archive cut short has none, but its
            // entries can still be read one after the other up to the break.
            Err(error) if zip::ZipArchive::new(std::io::Cursor::new(bytes)).is_err() => {
                let connections = connections_from_broken_archive(bytes).ok_or(error)?;
                let mut report = import(document, &vcard::decode(&connections))?;
                report.warnings.push(ImportWarning::ArchiveCutShort);
                Ok(report)
            }
            Err(error) => Err(error),
        };
    }
    import(document, &vcard::decode(bytes))
}

/// Connections.csv out of LinkedIn's archive; a clear error for a damaged archive, one
/// without it, or one that would expand too far.
pub fn connections_from_archive(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| format!("not a readable zip archive: {e}"))?;
    let index = (0..archive.len())
        .find(|&i| file_name(&archive, i).is_some_and(|file| file.eq_ignore_ascii_case("connections.csv")))
        .ok_or_else(|| "the archive holds no Connections.csv (ask LinkedIn for your connections)".to_owned())?;
    unpack(&mut archive, index, "Connections.csv")
}

/// Connections.csv out of an archive whose directory is missing (cut short), read entry by
/// entry from its start; `None` unless the whole file came before the break. Never more
/// than [`MAX_UNPACKED`] is unpacked.
fn connections_from_broken_archive(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut reader = std::io::Cursor::new(bytes);
    while let Ok(Some(file)) = zip::read::read_zipfile_from_stream(&mut reader) {
        let wanted = file.name().is_ok_and(|name| {
            name.rsplit(['/', '\\']).next().is_some_and(|f| f.eq_ignore_ascii_case("connections.csv"))
        });
        if !wanted {
            continue;
        }
        let mut out = Vec::new();
        // A read that stops at the break fails (its checksum is read after the data).
        file.take(MAX_UNPACKED + 1).read_to_end(&mut out).ok()?;
        return (out.len() as u64 <= MAX_UNPACKED).then_some(out);
    }
    None
}

/// The owner's own profile in LinkedIn's archive (headline, positions, skills and their
/// endorsements, recommendations), or `None` when the bytes are no such archive or it
/// holds nothing of the owner. A damaged or oversized file in it is passed over.
pub fn profile_from_archive(bytes: &[u8]) -> Option<LinkedInProfile> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return None;
    }
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let wanted: Vec<(usize, String)> = (0..archive.len())
        .filter_map(|i| file_name(&archive, i).filter(|file| linkedin_profile::wants(file)).map(|file| (i, file)))
        .collect();
    let files: Vec<(String, String)> = wanted
        .into_iter()
        .filter_map(|(index, name)| Some((name.clone(), vcard::decode(&unpack(&mut archive, index, &name).ok()?))))
        .collect();
    let profile = LinkedInProfile::read(files.iter().map(|(name, text)| (name.as_str(), text.as_str())));
    (!profile.is_empty()).then_some(profile)
}

/// The owner's profile in LinkedIn's export unpacked into `folder` (its files read up to
/// [`MAX_UNPACKED`] each), or `None` when there is nothing of the owner in it.
pub fn profile_from_folder(folder: &std::path::Path) -> Option<LinkedInProfile> {
    let files: Vec<(String, String)> = std::fs::read_dir(folder)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !linkedin_profile::wants(&name) || entry.metadata().ok()?.len() > MAX_UNPACKED {
                return None;
            }
            Some((name, vcard::decode(&std::fs::read(entry.path()).ok()?)))
        })
        .collect();
    let profile = LinkedInProfile::read(files.iter().map(|(name, text)| (name.as_str(), text.as_str())));
    (!profile.is_empty()).then_some(profile)
}

/// The file name (without its folder) of the archive's entry `index`.
fn file_name(archive: &zip::ZipArchive<std::io::Cursor<&[u8]>>, index: usize) -> Option<String> {
    let name = archive.name_for_index(index)?.ok()?;
    name.rsplit(['/', '\\']).next().map(str::to_owned)
}

/// The entry `index` unpacked in memory: refused by the size it says it holds before
/// anything is unpacked, and never read past [`MAX_UNPACKED`], whatever it says.
fn unpack(archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>, index: usize, name: &str) -> Result<Vec<u8>, String> {
    let file = archive.by_index(index).map_err(|e| format!("{name} in the archive: {e}"))?;
    if file.size() > MAX_UNPACKED {
        return Err(format!("{name} would unpack to {} MB, more than such a file can be", file.size() / (1024 * 1024)));
    }
    let mut out = Vec::new();
    file.take(MAX_UNPACKED + 1).read_to_end(&mut out).map_err(|e| format!("{name} in the archive: {e}"))?;
    if out.len() as u64 > MAX_UNPACKED {
        return Err(format!("{name} unpacks to more than it said: refused"));
    }
    Ok(out)
}

/// Imports the contacts in `text` (decoded with [`vcard::decode`]); an error in words when
/// it is no contacts file this app knows, with nothing changed.
fn import(document: &mut BrandDocument, text: &str) -> Result<ImportReport, String> {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.get(..11).is_some_and(|head| head.eq_ignore_ascii_case("BEGIN:VCARD")) {
        return Ok(vcard::import(document, text));
    }
    let list = contact_lists::read(text)?;
    Ok(contact_lists::import(document, list))
}
