//! Where the person is: the page of an open document, and the colour theme they chose.

use serde::{Deserialize, Serialize};

use crate::i18n::Tr;

/// The pages of an open document, in navigation order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Page {
    /// Values, expertise, goals, audiences, brand statement.
    #[default]
    Discover,
    /// Drafting and editing pitches.
    Pitches,
    /// Timed practice.
    Rehearse,
    /// The printed brand card.
    Card,
    /// People, events and follow-ups.
    Network,
    /// Markdown notes.
    Notes,
}

impl Page {
    /// Every page, in navigation order.
    pub const ALL: [Page; 6] = [Page::Discover, Page::Pitches, Page::Rehearse, Page::Card, Page::Network, Page::Notes];

    /// The page's name.
    pub fn title(self) -> Tr {
        match self {
            Page::Discover => Tr::PageDiscover,
            Page::Pitches => Tr::PagePitches,
            Page::Rehearse => Tr::PageRehearse,
            Page::Card => Tr::PageCard,
            Page::Network => Tr::PageNetwork,
            Page::Notes => Tr::PageNotes,
        }
    }

    /// One line on what the page is for.
    pub fn purpose(self) -> Tr {
        match self {
            Page::Discover => Tr::PurposeDiscover,
            Page::Pitches => Tr::PurposePitches,
            Page::Rehearse => Tr::PurposeRehearse,
            Page::Card => Tr::PurposeCard,
            Page::Network => Tr::PurposeNetwork,
            Page::Notes => Tr::PurposeNotes,
        }
    }

    /// The name used on the command line (`--page discover`).
    pub fn code(self) -> &'static str {
        match self {
            Page::Discover => "discover",
            Page::Pitches => "pitches",
            Page::Rehearse => "rehearse",
            Page::Card => "card",
            Page::Network => "network",
            Page::Notes => "notes",
        }
    }
}

/// The colour theme the user picked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the desktop.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// Every choice, in menu order.
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    /// The menu label.
    pub fn label(self) -> Tr {
        match self {
            ThemeChoice::System => Tr::ThemeSystem,
            ThemeChoice::Light => Tr::ThemeLight,
            ThemeChoice::Dark => Tr::ThemeDark,
        }
    }

    /// The egui preference it stands for.
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}
