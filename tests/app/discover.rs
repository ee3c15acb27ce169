//! The Discover path driven like a person would: card-sort keys, ranking, the whole path
//! by keyboard, and jumping from a Review gap to its step.

use crate::common;

use crate::common::{app, press_command};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use pitchcraft::app::{Launch, PitchcraftApp};
use pitchcraft::i18n::values::deck_ids;
use pitchcraft::logic::discover::{Step, gaps};
use pitchcraft::model::{BrandDocument, Network, Pile};

fn document(harness: &Harness<'_, PitchcraftApp>) -> BrandDocument {
    harness.state().session().expect("a document is open").document.clone()
}

fn press(harness: &mut Harness<'_, PitchcraftApp>, key: Key) {
    harness.key_press(key);
    harness.run_ok();
}

fn alt(harness: &mut Harness<'_, PitchcraftApp>, key: Key) {
    harness.key_press_modifiers(egui::Modifiers::ALT, key);
    harness.run_ok();
}

/// Gives a field the keyboard (as Tab would) and types into it.
fn type_into(harness: &mut Harness<'_, PitchcraftApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run_ok();
    harness.get_by_label(label).type_text(text);
    harness.run_ok();
}

/// Gives a button the keyboard and presses Enter (the first one, if there are several).
fn activate(harness: &mut Harness<'_, PitchcraftApp>, label: &str) {
    harness.get_all_by_label(label).next().unwrap_or_else(|| panic!("no button {label:?}")).focus();
    harness.run_ok();
    press(harness, Key::Enter);
}

fn new_document() -> Harness<'static, PitchcraftApp> {
    let (mut harness, _) = app(Launch::default());
    press_command(&mut harness, Key::N);
    harness
}

#[test]
fn sort_ten_cards_with_the_keys_and_undo_one() {
    let mut harness = new_document();
    alt(&mut harness, Key::ArrowRight);
    assert_eq!(harness.state().discover_step(), Step::Values);

    let keys =
        [Key::Num1, Key::Num2, Key::Num3, Key::Num1, Key::Num2, Key::Num3, Key::Num1, Key::Num2, Key::Num3, Key::Num1];
    for key in keys {
        press(&mut harness, key);
    }
    let deck = deck_ids();
    let sorted = document(&harness).values.cards;
    assert_eq!(sorted.len(), 10);
    let expected = [Pile::VeryImportant, Pile::Important, Pile::NotImportant];
    for (index, id) in deck.iter().take(10).enumerate() {
        assert_eq!(sorted[*id].pile, expected[index % 3], "{id}");
    }

    press_command(&mut harness, Key::Z);
    let sorted = document(&harness).values.cards;
    assert_eq!(sorted.len(), 9);
    assert!(!sorted.contains_key(deck[9]), "the last card is unsorted again");
    assert!(harness.query_by_label("Card 10 of 70").is_some(), "and it is the card shown");

    // Back with Backspace shows the card before, and re-sorting it moves on.
    press(&mut harness, Key::Backspace);
    assert!(harness.query_by_label("Card 9 of 70").is_some());
    press(&mut harness, Key::Num1);
    assert_eq!(document(&harness).values.cards[deck[8]].pile, Pile::VeryImportant);
    assert!(harness.query_by_label("Card 10 of 70").is_some());
}

#[test]
fn keys_do_not_sort_while_typing() {
    let mut harness = new_document();
    alt(&mut harness, Key::ArrowRight);
    harness.get_by_label_contains("Add a value of your own").click();
    harness.run_ok();
    type_into(&mut harness, "Name of the value", "Stewardship 123");
    assert!(document(&harness).values.cards.is_empty(), "typing 1, 2, 3 in a field sorts nothing");
    activate(&mut harness, "Add");
    assert_eq!(document(&harness).values.custom["custom-stewardship-123"].name, "Stewardship 123");
}

