//! Exporting and printing the brand card: ask where (or write a temporary PDF for the
//! system's viewer), typeset, write atomically, and say what happened.

use std::path::{Path, PathBuf};

use super::{NoticeLevel, Picked, PitchcraftApp};
use crate::card::Card;
use crate::command::CardFormat;
use crate::i18n::{Tr, fill};
use crate::ui::prompts::{PathPurpose, Prompt};

/// The card of `document` in `format`, as bytes, and what had to be left out.
pub fn card_bytes(
    document: &crate::model::BrandDocument,
    format: CardFormat,
) -> Result<(Vec<u8>, Vec<crate::card::Omission>), crate::card::CardError> {
    let card = Card::of(document)?;
    let bytes = match format {
        CardFormat::Pdf => card.pdf()?,
        CardFormat::Html => card.html().into_bytes(),
        CardFormat::Markdown => card.markdown().into_bytes(),
    };
    Ok((bytes, card.omitted().to_vec()))
}

impl PitchcraftApp {
    /// Asks where to export the card in `format`, then writes it there.
    pub(super) fn export_card(&mut self, format: CardFormat) {
        let Some(session) = &self.session else { return };
        let stem = session.suggested_file_name().trim_end_matches(crate::storage::FILE_SUFFIX).to_owned();
        let suggested = format!("{stem}.card.{}", format.extension());
        match self.dialogs.save_export(self.tr(Tr::CmdExportCard), &suggested, format.extension()) {
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
                let text = fill(self.tr(Tr::NoticeCardSaved), &[("path", &path.display())]);
                self.notify(NoticeLevel::Info, text);
                self.notify_omitted(&omitted);
            }
            Err(message) => self.notify(NoticeLevel::Warning, message),
        }
    }

    /// Writes the card as a temporary PDF and opens it in the system's viewer, from where
    /// the person prints.
    pub(super) fn print_card(&mut self) {
        let Some(session) = &self.session else { return };
        let stem = session.suggested_file_name().trim_end_matches(crate::storage::FILE_SUFFIX).to_owned();
        let path: PathBuf = std::env::temp_dir().join(format!("{stem}.card.pdf"));
        let written =
            card_bytes(&session.document, CardFormat::Pdf).map_err(|error| error.to_string()).and_then(|(bytes, _)| {
                crate::storage::write_atomically(&path, &bytes).map_err(|error| self.write_failure_text(&path, &error))
            });
        let result = written.and_then(|()| open::that_detached(&path).map_err(|error| error.to_string()));
        match result {
            Ok(()) => {
                let text = fill(self.tr(Tr::NoticeCardOpened), &[("path", &path.display())]);
                self.notify(NoticeLevel::Info, text);
            }
            Err(message) => {
                let text = fill(self.tr(Tr::NoticeCardNotOpened), &[("path", &path.display()), ("error", &message)]);
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
