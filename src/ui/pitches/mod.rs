//! The Pitches page: the list of pitches and the editor of the selected one, with live
//! feedback beside it.

mod editor;
mod feedback;
mod list;
mod revisions;

pub use editor::section_name;

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::rc::Rc;

use crate::command::Command;
use crate::i18n::{Tr, tr};
use crate::logic::analysis::{Analysis, FindingGroup, analyze};
use crate::model::{BrandDocument, Language};
use crate::ui::theme;

/// The editor's tabs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PitchTab {
    /// One field per section.
    #[default]
    Sections,
    /// The whole text with its findings marked.
    Whole,
    /// Saved revisions and their differences.
    Revisions,
}

/// Analyses by text version, so a frame never analyses a text it analysed before.
#[derive(Default)]
pub struct AnalysisCache {
    entries: HashMap<u64, Rc<Analysis>>,
}

impl AnalysisCache {
    /// The analysis of `text` in `language` at `wpm`, computed once per version of the text.
    pub fn get(&mut self, text: &str, language: Language, wpm: f64) -> Rc<Analysis> {
        let mut hasher = DefaultHasher::new();
        (text, language, wpm.to_bits()).hash(&mut hasher);
        let key = hasher.finish();
        if self.entries.len() > 64 {
            self.entries.clear();
        }
        self.entries.entry(key).or_insert_with(|| Rc::new(analyze(text, language, wpm))).clone()
    }

    /// How many analyses are kept (for tests of the caching).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// What the Pitches page remembers between frames (not part of the document).
#[derive(Default)]
pub struct PitchesState {
    /// The pitch being edited.
    pub selected: Option<String>,
    /// The editor's tab.
    pub tab: PitchTab,
    /// The "replace with a draft?" question is showing.
    pub confirm_draft: bool,
    /// The name for the next revision.
    pub revision_name: String,
    /// The two versions compared: `None` is the current text.
    pub compare: (Option<u32>, Option<u32>),
    /// Analyses of the texts shown.
    pub cache: AnalysisCache,
    /// The marked-up layout of each section's text, reused while text and marks stay.
    pub layouts: HashMap<crate::model::SectionKind, feedback::LayoutMemo>,
    /// The grouped findings of the last analysis shown.
    groups: Option<(Rc<Analysis>, Rc<Vec<FindingGroup>>)>,
    /// Word counts of texts, by hash of the text.
    word_counts: HashMap<u64, usize>,
    /// What the last draft warned about, for the pitch with this id.
    pub draft_warnings: Option<(String, Vec<crate::logic::draft::DraftWarning>)>,
}

impl PitchesState {
    /// The findings of `analysis` grouped, computed once per analysis.
    pub fn groups(&mut self, analysis: &Rc<Analysis>, text: &str) -> Rc<Vec<FindingGroup>> {
        match &self.groups {
            Some((known, groups)) if Rc::ptr_eq(known, analysis) => groups.clone(),
            _ => {
                let groups = Rc::new(analysis.grouped(text));
                self.groups = Some((analysis.clone(), groups.clone()));
                groups
            }
        }
    }

    /// The words in `text`, counted once per version of the text.
    pub fn word_count(&mut self, text: &str) -> usize {
        let mut hasher = DefaultHasher::new();
        text.hash(&mut hasher);
        if self.word_counts.len() > 64 {
            self.word_counts.clear();
        }
        *self.word_counts.entry(hasher.finish()).or_insert_with(|| crate::logic::draft::word_count(text))
    }
}

/// What the page's views get.
pub struct PitchContext<'a> {
    /// The document.
    pub document: &'a BrandDocument,
    /// The interface language.
    pub language: Language,
    /// The page's state.
    pub state: &'a mut PitchesState,
    /// Commands for the app.
    pub out: &'a mut Vec<Command>,
}

impl PitchContext<'_> {
    /// The text of `key` in the interface language.
    pub fn t(&self, key: Tr) -> &'static str {
        tr(self.language, key)
    }
}

/// Draws the Pitches page.
pub fn show(ui: &mut egui::Ui, mut cx: PitchContext<'_>) {
    let selected = cx
        .state
        .selected
        .clone()
        .filter(|id| cx.document.pitch(id).is_some())
        .or_else(|| cx.document.pitches.first().map(|pitch| pitch.id.clone()));
    cx.state.selected = selected.clone();
    let wide = ui.available_width() >= theme::PITCH_LIST_LAYOUT;
    if wide {
        egui::Panel::left("pitch_list")
            .frame(theme::inner_panel())
            .resizable(false)
            .exact_size(theme::PITCH_LIST_WIDTH)
            .show(ui, |ui| list::side_list(ui, &mut cx));
    }
    egui::CentralPanel::default().frame(theme::inner_panel()).show(ui, |ui| {
        if !wide {
            list::compact_picker(ui, &mut cx);
        }
        match selected.and_then(|id| cx.document.pitch(&id)) {
            Some(pitch) => editor::show(ui, pitch, &mut cx),
            None => list::empty_state(ui, &mut cx),
        }
    });
}
