"""The normaliser: what people type → canonical values."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lzfk.normalize import clean_text, label_key, lookup, parse_date, split_numbered, UnreadableValue
from lzfk.vocab import PositionGrade, RiskLevel, RiskType


@pytest.mark.parametrize("text,level", [
    ("Ⅰ级", "I"), ("I级", "I"), ("一级", "I"), ("1级", "I"), ("一", "I"), ("高", "I"), ("高级", "I"), ("高风险", "I"), ("A", "I"),
    ("Ⅱ级", "II"), ("二級", "II"), ("２级", "II"), ("中", "II"), ("B", "II"), (2.0, "II"),
    ("Ⅲ级", "III"), ("III级", "III"), ("三级风险", "III"), ("低风险", "III"), ("3", "III"),
])
def test_levels_map_to_one_value(text, level):
    assert lookup(RiskLevel, text, "level").value == level


@pytest.mark.parametrize("text", ["四级", "Ⅳ级", "4级", "很高", "", "不详"])
def test_unknown_levels_are_none(text):
    assert lookup(RiskLevel, text, "level") is None


@pytest.mark.parametrize("text,kind", [
    ("岗位职责风险", "duty"), ("岗位职责", "duty"), ("崗位職責風險", "duty"), ("思想道德", "moral"),
    ("制度机制风险", "institution"), ("業務流程", "process"), ("外部环境风险", "external"), ("外部環境", "external"),
])
def test_types_with_or_without_risk_suffix(text, kind):
    assert lookup(RiskType, text, "type").value == kind


def test_grades():
    assert [lookup(PositionGrade, g).value for g in ("A", "B级", "低")] == ["A", "B", "C"]


@pytest.mark.parametrize("text,items", [
    ("（1）拨付实行科室集体审核；（2）拨付结果按月公示", ["拨付实行科室集体审核", "拨付结果按月公示"]),
    ("1、進入公共資源交易中心公開招標；2、評標專家隨機抽取", ["进入公共资源交易中心公开招标", "评标专家随机抽取"]),
    ("①评定结果在学院公示5个工作日；②评定材料存档备查", ["评定结果在学院公示5个工作日", "评定材料存档备查"]),
    ("１.加强教育\n２.制定制度", ["加强教育", "制定制度"]),
    ("1．学习 2．制度 3．监督", ["学习", "制度", "监督"]),
    ("(1)甲；(2)乙", ["甲", "乙"]),
    ("每月参加一次廉政学习，年度述廉", ["每月参加一次廉政学习，年度述廉"]),
    ("公示5个工作日后执行", ["公示5个工作日后执行"]),
    ("2.不是从一开始", ["2.不是从一开始"]),
    # circled and bracketed numbers mark items even with nothing before them
    ("(1)提交主任办公会研究(2)全程纪检监督", ["提交主任办公会研究", "全程纪检监督"]),
    ("①登记②保管③核对", ["登记", "保管", "核对"]),
    ("（1）按规定(3)处理", ["按规定(3)处理"]),  # out of sequence: text
    ("按规定(2)处理", ["按规定(2)处理"]),  # no list to begin with
    ("①登记③核对", ["登记③核对"]),
    # Word/WPS list numbers ⑴⑵ (one character each), and 一是……二是…… as reports write it
    ("⑴加强教育⑵制定制度", ["加强教育", "制定制度"]),
    ("⑴甲；⑵乙", ["甲", "乙"]),
    ("一是加强教育；二是制定制度；三是强化监督", ["加强教育", "制定制度", "强化监督"]),
    ("统一是前提；二是", ["统一是前提；二是"]),  # 一是 inside a word, and no list from 1
    # every item alike: the full stop at an item's end goes, whether a separator or the cell's end follows
    ("1.加强教育。\n2.制定制度。\n3.强化监督。", ["加强教育", "制定制度", "强化监督"]),
    ("定期清点档案。", ["定期清点档案"]),
])
def test_numbered_measures_split(text, items):
    assert split_numbered(text) == items


@pytest.mark.parametrize("value,date", [
    ("2011年6月30日", dt.date(2011, 6, 30)), ("2011.6.30", dt.date(2011, 6, 30)), ("2011-06-30", dt.date(2011, 6, 30)),
    ("２０１１年６月３０日", dt.date(2011, 6, 30)), (41274.0, dt.date(2012, 12, 31)), ("年\u3000月\u3000日", None), ("", None),
    # deadlines as people write them: "by then", and month/day/year where the day shows which is which
    ("2012年6月30日前", dt.date(2012, 6, 30)), ("2012年6月底前", dt.date(2012, 6, 30)), ("2012.12.31以前", dt.date(2012, 12, 31)),
    ("12/31/2012", dt.date(2012, 12, 31)), ("31/12/2012", dt.date(2012, 12, 31)), ("2012/6/30", dt.date(2012, 6, 30)),
])
def test_dates(value, date):
    assert parse_date(value) == date


@pytest.mark.parametrize("text", ["下个月", "6/7/2012", "前", "长期坚持"])  # 6/7: June or July? ask
def test_bad_date_raises(text):
    with pytest.raises(UnreadableValue):
        parse_date(text)


def test_labels_ignore_space_punctuation_script_and_width():
    assert label_key("單位（盖章）：") == label_key("单位(盖章)") == "单位盖章"
    assert label_key("风险\n类别") == "风险类别"
    assert label_key("姓　　名") == "姓名"


def test_clean_text_keeps_chinese_punctuation_and_formula_text():
    assert clean_text("  評定中優親厚友，不按程序公示 ") == "评定中优亲厚友，不按程序公示"
    assert clean_text('=HYPERLINK("x","y")') == '=HYPERLINK("x","y")'
    assert clean_text("ＡＢ１２") == "AB12"


@given(st.text(alphabet="风险类别等级 　\n：:（）()", max_size=12))
def test_label_key_is_idempotent(text):
    assert label_key(label_key(text)) == label_key(text)


@given(st.lists(st.text(alphabet="加强教育制度监督公开", min_size=1, max_size=8), min_size=2, max_size=6))
def test_numbered_lists_round_trip(items):
    text = "\n".join(f"{i}.{t}" for i, t in enumerate(items, 1))
    assert split_numbered(text) == items


def test_saved_traditional_characters_match_opencc():
    from lzfk.normalize import TRADITIONAL_FILE, traditional_characters

    assert TRADITIONAL_FILE.read_text("utf-8").strip() == traditional_characters(), \
        "OpenCC changed: regenerate lzfk/data/traditional-chars.txt from normalize.traditional_characters()"
