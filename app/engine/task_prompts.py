"""Prompts for summarizing and translating, and what the loaded model is known to be poor at. Pure functions.

Every builder returns a `Request` with a `Chat` prompt (the backend applies the model's chat template). Small
models follow short, plain English instructions best, so instructions are in English whatever the text's
language, and the language to write in is named explicitly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from app.engine.chunking import Budget, Count, Segment, Step, SummaryPlan, SummaryRun
from app.engine.language import BY_CODE, Language
from app.engine.requests import Chat, Message, Request, Sampling

Length = Literal["sentence", "paragraph", "detailed"]
Style = Literal["prose", "bullets", "key_points"]
LENGTHS: tuple[Length, ...] = ("sentence", "paragraph", "detailed")
STYLES: tuple[Style, ...] = ("prose", "bullets", "key_points")

# Room for the answer, by length; key points + action items need a little more.
ANSWER_TOKENS: dict[str, int] = {"sentence": 80, "paragraph": 220, "detailed": 600}
KEY_POINTS_EXTRA_TOKENS = 120
# Room for the summary of one part of a long text (and of a group of part summaries).
PART_ANSWER_TOKENS = 160
# Chat-template tokens around each message (role markers, separators), counted generously.
TEMPLATE_TOKENS_PER_MESSAGE = 8
PROMPT_MARGIN_TOKENS = 16


@dataclass(frozen=True)
class SummaryOptions:
    length: Length = "paragraph"
    style: Style = "prose"
    language: str = ""  # a code from app.engine.language; "" writes in the text's own language
    seed: int | None = None  # reproducible sampling (benchmarks)
    answer_tokens: int | None = None  # override the length's room for the answer (tests, benchmarks)
    part_answer_tokens: int = PART_ANSWER_TOKENS
    # The user's sampling settings for summaries (Settings → Generation). Low temperature: a summary should follow
    # the text, but Regenerate should still give a different wording.
    temperature: float = 0.3
    top_p: float = 0.9
    top_k: int = 50
    repetition_penalty: float = 1.1

    @property
    def final_answer_tokens(self) -> int:
        if self.answer_tokens is not None:
            return self.answer_tokens
        extra = KEY_POINTS_EXTRA_TOKENS if self.style == "key_points" else 0
        return ANSWER_TOKENS[self.length] + extra


SUMMARY_SYSTEM = "You are a careful editor. You write accurate, concise summaries and never invent facts."
TRANSLATE_SYSTEM = "You are a professional translator. You translate faithfully and reply with the translation only."


def _language_phrase(options: SummaryOptions, text_language: str | None) -> str:
    chosen = BY_CODE.get(options.language) if options.language else None
    if chosen is not None:
        return f"Write in {chosen.english}."
    known = BY_CODE.get(text_language) if text_language else None
    if known is not None:
        return f"Write in {known.english}, the language of the text."
    return "Write in the same language as the text."


def _length_phrase(length: Length) -> str:
    return {
        "sentence": "in one sentence",
        "paragraph": "in one short paragraph of three to five sentences",
        "detailed": "in detail, in several paragraphs that together cover every main point",
    }[length]


def _style_phrase(style: Style) -> str:
    return {
        "prose": "Write plain prose.",
        "bullets": 'Write it as a bulleted list: one point per line, each line starting with "- ".',
        "key_points": (
            'Write two sections. First "Key points:" followed by a bulleted list of the main points. Then '
            '"Action items:" followed by a bulleted list of the tasks, decisions and next steps the text mentions '
            '(write "- None" if it mentions none).'
        ),
    }[style]


def _summary_sampling(options: SummaryOptions, max_new_tokens: int) -> Sampling:
    return Sampling(
        max_new_tokens=max_new_tokens,
        temperature=options.temperature,
        top_p=options.top_p,
        top_k=options.top_k,
        repetition_penalty=options.repetition_penalty,
        greedy=options.temperature <= 0.0,
        seed=options.seed,
    )


def _chat(system: str, user: str) -> Chat:
    return Chat((Message("system", system), Message("user", user)))


def summarize(
    text: str,
    options: SummaryOptions,
    *,
    max_new_tokens: int | None = None,
    text_language: str | None = None,
    source: str = "summarize",
) -> Request:
    """One-pass summary of a text that fits the context."""
    answer = max_new_tokens or options.final_answer_tokens
    user = (
        f"{text.strip()}\n\n---\n\nSummarize the text above {_length_phrase(options.length)}. "
        f"{_style_phrase(options.style)} {_language_phrase(options, text_language)}"
    )
    return Request("summarize", _chat(SUMMARY_SYSTEM, user), _summary_sampling(options, answer), source=source)


def summarize_part(
    text: str,
    index: int,
    total: int,
    options: SummaryOptions,
    *,
    max_new_tokens: int | None = None,
    text_language: str | None = None,
    source: str = "summarize",
) -> Request:
    """Summary of part `index` (0-based) of `total` of a long text: the map step."""
    answer = max_new_tokens or options.part_answer_tokens
    user = (
        f"This is part {index + 1} of {total} of a longer document.\n\n{text.strip()}\n\n---\n\n"
        "Summarize this part in one short paragraph. Keep the names, numbers, decisions and conclusions it "
        f"contains. {_language_phrase(options, text_language)}"
    )
    return Request("summarize-part", _chat(SUMMARY_SYSTEM, user), _summary_sampling(options, answer), source=source)


def _part_label(first: int, last: int) -> str:
    return f"Part {first + 1}" if first == last else f"Parts {first + 1}–{last + 1}"


def combine_summaries(
    summaries: Sequence[tuple[tuple[int, int], str]],
    options: SummaryOptions,
    *,
    final: bool,
    max_new_tokens: int | None = None,
    text_language: str | None = None,
    source: str = "summarize",
) -> Request:
    """Combine summaries of consecutive parts, given as ((first part, last part), summary), in document order.

    The final combination writes the summary the user asked for; an intermediate one a short paragraph.
    """
    listed = "\n\n".join(f"{_part_label(*covered)}: {text.strip()}" for covered, text in summaries if text.strip())
    intro = "These are summaries of consecutive parts of one document, in order:"
    if final:
        ask = (
            f"Using them, summarize the whole document {_length_phrase(options.length)}. "
            f"{_style_phrase(options.style)} {_language_phrase(options, text_language)}"
        )
        answer = max_new_tokens or options.final_answer_tokens
    else:
        ask = (
            "Combine them into one short paragraph that keeps the main points, names and numbers. "
            f"{_language_phrase(options, text_language)}"
        )
        answer = max_new_tokens or options.part_answer_tokens
    user = f"{intro}\n\n{listed}\n\n---\n\n{ask}"
    task = "summarize-combine"
    return Request(task, _chat(SUMMARY_SYSTEM, user), _summary_sampling(options, answer), source=source)


def _message_tokens(request: Request, count: Count) -> int:
    assert isinstance(request.prompt, Chat)
    messages = request.prompt.messages
    return sum(count(m.content) for m in messages) + TEMPLATE_TOKENS_PER_MESSAGE * len(messages)


def summary_budget(
    context_length: int, options: SummaryOptions, count: Count, *, part_tokens: int | None = None
) -> Budget:
    """The plan's budget: the largest prompt the builders above wrap around a text, and the answers' room."""
    filler = "x"
    wrappers = [
        summarize(filler, options),
        summarize_part(filler, 998, 999, options),
        combine_summaries([((0, 998), filler)], options, final=True),
        combine_summaries([((0, 998), filler)], options, final=False),
    ]
    prompt_tokens = max(_message_tokens(r, count) for r in wrappers) + PROMPT_MARGIN_TOKENS
    return Budget(
        context_length=context_length,
        prompt_tokens=prompt_tokens,
        answer_tokens=options.final_answer_tokens,
        part_answer_tokens=options.part_answer_tokens,
        part_tokens=part_tokens,
    )


def summary_request(
    run: SummaryRun,
    step: Step,
    options: SummaryOptions,
    *,
    text_language: str | None = None,
    source: str = "summarize",
) -> Request:
    """The request for one step of a summary plan (the GUI and the CLI both run plans through this)."""
    plan: SummaryPlan = run.plan
    max_new = plan.max_new_tokens(step)
    if plan.single_pass:
        return summarize(
            run.inputs(step)[0], options, max_new_tokens=max_new, text_language=text_language, source=source
        )
    if step.level == 0:
        return summarize_part(
            run.inputs(step)[0],
            step.index,
            step.of,
            options,
            max_new_tokens=max_new,
            text_language=text_language,
            source=source,
        )
    below = plan.levels[step.level - 1]
    covered = [plan.covered_parts(below[i]) for i in step.inputs]
    return combine_summaries(
        list(zip(covered, run.inputs(step), strict=True)),
        options,
        final=step.final,
        max_new_tokens=max_new,
        text_language=text_language,
        source=source,
    )


# -- translation ---------------------------------------------------------------------------------------------

# Longest piece of text sent in one translation request: progress stays visible and answers stay short.
TRANSLATE_SEGMENT_TOKENS = 400
# Room for the translation: a target language can need several times the source's tokens (CJK with a Latin-heavy
# vocabulary).
TRANSLATION_GROWTH = 3
TRANSLATION_EXTRA_TOKENS = 16

_KIND_WORDS = {
    "paragraph": "text",
    "heading": "heading",
    "list_item": "list item",
    "quote": "quotation",
    "table_cell": "table cell",
}


def translate(
    segment: Segment,
    target: Language,
    source_language: Language | None,
    *,
    max_new_tokens: int,
    base: Sampling | None = None,
    source: str = "translate",
) -> Request:
    """Translate one segment of a document (see chunking.markdown_segments); its markup is not sent."""
    what = _KIND_WORDS.get(segment.kind, "text")
    origin = f" from {source_language.english}" if source_language is not None else ""
    keep = "Keep the line breaks, the Markdown formatting, names, numbers and anything in `backticks` unchanged."
    if segment.kind == "table_cell":
        keep = "Keep it short and on one line; keep names and numbers unchanged."
    elif segment.kind == "heading":
        keep = "Keep it one line; keep names and numbers unchanged."
    user = (
        f"Translate this {what}{origin} into {target.english}. {keep} Reply with the translation only.\n\n"
        f"{segment.text}"
    )
    # Greedy (temperature 0, the default) with prompt lookup: a translation copies names, numbers and markup from
    # its source, which is what prompt-lookup decoding speeds up. A user who sets a temperature gets sampling.
    if base is None or base.temperature <= 0.0:
        sampling = Sampling(
            max_new_tokens=max_new_tokens,
            greedy=True,
            repetition_penalty=base.repetition_penalty if base is not None else 1.0,
            prompt_lookup_tokens=10,
        )
    else:
        sampling = Sampling(
            max_new_tokens=max_new_tokens,
            temperature=base.temperature,
            top_p=base.top_p,
            top_k=base.top_k,
            repetition_penalty=base.repetition_penalty,
        )
    return Request("translate", _chat(TRANSLATE_SYSTEM, user), sampling, source=source)


def translation_prompt_tokens(count: Count) -> int:
    """Tokens of the translation prompt around a segment's text."""
    sample = Segment("paragraph", "x")
    request = translate(sample, BY_CODE["zh-Hans"], BY_CODE["en"], max_new_tokens=1)
    return _message_tokens(request, count) + PROMPT_MARGIN_TOKENS


