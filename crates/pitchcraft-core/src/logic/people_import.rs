//! A contacts file of any kind the app reads, told apart by its content rather than its
//! name: vCard (`BEGIN:VCARD`), else a contact list as CSV (LinkedIn, Google, Outlook).

use super::people_merge::ImportReport;
use super::{contact_lists, vcard};
use crate::model::BrandDocument;

/// What kind of contacts file the text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    VCard,
    List(contact_lists::Layout),
}

/// Imports the contacts in `text` (decoded with [`vcard::decode`]); an error in words when
/// it is no contacts file this app knows, with nothing changed.
pub fn import(document: &mut BrandDocument, text: &str) -> Result<(Source, ImportReport), String> {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.get(..11).is_some_and(|head| head.eq_ignore_ascii_case("BEGIN:VCARD")) {
        return Ok((Source::VCard, vcard::import(document, text)));
    }
    let list = contact_lists::read(text)?;
    let layout = list.layout;
    Ok((Source::List(layout), contact_lists::import(document, list)))
}
