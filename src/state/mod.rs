//! What the pages read and the shell owns: the open document's session and save status,
//! notices, prompts and the actions waiting on them, the page shown, and plain snapshots of
//! the recorder and the player.
//!
//! The layer sits below both the pages (`ui`) and the shell (`app`): pages read these types
//! and hand back [`Command`](crate::command::Command)s; only the shell holds the instances,
//! the threads and the streams. Nothing here names the shell or the pages
//! (`scripts/check-layers.sh` checks it).

mod answers;
mod edit;
mod files;
mod notice;
mod page;
mod pending;
pub mod print;
pub mod prompt;
pub mod session;
pub mod voice;

pub use answers::{ConflictChoice, UnsavedChoice};
pub use edit::DocEdit;
pub use files::{CardFormat, NetworkFile};
pub use notice::{Notice, NoticeAction, NoticeLevel};
pub use page::{Page, ThemeChoice};
pub use pending::Pending;
pub use print::{BusinessSides, JobProgress, PrintDialog, PrinterList};
pub use prompt::{About, LoadFailure, PathPurpose, Prompt};
pub use session::{Origin, SaveStatus, Session};
