"""Bad input is refused: with the right exit code and problem code, a Chinese message that
names the file (and the cell, where there is one), no traceback, and a register left
byte-for-byte as it was.

Fixtures: tests/data/bad/ (made by tests/data/make_fixtures.py). Exit codes and problem
codes are those of docs/contract-draft.md: 1 for data problems (unknown-level,
missing-value, unknown-form), 3 for unreadable input (not-a-spreadsheet, truncated-file,
too-large).

The too-large files (a zip bomb whose sheet XML inflates to ~300 MB, a sheet whose only
cells are A1 and XFD1048576, and the same far-apart extent written without cell references)
are imported in a child process under a memory cap: an
importer that tried to inflate or densify them would otherwise take the test run (or the
machine) down with it instead of failing one test.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lzfk.cli import app

# --- shared helpers (tests/conftest.py belongs to another engineer) ----------------------

HERE = Path(__file__).parent
FORMS = HERE / "data" / "forms"
BAD = HERE / "data" / "bad"
REPO = HERE.parent

runner = CliRunner()
CJK = re.compile(r"[\u4e00-\u9fff]")


def invoke(*args: object):
    """Run ``lzfk ARGS`` in-process; a wide terminal so tables never elide file names."""
    return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "240", "NO_COLOR": "1"})


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file under ``directory`` with its bytes (empty if the directory does not exist)."""
    if not directory.exists():
        return {}
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def existing_register(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """A register that already holds one good form, and a snapshot of its bytes."""
    reg = tmp_path / "reg"
    result = invoke("import", FORMS / "general.xlsx", "--into", reg, "--format", "json")
    assert result.exit_code == 0, result.output
    before = snapshot(reg)
    assert before, "the good import should have written the register"
    return reg, before


def errors(report: dict) -> list[tuple]:
    return [(p["code"], p["cell"]) for p in report["problems"] if p["severity"] == "error"]


@dataclass(frozen=True)
class Bad:
    name: str
    code: str
    exit_code: int
    status: str  # rejected | unreadable
    cell: str | None = None
    value: str | None = None


BAD_CASES = [
    Bad("unknown_level.xlsx", "unknown-level", 1, "rejected", cell="E5", value="四级"),
    Bad("missing_value.xlsx", "missing-value", 1, "rejected", cell="C6"),
    Bad("budget.xlsx", "unknown-form", 1, "rejected"),
    Bad("truncated.xlsx", "truncated-file", 3, "unreadable"),
    Bad("not_a_spreadsheet.xlsx", "not-a-spreadsheet", 3, "unreadable"),
    Bad("encrypted.xlsx", "encrypted", 3, "unreadable"),
]
IDS = [case.name for case in BAD_CASES]


# --- in-process refusals -----------------------------------------------------------------------


@pytest.mark.parametrize("case", BAD_CASES, ids=IDS)
def test_refused_with_problem_in_json(tmp_path: Path, case: Bad):
    reg, before = existing_register(tmp_path)
    result = invoke("import", BAD / case.name, "--into", reg, "--format", "json")

    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == case.exit_code, result.output
    report = json.loads(result.stdout)
    assert [(Path(f["file"]).name, f["status"]) for f in report["files"]] == [(case.name, case.status)]
    # the contract: every file has all four counts, zero when nothing was taken from it
    assert report["files"][0]["counts"] == {"created": 0, "updated": 0, "unchanged": 0, "skipped": 0}
    assert (report["accepted"], report["created"], report["updated"]) == (0, 0, 0)
    assert errors(report) == [(case.code, case.cell)]
    (problem,) = [p for p in report["problems"] if p["severity"] == "error"]
    assert Path(problem["file"]).name == case.name
    assert CJK.search(problem["message"]), problem["message"]
    if case.value is not None:
        assert problem["value"] == case.value
    assert snapshot(reg) == before


@pytest.mark.parametrize("case", BAD_CASES, ids=IDS)
def test_refused_with_chinese_message_naming_file(tmp_path: Path, case: Bad):
    reg, before = existing_register(tmp_path)
    result = invoke("import", BAD / case.name, "--into", reg)

    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == case.exit_code, result.output
    assert case.name in result.output
    assert CJK.search(result.output)
    if case.cell:
        assert case.cell in result.output
    assert snapshot(reg) == before


def test_missing_value_message_says_what_is_missing(tmp_path: Path):
    result = invoke("import", BAD / "missing_value.xlsx", "--into", tmp_path / "reg", "--format", "json")
    report = json.loads(result.stdout)
    (problem,) = [p for p in report["problems"] if p["code"] == "missing-value"]
    assert "风险点" in problem["message"]
    assert problem["sheet"] == "中层岗位"


def test_rejected_file_leaves_no_records_in_a_fresh_register(tmp_path: Path):
    reg = tmp_path / "reg"
    result = invoke("import", BAD / "unknown_level.xlsx", "--into", reg, "--format", "json")
    assert result.exit_code == 1, result.output
    if snapshot(reg):  # an empty register skeleton may exist; it must hold nothing from the file
        for kind in ("risks", "positions", "departments"):
            listed = invoke("list", kind, reg, "--format", "json")
            assert listed.exit_code == 0, listed.output
            assert json.loads(listed.stdout) == [], kind


# --- mixed folders --------------------------------------------------------------------------------


@pytest.mark.parametrize(("bad", "exit_code", "status"), [
    ("unknown_level.xlsx", 1, "rejected"),
    ("not_a_spreadsheet.xlsx", 3, "unreadable"),
])
def test_mixed_folder_accepts_good_rejects_bad(tmp_path: Path, bad: str, exit_code: int, status: str):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(FORMS / "general.xlsx", folder / "general.xlsx")
    shutil.copy(BAD / bad, folder / bad)
    reg = tmp_path / "reg"

    result = invoke("import", folder, "--into", reg, "--format", "json")
    assert "Traceback" not in result.output
    assert result.exit_code == exit_code, result.output
    report = json.loads(result.stdout)
    assert sorted((Path(f["file"]).name, f["status"]) for f in report["files"]) == \
        sorted([("general.xlsx", "accepted"), (bad, status)])
    assert report["accepted"] == 1
    assert report["rejected" if status == "rejected" else "unreadable"] == 1
    assert {Path(p["file"]).name for p in report["problems"] if p["severity"] == "error"} == {bad}

    risks = json.loads(invoke("list", "risks", reg, "--format", "json").stdout)
    assert sorted(r["description"] for r in risks) == ["泄露未公开文件内容", "违规使用公章"]
    assert {Path(r["source"]["file"]).name for r in risks} == {"general.xlsx"}

    table = invoke("import", folder, "--into", tmp_path / "reg2")
    assert "general.xlsx" in table.output and bad in table.output


# --- too large: in a child process under a memory cap ------------------------------------------------

MEMORY_CAP = 4 * 1024**3  # far below what inflating the bomb or densifying XFD1048576 would take


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run_isolated(*args: object) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "240", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "lzfk", *map(str, args)],
        cwd=REPO, env=env, capture_output=True, text=True, encoding="utf-8",
        preexec_fn=_cap_memory, timeout=600,  # a hang guard only; no wall time is asserted
    )


