"""``check_register``: is the register itself sound?

Errors: files that do not parse or do not match the format, duplicate IDs, references to
records that do not exist. Warnings: what a complete register should have but this one
lacks (a level, a type, measures, holders), and grading that follows rank alone — seed 003
篇1（四） criticises levels set "单纯地以职务级别高低为依据".
"""

from __future__ import annotations

from pathlib import Path

from lzfk.problems import Problem, problem
from lzfk.register import UNKNOWN_DEPARTMENT, Register, load_register
from lzfk.vocab import PositionTier, RiskLevel

# Rank-only grading is only worth flagging on a register with enough graded points.
RANK_ONLY_MIN_POINTS = 10
_RANK_LEVEL = {PositionTier.LEADER: RiskLevel.I, PositionTier.MIDDLE: RiskLevel.II, PositionTier.GENERAL: RiskLevel.III}


def check_register(root: Path) -> list[Problem]:
    """Every problem of the register at ``root`` (raises only if there is no register)."""
    problems: list[Problem] = []
    register = load_register(root, collect=problems)  # raises only if there is no register
    return problems + check_loaded(register)


def check_loaded(register: Register) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    tier_levels: list[tuple[PositionTier, RiskLevel]] = []
    for df in register.departments():
        path = register.paths[df.department.id]
        dept = df.department
        if not dept.name:
            problems.append(problem("missing-field", file=path, field="department.name", value="部门名称"))
        if not dept.unit:
            problems.append(problem("missing-field", file=path, field="department.unit", value=f"部门“{dept.name or UNKNOWN_DEPARTMENT}”所属的单位"))
        positions = {p.id: p for p in df.positions}
        powers = {p.id for p in df.powers}
        for records in (df.positions, df.powers, df.risk_points):
            for record in records:
                if record.id in seen:
                    where = path if seen[record.id] == path else f"{seen[record.id]}、{path}"
                    problems.append(problem("duplicate-id", file=where, value=record.id))
                else:
                    seen[record.id] = path
        for i, pos in enumerate(df.positions):
            where = f"positions[{i}]"
            for power in pos.powers:
                if power not in powers and register.find(power) is None:
                    problems.append(problem("dangling-reference", file=path, field=f"{where}.powers", value=power))
            if pos.tier is None:
                problems.append(problem("missing-field", file=path, field=f"{where}.tier", value=f"岗位“{pos.title}”的层级"))
            if not pos.holders:
                problems.append(problem("missing-field", file=path, field=f"{where}.holders", value=f"岗位“{pos.title}”的在岗人员"))
        for i, power in enumerate(df.powers):
            if power.position and power.position not in positions and register.find(power.position) is None:
                problems.append(problem("dangling-reference", file=path, field=f"powers[{i}].position", value=power.position))
        for i, rp in enumerate(df.risk_points):
            where = f"risk_points[{i}]"
            if rp.position and rp.position not in positions:
                problems.append(problem("dangling-reference", file=path, field=f"{where}.position", value=rp.position))
            label = f"风险点“{rp.description[:20]}”"
            if rp.level is None and rp.override is None:
                problems.append(problem("missing-field", file=path, field=f"{where}.level", value=f"{label}的风险等级"))
            if rp.type is None:
                problems.append(problem("missing-field", file=path, field=f"{where}.type", value=f"{label}的风险类型"))
            if not rp.measures:
                problems.append(problem("missing-field", file=path, field=f"{where}.measures", value=f"{label}的防控措施"))
            pos = positions.get(rp.position) if rp.position else None
            if pos is not None and pos.tier is not None and rp.level is not None:
                tier_levels.append((pos.tier, rp.level))
    problems.extend(_same_holder_twice(register))
    problems.extend(_traditional_script(register))
    if len(tier_levels) >= RANK_ONLY_MIN_POINTS and all(_RANK_LEVEL[t] is lvl for t, lvl in tier_levels):
        tiers = {t for t, _ in tier_levels}
        if len(tiers) >= 2:
            problems.append(problem("rank-only-grading", detail=f"（{len(tier_levels)} 个风险点）"))
    return problems


def _same_holder_twice(register: Register) -> list[Problem]:
    """One person with the same title in two departments of a unit is usually one position
    entered twice (e.g. imported once without its 科室, then again with it)."""
    seen: dict[tuple[str | None, str, str], str] = {}
    problems = []
    for df in register.departments():
        dept = df.department
        for pos in df.positions:
            for name in pos.holders:
                key = (dept.unit, name, pos.title)
                where = dept.name or UNKNOWN_DEPARTMENT
                if key in seen and seen[key] != where:
                    problems.append(problem("possible-duplicate", file=register.paths[dept.id], value=f"{name}（{pos.title}）",
                                            detail=f"{seen[key]}、{where}"))
                seen.setdefault(key, where)
    return problems


def _traditional_script(register: Register) -> list[Problem]:
    """Text typed into the register by hand in traditional script (祕書科): import converts
    every form to simplified, so the next import of the same form would differ from it and
    be refused as a conflict. IDs already ignore the script; the stored text does not."""
    from lzfk.normalize import to_simplified

    problems = []
    for df in register.departments():
        path = register.paths[df.department.id]
        dept = df.department
        texts: list[tuple[str, str | None]] = [("department.unit", dept.unit), ("department.name", dept.name),
                                                ("department.head", dept.head), ("department.leader", dept.leader)]
        for i, pos in enumerate(df.positions):
            texts += [(f"positions[{i}].title", pos.title), (f"positions[{i}].duties", pos.duties),
                      (f"positions[{i}].workflow", pos.workflow), (f"positions[{i}].oversees", pos.oversees)]
            texts += [(f"positions[{i}].holders", name) for name in pos.holders]
        for i, rp in enumerate(df.risk_points):
            texts += [(f"risk_points[{i}].description", rp.description), (f"risk_points[{i}].manifestation", rp.manifestation)]
            texts += [(f"risk_points[{i}].measures[{j}].text", m.text) for j, m in enumerate(rp.measures)]
        for i, power in enumerate(df.powers):
            texts += [(f"powers[{i}].name", power.name), (f"powers[{i}].content", power.content)]
        for field, text in texts:
            if text and (simplified := to_simplified(text)) != text:
                problems.append(problem("traditional-script", file=path, field=field, value=text, detail=simplified))
    return problems
