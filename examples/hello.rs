//! The baseline for startup, memory and idle CPU: the smallest eframe window, built with
//! the same eframe features as Pitchcraft. `scripts/bench-startup.sh` runs both.
//!
//! With `PITCHCRAFT_TRACE_FRAMES=1` it prints one line per frame, like Pitchcraft.

struct Hello {
    trace: bool,
    frames: u64,
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
        });
    }
}

fn main() -> eframe::Result {
    let trace = std::env::var_os("PITCHCRAFT_TRACE_FRAMES").is_some();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1180.0, 760.0]).with_app_id("pitchcraft-hello"),
        ..Default::default()
    };
    eframe::run_native("hello", options, Box::new(move |_| Ok(Box::new(Hello { trace, frames: 0 }))))
}
