"""The forms, specified once: the reader recognises them from this, the writer lays them out.

A form is recognised by its title and its header labels, never by cell positions. Each
field has one canonical label (what lzfk writes) and the other labels units use (what lzfk
also reads). Labels are compared after ``normalize.label_key`` (simplified, no spaces or
punctuation), so ``風險\\n類別`` and ``风险类别`` are the same label.
"""

from __future__ import annotations

import re

from dataclasses import dataclass
from functools import lru_cache

from lzfk.normalize import label_key
from lzfk.vocab import FormKind, MeasureStage, PositionGrade, PositionTier, ReviewStage, RiskLevel, RiskType, Vocab


@dataclass(frozen=True)
class FieldSpec:
    """A column or header-block field: canonical label, accepted aliases, layout hints."""

    key: str
    label: str
    aliases: tuple[str, ...] = ()
    width: float = 14
    choices: type[Vocab] | None = None  # drop-down list in generated forms


def _f(key: str, label: str, *aliases: str, width: float = 14, choices: type[Vocab] | None = None) -> FieldSpec:
    return FieldSpec(key, label, aliases, width, choices)


# Columns of the table part of a form.
COLUMNS: dict[str, FieldSpec] = {f.key: f for f in (
    _f("seq", "序号", "编号", "序", width=6),
    _f("unit", "单位", "单位名称", "所属单位", width=16),
    _f("department", "科室", "部门", "部室", "处室", "股室", "单位科室", "科室部门", "部门科室", "所在部门", "所在科室", "部门名称", "科室名称", "责任科室", width=14),
    _f("position", "岗位", "岗位名称", "风险岗位", "职位", "岗位职务", width=14),
    _f("holder", "姓名", "岗位人员", "在岗人员", "人员", width=10),
    _f("tier", "岗位类别", "岗位层级", "岗位层次", width=10, choices=PositionTier),
    _f("grade", "岗位风险等级", "岗位等级", "岗位风险级别", width=10, choices=PositionGrade),
    _f("duties", "岗位职责", "主要职责", "职责", "职责权限", "主要职责权限", "工作职责", width=24),
    _f("workflow", "工作流程", "岗位工作流程", "业务流程图", width=24),
    _f("description", "风险点", "风险点名称", "廉政风险点", "风险环节", "主要风险点", "风险点描述", "岗位风险点", "风险事项", width=22),
    _f("manifestation", "风险表现形式", "表现形式", "风险内容及表现形式", "廉政风险主要内容及表现形式", "风险内容", "主要表现", "风险描述", "具体表现", "风险表现", "主要内容及表现形式", width=30),
    _f("type", "风险类型", "风险类别", "类型", "类别", "风险种类", width=12, choices=RiskType),
    _f("level", "风险等级", "风险级别", "等级", "级别", "风险程度", width=10, choices=RiskLevel),
    _f("basis", "定级依据", "等级依据", "定级理由", width=20),
    _f("three_important", "三重一大", "是否涉及三重一大", "三重一大事项", "涉及三重一大", width=12),
    _f("likelihood", "发生可能性", "可能性", "发生概率", "概率", width=10),
    _f("harm", "危害程度", "危害性", "影响程度", "严重程度", width=10),
    _f("consequence", "后果", "可能后果", "可能造成的后果", "后果类别", width=12),
    _f("resources", "人财物支配权", "人财物", "支配权", "人财物管理权", width=12),
    _f("measures", "防控措施", "防范措施", "控制措施", "防控对策", "措施", "主要防控措施", "防控措施及办法", "防控办法", "防范办法", "防控方法", width=40),
    _f("stage", "防控阶段", "阶段", "措施阶段", width=10, choices=MeasureStage),
    _f("measure_kind", "措施类别", "措施类型", width=10),
    _f("owner", "责任人", "责任主体", "措施责任人", "落实责任人", "防控责任人", width=10),
    _f("deadline", "完成时限", "时限", "完成时间", "期限", "完成期限", width=16),
    _f("status", "落实情况", "完成情况", "措施落实情况", width=10),
    _f("department_head", "部门负责人", "科室负责人", "部门领导", "部室负责人", width=10),
    _f("responsible_leader", "责任领导", "分管领导", "主管领导", "分管领导责任人", width=10),
    _f("remark", "备注", "说明", width=10),
    _f("power_name", "权力名称", "职权名称", "权力事项", "事项名称", "权力事项名称", width=18),
    _f("power_kind", "权力类别", "权力类型", "职权类别", "权力种类", width=12),
    _f("power_content", "权力内容", "职权内容", "主要内容", "权力具体内容", width=30),
    _f("power_holder", "行使岗位", "责任岗位", "行使主体", "承办岗位", "行使岗位人员", width=12),
    _f("legal_basis", "法律依据", "法规依据", "设定依据", "依据", "法律法规依据", width=30),
    _f("flow", "运行流程", "权力运行流程", "办理流程", "流程", width=30),
)}

