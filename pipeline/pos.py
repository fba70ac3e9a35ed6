"""underthesea's POS tagger, with its CRF features computed in one pass.

underthesea's ``pos_tag`` spends most of its time building features: for every token and
every template it re-parses the template with a regex and rebuilds the whole sentence's
columns (quadratic in the sentence length). The model itself (a CRF in underthesea_core)
is fast. ``PosTagger`` feeds the *same* model the *same* feature strings, built once per
sentence (unrolled for the templates of underthesea's current model, with the generic builder
kept for any other) — ``tests/test_pos.py`` checks the tags equal underthesea's on corpus
sentences and the unrolled features equal the generic ones on every development sentence —
so the indicator component can afford POS tags where it needs them.
"""

from __future__ import annotations

from functools import lru_cache

import regex

_TEMPLATE = regex.compile(r"T\[(-?\d+)(?:,(-?\d+))?\](?:\[(\d+)\])?(?:\.(\w+))?")


# underthesea's POS templates, in its order ("[1]" is the tag column, "X" before tagging)
TEMPLATES = (
    "T[-2].lower", "T[-1].lower", "T[0].lower", "T[1].lower", "T[2].lower",
    "T[0].istitle", "T[-1].istitle", "T[1].istitle",
    "T[-2]", "T[-1]", "T[0]", "T[1]", "T[2]", "T[-2,-1]", "T[-1,0]", "T[0,1]", "T[1,2]",
    "T[-3][1]", "T[-2][1]", "T[-1][1]", "T[-3,-2][1]", "T[-2,-1][1]",
)
_P = [f"{t}=" for t in TEMPLATES]


def _istitle(word: str) -> str:
    """underthesea's ``text_istitle``: every space-separated part starts with a title-case letter."""
    if not word:
        return "False"
    parts = word.split(" ")
    if any(not part for part in parts):
        return "False"  # underthesea's indexing of an empty part fails, which it reads as False
    return str(all(part[0].istitle() for part in parts))


def _apply(value: str, function: str | None) -> str:
    if function == "lower":
        return value.lower()
    if function == "istitle":
        return _istitle(value)
    return value


class PosTagger:
    """``tag(words) -> tags`` and ``__call__(text) -> [(word, tag)]`` like ``underthesea.pos_tag``."""

    def __init__(self) -> None:
        from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

        predictor = CRFPOSTagPredictor.Instance()
        self.model = predictor.model
        self.templates = []
        for syntax in predictor.transformer.template:
            match = _TEMPLATE.fullmatch(syntax)
            if match is None:
                raise ValueError(f"unsupported POS feature template {syntax!r}")
            first, last, column, function = match.groups()
            self.templates.append((f"{syntax}=", int(first), int(last) if last is not None else None,
                                   int(column or 0), function))
            if function not in (None, "lower", "istitle"):
                raise ValueError(f"unsupported POS feature function {function!r}")
        self.unrolled = tuple(predictor.transformer.template) == TEMPLATES

    def features(self, words: list[str]) -> list[list[str]]:
        """Feature strings of every word (``_unrolled`` for underthesea's current templates)."""
        if self.unrolled:
            return _unrolled(words)
        return self.generic_features(words)

    def generic_features(self, words: list[str]) -> list[list[str]]:
        """Feature strings of every word, built one template (one column) at a time; each word's
        lower case and title test computed once."""
        n = len(words)
        if not n:
            return []
        tags = ["X"] * n
        lows = [w.lower() for w in words]
        titles = [_istitle(w) for w in words]
        columns = []
        for prefix, first, last, column, function in self.templates:
            bos, eos = prefix + "BOS", prefix + "EOS"
            if last is None:
                if column == 0:
                    src = lows if function == "lower" else titles if function == "istitle" else words
                else:
                    src = [_apply(t, function) for t in tags]
                columns.append(
                    [bos if i + first < 0 else eos if i + first >= n else prefix + src[i + first] for i in range(n)]
                )
                continue
            src = words if column == 0 else tags
            columns.append(
                [
                    bos
                    if i + first < 0
                    else eos
                    if i + first >= n or i + last >= n
                    else prefix + _apply(" ".join(src[i + first : i + last + 1]), function)
                    for i in range(n)
                ]
            )
        return [list(row) for row in zip(*columns, strict=True)]

    def tag(self, words: list[str]) -> list[str]:
        return list(self.model.tag(self.features(words))) if words else []

    def __call__(self, text: str) -> list[tuple[str, str]]:
        from underthesea import word_tokenize

        words = word_tokenize(text)
        return list(zip(words, self.tag(words), strict=True))


def _unrolled(words: list[str]) -> list[list[str]]:
    """``TEMPLATES`` for every word, one row at a time: the same strings as ``generic_features``
    at about half the cost (the tag column is all "X", so its features are constants)."""
    n = len(words)
    edge, tail = ["BOS", "BOS"], ["EOS", "EOS"]
    w = edge + words + tail
    lo = edge + [x.lower() for x in words] + tail
    title = edge + [_istitle(x) for x in words] + tail
    bi = {j: f"{w[j]} {w[j + 1]}" for j in range(2, n + 1)}  # each bigram of words built once
    p = _P
    out = []
    for i in range(n):
        k = i + 2
        x3 = "BOS" if i < 3 else "X"
        x2 = "BOS" if i < 2 else "X"
        x1 = "BOS" if i < 1 else "X"
        out.append([
            p[0] + lo[k - 2], p[1] + lo[k - 1], p[2] + lo[k], p[3] + lo[k + 1], p[4] + lo[k + 2],
            p[5] + title[k], p[6] + title[k - 1], p[7] + title[k + 1],
            p[8] + w[k - 2], p[9] + w[k - 1], p[10] + w[k], p[11] + w[k + 1], p[12] + w[k + 2],
            p[13] + ("BOS" if i < 2 else bi[k - 2]), p[14] + ("BOS" if i < 1 else bi[k - 1]),
            p[15] + ("EOS" if i + 1 >= n else bi[k]), p[16] + ("EOS" if i + 2 >= n else bi[k + 1]),
            p[17] + x3, p[18] + x2, p[19] + x1,
            p[20] + ("BOS" if i < 3 else "X X"), p[21] + ("BOS" if i < 2 else "X X"),
        ])
    return out


@lru_cache(maxsize=1)
def shared_tagger() -> PosTagger:
    return PosTagger()


def pos_tag(text: str) -> list[tuple[str, str]]:
    """Drop-in for ``underthesea.pos_tag(text)``."""
    return shared_tagger()(text)
