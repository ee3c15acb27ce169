//! A point in wall-clock time, written as RFC 3339 text (`2026-11-27T18:02:11Z`).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// A UTC moment stored as readable RFC 3339 text. The default is the Unix epoch,
/// which only appears when a hand-edited file leaves the field out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(OffsetDateTime);

impl Timestamp {
    /// Wraps a moment, normalised to UTC and whole seconds (the file keeps seconds).
    pub fn new(at: OffsetDateTime) -> Self {
        let utc = at.to_offset(time::UtcOffset::UTC);
        Self(utc.replace_nanosecond(0).unwrap_or(utc))
    }

    /// From seconds since the Unix epoch; out-of-range values clamp to the epoch.
    pub fn from_unix_seconds(seconds: i64) -> Self {
        Self::new(OffsetDateTime::from_unix_timestamp(seconds).unwrap_or(OffsetDateTime::UNIX_EPOCH))
    }

    /// Seconds since the Unix epoch.
    pub fn unix_seconds(self) -> i64 {
        self.0.unix_timestamp()
    }

    /// The wrapped moment (UTC).
    pub fn get(self) -> OffsetDateTime {
        self.0
    }
}

impl Default for Timestamp {
    fn default() -> Self {
        Self(OffsetDateTime::UNIX_EPOCH)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.format(&Rfc3339) {
            Ok(text) => f.write_str(&text),
            Err(_) => write!(f, "@{}", self.0.unix_timestamp()),
        }
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        OffsetDateTime::parse(&text, &Rfc3339).map(Self::new).map_err(|_| {
            serde::de::Error::custom(format!("`{text}` is not a date and time like \"2026-11-27T18:02:11Z\""))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_as_rfc3339_text() {
        let at = Timestamp::from_unix_seconds(1_795_802_531);
        let text = ron::to_string(&at).unwrap();
        assert_eq!(text, "\"2026-11-27T18:02:11Z\"");
        assert_eq!(ron::from_str::<Timestamp>(&text).unwrap(), at);
    }

    #[test]
    fn offsets_are_normalised_to_utc() {
        let at: Timestamp = ron::from_str("\"2026-11-27T19:02:11+01:00\"").unwrap();
        assert_eq!(at.to_string(), "2026-11-27T18:02:11Z");
    }

    #[test]
    fn nonsense_is_a_clear_error() {
        let err = ron::from_str::<Timestamp>("\"yesterday\"").unwrap_err();
        assert!(err.to_string().contains("not a date and time"), "{err}");
    }
}