#[test]
fn rank_a_top_five_and_reorder_it() {
    let (mut harness, _) = app(Launch { sample: true, step: Some(Step::Values), ..Launch::default() });
    // Start from the sample with an empty top.
    harness.state_mut().push(pitchcraft::command::Command::Edit(pitchcraft::command::DocEdit::step(|document| {
        document.values.ranking.clear()
    })));
    harness.run_ok();
    harness.get_by_label("Your top").click();
    harness.run_ok();
    for name in ["Simplicity", "Care", "Reliability", "Curiosity", "Integrity"] {
        harness.get_by_label(&format!("+ {name}")).click();
        harness.run_ok();
    }
    assert_eq!(document(&harness).values.ranking, ["simplicity", "care", "reliability", "curiosity", "integrity"]);

    // The arrow buttons, each named after the value it moves …
    harness.get_by_label("Move up: Care").click();
    harness.run_ok();
    assert_eq!(document(&harness).values.ranking[..2], ["care", "simplicity"]);
    // … and the keys: select the fifth, Alt+↑ twice.
    harness.get_by_label("5. Integrity").scroll_to_me();
    harness.run_ok();
    harness.get_by_label("5. Integrity").click();
    harness.run_ok();
    alt(&mut harness, Key::ArrowUp);
    alt(&mut harness, Key::ArrowUp);
    assert_eq!(document(&harness).values.ranking, ["care", "simplicity", "integrity", "reliability", "curiosity"]);

    let first_meaning = harness.get_all_by_label("What it means to you").next().unwrap().accesskit_node().id();
    harness.get_by(|node| node.id() == first_meaning).focus();
    harness.run_ok();
    harness.get_by(|node| node.id() == first_meaning).type_text(" I look after patients.");
    harness.run_ok();
    assert!(document(&harness).values.cards["care"].meaning.ends_with("I look after patients."));
}

#[test]
fn the_whole_path_by_keyboard_on_an_empty_document() {
    let mut harness = new_document();

    // About you: the name field has the keyboard as the step opens.
    harness.get_by_label("Name").type_text("Sanne de Vries");
    harness.run_ok();
    press(&mut harness, Key::Tab);
    harness.get_by_label("Role").type_text("Operations manager");
    harness.run_ok();
    type_into(&mut harness, "E-mail", "sanne@example.org");
    alt(&mut harness, Key::ArrowRight);

    // Values: sort every card, five of them very important.
    let deck = deck_ids();
    for index in 0..deck.len() {
        press(
            &mut harness,
            if index < 5 {
                Key::Num1
            } else if index % 2 == 0 {
                Key::Num2
            } else {
                Key::Num3
            },
        );
    }
    assert_eq!(document(&harness).values.cards.len(), deck.len());
    // With every card sorted, the step shows the top to choose from.
    assert!(harness.query_by_label_contains("Your top: 0").is_some());
    for id in &deck[..5] {
        let name =
            pitchcraft::i18n::values::value_text(&document(&harness), id, pitchcraft::model::Language::En).0.to_owned();
        activate(&mut harness, &format!("+ {name}"));
    }
    for (index, field) in harness
        .get_all_by_label("What it means to you")
        .map(|node| node.accesskit_node().id())
        .collect::<Vec<_>>()
        .into_iter()
        .enumerate()
    {
        harness.get_by(|node| node.id() == field).focus();
        harness.run_ok();
        harness.get_by(|node| node.id() == field).type_text(&format!("Meaning {index}."));
        harness.run_ok();
    }
    alt(&mut harness, Key::ArrowRight);

    // Expertise: one skill with a proof that has a number, marked as signature story.
    activate(&mut harness, "Add a skill");
    type_into(&mut harness, "Skill or strength", "Lean process design");
    type_into(&mut harness, "In one line", "taking the waiting out of care");
    type_into(&mut harness, "The situation", "Long waits.");
    type_into(&mut harness, "What did you do?", "Mapped the flow.");
    type_into(&mut harness, "What was the result?", "Waiting fell by a third.");
    type_into(&mut harness, "The result as a number (optional)", "-32% waiting time");
    activate(&mut harness, "Signature story");
    alt(&mut harness, Key::ArrowRight);

    // Goals: one for each horizon, with the network's help.
    activate(&mut harness, "Add a one-year goal");
    activate(&mut harness, "Add a three-year goal");
    let goals: Vec<_> = harness.get_all_by_label("Goal").map(|node| node.accesskit_node().id()).collect();
    let helps: Vec<_> = harness
        .get_all_by_label("What help from your network would move this goal?")
        .map(|node| node.accesskit_node().id())
        .collect();
    for (index, (goal, help)) in goals.into_iter().zip(helps).enumerate() {
        for (node, text) in [(goal, format!("By 2027 I lead roll-out {index}")), (help, "Introductions".to_owned())] {
            harness.get_by(|n| n.id() == node).focus();
            harness.run_ok();
            harness.get_by(|n| n.id() == node).type_text(&text);
            harness.run_ok();
        }
    }
    alt(&mut harness, Key::ArrowRight);

    // Audiences: one strategic audience with what they care about and the ask.
    activate(&mut harness, "Add an audience");
    type_into(&mut harness, "Who are they?", "Hospital board members");
    type_into(&mut harness, "What do they care about?", "Waiting lists");
    type_into(&mut harness, "Your ask", "A 20-minute conversation");
    alt(&mut harness, Key::ArrowRight);

    // Brand: the three parts, the first phrasing, and a headline.
    type_into(&mut harness, "Who do you help?", "hospitals");
    type_into(&mut harness, "What do they achieve?", "cut waiting times");
    type_into(&mut harness, "How do you do it?", "redesigning care with the people who run it");
    // Each "Use this" is named after the phrasing it takes.
    let first = harness
        .get_all_by_label_contains("Use this: I help hospitals")
        .next()
        .expect("a phrasing")
        .accesskit_node()
        .label()
        .unwrap_or_default()
        .to_owned();
    activate(&mut harness, &first);
    type_into(&mut harness, "Headline", "Operations manager who makes care run on time");
    alt(&mut harness, Key::ArrowRight);
    assert_eq!(harness.state().discover_step(), Step::Review);

    let result = document(&harness);
    assert_eq!(gaps(&result, &deck), [], "the path leaves nothing missing");
    assert!(harness.query_by_label("Nothing missing: your profile is complete.").is_some());
    assert_eq!(result.person.name, "Sanne de Vries");
    assert_eq!(result.values.ranking, deck[..5]);
    assert_eq!(result.values.cards[deck[4]].meaning, "Meaning 4.");
    assert!(result.expertise[0].proof[0].signature);
    assert_eq!(result.goals.len(), 2);
    assert_eq!(result.audiences[0].network, Network::Strategic);
    assert_eq!(
        result.brand_statement,
        "I help hospitals cut waiting times by redesigning care with the people who run it."
    );
}