# Long headers such as "廉政风险主要内容及表现形式" are matched by the words they contain,
# in this order (more specific first) when no label matches exactly.
CONTAINS_RULES: tuple[tuple[str, str], ...] = (
    ("表现形式", "manifestation"),
    ("风险内容", "manifestation"),
    ("三重一大", "three_important"),
    ("人财物", "resources"),
    ("可能性", "likelihood"),
    ("危害", "harm"),
    ("后果", "consequence"),
    ("权力名称", "power_name"),
    ("职权名称", "power_name"),
    ("权力类", "power_kind"),
    ("权力内容", "power_content"),
    ("行使", "power_holder"),
    ("依据", "legal_basis"),
    ("运行流程", "flow"),
    ("岗位风险等级", "grade"),
    ("风险等级", "level"),
    ("风险级别", "level"),
    ("定级", "basis"),
    ("风险类", "type"),
    ("风险点", "description"),
    ("防控措施", "measures"),
    ("防范措施", "measures"),
    ("措施", "measures"),
    ("时限", "deadline"),
    ("责任领导", "responsible_leader"),
    ("分管领导", "responsible_leader"),
    ("负责人", "department_head"),
    ("责任人", "owner"),
    ("岗位职责", "duties"),
    ("工作流程", "workflow"),
    ("科室", "department"),
    ("部门", "department"),
)

# Fields of the key–value block above the table ("姓名 | 王某" or "姓名：王某").
HEADER_FIELDS: dict[str, FieldSpec] = {f.key: f for f in (
    _f("unit", "单位（盖章）", "单位", "单位盖章", "填报单位", "单位名称", "所在单位"),
    _f("name", "姓名", "岗位人员", "填表人姓名", "本人姓名"),
    _f("title", "职务", "岗位", "岗位名称", "现任职务", "职位"),
    _f("department_and_title", "所在科室及职务", "科室及职务", "部门及职务", "所在部门及职务", "所在部室及职务", "处室及职务"),
    _f("department", "所在科室", "科室", "部门", "部室", "处室", "所在部门", "所在部室", "部门名称", "科室名称", "股室",
       "部门（盖章）", "部室（盖章）", "科室（盖章）", "处室（盖章）"),
    _f("grade", "岗位风险等级", "岗位等级", "岗位风险级别", choices=PositionGrade),
    _f("oversees", "分管工作", "分管范围", "分管部门", "分管科室"),
    _f("head", "科室负责人", "部门负责人", "负责人", "部室负责人", "处室负责人"),
    _f("leader", "分管领导", "主管领导", "责任领导", "分管院领导"),
    _f("tier", "岗位类别", "岗位层级", "岗位层次", choices=PositionTier),
    _f("fill_date", "填表日期", "填报日期", "填表时间"),
)}


@dataclass(frozen=True)
class FormSpec:
    """One form: title, header block rows, table columns, review blocks, note."""

    kind: FormKind
    header_rows: tuple[tuple[str, ...], ...]  # header-block field keys, row by row
    columns: tuple[str, ...]
    reviews: tuple[ReviewStage, ...] = ()
    three_important_section: bool = False
    tier: PositionTier | None = None
    scope: str = "position"  # position | department | power | consolidated
    note: str | None = None
    level_labels: tuple[str, str, str] = ("一级", "二级", "三级")  # how this form writes I, II, III

    @property
    def title(self) -> str:
        return self.kind.label


