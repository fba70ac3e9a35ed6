"""pipeline.ingest: each format, folder walking, ids, limits and laziness."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import ingest
from pipeline.ingest import Article, ReadOptions, iter_articles
from pipeline.ingest.base import compose_text, iso_date, safe_id
from pipeline.ingest.sources import Source, detect

VI = (
    "Sáng 7/3, Chủ tịch UBND tỉnh Nguyễn Đăng Bình chủ trì phiên họp Ban Chỉ đạo chuyển đổi số. "
    "Năm 2023, tỷ lệ hồ sơ trực tuyến toàn trình đạt 76,6%."
)
TITLE = "Tỉnh họp Ban Chỉ đạo chuyển đổi số"
SAMPLES = Path(__file__).resolve().parent.parent / "corpora" / "samples"


def read(*paths: Path | str, **options: object) -> list[Article]:
    return list(iter_articles(list(paths), ReadOptions(**options) if options else None))


def error_types(articles: list[Article]) -> list[str | None]:
    return [a.error["type"] if a.error else None for a in articles]


# -- paths ----------------------------------------------------------------------------------


def test_samples_read_as_utf8_with_stem_ids() -> None:
    articles = read(SAMPLES)
    assert [a.doc_id for a in articles] == sorted(p.stem for p in SAMPLES.glob("*.txt"))
    for article in articles:
        assert article.error is None and article.meta == {"format": "txt", "encoding": "utf-8"}
        raw = (SAMPLES / f"{article.doc_id}.txt").read_bytes()
        assert article.text == raw.decode("utf-8")
        assert len(article.content_hash) == 40


def test_folder_walk_is_recursive_sorted_and_skips_non_inputs(tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.txt", "a/c.html", "A.txt", ".hidden.txt", "notes.md", ".git/x.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"<p>{VI}</p>" if name.endswith("html") else VI, encoding="utf-8")
    sources = [Path(a.source).relative_to(tmp_path).as_posix() for a in read(tmp_path)]
    assert sources == ["A.txt", "a/c.html", "a/z.txt", "b.txt"]
    assert sources == [Path(a.source).relative_to(tmp_path).as_posix() for a in read(tmp_path)]


def test_missing_path_raises_before_anything_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(VI, encoding="utf-8")
    with pytest.raises(FileNotFoundError):
        iter_articles([tmp_path / "a.txt", tmp_path / "missing.txt"])


def test_explicit_unknown_extension_is_an_error_article(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    (article,) = read(path)
    assert article.error and article.error["type"] == "unknown_format" and article.doc_id == "report"
    assert article.text is None and article.source == str(path)


def test_extensions_option_restricts_the_walk(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(VI, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": VI}) + "\n", encoding="utf-8")
    assert [a.source for a in read(tmp_path, extensions=(".jsonl",))] == [f"{tmp_path / 'b.jsonl'}#row=1"]


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("a.txt", ("txt", False, "a")),
        ("a.TXT", ("txt", False, "a")),
        ("x.y.html", ("html", False, "x.y")),
        ("a.htm", ("html", False, "a")),
        ("a.jsonl.gz", ("jsonl", True, "a")),
        ("a.warc.gz", ("warc", False, "a")),
        ("a.csv.gz", ("csv", True, "a")),
        ("a.tar.gz", None),
        ("a.gz", None),
        (".txt", None),
        ("a.pdf", None),
    ],
)
def test_detect_format_from_name(name: str, found: tuple | None) -> None:
    assert detect(name) == found


# -- text files -----------------------------------------------------------------------------


def test_txt_gz_uses_the_outer_name(tmp_path: Path) -> None:
    path = tmp_path / "bai-viet.txt.gz"
    with gzip.GzipFile(path, "wb", mtime=0) as stream:
        stream.write(VI.encode("utf-8"))
    (article,) = read(path)
    assert article.doc_id == "bai-viet" and article.text == VI and article.error is None


def test_too_large_is_refused_from_the_size_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as stream:  # a sparse 200 MB file: no disk, no memory
        stream.truncate(200 * 1024 * 1024)

    def no_open(self: Source) -> None:
        raise AssertionError("the file must not be opened")

    monkeypatch.setattr(Source, "open", no_open)
    (article,) = read(path)
    assert article.error and article.error["type"] == "too_large" and "bytes" in article.error["message"]


def test_max_article_bytes_is_an_option(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(VI, encoding="utf-8")
    assert error_types(read(tmp_path / "a.txt", max_article_bytes=10)) == ["too_large"]
    assert error_types(read(tmp_path / "a.txt", max_article_bytes=10_000)) == [None]


def test_gzip_bomb_stops_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    with gzip.GzipFile(path, "wb", mtime=0) as stream:
        for _ in range(100):
            stream.write(b"0" * 100_000)  # 10 MB
    assert error_types(read(path, max_article_bytes=1_000_000)) == ["too_large"]


def test_truncated_txt_gz(tmp_path: Path) -> None:
    data = gzip.compress(VI.encode("utf-8") * 50, mtime=0)
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(data[: len(data) // 2])
    (article,) = read(path)
    assert article.error and article.error["type"] == "truncated_gzip" and article.text is None


# -- html -----------------------------------------------------------------------------------

PAGE = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{TITLE} - Báo tỉnh</title>
<meta property="og:title" content="{TITLE}">
<meta property="article:published_time" content="2023-06-08T19:54:00+07:00">
<script>var x = "Phó Chủ tịch giả 99%";</script><style>p {{ color: red }}</style></head>
<body><nav><a href="/">Trang chủ</a></nav><article><h1>{TITLE}</h1><div class="date">19:54 | 08/06/2023</div>
<p>{VI}</p><!-- Phó Chủ tịch 12% -->
<figure><img src="a.jpg" alt="ảnh">
<figcaption>Chủ tịch UBND tỉnh Nguyễn Đăng Bình phát biểu tại phiên họp.</figcaption></figure>
<p>Toàn tỉnh có 1.250 tổ công nghệ số cộng đồng với hơn 8.000 thành viên, tăng 12% so với cùng kỳ.</p>
</article><footer>Bản quyền thuộc Báo tỉnh</footer></body></html>"""


