"""``import_forms``: read filled forms into a register.

A file is accepted or rejected as a whole: any error in it (an unknown level, a missing
risk point, a conflict with the register under ``--on-conflict stop``) rejects it and
nothing from it is written. Accepted files are merged into the register, which is then
written once, atomically. Records are matched by stable ID, so re-importing a form finds
the records it made before: identical ones are "unchanged", different ones are a conflict
that ``on_conflict`` decides (stop: reject the file; skip: keep the register's; update:
take the form's). Adding what the register lacks (an empty field, a new holder) is never
a conflict.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from lzfk import ids
from lzfk.errors import InputUnreadable
from lzfk.fileutil import register_lock
from lzfk.excel.reader import UNIT_GIVEN, FormData, read_sheet
from lzfk.excel.safety import DEFAULT_LIMITS, Limits
from lzfk.excel.workbook import find_spreadsheets, load, read_workbook
from lzfk.models import Department, DepartmentFile, Position, Power, RiskPoint, build
from lzfk.problems import Problem, has_errors, problem
from lzfk.register import Register, bulk, load_register, save_register
from lzfk.vocab import Severity


class OnConflict(str, Enum):
    STOP = "stop"
    SKIP = "skip"
    UPDATE = "update"


COUNT_KEYS = ("created", "updated", "unchanged", "skipped")
# How a form relates to a record it brings again: the very file and sheet it came from, or the
# form of all its post's holders saved elsewhere (a pre-filled form sent back). Either speaks
# for the record's measures: one it no longer lists is a change. Only the same file's
# additions are changes too; the post's form sent back may add measures freely.
SAME_FILE, HOLDERS_FORM = "same-file", "holders-form"


@dataclass
class FileResult:
    file: str
    status: str  # accepted | rejected | unreadable
    forms: list[dict[str, str]] = field(default_factory=list)
    # what this file changed; all four keys always, zero for a rejected or unreadable file
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNT_KEYS, 0))
    problems: list[Problem] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "status": self.status, "forms": self.forms, "counts": self.counts,
                "errors": sum(p.severity is Severity.ERROR for p in self.problems),
                "warnings": sum(p.severity is Severity.WARNING for p in self.problems)}


@dataclass
class ImportReport:
    register: str
    dry_run: bool
    files: list[FileResult] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    written: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems]

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    def to_dict(self) -> dict[str, Any]:
        return {
            "register": self.register,
            "dry_run": self.dry_run,
            "files": [f.to_dict() for f in self.files],
            "accepted": self.count("accepted"),
            "rejected": self.count("rejected"),
            "unreadable": self.count("unreadable"),
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "written": self.written,
            "problems": [p.to_dict() for p in self.problems],
        }


def import_forms(
    paths: list[Path],
    *,
    into: Path,
    on_conflict: OnConflict = OnConflict.STOP,
    dry_run: bool = False,
    unit: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    on_wait: Callable[[], None] | None = None,
) -> ImportReport:
    """Import every spreadsheet in ``paths`` into the register at ``into``.

    Forms that name no unit (a department register, a power list) are taken to belong to
    ``unit``, else to the unit most forms of this import name, else to the register's unit.
    Unless ``dry_run``, the register is locked from reading it to writing it: a second
    import into the same register waits (``on_wait`` is called once when it starts waiting).
    """
    with bulk():  # millions of small objects, few cycles: the collector only costs time here
        if dry_run:
            return _import(paths, into, on_conflict, dry_run, unit, limits)
        with register_lock(into, on_wait=on_wait):
            return _import(paths, into, on_conflict, dry_run, unit, limits)


def _import(paths: list[Path], into: Path, on_conflict: OnConflict, dry_run: bool, unit: str | None, limits: Limits) -> ImportReport:
    register = load_register(into, must_exist=False)
    report = ImportReport(register=str(into), dry_run=dry_run)
    files = find_spreadsheets(paths)
    # A form that names no unit (a department register, a power list) belongs to: --unit;
    # else the unit most forms of this import name; else the register's unit. Each such
    # form gets a warning saying where it went.
    # (Reading in a process pool was tried: on the 2-CPU machines this runs on, two busy
    # processes get 1.1x the work of one, less than pickling the records back costs.)
    reads = [_read_file(path, into, limits, unit, UNIT_GIVEN if unit else "") for path in files]
    if unit:
        default_unit = unit
    else:
        majority = _majority([u for r in reads for u in r.units])
        if majority:
            default_unit, reason = majority, "本次导入中多数表格所填的单位"
        else:
            default_unit, reason = register.info.unit.name, "台账的单位"
        if default_unit:
            reads = [_read_file(r.path, into, limits, default_unit, reason) if r.needs_default else r for r in reads]
    reads = _settle_bulk(reads, register, into, limits)
    created_now: set[str] = set()  # records created by this run: later files merge into them
    for read in reads:
        result = FileResult(file=str(read.path), status="unreadable" if read.unreadable else "accepted",
                            forms=[{"sheet": d.sheet, "form": d.kind.value} for d in read.forms], problems=list(read.problems))
        report.files.append(result)
        if read.unreadable:
            pass
        elif read.bulk:
            _apply_bulk(result, read.forms, register, created_now)
        else:
            _apply_file(result, read.forms, register, on_conflict, created_now)
        for key in COUNT_KEYS:
            setattr(report, key, getattr(report, key) + result.counts[key])
    _link_powers(register)
    if not dry_run and register.dirty:
        if not register.info.unit.name and default_unit:
            register.info.unit.name = default_unit
            register.info_dirty = True
        report.written = save_register(register)
    return report


def _link_powers(register: Register) -> None:
    """Link power-list entries to the posts they name, once every file of the run is in.

    A power list read before the forms of its posts (file names decide the order) would
    otherwise stay unlinked, and only the next import of the same files would link it:
    the result must not depend on the order, and a second run must change nothing.
    """
    for dept_id, df in register.files.items():
        for power in df.powers:
            if power.position is None and power.holder:
                position = ids.position_id(df.department.unit, df.department.name, power.holder)
                if register.find(position) is not None:
                    power.position = position
                    power.model_fields_set.add("position")
                    register.dirty.add(dept_id)


@dataclass
class _FileRead:
    """What reading one file gave, before anything is checked against the register."""

    path: Path
    forms: list[FormData]
    problems: list[Problem]
    unreadable: bool = False
    units: list[str] = field(default_factory=list)  # units its forms name in their header blocks
    needs_default: bool = False  # some form names no unit: its records took the default unit
    bulk: bool = False  # read by excel.bulk: its forms are BulkForms (rendered department files)
    default_unit: str | None = None
    reason: str = ""


def _read_file(path: Path, into: Path, limits: Limits, default_unit: str | None, reason: str = "",
               use_bulk: bool = True) -> _FileRead:
    from lzfk.excel.layout import form_unit

    name = str(path)
    try:
        loaded = load(path, limits)
        source_file = _source_name(path, into)
        if use_bulk and len(loaded.sheets) == 1:
            from lzfk.excel import bulk

            size, tail = next(iter(loaded.sheets.values()))
            form = bulk.read(loaded.data, name, source_file, default_unit, reason, tail, size=size) \
                if bulk.setting() != "off" else None
            if form is not None:
                read = _FileRead(path, [form], list(form.problems), bulk=True, default_unit=default_unit, reason=reason)  # type: ignore[list-item]
                if form.unit:
                    read.units.append(form.unit)
                else:
                    read.needs_default = True
                return read
        sheets = read_workbook(path, limits, loaded)
    except InputUnreadable as exc:
        return _FileRead(path, [], [exc.problem], unreadable=True)
    read = _FileRead(path, [], [], default_unit=default_unit, reason=reason)
    for sheet in sheets:
        data = read_sheet(sheet, name, source_file, default_unit=default_unit, default_unit_reason=reason)
        if data is None:
            continue
        read.forms.append(data)
        read.problems.extend(data.problems)
        named = form_unit(sheet)
        if named:
            read.units.append(named)
        else:
            read.needs_default = True
    if not read.forms:
        names = "、".join(f"「{s.name}」" for s in sheets)
        read.problems.append(problem("unknown-form", file=name, detail=f"（工作表：{names}）" if names else ""))
    return read


def _settle_bulk(reads: list[_FileRead], register: Register, into: Path, limits: Limits) -> list[_FileRead]:
    """A file read in bulk (excel.bulk) brings rendered department files, which only new
    departments can take as they are, or departments whose file is already exactly that text
    (the same register imported again). If another file of this import shares one of its
    departments, or the register holds one with anything else in it, the file is read again
    by the row reader, to be merged record by record like any other."""
    if not any(r.bulk for r in reads):
        return reads
    owners: dict[str, int] = {}
    for read in reads:
        for form in read.forms:
            for dept_id in form.departments:
                owners[dept_id] = owners.get(dept_id, 0) + 1
    settled = []
    for read in reads:
        if read.bulk and any(owners[d] > 1 or (d in register.files and not _same_text(register, d, rendered.text))
                             for form in read.forms for d, rendered in form.departments.items()):
            read = _read_file(read.path, into, limits, read.default_unit, read.reason, use_bulk=False)
        settled.append(read)
    return settled


def _same_text(register: Register, dept_id: str, text: bytes) -> bool:
    """Does the register's file of this department hold exactly ``text``? (The same register
    imported again: every record is unchanged, as the row reader would find one by one.)"""
    try:
        return (register.root / register.paths[dept_id]).read_bytes() == text
    except OSError:
        return False


def _apply_bulk(result: FileResult, forms: list[Any], register: Register, created_now: set[str]) -> None:
    """Add the new departments a bulk read rendered (see _settle_bulk), or reject the file."""
    if has_errors(result.problems):
        result.status = "rejected"
        return
    for form in forms:
        for dept_id, rendered in form.departments.items():
            if dept_id in register.files:  # the very file this would write (see _settle_bulk)
                result.counts["unchanged"] += rendered.positions + rendered.risk_points
                continue
            register.add_department(build(DepartmentFile, department=rendered.department))
            register.rendered[dept_id] = rendered.text
            created_now.add(dept_id)
            result.counts["created"] += rendered.positions + rendered.risk_points


def _apply_file(result: FileResult, forms: list[FormData], register: Register, on_conflict: OnConflict, created_now: set[str]) -> None:
    """Accept the file's records into the register, or reject the file whole."""
    if has_errors(result.problems):
        result.status = "rejected"
        return
    plan = _Plan(register, on_conflict, created_now)
    for data in forms:
        plan.add(data)
    result.problems.extend(plan.problems)
    if has_errors(plan.problems):
        result.status = "rejected"
        return
    plan.apply()
    result.counts = plan.counts


