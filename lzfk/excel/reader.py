"""Turn a recognised sheet into register records, collecting problems with their cells."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lzfk import ids
from lzfk.excel.layout import Layout, analyse
from lzfk.excel.workbook import Sheet
from lzfk.formspec import FORMS, field_label, title_kind
from lzfk.models import Department, Measure, Position, Power, Review, RiskPoint, Source, build, instance, template
from lzfk.normalize import (
    ONGOING,
    UnreadableValue,
    cell_text,
    clean_lines,
    clean_text,
    is_blank,
    label_key,
    lookup,
    parse_date,
    split_names,
    split_numbered,
    structured_text,
)
from lzfk.problems import Problem, cell_name, problem
from lzfk.vocab import (
    DEPARTMENT_SUFFIXES,
    LEADERSHIP_DEPARTMENT,
    NEGATIVE,
    THREE_IMPORTANT_HINTS,
    Consequence,
    FormKind,
    MeasureKind,
    MeasureStage,
    MeasureStatus,
    PositionGrade,
    PositionTier,
    Resource,
    RiskLevel,
    RiskType,
    Scale,
    ThreeImportant,
    UNKNOWN_UNIT,
)

# Position fields a form may give differently on several rows: all of them are kept, joined.
_JOINED = ("duties", "workflow")

# Header cells that carry nothing to import, without a warning.
_IGNORED_HEADERS = frozenset({"备注", "说明", "附注", "其他", "签字", "签名"})

# Columns whose value, left blank, means "same as above" (and merged cells, in .ods).
FILL_DOWN = ("unit", "department", "position", "holder", "tier", "grade", "duties", "workflow", "department_head", "responsible_leader")
_MISS = object()
MAX_CELL_CHARS = 32_767  # Excel's and WPS's limit for one cell; calamine cuts longer ones to it
UNIT_GIVEN = "--unit 指定"  # the user named the unit: nothing to warn about
_DATE_LIKE = re.compile(r"[0-9年月日〇零一二三四五六七八九十]")
_LOOKS_LIKE_DATE = re.compile(r"\d{4}\s*[年./\-]|[\d〇零一二三四五六七八九十]{1,4}\s*月\s*[\d〇零一二三四五六七八九十]{1,3}\s*日|^\d{1,4}[./\-]\d{1,2}([./\-]\d{1,2})?$")
_NEGATIVE_KEYS = frozenset(label_key(n) for n in NEGATIVE)
_MEASURE_PART = ("measures", "stage", "measure_kind", "owner", "deadline", "status")
_SIGNATURE = re.compile(r"^(?:签字|签名|负责人签字|审核人|审查人|领导签字|签章|签字盖章)[:：]?\s*(.*)$")


@dataclass
class FormData:
    """What one sheet yields: records keyed by ID, plus the problems found."""

    file: str
    sheet: str
    kind: FormKind
    departments: dict[str, Department] = field(default_factory=dict)
    positions: dict[str, tuple[str, Position]] = field(default_factory=dict)  # id -> (department id, position)
    risk_points: dict[str, tuple[str, RiskPoint]] = field(default_factory=dict)
    powers: dict[str, tuple[str, Power]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _text_measure(text: str) -> Measure:
    """A measure with only its text (forms without stage/owner/deadline columns): the
    commonest record of all, built without even ``build``'s loop."""
    full = _MEASURE_TEMPLATE.copy()
    full["text"] = text
    return instance(Measure, full, {"text"})


