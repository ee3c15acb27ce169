//! The languages the app writes in, as data: the lexicons the drafts read profile answers
//! with, and telling English from Dutch in short fields.

pub mod detect;
pub mod lexicon;

pub use detect::{confident_language, language_of};
pub use lexicon::{Form, Lexicon, Verb, lexicon};
