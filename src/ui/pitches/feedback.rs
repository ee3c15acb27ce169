//! Live feedback on a pitch: the time bar against the target, the checks, the findings
//! (each explaining itself), and the text with its findings marked.

use std::rc::Rc;

use egui::text::{LayoutJob, TextFormat};

use super::PitchContext;
use crate::i18n::{Tr, fill};
use crate::logic::analysis::{Analysis, Finding, FindingKind};
use crate::logic::remarks::Remark;
use crate::ui::theme;

/// The most findings listed at once.
const MAX_SHOWN: usize = 30;

/// The colour a kind of finding is marked with.
fn mark_color(ui: &egui::Ui, kind: FindingKind) -> egui::Color32 {
    let base = match kind {
        FindingKind::Filler | FindingKind::Hedge => theme::warn_color(ui),
        FindingKind::Jargon => egui::Color32::from_rgb(0x9b, 0x59, 0xb6),
        FindingKind::Passive => egui::Color32::from_rgb(0x34, 0x98, 0xdb),
        FindingKind::LongSentence | FindingKind::NoNumber | FindingKind::NoAsk => theme::error_color(ui),
    };
    base.gamma_multiply(if ui.visuals().dark_mode { 0.45 } else { 0.3 })
}

/// Length against the target, and the yes/no checks.
pub(super) fn summary(ui: &mut egui::Ui, analysis: &Analysis, target: u32, personal: bool, cx: &mut PitchContext<'_>) {
    let target = f64::from(target.max(1));
    let ratio = analysis.seconds / target;
    let color = if ratio > 1.0 {
        theme::error_color(ui)
    } else if ratio > 0.9 {
        theme::warn_color(ui)
    } else {
        theme::ok_color(ui)
    };
    let (rect, bar) = ui.allocate_exact_size(egui::vec2(ui.available_width(), 10.0), egui::Sense::hover());
    let share = format!("{:.0} %", ratio * 100.0);
    let name = fill(cx.t(Tr::LengthBar), &[("share", &share)]);
    bar.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ProgressIndicator, true, &name));
    let painter = ui.painter();
    painter.rect_filled(rect, 4.0, ui.visuals().extreme_bg_color);
    let color = color.gamma_multiply(0.8);
    // The bar spans 150 % of the target, so overtime shows; the line marks the target.
    let filled = rect.width() * (ratio / 1.5).clamp(0.0, 1.0) as f32;
    painter.rect_filled(egui::Rect::from_min_size(rect.min, egui::vec2(filled, rect.height())), 4.0, color);
    let marker = rect.left() + rect.width() / 1.5;
    painter.vline(marker, rect.y_range(), egui::Stroke::new(2.0, ui.visuals().strong_text_color()));

    let delta = analysis.seconds - target;
    let time = fill(
        cx.t(if delta > 0.5 { Tr::TimeOver } else { Tr::TimeWithin }),
        &[
            ("seconds", &format!("{:.0}", analysis.seconds)),
            ("target", &format!("{target:.0}")),
            ("delta", &format!("{:.0}", delta.abs())),
        ],
    );
    let rate = fill(
        cx.t(if personal { Tr::RatePersonal } else { Tr::RateDefault }),
        &[("wpm", &format!("{:.0}", analysis.wpm))],
    );
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(time).strong().color(color));
        ui.label(egui::RichText::new(rate).weak()).on_hover_text(cx.t(Tr::RateTip));
        ui.separator();
        ui.label(fill(cx.t(Tr::WordsSentences), &[("words", &analysis.words), ("sentences", &analysis.sentences)]));
        ui.separator();
        for (met, yes, no) in [
            (analysis.has_number, Tr::CheckNumber, Tr::CheckNoNumber),
            (analysis.has_ask, Tr::CheckAsk, Tr::CheckNoAsk),
        ] {
            let (mark, text, color) =
                if met { ("✔", cx.t(yes), theme::ok_color(ui)) } else { ("×", cx.t(no), theme::warn_color(ui)) };
            ui.label(egui::RichText::new(format!("{mark} {text}")).color(color));
        }
        ui.separator();
        let balance = fill(cx.t(Tr::YouIBalance), &[("you", &analysis.you_count), ("i", &analysis.i_count)]);
        ui.label(balance).on_hover_text(cx.t(Tr::YouIBalanceTip));
    });
}

/// Every finding with its one-line explanation.
pub(super) fn findings(
    ui: &mut egui::Ui,
    text: &str,
    analysis: &Rc<Analysis>,
    remarks: &[Remark],
    cx: &mut PitchContext<'_>,
) {
    let groups = cx.state.groups(analysis, text);
    let count = groups.len() + remarks.len();
    ui.label(egui::RichText::new(fill(cx.t(Tr::FindingsTitle), &[("count", &count)])).strong());
    if count == 0 {
        let message = if analysis.words == 0 { Tr::FindingsEmptyText } else { Tr::FindingsNone };
        ui.label(egui::RichText::new(cx.t(message)).weak());
    }
    for remark in remarks {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(6.0, 16.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, theme::error_color(ui));
            ui.add(egui::Label::new(remark_text(remark, cx)).wrap());
        });
    }
    // A very long text can have thousands; the first ones say enough.
    for group in groups.iter().take(MAX_SHOWN) {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(6.0, 16.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, mark_color(ui, group.first.kind).gamma_multiply(2.0));
            let mut message = group.first.message(text, cx.language);
            if group.count > 1 {
                message.push_str(&format!(" (×{})", group.count));
            }
            ui.add(egui::Label::new(message).wrap());
        });
    }
    if groups.len() > MAX_SHOWN {
        ui.label(egui::RichText::new(fill(cx.t(Tr::MoreFindings), &[("count", &(groups.len() - MAX_SHOWN))])).weak());
    }
    if !analysis.fillers.is_empty() {
        ui.add_space(theme::SPACE_S);
        let counts: Vec<String> = analysis.fillers.iter().map(|c| format!("{} ×{}", c.text, c.count)).collect();
        ui.label(egui::RichText::new(fill(cx.t(Tr::FillerSummary), &[("list", &counts.join(", "))])).small().weak());
    }
}

