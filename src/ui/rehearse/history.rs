//! The attempts of a pitch: a table, and charts of duration against the target and of
//! words per minute over the attempts, with the personal speaking rate.

use egui_plot::{HLine, Line, Plot, PlotPoints, Points, uniform_grid_spacer};

use super::RehearseContext;
use crate::command::{Command, DocEdit};
use crate::i18n::{Tr, fill};
use crate::logic::rate::{RateVerdict, personal_rate, verdict};
use crate::logic::rehearsal::{ChartRange, attempts, chart_range};
use crate::model::Pitch;
use crate::model::{RateChoice, Rehearsal};

/// The switch that puts an attempt in or out of the speaking rate (undoable), with why it
/// is where it is.
fn in_rate(ui: &mut egui::Ui, attempt: &Rehearsal, position: Option<usize>, date: &str, cx: &mut RehearseContext<'_>) {
    let judged = verdict(attempt);
    let mut counts = judged.counts();
    let why = match judged {
        RateVerdict::Rushed { .. } => Tr::RateLeftOutRushed,
        RateVerdict::TooSlow { .. } => Tr::RateLeftOutSlow,
        RateVerdict::ExcludedByHand => Tr::RateLeftOutByHand,
        RateVerdict::IncludedByHand { .. } => Tr::RateInByHand,
        RateVerdict::Counts { .. } | RateVerdict::NoPace => Tr::InRateTip,
    };
    let enabled = position.is_some() && judged != RateVerdict::NoPace;
    let response = ui.add_enabled(enabled, egui::Checkbox::without_text(&mut counts));
    // "In rate: 28 Nov 10:02": which attempt the box is for.
    let name = format!("{}: {date}", cx.t(Tr::ColumnInRate));
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::CheckBox, enabled, counts, &name));
    let changed = response.on_hover_text(cx.t(why)).on_disabled_hover_text(cx.t(why)).changed();
    if changed && let Some(position) = position {
        let choice = if counts { RateChoice::Include } else { RateChoice::Exclude };
        cx.out.push(Command::Edit(DocEdit::step(move |document| {
            if let Some(attempt) = document.rehearsals.get_mut(position) {
                attempt.rate = choice;
            }
        })));
    }
}
use crate::ui::theme;

/// An attempt's words a minute as the table and the chart both show it: measured from the
/// voice when it was recorded, else from the text and the time.
fn shown_wpm(attempt: &Rehearsal) -> Option<f64> {
    attempt.measured_words_per_minute().or_else(|| attempt.words_per_minute())
}

/// A chart of the attempts: fixed to `range` (no zooming or dragging away from it), the
/// attempts numbered from 1 in whole steps, the values with their `unit`. The plot keeps
/// its bounds in memory under its id; the id holds the number of attempts, so that a new
/// attempt is drawn at once, in bounds that include it.
fn attempts_chart<'a>(
    id: &'a str,
    count: usize,
    height: f32,
    range: ChartRange,
    x_label: &'a str,
    unit: &'a str,
) -> Plot<'a> {
    let step = range.x_step;
    Plot::new((id, count))
        .height(height)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_axes(true)
        .default_x_bounds(range.x.0, range.x.1)
        .default_y_bounds(range.y.0, range.y.1)
        .x_axis_label(x_label)
        .x_grid_spacer(uniform_grid_spacer(move |_| [step, step * 5.0, step * 10.0]))
        .x_axis_formatter(|mark, _| {
            let attempt = mark.value.round();
            if (mark.value - attempt).abs() < 1e-6 && attempt >= 1.0 { format!("{attempt:.0}") } else { String::new() }
        })
        .y_axis_formatter(move |mark, _| format!("{:.0} {unit}", mark.value))
        .y_axis_min_width(44.0)
}

