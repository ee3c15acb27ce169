//! The words of the Notes page.

page_keys! {
    6;
    DeleteNote,
    DeleteNoteTip,
    DeletedNote,
    NewNote,
    NoNotes,
    NoteBoth,
    NoteEdit,
    NoteRead,
    NoteText,
    NoteTextHint,
    NoteTitleHint,
    UnsafeLink,
    UntitledNote,
}
