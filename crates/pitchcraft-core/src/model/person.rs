//! Who the brand belongs to: name, headline and the contact details for the card.

use serde::{Deserialize, Serialize};

/// The person behind the brand. Empty text means "not given".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    /// Full name as it should appear on the card.
    pub name: String,
    /// One line under the name (at most 120 characters on the card).
    pub headline: String,
    /// Job title or role.
    pub role: String,
    /// Employer or own company.
    pub organisation: String,
    /// E-mail address.
    pub email: String,
    /// Phone number, as the person writes it.
    pub phone: String,
    /// Website or profile address.
    pub website: String,
    /// City or region.
    pub location: String,
}
