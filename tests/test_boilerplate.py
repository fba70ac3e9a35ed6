from pipeline.boilerplate import clean, is_dateline
from pipeline.normalize import normalize_text

BODY = ("Ngày 15/6/2022, Ban Chỉ đạo Chuyển đổi số tỉnh họp phiên thứ hai để đánh giá việc triển khai "
        "chuyển đổi số trên địa bàn tỉnh trong quý II năm 2022.")


def cleaned(text: str):
    return clean(normalize_text(text))


def test_datelines():
    for line in ("15:57, 26/01/2024", "19:54 | 08/06/2023", "07/03/2023", "Thứ 5 Ngày 14/5/2020, 10:13:21 AM",
                 "Thứ Hai, 12/06/2023 08:15 (GMT+7)", "Cập nhật: 10:25 - 12/09/2023", "Ngày đăng: 03/10/2022",
                 "T2, 08/01/2024 - 09:30", "Ngày đăng: 13/07/2022 | Lượt xem: 216",
                 "Thứ Tư, 10/4/2024 08:45 (GMT+07:00)", "10/04/2024 lúc 08:45 UTC+7",
                 "Thứ Sáu, ngày 10 tháng 5 năm 2024"):
        assert is_dateline(line), line
    for line in (BODY, "Tỷ lệ đạt 76,6%", "Quyết định số 685/QĐ-UBND"):
        assert not is_dateline(line), line


def test_title_header_and_byline_found():
    mapped, layout = cleaned(f"Tiêu đề bài viết về chuyển đổi số\n15:57, 26/01/2024\n{BODY}\nThúy Hồng\n")
    assert layout.title == "Tiêu đề bài viết về chuyển đổi số"
    assert layout.header == "15:57, 26/01/2024"
    assert mapped.text[slice(*layout.header_span)] == "15:57, 26/01/2024"
    assert layout.byline == "Thúy Hồng"
    assert "Thúy Hồng" not in mapped.text


def test_widgets_and_related_sections_removed():
    text = (f"Tiêu đề\n{BODY}\n\nĐánh giá:\nlượt đánh giá: , trung bình:Tin liên quan\nBình luận\n"
            "Mã xác thực không đúng.\nThống kê: 323.775\nOnline: 32\nGiá vàng\nbaodongkhoi.vn\n")
    mapped, _ = cleaned(text)
    assert mapped.text.endswith("quý II năm 2022.")
    assert "323.775" not in mapped.text and "Online" not in mapped.text


def test_related_link_runs_and_doubled_headlines_removed():
    text = (f"Tiêu đề\n{BODY}\nHỗ trợ trên 20.000 lượt người dân thực hiện chuyển đổi số\n"
            "Thúc đẩy chuyển đổi số từ cơ sở\n"
            "Bến Tre: Châu Bình tập trung sản xuấtBến Tre: Châu Bình tập trung sản xuất\n" + BODY)
    mapped, layout = cleaned(text)
    assert "20.000" not in mapped.text
    assert "Châu Bình" not in mapped.text
    assert mapped.text.count("Ban Chỉ đạo") == 2
    assert {why for why, _ in layout.removed} >= {"link list", "related link"}


def test_single_caption_kept():
    text = f"Tiêu đề\n{BODY}\nPhó Chủ tịch UBND tỉnh Nguyễn Văn An phát biểu tại hội nghị\n{BODY}"
    mapped, _ = cleaned(text)
    assert "Nguyễn Văn An" in mapped.text


def test_photo_credit_removed_and_offsets_kept():
    original = f"Tiêu đề\n{BODY}\nChủ tịch UBND tỉnh phát biểu. Ảnh: HỒNG HÀ\n{BODY}"
    mapped, _ = cleaned(original)
    assert "HỒNG HÀ" not in mapped.text
    at = mapped.text.rindex("quý II")
    start, end = mapped.original_span(at, at + 6)
    assert original[start:end] == "quý II"


def test_an_inline_related_headline_is_removed_but_a_sentence_after_a_marker_word_is_kept():
    text = (f"Tiêu đề\n{BODY}\nXem thêm: Lào Cai khôi phục 120 km đường giao thông sau bão số 3 "
            f"và nhiều công trình thủy lợi khác trên địa bàn\n{BODY}")
    mapped, layout = cleaned(text)
    assert "120 km" not in mapped.text and mapped.text.count("Ban Chỉ đạo") == 2
    assert ("related link", "Xem thêm: Lào Cai khôi phục 120 km đường giao thông sau bão số 3 và nhiều công trình "
            "thủy lợi khác trên địa bàn") in layout.removed
    text = f"Tiêu đề\n{BODY}\nBình luận: việc triển khai đã đạt kết quả tốt trên toàn tỉnh.\n{BODY}"
    assert "kết quả tốt" in cleaned(text)[0].text