def translation_segment_tokens(context_length: int, prompt_tokens: int) -> int:
    """The longest segment to send, so that the prompt and a translation several times longer fit the context."""
    room = (context_length - prompt_tokens - TRANSLATION_EXTRA_TOKENS) // (1 + TRANSLATION_GROWTH)
    return max(16, min(TRANSLATE_SEGMENT_TOKENS, room))


def translation_max_new_tokens(source_tokens: int, context_length: int, prompt_tokens: int) -> int:
    wanted = source_tokens * TRANSLATION_GROWTH + TRANSLATION_EXTRA_TOKENS
    return max(1, min(wanted, context_length - prompt_tokens - source_tokens))


class TranslationStream:
    """Turns a segment's streamed translation into document text, piece by piece (append-only).

    Leading white space is dropped and trailing white space held back (the blank lines around a segment are the
    document's, kept verbatim); line breaks get the segment's line markup; a heading or table cell stays on one
    line, and a table cell escapes its pipes. A segment never holds a blank line (blocks are split on them), so a
    blank line in the answer means the model has gone past the translation ("Note: …"): the rest is dropped, and
    the document keeps its own paragraph breaks. If the model writes nothing, the original text is kept: a
    translation never loses text.
    """

    def __init__(self, segment: Segment) -> None:
        self.segment = segment
        self._started = False
        self._pending = ""
        self._single_line = segment.kind in ("heading", "table_cell")
        self._escape_pipes = segment.kind == "table_cell"
        self._ended = False  # the model went on past the translation

    def feed(self, text: str) -> str:
        out: list[str] = []
        for ch in text:
            if self._ended:
                break
            if ch.isspace():
                if self._started and ch == "\n" and self._pending.count("\n") >= 1:
                    self._ended = True
                    self._pending = ""
                    break
                if self._started:
                    self._pending += ch
                continue
            if not self._started:
                self._started = True
            if self._pending:
                out.append(self._gap(self._pending))
                self._pending = ""
            out.append("\\|" if ch == "|" and self._escape_pipes else ch)
        return "".join(out)

    def _gap(self, space: str) -> str:
        if self._single_line:
            return " " if ("\n" in space or "\r" in space) else space
        if self.segment.line_prefix:
            return space.replace("\n", "\n" + self.segment.line_prefix)
        return space

    def finish(self) -> str:
        """What is still to append once the model is done."""
        self._pending = ""
        if not self._started:
            self._started = True
            return self.segment.render()[len(self.segment.prefix) :]
        return ""

    @property
    def wrote_anything(self) -> bool:
        return self._started


