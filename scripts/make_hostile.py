#!/usr/bin/env python3
"""Generate the hostile input corpus ``corpora/hostile/`` and its accounting ``EXPECTED.json``.

    .venv/bin/python scripts/make_hostile.py                 # writes corpora/hostile/input + EXPECTED.json
    .venv/bin/python scripts/make_hostile.py --out DIR       # elsewhere
    .venv/bin/python scripts/make_hostile.py --large DIR     # also a 200 MB single-line file in DIR

Every file is built from a few Vietnamese sentences written here, so the output is the same
byte for byte on every run (fixed random seed, gzip mtime 0, fixed WARC ids and dates).
``EXPECTED.json`` says, for each file, how many articles reading it must yield and how many of
those are errors of which type; for single-article files it may also list strings the text
must contain (after NFC) or must not contain. It is written from how each case is built, not
from what the reader does: a test runs the reader (and the CLI) over the folder and compares.
The committed corpus stays under 2 MB: cases that need big inputs are gzip bombs of a few KB.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import shutil
import sys
import unicodedata
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.ingest.legacy import encode_cp1258, tables  # noqa: E402

# No capital letter carries a tone here: TCVN3 cannot write those (its fonts used lowercase).
VI_TITLE = "Tỉnh họp Ban Chỉ đạo chuyển đổi số"
VI = (
    "Sáng 7/3, Chủ tịch UBND tỉnh Nguyễn Văn Bình chủ trì phiên họp Ban Chỉ đạo chuyển đổi số của tỉnh. "
    "Năm 2023, tỷ lệ hồ sơ trực tuyến toàn trình đạt 76,6%, tăng 12,5% so với năm trước; "
    "toàn tỉnh có 1.250 tổ công nghệ số cộng đồng với hơn 8.000 thành viên.\n"
    "Phó Chủ tịch UBND tỉnh Đỗ Thị Minh Hoa đề nghị các sở, ngành đẩy mạnh ứng dụng dữ liệu số "
    "trong quản lý, điều hành và phục vụ người dân, doanh nghiệp."
)
MUST = ["Chủ tịch UBND tỉnh Nguyễn Văn Bình", "76,6%", "Đỗ Thị Minh Hoa", "người dân"]
MAX_ARTICLE_BYTES = 5_000_000  # the ReadOptions default the expectations assume
BIG = MAX_ARTICLE_BYTES + 1_000_000


class Corpus:
    """Writes files under ``root`` and records what each must yield."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.expected: dict[str, dict] = {}

    def add(
        self, name: str, data: bytes, articles: int = 1, errors: dict | None = None, **checks: object
    ) -> None:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        entry: dict = {"articles": articles, "errors": errors or {}}
        entry.update({k: v for k, v in checks.items() if v is not None})
        self.expected[name] = entry

    def other(self, name: str, data: bytes) -> None:
        """A file that is not an input (a folder walk must pass over it)."""
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def gz(data: bytes, name: str | None = None) -> bytes:
    """Deterministic gzip (mtime 0); ``name`` goes into the header's FNAME field."""
    out = io.BytesIO()
    with gzip.GzipFile(filename=name or "", mode="wb", fileobj=out, mtime=0) as stream:
        stream.write(data)
    return out.getvalue()


def complete_lines(compressed: bytes) -> int:
    """How many whole lines a (truncated) gzip stream decompresses to."""
    return zlib.decompressobj(wbits=31).decompress(compressed).count(b"\n")


def mojibake(text: str) -> str:
    """UTF-8 bytes read as Windows-1252 (undefined bytes as Latin-1), as old pipelines did."""
    return text.encode("utf-8").decode("cp1252", errors="vnm_latin1_fallback")


def html_page(title: str, body: str, extra_head: str = "", charset: str = "utf-8") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n"))
    return (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="{charset}">'
        f"<title>{title}</title>{extra_head}</head>"
        f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    )


