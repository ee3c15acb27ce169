//! A reader for CTranslate2's `model.bin` (binary format 6), the form in which the speech
//! model is published, into candle tensors. One loader for one format: the same files the
//! person downloads, or already has from another tool, are the files the app reads.
//!
//! The layout, all little-endian: `u32` version, the spec's name, `u32` revision, `u32`
//! count of variables, each a name, a `u8` rank, `u32` dimensions, a `u8` data type, a `u32`
//! byte count and the bytes; then a `u32` count of aliases, each an alias and the name it
//! stands for. A string is a `u16` length that counts a closing NUL, and its bytes.

use std::collections::HashMap;
use std::io::{BufReader, Read};
use std::path::Path;

use candle_core::{DType, Device, Tensor};

use crate::ListenError;

/// The binary version this reader understands.
pub const VERSION: u32 = 6;

/// CTranslate2's data types, by the number the file stores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ct2Type {
    F32,
    I8,
    I16,
    I32,
    F16,
    BF16,
}

impl Ct2Type {
    fn from_id(id: u8) -> Result<Self, ListenError> {
        Ok(match id {
            0 => Ct2Type::F32,
            1 => Ct2Type::I8,
            2 => Ct2Type::I16,
            3 => Ct2Type::I32,
            4 => Ct2Type::F16,
            5 => Ct2Type::BF16,
            other => return Err(ListenError::bad(format!("unknown data type {other}"))),
        })
    }

    fn size(self) -> usize {
        match self {
            Ct2Type::I8 => 1,
            Ct2Type::I16 | Ct2Type::F16 | Ct2Type::BF16 => 2,
            Ct2Type::F32 | Ct2Type::I32 => 4,
        }
    }
}

/// The variables of a model: its weights as `f32` tensors, and the small settings it keeps
/// as scalars (`decoder/num_heads`, `decoder/activation`…).
#[derive(Debug)]
pub struct Variables {
    /// What the file says it is ("WhisperSpec").
    pub spec: String,
    pub revision: u32,
    tensors: HashMap<String, Tensor>,
    scalars: HashMap<String, i64>,
}

impl Variables {
    /// Reads a `model.bin`.
    pub fn read(path: &Path) -> Result<Self, ListenError> {
        let file = std::fs::File::open(path).map_err(ListenError::io(path))?;
        let size = file.metadata().map_err(ListenError::io(path))?.len();
        let mut reader = BufReader::with_capacity(1 << 20, file);
        Self::read_limited(&mut reader, size).map_err(|error| match error {
            ListenError::BadModel(why) => ListenError::BadModel(format!("{}: {why}", path.display())),
            other => other,
        })
    }

    /// Reads a `model.bin` from any reader.
    pub fn read_from(reader: &mut impl Read) -> Result<Self, ListenError> {
        Self::read_limited(reader, u64::MAX)
    }

    /// Reads a `model.bin` of at most `size` bytes: a damaged byte count larger than the
    /// file is refused before anything is allocated for it.
    fn read_limited(reader: &mut impl Read, size: u64) -> Result<Self, ListenError> {
        let version = read_u32(reader)?;
        if version != VERSION {
            return Err(ListenError::bad(format!(
                "binary version {version}; this reader knows version {VERSION} (convert with a CTranslate2 of 3.x or 4.x)"
            )));
        }
        let spec = read_string(reader)?;
        let revision = read_u32(reader)?;
        let count = read_u32(reader)?;
        let mut tensors = HashMap::new();
        let mut scalars = HashMap::new();
        for _ in 0..count {
            let name = read_string(reader)?;
            let rank = read_u8(reader)?;
            if rank > 4 {
                return Err(ListenError::bad(format!("{name}: rank {rank}")));
            }
            let dims = (0..rank).map(|_| read_u32(reader).map(|dim| dim as usize)).collect::<Result<Vec<_>, _>>()?;
            let kind = Ct2Type::from_id(read_u8(reader)?)?;
            let bytes = read_u32(reader)? as usize;
            let elements = dims.iter().try_fold(1usize, |all, dim| all.checked_mul(*dim));
            if elements.and_then(|n| n.checked_mul(kind.size())) != Some(bytes) {
                return Err(ListenError::bad(format!("{name}: {bytes} bytes for {dims:?} of {kind:?}")));
            }
            if bytes as u64 > size {
                return Err(ListenError::bad(format!("{name}: {bytes} bytes in a file of {size}")));
            }
            let mut data = vec![0u8; bytes];
            reader.read_exact(&mut data).map_err(|_| ListenError::bad(format!("{name}: the file ends early")))?;
            if dims.is_empty() {
                scalars.insert(name, scalar(kind, &data));
            } else {
                tensors.insert(name, to_f32(kind, &data, &dims)?);
            }
        }
        let aliases = read_u32(reader)?;
        for _ in 0..aliases {
            let alias = read_string(reader)?;
            let target = read_string(reader)?;
            let tensor = tensors
                .get(&target)
                .cloned()
                .ok_or_else(|| ListenError::bad(format!("alias {alias} of a missing {target}")))?;
            tensors.insert(alias, tensor);
        }
        Ok(Variables { spec, revision, tensors, scalars })
    }

