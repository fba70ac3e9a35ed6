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
        if exc.start >= len(raw) - 3 and exc.reason == "unexpected end of data":
            # a file cut inside its last character: keep all the rest
            return _finish(raw[: exc.start].decode("utf-8"), "utf-8")
    return _decode_8bit(raw, declared)


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
    """Not UTF-8: a declared multi-byte charset if it decodes, else the Vietnamese 8-bit candidates."""
    if declared and declared not in _ANY_BYTES and declared not in ("utf-8", "utf_8"):
        try:
            return _finish(raw.decode(declared), declared)
        except (UnicodeDecodeError, LookupError):
            pass
    codecs_to_try = [c for c in (declared, "cp1258", "cp1252") if c and c in _ANY_BYTES]
    best: tuple[Score, str, str, str | None] | None = None
    seen: set[str] = set()
    for codec in dict.fromkeys(codecs_to_try):
        text = raw.decode(codec, errors="vnm_latin1_fallback")
        if text in seen:
            continue
        seen.add(text)
        repaired, repair = repair_text(text)
        score = tables().score(repaired)
        if best is None or score.ratio > best[0].ratio:
            best = (score, codec, repaired, repair)
    assert best is not None
    score, codec, text, repair = best
    label = repair if repair in ("tcvn3", "vni") else codec
    if score.ratio >= ACCEPT_RATIO and score.total:
        return Decoded(text, label)
    words = max(1, len(text[:20_000].split()))
    if score.total <= MOSTLY_ASCII * words:
        return Decoded(text, label)
    return Decoded(
        None,
        "",
        (
            "decode",
            (
                "not UTF-8, and no Vietnamese encoding (Windows-1258, TCVN3, VNI) reads it as Vietnamese: "
                f"best was {label} with {score.valid}/{score.total} plausible non-ASCII words"
            ),
        ),
    )


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
        fixed = _per_line(text, legacy.mojibake_re, _unmojibake)
        if fixed != text:
            text = fixed
            repairs.append("mojibake")
    if legacy.has_telltales(text):
        scheme = _legacy_scheme(text)
        if scheme:
            fixed = _per_line(text, legacy.telltale_re, lambda line: legacy.convert(line, scheme))
            if fixed != text:
                text = fixed
                repairs.append(scheme)
    return text, "+".join(repairs) or None


def _per_line(text: str, trigger: re.Pattern, fix) -> str:
    legacy = tables()
    lines = text.split("\n")
    changed = False
    for i, line in enumerate(lines):
        if not trigger.search(line):
            continue
        candidate = fix(line)
        if candidate is None or candidate == line:
            continue
        before, after = legacy.score(line, len(line)), legacy.score(candidate, len(candidate))
        if after.valid > before.valid and after.ratio > before.ratio:
            lines[i] = candidate
            changed = True
    return "\n".join(lines) if changed else text


def _legacy_scheme(text: str) -> str | None:
    """Which legacy scheme, if any, turns the telltale lines into Vietnamese."""
    legacy = tables()
    sample = "\n".join(line for line in text[:200_000].split("\n") if legacy.has_telltales(line))[:40_000]
    base = legacy.score(sample, len(sample))
    best, best_score = None, base
    for scheme in ("tcvn3", "vni"):
        score = legacy.score(legacy.convert(sample, scheme), len(sample) * 2)
        if score.ratio > best_score.ratio:
            best, best_score = scheme, score
    if best and best_score.ratio >= 0.6 and best_score.ratio >= base.ratio + 0.2:
        return best
    return None


def _unmojibake(line: str) -> str | None:
    """UTF-8 that was decoded as Windows-1252/Latin-1, decoded back (ftfy when installed)."""
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
