//! The files besides the document that the app writes and reads: card formats and the
//! network's files.

use crate::i18n::Tr;

/// The network's files the app reads and writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NetworkFile {
    /// Contacts in: vCard, a contact list as CSV, LinkedIn's archive.
    ImportContacts,
    /// Anything that comes in (File → Import): contacts, or an invitation (.ics) that
    /// becomes an event; told apart by the file's name.
    Import,
    /// An attendee list (Eventbrite, Meetup) into the event open on the Network page.
    ImportAttendees,
    /// The people out, as vCard 4.0.
    ExportContacts,
    /// Follow-ups and events out, as iCalendar.
    ExportCalendar,
}

impl NetworkFile {
    /// The label in menus and on buttons.
    pub fn label(self) -> Tr {
        match self {
            NetworkFile::ImportContacts => Tr::NetImportContacts,
            NetworkFile::Import => Tr::MenuImport,
            NetworkFile::ImportAttendees => Tr::NetImportAttendees,
            NetworkFile::ExportContacts => Tr::NetExportContacts,
            NetworkFile::ExportCalendar => Tr::NetExportCalendar,
        }
    }
}

/// A file format the card is exported in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardFormat {
    /// A print-ready PDF.
    Pdf,
    /// A self-contained HTML page.
    Html,
    /// Markdown text.
    Markdown,
    /// Business cards, ten to a sheet with crop marks, as a PDF.
    BusinessCards,
}

impl CardFormat {
    /// The file name ending.
    pub fn extension(self) -> &'static str {
        match self {
            CardFormat::Pdf | CardFormat::BusinessCards => "pdf",
            CardFormat::Html => "html",
            CardFormat::Markdown => "md",
        }
    }

    /// The ending of a suggested file name: `sanne.card.pdf`, `sanne.business-cards.pdf`.
    pub fn suggested_suffix(self) -> String {
        match self {
            CardFormat::BusinessCards => "business-cards.pdf".to_owned(),
            other => format!("card.{}", other.extension()),
        }
    }
}
