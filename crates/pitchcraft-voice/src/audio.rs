//! Reading a take or any audio file: WAV (8/16/24/32-bit integer, 32-bit float, any channels,
//! also one whose header was never finished) and FLAC, into mono samples.

use std::io::{Cursor, Read};
use std::path::Path;

use crate::VoiceError;

/// Files larger than this are refused rather than read into memory (about 1.5 hours of
/// 48 kHz stereo 32-bit float).
pub const MAX_FILE_BYTES: u64 = 2 << 30;

/// Mono audio as read: samples in −1..1 at `rate`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Audio {
    pub rate: u32,
    pub samples: Vec<f32>,
    /// The share of the file's samples (every channel) at full scale.
    pub clipped_fraction: f64,
}

impl Audio {
    pub fn duration_seconds(&self) -> f64 {
        if self.rate == 0 {
            return 0.0;
        }
        self.samples.len() as f64 / f64::from(self.rate)
    }
}

/// Reads a WAV or FLAC file.
pub fn read(path: &Path) -> Result<Audio, VoiceError> {
    let size = std::fs::metadata(path).map_err(VoiceError::io(path))?.len();
    if size > MAX_FILE_BYTES {
        return Err(VoiceError::TooLarge { bytes: size, limit: MAX_FILE_BYTES });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    std::fs::File::open(path).and_then(|mut file| file.read_to_end(&mut bytes)).map_err(VoiceError::io(path))?;
    decode(bytes)
}

/// Decodes the bytes of a WAV or FLAC file.
pub fn decode(mut bytes: Vec<u8>) -> Result<Audio, VoiceError> {
    if bytes.is_empty() {
        return Err(VoiceError::Empty);
    }
    if bytes.starts_with(b"fLaC") {
        return decode_flac(&bytes);
    }
    if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WAVE") {
        let len = bytes.len() as u64;
        repair_wav_header(&mut bytes, len)?;
        return decode_wav(bytes);
    }
    Err(VoiceError::UnknownFormat)
}

/// Where a WAV file's sizes live and what they should say, read from its chunks.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct WavLayout {
    /// Offset of the `data` chunk's size field.
    pub data_size_at: usize,
    /// The data's true length: what is there, in whole frames.
    pub data_len: u32,
}

/// Walks the chunks at the head of a RIFF/WAVE file `file_len` bytes long. A `data` chunk
/// whose size is zero or runs past the end (a recording that was never finished) gets the
/// length that is really there.
pub(crate) fn wav_layout(bytes: &[u8], file_len: u64) -> Result<WavLayout, VoiceError> {
    let broken = |why: &str| VoiceError::BrokenWav(why.to_owned());
    let mut at = 12;
    let mut block_align = None;
    while at + 8 <= bytes.len() {
        let id = &bytes[at..at + 4];
        let size = u32::from_le_bytes([bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]]);
        let body = at + 8;
        if id == b"fmt " {
            if body + 16 > bytes.len() {
                return Err(broken("its format chunk is cut short"));
            }
            block_align = Some(u16::from_le_bytes([bytes[body + 12], bytes[body + 13]]));
        } else if id == b"data" {
            let align = block_align.ok_or_else(|| broken("the data comes before the format"))?;
            let align = u64::from(align.max(1));
            let there = file_len.saturating_sub(body as u64);
            let declared = u64::from(size);
            let len = if declared == 0 || declared > there { there } else { declared };
            let len = len / align * align;
            let data_len = u32::try_from(len).map_err(|_| broken("its data is over 4 GB"))?;
            return Ok(WavLayout { data_size_at: at + 4, data_len });
        }
        // Chunks are padded to an even length.
        at = body.saturating_add(size as usize).saturating_add(size as usize & 1);
    }
    Err(broken(if block_align.is_none() { "it has no format chunk" } else { "it has no data" }))
}

