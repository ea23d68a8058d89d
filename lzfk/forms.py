"""``write_blank_forms`` and ``write_register_forms``: the forms units fill in."""

from __future__ import annotations

import io
from pathlib import Path

from lzfk.errors import OutputError
from lzfk.excel.writer import build_form, department_form, position_form, power_form
from lzfk.formspec import FORMS
from lzfk.register import Register, _safe_name


def write_blank_forms(out: Path, overwrite: bool = False) -> list[tuple[Path, str, str]]:
    """One blank .xlsx per form; returns (path, form kind, "written" | "unchanged")."""
    return _publish([(out / f"{spec.title}.xlsx", kind.value, build_form(spec)) for kind, spec in FORMS.items()], overwrite)


def _publish(planned: list[tuple[Path, str, object]], overwrite: bool) -> list[tuple[Path, str, str]]:
    """Save the planned workbooks, never over a file someone may have filled in.

    A file already there with the same cell values is left as it is ("unchanged"), so a
    second run changes nothing. One with other values (a form filled in where it was
    generated) stops the whole run before anything is written, unless ``overwrite``.
    """
    from lzfk.fileutil import atomic_write

    statuses, different = [], []
    for path, _, workbook in planned:
        if path.exists() and not overwrite:
            buffer = io.BytesIO()
            workbook.save(buffer)
            same = _cell_values(buffer.getvalue()) == _cell_values(path)
            statuses.append("unchanged" if same else "written")
            if not same:
                different.append(path)
        else:
            statuses.append("written")
    if different:
        shown = "、".join(p.name for p in different[:5]) + (f" 等 {len(different)} 个文件" if len(different) > 5 else "")
        raise OutputError(f"{different[0].parent} 中已有同名表格且内容不同（可能已经填写）：{shown}。"
                          "为免覆盖，没有生成任何表格；请换一个输出目录，或确认后加 --overwrite 覆盖")
    for (path, _, workbook), status in zip(planned, statuses, strict=True):
        if status == "written":
            atomic_write(path, workbook.save)
    return [(path, kind, status) for (path, kind, _), status in zip(planned, statuses, strict=True)]


def _cell_values(source: Path | bytes) -> object:
    """Every sheet's name and cell values (None when the file cannot be read as a workbook)."""
    import python_calamine

    try:
        workbook = (python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(source)) if isinstance(source, bytes)
                    else python_calamine.CalamineWorkbook.from_path(str(source)))
        return [(name, workbook.get_sheet_by_name(name).to_python()) for name in workbook.sheet_names]
    except Exception:  # noqa: BLE001 - anything unreadable is "different": never overwritten silently
        return None


def write_register_forms(register: Register, out: Path, overwrite: bool = False) -> list[tuple[Path, str, str]]:
    """One pre-filled form per position, plus a department register for department-wide
    risk points and a power list for departments with powers."""
    planned: list[tuple[Path, str, object]] = []
    used: set[str] = set()

    def target(*parts: str | None) -> Path:
        name = "-".join(_safe_name(p) for p in parts if p)
        candidate, n = name, 2
        while candidate in used:
            candidate, n = f"{name}-{n}", n + 1
        used.add(candidate)
        return out / f"{candidate}.xlsx"

    for df in register.departments():
        dept = df.department
        by_position: dict[str | None, list] = {}
        for rp in df.risk_points:
            by_position.setdefault(rp.position, []).append(rp)
        for pos in df.positions:
            spec, content = position_form(df, pos, by_position.get(pos.id, []))
            path = target(dept.unit, dept.name, pos.title, "、".join(pos.holders) or None)
            planned.append((path, spec.kind.value, build_form(spec, content)))
        if by_position.get(None):
            spec, content = department_form(df, by_position[None])
            planned.append((target(dept.unit, dept.name, "部室登记表"), spec.kind.value, build_form(spec, content)))
        if df.powers:
            spec, content = power_form(df, df.powers)
            planned.append((target(dept.unit, dept.name, "权力清单"), spec.kind.value, build_form(spec, content)))
    return _publish(planned, overwrite)
