"""underthesea's word segmenter — its model, its output — without its per-call overhead.

``underthesea.word_tokenize`` spends most of its time outside the CRF: it finds each regex
token by scanning every named group of the match, re-normalises every short token, and
builds 43 feature strings per token in ``underthesea_core.CRFFeaturizer``, which measured
twice as slow as building the same strings in Python (2.15 s against 1.07 s on 5,066 benchmark
sentences). ``WordSegmenter`` reproduces each step exactly and feeds underthesea's own CRF:

- tokens: the token pattern wraps each alternative whole in one named group, so the token
  is ``match.group()``; token normalisation is a pure function of the token, memoised;
- features: the model's 43 templates (unigrams, bigrams, trigrams, lower case, ``isdigit``,
  ``istitle``, dictionary membership), unrolled in ``_features``. Case tests can differ
  between Rust and Python outside the Latin/Vietnamese alphabet, so a sentence with any
  other character goes through underthesea's featuriser instead, and so does everything if
  an underthesea release changes the templates.

``tests/test_wordseg.py`` checks the words equal ``word_tokenize``'s on every sentence of the
corpus and on generated text. The benchmark (``benchmarks/bench.py``) measures the saving.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import regex

# The feature templates of underthesea's model "ws_crf_vlsp2013_20230727", in its order.
TEMPLATES = (
    "T[-2]", "T[-1]", "T[0]", "T[1]", "T[2]",
    "T[-2,-1]", "T[-1,0]", "T[0,1]", "T[1,2]", "T[-2,0]", "T[-1,1]", "T[0,2]",
    "T[-2].lower", "T[-1].lower", "T[0].lower", "T[1].lower", "T[2].lower",
    "T[-2,-1].lower", "T[-1,0].lower", "T[0,1].lower", "T[1,2].lower",
    "T[-1].isdigit", "T[0].isdigit", "T[1].isdigit",
    "T[-2].istitle", "T[-1].istitle", "T[0].istitle", "T[1].istitle", "T[2].istitle",
    "T[0,1].istitle", "T[0,2].istitle",
    "T[-2].is_in_dict", "T[-1].is_in_dict", "T[0].is_in_dict", "T[1].is_in_dict", "T[2].is_in_dict",
    "T[-2,-1].is_in_dict", "T[-1,0].is_in_dict", "T[0,1].is_in_dict", "T[1,2].is_in_dict",
    "T[-2,0].is_in_dict", "T[-1,1].is_in_dict", "T[0,2].is_in_dict",
)
_P = [f"{t}=" for t in TEMPLATES]  # feature-string prefixes

_VIETNAMESE = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
# sentences made only of these characters get Python features (their case tests agree with Rust's)
_PYTHON_SAFE = regex.compile(
    "^[\\x20-\\x7e" + _VIETNAMESE + _VIETNAMESE.upper() + "“”‘’–—…°•·«»]*$"
)


def is_title(token: str) -> bool:
    """underthesea_core's ``istitle``: no space-separated part starts with a lower-case letter."""
    return all(not part[:1].islower() for part in token.split(" "))


class WordSegmenter:
    """``segmenter(sentence) -> words``, equal to ``underthesea.word_tokenize(sentence)``."""

    def __init__(self) -> None:
        from underthesea import word_tokenize
        from underthesea.pipeline import word_tokenize as package
        from underthesea.pipeline.text_normalize import token_normalize
        from underthesea.pipeline.word_tokenize import regex_tokenize

        word_tokenize("khởi động")  # loads the CRF model underthesea keeps in its module
        model = package.word_tokenize_model
        self.tagger = model.estimator
        self.rust_features = model.featurizer
        self.regex_tokens = regex_tokenize  # its ``patterns`` is read at each call, as underthesea does
        self.normalize_token = lru_cache(maxsize=65536)(token_normalize)
        self.dictionary = _dictionary(Path(package.__file__).parent / "models" / "ws_crf_vlsp2013_20230727")

    def tokens(self, sentence: str) -> list[str]:
        """underthesea's regex tokens of ``sentence`` (before segmentation)."""
        text = self.regex_tokens.normalize_characters_in_text(sentence)
        return [self.normalize_token(m.group()) for m in self.regex_tokens.patterns.finditer(text)]

    def features(self, tokens: list[str]) -> list[list[str]]:
        """The CRF features of ``tokens``, from Python when safe, else from underthesea_core."""
        if self.dictionary is not None and _PYTHON_SAFE.match("".join(tokens)):
            return _features(tokens, self.dictionary)
        return self.rust_features.process([[[t] for t in tokens]])[0]

    def __call__(self, sentence: str) -> list[str]:
        tokens = self.tokens(sentence)
        if not tokens:
            return []
        tags = self.tagger.tag(self.features(tokens))
        words: list[str] = []
        for tag, token in zip(tags, tokens, strict=True):
            if tag == "I-W" and words:
                words[-1] = f"{words[-1]} {token}"
            else:
                words.append(token)
        return words


