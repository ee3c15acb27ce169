//! Design tokens: spacing, type sizes and colours, in one place, and the style they make.

use egui::{Color32, FontFamily, FontId, TextStyle, Theme};

/// Small gap.
pub const SPACE_S: f32 = 6.0;
/// Medium gap.
pub const SPACE_M: f32 = 12.0;
/// Large gap.
pub const SPACE_L: f32 = 24.0;
/// Extra large gap (above a page title).
pub const SPACE_XL: f32 = 40.0;
/// Corner radius of cards and notices.
pub const RADIUS: f32 = 8.0;
/// Widest a column of running text gets.
pub const READING_WIDTH: f32 = 640.0;
/// Widest a page's content gets.
pub const PAGE_WIDTH: f32 = 900.0;
/// Width of the navigation panel.
pub const NAV_WIDTH: f32 = 150.0;
/// Text size in the navigation.
pub const NAV_TEXT_SIZE: f32 = 16.0;
/// The app's name on the welcome screen.
pub const TITLE_SIZE: f32 = 34.0;
/// Lead paragraphs and card titles.
pub const LEAD_SIZE: f32 = 17.0;

/// The name on a value card being sorted.
pub const CARD_NAME_SIZE: f32 = 28.0;
/// Height of the big pile buttons of the card sort.
pub const BIG_BUTTON_HEIGHT: f32 = 36.0;
/// Width of the big pile buttons of the card sort.
pub const PILE_BUTTON_WIDTH: f32 = 170.0;
/// From this width on, lists stand side by side in columns.
pub const WIDE_LAYOUT: f32 = 760.0;

/// From this width on, the pitch list stands beside the editor.
pub const PITCH_LIST_LAYOUT: f32 = 820.0;
/// Width of the pitch list.
pub const PITCH_LIST_WIDTH: f32 = 220.0;
/// Width of the feedback column next to the pitch editor.
pub const FEEDBACK_WIDTH: f32 = 300.0;
/// From this width of the editor on, the feedback stands beside it.
pub const FEEDBACK_BESIDE: f32 = 780.0;

/// Indent per level of a nested list.
pub const LIST_INDENT: f32 = 18.0;

/// The digits of the rehearsal timer (readable from two metres).
pub const CLOCK_SIZE: f32 = 96.0;
/// Widest a note gets in the rehearsal history table, points.
pub const NOTE_COLUMN_WIDTH: f32 = 320.0;
/// Height of a history chart.
pub const CHART_HEIGHT: f32 = 170.0;

/// Width of the Card page's controls.
pub const CARD_CONTROLS_WIDTH: f32 = 300.0;
/// The narrowest the card's settings get beside its preview, points.
pub const CARD_CONTROLS_MIN_WIDTH: f32 = 270.0;

/// Width of a network's name in the audience balance.
pub const NETWORK_LABEL_WIDTH: f32 = 150.0;
/// Width of a network's bar in the audience balance.
pub const NETWORK_BAR_WIDTH: f32 = 220.0;

/// The accent colour: a calm teal, readable on light and dark.
const ACCENT_LIGHT: Color32 = Color32::from_rgb(0x1d, 0x6f, 0x7a);
const ACCENT_DARK: Color32 = Color32::from_rgb(0x5c, 0xb8, 0xc4);

/// Body text on the light and dark panels.
const TEXT_LIGHT: Color32 = Color32::from_gray(40);
const TEXT_DARK: Color32 = Color32::from_gray(215);
/// Weak text (introductions, hints, placeholders): lighter than body text, still 4.5:1.
const WEAK_LIGHT: Color32 = Color32::from_gray(96);
const WEAK_DARK: Color32 = Color32::from_gray(160);
/// Errors: egui's pure red is 3.8:1 on the light panel and 4.4:1 on the dark one.
const ERROR_LIGHT: Color32 = Color32::from_rgb(0xb3, 0x26, 0x1e);
const ERROR_DARK: Color32 = Color32::from_rgb(0xff, 0x7b, 0x72);

/// The font family of bold text.
pub fn bold() -> FontFamily {
    FontFamily::Name("bold".into())
}

