//! What the person answered in a prompt.

/// What the user chose in the "unsaved changes" prompt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedChoice {
    /// Save first, then go on.
    Save,
    /// Throw the changes away and go on.
    Discard,
    /// Do not go on.
    Cancel,
}

/// What the user chose when the file changed on disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictChoice {
    /// Drop my changes and load the file as it is now.
    ReloadTheirs,
    /// Save my version as a new file beside it, and keep working in that copy.
    KeepMineAsCopy,
    /// Replace the file with my version.
    Overwrite,
}
