"""Large consolidated registers, read column by column (polars) instead of row by row.

A city's 风险点台账 runs to 100 000 rows. Read row by row, as ``reader.SheetReader`` does, every
cell becomes a Python object and every risk point a record, and the import takes six times as
long as merely reading the workbook. Here the sheet is loaded as columns (fastexcel, the same
calamine engine, straight into Arrow memory), normalised with vectorised string operations, and
each department's register file is rendered as text, without building a record per point.

This path is an accelerator, not a second reader. It produces exactly what the row reader
and ``register.save_register`` produce (the test suite imports the same sheets both ways and
compares the files byte for byte), and only for what it handles exactly:

- one ordinary .xlsx/.xlsm worksheet recognised as a consolidated register (风险点台账), with
  only the columns of that form (序号, 单位, 科室, 岗位, 类别, 风险点, 表现形式, 等级, 定级依据,
  三重一大, 发生可能性, 危害程度, 后果, 人财物, 防控措施, 部门负责人, 责任领导), one column each;
- no merged range across columns in the data rows (ranges down one column are filled as
  the row reader fills them), no section headings, review blocks, totals, repeated
  headers or footers among them, no continuation rows, no repeated risk points;
- every level, type and other coded value understood (anything that would raise a problem);
- departments the register does not hold yet (the importer checks that).

Anything else — and any sheet under ``MIN_SHEET_BYTES`` — returns None, and the row reader
reads the sheet as always, with every problem reported at its cell. Cells whose text needs
real work (traditional script, full-width letters, line breaks, unusual numbering) go
through the row reader's own functions one by one; the vectorised operations handle only
what they provably do the same way.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from hashlib import blake2b
from typing import Any

from lzfk import ids, yamlout
from lzfk.excel.layout import MAIN_COLUMN_HINT, MAX_HEADER_SCAN, _is_total, analyse, form_unit, is_note, review_label
from lzfk.excel.reader import SheetReader, _hinted, _title, unit_name
from lzfk.excel.safety import merged_ranges
from lzfk.excel.workbook import Sheet, _fill_merged
from lzfk.formspec import FORMS, column_field
from lzfk.models import FORMAT, Department, DepartmentFile, Position, Source, build
from lzfk.normalize import TRADITIONAL_FILE, clean_text, label_key, split_numbered
from lzfk.problems import Problem
from lzfk.vocab import FormKind, RiskType, Scale, Consequence, ThreeImportant

# Below this size (a worksheet's XML, uncompressed: about 1 KB a row) the row reader is as fast.
MIN_SHEET_BYTES = 4 * 1024**2


def setting() -> str:
    """``LZFK_BULK``: "off" (never read in bulk), "always" (at any size, and a failure inside
    shows instead of falling back), or "" (the default)."""
    value = os.environ.get("LZFK_BULK", "").strip().lower()
    return "off" if value in ("off", "0", "no") else "always" if value == "always" else ""

# Columns handled here; any other column the header names sends the sheet to the row reader.
_COLUMNS = frozenset({"seq", "unit", "department", "position", "type", "description", "manifestation", "level", "basis",
                      "three_important", "likelihood", "harm", "consequence", "resources", "measures",
                      "department_head", "responsible_leader"})
_FILL_DOWN = ("unit", "department", "position", "department_head", "responsible_leader")

# Every character Python's str.isspace() accepts (what strip(), \s and isspace() see; a test
# checks the list against the running interpreter).
_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_WIDTH = "".join(chr(c) for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))) + "\u3000\xa0\u2002\u2003\ufeff\u200b"


def _char_class(chars: str) -> str:
    """A regex character class (Rust syntax) of exactly these characters."""
    return "[" + "".join(f"\\x{{{ord(c):x}}}" for c in sorted(set(chars))) + "]"


_patterns: dict[str, str] = {}


def _pattern(name: str) -> str:
    if not _patterns:
        traditional = TRADITIONAL_FILE.read_text("utf-8").strip()
        space = _char_class(_SPACES)
        _patterns.update(
            blank=f"^{space}*$",
            # anything clean_text would change (whitespace, full-width, traditional script), or
            # lzfk's own ' before formula-like text, or circled/bracketed list numbers
            work=_char_class(_SPACES + _WIDTH + traditional + "'"),
            measures_work=_char_class(_SPACES.replace("\n", "") + _WIDTH + traditional + "'" + "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"),
            space=space,
            # label_key's punctuation (whitespace aside: such text takes label_key itself)
            label_drop=_char_class(":：*＊※·•\"'“”‘’「」『』《》〈〉()（）[]【】{}、,，.。;；!！?？_-—–~～/\\|") + "+",
            # text label_key changes only by dropping that punctuation and upper-casing ASCII:
            # printable ASCII, general and CJK punctuation, CJK ideographs (no full-width forms,
            # no whitespace, nothing OpenCC converts)
            label_plain="^[\\x{21}-\\x{7e}\\x{2010}-\\x{2027}\\x{2030}-\\x{205e}\\x{3001}-\\x{303f}\\x{3400}-\\x{4dbf}\\x{4e00}-\\x{9fff}]*$",
        )
    return _patterns[name]


# --- measures: split_numbered for the cells it provably splits the same way -----------------
# In a cell without whitespace (line breaks aside), full-width digits or circled numbers,
# split_numbered splits on runs of ;；。，, and line breaks, and starts an item at each segment
# that opens with the next number: 1. 1、 1． 1) 1） (1) （1）. A cell qualifies when it opens
# with item 1 in one of those forms, every separator run followed by anything that could open
# a marker is followed by a real one, the numbers count 1, 2, 3 …, no bracketed number stands
# right after text (which _break_before_markers would split) and no item keeps a line break
# inside (clean_text would join its lines). Any other cell with a marker-like start goes to
# split_numbered itself; a cell that does not open with a marker is one item per line.
_SEP = "[;；。，,\n]"
_MARK_START = r"[(（\d一二三四五六七八九十]"
_DIGIT_MARK = r"(?:\d{1,2}[.．、)）]|[(（]\d{1,2}[)）])"
_FIRST = r"^(?:0?1[.．、)）]|[(（]0?1[)）])"
_FIRST_ANY = r"^(?:\d|[(（]|[一二三四五六七八九十])"  # anything split_numbered might take for item 1
_ITEM_TRIM = " ;；,，、。"


def _measure_items(pl: Any, frame: Any, column: str) -> Any:
    """A long frame (``i``: row index, ``text``) of the measures in ``column``, in order."""
    col = pl.col(column)
    marks = col.str.extract_all(f"{_SEP}+{_MARK_START}").list.len()
    real = col.str.extract_all(f"{_SEP}+(?:" + r"\d{1,2}[.．、)）]\D|[(（]\d{1,2}[)）])").list.len()
    numbers = col.str.extract_all(f"{_SEP}+{_DIGIT_MARK}").list.eval(pl.element().str.extract(r"(\d{1,2})", 1).cast(pl.Int32, strict=False))
    work = col.str.contains(_pattern("measures_work"))
    blank = col.str.contains(_pattern("blank"))
    listed = col.str.contains(_FIRST + r"(?:\D|$)")
    frame = frame.select(
        pl.col("i"), col.alias("raw"),
        pl.when(blank).then(pl.lit("empty"))
        .when(work | col.str.contains(f"^{_SEP}") | col.str.contains(r"[^;；。，,\n][(（]\d{1,2}[)）]") | col.str.contains(r"^0?1[.．、)）]$"))
        .then(pl.lit("python"))
        .when(listed & (marks == real) & (numbers == pl.int_ranges(2, numbers.list.len() + 2, dtype=pl.Int32)))
        .then(pl.lit("list"))
        .when(col.str.contains(_FIRST_ANY)).then(pl.lit("python"))
        .otherwise(pl.lit("one")).alias("how"),
    ).with_columns(
        pl.when(pl.col("how") == "list")
        .then(pl.col("raw").str.replace(_FIRST, "").str.replace_all(f"{_SEP}+{_DIGIT_MARK}", "\x00"))
        .alias("split"))
    frame = frame.with_columns(
        pl.when((pl.col("how") == "list") & pl.col("split").str.contains("\n")).then(pl.lit("python"))
        .otherwise(pl.col("how")).alias("how"))
    lists = frame.filter(pl.col("how") == "list").select("i", pl.col("split").str.split("\x00").alias("text"))
    ones = frame.filter(pl.col("how") == "one").select("i", pl.col("raw").str.split("\n").alias("text"))
    items = pl.concat([lists, ones]).explode("text").with_columns(pl.col("text").str.strip_chars(_ITEM_TRIM)) \
        .filter(pl.col("text") != "")
    hard = frame.filter(pl.col("how") == "python")
    rows: list[int] = []
    texts: list[str] = []
    for i, value in zip(hard["i"].to_list(), hard["raw"].to_list()):
        for text in split_numbered(value):
            rows.append(i)
            texts.append(text)
    python = pl.DataFrame({"i": pl.Series(rows, dtype=items.schema["i"]), "text": pl.Series(texts, dtype=pl.String)})
    return pl.concat([items, python]).sort("i", maintain_order=True)  # a stable sort keeps each cell's order


def _label_keys(pl: Any, texts: Any) -> Any:
    """``label_key`` of every value of a string Series (no nulls)."""
    keys = texts.str.replace_all(_pattern("label_drop"), "").str.to_uppercase()
    odd = texts.to_frame("t").select(pl.arg_where(~pl.col("t").str.contains(_pattern("label_plain"))
                                                  | pl.col("t").str.contains(_pattern("work")))).to_series()
    if odd.len():
        keys = keys.scatter(odd, [label_key(v) for v in texts.gather(odd).to_list()])
    return keys


# --- scalars ----------------------------------------------------------------------------------
_KEYWORDS = "(?i)^(?:null|true|false|yes|no|on|off|y|n)$"


def _scalar(pl: Any, expr: Any) -> Any:
    """``yamlout.scalar`` of a string column, for the values that are plainly plain; None
    where Python's scalar() must decide (quoting, escapes)."""
    space = _pattern("space")
    plain = (
        expr.str.contains(r"^(?:[A-Za-z]|[^\x00-\x7f])") & ~expr.str.contains(f"^{space}")
        & ~expr.str.contains(f"(?:{space}|:)$")
        & ~expr.str.contains("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]|: | #")
        & ~expr.str.contains(_KEYWORDS)
    )
    return pl.when(plain).then(expr).otherwise(None)


