"""Page furniture that is not the article, and the article's own layout lines.

Archived pages carry widgets (visitor counters, gold prices, captchas), related-article
link lists whose headlines hold names and figures, photo credits and bylines. Nothing may be
extracted from them, so they are cut from the text here (offsets stay mapped). The title,
the dateline ("15:57, 26/01/2024") and the byline are kept apart in ``Layout`` because
later stages need them: the dateline is the candidate publication date, the byline is the
one capitalised name that is never an official.

The patterns are data (``models/boilerplate.json``); the line logic is here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex

from .normalize import _BLANK_RUN, MappedText
from .resources import resource_path

_TERMINAL = regex.compile(r"[.!?…:;\"”»)\]]\s*$")
_WORD = regex.compile(r"\S+")
_DATELINE = regex.compile(
    r"""^(?:(?:Thứ|T)\s*\d\s*,?\s*|[^\d\n]{0,40}?)   # "Thứ 5", "T2,", "Thứ Hai,", "Cập nhật:", "Ngày đăng:" …
        (?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM|SA|CH)?\s*[,|\-–]?\s*)?   # a clock time before
        (?:ngày\s+)?(?:\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}      # the date
                     |\d{1,2}\s+tháng\s+\d{1,2}\s*(?:,|\s+năm)\s*\d{4})    # or in words
        (?:\s*[,|\-–]?\s*(?:lúc\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM|SA|CH)?)?  # a clock time after
        (?:\s*\(?(?:GMT|UTC)\s*[+\-]\s*\d{1,2}(?::?\d{2})?\)?)?
        (?:\s*[|,\-–]\s*(?:lượt\s+xem|lượt\s+đọc|views?)\s*:?\s*[\d.,]+)?   # a view counter after it
        \s*[|,.]?\s*$""",
    regex.IGNORECASE | regex.VERBOSE,
)
_BYLINE_WORD = regex.compile(r"^(?:\p{Lu}[\p{L}'’]*\.?|[A-ZĐ]{2,4}|\(?[\p{Lu}]{2,6}\)?|-|–)$")
_BULLET = regex.compile(r"^\s*(?:[-+*–•]|\d+[.)/]|\(\d+\)|[a-zđ]\))")


@dataclass
class Rules:
    """Compiled ``models/boilerplate.json``."""

    widget_lines: list[regex.Pattern]
    section_markers: list[str]
    credits: list[regex.Pattern]
    source_lines: list[regex.Pattern]

    @classmethod
    def load(cls, path: Path) -> Rules:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        flags = regex.IGNORECASE | regex.VERSION1
        return cls(
            widget_lines=[regex.compile(p, flags) for p in data["widget_lines"]],
            section_markers=[m.casefold() for m in data["section_markers"]],
            credits=[regex.compile(p, regex.VERSION1) for p in data["credits"]],
            source_lines=[regex.compile(p, flags) for p in data["source_lines"]],
        )


@lru_cache(maxsize=4)
def default_rules(path: str | None = None) -> Rules:
    return Rules.load(Path(path) if path else resource_path("boilerplate.json"))


@dataclass
class Layout:
    """Where the article's own furniture is, in the cleaned text."""

    title: str | None = None
    header: str | None = None  # the dateline line, e.g. "19:54 | 08/06/2023"
    header_span: tuple[int, int] | None = None
    byline: str | None = None
    source: str | None = None
    removed: list[tuple[str, str]] = field(default_factory=list)  # (why, text)

    def to_meta(self) -> dict:
        return {"title": self.title, "header": self.header, "header_span": self.header_span,
                "byline": self.byline, "source_line": self.source,
                "removed": [f"{why}: {text[:80]}" for why, text in self.removed]}


@dataclass
class _Line:
    start: int
    end: int  # excludes the newline
    text: str

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for chunk in text.split("\n"):
        if chunk.strip():
            out.append(_Line(pos, pos + len(chunk), chunk))
        pos += len(chunk) + 1
    return out


def is_dateline(line: str) -> bool:
    return len(line) <= 90 and bool(_DATELINE.match(line.strip()))


def _is_body(line: _Line) -> bool:
    return line.words >= 15 and bool(_TERMINAL.search(line.text))


