//! Older file formats and how they become the current one.
//!
//! Each old format keeps its own serde types in a module of its own, frozen as they
//! were, plus a conversion to the next format. Loading an old file parses it with its
//! own types and converts step by step; saving always writes the current format.
//! Every old format has a fixture file under `tests/fixtures/` that must keep loading.

mod v0;

use crate::model::BrandDocument;

/// Parses `text`, written in the older `format`, into the current document.
pub(super) fn from_format(
    format: u32,
    text: &str,
    options: &ron::Options,
) -> Result<BrandDocument, ron::error::SpannedError> {
    match format {
        0 => options.from_str::<v0::BrandDocument>(text).map(BrandDocument::from),
        // Formats between 0 and the current one do not exist yet; the probe only sends
        // formats below the current one here.
        _ => options.from_str::<BrandDocument>(text),
    }
}
