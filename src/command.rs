//! Everything a user can ask of the app, as values. Menus, buttons, shortcuts and views
//! only create commands; the app applies them in one place at the end of the frame, so
//! undo, autosave and dirty tracking have one path.

use std::path::PathBuf;
use std::time::Instant;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::Tr;
use crate::logic::discover::Step;
use crate::model::Language;
pub use crate::state::{CardFormat, ConflictChoice, DocEdit, NetworkFile, UnsavedChoice};
use crate::state::{Page, Pending, ThemeChoice};

/// What the Rehearse page asks of the recorder and the player, which the shell owns.
#[derive(Debug)]
pub enum VoiceRequest {
    /// Look the microphones up (again: a headset may have come since).
    LookUpDevices,
    /// Listen for a few seconds and play back what was heard.
    CheckMicrophone {
        /// The frame's monotonic now.
        at: Instant,
    },
    /// A run of this pitch has just started (or restarted): record it when the person
    /// asked for recordings; an earlier recording still going is thrown away.
    Record {
        /// The pitch's id.
        pitch: String,
        /// When the run started.
        at: Instant,
    },
    /// The next section starts now.
    Mark {
        /// When the mark was pressed.
        at: Instant,
    },
    /// The run ended and waits for its rating: finish the take and measure it.
    Finish {
        /// The words and syllables of the text.
        script: pitchcraft_voice::Script,
        /// The text's spoken sections and its language, to hold what was said against.
        sections: Vec<String>,
        language: crate::model::Language,
        /// When the run ended (on the page's clock): with the samples recorded by then it
        /// tells how late the sound began, so that the marks line up with the voice.
        at: std::time::Instant,
    },
    /// The run was stopped and thrown away: so is its recording.
    Discard,
    /// The finished run was discarded after all: its take's file goes.
    Forget {
        /// The take's file name.
        file: String,
    },
    /// Open this take in the player.
    Open {
        /// The take's file name.
        file: String,
    },
    /// Play the open take from this sample.
    Play {
        /// Where to start, in samples.
        from: u64,
    },
    /// Stop playing, keeping the position.
    Stop,
    /// Stop hearing what was said in the finished run's take.
    StopHearing,
    /// Hear what was said in the finished run's take (again, after a stop or a failure).
    Hear,
    /// Fetch the speech model, then hear the take.
    GetModel,
    /// Stop fetching the speech model (what arrived is kept for the next try).
    StopGettingModel,
}

/// A request to the app.
#[derive(Debug)]
pub enum Command {
    /// Start a new, empty document.
    New,
    /// Choose a document to open.
    Open,
    /// Open this document.
    OpenPath(PathBuf),
    /// Files dropped on the window: the first opens, the rest are named.
    OpenDropped(Vec<PathBuf>),
    /// Open a copy of the built-in sample.
    OpenSample,
    /// Open a backup copy as a new, untitled document.
    OpenBackup(PathBuf),
    /// Save the document (asks for a name when it has none).
    Save,
    /// Save the document under a new name.
    SaveAs,
    /// Save the document to this path (chosen by the user), then continue.
    SaveTo(PathBuf, Option<Pending>),
    /// Create an empty document at this path and open it.
    CreateAt(PathBuf),
    /// Export the brand card (as PDF, from the menu).
    ExportCard,
    /// Export the brand card in a format.
    ExportCardAs(CardFormat),
    /// Open the print dialog for this.
    Print(crate::printing::Printable),
    /// In the print dialog: send the job (for business cards, these sides of the sheets).
    PrintSend(crate::printing::CardSides),
    /// Close the print dialog.
    PrintClose,
    /// Hand what the print dialog holds to the desktop's own print dialog (its portal).
    PrintWithDesktop,
    /// Without a printing service: open what the print dialog holds in the system's PDF
    /// viewer instead (the card, or a brief), from where the person prints or saves it.
    PrintInViewer,
    /// Write the card in a format to a path the user typed.
    ExportCardTo(PathBuf, CardFormat),
    /// Typeset the brief of the event with this id and open it in the system's viewer.
    OpenBrief(String),
    /// Ask for a contacts file to import, or where to export people or the calendar.
    NetworkFile(NetworkFile),
    /// Import from, or export to, this path.
    NetworkFileAt(NetworkFile, PathBuf),
    /// Close the window.
    Quit,
    /// Show the version, the licence and where things live.
    About,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Light, dark or follow the system.
    SetTheme(ThemeChoice),
    /// The language of the app.
    SetLanguage(Language),
    /// Make everything larger.
    ZoomIn,
    /// Make everything smaller.
    ZoomOut,
    /// Back to normal size.
    ZoomReset,
    /// Show a page.
    GoTo(Page),
    /// Show a step of the Discover path.
    SetStep(Step),
    /// Change the document.
    Edit(DocEdit),
    /// Answer to the unsaved changes prompt.
    AnswerUnsaved(UnsavedChoice),
    /// Answer to the file-changed-on-disk prompt.
    AnswerConflict(ConflictChoice),
    /// Close the prompt on top.
    Dismiss,
    /// Close the notice with this index.
    DismissNotice(usize),
    /// The person is reading the notice with this index (pointer or focus on it): it
    /// does not fade yet.
    HoldNotice(usize),
    /// Say that something was deleted (the sentence), with an Undo button; sent right
    /// after the edit that deleted it.
    Deleted(String),
    /// Take a file off the recent list.
    ForgetRecent(PathBuf),
    /// Something of the recorder or the player.
    Voice(VoiceRequest),
    /// Send the open document's digest each morning at this hour (`None`: no more).
    MorningReminder(Option<u8>),
}

