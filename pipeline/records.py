"""Plain records that components leave on the ``Doc`` and that ``tables`` turns into rows.

Components talk through the ``Doc`` (``doc._.dates``, ``doc._.officials`` …); these dataclasses
are the shape of what they leave there. They are plain data (no spaCy objects) so that they
pickle across worker processes and serialise to JSON unchanged. Character offsets are always
into ``doc.text`` (the normalised text); ``tables`` maps them back to the original text.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class DateMention:
    """One calendar reference ("15/6/2022", "quý II năm 2022", "giai đoạn 2022-2025")."""

    text: str
    value: str  # GUIDE.md format: YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY, YYYY/YYYY, D/D spans
    start_char: int
    end_char: int
    granularity: str  # day | month | quarter | half | year | year_span | day_span
    start: str  # first day covered, ISO
    end: str  # last day covered, ISO
    role: str = "reference"  # published | event | deadline | period | reference
    year_inferred: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Official:
    """One person holding an office, merged over all their mentions in the article."""

    name: str
    titles: list[str]
    start_char: int  # first mention
    end_char: int
    organization: str | None = None
    canonical_title: str | None = None
    province: str | None = None
    role: str | None = None  # chủ trì | dự | báo cáo | phát biểu | chỉ đạo | kết luận
    mentions: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Quantity:
    """A number with its unit and comparator, before it is tied to an indicator."""

    text: str
    value: float
    unit: str  # % | count | fraction | rank | VND | USD
    start_char: int
    end_char: int
    comparator: str = "="  # = > >= < <= ~
    denominator: float | None = None
    value_max: float | None = None  # upper bound of a range "từ 70% đến 80%"
    change: str | None = None  # increase | decrease | level
    noun: str | None = None  # counted noun right after a count ("71 Tổ …" → "Tổ")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Metric:
    """A reported figure tied to the indicator it measures."""

    indicator: str
    value: float
    unit: str
    text: str  # shortest span holding indicator and value
    start_char: int  # of ``text``
    end_char: int
    comparator: str = "="
    kind: str = "actual"  # actual | target
    denominator: float | None = None
    value_max: float | None = None
    change: str | None = None
    indicator_id: str | None = None
    province: str | None = None
    level: str | None = None  # tỉnh | huyện | xã | thôn
    period: str | None = None  # a DateMention value
    deadline: str | None = None
    value_start_char: int = -1
    value_end_char: int = -1

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