#[test]
fn a_review_gap_jumps_to_its_step() {
    let (mut harness, _) = app(Launch { sample: true, step: Some(Step::Review), ..Launch::default() });
    assert!(harness.query_by_label_contains("has no number").is_some());
    harness.get_by_label("Expertise →").click();
    harness.run_ok();
    assert_eq!(harness.state().discover_step(), Step::Expertise);
    assert!(harness.query_by_label("Can you put a number on it? Numbers make a result stick.").is_some());
}

#[test]
fn the_step_is_remembered_and_every_step_renders_in_both_languages() {
    for language in pitchcraft::model::Language::ALL {
        let (mut harness, _) = app(Launch { sample: true, language: Some(language), ..Launch::default() });
        for step in Step::ALL {
            harness.state_mut().push(pitchcraft::command::Command::SetStep(step));
            harness.run_ok();
            assert_eq!(harness.state().settings().discover_step, step);
        }
    }
}

#[test]
fn an_audience_is_addressed_formally_or_informally_and_strategic_ones_start_formal() {
    use pitchcraft::model::Address;
    let (mut harness, _) = app(Launch {
        sample: true,
        page: Some(pitchcraft::state::Page::Discover),
        step: Some(Step::Audiences),
        ..Launch::default()
    });
    let board = |harness: &Harness<'_, PitchcraftApp>| document(harness).audiences[0].clone();
    assert_eq!(board(&harness).network, Network::Strategic);
    assert_eq!(board(&harness).address(), Address::Formal, "strategic audiences start formal");
    assert_eq!(document(&harness).audiences[1].address(), Address::Informal, "a personal audience starts informal");
    // The English sample: only the regional peers have a Dutch pitch, so only their card
    // asks for "u" or "je".
    assert_eq!(harness.get_all_by_label("Informal (je)").count(), 1);
    let peers = |harness: &Harness<'_, PitchcraftApp>| document(harness).audiences[1].clone();
    assert_eq!(peers(&harness).id, "regional-peers");
    harness.get_by_label("Formal (u)").scroll_to_me();
    harness.run_ok();
    activate_nth(&mut harness, "Formal (u)", 0);
    assert_eq!(peers(&harness).address, Some(Address::Formal));
    press_command(&mut harness, Key::Z);
    assert_eq!(peers(&harness).address, None, "undo brings back the default");
}