def _with_scalars(pl: Any, frame: Any, columns: list[str]) -> Any:
    """Add ``<col>_y``: the YAML scalar of every (non-null) value of each column."""
    frame = frame.with_columns([_scalar(pl, pl.col(c)).alias(f"{c}_y") for c in columns])
    for c in columns:
        rows = frame.select(pl.arg_where(pl.col(c).is_not_null() & pl.col(f"{c}_y").is_null())).to_series()
        if rows.len():
            frame = frame.with_columns(frame[f"{c}_y"].scatter(rows, [yamlout.scalar(v) for v in frame[c].gather(rows).to_list()]))
    return frame


# --- the reader ---------------------------------------------------------------------------------

@dataclass
class BulkDepartment:
    """One department's register file, rendered (UTF-8)."""

    department: Department
    positions: int
    risk_points: int
    text: bytes


@dataclass
class BulkForm:
    """What the row reader's FormData would hold, as rendered department files."""

    file: str
    sheet: str
    kind: FormKind
    problems: list[Problem] = field(default_factory=list)
    departments: dict[str, BulkDepartment] = field(default_factory=dict)
    unit: str | None = None  # the unit the form's header names (form_unit)


def read(data: bytes, file: str, source_file: str, default_unit: str | None, reason: str,
         tail: bytes, *, size: int, min_bytes: int | None = None) -> BulkForm | None:
    """The workbook's only worksheet (``size`` bytes of XML and ``tail``, its XML after the
    cells, as the safety check found them) as rendered department files, or None when the
    row reader must read it."""
    if min_bytes is None:
        min_bytes = 0 if setting() == "always" else MIN_SHEET_BYTES
    if size < min_bytes:
        return None
    merged = merged_ranges(tail)
    if merged is None:
        return None  # merged ranges written in a way only calamine's reading settles
    try:
        import fastexcel
        import polars as pl
    except ImportError:  # an installation without them: the row reader does the work
        return None
    try:
        reader = fastexcel.read_excel(data)
        visible = [n for n in reader.sheet_names]
        if len(visible) != 1:
            return None
        # skip_rows=0: keep the empty rows above the table, so that row numbers are the sheet's
        sheet = reader.load_sheet(0, header_row=None, skip_rows=0, dtypes="string")
        if str(sheet.visible).lower() != "visible":
            return None
        frame = sheet.to_polars()
        # columns by their place in the sheet (fastexcel leaves out empty columns on the left)
        places = [c.absolute_index for c in sheet.selected_columns]
        name = sheet.name
        del sheet, reader  # calamine's copy of the cells: the frame has them now
    except Exception:  # whatever fastexcel cannot read, the row reader reports properly
        return None
    if not places or places != list(range(places[0], places[0] + len(places))):
        return None
    frame = frame.rename({c: f"c{i}" for c, i in zip(frame.columns, places)})
    frame = frame.select(*[pl.lit(None, dtype=pl.String).alias(f"c{i}") for i in range(places[0])], *frame.columns)
    try:
        return _Bulk(pl, frame, name, file, source_file, default_unit, reason, merged).read()
    except Exception:
        # An accelerator must not make an import fail: the row reader reads the sheet instead.
        # (LZFK_BULK=always, as the tests and trials run it, lets the failure show.)
        if setting() == "always":
            raise
        return None