class SheetReader:
    """Reads one sheet; ``source_file`` is the path recorded in each record's source."""

    def __init__(self, sheet: Sheet, file: str, source_file: str, default_unit: str | None = None,
                 default_unit_reason: str = "") -> None:
        self.sheet = sheet
        self.default_unit = default_unit
        self.default_unit_reason = default_unit_reason
        self.file = file
        self.source_file = source_file
        self.problems: list[Problem] = []
        self._cache: dict[tuple, Any] = {}

    # -- problems and parsing helpers ---------------------------------------------------
    def _source(self, row: int) -> Source:
        """Where a record was read: this file and sheet, ``row`` 1-based (one per row of a
        100 000-row sheet, so built without ``build``'s loop)."""
        return instance(Source, {"file": self.source_file, "sheet": self.sheet.name, "row": row}, {"file", "sheet", "row"})

    def _problem(self, code: str, row: int | None, col: int | None, field_key: str | None, value: object = None,
                 detail: str = "", label: str | None = None) -> None:
        cell = cell_name(row, col) if row is not None and col is not None else None
        field = label or (field_label(field_key) if field_key else None)
        self.problems.append(problem(code, file=self.file, sheet=self.sheet.name, cell=cell, field=field, value=value, detail=detail))

    def _enum(self, enum_cls, value: object, row: int, col: int, key: str, code: str = "unknown-value", mode: str = "plain"):
        if is_blank(value):
            return None
        found = lookup(enum_cls, value, mode)
        if found is None:
            detail = "（可选：" + "、".join(m.label for m in enum_cls) + "）" if code == "unknown-value" else ""
            self._problem(code, row, col, key, cell_text(value).strip(), detail)
        return found

    def _date(self, value: object, row: int, col: int, key: str):
        if key == "deadline" and isinstance(value, str) and ONGOING.match(structured_text(value)):
            self._problem("no-deadline", row, col, key, value.strip())  # 长期坚持: a measure that runs for good
            return None
        try:
            return parse_date(value if not isinstance(value, str) else value.strip())
        except UnreadableValue:
            self._problem("bad-date", row, col, key, cell_text(value))
            return None

    # -- the form ------------------------------------------------------------------------
    def read(self) -> FormData | None:
        layout = analyse(self.sheet)
        if layout.header_row is None:
            if layout.kind is not None:
                self._problem("missing-header", None, None, None)
                data = FormData(self.file, self.sheet.name, layout.kind)
                data.problems = self.problems
                return data
            return None
        kind = self.kind(layout)
        if kind is None:  # a header naming neither 风险点 nor 权力事项 under the title's form
            self._problem("missing-header", None, None, None)
            data = FormData(self.file, self.sheet.name, layout.kind or self._guess_kind(layout))
            data.problems = self.problems
            return data
        data = FormData(self.file, self.sheet.name, kind)
        self._too_long()
        self._unknown_columns(layout)
        context = self._context(kind, layout)
        if kind is FormKind.POWER_LIST:
            self._read_powers(layout, context, data)
        else:
            self._read_risks(kind, layout, context, data)
            if data.risk_points and "measures" not in layout.columns:
                self._problem("no-measures-column", None, None, None)
        self._attach_reviews(layout, context, data)
        if not data.risk_points and not data.powers and not any(p.severity.value == "error" for p in self.problems):
            self._problem("empty-form", None, None, None)
        data.problems = self.problems
        return data

    def _too_long(self) -> None:
        """Excel and WPS hold at most 32 767 characters in a cell, and calamine cuts longer
        ones there silently: a cell that long is a damaged or made-up file, cut short, and
        would bloat every register file and printed table."""
        limit = MAX_CELL_CHARS
        for r, row in enumerate(self.sheet.rows):
            if any([v.__class__ is str and len(v) >= limit for v in row]):
                for c, v in enumerate(row):
                    if v.__class__ is str and len(v) >= limit:
                        self._problem("too-long", r, c, None, v)

    def _unknown_columns(self, layout: Layout) -> None:
        """A header the form spec does not know means a column left out: say so, or a
        renamed 风险等级 column would leave every point unlevelled without a word."""
        known = {c for cols in layout.columns.values() for c in cols}
        for c, value in enumerate(self.sheet.rows[layout.header_row]):
            text = cell_text(value).strip()
            if text and c not in known and label_key(text) not in _IGNORED_HEADERS:
                self._problem("unknown-column", layout.header_row, c, None, text,
                              "（若是风险等级、风险类型等，请改用规定的列名，可对照 lzfk forms 生成的空白表）")

    def kind(self, layout: Layout) -> FormKind | None:
        """The form: its title's, unless the header says otherwise (a risk table under a 权力清单
        title is read as risks, a power list under a risk form's title as powers); None when
        the header names neither 风险点 nor 权力事项."""
        cols = layout.columns
        kind = layout.kind or self._guess_kind(layout)
        if kind is FormKind.POWER_LIST and "power_name" not in cols:
            if "description" not in cols:
                return None
            kind = self._guess_kind(layout, by_name=False)
            return kind if kind is not FormKind.POWER_LIST else FormKind.CONSOLIDATED
        if kind is not FormKind.POWER_LIST and "description" not in cols:
            return FormKind.POWER_LIST if "power_name" in cols else None
        return kind

    def _guess_kind(self, layout: Layout, by_name: bool = True) -> FormKind:
        """A form without its title: the sheet's name, else its header fields and columns.
        The three position forms have 岗位职责 columns; the leader form alone has 分管工作, the
        middle form 科室负责人 or 所在科室 + 职务 instead of 姓名."""
        cols, header = layout.columns, layout.header
        named = title_kind(self.sheet.name) if by_name else None
        if named is not None:
            return named
        if "power_name" in cols:
            return FormKind.POWER_LIST
        if "department" in cols or "position" in cols:
            return FormKind.CONSOLIDATED
        if "duties" in cols and "oversees" in header:
            return FormKind.LEADER
        if "duties" in cols and ("head" in header or ("department" in header and "title" in header)) \
                and "department_and_title" not in header:
            return FormKind.MIDDLE
        if "name" in header or "department_and_title" in header:
            return FormKind.GENERAL if "duties" in cols else FormKind.PERSONAL_SELFCHECK
        return FormKind.DEPARTMENT_REGISTER

    def _context(self, kind: FormKind, layout: Layout) -> dict[str, Any]:
        """Unit, department, position and people named in the header block."""
        h = {k: v.value for k, v in layout.header.items()}
        named_unit = unit_name(h.get("unit")) or layout.title_unit  # the header block's, else the title's
        ctx: dict[str, Any] = {"unit": named_unit or self.default_unit, "department": clean_text(h.get("department")) or None}
        if unit_left_unknown(h.get("unit")) and self.default_unit_reason != UNIT_GIVEN:
            # a pre-filled form of a record kept without a unit says so: it stays without one
            # (matching its records), rather than taking the batch's or the register's unit
            ctx["unit"] = None
            if layout.data_rows:
                where = layout.header["unit"]
                self._problem("incomplete", where.row, where.col, "unit")
        elif not named_unit and "unit" not in layout.columns:
            if self.default_unit and self.default_unit_reason != UNIT_GIVEN and layout.data_rows:
                self._problem("unit-assumed", None, None, "unit", self.default_unit, self.default_unit_reason)
            elif not self.default_unit and layout.data_rows:
                self._problem("incomplete", None, None, "unit")
        ctx["head"] = clean_text(h.get("head")) or None
        ctx["leader"] = clean_text(h.get("leader")) or None
        ctx["names"] = split_names(h.get("name")) if h.get("name") else []
        ctx["title"] = clean_text(h.get("title")) or None
        ctx["oversees"] = clean_lines(h.get("oversees")) or None
        ctx["grade"] = None
        if "grade" in layout.header:
            hv = layout.header["grade"]
            ctx["grade"] = self._enum(PositionGrade, hv.value, hv.row, hv.col, "grade", "unknown-grade")
        ctx["tier"] = FORMS[kind].tier
        if "tier" in layout.header:
            hv = layout.header["tier"]
            ctx["tier"] = self._enum(PositionTier, hv.value, hv.row, hv.col, "tier") or ctx["tier"]
        if "department_and_title" in layout.header:
            dept, title = split_department_title(layout.header["department_and_title"].value)
            ctx["department"] = ctx["department"] or dept
            ctx["title"] = ctx["title"] or title
        if kind is FormKind.LEADER:
            ctx["department"] = ctx["department"] or LEADERSHIP_DEPARTMENT
        elif kind is FormKind.MIDDLE:
            if not ctx["names"] and ctx["head"]:
                ctx["names"] = split_names(ctx["head"])
            ctx["title"] = ctx["title"] or "科室负责人"
            # 科室负责人 on the middle form names whoever fills it in (a deputy too), not
            # necessarily the department's head: it gives the holder only.
            ctx["head"] = None
        dept_name, title = ctx["department"], ctx["title"]
        if dept_name and title and title.startswith(dept_name) and len(title) - len(dept_name) >= 2:
            ctx["title"] = title[len(dept_name):]  # 所在部门 信息科, 职务 信息科科长: the post is 科长
        ctx["scope"] = FORMS[kind].scope
        ctx["kind"] = kind
        if layout.data_rows and ctx["scope"] != "consolidated" and kind is not FormKind.POWER_LIST:
            self._header_gaps(kind, layout, ctx)
        return ctx

    def _header_gaps(self, kind: FormKind, layout: Layout, ctx: dict[str, Any]) -> None:
        """Warn (once per form) about header fields a complete register needs."""
        first = layout.header_row if layout.header_row is not None else 0
        if not ctx["department"] and "department" not in layout.columns:
            key = "department_and_title" if kind is FormKind.GENERAL else "department"
            where = layout.header.get(key)
            label = {FormKind.DEPARTMENT_REGISTER: "部室", FormKind.DEPARTMENT_SELFCHECK: "部门"}.get(kind)  # the form's own word
            if where is not None and key == "department_and_title" and where.value.strip():
                label = "所在科室"  # 所在科室及职务 gave the post only (出纳): the 科室 part is what is missing
            self._problem("incomplete", where.row if where else None, where.col if where else None, key, label=label)
        if ctx["scope"] == "position" and not ctx["names"] and "holder" not in layout.columns:
            where = layout.header.get("name") or layout.header.get("head")
            self._problem("incomplete", where.row if where else first, where.col if where else 0,
                          "name" if kind is not FormKind.MIDDLE else "head")

    def _missing_title(self, layout: Layout, ctx: dict[str, Any]) -> None:
        """A position form with risk points but no position named: say which field is empty."""
        key = "department_and_title" if ctx["kind"] is FormKind.GENERAL else "title"
        where = layout.header.get(key) or layout.header.get("name")
        row, col = (where.row, where.col) if where else (None, None)
        # 所在科室及职务 gave the 科室 only (国库科): it is the 职务 that is missing
        label = "职务" if key == "department_and_title" and ctx["department"] else None
        self._problem("missing-value", row, col, key, label=label)

    # -- departments and positions -------------------------------------------------------
    def _department(self, data: FormData, unit: str | None, name: str | None, head: str | None = None, leader: str | None = None) -> str:
        dept_id = ids.department_id(unit, name)
        current = data.departments.get(dept_id)
        if current is None:
            data.departments[dept_id] = build(Department, id=dept_id, unit=unit, name=name, head=head, leader=leader)
        else:
            updates = {k: v for k, v in (("head", head), ("leader", leader)) if v and not getattr(current, k)}
            if updates:
                data.departments[dept_id] = current.model_copy(update=updates)
                data.departments[dept_id].model_fields_set.update(updates)
        return dept_id

    def _position(self, data: FormData, dept_id: str, unit: str | None, dept: str | None, title: str, row: int | None, **fields: Any) -> str:
        pos_id = ids.position_id(unit, dept, title, fields.get("oversees"))
        holders = fields.pop("holders", None) or []
        current = data.positions.get(pos_id)
        if current is None:
            pos = build(Position, id=pos_id, title=title, holders=holders or None,
                         source=self._source(row), **fields)
            data.positions[pos_id] = (dept_id, pos)
        else:
            pos = current[1]
            for name in holders:
                if name not in pos.holders:
                    pos.holders.append(name)
                    pos.model_fields_set.add("holders")
            for key, value in fields.items():
                old = getattr(pos, key)
                if value is None or value == old:
                    continue
                if old is None:
                    setattr(pos, key, value)
                    pos.model_fields_set.add(key)
                elif key in _JOINED and f"；{value}；" not in f"；{old}；":
                    # each row group of a form may give one more duty with its own work flow
                    setattr(pos, key, f"{old}；{value}")
        return pos_id

    # -- risk points -----------------------------------------------------------------------
    def _memo(self, key: tuple, compute):
        """``compute()`` once per distinct raw value in this sheet. Only results that
        raised no problem are kept, so every bad cell is still reported at its own place.
        ``compute`` is called here and now, never later, so lambdas closing over the
        current row's variables are safe."""
        hit = self._cache.get(key, _MISS)
        if hit is not _MISS:
            return hit
        before = len(self.problems)
        value = compute()
        if len(self.problems) == before:
            self._cache[key] = value
        return value

    def _read_risks(self, kind: FormKind, layout: Layout, ctx: dict[str, Any], data: FormData) -> None:
        rows, cols = self.sheet.rows, layout.columns
        spec = FORMS[kind]
        has_section_concept = spec.three_important_section or "three_important" in cols or any(s[0] for s in layout.sections.values())
        fill_keys = [k for k in FILL_DOWN if k in cols]
        carried: dict[str, object] = {}
        in_three, section_type = False, None
        last_rp: tuple[str, RiskPoint] | None = None
        missing_title_reported = False
        section_rows = sorted(layout.sections)
        si = 0
        memo = self._memo
        position_scope = ctx["scope"] == "position"
        for r in layout.data_rows:
            while si < len(section_rows) and section_rows[si] < r:
                # each heading starts its own section: 其他方面 after “三重一大”方面 ends it
                in_three, section_type = layout.sections[section_rows[si]]
                si += 1
            values = _row_values(rows[r], cols)
            desc_raw = values.get("description", "")
            if is_blank(desc_raw):
                filled = [k for k, v in values.items() if not is_blank(v) and k not in FILL_DOWN and k != "seq"]
                if not filled:
                    continue
                if last_rp is not None and set(filled) <= set(_MEASURE_PART):
                    last_rp[1].measures.extend(self._row_measures(layout, rows[r], values, r, cols))  # continuation row
                    continue
                self._problem("missing-value", r, cols["description"][0], "description")
                continue
            for key in fill_keys:
                if is_blank(values[key]):
                    values[key] = carried.get(key, "")
                else:
                    carried[key] = values[key]
            description = clean_text(desc_raw)
            unit_raw, dept_raw = values.get("unit"), values.get("department")
            head_raw, leader_raw = values.get("department_head"), values.get("responsible_leader")
            unit, dept, department_head, responsible_leader, dept_id = memo(
                ("department", unit_raw, dept_raw, head_raw, leader_raw),
                lambda: self._row_department(data, ctx, unit_raw, dept_raw, head_raw, leader_raw),
            )
            title_raw = values.get("position")
            title = memo(("title", title_raw), lambda: _title(title_raw)) or (ctx["title"] if position_scope else None)
            if title is None and position_scope and not missing_title_reported:
                self._missing_title(layout, ctx)
                missing_title_reported = True
            pos_id = None
            if title:
                pos_key = ("position", dept_id, title, values.get("holder"), values.get("grade"), values.get("tier"),
                           values.get("duties"), values.get("workflow"))
                pos_id = memo(pos_key, lambda: self._row_position(data, ctx, kind, values, cols, r, unit, dept, dept_id, title))
            type_raw = values.get("type")
            rtype = memo(("type", type_raw), lambda: self._enum(RiskType, type_raw, r, _col(cols, "type"), "type", "unknown-type", "type")) or section_type
            level_raw = values.get("level")
            level = memo(("level", level_raw), lambda: self._level(level_raw, r, cols))
            if level is None and "level" in cols and is_blank(level_raw):
                self._problem("incomplete", r, cols["level"][0], "level")
            three = None
            if "three_important" in cols:
                ti_raw = values["three_important"]
                three = memo(("three_important", ti_raw), lambda: self._three_important(ti_raw, r, cols["three_important"][0]))
                if three == (ThreeImportant.GENERAL,) or (in_three and not three):
                    three = _hinted(description)
                else:
                    three = list(three)
            elif has_section_concept:
                three = _hinted(description) if in_three else []
            rp_id = ids.risk_id(unit, dept, pos_id, description)
            measures = self._row_measures(layout, rows[r], values, r, cols) if "measures" in cols else None
            extra = {}
            for key, enum_cls in (("likelihood", Scale), ("harm", Scale), ("consequence", Consequence)):
                if key in cols:
                    raw = values[key]
                    extra[key] = memo((key, raw), lambda: self._enum(enum_cls, raw, r, cols[key][0], key))
            if "resources" in cols:
                raw = values["resources"]
                extra["resources"] = list(memo(("resources", raw), lambda: self._resources(raw, r, cols["resources"][0])))
            rp = build(
                RiskPoint, id=rp_id, position=pos_id, type=rtype, description=description,
                manifestation=clean_text(values.get("manifestation")) or None, three_important=three, level=level,
                level_basis=clean_text(values.get("basis")) or None,
                department_head=department_head, responsible_leader=responsible_leader,
                measures=measures, source=self._source(r + 1),
                **extra,
            )
            existing = data.risk_points.get(rp_id)
            if existing is not None:
                merge_same_form(existing[1], rp)
                if last_rp is None or last_rp[1].id != rp_id:  # merged cells repeat a point over rows silently
                    self._problem("duplicate-risk", r, cols["description"][0], "description", description)
                last_rp = existing
            else:
                data.risk_points[rp_id] = (dept_id, rp)
                last_rp = data.risk_points[rp_id]

    def _row_department(self, data: FormData, ctx: dict[str, Any], unit_raw, dept_raw, head_raw, leader_raw):
        unit = unit_name(unit_raw) or ctx["unit"]
        dept = clean_text(dept_raw) or ctx["department"]
        head = clean_text(head_raw) or None
        leader = clean_text(leader_raw) or None
        dept_id = self._department(data, unit, dept, head=head or (ctx["head"] if ctx["scope"] != "position" else None),
                                   leader=leader or ctx["leader"])
        return unit, dept, head, leader, dept_id

    def _row_position(self, data: FormData, ctx: dict[str, Any], kind: FormKind, values: dict[str, object],
                      cols: dict[str, list[int]], r: int, unit: str | None, dept: str | None, dept_id: str, title: str) -> str:
        holders = split_names(values.get("holder")) if not is_blank(values.get("holder")) else list(ctx["names"])
        grade = ctx["grade"]
        if not is_blank(values.get("grade")):
            grade = self._enum(PositionGrade, values["grade"], r, cols["grade"][0], "grade", "unknown-grade")
        tier = ctx["tier"]
        if not is_blank(values.get("tier")):
            tier = self._enum(PositionTier, values["tier"], r, cols["tier"][0], "tier") or tier
        return self._position(
            data, dept_id, unit, dept, title, r + 1, holders=holders, tier=tier, grade=grade,
            oversees=ctx["oversees"] if kind is FormKind.LEADER else None,
            duties=clean_lines(values.get("duties")) or None, workflow=clean_lines(values.get("workflow")) or None,
        )

    def _level(self, raw: object, r: int, cols: dict[str, list[int]]) -> RiskLevel | None:
        if is_blank(raw):
            return None
        level = lookup(RiskLevel, structured_text(raw), "level")
        if level is None:
            self._problem("unknown-level", r, cols["level"][0], "level", cell_text(raw).strip())
        return level

    def _measures(self, values: dict[str, object], r: int, cols: dict[str, list[int]]) -> list[Measure]:
        texts = split_numbered(values.get("measures"))
        if not texts:
            return []
        memo = self._memo
        common = {}
        for key, field_name, enum_cls in (("stage", "stage", MeasureStage), ("measure_kind", "kind", MeasureKind), ("status", "status", MeasureStatus)):
            if key in cols:
                raw = values[key]
                common[field_name] = memo((key, raw), lambda: self._enum(enum_cls, raw, r, cols[key][0], key))
        if "owner" in cols:
            common["owner"] = clean_text(values["owner"]) or None
        if "deadline" in cols:
            raw = values["deadline"]
            common["deadline"] = memo(("deadline", raw), lambda: self._date(raw, r, cols["deadline"][0], "deadline"))
        if not any(v is not None for v in common.values()):
            return [_text_measure(t) for t in texts]
        return [build(Measure, text=t, **common) for t in texts]

    def _row_measures(self, layout: Layout, row: list[object], values: dict[str, object], r: int,
                      cols: dict[str, list[int]]) -> list[Measure]:
        """The row's measures; under 前期预防 | 中期监控 | 后期处置 sub-headers, each column's
        measures take its stage (unless a 防控阶段 column says otherwise)."""
        if not layout.measure_stages:
            return self._measures(values, r, cols)
        found: list[Measure] = []
        for c in cols["measures"]:
            measures = self._measures({**values, "measures": row[c] if c < len(row) else ""}, r, cols)
            stage = layout.measure_stages.get(c)
            if stage is not None:
                measures = [m if m.stage is not None else build(Measure, **{**m.__dict__, "stage": stage}) for m in measures]
            found.extend(measures)
        return found

    def _three_important(self, value: object, r: int, c: int) -> tuple[ThreeImportant, ...]:
        text = structured_text(value)
        if not text or label_key(text) in _NEGATIVE_KEYS:
            return ()
        found: list[ThreeImportant] = []
        for part in re.split(r"[、,，;；/]+", text):
            member = lookup(ThreeImportant, part)
            if member is None:
                self._problem("unknown-value", r, c, "three_important", part, "（可填：是/否，或 重大事项决策、重要人事任免、重大项目安排、大额资金使用）")
                return ()
            if member not in found:
                found.append(member)
        return tuple(m for m in found if m is not ThreeImportant.GENERAL) or tuple(found)

    def _resources(self, value: object, r: int, c: int) -> list[Resource]:
        text = structured_text(value)
        if not text or label_key(text) in _NEGATIVE_KEYS:
            return []
        found = [res for res, ch in ((Resource.PEOPLE, "人"), (Resource.MONEY, "财"), (Resource.GOODS, "物")) if ch in text]
        if not found:
            for part in re.split(r"[、,，;；/]+", text):
                member = lookup(Resource, part)
                if member and member not in found:
                    found.append(member)
        if not found:
            if label_key(text) in ("是", "有", "√", "✓", "Y", "YES"):
                return [Resource.PEOPLE, Resource.MONEY, Resource.GOODS]
            self._problem("unknown-value", r, c, "resources", text, "（可填：人、财、物 或 是/否）")
        return found

    # -- powers ----------------------------------------------------------------------------
    def _read_powers(self, layout: Layout, ctx: dict[str, Any], data: FormData) -> None:
        cols = layout.columns
        carried: dict[str, str] = {}
        for r in layout.data_rows:
            values = _row_values(self.sheet.rows[r], cols)
            if is_blank(values.get("power_name")):
                if any(not is_blank(v) for k, v in values.items() if k not in ("seq", "department", "unit")):
                    self._problem("missing-value", r, cols["power_name"][0], "power_name")
                continue
            for key in ("unit", "department"):
                if key in cols:
                    if is_blank(values.get(key)):
                        values[key] = carried.get(key, "")
                    else:
                        carried[key] = values[key]
            unit = unit_name(values.get("unit")) or ctx["unit"]
            dept = clean_text(values.get("department")) or ctx["department"]
            dept_id = self._department(data, unit, dept, head=ctx["head"], leader=ctx["leader"])
            name = clean_text(values["power_name"])
            holder = clean_text(values.get("power_holder")) or None
            power = build(
                Power, id=ids.power_id(unit, dept, name), name=name, kind=clean_text(values.get("power_kind")) or None,
                content=clean_text(values.get("power_content")) or None, holder=holder,
                position=ids.position_id(unit, dept, holder) if holder else None,
                legal_basis=clean_text(values.get("legal_basis")) or None,
                flow=split_flow(values.get("flow")) or None,
                source=self._source(r + 1),
            )
            data.powers.setdefault(power.id, (dept_id, power))

    # -- reviews ---------------------------------------------------------------------------
    def _attach_reviews(self, layout: Layout, ctx: dict[str, Any], data: FormData) -> None:
        if not layout.reviews:
            return
        positions = list(data.positions.values())
        if ctx["scope"] == "position" and len(positions) == 1:
            target, filled_by = positions[0][1], "、".join(ctx["names"]) or None
        elif data.departments and len(data.departments) == 1:
            target, filled_by = next(iter(data.departments.values())), None
        else:  # several positions or departments in one form: no single owner of its reviews
            return
        # An unfilled block (just the label and 年  月  日) is no review: keep only filled ones.
        reviews = [r for r in (self._review(block, filled_by) for block in layout.reviews) if r.opinion or r.reviewer or r.date]
        if reviews:
            target.reviews = reviews
            target.model_fields_set.add("reviews")

    def _review(self, block, filled_by: str | None) -> Review:
        opinion_parts: list[str] = []
        reviewer = None
        date = None
        signature_pending = False
        for r, c, value in block.cells:
            if not isinstance(value, str):
                try:
                    parsed_value = parse_date(value)
                except UnreadableValue:
                    parsed_value = None
                if parsed_value is not None:  # a date cell (merged cells repeat it: take it once)
                    date = date or parsed_value
                    continue
                text_value = cell_text(value)
                if text_value and text_value not in opinion_parts:
                    opinion_parts.append(text_value)
                continue
            text = clean_text(value)
            if not text:
                continue
            if signature_pending and _NAME_LIKE.match(text) and not _NOT_A_NAME.search(text):  # 签字： | 周某
                reviewer, signature_pending = text, False
                continue
            if m := _SIGNATURE.match(structured_text(text)):
                reviewer = clean_text(m.group(1)) or reviewer
                signature_pending = not m.group(1).strip()
                continue
            if pieces := _review_pieces(value):  # 同意。 签字：周某 2011年6月22日 in one cell
                text, signed, dated = pieces
                reviewer, date = reviewer or signed, date or dated
                if not text:
                    continue
            parsed: object = "text"
            if len(text) <= 16 and _DATE_LIKE.search(text):
                try:
                    parsed = parse_date(text)
                except UnreadableValue:
                    if _LOOKS_LIKE_DATE.search(text):  # 2024年13月45日, 3月5日: a date we cannot read
                        self._problem("bad-date", r, c, "review_date", text)
                        continue
                    parsed = "text"
            if parsed is None:
                continue  # the template's empty 年  月  日
            if parsed != "text":
                date = date or parsed
                continue
            if text not in opinion_parts:
                opinion_parts.append(text)
        return build(Review, stage=block.stage, filled_by=filled_by, reviewer=reviewer, opinion="".join(opinion_parts) or None, date=date)


