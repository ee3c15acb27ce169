//! Hears an audio file: `cargo run -p pitchcraft-listen --example hear -- MODEL_DIR AUDIO LANG [SCRIPT_FILE]`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let started = std::time::Instant::now();
    let listener = pitchcraft_listen::Listener::load(std::path::Path::new(&args[1]))?;
    eprintln!("loaded in {:.1} s", started.elapsed().as_secs_f64());
    let audio = pitchcraft_voice::audio::read(std::path::Path::new(&args[2]))?;
    let script = args.get(4).map(std::fs::read_to_string).transpose()?;
    let started = std::time::Instant::now();
    let options = pitchcraft_listen::Options {
        language: &args[3],
        script: script.as_deref(),
        progress: &|share| eprintln!("{:.0} %", share * 100.0),
        piece_seconds: std::env::var("PIECE").ok().and_then(|p| p.parse().ok()).unwrap_or(12.0),
        ..pitchcraft_listen::Options::default()
    };
    let transcript = listener.transcribe(&audio, &options)?;
    eprintln!("heard {:.1} s in {:.1} s", transcript.duration_seconds, started.elapsed().as_secs_f64());
    println!("{}", transcript.text);
    for word in &transcript.words {
        println!("{:6.2} {:6.2} {:.2} {}", word.start, word.end, word.probability, word.text);
    }
    Ok(())
}
