"""Word-level differences with difflib: of two texts, two lists, and two sanitised HTML
bodies block by block. Plain text in, segments marked "equal", "insert" or "delete" out;
whoever shows them escapes the text."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from html.parser import HTMLParser
from itertools import zip_longest
from typing import Any, NamedTuple

EQUAL, INSERT, DELETE = "equal", "insert", "delete"

# Words, single punctuation marks and runs of white space: a changed word is marked
# alone, and joining the tokens gives the text back.
_TOKENS = re.compile(r"\w+|[^\w\s]|\s+")


class Segment(NamedTuple):
    op: str
    text: str


class Block(NamedTuple):
    """A block of the body (a paragraph, subheading, list item or quote) and its diff."""

    kind: str
    segments: list[Segment]


def diff_words(old: str, new: str) -> list[Segment]:
    """The word-level difference of two texts, as segments that join to either text."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    raw: list[Segment] = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            raw.append(Segment(EQUAL, "".join(a[i1:i2])))
            continue
        if i2 > i1:
            raw.append(Segment(DELETE, "".join(a[i1:i2])))
        if j2 > j1:
            raw.append(Segment(INSERT, "".join(b[j1:j2])))
    return _grouped(raw)


def _grouped(raw: list[Segment]) -> list[Segment]:
    """Join the changes around a lone space ("big red" → "small blue" reads as one
    deletion and one insertion, not four), and neighbours of the same kind."""
    out: list[Segment] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def equal(text: str) -> None:
        if out and out[-1].op == EQUAL:
            out[-1] = Segment(EQUAL, out[-1].text + text)
        elif text:
            out.append(Segment(EQUAL, text))

    def flush() -> None:
        changes = [(op, "".join(texts)) for op, texts in ((DELETE, deleted), (INSERT, inserted))]
        changes = [(op, text) for op, text in changes if text]
        # White space at both ends of every change belongs to the text around it: the
        # mark then starts and ends with a word.
        lead = min(len(text) - len(text.lstrip()) for _op, text in changes) if changes else 0
        tail = min(len(text) - len(text.rstrip()) for _op, text in changes) if changes else 0
        if any(lead + tail >= len(text) for _op, text in changes):
            lead = tail = 0
        if changes:
            equal(changes[0][1][:lead])
        for op, text in changes:
            out.append(Segment(op, text[lead : len(text) - tail]))
        if changes and tail:
            equal(changes[0][1][len(changes[0][1]) - tail :])
        deleted.clear()
        inserted.clear()

    for index, segment in enumerate(raw):
        if segment.op == DELETE:
            deleted.append(segment.text)
        elif segment.op == INSERT:
            inserted.append(segment.text)
        elif (
            (deleted or inserted)
            and not segment.text.strip()
            and index + 1 < len(raw)
            and raw[index + 1].op != EQUAL
        ):
            deleted.append(segment.text)
            inserted.append(segment.text)
        else:
            flush()
            equal(segment.text)
    flush()
    return out


def diff_items(old: list[str], new: list[str]) -> list[Segment]:
    """Two lists compared item by item: each kept, added or removed."""
    segments = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            segments += [Segment(EQUAL, item) for item in new[j1:j2]]
            continue
        segments += [Segment(DELETE, item) for item in old[i1:i2]]
        segments += [Segment(INSERT, item) for item in new[j1:j2]]
    return segments


class _BodyBlocks(HTMLParser):
    """The sanitised body's text, block by block: paragraphs, subheadings, list items
    and quotes, with inline markup (bold, links) reduced to its words."""

    _BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self._open: list[str] = []
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self._BLOCKS:
            self._flush()
            self._open.append(tag)
        elif tag == "br":
            self._text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BLOCKS:
            self._flush()
            if tag in self._open:
                del self._open[len(self._open) - 1 - self._open[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        self._text.clear()
        if text:
            self.blocks.append((self._kind(), text))

    def _kind(self) -> str:
        for tag in reversed(self._open):
            if tag[0] == "h":
                return "heading"
        if "blockquote" in self._open:
            return "quote"
        return "item" if "li" in self._open else "paragraph"


def body_blocks(html: str) -> list[tuple[str, str]]:
    parser = _BodyBlocks()
    parser.feed(html or "")
    parser.close()
    return parser.blocks


def diff_blocks(old: list[tuple[str, str]], new: list[tuple[str, str]]) -> list[Block]:
    """Blocks matched first, then the words of each changed pair: a paragraph keeps its
    place, and a block that changed kind (paragraph to subheading) is replaced whole."""
    blocks: list[Block] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            blocks += [Block(kind, [Segment(EQUAL, text)]) for kind, text in new[j1:j2]]
            continue
        for before, after in zip_longest(old[i1:i2], new[j1:j2]):
            if before and after and before[0] == after[0]:
                blocks.append(Block(after[0], diff_words(before[1], after[1])))
                continue
            if before:
                blocks.append(Block(before[0], [Segment(DELETE, before[1])]))
            if after:
                blocks.append(Block(after[0], [Segment(INSERT, after[1])]))
    return blocks
