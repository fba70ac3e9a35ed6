"""Bytes → text for Vietnamese press archives, or a clear refusal; never garbage text.

What arrives: UTF-8 (with or without BOM), UTF-16, Windows-1258, UTF-8 Vietnamese that was
once read as Windows-1252 ("Chá»§ tá»‹ch", mojibake), the pre-Unicode TCVN3 and VNI font
encodings, and files that are not text at all. Every candidate decoding is judged by the
same test, the share of its non-ASCII words that are possible Vietnamese syllables
(``legacy.Score``): a decoding that does not read as Vietnamese is rejected with a reason
rather than passed on. NFD text is left alone (composition is the normaliser's job).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .legacy import Score, tables

# Magic numbers of the binary files that end up in text archives under a text name.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office 97 document"),
    (b"\x7fELF", "ELF executable"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"RIFF", "RIFF media (WAV/AVI/WebP)"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"SQLite format 3\x00", "SQLite database"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Single-byte codecs decode any byte string, so a declaration of one of them proves nothing.
_ANY_BYTES = {"latin-1", "iso8859-1", "cp1252", "cp1258", "ascii", "iso8859-15", "cp1250", "cp1251"}
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_TEXT_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]{1,40})""", re.IGNORECASE)

SNIFF_BYTES = 8192
ACCEPT_RATIO = 0.8  # share of non-ASCII words that must be Vietnamese syllables
MIN_EVIDENCE = 3  # Vietnamese words an 8-bit reading needs: one or two are ambiguous ("sè" is "số" in TCVN3)
MOSTLY_ASCII = 0.02  # a non-Vietnamese 8-bit file is accepted when this few words are non-ASCII


@dataclass(frozen=True)
class Decoded:
    """The outcome of decoding: text and the encoding label, or an error (type, message)."""

    text: str | None
    encoding: str
    error: tuple[str, str] | None = None


def _latin1_fallback(exc: UnicodeError) -> tuple[str | bytes, int]:
    """Error handler: the five bytes Windows-1252 leaves undefined map to their Latin-1 code points
    (and back), as every browser and ftfy's "sloppy" codec do."""
    if isinstance(exc, UnicodeDecodeError):
        return exc.object[exc.start : exc.end].decode("latin-1"), exc.end
    if isinstance(exc, UnicodeEncodeError):
        chunk = exc.object[exc.start : exc.end]
        if all(ord(ch) < 0x100 for ch in chunk):
            return chunk.encode("latin-1"), exc.end
    raise exc


codecs.register_error("vnm_latin1_fallback", _latin1_fallback)


