"""The fast CPU path: int8 weights and a lean decode loop for Llama-family models, with no compiler.

Why it exists: on a laptop CPU a small model's decode step is dominated by per-operation overhead, not arithmetic
(a 1x576 by 576x576 matmul costs ~40 µs here in float32, and `generate` adds its own machinery to every step), and
a large model's by the bytes of weights read per token. This module attacks both:

- **Weights** are quantized once at load time to int8 with one float scale per output channel (weight-only; the
  activations stay in bfloat16). torch's own CPU kernel `aten._weight_int8pack_mm` does the matmul, so an installed
  app needs no C++ compiler. Per-*tensor* int8 (torch's `quantize_dynamic`) was measured unusable on SmolLM2
  (top-1 agreement 0.58); per-channel scales keep it close to float32 (see `benchmarks/cpu_decode.py`).
- **The loop** runs the transformer as a handful of plain tensor operations per layer: q/k/v fused into one matmul,
  gate/up fused into one, a preallocated (static) key/value cache written in place, and the output layer evaluated
  only for the positions that need logits. Nothing of `generate`'s per-step machinery runs.

The Hugging Face model object is kept, with its Linear layers and embedding swapped for int8 modules sharing the very
same tensors: requests the lean loop does not handle (sampling with prompt lookup) still run through `generate`, on
the same weights, without holding a second copy in memory.

Imports torch at module level: only the model host process and the CLI import it.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import gc
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import torch
import torch.nn.functional as F

log = logging.getLogger(__name__)

# Architectures whose decoder layers are exactly: RMSNorm, attention (q/k/v/o, optional biases, rotary
# embeddings, grouped-query heads), RMSNorm, SiLU-gated MLP. Others keep the plain path.
SUPPORTED_TYPES = frozenset({"llama", "qwen2", "mistral"})
# Rotary types whose frequencies do not depend on the sequence length, so cos/sin can be taken from the model's own
# rotary module per position (dynamic scaling recomputes them as the text grows).
_STATIC_ROPE = frozenset({"default", "linear", "llama3", "yarn", "longrope"})
# Prefill this many prompt tokens per forward: bounds the attention scratch memory of a long prompt and gives Stop a
# chance between slices on top of the per-layer checks.
PREFILL_SLICE = 256
# Greedy picks are re-scored in float32 among this many front-runners of the output layer: its logits come out of
# the kernel in bfloat16, accurate only to ~0.1 at the magnitudes seen here, which turns near-ties into coin flips.
# (A bfloat16 copy of the output layer for this re-scoring was tried: agreement 0.9953 instead of 0.9938 on
# SmolLM2, for 57 MB more resident memory. Not kept.)
_RESCORE_TOP = 8


class Cancelled(Exception):
    """The cancel flag was seen during a forward pass; the cache beyond the committed tokens is garbage."""


def unsupported_reason(model: Any) -> str:
    """Why the fast path cannot run this model ("" when it can), in a few words for the log."""
    config = getattr(model, "config", None)
    if config is None:
        return "no config"
    model_type = getattr(config, "model_type", "")
    if model_type not in SUPPORTED_TYPES:
        return f"architecture {model_type!r} not supported by the fast path"
    if getattr(config, "hidden_act", "silu") != "silu":
        return f"activation {config.hidden_act!r}"
    if getattr(config, "mlp_bias", False):
        return "MLP biases"
    if getattr(config, "use_sliding_window", False) or (
        model_type == "mistral" and getattr(config, "sliding_window", None)
    ):
        return "sliding-window attention"
    rope = getattr(config, "rope_parameters", None) or getattr(config, "rope_scaling", None) or {}
    rope_type = rope.get("rope_type", rope.get("type", "default")) if isinstance(rope, dict) else "default"
    if rope_type not in _STATIC_ROPE:
        return f"rotary scaling {rope_type!r}"
    inner = getattr(model, "model", None)
    if inner is None or not hasattr(inner, "layers") or not hasattr(inner, "rotary_emb"):
        return "unexpected module layout"
    if next(model.parameters()).device.type != "cpu":
        return "not on the CPU"
    if not hasattr(torch.ops.aten, "_weight_int8pack_mm"):
        return "this PyTorch has no int8 matmul kernel"
    return ""


def quantize_rows(weight: torch.Tensor, chunk: int = 8192) -> tuple[torch.Tensor, torch.Tensor]:
    """Symmetric int8 with one scale per output row (channel). Done in slices: a float32 temporary of the whole
    151,936 x 1,536 output layer of a 1.5B model would cost another 0.9 GB at load time."""
    rows = weight.shape[0]
    q = torch.empty(weight.shape, dtype=torch.int8)
    scales = torch.empty(rows, dtype=torch.float32)
    for start in range(0, rows, chunk):
        w = weight[start : start + chunk].float()
        # Scales rounded to bfloat16 first (the kernel takes them in bfloat16), so int8 x scale is exactly the
        # weight the kernel uses and the float32 re-scoring below agrees with it.
        s = (w.abs().amax(dim=1) / 127.0).clamp_min(1e-12).to(torch.bfloat16).float()
        q[start : start + chunk] = torch.round(w / s[:, None]).clamp_(-127, 127).to(torch.int8)
        scales[start : start + chunk] = s
    return q, scales


_SAMPLE_ROWS = 64
GROUP = 32  # int4 group size along the input: the block size of GGUF's Q4_0/Q4_1, so their weights fit exactly


def quantize_groups4(weight: torch.Tensor, with_error: bool = True) -> tuple[torch.Tensor, torch.Tensor, float]:
    """Asymmetric 4-bit with a scale and a zero per 32 inputs of each row, in torch's int4pack convention
    (w = (q - 8) * scale + zero). Returns (q as int32 0..15 [out, in], scales_and_zeros [in/32, out, 2] bfloat16,
    squared reconstruction error)."""
    rows, cols = weight.shape
    w = weight.float().reshape(rows, cols // GROUP, GROUP)
    low, high = w.amin(dim=2), w.amax(dim=2)
    scale = ((high - low) / 15).clamp_min(1e-12).to(torch.bfloat16).float()
    zero = (low + 8 * scale).to(torch.bfloat16).float()
    q = torch.round((w - zero.unsqueeze(2)) / scale.unsqueeze(2) + 8).clamp_(0, 15)
    error = float(((q - 8) * scale.unsqueeze(2) + zero.unsqueeze(2) - w).pow(2).sum()) if with_error else 0.0
    scales_zeros = torch.stack([scale.t(), zero.t()], dim=2).to(torch.bfloat16).contiguous()
    return q.reshape(rows, cols).to(torch.int32), scales_zeros, error


def _int8_error(weight: torch.Tensor, q: torch.Tensor, scales: torch.Tensor) -> float:
    return float((q.float() * scales[:, None] - weight.float()).pow(2).sum())


class QLinear(torch.nn.Module):
    """A Linear layer with quantized weights; bfloat16 arithmetic, the caller's dtype out.

    Two layouts, chosen per weight by `quantize`: int8 with one scale per output channel
    (`aten._weight_int8pack_mm`), or int4 in groups of 32 (`aten._weight_int4pack_mm_for_cpu`), which reads half
    the bytes: decoding is bound by memory bandwidth here (~5 GB/s), so bytes per token set the speed.
    Also a drop-in nn.Module for the Hugging Face model, so `generate` runs on the same tensors.
    """

    def __init__(self, weight: torch.Tensor, bias: torch.Tensor | None, allow_int4: bool = True) -> None:
        super().__init__()
        self.out_features, self.in_features = weight.shape
        self.bias_ = bias.detach().to(torch.bfloat16) if bias is not None else None
        self.packed: torch.Tensor | None = None
        self.scales_zeros: torch.Tensor | None = None
        fits4 = allow_int4 and self.in_features % GROUP == 0 and self.out_features % 16 == 0
        # 4 bits only where they lose nothing against int8: true for weights that came from a 4-bit GGUF (the
        # embedded model), whose 32-blocks int4 re-expresses exactly; float weights keep int8. Judged on a sample
        # of rows: quantizing everything both ways doubled the load time.
        if fits4:
            sample = weight[:_SAMPLE_ROWS]
            fits4 = quantize_groups4(sample)[2] <= _int8_error(sample, *quantize_rows(sample))
        self.weight_q: torch.Tensor | None = None
        if fits4:
            q4, self.scales_zeros, _ = quantize_groups4(weight, with_error=False)
            self.packed = torch.ops.aten._convert_weight_to_int4pack_for_cpu(q4, 1)
            scales = torch.ones(self.out_features)  # unused by the int4 kernel
        else:
            self.weight_q, scales = quantize_rows(weight)
        self.scales = scales.to(torch.bfloat16)

    @property
    def kind(self) -> str:
        return "int4" if self.packed is not None else "int8"

    def mm(self, x: torch.Tensor) -> torch.Tensor:
        """x: [tokens, in] bfloat16 -> [tokens, out] bfloat16."""
        if self.packed is not None:
            out = torch.ops.aten._weight_int4pack_mm_for_cpu(x, self.packed, GROUP, self.scales_zeros)
        else:
            out = torch.ops.aten._weight_int8pack_mm(x, self.weight_q, self.scales)
        if self.bias_ is not None:
            out = out + self.bias_
        return out

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        shape = x.shape
        out = self.mm(x.reshape(-1, shape[-1]).to(torch.bfloat16))
        return out.reshape(*shape[:-1], self.out_features).to(x.dtype)


class _Part(torch.nn.Module):
    """One projection (say k_proj) of a fused matmul, for the Hugging Face model's own forward: it runs the fused
    matmul and keeps its rows. Wasteful, but only `generate`'s fallback uses it, and it keeps a single copy of the
    weights (int4 packing interleaves rows, so a row slice of the packed tensor is not a weight of its own)."""

    def __init__(self, fused: QLinear, start: int, stop: int) -> None:
        super().__init__()
        self.fused, self.start, self.stop = fused, start, stop
        self.out_features = stop - start

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fused(x)[..., self.start : self.stop]


class QEmbedding(torch.nn.Module):
    """Input embedding rows from an int8 per-row copy, or from a bfloat16 copy shared with the re-scoring."""

    def __init__(self, weight: torch.Tensor, scales: torch.Tensor | None, dtype: torch.dtype) -> None:
        super().__init__()
        self.weight_q = weight
        self.scales_f = scales
        self.out_dtype = dtype

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        rows = F.embedding(ids, self.weight_q).to(torch.float32)
        if self.scales_f is not None:
            rows = rows * self.scales_f[ids].unsqueeze(-1)
        return rows.to(self.out_dtype)


def _fused(modules: Sequence[Any]) -> tuple[QLinear, list[_Part]]:
    """One matmul instead of several on the same input (q/k/v; gate/up): at this size each call costs ~20 µs of
    overhead whatever its width."""
    weight = torch.cat([m.weight.data for m in modules])
    biases = [getattr(m, "bias", None) for m in modules]
    bias = None
    if any(b is not None for b in biases):
        pairs = zip(modules, biases, strict=True)
        filled = [b.data if b is not None else torch.zeros(m.out_features) for m, b in pairs]
        bias = torch.cat(filled)
    fused = QLinear(weight, bias)
    parts, start = [], 0
    for module in modules:
        parts.append(_Part(fused, start, start + module.out_features))
        start += module.out_features
    return fused, parts


@dataclass
class _Layer:
    norm1: torch.Tensor
    qkv: QLinear
    o: QLinear
    norm2: torch.Tensor
    gate_up: QLinear
    down: QLinear


def _own_memory(model: Any) -> None:
    """Copy what is left of the float weights (norms, biases, buffers) out of the safetensors file mapping.

    transformers maps the file; every tensor still pointing into it keeps the whole mapping alive, and the pages
    read while quantizing stay resident: measured, 513 MB of the embedded model's file for 0.1 MB of norms.
    """
    for module in model.modules():
        for _name, param in list(module.named_parameters(recurse=False)):
            param.data = param.data.clone()
        for name, buffer in list(module.named_buffers(recurse=False)):
            if buffer is not None:
                module._buffers[name] = buffer.clone()


def _libc() -> Any:
    name = ctypes.util.find_library("c") if sys.platform.startswith("linux") else None
    try:
        return ctypes.CDLL(name) if name else None
    except OSError:
        return None


def _return_big_blocks() -> None:
    """Have glibc hand blocks of 1 MB and more straight back to the system when freed. Quantizing allocates and
    frees float temporaries of every weight; from the heap, their pages stayed resident (~100 MB measured)."""
    libc = _libc()
    if libc is not None:
        with contextlib.suppress(AttributeError):
            libc.mallopt(-3, 1024 * 1024)  # M_MMAP_THRESHOLD


def release_memory() -> None:
    """Give freed heap pages back to the system: glibc keeps them otherwise, and the float32 weights just dropped
    would still count in the resident size the status bar shows."""
    gc.collect()
    libc = _libc()
    if libc is not None:
        with contextlib.suppress(AttributeError):
            libc.malloc_trim(0)


class FastModel:
    """The quantized model and its lean forward. One sequence at a time; owns one static key/value cache."""

    def __init__(self, model: Any, max_len: int) -> None:
        """Quantizes `model` in place (its Linear layers and embedding become int8 modules) and frees float32."""
        # One thread while quantizing: its many elementwise passes gain little from a second one, and when other
        # programs keep the cores busy every parallel region waits for its slowest thread (measured on this shared
        # 2-core machine: 66 s with 2 threads, 9 s with 1, for the embedded model).
        threads = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            self._build(model, max_len)
        finally:
            torch.set_num_threads(threads)

    def _build(self, model: Any, max_len: int) -> None:
        config = model.config
        inner = model.model
        _return_big_blocks()
        self.model = model
        self.rotary = inner.rotary_emb
        self.eps = float(getattr(config, "rms_norm_eps", 1e-6))
        self.heads = int(config.num_attention_heads)
        self.kv_heads = int(getattr(config, "num_key_value_heads", None) or self.heads)
        self.head_dim = int(getattr(config, "head_dim", None) or config.hidden_size // self.heads)
        self.hidden = int(config.hidden_size)
        self.vocab = int(config.vocab_size)
        self.layers: list[_Layer] = []
        for layer in inner.layers:
            attn, mlp = layer.self_attn, layer.mlp
            qkv, (attn.q_proj, attn.k_proj, attn.v_proj) = _fused([attn.q_proj, attn.k_proj, attn.v_proj])
            gate_up, (mlp.gate_proj, mlp.up_proj) = _fused([mlp.gate_proj, mlp.up_proj])
            o, down = QLinear(attn.o_proj.weight.data, attn.o_proj.bias), QLinear(mlp.down_proj.weight.data, None)
            attn.o_proj, mlp.down_proj = o, down
            self.layers.append(
                _Layer(
                    layer.input_layernorm.weight.data.float().clone(),
                    qkv,
                    o,
                    layer.post_attention_layernorm.weight.data.float().clone(),
                    gate_up,
                    down,
                )
            )
            # The float modules just replaced are freed here by reference counting, layer by layer, so a 1.5B
            # model's float32 weights and their quantized copy never both exist in full.
        self.final_norm = inner.norm.weight.data.float().clone()
        embed_weight = inner.embed_tokens.weight.data
        head = model.get_output_embeddings()
        if head is None:
            raise ValueError("the model has no output layer")
        tied = head.weight.data_ptr() == embed_weight.data_ptr()
        dtype = embed_weight.dtype
        # The output layer stays int8: it is read in full every token, but int4 measured worse on it, and the
        # embedded model's is 8-bit (Q8_0) at the source.
        self.lm_head = QLinear(head.weight.data, getattr(head, "bias", None), allow_int4=False)
        assert self.lm_head.weight_q is not None
        self.head_scales_f = self.lm_head.scales.float()  # for re-scoring near-ties in float32
        if tied:
            self.embed = QEmbedding(self.lm_head.weight_q, self.head_scales_f, dtype)
        else:
            self.embed = QEmbedding(*quantize_rows(embed_weight), dtype)
        inner.embed_tokens = self.embed
        model.set_output_embeddings(self.lm_head)
        del head, embed_weight
        _own_memory(model)
        release_memory()
        kinds = [lin.kind for layer in self.layers for lin in (layer.qkv, layer.o, layer.gate_up, layer.down)]
        self.kinds = {kind: kinds.count(kind) for kind in sorted(set(kinds))}
        self.max_len = max_len
        # torch.empty touches no pages: only the part of the cache a conversation reaches becomes resident.
        shape = (len(self.layers), 2, self.kv_heads, max_len, self.head_dim)
        self.cache = torch.empty(shape, dtype=torch.bfloat16)
        self.cancel_check: Callable[[], bool] = lambda: False

    # -- forward ---------------------------------------------------------------------------------------------
    def forward(self, ids: torch.Tensor, start: int, last_only: bool = True) -> torch.Tensor:
        """Run `ids` (1-D) at positions start.. and write their keys/values into the cache.

        Returns the final normed hidden states, float32: [1, hidden] for the last position when `last_only` (a
        prefill needs no logits for the rest), else [T, hidden]. `logits` and `pick` turn them into tokens.
        Raises Cancelled, between layers, once `cancel_check` says so; cache slots from `start` on are then junk.
        """
        count = int(ids.shape[0])
        end = start + count
        if end > self.max_len:
            raise ValueError(f"{end} tokens exceed the fast path's cache of {self.max_len}")
        check = self.cancel_check
        x = self.embed(ids).float()  # [T, hidden], the residual stream stays float32
        positions = torch.arange(start, end).unsqueeze(0)
        cos, sin = self.rotary(x.unsqueeze(0), positions)  # [1, T, head_dim] each
        cos = cos[0].unsqueeze(1)  # [T, 1, D], broadcast over heads
        sin = sin[0].unsqueeze(1)
        half = self.head_dim // 2
        rope_heads = self.heads + self.kv_heads
        mask = None
        if count > 1:
            # Causal with an offset: position start+i sees the cache up to start+i. SDPA's is_causal aligns to the
            # top left, which is wrong as soon as there is a past.
            mask = torch.ones(count, end, dtype=torch.bool).tril(diagonal=start)
        for index, layer in enumerate(self.layers):
            if check():
                raise Cancelled
            h = F.rms_norm(x, (self.hidden,), layer.norm1, self.eps).to(torch.bfloat16)
            qkv = layer.qkv.mm(h).view(count, self.heads + 2 * self.kv_heads, self.head_dim).float()
            qk = qkv[:, :rope_heads]
            rotated = torch.cat((-qk[..., half:], qk[..., :half]), dim=-1)
            qk = qk * cos + rotated * sin
            kv = self.cache[index]
            kv[0, :, start:end] = qk[:, self.heads :].transpose(0, 1)
            kv[1, :, start:end] = qkv[:, rope_heads:].transpose(0, 1)
            q = qk[:, : self.heads].transpose(0, 1).unsqueeze(0).to(torch.bfloat16)  # [1, H, T, D]
            keys = kv[0, :, :end].unsqueeze(0)
            values = kv[1, :, :end].unsqueeze(0)
            attn = F.scaled_dot_product_attention(q, keys, values, attn_mask=mask, enable_gqa=True)
            attn = attn[0].transpose(0, 1).reshape(count, self.heads * self.head_dim)
            x = x + layer.o.mm(attn)
            if count > 1 and check():
                raise Cancelled
            h = F.rms_norm(x, (self.hidden,), layer.norm2, self.eps).to(torch.bfloat16)
            gate_up = layer.gate_up.mm(h)
            inter = gate_up.shape[-1] // 2
            x = x + layer.down.mm(F.silu(gate_up[:, :inter]) * gate_up[:, inter:])
        if last_only:
            x = x[-1:]
        return F.rms_norm(x, (self.hidden,), self.final_norm, self.eps)

    def logits(self, hidden: torch.Tensor) -> torch.Tensor:
        return self.lm_head.mm(hidden.to(torch.bfloat16)).float()

    def pick(self, hidden: torch.Tensor, logits: torch.Tensor) -> torch.Tensor:
        """Greedy choice per row, with the bfloat16 front-runners re-scored exactly (float32 dot products with
        the int8 rows), so a near-tie is decided the way float32 would decide it, not by rounding."""
        assert self.lm_head.weight_q is not None
        top = logits.topk(_RESCORE_TOP, dim=-1).indices  # [T, k]
        rows = self.lm_head.weight_q[top].float() * self.head_scales_f[top].unsqueeze(-1)  # [T, k, hidden]
        exact = torch.einsum("tkh,th->tk", rows, hidden.float())
        if self.lm_head.bias_ is not None:
            exact = exact + self.lm_head.bias_.float()[top]
        return top.gather(1, exact.argmax(dim=-1, keepdim=True)).squeeze(1)


def find_draft(tokens: list[int], count: int, max_ngram: int = 2) -> list[int]:
    """Prompt lookup: the tokens that followed the latest earlier occurrence of the last n tokens (n = max_ngram
    down to 1), at most `count`; [] when nothing matches. The same idea as transformers' prompt-lookup candidates."""
    if count <= 0:
        return []
    length = len(tokens)
    for n in range(max_ngram, 0, -1):
        if length <= n:
            continue
        tail = tokens[-n:]
        for start in range(length - n - 1, -1, -1):
            if tokens[start : start + n] == tail:
                follow = tokens[start + n : start + n + count]
                if follow:
                    return follow
    return []
