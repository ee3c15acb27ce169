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
/// Height of a history chart.
pub const CHART_HEIGHT: f32 = 170.0;

/// Width of the Card page's controls.
pub const CARD_CONTROLS_WIDTH: f32 = 300.0;

/// Width of a network's name in the audience balance.
pub const NETWORK_LABEL_WIDTH: f32 = 150.0;
/// Width of a network's bar in the audience balance.
pub const NETWORK_BAR_WIDTH: f32 = 220.0;

/// The accent colour: a calm teal, readable on light and dark.
const ACCENT_LIGHT: Color32 = Color32::from_rgb(0x1d, 0x6f, 0x7a);
const ACCENT_DARK: Color32 = Color32::from_rgb(0x5c, 0xb8, 0xc4);

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
            let accent = if theme == Theme::Dark { ACCENT_DARK } else { ACCENT_LIGHT };
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
    if ui.visuals().dark_mode { Color32::from_rgb(0x7c, 0xc9, 0x8a) } else { Color32::from_rgb(0x1e, 0x7a, 0x34) }
}

/// Amber for "not saved yet" and warnings.
pub fn warn_color(ui: &egui::Ui) -> Color32 {
    if ui.visuals().dark_mode { Color32::from_rgb(0xe8, 0xb3, 0x4b) } else { Color32::from_rgb(0x9a, 0x5b, 0x00) }
}

/// Red for errors.
pub fn error_color(ui: &egui::Ui) -> Color32 {
    ui.visuals().error_fg_color
}
