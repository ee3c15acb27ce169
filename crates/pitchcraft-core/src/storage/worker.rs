//! Saving off the UI thread: a fsync on a slow or network disk can take a second, and
//! the window must not freeze meanwhile. One save runs at a time, in order, so each
//! save's conflict check sees the file the previous save wrote.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;
use std::time::SystemTime;

use super::{BackupPolicy, Disk, DiskStamp, RealDisk, SaveError, SaveReport, save_as_text_on, save_text_on};

/// A document already turned into text, to be written to `path`.
#[derive(Debug)]
pub struct SaveJob {
    /// Where to write.
    pub path: PathBuf,
    /// The RON text.
    pub text: String,
    /// What the file should still look like (None: it must not exist).
    pub expected: Option<DiskStamp>,
    /// Whether to keep the previous version.
    pub backups: BackupPolicy,
    /// The edit generation the text was made from, to know what is saved.
    pub generation: u64,
    /// Save As: a file already at `path` is kept as a backup and replaced, without a
    /// conflict check (the person chose the place).
    pub replace: bool,
}

/// How a job ended.
#[derive(Debug)]
pub struct SaveOutcome {
    /// The file.
    pub path: PathBuf,
    /// The job's edit generation.
    pub generation: u64,
    /// The written file's stamp, or why nothing was written.
    pub result: Result<SaveReport, SaveError>,
}

/// A thread that performs saves in order.
pub struct SaveWorker {
    disk: Arc<dyn Disk>,
    jobs: Option<Sender<SaveJob>>,
    outcomes: Receiver<SaveOutcome>,
    in_flight: usize,
    done_here: VecDeque<SaveOutcome>,
    thread: Option<JoinHandle<()>>,
}

impl SaveWorker {
    /// Starts the thread; `wake` is called after each finished job (e.g. to repaint).
    pub fn spawn(wake: impl Fn() + Send + 'static) -> Self {
        Self::spawn_on(Arc::new(RealDisk), wake)
    }

    /// [`SaveWorker::spawn`], writing through `disk` (tests inject faults there).
    pub fn spawn_on(disk: Arc<dyn Disk>, wake: impl Fn() + Send + 'static) -> Self {
        let (job_sender, jobs) = mpsc::channel::<SaveJob>();
        let (outcome_sender, outcomes) = mpsc::channel();
        let thread_disk = Arc::clone(&disk);
        let thread = std::thread::Builder::new()
            .name("pitchcraft-save".to_owned())
            .spawn(move || {
                for job in jobs {
                    let result = run(thread_disk.as_ref(), &job);
                    let outcome = SaveOutcome { path: job.path, generation: job.generation, result };
                    if outcome_sender.send(outcome).is_err() {
                        break;
                    }
                    wake();
                }
            })
            .ok();
        Self { disk, jobs: Some(job_sender), outcomes, in_flight: 0, done_here: VecDeque::new(), thread }
    }

    /// Queues a save. Should the thread be gone, the save runs here instead.
    pub fn submit(&mut self, job: SaveJob) {
        self.in_flight += 1;
        let job = match &self.jobs {
            Some(sender) if self.thread.is_some() => match sender.send(job) {
                Ok(()) => return,
                Err(mpsc::SendError(job)) => job,
            },
            _ => job,
        };
        let result = run(self.disk.as_ref(), &job);
        self.done_here.push_back(SaveOutcome { path: job.path, generation: job.generation, result });
    }

    /// True while a save is queued or running.
    pub fn is_busy(&self) -> bool {
        self.in_flight > 0
    }

    /// A finished save, if one is ready.
    pub fn poll(&mut self) -> Option<SaveOutcome> {
        let outcome = self.outcomes.try_recv().ok().or_else(|| self.done_here.pop_front())?;
        self.in_flight = self.in_flight.saturating_sub(1);
        Some(outcome)
    }

    /// Waits for every queued save to finish (used when quitting).
    pub fn wait(&mut self) -> Vec<SaveOutcome> {
        let mut finished = Vec::new();
        while self.in_flight > 0 {
            let next = self.poll().or_else(|| {
                let outcome = self.outcomes.recv().ok()?;
                self.in_flight -= 1;
                Some(outcome)
            });
            match next {
                Some(outcome) => finished.push(outcome),
                None => break,
            }
        }
        finished
    }
}

fn run(disk: &dyn Disk, job: &SaveJob) -> Result<SaveReport, SaveError> {
    if job.replace {
        return save_as_text_on(disk, &job.path, job.text.as_bytes());
    }
    save_text_on(disk, &job.path, job.text.as_bytes(), job.expected.as_ref(), job.backups, SystemTime::now())
}

impl Drop for SaveWorker {
    fn drop(&mut self) {
        // Closing the channel ends the thread after the queued jobs; wait for them so
        // that no save is cut off when the app exits.
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
