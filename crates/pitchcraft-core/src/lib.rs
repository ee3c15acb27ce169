//! Pitchcraft's core: the brand document ([`model`]), the pure rules and analyses over it
//! ([`logic`]), reading and writing it safely ([`storage`]), the words of both languages
//! ([`i18n`]) and the lexicons that read what people type ([`lang`]). Nothing here knows a window, a typesetter or an audio device.
//!
//! Data flows one way: [`model`] → [`logic`] → [`storage`].

pub mod i18n;
pub mod lang;
pub mod logic;
pub mod model;
pub mod storage;

pub use model::BrandDocument;
