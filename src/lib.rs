//! Pitchcraft: prepare for networking. Discover your values, expertise and goals, turn them
//! into a personal brand and an elevator pitch, rehearse it against a timer, and print a
//! one-page brand card. Documents are plain RON files the user owns.
//!
//! Data flows one way: [`model`] → [`logic`] → [`storage`] / [`card`] → `ui`. The layers
//! below the app are crates of their own (`pitchcraft-core`, `pitchcraft-card`), so the
//! compiler keeps them free of egui; this crate is the app (`app`, `ui`, `command`) and the
//! command line (`cli`). The layers are re-exported under their old names, so the app and
//! its tests say `crate::model` and `pitchcraft::storage` as before.

pub mod app;
pub mod cli;
pub mod command;
pub mod identity;
pub mod morning;
pub mod printing;
pub mod renderer;
pub mod state;
pub mod ui;

pub use pitchcraft_card as card;
pub use pitchcraft_core::{i18n, logic, model, storage};

pub use model::BrandDocument;