# -- helpers ---------------------------------------------------------------------------------

_NAME_LIKE = re.compile(r"^[\u4e00-\u9fff·]{2,5}$")
_NOT_A_NAME = re.compile(r"^[年月日]+$|同意|审|核|盖章|签")  # the template's 年月日, an opinion
# Inside a review cell: a signature (签字：周某, （签字）周某) and a full date, each taken out of
# the opinion around them.
_SIGNED_IN_TEXT = re.compile(r"(?:(?:负责人|领导)?(?:签字|签名|签章)(?:盖章)?\s*[:：]\s*|[(（](?:签字|签名)[)）]\s*)([\u4e00-\u9fff·]{2,5})")
_DATE_IN_TEXT = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[./\-]\d{1,2}[./\-]\d{1,2}"
                           r"|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日")


def _review_pieces(value: str) -> tuple[str, str | None, object] | None:
    """A review cell's opinion, with a signature and a date written inside it taken out;
    None when it holds neither."""
    raw = value.replace("\r", "\n")
    signed = dated = None
    if m := _SIGNED_IN_TEXT.search(raw):
        signed = m.group(1)
        raw = raw[:m.start()] + " " + raw[m.end():]
    if m := _DATE_IN_TEXT.search(raw):
        try:
            dated = parse_date(m.group(0))
        except UnreadableValue:
            dated = None
        if dated is not None:
            raw = raw[:m.start()] + " " + raw[m.end():]
    if signed is None and dated is None:
        return None
    return clean_text(raw).strip(" ，,；;"), signed, dated