def _majority(units: list[str]) -> str | None:
    counts: dict[str, int] = {}
    for unit in units:
        counts[unit] = counts.get(unit, 0) + 1
    return max(counts, key=counts.get) if counts else None  # type: ignore[arg-type]


def _source_name(path: Path, into: Path) -> str:
    """The file as the register records it: relative to the register, so it does not
    depend on the directory the command ran in."""
    try:
        return Path(os.path.relpath(os.path.abspath(path), _absolute(into))).as_posix()
    except ValueError:  # another drive on Windows
        return Path(os.path.abspath(path)).as_posix()


@lru_cache(maxsize=8)
def _absolute(path: Path) -> str:
    return os.path.abspath(path)


_IGNORED = {"id", "source"}


class _Plan:
    """The changes one file makes, checked for conflicts before anything is applied."""

    def __init__(self, register: Register, on_conflict: OnConflict, created_now: set[str]) -> None:
        self.register = register
        self.on_conflict = on_conflict
        self.created_now = created_now
        self.problems: list[Problem] = []
        self.counts = dict.fromkeys(COUNT_KEYS, 0)
        self.new_departments: dict[str, DepartmentFile] = {}
        self.department_updates: dict[str, Department] = {}
        self.puts: list[tuple[str, Position | Power | RiskPoint]] = []
        self.planned: dict[str, Position | Power | RiskPoint] = {}
        self.new_ids: set[str] = set()

    def add(self, data: FormData) -> None:
        for dept_id, dept in data.departments.items():
            self._department(dept_id, dept, data)
        known_positions = set(data.positions)
        for dept_id, pos in data.positions.values():
            self._record(dept_id, pos, data)
        for dept_id, power in data.powers.values():
            if power.position and power.position not in known_positions and self.register.find(power.position) is None:
                power.position = None  # the holder is not (yet) a position of the register
            self._record(dept_id, power, data)
        for dept_id, rp in data.risk_points.values():
            self._record(dept_id, rp, data)
        self._not_listed(data)

    def _holders_form(self, record: Any, data: FormData) -> bool:
        """Is ``data`` the form of all the holders of ``record``'s post?"""
        post_id = record.position if isinstance(record, RiskPoint) else None
        mine = data.positions.get(post_id) if post_id else None
        return mine is not None and self._all_holders(mine[1])

    def _all_holders(self, post: Position) -> bool:
        """Does ``post`` (as a form gives it) name all its holders as the register has them?
        Then the form speaks for the post's points as the post's own form would, wherever it
        was saved: a pre-filled form filled in and sent back, a corrected copy."""
        found = self.register.find(post.id)
        return found is not None and bool(found[1].holders) and set(post.holders) == set(found[1].holders)

    def _not_listed(self, data: FormData) -> None:
        """The same form again, without some points it listed before: importing never
        deletes, so say which ones stay. (Points another holder's form brought are not this
        form's to list.)"""
        listed = {rp.id for _, rp in data.risk_points.values()}
        for dept_id, pos in data.positions.values():
            df = self.register.files.get(dept_id)
            if df is None or pos.source is None or not listed:
                continue
            holders_form = self._all_holders(pos)
            left_out = [rp.description for rp in df.risk_points
                        if rp.position == pos.id and rp.id not in listed and rp.source is not None
                        and (holders_form or (rp.source.file, rp.source.sheet) == (pos.source.file, pos.source.sheet))]
            if left_out:
                shown = "、".join(f"“{d}”" for d in left_out[:3]) + (f" 等 {len(left_out)} 条" if len(left_out) > 3 else "")
                self.problems.append(problem("not-listed", file=data.file, sheet=data.sheet, field=pos.title, value=shown))

    def _conflict(self, data: FormData, record: Any, fields: list[str], label: str, existing: Any) -> None:
        """The differing fields as a problem: an error under stop, otherwise a warning saying
        which records kept the register's values (skip) or took the form's (update)."""
        code = {OnConflict.STOP: "conflict", OnConflict.SKIP: "conflict-skipped", OnConflict.UPDATE: "conflict-updated"}[self.on_conflict]
        row = record.source.row if getattr(record, "source", None) else None
        where = getattr(existing, "source", None)
        origin = f"；台账中的记录来自 {where.file}" if where is not None else ""
        self.problems.append(problem(
            code, file=data.file, sheet=data.sheet, cell=f"第{row}行" if row else None,
            field=label, value=getattr(record, "description", None) or getattr(record, "name", None) or getattr(record, "title", None),
            detail="；".join(fields) + origin,
        ))

    def _department(self, dept_id: str, incoming: Department, data: FormData) -> None:
        existing_file = self.register.files.get(dept_id) or self.new_departments.get(dept_id)
        if existing_file is None:
            self.new_departments[dept_id] = build(DepartmentFile, department=incoming)
            return
        current = self.department_updates.get(dept_id, existing_file.department)
        filled, overwritten, differing = _reconcile(current, incoming)
        if differing:
            self._conflict(data, incoming, differing, "部门", current)
            if self.on_conflict is OnConflict.STOP:
                return
            if self.on_conflict is OnConflict.SKIP:
                self.counts["skipped"] += 1  # the differing fields keep the register's values …
                if filled is not current:  # … what only adds (a head left empty) is still taken
                    self.department_updates[dept_id] = filled
                return
            filled = overwritten
        if filled is not current:
            self.department_updates[dept_id] = filled
            if dept_id not in self.new_departments and dept_id not in self.created_now:
                self.counts["updated"] += 1

    def _record(self, dept_id: str, incoming: Any, data: FormData) -> None:
        current = self.planned.get(incoming.id)
        if current is None:
            found = self.register.find(incoming.id)
            current = found[1] if found else None
        if current is None:
            self.planned[incoming.id] = incoming
            self.puts.append((dept_id, incoming))
            self.new_ids.add(incoming.id)
            self.counts["created"] += 1
            return
        # The same form again (same source file and sheet, or the post's holders' own form
        # saved elsewhere, such as a pre-filled form sent back) may drop measures it no longer
        # lists; any other form only adds to them.
        fresh = incoming.id not in self.planned and incoming.id not in self.created_now
        same_form: str | bool = False
        if fresh and current.source is not None and incoming.source is not None \
                and (current.source.file, current.source.sheet) == (incoming.source.file, incoming.source.sheet):
            same_form = SAME_FILE
        elif fresh and self._holders_form(incoming, data):
            same_form = HOLDERS_FORM
        filled, overwritten, differing = _reconcile(current, incoming, same_form=same_form)
        result = filled
        if differing:  # whatever form it comes from: never overwrite or ignore silently
            self._conflict(data, incoming, differing, _KIND_LABEL[type(incoming)], current)
            if self.on_conflict is OnConflict.STOP:
                return
            if self.on_conflict is OnConflict.SKIP:
                # the differing fields keep the register's values; what only adds (a second
                # holder, their review, a new measure) is not a conflict and is still taken
                self.counts["skipped"] += 1
                if filled is not current:
                    self.planned[incoming.id] = filled
                    self.puts.append((dept_id, filled))
                return
            result = overwritten
        if result is current:
            self.counts["unchanged"] += 1
            return
        if same_form or differing:
            result.source = incoming.source or result.source
        self.planned[incoming.id] = result
        self.puts.append((dept_id, result))
        if incoming.id not in self.new_ids:  # (a point repeated within one form is one record, not an update)
            self.counts["updated"] += 1  # also when an earlier file of this run created it: this file changed it

    def apply(self) -> None:
        register = self.register
        for dept_id, df in self.new_departments.items():
            register.add_department(df)
            self.created_now.add(dept_id)
        for dept_id, dept in self.department_updates.items():
            register.files[dept_id].department = dept
            register.dirty.add(dept_id)
        for dept_id, record in self.puts:
            register.put(dept_id, record)
        self.created_now.update(self.new_ids)


