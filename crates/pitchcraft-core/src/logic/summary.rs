//! Counts of what a document holds, for `pitchcraft check` and the page headers.

use crate::i18n::{Tr, trf};
use crate::model::{BrandDocument, Language, Pile};

/// How much of each part a document has.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentSummary {
    /// Value cards sorted into any pile.
    pub values_sorted: usize,
    /// Value cards in the very important pile.
    pub values_very_important: usize,
    /// Values in the ranked top.
    pub values_ranked: usize,
    /// Skills.
    pub skills: usize,
    /// Proof points over all skills.
    pub proof_points: usize,
    /// Goals.
    pub goals: usize,
    /// Audiences.
    pub audiences: usize,
    /// Whether a brand statement is written.
    pub has_brand_statement: bool,
    /// Pitches.
    pub pitches: usize,
    /// Saved revisions over all pitches.
    pub revisions: usize,
    /// Kept rehearsal attempts.
    pub rehearsals: usize,
    /// Notes.
    pub notes: usize,
    /// Sections shown on the card.
    pub card_sections: usize,
}

/// Counts what `document` holds.
pub fn summarize(document: &BrandDocument) -> DocumentSummary {
    DocumentSummary {
        values_sorted: document.values.cards.len(),
        values_very_important: document.values.in_pile(Pile::VeryImportant).count(),
        values_ranked: document.values.ranking.len(),
        skills: document.expertise.len(),
        proof_points: document.expertise.iter().map(|skill| skill.proof.len()).sum(),
        goals: document.goals.len(),
        audiences: document.audiences.len(),
        has_brand_statement: !document.brand_statement.trim().is_empty(),
        pitches: document.pitches.len(),
        revisions: document.pitches.iter().map(|pitch| pitch.revisions.len()).sum(),
        rehearsals: document.rehearsals.len(),
        notes: document.notes.len(),
        card_sections: document.card.sections.len(),
    }
}

impl DocumentSummary {
    /// One line, for the command line, with each count in its singular or plural.
    pub fn one_line(&self, name: &str, language: Language) -> String {
        let name = if name.trim().is_empty() { "(no name)" } else { name.trim() };
        trf(
            language,
            Tr::DocumentSummary,
            &[
                ("name", &name),
                ("sorted", &self.values_sorted),
                ("ranked", &self.values_ranked),
                ("skills", &self.skills),
                ("proof", &self.proof_points),
                ("goals", &self.goals),
                ("audiences", &self.audiences),
                ("pitches", &self.pitches),
                ("rehearsals", &self.rehearsals),
                ("notes", &self.notes),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_the_sample() {
        let sample = crate::storage::sample_document().unwrap();
        let summary = summarize(&sample);
        assert_eq!(summary.values_ranked, 6);
        assert_eq!(summary.skills, 3);
        assert_eq!(summary.proof_points, 4);
        assert_eq!(summary.pitches, 3);
        assert_eq!(summary.rehearsals, 4);
        assert!(summary.has_brand_statement);
        assert!(
            summary
                .one_line(&sample.person.name, Language::En)
                .starts_with("Sanne de Vries: 70 values sorted (6 ranked)")
        );
    }

    #[test]
    fn an_empty_document_has_no_name() {
        let summary = summarize(&BrandDocument::default());
        assert_eq!(summary, DocumentSummary { card_sections: 7, ..Default::default() });
        assert!(summary.one_line(" ", Language::En).starts_with("(no name): 0 values"));
    }

    #[test]
    fn one_of_each_is_singular_in_both_languages() {
        let one = DocumentSummary {
            values_sorted: 1,
            values_ranked: 1,
            skills: 1,
            proof_points: 1,
            goals: 1,
            audiences: 1,
            pitches: 1,
            rehearsals: 1,
            notes: 1,
            ..Default::default()
        };
        assert_eq!(
            one.one_line("Sanne", Language::En),
            "Sanne: 1 value sorted (1 ranked), 1 skill with 1 proof point, 1 goal, 1 audience, 1 pitch, 1 rehearsal, 1 note"
        );
        assert_eq!(
            one.one_line("Sanne", Language::Nl),
            "Sanne: 1 waarde gesorteerd (1 in de top), 1 vaardigheid met 1 bewijspunt, 1 doel, 1 doelgroep, 1 pitch, 1 oefenronde, 1 notitie"
        );
        let two = DocumentSummary { skills: 2, goals: 0, pitches: 2, ..one };
        assert!(
            two.one_line("Sanne", Language::En).contains("2 skills with 1 proof point, 0 goals, 1 audience, 2 pitches")
        );
        assert!(
            two.one_line("Sanne", Language::Nl)
                .contains("2 vaardigheden met 1 bewijspunt, 0 doelen, 1 doelgroep, 2 pitches")
        );
    }
}
