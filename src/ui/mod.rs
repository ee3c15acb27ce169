//! The egui views. A view reads the document and settings and pushes [`Command`]s;
//! it never changes the document itself.
//!
//! [`Command`]: crate::command::Command

pub mod card;
pub mod discover;
pub mod drop;
pub mod menu;
pub mod names;
pub mod nav;
pub mod network;
pub mod notes;
pub mod pitches;
pub mod print;
pub mod prompts;
pub mod rehearse;
pub mod status_bar;
pub mod theme;
pub mod welcome;
pub mod widgets;
