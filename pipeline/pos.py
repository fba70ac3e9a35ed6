"""underthesea's POS tagger, with its CRF features computed in one pass.

underthesea's ``pos_tag`` spends most of its time building features: for every token and
every template it re-parses the template with a regex and rebuilds the whole sentence's
columns (quadratic in the sentence length). The model itself (a CRF in underthesea_core)
is fast. ``PosTagger`` feeds the *same* model the *same* feature strings, built once per
sentence — ``tests/test_pos.py`` checks the tags equal underthesea's on every sentence of
the corpus — so the indicator component can afford POS tags where it needs them.
"""

from __future__ import annotations

from functools import lru_cache

import regex

_TEMPLATE = regex.compile(r"T\[(-?\d+)(?:,(-?\d+))?\](?:\[(\d+)\])?(?:\.(\w+))?")


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

    def features(self, words: list[str]) -> list[list[str]]:
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


@lru_cache(maxsize=1)
def shared_tagger() -> PosTagger:
    return PosTagger()


def pos_tag(text: str) -> list[tuple[str, str]]:
    """Drop-in for ``underthesea.pos_tag(text)``."""
    return shared_tagger()(text)
