"""Flat views of a register for ``lzfk list`` and ``lzfk stats`` (the JSON contract)."""

from __future__ import annotations

from typing import Any

from lzfk.models import DepartmentFile, Position, Review
from lzfk.register import Register
from lzfk.vocab import PositionTier, RiskLevel, RiskType

def _val(member: Any) -> Any:
    return None if member is None else member.value


def _date(value: Any) -> str | None:
    return None if value is None else value.isoformat()


def _reviews(reviews: list[Review]) -> list[dict[str, Any]]:
    return [{"stage": r.stage.value, "filled_by": r.filled_by, "reviewer": r.reviewer, "opinion": r.opinion, "date": _date(r.date)}
            for r in reviews]


def _positions(df: DepartmentFile) -> dict[str, Position]:
    return {p.id: p for p in df.positions}


def risk_rows(register: Register) -> list[dict[str, Any]]:
    rows = []
    for df in register.departments():
        dept = df.department
        positions = _positions(df)
        for rp in df.risk_points:
            pos = positions.get(rp.position) if rp.position else None
            level = rp.effective_level
            rows.append({
                "id": rp.id,
                "unit": dept.unit,
                "department": dept.name,
                "department_id": dept.id,
                "position": pos.title if pos else None,
                "position_id": rp.position,
                "tier": _val(pos.tier) if pos else None,
                "grade": _val(pos.grade) if pos else None,
                "holders": list(pos.holders) if pos else [],
                "type": _val(rp.type),
                "description": rp.description,
                "manifestation": rp.manifestation,
                "level": _val(level),
                "assessed_level": _val(rp.level),
                "override": None if rp.override is None else {"level": rp.override.level.value, "reason": rp.override.reason},
                "level_basis": rp.level_basis,
                "three_important": [t.value for t in rp.three_important],
                "likelihood": _val(rp.likelihood),
                "harm": _val(rp.harm),
                "consequence": _val(rp.consequence),
                "resources": [r.value for r in rp.resources],
                "measures": [
                    {"text": m.text, "stage": _val(m.stage), "kind": _val(m.kind), "owner": m.owner,
                     "deadline": _date(m.deadline), "status": _val(m.status)}
                    for m in rp.measures
                ],
                "department_head": rp.department_head or dept.head,
                "responsible_leader": rp.responsible_leader or dept.leader,
                "source": None if rp.source is None else {"file": rp.source.file, "sheet": rp.source.sheet, "row": rp.source.row},
            })
    return rows


def position_rows(register: Register) -> list[dict[str, Any]]:
    rows = []
    for df in register.departments():
        dept = df.department
        counts: dict[str | None, int] = {}
        for rp in df.risk_points:
            counts[rp.position] = counts.get(rp.position, 0) + 1
        for pos in df.positions:
            rows.append({
                "id": pos.id, "unit": dept.unit, "department": dept.name, "department_id": dept.id,
                "title": pos.title, "tier": _val(pos.tier), "grade": _val(pos.grade), "holders": list(pos.holders),
                "oversees": pos.oversees, "duties": pos.duties, "workflow": pos.workflow,
                "risk_points": counts.get(pos.id, 0), "reviews": _reviews(pos.reviews),
            })
    return rows


def measure_rows(register: Register) -> list[dict[str, Any]]:
    rows = []
    for df in register.departments():
        positions = _positions(df)
        for rp in df.risk_points:
            pos = positions.get(rp.position) if rp.position else None
            for i, m in enumerate(rp.measures, 1):
                rows.append({
                    "risk_id": rp.id, "number": i, "department": df.department.name, "position": pos.title if pos else None,
                    "risk": rp.description, "level": _val(rp.effective_level), "text": m.text, "stage": _val(m.stage),
                    "kind": _val(m.kind), "owner": m.owner, "deadline": _date(m.deadline), "status": _val(m.status),
                })
    return rows


def power_rows(register: Register) -> list[dict[str, Any]]:
    return [
        {"id": p.id, "unit": df.department.unit, "department": df.department.name, "name": p.name, "kind": p.kind,
         "content": p.content, "holder": p.holder, "position_id": p.position, "legal_basis": p.legal_basis, "flow": list(p.flow)}
        for df in register.departments() for p in df.powers
    ]


def department_rows(register: Register) -> list[dict[str, Any]]:
    return [
        {"id": d.id, "unit": d.unit, "name": d.name, "head": d.head, "leader": d.leader, "file": register.paths[d.id],
         "positions": len(df.positions), "risk_points": len(df.risk_points), "powers": len(df.powers),
         "reviews": _reviews(d.reviews)}
        for df in register.departments() for d in (df.department,)
    ]


LISTERS = {"risks": risk_rows, "positions": position_rows, "measures": measure_rows, "powers": power_rows, "departments": department_rows}


def stats(register: Register) -> dict[str, Any]:
    """Counts by department, tier, type and level (levels after any override)."""
    by_level = {m.value: 0 for m in RiskLevel} | {"none": 0}
    by_type = {m.value: 0 for m in RiskType} | {"none": 0}
    by_tier = {m.value: 0 for m in PositionTier} | {"none": 0}
    by_department: dict[str, dict[str, int]] = {}
    people: set[tuple[str | None, str]] = set()
    positions = risk_points = measures = powers = 0
    three_important = 0
    units = {df.department.unit for df in register.files.values()}
    several_units = len(units) > 1
    for df in register.departments():
        dept = df.department
        tiers = {}
        for pos in df.positions:
            tiers[pos.id] = pos.tier
            by_tier[pos.tier.value if pos.tier else "none"] += 1
            people.update((dept.unit, name) for name in pos.holders)  # 王某 of two units: two people
        positions += len(df.positions)
        powers += len(df.powers)
        n_measures = 0
        for rp in df.risk_points:
            level = rp.override.level if rp.override else rp.level
            by_level[level.value if level else "none"] += 1
            by_type[rp.type.value if rp.type else "none"] += 1
            n_measures += len(rp.measures)
            if rp.three_important:
                three_important += 1
        risk_points += len(df.risk_points)
        measures += n_measures
        name = dept.name or "（未注明部门）"
        if several_units:
            name = f"{dept.unit or '（未注明单位）'}／{name}"
        entry = by_department.setdefault(name, {"positions": 0, "risk_points": 0, "measures": 0})
        entry["positions"] += len(df.positions)
        entry["risk_points"] += len(df.risk_points)
        entry["measures"] += n_measures
    return {
        "unit": register.info.unit.name,
        "units": len(units),
        "departments": len(register.files),
        "positions": positions,
        "people": len(people),
        "risk_points": risk_points,
        "measures": measures,
        "powers": powers,
        "three_important": three_important,
        "by_level": by_level,
        "by_type": by_type,
        "by_tier": by_tier,
        "by_department": by_department,
    }
