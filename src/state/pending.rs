//! What the person asked for that waits until unsaved changes are dealt with.

use std::path::PathBuf;

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// Start a new document.
    New,
    /// Show the open dialog.
    Open,
    /// Open this file.
    OpenPath(PathBuf),
    /// Open a copy of the sample.
    OpenSample,
    /// Open a copy of this backup.
    OpenBackup(PathBuf),
    /// Create an empty document at this path and open it.
    CreateAt(PathBuf),
    /// Close the window.
    Quit,
}
