"""The register on disk: a directory of YAML files, one per department.

    DIR/register.yaml                    the register itself (format, unit)
    DIR/<单位>/<部门>.yaml                one department: its positions, powers, risk points

English keys, Chinese values, block style, so diffs under version control read well.
Files are read with yaml-rs (a YAML 1.2 parser in Rust that never constructs objects from
tags) and written atomically: every changed file is written to a temporary file first
and renamed over the old one only when all of them were written.
"""

from __future__ import annotations

import gc
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from lzfk import yamlout
from lzfk.errors import OutputError, RegisterUnreadable
from lzfk.fileutil import new_temporary, os_error_text
from lzfk.models import FORMAT, DepartmentFile, Position, Power, RegisterInfo, RiskPoint, build
from lzfk.problems import Problem, problem
from lzfk.vocab import UNKNOWN_DEPARTMENT, UNKNOWN_UNIT

REGISTER_FILE = "register.yaml"


@contextmanager
def bulk() -> Iterator[None]:
    """Pause the cyclic garbage collector while many small objects are built (3–4× faster)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass
class Register:
    """A register loaded in memory; records are indexed by ID."""

    root: Path
    info: RegisterInfo = field(default_factory=lambda: build(RegisterInfo))
    files: dict[str, DepartmentFile] = field(default_factory=dict)  # department id -> file
    paths: dict[str, str] = field(default_factory=dict)  # department id -> path relative to root
    exists: bool = False
    dirty: set[str] = field(default_factory=set)
    info_dirty: bool = False
    # department id -> the file's UTF-8 text, rendered by excel.bulk (its record in ``files`` is empty)
    rendered: dict[str, bytes] = field(default_factory=dict)
    _index: dict[str, tuple[str, str, int]] = field(default_factory=dict)  # record id -> (dept id, list, index)

    # -- lookup ----------------------------------------------------------------------------
    def build_index(self) -> None:
        index: dict[str, tuple[str, str, int]] = {}
        for dept_id, df in self.files.items():
            for attr in ("positions", "powers", "risk_points"):
                for i, record in enumerate(getattr(df, attr)):
                    index.setdefault(record.id, (dept_id, attr, i))
        self._index = index

    def find(self, record_id: str) -> tuple[str, object] | None:
        """(department id, record) for a position, power or risk point ID."""
        hit = self._index.get(record_id)
        if hit is None:
            return None
        dept_id, attr, i = hit
        return dept_id, getattr(self.files[dept_id], attr)[i]

    def put(self, dept_id: str, record: Position | Power | RiskPoint) -> None:
        """Add or replace a record under its department."""
        attr = {Position: "positions", Power: "powers", RiskPoint: "risk_points"}[type(record)]
        items = getattr(self.files[dept_id], attr)
        hit = self._index.get(record.id)
        if hit is not None:
            items[hit[2]] = record
        else:
            self._index[record.id] = (dept_id, attr, len(items))
            items.append(record)
        self.dirty.add(dept_id)

    def add_department(self, df: DepartmentFile) -> None:
        dept = df.department
        self.files[dept.id] = df
        self.paths[dept.id] = self._new_path(dept.unit, dept.name, dept.id)
        self.dirty.add(dept.id)

    def _new_path(self, unit: str | None, name: str | None, dept_id: str) -> str:
        base = f"{_safe_name(unit or UNKNOWN_UNIT)}/{_safe_name(name or UNKNOWN_DEPARTMENT)}"
        taken = set(self.paths.values())
        path = base + ".yaml"
        if path in taken or path == REGISTER_FILE:
            path = f"{base}-{dept_id[2:8]}.yaml"
        return path

    # -- iteration -------------------------------------------------------------------------
    def departments(self) -> Iterator[DepartmentFile]:
        for dept_id in sorted(self.files, key=lambda d: self.paths[d]):
            yield self.files[dept_id]


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def _safe_name(name: str) -> str:
    cleaned = _UNSAFE.sub("_", name).strip(" .") or "_"
    return cleaned[:60]


# -- reading ----------------------------------------------------------------------------------

def load_register(root: Path, *, must_exist: bool = True, collect: list[Problem] | None = None) -> Register:
    """Load a register directory; raises RegisterUnreadable with the problems found.

    With ``must_exist=False`` a missing or empty directory gives an empty register (the
    target of a first import). With ``collect``, problems in single files are appended to
    it and the rest of the register is loaded (``lzfk check`` reports everything at once).
    """
    import yaml_rs
    from pydantic import ValidationError

    register = Register(root=root)
    if not root.exists():
        if must_exist:
            raise RegisterUnreadable(f"台账目录不存在：{root}")
        return register
    if not root.is_dir():
        raise RegisterUnreadable(f"{root} 不是目录，台账应是一个目录")
    info_path = root / REGISTER_FILE
    if not info_path.exists():
        if must_exist:
            from lzfk.excel.workbook import SPREADSHEET_SUFFIXES

            if any(p.suffix.lower() in SPREADSHEET_SUFFIXES for p in root.iterdir()):
                raise RegisterUnreadable(f"{root} 是表格文件夹，不是台账目录：请用 lzfk import {root} --into 台账目录 导入，再对台账目录执行本命令")
            raise RegisterUnreadable(f"{root} 不是台账目录（缺少 {REGISTER_FILE}）。请先用 lzfk import … --into {root} 导入表格")
        if any(root.glob("*/*.yaml")) or any(root.glob("*.yaml")):
            raise RegisterUnreadable(f"{root} 中已有其他 YAML 文件但不是台账（缺少 {REGISTER_FILE}）；请导入到新目录或已有台账")
        return register
    # Only DIR/<单位>/<部门>.yaml: a register never reads files it did not write elsewhere.
    yaml_files = sorted(p for p in root.glob("*/*.yaml") if not p.parent.name.startswith("."))
    problems: list[Problem] = []
    register.exists = True
    with bulk():
        if info_path.exists():
            try:
                register.info = RegisterInfo.model_validate(parse_yaml(_read_text(info_path)) or {})
            except (yaml_rs.YAMLDecodeError, UnicodeDecodeError, OSError) as exc:
                problems.append(problem("register-unreadable", file=str(info_path), detail=_read_error(exc)))
            except ValidationError as exc:
                problems.extend(_validation_problems(str(info_path), exc))
        for path in yaml_files:
            rel = path.relative_to(root).as_posix()
            data = None
            try:
                data = parse_yaml(_read_text(path))
                if data is None:
                    problems.append(problem("register-unreadable", file=str(path), detail="文件为空"))
                    continue
                df = DepartmentFile.model_validate(data)
            except (yaml_rs.YAMLDecodeError, UnicodeDecodeError, OSError) as exc:
                problems.append(problem("register-unreadable", file=str(path), detail=_read_error(exc)))
                continue
            except ValidationError as exc:
                problems.extend(_validation_problems(str(path), exc, data))
                continue
            dept_id = df.department.id
            if dept_id in register.files:
                problems.append(problem("duplicate-id", file=f"{register.paths[dept_id]}, {rel}", value=dept_id))
                continue
            register.files[dept_id] = df
            register.paths[dept_id] = rel
        register.build_index()
    if problems and collect is not None:
        collect.extend(problems)
    elif problems:
        raise RegisterUnreadable(f"台账 {root} 有 {len(problems)} 处错误，无法使用；请用 lzfk check {root} 查看", problems)
    return register


def _read_text(path: Path) -> str:
    """UTF-8, with or without the byte-order mark some Windows editors add."""
    return path.read_bytes().decode("utf-8-sig")


_YAML_WHERE = re.compile(r"line (\d+), column (\d+)")


def _read_error(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "文件不是 UTF-8 编码（可能被另存为 GBK 等编码），请用 UTF-8 保存"
    if isinstance(exc, OSError):
        return os_error_text(exc)
    text = str(exc).strip()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    where = _YAML_WHERE.search(text)
    reason = lines[-1] if lines else text
    if where:
        return f"YAML 格式错误，第 {where[1]} 行第 {where[2]} 列附近（技术信息：{reason}）"
    return f"YAML 格式错误（技术信息：{reason[:200]}）"


def _validation_problems(file: str, exc, data: object = None) -> list[Problem]:
    """pydantic errors, regrouped by location: ``risk_points[3].level`` plus the record's ID."""
    out = []
    for err in exc.errors()[:50]:
        loc = err.get("loc", ())
        where = ""
        for part in loc:
            where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else str(part))
        record_id = _record_id(data, loc)
        value = err.get("input")
        detail = _pydantic_message(err) + (f"（记录 {record_id}）" if record_id else "")
        out.append(problem("register-invalid", file=file, field=where or "整个文件", value=None if isinstance(value, (dict, list)) else value,
                           detail=detail))
    return out


