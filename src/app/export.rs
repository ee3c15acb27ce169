//! Exporting and printing the brand card: ask where (or write a temporary PDF for the
//! system's viewer), typeset, write atomically, and say what happened.

use std::path::{Path, PathBuf};

use std::process::Stdio;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::{NoticeAction, NoticeLevel, Picked, PitchcraftApp};
use crate::card::{BusinessCards, Card};
use crate::command::CardFormat;
use crate::i18n::{Tr, fill};
use crate::state::{PathPurpose, Prompt};

/// The card of `document` in `format`, as bytes, and what had to be left out.
pub fn card_bytes(
    document: &crate::model::BrandDocument,
    format: CardFormat,
) -> Result<(Vec<u8>, Vec<crate::card::Omission>), crate::card::CardError> {
    if format == CardFormat::BusinessCards {
        let cards = BusinessCards::make(document, document.card.paper)?;
        return Ok((cards.pdf()?, cards.omitted().to_vec()));
    }
    let card = Card::of(document)?;
    let bytes = match format {
        CardFormat::Pdf | CardFormat::BusinessCards => card.pdf()?,
        CardFormat::Html => card.html().into_bytes(),
        CardFormat::Markdown => card.markdown().into_bytes(),
    };
    Ok((bytes, card.omitted().to_vec()))
}

/// A PDF handed to the viewer: where, what, and the thread that will say how it went.
pub type Opening = (PathBuf, Opened, mpsc::Receiver<Result<(), String>>);

/// What was handed to the PDF viewer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opened {
    /// The brand card, to print.
    Card,
    /// An event brief.
    Brief,
}

impl PitchcraftApp {
    /// Asks where to export the card in `format`, then writes it there.
    pub(super) fn export_card(&mut self, format: CardFormat) {
        let Some(session) = &self.session else { return };
        let stem = session.suggested_file_name().trim_end_matches(crate::storage::FILE_SUFFIX).to_owned();
        let suggested = format!("{stem}.{}", format.suggested_suffix());
        // Business cards are said to be business cards, in the dialog and the notice.
        let title =
            if format == CardFormat::BusinessCards { Tr::ExportBusinessCardsTitle } else { Tr::ExportCardTitle };
        match self.dialogs.save_export(self.tr(title), &suggested, format.extension()) {
            Picked::Path(path) => self.write_card(&path, format),
            Picked::Cancelled => {}
            Picked::Unavailable => {
                let text = std::env::current_dir().map(|dir| dir.join(&suggested)).unwrap_or_else(|_| suggested.into());
                self.prompt =
                    Some(Prompt::TypePath { purpose: PathPurpose::Export(format), text: text.display().to_string() });
            }
        }
    }

    /// Writes the card in `format` to `path`.
    pub(super) fn write_card(&mut self, path: &Path, format: CardFormat) {
        let Some(session) = &self.session else { return };
        self.prompt = None;
        let result =
            card_bytes(&session.document, format).map_err(|error| error.to_string()).and_then(|(bytes, omitted)| {
                crate::storage::write_atomically(path, &bytes)
                    .map(|()| omitted)
                    .map_err(|error| self.write_failure_text(path, &error))
            });
        match result {
            Ok(omitted) => {
                let saved = if format == CardFormat::BusinessCards {
                    Tr::NoticeBusinessCardsSaved
                } else {
                    Tr::NoticeCardSaved
                };
                let text = fill(self.tr(saved), &[("path", &path.display())]);
                self.notify(NoticeLevel::Info, text);
                self.notify_omitted(&omitted);
            }
            Err(message) => self.notify(NoticeLevel::Warning, message),
        }
    }