    /// A weight by its CTranslate2 name.
    pub fn tensor(&self, name: &str) -> Result<&Tensor, ListenError> {
        self.tensors.get(name).ok_or_else(|| ListenError::bad(format!("no {name}")))
    }

    /// A scalar setting by name.
    pub fn scalar(&self, name: &str) -> Option<i64> {
        self.scalars.get(name).copied()
    }

    /// How many weights there are.
    pub fn len(&self) -> usize {
        self.tensors.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.tensors.is_empty()
    }

    /// Whether a weight of this name is there.
    pub fn has(&self, name: &str) -> bool {
        self.tensors.contains_key(name)
    }
}

fn scalar(kind: Ct2Type, data: &[u8]) -> i64 {
    match kind {
        Ct2Type::I8 => i64::from(data[0] as i8),
        Ct2Type::I16 => i64::from(i16::from_le_bytes([data[0], data[1]])),
        Ct2Type::I32 => i64::from(i32::from_le_bytes([data[0], data[1], data[2], data[3]])),
        Ct2Type::F32 => f32::from_le_bytes([data[0], data[1], data[2], data[3]]) as i64,
        Ct2Type::F16 | Ct2Type::BF16 => 0,
    }
}

fn to_f32(kind: Ct2Type, data: &[u8], dims: &[usize]) -> Result<Tensor, ListenError> {
    let cpu = Device::Cpu;
    let tensor = match kind {
        Ct2Type::F32 => Tensor::from_raw_buffer(data, DType::F32, dims, &cpu)?,
        Ct2Type::F16 => Tensor::from_raw_buffer(data, DType::F16, dims, &cpu)?.to_dtype(DType::F32)?,
        Ct2Type::BF16 => Tensor::from_raw_buffer(data, DType::BF16, dims, &cpu)?.to_dtype(DType::F32)?,
        // Quantised weights come with scales this reader does not apply.
        Ct2Type::I8 | Ct2Type::I16 | Ct2Type::I32 => {
            return Err(ListenError::bad(format!(
                "{kind:?} weights (a quantised model); use the float16 model, as published"
            )));
        }
    };
    Ok(tensor)
}

fn read_u8(reader: &mut impl Read) -> Result<u8, ListenError> {
    let mut byte = [0u8; 1];
    reader.read_exact(&mut byte).map_err(|_| ListenError::bad("the file ends early"))?;
    Ok(byte[0])
}

fn read_u32(reader: &mut impl Read) -> Result<u32, ListenError> {
    let mut bytes = [0u8; 4];
    reader.read_exact(&mut bytes).map_err(|_| ListenError::bad("the file ends early"))?;
    Ok(u32::from_le_bytes(bytes))
}

fn read_string(reader: &mut impl Read) -> Result<String, ListenError> {
    let mut length = [0u8; 2];
    reader.read_exact(&mut length).map_err(|_| ListenError::bad("the file ends early"))?;
    let length = usize::from(u16::from_le_bytes(length));
    let mut bytes = vec![0u8; length];
    reader.read_exact(&mut bytes).map_err(|_| ListenError::bad("the file ends early"))?;
    if bytes.pop() != Some(0) {
        return Err(ListenError::bad("a name without its closing NUL"));
    }
    String::from_utf8(bytes).map_err(|_| ListenError::bad("a name that is not UTF-8"))
}