_KIND_LABEL = {Position: "岗位", Power: "权力事项", RiskPoint: "风险点"}
_FIELD_LABEL = {
    "title": "岗位名称", "tier": "岗位层级", "grade": "岗位风险等级", "holders": "在岗人员", "oversees": "分管工作",
    "duties": "岗位职责", "workflow": "工作流程", "reviews": "审核意见", "type": "风险类型", "description": "风险点",
    "manifestation": "表现形式", "three_important": "三重一大", "likelihood": "发生可能性", "harm": "危害程度",
    "consequence": "后果", "resources": "人财物支配权", "level": "风险等级", "level_basis": "定级依据",
    "department_head": "部门负责人", "responsible_leader": "责任领导", "measures": "防控措施", "name": "名称",
    "kind": "类别", "content": "内容", "holder": "行使岗位", "position": "岗位", "legal_basis": "法律依据",
    "flow": "运行流程", "head": "负责人", "leader": "分管领导", "unit": "单位",
    "text": "内容", "stage": "防控阶段", "owner": "责任人", "deadline": "完成时限", "status": "落实情况",
    "reviewer": "审核人", "filled_by": "填表人", "opinion": "审核意见", "date": "日期",
}


def _reconcile(current: Any, incoming: Any, *, same_form: str | bool = False) -> tuple[Any, Any, list[str]]:
    """Merge the fields ``incoming`` speaks for with ``current``.

    Returns ``(filled, overwritten, differing)``: ``filled`` only adds what ``current``
    lacks (empty fields, new holders, new measures and reviews); ``overwritten`` takes
    ``incoming``'s values wherever they differ; ``differing`` names the fields that do.
    Either record is ``current`` itself when nothing changes.
    """
    fills: dict[str, Any] = {}
    overrides: dict[str, Any] = {}
    differing: list[str] = []
    for key in (k for k in type(incoming).model_fields if k in incoming.model_fields_set and k not in _IGNORED):
        new, old = getattr(incoming, key), getattr(current, key)
        if new == old or new is None:
            continue
        merger = _LIST_MERGERS.get(key)
        if merger is not None:
            filled, overwritten, differs = merger(old, new, same_form)
            if filled != old:
                fills[key] = filled
            if overwritten != old:
                overrides[key] = overwritten
            if differs:
                differing.append(f"{_FIELD_LABEL.get(key, key)}（{'；'.join(differs)}）")
            continue
        if new == []:
            continue
        if old in (None, [], ""):
            fills[key] = overrides[key] = new
        else:
            overrides[key] = new
            differing.append(f"{_FIELD_LABEL.get(key, key)}：台账为“{_shown(old)}”，表格为“{_shown(new)}”")
    filled = current.model_copy(update=fills) if fills else current
    overwritten = current.model_copy(update=overrides) if overrides else current
    return filled, overwritten, differing


