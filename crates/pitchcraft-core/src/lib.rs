//! Pitchcraft's core: the brand document ([`model`]), the pure rules and analyses over it
//! ([`logic`]), reading and writing it safely ([`storage`]) and the words of both languages
//! ([`i18n`]). Nothing here knows a window, a typesetter or an audio device.
//!
//! Data flows one way: [`model`] → [`logic`] → [`storage`].

pub mod i18n;
pub mod logic;
pub mod model;
pub mod storage;

pub use model::BrandDocument;
