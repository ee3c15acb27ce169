//! The language layer of the drafts: sentences composed from the profile's parts with the
//! grammar of each language, not templates with the answers pasted in.
//!
//! - [`fragment`]: what a person typed, made fit for a sentence (case, brackets, punctuation);
//! - [`numbers`]: numbers said as a speaker says them;
//! - [`grammar`]: per language, a fragment in the form its sentence needs, the audience
//!   spoken to as "you", questions to the listener;
//! - [`sections`]: the sections of a draft, in phrasings of different lengths.

pub mod fragment;
pub mod grammar;
pub mod numbers;
pub mod sections;
