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
    let document = match format {
        0 => options.from_str::<v0::BrandDocument>(text).map(BrandDocument::from)?,
        // Format 2 only added fields that have defaults (an audience's formal or informal
        // address, whether an attempt counts toward the speaking rate), so a format-1 file
        // reads with today's types as it is.
        _ => options.from_str::<BrandDocument>(text)?,
    };
    Ok(BrandDocument { format: crate::model::CURRENT_FORMAT, ..document })
}
