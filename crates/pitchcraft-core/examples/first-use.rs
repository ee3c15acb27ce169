//! What the first draft of a session pays once: reading the lexicons and loading the
//! language models for the language check. Criterion measures warm calls; this measures the
//! cold one, in a fresh process. `cargo run --release -p pitchcraft-core --example first-use`

use std::time::Instant;

use pitchcraft_core::lang::{language_of, lexicon};
use pitchcraft_core::model::Language;

fn main() {
    let started = Instant::now();
    let _ = language_of("Ik help gemeenten om het verzuim te verlagen");
    let models = started.elapsed();
    let started = Instant::now();
    let _ = lexicon(Language::Nl);
    let _ = lexicon(Language::En);
    let lexicons = started.elapsed();
    println!("language models, first detection: {:.1} ms", models.as_secs_f64() * 1000.0);
    println!("both lexicons, first use: {:.1} ms", lexicons.as_secs_f64() * 1000.0);
}