/// A remark on the whole pitch, in words.
fn remark_text(remark: &Remark, cx: &PitchContext<'_>) -> String {
    match remark {
        Remark::OverTarget { seconds, target } => {
            fill(cx.t(Tr::RemarkOverTarget), &[("seconds", &format!("{seconds:.0}")), ("target", target)])
        }
        Remark::SectionOver { kind, words, budget } => fill(
            cx.t(Tr::RemarkSectionOver),
            &[("section", &cx.t(crate::i18n::section_key(*kind))), ("words", words), ("budget", budget)],
        ),
        Remark::MostlyI { i, you } => fill(cx.t(Tr::RemarkMostlyI), &[("i", i), ("you", you)]),
    }
}

/// `text` as a layout with the findings' words on a coloured background.
fn marked_layout(ui: &egui::Ui, text: &str, findings: &[Finding], wrap_width: f32) -> LayoutJob {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain = TextFormat::simple(font.clone(), ui.visuals().text_color());
    let mut job = LayoutJob::default();
    let mut at = 0;
    for finding in findings.iter().filter(|f| f.end > f.start) {
        let (start, end) = (finding.start.max(at), finding.end.min(text.len()));
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        job.append(&text[at..start], 0.0, plain.clone());
        let mut marked = plain.clone();
        marked.background = mark_color(ui, finding.kind);
        job.append(&text[start..end], 0.0, marked);
        at = end;
    }
    job.append(&text[at..], 0.0, plain);
    job.wrap.max_width = wrap_width;
    job
}

/// The last layout of an editor's text: its key (text, marks, width, theme) and galley.
pub type LayoutMemo = Option<(u64, std::sync::Arc<egui::Galley>)>;

/// A multi-line editor whose findings are marked in the text. Returns the new text when
/// the person changed it. The marked-up layout is built once per text, marks and width,
/// not every frame (it is the costly part of a long text).
pub(super) fn highlighted_editor(
    ui: &mut egui::Ui,
    current: &str,
    findings: &[Finding],
    label: egui::Id,
    hint: &str,
    memo: &mut LayoutMemo,
) -> Option<String> {
    let mut text = current.to_owned();
    let mut layouter = |ui: &egui::Ui, buffer: &dyn egui::TextBuffer, wrap_width: f32| {
        // Marks belong to the analysed text; while it differs (mid-keystroke) show it plain.
        let marks = if buffer.as_str() == current { findings } else { &[] };
        let mut hasher = std::hash::DefaultHasher::new();
        std::hash::Hash::hash(&(buffer.as_str(), wrap_width.to_bits(), ui.visuals().dark_mode), &mut hasher);
        for mark in marks {
            std::hash::Hash::hash(&(mark.start, mark.end, mark.kind), &mut hasher);
        }
        let key = std::hash::Hasher::finish(&hasher);
        if let Some((cached, galley)) = memo.as_ref()
            && *cached == key
        {
            return galley.clone();
        }
        let job = marked_layout(ui, buffer.as_str(), marks, wrap_width);
        let galley = ui.fonts_mut(|fonts| fonts.layout_job(job));
        *memo = Some((key, galley.clone()));
        galley
    };
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut text)
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .hint_text(hint)
                .layouter(&mut layouter),
        )
        .labelled_by(label);
    response.changed().then_some(text)
}

/// The whole pitch, read-only, with each finding marked and explained on hover.
pub(super) fn whole_pitch(ui: &mut egui::Ui, text: &str, analysis: &Analysis, cx: &mut PitchContext<'_>) {
    if text.trim().is_empty() {
        ui.label(egui::RichText::new(cx.t(Tr::FindingsEmptyText)).weak());
        return;
    }
    let marks: Vec<&Finding> = analysis.findings.iter().filter(|f| f.end > f.start).collect();
    for (paragraph_start, paragraph) in paragraphs(text) {
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            let end = paragraph_start + paragraph.len();
            let mut at = paragraph_start;
            for finding in marks.iter().filter(|f| f.start < end && f.end > paragraph_start) {
                let (start, stop) = (finding.start.max(at), finding.end.min(end));
                if start > at {
                    ui.label(&text[at..start]);
                }
                if stop > start {
                    let marked = egui::RichText::new(&text[start..stop]).background_color(mark_color(ui, finding.kind));
                    ui.label(marked).on_hover_text(finding.message(text, cx.language));
                    at = stop;
                }
            }
            if at < end {
                ui.label(&text[at..end]);
            }
        });
        ui.add_space(theme::SPACE_S);
    }
}

/// The paragraphs of `text` with their byte offsets.
fn paragraphs(text: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    let mut offset = 0;
    for part in text.split("\n\n") {
        if !part.trim().is_empty() {
            found.push((offset, part));
        }
        offset += part.len() + 2;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_keep_their_offsets() {
        let text = "One.\n\nTwo two.\n\n\n\nThree.";
        for (offset, part) in paragraphs(text) {
            assert_eq!(&text[offset..offset + part.len()], part);
        }
        assert_eq!(paragraphs(text).len(), 3);
    }
}
