"""Find a form's parts in a sheet: title, header block, table header, rows, sections, reviews.

Everything is found by content — the title's words and the header labels — so units'
own layouts (extra rows, moved blocks, merged cells, ``标签：值`` in one cell) read the same
as the official ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lzfk.excel.workbook import Sheet
from lzfk.formspec import NOTE_PREFIXES, THREE_IMPORTANT_SECTION_WORD, column_field, header_field, review_stage, title_kind
from lzfk.normalize import cell_text, label_key, lookup, split_label_value
from lzfk.vocab import FormKind, MeasureStage, ReviewStage, RiskType

MAX_HEADER_SCAN = 40  # the table header must start within the first 40 rows


@dataclass
class HeaderValue:
    value: str
    row: int
    col: int


@dataclass
class ReviewBlock:
    stage: ReviewStage
    row: int
    last_row: int = -1
    cells: list[tuple[int, int, object]] = field(default_factory=list)  # (row, col, value) after the label


@dataclass
class Layout:
    kind: FormKind | None
    title_row: int | None
    header_row: int | None
    columns: dict[str, list[int]]  # field key -> column indexes (several when a header is merged across)
    header: dict[str, HeaderValue]
    data_rows: list[int]
    sections: dict[int, tuple[bool, RiskType | None]]  # row -> (三重一大 section?, type section)
    reviews: list[ReviewBlock]
    # 防控措施 split under a second header row into 前期预防 | 中期监控 | 后期处置: column -> stage
    measure_stages: dict[int, MeasureStage] = field(default_factory=dict)
    title_unit: str | None = None  # 某镇人民政府廉政风险点一览表 → 某镇人民政府
    first_data: int | None = None  # the first row after the header (and its second row, if any)


def _text(value: object) -> str:
    return value if isinstance(value, str) else cell_text(value)


def find_title(sheet: Sheet) -> tuple[FormKind | None, int | None]:
    for r, row in enumerate(sheet.rows[:10]):
        seen = set()
        for value in row:
            if isinstance(value, str) and value and value not in seen:
                seen.add(value)
                kind = title_kind(value)
                if kind:
                    return kind, r
    return None, None


# Where the form's own name starts in a title; what stands before it may be the unit.
_FORM_NAME_START = re.compile(r"廉政风险|廉洁风险|风险点|岗位风险|岗位廉政|部门权力|权力清单|职权|领导岗位|中层岗位|一般岗位|个人岗位|部门岗位|部室")
_YEAR = re.compile(r"(?:[（(]?\d{4}\s*(?:年度?|[-—]\d{4}\s*年度?)[)）]?)$")
_UNIT_ENDINGS = ("政府", "局", "委员会", "委", "办公室", "办", "院", "校", "大学", "学院", "医院", "公司", "集团", "中心",
                 "所", "站", "厂", "银行", "社", "联合会", "协会", "党委", "支部", "街道", "镇", "乡", "中学", "小学")


def title_unit(sheet: Sheet, title_row: int | None) -> str | None:
    """``某镇人民政府廉政风险点和防控措施登记表`` → ``某镇人民政府``: a title that starts with a unit's
    name (and perhaps a year) names the unit the form belongs to."""
    if title_row is None:
        return None
    for value in sheet.rows[title_row]:
        if not isinstance(value, str) or not value.strip():
            continue
        text = value.strip()
        m = _FORM_NAME_START.search(text)
        if m is None or m.start() < 3:
            continue
        prefix = _YEAR.sub("", text[:m.start()].strip(" 　《“\"")).strip(" 　")
        if 4 <= len(prefix) <= 30 and prefix.endswith(_UNIT_ENDINGS):  # 办公室, 财政所: departments
            return prefix
    return None


def find_header_row(sheet: Sheet, start: int) -> tuple[int | None, dict[str, list[int]]]:
    best: tuple[int, int | None, dict[str, list[int]]] = (0, None, {})
    for r in range(start, min(len(sheet.rows), MAX_HEADER_SCAN)):
        columns: dict[str, list[int]] = {}
        for c, value in enumerate(sheet.rows[r]):
            if not isinstance(value, str) or not value.strip():
                continue
            key = column_field(value)
            if key:
                columns.setdefault(key, []).append(c)
        if "description" not in columns and "power_name" not in columns:
            continue
        if len(columns) >= 2 and len(columns) > best[0]:
            best = (len(columns), r, columns)
            if len(columns) >= 4:
                break
    return best[1], best[2]


def read_header_block(sheet: Sheet, stop: int, skip_row: int | None) -> dict[str, HeaderValue]:
    """Key–value fields above the table: ``label | value`` cells or ``label：value`` in one cell."""
    found: dict[str, HeaderValue] = {}
    for r in range(0, stop):
        if r == skip_row:
            continue
        row = sheet.rows[r]
        c = 0
        while c < len(row):
            text = _text(row[c]).strip()
            if not text:
                c += 1
                continue
            key, value, vc = None, "", c
            pair = split_label_value(text)
            if pair and header_field(pair[0]):
                key, value = header_field(pair[0]), pair[1].strip()
            elif header_field(text):
                key = header_field(text)
            if key is None:
                c += 1
                continue
            if not value:  # the value is in the next cell that is neither this label again nor another label
                n = c + 1
                while n < len(row) and (_text(row[n]).strip() in ("", text)):
                    n += 1
                if n < len(row):
                    candidate = _text(row[n]).strip()
                    if not header_field(candidate) and not (split_label_value(candidate) and header_field(split_label_value(candidate)[0])):
                        value, vc = candidate, n
                        c = n
            if value and key not in found:
                found[key] = HeaderValue(value, r, vc)
            c += 1
    return found


def _single_value(row: list[object]) -> str | None:
    """The one distinct non-empty value of a row, or None (stops at the second value)."""
    found = None
    for value in row:
        if value == "" or value is None:
            continue
        text = value.strip() if value.__class__ is str else cell_text(value).strip()
        if not text:
            continue
        if found is None:
            found = text
        elif text != found:
            return None
    return found


def _section(row: list[object]) -> tuple[bool, RiskType | None] | None:
    value = _single_value(row)
    if value is None:
        return None
    key = label_key(_SECTION_NUMBER.sub("", value))  # 一、岗位职责方面 → 岗位职责方面
    if THREE_IMPORTANT_SECTION_WORD in key and len(key) <= 12:
        return True, None
    if key.endswith(("方面", "风险", "类")) and len(key) <= 10:
        risk_type = lookup(RiskType, key, "type")
        if risk_type:
            return False, risk_type
        if key.endswith("方面"):  # 其他方面: a heading that names no type ends the one before
            return False, None
    return None


_SECTION_NUMBER = re.compile(r"^\s*(?:(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[、.．]|[(（](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）])\s*")


# Rows a printed table carries that are no risk points: 小计/合计 lines, the header repeated on
# every printed page, and a signature footer (填表人：张某 … 填表日期：…).
_TOTAL_WORDS = ("小计", "合计", "总计", "共计")
_FOOTER_LABELS = frozenset({"填表人", "填报人", "制表人", "审核人", "审核", "负责人", "联系人", "联系电话", "电话"})
_FOOTER_ENDINGS = ("签字", "签名", "签章", "盖章", "日期", "时间")  # 主管领导签字, 填表日期, 日期


def _not_a_point(row: list[object], columns: dict[str, list[int]]) -> bool:
    """A total, a repeated header or a footer. Cheap for the usual data row (a 100 000-row
    register passes here once per row): each test starts with a plain string check."""
    main = columns.get("description") or columns.get("power_name") or [len(row)]
    first = min(main)
    value = row[first] if first < len(row) else ""
    if value.__class__ is str and value.strip():
        if any(v.__class__ is str and "计" in v for v in row[:first]) and _is_total(row, first):
            return True
        # the header again names its 风险点/权力 column (a cheap test first: a register's
        # descriptions are mostly unique, too many to cache column_field for)
        return may_name_main_column(value) and column_field(value) in ("description", "power_name") \
            and _repeats_header(row, columns)
    return _is_total(row, first) or _is_footer(row)


# 风险…/权力… as a header writes it: spaced out (风　险　点), over lines, in traditional script.
MAIN_COLUMN_HINT = r"[风風]\s*[险險]|[权權]\s*力"
_MAIN_COLUMN_HINT = re.compile(MAIN_COLUMN_HINT)


def may_name_main_column(value: str) -> bool:
    """Could ``value`` be the 风险点 or 权力事项 header label? (column_field decides.)"""
    return len(value) <= 60 and _MAIN_COLUMN_HINT.search(value) is not None


def _is_total(row: list[object], first: int) -> bool:
    """A 小计/合计 line: a cell left of the 风险点 column is, or ends with, such a word
    (国库科小计, 合  计); a risk point that ends in 合计 is still a risk point."""
    for value in row[:first]:
        if value.__class__ is str and "计" in value and len(value) <= 20:
            key = label_key(value)
            if key.endswith(_TOTAL_WORDS) or key in _TOTAL_WORDS:
                return True
    return False


def _repeats_header(row: list[object], columns: dict[str, list[int]]) -> bool:
    """The table header again (printed pages repeat it): at least half of the header's
    fields are named again in their own columns."""
    named = 0
    for key, cols in columns.items():
        if any(c < len(row) and row[c].__class__ is str and column_field(row[c]) == key for c in cols):
            named += 1
    return named >= 2 and named * 2 >= len(columns)


def _is_footer(row: list[object]) -> bool:
    """Every filled cell a signature-line label, with or without its value (填表人：张某)."""
    seen = False
    for value in row:
        text = _text(value).strip()
        if not text:
            continue
        pair = split_label_value(text)
        label = label_key(pair[0] if pair else text)
        if label not in _FOOTER_LABELS and not label.endswith(_FOOTER_ENDINGS):
            return False
        seen = True
    return seen


def review_label(text: str) -> ReviewStage | None:
    """The review block a row's first cell opens: 单位主管领导审查意见, or 审核意见：同意."""
    stage = review_stage(text)
    if stage is None and (pair := split_label_value(text)):
        stage = review_stage(pair[0])
    return stage


