//! The teleprompter: the pitch in large type, the section being spoken highlighted, the
//! others dimmed; it scrolls by itself at the chosen pace, or keeps the current section in
//! view; it can be mirrored for a beam-splitter glass.

use std::sync::Arc;

use super::RehearseSettings;
use crate::logic::draft::word_count;
use crate::model::SectionKind;

/// Where the line being read sits, as a share of the view's height from the top.
const READING_LINE: f32 = 0.3;

pub(super) fn show(
    ui: &mut egui::Ui,
    sections: &[(SectionKind, &str)],
    current: usize,
    words_read: f64,
    settings: &RehearseSettings,
) {
    let width = ui.available_width().min(settings.line_width);
    let font = egui::FontId::proportional(settings.text_size);
    let strong = ui.visuals().strong_text_color();
    let dim = ui.visuals().weak_text_color();
    let galleys: Vec<Arc<egui::Galley>> = sections
        .iter()
        .enumerate()
        .map(|(index, (_, text))| {
            let color = if index == current { strong } else { dim };
            ui.fonts_mut(|fonts| fonts.layout((*text).to_owned(), font.clone(), color, width))
        })
        .collect();
    let gap = settings.text_size * 0.8;
    let height: f32 = galleys.iter().map(|g| g.size().y + gap).sum();
    let view_height = ui.available_height();

    // Where the text should be: by words read when scrolling by itself, else the start of
    // the current section near the reading line.
    let target_y = if settings.auto_scroll {
        let mut before = 0.0;
        let mut y = 0.0;
        for galley in &galleys {
            let index = galleys.iter().position(|g| Arc::ptr_eq(g, galley)).unwrap_or(0);
            let words = word_count(sections[index].1) as f64;
            if words_read < before + words {
                y += galley.size().y * ((words_read - before) / words.max(1.0)) as f32;
                break;
            }
            before += words;
            y += galley.size().y + gap;
        }
        Some(y)
    } else {
        Some(galleys.iter().take(current).map(|g| g.size().y + gap).sum())
    };
    let offset = target_y.map(|y| (y - view_height * READING_LINE).max(0.0));

    let mut area = egui::ScrollArea::vertical().id_salt("prompter").auto_shrink(false);
    if let Some(offset) = offset {
        area = area.vertical_scroll_offset(offset);
    }
    area.show(ui, |ui| {
        // Room below the last line, so the end can reach the reading line.
        let (rect, text_area) =
            ui.allocate_exact_size(egui::vec2(ui.available_width(), height + view_height), egui::Sense::hover());
        // The painted text, for a screen reader.
        let spoken: String = galleys.iter().map(|galley| galley.text()).collect::<Vec<_>>().join("\n");
        text_area.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Document, true, &spoken));
        let left = rect.center().x - width / 2.0;
        let mut y = rect.top();
        let painter = ui.painter();
        for galley in &galleys {
            let pos = egui::pos2(left, y);
            let shape = egui::Shape::galley(pos, galley.clone(), strong);
            if settings.mirror {
                painter.add(mirrored(ui.ctx(), shape, rect.center().x));
            } else {
                painter.add(shape);
            }
            y += galley.size().y + gap;
        }
    });
}

/// `shape` flipped left to right around the vertical line at `axis`, as a mesh (egui
/// cannot mirror text otherwise).
fn mirrored(ctx: &egui::Context, shape: egui::Shape, axis: f32) -> egui::Shape {
    let size = ctx.fonts(|fonts| fonts.font_image_size());
    let mut tessellator = egui::epaint::Tessellator::new(ctx.pixels_per_point(), Default::default(), size, Vec::new());
    let mut mesh = egui::epaint::Mesh::default();
    tessellator.tessellate_shape(shape, &mut mesh);
    for vertex in &mut mesh.vertices {
        vertex.pos.x = 2.0 * axis - vertex.pos.x;
    }
    egui::Shape::mesh(mesh)
}
