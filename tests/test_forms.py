"""Generated forms import back unchanged: blank ones as themselves, pre-filled ones as the
records they were made from (one form specification drives writer and reader)."""

from __future__ import annotations

import shutil
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DEMO_REGISTER, run_cli, snapshot
from lzfk.formspec import FORMS
from lzfk.vocab import FormKind

_VOLATILE = {"id", "department_id", "source", "file"}


def _strip(rows):
    """Records without where they were read from (the forms are new files)."""
    return sorted(
        ({k: v for k, v in row.items() if k not in _VOLATILE} for row in rows),
        key=lambda r: repr(sorted(r.items())),
    )


def test_every_blank_form_reads_back_as_itself(tmp_path):
    out = run_cli("forms", "--out", tmp_path / "blank", "--format", "json").json()
    assert len(out["files"]) == len(FORMS)
    report = run_cli("import", tmp_path / "blank", "--into", tmp_path / "reg", "--format", "json").json()
    assert report["accepted"] == len(FORMS) and report["rejected"] == 0
    assert report["created"] == 0
    assert not [p for p in report["problems"] if p["severity"] == "error"]
    assert {f["forms"][0]["form"] for f in report["files"]} == {k.value for k in FormKind}


def test_prefilled_forms_rebuild_the_register_they_came_from(tmp_path):
    assert run_cli("forms", "--out", tmp_path / "pre", "--register", DEMO_REGISTER, "--quiet").exit_code == 0
    rebuilt = tmp_path / "rebuilt"
    report = run_cli("import", tmp_path / "pre", "--into", rebuilt, "--format", "json").json()
    assert report["rejected"] == 0, report["problems"]
    for kind in ("risks", "positions", "powers", "departments"):
        original = run_cli("list", kind, DEMO_REGISTER, "--format", "json").json()
        again = run_cli("list", kind, rebuilt, "--format", "json").json()
        if kind in ("positions", "departments"):
            # forms handed out for a new round leave the review blocks empty: reviewed anew
            assert all(not p["reviews"] for p in again)
            for p in original:
                p["reviews"] = []
        assert _strip(again) == _strip(original), kind


def test_prefilled_forms_import_into_their_register_without_a_change(tmp_path):
    assert run_cli("forms", "--out", tmp_path / "pre", "--register", DEMO_REGISTER, "--quiet").exit_code == 0
    register = tmp_path / "register"
    shutil.copytree(DEMO_REGISTER, register)
    before = snapshot(register)
    report = run_cli("import", tmp_path / "pre", "--into", register, "--format", "json").json()
    assert (report["rejected"], report["created"], report["updated"]) == (0, 0, 0)
    assert snapshot(register) == before


# -- property: any position written to its form reads back the same -------------------------

_HAN = "风险资金审批采购监督公开制度岗位工程项目人事财务廉政教育检查合同招标验收报销"
text = st.text(alphabet=_HAN + "，、", min_size=2, max_size=20).map(lambda s: s.strip("，、") or "风险")
point = st.fixed_dictionaries({
    "description": text,
    "type": st.sampled_from(["moral", "duty", "institution", "process", "external", None]),
    "level": st.sampled_from(["I", "II", "III", None]),
    "measures": st.lists(text, min_size=0, max_size=3, unique=True),
})


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    tier=st.sampled_from(["leader", "middle", "general"]),
    title=st.sampled_from(["科员", "科长", "副主任", "会计"]),
    holders=st.lists(st.sampled_from(["张某", "李某", "王某"]), min_size=1, max_size=2, unique=True),
    points=st.lists(point, min_size=1, max_size=4, unique_by=lambda p: p["description"]),
    grade=st.sampled_from(["A", "B", "C", None]),
    suffix=st.text(alphabet=string.digits, min_size=1, max_size=4),
)
def test_written_position_reads_back(tmp_path_factory, tier, title, holders, points, grade, suffix):
    from lzfk import ids
    from lzfk.excel.writer import position_form, write_form
    from lzfk.models import Department, DepartmentFile, Measure, Position, RiskPoint

    unit, dept = "某区人民政府办公室", "领导班子" if tier == "leader" else "财务科"
    oversees = "分管财务" + suffix if tier == "leader" else None
    pos = Position(id=ids.position_id(unit, dept, title, oversees), title=title, tier=tier, grade=grade,
                   holders=holders, oversees=oversees)
    rps = [RiskPoint(id=ids.risk_id(unit, dept, pos.id, p["description"]), position=pos.id, type=p["type"],
                     description=p["description"], level=p["level"], measures=[Measure(text=m) for m in p["measures"]])
           for p in points]
    df = DepartmentFile(department=Department(id=ids.department_id(unit, dept), unit=unit, name=dept), positions=[pos], risk_points=rps)
    tmp = tmp_path_factory.mktemp("prop")
    spec, content = position_form(df, pos, rps)
    write_form(spec, tmp / "form.xlsx", content)
    report = run_cli("import", tmp / "form.xlsx", "--into", tmp / "reg", "--format", "json").json()
    assert report["rejected"] == 0, report["problems"]
    got = run_cli("list", "risks", tmp / "reg", "--format", "json").json()
    expected = [(p["description"], p["type"], p["level"], p["measures"]) for p in points]
    assert sorted((r["description"], r["type"], r["level"], [m["text"] for m in r["measures"]]) for r in got) == sorted(expected)
    assert {(r["position"], r["tier"], r["grade"], tuple(r["holders"])) for r in got} == {(title, tier, grade, tuple(holders))}