def encodings(c: Corpus) -> None:
    legacy = tables()
    text = f"{VI_TITLE}\n\n{VI}\n"
    c.add("encodings/utf8.txt", text.encode("utf-8"), encoding="utf-8", contains=MUST)
    c.add(
        "encodings/utf8_bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8"), encoding="utf-8-sig", contains=MUST
    )
    c.add("encodings/utf16_bom.txt", text.encode("utf-16"), encoding="utf-16", contains=MUST)
    c.add(
        "encodings/utf16be_bom.txt", b"\xfe\xff" + text.encode("utf-16-be"), encoding="utf-16", contains=MUST
    )
    c.add("encodings/utf16le_no_bom.txt", text.encode("utf-16-le"), encoding="utf-16-le", contains=MUST)
    c.add("encodings/windows1258.txt", encode_cp1258(text), encoding="cp1258", contains=MUST)
    c.add("encodings/mojibake.txt", mojibake(text).encode("utf-8"), encoding="utf-8+mojibake", contains=MUST)
    half = text.split("\n")
    mixed = "\n".join(line if i % 2 else mojibake(line) for i, line in enumerate(half))
    c.add(
        "encodings/mojibake_mixed_lines.txt", mixed.encode("utf-8"), encoding="utf-8+mojibake", contains=MUST
    )
    c.add(
        "encodings/nfd.txt",
        unicodedata.normalize("NFD", text).encode("utf-8"),
        encoding="utf-8",
        contains=MUST,
    )
    c.add(
        "encodings/tcvn3.txt", legacy.encode(text, "tcvn3").encode("latin-1"), encoding="tcvn3", contains=MUST
    )
    c.add(
        "encodings/tcvn3_pasted_in_utf8.txt",
        legacy.encode(text, "tcvn3").encode("utf-8"),
        encoding="utf-8+tcvn3",
        contains=MUST,
    )
    c.add("encodings/vni.txt", legacy.encode(text, "vni").encode("cp1252"), encoding="vni", contains=MUST)
    c.add(
        "encodings/vni_pasted_in_utf8.txt",
        legacy.encode(text, "vni").encode("utf-8"),
        encoding="utf-8+vni",
        contains=MUST,
    )
    c.add("encodings/crlf.txt", text.replace("\n", "\r\n").encode("utf-8"), contains=MUST)
    c.add("encodings/cut_inside_last_char.txt", text.encode("utf-8") + "ạ".encode()[:2], contains=MUST)
    stray = (text * 4).encode("utf-8").replace(b"76,6%", b"76,6%\xa0", 1)  # one Latin-1 byte in UTF-8
    c.add("encodings/utf8_one_stray_byte.txt", stray, encoding="utf-8+replaced", contains=MUST)
    rng = random.Random(1258)
    noise = bytes(rng.randrange(0x80, 0x100) for _ in range(3000))
    c.add("encodings/undecodable_8bit.txt", noise, errors={"decode": 1})
    c.add("encodings/Chủ tịch – tên tệp tiếng Việt.txt", text.encode("utf-8"), contains=MUST)


