//! A contacts file of any kind the app reads, told apart by its content rather than its
//! name: vCard (`BEGIN:VCARD`), a contact list as CSV (LinkedIn, Google, Outlook), or
//! LinkedIn's "Download your data" archive as downloaded (a zip holding Connections.csv).

use std::io::Read;

use super::people_merge::ImportReport;
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
        let connections = connections_from_archive(bytes)?;
        return import(document, &vcard::decode(&connections));
    }
    import(document, &vcard::decode(bytes))
}

/// Connections.csv out of LinkedIn's archive; a clear error for a damaged archive, one
/// without it, or one that would expand too far.
pub fn connections_from_archive(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| format!("not a readable zip archive: {e}"))?;
    let index = (0..archive.len())
        .find(|&i| {
            archive.name_for_index(i).is_some_and(|name| {
                name.ok().is_some_and(|name| {
                    name.rsplit(['/', '\\']).next().is_some_and(|file| file.eq_ignore_ascii_case("connections.csv"))
                })
            })
        })
        .ok_or_else(|| "the archive holds no Connections.csv (ask LinkedIn for your connections)".to_owned())?;
    let file = archive.by_index(index).map_err(|e| format!("Connections.csv in the archive: {e}"))?;
    // Refused by what it says it holds, before unpacking; and never read past the limit,
    // whatever it says.
    if file.size() > MAX_UNPACKED {
        return Err(format!(
            "Connections.csv would unpack to {} MB, more than a list of connections can be",
            file.size() / (1024 * 1024)
        ));
    }
    let mut out = Vec::new();
    file.take(MAX_UNPACKED + 1).read_to_end(&mut out).map_err(|e| format!("Connections.csv in the archive: {e}"))?;
    if out.len() as u64 > MAX_UNPACKED {
        return Err("Connections.csv unpacks to more than it said: refused".to_owned());
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