    /// Writes the card as a temporary PDF and hands it to the system's viewer, from where
    /// the person prints; whether the viewer opened it is heard on a thread (a viewer can
    /// take seconds to start) and said by [`PitchcraftApp::poll_opening`].
    pub(super) fn print_card(&mut self) {
        let Some(session) = &self.session else { return };
        let stem = session.suggested_file_name().trim_end_matches(crate::storage::FILE_SUFFIX).to_owned();
        let path: PathBuf = std::env::temp_dir().join(format!("{stem}.card.pdf"));
        let written =
            card_bytes(&session.document, CardFormat::Pdf).map_err(|error| error.to_string()).and_then(|(bytes, _)| {
                crate::storage::write_atomically(&path, &bytes).map_err(|error| self.write_failure_text(&path, &error))
            });
        if let Err(message) = written {
            self.notify(NoticeLevel::Warning, message);
            return;
        }
        self.hand_to_viewer(path, Opened::Card);
    }

    /// Typesets the brief of `event` to a temporary PDF (beside the card's) and hands it
    /// to the system's viewer, from where the person prints or saves it.
    pub(super) fn open_brief(&mut self, event: &str) {
        let Some(session) = &self.session else { return };
        let document = &session.document;
        let Some(found) = document.event(event) else { return };
        let stem = session.suggested_file_name().trim_end_matches(crate::storage::FILE_SUFFIX).to_owned();
        let path: PathBuf = std::env::temp_dir().join(format!("{stem}.{event}.brief.pdf"));
        let made = crate::card::Brief::make(document, found, document.card.paper)
            .and_then(|brief| Ok((brief.pdf()?, brief.omitted().to_vec())))
            .map_err(|error| error.to_string());
        let written = made.and_then(|(bytes, omitted)| {
            crate::storage::write_atomically(&path, &bytes)
                .map(|()| omitted)
                .map_err(|error| self.write_failure_text(&path, &error))
        });
        match written {
            Ok(omitted) => {
                if !omitted.is_empty() {
                    let list: Vec<&str> = omitted.iter().map(|omission| self.tr(omission.describe())).collect();
                    let text = fill(self.tr(Tr::BriefOmitted), &[("list", &list.join(", "))]);
                    self.notify(NoticeLevel::Warning, text);
                }
                self.hand_to_viewer(path, Opened::Brief);
            }
            Err(message) => self.notify(NoticeLevel::Warning, message),
        }
    }

    /// Opens `path` in the system's PDF viewer on a thread; [`PitchcraftApp::poll_opening`]
    /// says how it went.
    fn hand_to_viewer(&mut self, path: PathBuf, what: Opened) {
        let (tell, heard) = mpsc::channel();
        let open = self.open_pdf.clone();
        let opened_path = path.clone();
        let spawned = std::thread::Builder::new().name("open-pdf".into()).spawn(move || {
            let _ = tell.send(open(&opened_path));
        });
        match spawned {
            Ok(_) => self.opening = Some((path, what, heard)),
            Err(error) => self.viewer_failed(&path, what, &error.to_string()),
        }
    }

    /// Says whether the card reached the PDF viewer, once that is known; true while still
    /// waiting (the frame then asks to be drawn again soon).
    pub(super) fn poll_opening(&mut self) -> bool {
        let Some((path, what, heard)) = &self.opening else { return false };
        let what = *what;
        let result = match heard.try_recv() {
            Ok(result) => result,
            Err(mpsc::TryRecvError::Empty) => return true,
            Err(mpsc::TryRecvError::Disconnected) => Err("the viewer could not be started".to_owned()),
        };
        let path = path.clone();
        self.opening = None;
        match result {
            Ok(()) => {
                let key = if what == Opened::Card { Tr::NoticeCardOpened } else { Tr::NoticeBriefOpened };
                let text = fill(self.tr(key), &[("path", &path.display())]);
                self.notify(NoticeLevel::Info, text);
            }
            Err(message) => self.viewer_failed(&path, what, &message),
        }
        false
    }

    fn viewer_failed(&mut self, path: &Path, what: Opened, message: &str) {
        let args: [(&str, &dyn std::fmt::Display); 2] = [("path", &path.display()), ("error", &message)];
        match what {
            // The card can be saved elsewhere from the notice; the brief's copy is named.
            Opened::Card => {
                let text = fill(self.tr(Tr::NoticeCardNotOpened), &args);
                self.notify_with(NoticeLevel::Warning, text, Some(NoticeAction::SavePdf));
            }
            Opened::Brief => {
                let text = fill(self.tr(Tr::NoticeBriefNotOpened), &args);
                self.notify(NoticeLevel::Warning, text);
            }
        }
    }

