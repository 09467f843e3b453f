"""The models Inkwell recommends: the embedded offline model and a short, curated list of Hugging Face models.

Pure data and small helpers; no network, no torch. Sizes here are estimates for showing and choosing: the real
sizes come from the Hub's metadata when a download starts (and the disk-space check uses those).

Memory estimates follow how Inkwell loads a model: float32 on the CPU (4 bytes per parameter), bfloat16/float16 on
a GPU (2 bytes per parameter), plus room for activations and the KV cache of a few thousand tokens.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal

from app.translatable import QT_TRANSLATE_NOOP

Use = Literal["chat", "translate", "summarize", "continue"]


GB = 1000**3
GIB = 1024**3

# Added to the weights for activations, the KV cache of a few thousand tokens, and the runtime itself.
_CPU_OVERHEAD_BYTES = int(0.6 * GIB)
_GPU_OVERHEAD_BYTES = int(0.5 * GIB)


@dataclass(frozen=True)
class CatalogEntry:
    key: str  # short stable id for the CLI and settings, e.g. "qwen2.5-1.5b"
    repo_id: str  # Hugging Face repository id; "" for the embedded model
    name: str
    params: int  # parameter count
    download_bytes: int  # estimate of what a download fetches (safetensors + config + tokenizer)
    languages: tuple[str, ...]  # ISO 639-1 codes, strongest first
    license: str
    license_url: str
    gated: bool  # the Hub asks you to accept the licence (and to log in) before downloading
    uses: tuple[Use, ...]  # suggested uses, best first
    context_length: int
    note: str  # one plain sentence a user reads before choosing
    embedded: bool = False

    @property
    def ram_bytes(self) -> int:
        """Memory to run it on the CPU (float32, as Inkwell loads it there)."""
        return self.params * 4 + _CPU_OVERHEAD_BYTES

    @property
    def vram_bytes(self) -> int:
        """GPU memory to run it in bfloat16/float16."""
        return self.params * 2 + _GPU_OVERHEAD_BYTES

    @property
    def params_text(self) -> str:
        if self.params >= 1_000_000_000:
            return f"{self.params / 1e9:.1f}B"
        return f"{round(self.params / 1e6)}M"

    @property
    def hub_url(self) -> str:
        return f"https://huggingface.co/{self.repo_id}" if self.repo_id else ""

    def suits(self, use: Use) -> bool:
        return use in self.uses


_QWEN_LANGS = ("en", "zh", "fr", "es", "pt", "de", "it", "ru", "ja", "ko", "vi", "th", "ar")
_LLAMA_LANGS = ("en", "de", "fr", "it", "pt", "hi", "es", "th")
_APACHE = ("Apache-2.0", "https://www.apache.org/licenses/LICENSE-2.0")

EMBEDDED = CatalogEntry(
    key="embedded",
    repo_id="",
    name=QT_TRANSLATE_NOOP("Catalog", "SmolLM2-135M-Instruct (built in)"),
    params=135_000_000,
    download_bytes=0,  # ships with Inkwell (a 98 MB GGUF file)
    languages=("en",),
    license=_APACHE[0],
    license_url=_APACHE[1],
    gated=False,
    uses=("continue", "summarize"),
    context_length=8192,
    note=QT_TRANSLATE_NOOP(
        "Catalog",
        "Always available, works offline. It is small: good for continuing and summarizing short English text, "
        "not for translation or Chinese. Download a recommended model for those.",
    ),
    embedded=True,
)

CATALOG: tuple[CatalogEntry, ...] = (
    CatalogEntry(
        key="qwen2.5-0.5b",
        repo_id="Qwen/Qwen2.5-0.5B-Instruct",
        name="Qwen2.5 0.5B Instruct",
        params=494_000_000,
        download_bytes=int(0.99 * GB),
        languages=_QWEN_LANGS,
        license=_APACHE[0],
        license_url=_APACHE[1],
        gated=False,
        uses=("chat", "summarize", "translate"),
        context_length=32768,
        note=QT_TRANSLATE_NOOP(
            "Catalog", "Small and quick, multilingual including Chinese; translations are usable for short, plain text."
        ),
    ),
    CatalogEntry(
        key="qwen2.5-1.5b",
        repo_id="Qwen/Qwen2.5-1.5B-Instruct",
        name="Qwen2.5 1.5B Instruct",
        params=1_540_000_000,
        download_bytes=int(3.09 * GB),
        languages=_QWEN_LANGS,
        license=_APACHE[0],
        license_url=_APACHE[1],
        gated=False,
        uses=("translate", "chat", "summarize"),
        context_length=32768,
        note=QT_TRANSLATE_NOOP(
            "Catalog",
            "The recommended all-rounder: chat, summaries and translation in 29+ languages including Chinese.",
        ),
    ),
    CatalogEntry(
        key="qwen2.5-3b",
        repo_id="Qwen/Qwen2.5-3B-Instruct",
        name="Qwen2.5 3B Instruct",
        params=3_090_000_000,
        download_bytes=int(6.17 * GB),
        languages=_QWEN_LANGS,
        license=QT_TRANSLATE_NOOP("Catalog", "Qwen Research License (non-commercial)"),
        license_url="https://huggingface.co/Qwen/Qwen2.5-3B-Instruct/blob/main/LICENSE",
        gated=False,
        uses=("translate", "chat", "summarize"),
        context_length=32768,
        note=QT_TRANSLATE_NOOP(
            "Catalog", "Better writing and translation than 1.5B, but needs twice the memory; not for commercial use."
        ),
    ),
    CatalogEntry(
        key="smollm2-360m",
        repo_id="HuggingFaceTB/SmolLM2-360M-Instruct",
        name="SmolLM2 360M Instruct",
        params=362_000_000,
        download_bytes=int(0.72 * GB),
        languages=("en",),
        license=_APACHE[0],
        license_url=_APACHE[1],
        gated=False,
        uses=("summarize", "chat", "continue"),
        context_length=8192,
        note=QT_TRANSLATE_NOOP(
            "Catalog", "A step up from the built-in model for English, still light enough for any computer."
        ),
    ),
    CatalogEntry(
        key="smollm2-1.7b",
        repo_id="HuggingFaceTB/SmolLM2-1.7B-Instruct",
        name="SmolLM2 1.7B Instruct",
        params=1_710_000_000,
        download_bytes=int(3.42 * GB),
        languages=("en",),
        license=_APACHE[0],
        license_url=_APACHE[1],
        gated=False,
        uses=("chat", "summarize", "continue"),
        context_length=8192,
        note=QT_TRANSLATE_NOOP("Catalog", "Good English writing and summaries; not for translation."),
    ),
    CatalogEntry(
        key="llama3.2-1b",
        repo_id="meta-llama/Llama-3.2-1B-Instruct",
        name="Llama 3.2 1B Instruct",
        params=1_240_000_000,
        download_bytes=int(2.47 * GB),
        languages=_LLAMA_LANGS,
        license=QT_TRANSLATE_NOOP("Catalog", "Llama 3.2 Community License"),
        license_url="https://huggingface.co/meta-llama/Llama-3.2-1B-Instruct/blob/main/LICENSE.txt",
        gated=True,
        uses=("chat", "summarize", "translate"),
        context_length=131072,
        note=QT_TRANSLATE_NOOP(
            "Catalog",
            "Eight languages (no Chinese). Gated: accept Meta's licence on Hugging Face and add your token first.",
        ),
    ),
    CatalogEntry(
        key="llama3.2-3b",
        repo_id="meta-llama/Llama-3.2-3B-Instruct",
        name="Llama 3.2 3B Instruct",
        params=3_210_000_000,
        download_bytes=int(6.43 * GB),
        languages=_LLAMA_LANGS,
        license=QT_TRANSLATE_NOOP("Catalog", "Llama 3.2 Community License"),
        license_url="https://huggingface.co/meta-llama/Llama-3.2-3B-Instruct/blob/main/LICENSE.txt",
        gated=True,
        uses=("chat", "summarize", "translate"),
        context_length=131072,
        note=QT_TRANSLATE_NOOP(
            "Catalog",
            "Stronger than 1B in the same eight languages. Gated: accept the licence and add your token first.",
        ),
    ),
    CatalogEntry(
        key="gemma3-1b",
        repo_id="google/gemma-3-1b-it",
        name="Gemma 3 1B IT",
        params=1_000_000_000,
        download_bytes=int(2.0 * GB),
        languages=("en",),
        license=QT_TRANSLATE_NOOP("Catalog", "Gemma Terms of Use"),
        license_url="https://ai.google.dev/gemma/terms",
        gated=True,
        uses=("chat", "summarize"),
        context_length=32768,
        note=QT_TRANSLATE_NOOP(
            "Catalog",
            "Mainly English (the larger Gemma 3 models are the multilingual ones). Gated: accept the terms first.",
        ),
    ),
)

# What the first-run notice offers: the best model that runs comfortably, by the computer's memory.
RECOMMENDED_KEY = "qwen2.5-1.5b"
FALLBACK_KEY = "qwen2.5-0.5b"
# Qwen2.5-1.5B needs ~6.3 GB on the CPU in float32; below this much RAM the rest of the computer would starve.
RECOMMENDED_MIN_RAM = 12 * GIB


def all_entries() -> tuple[CatalogEntry, ...]:
    """The embedded model first, then the downloadable ones."""
    return (EMBEDDED, *CATALOG)


def by_key(key: str) -> CatalogEntry | None:
    """An entry by its short key, its repo id (any case) or "embedded"."""
    wanted = key.strip().lower()
    for entry in all_entries():
        if wanted in (entry.key, entry.repo_id.lower()) and wanted:
            return entry
    return None


def by_repo_id(repo_id: str) -> CatalogEntry | None:
    wanted = repo_id.strip().lower()
    if not wanted:
        return None
    return next((entry for entry in CATALOG if entry.repo_id.lower() == wanted), None)


def for_use(use: Use) -> tuple[CatalogEntry, ...]:
    return tuple(entry for entry in all_entries() if entry.suits(use))


def total_memory_bytes() -> int | None:
    """Physical memory of this computer, or None when it cannot be told."""
    try:
        import psutil  # comes with accelerate; optional here

        return int(psutil.virtual_memory().total)
    except Exception:  # any failure means "unknown"
        pass
    try:
        return int(os.sysconf("SC_PAGE_SIZE")) * int(os.sysconf("SC_PHYS_PAGES"))
    except (AttributeError, ValueError, OSError):
        return None


def recommended_download(total_ram: int | None = None) -> CatalogEntry:
    """Qwen2.5-1.5B-Instruct where memory allows it comfortably, else Qwen2.5-0.5B-Instruct."""
    ram = total_memory_bytes() if total_ram is None else total_ram
    key = RECOMMENDED_KEY if ram is None or ram >= RECOMMENDED_MIN_RAM else FALLBACK_KEY
    entry = by_key(key)
    assert entry is not None
    return entry


def format_bytes(count: float) -> str:
    """Sizes the way a file manager shows them (decimal units)."""
    value = float(count)
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if abs(value) < 1000 or unit == "TB":
            if unit == "B":
                return f"{int(value)} B"
            return f"{value:.1f} {unit}" if value < 100 else f"{value:.0f} {unit}"
        value /= 1000
    return f"{value:.1f} TB"  # pragma: no cover - the loop always returns


LANGUAGE_NAMES = {
    "en": QT_TRANSLATE_NOOP("Languages", "English"),
    "zh": QT_TRANSLATE_NOOP("Languages", "Chinese"),
    "fr": QT_TRANSLATE_NOOP("Languages", "French"),
    "es": QT_TRANSLATE_NOOP("Languages", "Spanish"),
    "pt": QT_TRANSLATE_NOOP("Languages", "Portuguese"),
    "de": QT_TRANSLATE_NOOP("Languages", "German"),
    "it": QT_TRANSLATE_NOOP("Languages", "Italian"),
    "ru": QT_TRANSLATE_NOOP("Languages", "Russian"),
    "ja": QT_TRANSLATE_NOOP("Languages", "Japanese"),
    "ko": QT_TRANSLATE_NOOP("Languages", "Korean"),
    "vi": QT_TRANSLATE_NOOP("Languages", "Vietnamese"),
    "th": QT_TRANSLATE_NOOP("Languages", "Thai"),
    "ar": QT_TRANSLATE_NOOP("Languages", "Arabic"),
    "hi": QT_TRANSLATE_NOOP("Languages", "Hindi"),
}


def languages_text(entry: CatalogEntry, limit: int = 4) -> str:
    names = [LANGUAGE_NAMES.get(code, code) for code in entry.languages]
    if len(names) <= limit:
        return ", ".join(names)
    return ", ".join(names[:limit]) + f" +{len(names) - limit}"