# -- what a model is known to be poor at ---------------------------------------------------------------------

SUGGESTED_MODEL = "Qwen2.5-1.5B-Instruct"
Task = Literal["translate", "summarize", "summarize_other_language"]

# Lower-cased name fragments of models we measured, and the tasks they cannot do acceptably.
_WEAK: tuple[tuple[str, frozenset[str]], ...] = (
    ("smollm2-135m", frozenset({"translate", "summarize_other_language"})),
    ("smollm2-360m", frozenset({"translate", "summarize_other_language"})),
    ("smollm-135m", frozenset({"translate", "summarize_other_language", "summarize"})),
    ("gemma-3-270m", frozenset({"translate", "summarize", "summarize_other_language"})),
)


def weak_at(model_name: str, task: Task) -> bool:
    name = model_name.casefold()
    return any(fragment in name and task in tasks for fragment, tasks in _WEAK)


def capability_note(model_name: str, task: Task) -> str | None:
    """A plain sentence for the CLI when the model is known to be poor at `task` (the GUI words its own)."""
    if not weak_at(model_name, task):
        return None
    doing = {
        "translate": "cannot translate reliably",
        "summarize": "writes poor summaries",
        "summarize_other_language": "writes poorly in languages other than English",
    }[task]
    return (
        f"{model_name} {doing}. For better results, use a larger multilingual model such as {SUGGESTED_MODEL} "
        "(in the app: the model manager; here: --model)."
    )
