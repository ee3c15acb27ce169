//! The prompt on top of the app: what it asks and what it shows. Drawn by
//! `ui::prompts`, opened and answered by the shell.

use std::path::PathBuf;

use super::{CardFormat, NetworkFile, Pending};

/// What a typed path is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    /// Open that file.
    Open,
    /// Save there, then continue.
    SaveAs(Option<Pending>),
    /// Export the card there.
    Export(CardFormat),
    /// Import contacts from there, or export people or the calendar there.
    Network(NetworkFile),
}

/// A prompt on top of the app.
#[derive(Debug)]
pub enum Prompt {
    /// Edits would be lost: save, discard or cancel.
    Unsaved {
        /// What happens afterwards.
        then: Pending,
        /// Why saving failed, when it did.
        error: Option<String>,
    },
    /// The file changed on disk since it was opened.
    Conflict {
        /// The file.
        path: PathBuf,
    },
    /// A file could not be opened.
    LoadFailed(LoadFailure),
    /// Something went wrong; nothing was lost.
    Error {
        /// The sentence to show.
        message: String,
    },
    /// Help → About: the version and where things live.
    About(About),
    /// No file dialog could be shown: the user types a path.
    TypePath {
        /// Open or save.
        purpose: PathPurpose,
        /// The path typed so far.
        text: String,
    },
}

/// What Help → About shows besides the version: where this person's things are.
#[derive(Debug, Default)]
pub struct About {
    /// The open document's file, if it has one.
    pub document: Option<PathBuf>,
    /// Its backups' folder.
    pub backups: Option<PathBuf>,
    /// The settings file.
    pub settings: Option<PathBuf>,
}

/// Everything the "could not open" prompt shows.
#[derive(Debug)]
pub struct LoadFailure {
    /// The file.
    pub path: PathBuf,
    /// `FILE:LINE:COLUMN: message`.
    pub summary: String,
    /// The offending line with a caret under the column, when known.
    pub excerpt: Option<String>,
    /// The newest backup of the file, if any.
    pub backup: Option<PathBuf>,
    /// The file does not exist (offer to create it).
    pub not_found: bool,
    /// Whether the details are unfolded.
    pub show_details: bool,
}