def not_text(c: Corpus) -> None:
    rng = random.Random(7)
    blob = bytes(rng.randrange(256) for _ in range(4096))
    c.add("not_text/empty.txt", b"", errors={"empty": 1})
    c.add("not_text/whitespace_only.txt", b"  \r\n\n\t \n", errors={"empty": 1})
    c.add("not_text/bom_only.txt", b"\xef\xbb\xbf\n", errors={"empty": 1})
    c.add("not_text/fake_png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + blob, errors={"binary": 1})
    c.add(
        "not_text/fake_pdf.txt",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nstream\n" + blob,
        errors={"binary": 1},
    )
    c.add("not_text/fake_zip.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + blob, errors={"binary": 1})
    c.add("not_text/jpeg_named.html", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + blob, errors={"binary": 1})
    c.add(
        "not_text/nul_bytes.txt",
        VI.encode("utf-8")[:200] + b"\x00\x00\x01\x02" + blob[:100],
        errors={"binary": 1},
    )
    c.add("not_text/gzip_named_txt.txt", gz(VI.encode("utf-8")), errors={"binary": 1})
    c.other("not_text/notes.md", b"# not an input: folder walks pass over unknown extensions\n")
    c.other("not_text/.hidden.txt", b"hidden files are not inputs\n")
    c.add("not_text/archive.tar.gz", gz(b"ustar-ish"), errors={"unknown_format": 1})


def pathological_text(c: Corpus) -> None:
    unit = "1.234.567,89 - 2,5% ; 12/2023 | 0,001‰ / "
    line = (unit * (1_000_000 // len(unit.encode("utf-8")) + 1)).encode("utf-8")[:999_990]
    line = line.decode("utf-8", errors="ignore").encode("utf-8")
    c.add("pathological/digits_1mb_one_line.txt", line + b"\n", contains=["1.234.567,89"])
    c.add("pathological/percent_100k.txt", b"%" * 100_000, contains=["%%%%"])
    c.add(
        "pathological/bomb_6mb.txt.gz",
        gz((VI + "\n").encode("utf-8") * (BIG // len(VI.encode()) + 1)),
        errors={"too_large": 1},
    )


def html(c: Corpus) -> None:
    head = (
        "<style>body{font-family:serif} .x{color:red}</style>"
        "<script>var secret = 'SCRIPT_TEXT Chủ tịch giả 99%'; document.write('<p>WRITTEN</p>');</script>"
        '<meta property="article:published_time" content="2023-06-08T19:54:00+07:00">'
    )
    body = VI.replace("\n", "<!-- COMMENT_TEXT Phó Chủ tịch 12% -->\n")
    page = html_page(VI_TITLE, body, head).replace(
        "</article>",
        "<noscript>NOSCRIPT_TEXT</noscript><iframe src='x'>IFRAME_TEXT</iframe>"
        "<figure><img src='a.jpg' alt='ALT_TEXT'><figcaption>Phó Chủ tịch UBND tỉnh phát biểu tại "
        "phiên họp.</figcaption></figure></article><style>.y{}</style>",
    )
    c.add(
        "html/scripts_styles_comments.html",
        page.encode("utf-8"),
        contains=[*MUST, VI_TITLE, "phát biểu tại phiên họp"],
        absent=["SCRIPT_TEXT", "COMMENT_TEXT", "NOSCRIPT_TEXT", "font-family", "WRITTEN", "ALT_TEXT"],
        published_meta="2023-06-08",
    )
    depth = 5000
    deep = (
        f"<html><head><title>{VI_TITLE}</title></head><body>"
        + "<div>" * depth
        + "".join(f"<p>{p}</p>" for p in VI.split("\n"))
        + "</div>" * depth
        + "</body></html>"
    )
    c.add("html/nested_5000_levels.html", deep.encode("utf-8"), contains=MUST)
    unclosed = f"<html><body>{'<div><span><b>' * 3000}<p>{VI}"
    c.add("html/unclosed_3000_levels.html", unclosed.encode("utf-8"), contains=MUST[:2])
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
        '<!ENTITY lol "lollollollollollollol">]>'
        f"<html><body><article><p>{VI} &xxe; &lol;</p></article></body></html>"
    )
    c.add(
        "html/external_entity.html", xxe.encode("utf-8"), contains=MUST[:2], absent=["root:x:0", "/bin/bash"]
    )
    c.add(
        "html/no_article_text.html",
        b"<html><head><script>var a=1;</script></head><body> </body></html>",
        errors={"empty": 1},
    )
    page1258 = html_page(VI_TITLE, VI, charset="windows-1258")
    c.add("html/windows1258_declared.html", encode_cp1258(page1258), contains=MUST, encoding="cp1258")
    legacy = tables()
    old = html_page(legacy.encode(VI_TITLE, "tcvn3"), legacy.encode(VI, "tcvn3"), charset="iso-8859-1")
    c.add("html/tcvn3_old_site.htm", old.encode("latin-1"), contains=MUST, encoding="tcvn3")
    c.add("html/page.html.gz", gz(html_page(VI_TITLE, VI).encode("utf-8")), contains=MUST)


def jsonl(c: Corpus) -> None:
    good = {
        "id": "r1",
        "title": VI_TITLE,
        "published": "2023-06-08",
        "url": "https://example.vn/a",
        "text": VI,
    }
    lines = [
        json.dumps(good, ensure_ascii=False),  # 1 ok
        json.dumps({"text": VI + " (không có id)"}, ensure_ascii=False),  # 2 ok, id = hash
        '{"id": "r3", "text": "unterminated string',  # 3 malformed_json
        "[1, 2, 3]",  # 4 malformed_json: not an object
        json.dumps({"id": "r5", "title": "no text field"}),  # 5 missing_text
        "",  # blank: not a record
        '{"id": "r7", "text": 42}',  # 7 bad_text
        '{"id": "r8", "text": "   "}',  # 8 empty
        "[" * 100_000,  # 9 malformed_json (nesting)
        '{"id": "r10", "n": ' + "9" * 5000 + ', "text": "x"}',  # 10 malformed_json (integer limit)
        json.dumps({"id": "../../etc/passwd", "text": VI}, ensure_ascii=False),  # 11 ok, id made path-safe
        json.dumps({"id": "r12", "text": mojibake(VI)}, ensure_ascii=False),  # 12 ok, repaired
        '{"id": "r13", "text": "ok"} trailing garbage',  # 13 malformed_json
        json.dumps({"id": "r14", "text": tables().encode(VI, "tcvn3")}, ensure_ascii=False),  # 14 ok, TCVN3
    ]
    data = "\n".join(lines).encode("utf-8") + b"\n"
    # 15: a line in Windows-1258 bytes (not UTF-8): decoded on its own
    data += b'{"id": "r15", "text": "' + encode_cp1258(VI.replace("\n", " ")) + b'"}\n'
    c.add(
        "rows/malformed_lines.jsonl",
        data,
        articles=14,
        errors={"malformed_json": 5, "missing_text": 1, "bad_text": 1, "empty": 1},
    )
    rows = "".join(
        json.dumps({"id": f"g{i}", "text": f"{VI} Dòng {i}."}, ensure_ascii=False) + "\n" for i in range(40)
    ).encode("utf-8")
    compressed = gz(rows)
    cut = compressed[: len(compressed) * 6 // 10]
    whole = complete_lines(cut)
    c.add("rows/truncated.jsonl.gz", cut, articles=whole + 1, errors={"truncated_gzip": 1})
    lines_of = rows.split(b"\n")
    head, tail = b"\n".join(lines_of[:3]) + b"\n", b"\n".join(lines_of[-3:])  # 3 rows, then 2 rows
    long_line = json.dumps({"id": "huge", "text": "9" * BIG}).encode() + b"\n"
    c.add("rows/line_over_limit.jsonl.gz", gz(head + long_line + tail), articles=6, errors={"too_large": 1})
    c.add(
        "rows/evil_gzip_name.jsonl.gz",
        gz(rows[: rows.index(b"\n") + 1], name="../../../../tmp/vnm_pwned.txt"),
    )
    c.add("rows/not_gzip.jsonl.gz", rows[:200], errors={"bad_gzip": 1})
    array = [good, {"id": "a2", "text": VI}, "a string, not an article", {"id": "a4", "text": VI}]
    c.add(
        "rows/array.json",
        json.dumps(array, ensure_ascii=False, indent=1).encode("utf-8"),
        articles=4,
        errors={"malformed_json": 1},
    )
    c.add(
        "rows/single_object.json",
        json.dumps({"title": VI_TITLE, "text": VI}, ensure_ascii=False).encode(),
        contains=MUST,
    )
    truncated = json.dumps([good, good], ensure_ascii=False)
    c.add(
        "rows/truncated_array.json",
        truncated[: truncated.rindex('"text"') + 20].encode("utf-8"),
        articles=2,
        errors={"malformed_json": 1},
    )


def csv_files(c: Corpus) -> None:
    vi_line = VI.split("\n")[0]
    lines = [
        "id,title,published,text",
        f'c1,{VI_TITLE},08/06/2023,"{vi_line}"',  # ok
        f'c2,{VI_TITLE},2023-06-09,a "quote" inside an unquoted field: {MUST[0]}',  # ok (quote kept)
        f'c3,{VI_TITLE},2023-06-10,"{VI}"',  # ok: a quoted field spanning lines
        'c4,T4,2023-06-11,"this quote is never closed',  # malformed_csv: swallows the next line
        'c5,T5,2023-06-12,"lost with the row above"',
        "c6,T6,2023-06-13,too,many,fields",  # malformed_csv
        "c7,T7",  # malformed_csv
        f'c8,{VI_TITLE},,"{vi_line}"',  # ok
        "",  # blank: not a record
        'c9,T9,2023-06-14,"ends the file inside a quote',  # malformed_csv
    ]
    c.add(
        "rows/broken_quoting.csv", "\n".join(lines).encode("utf-8"), articles=8, errors={"malformed_csv": 4}
    )
    second = VI.split("\n")[1]  # commas, no semicolon
    semi = f"id;text\ns1;{second}\ns2;{second}\n"
    c.add("rows/semicolon.csv", semi.encode("utf-8"), articles=2)
    c.add("rows/no_text_column.csv", b"id,body\n1,abc\n", errors={"missing_text": 1})
    legacy_csv = "id,text\n" + "".join(f'l{i},"{VI.split(chr(10))[1]}"\n' for i in range(3))
    c.add("rows/windows1258.csv", encode_cp1258(legacy_csv), articles=3)


def warc(c: Corpus) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    offsets = []
    number = 0

    def record(
        uri: str, payload: bytes, content_type: str, status: str = "200 OK", kind: str = "response"
    ) -> None:
        nonlocal number
        number += 1
        http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        headers = {
            "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{number:012d}>",
            "WARC-Date": "2023-06-08T12:00:00Z",
        }
        rec = writer.create_warc_record(
            uri,
            kind,
            payload=io.BytesIO(payload),
            http_headers=http if kind == "response" else None,
            warc_headers_dict=headers,
        )
        writer.write_record(rec)
        offsets.append(out.tell())

    record(
        "https://example.vn/tin/bai-1.html",
        html_page(VI_TITLE, VI).encode("utf-8"),
        "text/html; charset=utf-8",
    )
    record("https://example.vn/anh.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
    record(
        "https://example.vn/tin/bai-2.html",
        encode_cp1258(html_page(VI_TITLE, VI, charset="windows-1258")),
        "text/html; charset=windows-1258",
    )
    record(
        "https://example.vn/khong-co.html",
        b"<html><body>404</body></html>",
        "text/html",
        status="404 Not Found",
    )
    record("https://example.vn/tin/bai-3.html", html_page("Bài ba", VI).encode("utf-8"), "text/html")
    data = out.getvalue()
    c.add("warc/archive.warc.gz", data, articles=3, contains=MUST)
    cut = data[: offsets[2] + (offsets[3] - offsets[2]) // 2]  # inside the 404 record
    c.add("warc/truncated.warc.gz", cut, articles=3, errors={"truncated_gzip": 1})
    c.add("warc/plain.warc", gzip.decompress(data[: offsets[0]]), articles=1, contains=MUST)


def nested(c: Corpus) -> None:
    c.add("nested/a/b/c/deep_article.txt", f"{VI_TITLE}\n\n{VI}\n".encode(), contains=MUST)


def build(out: Path) -> dict:
    inputs = out / "input"
    if inputs.exists():
        shutil.rmtree(inputs)
    inputs.mkdir(parents=True)
    corpus = Corpus(inputs)
    for make in (encodings, not_text, pathological_text, html, jsonl, csv_files, warc, nested):
        make(corpus)
    totals: dict[str, int] = {}
    for entry in corpus.expected.values():
        for kind, count in entry["errors"].items():
            totals[kind] = totals.get(kind, 0) + count
    expected = {
        "_doc": "Generated by scripts/make_hostile.py: for each file under input/, how many articles "
        "pipeline.ingest.iter_articles must yield with default ReadOptions and how many are errors, by type; "
        "'contains'/'absent' are strings the text of every good article of the file must / must not hold "
        "(compared after NFC); "
        "'encoding' is the expected meta['encoding']; 'published_meta' the expected ISO date.",
        "root": "input",
        "max_article_bytes": MAX_ARTICLE_BYTES,
        "files": dict(sorted(corpus.expected.items())),
        "totals": {
            "articles": sum(e["articles"] for e in corpus.expected.values()),
            "errors": sum(totals.values()),
            "by_type": dict(sorted(totals.items())),
        },
    }
    (out / "EXPECTED.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return expected


def build_large(folder: Path) -> None:
    """A 200 MB single-line file (written in pieces: this script never holds it either)."""
    folder.mkdir(parents=True, exist_ok=True)
    chunk = ("1.234,5% ; " * 10_000).encode()
    target = 200 * 1024 * 1024
    with open(folder / "huge_single_line.txt", "wb") as stream:
        written = 0
        while written < target:
            stream.write(chunk)
            written += len(chunk)
    expected = {"files": {"huge_single_line.txt": {"articles": 1, "errors": {"too_large": 1}}}}
    (folder / "EXPECTED.json").write_text(json.dumps(expected, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=ROOT / "corpora" / "hostile")
    parser.add_argument("--large", type=Path, help="also write a 200 MB single-line file into this folder")
    args = parser.parse_args(argv)
    expected = build(args.out)
    size = sum(p.stat().st_size for p in (args.out / "input").rglob("*") if p.is_file())
    print(
        f"wrote {len(expected['files'])} cases ({size:,} bytes) to {args.out / 'input'}; "
        f"totals {expected['totals']}"
    )
    if args.large:
        build_large(args.large)
        print(f"wrote {args.large / 'huge_single_line.txt'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
