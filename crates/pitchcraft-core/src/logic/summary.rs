//! Counts of what a document holds, for `pitchcraft check` and the page headers.

use crate::model::{BrandDocument, Pile};

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
    /// One line in English, for the command line.
    pub fn one_line(&self, name: &str) -> String {
        let name = if name.trim().is_empty() { "(no name)" } else { name.trim() };
        format!(
            "{name}: {} values sorted ({} ranked), {} skills with {} proof points, {} goals, {} audiences, {} pitches, {} rehearsals, {} notes",
            self.values_sorted,
            self.values_ranked,
            self.skills,
            self.proof_points,
            self.goals,
            self.audiences,
            self.pitches,
            self.rehearsals,
            self.notes,
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
        assert!(summary.one_line(&sample.person.name).starts_with("Sanne de Vries: 70 values sorted (6 ranked)"));
    }

    #[test]
    fn an_empty_document_has_no_name() {
        let summary = summarize(&BrandDocument::default());
        assert_eq!(summary, DocumentSummary { card_sections: 7, ..Default::default() });
        assert!(summary.one_line(" ").starts_with("(no name): 0 values"));
    }
}
