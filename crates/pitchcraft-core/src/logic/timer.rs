//! The rehearsal timer: a state machine fed with monotonic `Instant`s, so it can be
//! driven by a fake clock in tests. Elapsed time is always `now − start − paused`, never a
//! sum of ticks, so it cannot drift however unevenly frames arrive. The monotonic clock
//! does not count a suspended laptop, so a run never comes back with an absurd duration.

use std::time::{Duration, Instant};

/// Where the timer is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Not started.
    Idle,
    /// Counting 3-2-1 before the run.
    CountIn,
    /// Running.
    Running,
    /// Paused.
    Paused,
    /// Finished; the duration is fixed.
    Finished,
}

/// A rehearsal timer.
#[derive(Clone, Debug)]
pub struct Timer {
    phase: Phase,
    count_in: Duration,
    count_in_until: Option<Instant>,
    started: Option<Instant>,
    paused_at: Option<Instant>,
    paused_total: Duration,
    finished: Option<Duration>,
    /// Elapsed time at which each section after the first started.
    marks: Vec<Duration>,
}

impl Timer {
    /// A timer with a count-in of `count_in` (zero for none).
    pub fn new(count_in: Duration) -> Self {
        Self {
            phase: Phase::Idle,
            count_in,
            count_in_until: None,
            started: None,
            paused_at: None,
            paused_total: Duration::ZERO,
            finished: None,
            marks: Vec::new(),
        }
    }

    /// The phase, after letting a finished count-in turn into the run.
    pub fn phase(&mut self, now: Instant) -> Phase {
        self.tick(now);
        self.phase
    }

    /// The phase at `now`, without changing the timer.
    pub fn phase_at(&self, now: Instant) -> Phase {
        match (self.phase, self.count_in_until) {
            (Phase::CountIn, Some(until)) if now >= until => Phase::Running,
            (phase, _) => phase,
        }
    }

    /// Moves from count-in to running once the count-in is over. The run starts at the
    /// exact end of the count-in, whenever the next frame happens to come.
    pub fn tick(&mut self, now: Instant) {
        if let (Phase::CountIn, Some(until)) = (self.phase, self.count_in_until)
            && now >= until
        {
            self.phase = Phase::Running;
            self.started = Some(until);
        }
    }

    /// Starts from idle (or after a finish): count-in if set, else running.
    pub fn start(&mut self, now: Instant) {
        if !matches!(self.phase, Phase::Idle | Phase::Finished) {
            return;
        }
        let count_in = self.count_in;
        *self = Timer::new(count_in);
        if count_in.is_zero() {
            self.phase = Phase::Running;
            self.started = Some(now);
        } else {
            self.phase = Phase::CountIn;
            self.count_in_until = Some(now + count_in);
        }
    }

    /// Pauses a running timer.
    pub fn pause(&mut self, now: Instant) {
        self.tick(now);
        if self.phase == Phase::Running {
            self.phase = Phase::Paused;
            self.paused_at = Some(now);
        }
    }

    /// Resumes a paused timer.
    pub fn resume(&mut self, now: Instant) {
        if self.phase == Phase::Paused {
            let paused_at = self.paused_at.take().unwrap_or(now);
            self.paused_total += now.saturating_duration_since(paused_at);
            self.phase = Phase::Running;
        }
    }

    /// Pause when running, resume when paused.
    pub fn toggle_pause(&mut self, now: Instant) {
        match self.phase(now) {
            Phase::Running => self.pause(now),
            Phase::Paused => self.resume(now),
            _ => {}
        }
    }

    /// Marks the start of the next section (while running).
    pub fn mark(&mut self, now: Instant) {
        if self.phase(now) == Phase::Running {
            let at = self.elapsed(now);
            if self.marks.last().is_none_or(|last| at > *last) {
                self.marks.push(at);
            }
        }
    }

