//! Typesetting the preview off the UI thread: one worker thread takes the newest request
//! only (requests made while it is busy replace each other), so typing on the Card page
//! never waits for typst and a burst of edits costs at most two typesets.

use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::JoinHandle;

use super::{Card, CardContent, Omission, Raster, fit};

/// A finished preview: the key it was requested with and the page, or why there is none.
#[derive(Debug)]
pub struct Preview {
    /// The key given to [`PreviewWorker::request`].
    pub key: u64,
    /// The page and what was left out to fit it, or the error as text.
    pub result: Result<(Raster, Vec<Omission>), String>,
}

#[derive(Default)]
struct Slots {
    job: Option<(u64, CardContent)>,
    done: Option<Preview>,
    stop: bool,
}

#[derive(Default)]
struct Shared {
    slots: Mutex<Slots>,
    wake: Condvar,
}

impl Shared {
    fn slots(&self) -> std::sync::MutexGuard<'_, Slots> {
        // A panic in the worker cannot leave the slots half-written: each write is one move.
        self.slots.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A thread that typesets card previews.
pub struct PreviewWorker {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl PreviewWorker {
    /// Starts the worker; it renders `pixel_per_pt` pixels per point and calls `on_done`
    /// after each preview it finishes (the UI asks for a repaint there).
    pub fn start(pixel_per_pt: f64, on_done: impl Fn() + Send + 'static) -> std::io::Result<Self> {
        let shared = Arc::new(Shared::default());
        let worker_shared = shared.clone();
        let thread = std::thread::Builder::new()
            .name("card-preview".to_owned())
            .spawn(move || work(&worker_shared, pixel_per_pt, on_done))?;
        Ok(Self { shared, thread: Some(thread) })
    }

    /// Asks for the preview of `content`, replacing any request not yet started.
    pub fn request(&self, key: u64, content: CardContent) {
        self.shared.slots().job = Some((key, content));
        self.shared.wake.notify_one();
    }

    /// The newest finished preview, if one arrived since the last call.
    pub fn try_take(&self) -> Option<Preview> {
        self.shared.slots().done.take()
    }
}

impl Drop for PreviewWorker {
    fn drop(&mut self) {
        self.shared.slots().stop = true;
        self.shared.wake.notify_one();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn work(shared: &Shared, pixel_per_pt: f64, on_done: impl Fn()) {
    loop {
        let (key, content) = {
            let mut slots = shared.slots();
            loop {
                if slots.stop {
                    return;
                }
                if let Some(job) = slots.job.take() {
                    break job;
                }
                slots = shared.wake.wait(slots).unwrap_or_else(PoisonError::into_inner);
            }
        };
        let result = render(content, pixel_per_pt);
        shared.slots().done = Some(Preview { key, result });
        on_done();
    }
}

fn render(content: CardContent, pixel_per_pt: f64) -> Result<(Raster, Vec<Omission>), String> {
    let card = Card { fitted: fit::fit(content).map_err(|error| error.to_string())? };
    let raster = card.raster(pixel_per_pt).ok_or_else(|| super::CardError::DoesNotFit.to_string())?;
    Ok((raster, card.fitted.omitted))
}

#[cfg(test)]
mod tests {
    use super::*;
    use pitchcraft_core::model::Paper;
    use std::sync::mpsc;
    use std::time::Duration;

    fn sample_content() -> CardContent {
        let sample = pitchcraft_core::storage::sample_document().unwrap();
        super::super::content(&sample, Paper::A4, &sample.card.sections, None)
    }

    #[test]
    fn it_typesets_the_newest_request_and_reports_its_key() {
        let (tx, rx) = mpsc::channel();
        let worker = PreviewWorker::start(0.5, move || tx.send(()).unwrap()).unwrap();
        let content = sample_content();
        // Three requests in a row: the worker may start on the first, the last one wins.
        worker.request(1, content.clone());
        worker.request(2, content.clone());
        worker.request(3, content);
        let mut newest = None;
        while newest.as_ref().is_none_or(|preview: &Preview| preview.key != 3) {
            rx.recv_timeout(Duration::from_secs(60)).expect("the worker finished a preview");
            if let Some(preview) = worker.try_take() {
                newest = Some(preview);
            }
        }
        let preview = newest.unwrap();
        let (raster, omitted) = preview.result.unwrap();
        // A4 at half a pixel per point.
        assert_eq!((raster.width, raster.height), (298, 421));
        assert!(omitted.is_empty());
        assert!(worker.try_take().is_none(), "nothing more arrives after the newest");
    }

    #[test]
    fn dropping_the_worker_stops_its_thread() {
        let worker = PreviewWorker::start(0.5, || {}).unwrap();
        worker.request(1, sample_content());
        drop(worker); // joins; a hang here would fail the test by timeout
    }
}
