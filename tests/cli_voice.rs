//! The voice on the command line, with a real sound server and no sound card: a private
//! PulseAudio daemon whose null sink's monitor is the microphone. `voice devices`, `voice
//! record` (to the second, on Ctrl+C, killed, the device lost) and `voice analyze`.

#[path = "support/cli.rs"]
mod cli;
use cli::pitchcraft;

#[path = "support/pulse.rs"]
mod pulse;
#[path = "support/tools.rs"]
mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};

use pulse::PulseServer;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/pitchcraft-voice/tests/fixtures").join(name)
}

fn analyze_json(audio: &Path, text: Option<&Path>) -> serde_json::Value {
    let mut command = pitchcraft();
    command.args(["voice", "analyze", "--json"]).arg(audio);
    if let Some(text) = text {
        command.arg("--text").arg(text);
    }
    let output = command.output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

fn wait_for(what: &str, done: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !done() {
        assert!(Instant::now() < deadline, "waited too long for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Starts `voice record OUT [extra…]` against `server` (its output captured) and waits until
/// the recording runs (the file appears).
fn start_recording(server: &PulseServer, out: &Path, extra: &[&str]) -> std::process::Child {
    let child = cli::process()
        .args(["voice", "record"])
        .args(extra)
        .arg(out)
        .envs(server.env())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_for("the recording to start", || out.exists());
    child
}

/// Waits until the WAV being recorded at `out` holds `seconds` of audio (16 kHz, 16-bit mono
/// after a 44-byte header): a condition, not a guess at how long the server takes.
fn wait_until_recorded(out: &Path, seconds: f64) {
    let bytes = 44 + (seconds * 16_000.0 * 2.0) as u64;
    wait_for("the recording to grow", || std::fs::metadata(out).is_ok_and(|m| m.len() >= bytes));
}

fn seconds(json: &serde_json::Value, key: &str) -> f64 {
    json[key].as_f64().unwrap_or_else(|| panic!("{key} in {json}"))
}

#[test]
fn devices_lists_the_inputs_with_the_default_marked() {
    let Some(server) = PulseServer::start() else { return };
    let output = pitchcraft().args(["voice", "devices"]).envs(server.env()).output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.lines().any(|l| l.starts_with("* vmic.monitor")), "{text}");
}

#[test]
fn what_is_played_into_the_microphone_is_recorded_and_its_pause_found() {
    let Some(server) = PulseServer::start() else { return };
    let out = server.dir.path().join("take.wav");
    let mut record = start_recording(&server, &out, &["--seconds", "14"]);
    server.play(&fixture("en-pauses.flac"));
    let status = record.wait().unwrap();
    assert!(status.success());
    let json = analyze_json(&out, Some(&fixture("en-pauses.txt")));
    assert!((seconds(&json, "duration_seconds") - 14.0).abs() < 0.01, "{json}");
    // The fixture: speech, 1.0 s of silence 3.5 s after the speech began, speech, 0.5 s, speech.
    let start = seconds(&json, "speech_start");
    let pauses = json["pauses"].as_array().unwrap();
    let found = pauses.iter().any(|p| {
        let (s, e) = (p["start"].as_f64().unwrap(), p["end"].as_f64().unwrap());
        (s - start - (4.105 - 0.6)).abs() < 0.15 && (e - s - 1.0).abs() < 0.15
    });
    assert!(found, "{json}");
    assert!(json["warnings"].as_array().unwrap().is_empty(), "{json}");
}

#[test]
fn a_killed_recorder_leaves_a_file_that_holds_all_but_the_last_second() {
    let Some(server) = PulseServer::start() else { return };
    let out = server.dir.path().join("killed.wav");
    let mut record = start_recording(&server, &out, &[]);
    let began = Instant::now();
    wait_until_recorded(&out, 3.0);
    record.kill().unwrap(); // SIGKILL: no chance to finish the file
    let recorded = began.elapsed().as_secs_f64();
    record.wait().unwrap();
    let json = analyze_json(&out, None);
    let kept = seconds(&json, "duration_seconds");
    assert!(kept >= recorded - 1.0 && kept <= recorded + 0.5, "kept {kept:.2} s of {recorded:.2} s");
    assert_eq!(json["warnings"][0], "no speech found");
}

#[test]
fn ctrl_c_and_a_lost_sound_server_both_finish_the_file() {
    let Some(mut server) = PulseServer::start() else { return };
    // Ctrl+C (SIGINT): the file is finished, exit 0.
    let out = server.dir.path().join("interrupted.wav");
    let record = start_recording(&server, &out, &[]);
    wait_until_recorded(&out, 1.25);
    assert!(Process::new("kill").args(["-INT", &record.id().to_string()]).status().unwrap().success());
    let output = record.wait_with_output().unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("s recorded"));
    let bytes = std::fs::read(&out).unwrap();
    let data = u32::from_le_bytes(bytes[40..44].try_into().unwrap()) as usize;
    assert_eq!(data, bytes.len() - 44, "the header was finished");
    assert!(data >= 16_000 * 2, "at least a second: {data} bytes");

    // The sound server goes away mid-take: what was recorded is kept, and it says so.
    let out = server.dir.path().join("lost.wav");
    let record = start_recording(&server, &out, &["--seconds", "60"]);
    wait_until_recorded(&out, 1.25);
    server.kill();
    let output = record.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("kept") && said.contains("recording stopped"), "{said}");
    let json = analyze_json(&out, None);
    assert!(seconds(&json, "duration_seconds") >= 1.0, "{json}");
}

#[test]
fn record_never_overwrites_and_says_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let existing = dir.path().join("mine.wav");
    std::fs::write(&existing, b"someone's file").unwrap();
    pitchcraft()
        .args(["voice", "record", "--seconds", "1"])
        .arg(&existing)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("exists"));
    assert_eq!(std::fs::read(&existing).unwrap(), b"someone's file");

    // No sound server at all.
    let nowhere = [
        ("PULSE_SERVER", format!("unix:{}/none", dir.path().display())),
        ("XDG_RUNTIME_DIR", dir.path().display().to_string()),
    ];
    let out = dir.path().join("new.wav");
    for args in [&["voice", "devices"][..], &["voice", "record", "--seconds", "1", out.to_str().unwrap()]] {
        pitchcraft()
            .args(args)
            .envs(nowhere.clone())
            .assert()
            .code(1)
            .stderr(predicates::str::contains("no sound server"));
    }
    assert!(!out.exists(), "nothing is created when nothing can be recorded");

    // A device that is not there.
    let Some(server) = PulseServer::start() else { return };
    pitchcraft()
        .args(["voice", "record", "--seconds", "1", "--device", "usb-headset-that-is-not-there"])
        .arg(&out)
        .envs(server.env())
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no input device called \"usb-headset-that-is-not-there\""));
    assert!(!out.exists());
}