    fn notify_omitted(&mut self, omitted: &[crate::card::Omission]) {
        if omitted.is_empty() {
            return;
        }
        let list: Vec<&str> = omitted.iter().map(|omission| self.tr(omission.describe())).collect();
        let text = fill(self.tr(Tr::CardOmitted), &[("list", &list.join(", "))]);
        self.notify(NoticeLevel::Warning, text);
    }
}

/// How long a viewer's launcher may run before it counts as opened: `xdg-open` returns at
/// once when it hands the file over, but runs as long as the viewer when it starts the
/// viewer itself.
const LAUNCHER_GRACE: Duration = Duration::from_secs(4);

/// Opens `path` with the desktop's launchers (`xdg-open`, `gio open`, … on Linux; `open`
/// on macOS; `start` on Windows), one after the other, and says whether one opened it. A
/// launcher that exits with an error (no application for PDF files) is a failure, which
/// `open::that_detached` would not tell.
pub fn open_in_viewer(path: &Path) -> Result<(), String> {
    open_with(open::commands(path), LAUNCHER_GRACE)
}

/// Runs `launchers` one after the other until one opens the file: it exits successfully,
/// or still runs after `grace`. Launchers that are not installed are passed over.
fn open_with(launchers: Vec<std::process::Command>, grace: Duration) -> Result<(), String> {
    let mut last_error = "no program to open PDF files was found".to_owned();
    for mut command in launchers {
        let program = command.get_program().to_string_lossy().into_owned();
        let child = command.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null()).spawn();
        let mut child = match child {
            Ok(child) => child,
            Err(error) => {
                if error.kind() != std::io::ErrorKind::NotFound {
                    last_error = format!("{program}: {error}");
                }
                continue;
            }
        };
        let started = Instant::now();
        loop {
            match child.try_wait() {
                Ok(Some(status)) if status.success() => return Ok(()),
                Ok(Some(_)) => {
                    last_error = format!("{program} found no application for PDF files");
                    break;
                }
                Ok(None) if started.elapsed() >= grace => {
                    // Still running: the viewer itself, showing the card. Reap it later.
                    std::thread::spawn(move || child.wait());
                    return Ok(());
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(50)),
                Err(error) => {
                    last_error = format!("{program}: {error}");
                    break;
                }
            }
        }
    }
    Err(last_error)
}

#[cfg(all(test, unix))]
mod tests {
    use std::process::Command;
    use std::time::Duration;

    use super::open_with;

    const GRACE: Duration = Duration::from_millis(300);

    fn shell(script: &str) -> Command {
        let mut command = Command::new("sh");
        command.args(["-c", script]);
        command
    }

    #[test]
    fn a_launcher_that_fails_is_a_failure_and_the_next_one_is_tried() {
        let failed = open_with(vec![shell("exit 3")], GRACE);
        assert_eq!(failed, Err("sh found no application for PDF files".to_owned()));
        assert_eq!(open_with(vec![shell("exit 3"), shell("exit 0")], GRACE), Ok(()));
    }

    #[test]
    fn a_missing_launcher_is_passed_over_and_none_at_all_is_said() {
        let missing = Command::new("pitchcraft-no-such-launcher");
        assert_eq!(open_with(vec![missing], GRACE), Err("no program to open PDF files was found".to_owned()));
        assert_eq!(open_with(vec![Command::new("pitchcraft-no-such-launcher"), shell("true")], GRACE), Ok(()));
        assert!(open_with(Vec::new(), GRACE).is_err());
    }

    #[test]
    fn a_launcher_still_running_after_the_grace_is_the_viewer() {
        assert_eq!(open_with(vec![shell("sleep 5")], GRACE), Ok(()));
    }
}
