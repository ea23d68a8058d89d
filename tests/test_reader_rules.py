"""Small reading rules that real forms depend on."""

from __future__ import annotations

import pytest

from lzfk.excel.reader import split_department_title, split_flow


@pytest.mark.parametrize("text,expected", [
    ("秘书科科员", ("秘书科", "科员")),
    ("秘书科 科员", ("秘书科", "科员")),
    ("综合科/科员", ("综合科", "科员")),
    ("工会办公室 客户经理", ("工会办公室", "客户经理")),
    ("工会办公室客户经理", ("工会办公室", "客户经理")),
    ("邮件处理中心营业员", ("邮件处理中心", "营业员")),
    ("后勤服务中心邮件处理员", ("后勤服务中心", "邮件处理员")),
    ("计划财务科会计", ("计划财务科", "会计")),
    ("办公室主任", ("办公室", "主任")),
    ("綜合科　科員", ("综合科", "科员")),
    ("科员", (None, "科员")),
    ("出纳（国库科）", ("国库科", "出纳")),
    ("国库科(出纳)", ("国库科", "出纳")),
    ("国库科", ("国库科", None)),
    ("站长", (None, "站长")),
    ("会计（兼出纳）", (None, "会计（兼出纳）")),
    ("国库科 会计/出纳", ("国库科", "会计/出纳")),
    ("科员（A/B角）", (None, "科员（A/B角）")),
    ("出纳、会计", (None, "出纳、会计")),
    ("国库科 出纳、会计", ("国库科", "出纳、会计")),
])
def test_department_and_title(text, expected):
    assert split_department_title(text) == expected


@pytest.mark.parametrize("text,steps", [
    ("受理－＞审查－＞决定", ["受理", "审查", "决定"]),
    ("受理—＞审查", ["受理", "审查"]),
    ("受理=>审查", ["受理", "审查"]),
    ("受理→审查→决定", ["受理", "审查", "决定"]),
    ("申请->比价->审批", ["申请", "比价", "审批"]),
    ("1.受理 2.审查", ["受理", "审查"]),
])
def test_flow(text, steps):
    assert split_flow(text) == steps


@pytest.mark.parametrize("text,key", [
    ("风险点\n（风险内容）", "description"),  # the label is what stands outside the brackets
    ("风险内容", "manifestation"),
    ("防控措施（前期预防）", "measures"),
    ("风险等级(高/中/低)", "level"),
])
def test_header_with_a_bracketed_explanation(text, key):
    from lzfk.formspec import column_field

    assert column_field(text) == key


@pytest.mark.parametrize("text,steps", [
    ("受理\n审查\n决定", ["受理", "审查", "决定"]),  # one step per line
    ("受理—审查——决定", ["受理", "审查", "决定"]),
])
def test_flow_steps_per_line_or_between_dashes(text, steps):
    assert split_flow(text) == steps
