"""Task -> prompt. Pure functions; the one place where Inkwell's prompts are written down."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from app.engine.requests import Chat, Message, RawText, Request, Sampling

# Continue-writing reads only the text nearest the cursor: the model's context keeps the end of it anyway,
# and sending a whole novel over the pipe for each Ctrl+Enter would be wasted work.
CONTINUE_CONTEXT_CHARS = 6000


def continue_writing(text_before_cursor: str, sampling: Sampling, source: str = "editor") -> Request:
    """Continue the user's text as the model would: the text itself is the prompt, no instructions."""
    return Request(
        task="continue",
        prompt=RawText(text_before_cursor[-CONTINUE_CONTEXT_CHARS:], keep_tail=True),
        sampling=sampling,
        source=source,
    )


def chat(question: str, sampling: Sampling, system: str | None = None, source: str = "chat") -> Request:
    messages: list[Message] = []
    if system:
        messages.append(Message("system", system))
    messages.append(Message("user", question))
    return Request(task="chat", prompt=Chat(tuple(messages)), sampling=sampling, source=source)


def render_plain_chat(messages: Sequence[Message]) -> str:
    """A neutral transcript for models that ship no chat template."""
    labels = {"system": "System", "user": "User", "assistant": "Assistant"}
    lines = [f"{labels[m.role]}: {m.content.strip()}" for m in messages]
    return "\n\n".join([*lines, "Assistant:"])


# -- actions on the selection (the review view) --------------------------------------------------------------
EDITOR_SYSTEM = (
    "You are a careful writing assistant inside a text editor. You receive a passage and an instruction. "
    "Reply with the resulting text only: no introduction, no explanation, no quotation marks around it."
)

EDIT_INSTRUCTIONS = {
    "rewrite": "Rewrite the passage so that it reads clearly and smoothly. Keep its meaning, its language and its "
    "formatting.",
    "proofread": "Correct the spelling, grammar and punctuation of the passage. Change nothing else: keep the wording, "
    "the style, the language and the formatting.",
    "shorten": "Shorten the passage to about half its length. Keep the key points, the language and the tone.",
    "expand": "Expand the passage with more detail and examples, in the same language, tone and style.",
    "formal": "Rewrite the passage in a formal, professional tone. Keep its meaning and its language.",
    "friendly": "Rewrite the passage in a warm, friendly tone. Keep its meaning and its language.",
    "translate": "Translate the passage into {language}. Keep the formatting (paragraphs, lists, Markdown).",
    "explain": "Explain the passage in plain words for a general reader: what it says and what it means.",
}

# Tasks whose output repeats the input closely: prompt-lookup decoding copies spans from the prompt (~3x faster).
GROUNDED_TASKS = frozenset({"rewrite", "proofread", "shorten", "formal", "friendly", "translate"})
# Tasks that must not invent: greedy decoding keeps a proofread to the corrections.
GREEDY_TASKS = frozenset({"proofread"})
PROMPT_LOOKUP_TOKENS = 10


def edit_sampling(task: str, input_tokens: int, context_length: int, base: Sampling | None = None) -> Sampling:
    """Room for the answer: about the input's length (twice for expand), within the context, unless the user set a
    maximum; the user's temperature and penalties (`base`), except for proofreading, which stays greedy."""
    base = base or Sampling(temperature=0.4, repetition_penalty=1.05, max_new_tokens=0)
    factor = 2.5 if task in ("expand", "explain") else 1.5
    automatic = max(64, min(int(input_tokens * factor) + 64, max(64, context_length // 2)))
    max_new = base.max_new_tokens or automatic
    lookup = PROMPT_LOOKUP_TOKENS if task in GROUNDED_TASKS else 0
    if task in GREEDY_TASKS:
        return Sampling(max_new_tokens=max_new, greedy=True, repetition_penalty=1.0, prompt_lookup_tokens=lookup)
    return dataclasses.replace(base, max_new_tokens=max_new, prompt_lookup_tokens=lookup)


def edit_selection(task: str, passage: str, sampling: Sampling, *, language: str = "English") -> Request:
    """A request for one of EDIT_INSTRUCTIONS on `passage`."""
    instruction = EDIT_INSTRUCTIONS[task].format(language=language)
    user = f"{instruction}\n\nPassage:\n{passage}"
    messages = (Message("system", EDITOR_SYSTEM), Message("user", user))
    return Request(task=task, prompt=Chat(messages), sampling=sampling, source="editor")


def custom_action(template: str, passage: str, sampling: Sampling) -> Request:
    """A user's own action: their prompt with {text} replaced by the passage (appended when {text} is missing)."""
    prompt = template.replace("{text}", passage) if "{text}" in template else f"{template}\n\n{passage}"
    messages = (Message("system", EDITOR_SYSTEM), Message("user", prompt))
    return Request(task="custom", prompt=Chat(messages), sampling=sampling, source="editor")


_PREAMBLE = (
    "here is",
    "here's",
    "sure",
    "certainly",
    "of course",
    "the corrected",
    "the rewritten",
    "the revised",
    "the translation",
    "the shortened",
    "the expanded",
    "corrected text",
    "rewritten text",
    "revised text",
    "translated text",
)


def clean_edit_output(text: str, original: str) -> str:
    """Strip what small models wrap around an edit: a "Here is the text:" line, quotes, the echoed label."""
    result = text.strip("\n")
    first, _, rest = result.partition("\n")
    if rest and first.rstrip().endswith(":") and first.strip().lower().startswith(_PREAMBLE):
        result = rest.lstrip("\n")
    if result.lower().startswith("passage:"):
        result = result[len("passage:") :].lstrip()
    for quote in ('"', "“", "'"):
        closing = "”" if quote == "“" else quote
        if len(result) > 1 and result.startswith(quote) and result.endswith(closing) and not original.startswith(quote):
            result = result[1:-1]
    # Keep the passage's own surrounding whitespace, so that accepting never glues or splits paragraphs.
    leading = original[: len(original) - len(original.lstrip())]
    trailing = original[len(original.rstrip()) :]
    return leading + result.strip() + trailing
