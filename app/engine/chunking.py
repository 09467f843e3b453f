"""Token-aware splitting of long texts, map-reduce summary plans, and Markdown segments for translation. Pure.

Splitting works on character spans, so the parts of a text always join back into exactly that text: nothing is
ever dropped. It cuts at the largest structure that gives parts small enough (sections before headings,
paragraphs, sentences, lines, words) and only cuts inside a word when one "word" alone is too long (a run of
CJK text or a pasted hash with no spaces).

Token counts come from an injected `count(text) -> int` (the model's tokenizer in the app, anything in tests).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

Count = Callable[[str], int]
Span = tuple[int, int]

# -- structure -----------------------------------------------------------------------------------------------

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
_BLANK = re.compile(r"^[ \t]*$")
# A sentence ends at . ! ? … (optionally closed by quotes or brackets) followed by white space; CJK full stops
# end a sentence with or without the space that those scripts do not use.
_SENTENCE_END = re.compile(r"(?:[.!?…]+[\"'”’»)\]]*\s+|[。！？]+[」』”’）)]*\s*)")
_WORD_GAP = re.compile(r"\s+")


def whole_sentences(text: str) -> str:
    """`text` up to its last sentence end; all of it when that would drop two thirds (one long sentence)."""
    if not text or text[-1] in ".!?…。！？":
        return text
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    if not ends or ends[-1] < len(text) // 3:
        return text
    return text[: ends[-1]].rstrip()


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end including the line break, line without the break) for each line."""
    position = 0
    for line in text.splitlines(keepends=True):
        yield position, position + len(line), line.rstrip("\r\n")
        position += len(line)


