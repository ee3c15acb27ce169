//! Whisper's network (an encoder of the spectrogram, a decoder of text that attends to it),
//! built from CTranslate2's variables. Written out here rather than taken from
//! candle-transformers because the word times need what that model keeps to itself: the
//! cross-attention of the alignment heads.

use candle_core::{DType, Device, Module, Tensor};
use candle_nn::{LayerNorm, Linear};

use crate::ListenError;
use crate::ct2::Variables;

/// The network's sizes, read from its weights.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dims {
    pub mels: usize,
    pub audio_ctx: usize,
    pub state: usize,
    pub heads: usize,
    pub encoder_layers: usize,
    pub decoder_layers: usize,
    pub vocab: usize,
    pub text_ctx: usize,
}

struct Attention {
    query: Linear,
    key: Linear,
    value: Linear,
    out: Linear,
    heads: usize,
}

/// Keys and values kept between decoding steps.
#[derive(Clone, Default)]
struct Cache {
    own: Option<(Tensor, Tensor)>,
    cross: Option<(Tensor, Tensor)>,
}

impl Attention {
    fn heads_of(&self, x: &Tensor) -> Result<Tensor, ListenError> {
        let (batch, length, state) = x.dims3()?;
        Ok(x.reshape((batch, length, self.heads, state / self.heads))?.transpose(1, 2)?.contiguous()?)
    }

    /// Attention of queries `q` to keys `k` (already scaled and turned by [`keys`]) and
    /// values `v`, with `mask`; the output and the scaled scores before the softmax, per head.
    fn attend(
        &self,
        q: &Tensor,
        k: &Tensor,
        v: &Tensor,
        mask: Option<&Tensor>,
    ) -> Result<(Tensor, Tensor), ListenError> {
        let (batch, _, length, depth) = q.dims4()?;
        let q = (q * scale(depth))?;
        let mut scores = q.matmul(k)?;
        if let Some(mask) = mask {
            scores = scores.broadcast_add(mask)?;
        }
        let weights = candle_nn::ops::softmax_last_dim(&scores)?;
        let out = weights.matmul(v)?.transpose(1, 2)?.reshape((batch, length, self.heads * depth))?;
        Ok((self.out.forward(&out)?, scores))
    }
}

/// Whisper scales queries and keys each by the fourth root of the head's depth.
fn scale(depth: usize) -> f64 {
    (depth as f64).powf(-0.25)
}

/// Keys as attention multiplies them: scaled, turned to depth × length, contiguous. Made
/// once per window for the audio (turning them at every token copied 18 MB a token, a
/// quarter of its time).
fn keys(k: &Tensor) -> Result<Tensor, ListenError> {
    let depth = k.dim(3)?;
    Ok((k * scale(depth))?.t()?.contiguous()?)
}

struct Block {
    attention_norm: LayerNorm,
    attention: Attention,
    cross: Option<(LayerNorm, Attention)>,
    ffn_norm: LayerNorm,
    fc1: Linear,
    fc2: Linear,
}

/// The encoder and the decoder with their weights.
pub struct Whisper {
    pub dims: Dims,
    conv1: (Tensor, Tensor),
    conv2: (Tensor, Tensor),
    audio_positions: Tensor,
    encoder: Vec<Block>,
    encoder_norm: LayerNorm,
    embeddings: Tensor,
    text_positions: Tensor,
    decoder: Vec<Block>,
    decoder_norm: LayerNorm,
}

fn norm(vars: &Variables, prefix: &str) -> Result<LayerNorm, ListenError> {
    Ok(LayerNorm::new(
        vars.tensor(&format!("{prefix}/gamma"))?.clone(),
        vars.tensor(&format!("{prefix}/beta"))?.clone(),
        1e-5,
    ))
}

fn linear(vars: &Variables, prefix: &str) -> Result<Linear, ListenError> {
    Ok(Linear::new(
        vars.tensor(&format!("{prefix}/weight"))?.clone(),
        Some(vars.tensor(&format!("{prefix}/bias"))?.clone()),
    ))
}

/// The `index`-th of `parts` equal slices of a fused projection.
fn split(vars: &Variables, prefix: &str, parts: usize, index: usize) -> Result<Linear, ListenError> {
    let weight = vars.tensor(&format!("{prefix}/weight"))?;
    let bias = vars.tensor(&format!("{prefix}/bias"))?;
    let size = weight.dim(0)? / parts;
    Ok(Linear::new(
        weight.narrow(0, index * size, size)?.contiguous()?,
        Some(bias.narrow(0, index * size, size)?.contiguous()?),
    ))
}

fn own_attention(vars: &Variables, prefix: &str, heads: usize) -> Result<Attention, ListenError> {
    let fused = format!("{prefix}/linear_0");
    Ok(Attention {
        query: split(vars, &fused, 3, 0)?,
        key: split(vars, &fused, 3, 1)?,
        value: split(vars, &fused, 3, 2)?,
        out: linear(vars, &format!("{prefix}/linear_1"))?,
        heads,
    })
}

