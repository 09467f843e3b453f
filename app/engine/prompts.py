"""Task -> prompt. Pure functions; the one place where Inkwell's prompts are written down."""

from __future__ import annotations

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
