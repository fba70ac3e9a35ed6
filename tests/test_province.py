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


def test_headline_in_capitals_names_the_province():
    body = "Ngày 15/8, UBND tỉnh tổ chức hội nghị."
    assert find(body, title="VĨNH LONG: TỶ LỆ HỘ NGHÈO GIẢM CÒN 1,42%") == "Vĩnh Long"
    assert find(body, title="TỶ LỆ HỘ NGHÈO GIẢM CÒN 1,42%") is None


def test_a_papers_lead_credit_or_web_address_tells_its_province():
    assert find("BHN - Ngày 10/9, Đoàn giám sát làm việc với UBND thành phố.") == "Hà Nam"
    assert find("(QBĐT) - Sáng 6/11, đoàn công tác làm việc với UBND tỉnh.") == "Quảng Bình"
    assert find("Nguồn: baodaknong.vn") == "Đắk Nông"
    # a code elsewhere than at the start of a paragraph, or a word that merely starts with "bao", is no credit
    assert find("Đại diện BHN cho biết hội nghị diễn ra tốt.") is None
    assert find("Việc bao quát các nhiệm vụ được giao cho các sở.") is None


def test_party_committees_and_cities_of_a_district_count():
    assert find("Ban Thường vụ Huyện ủy Đắk Song và UBND huyện Đắk Song làm việc với xã.") == "Đắk Nông"
    assert find("UBND thành phố Phủ Lý cho biết; Thành ủy Phủ Lý chỉ đạo.") == "Hà Nam"