def test_html_article_shape(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (article,) = read(path)
    assert article.error is None and article.doc_id == "page"
    assert article.meta["title"] == TITLE and article.meta["published_meta"] == "2023-06-08"
    assert article.meta["format"] == "html" and article.meta["encoding"] == "utf-8"
    title, dateline, body = article.text.split("\n\n", 2)
    assert (title, dateline) == (TITLE, "19:54 | 08/06/2023")
    assert VI in body and "phát biểu tại phiên họp" in body  # the figure caption is kept
    assert TITLE not in body  # not repeated
    for junk in ("giả 99%", "color: red", "12%\n", "Trang chủ"):
        assert junk not in article.text


def test_html_without_visible_dateline(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(PAGE.replace('<div class="date">19:54 | 08/06/2023</div>', ""), encoding="utf-8")
    (article,) = read(path)
    assert article.text.startswith(f"{TITLE}\n\nSáng 7/3")
    assert article.meta["published_meta"] == "2023-06-08"


CMS_PAGE = f"""<html><head><meta charset="utf-8"><title>{TITLE} | Báo tỉnh</title></head><body>
<header><div class="date">Thứ Hai, 01/01/2024</div></header>
<article class="detail"><h1>{TITLE}</h1>
<div class="meta"><span class="date">Thứ Ba, 12/09/2023 08:15 (GMT+7)</span>
<span class="share">Chia sẻ</span></div>
<p class="sapo">{VI}</p>
<figure class="image"><img src="a.jpg" alt="x"><figcaption class="caption">Phó Chủ tịch UBND tỉnh Lê Văn A
phát biểu tại hội nghị.<br>Ảnh: T.N</figcaption></figure>
<p>Toàn tỉnh có 1.250 tổ công nghệ số cộng đồng với hơn 8.000 thành viên, tăng 12% so với cùng kỳ.</p>
<figure class="wp-caption"><img src="b.jpg">
<figcaption>Các đại biểu dự hội nghị tại điểm cầu tỉnh.</figcaption></figure>
<p>Hạ tầng số từng bước được hoàn thiện, tỷ lệ người dân có điện thoại thông minh đạt 78%.</p>
</article><section class="related"><p>Tin ngày 02/02/2022</p></section></body></html>"""


def test_html_cms_layout_keeps_dateline_and_captions(tmp_path: Path) -> None:
    (tmp_path / "cms.html").write_text(CMS_PAGE, encoding="utf-8")
    (article,) = read(tmp_path / "cms.html")
    title, dateline, body = article.text.split("\n\n", 2)
    assert title == TITLE
    assert dateline == "Thứ Ba, 12/09/2023 08:15 (GMT+7)"  # the article's, not the header's today-date
    assert "Phó Chủ tịch UBND tỉnh Lê Văn A" in body and "Các đại biểu dự hội nghị tại điểm cầu tỉnh." in body
    assert "Chia sẻ" not in article.text


def test_page_dateline_needs_a_headline_and_a_date() -> None:
    from pipeline.ingest.html_page import page_dateline

    assert page_dateline('<div class="date">12/09/2023</div><h1>T</h1><p>x</p>') is None
    assert (
        page_dateline('<h1>T</h1><time datetime="2023-09-12">12-09-2023, 8:15</time>') == "12-09-2023, 8:15"
    )
    assert page_dateline('<h1>T</h1><span class="time">Hôm nay</span><p>12/09/2023</p>') is None
    assert page_dateline("<h1>T</h1>" + "<p>x</p>" * 60 + '<span class="date">12/09/2023</span>') is None


def test_html_date_is_never_guessed_from_the_text(tmp_path: Path) -> None:
    page = f"<html><head><title>{TITLE}</title></head><body><article><p>{VI} Năm 2022 tăng.</p></article>"
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    (article,) = read(tmp_path / "p.html")
    assert "published_meta" not in article.meta


def test_html_legacy_charset_is_declared_and_honoured(tmp_path: Path) -> None:
    from pipeline.ingest.legacy import encode_cp1258

    page = f'<html><head><meta charset="windows-1258"><title>{TITLE}</title></head><body><p>{VI}</p></body>'
    (tmp_path / "p.html").write_bytes(encode_cp1258(page))
    (article,) = read(tmp_path / "p.html")
    assert article.meta["encoding"] == "cp1258"
    import unicodedata

    assert VI in unicodedata.normalize("NFC", article.text)


def test_html_fallback_on_pathological_nesting(tmp_path: Path) -> None:
    page = "<html><body>" + "<div>" * 5000 + f"<p>{VI}</p>" + "</div>" * 5000 + "</body></html>"
    (tmp_path / "deep.html").write_text(page, encoding="utf-8")
    (article,) = read(tmp_path / "deep.html")
    assert article.error is None and VI in article.text and article.meta["extractor"] == "fallback"


def test_html_without_text_is_empty(tmp_path: Path) -> None:
    (tmp_path / "e.html").write_text("<html><body><script>var a;</script></body></html>", encoding="utf-8")
    assert error_types(read(tmp_path / "e.html")) == ["empty"]


# -- jsonl / json ---------------------------------------------------------------------------


def jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows),
        encoding="utf-8",
    )
    return path


