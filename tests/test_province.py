from pipeline.components.province import administrative_units, finder


def find(text, title=None):
    return finder("provinces.json").find(text, title)


def test_underthesea_data_gives_63_old_provinces_and_districts():
    provinces, districts = administrative_units()
    assert {"Bắc Kạn", "Bến Tre", "Đắk Lắk", "Hà Giang", "Quảng Bình"} <= set(provinces)
    assert districts.get("Ba Bể") == "Bắc Kạn"


def test_prefixed_mentions_and_title_win():
    assert find("Ban Chỉ đạo chuyển đổi số tỉnh Bắc Kạn họp. Sở ngành tỉnh Bắc Kạn báo cáo.") == "Bắc Kạn"
    assert find("Hội nghị trực tuyến với các huyện.", title="Bến Tre: Đẩy nhanh chuyển đổi số") == "Bến Tre"


def test_aliases_and_districts():
    assert find("UBND TP.HCM tổ chức hội nghị; TP.HCM đặt mục tiêu 2025.") == "Hồ Chí Minh"
    assert find("Huyện Ba Bể và huyện Pác Nặm của tỉnh Bắc Kạn") == "Bắc Kạn"


def test_national_or_unclear_articles_have_no_province():
    assert find("Bộ Thông tin và Truyền thông tổ chức hội nghị toàn quốc.") is None
    assert find("Tỉnh Bắc Kạn và tỉnh Cao Bằng ký kết hợp tác.") is None


def test_component_sets_doc_province(annotate_text):
    doc = annotate_text("Tiêu đề\nNgày 15/6/2022, UBND tỉnh Bình Định tổ chức hội nghị tổng kết năm "
                        "của tỉnh Bình Định.")
    assert doc._.province == "Bình Định"


def test_national_reporting_naming_provinces_as_examples():
    text = ("(Chinhphu.vn) - Theo báo cáo gửi Thủ tướng Chính phủ, cả nước giải ngân đạt 6,38%. "
            "Một số địa phương như Long An, Thái Bình đạt cao; tỉnh Long An dẫn đầu. Các bộ, ngành cần khẩn trương.")
    assert find(text) is None
