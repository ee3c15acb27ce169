//! The names of the document's kinds of things, in the interface language.

use crate::i18n::Tr;
use crate::model::{CardSection, Network};

/// The name of a network.
pub fn network_name(network: Network) -> Tr {
    match network {
        Network::Operational => Tr::NetworkOperational,
        Network::Personal => Tr::NetworkPersonal,
        Network::Strategic => Tr::NetworkStrategic,
    }
}

/// The name of a card section.
pub fn card_section_name(section: CardSection) -> Tr {
    match section {
        CardSection::Headline => Tr::CardSectionHeadline,
        CardSection::BrandStatement => Tr::CardSectionBrandStatement,
        CardSection::Values => Tr::CardSectionValues,
        CardSection::Strengths => Tr::CardSectionStrengths,
        CardSection::Pitch => Tr::CardSectionPitch,
        CardSection::Goals => Tr::CardSectionGoals,
        CardSection::Contact => Tr::CardSectionContact,
        CardSection::QrCode => Tr::CardSectionQrCode,
    }
}