def test_jsonl_rows_and_columns(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "a.jsonl",
        [
            {"id": 7, "title": TITLE, "published": "08/06/2023", "url": "https://x.vn/a", "text": VI},
            {"text": VI},
            "{broken",
            {"id": "x", "text": VI},
        ],
    )
    articles = read(path)
    assert error_types(articles) == [None, None, "malformed_json", None]
    first, second, broken, fourth = articles
    assert first.doc_id == "7" and first.source == f"{path}#row=1"
    assert first.text == f"{TITLE}\n\n{VI}"
    assert first.meta == {
        "format": "jsonl",
        "encoding": "utf-8",
        "title": TITLE,
        "published_meta": "2023-06-08",
        "url": "https://x.vn/a",
    }
    assert second.doc_id == ingest.base.text_id(VI) and second.text == VI
    assert broken.source == f"{path}#row=3" and broken.text is None
    assert fourth.source == f"{path}#row=4"
    assert len({a.content_hash for a in articles}) == 4


def test_jsonl_custom_columns(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "b.jsonl", [{"uid": "k1", "body": VI, "headline": TITLE, "date": "2023-01-02"}])
    (article,) = read(path, text_column="body", id_column="uid", title_column="headline", date_column="date")
    assert (
        article.doc_id == "k1"
        and article.meta["title"] == TITLE
        and article.meta["published_meta"] == "2023-01-02"
    )
    (missing,) = read(path)
    assert missing.error and missing.error["type"] == "missing_text" and "body" in missing.error["message"]