def _record_id(data: object, loc: tuple) -> str | None:
    node, found = data, None
    for part in loc:
        try:
            node = node[part]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            found = node["id"]
    return found


_PYDANTIC_ZH = {
    "missing": "缺少必填项",
    "extra_forbidden": "不认识的键",
    "enum": "取值不在允许范围内",
    "string_too_short": "不能为空",
    "string_type": "应为文字",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "date_from_datetime_parsing": "应为日期（如 2024-06-30）",
    "date_parsing": "应为日期（如 2024-06-30）",
    "date_type": "应为日期（如 2024-06-30）",
    "list_type": "应为列表",
    "model_type": "应为键值结构",
    "dict_type": "应为键值结构",
    "literal_error": "格式版本不受支持（本程序读写 lzfk/1，请用对应版本的 lzfk）",
}


def _pydantic_message(err: dict) -> str:
    text = _PYDANTIC_ZH.get(err.get("type", ""), "")
    if err.get("type") == "enum":
        expected = err.get("ctx", {}).get("expected")
        if expected:  # "'a', 'b' or 'c'" -> a（甲）、b（乙）、c（丙）: the codes the file takes, with their meaning
            values = re.findall(r"'([^']*)'", str(expected))
            labels = _vocab_labels(values)
            text += "（可选：" + "、".join(f"{v}（{labels[v]}）" if v in labels else v for v in values) + "）"
    return text or str(err.get("msg", ""))


