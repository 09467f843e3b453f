"""The curated model list: complete, consistent, honest about the embedded model, and a sane first recommendation."""

from __future__ import annotations

from app.engine.catalog import (
    CATALOG,
    EMBEDDED,
    GIB,
    RECOMMENDED_MIN_RAM,
    all_entries,
    by_key,
    by_repo_id,
    for_use,
    format_bytes,
    languages_text,
    recommended_download,
    total_memory_bytes,
)
from app.engine.downloads import is_repo_id


def test_the_issue_s_models_are_all_there() -> None:
    assert [entry.repo_id for entry in CATALOG] == [
        "Qwen/Qwen2.5-0.5B-Instruct",
        "Qwen/Qwen2.5-1.5B-Instruct",
        "Qwen/Qwen2.5-3B-Instruct",
        "HuggingFaceTB/SmolLM2-360M-Instruct",
        "HuggingFaceTB/SmolLM2-1.7B-Instruct",
        "meta-llama/Llama-3.2-1B-Instruct",
        "meta-llama/Llama-3.2-3B-Instruct",
        "google/gemma-3-1b-it",
    ]
    assert all_entries()[0] is EMBEDDED


def test_every_entry_is_complete_and_consistent() -> None:
    keys = [entry.key for entry in all_entries()]
    assert len(keys) == len(set(keys))
    for entry in CATALOG:
        assert is_repo_id(entry.repo_id) and entry.hub_url == f"https://huggingface.co/{entry.repo_id}"
        assert entry.license and entry.license_url.startswith("https://") and entry.note
        assert entry.uses and set(entry.uses) <= {"chat", "translate", "summarize", "continue"}
        assert entry.languages[0] == "en" and entry.context_length >= 8192
        # The published weights are bf16: about two bytes a parameter, which catches a mistyped size or count.
        assert 0.9 < entry.download_bytes / (2 * entry.params) < 1.1
        assert entry.ram_bytes > entry.vram_bytes > entry.download_bytes
    gated = {entry.key for entry in CATALOG if entry.gated}
    assert gated == {"llama3.2-1b", "llama3.2-3b", "gemma3-1b"}
    assert all("Gated" in by_key(key).note for key in gated)  # type: ignore[union-attr]


def test_the_embedded_model_is_described_honestly() -> None:
    assert EMBEDDED.embedded and EMBEDDED.repo_id == "" and EMBEDDED.download_bytes == 0
    assert "not for translation or Chinese" in EMBEDDED.note and "short English text" in EMBEDDED.note
    assert not EMBEDDED.suits("translate") and EMBEDDED.languages == ("en",)
    assert EMBEDDED not in for_use("translate")


def test_translation_means_multilingual_models() -> None:
    translators = for_use("translate")
    assert translators and all(len(entry.languages) > 1 for entry in translators)
    chinese = [entry.key for entry in translators if "zh" in entry.languages]
    assert chinese == ["qwen2.5-0.5b", "qwen2.5-1.5b", "qwen2.5-3b"]
    assert languages_text(by_key("qwen2.5-1.5b"), 3) == "English, Chinese, French +10"  # type: ignore[arg-type]


def test_lookup_by_key_or_repo_id() -> None:
    assert by_key("qwen2.5-1.5b") is by_key("qwen/qwen2.5-1.5b-instruct") is by_repo_id("Qwen/Qwen2.5-1.5B-Instruct")
    assert by_key("embedded") is EMBEDDED
    assert by_key("") is None and by_key("nobody/nothing") is None and by_repo_id("") is None


def test_the_first_run_recommendation_follows_memory() -> None:
    assert recommended_download(32 * GIB).key == "qwen2.5-1.5b"
    assert recommended_download(RECOMMENDED_MIN_RAM).key == "qwen2.5-1.5b"
    assert recommended_download(8 * GIB).key == "qwen2.5-0.5b"
    ram = total_memory_bytes()
    assert ram is not None and ram > 512 * 1024**2  # this machine's real memory
    assert recommended_download().key == ("qwen2.5-1.5b" if ram >= RECOMMENDED_MIN_RAM else "qwen2.5-0.5b")


def test_sizes_read_like_a_file_manager() -> None:
    assert format_bytes(0) == "0 B"
    assert format_bytes(999) == "999 B"
    assert format_bytes(1_500) == "1.5 KB"
    assert format_bytes(3_087_467_144) == "3.1 GB"
    assert format_bytes(123_000_000) == "123 MB"
