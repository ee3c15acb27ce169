//! Prints how large each audio file would be kept as a take, in KB a minute (target: 1,000).

fn main() {
    for path in std::env::args().skip(1) {
        let audio = pitchcraft_voice::audio::read(path.as_ref()).unwrap();
        let samples = pitchcraft_voice::take::to_take_samples(&audio).unwrap();
        let flac = pitchcraft_voice::take::encode_take(&samples, 16_000).unwrap();
        let minutes = samples.len() as f64 / 16_000.0 / 60.0;
        println!("{path}: {:.0} KB a minute", flac.len() as f64 / 1000.0 / minutes);
    }
}