def _fence_closes(line: str, opener: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and stripped[0] == opener[0] and set(stripped) == {opener[0]} and len(stripped) >= len(opener)


def _structure_cuts(text: str) -> tuple[list[int], list[int]]:
    """(cuts before headings, cuts between paragraphs), never inside a fenced code block."""
    sections: list[int] = []
    paragraphs: list[int] = []
    fence: str | None = None
    previous_blank = False
    for start, end, line in _lines(text):
        if fence is not None:
            if _fence_closes(line, fence):
                fence = None
                paragraphs.append(end)  # a code block is a paragraph of its own
            continue
        opened = _FENCE.match(line)
        if opened:
            fence = opened.group(1)
            paragraphs.append(start)
            previous_blank = False
            continue
        blank = bool(_BLANK.match(line))
        if not blank and previous_blank:
            paragraphs.append(start)
        if _HEADING.match(line):
            sections.append(start)
            paragraphs.append(start)
            paragraphs.append(end)  # the heading line is its own paragraph
        previous_blank = blank
    return sections, paragraphs


def _inner(cuts: Sequence[int], start: int, end: int) -> list[int]:
    return sorted({c for c in cuts if start < c < end})


def _regex_cuts(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[int]:
    return [m.end() for m in pattern.finditer(text, start, end) if start < m.end() < end]


def _line_cuts(text: str, start: int, end: int) -> list[int]:
    cuts = []
    position = text.find("\n", start, end)
    while position != -1:
        if position + 1 < end:
            cuts.append(position + 1)
        position = text.find("\n", position + 1, end)
    return cuts


# -- splitting -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Atom:
    start: int
    end: int
    tokens: int
    # How good a place the start of this atom is to begin a part: 0 a heading, 1 a paragraph, 2 a sentence,
    # 3 a line, 4 a word, 5 inside a word.
    strength: int


class _Splitter:
    """Splits text into spans of at most `budget` tokens, cutting at the strongest boundaries it can."""

    # Paragraph cuts include heading cuts; a cut's strength says which it is.
    LEVELS = ("paragraph", "sentence", "line", "word")
    HARD = 5
    # A part may end early, at a stronger boundary, if it keeps at least this share of what would fit.
    MIN_FILL = 0.75

    def __init__(self, text: str, budget: int, count: Count) -> None:
        if budget < 1:
            raise ValueError("the part budget must be at least one token")
        self.text = text
        self.budget = budget
        self.count = count
        sections, self._paragraphs = _structure_cuts(text)
        self._sections = set(sections)
        self.hard_cuts = 0  # cuts made inside a word because one word alone was too long

    def tokens(self, start: int, end: int) -> int:
        return self.count(self.text[start:end])

    def _cuts(self, depth: int, start: int, end: int) -> list[int]:
        level = self.LEVELS[depth]
        if level == "paragraph":
            return _inner(self._paragraphs, start, end)
        if level == "sentence":
            return _regex_cuts(_SENTENCE_END, self.text, start, end)
        if level == "line":
            return _line_cuts(self.text, start, end)
        return _regex_cuts(_WORD_GAP, self.text, start, end)

    def _strength(self, depth: int, cut: int) -> int:
        if depth == 0:
            return 0 if cut in self._sections else 1
        return depth + 1

    def atoms(self, start: int, end: int, strength: int = 0, depth: int = 0) -> list[_Atom]:
        """Pieces that each fit the budget, in order, covering [start, end): paragraphs, or smaller where needed."""
        tokens = self.tokens(start, end)
        if tokens <= self.budget and depth > 0:
            return [_Atom(start, end, tokens, strength)]
        for level in range(depth, len(self.LEVELS)):
            cuts = self._cuts(level, start, end)
            if cuts:
                bounds = [start, *cuts, end]
                found: list[_Atom] = []
                for n, (a, b) in enumerate(itertools.pairwise(bounds)):
                    found.extend(self.atoms(a, b, strength if n == 0 else self._strength(level, a), level + 1))
                return found
        if tokens <= self.budget:
            return [_Atom(start, end, tokens, strength)]
        return self._hard_split(start, end, tokens, strength)

    def _longest_fit(self, start: int, low: int, high: int) -> int:
        """The largest size in [low, high] with text[start:start+size] within budget (`low` must fit)."""
        while low < high:
            middle = (low + high + 1) // 2
            if self.tokens(start, start + middle) <= self.budget:
                low = middle
            else:
                high = middle - 1
        return low

    def _hard_split(self, start: int, end: int, tokens: int, strength: int) -> list[_Atom]:
        """Cut one over-long word by characters: the longest prefix that fits, again and again."""
        found: list[_Atom] = []
        # Characters per token of this word aim the search; the search itself uses real counts.
        guess = max(1, (end - start) * self.budget // max(tokens, 1))
        while start < end:
            high = min(end - start, guess * 2)
            size = high if high == end - start and self.tokens(start, end) <= self.budget else 0
            if not size:
                size = self._longest_fit(start, 1, high)
                self.hard_cuts += 1
            found.append(
                _Atom(start, start + size, self.tokens(start, start + size), strength if not found else self.HARD)
            )
            start += size
        return found

    def pack(self, atoms: list[_Atom], target: int) -> list[Span]:
        """Join consecutive atoms into parts of at most `target` tokens, counted on the joined text.

        Counts of atoms add up to more than the count of their joined text (a word and the space before it merge
        into one token), so their sum only aims the search; parts are grown and checked with real counts. A part
        ends at the strongest boundary (a heading before a paragraph before a sentence) among the last 25% of
        what would fit.
        """
        parts: list[Span] = []
        sums = [0]
        for atom in atoms:
            sums.append(sums[-1] + atom.tokens)
        i = 0
        while i < len(atoms):
            first = atoms[i].start

            def fits(j: int, first: int = first) -> bool:  # atoms i..j-1 joined
                return self.tokens(first, atoms[j - 1].end) <= target

            j = i + 1
            while j < len(atoms) and sums[j + 1] - sums[i] <= target:
                j += 1
            while j - i > 1 and not fits(j):
                j -= 1
            if j < len(atoms) and fits(j + 1):
                low, step = j + 1, 1
                while low + step <= len(atoms) and fits(low + step):
                    low += step
                    step *= 2
                high = min(len(atoms), low + step - 1)
                while low < high:
                    middle = (low + high + 1) // 2
                    if fits(middle):
                        low = middle
                    else:
                        high = middle - 1
                j = low
            if j < len(atoms):
                best = j
                for k in range(j - 1, i, -1):
                    if sums[k] - sums[i] < self.MIN_FILL * (sums[j] - sums[i]):
                        break
                    if atoms[k].strength < atoms[best].strength:
                        best = k
                j = best
            parts.append((first, atoms[j - 1].end))
            i = j
        return parts


def split_text(text: str, max_tokens: int, count: Count) -> list[Span]:
    """Consecutive spans covering all of `text`, each at most `max_tokens` tokens, cut on structure.

    Parts are balanced: the same number of parts as filling each to the brim needs, but of similar sizes, so the
    last part is not a scrap.
    """
    if not text:
        return []
    splitter = _Splitter(text, max_tokens, count)
    if splitter.tokens(0, len(text)) <= max_tokens:
        return [(0, len(text))]
    atoms = splitter.atoms(0, len(text))
    parts = splitter.pack(atoms, max_tokens)
    last = splitter.tokens(*parts[-1])
    if len(parts) > 1 and last < max_tokens // 2:
        even = math.ceil(splitter.tokens(0, len(text)) / len(parts))
        for slack in (1.05, 1.15, 1.3):
            target = min(max_tokens, math.ceil(even * slack))
            if target >= max_tokens:
                break
            balanced = splitter.pack(atoms, target)
            if len(balanced) <= len(parts):
                return balanced
    return parts


# -- summary plans -------------------------------------------------------------------------------------------


class PlanError(ValueError):
    """The model's context is too small to summarize in parts at all; the message says what to do."""


@dataclass(frozen=True)
class Budget:
    """Token budget of the model for one summary."""

    context_length: int
    prompt_tokens: int  # instructions and chat template around the text, per request
    answer_tokens: int  # room kept for the final summary
    part_answer_tokens: int  # room for each intermediate summary (of a part, or of a group of summaries)
    part_tokens: int | None = None  # a smaller part size than the context allows (benchmarks, tests)
    label_tokens: int = 12  # the "Part 3 of 12:" label in front of each summary that is combined


@dataclass(frozen=True)
class Step:
    """One model request of a plan: a part of the text (level 0) or a combination of summaries (levels 1+)."""

    level: int
    index: int  # within its level
    of: int  # steps in its level
    span: Span | None = None  # level 0: the part of the text
    inputs: tuple[int, ...] = ()  # levels 1+: indices of the previous level's results it combines
    final: bool = False  # its result is the summary


@dataclass(frozen=True)
class SummaryPlan:
    text_tokens: int
    levels: tuple[tuple[Step, ...], ...]
    answer_tokens: int  # for the final step
    part_answer_tokens: int  # for every other step
    part_tokens: int  # the part budget that was used (0: one pass)

    @property
    def single_pass(self) -> bool:
        return len(self.levels) == 1

    @property
    def parts(self) -> int:
        return len(self.levels[0])

    @property
    def steps(self) -> tuple[Step, ...]:
        return tuple(step for level in self.levels for step in level)

    @property
    def total_steps(self) -> int:
        return sum(len(level) for level in self.levels)

    def position(self, step: Step) -> int:
        """0-based position of `step` in the order the steps run."""
        return sum(len(level) for level in self.levels[: step.level]) + step.index

    def max_new_tokens(self, step: Step) -> int:
        return self.answer_tokens if step.final else self.part_answer_tokens

    def covered_parts(self, step: Step) -> tuple[int, int]:
        """(first, last) level-0 parts, 0-based, that a step's result summarizes."""
        if step.level == 0:
            return step.index, step.index
        below = self.levels[step.level - 1]
        return self.covered_parts(below[step.inputs[0]])[0], self.covered_parts(below[step.inputs[-1]])[1]


def _groups(items: int, capacity: int) -> list[tuple[int, ...]]:
    """`items` consecutive indices in the fewest groups of at most `capacity`, as even as possible."""
    count = math.ceil(items / capacity)
    base, extra = divmod(items, count)
    groups, start = [], 0
    for g in range(count):
        size = base + (1 if g < extra else 0)
        groups.append(tuple(range(start, start + size)))
        start += size
    return groups


def plan_summary(text: str, count: Count, budget: Budget) -> SummaryPlan:
    """One pass when the text fits with room for the answer; else parts, then combine rounds until one is left.

    Every combine step's input is bounded in advance (each summary is at most `part_answer_tokens`), so the whole
    plan, and the progress "part 3 of 12", is known before the first request.
    """
    total = count(text) if text else 0
    room = budget.context_length - budget.prompt_tokens
    forced = budget.part_tokens
    if total + budget.answer_tokens <= room and (forced is None or total <= forced):
        only = Step(0, 0, 1, span=(0, len(text)), final=True)
        return SummaryPlan(total, ((only,),), budget.answer_tokens, budget.part_answer_tokens, 0)
    part_budget = room - budget.part_answer_tokens
    if forced is not None:
        part_budget = min(part_budget, forced)
    per_summary = budget.part_answer_tokens + budget.label_tokens
    if part_budget < 32 or room - budget.part_answer_tokens < 2 * per_summary:
        raise PlanError(
            f"The model's context ({budget.context_length:,} tokens) is too small to summarize this text in parts. "
            "Choose a model with a longer context, or summarize a shorter selection."
        )
    spans = split_text(text, part_budget, count)
    if len(spans) == 1:
        # Fits with less room than the requested answer but more than a part summary: one pass, shorter answer.
        answer = max(budget.part_answer_tokens, room - total)
        only = Step(0, 0, 1, span=spans[0], final=True)
        return SummaryPlan(total, ((only,),), answer, budget.part_answer_tokens, 0)
    levels: list[tuple[Step, ...]] = [
        tuple(Step(0, i, len(spans), span=span) for i, span in enumerate(spans)),
    ]
    final_capacity = max(1, (room - budget.answer_tokens) // per_summary)
    middle_capacity = (room - budget.part_answer_tokens) // per_summary
    answer = budget.answer_tokens
    if final_capacity == 1 and (room - budget.answer_tokens) < per_summary:
        # Not even one summary fits next to the full answer: shorten the answer rather than fail.
        answer = max(budget.part_answer_tokens, room - per_summary)
    pending = len(spans)
    while pending > final_capacity:
        groups = _groups(pending, middle_capacity)
        level = len(levels)
        levels.append(tuple(Step(level, i, len(groups), inputs=g) for i, g in enumerate(groups)))
        pending = len(groups)
    level = len(levels)
    levels.append((Step(level, 0, 1, inputs=tuple(range(pending)), final=True),))
    return SummaryPlan(total, tuple(levels), answer, budget.part_answer_tokens, part_budget)


@dataclass
class SummaryRun:
    """Which step runs next, what it reads, and the best summary so far. Drives the GUI and the CLI alike."""

    plan: SummaryPlan
    text: str
    results: dict[tuple[int, int], str] = field(default_factory=dict)

    def next_step(self) -> Step | None:
        for step in self.plan.steps:
            if (step.level, step.index) not in self.results:
                return step
        return None

    def inputs(self, step: Step) -> tuple[str, ...]:
        """The part of the text (level 0) or the summaries to combine, in document order."""
        if step.level == 0:
            assert step.span is not None
            return (self.text[step.span[0] : step.span[1]],)
        return tuple(self.results[(step.level - 1, i)] for i in step.inputs)

    def accept(self, step: Step, summary: str, *, cut_off: bool = False) -> None:
        """Record a step's summary. `cut_off`: the model ran out of room mid-sentence; a part summary then ends at
        its last whole sentence, so the combining step never reads (and repeats) a broken one."""
        text = summary.strip()
        if cut_off and not step.final:
            text = whole_sentences(text)
        self.results[(step.level, step.index)] = text

    @property
    def done(self) -> bool:
        return self.next_step() is None

    @property
    def completed_steps(self) -> int:
        return len(self.results)

    @property
    def final(self) -> str | None:
        last = self.plan.levels[-1][0]
        return self.results.get((last.level, last.index))

    def _coverage(self, step: Step) -> list[str]:
        result = self.results.get((step.level, step.index))
        if result is not None:
            return [result] if result else []
        if step.level == 0:
            return []
        below = self.plan.levels[step.level - 1]
        return [text for i in step.inputs for text in self._coverage(below[i])]

    def partial(self) -> tuple[str, int]:
        """(the best summary of what has been read so far, how many parts it covers), after a Stop.

        The highest-level summaries that exist, in document order, without repeating what they already cover.
        """
        pieces = self._coverage(self.plan.levels[-1][0])
        covered = 0
        for step in self.plan.levels[0]:
            if (0, step.index) in self.results:
                covered = step.index + 1
            else:
                break
        return "\n\n".join(pieces), covered


# -- translation segments ------------------------------------------------------------------------------------

SegmentKind = Literal["verbatim", "paragraph", "heading", "list_item", "quote", "table_cell"]

_LIST_ITEM = re.compile(r"^([ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)(.*)$")
_QUOTE = re.compile(r"^([ \t]*>[ \t]?)(.*)$")
_RULE = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$")
_TABLE_DELIMITER = re.compile(r"^[ \t]*\|?[ \t]*:?-{1,}:?[ \t]*(?:\|[ \t]*:?-{1,}:?[ \t]*)*\|?[ \t]*$")
_INDENTED_CODE = re.compile(r"^(?: {4}|\t)")
_CELL_SEPARATOR = re.compile(r"(?<!\\)\|")  # a pipe not escaped as \|
_HTML_COMMENT_OPEN = "<!--"


@dataclass(frozen=True)
class Segment:
    """A piece of a document to translate, or to keep exactly as it is (code, markup, blank lines)."""

    kind: SegmentKind
    text: str  # verbatim: the text itself; otherwise the text the model is given, markup prefixes removed
    prefix: str = ""  # markup written before the translation ("## ", "- ", "> ", indentation)
    line_prefix: str = ""  # written after each line break inside the translation (quote markers, indentation)

    @property
    def translatable(self) -> bool:
        return self.kind != "verbatim"

    def render(self, translation: str | None = None) -> str:
        """The segment as it goes into the translated document: markup around `translation` (default: the text)."""
        if not self.translatable:
            return self.text
        body = self.text if translation is None else translation
        if self.line_prefix:
            body = body.replace("\n", "\n" + self.line_prefix)
        return self.prefix + body


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _block_start(line: str) -> bool:
    return bool(
        _BLANK.match(line)
        or _FENCE.match(line)
        or _HEADING.match(line)
        or _LIST_ITEM.match(line)
        or _QUOTE.match(line)
        or _RULE.match(line)
        or line.lstrip().startswith(_HTML_COMMENT_OPEN)
    )


def _common_indent(lines: Sequence[str]) -> str:
    indents = [line[: len(line) - len(line.lstrip(" \t"))] for line in lines if line.strip()]
    if not indents:
        return ""
    first = indents[0]
    return first if all(i == first for i in indents) else ""


class _SegmentBuilder:
    def __init__(self) -> None:
        self.segments: list[Segment] = []

    def verbatim(self, text: str) -> None:
        if not text:
            return
        if self.segments and self.segments[-1].kind == "verbatim":
            self.segments[-1] = Segment("verbatim", self.segments[-1].text + text)
        else:
            self.segments.append(Segment("verbatim", text))

    def content(self, kind: SegmentKind, prefix: str, body: str, line_prefix: str = "") -> None:
        """Translatable text; its surrounding white space and letterless bodies stay verbatim."""
        stripped = body.strip()
        if not stripped or not _has_letters(stripped):
            self.verbatim(prefix + body.replace("\n", "\n" + line_prefix) if line_prefix else prefix + body)
            return
        lead = body[: len(body) - len(body.lstrip())]
        trail = body[len(body.rstrip()) :]
        if line_prefix and ("\n" in lead or "\n" in trail):
            # Keep it simple: the markup of blank lines around quoted text stays with the text.
            self.segments.append(Segment(kind, body, prefix, line_prefix))
            return
        if lead:
            self.verbatim(prefix + lead)
            prefix = ""
        self.segments.append(Segment(kind, stripped, prefix, line_prefix))
        self.verbatim(trail)


def markdown_segments(text: str) -> list[Segment]:
    """Split Markdown into what a translator must translate and what it must leave alone.

    Code blocks (fenced or indented), rules, table delimiter rows, HTML comments, blank lines and text without
    letters are verbatim; headings, list items, quotes and table cells keep their markup outside the text the
    model sees. `"".join(s.render() for s in segments) == text` for every input.
    """
    out = _SegmentBuilder()
    lines = list(_lines(text))
    i = 0
    previous_blank = True
    while i < len(lines):
        start, end, line = lines[i]
        newline = text[start + len(line) : end]
        fence = _FENCE.match(line)
        if fence:
            j = i + 1
            while j < len(lines) and not _fence_closes(lines[j][2], fence.group(1)):
                j += 1
            last = min(j, len(lines) - 1)
            out.verbatim(text[start : lines[last][1]])
            i, previous_blank = last + 1, False
            continue
        if line.lstrip().startswith(_HTML_COMMENT_OPEN):
            j = i
            while j < len(lines) - 1 and "-->" not in lines[j][2]:
                j += 1
            out.verbatim(text[start : lines[j][1]])
            i, previous_blank = j + 1, False
            continue
        if _BLANK.match(line) or _RULE.match(line):
            out.verbatim(text[start:end])
            i, previous_blank = i + 1, bool(_BLANK.match(line))
            continue
        if previous_blank and _INDENTED_CODE.match(line) and not (out.segments and _in_list(out.segments)):
            j = i
            while j + 1 < len(lines) and (_INDENTED_CODE.match(lines[j + 1][2]) or _BLANK.match(lines[j + 1][2])):
                j += 1
            while j > i and _BLANK.match(lines[j][2]):
                j -= 1
            out.verbatim(text[start : lines[j][1]])
            i, previous_blank = j + 1, False
            continue
        heading = _HEADING.match(line)
        if heading:
            out.content("heading", heading.group(0), line[heading.end() :])
            out.verbatim(newline)
            i, previous_blank = i + 1, False
            continue
        if "|" in line and i + 1 < len(lines) and _TABLE_DELIMITER.match(lines[i + 1][2]):
            j = i
            while j < len(lines) and "|" in lines[j][2] and not _BLANK.match(lines[j][2]):
                row_start, row_end, row = lines[j]
                if j == i + 1 or not _has_letters(row):
                    out.verbatim(text[row_start:row_end])
                else:
                    # Cell by cell: the pipes, and so the table, cannot be lost whatever the model writes.
                    position = 0
                    for match in _CELL_SEPARATOR.finditer(row):
                        out.content("table_cell", "", row[position : match.start()])
                        out.verbatim(match.group(0))
                        position = match.end()
                    out.content("table_cell", "", row[position:])
                    out.verbatim(text[row_start + len(row) : row_end])
                j += 1
            i, previous_blank = j, False
            continue
        item = _LIST_ITEM.match(line)
        quote = _QUOTE.match(line)
        if item or quote:
            marker = item.group(1) if item else quote.group(1) if quote else ""
            j = i + 1
            if item:
                while j < len(lines) and not _block_start(lines[j][2]):
                    j += 1
            else:
                while j < len(lines) and _QUOTE.match(lines[j][2]):
                    j += 1
            block_end = lines[j - 1][0] + len(lines[j - 1][2])
            following = lines[i + 1 : j]
            if quote and not item:
                markers = {_QUOTE.match(f[2]).group(1) for f in following}  # type: ignore[union-attr]
                line_prefix = markers.pop() if len(markers) == 1 else ""
            else:
                line_prefix = _common_indent([f[2] for f in following])
            body = text[start + len(marker) : block_end]
            if line_prefix and all(f[2].startswith(line_prefix) for f in following):
                body = body.replace("\n" + line_prefix, "\n")
            else:
                line_prefix = ""
            out.content("list_item" if item else "quote", marker, body, line_prefix)
            out.verbatim(text[block_end : lines[j - 1][1]])
            i, previous_blank = j, False
            continue
        j = i + 1
        while j < len(lines) and not _block_start(lines[j][2]) and not _table_starts(lines, j):
            j += 1
        block_end = lines[j - 1][0] + len(lines[j - 1][2])
        out.content("paragraph", "", text[start:block_end])
        out.verbatim(text[block_end : lines[j - 1][1]])
        i, previous_blank = j, False
    return out.segments


def _table_starts(lines: Sequence[tuple[int, int, str]], i: int) -> bool:
    return "|" in lines[i][2] and i + 1 < len(lines) and bool(_TABLE_DELIMITER.match(lines[i + 1][2]))


def _in_list(segments: Sequence[Segment]) -> bool:
    for segment in reversed(segments):
        if segment.kind == "verbatim" and not segment.text.strip():
            continue
        return segment.kind == "list_item"
    return False


def fit_segments(segments: Sequence[Segment], max_tokens: int, count: Count) -> list[Segment]:
    """Cut translatable segments longer than `max_tokens` at sentence (then word) boundaries.

    The white space between the pieces stays verbatim, with the segment's line markup where it crosses a line.
    """
    fitted: list[Segment] = []
    for segment in segments:
        if not segment.translatable or count(segment.text) <= max_tokens:
            fitted.append(segment)
            continue
        spans = split_text(segment.text, max_tokens, count)
        for n, (a, b) in enumerate(spans):
            piece = segment.text[a:b]
            body = piece.rstrip()
            gap = piece[len(body) :]
            fitted.append(Segment(segment.kind, body, segment.prefix if n == 0 else "", segment.line_prefix))
            if gap:
                rendered_gap = gap.replace("\n", "\n" + segment.line_prefix) if segment.line_prefix else gap
                fitted.append(Segment("verbatim", rendered_gap))
    return fitted


def translation_segments(text: str, max_tokens: int, count: Count) -> list[Segment]:
    """Markdown segments of `text`, none of which is longer than `max_tokens` for the model."""
    return fit_segments(markdown_segments(text), max_tokens, count)


def render_segments(segments: Sequence[Segment], translations: Sequence[str | None]) -> str:
    """The translated document: `translations[i]` for the i-th translatable segment (None: keep the original)."""
    out: list[str] = []
    it = iter(translations)
    for segment in segments:
        out.append(segment.render(next(it, None)) if segment.translatable else segment.text)
    return "".join(out)