    /// Ends the run and fixes its duration. Returns it, or `None` when nothing ran.
    pub fn finish(&mut self, now: Instant) -> Option<Duration> {
        self.tick(now);
        match self.phase {
            Phase::Running | Phase::Paused => {
                let elapsed = self.elapsed(now);
                self.finished = Some(elapsed);
                self.phase = Phase::Finished;
                Some(elapsed)
            }
            _ => None,
        }
    }

    /// Back to idle, dropping the run.
    pub fn stop(&mut self) {
        *self = Timer::new(self.count_in);
    }

    /// Drops the run and starts again.
    pub fn restart(&mut self, now: Instant) {
        self.stop();
        self.start(now);
    }

    /// Running time: `now − start − paused`; frozen while paused and once finished.
    pub fn elapsed(&self, now: Instant) -> Duration {
        if let Some(finished) = self.finished {
            return finished;
        }
        // A count-in that is over has started the run, even before the next tick.
        let started = match (self.phase, self.count_in_until) {
            (Phase::CountIn, Some(until)) if now >= until => Some(until),
            _ => self.started,
        };
        let Some(started) = started else { return Duration::ZERO };
        let until = match (self.phase, self.paused_at) {
            (Phase::Paused, Some(paused_at)) => paused_at,
            _ => now,
        };
        until.saturating_duration_since(started).saturating_sub(self.paused_total)
    }

    /// Time left in the count-in, while counting in.
    pub fn count_in_left(&self, now: Instant) -> Option<Duration> {
        match (self.phase, self.count_in_until) {
            (Phase::CountIn, Some(until)) => Some(until.saturating_duration_since(now)),
            _ => None,
        }
    }

    /// The section being spoken: 0 for the first, one more for each mark.
    pub fn section(&self) -> usize {
        self.marks.len()
    }

    /// The duration of each section so far (the last one up to now).
    pub fn section_times(&self, now: Instant) -> Vec<Duration> {
        let end = self.elapsed(now);
        let mut starts = vec![Duration::ZERO];
        starts.extend(self.marks.iter().copied());
        starts
            .iter()
            .enumerate()
            .map(|(i, start)| starts.get(i + 1).copied().unwrap_or(end).saturating_sub(*start))
            .collect()
    }
}

/// The colour the timer shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// Plenty of time.
    Neutral,
    /// Nearly there.
    Amber,
    /// At or over the target.
    Red,
}

/// When the colour changes, as shares of the target (defaults 80 % and 100 %).
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Thresholds {
    /// Amber from this share of the target.
    pub amber: f32,
    /// Red from this share of the target.
    pub red: f32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self { amber: 0.8, red: 1.0 }
    }
}

impl Thresholds {
    /// The two moments, amber then red, for a target (never red before amber).
    fn moments(self, target: Duration) -> (Duration, Duration) {
        let amber = target.mul_f32(self.amber.clamp(0.0, 3.0));
        let red = target.mul_f32(self.red.clamp(0.0, 3.0)).max(amber);
        (amber, red)
    }

    /// The tone at `elapsed` for `target`.
    pub fn tone(self, elapsed: Duration, target: Duration) -> Tone {
        let (amber, red) = self.moments(target);
        if elapsed >= red {
            Tone::Red
        } else if elapsed >= amber {
            Tone::Amber
        } else {
            Tone::Neutral
        }
    }
}

/// How the time is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Display {
    /// 0:00 up to the target, then +0:01 …
    #[default]
    CountUp,
    /// The time left, then +0:01 … over the target.
    CountDown,
}

