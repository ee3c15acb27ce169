//! The attempts of a pitch: a table, and charts of duration against the target and of
//! words per minute over the attempts, with the personal speaking rate.

use egui_plot::{HLine, Line, Plot, PlotPoints, Points};

use super::RehearseContext;
use crate::i18n::{Tr, fill};
use crate::logic::rate::personal_wpm;
use crate::logic::rehearsal::attempts;
use crate::model::Pitch;
use crate::ui::theme;

pub(super) fn show(ui: &mut egui::Ui, pitch: &Pitch, cx: &mut RehearseContext<'_>) {
    ui.add_space(theme::SPACE_L);
    let tries = attempts(&cx.document.rehearsals, &pitch.id);
    let rate = personal_wpm(cx.document, pitch.language);
    let rate_text = match rate {
        Some(wpm) => {
            fill(cx.t(Tr::PersonalRate), &[("wpm", &format!("{wpm:.0}")), ("language", &pitch.language.native_name())])
        }
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
        .filter_map(|(i, attempt)| attempt.words_per_minute().map(|wpm| [i as f64 + 1.0, wpm]))
        .collect();
    let height = theme::CHART_HEIGHT;
    let wide = ui.available_width() >= theme::WIDE_LAYOUT;
    let target_color = theme::warn_color(ui);
    let duration_plot = |ui: &mut egui::Ui| {
        ui.label(cx.t(Tr::ChartDuration));
        let plot = Plot::new("rehearse_durations").height(height).allow_scroll(false).allow_drag(false);
        plot.include_y(0.0).include_y(target * 1.4).show(ui, |plot| {
            plot.hline(HLine::new(cx.t(Tr::ChartTarget), target).color(target_color));
            plot.line(Line::new(cx.t(Tr::ChartDurationLegend), PlotPoints::from(durations.clone())));
            plot.points(Points::new(cx.t(Tr::ChartDurationLegend), PlotPoints::from(durations.clone())).radius(3.0));
        });
    };
    let rate_plot = |ui: &mut egui::Ui| {
        ui.label(cx.t(Tr::ChartRate));
        let plot = Plot::new("rehearse_rates").height(height).allow_scroll(false).allow_drag(false);
        plot.include_y(80.0).include_y(200.0).show(ui, |plot| {
            if let Some(wpm) = rate {
                plot.hline(HLine::new(cx.t(Tr::ChartPersonalRate), wpm));
            }
            plot.line(Line::new(cx.t(Tr::ChartRateLegend), PlotPoints::from(rates.clone())));
            plot.points(Points::new(cx.t(Tr::ChartRateLegend), PlotPoints::from(rates.clone())).radius(3.0));
        });
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
    egui::Grid::new("rehearse_history").striped(true).num_columns(7).show(ui, |ui| {
        for header in [
            Tr::ColumnDate,
            Tr::ColumnRevision,
            Tr::ColumnDuration,
            Tr::ColumnRate,
            Tr::ColumnClarity,
            Tr::ColumnConfidence,
            Tr::ColumnNote,
        ] {
            ui.label(egui::RichText::new(cx.t(header)).strong());
        }
        ui.end_row();
        for attempt in tries.iter().rev() {
            ui.label(attempt.at.to_string().replace('T', " ").trim_end_matches('Z').get(..16).unwrap_or_default());
            ui.label(if attempt.revision == 0 { "—".to_owned() } else { attempt.revision.to_string() });
            let seconds = attempt.duration_ms as f64 / 1000.0;
            let over = seconds > target;
            let text = egui::RichText::new(format!("{seconds:.1} s"));
            ui.label(if over { text.color(theme::warn_color(ui)) } else { text });
            ui.label(attempt.words_per_minute().map_or("—".to_owned(), |wpm| format!("{wpm:.0}")));
            ui.label(attempt.clarity.map_or("—".to_owned(), |v| v.to_string()));
            ui.label(attempt.confidence.map_or("—".to_owned(), |v| v.to_string()));
            ui.add(egui::Label::new(&attempt.note).truncate());
            ui.end_row();
        }
    });
}
