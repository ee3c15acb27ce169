//! Remarks on a whole pitch that no single phrase shows: over its target, a section over
//! its word budget, a speaker who talks about themselves far more than about the listener.
//! The feedback panel lists them; while there is one, it never says there is nothing to
//! improve.

use crate::logic::analysis::Analysis;
use crate::logic::draft::{section_budgets, word_count};
use crate::model::{Pitch, SectionKind};

/// A section more than this much over its word budget is remarked on.
pub const SECTION_SLACK: f64 = 1.2;

/// One remark.
#[derive(Clone, Debug, PartialEq)]
pub enum Remark {
    /// The pitch takes longer than its target.
    OverTarget {
        /// Estimated seconds at the planning rate.
        seconds: f64,
        /// The target.
        target: u32,
    },
    /// A section is more than 20 % over its share of the words.
    SectionOver {
        /// Which section.
        kind: SectionKind,
        /// Its words.
        words: usize,
        /// Its budget.
        budget: usize,
    },
    /// "I" three times as often as "you", or more.
    MostlyI {
        /// How often "I"/"ik".
        i: usize,
        /// How often "you"/"u"/"je".
        you: usize,
    },
}

/// The remarks on `pitch`, whose full text `analysis` analysed at `wpm`.
pub fn remarks(pitch: &Pitch, analysis: &Analysis, wpm: f64) -> Vec<Remark> {
    remarks_counted(pitch, analysis, wpm, &mut word_count)
}

/// [`remarks`] with the sections' words counted by `count` (the editor's memoised count,
/// so a frame does not count a long text again).
pub fn remarks_counted(
    pitch: &Pitch,
    analysis: &Analysis,
    wpm: f64,
    count: &mut dyn FnMut(&str) -> usize,
) -> Vec<Remark> {
    let mut found = Vec::new();
    if analysis.seconds > f64::from(pitch.target_seconds) + 0.5 {
        found.push(Remark::OverTarget { seconds: analysis.seconds, target: pitch.target_seconds });
    }
    let budgets = section_budgets(pitch.target_seconds, wpm);
    for (kind, budget) in SectionKind::ALL.into_iter().zip(budgets) {
        let words: usize = pitch.sections.iter().filter(|section| section.kind == kind).map(|s| count(&s.text)).sum();
        if budget > 0 && words as f64 > budget as f64 * SECTION_SLACK {
            found.push(Remark::SectionOver { kind, words, budget });
        }
    }
    if analysis.i_count >= 3 && analysis.i_count >= 3 * analysis.you_count {
        found.push(Remark::MostlyI { i: analysis.i_count, you: analysis.you_count });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logic::analysis::analyze;
    use crate::model::{Language, Section};

    fn pitch(sections: &[(SectionKind, &str)], target_seconds: u32) -> Pitch {
        Pitch {
            target_seconds,
            sections: sections.iter().map(|(kind, text)| Section { kind: *kind, text: (*text).to_owned() }).collect(),
            ..Pitch::default()
        }
    }

    #[test]
    fn a_long_section_and_a_pitch_about_me_are_remarked_on() {
        let long = "I plan. I build. I lead. I ship. I test. I learn. I teach. And you gain time too.";
        let pitch = pitch(&[(SectionKind::Hook, long), (SectionKind::Ask, "Shall we meet?")], 30);
        let analysis = analyze(&pitch.full_text(), Language::En, 150.0);
        let found = remarks(&pitch, &analysis, 150.0);
        assert!(found.contains(&Remark::SectionOver { kind: SectionKind::Hook, words: 19, budget: 11 }), "{found:?}");
        assert!(found.contains(&Remark::MostlyI { i: 7, you: 1 }), "{found:?}");
        assert!(!found.iter().any(|remark| matches!(remark, Remark::OverTarget { .. })));
    }

    #[test]
    fn over_the_target_is_remarked_on_and_a_balanced_pitch_is_not() {
        let words = "word ".repeat(100);
        let over = pitch(&[(SectionKind::Value, &words)], 30);
        let analysis = analyze(&over.full_text(), Language::En, 150.0);
        assert!(matches!(remarks(&over, &analysis, 150.0)[0], Remark::OverTarget { target: 30, .. }));
        let fine = pitch(
            &[(SectionKind::Hook, "Do you know how long your patients wait?"), (SectionKind::WhoIAm, "I'm Sanne.")],
            30,
        );
        let analysis = analyze(&fine.full_text(), Language::En, 150.0);
        assert_eq!(remarks(&fine, &analysis, 150.0), []);
    }
}