/// Makes the sizes in the head of a WAV file `file_len` bytes long say what the file holds.
/// Returns whether anything changed, and where the header (up to the data) ends.
pub(crate) fn repair_wav_header(bytes: &mut [u8], file_len: u64) -> Result<(bool, usize), VoiceError> {
    let layout = wav_layout(bytes, file_len)?;
    let riff_len = (layout.data_size_at + 4 + layout.data_len as usize - 8) as u32;
    let mut changed = false;
    for (at, value) in [(4, riff_len), (layout.data_size_at, layout.data_len)] {
        let new = value.to_le_bytes();
        if bytes[at..at + 4] != new {
            bytes[at..at + 4].copy_from_slice(&new);
            changed = true;
        }
    }
    Ok((changed, layout.data_size_at + 4))
}

fn decode_wav(bytes: Vec<u8>) -> Result<Audio, VoiceError> {
    let broken = |e: hound::Error| VoiceError::BrokenWav(e.to_string());
    let reader = hound::WavReader::new(Cursor::new(bytes)).map_err(broken)?;
    let spec = reader.spec();
    if spec.channels == 0 || spec.sample_rate == 0 {
        return Err(VoiceError::BrokenWav("no channels or no sample rate".into()));
    }
    let interleaved: Vec<f32> = match spec.sample_format {
        hound::SampleFormat::Float => reader.into_samples::<f32>().collect::<Result<_, _>>().map_err(broken)?,
        hound::SampleFormat::Int => {
            let scale = 1.0 / (1u64 << (spec.bits_per_sample.clamp(8, 32) - 1)) as f32;
            reader
                .into_samples::<i32>()
                .map(|s| s.map(|s| s as f32 * scale))
                .collect::<Result<_, _>>()
                .map_err(broken)?
        }
    };
    mono(spec.sample_rate, usize::from(spec.channels), &interleaved)
}

fn decode_flac(bytes: &[u8]) -> Result<Audio, VoiceError> {
    let broken = |e: claxon::Error| VoiceError::BrokenFlac(e.to_string());
    let mut reader = claxon::FlacReader::new(Cursor::new(bytes)).map_err(broken)?;
    let info = reader.streaminfo();
    if info.channels == 0 || info.sample_rate == 0 {
        return Err(VoiceError::BrokenFlac("no channels or no sample rate".into()));
    }
    let scale = 1.0 / (1u64 << (info.bits_per_sample.clamp(4, 32) - 1)) as f32;
    let interleaved: Vec<f32> =
        reader.samples().map(|s| s.map(|s| s as f32 * scale)).collect::<Result<_, _>>().map_err(broken)?;
    mono(info.sample_rate, info.channels as usize, &interleaved)
}

/// Counts clipping over every channel, then averages the channels.
fn mono(rate: u32, channels: usize, interleaved: &[f32]) -> Result<Audio, VoiceError> {
    let frames = interleaved.len() / channels;
    if frames == 0 {
        return Err(VoiceError::NoSamples);
    }
    let clipped = interleaved.iter().filter(|s| s.abs() >= CLIP_LEVEL).count();
    let samples = interleaved
        .chunks_exact(channels)
        .map(|frame| frame.iter().sum::<f32>() / channels as f32)
        .map(|s| if s.is_finite() { s.clamp(-1.0, 1.0) } else { 0.0 })
        .collect();
    Ok(Audio { rate, samples, clipped_fraction: clipped as f64 / interleaved.len() as f64 })
}

/// A sample this close to full scale counts as clipped (16-bit: 32,735 and above).
pub const CLIP_LEVEL: f32 = 0.999;

#[cfg(test)]
mod tests {
    use super::*;

