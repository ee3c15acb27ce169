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
    NoteTitle,
    NoteTitleHint,
    UnsafeLink,
    UntitledNote,
}
