"""Read every sheet of a workbook into a plain grid, with merged cells filled in.

One reader (python-calamine) serves .xlsx, .xlsm, .xls and .ods. It never evaluates
formulas: a formula cell gives the value the spreadsheet program saved with it, and text
that merely looks like a formula (``=HYPERLINK(…)`` typed as text) stays text.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from lzfk.errors import InputUnreadable
from lzfk.excel.safety import DEFAULT_LIMITS, Limits, check_loaded_extent, check_zip, read_spreadsheet_bytes
from lzfk.problems import problem

# .et is WPS's own format: tried like the others (WPS often writes .xls content under it), and
# when it cannot be read the user is told to save it as .xlsx, instead of its being skipped.
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".et")


@dataclass
class Sheet:
    """A sheet as a grid of values; ``rows[r][c]`` is the cell at zero-based (r, c)."""

    name: str
    rows: list[list[object]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1 inclusive
    layout: object = None  # excel.layout.Layout, once analysed


@dataclass
class Loaded:
    """A workbook's bytes, read and checked once; ``sheets``: each .xlsx worksheet's XML size
    and the XML after its cells (merged ranges, page set-up), by its name in the zip."""

    kind: str  # "zip" or "ole", as read_spreadsheet_bytes says
    data: bytes
    sheets: dict[str, tuple[int, bytes]] = field(default_factory=dict)


def load(path: Path, limits: Limits = DEFAULT_LIMITS) -> Loaded:
    """``path``'s bytes, after the safety checks; raises InputUnreadable."""
    kind, data = read_spreadsheet_bytes(path)  # refuses files over the size limit before reading them
    loaded = Loaded(kind, data)
    if kind == "zip":
        check_zip(path, limits, data, loaded.sheets)  # read once: the safety check and calamine share the bytes
    return loaded


def read_workbook(path: Path, limits: Limits = DEFAULT_LIMITS, loaded: Loaded | None = None) -> list[Sheet]:
    """All visible sheets of ``path``; raises InputUnreadable for anything unsafe or broken."""
    if loaded is None:
        loaded = load(path, limits)
    kind, data = loaded.kind, loaded.data
    name = str(path)
    import python_calamine  # lazy: only commands that read workbooks pay for it

    try:
        # From the content, not the name: calamine's from_path picks its reader by the
        # extension, and files renamed .xls ↔ .xlsx are common.
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine raises its own error types for every kind of damage
        if "password" in f"{type(exc).__name__} {exc}".lower():  # an .xls with a password to open
            raise InputUnreadable(problem("encrypted", file=name)) from None
        code = "truncated-file" if kind == "zip" or "EOF" in str(exc) else "not-a-spreadsheet"
        hint = "；WPS 的 .et 文件请在 WPS 中“另存为” .xlsx 后再导入" if path.suffix.lower() == ".et" else ""
        raise InputUnreadable(problem(code, file=name, detail=f"（技术信息：{_short(exc)}{hint}）")) from None
    sheets = []
    try:
        visible = {m.name for m in workbook.sheets_metadata if str(m.visible).lower().endswith("visible")}
        for sheet_name in workbook.sheet_names:
            if visible and sheet_name not in visible:
                continue
            sheet = workbook.get_sheet_by_name(sheet_name)
            check_loaded_extent(name, sheet_name, sheet.height, sheet.width, limits)
            rows = sheet.to_python(skip_empty_area=False)
            merged = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or [])]
            _fill_merged(rows, merged)
            sheets.append(Sheet(sheet_name, rows, merged))
    except InputUnreadable:
        raise
    except Exception as exc:
        raise InputUnreadable(problem("truncated-file", file=name, detail=f"（技术信息：{_short(exc)}）")) from None
    finally:
        workbook.close()
    return sheets


def _fill_merged(rows: list[list[object]], merged: list[tuple[int, int, int, int]]) -> None:
    """Give every cell of a merged range the value of its top-left cell."""
    for r0, c0, r1, c1 in merged:
        if r0 >= len(rows) or c0 >= len(rows[r0]):
            continue
        value = rows[r0][c0]
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            row = rows[r]
            for c in range(c0, min(c1, len(row) - 1) + 1):
                row[c] = value


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]


def find_spreadsheets(paths: list[Path]) -> list[Path]:
    """Files named on the command line, and spreadsheets found in folders (recursively).

    A file named explicitly is always tried (so a text file named ``.xlsx`` is reported);
    in folders, only spreadsheet suffixes count and LibreOffice lock files are skipped.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SPREADSHEET_SUFFIXES and not child.name.startswith((".~lock", "~$")):
                    found.append(child)
        else:
            found.append(path)
    return found