fn cross_attention(vars: &Variables, prefix: &str, heads: usize) -> Result<Attention, ListenError> {
    let fused = format!("{prefix}/linear_1");
    Ok(Attention {
        query: linear(vars, &format!("{prefix}/linear_0"))?,
        key: split(vars, &fused, 2, 0)?,
        value: split(vars, &fused, 2, 1)?,
        out: linear(vars, &format!("{prefix}/linear_2"))?,
        heads,
    })
}

fn block(vars: &Variables, prefix: &str, heads: usize, with_cross: bool) -> Result<Block, ListenError> {
    let cross = if with_cross {
        Some((
            norm(vars, &format!("{prefix}/attention/layer_norm"))?,
            cross_attention(vars, &format!("{prefix}/attention"), heads)?,
        ))
    } else {
        None
    };
    Ok(Block {
        attention_norm: norm(vars, &format!("{prefix}/self_attention/layer_norm"))?,
        attention: own_attention(vars, &format!("{prefix}/self_attention"), heads)?,
        cross,
        ffn_norm: norm(vars, &format!("{prefix}/ffn/layer_norm"))?,
        fc1: linear(vars, &format!("{prefix}/ffn/linear_0"))?,
        fc2: linear(vars, &format!("{prefix}/ffn/linear_1"))?,
    })
}

fn count_layers(vars: &Variables, part: &str) -> usize {
    (0..).take_while(|i| vars.has(&format!("{part}/layer_{i}/ffn/linear_0/weight"))).count()
}

impl Whisper {
    /// Builds the network from a Whisper model's variables.
    pub fn new(vars: &Variables) -> Result<Self, ListenError> {
        if vars.spec != "WhisperSpec" {
            return Err(ListenError::bad(format!("a {} model, not Whisper", vars.spec)));
        }
        let conv1 = vars.tensor("encoder/conv1/weight")?;
        let (state, mels, _) = conv1.dims3()?;
        let heads = vars.scalar("encoder/num_heads").unwrap_or(8) as usize;
        let audio_positions = vars.tensor("encoder/position_encodings/encodings")?.clone();
        let text_positions = vars.tensor("decoder/position_encodings/encodings")?.clone();
        let embeddings = vars.tensor("decoder/embeddings/weight")?.clone();
        let dims = Dims {
            mels,
            audio_ctx: audio_positions.dim(0)?,
            state,
            heads,
            encoder_layers: count_layers(vars, "encoder"),
            decoder_layers: count_layers(vars, "decoder"),
            vocab: embeddings.dim(0)?,
            text_ctx: text_positions.dim(0)?,
        };
        if dims.encoder_layers == 0 || dims.decoder_layers == 0 || heads == 0 || state % heads != 0 {
            return Err(ListenError::bad(format!("unexpected sizes {dims:?}")));
        }
        let bias = |name: &str| -> Result<Tensor, ListenError> { Ok(vars.tensor(name)?.reshape((1, state, 1))?) };
        Ok(Whisper {
            dims,
            conv1: (conv1.clone(), bias("encoder/conv1/bias")?),
            conv2: (vars.tensor("encoder/conv2/weight")?.clone(), bias("encoder/conv2/bias")?),
            audio_positions,
            encoder: (0..dims.encoder_layers)
                .map(|i| block(vars, &format!("encoder/layer_{i}"), heads, false))
                .collect::<Result<_, _>>()?,
            encoder_norm: norm(vars, "encoder/layer_norm")?,
            embeddings,
            text_positions,
            decoder: (0..dims.decoder_layers)
                .map(|i| block(vars, &format!("decoder/layer_{i}"), heads, true))
                .collect::<Result<_, _>>()?,
            decoder_norm: norm(vars, "decoder/layer_norm")?,
        })
    }

    /// Encodes a spectrogram (`mels × frames`, band by band) into the audio's states.
    pub fn encode(&self, mel: &[f32], frames: usize) -> Result<Tensor, ListenError> {
        let x = Tensor::from_slice(mel, (1, self.dims.mels, frames), &Device::Cpu)?;
        let x = x.conv1d(&self.conv1.0, 1, 1, 1, 1)?.broadcast_add(&self.conv1.1)?.gelu_erf()?;
        let x = x.conv1d(&self.conv2.0, 1, 2, 1, 1)?.broadcast_add(&self.conv2.1)?.gelu_erf()?;
        let x = x.transpose(1, 2)?;
        let length = x.dim(1)?.min(self.dims.audio_ctx);
        let mut x = x.narrow(1, 0, length)?.broadcast_add(&self.audio_positions.narrow(0, 0, length)?)?;
        for layer in &self.encoder {
            let h = layer.attention_norm.forward(&x)?;
            let (q, k, v) = (
                layer.attention.heads_of(&layer.attention.query.forward(&h)?)?,
                layer.attention.heads_of(&layer.attention.key.forward(&h)?)?,
                layer.attention.heads_of(&layer.attention.value.forward(&h)?)?,
            );
            x = (x + layer.attention.attend(&q, &keys(&k)?, &v, None)?.0)?;
            let h = layer.ffn_norm.forward(&x)?;
            x = (&x + layer.fc2.forward(&layer.fc1.forward(&h)?.gelu_erf()?)?)?;
        }
        Ok(self.encoder_norm.forward(&x)?)
    }

