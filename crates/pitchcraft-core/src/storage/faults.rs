//! A [`Disk`] that fails on purpose, for tests: it makes one step of every write fail with
//! the error a full, read-only or vanished disk gives, or makes every step slow like a
//! network folder. Everything else it passes to the real disk, so what the failed save
//! leaves behind is what a real one would.

use std::fs::File;
use std::io;
use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;

use super::backup::BACKUP_FOLDER;
use super::disk::{Disk, RealDisk};

/// A step of writing a file that a fault can hit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// Creating the temporary file beside the target.
    CreateTemp,
    /// Writing the bytes (the first half gets written, as on a disk that fills up).
    Write,
    /// Flushing the temporary file.
    Sync,
    /// Renaming the temporary file over the target.
    Rename,
    /// Flushing the folder after the rename.
    SyncFolder,
    /// Anything done in the backup folder.
    Backup,
}

impl Step {
    /// Every step, in the order a save takes them (the backup comes first).
    pub const ALL: [Step; 6] =
        [Step::Backup, Step::CreateTemp, Step::Write, Step::Sync, Step::Rename, Step::SyncFolder];
}

/// The errors a disk gives, as the kernel reports them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fault {
    /// ENOSPC: no space left on the device.
    DiskFull,
    /// EROFS: a read-only file system.
    ReadOnly,
    /// EACCES: permission denied.
    NotAllowed,
    /// ENOENT: the folder is gone.
    Gone,
}

impl Fault {
    /// Every fault.
    pub const ALL: [Fault; 4] = [Fault::DiskFull, Fault::ReadOnly, Fault::NotAllowed, Fault::Gone];

    /// The error as the system gives it.
    pub fn error(self) -> io::Error {
        match self {
            Fault::DiskFull => io::Error::from(io::ErrorKind::StorageFull),
            Fault::ReadOnly => io::Error::from(io::ErrorKind::ReadOnlyFilesystem),
            Fault::NotAllowed => io::Error::from(io::ErrorKind::PermissionDenied),
            Fault::Gone => io::Error::from(io::ErrorKind::NotFound),
        }
    }
}

/// A disk with an injected fault (or none, or a delay), which a test can change while a
/// save worker uses it.
#[derive(Debug, Default)]
pub struct FaultyDisk {
    fault: Mutex<Option<(Step, Fault)>>,
    delay: Mutex<Duration>,
}

impl FaultyDisk {
    /// A disk whose `step` fails with `fault`.
    pub fn failing(step: Step, fault: Fault) -> Self {
        let disk = Self::default();
        disk.set(Some((step, fault)));
        disk
    }

    /// A disk where every step takes `delay` (a slow network or sync folder).
    pub fn slow(delay: Duration) -> Self {
        let disk = Self::default();
        *disk.delay.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = delay;
        disk
    }

    /// Sets the fault from now on (`None`: the disk works again, e.g. space was freed).
    pub fn set(&self, fault: Option<(Step, Fault)>) {
        *self.fault.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = fault;
    }

    /// Fails when the fault is set for `step`; waits the delay first.
    fn gate(&self, step: Step, path: &Path) -> io::Result<()> {
        let delay = *self.delay.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if !delay.is_zero() {
            std::thread::sleep(delay);
        }
        let in_backup = path.components().any(|part| part.as_os_str() == BACKUP_FOLDER);
        let step = if in_backup { Step::Backup } else { step };
        match *self.fault.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) {
            Some((failing, fault)) if failing == step => Err(fault.error()),
            _ => Ok(()),
        }
    }

    fn fails(&self, step: Step) -> bool {
        matches!(*self.fault.lock().unwrap_or_else(|poisoned| poisoned.into_inner()), Some((failing, _)) if failing == step)
    }
}

impl Disk for FaultyDisk {
    fn create_new(&self, path: &Path) -> io::Result<File> {
        self.gate(Step::CreateTemp, path)?;
        RealDisk.create_new(path)
    }

    fn write(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        if self.fails(Step::Write) {
            // A disk that fills up takes part of the data first.
            RealDisk.write(file, &bytes[..bytes.len() / 2])?;
        }
        self.gate(Step::Write, Path::new(""))?;
        RealDisk.write(file, bytes)
    }

    fn sync(&self, file: &File) -> io::Result<()> {
        self.gate(Step::Sync, Path::new(""))?;
        RealDisk.sync(file)
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.gate(Step::Rename, to)?;
        RealDisk.rename(from, to)
    }

    fn sync_folder(&self, folder: &Path) -> io::Result<()> {
        self.gate(Step::SyncFolder, folder)?;
        RealDisk.sync_folder(folder)
    }

    fn create_folder(&self, path: &Path) -> io::Result<()> {
        self.gate(Step::Backup, path)?;
        RealDisk.create_folder(path)
    }

    fn hard_link(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.gate(Step::Backup, to)?;
        RealDisk.hard_link(from, to)
    }

    fn copy(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.gate(Step::Backup, to)?;
        RealDisk.copy(from, to)
    }
}
