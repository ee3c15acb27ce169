//! Card layout from an arbitrary document: the sample with its texts and lists replaced by
//! what the fuzzer makes. Every card that is made is one page, and its PDF, HTML and
//! Markdown are made without a panic.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use pitchcraft_card::{BusinessCards, Card};
use pitchcraft_core::model::{CardSection, CustomValue, Paper, PitchForm, ProofPoint, Skill, ValueChoice};

#[derive(Arbitrary, Debug)]
struct Input {
    name: String,
    headline: String,
    statement: String,
    email: String,
    website: String,
    values: Vec<(String, String, bool)>,
    strengths: Vec<(String, String, String, String)>,
    pitch: Vec<String>,
    goals: Vec<String>,
    letter: bool,
    full_pitch: bool,
    business: bool,
    sections: Vec<u8>,
}

fuzz_target!(|input: Input| {
    let mut document = pitchcraft_core::storage::sample_document().expect("the sample loads");
    document.person.name = input.name;
    document.person.headline = input.headline;
    document.person.email = input.email;
    document.person.website = input.website;
    document.brand_statement = input.statement;
    for (n, (name, meaning, never_print)) in input.values.into_iter().enumerate() {
        let id = format!("fuzz-{n}");
        document.values.custom.insert(id.clone(), CustomValue { name, description: String::new() });
        document.values.cards.insert(id.clone(), ValueChoice { meaning, never_print, ..Default::default() });
        document.values.ranking.push(id);
    }
    for (skill, description, result, metric) in input.strengths {
        let proof = vec![ProofPoint { result, metric, signature: true, ..Default::default() }];
        document.expertise.push(Skill { skill, description, proof, ..Default::default() });
    }
    if let Some(pitch) = document.pitches.first_mut() {
        for (section, text) in pitch.sections.iter_mut().zip(input.pitch) {
            section.text = text;
        }
    }
    for (goal, statement) in document.goals.iter_mut().zip(input.goals) {
        goal.statement = statement;
    }
    document.card.paper = if input.letter { Paper::Letter } else { Paper::A4 };
    if !input.sections.is_empty() {
        let all = CardSection::ALL;
        document.card.sections = input.sections.iter().map(|n| all[usize::from(*n) % all.len()]).collect();
    }
    document.card.pitch_form = if input.full_pitch { PitchForm::Full } else { PitchForm::OneLine };
    if input.business {
        // Business cards: a front sheet and a back sheet, whatever the cards hold.
        if let Ok(cards) = BusinessCards::make(&document, document.card.paper) {
            assert_eq!(cards.pages(), 2, "a front sheet and a back sheet");
            cards.pdf().expect("typeset business cards make a PDF");
        }
        return;
    }
    if let Ok(card) = Card::of(&document) {
        assert_eq!(card.pages(), 1, "always one page");
        card.pdf().expect("a typeset card makes a PDF");
        let _ = card.html();
        let _ = card.markdown();
    }
});