    /// A decoder that attends to `audio` (from [`Whisper::encode`]).
    pub fn decoder<'a>(&'a self, audio: &'a Tensor) -> Decoder<'a> {
        Decoder { model: self, audio, caches: vec![Cache::default(); self.decoder.len()], length: 0 }
    }
}

/// The decoder of one window, with what it has seen so far.
pub struct Decoder<'a> {
    model: &'a Whisper,
    audio: &'a Tensor,
    caches: Vec<Cache>,
    length: usize,
}

/// The decoder's output for the tokens it was given.
pub struct Step {
    /// Logits of the last token, one per vocabulary entry.
    pub logits: Vec<f32>,
    /// Cross-attention scores before the softmax, per decoder layer: `heads × tokens × frames`.
    pub cross_scores: Vec<Tensor>,
}

impl Decoder<'_> {
    /// How many tokens it has seen.
    pub fn len(&self) -> usize {
        self.length
    }

    /// Whether it has seen none.
    pub fn is_empty(&self) -> bool {
        self.length == 0
    }

    /// Feeds `tokens` after those already seen; the logits for the next token.
    pub fn feed(&mut self, tokens: &[u32], keep_scores: bool) -> Result<Step, ListenError> {
        let model = self.model;
        let count = tokens.len();
        if count == 0 || self.length + count > model.dims.text_ctx {
            return Err(ListenError::Compute(format!(
                "{} tokens after {} (the decoder holds {})",
                count, self.length, model.dims.text_ctx
            )));
        }
        let ids = Tensor::from_slice(tokens, (1, count), &Device::Cpu)?;
        let embedded = model.embeddings.embedding(&ids.flatten_all()?)?.reshape((1, count, model.dims.state))?;
        let mut x = embedded.broadcast_add(&model.text_positions.narrow(0, self.length, count)?)?;
        // Each new token sees the tokens before it and itself.
        let mask = if count > 1 {
            let mut values = vec![0f32; count * (self.length + count)];
            for row in 0..count {
                for column in self.length + row + 1..self.length + count {
                    values[row * (self.length + count) + column] = f32::NEG_INFINITY;
                }
            }
            Some(Tensor::from_vec(values, (count, self.length + count), &Device::Cpu)?)
        } else {
            None
        };
        let mut cross_scores = Vec::new();
        for (layer, cache) in model.decoder.iter().zip(&mut self.caches) {
            let attention = &layer.attention;
            let h = layer.attention_norm.forward(&x)?;
            let q = attention.heads_of(&attention.query.forward(&h)?)?;
            let mut k = attention.heads_of(&attention.key.forward(&h)?)?;
            let mut v = attention.heads_of(&attention.value.forward(&h)?)?;
            if let Some((past_k, past_v)) = &cache.own {
                k = Tensor::cat(&[past_k, &k], 2)?;
                v = Tensor::cat(&[past_v, &v], 2)?;
            }
            cache.own = Some((k.clone(), v.clone()));
            x = (x + attention.attend(&q, &keys(&k)?, &v, mask.as_ref())?.0)?;
            if let Some((cross_norm, cross)) = &layer.cross {
                let h = cross_norm.forward(&x)?;
                let q = cross.heads_of(&cross.query.forward(&h)?)?;
                // The audio's keys and values are the same for every token: made once.
                let (k, v) = match &cache.cross {
                    Some(kv) => kv.clone(),
                    None => {
                        let k = keys(&cross.heads_of(&cross.key.forward(self.audio)?)?)?;
                        let v = cross.heads_of(&cross.value.forward(self.audio)?)?;
                        cache.cross = Some((k.clone(), v.clone()));
                        (k, v)
                    }
                };
                let (out, scores) = cross.attend(&q, &k, &v, None)?;
                if keep_scores {
                    cross_scores.push(scores.squeeze(0)?);
                }
                x = (x + out)?;
            }
            let h = layer.ffn_norm.forward(&x)?;
            x = (&x + layer.fc2.forward(&layer.fc1.forward(&h)?.gelu_erf()?)?)?;
        }
        self.length += count;
        let last = model.decoder_norm.forward(&x.narrow(1, count - 1, 1)?)?.reshape((1, model.dims.state))?;
        let logits = last.matmul(&model.embeddings.t()?)?.squeeze(0)?.to_dtype(DType::F32)?.to_vec1::<f32>()?;
        Ok(Step { logits, cross_scores })
    }
}