/// Writes a `model.bin` (tests, and small models made for them).
#[doc(hidden)]
pub mod write {
    /// A variable to write: name, dimensions, CTranslate2 type id and bytes.
    pub struct Var<'a> {
        pub name: &'a str,
        pub dims: &'a [u32],
        pub kind: u8,
        pub bytes: Vec<u8>,
    }

    fn string(out: &mut Vec<u8>, text: &str) {
        out.extend_from_slice(&((text.len() + 1) as u16).to_le_bytes());
        out.extend_from_slice(text.as_bytes());
        out.push(0);
    }

    /// The bytes of a `model.bin` with these variables and aliases.
    pub fn model_bin(spec: &str, vars: &[Var<'_>], aliases: &[(&str, &str)]) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(&super::VERSION.to_le_bytes());
        string(&mut out, spec);
        out.extend_from_slice(&3u32.to_le_bytes());
        out.extend_from_slice(&(vars.len() as u32).to_le_bytes());
        for var in vars {
            string(&mut out, var.name);
            out.push(var.dims.len() as u8);
            for dim in var.dims {
                out.extend_from_slice(&dim.to_le_bytes());
            }
            out.push(var.kind);
            out.extend_from_slice(&(var.bytes.len() as u32).to_le_bytes());
            out.extend_from_slice(&var.bytes);
        }
        out.extend_from_slice(&(aliases.len() as u32).to_le_bytes());
        for (alias, target) in aliases {
            string(&mut out, alias);
            string(&mut out, target);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::write::{Var, model_bin};
    use super::*;

    fn f16_bytes(values: &[f32]) -> Vec<u8> {
        values.iter().flat_map(|v| half::f16::from_f32(*v).to_bits().to_le_bytes()).collect()
    }

    #[test]
    fn reads_float16_weights_scalars_and_aliases() {
        let bytes = model_bin(
            "WhisperSpec",
            &[
                Var { name: "decoder/num_heads", dims: &[], kind: 2, bytes: 8i16.to_le_bytes().to_vec() },
                Var {
                    name: "decoder/embeddings/weight",
                    dims: &[2, 3],
                    kind: 4,
                    bytes: f16_bytes(&[1.0, -2.0, 0.5, 0.25, 3.0, -0.125]),
                },
                Var {
                    name: "encoder/conv1/bias",
                    dims: &[2],
                    kind: 0,
                    bytes: [1.5f32, -1.0].iter().flat_map(|v| v.to_le_bytes()).collect(),
                },
            ],
            &[("decoder/projection/weight", "decoder/embeddings/weight")],
        );
        let vars = Variables::read_from(&mut bytes.as_slice()).unwrap();
        assert_eq!(vars.spec, "WhisperSpec");
        assert_eq!(vars.scalar("decoder/num_heads"), Some(8));
        let embeddings = vars.tensor("decoder/embeddings/weight").unwrap();
        assert_eq!(embeddings.dims(), [2, 3]);
        assert_eq!(embeddings.to_vec2::<f32>().unwrap(), [[1.0, -2.0, 0.5], [0.25, 3.0, -0.125]]);
        assert_eq!(vars.tensor("decoder/projection/weight").unwrap().to_vec2::<f32>().unwrap()[1][1], 3.0);
        assert_eq!(vars.tensor("encoder/conv1/bias").unwrap().to_vec1::<f32>().unwrap(), [1.5, -1.0]);
    }

    #[test]
    fn a_damaged_file_is_an_error_not_a_panic() {
        let good = model_bin("WhisperSpec", &[Var { name: "w", dims: &[4], kind: 0, bytes: vec![0; 16] }], &[]);
        for cut in [0, 3, 10, good.len() - 9, good.len() - 1] {
            let error = Variables::read_from(&mut &good[..cut]).unwrap_err();
            assert!(matches!(error, ListenError::BadModel(_)), "cut at {cut}: {error}");
        }
        // A byte count that does not fit the dimensions.
        let wrong = model_bin("WhisperSpec", &[Var { name: "w", dims: &[4], kind: 0, bytes: vec![0; 12] }], &[]);
        assert!(Variables::read_from(&mut wrong.as_slice()).unwrap_err().to_string().contains("12 bytes"));
        // Another binary version.
        let mut other = good.clone();
        other[0] = 5;
        assert!(Variables::read_from(&mut other.as_slice()).unwrap_err().to_string().contains("version 5"));
        // A byte count larger than the file (a gigabyte claimed, none there) is refused
        // before a gigabyte is set aside for it.
        let mut huge = model_bin("WhisperSpec", &[Var { name: "w", dims: &[4], kind: 0, bytes: vec![0; 16] }], &[]);
        let header = 4 + 2 + "WhisperSpec".len() + 1 + 4 + 4 + 2 + 2 + 1;
        huge[header..header + 4].copy_from_slice(&(1u32 << 28).to_le_bytes());
        huge[header + 5..header + 9].copy_from_slice(&(1u32 << 30).to_le_bytes());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("model.bin");
        std::fs::write(&path, &huge).unwrap();
        let error = Variables::read(&path).unwrap_err().to_string();
        assert!(error.contains("1073741824 bytes in a file of"), "{error}");
        // Quantised weights.
        let int8 = model_bin("WhisperSpec", &[Var { name: "w", dims: &[4], kind: 1, bytes: vec![0; 4] }], &[]);
        assert!(Variables::read_from(&mut int8.as_slice()).unwrap_err().to_string().contains("quantised"));
    }
}
