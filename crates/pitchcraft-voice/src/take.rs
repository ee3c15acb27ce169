//! A take on disk. While it is recorded it is a WAV streamed to disk whose header is brought
//! up to date every quarter second and synced every second, so a killed app or a pulled cable
//! loses at most the last second; a header left unfinished is repaired when the file is next
//! opened. After the run the take is kept as 16 kHz mono FLAC (lossless, about half the size).

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use flacenc::component::BitRepr;
use flacenc::error::Verify;

use crate::audio;
use crate::resample::{RATE, resample};
use crate::{Audio, VoiceError};

const HEADER_LEN: u64 = 44;
/// Written to the file this often (a quarter second of audio)…
const FLUSH_SAMPLES: usize = RATE as usize / 4;
/// …and synced to the disk this often.
const SYNC_EVERY: Duration = Duration::from_secs(1);

/// A WAV file being recorded: 16-bit mono at `rate`.
pub struct TakeWriter {
    file: File,
    path: PathBuf,
    rate: u32,
    data_bytes: u64,
    pending: Vec<u8>,
    last_sync: Instant,
}

impl TakeWriter {
    /// Starts a new file; an existing one is never overwritten.
    pub fn create(path: &Path, rate: u32) -> Result<Self, VoiceError> {
        let file = OpenOptions::new().write(true).create_new(true).open(path).map_err(VoiceError::io(path))?;
        Self::claimed(file, path, rate)
    }