def test_forms_never_overwrite_a_form_someone_filled_in(tmp_path):
    import openpyxl

    out = tmp_path / "forms"
    assert run_cli("forms", "--out", out, "--quiet").exit_code == 0
    before = snapshot(out)
    again = run_cli("forms", "--out", out, "--format", "json")  # a second run changes nothing
    assert again.exit_code == 0 and {f["status"] for f in again.json()["files"]} == {"unchanged"}
    assert snapshot(out) == before
    filled = out / "一般岗位廉政风险识别和防控表.xlsx"
    wb = openpyxl.load_workbook(filled)
    wb.active["C6"] = "违规收费"
    wb.save(filled)
    kept = snapshot(out)
    refused = run_cli("forms", "--out", out)
    assert refused.exit_code == 4
    assert "一般岗位廉政风险识别和防控表.xlsx" in refused.stderr and "--overwrite" in refused.stderr
    assert snapshot(out) == kept  # nothing written, not even the other forms
    assert run_cli("forms", "--out", out, "--overwrite", "--quiet").exit_code == 0
    assert snapshot(out)[filled.name] != kept[filled.name]


def test_labels_have_room_to_print(tmp_path):
    """Header labels fit on one line and review labels on two, however narrow the table's
    first column (序号): squeezed into it they wrapped onto each other when printed."""
    import openpyxl
    from openpyxl.utils import get_column_letter

    from lzfk.excel.writer import _text_width
    from lzfk.formspec import HEADER_FIELDS
    from lzfk.vocab import ReviewStage

    assert run_cli("forms", "--out", tmp_path, "--quiet").exit_code == 0
    headers = {f.label for f in HEADER_FIELDS.values()}
    stages = {s.label for s in ReviewStage}
    checked = 0
    for path in sorted(tmp_path.glob("*.xlsx")):
        ws = openpyxl.load_workbook(path).active
        spans = {(r.min_row, r.min_col): (r.min_col, r.max_col) for r in ws.merged_cells.ranges}
        for row in ws.iter_rows():
            for cell in row:
                if cell.value in headers or cell.value in stages:
                    first, last = spans.get((cell.row, cell.column), (cell.column, cell.column))
                    room = sum(ws.column_dimensions[get_column_letter(c)].width for c in range(first, last + 1))
                    need = _text_width(cell.value) if cell.value in headers else _text_width(cell.value) / 2
                    assert room >= need, (path.name, cell.coordinate, cell.value, room)
                    checked += 1
    assert checked > 30


def test_prefilled_form_has_room_for_new_points_and_empty_review_blocks(tmp_path):
    import openpyxl

    out = tmp_path / "pre"
    assert run_cli("forms", "--out", out, "--register", DEMO_REGISTER, "--quiet").exit_code == 0
    path = next(out.glob("*人事科-科员-*.xlsx"))
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    rows = list(ws.iter_rows(values_only=True))
    assert not [v for row in rows for v in row if isinstance(v, str) and v.startswith("同意")]  # last round's opinions
    header = next(i for i, row in enumerate(rows, 1) if "风险点" in row)
    point_col = rows[header - 1].index("风险点") + 1
    level_col = rows[header - 1].index("风险等级") + 1
    review = next(i for i, row in enumerate(rows, 1) if row[0] and "审查意见" in str(row[0]))
    spare = [r for r in range(header + 1, review) if not ws.cell(r, point_col).value]
    assert len(spare) == 3
    letter = openpyxl.utils.get_column_letter(level_col)
    assert any(f"{letter}{spare[-1]}" in dv.sqref for dv in ws.data_validations.dataValidation)
    ws.cell(spare[0], point_col).value = "考核结果泄露"
    ws.cell(spare[0], level_col).value = "Ⅲ级"
    wb.save(path)
    register = tmp_path / "reg"
    shutil.copytree(DEMO_REGISTER, register)
    report = run_cli("import", path, "--into", register, "--format", "json").json()
    assert (report["created"], report["rejected"]) == (1, 0)
    added = [r for r in run_cli("list", "risks", register, "--format", "json").json() if r["description"] == "考核结果泄露"]
    assert [(r["level"], r["position"]) for r in added] == [("III", "科员")]