def _row_values(row: list[object], cols: dict[str, list[int]]) -> dict[str, object]:
    """The row's value for each column field (several columns under one merged header are joined)."""
    n = len(row)
    values: dict[str, object] = {}
    for key, indexes in cols.items():
        if len(indexes) == 1:
            i = indexes[0]
            values[key] = row[i] if i < n else ""
            continue
        parts: list[str] = []
        for i in indexes:
            if i < n:
                text = cell_text(row[i]).strip()
                if text and text not in parts:
                    parts.append(text)
        values[key] = "\n".join(parts)
    return values


# In a 岗位 column, what says "no post" (a department-wide point) where a blank cell would
# mean "same as above".
_NO_POST = frozenset({"—", "——", "-", "--", "－", "/", "／", "无", "无岗位", "部门", "全部门", "全科室", "科室"})


def _title(raw: object) -> str | None:
    text = clean_text(raw)
    return None if text in _NO_POST else text or None


def _col(cols: dict[str, list[int]], key: str) -> int:
    return cols[key][0] if key in cols else 0


def _hinted(description: str) -> list[ThreeImportant]:
    found = [kind for kind, words in THREE_IMPORTANT_HINTS.items() if any(w in description for w in words)]
    return found or [ThreeImportant.GENERAL]


def _unit_text(value: object) -> str:
    return re.sub(r"[(（]\s*盖章\s*[)）]", "", clean_text(value)).strip()