pub(super) fn show(ui: &mut egui::Ui, pitch: &Pitch, cx: &mut RehearseContext<'_>) {
    ui.add_space(theme::SPACE_L);
    let tries = attempts(&cx.document.rehearsals, &pitch.id);
    let personal = personal_rate(cx.document, pitch.language);
    let rate = personal.map(|rate| rate.wpm);
    let rate_text = match personal {
        Some(rate) => fill(
            cx.t(Tr::PersonalRate),
            &[
                ("wpm", &format!("{:.0}", rate.wpm)),
                ("count", &rate.attempts),
                ("language", &cx.t(crate::i18n::language_key(pitch.language))),
            ],
        ),
        None => cx.t(Tr::NoPersonalRate).to_owned(),
    };
    ui.label(egui::RichText::new(fill(cx.t(Tr::HistoryTitle), &[("count", &tries.len())])).strong());
    ui.label(egui::RichText::new(rate_text).weak());
    if tries.is_empty() {
        return;
    }
    let target = f64::from(pitch.target_seconds);
    let durations: Vec<[f64; 2]> =
        tries.iter().enumerate().map(|(i, attempt)| [i as f64 + 1.0, attempt.duration_ms as f64 / 1000.0]).collect();
    let rates: Vec<[f64; 2]> = tries
        .iter()
        .enumerate()
        .filter_map(|(i, attempt)| shown_wpm(attempt).map(|wpm| [i as f64 + 1.0, wpm]))
        .collect();
    let height = theme::CHART_HEIGHT;
    let wide = ui.available_width() >= theme::WIDE_LAYOUT;
    let target_color = theme::warn_color(ui);
    let duration_values: Vec<Option<f64>> = durations.iter().map(|point| Some(point[1])).collect();
    let rate_values: Vec<Option<f64>> = tries.iter().map(|attempt| shown_wpm(attempt)).collect();
    let attempt_axis = cx.t(Tr::ChartAttemptAxis);
    let rate_unit = cx.t(Tr::ChartRateUnit);
    let duration_plot = |ui: &mut egui::Ui| {
        ui.label(cx.t(Tr::ChartDuration));
        let range = chart_range(&duration_values, Some(target), Some(0.0));
        let last = durations.last().map_or(0.0, |point| point[1]);
        let summary = fill(
            cx.t(Tr::ChartDurationSummary),
            &[("count", &durations.len()), ("last", &format!("{last:.1}")), ("target", &pitch.target_seconds)],
        );
        let response =
            attempts_chart("rehearse_durations", durations.len(), height, range, attempt_axis, "s").show(ui, |plot| {
                plot.hline(HLine::new(cx.t(Tr::ChartTarget), target).color(target_color));
                plot.line(Line::new(cx.t(Tr::ChartDurationLegend), PlotPoints::from(durations.clone())));
                plot.points(
                    Points::new(cx.t(Tr::ChartDurationLegend), PlotPoints::from(durations.clone())).radius(3.0),
                );
            });
        response.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &summary));
    };
    let rate_plot = |ui: &mut egui::Ui| {
        ui.label(cx.t(Tr::ChartRate));
        let range = chart_range(&rate_values, rate, None);
        let summary = match rates.last() {
            Some(point) => {
                fill(cx.t(Tr::ChartRateSummary), &[("count", &rates.len()), ("last", &format!("{:.0}", point[1]))])
            }
            None => cx.t(Tr::ChartRateEmpty).to_owned(),
        };
        let response =
            attempts_chart("rehearse_rates", rates.len(), height, range, attempt_axis, rate_unit).show(ui, |plot| {
                if let Some(wpm) = rate {
                    plot.hline(HLine::new(cx.t(Tr::ChartPersonalRate), wpm));
                }
                plot.line(Line::new(cx.t(Tr::ChartRateLegend), PlotPoints::from(rates.clone())));
                plot.points(Points::new(cx.t(Tr::ChartRateLegend), PlotPoints::from(rates.clone())).radius(3.0));
            });
        response.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &summary));
    };
    if wide {
        ui.columns(2, |columns| {
            let [left, right] = columns else { return };
            duration_plot(left);
            rate_plot(right);
        });
    } else {
        duration_plot(ui);
        rate_plot(ui);
    }
    ui.add_space(theme::SPACE_M);
    // Where each attempt of this pitch stands in the document, for the in-rate switch.
    let positions: Vec<usize> = cx
        .document
        .rehearsals
        .iter()
        .enumerate()
        .filter(|(_, attempt)| attempt.pitch == pitch.id)
        .map(|(at, _)| at)
        .collect();
    // The delete button comes first, where it is seen without scrolling sideways.
    // In a narrow window the table runs past the page's width and the page scrolls
    // sideways (see the page's scroll area), rather than losing its last columns.
    {
        egui::Grid::new("rehearse_history").striped(true).num_columns(10).show(ui, |ui| {
            ui.label("");
            for header in [
                Tr::ColumnDate,
                Tr::ColumnRevision,
                Tr::ColumnDuration,
                Tr::ColumnRate,
                Tr::ColumnSaid,
                Tr::ColumnInRate,
                Tr::ColumnClarity,
                Tr::ColumnConfidence,
                Tr::ColumnNote,
            ] {
                ui.label(egui::RichText::new(cx.t(header)).strong());
            }
            ui.end_row();
            for (index, attempt) in tries.iter().enumerate().rev() {
                let date = attempt
                    .at
                    .to_string()
                    .replace('T', " ")
                    .trim_end_matches('Z')
                    .get(..16)
                    .unwrap_or_default()
                    .to_owned();
                let position = positions.get(index).copied();
                ui.horizontal(|ui| {
                    delete_button(ui, position, &date, cx);
                    if attempt.take.is_some() {
                        let name = cx.t(Tr::VoiceListen);
                        let listen = ui.small_button("▶").on_hover_text(name);
                        listen.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
                        if listen.clicked() {
                            cx.state.voice.listening_to = position;
                        }
                    }
                });
                ui.label(&date);
                ui.label(if attempt.revision == 0 { "—".to_owned() } else { attempt.revision.to_string() });
                let seconds = attempt.duration_ms as f64 / 1000.0;
                let over = seconds > target;
                let text = egui::RichText::new(format!("{seconds:.1} s"));
                ui.label(if over { text.color(theme::warn_color(ui)) } else { text });
                ui.label(shown_wpm(attempt).map_or("—".to_owned(), |wpm| format!("{wpm:.0}")));
                // The share of the script said, where the take was heard.
                ui.label(attempt.said_share().map_or("—".to_owned(), |share| format!("{:.0} %", share * 100.0)));
                in_rate(ui, attempt, position, &date, cx);
                ui.label(attempt.clarity.map_or("—".to_owned(), |v| v.to_string()));
                ui.label(attempt.confidence.map_or("—".to_owned(), |v| v.to_string()));
                // A long note is cut short (its whole text on hover), so the table does not
                // run a paragraph wide.
                ui.scope(|ui| {
                    ui.set_max_width(theme::NOTE_COLUMN_WIDTH);
                    ui.add(egui::Label::new(&attempt.note).truncate());
                });
                ui.end_row();
            }
        });
    }
    // The take picked in the table, to play back with the text.
    let listening =
        cx.state.voice.listening_to.and_then(|at| cx.document.rehearsals.get(at)).filter(|a| a.pitch == pitch.id);
    if let Some(attempt) = listening.cloned()
        && let Some(take) = &attempt.take
    {
        ui.add_space(theme::SPACE_M);
        let date = attempt.at.to_string().replace('T', " ").get(..16).unwrap_or_default().to_owned();
        crate::ui::widgets::heading(ui, fill(cx.t(Tr::VoiceListeningTo), &[("date", &date)]));
        super::voice::player(ui, cx, pitch, take);
    }
}

/// The × that deletes the attempt at `position` in the document (undoable, and said).
fn delete_button(ui: &mut egui::Ui, position: Option<usize>, date: &str, cx: &mut RehearseContext<'_>) {
    let Some(position) = position else {
        ui.label("");
        return;
    };
    let tip = cx.t(Tr::DeleteAttempt);
    let name = format!("{tip}: {date}");
    let delete = ui.small_button("×").on_hover_text(tip);
    delete.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    if delete.clicked() {
        cx.out.push(Command::Edit(DocEdit::step(move |document| {
            if position < document.rehearsals.len() {
                document.rehearsals.remove(position);
            }
        })));
        cx.out.push(Command::Deleted(fill(cx.t(Tr::DeletedAttempt), &[("date", &date)])));
    }
}
