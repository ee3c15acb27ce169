//! Messages shown above the page: what happened, how serious it is, a button that goes
//! with it, and how long it stays.

use std::time::{Duration, Instant};

/// How long a success stays: long enough to read a sentence twice.
pub const SUCCESS_STAYS: Duration = Duration::from_secs(6);
/// How long an "Undo" stays: a little longer, so the hand can get to the button.
pub const UNDO_STAYS: Duration = Duration::from_secs(10);

/// A message shown above the page: successes fade, problems stay until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// How serious it is.
    pub level: NoticeLevel,
    /// The sentence.
    pub text: String,
    /// A button that goes with it ("Undo", "Save PDF…").
    pub action: Option<NoticeAction>,
    /// When it was shown, or last held under the pointer or the keyboard focus.
    pub since: Instant,
}

impl Notice {
    /// How long it stays after [`Notice::since`]; `None` for what the person must see
    /// (a warning, or a print that needs "Save PDF…" instead).
    pub fn stays(&self) -> Option<Duration> {
        match (self.level, self.action) {
            (NoticeLevel::Warning, _) | (_, Some(NoticeAction::SavePdf)) => None,
            (NoticeLevel::Info, Some(NoticeAction::Undo)) => Some(UNDO_STAYS),
            (NoticeLevel::Info, None) => Some(SUCCESS_STAYS),
        }
    }

    /// How long until it fades at `now` (zero once it has); `None` when it never fades.
    pub fn left(&self, now: Instant) -> Option<Duration> {
        self.stays().map(|stays| stays.saturating_sub(now.saturating_duration_since(self.since)))
    }
}

/// What a notice's button does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeAction {
    /// Undo the edit the notice is about.
    Undo,
    /// Save the card as a PDF (when it could not be opened for printing).
    SavePdf,
}

/// Severity of a [`Notice`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeLevel {
    /// Good to know.
    Info,
    /// Something went wrong, nothing was lost.
    Warning,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notice(level: NoticeLevel, action: Option<NoticeAction>, since: Instant) -> Notice {
        Notice { level, text: "The card was saved.".into(), action, since }
    }

    #[test]
    fn successes_fade_problems_stay() {
        let start = Instant::now();
        let later = |secs| start + Duration::from_secs(secs);
        let saved = notice(NoticeLevel::Info, None, start);
        assert_eq!(saved.left(later(2)), Some(Duration::from_secs(4)));
        assert_eq!(saved.left(later(6)), Some(Duration::ZERO));
        let deleted = notice(NoticeLevel::Info, Some(NoticeAction::Undo), start);
        assert_eq!(deleted.left(later(6)), Some(Duration::from_secs(4)));
        assert_eq!(deleted.left(later(11)), Some(Duration::ZERO));
        assert_eq!(notice(NoticeLevel::Warning, None, start).left(later(3600)), None);
        assert_eq!(notice(NoticeLevel::Info, Some(NoticeAction::SavePdf), start).left(later(3600)), None);
    }
}