def is_note(text: str) -> bool:
    key = label_key(text)
    return key.startswith(NOTE_PREFIXES) and (":" in text or "：" in text or "此表" in key) or key.startswith("此表")


def analyse(sheet: Sheet) -> Layout:
    """The sheet's layout (computed once and kept on the sheet)."""
    if sheet.layout is None:
        sheet.layout = _analyse(sheet)
    return sheet.layout  # type: ignore[return-value]


def _analyse(sheet: Sheet) -> Layout:
    kind, title_row = find_title(sheet)
    header_row, columns = find_header_row(sheet, 0 if title_row is None else title_row + 1)
    header = read_header_block(sheet, header_row if header_row is not None else min(len(sheet.rows), 12), title_row)
    data_rows: list[int] = []
    sections: dict[int, tuple[bool, RiskType | None]] = {}
    reviews: list[ReviewBlock] = []
    measure_stages: dict[int, MeasureStage] = {}
    first_data = 0
    if header_row is not None:
        first_data = header_row + 1
        if first_data < len(sheet.rows) and _sub_header(sheet, header_row, columns, measure_stages):
            first_data += 1
        for r in range(first_data, len(sheet.rows)):
            row = sheet.rows[r]
            first = next(((c, v) for c, v in enumerate(row) if _text(v).strip()), None)
            if first is None:
                continue
            c0, v0 = first
            if v0.__class__ is not str:  # a number (序号) or date first: a data row
                data_rows.append(r)
                continue
            text0 = v0.strip()
            stage = review_label(text0)
            if stage is not None:
                if reviews and reviews[-1].stage is stage and reviews[-1].last_row == r - 1:
                    block = reviews[-1]  # the label cell is merged down over several rows
                else:
                    block = ReviewBlock(stage, r)
                    reviews.append(block)
                block.last_row = r
                block.cells.extend((r, c, v) for c, v in enumerate(row) if c > c0 and _text(v).strip() and _text(v).strip() != text0)
                if pair := split_label_value(text0):
                    if pair[1].strip():
                        block.cells.append((r, c0, pair[1].strip()))
                continue
            if is_note(text0):
                continue
            if reviews:
                # rows after a review label that carry only a date or a signature belong to it
                reviews[-1].cells.extend((r, c, v) for c, v in enumerate(row) if _text(v).strip())
                continue
            section = _section(row)
            if section is not None:
                sections[r] = section
                continue
            if _not_a_point(row, columns):
                continue
            data_rows.append(r)
    return Layout(kind, title_row, header_row, columns, header, data_rows, sections, reviews, measure_stages,
                  title_unit(sheet, title_row), first_data if header_row is not None else None)