class _Bulk:
    def __init__(self, pl: Any, frame: Any, sheet: str, file: str, source_file: str, default_unit: str | None,
                 reason: str, merged: list[tuple[int, int, int, int]]) -> None:
        self.pl = pl
        self.frame = frame  # columns c0, c1 … as in the sheet
        self.sheet_name, self.file, self.source_file = sheet, file, source_file
        self.default_unit, self.reason, self.merged = default_unit, reason, merged

    def read(self) -> BulkForm | None:
        pl, frame = self.pl, self.frame
        if _overlapping(self.merged):
            return None  # (Excel never writes such ranges; filled one after another, their order matters)
        frame = self._fill_columns(frame)
        head = [["" if v is None else v for v in row] for row in frame.head(MAX_HEADER_SCAN + 2).rows()]
        _fill_merged(head, self.merged)  # the title and header rows, as the row reader's grid has them
        prefix = Sheet(self.sheet_name, head)
        layout = analyse(prefix)
        if layout.header_row is None or layout.reviews or layout.sections or layout.measure_stages or not layout.data_rows:
            return None  # (the form-level warnings below depend on the prefix holding a data row)
        reader = SheetReader(prefix, self.file, self.source_file, self.default_unit, self.reason)
        kind = reader.kind(layout)
        cols = layout.columns
        if kind is not FormKind.CONSOLIDATED or "description" not in cols or not set(cols) <= _COLUMNS \
                or any(len(c) != 1 for c in cols.values()):
            return None
        first_data = layout.first_data  # after a second header row (部门负责人 | 责任领导 under 负责人) too
        if any(r1 >= first_data and c0 != c1 for _, c0, r1, c1 in self.merged):
            return None  # a range across columns among the data rows
        values = [f"c{i}" for i in range(frame.width)]
        if _unusual_cells(pl, frame, values):
            return None
        # The form-level problems, exactly as the row reader makes them.
        reader._unknown_columns(layout)
        ctx = reader._context(kind, layout)
        if ctx["scope"] != "consolidated" or FORMS[kind].three_important_section:
            return None
        data = frame.slice(first_data).with_row_index("i", offset=first_data)
        col = {k: f"c{v[0]}" for k, v in cols.items()}
        if not self._plain_rows(data, values, col):
            return None
        data = data.filter(~pl.all_horizontal([pl.col(c).is_null() | pl.col(c).str.contains(_pattern("blank")) for c in values]))
        if data.height == 0:
            return None
        return self._render(reader, kind, ctx, data, col, form_unit(prefix))

    def _fill_columns(self, frame: Any) -> Any:
        """Merged ranges within one column, as workbook._fill_merged fills them: every cell of
        the range takes the value of its top cell (a 单位 merged down over its points)."""
        sources: dict[int, list[int]] = {}
        height = frame.height
        for r0, c0, r1, c1 in self.merged:
            if c0 != c1 or c0 >= frame.width or r0 >= height:
                continue
            rows = sources.setdefault(c0, list(range(height)))
            for r in range(r0, min(r1, height - 1) + 1):
                rows[r] = r0
        for c, rows in sorted(sources.items()):
            frame = frame.with_columns(frame[f"c{c}"].gather(rows))
        return frame

    # -- which rows are risk points ------------------------------------------------------------
    def _plain_rows(self, data: Any, values: list[str], col: dict[str, str]) -> bool:
        """Is every non-empty row after the header a risk point the row reader reads plainly
        (a description, no total/footer/heading/review, nothing it would report)?"""
        pl = self.pl
        blank = _pattern("blank")
        filled = [pl.col(c).is_not_null() & ~pl.col(c).str.contains(blank) for c in values]
        desc = col["description"]
        left = [c for c in values if int(c[1:]) < int(desc[1:])]
        stripped = data.select(
            *[pl.when(f).then(pl.col(c).str.strip_chars(_SPACES)).alias(f"s{c}") for f, c in zip(filled, values)],
            pl.col(desc).alias("description"), *[pl.col(c).alias(f"left{c}") for c in left],
            (pl.col(desc).is_not_null() & ~pl.col(desc).str.contains(blank)).alias("desc"),
        ).with_columns(pl.coalesce([f"s{c}" for c in values]).alias("first"))
        checks = stripped.with_columns(
            pl.any_horizontal([pl.col(f"s{c}").is_not_null() for c in values]).alias("any"),
            # a second, different value (else _section might take the row for a heading)
            pl.any_horizontal([pl.col(f"s{c}").is_not_null() & (pl.col(f"s{c}") != pl.col("first")) for c in values]).alias("two"),
        ).filter(pl.col("any"))
        if checks.height == 0:
            return True
        if not checks["desc"].all() or not checks["two"].all():
            return False
        # The first cell of each row: a review label or a note ends the table.
        firsts = checks.filter(~pl.col("first").str.contains(r"^\d+$"))["first"].unique().to_list()
        if any(review_label(text) is not None or is_note(text) for text in firsts):
            return False
        # 小计/合计 in a cell left of the description; the header repeated.
        for c in left:
            cells = checks.filter(pl.col(f"left{c}").str.contains("计") & (pl.col(f"left{c}").str.len_chars() <= 20))[f"left{c}"].unique().to_list()
            if any(_is_total([v], 1) for v in cells):
                return False
        hint = MAIN_COLUMN_HINT.replace("\\s", _pattern("space"))  # Python's \s, in the Rust pattern
        header_like = checks.filter(pl.col("description").str.contains(hint) & (pl.col("description").str.len_chars() <= 60)
                                    )["description"].unique().to_list()
        return not any(column_field(v) in ("description", "power_name") for v in header_like)

    # -- records ---------------------------------------------------------------------------------
    def _render(self, reader: Any, kind: FormKind, ctx: dict[str, Any], data: Any, col: dict[str, str], unit_named: str | None) -> BulkForm | None:
        pl = self.pl
        blank = _pattern("blank")

        def raw(key: str) -> Any:
            return pl.col(col[key]).fill_null("") if key in col else pl.lit("")

        # fill down: a blank cell repeats the one above
        frame = data.select(
            "i",
            *[(pl.when(raw(k).str.contains(blank)).then(None).otherwise(raw(k)).forward_fill().fill_null("")
               if k in _FILL_DOWN else raw(k)).alias(k)
              for k in ("unit", "department", "position", "type", "description", "manifestation", "level", "basis",
                        "three_important", "likelihood", "harm", "consequence", "resources", "measures",
                        "department_head", "responsible_leader")],
        )
        # free text: unchanged unless it needs clean_text's work
        work = _pattern("work")
        for key in ("description", "manifestation", "basis"):
            frame = self._clean(frame, key, work)

        # departments: per distinct combination, as the row reader's memo does
        combos = frame.select("unit", "department", "department_head", "responsible_leader").unique(maintain_order=True)
        departments: dict[str, Department] = {}
        dept_of: list[tuple[str, str | None, str | None, str | None, str | None]] = []
        for unit_raw, dept_raw, head_raw, leader_raw in combos.rows():
            unit = unit_name(unit_raw) or ctx["unit"]
            dept = clean_text(dept_raw) or ctx["department"]
            head = clean_text(head_raw) or None
            leader = clean_text(leader_raw) or None
            dept_id = ids.department_id(unit, dept)
            head_value = head or (ctx["head"] if ctx["scope"] != "position" else None)
            current = departments.get(dept_id)
            if current is None:
                departments[dept_id] = build(Department, id=dept_id, unit=unit, name=dept, head=head_value, leader=leader or ctx["leader"])
            else:
                for key, value in (("head", head_value), ("leader", leader or ctx["leader"])):
                    if value and not getattr(current, key):
                        setattr(current, key, value)
            dept_of.append((dept_id, unit, dept, head, leader))
        combos = combos.with_columns(
            pl.Series("dept_id", [d[0] for d in dept_of], dtype=pl.String),
            pl.Series("unit_v", [d[1] for d in dept_of], dtype=pl.String),
            pl.Series("dept_v", [d[2] for d in dept_of], dtype=pl.String),
            pl.Series("head_v", [d[3] for d in dept_of], dtype=pl.String),
            pl.Series("leader_v", [d[4] for d in dept_of], dtype=pl.String),
        )
        frame = frame.join(combos, on=["unit", "department", "department_head", "responsible_leader"], how="left", maintain_order="left")

        # coded values: each distinct spelling once; anything not understood → the row reader
        lookups = {}
        for key, convert in (
            ("type", lambda v: reader._enum(RiskType, v, 0, 0, "type", "unknown-type", "type")),
            ("level", lambda v: reader._level(v, 0, {"level": [0]})),
            ("likelihood", lambda v: reader._enum(Scale, v, 0, 0, "likelihood")),
            ("harm", lambda v: reader._enum(Scale, v, 0, 0, "harm")),
            ("consequence", lambda v: reader._enum(Consequence, v, 0, 0, "consequence")),
            ("three_important", lambda v: reader._three_important(v, 0, 0)),
            ("resources", lambda v: tuple(reader._resources(v, 0, 0))),
        ):
            if key not in col:
                continue
            before = len(reader.problems)
            mapping = {v: convert(v) for v in frame[key].unique().to_list()}
            if len(reader.problems) != before:
                return None
            if key == "level" and any(v is None for v in mapping.values()):
                return None  # a blank level: the row reader reports each one
            lookups[key] = mapping

        # positions
        titles = {v: _title(v) for v in frame["position"].unique().to_list()} if "position" in col else {}
        frame = frame.with_columns(pl.col("position").replace_strict(titles, default=None, return_dtype=pl.String).alias("title")) \
            if titles else frame.with_columns(pl.lit(None, dtype=pl.String).alias("title"))
        posts = frame.filter(pl.col("title").is_not_null()).group_by("dept_id", "title", maintain_order=True).agg(pl.col("i").first(), pl.col("unit_v").first(), pl.col("dept_v").first())
        positions: dict[str, list[Position]] = {}
        post_ids = []
        made: set[str] = set()
        for dept_id, title, i, unit, dept in posts.rows():
            pos_id = ids.position_id(unit, dept, title, None)
            post_ids.append(pos_id)
            if pos_id in made:
                continue  # 会计（A） after 会计(A): the same post (its ID ignores punctuation and case), as first written
            made.add(pos_id)
            positions.setdefault(dept_id, []).append(build(
                Position, id=pos_id, title=title, holders=list(ctx["names"]) or None, tier=ctx["tier"], grade=ctx["grade"],
                source=build(Source, file=self.source_file, sheet=self.sheet_name, row=i + 1)))
        posts = posts.select("dept_id", "title", pl.Series("pos_id", post_ids, dtype=pl.String))
        frame = frame.join(posts, on=["dept_id", "title"], how="left", maintain_order="left")

        # IDs: risk_id(unit, dept, position, description), hashed as ids._digest does: the
        # first three parts' label_key once per distinct post, the description's vectorised
        # where label_key only drops punctuation and upper-cases ASCII
        heads = frame.select("unit_v", "dept_v", "pos_id").unique(maintain_order=True)
        heads = heads.with_columns(pl.Series("key", ["\x1f".join([label_key(p) if p else "" for p in row]) + "\x1f" for row in heads.rows()], dtype=pl.String))
        frame = frame.join(heads, on=["unit_v", "dept_v", "pos_id"], how="left", maintain_order="left", nulls_equal=True)
        frame = frame.with_columns(_label_keys(pl, frame["description"]).alias("desc_key"))
        keys = frame.select(pl.concat_str("key", "desc_key")).to_series().to_list()
        frame = frame.with_columns(pl.Series("rp_id", ["R-" + blake2b(k.encode("utf-8"), digest_size=6).hexdigest() for k in keys], dtype=pl.String))
        if frame["rp_id"].is_duplicated().any():
            return None  # the same point twice: merged and reported by the row reader
        if frame.select((pl.col("description") == "").any()).item():
            return None

        # coded values as the register writes them
        def enum_column(key: str) -> Any:
            mapping = {k: (v.value if v is not None else None) for k, v in lookups[key].items()}
            return pl.col(key).replace_strict(mapping, default=None, return_dtype=pl.String)

        def list_column(key: str) -> Any:
            mapping = {k: "".join(f"      - {m.value}\n" for m in v) for k, v in lookups[key].items()}
            return pl.col(key).replace_strict(mapping, default="", return_dtype=pl.String)

        extra = []
        for key in ("type", "level", "likelihood", "harm", "consequence"):
            if key in lookups:
                extra.append(enum_column(key).alias(f"{key}_e"))
        if "resources" in lookups:
            extra.append(list_column("resources").alias("resources_e"))
        frame = frame.with_columns(extra)
        if "three_important" in lookups:
            # 是 (three_important in general): which kind the description's words hint at
            general = [raw for raw, found in lookups["three_important"].items() if found == (ThreeImportant.GENERAL,)]
            texts = {raw: "".join(f"      - {m.value}\n" for m in found) for raw, found in lookups["three_important"].items()}
            frame = frame.with_columns(pl.col("three_important").replace_strict(texts, return_dtype=pl.String).alias("three_important_e"))
            rows = frame.select(pl.arg_where(pl.col("three_important").is_in(general))).to_series()
            if rows.len():
                hinted = ["".join(f"      - {m.value}\n" for m in _hinted(d)) for d in frame["description"].gather(rows).to_list()]
                frame = frame.with_columns(frame["three_important_e"].scatter(rows, hinted))

        # department head and leader as the points carry them
        frame = frame.with_columns(pl.col("head_v").alias("department_head_v"), pl.col("leader_v").alias("responsible_leader_v"))
        frame = frame.with_columns(
            pl.when(pl.col("manifestation") == "").then(None).otherwise(pl.col("manifestation")).alias("manifestation"),
            pl.when(pl.col("basis") == "").then(None).otherwise(pl.col("basis")).alias("basis"),
        )
        frame = _with_scalars(pl, frame, ["description", "manifestation", "basis", "department_head_v", "responsible_leader_v"])

        if "measures" in col:
            items = _measure_items(pl, frame.select("i", "measures"), "measures")
            items = _with_scalars(pl, items, ["text"])
            measures = items.group_by("i", maintain_order=True).agg(
                pl.concat_str(pl.lit("      - text: "), pl.col("text_y"), pl.lit("\n")).str.join("").alias("measures_y"))
            frame = frame.join(measures, on="i", how="left", maintain_order="left")

        source = f"    source:\n      file: {yamlout.scalar(self.source_file)}\n      sheet: {yamlout.scalar(self.sheet_name)}\n      row: "

        def line(name: str, column: str) -> Any:
            return pl.when(pl.col(column).is_not_null()).then(pl.concat_str(pl.lit(f"    {name}: "), pl.col(column), pl.lit("\n")))

        def block(name: str, column: str) -> Any:
            return pl.when(pl.col(column).fill_null("") != "").then(pl.concat_str(pl.lit(f"    {name}:\n"), pl.col(column)))

        parts = [pl.lit("  - id: "), pl.col("rp_id"), pl.lit("\n"), line("position", "pos_id")]
        parts += [line("type", "type_e")] if "type_e" in frame.columns else []
        parts += [pl.lit("    description: "), pl.col("description_y"), pl.lit("\n"), line("manifestation", "manifestation_y")]
        parts += [block("three_important", "three_important_e")] if "three_important_e" in frame.columns else []
        for key in ("likelihood", "harm", "consequence"):
            if f"{key}_e" in frame.columns:
                parts.append(line(key, f"{key}_e"))
        parts += [block("resources", "resources_e")] if "resources_e" in frame.columns else []
        parts += [line("level", "level_e")] if "level_e" in frame.columns else []
        parts += [line("level_basis", "basis_y"), line("department_head", "department_head_v_y"),
                  line("responsible_leader", "responsible_leader_v_y")]
        parts += [block("measures", "measures_y")] if "measures_y" in frame.columns else []
        parts += [pl.lit(source), (pl.col("i") + 1).cast(pl.String), pl.lit("\n")]
        rendered = frame.select("dept_id", pl.concat_str(parts, ignore_nulls=True).alias("yaml")) \
            .group_by("dept_id", maintain_order=True).agg(pl.col("yaml").str.join("").cast(pl.Binary), pl.len().alias("n"))

        form = BulkForm(self.file, self.sheet_name, kind, unit=unit_named)
        for dept_id, text, n in rendered.rows():
            df = build(DepartmentFile, department=departments[dept_id], positions=positions.get(dept_id))
            head = yamlout.dumps(df, head={"format": FORMAT})
            form.departments[dept_id] = BulkDepartment(departments[dept_id], len(positions.get(dept_id, [])), n,
                                                       b"".join((head.encode("utf-8"), b"risk_points:\n", text)))
        if "measures" not in col:
            reader._problem("no-measures-column", None, None, None)
        form.problems = reader.problems
        return form

    def _clean(self, frame: Any, key: str, work: str) -> Any:
        """``clean_text`` of a column: unchanged where there is nothing to do, else clean_text itself."""
        pl = self.pl
        rows = frame.select(pl.arg_where(pl.col(key).str.contains(work))).to_series()
        if rows.len():
            column = frame[key].scatter(rows, [clean_text(v) for v in frame[key].gather(rows).to_list()])
            frame = frame.with_columns(column)
        return frame


