//! The language layer of the drafts, in three stages with typed outputs, data flowing one
//! way as in a compiler: **read** each profile answer once into a typed phrase
//! ([`read`]), **plan** what each section says for this audience, length and language
//! ([`sections`]), **say** it with the grammar of the language ([`say`]).
//!
//! - [`fragment`]: what a person typed, made fit for a sentence (case, brackets, punctuation);
//! - [`numbers`]: numbers said as a speaker says them;
//! - [`read`]: an answer as a typed phrase, or `Unknown`, kept in the person's words;
//! - [`say`]: a phrase in the sentence it goes into (Dutch *te* in verb clusters, English
//!   "-ing" on coordinated verbs, the listener as "you" / *u* / *je*, questions);
//! - [`sections`]: the plan of each section, in phrasings of different lengths;
//! - [`preview`]: the sentence one answer becomes, shown while the person types.

pub mod fragment;
pub mod numbers;
pub mod preview;
pub mod read;
pub mod say;
pub mod sections;