fn activate_nth(harness: &mut Harness<'_, PitchcraftApp>, label: &str, index: usize) {
    harness.get_all_by_label(label).nth(index).expect(label).click();
    harness.run_ok();
}

/// The texts of every label on screen that starts with `prefix`.
fn labels_starting(harness: &Harness<'_, PitchcraftApp>, prefix: &str) -> Vec<String> {
    harness
        .root()
        .query_all(egui_kittest::kittest::by().predicate(|node| {
            node.label().is_some_and(|label| label.starts_with(prefix))
                || node.value().is_some_and(|v| v.starts_with(prefix))
        }))
        .map(|node| node.accesskit_node().label().or(node.accesskit_node().value()).unwrap_or_default().to_owned())
        .fold(Vec::new(), |mut found, text| {
            // A label and its text run say the same: count it once.
            if !found.contains(&text) {
                found.push(text);
            }
            found
        })
}

#[test]
fn the_sentence_the_pitch_makes_shows_while_the_brand_parts_are_typed() {
    let mut harness = new_document();
    harness.state_mut().push(pitchcraft::command::Command::SetStep(Step::Brand));
    harness.run_ok();
    assert!(labels_starting(&harness, "In your pitch").is_empty(), "nothing to say yet");
    type_into(&mut harness, "Who do you help?", "garden centres");
    type_into(&mut harness, "What do they achieve?", "sell more plants in winter");
    type_into(&mut harness, "How do you do it?", "plan the displays and train the staff");
    let shown = labels_starting(&harness, "In your pitch");
    assert_eq!(
        shown,
        [
            "In your pitch: “I help garden centres sell more plants in winter by planning the displays and training the staff.”"
        ]
    );
    assert!(labels_starting(&harness, "Kept in your own words").is_empty());
    // A "how" the app cannot fit is said as the person's own sentence, and the page says so.
    harness.get_by_label("How do you do it?").focus();
    harness.run_ok();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.get_by_label("How do you do it?").type_text("Winter displays, and staff who know plants!");
    harness.run_ok();
    assert_eq!(
        labels_starting(&harness, "Kept in your own words").len(),
        1,
        "{:?}",
        labels_starting(&harness, "In your")
    );
}

#[test]
fn each_audience_shows_its_opening_and_its_ask_in_its_own_address() {
    let (mut harness, _) = app(Launch {
        sample: true,
        page: Some(pitchcraft::state::Page::Discover),
        step: Some(Step::Audiences),
        language: Some(pitchcraft::model::Language::Nl),
        ..Launch::default()
    });
    harness.run_ok();
    let shown = labels_starting(&harness, "In je pitch");
    assert!(shown.iter().any(|text| text.contains("Where do you stand on waiting lists")), "{shown:?}");
    assert!(shown.iter().any(|text| text.ends_with("?”")), "{shown:?}");
    assert!(shown.len() >= 4, "an opening and an ask per audience: {shown:?}");
}

#[test]
fn tab_brings_a_field_below_the_fold_into_view() {
    use egui::accesskit::Role;
    let size = egui::vec2(800.0, 600.0);
    let (mut harness, _) = common::app_sized(
        Launch {
            sample: true,
            page: Some(pitchcraft::state::Page::Discover),
            step: Some(Step::Audiences),
            ..Launch::default()
        },
        size,
    );
    let mut fields_seen = 0;
    for _ in 0..60 {
        harness.key_press(Key::Tab);
        harness.run_ok();
        let focused = harness
            .root()
            .query_all(egui_kittest::kittest::by().predicate(|node| node.is_focused()))
            .map(|node| (node.accesskit_node().role(), node.rect()))
            .next();
        if let Some((role, rect)) = focused
            && matches!(role, Role::TextInput | Role::MultilineTextInput)
        {
            fields_seen += 1;
            assert!(rect.min.y >= 0.0 && rect.max.y <= size.y + 1.0, "a focused field out of view: {rect:?}");
        }
    }
    assert!(fields_seen >= 4, "Tab went through {fields_seen} fields");
}

fn go_to(harness: &mut Harness<'_, PitchcraftApp>, step: Step) {
    harness.state_mut().push(pitchcraft::command::Command::SetStep(step));
    harness.run_ok();
}

