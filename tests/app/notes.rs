//! The Notes page: write markdown, see it rendered; links open only when clicked, and only
//! web and e-mail links.

use crate::common::app;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pitchcraft::app::{Launch, PitchcraftApp};
use pitchcraft::state::Page;

fn opened_urls(harness: &Harness<'_, PitchcraftApp>) -> Vec<String> {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|command| match command {
            egui::OutputCommand::OpenUrl(open) => Some(open.url.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_new_note_is_written_in_markdown_and_rendered() {
    let (mut harness, _) = app(Launch { sample: true, page: Some(Page::Notes), ..Launch::default() });
    harness.get_by_label("New note").click();
    harness.run_ok();
    let document = &harness.state().session().unwrap().document;
    assert_eq!(document.notes.len(), 3);
    let text = "# Dinner with Joris\n\nAsk about **block scheduling**.\n\n- [web](https://example.org)\n- [script](javascript:alert(1))";
    harness.get_by_label("Text (markdown)").click();
    harness.run_ok();
    harness.get_by_label("Text (markdown)").type_text(text);
    harness.run_ok();
    assert_eq!(harness.state().session().unwrap().document.notes[2].markdown, text);
    assert!(harness.query_by_label("Dinner with Joris").is_some(), "the heading is rendered");
    assert!(harness.query_by_label("Ask about block scheduling.").is_some(), "bold is rendered, not shown as **");

    // Nothing opens by itself; a web link opens when clicked; a script link never does.
    assert!(opened_urls(&harness).is_empty());
    harness.get_by_label("script").click();
    harness.step();
    assert!(opened_urls(&harness).is_empty());
    harness.get_by_label("web").click();
    harness.step();
    assert_eq!(opened_urls(&harness), ["https://example.org"]);
}