    /// Writes into `file` at `path`, which the caller created empty and owns (a name claimed
    /// with [`crate::recordings::claim_take`]).
    pub fn claimed(mut file: std::fs::File, path: &Path, rate: u32) -> Result<Self, VoiceError> {
        file.write_all(&header(rate, 0)).and_then(|()| file.sync_data()).map_err(VoiceError::io(path))?;
        Ok(TakeWriter {
            file,
            path: path.to_owned(),
            rate,
            data_bytes: 0,
            pending: Vec::with_capacity(FLUSH_SAMPLES * 2),
            last_sync: Instant::now(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Samples written so far (whether or not they have reached the disk yet).
    pub fn samples(&self) -> u64 {
        (self.data_bytes + self.pending.len() as u64) / 2
    }

    pub fn seconds(&self) -> f64 {
        self.samples() as f64 / f64::from(self.rate)
    }

    /// Appends samples; they reach the file within a quarter second of audio.
    pub fn write(&mut self, samples: &[i16]) -> Result<(), VoiceError> {
        for s in samples {
            self.pending.extend_from_slice(&s.to_le_bytes());
        }
        if self.pending.len() >= FLUSH_SAMPLES * 2 {
            self.flush()?;
        }
        Ok(())
    }

    /// Writes what is pending and brings the header up to date; syncs once a second.
    pub fn flush(&mut self) -> Result<(), VoiceError> {
        let io = VoiceError::io(&self.path);
        let result = (|| {
            self.file.seek(SeekFrom::Start(HEADER_LEN + self.data_bytes))?;
            self.file.write_all(&self.pending)?;
            self.data_bytes += self.pending.len() as u64;
            self.pending.clear();
            self.file.seek(SeekFrom::Start(0))?;
            self.file.write_all(&header(self.rate, self.data_bytes))?;
            if self.last_sync.elapsed() >= SYNC_EVERY {
                self.file.sync_data()?;
                self.last_sync = Instant::now();
            }
            Ok(())
        })();
        result.map_err(io)
    }

    /// Writes the rest, fixes the header and syncs: the file is complete.
    pub fn finish(mut self) -> Result<PathBuf, VoiceError> {
        self.last_sync = Instant::now() - SYNC_EVERY;
        self.flush()?;
        Ok(self.path)
    }
}

/// The canonical 44-byte header of 16-bit mono PCM.
fn header(rate: u32, data_bytes: u64) -> [u8; HEADER_LEN as usize] {
    let data = u32::try_from(data_bytes).unwrap_or(u32::MAX - 36);
    let mut h = [0u8; HEADER_LEN as usize];
    h[0..4].copy_from_slice(b"RIFF");
    h[4..8].copy_from_slice(&(36 + data).to_le_bytes());
    h[8..16].copy_from_slice(b"WAVEfmt ");
    h[16..20].copy_from_slice(&16u32.to_le_bytes());
    h[20..22].copy_from_slice(&1u16.to_le_bytes());
    h[22..24].copy_from_slice(&1u16.to_le_bytes());
    h[24..28].copy_from_slice(&rate.to_le_bytes());
    h[28..32].copy_from_slice(&(rate * 2).to_le_bytes());
    h[32..34].copy_from_slice(&2u16.to_le_bytes());
    h[34..36].copy_from_slice(&16u16.to_le_bytes());
    h[36..40].copy_from_slice(b"data");
    h[40..44].copy_from_slice(&data.to_le_bytes());
    h
}

/// Makes a WAV header left unfinished (a killed recorder) say what the file holds. Returns
/// whether it had to change anything. Only the two size fields are written.
pub fn repair(path: &Path) -> Result<bool, VoiceError> {
    let io = VoiceError::io(path);
    let mut file = OpenOptions::new().read(true).write(true).open(path).map_err(VoiceError::io(path))?;
    let len = file.metadata().map_err(VoiceError::io(path))?.len();
    // The header is at the head; the data runs to the end of the file.
    let mut head = vec![0u8; 64 * 1024];
    let read = read_up_to(&mut file, &mut head).map_err(VoiceError::io(path))?;
    head.truncate(read);
    let (changed, header_end) = audio::repair_wav_header(&mut head, len)?;
    if !changed {
        return Ok(false);
    }
    (|| {
        file.seek(SeekFrom::Start(0))?;
        file.write_all(&head[..header_end])?;
        file.sync_data()
    })()
    .map(|()| true)
    .map_err(io)
}

fn read_up_to(file: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// A take kept is at most this large a minute.
pub const MAX_BYTES_PER_MINUTE: usize = 1_000_000;

/// FLAC of 16-bit mono samples: lossless when that fits in [`MAX_BYTES_PER_MINUTE`] (it does
/// for most voices); otherwise stored with 12 bits, which still keeps 72 dB between the loudest
/// and the quietest sound, more than a laptop microphone's hiss; 8 bits only as a last resort.
pub fn encode_take(samples: &[i16], rate: u32) -> Result<Vec<u8>, VoiceError> {
    let minutes = samples.len() as f64 / f64::from(rate.max(1)) / 60.0;
    let budget = (MAX_BYTES_PER_MINUTE as f64 * minutes).max(4_096.0) as usize;
    let mut flac = encode_flac(samples, rate, 16)?;
    for bits in [12, 8] {
        if flac.len() <= budget {
            break;
        }
        flac = encode_flac(samples, rate, bits)?;
    }
    Ok(flac)
}

/// FLAC of 16-bit mono samples stored with `bits` bits (16: lossless).
pub fn encode_flac(samples: &[i16], rate: u32, bits: u32) -> Result<Vec<u8>, VoiceError> {
    let failed = |e: &dyn std::fmt::Debug| VoiceError::BrokenFlac(format!("cannot encode: {e:?}"));
    let config = flacenc::config::Encoder::default().into_verified().map_err(|e| failed(&e))?;
    let shift = 16 - bits.clamp(8, 16);
    let wide: Vec<i32> = samples.iter().map(|&s| i32::from(s) >> shift).collect();
    let source = flacenc::source::MemSource::from_samples(&wide, 1, (16 - shift) as usize, rate as usize);
    let stream = flacenc::encode_with_fixed_block_size(&config, source, config.block_size).map_err(|e| failed(&e))?;
    let mut sink = flacenc::bitsink::ByteSink::new();
    stream.write(&mut sink).map_err(|e| failed(&e))?;
    Ok(sink.into_inner())
}

/// 16-bit samples of audio at the take rate.
pub fn to_take_samples(audio: &Audio) -> Result<Vec<i16>, VoiceError> {
    Ok(resample(audio, RATE)?.iter().map(|&s| (s * 32_767.0).round().clamp(-32_768.0, 32_767.0) as i16).collect())
}

/// Keeps a recorded WAV as FLAC at `target` (written atomically), then removes the WAV.
pub fn keep(wav: &Path, target: &Path) -> Result<(), VoiceError> {
    let audio = audio::read(wav)?;
    let flac = encode_take(&to_take_samples(&audio)?, RATE)?;
    pitchcraft_core::storage::write_atomically(target, &flac).map_err(VoiceError::io(target))?;
    std::fs::remove_file(wav).map_err(VoiceError::io(wav))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synthetic::syllables;

    #[test]
    fn a_finished_take_reads_back_sample_for_sample() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("take.wav");
        let mut writer = TakeWriter::create(&path, RATE).unwrap();
        let samples: Vec<i16> = (0..40_000).map(|i| ((i * 37) % 20_000 - 10_000) as i16).collect();
        for chunk in samples.chunks(333) {
            writer.write(chunk).unwrap();
        }
        assert_eq!(writer.samples(), 40_000);
        writer.finish().unwrap();
        let audio = audio::read(&path).unwrap();
        assert_eq!(audio.samples.len(), 40_000);
        assert!((audio.samples[123] * 32_768.0 - f32::from(samples[123])).abs() < 0.5);
        assert!(!repair(&path).unwrap(), "a finished header needs nothing");
        assert!(matches!(TakeWriter::create(&path, RATE), Err(VoiceError::Io { .. })), "never overwrites");
    }

    #[test]
    fn an_abandoned_take_holds_all_but_the_last_quarter_second_and_is_repaired() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("take.wav");
        let mut writer = TakeWriter::create(&path, RATE).unwrap();
        writer.write(&vec![1_000i16; RATE as usize * 3 + 100]).unwrap();
        drop(writer); // as if the app were killed
        let audio = audio::read(&path).unwrap();
        assert!(audio.samples.len() as f64 >= f64::from(RATE) * 2.75, "{}", audio.samples.len());
        // A header whose sizes were never written at all.
        let mut bytes = std::fs::read(&path).unwrap();
        bytes[4..8].fill(0);
        bytes[40..44].fill(0);
        std::fs::write(&path, &bytes).unwrap();
        assert!(repair(&path).unwrap());
        let repaired = std::fs::read(&path).unwrap();
        assert_eq!(u32::from_le_bytes(repaired[40..44].try_into().unwrap()) as usize, bytes.len() - 44);
        assert!(hound::WavReader::open(&path).is_ok());
        assert!(matches!(repair(&dir.path().join("gone.wav")), Err(VoiceError::Io { .. })));
    }

    #[test]
    fn a_header_with_more_chunks_than_ours_is_repaired_too() {
        // 32-bit float stereo: a longer format chunk, the data further on.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("float.wav");
        let spec = hound::WavSpec {
            channels: 2,
            sample_rate: 48_000,
            bits_per_sample: 32,
            sample_format: hound::SampleFormat::Float,
        };
        let mut writer = hound::WavWriter::create(&path, spec).unwrap();
        for i in 0..4_000 {
            writer.write_sample(i as f32 / 8_000.0).unwrap();
        }
        writer.finalize().unwrap();
        let mut bytes = std::fs::read(&path).unwrap();
        let data_at = bytes.windows(4).position(|w| w == b"data").unwrap();
        assert!(data_at > 36, "not the canonical layout");
        bytes[4..8].fill(0);
        bytes[data_at + 4..data_at + 8].fill(0);
        bytes.extend([1, 2, 3]); // part of a frame
        std::fs::write(&path, &bytes).unwrap();
        assert!(repair(&path).unwrap());
        let reader = hound::WavReader::open(&path).unwrap();
        assert_eq!(reader.len(), 4_000);
        assert!(!repair(&path).unwrap(), "once is enough");
    }

    #[test]
    fn flac_is_lossless_and_small() {
        let audio = Audio { rate: RATE, samples: syllables(6.0, 150.0), clipped_fraction: 0.0 };
        let samples = to_take_samples(&audio).unwrap();
        let flac = encode_take(&samples, RATE).unwrap();
        let back = audio::decode(flac.clone()).unwrap();
        let back: Vec<i16> = back.samples.iter().map(|s| (s * 32_768.0).round() as i16).collect();
        assert_eq!(back, samples);
        assert!(flac.len() < samples.len(), "{} bytes for {} samples", flac.len(), samples.len());
    }

    #[test]
    fn a_take_that_does_not_fit_losslessly_is_kept_with_fewer_bits_within_a_megabyte_a_minute() {
        // A loud voice on a hissing microphone: hard to compress.
        let voice = crate::synthetic::glide(30.0, 110.0, 220.0);
        let hiss = crate::synthetic::noise(voice.len(), 0.01);
        let noisy = voice.iter().zip(&hiss).map(|(v, h)| (v * 1.8 + h).clamp(-1.0, 1.0)).collect();
        let samples = to_take_samples(&Audio { rate: RATE, samples: noisy, clipped_fraction: 0.0 }).unwrap();
        assert!(encode_flac(&samples, RATE, 16).unwrap().len() > MAX_BYTES_PER_MINUTE / 2);
        let flac = encode_take(&samples, RATE).unwrap();
        assert!(flac.len() <= MAX_BYTES_PER_MINUTE / 2, "{} bytes for half a minute", flac.len());
        let back = audio::decode(flac).unwrap();
        let worst =
            back.samples.iter().zip(&samples).map(|(b, s)| (b * 32_768.0 - f32::from(*s)).abs()).fold(0.0, f32::max);
        assert!(worst <= 16.0, "{worst}");
    }
}
