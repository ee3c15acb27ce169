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
        // Formats 2 to 6 only added fields that have defaults (2: an audience's formal or
        // informal address, whether an attempt counts toward the speaking rate; 3: how much
        // of the pitch the card prints, one line by default, because a card that printed
        // the whole spoken pitch, fillers and all, was the complaint; 4: people, encounters,
        // follow-ups and events, and an id per goal that contacts refer to; 5: an attempt's
        // recorded take, its marks as sample positions and its delivery figures; 6: a take's
        // transcript, the words heard and how they held against the script, and a contact
        // not sorted into a network yet), so files of
        // formats 1 to 5 read with today's types as they are. Their goals get ids below.
        _ => options.from_str::<BrandDocument>(text)?,
    };
    let mut document = BrandDocument { format: crate::model::CURRENT_FORMAT, ..document };
    document.assign_goal_ids();
    Ok(document)
}