def bomb_path(tmp_path: Path) -> Path:
    """The committed bomb (~0.6 MB); re-made into tmp_path if it is absent."""
    committed = BAD / "bomb.xlsx"
    if committed.exists():
        return committed
    sys.path.insert(0, str(HERE / "data"))
    try:
        from make_fixtures import write_zip_bomb
    finally:
        sys.path.pop(0)
    path = tmp_path / "bomb.xlsx"
    write_zip_bomb(path)
    return path


@pytest.mark.parametrize("name", [
    "bomb.xlsx",  # sheet XML inflates to ~300 MB
    "far_cells.xlsx",  # only A1 and XFD1048576
    "wide_no_refs.xlsx",  # 200 001 × 16 384 grid spelt without r="…" references (they are optional)
    "far_cells_prefixed.xlsx",  # far_cells with <x:row>, <x:c> (a namespace prefix): calamine aborted on it
])
def test_too_large_is_refused_without_reading_it(tmp_path: Path, name: str):
    path = bomb_path(tmp_path) if name == "bomb.xlsx" else BAD / name
    assert path.stat().st_size < 1024 * 1024  # small on disk; huge only once inflated/densified
    reg, before = existing_register(tmp_path)

    done = run_isolated("import", path, "--into", reg, "--format", "json")
    assert "Traceback" not in done.stdout + done.stderr
    assert done.returncode == 3, f"exit {done.returncode}\nstdout: {done.stdout[-2000:]}\nstderr: {done.stderr[:1200]}"
    report = json.loads(done.stdout)
    assert [(Path(f["file"]).name, f["status"]) for f in report["files"]] == [(name, "unreadable")]
    assert [code for code, _ in errors(report)] == ["too-large"]
    (problem,) = [p for p in report["problems"] if p["severity"] == "error"]
    assert Path(problem["file"]).name == name and CJK.search(problem["message"])
    assert snapshot(reg) == before

    table = run_isolated("import", path, "--into", reg)
    assert table.returncode == 3
    assert name in table.stdout + table.stderr and CJK.search(table.stdout + table.stderr)
    assert "Traceback" not in table.stdout + table.stderr
    assert snapshot(reg) == before


def test_bomb_fixture_really_is_a_bomb(tmp_path: Path):
    """Guard the fixture itself: valid package layout, ~300 MB declared, < 1 MB on disk."""
    import zipfile

    path = bomb_path(tmp_path)
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        assert {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                "xl/worksheets/sheet1.xml"} <= names
        assert zf.getinfo("xl/worksheets/sheet1.xml").file_size >= 300 * 1024 * 1024
    assert path.stat().st_size < 1024 * 1024


# -- the zip reader of the safety check ------------------------------------------------------

