"""Sentences and words with underthesea, exposed as a spaCy ``Doc``.

Vietnamese writes one syllable per space-separated chunk; words are runs of syllables
("Chủ tịch", "Bắc Kạn"). underthesea's CRF segmenter finds them; this tokenizer turns its
output into a ``Doc`` whose tokens are those words (a token may contain spaces) and whose
``doc.text`` is exactly the input text, so every character offset stays valid.
Paragraph breaks become whitespace tokens, and sentences never cross them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from . import extensions  # noqa: F401  (registers doc._.sentence_spans)
from .wordseg import shared_segmenter

_LINE = regex.compile(r"[^\n]+")
_NON_SPACE = regex.compile(r"\S+")


def _words(sentence: str) -> list[str]:
    return shared_segmenter()(sentence)  # = underthesea.word_tokenize(sentence), faster


def _sentences(paragraph: str) -> list[str]:
    from underthesea import sent_tokenize

    return sent_tokenize(paragraph)


def align(text: str, pieces: list[str], offset: int = 0) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each piece found in order in ``text``.

    underthesea returns substrings of its input; a piece it rewrote (it may normalise
    spacing inside a word) falls back to its syllables, so offsets are never guessed.
    """
    cursor = 0
    for piece in pieces:
        found = text.find(piece, cursor)
        if found < 0 or text[cursor:found].strip():
            for syllable in piece.split():
                found = text.find(syllable, cursor)
                if found < 0 or text[cursor:found].strip():
                    continue
                cursor = found + len(syllable)
                yield offset + found, offset + cursor
            continue
        cursor = found + len(piece)
        yield offset + found, offset + cursor
    # whatever underthesea dropped is kept as tokens of its own
    rest = text[cursor:]
    for match in _NON_SPACE.finditer(rest):
        yield offset + cursor + match.start(), offset + cursor + match.end()


class UndertheseaTokenizer:
    """Callable tokenizer: text → Doc with underthesea words and sentence starts."""

    def __init__(
        self,
        vocab: Vocab,
        max_sentence_chars: int = 2000,
        sentence_splitter: Callable[[str], list[str]] = _sentences,
        word_splitter: Callable[[str], list[str]] = _words,
    ) -> None:
        self.vocab = vocab
        self.max_sentence_chars = max_sentence_chars
        self.split_sentences = sentence_splitter
        self.split_words = word_splitter

    def spans(self, text: str, limits_hit: list[str] | None = None) -> Iterator[tuple[int, int, bool]]:
        """Yield (start, end, starts_sentence) for every word of ``text``.

        A sentence longer than ``max_sentence_chars`` (a run-on line of digits, a table dumped as
        one line) is segmented in chunks of that size, and the cut is noted in ``limits_hit``.
        """
        for line in _LINE.finditer(text):
            if not line.group().strip():
                continue
            line_start, line_text = line.start(), line.group()
            cursor = 0
            for sentence in self.split_sentences(line_text):
                at = line_text.find(sentence, cursor)
                if at < 0:  # the splitter rewrote the sentence: keep the rest of the line whole
                    at, sentence = cursor, line_text[cursor:]
                cursor = at + len(sentence)
                first = True
                if len(sentence) > self.max_sentence_chars and limits_hit is not None:
                    limits_hit.append(f"sentence of {len(sentence)} characters segmented in chunks of "
                                      f"{self.max_sentence_chars} (max_sentence_chars)")
                for chunk_start in range(0, len(sentence), self.max_sentence_chars):
                    chunk = sentence[chunk_start : chunk_start + self.max_sentence_chars]
                    base = line_start + at + chunk_start
                    words = self.split_words(chunk) if chunk.strip() else []
                    for start, end in align(chunk, words, base):
                        yield start, end, first
                        first = False
                if cursor >= len(line_text):
                    break

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        sent_starts: list[bool] = []
        position = 0
        limits_hit: list[str] = []
        for start, end, starts_sentence in self.spans(text, limits_hit):
            gap = text[position:start]
            if gap == " " and words:
                spaces[-1] = True
            elif gap:  # any other whitespace, or a space before the first word, is a token of its own
                if words:
                    spaces[-1] = False
                words.append(gap)
                spaces.append(False)
                sent_starts.append(False)
            words.append(text[start:end])
            spaces.append(False)
            sent_starts.append(starts_sentence)
            position = end
        tail = text[position:]
        if tail:
            if tail == " " and words:
                spaces[-1] = True
            else:
                words.append(tail)
                spaces.append(False)
                sent_starts.append(False)
        if sent_starts:
            sent_starts[0] = True
        doc = Doc(self.vocab, words=words, spaces=spaces, sent_starts=sent_starts)
        doc._.sentence_spans = _sentence_spans(words, spaces, sent_starts)
        doc._.words = _word_starts(words, spaces)
        doc._.text = text
        doc._.limits_hit = limits_hit
        return doc

    # serialisation: the tokenizer has no state of its own beyond its settings
    def to_disk(self, path, **kwargs) -> None:
        pass

    def from_disk(self, path, **kwargs) -> UndertheseaTokenizer:
        return self

    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> UndertheseaTokenizer:
        return self


def _sentence_spans(words: list[str], spaces: list[bool], sent_starts: list[bool]) -> list[tuple[int, int]]:
    """Character spans of the sentences, trailing whitespace excluded.

    Computed once here: iterating ``doc.sents`` walks every token on each call, and the
    components ask for sentences many times per article.
    """
    spans: list[tuple[int, int]] = []
    position = 0
    start = end = 0
    for word, space, starts in zip(words, spaces, sent_starts, strict=True):
        if starts and position > 0:
            spans.append((start, end))
            start = position
        if word.strip():
            end = position + len(word)
        position += len(word) + (1 if space else 0)
    if position:
        spans.append((start, max(end, start)))
    return spans


def _word_starts(words: list[str], spaces: list[bool]) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    position = 0
    for word, space in zip(words, spaces, strict=True):
        if word.strip():
            out.append((position, word))
        position += len(word) + (1 if space else 0)
    return out


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once: spaCy rebuilds it from every token on each access."""
    text = doc._.text
    if text is None:
        text = doc._.text = doc.text
    return text


def doc_words(doc: Doc) -> list[tuple[int, str]]:
    """(start_char, text) of every word of ``doc``, whitespace tokens left out (cached by the tokenizer).

    Walking the ``Doc`` creates a ``Token`` object per token each time; components that only
    need where words start read this list instead.
    """
    words = doc._.words
    if words is None:
        words = doc._.words = [(t.idx, t.text) for t in doc if not t.is_space]
    return words


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """The (start_char, end_char) of every sentence of ``doc`` (cached by the tokenizer)."""
    spans = doc._.sentence_spans
    if spans is None:
        spans = doc._.sentence_spans = [(s.start_char, s.end_char) for s in doc.sents]
    return spans


@registry.tokenizers("vnmetrics.underthesea_tokenizer.v1")
def create_tokenizer(max_sentence_chars: int = 2000) -> Callable[[Language], UndertheseaTokenizer]:
    """spaCy registry entry used by ``models/config.cfg``."""

    def make(nlp: Language) -> UndertheseaTokenizer:
        return UndertheseaTokenizer(nlp.vocab, max_sentence_chars=max_sentence_chars)

    return make


def segmented_text(doc: Doc) -> str:
    """Word-segmented text as underthesea's ``format="text"`` writes it (syllables joined by ``_``)."""
    parts: list[str] = []
    for token in doc:
        if token.is_space:
            parts.append(token.text)
        else:
            parts.append(token.text.replace(" ", "_") + token.whitespace_)
    return "".join(parts)