    fn wav(spec: hound::WavSpec, write: impl FnOnce(&mut hound::WavWriter<&mut Cursor<Vec<u8>>>)) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        {
            let mut writer = hound::WavWriter::new(&mut out, spec).unwrap();
            write(&mut writer);
            writer.finalize().unwrap();
        }
        out.into_inner()
    }

    fn spec(channels: u16, rate: u32, bits: u16, format: hound::SampleFormat) -> hound::WavSpec {
        hound::WavSpec { channels, sample_rate: rate, bits_per_sample: bits, sample_format: format }
    }

    #[test]
    fn every_common_sample_format_reads_to_the_same_level() {
        use hound::SampleFormat::{Float, Int};
        for (bits, format) in [(8, Int), (16, Int), (24, Int), (32, Int), (32, Float)] {
            for channels in [1, 2] {
                let bytes = wav(spec(channels, 44_100, bits, format), |w| {
                    for _ in 0..100 {
                        for _ in 0..channels {
                            match format {
                                Float => w.write_sample(0.5f32).unwrap(),
                                Int => w.write_sample(1i32 << (bits - 2)).unwrap(),
                            }
                        }
                    }
                });
                let audio = decode(bytes).unwrap();
                assert_eq!((audio.rate, audio.samples.len()), (44_100, 100), "{bits} {format:?}");
                assert!((audio.samples[50] - 0.5).abs() < 1e-3, "{bits} {format:?}");
                assert_eq!(audio.clipped_fraction, 0.0);
            }
        }
    }

    #[test]
    fn an_unfinished_header_is_read_as_far_as_the_data_goes() {
        let mut bytes = wav(spec(1, 16_000, 16, hound::SampleFormat::Int), |w| {
            for i in 0..1_000 {
                w.write_sample((i % 100) as i16).unwrap();
            }
        });
        // As a killed recorder leaves it: both sizes zero, and half a sample at the end.
        bytes[4..8].fill(0);
        bytes[40..44].fill(0);
        bytes.push(7);
        assert_eq!(decode(bytes.clone()).unwrap().samples.len(), 1_000);
        // Or sizes that promise more than is there.
        bytes[40..44].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(decode(bytes).unwrap().samples.len(), 1_000);
    }

    #[test]
    fn clipping_is_counted_on_every_channel() {
        let bytes = wav(spec(2, 8_000, 16, hound::SampleFormat::Int), |w| {
            for i in 0..1_000 {
                w.write_sample(if i % 10 == 0 { i16::MAX } else { 0 }).unwrap();
                w.write_sample(0i16).unwrap();
            }
        });
        let audio = decode(bytes).unwrap();
        assert!((audio.clipped_fraction - 0.05).abs() < 1e-9);
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        assert!(matches!(decode(Vec::new()), Err(VoiceError::Empty)));
        assert!(matches!(decode(b"hello world, not audio".to_vec()), Err(VoiceError::UnknownFormat)));
        assert!(matches!(decode(b"RIFF\0\0\0\0WAVE".to_vec()), Err(VoiceError::BrokenWav(_))));
        assert!(matches!(decode(b"RIFF\0\0\0\0WAVEfmt \x10\0\0\0\x01".to_vec()), Err(VoiceError::BrokenWav(_))));
        assert!(matches!(decode(b"fLaC\0\0\0\x22garbage".to_vec()), Err(VoiceError::BrokenFlac(_))));
        // A header with no samples.
        let bytes = wav(spec(1, 16_000, 16, hound::SampleFormat::Int), |_| {});
        assert!(matches!(decode(bytes), Err(VoiceError::NoSamples)));
        // Every truncation of a good file, and every single flipped byte of its header.
        let good = wav(spec(2, 22_050, 24, hound::SampleFormat::Int), |w| {
            for i in 0..64 {
                w.write_sample(i * 1000).unwrap();
            }
        });
        for len in 0..good.len() {
            let _ = decode(good[..len].to_vec());
        }
        for at in 0..44 {
            for flip in [0x01, 0x80, 0xFF] {
                let mut bad = good.clone();
                bad[at] ^= flip;
                let _ = decode(bad);
            }
        }
    }
}