fn write_wav(path: &Path, spec: hound::WavSpec, samples: &[f32]) {
    let mut writer = hound::WavWriter::create(path, spec).unwrap();
    for &s in samples {
        for _ in 0..spec.channels {
            match spec.sample_format {
                hound::SampleFormat::Float => writer.write_sample(s).unwrap(),
                hound::SampleFormat::Int => {
                    writer.write_sample((s * ((1 << (spec.bits_per_sample - 1)) - 1) as f32) as i32).unwrap()
                }
            }
        }
    }
    writer.finalize().unwrap();
}

#[test]
fn analyze_reads_every_kind_of_file_and_refuses_broken_ones_clearly() {
    let dir = tempfile::tempdir().unwrap();
    // Silence: exit 0, "no speech found", no rates.
    let silent = dir.path().join("silent.wav");
    let spec = hound::WavSpec {
        channels: 2,
        sample_rate: 44_100,
        bits_per_sample: 24,
        sample_format: hound::SampleFormat::Int,
    };
    write_wav(&silent, spec, &vec![0.0; 44_100 * 2]);
    let text = dir.path().join("pitch.txt");
    std::fs::write(&text, "Ik help operationele teams rustiger werken.").unwrap();
    let json = analyze_json(&silent, Some(&text));
    assert_eq!(json["warnings"], serde_json::json!(["no speech found"]));
    assert!(json["wpm"].is_null() && json["speech_start"].is_null() && json["pitch_sd_semitones"].is_null());
    assert_eq!(json["words"], 6);
    for key in [
        "duration_seconds",
        "speech_start",
        "speech_end",
        "pauses",
        "words",
        "wpm",
        "syllables",
        "pitch_sd_semitones",
        "loudness_sd_db",
        "clipped_fraction",
        "possible_fillers",
        "warnings",
    ] {
        assert!(json.get(key).is_some(), "{key} missing from {json}");
    }

    // The spoken fixture as 32-bit float stereo at 48 kHz, and with its header never finished.
    let speech = pitchcraft_voice::audio::read(&fixture("nl-pauses.flac")).unwrap();
    let resampled = pitchcraft_voice::resample::resample(&speech, 48_000).unwrap();
    let float = dir.path().join("float.wav");
    let spec = hound::WavSpec {
        channels: 2,
        sample_rate: 48_000,
        bits_per_sample: 32,
        sample_format: hound::SampleFormat::Float,
    };
    write_wav(&float, spec, &resampled);
    let reference = analyze_json(&fixture("nl-pauses.flac"), None);
    let json = analyze_json(&float, None);
    assert_eq!(json["pauses"].as_array().unwrap().len(), reference["pauses"].as_array().unwrap().len());
    assert!((seconds(&json, "speech_end") - seconds(&reference, "speech_end")).abs() < 0.05);
    let mut bytes = std::fs::read(&float).unwrap();
    bytes[4..8].fill(0);
    bytes[40..44].fill(0); // 32-bit float has a longer fmt chunk: find "data" to be sure
    let unfinished = dir.path().join("unfinished.wav");
    let data_at = bytes.windows(4).position(|w| w == b"data").unwrap();
    bytes[data_at + 4..data_at + 8].fill(0);
    std::fs::write(&unfinished, &bytes).unwrap();
    let json = analyze_json(&unfinished, None);
    assert!((seconds(&json, "duration_seconds") - seconds(&reference, "duration_seconds")).abs() < 0.01, "{json}");

    // Broken, empty, missing, not audio, a huge text: a clear message, exit 1.
    let empty = dir.path().join("empty.wav");
    std::fs::write(&empty, b"").unwrap();
    let garbage = dir.path().join("garbage.wav");
    std::fs::write(&garbage, b"RIFF\x10\0\0\0WAVEjunkjunkjunk").unwrap();
    let text_file = dir.path().join("notes.txt");
    std::fs::write(&text_file, "just some text").unwrap();
    for (file, says) in [
        (&empty, "empty"),
        (&garbage, "broken WAV"),
        (&text_file, "not a WAV or FLAC"),
        (&dir.path().join("missing.wav"), "No such file"),
    ] {
        pitchcraft().args(["voice", "analyze"]).arg(file).assert().code(1).stderr(predicates::str::contains(says));
    }
    let huge = dir.path().join("huge.txt");
    std::fs::File::create(&huge).unwrap().set_len(2 * 1024 * 1024).unwrap();
    pitchcraft()
        .args(["voice", "analyze"])
        .arg(fixture("en-flat.flac"))
        .arg("--text")
        .arg(&huge)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("too large"));
}

