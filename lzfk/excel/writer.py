"""Write the forms as .xlsx, blank or pre-filled from a register, from ``formspec.FORMS``.

Generated forms are made to be filled in by hand and read back by ``lzfk import``:
drop-down lists for type, level, stage, grade and tier; A4 landscape with the header rows
repeated on every printed page; the seed's "此表一式三份" note. Every value lzfk writes is
one the reader understands, so a generated form imports back unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lzfk.formspec import COLUMNS, FORMS, HEADER_FIELDS, FormSpec
from lzfk.models import DepartmentFile, Measure, Position, Power, RiskPoint
from lzfk.vocab import LEADERSHIP_DEPARTMENT, UNKNOWN_UNIT, FormKind, PositionTier, RiskLevel, Vocab

BLANK_ROWS = 10
SPARE_ROWS = 3  # a pre-filled form's empty rows, with the drop-downs, for risk points found this round
FONT = "宋体"
TITLE_FONT = "方正小标宋简体"
SECTION_LABEL = "“三重一大”方面"
_ESCAPE = ("=", "+", "-", "@")
_MEASURE_COLUMNS = ("measures", "stage", "owner", "deadline", "status", "measure_kind")


def safe_cell(value: Any) -> Any:
    """Text starting with = + - @ gets a leading apostrophe, so no spreadsheet program
    takes it for a formula (formula injection); ``normalize.clean_text`` removes it again
    on import, so the round trip is exact."""
    if isinstance(value, str) and value.startswith(_ESCAPE):
        return "'" + value
    return value


@dataclass
class FilledRow:
    """One printed row of the table: column key -> value; ``merge_with_next`` for risk
    columns spanning the rows of their measures."""

    values: dict[str, Any]
    span: int = 1


@dataclass
class FormContent:
    header: dict[str, str] = field(default_factory=dict)
    rows: list[FilledRow] = field(default_factory=list)
    section_rows: list[FilledRow] = field(default_factory=list)  # under “三重一大”方面
    merge_down: tuple[str, ...] = ()  # columns with one value for the whole table (duties, workflow)


def _level_label(spec: FormSpec, level: RiskLevel | None) -> str:
    if level is None:
        return ""
    return spec.level_labels[list(RiskLevel).index(level)]


def _measure_text(measures: list[Measure]) -> str:
    if len(measures) == 1:
        return measures[0].text
    return "\n".join(f"{i}.{m.text}" for i, m in enumerate(measures, 1))


def _date_text(value) -> str:
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def risk_rows(spec: FormSpec, points: list[RiskPoint], extra: dict[str, Any] | None = None) -> list[FilledRow]:
    """Rows for risk points: one per point, or one per measure where the form has
    per-measure columns (stage, owner, deadline) — the point's cells then span its rows."""
    per_measure = any(c in spec.columns for c in ("stage", "owner", "deadline"))
    rows = []
    for n, rp in enumerate(points, 1):
        base = {
            "seq": n, "description": rp.description, "manifestation": rp.manifestation or "",
            "type": rp.type.label if rp.type else "", "level": _level_label(spec, rp.level),
            "department_head": rp.department_head or "", "responsible_leader": rp.responsible_leader or "",
            **(extra or {}),
        }
        if per_measure and rp.measures:
            for i, m in enumerate(rp.measures):
                values = dict(base) if i == 0 else {}
                values.update({"measures": m.text, "stage": m.stage.label if m.stage else "", "owner": m.owner or "",
                               "deadline": _date_text(m.deadline)})
                rows.append(FilledRow(values, span=len(rp.measures) if i == 0 else 0))
        else:
            base["measures"] = _measure_text(rp.measures)
            rows.append(FilledRow(base))
    return rows


def write_form(spec: FormSpec, path: Path, content: FormContent | None = None) -> None:
    """Write one form to ``path`` (blank when ``content`` is None)."""
    from lzfk.fileutil import atomic_save_workbook

    atomic_save_workbook(build_form(spec, content), path)


