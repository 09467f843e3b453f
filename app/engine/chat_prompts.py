"""Chat turn -> Request: system prompt presets, grounding in a document, and fitting the history into the context.

Pure functions (token counting aside, which reads the model's tokenizer.json without torch); the chat controller
calls `build_turn` off the GUI thread. Nothing is cut silently: the plan says how many earlier messages were left
out and whether the document went in whole or as ranked passages, and a message that cannot fit at all comes back
as `TooLong` with the numbers the UI needs to explain it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from app.engine.requests import Chat, Message, Request, Role, Sampling
from app.engine.retrieval import Passage, PassageIndex, split_passages
from app.engine.token_count import TokenCounter
from app.translatable import QT_TRANSLATE_NOOP

# Chat templates wrap every message in a few special tokens (SmolLM2: "<|im_start|>user\n" ... "<|im_end|>\n").
MESSAGE_OVERHEAD = 8
# The most passages put into one question: beyond this a small model loses the thread.
MAX_PASSAGES = 8
# With both a long history and a long document, the passages get at least this share of the room.
PASSAGE_SHARE = 0.6
SNIPPET_CHARS = 160


@dataclass(frozen=True)
class Preset:
    id: str
    label: str  # source text; the UI translates it in the "ChatPresets" context
    prompt: str


PRESETS: dict[str, Preset] = {
    p.id: p
    for p in (
        Preset(
            "assistant",
            QT_TRANSLATE_NOOP("ChatPresets", "Assistant"),
            "You are a helpful, concise assistant. Answer clearly; use Markdown lists, tables or code blocks "
            "when they help.",
        ),
        Preset(
            "editor",
            QT_TRANSLATE_NOOP("ChatPresets", "Editor"),
            "You are an experienced editor. Help the user improve their writing: point out unclear sentences, "
            "errors and weak structure, and suggest concrete rewrites. Keep the author's voice.",
        ),
        Preset(
            "translator",
            QT_TRANSLATE_NOOP("ChatPresets", "Translator"),
            "You are a careful translator. Translate the user's text faithfully into the language they ask for "
            "(English if they do not say), keeping names, formatting and tone. Reply with the translation only.",
        ),
        Preset(
            "tutor",
            QT_TRANSLATE_NOOP("ChatPresets", "Tutor"),
            "You are a patient tutor. Explain step by step, check understanding with a short question, and give "
            "examples. Do not just hand over answers to exercises.",
        ),
    )
}
DEFAULT_PRESET = "assistant"
CUSTOM_PRESET = "custom"

GROUNDING_RULES = (
    "Answer from the numbered passages; cite the passages you used by number in square brackets, like [2]. "
    "If the passages do not contain the answer, say so."
)

GroundingKind = Literal["document", "selection", "attachment"]
GroundingMode = Literal["none", "whole", "passages", "no_room"]


@dataclass(frozen=True)
class Turn:
    """One earlier message as it was sent to the model, with its token count when known."""

    role: Role
    content: str
    tokens: int | None = None


@dataclass(frozen=True)
class Grounding:
    """Text the answer should be grounded in."""

    text: str
    kind: GroundingKind = "document"
    # Offset of text[0] in the editor's document, so citations can select their passage; -1: not from the
    # document (a pasted text).
    offset: int = 0


@dataclass(frozen=True)
class Citation:
    number: int
    start: int  # offsets into the document when in_document, else into the attached text
    end: int
    text: str
    in_document: bool = True

    @property
    def snippet(self) -> str:
        flat = " ".join(self.text.split())
        return flat if len(flat) <= SNIPPET_CHARS else flat[: SNIPPET_CHARS - 1].rstrip() + "…"

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "snippet": self.snippet,
            "in_document": self.in_document,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Citation:
        return cls(
            number=int(data.get("number", 0)),
            start=int(data.get("start", 0)),
            end=int(data.get("end", 0)),
            text=str(data.get("text", data.get("snippet", ""))),
            in_document=bool(data.get("in_document", True)),
        )


@dataclass(frozen=True)
class TurnInputs:
    conversation_id: str
    system_prompt: str
    history: tuple[Turn, ...]
    question: str
    context_length: int
    sampling: Sampling
    grounding: Grounding | None = None


@dataclass(frozen=True)
class TurnPlan:
    request: Request
    user_content: str  # the new user message exactly as sent
    user_tokens: int
    prompt_tokens: int  # an estimate of the whole prompt (template overhead is estimated)
    history_tokens: tuple[int, ...]  # the count of every history message, in order (kept or not)
    dropped_messages: int  # earlier messages left out because they no longer fit
    grounding_mode: GroundingMode
    citations: tuple[Citation, ...]  # passages the model was given, numbered as in the prompt
    passages_total: int  # passages in the grounding text
    exact: bool  # False: token counts are estimates (no tokenizer.json for this model)


@dataclass(frozen=True)
class TooLong:
    """The new message (or the system prompt) alone does not fit with room for an answer."""

    what: Literal["message", "system"]
    tokens: int
    limit: int
    exact: bool


def system_for(preset_id: str) -> str:
    preset = PRESETS.get(preset_id)
    return preset.prompt if preset else ""


def answer_reserve(sampling: Sampling, context_length: int) -> int:
    """Tokens kept free for the answer."""
    return max(1, min(sampling.max_new_tokens, context_length // 4))


def prompt_budget(sampling: Sampling, context_length: int) -> int:
    """Tokens the prompt may use: the context less the answer and a margin for the template's own tokens."""
    margin = 16 + context_length // 100
    return max(0, context_length - answer_reserve(sampling, context_length) - margin)