/// Sets fonts, type sizes, spacing and accent colours for both themes.
pub fn install(ctx: &egui::Context) {
    // Arrows and a few symbols the interface uses (← → ↑ ↓) are in the bundled Hack font,
    // not in the proportional one: fall back to Hack rather than to whatever the system has.
    let mut fonts = egui::FontDefinitions::default();
    if fonts.font_data.contains_key("Hack")
        && let Some(proportional) = fonts.families.get_mut(&FontFamily::Proportional)
    {
        proportional.push("Hack".to_owned());
    }
    // A real bold for **bold** in notes (egui's "strong" is only a brighter colour), with
    // the proportional fonts behind it for what Inter lacks.
    fonts
        .font_data
        .insert("Inter-Bold".to_owned(), std::sync::Arc::new(egui::FontData::from_static(crate::card::INTER_BOLD)));
    let behind = fonts.families.get(&FontFamily::Proportional).cloned().unwrap_or_default();
    fonts.families.insert(bold(), std::iter::once("Inter-Bold".to_owned()).chain(behind).collect());
    ctx.set_fonts(fonts);
    for theme in [Theme::Light, Theme::Dark] {
        ctx.style_mut_of(theme, |style| {
            style.text_styles = [
                (TextStyle::Small, FontId::new(12.0, FontFamily::Proportional)),
                (TextStyle::Body, FontId::new(15.0, FontFamily::Proportional)),
                (TextStyle::Button, FontId::new(15.0, FontFamily::Proportional)),
                (TextStyle::Heading, FontId::new(24.0, FontFamily::Proportional)),
                (TextStyle::Monospace, FontId::new(14.0, FontFamily::Monospace)),
            ]
            .into();
            style.spacing.item_spacing = egui::vec2(8.0, 7.0);
            style.spacing.button_padding = egui::vec2(10.0, 4.0);
            style.spacing.interact_size.y = 24.0;
            let dark = theme == Theme::Dark;
            let accent = if dark { ACCENT_DARK } else { ACCENT_LIGHT };
            // Text that meets WCAG AA (4.5:1) on the panels and in text fields: egui's dark
            // text is the grey its placeholders use, and its light weak text is about 3:1.
            let visuals = &mut style.visuals;
            visuals.widgets.noninteractive.fg_stroke.color = if dark { TEXT_DARK } else { TEXT_LIGHT };
            visuals.weak_text_color = Some(if dark { WEAK_DARK } else { WEAK_LIGHT });
            visuals.error_fg_color = if dark { ERROR_DARK } else { ERROR_LIGHT };
            visuals.warn_fg_color = warn(dark);
            style.visuals.selection.bg_fill = accent.gamma_multiply(if theme == Theme::Dark { 0.45 } else { 0.25 });
            style.visuals.selection.stroke.color = accent;
            style.visuals.hyperlink_color = accent;
        });
    }
}

/// The frame of a panel inside a page: no fill, since the page's own panel has painted
/// the background already (painting it again costs a software renderer a full screen of
/// pixels per panel per frame).
pub fn inner_panel() -> egui::Frame {
    egui::Frame::NONE.inner_margin(egui::Margin::symmetric(4, 2))
}

/// Green for "saved".
pub fn ok_color(ui: &egui::Ui) -> Color32 {
    ok(ui.visuals().dark_mode)
}

fn ok(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0x7c, 0xc9, 0x8a) } else { Color32::from_rgb(0x1e, 0x7a, 0x34) }
}

/// Amber for "not saved yet" and warnings.
pub fn warn_color(ui: &egui::Ui) -> Color32 {
    warn(ui.visuals().dark_mode)
}

fn warn(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0xe8, 0xb3, 0x4b) } else { Color32::from_rgb(0x9a, 0x5b, 0x00) }
}

/// Red for errors.
pub fn error_color(ui: &egui::Ui) -> Color32 {
    ui.visuals().error_fg_color
}

/// The WCAG contrast ratio of two opaque colours (1 to 21).
pub fn contrast(a: Color32, b: Color32) -> f64 {
    fn luminance(color: Color32) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.040_45 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(color.r()) + 0.7152 * channel(color.g()) + 0.0722 * channel(color.b())
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `color` as it shows on `background` (a translucent fill over the panel).
    fn over(color: Color32, background: Color32) -> Color32 {
        background.blend(color)
    }

    #[test]
    fn all_text_meets_wcag_aa_in_both_themes() {
        let ctx = egui::Context::default();
        install(&ctx);
        for theme in [Theme::Light, Theme::Dark] {
            let style = ctx.style_of(theme);
            let v = &style.visuals;
            let dark = theme == Theme::Dark;
            let panel = v.panel_fill;
            let field = v.text_edit_bg_color();
            let button = v.widgets.inactive.weak_bg_fill;
            let selected = over(v.selection.bg_fill, panel);
            let notice_info = over(v.selection.bg_fill.gamma_multiply(0.18), panel);
            let notice_warn = over(warn(dark).gamma_multiply(0.18), panel);
            // (what, text, background, least ratio): 4.5:1 for text, 3:1 for large text
            // (the headings, 24 px) and for the accent lines that are not text.
            let pairs = [
                ("body text", v.text_color(), panel, 4.5),
                ("body text in a field", v.text_color(), field, 4.5),
                ("typed text", v.widgets.inactive.text_color(), field, 4.5),
                ("weak text (introductions, hints)", v.weak_text_color(), panel, 4.5),
                ("placeholder in a field", v.weak_text_color(), field, 4.5),
                ("strong text", v.strong_text_color(), panel, 4.5),
                ("button text", v.widgets.inactive.text_color(), button, 4.5),
                ("selected item", v.text_color(), selected, 4.5),
                ("info notice", v.text_color(), notice_info, 4.5),
                ("warning notice", v.text_color(), notice_warn, 4.5),
                ("warning text", warn(dark), panel, 4.5),
                ("saved", ok(dark), panel, 4.5),
                ("error text", v.error_fg_color, panel, 4.5),
                ("link", v.hyperlink_color, panel, 4.5),
                ("heading (large)", v.strong_text_color(), panel, 3.0),
            ];
            let failing: Vec<String> = pairs
                .iter()
                .filter(|(_, text, background, least)| contrast(*text, *background) < *least)
                .map(|(what, text, background, least)| {
                    format!("{what}: {:.2} < {least} ({text:?} on {background:?})", contrast(*text, *background))
                })
                .collect();
            assert!(failing.is_empty(), "{theme:?}: {failing:#?}");
            assert!(contrast(v.text_color(), panel) > contrast(v.weak_text_color(), panel), "weak text is weaker");
        }
    }

    #[test]
    fn the_contrast_formula_matches_known_values() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1.
        assert!((contrast(Color32::from_gray(0x76), Color32::WHITE) - 4.54).abs() < 0.01);
    }
}