def test_jsonl_line_over_the_limit_is_skipped_without_losing_the_next(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "c.jsonl",
        [{"id": "a", "text": VI}, {"id": "big", "text": "x" * 50_000}, {"id": "b", "text": VI}],
    )
    assert error_types(read(path, max_article_bytes=10_000)) == [None, "too_large", None]


def test_jsonl_gz_truncated_keeps_complete_lines(tmp_path: Path) -> None:
    rows = "".join(
        json.dumps({"id": f"r{i}", "text": f"{VI} {i}"}, ensure_ascii=False) + "\n" for i in range(200)
    )
    data = gzip.compress(rows.encode("utf-8"), mtime=0)
    path = tmp_path / "t.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    articles = read(path)
    assert articles[-1].error and articles[-1].error["type"] == "truncated_gzip"
    assert len(articles) > 2 and all(a.error is None for a in articles[:-1])
    assert [a.doc_id for a in articles[:-1]] == [f"r{i}" for i in range(len(articles) - 1)]


def test_json_array_and_single_object(tmp_path: Path) -> None:
    (tmp_path / "arr.json").write_text(
        json.dumps([{"id": "a", "text": VI}, 3, {"text": VI}]), encoding="utf-8"
    )
    articles = read(tmp_path / "arr.json")
    assert error_types(articles) == [None, "malformed_json", None]
    assert articles[0].source.endswith("arr.json#row=1")
    (tmp_path / "one.json").write_text(json.dumps({"title": TITLE, "text": VI}), encoding="utf-8")
    (one,) = read(tmp_path / "one.json")
    assert one.doc_id == "one" and one.text == f"{TITLE}\n\n{VI}"


def test_json_array_streams_items_across_chunks(tmp_path: Path) -> None:
    items = [
        {"id": f"i{i}", "text": f"{VI} {'x' * (i * 997 % 70_000)}", "n": 12345678901234} for i in range(60)
    ]
    (tmp_path / "big.json").write_text(json.dumps(items, indent=2), encoding="utf-8")
    articles = read(tmp_path / "big.json")
    assert [a.doc_id for a in articles] == [f"i{i}" for i in range(60)]
    assert all(a.error is None for a in articles)


def test_unsafe_ids_become_safe_file_names() -> None:
    assert safe_id("../../etc/passwd") == "_.._etc_passwd"
    assert safe_id(" 12 ") == "12" and safe_id(12) == "12"
    assert safe_id("") is None and safe_id(None) is None and safe_id(True) is None
    assert "/" not in (safe_id("a/" * 200) or "") and len(safe_id("a/" * 200) or "") <= 120
    assert safe_id("Bài viết số 1") == "Bài_viết_số_1"


# -- csv ------------------------------------------------------------------------------------


