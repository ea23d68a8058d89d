"""The register writer (lzfk.yamlout): what it writes reads back as the very same records."""

from __future__ import annotations

import datetime as dt

import yaml_rs
from conftest import DEMO_REGISTER
from hypothesis import given, settings
from hypothesis import strategies as st

from lzfk import yamlout
from lzfk.models import DepartmentFile, Measure, RegisterInfo, RiskPoint, Source, Unit
from lzfk.register import FORMAT, dump_department, dump_info, load_register, parse_yaml
from lzfk.vocab import RiskLevel, RiskType, ThreeImportant


def _reads_back(text: str) -> object:
    return parse_yaml(f"k: {yamlout.scalar(text)}\n")["k"]


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_any_string_reads_back_unchanged(text: str) -> None:
    assert _reads_back(text) == text


def test_strings_that_look_like_other_things_are_quoted() -> None:
    for text in ["yes", "No", "null", "~", "true", "123", "1.5", "2011-06-20", "- 项", "项目: 甲", "甲 #乙", "#注",
                 "'引'", '"引"', "@x", "=SUM(A1)", " 前空格", "后空格 ", "冒号:", "多\n行", "制表\t符", "\u2028", "\ufeff",
                 "[列表]", "{映射}", "&a", "*a", "!tag", "|", ">", "%", "`", "", "_0", "_1_2", "NULL", "TRUE"]:
        assert _reads_back(text) == text, text
        assert yamlout.scalar(text).startswith('"'), text


def test_ordinary_text_stays_plain() -> None:
    for text in ["在预算编制中违规调整科目", "R-0a1b2c3d4e5f", "思想道德风险", "张某", "Sheet1", "II", "duty", "（一）公开招标"]:
        assert yamlout.scalar(text) == text


def test_demo_register_files_are_written_byte_for_byte_as_committed() -> None:
    register = load_register(DEMO_REGISTER)
    for dept_id, df in register.files.items():
        path = DEMO_REGISTER / register.paths[dept_id]
        assert dump_department(df) == path.read_text(encoding="utf-8"), path
    assert dump_info(register.info) == (DEMO_REGISTER / "register.yaml").read_text(encoding="utf-8")


def test_written_files_read_back_as_pydantic_would_dump_them() -> None:
    """Same content as pydantic's own ``model_dump(exclude_defaults=True)``: no field lost or added."""
    register = load_register(DEMO_REGISTER)
    for df in register.files.values():
        ours = parse_yaml(dump_department(df))
        theirs = {"format": FORMAT, **df.model_dump(mode="json", exclude_defaults=True)}
        assert DepartmentFile.model_validate(ours) == df
        assert parse_yaml(yaml_rs.dumps(theirs)) == ours


_text = st.text(min_size=1, max_size=30).filter(lambda s: s.strip() == s and s)


@settings(max_examples=150, deadline=None)
@given(
    description=_text, manifestation=st.none() | _text, level=st.none() | st.sampled_from(RiskLevel),
    rtype=st.none() | st.sampled_from(RiskType), three=st.lists(st.sampled_from(ThreeImportant), unique=True, max_size=3),
    measures=st.lists(_text, max_size=4), row=st.none() | st.integers(1, 10**6),
    deadline=st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1)),
)
def test_records_round_trip(description, manifestation, level, rtype, three, measures, row, deadline) -> None:
    point = RiskPoint(
        id="R-000000000001", description=description, manifestation=manifestation, level=level, type=rtype,
        three_important=three, measures=[Measure(text=m, deadline=deadline) for m in measures],
        source=Source(file="表.xlsx", sheet="Sheet1", row=row),
    )
    df = DepartmentFile.model_validate({"department": {"id": "D-000000000001", "name": "科"}, "risk_points": [point]})
    assert DepartmentFile.model_validate(parse_yaml(dump_department(df))) == df


def test_empty_nested_records_stay_records() -> None:
    info = RegisterInfo(title="台账", unit=Unit(name=None))
    assert RegisterInfo.model_validate(parse_yaml(dump_info(info))) == info
    info = RegisterInfo(title="台账", unit=Unit(name="某局", leaders=["甲", "乙"]))
    assert "unit:\n  name: 某局\n  leaders:\n    - 甲\n    - 乙\n" in dump_info(info)