_NOTE_001 = "注：此表一式三份，于6月底前报区纪委。"
_ROMAN = ("Ⅰ级", "Ⅱ级", "Ⅲ级")  # seed 001
_HIGH_LOW = ("高", "中", "低")  # published registers, seed 002/004
_REVIEWS_001 = (ReviewStage.SUPERVISOR, ReviewStage.LEADERSHIP, ReviewStage.DISCIPLINE)

FORMS: dict[FormKind, FormSpec] = {s.kind: s for s in (
    # seed 001 附件2–4
    FormSpec(FormKind.LEADER, (("unit",), ("name", "title"), ("grade", "oversees")),
             ("description", "type", "level", "measures"),
             (ReviewStage.LEADERSHIP, ReviewStage.DISCIPLINE), True, PositionTier.LEADER, note=_NOTE_001,
             level_labels=_ROMAN),
    # The seed's middle form names only 科室负责人; 科室 and 职务 are added so that a
    # position's department and title survive the round trip.
    FormSpec(FormKind.MIDDLE, (("unit",), ("department", "title"), ("head", "grade")),
             ("duties", "workflow", "description", "type", "level", "measures"),
             _REVIEWS_001, tier=PositionTier.MIDDLE, note=_NOTE_001, level_labels=_ROMAN),
    FormSpec(FormKind.GENERAL, (("unit",), ("name", "department_and_title"), ("grade",)),
             ("duties", "workflow", "description", "type", "level", "measures"),
             _REVIEWS_001, tier=PositionTier.GENERAL, note="注：此表一式三份，务于6月底前报区纪委及所在派驻纪检组、监察室。",
             level_labels=_ROMAN),
    # seed 000
    FormSpec(FormKind.PERSONAL_REGISTER, (("unit",), ("name", "department", "title"), ("tier", "grade")),
             ("seq", "description", "manifestation", "type", "level", "measures", "stage", "owner", "deadline"),
             (ReviewStage.DEPARTMENT, ReviewStage.SUPERVISOR)),
    FormSpec(FormKind.DEPARTMENT_REGISTER, (("unit",), ("department", "head", "leader")),
             ("seq", "description", "manifestation", "type", "level", "measures", "stage", "owner", "deadline"),
             (ReviewStage.SUPERVISOR, ReviewStage.LEADERSHIP), scope="department"),
    # seed 002 附件2–4
    FormSpec(FormKind.POWER_LIST, (("unit",), ("department",)),
             ("seq", "power_name", "power_kind", "power_content", "power_holder", "legal_basis", "flow"),
             (ReviewStage.SUPERVISOR,), scope="power"),
    FormSpec(FormKind.PERSONAL_SELFCHECK, (("unit",), ("name", "department", "title")),
             ("description", "manifestation", "type", "level", "measures", "remark"),
             (ReviewStage.SUPERVISOR,)),
    FormSpec(FormKind.DEPARTMENT_SELFCHECK, (("unit",), ("department", "head")),
             ("seq", "description", "manifestation", "type", "level", "measures", "owner"),
             (ReviewStage.SUPERVISOR,), scope="department"),
    # published consolidated registers (台账 / 一览表)
    FormSpec(FormKind.CONSOLIDATED, (("unit",),),
             ("seq", "department", "position", "type", "description", "manifestation", "level", "measures",
              "department_head", "responsible_leader"),
             scope="consolidated", level_labels=_HIGH_LOW),
)}

