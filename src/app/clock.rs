//! Where the app gets "now" from: the monotonic clock, or a clock a test moves by hand.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A source of monotonic time.
pub type Clock = Arc<dyn Fn() -> Instant + Send + Sync>;

/// The real monotonic clock.
pub fn system_clock() -> Clock {
    Arc::new(Instant::now)
}

/// A clock that only moves when told to (tests).
#[derive(Clone)]
pub struct FakeClock(Arc<Mutex<Instant>>);

impl Default for FakeClock {
    fn default() -> Self {
        Self(Arc::new(Mutex::new(Instant::now())))
    }
}

impl FakeClock {
    /// Moves the clock forward.
    pub fn advance(&self, by: Duration) {
        if let Ok(mut now) = self.0.lock() {
            *now += by;
        }
    }

    /// The clock, for [`crate::app::Launch::clock`].
    pub fn clock(&self) -> Clock {
        let time = self.0.clone();
        Arc::new(move || time.lock().map_or_else(|poisoned| *poisoned.into_inner(), |now| *now))
    }
}

/// Today's date where the person is: `PITCHCRAFT_TODAY` (YYYY-MM-DD) when set, so tests
/// and demonstrations are stable, else the local calendar day.
pub fn today() -> chrono::NaiveDate {
    std::env::var("PITCHCRAFT_TODAY")
        .ok()
        .and_then(|text| text.trim().parse().ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}