/// Ctrl on Linux and Windows, Cmd on a Mac.
const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers { shift: true, ..Modifiers::COMMAND };

impl Command {
    /// The commands that have keyboard shortcuts.
    pub fn with_shortcuts() -> Vec<Command> {
        vec![
            Command::New,
            Command::Open,
            Command::Save,
            Command::SaveAs,
            Command::Quit,
            Command::Undo,
            Command::Redo,
            Command::ZoomIn,
            Command::ZoomOut,
            Command::ZoomReset,
        ]
    }

    /// The keyboard shortcuts of this command; the first is the one shown in menus.
    pub fn shortcuts(&self) -> &'static [KeyboardShortcut] {
        const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(modifiers, key)
        }
        const NEW: &[KeyboardShortcut] = &[key(CMD, Key::N)];
        const OPEN: &[KeyboardShortcut] = &[key(CMD, Key::O)];
        const SAVE: &[KeyboardShortcut] = &[key(CMD, Key::S)];
        const SAVE_AS: &[KeyboardShortcut] = &[key(CMD_SHIFT, Key::S)];
        const QUIT: &[KeyboardShortcut] = &[key(CMD, Key::Q)];
        const UNDO: &[KeyboardShortcut] = &[key(CMD, Key::Z)];
        const REDO: &[KeyboardShortcut] = &[key(CMD_SHIFT, Key::Z), key(CMD, Key::Y)];
        const ZOOM_IN: &[KeyboardShortcut] = &[key(CMD, Key::Plus), key(CMD, Key::Equals)];
        const ZOOM_OUT: &[KeyboardShortcut] = &[key(CMD, Key::Minus)];
        const ZOOM_RESET: &[KeyboardShortcut] = &[key(CMD, Key::Num0)];
        match self {
            Command::New => NEW,
            Command::Open => OPEN,
            Command::Save => SAVE,
            Command::SaveAs => SAVE_AS,
            Command::Quit => QUIT,
            Command::Undo => UNDO,
            Command::Redo => REDO,
            Command::ZoomIn => ZOOM_IN,
            Command::ZoomOut => ZOOM_OUT,
            Command::ZoomReset => ZOOM_RESET,
            _ => &[],
        }
    }

    /// The label in menus and on buttons.
    pub fn label(&self) -> Tr {
        match self {
            Command::New => Tr::CmdNew,
            Command::Open => Tr::CmdOpen,
            Command::OpenPath(_) | Command::OpenDropped(_) => Tr::CmdOpen,
            Command::OpenSample => Tr::CmdOpenSample,
            Command::OpenBackup(_) => Tr::CmdOpenBackup,
            Command::Save => Tr::CmdSave,
            Command::SaveAs | Command::SaveTo(..) => Tr::CmdSaveAs,
            Command::CreateAt(_) => Tr::CmdNew,
            Command::ExportCard | Command::ExportCardAs(_) | Command::ExportCardTo(..) => Tr::CmdExportCard,
            Command::Print(_)
            | Command::PrintSend(_)
            | Command::PrintClose
            | Command::PrintInViewer
            | Command::PrintWithDesktop => Tr::PrintCard,
            Command::OpenBrief(_) => Tr::NetOpenBrief,
            Command::NetworkFile(what) | Command::NetworkFileAt(what, _) => what.label(),
            Command::Quit => Tr::CmdQuit,
            Command::Undo => Tr::CmdUndo,
            Command::Redo => Tr::CmdRedo,
            Command::SetTheme(theme) => theme.label(),
            Command::SetLanguage(_) => Tr::MenuLanguage,
            Command::ZoomIn => Tr::CmdZoomIn,
            Command::ZoomOut => Tr::CmdZoomOut,
            Command::ZoomReset => Tr::CmdZoomReset,
            Command::About => Tr::CmdAbout,
            Command::GoTo(page) => page.title(),
            Command::SetStep(_) => Tr::PageDiscover,
            Command::Edit(_) => Tr::CmdEdit,
            Command::AnswerUnsaved(_)
            | Command::AnswerConflict(_)
            | Command::Dismiss
            | Command::DismissNotice(_)
            | Command::HoldNotice(_)
            | Command::Deleted(_) => Tr::Close,
            Command::ForgetRecent(_) => Tr::CmdForgetRecent,
            Command::Voice(_) => Tr::VoiceHeading,
            Command::MorningReminder(_) => Tr::NetMorning,
        }
    }

    /// One line that says what the command does, for tooltips.
    pub fn tooltip(&self) -> Tr {
        match self {
            Command::New => Tr::TipNew,
            Command::Open => Tr::TipOpen,
            Command::OpenSample => Tr::TipOpenSample,
            Command::Save => Tr::TipSave,
            Command::SaveAs => Tr::TipSaveAs,
            Command::ExportCard => Tr::TipExportCard,
            Command::Quit => Tr::TipQuit,
            Command::Undo => Tr::TipUndo,
            Command::Redo => Tr::TipRedo,
            Command::ZoomIn | Command::ZoomOut | Command::ZoomReset => Tr::TipZoom,
            Command::GoTo(page) => page.purpose(),
            _ => self.label(),
        }
    }

    /// Turns the key presses of this frame into commands. Shortcuts with more modifiers
    /// are tried first, since egui lets Ctrl+Z match a press of Ctrl+Shift+Z.
    pub fn consume_shortcuts(ctx: &egui::Context) -> Vec<Command> {
        let mut table: Vec<(KeyboardShortcut, Command)> = Command::with_shortcuts()
            .into_iter()
            .flat_map(|command| {
                let shortcuts = command.shortcuts();
                shortcuts.iter().map(move |shortcut| (*shortcut, command.same()))
            })
            .collect();
        table.sort_by_key(|(shortcut, _)| std::cmp::Reverse(modifier_count(shortcut.modifiers)));
        let mut pressed = Vec::new();
        ctx.input_mut(|input| {
            for (shortcut, command) in table {
                if input.consume_shortcut(&shortcut) {
                    pressed.push(command);
                }
            }
        });
        pressed
    }

    /// A copy of a command that carries no data (the shortcut commands).
    fn same(&self) -> Command {
        match self {
            Command::New => Command::New,
            Command::Open => Command::Open,
            Command::Save => Command::Save,
            Command::SaveAs => Command::SaveAs,
            Command::Quit => Command::Quit,
            Command::Undo => Command::Undo,
            Command::Redo => Command::Redo,
            Command::ZoomIn => Command::ZoomIn,
            Command::ZoomOut => Command::ZoomOut,
            _ => Command::ZoomReset,
        }
    }
}