def _shown(value: Any) -> str:
    """A field's value as a person reads it: enum labels, short text."""
    label = getattr(value, "label", None)
    text = label if isinstance(label, str) else str(value)
    return text if len(text) <= 24 else text[:23] + "…"


def _merge_holders(old: list[str], new: list[str], same_form: str | bool) -> tuple[list, list, list[str]]:
    union = list(old) + [n for n in new if n not in old]
    return union, union, []


def _merge_keyed(*keys: str):
    """Merge lists of records keyed by ``keys`` (measures by text; reviews by stage, whose
    form they were on and year). The keys after the first say whose a record is: a form
    speaks for the records with its own (holder, year), and leaves the others alone."""

    def key_of(item: Any) -> tuple:
        return tuple(getattr(item, k) for k in keys)

    def legacy(key: tuple) -> tuple:
        """The key a record kept before its second key existed had (a review without 填表人)."""
        return key[:1] + (None,) + key[2:] if len(key) > 1 else key

    def shown(item: Any) -> str:  # 单位主管领导审查意见（钱某）
        first, *rest = [_shown(v) for v in key_of(item) if v is not None] or [""]
        return first + "".join(f"（{r}）" for r in rest)

    def merge(old: list, new: list, same_form: str | bool) -> tuple[list, list, list[str]]:
        by_key = {key_of(item): item for item in old}
        filled = list(old)
        differs: list[str] = []
        for item in new:
            key = key_of(item)
            match = by_key.get(key) or by_key.get(legacy(key))  # the same record, kept before it had them all
            if match is None:
                filled.append(item)
                if same_form == SAME_FILE and old:  # the same file changed; a sent-back form may add
                    differs.append(f"新增“{shown(item)}”")
                continue
            updates = {}
            for name in (n for n in type(item).model_fields if n in item.model_fields_set):
                value, mine = getattr(item, name), getattr(match, name)
                if value == mine or value is None:
                    continue
                if mine is None:
                    updates[name] = value
                else:
                    differs.append(f"“{shown(item)}”的{_FIELD_LABEL.get(name, name)}：台账为“{_shown(mine)}”，表格为“{_shown(value)}”")
            if updates:
                filled[filled.index(match)] = match.model_copy(update=updates)
        # this form's own records: not another holder's or another year's reviews
        own = {key_of(n)[1:] for n in new} | {legacy(key_of(n))[1:] for n in new}
        if same_form:  # what this form listed before and lists no more
            new_keys = {key_of(n) for n in new} | {legacy(key_of(n)) for n in new}
            for gone in [i for i in old if key_of(i) not in new_keys and key_of(i)[1:] in own]:
                differs.append(f"表格不再列出“{shown(gone)}”")
        if not differs:
            return filled, filled, differs
        # as the form says: its own records replaced by its list, everyone else's kept
        overwritten = [i for i in old if key_of(i)[1:] not in own] + [
            by_key[key_of(i)].model_copy(update={n: getattr(i, n) for n in i.model_fields_set})
            if key_of(i) in by_key else i for i in new]
        return filled, overwritten, differs

    return merge


def _merge_plain_list(old: list, new: list, same_form: str | bool) -> tuple[list, list, list[str]]:
    if not new:
        return old, old, []
    if not old:
        return new, new, []
    shown = lambda items: "、".join(_shown(i) for i in items)  # noqa: E731
    return old, new, [f"台账为“{shown(old)}”，表格为“{shown(new)}”"]


_LIST_MERGERS = {
    "holders": _merge_holders,
    "measures": _merge_keyed("text"),
    "reviews": _merge_keyed("stage", "filled_by", "year"),
    "three_important": _merge_plain_list,
    "resources": _merge_plain_list,
    "flow": _merge_plain_list,
    "powers": _merge_plain_list,
}
