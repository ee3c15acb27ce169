//! The keys of every user-facing string, declared page by page. Adding a key to a page's
//! file makes the language tests demand its text in `assets/i18n/en.ron` and
//! `assets/i18n/nl.ron`.
//!
//! A key is `Tr::Name`, as before the split: each page's file declares its names as
//! associated constants of [`Tr`], numbered within the page, so a key can be looked up in a
//! table by page and place without a hash.

use std::fmt;

/// Declares one page's keys: associated constants of [`Tr`] and their names in order.
macro_rules! page_keys {
    ($page:literal; $($key:ident),* $(,)?) => {
        #[allow(clippy::enum_variant_names)]
        #[repr(u16)]
        enum Place {
            $($key),*
        }

        #[allow(non_upper_case_globals, missing_docs)]
        impl super::Tr {
            $(pub const $key: super::Tr = super::Tr::at($page, Place::$key as u16);)*
        }

        /// The names of the page's keys, in the order of their places.
        pub(super) const NAMES: &[&str] = &[$(stringify!($key)),*];
    };
}

mod card;
mod discover;
mod network;
mod notes;
mod pitches;
mod rehearse;
mod shell;

/// Each page's key names, in page order (the first number of [`page_keys!`]).
const PAGES: [&[&str]; 7] =
    [shell::NAMES, discover::NAMES, pitches::NAMES, rehearse::NAMES, card::NAMES, network::NAMES, notes::NAMES];

/// A user-facing string; its texts live in the language files.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tr {
    page: u8,
    place: u16,
}

impl Tr {
    const fn at(page: u8, place: u16) -> Tr {
        Tr { page, place }
    }

    /// Every key, page by page.
    pub fn all() -> impl Iterator<Item = Tr> {
        PAGES
            .iter()
            .enumerate()
            .flat_map(|(page, names)| (0..names.len()).map(move |place| Tr::at(page as u8, place as u16)))
    }

    /// The key's name as written in the language files.
    pub fn name(self) -> &'static str {
        PAGES[usize::from(self.page)][usize::from(self.place)]
    }

    /// The page and the place within it, for tables indexed by key.
    pub(crate) fn index(self) -> (usize, usize) {
        (usize::from(self.page), usize::from(self.place))
    }

    /// How many keys each page has, in page order.
    pub(crate) fn page_sizes() -> impl Iterator<Item = usize> {
        PAGES.iter().map(|names| names.len())
    }
}

impl fmt::Debug for Tr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