def _dictionary(model_dir: Path) -> frozenset[str] | None:
    """The model's word dictionary, or ``None`` (underthesea_core builds the features) when the
    model underthesea loads is not the one whose templates ``_features`` unrolls."""
    import joblib

    try:
        if tuple(joblib.load(model_dir / "features.bin")) != TEMPLATES:
            return None
        return frozenset(joblib.load(model_dir / "dictionary.bin"))
    except (OSError, ValueError, TypeError):
        return None


def _features(tokens: list[str], dictionary: frozenset[str]) -> list[list[str]]:
    """``TEMPLATES`` for every token: an n-gram reaching before the sentence is "BOS", after it
    "EOS" (the start is tested first); dictionary membership is of the lower-cased n-gram.

    Every bigram and trigram (and its case and dictionary tests) is built once and shared by the
    positions that see it; an n-gram is title-cased exactly when each of its tokens is."""
    n = len(tokens)
    w = ["BOS", "BOS", *tokens, "EOS", "EOS"]
    lo = ["BOS", "BOS", *(t.lower() for t in tokens), "EOS", "EOS"]
    titled = [False, False, *(is_title(t) for t in tokens), False, False]
    title = ["BOS", "BOS", *(str(x) for x in titled[2 : n + 2]), "EOS", "EOS"]
    digit = ["BOS", "BOS", *(str(t.isdigit()) for t in tokens), "EOS", "EOS"]
    known = ["BOS", "BOS", *(str(x in dictionary) for x in lo[2 : n + 2]), "EOS", "EOS"]
    # n-grams of real tokens starting at padded position j (2 <= j, ending at or before n + 1)
    bi, bi_low, bi_known, bi_title = {}, {}, {}, {}
    for j in range(2, n + 1):
        bi[j], low = f"{w[j]} {w[j + 1]}", f"{lo[j]} {lo[j + 1]}"
        bi_low[j], bi_known[j], bi_title[j] = low, str(low in dictionary), str(titled[j] and titled[j + 1])
    tri, tri_known, tri_title = {}, {}, {}
    for j in range(2, n):
        tri[j] = f"{w[j]} {w[j + 1]} {w[j + 2]}"
        tri_known[j] = str(f"{lo[j]} {lo[j + 1]} {lo[j + 2]}" in dictionary)
        tri_title[j] = str(titled[j] and titled[j + 1] and titled[j + 2])
    p = _P
    out = []
    for i in range(n):
        k = i + 2
        bos2, bos1, eos1, eos2 = i < 2, i < 1, i + 1 >= n, i + 2 >= n
        g_11 = "BOS" if bos1 else "EOS" if eos1 else tri[k - 1]
        d_11 = "BOS" if bos1 else "EOS" if eos1 else tri_known[k - 1]
        out.append([
            p[0] + w[k - 2], p[1] + w[k - 1], p[2] + w[k], p[3] + w[k + 1], p[4] + w[k + 2],
            p[5] + ("BOS" if bos2 else bi[k - 2]), p[6] + ("BOS" if bos1 else bi[k - 1]),
            p[7] + ("EOS" if eos1 else bi[k]), p[8] + ("EOS" if eos2 else bi[k + 1]),
            p[9] + ("BOS" if bos2 else tri[k - 2]), p[10] + g_11, p[11] + ("EOS" if eos2 else tri[k]),
            p[12] + lo[k - 2], p[13] + lo[k - 1], p[14] + lo[k], p[15] + lo[k + 1], p[16] + lo[k + 2],
            p[17] + ("BOS" if bos2 else bi_low[k - 2]), p[18] + ("BOS" if bos1 else bi_low[k - 1]),
            p[19] + ("EOS" if eos1 else bi_low[k]), p[20] + ("EOS" if eos2 else bi_low[k + 1]),
            p[21] + digit[k - 1], p[22] + digit[k], p[23] + digit[k + 1],
            p[24] + title[k - 2], p[25] + title[k - 1], p[26] + title[k], p[27] + title[k + 1], p[28] + title[k + 2],
            p[29] + ("EOS" if eos1 else bi_title[k]), p[30] + ("EOS" if eos2 else tri_title[k]),
            p[31] + known[k - 2], p[32] + known[k - 1], p[33] + known[k], p[34] + known[k + 1], p[35] + known[k + 2],
            p[36] + ("BOS" if bos2 else bi_known[k - 2]), p[37] + ("BOS" if bos1 else bi_known[k - 1]),
            p[38] + ("EOS" if eos1 else bi_known[k]), p[39] + ("EOS" if eos2 else bi_known[k + 1]),
            p[40] + ("BOS" if bos2 else tri_known[k - 2]), p[41] + d_11, p[42] + ("EOS" if eos2 else tri_known[k]),
        ])
    return out


@lru_cache(maxsize=1)
def shared_segmenter() -> WordSegmenter:
    """One segmenter per process (the model and dictionary are loaded once)."""
    return WordSegmenter()