def build_form(spec: FormSpec, content: FormContent | None = None):
    """One form as an openpyxl workbook (blank when ``content`` is None)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    content = content or FormContent()
    columns = list(spec.columns)
    ncols = len(columns)
    wb = Workbook()
    ws = wb.active
    ws.title = spec.kind.label[:31]
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    center = Alignment(wrap_text=True, vertical="center", horizontal="center")
    font = Font(name=FONT, size=11)
    bold = Font(name=FONT, size=11, bold=True)

    def put(row: int, col: int, value: Any, *, style_font=font, align=wrap, boxed=True):
        cell = ws.cell(row=row, column=col, value=safe_cell(value))
        cell.font = style_font
        cell.alignment = align
        if boxed:
            cell.border = border
        return cell

    def merge(row1: int, col1: int, row2: int, col2: int) -> None:
        for r in range(row1, row2 + 1):
            for c in range(col1, col2 + 1):
                ws.cell(row=r, column=c).border = border
        if (row1, col1) != (row2, col2):
            ws.merge_cells(start_row=row1, start_column=col1, end_row=row2, end_column=col2)

    for i, key in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = COLUMNS[key].width
    # title
    row = 1
    title = ws.cell(row=1, column=1, value=spec.title)
    title.font = Font(name=TITLE_FONT, size=18)
    title.alignment = center
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    ws.row_dimensions[1].height = 36
    row = 2
    validations: list[tuple[DataValidation, str]] = []
    # header block: each row split evenly into label | value pairs
    widths = [COLUMNS[key].width for key in columns]

    def reach(start: int, need: float, last: int, step: int = 1) -> int:
        """The column where a run of columns from ``start`` (towards ``step``) is ``need`` wide, not past ``last``."""
        end, have = start, widths[start - 1]
        while have < need and end != last:
            end += step
            have += widths[end - 1]
        return end

    for keys in spec.header_rows:
        width = max(ncols // len(keys), 2)
        for i, key in enumerate(keys):
            start = 1 + i * width
            end = ncols if i == len(keys) - 1 else start + width - 1
            label = HEADER_FIELDS[key].label
            # the label on one line: over as many columns as it needs, leaving the value one at least
            label_end = reach(start, _text_width(label) + 2, max(start, end - 1))
            put(row, start, label, style_font=bold, align=center)
            merge(row, start, row, label_end)
            put(row, label_end + 1, content.header.get(key, ""))
            merge(row, label_end + 1, row, end)
            choices = HEADER_FIELDS[key].choices
            if choices is not None:
                validations.append((_list_validation(choices), f"{get_column_letter(label_end + 1)}{row}"))
        row += 1
    # table header
    header_row = row
    for i, key in enumerate(columns, 1):
        cell = put(row, i, COLUMNS[key].label, style_font=bold, align=center)
        cell.fill = PatternFill("solid", fgColor="EDEDED")
    ws.row_dimensions[row].height = 30
    row += 1
    first_data = row

    spans: list[tuple[int, int, int]] = []  # (first row, last row, column): merged after writing

    def write_rows(rows: list[FilledRow], blank: int) -> None:
        nonlocal row
        for filled in rows:
            for i, key in enumerate(columns, 1):
                if key in content.merge_down:
                    continue
                value = filled.values.get(key, "")
                put(row, i, value, align=center if key in ("seq", "type", "level", "stage", "owner", "deadline") else wrap)
                if filled.span > 1 and key not in _MEASURE_COLUMNS:
                    spans.append((row, row + filled.span - 1, i))
            row += 1
        for _ in range(blank):
            for i, key in enumerate(columns, 1):
                if key not in content.merge_down:
                    put(row, i, "")
            row += 1

    filled_form = bool(content.rows or content.section_rows or content.header)
    write_rows(content.rows, SPARE_ROWS if filled_form else BLANK_ROWS)
    if spec.three_important_section:
        put(row, 1, SECTION_LABEL, style_font=bold)
        merge(row, 1, row, ncols)
        row += 1
        write_rows(content.section_rows, SPARE_ROWS)
    last_data = row - 1
    if last_data < first_data:  # a pre-filled form with no points still gets a row to write in
        write_rows([], 1)
        last_data = row - 1
    for first, last, col in spans:
        merge(first, col, last, col)
    for key in content.merge_down:
        col = columns.index(key) + 1
        put(first_data, col, content.header.get(key, ""))
        merge(first_data, col, last_data, col)
    for i, key in enumerate(columns, 1):
        choices = COLUMNS[key].choices
        if choices is not None:
            letter = get_column_letter(i)
            labels = spec.level_labels if choices is RiskLevel else None
            # Only the table's rows: the review rows below must take 签字 and dates.
            validations.append((_list_validation(choices, labels), f"{letter}{first_data}:{letter}{last_data}"))
    # review blocks, left empty: reviewers write their opinion, sign and date them
    for stage in spec.reviews:
        if ncols >= 4:
            # right to left: the date on one line, the signature, the label on two lines, the opinion in between
            date_text = "年　　月　　日"
            date_start = reach(ncols, _text_width(date_text) + 2, ncols - 2, step=-1)
            sign_start = reach(date_start - 1, 12, date_start - 1, step=-1)
            label_end = reach(1, max(10.0, _text_width(stage.label) / 2 + 2), max(1, sign_start - 2))
            put(row, 1, stage.label, style_font=bold, align=center)
            merge(row, 1, row, label_end)
            put(row, label_end + 1, "")
            merge(row, label_end + 1, row, sign_start - 1)
            put(row, sign_start, "签字：")
            merge(row, sign_start, row, date_start - 1)
            put(row, date_start, date_text, align=center)
            merge(row, date_start, row, ncols)
        else:
            put(row, 1, stage.label, style_font=bold, align=center)
            put(row, 2, "")
            merge(row, 2, row, ncols)
        ws.row_dimensions[row].height = 48
        row += 1
    if spec.note:
        put(row, 1, spec.note, boxed=False)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
        row += 1
    for dv, ref in validations:
        ws.add_data_validation(dv)
        dv.add(ref)
    _fit_row_heights(ws, first_data, row - 1)
    # print set-up: A4 landscape, one page wide, header rows repeated on every page
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"1:{header_row}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.freeze_panes = ws.cell(row=first_data, column=1)
    return wb


def _text_width(text: str) -> float:
    """Display width in Excel column units: a Chinese character is about two."""
    return sum(2.0 if ord(ch) > 0x2E7F else 1.1 for ch in text)


def _fit_row_heights(ws, first: int, last: int) -> None:
    """Spreadsheet programs do not grow rows for wrapped text in files they did not lay
    out, so estimate each row's height from its text and its (merged) column widths."""
    from openpyxl.utils import get_column_letter

    widths = {c: (ws.column_dimensions[get_column_letter(c)].width or 10) for c in range(1, ws.max_column + 1)}
    spans: dict[tuple[int, int], tuple[float, int]] = {}
    for rng in ws.merged_cells.ranges:
        width = sum(widths.get(c, 10) for c in range(rng.min_col, rng.max_col + 1))
        spans[(rng.min_row, rng.min_col)] = (width, rng.max_row - rng.min_row + 1)
    for r in range(first, last + 1):
        lines_needed = 1.0
        for c in range(1, ws.max_column + 1):
            value = ws.cell(row=r, column=c).value
            if not isinstance(value, str) or not value:
                continue
            width, rows = spans.get((r, c), (widths.get(c, 10), 1))
            usable = max(width - 1.5, 2)
            lines = sum(max(1, -(-_text_width(part) // usable)) for part in value.split("\n"))
            lines_needed = max(lines_needed, lines / rows)
        current = ws.row_dimensions[r].height or 0
        ws.row_dimensions[r].height = max(current, 15.0 * lines_needed + 4)


def _list_validation(choices: type[Vocab], labels: tuple[str, ...] | None = None):
    from openpyxl.worksheet.datavalidation import DataValidation

    items = labels or tuple(m.label for m in choices)
    dv = DataValidation(type="list", formula1='"' + ",".join(items) + '"', allow_blank=True)
    dv.error = "请从下拉列表中选择：" + "、".join(items)
    dv.errorTitle = "取值无效"
    dv.showErrorMessage = True
    return dv


# -- what to write for a register ---------------------------------------------------------

_TIER_FORM = {PositionTier.LEADER: FormKind.LEADER, PositionTier.MIDDLE: FormKind.MIDDLE, PositionTier.GENERAL: FormKind.GENERAL}


def position_form(df: DepartmentFile, pos: Position, points: list[RiskPoint]) -> tuple[FormSpec, FormContent]:
    """The form a position fills in, pre-filled from the register."""
    dept = df.department
    kind = _TIER_FORM.get(pos.tier, FormKind.PERSONAL_REGISTER) if pos.tier else FormKind.PERSONAL_REGISTER
    if kind is FormKind.LEADER and dept.name not in (None, LEADERSHIP_DEPARTMENT):
        kind = FormKind.PERSONAL_REGISTER  # the leadership form has no department field
    spec = FORMS[kind]
    holders = "、".join(pos.holders)
    header = {
        "unit": dept.unit or UNKNOWN_UNIT, "name": holders, "title": pos.title, "department": dept.name or "",
        "department_and_title": f"{dept.name} {pos.title}" if dept.name else pos.title,
        "grade": pos.grade.label if pos.grade else "", "oversees": pos.oversees or "",
        "head": holders if kind is FormKind.MIDDLE else (dept.head or ""),
        "tier": pos.tier.label if pos.tier else "", "leader": dept.leader or "",
        "duties": pos.duties or "", "workflow": pos.workflow or "",
    }
    content = FormContent(header=header)  # review blocks left empty: the new round is reviewed anew
    content.merge_down = tuple(k for k in ("duties", "workflow") if k in spec.columns)
    if spec.three_important_section:
        content.rows = risk_rows(spec, [p for p in points if not p.three_important])
        content.section_rows = risk_rows(spec, [p for p in points if p.three_important])
    else:
        content.rows = risk_rows(spec, points)
    return spec, content


def department_form(df: DepartmentFile, points: list[RiskPoint]) -> tuple[FormSpec, FormContent]:
    dept = df.department
    spec = FORMS[FormKind.DEPARTMENT_REGISTER]
    header = {"unit": dept.unit or UNKNOWN_UNIT, "department": dept.name or "", "head": dept.head or "", "leader": dept.leader or ""}
    return spec, FormContent(header=header, rows=risk_rows(spec, points))  # review blocks left empty


def power_form(df: DepartmentFile, powers: list[Power]) -> tuple[FormSpec, FormContent]:
    dept = df.department
    spec = FORMS[FormKind.POWER_LIST]
    rows = [FilledRow({"seq": n, "power_name": p.name, "power_kind": p.kind or "", "power_content": p.content or "",
                       "power_holder": p.holder or "", "legal_basis": p.legal_basis or "", "flow": "→".join(p.flow)})
            for n, p in enumerate(powers, 1)]
    return spec, FormContent(header={"unit": dept.unit or UNKNOWN_UNIT, "department": dept.name or ""}, rows=rows)
