//! The Rehearse page: pick a pitch, read it aloud against the timer with the teleprompter,
//! mark the sections, then rate and keep the attempt; the history shows progress.
//!
//! The page asks for a repaint only when something visible will change: the next whole
//! second of the timer (or its next colour), a steady 30 frames a second while the text
//! scrolls, and nothing at all while idle or paused.

mod history;
mod prompter;
mod result;
mod run;
mod setup;
pub mod voice;

use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::command::Command;
use crate::i18n::{Tr, tr};
use crate::logic::rate::planning_wpm;
use crate::logic::rehearsal::{ScrollPlan, revision_rehearsed, spoken_sections};
use crate::logic::timer::{Display, Phase, Thresholds, Timer, next_change, next_tone_change};
use crate::model::{BrandDocument, Language, Pitch, Timestamp};

/// Auto-scroll frame interval: 30 frames a second keeps moving text smooth. A little under
/// 1/30 s, since the wait starts during a frame: with the frame's own time the rate stays
/// at 30 or above.
const SCROLL_FRAME: Duration = Duration::from_millis(31);

/// The pace the teleprompter scrolls at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Pace {
    /// The pace that fits the pitch in its target time.
    #[default]
    Target,
    /// The person's own speaking rate.
    Personal,
}

/// How the person likes to rehearse (remembered between runs and sessions).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RehearseSettings {
    /// Count 3-2-1 before the run.
    pub count_in: bool,
    /// Count up or down.
    pub display: Display,
    /// Show only the colour, no digits.
    pub calm: bool,
    /// When the colour changes.
    pub thresholds: Thresholds,
    /// Teleprompter text size, points.
    pub text_size: f32,
    /// Teleprompter line width, points.
    pub line_width: f32,
    /// Scroll the text by itself.
    pub auto_scroll: bool,
    /// Scroll at the target pace or the personal rate.
    pub pace: Pace,
    /// Mirror the text for a beam-splitter teleprompter.
    pub mirror: bool,
    /// Record the voice during each run.
    pub record: bool,
    /// The microphone by the sound server's name (the system's default when none).
    pub input_device: Option<String>,
}

impl Default for RehearseSettings {
    fn default() -> Self {
        Self {
            count_in: true,
            display: Display::CountUp,
            calm: false,
            thresholds: Thresholds::default(),
            text_size: 34.0,
            line_width: 760.0,
            auto_scroll: false,
            pace: Pace::Target,
            mirror: false,
            record: false,
            input_device: None,
        }
    }
}

/// The run being rehearsed: what was read, at what rate.
#[derive(Clone, Debug)]
pub struct Run {
    /// The pitch id.
    pub pitch: String,
    /// The revision rehearsed (0 for unsaved text).
    pub revision: u32,
    /// Words read.
    pub words: usize,
    /// The language of the text.
    pub language: Language,
    /// When the run started (wall clock, for the record).
    pub started_at: Timestamp,
    /// The target length.
    pub target: Duration,
}

/// A finished run waiting for its rating.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// The run.
    pub run: Run,
    /// How long it took.
    pub duration: Duration,
    /// The marked sections' durations.
    pub section_ms: Vec<u64>,
    /// Clarity 1–5, when rated.
    pub clarity: Option<u8>,
    /// Confidence 1–5, when rated.
    pub confidence: Option<u8>,
    /// A note to self.
    pub note: String,
    /// The recording of the run, when the voice was recorded (handed in by the shell once
    /// the recording is finished).
    pub take: Option<voice::OutcomeTake>,
}

/// What the page remembers between frames.
#[derive(Default)]
pub struct RehearseState {
    /// The pitch picked.
    pub pitch: Option<String>,
    /// The timer.
    pub timer: Option<Timer>,
    /// The run in progress.
    pub run: Option<Run>,
    /// Where the teleprompter scrolls.
    pub scroll: Option<ScrollPlan>,
    /// The finished run, to rate and keep or discard.
    pub outcome: Option<Outcome>,
    /// "Stop this attempt?" is showing.
    pub confirm_stop: bool,
    /// Give the keyboard to the question's first answer on the next frame (it just opened).
    pub focus_confirm: bool,
    /// The microphone, the take being recorded and the one being played.
    pub voice: voice::VoiceState,
}

impl RehearseState {
    /// True while a run is counting in, running or paused.
    pub fn in_run(&self, now: Instant) -> bool {
        self.timer
            .as_ref()
            .is_some_and(|timer| matches!(timer.phase_at(now), Phase::CountIn | Phase::Running | Phase::Paused))
    }
}

/// What the page's views get.
pub struct RehearseContext<'a> {
    /// The document.
    pub document: &'a BrandDocument,
    /// Interface language.
    pub language: Language,
    /// Page state.
    pub state: &'a mut RehearseState,
    /// Preferences.
    pub settings: &'a mut RehearseSettings,
    /// The monotonic now of this frame (a fake clock in tests).
    pub now: Instant,
    /// Commands for the app.
    pub out: &'a mut Vec<Command>,
    /// Whether bare keys may act (no prompt is open).
    pub keys: bool,
    /// The recorder and the player as the shell saw them before this frame.
    pub voice: &'a crate::state::voice::VoiceView,
}