# Title words → form kind, tried in order (more specific first). Each entry needs all its words.
TITLE_RULES: tuple[tuple[tuple[str, ...], FormKind], ...] = (
    (("权力清单",), FormKind.POWER_LIST),
    (("职权目录",), FormKind.POWER_LIST),
    (("职权清单",), FormKind.POWER_LIST),
    (("台账",), FormKind.CONSOLIDATED),
    (("一览表",), FormKind.CONSOLIDATED),
    (("汇总",), FormKind.CONSOLIDATED),
    (("风险点和防控措施",), FormKind.CONSOLIDATED),
    (("领导岗位", "风险"), FormKind.LEADER),
    (("领导干部", "风险"), FormKind.LEADER),
    (("领导班子", "风险"), FormKind.LEADER),
    (("中层", "风险"), FormKind.MIDDLE),
    (("一般岗位", "风险"), FormKind.GENERAL),
    (("一般干部", "风险"), FormKind.GENERAL),
    (("个人", "自查"), FormKind.PERSONAL_SELFCHECK),
    (("部门", "自查"), FormKind.DEPARTMENT_SELFCHECK),
    (("科室", "自查"), FormKind.DEPARTMENT_SELFCHECK),
    (("部室", "自查"), FormKind.DEPARTMENT_SELFCHECK),
    (("个人岗位", "登记"), FormKind.PERSONAL_REGISTER),
    (("岗位", "登记"), FormKind.PERSONAL_REGISTER),
    (("部室", "登记"), FormKind.DEPARTMENT_REGISTER),
    (("部门", "登记"), FormKind.DEPARTMENT_REGISTER),
    (("科室", "登记"), FormKind.DEPARTMENT_REGISTER),
    (("风险", "登记"), FormKind.CONSOLIDATED),
)

# Words that make a row a note rather than data.
NOTE_PREFIXES = ("注", "备注", "说明", "填表说明", "填报说明")

THREE_IMPORTANT_SECTION_WORD = "三重一大"


@lru_cache(maxsize=4096)
def title_kind(text: str) -> FormKind | None:
    """The form a title names, or None."""
    key = label_key(text)
    if not key or len(key) > 40:
        return None
    for words, kind in TITLE_RULES:
        if all(w in key for w in words):
            return kind
    return None


@lru_cache(maxsize=None)
def _exact(table: str) -> dict[str, str]:
    fields = COLUMNS if table == "columns" else HEADER_FIELDS
    index: dict[str, str] = {}
    for spec in fields.values():
        for alias in (spec.label, *spec.aliases):
            index.setdefault(label_key(alias), spec.key)
    return index


_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")


@lru_cache(maxsize=4096)
def column_field(text: str) -> str | None:
    """Which column a header cell names (``"风险\\n类别"`` → ``"type"``), or None."""
    key = label_key(text)
    if not key or len(key) > 24:
        return None
    found = _exact("columns").get(key)
    if found:
        return found
    main = _BRACKETED.sub("", text)
    if main != text and main.strip():  # 风险点（风险内容）: the label is what stands outside the brackets
        found = _exact("columns").get(label_key(main))
        if found:
            return found
    for word, field in CONTAINS_RULES:
        if word in key:
            return field
    return None


def header_field(text: str) -> str | None:
    """Which header-block field a label names (``"单位（盖章）"`` → ``"unit"``), or None."""
    return _exact("header").get(label_key(text))


def review_stage(text: str) -> ReviewStage | None:
    """The review block a label opens (``"单位主管领导审查意见"``), or None."""
    key = label_key(text)
    # A review label is short and ends like one; duties text such as "……提出初审意见" is not.
    if not key or len(key) > 22 or not key.endswith(("意见", "审核", "审查", "审定", "审核意见")):
        return None
    from lzfk.normalize import lookup

    found = lookup(ReviewStage, key)
    if found:
        return found
    if "纪检" in key or "监察" in key or "纪委" in key:
        return ReviewStage.DISCIPLINE
    if "领导小组" in key or "党组" in key or "党委" in key or "班子" in key:
        return ReviewStage.LEADERSHIP
    if "主管" in key or "分管" in key:
        return ReviewStage.SUPERVISOR
    if "负责人" in key or "科室" in key or "部门" in key:
        return ReviewStage.DEPARTMENT
    return None


_OTHER_LABELS = {"review_date": "审核日期"}


def field_label(key: str) -> str:
    """The Chinese label of a column or header field, for messages."""
    spec = COLUMNS.get(key) or HEADER_FIELDS.get(key)
    return spec.label if spec else _OTHER_LABELS.get(key, key)