/// Speech in 10 ms frames: where it starts and ends (in frames), and the longest run of
/// silent frames between (a gap a listener hears).
fn speech_span(samples: &[f32], rate: u32) -> (usize, usize, usize) {
    let frame = (rate / 100) as usize;
    let rms: Vec<f32> = samples
        .chunks(frame)
        .map(|chunk| (chunk.iter().map(|s| s * s).sum::<f32>() / chunk.len() as f32).sqrt())
        .collect();
    let loudest = rms.iter().copied().fold(0.0, f32::max);
    let active: Vec<bool> = rms.iter().map(|level| *level > loudest * 0.05).collect();
    let first = active.iter().position(|a| *a).expect("speech");
    let last = active.iter().rposition(|a| *a).expect("speech");
    let (mut longest, mut run) = (0, 0);
    for a in &active[first..=last] {
        run = if *a { 0 } else { run + 1 };
        longest = longest.max(run);
    }
    (first, last, longest)
}

#[test]
fn a_take_plays_back_whole_at_its_own_pace() {
    let Some(server) = PulseServer::start() else { return };
    if !tools::available("parec", "pulseaudio-utils") {
        return;
    }
    let take = fixture("en-pauses.flac");
    let source = pitchcraft_voice::audio::read(&take).unwrap();
    // What the sink plays, recorded from its monitor at the take's own rate.
    let dir = tempfile::tempdir().unwrap();
    let heard = dir.path().join("heard.raw");
    let mut parec = Process::new("parec")
        // parec's default latency, as a recorder that asks nothing special: the sink keeps
        // its own long period, which the player must fill in time.
        .args(["--device=vmic.monitor", "--format=s16le", "--channels=1"])
        .arg(format!("--rate={}", source.rate))
        .arg(&heard)
        .envs(server.env())
        .spawn()
        .unwrap();
    let size = |path: &Path| std::fs::metadata(path).map_or(0, |m| m.len());
    wait_for("the monitor recording to start", || size(&heard) > 3_200);
    let played = pitchcraft().args(["voice", "play"]).arg(&take).envs(server.env()).output().unwrap();
    assert!(played.status.success(), "{}", String::from_utf8_lossy(&played.stderr));
    // The play command returns once the server has played it all; the recording runs on a
    // little, so that it holds the end.
    let after = size(&heard);
    wait_for("the recording to run past the end", || size(&heard) > after + u64::from(source.rate) / 2);
    let _ = parec.kill();
    let _ = parec.wait();

    let bytes = std::fs::read(&heard).unwrap();
    let recorded: Vec<f32> =
        bytes.chunks_exact(2).map(|b| f32::from(i16::from_le_bytes([b[0], b[1]])) / 32_768.0).collect();
    let (src_first, src_last, src_gap) = speech_span(&source.samples, source.rate);
    let (rec_first, rec_last, rec_gap) = speech_span(&recorded, source.rate);
    let (src_len, rec_len) = ((src_last - src_first) as f64, (rec_last - rec_first) as f64);
    println!(
        "playback: take {:.2} s of speech, heard {:.2} s; longest gap {} ms in the take, {} ms heard",
        src_len / 100.0,
        rec_len / 100.0,
        src_gap * 10,
        rec_gap * 10
    );
    assert!((rec_len - src_len).abs() <= src_len * 0.02, "the whole take is heard at its pace");
    assert!(rec_gap <= src_gap + 5, "no gap of over 50 ms that the take does not have");
}
