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
EDITOR_SYSTEM = "You are an editor. {instruction} Reply with the text only: no introduction, no explanation."

EDIT_INSTRUCTIONS = {
    "rewrite": "Rewrite the user's text so that it reads clearly and smoothly, keeping its meaning and language.",
    "proofread": "Rewrite the user's text with correct spelling, grammar and punctuation. Keep everything else the "
    "same.",
    "shorten": "Shorten the user's text to about half its length, keeping its key points.",
    "expand": "Expand the user's text with more detail, in the same language, tone and style.",
    "formal": "Rewrite the user's text in a formal, professional tone, keeping its meaning.",
    "friendly": "Rewrite the user's text in a warm, friendly tone, keeping its meaning.",
    "translate": "Translate the user's text into {language}. Keep the paragraphs and the formatting.",
    "explain": "Explain the user's text in plain words for a general reader.",
}

# One worked example per task: small models (the embedded 135M one) follow an example far better than an
# instruction alone, and larger ones lose nothing by it.
EDIT_EXAMPLES = {
    "rewrite": (
        "The meeting, which was long, it went on and on and we did not really decide anything at all.",
        "The meeting dragged on for hours and ended without a decision.",
    ),
    "proofread": ("Teh cat are sleeping on the the sofa.", "The cat is sleeping on the sofa."),
    "shorten": (
        "We would like to take this opportunity to let you know that our office will be closed on Monday due to "
        "the public holiday.",
        "Our office is closed on Monday for the public holiday.",
    ),
    "expand": (
        "The garden was beautiful.",
        "The garden was beautiful: roses climbed the old brick wall, bees hummed between the lavender, and the "
        "lawn glowed in the late afternoon sun.",
    ),
    "formal": (
        "Hey, can you send me that report asap? Thanks!",
        "Could you please send me the report at your earliest convenience? Thank you.",
    ),
    "friendly": (
        "Your request has been received and will be processed in due course.",
        "Thanks for getting in touch! We've got your request and we'll get back to you soon.",
    ),
    "explain": (
        "E = mc²",
        "Energy equals mass times the speed of light squared: even a tiny amount of mass holds an enormous amount "
        "of energy.",
    ),
}

# "Good morning! How are you today?" in each target language, for the translation example.
GREETING = {
    "English": "Good morning! How are you today?",
    "Simplified Chinese": "早上好！你今天好吗？",
    "Traditional Chinese": "早安！你今天好嗎？",
    "Japanese": "おはようございます！今日はお元気ですか？",
    "Korean": "좋은 아침입니다! 오늘 어떻게 지내세요?",
    "German": "Guten Morgen! Wie geht es Ihnen heute?",
    "French": "Bonjour ! Comment allez-vous aujourd'hui ?",
    "Spanish": "¡Buenos días! ¿Cómo está hoy?",
    "Italian": "Buongiorno! Come sta oggi?",
    "Portuguese": "Bom dia! Como está hoje?",
    "Russian": "Доброе утро! Как у вас дела сегодня?",
    "Arabic": "صباح الخير! كيف حالك اليوم؟",
}


def _example(task: str, language: str) -> tuple[str, str] | None:
    if task != "translate":
        return EDIT_EXAMPLES.get(task)
    target = GREETING.get(language)
    if target is None:
        return None
    source = GREETING["French"] if language == "English" else GREETING["English"]
    return source, target


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
    """A request for one of EDIT_INSTRUCTIONS on `passage`: instruction, one worked example, then the passage."""
    instruction = EDIT_INSTRUCTIONS[task].format(language=language)
    messages = [Message("system", EDITOR_SYSTEM.format(instruction=instruction))]
    example = _example(task, language)
    if example is not None:
        messages += [Message("user", example[0]), Message("assistant", example[1])]
    messages.append(Message("user", passage))
    return Request(task=task, prompt=Chat(tuple(messages)), sampling=sampling, source="editor")


def custom_action(template: str, passage: str, sampling: Sampling) -> Request:
    """A user's own action: their prompt with {text} replaced by the passage (appended when {text} is missing)."""
    prompt = template.replace("{text}", passage) if "{text}" in template else f"{template}\n\n{passage}"
    system = EDITOR_SYSTEM.format(instruction="Follow the user's instruction about their text.")
    messages = (Message("system", system), Message("user", prompt))
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
