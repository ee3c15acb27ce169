//! Files dragged onto the window: a hint while they hover, and their paths once dropped.

use std::path::PathBuf;

use crate::i18n::{Tr, tr};
use crate::model::Language;

/// The paths of the files dropped on the window this frame, in the order given.
pub fn dropped_files(ctx: &egui::Context) -> Vec<PathBuf> {
    ctx.input(|input| {
        input
            .raw
            .dropped_files
            .iter()
            .map(|file| file.path().to_path_buf())
            .filter(|path| !path.as_os_str().is_empty())
            .collect()
    })
}

/// While files are dragged over the window, dims it and says that letting go opens them.
pub fn show_hover(ctx: &egui::Context, language: Language) {
    if ctx.input(|input| input.raw.hovered_files.is_empty()) {
        return;
    }
    let screen = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("pitchcraft.drop")));
    let visuals = ctx.global_style().visuals.clone();
    painter.rect_filled(screen, 0.0, visuals.extreme_bg_color.gamma_multiply(0.85));
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        tr(language, Tr::DropToOpen),
        egui::FontId::proportional(24.0),
        visuals.strong_text_color(),
    );
}