def _vocab_labels(values: list[str]) -> dict[str, str]:
    """The Chinese label of each value, from the vocabulary enum that has exactly these values."""
    from lzfk import vocab

    for enum_cls in vars(vocab).values():
        if isinstance(enum_cls, type) and issubclass(enum_cls, vocab.Vocab) and enum_cls is not vocab.Vocab:
            if {m.value for m in enum_cls} == set(values):
                return {m.value: m.label for m in enum_cls}
    return {}


# -- writing ----------------------------------------------------------------------------------

def parse_yaml(text: str) -> object:
    """A register file's data. Dates stay text until the model reads them: yaml-rs would
    otherwise turn even a quoted ``"2011-06-20"`` in a text field into a date."""
    import yaml_rs

    return yaml_rs.loads(text, parse_datetime=False)


def dump_department(df: DepartmentFile) -> str:
    return yamlout.dumps(df, head={"format": FORMAT})


def dump_info(info: RegisterInfo) -> str:
    return yamlout.dumps(info, head={"format": FORMAT})


_sync = getattr(os, "fdatasync", os.fsync)  # the data on disk before the rename; metadata need not wait


def save_register(register: Register) -> list[str]:
    """Write the changed department files (and register.yaml) atomically; return their paths.

    All new contents go to temporary files beside their targets first; only when every one
    of them is written and flushed are they renamed into place, so a failure leaves the
    register as it was.
    """
    planned: list[tuple[Path, str | bytes]] = []
    root = register.root
    if register.info_dirty or not (root / REGISTER_FILE).exists():
        planned.append((root / REGISTER_FILE, dump_info(register.info)))
    for dept_id in sorted(register.dirty, key=lambda d: register.paths[d]):
        text = register.rendered.get(dept_id)
        planned.append((root / register.paths[dept_id], text if text is not None else dump_department(register.files[dept_id])))
    written: list[tuple[Path, Path]] = []
    created_dirs: list[Path] = []
    ready: set[Path] = set()  # folders known to exist
    target = root
    try:
        for n, (target, text) in enumerate(planned):
            data = text if isinstance(text, bytes) else text.encode("utf-8")
            try:
                with open(target, "rb") as fh:
                    if fh.read() == data:
                        continue  # unchanged: not rewritten
                    mode = os.fstat(fh.fileno()).st_mode & 0o7777
            except FileNotFoundError:
                mode = None
            folder = target.parent
            if folder not in ready:
                missing = [d for d in (folder, *folder.parents) if not d.exists()]
                folder.mkdir(parents=True, exist_ok=True)
                created_dirs.extend(reversed(missing))
                ready.add(folder)
            # a temporary file beside the target, renamed over it once every file is written
            tmp, fd = new_temporary(folder, target.name, n)
            written.append((tmp, target))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                _sync(fh.fileno())
            if mode is not None:
                os.chmod(tmp, mode)  # the register's files keep their mode (shared drives)
    except OSError as exc:
        for tmp, _ in written:
            tmp.unlink(missing_ok=True)
        for directory in reversed(created_dirs):  # leave no empty folders behind either
            try:
                directory.rmdir()
            except OSError:
                pass
        raise OutputError(f"无法写入台账 {root}（{target}）：{os_error_text(exc)}") from None
    for tmp, target in written:
        os.replace(tmp, target)
    register.dirty.clear()
    register.rendered.clear()
    register.info_dirty = False
    return [str(target.relative_to(root)) for _, target in written]