# What fastexcel's string form of a cell that is no text looks like: dates and times (any
# precision, ISO or not, beyond year 9999), booleans, numbers with decimals (it keeps at most 9,
# where the row reader's calamine cell gives the float's repr), 0 (which may be a tiny float),
# NaN (the row reader writes nan).
# Such a cell anywhere sends the sheet to the row reader, which sees the typed value.
_TYPED = (r"^(?:[+-]?\d{4,}-\d\d-\d\d(?:[ T][\d:.]+)?|\d\d:\d\d:\d\d(?:\.\d+)?|true|false|"
          r"[+-]?\d*\.\d+|[+-]?\d+\.\d*|[+-]?\d+(?:\.\d+)?[eE][+-]?\d+|-?0+|#[A-Z0-9/!?_]+|(?i:[+-]?nan))$")


def _unusual_cells(pl: Any, frame: Any, columns: list[str]) -> bool:
    """A cell that is no text (``_TYPED``), or one at Excel's 32 767-character limit (calamine
    cuts longer ones there: the row reader reports it as too-long)."""
    return bool(frame.select(pl.any_horizontal(
        [pl.col(c).str.contains(_TYPED) | (pl.col(c).str.len_chars() >= 32_767) for c in columns]).any()).item())


def _overlapping(ranges: list[tuple[int, int, int, int]]) -> bool:
    """Do any two merged ranges share a cell?"""
    by_column: dict[int, list[tuple[int, int]]] = {}
    wide = []
    for r0, c0, r1, c1 in ranges:
        if c0 == c1:
            by_column.setdefault(c0, []).append((r0, r1))
        else:
            wide.append((r0, c0, r1, c1))
    for spans in by_column.values():
        spans.sort()
        if any(b[0] <= a[1] for a, b in zip(spans, spans[1:])):
            return True
    for i, (r0, c0, r1, c1) in enumerate(wide):
        for s0, d0, s1, d1 in [*wide[i + 1:], *((a, c, b, c) for c, spans in by_column.items() for a, b in spans)]:
            if r0 <= s1 and s0 <= r1 and c0 <= d1 and d0 <= c1:
                return True
    return False