def unit_name(value: object) -> str | None:
    text = _unit_text(value)
    if text == UNKNOWN_UNIT:
        return None
    return text or None


def unit_left_unknown(value: object) -> bool:
    """The 单位 cell says 未注明单位, as lzfk's pre-filled forms of unit-less records do."""
    return value is not None and _unit_text(value) == UNKNOWN_UNIT


# Words that hold a department suffix character but never end a department's name:
# 邮件处理员 is not 邮件处 + 理员.
_NOT_A_BOUNDARY = frozenset(("处理", "处置", "处罚", "办理", "办事", "办公", "部署", "所有", "院校", "组织", "队伍", "站务", "科技", "股份", "室内", "委托"))


def split_department_title(value: str) -> tuple[str | None, str | None]:
    """``"秘书科科员"`` / ``"秘书科 科员"`` / ``"秘书科/科员"`` → (``"秘书科"``, ``"科员"``).

    Separators are looked for before spaces are cleaned away; only the first one (outside
    brackets) divides, so ``国库科 会计/出纳`` keeps the title 会计/出纳. Without one, the split is
    after a department suffix (科, 处, 办公室, 中心 …) and leaves the shortest title of at
    least two characters: ``邮件处理中心营业员`` → 邮件处理中心 + 营业员, not 邮件处 + ….
    """
    raw = cell_text(value).strip()
    if m := _IN_BRACKETS.fullmatch(raw):  # 出纳（国库科） or 国库科（出纳）
        outer, inner = clean_text(m[1]), clean_text(m[2])
        if _is_department(inner) and not _is_department(outer):
            return inner, outer
        if _is_department(outer) and not _is_department(inner):
            return outer, inner
    if not raw:
        return None, None
    cut = _first_separator(raw)
    if cut is not None:  # the title keeps its own punctuation: 会计/出纳, 科员（A/B角）
        return clean_text(raw[:cut[0]]), clean_text(raw[cut[1]:])
    text = clean_text(raw)
    best: int | None = None
    i = 0
    while i < len(text):
        for suffix in DEPARTMENT_SUFFIXES:  # longer suffixes first: 办公室 before 办
            if text.startswith(suffix, i):
                end = i + len(suffix)
                if end >= 2 and len(text) - end >= 2 and text[end - 1 : end + 1] not in _NOT_A_BOUNDARY:
                    best = end  # later cuts leave shorter titles
                break
        i += 1
    if best is not None:
        return text[:best], text[best:]
    if _is_department(text):
        return text, None  # 国库科: the 科室 alone, the post left out
    return None, text