impl RehearseContext<'_> {
    /// The text of `key`.
    pub fn t(&self, key: Tr) -> &'static str {
        tr(self.language, key)
    }

    /// The pitch picked, or the first one.
    pub fn pitch(&self) -> Option<&Pitch> {
        let picked = self.state.pitch.as_deref().and_then(|id| self.document.pitch(id));
        picked.or(self.document.pitches.first())
    }
}

/// Starts a run of `pitch` (the keyboard's Space, the Start button, the automation flag).
pub fn start(
    state: &mut RehearseState,
    settings: &RehearseSettings,
    document: &BrandDocument,
    pitch: &Pitch,
    now: Instant,
) {
    let count_in = if settings.count_in { Duration::from_secs(3) } else { Duration::ZERO };
    let mut timer = Timer::new(count_in);
    timer.start(now);
    let words = spoken_sections(pitch).iter().map(|(_, text)| crate::logic::draft::word_count(text)).sum();
    let target = Duration::from_secs(u64::from(pitch.target_seconds.max(1)));
    let wpm = match settings.pace {
        Pace::Personal => planning_wpm(document, pitch.language),
        Pace::Target => (words as f64 / target.as_secs_f64() * 60.0).max(20.0),
    };
    state.pitch = Some(pitch.id.clone());
    state.timer = Some(timer);
    state.scroll = Some(ScrollPlan::new(wpm));
    state.outcome = None;
    state.confirm_stop = false;
    state.run = Some(Run {
        pitch: pitch.id.clone(),
        revision: revision_rehearsed(pitch),
        words,
        language: pitch.language,
        started_at: Timestamp::new(time::OffsetDateTime::now_utc()),
        target,
    });
}

/// Draws the page.
pub fn show(ui: &mut egui::Ui, mut cx: RehearseContext<'_>) {
    let Some(pitch) = cx.pitch().cloned() else {
        ui.add_space(crate::ui::theme::SPACE_XL);
        ui.vertical_centered(|ui| ui.label(egui::RichText::new(cx.t(Tr::RehearseNoPitch)).weak()));
        return;
    };
    let now = cx.now;
    let phase = cx.state.timer.as_mut().map(|timer| timer.phase(now));
    match (phase, cx.state.outcome.is_some()) {
        (Some(Phase::CountIn | Phase::Running | Phase::Paused), _) => run::show(ui, &pitch, &mut cx),
        (_, true) => result::show(ui, &pitch, &mut cx),
        // The setup and the history scroll together: with the timer settings open, or at
        // 800 × 600, the charts and the table are below the fold.
        _ => {
            // One scroll area for both directions: in a narrow window the history table
            // scrolls the page sideways rather than losing its last columns. (A sideways
            // area of its own inside this one would take every scroll-into-view, so Tab
            // and a screen reader could no longer bring a row into view from above.)
            let area = egui::ScrollArea::both().id_salt("rehearse_setup").auto_shrink(false);
            area.show_viewport(ui, |ui, viewport| {
                // As wide as the window shows and the other pages' content, and clear of the
                // scroll bar, which floats over the right edge (the charts ran under it).
                let width = viewport.width() - crate::ui::widgets::scroll_gutter(ui);
                ui.set_max_width(width.min(crate::ui::theme::PAGE_WIDTH));
                setup::show(ui, &pitch, &mut cx);
                history::show(ui, &pitch, &mut cx);
            });
        }
    }
    schedule_repaint(ui.ctx(), &cx);
}

/// Asks for the next frame exactly when the display will change, and not before.
fn schedule_repaint(ctx: &egui::Context, cx: &RehearseContext<'_>) {
    let (Some(timer), Some(run)) = (cx.state.timer.as_ref(), cx.state.run.as_ref()) else { return };
    match timer.phase_at(cx.now) {
        Phase::CountIn => {
            let left = timer.count_in_left(cx.now).unwrap_or_default();
            let to_next = Duration::from_nanos(u64::from(left.subsec_nanos()));
            ctx.request_repaint_after(if to_next.is_zero() { Duration::from_secs(1) } else { to_next });
        }
        Phase::Running if cx.settings.auto_scroll => ctx.request_repaint_after(SCROLL_FRAME),
        Phase::Running => {
            let elapsed = timer.elapsed(cx.now);
            let wait = if cx.settings.calm {
                next_tone_change(elapsed, run.target, cx.settings.thresholds)
            } else {
                Some(next_change(elapsed, run.target, cx.settings.thresholds))
            };
            // A hair after the change, so the frame lands on the new second.
            if let Some(wait) = wait {
                ctx.request_repaint_after(wait + Duration::from_millis(1));
            }
        }
        Phase::Idle | Phase::Paused | Phase::Finished => {}
    }
}
