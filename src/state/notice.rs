//! Messages shown above the page: what happened, how serious it is, and a button that
//! goes with it.

/// A message shown above the page until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// How serious it is.
    pub level: NoticeLevel,
    /// The sentence.
    pub text: String,
    /// A button that goes with it ("Undo", "Save PDF…").
    pub action: Option<NoticeAction>,
}

/// What a notice's button does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeAction {
    /// Undo the edit the notice is about.
    Undo,
    /// Save the card as a PDF (when it could not be opened for printing).
    SavePdf,
}

/// Severity of a [`Notice`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeLevel {
    /// Good to know.
    Info,
    /// Something went wrong, nothing was lost.
    Warning,
}