_IN_BRACKETS = re.compile(r"(.+?)\s*[（(]\s*(.+?)\s*[)）]")
_DEPARTMENT_TITLE_SEPARATOR = re.compile(r"[\s\u3000/／,，\-—|]+")


def _first_separator(raw: str) -> tuple[int, int] | None:
    """Where the first separator outside brackets runs, if text stands on both sides of it."""
    for m in _DEPARTMENT_TITLE_SEPARATOR.finditer(raw):
        before = raw[:m.start()]
        if before.count("(") + before.count("（") > before.count(")") + before.count("）"):
            continue  # inside brackets: 科员（A/B角）
        if before.strip() and raw[m.end():].strip():
            return m.start(), m.end()
    return None


def _is_department(text: str) -> bool:
    """``国库科``, ``办公室``: a name ending in a department suffix (科员 and 站长 do not)."""
    return len(text) >= 2 and text.endswith(DEPARTMENT_SUFFIXES) and text not in DEPARTMENT_SUFFIXES


def split_flow(value: object) -> list[str]:
    """``"受理→审查→决定"`` → steps; also numbered lists and ``->``, ``—>``, ``－＞``, ``＞``."""
    text = clean_text(value)
    if not text:
        return []
    if _ARROW.search(text):
        return [p.strip() for p in _ARROW.split(text) if p.strip()]
    return split_numbered(value)  # not the cleaned text: a step per line keeps its line breaks


