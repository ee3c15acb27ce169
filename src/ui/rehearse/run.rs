//! During a run: the timer large and coloured, the section being spoken, the controls,
//! and the teleprompter. Hands-free keys: Space or → marks the next section, P pauses,
//! Enter finishes, Esc stops, R restarts, +/− text size, ↑/↓ scroll speed, F11 full
//! screen, M mirror.

use std::time::Duration;

use super::{Outcome, RehearseContext, prompter};
use crate::i18n::{Tr, fill};
use crate::logic::rehearsal::spoken_sections;
use crate::logic::timer::{Phase, Tone, shown};
use crate::model::Pitch;
use crate::ui::pitches::section_name;
use crate::ui::theme;

/// What the person asked for this frame, by key or button.
#[derive(Default)]
struct Asked {
    mark: bool,
    pause: bool,
    finish: bool,
    stop: bool,
    restart: bool,
    text_size: f32,
    pace: f64,
    fullscreen: bool,
    mirror: bool,
}

fn keys(ui: &egui::Ui, cx: &RehearseContext<'_>) -> Asked {
    let mut asked = Asked::default();
    if !cx.keys || ui.ctx().text_edit_focused() {
        return asked;
    }
    ui.input_mut(|input| {
        let mut key = |key| input.consume_key(egui::Modifiers::NONE, key);
        asked.mark = key(egui::Key::Space) | key(egui::Key::ArrowRight);
        asked.pause = key(egui::Key::P);
        asked.finish = key(egui::Key::Enter);
        asked.stop = key(egui::Key::Escape);
        asked.restart = key(egui::Key::R);
        asked.fullscreen = key(egui::Key::F11);
        asked.mirror = key(egui::Key::M);
        if key(egui::Key::Plus) | key(egui::Key::Equals) {
            asked.text_size += 2.0;
        }
        if key(egui::Key::Minus) {
            asked.text_size -= 2.0;
        }
        if key(egui::Key::ArrowUp) {
            asked.pace += 0.1;
        }
        if key(egui::Key::ArrowDown) {
            asked.pace -= 0.1;
        }
    });
    asked
}

pub(super) fn show(ui: &mut egui::Ui, pitch: &Pitch, cx: &mut RehearseContext<'_>) {
    let mut asked = keys(ui, cx);
    let now = cx.now;
    let (Some(mut timer), Some(run)) = (cx.state.timer.clone(), cx.state.run.clone()) else { return };
    // A snapshot for drawing; what the person asks is applied to the kept timer at the end.
    let phase = timer.phase(now);
    let elapsed = timer.elapsed(now);
    let sections = spoken_sections(pitch);

    egui::Panel::top("rehearse_clock").frame(theme::inner_panel()).show(ui, |ui| {
        ui.add_space(theme::SPACE_S);
        clock(ui, cx, &mut timer, &run, elapsed);
        super::voice::during_run(ui, cx);
        let current = timer.section().min(sections.len().saturating_sub(1));
        if let Some((kind, _)) = sections.get(current) {
            let text = fill(
                cx.t(Tr::SectionOf),
                &[("n", &(current + 1)), ("total", &sections.len()), ("name", &cx.t(section_name(*kind)))],
            );
            ui.vertical_centered(|ui| ui.label(egui::RichText::new(text).size(theme::LEAD_SIZE)));
        }
        ui.add_space(theme::SPACE_S);
        ui.horizontal_wrapped(|ui| {
            let running = phase == Phase::Running;
            asked.mark |= ui.add_enabled(running, egui::Button::new(cx.t(Tr::MarkSection))).clicked();
            let pause_label = if phase == Phase::Paused { Tr::ResumeRun } else { Tr::PauseRun };
            asked.pause |= ui.add_enabled(phase != Phase::CountIn, egui::Button::new(cx.t(pause_label))).clicked();
            asked.finish |= ui.button(cx.t(Tr::FinishRun)).clicked();
            asked.stop |= ui.button(cx.t(Tr::StopRun)).clicked();
            asked.restart |= ui.button(cx.t(Tr::RestartRun)).clicked();
            ui.separator();
            if ui.small_button("A−").on_hover_text(cx.t(Tr::TextSmaller)).clicked() {
                asked.text_size -= 2.0;
            }
            if ui.small_button("A+").on_hover_text(cx.t(Tr::TextLarger)).clicked() {
                asked.text_size += 2.0;
            }
            if cx.settings.auto_scroll {
                if ui.small_button("↓").on_hover_text(cx.t(Tr::ScrollSlower)).clicked() {
                    asked.pace -= 0.1;
                }
                if ui.small_button("↑").on_hover_text(cx.t(Tr::ScrollFaster)).clicked() {
                    asked.pace += 0.1;
                }
            }
            asked.mirror |= ui.small_button(cx.t(Tr::MirrorText)).clicked();
            asked.fullscreen |= ui.small_button(cx.t(Tr::FullScreen)).clicked();
        });
        ui.add_space(theme::SPACE_S);
    });

    if cx.state.confirm_stop {
        confirm_stop(ui, cx, pitch);
    }
    egui::CentralPanel::default().frame(theme::inner_panel()).show(ui, |ui| {
        let words = cx.state.scroll.map_or(0.0, |plan| plan.words_at(elapsed));
        prompter::show(ui, &sections, timer.section(), words, cx.settings);
    });

    apply(ui, cx, asked, pitch);
}