def _sub_header(sheet: Sheet, header_row: int, columns: dict[str, list[int]], stages: dict[int, MeasureStage]) -> bool:
    """A second header row under the first: 防控措施 merged across 前期预防 | 中期监控 | 后期处置,
    or a merged 风险评估 over 发生可能性 | 危害程度. Each sub-label gives its column a stage or
    its own field (``columns`` and ``stages`` are updated); every other cell of the row is
    empty or repeats the header above it (merged down). Then the row is no data: True."""
    above, row = sheet.rows[header_row], sheet.rows[header_row + 1]
    measure_columns = set(columns.get("measures", ()))
    found_stages: dict[int, MeasureStage] = {}
    fields: dict[int, str] = {}
    for c, value in enumerate(row):
        text = _text(value).strip()
        if not text or (c < len(above) and text == _text(above[c]).strip()):
            continue
        stage = lookup(MeasureStage, text) if c in measure_columns else None
        if stage is not None:
            found_stages[c] = stage
            continue
        key = column_field(text)
        if key is None or key == "description" or any(c in cols for k, cols in columns.items() if k not in ("measures",) and len(cols) == 1):
            return False  # a value, or a label for a column that has one already: this row is data
        fields[c] = key
    if not found_stages and not fields:
        return False
    stages.update(found_stages)
    for c, key in fields.items():
        for cols in columns.values():
            if c in cols:
                cols.remove(c)
        columns.setdefault(key, []).append(c)
    for key in [k for k, cols in columns.items() if not cols]:
        del columns[key]
    return True


def form_unit(sheet: Sheet) -> str | None:
    """The unit a form's header block names (单位（盖章）：…), without reading the rest."""
    layout = analyse(sheet)
    if layout.kind is None and layout.header_row is None:
        return None
    unit = layout.header.get("unit")
    from lzfk.excel.reader import unit_name

    return (unit_name(unit.value) if unit is not None else None) or layout.title_unit