fn modifier_count(modifiers: Modifiers) -> u8 {
    u8::from(modifiers.alt) + u8::from(modifiers.shift) + u8::from(modifiers.command || modifiers.ctrl)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen: Vec<(KeyboardShortcut, String)> = Vec::new();
        for command in Command::with_shortcuts() {
            assert!(!command.shortcuts().is_empty(), "{command:?} is listed but has no shortcut");
            for shortcut in command.shortcuts() {
                if let Some((_, other)) = seen.iter().find(|(s, _)| s == shortcut) {
                    panic!("{command:?} and {other} both use {shortcut:?}");
                }
                seen.push((*shortcut, format!("{command:?}")));
            }
        }
    }

    #[test]
    fn the_issue_shortcuts_are_bound() {
        let bound = |command: Command, modifiers: Modifiers, key: Key| {
            command.shortcuts().contains(&KeyboardShortcut::new(modifiers, key))
        };
        assert!(bound(Command::New, CMD, Key::N));
        assert!(bound(Command::Open, CMD, Key::O));
        assert!(bound(Command::Save, CMD, Key::S));
        assert!(bound(Command::SaveAs, CMD_SHIFT, Key::S));
        assert!(bound(Command::Undo, CMD, Key::Z));
        assert!(bound(Command::Redo, CMD_SHIFT, Key::Z));
        assert!(bound(Command::Redo, CMD, Key::Y));
        assert!(bound(Command::ZoomIn, CMD, Key::Plus));
        assert!(bound(Command::ZoomOut, CMD, Key::Minus));
        assert!(bound(Command::ZoomReset, CMD, Key::Num0));
    }

    #[test]
    fn the_copy_used_for_shortcuts_is_the_same_command() {
        for command in Command::with_shortcuts() {
            assert_eq!(format!("{:?}", command.same()), format!("{command:?}"));
        }
    }

    #[test]
    fn ctrl_shift_z_redoes_rather_than_undoes() {
        let ctx = egui::Context::default();
        let mut input = egui::RawInput::default();
        input.events.push(egui::Event::Key {
            key: Key::Z,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: CMD_SHIFT,
        });
        let mut pressed = Vec::new();
        let mut output = ctx.run_ui(input, |ui| pressed = Command::consume_shortcuts(ui.ctx()));
        output.textures_delta.clear();
        assert_eq!(format!("{pressed:?}"), "[Redo]");
    }
}