/// LinkedIn's archive of an invented person: her connections and her own profile.
fn linkedin_archive(dir: &std::path::Path) -> std::path::PathBuf {
    use std::io::Write;
    let path = dir.join("Basic_LinkedInDataExport_12-05-2026.zip");
    let mut writer = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    let files: [(&str, &str); 5] = [
        (
            "Connections.csv",
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
             Joost,Mulder,https://www.linkedin.com/in/joost-mulder,,Waterschap Rivierenland,Hydroloog,05 Mar 2018\n",
        ),
        (
            "Profile.csv",
            "First Name,Last Name,Headline,Summary,Geo Location,Websites\n\
             Ilse,Verhoeven,Data architect for hospitals | Records that add up,,\"Nijmegen, Netherlands\",\n",
        ),
        (
            "Positions.csv",
            "Company Name,Title,Description,Location,Started On,Finished On\n\
             Rivierenland Hospital,Data architect,,Tiel,Jan 2019,\n",
        ),
        ("Skills.csv", "Name\nHL7 FHIR\nTOGAF\n"),
        (
            "Recommendations_Received.csv",
            "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n\
             Joris,Bakker,Rivierenland Hospital,Head of IT,Ilse cut our interfaces from 40 to 12.,01/15/24,VISIBLE\n",
        ),
    ];
    for (name, text) in files {
        writer.start_file(name, options).unwrap();
        writer.write_all(text.as_bytes()).unwrap();
    }
    writer.finish().unwrap();
    path
}

#[test]
fn linkedins_export_offers_the_owners_profile_where_each_part_belongs_and_overwrites_nothing() {
    use pitchcraft::app::Picked;
    let dir = tempfile::tempdir().unwrap();
    let archive = linkedin_archive(dir.path());
    let (mut harness, dialogs) = app(Launch::default());
    press_command(&mut harness, Key::N);
    type_into(&mut harness, "Role", "Architect");
    dialogs.answer(Picked::Path(archive));
    harness.get_by_label("File").click();
    harness.run_ok();
    harness.get_by_label("Import… (contacts, LinkedIn, an invitation)").click();
    harness.run_ok();
    assert!(
        harness.query_by_label_contains("The export also holds your own profile: 2 skills, 1 recommendation").is_some()
    );
    assert_eq!(document(&harness).people.len(), 1, "the connections came in too");

    // About you: the empty fields only; the role typed stays.
    go_to(&mut harness, Step::Welcome);
    assert!(harness.query_by_label("Organisation: Rivierenland Hospital").is_some());
    assert!(harness.query_by_label_contains("Role: Data architect").is_none());
    activate(&mut harness, "Fill in the empty fields");
    let person = document(&harness).person;
    assert_eq!(
        (person.role.as_str(), person.organisation.as_str(), person.location.as_str()),
        ("Architect", "Rivierenland Hospital", "Nijmegen, Netherlands")
    );
    assert!(harness.query_by_label("Fill in the empty fields").is_none(), "nothing left to fill");

    // Expertise: a skill by a click, then the recommendation as its proof.
    go_to(&mut harness, Step::Expertise);
    assert!(harness.query_by_label("Add the skill TOGAF").is_some());
    activate(&mut harness, "Add the skill HL7 FHIR");
    assert!(harness.query_by_label("Add the skill HL7 FHIR").is_none(), "added once");
    activate(&mut harness, "Keep the recommendation by Joris Bakker as proof of HL7 FHIR");
    let skill = &document(&harness).expertise[0];
    assert_eq!(skill.skill, "HL7 FHIR");
    assert_eq!(skill.proof.len(), 1);
    assert_eq!(skill.proof[0].quote, "Ilse cut our interfaces from 40 to 12.");
    assert!(harness.query_by_label("In the words of Joris Bakker, Head of IT, Rivierenland Hospital:").is_some());

    // Brand statement: the LinkedIn headline is one more to pick.
    go_to(&mut harness, Step::Brand);
    activate(&mut harness, "Use this: Data architect for hospitals | Records that add up");
    assert_eq!(document(&harness).person.headline, "Data architect for hospitals | Records that add up");
    // Each was its own undo step.
    press_command(&mut harness, Key::Z);
    assert_eq!(document(&harness).person.headline, "");
}
