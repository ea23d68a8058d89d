"""``write_blank_forms`` and ``write_register_forms``: the forms units fill in."""

from __future__ import annotations

from pathlib import Path

from lzfk.excel.writer import department_form, position_form, power_form, write_form
from lzfk.formspec import FORMS
from lzfk.register import Register, _safe_name


def write_blank_forms(out: Path) -> list[tuple[Path, str]]:
    """One blank .xlsx per form; returns (path, form kind) pairs."""
    written = []
    for kind, spec in FORMS.items():
        path = out / f"{spec.title}.xlsx"
        write_form(spec, path)
        written.append((path, kind.value))
    return written


def write_register_forms(register: Register, out: Path) -> list[tuple[Path, str]]:
    """One pre-filled form per position, plus a department register for department-wide
    risk points and a power list for departments with powers."""
    written: list[tuple[Path, str]] = []
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
            write_form(spec, path, content)
            written.append((path, spec.kind.value))
        if by_position.get(None):
            spec, content = department_form(df, by_position[None])
            path = target(dept.unit, dept.name, "部室登记表")
            write_form(spec, path, content)
            written.append((path, spec.kind.value))
        if df.powers:
            spec, content = power_form(df, df.powers)
            path = target(dept.unit, dept.name, "权力清单")
            write_form(spec, path, content)
            written.append((path, spec.kind.value))
    return written
