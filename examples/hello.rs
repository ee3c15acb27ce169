//! The baseline for startup, memory and idle CPU: the smallest eframe window, built with
//! the same eframe features as Pitchcraft. `scripts/bench-startup.sh` runs both.
//!
//! With `PITCHCRAFT_TRACE_FRAMES=1` it prints one line per frame, like Pitchcraft; with
//! `HELLO_REPAINT_MS=1000` it repaints once a second, the baseline of a ticking timer.
//! `PITCHCRAFT_RENDERER=glow|wgpu` picks the renderer, as it does for Pitchcraft.

struct Hello {
    trace: bool,
    frames: u64,
    /// `HELLO_REPAINT_MS`: repaint on a timer, as a baseline for a ticking clock.
    repaint: Option<std::time::Duration>,
}

impl eframe::App for Hello {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frames += 1;
        if self.trace {
            eprintln!("frame {}", self.frames);
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Hello");
            ui.label("A minimal eframe window.");
            ui.label(format!("Frame {}", self.frames));
        });
        if let Some(every) = self.repaint {
            ui.ctx().request_repaint_after(every);
        }
    }
}

fn main() -> eframe::Result {
    let trace = std::env::var_os("PITCHCRAFT_TRACE_FRAMES").is_some();
    let repaint =
        std::env::var("HELLO_REPAINT_MS").ok().and_then(|ms| ms.parse().ok()).map(std::time::Duration::from_millis);
    let renderer = match pitchcraft::renderer::order_from_env() {
        Ok(order) => order[0].eframe(),
        Err(message) => panic!("{message}"),
    };
    let options = eframe::NativeOptions {
        renderer,
        viewport: egui::ViewportBuilder::default().with_inner_size([1180.0, 760.0]).with_app_id("pitchcraft-hello"),
        ..Default::default()
    };
    eframe::run_native("hello", options, Box::new(move |_| Ok(Box::new(Hello { trace, frames: 0, repaint }))))
}