def _is_marker(line: _Line, rules: Rules) -> bool:
    folded = line.text.strip().casefold().rstrip(":：»> ")
    if line.words > 12:
        return False
    return any(folded.startswith(m) or folded.endswith(m) for m in rules.section_markers)


def _is_inline_link(line: _Line, rules: Rules) -> bool:
    """"Xem thêm: <a related headline>" on one line: a marker, a colon, a headline (no final stop)."""
    head, colon, rest = line.text.strip().partition(":")
    return (bool(colon) and head.casefold().strip() in rules.section_markers
            and 0 < len(rest.split()) <= 30 and not _TERMINAL.search(rest.rstrip(")")))


def _is_doubled(text: str) -> bool:
    """A headline written twice in a row: a link's image alt text followed by its text."""
    text = text.strip()
    half = len(text) // 2
    return (20 <= len(text) <= 600 and len(text) % 2 == 0 and text[:half] == text[half:]
            and bool(regex.search(r"\p{L}{2}", text)))


def _looks_like_byline(line: _Line) -> bool:
    words = line.text.strip().split()
    if not 1 <= len(words) <= 6 or _TERMINAL.search(line.text.rstrip(")")):
        return False
    return all(_BYLINE_WORD.match(w) for w in words)


def clean(mapped: MappedText, rules: Rules | None = None) -> tuple[MappedText, Layout]:
    """Cut page furniture from ``mapped``; return the cleaned text and its ``Layout``."""
    rules = rules or default_rules()
    layout = Layout()
    # inline photo credits first ("… tại cuộc họp. Ảnh: HỒNG HÀ")
    for pattern in rules.credits:
        before = mapped.text
        mapped = mapped.sub(pattern, "")
        if mapped.text != before:
            layout.removed.append(("credit", pattern.pattern[:20]))
    lines = _lines(mapped.text)
    drop: set[int] = set()

    def remove(i: int, why: str) -> None:
        drop.add(i)
        layout.removed.append((why, lines[i].text))

    # the dateline and the title among the first lines
    for line in lines[:4]:
        if is_dateline(line.text):
            layout.header, layout.header_span = line.text.strip(), (line.start, line.end)
            break
    for line in lines[:2]:
        if line.text.strip() != layout.header and len(line.text) <= 250 and not _TERMINAL.search(line.text):
            layout.title = line.text.strip()
            break

    body_started = False
    in_section = False
    run: list[int] = []

    def close_run() -> None:
        if len(run) >= 2:
            for j in run:
                remove(j, "link list")
        run.clear()

    for i, line in enumerate(lines):
        text = line.text.strip()
        if _is_marker(line, rules):
            remove(i, "section")
            in_section = True
            continue
        if any(p.fullmatch(text) for p in rules.widget_lines):
            remove(i, "widget")
            continue
        if _is_inline_link(line, rules):
            remove(i, "related link")
            continue
        if in_section:
            if _is_body(line) and line.words >= 25:
                in_section = False
            else:
                remove(i, "section")
                continue
        if _is_doubled(text):
            remove(i, "related link")
            continue
        if any(p.fullmatch(text) for p in rules.source_lines):
            layout.source = layout.source or text
            remove(i, "source")
            continue
        if _is_body(line):
            body_started = True
        is_short_headline = (
            body_started
            and 3 <= line.words <= 25
            and not _TERMINAL.search(text)
            and not _BULLET.match(text)
            and text[:1].isupper()
        )
        if is_short_headline:
            run.append(i)
        else:
            close_run()
    close_run()

    # the byline: the last line left, when it is a short run of capitalised words
    kept = [i for i in range(len(lines)) if i not in drop]
    if kept and len(kept) > 2:
        last = lines[kept[-1]]
        if _looks_like_byline(last) and last.text.strip() != layout.title:
            layout.byline = last.text.strip()
            drop.add(kept[-1])

    spans = [(lines[i].start, min(lines[i].end + 1, len(mapped.text))) for i in sorted(drop)]
    if spans:
        mapped = mapped.delete_spans(spans)
        mapped = mapped.sub(_BLANK_RUN, "\n\n")
        mapped = mapped.strip()
        if layout.header_span:  # recompute: lines before the header may have moved
            at = mapped.text.find(layout.header)
            layout.header_span = (at, at + len(layout.header)) if at >= 0 else None
    return mapped, layout