# An arrow between two steps: a dash of any width before > or ＞ belongs to the arrow.
_ARROW = re.compile(r"\s*(?:→|[-－—–=＝]*[>＞]|➝|⇒|➔|⟶|—+)\s*")


def merge_same_form(target: RiskPoint, other: RiskPoint) -> None:
    """Two rows (or two forms of one import) describe the same risk point: keep the first
    values, fill gaps from the second, and add measures not seen yet."""
    for key in other.model_fields_set:
        if key in ("id", "measures", "source"):
            continue
        if getattr(target, key) in (None, []) and getattr(other, key) not in (None, []):
            setattr(target, key, getattr(other, key))
            target.model_fields_set.add(key)
    seen = {m.text for m in target.measures}
    for m in other.measures:
        if m.text not in seen:
            target.measures.append(m)
            seen.add(m.text)
    if "measures" in other.model_fields_set:
        target.model_fields_set.add("measures")


def read_sheet(sheet: Sheet, file: str, source_file: str, *, default_unit: str | None = None,
               default_unit_reason: str = "") -> FormData | None:
    """The records of one sheet, or None if the sheet is no form. A form naming no unit
    takes ``default_unit`` (and says so in a warning, with ``default_unit_reason``)."""
    return SheetReader(sheet, file, source_file, default_unit, default_unit_reason).read()


_MEASURE_TEMPLATE = template(Measure)[0]