def test_csv_rows_quoting_and_errors(tmp_path: Path) -> None:
    lines = [
        "id,title,published,text",
        f'1,{TITLE},2023-06-08,"{VI}"',
        f'2,{TITLE},2023-06-09,"{VI}\nđoạn hai"',
        '3,T,2023-06-10,"never closed',
        '4,T,2023-06-11,"swallowed"',
        "5,T,too,many,fields",
        f'6,{TITLE},,"{VI}"',
    ]
    (tmp_path / "a.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = read(tmp_path / "a.csv")
    assert error_types(articles) == [None, None, "malformed_csv", "malformed_csv", None]
    assert [a.doc_id for a in articles if not a.error] == ["1", "2", "6"]
    assert articles[1].text.endswith("đoạn hai") and articles[0].meta["published_meta"] == "2023-06-08"
    assert articles[-1].source.endswith("a.csv#row=5")


def test_csv_delimiter_bom_and_legacy_encoding(tmp_path: Path) -> None:
    from pipeline.ingest.legacy import encode_cp1258

    (tmp_path / "semi.csv").write_bytes(("\ufeffid;text\n1;" + VI + "\n").encode("utf-8"))
    (semi,) = read(tmp_path / "semi.csv")
    assert semi.text == VI and semi.doc_id == "1"
    (tmp_path / "old.csv").write_bytes(encode_cp1258(f'id,text\n1,"{VI}"\n2,"{VI}"\n'))
    old = read(tmp_path / "old.csv")
    import unicodedata

    assert [unicodedata.normalize("NFC", a.text) for a in old] == [VI, VI]


@pytest.mark.parametrize(("scheme", "codec"), [("tcvn3", "latin-1"), ("vni", "cp1252")])
def test_csv_in_legacy_font_encodings(tmp_path: Path, scheme: str, codec: str) -> None:
    from pipeline.ingest.legacy import tables

    rows = [VI, "Tin tức", "Số liệu năm 2023"]  # short fields too: the file decides, not each field
    body = "id,text\n" + "".join(f'{i},"{text}"\n' for i, text in enumerate(rows))
    (tmp_path / "legacy.csv").write_bytes(tables().encode(body, scheme).encode(codec))
    articles = read(tmp_path / "legacy.csv")
    assert [a.text for a in articles] == rows
    assert {a.meta["encoding"] for a in articles} == {scheme}


def test_csv_without_text_column(tmp_path: Path) -> None:
    (tmp_path / "x.csv").write_text("id,body\n1,abc\n", encoding="utf-8")
    (article,) = read(tmp_path / "x.csv")
    assert article.error and article.error["type"] == "missing_text"
    (ok,) = read(tmp_path / "x.csv", text_column="body")
    assert ok.text == "abc"


def test_csv_line_over_the_limit(tmp_path: Path) -> None:
    (tmp_path / "l.csv").write_text(f'id,text\n1,{"9" * 50_000}\n2,"{VI}"\n', encoding="utf-8")
    assert error_types(read(tmp_path / "l.csv", max_article_bytes=10_000)) == ["too_large", None]


# -- warc -----------------------------------------------------------------------------------


def make_warc(path: Path, pages: list[tuple[str, bytes, str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))
        for i, (uri, payload, content_type, status) in enumerate(pages):
            http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri,
                "response",
                payload=io.BytesIO(payload),
                http_headers=http,
                warc_headers_dict={
                    "WARC-Record-ID": f"<urn:uuid:{i:08d}-0000-4000-8000-000000000000>",
                    "WARC-Date": "2023-06-08T00:00:00Z",
                },
            )
            writer.write_record(record)


@pytest.mark.parametrize("name", ["a.warc.gz", "a.warc"])
def test_warc_html_responses_only(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    make_warc(
        path,
        [
            ("https://x.vn/1.html", PAGE.encode("utf-8"), "text/html; charset=utf-8", "200 OK"),
            ("https://x.vn/a.png", b"\x89PNG\r\n\x1a\n", "image/png", "200 OK"),
            ("https://x.vn/404.html", b"<html>404</html>", "text/html", "404 Not Found"),
            ("https://x.vn/2.html", PAGE.replace("19:54", "08:00").encode("utf-8"), "text/html", "200 OK"),
        ],
    )
    articles = read(path)
    assert error_types(articles) == [None, None]
    first = articles[0]
    assert first.meta["url"] == "https://x.vn/1.html" and first.meta["format"] == "warc"
    assert first.source == f"{path}#record=urn:uuid:00000000-0000-4000-8000-000000000000"
    assert first.meta["title"] == TITLE and first.meta["warc_date"] == "2023-06-08T00:00:00Z"
    assert len(first.doc_id) == 16 and first.doc_id != articles[1].doc_id


@pytest.mark.parametrize("name", ["t.warc.gz", "t.warc"])
@pytest.mark.parametrize("keep", [0.5, 0.7, 0.8, 0.9, 0.97])
def test_warc_truncated(tmp_path: Path, name: str, keep: float) -> None:
    path = tmp_path / name
    make_warc(
        path, [(f"https://x.vn/{i}.html", PAGE.encode("utf-8"), "text/html", "200 OK") for i in range(3)]
    )
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    articles = read(path)
    assert error_types(articles)[-1] == ("truncated_gzip" if name.endswith(".gz") else "truncated_warc")
    assert all(a.error is None for a in articles[:-1]) and 1 <= len(articles) <= 3


def test_not_a_warc(tmp_path: Path) -> None:
    (tmp_path / "x.warc").write_text("hello, not an archive\n", encoding="utf-8")
    assert error_types(read(tmp_path / "x.warc")) == ["malformed_warc"]


# -- ids, determinism, laziness ---------------------------------------------------------------


def test_doc_ids_are_deterministic(tmp_path: Path) -> None:
    jsonl(tmp_path / "a.jsonl", [{"text": f"{VI} {i}"} for i in range(5)])
    (tmp_path / "b.txt").write_text(VI, encoding="utf-8")
    first = [(a.doc_id, a.content_hash, a.source) for a in read(tmp_path)]
    second = [(a.doc_id, a.content_hash, a.source) for a in read(tmp_path)]
    assert first == second and len({d for d, _, _ in first}) == 6


def test_reading_is_lazy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Taking the first article of a big JSONL reads a small part of it, and no other file."""
    path = jsonl(tmp_path / "big.jsonl", [{"id": f"r{i}", "text": VI} for i in range(20_000)])
    jsonl(tmp_path / "other.jsonl", [{"text": VI}])
    size = path.stat().st_size
    consumed = {"bytes": 0, "opened": []}
    original = Source.open

    class Counting(io.RawIOBase):
        def __init__(self, inner: io.BufferedReader) -> None:
            self.inner = inner

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: memoryview) -> int:
            data = self.inner.read(len(buffer))
            consumed["bytes"] += len(data)
            buffer[: len(data)] = data
            return len(data)

        def seek(self, offset: int, whence: int = 0) -> int:
            return self.inner.seek(offset, whence)

        def seekable(self) -> bool:
            return True

        def close(self) -> None:
            self.inner.close()
            super().close()

    def counting_open(self: Source) -> io.BufferedReader:
        consumed["opened"].append(self.path.name)
        return io.BufferedReader(Counting(original(self)))

    monkeypatch.setattr(Source, "open", counting_open)
    articles = iter_articles([tmp_path])
    assert consumed["opened"] == []  # nothing is read before it is asked for
    first = next(articles)
    assert first.doc_id == "r0"
    assert consumed["opened"] == ["big.jsonl"]
    assert consumed["bytes"] < size / 20
    articles.close()


# -- helpers ---------------------------------------------------------------------------------


def test_compose_text() -> None:
    assert compose_text(TITLE, None, VI) == f"{TITLE}\n\n{VI}"
    assert compose_text(TITLE, "08/06/2023", f"{TITLE}\n{VI}") == f"{TITLE}\n\n08/06/2023\n\n{VI}"
    assert compose_text(None, None, VI) == VI


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2023-06-08", "2023-06-08"),
        ("2023-06-08T19:54:00+07:00", "2023-06-08"),
        ("08/06/2023", "2023-06-08"),
        ("8.6.2023 10:00", "2023-06-08"),
        ("31/02/2023", None),
        ("hôm qua", None),
        ("", None),
        (20230608, None),
    ],
)
def test_iso_date(value: object, iso: str | None) -> None:
    assert iso_date(value) == iso


# -- properties: arbitrary bytes in any format never raise -----------------------------------

PIECES = [
    *'<>/"=,;\n\t {}[]:\\x%',
    "<p>",
    "<div>",
    "</div>",
    "<!--",
    "-->",
    "<script>",
    "&#",
    "&amp;",
    "Chủ",
    "tịch",
    "ạ",
    '"text"',
    "\ufeff",
]
HOSTILE_BYTES = st.one_of(
    st.binary(max_size=600),
    st.lists(st.sampled_from(PIECES), max_size=150).map(lambda parts: "".join(parts).encode("utf-8")),
)


@given(HOSTILE_BYTES, st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.json", "a.csv", "a.warc"]))
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_bytes_in_any_format_never_raise(tmp_path: Path, data: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    articles = read(path)
    for article in articles:
        assert (article.text is None) == (article.error is not None)
        assert article.doc_id and article.source.startswith(str(path))
        if article.error:
            assert article.error["stage"] == "ingest" and article.error["type"] != "read_error"
    if name in ("a.txt", "a.html"):
        assert len(articles) == 1
