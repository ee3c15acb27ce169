//! Typed errors of loading and saving, each naming the file and, where it applies,
//! the line and column.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use super::stamp::Conflict;

/// Why a document's bytes are not a brand document this version can open.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    /// The file is larger than the limit.
    #[error("the file is {} MiB; brand documents larger than 16 MiB are refused", .bytes / (1024 * 1024))]
    TooLarge {
        /// Its size.
        bytes: u64,
    },
    /// A folder was given where a file was expected.
    #[error("this is a folder, not a brand document")]
    IsADirectory,
    /// The bytes are not UTF-8 text.
    #[error("this is not text (invalid UTF-8); it may be a binary file or use another encoding")]
    NotUtf8 {
        /// Line of the first bad byte (1-based).
        line: usize,
        /// Column of the first bad byte (1-based, in characters).
        column: usize,
    },
    /// RON syntax or structure error.
    #[error("{message}")]
    Syntax {
        /// Line (1-based).
        line: usize,
        /// Column (1-based).
        column: usize,
        /// What is wrong, in words.
        message: String,
    },
    /// The file has no `format` field, so it is not a brand document.
    #[error("this is not a Pitchcraft brand document (it has no `format` field)")]
    NotABrandDocument,
    /// Written by a newer version.
    #[error(
        "this file was made by a newer Pitchcraft (format {found}; this version reads formats up to {supported}); update Pitchcraft to open it"
    )]
    NewerFormat {
        /// The format in the file.
        found: u32,
        /// The newest format this version reads.
        supported: u32,
    },
}

impl DocumentError {
    /// The line and column the error points at, if any.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            DocumentError::NotUtf8 { line, column } | DocumentError::Syntax { line, column, .. } => {
                Some((*line, *column))
            }
            _ => None,
        }
    }
}

/// A document that could not be loaded, with the file it came from.
#[derive(Debug)]
pub struct LoadError {
    /// The file.
    pub path: PathBuf,
    /// What went wrong.
    pub kind: LoadErrorKind,
}

/// The two ways loading fails.
#[derive(Debug)]
pub enum LoadErrorKind {
    /// The file could not be read.
    Io(io::Error),
    /// The file was read, but is not a document this version opens.
    Document(DocumentError),
}

impl LoadError {
    pub(crate) fn io(path: &Path, source: io::Error) -> Self {
        Self { path: path.to_path_buf(), kind: LoadErrorKind::Io(source) }
    }

    pub(crate) fn document(path: &Path, error: DocumentError) -> Self {
        Self { path: path.to_path_buf(), kind: LoadErrorKind::Document(error) }
    }

    /// The line and column the error points at, if any.
    pub fn position(&self) -> Option<(usize, usize)> {
        match &self.kind {
            LoadErrorKind::Document(error) => error.position(),
            LoadErrorKind::Io(_) => None,
        }
    }

    /// The message without the file and position.
    pub fn message(&self) -> String {
        match &self.kind {
            LoadErrorKind::Io(error) if error.kind() == io::ErrorKind::NotFound => "no such file".to_owned(),
            LoadErrorKind::Io(error) if error.kind() == io::ErrorKind::PermissionDenied => {
                "permission denied: Pitchcraft may not read this file".to_owned()
            }
            LoadErrorKind::Io(error) => format!("could not read the file: {error}"),
            LoadErrorKind::Document(error) => error.to_string(),
        }
    }

    /// True when the file does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(&self.kind, LoadErrorKind::Io(error) if error.kind() == io::ErrorKind::NotFound)
    }
}

/// `FILE:LINE:COLUMN: message`, or `FILE: message` where no position applies.
impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position() {
            Some((line, column)) => {
                write!(f, "{}:{line}:{column}: {}", self.path.display(), self.message())
            }
            None => write!(f, "{}: {}", self.path.display(), self.message()),
        }
    }
}

impl std::error::Error for LoadError {}

impl SaveError {
    /// What kept an I/O failure from writing, in terms a person can act on.
    pub fn fault(&self) -> Option<super::WriteFault> {
        match self {
            SaveError::Io { source, .. } => Some(super::WriteFault::of(source)),
            _ => None,
        }
    }
}

/// A save that did not happen; the file on disk is as it was.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Another program changed (or created, or removed) the file since it was loaded.
    #[error("{}: {kind}", path.display())]
    Conflict {
        /// The file.
        path: PathBuf,
        /// What changed.
        kind: Conflict,
    },
    /// Writing failed.
    #[error("{}: could not save: {}", path.display(), super::WriteFault::of(source).describe(source))]
    Io {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        source: io::Error,
    },
    /// The document could not be turned into text (a defect, reported rather than hidden).
    #[error("could not write the document as text: {message}")]
    Serialize {
        /// The serializer's message.
        message: String,
    },
}