/// The timer: digits in the colour of the phase, or only the colour in calm mode.
fn clock(
    ui: &mut egui::Ui,
    cx: &RehearseContext<'_>,
    timer: &mut crate::logic::timer::Timer,
    run: &super::Run,
    elapsed: Duration,
) {
    let now = cx.now;
    let tone = cx.settings.thresholds.tone(elapsed, run.target);
    let fill = match tone {
        Tone::Neutral => ui.visuals().faint_bg_color,
        Tone::Amber => theme::warn_color(ui).gamma_multiply(0.35),
        Tone::Red => theme::error_color(ui).gamma_multiply(0.35),
    };
    let text = match (timer.count_in_left(now), cx.settings.calm) {
        (Some(left), _) => format!("{}", left.as_secs() + u64::from(left.subsec_nanos() > 0)),
        (None, true) => String::new(),
        (None, false) => shown(elapsed, run.target, cx.settings.display),
    };
    if std::env::var_os("PITCHCRAFT_TRACE_FRAMES").is_some() && timer.count_in_left(now).is_none() {
        eprintln!("rehearse shown={text} elapsed_ms={}", elapsed.as_millis());
    }
    egui::Frame::new().fill(fill).corner_radius(theme::RADIUS).inner_margin(egui::Margin::symmetric(16, 8)).show(
        ui,
        |ui| {
            ui.set_width(ui.available_width());
            ui.set_min_height(theme::CLOCK_SIZE);
            ui.vertical_centered(|ui| {
                if !text.is_empty() {
                    ui.label(egui::RichText::new(text).size(theme::CLOCK_SIZE).monospace().strong());
                }
                if timer.phase(now) == Phase::Paused {
                    ui.label(egui::RichText::new(cx.t(Tr::Paused)).size(theme::LEAD_SIZE));
                }
            });
        },
    );
}

fn confirm_stop(ui: &mut egui::Ui, cx: &mut RehearseContext<'_>, pitch: &Pitch) {
    egui::Panel::bottom("rehearse_confirm_stop").frame(theme::inner_panel()).show(ui, |ui| {
        ui.add_space(theme::SPACE_S);
        ui.label(egui::RichText::new(cx.t(Tr::StopQuestion)).strong());
        ui.horizontal(|ui| {
            let keep = ui.button(cx.t(Tr::StopKeep));
            // The question takes the keyboard when it opens: Tab and Enter answer it.
            if std::mem::take(&mut cx.state.focus_confirm) {
                keep.request_focus();
            }
            if keep.clicked() {
                finish(cx, pitch);
            }
            if ui.button(cx.t(Tr::StopDiscard)).clicked() {
                super::voice::discard(cx);
                cx.state.timer = None;
                cx.state.run = None;
                cx.state.confirm_stop = false;
            }
            if ui.button(cx.t(Tr::StopGoOn)).clicked() {
                if let Some(timer) = &mut cx.state.timer {
                    timer.resume(cx.now);
                }
                cx.state.confirm_stop = false;
            }
        });
        ui.add_space(theme::SPACE_S);
    });
}

/// Ends the run and turns it into an outcome to rate.
fn finish(cx: &mut RehearseContext<'_>, pitch: &Pitch) {
    let (Some(timer), Some(run)) = (&mut cx.state.timer, cx.state.run.clone()) else { return };
    let Some(duration) = timer.finish(cx.now) else { return };
    let section_ms = timer.section_times(cx.now).iter().map(|d| d.as_millis() as u64).collect();
    super::voice::end(cx, pitch);
    cx.state.outcome =
        Some(Outcome { run, duration, section_ms, clarity: None, confidence: None, note: String::new(), take: None });
    cx.state.confirm_stop = false;
}

/// Applies what was asked to the timer kept in the page state (the drawing above used a
/// snapshot of it), unless the run already ended this frame.
fn apply(ui: &egui::Ui, cx: &mut RehearseContext<'_>, asked: Asked, pitch: &Pitch) {
    let now = cx.now;
    if asked.fullscreen {
        let fullscreen = ui.ctx().input(|input| input.viewport().fullscreen.unwrap_or(false));
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Fullscreen(!fullscreen));
    }
    if asked.mirror {
        cx.settings.mirror = !cx.settings.mirror;
    }
    cx.settings.text_size = (cx.settings.text_size + asked.text_size).clamp(18.0, 96.0);
    let Some(timer) = cx.state.timer.as_mut().filter(|timer| timer.phase_at(now) != Phase::Finished) else {
        return;
    };
    if asked.pace != 0.0
        && let Some(plan) = &mut cx.state.scroll
    {
        plan.adjust(timer.elapsed(now), asked.pace);
    }
    if asked.restart {
        timer.restart(now);
        if let Some(plan) = &mut cx.state.scroll {
            *plan = crate::logic::rehearsal::ScrollPlan::new(plan.wpm);
        }
        super::voice::begin(cx, pitch);
        return;
    }
    if asked.mark {
        timer.mark(now);
    }
    if asked.pause {
        timer.toggle_pause(now);
    }
    if asked.stop && !cx.state.confirm_stop {
        timer.pause(now);
        cx.state.confirm_stop = true;
        cx.state.focus_confirm = true;
    }
    if asked.mark {
        super::voice::mark(cx);
    }
    if asked.finish {
        finish(cx, pitch);
    }
}