/// Whole seconds as m:ss.
pub fn clock(seconds: u64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// The time as shown: count-up or count-down in whole seconds, and overtime as +m:ss.
pub fn shown(elapsed: Duration, target: Duration, display: Display) -> String {
    if elapsed > target && !target.is_zero() {
        return format!("+{}", clock((elapsed - target).as_secs()));
    }
    match display {
        Display::CountUp => clock(elapsed.as_secs()),
        // The time left, rounded up: a full 0:30 at the start, 0:00 exactly at the target.
        Display::CountDown => clock((target - elapsed).as_secs() + u64::from((target - elapsed).subsec_nanos() > 0)),
    }
}

/// How long until what is shown (the text or the colour) next changes; the view asks for
/// a repaint then and not before.
pub fn next_change(elapsed: Duration, target: Duration, thresholds: Thresholds) -> Duration {
    // Targets are whole seconds, so count-up, count-down and overtime all change on whole
    // seconds of elapsed time.
    let to_next_second = Duration::from_secs(elapsed.as_secs() + 1) - elapsed;
    let (amber, red) = thresholds.moments(target);
    [amber, red]
        .into_iter()
        .filter(|moment| *moment > elapsed)
        .map(|moment| moment - elapsed)
        .fold(to_next_second, Duration::min)
}

/// How long until the colour next changes, if it still will (calm mode shows only that).
pub fn next_tone_change(elapsed: Duration, target: Duration, thresholds: Thresholds) -> Option<Duration> {
    let (amber, red) = thresholds.moments(target);
    [amber, red].into_iter().filter(|moment| *moment > elapsed).map(|moment| moment - elapsed).min()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fake clock: an origin and an offset moved by hand.
    struct Clock(Instant);

    impl Clock {
        fn at(&self, seconds: f64) -> Instant {
            self.0 + Duration::from_secs_f64(seconds)
        }
    }

    fn clock_and_timer(count_in: u64) -> (Clock, Timer) {
        (Clock(Instant::now()), Timer::new(Duration::from_secs(count_in)))
    }

    #[test]
    fn start_pause_resume_finish() {
        let (clock, mut timer) = clock_and_timer(0);
        assert_eq!(timer.phase(clock.at(0.0)), Phase::Idle);
        assert_eq!(timer.elapsed(clock.at(5.0)), Duration::ZERO);
        timer.start(clock.at(1.0));
        assert_eq!(timer.elapsed(clock.at(11.0)), Duration::from_secs(10));
        timer.pause(clock.at(11.0));
        assert_eq!(timer.elapsed(clock.at(100.0)), Duration::from_secs(10), "frozen while paused");
        timer.resume(clock.at(20.0));
        assert_eq!(timer.elapsed(clock.at(25.0)), Duration::from_secs(15));
        assert_eq!(timer.finish(clock.at(31.5)), Some(Duration::from_secs_f64(21.5)));
        assert_eq!(timer.phase(clock.at(99.0)), Phase::Finished);
        assert_eq!(timer.elapsed(clock.at(500.0)), Duration::from_secs_f64(21.5), "fixed once finished");
    }

    #[test]
    fn the_count_in_comes_first_and_the_run_starts_exactly_at_its_end() {
        let (clock, mut timer) = clock_and_timer(3);
        timer.start(clock.at(0.0));
        assert_eq!(timer.phase(clock.at(1.2)), Phase::CountIn);
        assert_eq!(timer.count_in_left(clock.at(1.2)), Some(Duration::from_secs_f64(1.8)));
        timer.mark(clock.at(2.0));
        assert_eq!(timer.section(), 0, "no marks before the run");
        // The next frame comes late; the run still started at 3.0.
        assert_eq!(timer.phase(clock.at(4.5)), Phase::Running);
        assert_eq!(timer.elapsed(clock.at(4.5)), Duration::from_secs_f64(1.5));
    }

    #[test]
    fn marks_split_the_run_into_sections() {
        let (clock, mut timer) = clock_and_timer(0);
        timer.start(clock.at(0.0));
        timer.mark(clock.at(4.0));
        timer.mark(clock.at(4.0));
        timer.pause(clock.at(6.0));
        timer.mark(clock.at(7.0));
        timer.resume(clock.at(10.0));
        timer.mark(clock.at(12.0));
        timer.finish(clock.at(15.0));
        assert_eq!(timer.section(), 2, "a double press and a mark while paused count once");
        let seconds: Vec<f64> = timer.section_times(clock.at(99.0)).iter().map(Duration::as_secs_f64).collect();
        assert_eq!(seconds, [4.0, 4.0, 3.0]);
    }

    #[test]
    fn restart_and_stop_drop_the_run() {
        let (clock, mut timer) = clock_and_timer(0);
        timer.start(clock.at(0.0));
        timer.mark(clock.at(2.0));
        timer.restart(clock.at(5.0));
        assert_eq!((timer.section(), timer.elapsed(clock.at(6.0))), (0, Duration::from_secs(1)));
        timer.stop();
        assert_eq!(timer.phase(clock.at(7.0)), Phase::Idle);
        assert_eq!(timer.finish(clock.at(8.0)), None);
    }

    #[test]
    fn overtime_and_thresholds() {
        let target = Duration::from_secs(30);
        let thresholds = Thresholds::default();
        let at = |s: f64| Duration::from_secs_f64(s);
        assert_eq!(thresholds.tone(at(23.9), target), Tone::Neutral);
        assert_eq!(thresholds.tone(at(24.0), target), Tone::Amber);
        assert_eq!(thresholds.tone(at(30.0), target), Tone::Red);
        let custom = Thresholds { amber: 0.5, red: 0.4 };
        assert_eq!(custom.tone(at(15.0), target), Tone::Red, "red never comes before amber");
        assert_eq!(shown(at(0.0), target, Display::CountUp), "0:00");
        assert_eq!(shown(at(29.9), target, Display::CountUp), "0:29");
        assert_eq!(shown(at(0.0), target, Display::CountDown), "0:30");
        assert_eq!(shown(at(0.2), target, Display::CountDown), "0:30");
        assert_eq!(shown(at(1.0), target, Display::CountDown), "0:29");
        assert_eq!(shown(at(30.0), target, Display::CountDown), "0:00");
        assert_eq!(shown(at(94.5), target, Display::CountDown), "+1:04");
        assert_eq!(shown(at(61.0), Duration::ZERO, Display::CountUp), "1:01");
    }

    #[test]
    fn repaints_are_asked_for_only_when_the_display_changes() {
        let target = Duration::from_secs(30);
        let at = |s: f64| Duration::from_secs_f64(s);
        let next = |s: f64| next_change(at(s), target, Thresholds::default()).as_secs_f64();
        assert!((next(10.25) - 0.75).abs() < 1e-9, "the next whole second");
        assert!((next(23.5) - 0.5).abs() < 1e-9, "amber at 24 s");
        let odd = Thresholds { amber: 0.81, red: 1.0 };
        assert!((next_change(at(24.1), target, odd).as_secs_f64() - 0.2).abs() < 1e-6, "amber at 24.3 s");
        assert!((next(45.0) - 1.0).abs() < 1e-9);
        let calm = |s: f64| next_tone_change(at(s), target, Thresholds::default());
        assert_eq!(calm(10.0), Some(Duration::from_secs(14)));
        assert_eq!(calm(25.0), Some(Duration::from_secs(5)));
        assert_eq!(calm(31.0), None, "red stays red: no more repaints");
    }

    #[test]
    fn elapsed_never_drifts_over_ten_thousand_uneven_frames() {
        let (clock, mut timer) = clock_and_timer(0);
        timer.start(clock.at(0.0));
        let mut now = 0.0;
        let mut state: u64 = 7;
        for frame in 0..10_000 {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            now += 0.001 + (state >> 40) as f64 / (1u64 << 24) as f64 * 0.1;
            timer.tick(clock.at(now));
            if frame == 5_000 {
                timer.pause(clock.at(now));
                now += 12.0;
                timer.resume(clock.at(now));
            }
            let expected = now - 12.0 * f64::from(u8::from(frame >= 5_000));
            assert!((timer.elapsed(clock.at(now)).as_secs_f64() - expected).abs() < 1e-6, "frame {frame}");
        }
    }
}
