//! `pitchcraft screenshot`: let the real window settle, grab one frame through eframe's
//! screenshot command, write it as PNG and close.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use egui::{ColorImage, ViewportCommand};

use super::PitchcraftApp;

/// Frames drawn before the grab: layout and fonts settle within the first few (and the
/// card preview, typeset on its own thread, must have arrived).
const SETTLE_FRAMES: u64 = 6;

/// Give up when no image arrived after this many frames.
const GIVE_UP_FRAMES: u64 = 600;

/// Where the outcome of a screenshot run is reported to the caller of `run_native`.
pub type ScreenshotResult = Arc<Mutex<Option<Result<(), String>>>>;

/// A pending screenshot.
#[derive(Debug)]
pub struct ScreenshotPlan {
    out: PathBuf,
    requested: bool,
    result: ScreenshotResult,
}

impl ScreenshotPlan {
    /// Plans a screenshot to `out`; the result appears in the returned handle.
    pub fn new(out: PathBuf) -> (Self, ScreenshotResult) {
        let result = ScreenshotResult::default();
        (Self { out, requested: false, result: result.clone() }, result)
    }
}

impl PitchcraftApp {
    pub(super) fn screenshot_step(&mut self, ctx: &egui::Context) {
        let Some(plan) = &mut self.screenshot else { return };
        if self.frames >= GIVE_UP_FRAMES {
            finish(&plan.result, Err("the window produced no frame to capture".to_owned()));
            ctx.send_viewport_cmd(ViewportCommand::Close);
        } else if self.frames >= SETTLE_FRAMES && !plan.requested && !self.card.is_pending() {
            plan.requested = true;
            let (out, result, window) = (plan.out.clone(), plan.result.clone(), ctx.clone());
            ctx.request_screenshot(move |image| {
                finish(&result, write_png(&out, &image));
                window.send_viewport_cmd(ViewportCommand::Close);
                window.request_repaint();
            });
        }
        ctx.request_repaint();
    }
}

fn finish(result: &ScreenshotResult, outcome: Result<(), String>) {
    if let Ok(mut slot) = result.lock() {
        slot.get_or_insert(outcome);
    }
}

/// Writes an egui image as an 8-bit RGBA PNG.
pub fn write_png(path: &Path, image: &ColorImage) -> Result<(), String> {
    let [width, height] = image.size;
    let file = std::fs::File::create(path).map_err(|error| format!("{}: {error}", path.display()))?;
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), width as u32, height as u32);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|pixel| pixel.to_array()).collect();
    encoder
        .write_header()
        .and_then(|mut writer| writer.write_image_data(&bytes))
        .map_err(|error| format!("{}: {error}", path.display()))
}