def _label(kind: GroundingKind) -> str:
    return {"document": "the document", "selection": "the selected text", "attachment": "the attached text"}[kind]


def _numbered(passages: Sequence[tuple[int, Passage]]) -> str:
    return "\n\n".join(f"[{number}] {passage.text}" for number, passage in passages)


def _citations(grounding: Grounding, numbered: Sequence[tuple[int, Passage]]) -> tuple[Citation, ...]:
    in_document = grounding.offset >= 0
    base = grounding.offset if in_document else 0
    return tuple(Citation(number, base + p.start, base + p.end, p.text, in_document) for number, p in numbered)


def _fit_history(counts: Sequence[int], history: Sequence[Turn], room: int) -> int:
    """How many of the oldest messages to leave out so the rest fit in `room`; the rest starts with a user turn."""
    total = sum(counts)
    start = 0
    while start < len(history) and (total > room or history[start].role != "user"):
        total -= counts[start]
        start += 1
    return start


def build_turn(inputs: TurnInputs, counter: TokenCounter) -> TurnPlan | TooLong:
    budget = prompt_budget(inputs.sampling, inputs.context_length)
    system = inputs.system_prompt.strip()
    system_tokens = (counter.count(system).tokens + MESSAGE_OVERHEAD) if system else 0
    if system_tokens > budget // 2:
        return TooLong("system", system_tokens, budget // 2, counter.exact)
    question = inputs.question.strip()
    question_tokens = counter.count(question).tokens + MESSAGE_OVERHEAD
    if system_tokens + question_tokens > budget:
        return TooLong("message", question_tokens, budget - system_tokens, counter.exact)

    missing = [t.content for t in inputs.history if t.tokens is None]
    fresh = iter(c.tokens for c in counter.count_many(missing)) if missing else iter(())
    counts = [(t.tokens if t.tokens is not None else next(fresh)) + MESSAGE_OVERHEAD for t in inputs.history]
    history_total = sum(counts)

    mode: GroundingMode = "none"
    citations: tuple[Citation, ...] = ()
    passages_total = 0
    user_content = question
    user_tokens = question_tokens
    grounding = inputs.grounding
    if grounding is not None and grounding.text.strip():
        passages = split_passages(grounding.text)
        passages_total = len(passages)
        label = _label(grounding.kind)
        all_numbered = [(i + 1, p) for i, p in enumerate(passages)]
        if grounding.kind == "document":
            whole_system = f"{system}\n\nThe user's document follows in numbered passages. {GROUNDING_RULES}\n\n"
            whole_system += _numbered(all_numbered)
            whole_tokens = counter.count(whole_system).tokens + MESSAGE_OVERHEAD
            fits = whole_tokens + question_tokens + history_total <= budget
            if fits:
                system, system_tokens, mode = whole_system.strip(), whole_tokens, "whole"
        else:
            whole_user = f"Numbered passages from {label}:\n\n{_numbered(all_numbered)}\n\n{question}"
            whole_user_tokens = counter.count(whole_user).tokens + MESSAGE_OVERHEAD
            if system_tokens + whole_user_tokens + history_total <= budget:
                user_content, user_tokens, mode = whole_user, whole_user_tokens, "whole"
        if mode == "whole":
            citations = _citations(grounding, all_numbered)
        else:
            header = f"Passages from {label}, best match first. {GROUNDING_RULES}\n\n"
            tail = f"\n\nQuestion: {question}"
            fixed = counter.count(header + tail).tokens + MESSAGE_OVERHEAD
            room = budget - system_tokens - fixed
            if history_total:
                room = max(int(room * PASSAGE_SHARE), room - history_total)
            chosen: list[tuple[int, Passage]] = []
            used = 0
            ranked = PassageIndex(passages).rank(question, MAX_PASSAGES)
            piece_counts = counter.count_many([r.passage.text for r in ranked]) if ranked else []
            for rank, piece in zip(ranked, piece_counts, strict=True):
                cost = piece.tokens + 4  # "[n] " and the blank line between passages
                if used + cost > room:
                    continue
                chosen.append((len(chosen) + 1, rank.passage))
                used += cost
            if chosen:
                mode = "passages"
                user_content = header + _numbered(chosen) + tail
                user_tokens = fixed + used
                citations = _citations(grounding, chosen)
            else:
                mode = "no_room"

    room = budget - system_tokens - user_tokens
    dropped = _fit_history(counts, inputs.history, room)
    kept = inputs.history[dropped:]
    messages: list[Message] = []
    if system:
        messages.append(Message("system", system))
    messages.extend(Message(t.role, t.content) for t in kept)
    messages.append(Message("user", user_content))
    request = Request(
        task="chat",
        prompt=Chat(tuple(messages)),
        sampling=inputs.sampling,
        source="chat",
        cache_key=inputs.conversation_id,
    )
    return TurnPlan(
        request=request,
        user_content=user_content,
        user_tokens=user_tokens - MESSAGE_OVERHEAD,
        prompt_tokens=system_tokens + sum(counts[dropped:]) + user_tokens,
        history_tokens=tuple(c - MESSAGE_OVERHEAD for c in counts),
        dropped_messages=dropped,
        grounding_mode=mode,
        citations=citations,
        passages_total=passages_total,
        exact=counter.exact,
    )


_CITED = re.compile(r"\[(\d{1,3})\]")


def cited_numbers(answer: str) -> list[int]:
    """Passage numbers an answer cites as [n], in order of first mention."""
    seen: list[int] = []
    for match in _CITED.finditer(answer):
        number = int(match.group(1))
        if number not in seen:
            seen.append(number)
    return seen


def citations_to_show(plan_citations: Sequence[Citation], mode: GroundingMode, answer: str) -> list[Citation]:
    """Retrieved passages are all shown (they were chosen for the question); of a whole text given in numbered
    passages, only those the answer cites."""
    if mode == "passages":
        return list(plan_citations)
    by_number = {c.number: c for c in plan_citations}
    return [by_number[n] for n in cited_numbers(answer) if n in by_number]