def sniff_binary(head: bytes) -> str | None:
    """Why ``head`` (the first bytes of a file) is not text, or None when it may be text."""
    for magic, name in _SIGNATURES:
        if head.startswith(magic):
            return f"binary content ({name})"
    if b"\x00" in head:
        return "binary content (NUL bytes)"
    if head and len(_CONTROL.findall(head)) > max(2, len(head) // 20):
        return "binary content (control bytes)"
    return None


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes (``<meta charset>``/http-equiv)."""
    match = _CHARSET.search(head[:4096])
    return _codec_name(match.group(1).decode("ascii", "ignore")) if match else None


def charset_from_content_type(value: str | None) -> str | None:
    """The charset parameter of an HTTP Content-Type header."""
    if not value:
        return None
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_:.\-]{1,40})", value, re.IGNORECASE)
    return _codec_name(match.group(1)) if match else None


def _codec_name(label: str) -> str | None:
    try:
        return codecs.lookup(label.strip()).name
    except LookupError:
        return None


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 saved without a BOM: one byte of each pair is mostly NUL (ASCII-heavy text)."""
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    zero_even, zero_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zero_odd > 0.3 and zero_even < 0.02:
        return "utf-16-le"
    if zero_even > 0.3 and zero_odd < 0.02:
        return "utf-16-be"
    return None


def decode_bytes(raw: bytes, declared: str | None = None) -> Decoded:
    """Decode one article's bytes (see the module doc for what is recognised)."""
    if not raw.strip():
        return Decoded(None, "", ("empty", "the file or field is empty"))
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return _strict(
                raw, codec, f"the bytes after the {codec.upper()} byte-order mark are not valid {codec}"
            )
    utf16 = _utf16_without_bom(raw[:SNIFF_BYTES])
    if utf16:
        return _strict(
            raw, utf16, f"looks like {utf16} without a byte-order mark but does not decode as such"
        )
    reason = sniff_binary(raw[:SNIFF_BYTES])
    if reason:
        return Decoded(None, "", ("binary", reason))
    try:
        return _finish(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        head = raw[: exc.start]
        if exc.start >= len(raw) - 3 and exc.reason == "unexpected end of data" and not head.isascii():
            # a UTF-8 file (it has multi-byte characters) cut inside its last character
            return _finish(head.decode("utf-8"), "utf-8")
    mostly = _mostly_utf8(raw)
    return _finish(mostly, "utf-8+replaced") if mostly is not None else _decode_8bit(raw, declared)


def _mostly_utf8(raw: bytes) -> str | None:
    """UTF-8 with a few stray bytes (a scraper's slip): the text with U+FFFD for them, or None.

    Only when the valid multi-byte characters outnumber the bad bytes a hundred to one, so an
    8-bit file is never taken for UTF-8.
    """
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - raw.count(b"\xef\xbf\xbd")
    good = sum(1 for ch in text if ch > "\x7f") - text.count("\ufffd")
    return text if 0 < bad <= max(1, len(raw) // 2000) and good >= 100 * bad else None


def _strict(raw: bytes, codec: str, message: str) -> Decoded:
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError:
        return Decoded(None, codec, ("decode", message))
    if not text.strip("\ufeff \t\r\n"):
        return Decoded(None, codec, ("empty", "the file contains only a byte-order mark or white space"))
    if len(_TEXT_CONTROL.findall(text[:SNIFF_BYTES])) > max(2, min(len(text), SNIFF_BYTES) // 20):
        return Decoded(None, codec, ("binary", f"decodes as {codec} but is mostly control characters"))
    return _finish(text, codec)


def _finish(text: str, codec: str) -> Decoded:
    if not text.strip("\ufeff \t\r\n\f\v"):
        return Decoded(None, codec, ("empty", "the text is only white space"))
    repaired, repair = repair_text(text)
    return Decoded(repaired, f"{codec}+{repair}" if repair else codec)


def _decode_8bit(raw: bytes, declared: str | None) -> Decoded:
    """Not UTF-8: a declared multi-byte charset if it decodes, else the best Vietnamese 8-bit reading.

    The bytes are known not to be UTF-8, so some 8-bit encoding wrote them: every candidate
    (the declared one, Windows-1258, Windows-1252, TCVN3, VNI) is read in full and the one whose
    words are most often Vietnamese syllables wins, if it is convincing (earlier ones win ties).
    """
    if declared and declared not in _ANY_BYTES and declared not in ("utf-8", "utf_8"):
        try:
            return _finish(raw.decode(declared), declared)
        except (UnicodeDecodeError, LookupError):
            pass
    legacy = tables()
    best: tuple[Score, str, str] | None = None
    for label, text in _candidates(raw, declared):
        score = legacy.score(text)
        if best is None or _reads_better(score, best[0], label):
            best = (score, label, text)
    assert best is not None
    score, label, text = best
    if score.ratio >= ACCEPT_RATIO and score.valid >= MIN_EVIDENCE:
        return Decoded(text, label)
    words = max(1, len(text[:20_000].split()))
    if score.total <= MOSTLY_ASCII * words:
        return Decoded(text, label)
    message = (
        "not UTF-8, and no Vietnamese encoding (Windows-1258, TCVN3, VNI) reads it as Vietnamese: "
        f"best was {label} with {score.valid}/{score.total} plausible non-ASCII words"
    )
    return Decoded(None, "", ("decode", message))


def _reads_better(new: Score, old: Score, label: str) -> bool:
    """Whether a later reading beats the current best one: more plausible words, then more
    frequent ones. A legacy conversion needs two plausible words at least: one symbol turned
    into a letter ("© 2023" → "â 2023" in TCVN3) proves nothing."""
    if label in ("tcvn3", "vni") and new.valid < 2:
        return False
    return (new.ratio, new.common) > (old.ratio, old.common)


def _candidates(raw: bytes, declared: str | None) -> Iterator[tuple[str, str]]:
    """(label, text) of each 8-bit reading of ``raw``, most likely first."""
    seen: set[str] = set()
    for codec in dict.fromkeys(c for c in (declared, "cp1258", "cp1252") if c and c in _ANY_BYTES):
        text = raw.decode(codec, errors="vnm_latin1_fallback")
        if text not in seen:
            seen.add(text)
            yield codec, text
    yield "tcvn3", tables().convert(raw.decode("latin-1"), "tcvn3")
    yield "vni", tables().convert(raw.decode("cp1252", errors="vnm_latin1_fallback"), "vni")


# -- repairs of text that decoded but reads wrong -----------------------------------------


def repair_text(text: str) -> tuple[str, str | None]:
    """Fix mojibake and legacy-encoded passages inside decoded text; say which repair was made.

    Works line by line so that a page mixing good Unicode with a pasted TCVN3 paragraph gets
    only that paragraph converted. Each change is kept only if the line reads as better
    Vietnamese afterwards.
    """
    legacy = tables()
    repairs: list[str] = []
    if legacy.mojibake_re.search(text):
        fixed = _per_line(text, legacy.mojibake_re, _unmojibake, _unmangled)
        if fixed != text:
            text = fixed
            repairs.append("mojibake")
    if legacy.has_telltales(text):
        scheme = _legacy_scheme(text)
        if scheme:
            fixed = _per_line(text, legacy.telltale_re, lambda line: legacy.convert(line, scheme), _converted)
            if fixed != text:
                text = fixed
                repairs.append(scheme)
    return text, "+".join(repairs) or None


def _per_line(text: str, trigger: re.Pattern, fix: Callable[[str], str | None], better: Callable) -> str:
    """Apply ``fix`` to each line ``trigger`` finds, keeping the result where ``better`` says so."""
    legacy = tables()
    lines = text.split("\n")
    changed = False
    for i, line in enumerate(lines):
        if not trigger.search(line):
            continue
        candidate = fix(line)
        if candidate is None or candidate == line:
            continue
        if better(legacy.score(line, len(line)), legacy.score(candidate, len(candidate))):
            lines[i] = candidate
            changed = True
    return "\n".join(lines) if changed else text


def _unmangled(before: Score, after: Score) -> bool:
    """A mojibake repair must make more words read as Vietnamese (ftfy already is conservative)."""
    return after.valid > before.valid and after.ratio > before.ratio


def _converted(before: Score, after: Score) -> bool:
    """A legacy conversion must turn a line that did not read as Vietnamese into one that does.

    A line of good Unicode with a stray "©" reads as Vietnamese already: it is left alone even
    in a document where other paragraphs are TCVN3.
    """
    return after.valid > before.valid and after.ratio >= 0.8 and after.ratio - before.ratio >= 0.3


def _legacy_scheme(text: str) -> str | None:
    """Which legacy scheme, if any, turns the document's telltale lines into Vietnamese.

    Needs at least two words gained, so a lone symbol ("© 2023") never decides it.
    """
    legacy = tables()
    sample = "\n".join(line for line in text[:200_000].split("\n") if legacy.has_telltales(line))[:40_000]
    base = legacy.score(sample, len(sample))
    best, best_score = None, base
    for scheme in ("tcvn3", "vni"):
        score = legacy.score(legacy.convert(sample, scheme), len(sample) * 2)
        if (score.ratio, score.common) > (best_score.ratio, best_score.common):
            best, best_score = scheme, score
    if (
        best
        and best_score.ratio >= 0.6
        and best_score.ratio >= base.ratio + 0.2
        and best_score.valid >= base.valid + 2
    ):
        return best
    return None


def _unmojibake(line: str) -> str | None:
    """UTF-8 that was decoded as Windows-1252/Latin-1, decoded back (ftfy when installed)."""
    for lost, restored in tables().mojibake_lossy.items():
        line = line.replace(lost, restored)
    try:
        import ftfy
    except ImportError:  # pragma: no cover - exercised only where ftfy is absent
        ftfy = None
    if ftfy is not None:
        return ftfy.fix_encoding(line)
    current = line
    for _ in range(2):  # doubly mangled text needs two rounds
        try:
            current = current.encode("cp1252", errors="vnm_latin1_fallback").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            break
    return current