def _zip_with_sheet(payload: bytes) -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", payload)
    return buf.getvalue()


def test_plain_zip_reader_agrees_with_zipfile():
    """The quick central-directory reader sees the same members and bytes as zipfile."""
    import io
    import zipfile

    from lzfk.excel.safety import _plain_zip_members

    files = [*HERE.joinpath("data").rglob("*.xlsx"), *HERE.joinpath("data").rglob("*.ods"),
             *(HERE.parent / "registers" / "demo" / "forms").glob("*.xlsx")]
    checked = 0
    for path in files:
        data = path.read_bytes()
        members = _plain_zip_members(data)
        if members is None or path.name == "bomb.xlsx":
            continue
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            assert [(m.filename, m.file_size) for m in members] == [(i.filename, i.file_size) for i in infos], path
            assert all(m.read_capped(1 << 30) == zf.read(i) for m, i in zip(members, infos, strict=True)), path
        checked += 1
    assert checked >= 50


@pytest.mark.parametrize("prefix", [b"", b"junk before the archive"], ids=["quick reader", "zipfile fallback"])
def test_sheet_that_lies_about_its_size_is_refused(prefix: bytes):
    """The directory says 100 bytes; the sheet inflates to 2 MB (the cap here is 1 MB)."""
    from lzfk.errors import InputUnreadable
    from lzfk.excel.safety import Limits, check_zip

    lied = bytearray(_zip_with_sheet(b"<worksheet>" + b" " * (2 * 1024**2) + b"</worksheet>"))
    start = lied.rfind(b"PK\x01\x02")  # the last central directory entry: the sheet's
    lied[start + 24:start + 28] = (100).to_bytes(4, "little")  # its uncompressed size
    with pytest.raises(InputUnreadable) as refused:
        check_zip(Path("lying.xlsx"), Limits(max_sheet_xml_bytes=1024**2), prefix + bytes(lied))
    # the quick reader inflates up to the cap and finds more; zipfile stops at the stated size and fails its CRC
    assert refused.value.problem.code == ("too-large" if not prefix else "truncated-file")


@pytest.mark.parametrize("prefix", [b"", b"junk before the archive"], ids=["quick reader", "zipfile fallback"])
def test_damaged_sheet_stream_is_a_truncated_file(prefix: bytes):
    from lzfk.errors import InputUnreadable
    from lzfk.excel.safety import check_zip

    data = bytearray(_zip_with_sheet(b"<worksheet>" + bytes(range(256)) * 400 + b"</worksheet>"))
    local = data.rfind(b"PK\x03\x04")  # the sheet's local header; its compressed data follows
    data[local + 60:local + 90] = b"\xff" * 30
    with pytest.raises(InputUnreadable) as refused:
        check_zip(Path("damaged.xlsx"), data=prefix + bytes(data))
    assert refused.value.problem.code == "truncated-file"


def test_cell_at_the_spreadsheet_limit_is_refused(tmp_path: Path):
    """calamine cuts a cell to Excel's 32 767 characters without a word: such a cell is a
    damaged or made-up file, not a risk point."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["一般岗位廉政风险识别和防控表"])
    ws.append(["单位（盖章）：某县财政局"])
    ws.append(["姓名", "王某", "所在科室及职务", "财务科 会计"])
    ws.append(["岗位职责", "工作流程", "风险点", "风险类型", "风险级别", "防控措施"])
    ws.append(["记账", "流程", "做" * 50_000, "岗位职责风险", "二级", "复核"])
    wb.save(tmp_path / "长.xlsx")
    reg = tmp_path / "register"
    result = invoke("import", tmp_path / "长.xlsx", "--into", reg, "--format", "json")
    assert result.exit_code == 1, result.output
    assert errors(json.loads(result.stdout)) == [("too-long", "C5")]
    assert not reg.exists()


def test_formatting_far_down_is_not_content(tmp_path: Path):
    """A border on F400000 writes an empty cell element there (and Excel a row element for a
    row height). calamine skips both, so the sheet is as small as its values: accepted.
    The same cell holding a value is still refused."""
    import openpyxl
    from openpyxl.styles import Border, Side

    wb = openpyxl.load_workbook(FORMS / "general.xlsx")
    ws = wb.active
    ws["F400000"].border = Border(bottom=Side(style="thin"))
    ws["AZ50"].border = Border(bottom=Side(style="thin"))
    ws.row_dimensions[350000].height = 30
    wb.save(tmp_path / "formatted.xlsx")
    ok = invoke("import", tmp_path / "formatted.xlsx", "--into", tmp_path / "reg", "--format", "json")
    assert ok.exit_code == 0, ok.output
    ws["F400000"] = "x"
    wb.save(tmp_path / "valued.xlsx")
    refused = invoke("import", tmp_path / "valued.xlsx", "--into", tmp_path / "reg2", "--format", "json")
    assert refused.exit_code == 3 and errors(json.loads(refused.stdout)) == [("too-large", None)]
