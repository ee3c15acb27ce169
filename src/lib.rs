//! Pitchcraft: prepare for networking. Discover your values, expertise and goals, turn them
//! into a personal brand and an elevator pitch, rehearse it against a timer, and print a
//! one-page brand card. Documents are plain RON files the user owns.
//!
//! Data flows one way: [`model`] → [`logic`] → [`storage`] / [`card`] → `ui`.
//! Only `ui`, `app` and `command` know egui.

pub mod app;
pub mod card;
pub mod cli;
pub mod command;
pub mod i18n;
pub mod logic;
pub mod model;
pub mod storage;
pub mod ui;

pub use model::BrandDocument;
