"""Behaviour a user trial asked for: where unit-less forms go, unreadable review dates,
shareable files, formats known by content, registers found only where they are."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import openpyxl
import pytest

from conftest import DEMO_FORMS, DEMO_REGISTER, SAMPLES, run_cli

DEPT_REGISTER = DEMO_FORMS / "部室登记表-计划财务科.xlsx"  # names no unit
GENERAL = next(DEMO_FORMS.glob("一般岗位-人事科-*.xlsx"))  # names 某区人民政府办公室


def _units(register):
    return {(d["unit"], d["name"]) for d in run_cli("list", "departments", register, "--format", "json").json()}


def test_unit_less_form_takes_the_batch_majority_not_the_register_unit(tmp_path):
    register = tmp_path / "reg"
    if SAMPLES.exists():  # first make a register whose own unit (某县财政局) differs from the batch's
        assert run_cli("import", SAMPLES / "中层岗位廉政风险识别和防控表-预算科.xlsx", "--into", register).exit_code == 0
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(DEPT_REGISTER, batch)
    shutil.copy(GENERAL, batch)
    report = run_cli("import", batch, "--into", register, "--format", "json").json()
    assert ("某区人民政府办公室", "计划财务科") in _units(register)
    (warning,) = [p for p in report["problems"] if p["code"] == "unit-assumed"]
    assert warning["severity"] == "warning" and "某区人民政府办公室" in warning["message"] and "多数" in warning["message"]


def test_explicit_unit_is_used_without_a_warning(tmp_path):
    report = run_cli("import", DEPT_REGISTER, "--into", tmp_path / "reg", "--unit", "某市审计局", "--format", "json").json()
    assert _units(tmp_path / "reg") == {("某市审计局", "计划财务科")}
    assert not [p for p in report["problems"] if p["code"] == "unit-assumed"]


def _form_with_review_date(tmp_path, date_text):
    path = tmp_path / "form.xlsx"
    shutil.copy(GENERAL, path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    for row in ws.iter_rows():
        if row[0].value and "领导小组审查意见" in str(row[0].value):
            row[-1].value = date_text
            cell = row[-1].coordinate
    wb.save(path)
    return path, cell


def test_unreadable_review_date_is_an_error_at_its_cell(tmp_path):
    path, cell = _form_with_review_date(tmp_path, "2024年13月45日")
    result = run_cli("import", path, "--into", tmp_path / "reg", "--format", "json")
    assert result.exit_code == 1
    (problem,) = [p for p in result.json()["problems"] if p["severity"] == "error"]
    assert (problem["code"], problem["cell"], problem["value"]) == ("bad-date", cell, "2024年13月45日")


def test_review_date_in_chinese_numerals(tmp_path):
    path, _ = _form_with_review_date(tmp_path, "二〇二四年三月五日")
    assert run_cli("import", path, "--into", tmp_path / "reg").exit_code == 0
    positions = run_cli("list", "positions", tmp_path / "reg", "--format", "json").json()
    assert "2024-03-05" in [r["date"] for p in positions for r in p["reviews"]]


def test_written_files_follow_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        assert run_cli("import", DEPT_REGISTER, "--into", tmp_path / "reg").exit_code == 0
        assert run_cli("forms", "--out", tmp_path / "forms", "--quiet").exit_code == 0
    finally:
        os.umask(old)
    for path in [*(tmp_path / "reg").rglob("*.yaml"), *(tmp_path / "forms").glob("*.xlsx")]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path


def test_format_is_known_by_content_not_extension(tmp_path):
    renamed = tmp_path / "计划财务科.xls"  # really .xlsx
    shutil.copy(DEPT_REGISTER, renamed)
    result = run_cli("import", renamed, "--into", tmp_path / "reg", "--format", "json")
    assert result.exit_code == 0 and result.json()["created"] == 5


def test_a_folder_that_is_not_a_register_is_refused(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "x.yaml").write_text("a: 1\n")
    for args in (("stats", tmp_path), ("list", "risks", tmp_path), ("check", tmp_path)):
        result = run_cli(*args)
        assert result.exit_code == 3 and "不是台账目录" in result.stderr, args
    result = run_cli("import", DEPT_REGISTER, "--into", tmp_path)
    assert result.exit_code == 3 and "不是台账" in result.stderr


def test_a_register_reads_only_its_own_files(tmp_path):
    register = tmp_path / "reg"
    shutil.copytree(DEMO_REGISTER, register)
    (register / "某区人民政府办公室" / "deep").mkdir()
    (register / "某区人民政府办公室" / "deep" / "stray.yaml").write_text("not: ours\n")
    assert run_cli("stats", register).exit_code == 0


def test_piping_into_head_is_not_an_error(tmp_path):
    import subprocess
    import sys

    lzfk = f'"{sys.executable}" -m lzfk'
    for command in (f"{lzfk} stats '{DEMO_REGISTER}'", f"{lzfk} list risks '{DEMO_REGISTER}'",
                    f"{lzfk} list risks '{DEMO_REGISTER}' --format json"):
        result = subprocess.run(["bash", "-c", f"set -o pipefail; {command} | head -1 > /dev/null"],
                                capture_output=True, text=True, timeout=120, cwd=DEMO_REGISTER.parents[2])
        assert result.returncode == 0, (command, result.stderr)
        assert "Traceback" not in result.stderr


def test_drop_downs_cover_the_table_but_not_the_signature_rows(tmp_path):
    assert run_cli("forms", "--out", tmp_path, "--quiet").exit_code == 0
    from openpyxl.utils.cell import range_boundaries

    for path in tmp_path.glob("*.xlsx"):
        ws = openpyxl.load_workbook(path).active
        review_rows = [c.row for c in ws["A"] if isinstance(c.value, str) and c.value.endswith(("意见", "审核意见"))]
        for dv in ws.data_validations.dataValidation:
            for rng in str(dv.sqref).split():
                _, _, _, max_row = range_boundaries(rng)
                assert not review_rows or max_row < min(review_rows), (path.name, rng)


def test_piped_table_output_is_not_cut_to_80_columns(tmp_path):
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "lzfk", "list", "risks", str(DEMO_REGISTER)], capture_output=True,
                         text=True, timeout=120, cwd=DEMO_REGISTER.parents[2]).stdout
    ids = [line for line in out.splitlines() if "│ R-" in line]
    assert ids and all(len(line.split("│")[1].strip()) == 14 for line in ids)  # R- + 12 hex digits on one line


def test_a_revised_form_under_a_new_name_is_a_conflict_not_ignored(tmp_path):
    """Units resubmit 修订版 files: a difference from the register is never dropped silently."""
    register = tmp_path / "reg"
    assert run_cli("import", DEPT_REGISTER, "--into", register, "--unit", "U").exit_code == 0
    revised = tmp_path / "计划财务科-修订版.xlsx"
    shutil.copy(DEPT_REGISTER, revised)
    wb = openpyxl.load_workbook(revised)
    ws = wb.active
    level_cell = next(c for row in ws.iter_rows() for c in row if c.value in ("一级", "二级", "三级", "Ⅰ级", "Ⅱ级", "Ⅲ级", "高", "中", "低"))
    old = level_cell.value
    level_cell.value = "三级" if old not in ("三级", "Ⅲ级", "低") else "一级"
    wb.save(revised)
    stop = run_cli("import", revised, "--into", register, "--unit", "U", "--format", "json")
    assert stop.exit_code == 1
    (conflict,) = [p for p in stop.json()["problems"] if p["code"] == "conflict"]
    assert "风险等级：台账为" in conflict["message"] and "台账中的记录来自" in conflict["message"]
    assert run_cli("import", revised, "--into", register, "--unit", "U", "--on-conflict", "skip").exit_code == 0
    update = run_cli("import", revised, "--into", register, "--unit", "U", "--on-conflict", "update", "--format", "json")
    assert update.exit_code == 0 and update.json()["updated"] == 1


def test_check_lists_every_problem_of_a_damaged_register(tmp_path):
    register = tmp_path / "reg"
    shutil.copytree(DEMO_REGISTER, register)
    unit = register / "某区人民政府办公室"
    first, second, third, fourth = sorted(unit.glob("*.yaml"))[:4]
    dept_id = next(line.split()[1] for line in first.read_text("utf-8").splitlines() if line.startswith("  id: D-"))
    text = second.read_text("utf-8").splitlines()
    text[[i for i, l in enumerate(text) if l.startswith("  id: D-")][0]] = f"  id: {dept_id}"
    second.write_text("\n".join(text) + "\n", "utf-8")
    third.write_text(third.read_text("utf-8").replace("format: lzfk/1", "format: lzfk/9", 1), "utf-8")
    fourth.write_text("", "utf-8")
    report = run_cli("check", register, "--format", "json")
    assert report.exit_code == 1
    codes = sorted(p["code"] for p in report.json()["problems"] if p["severity"] == "error")
    assert codes == ["duplicate-id", "register-invalid", "register-unreadable"]
    stats = run_cli("stats", register)
    assert stats.exit_code == 3 and "lzfk check" in stats.stderr


def test_check_flags_one_person_in_two_departments(tmp_path):
    register = tmp_path / "reg"
    shutil.copytree(DEMO_REGISTER, register)
    path = register / "某区人民政府办公室" / "秘书科.yaml"
    text = path.read_text("utf-8")
    holder = next(l.split("- ")[1] for l in text.splitlines() if l.startswith("      - ") and "某" in l)
    title = next(l.split(": ")[1] for l in text.splitlines() if l.startswith("    title: "))
    other = register / "某区人民政府办公室" / "信息科.yaml"
    from lzfk.register import dump_department, load_register

    reg = load_register(register)
    (df,) = [d for d in reg.files.values() if d.department.name == "信息科"]
    df.positions[0].title, df.positions[0].holders = title, [holder]
    other.write_text(dump_department(df), "utf-8")
    problems = run_cli("check", register, "--format", "json").json()["problems"]
    assert any(p["code"] == "possible-duplicate" and holder in p["message"] for p in problems)


def test_unit_less_form_alone_is_flagged(tmp_path):
    report = run_cli("import", DEPT_REGISTER, "--into", tmp_path / "reg", "--format", "json").json()
    assert [(p["code"], p["field"]) for p in report["problems"]] == [("incomplete", "单位")]


# -- several people in one post: each hands in a form of their own -------------------------

def _same_post_other_holder(tmp_path, name: str, day_shift: int = 1):
    """GENERAL's post filled in by ``name``, its review blocks dated ``day_shift`` days later."""
    wb = openpyxl.load_workbook(GENERAL)
    ws = wb.active
    holder = None
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("2011年6月") and cell.value.endswith("日"):
                day = int(cell.value[len("2011年6月"):-1])
                cell.value = f"2011年6月{day + day_shift}日"
            if cell.coordinate == "B4":
                holder, cell.value = cell.value, name
    assert holder and holder != name
    path = tmp_path / f"一般岗位-{name}.xlsx"
    wb.save(path)
    return path, holder


def _reviews(register):
    """The post of GENERAL (人事科 科员) as ``lzfk list positions`` shows it."""
    (post,) = [p for p in run_cli("list", "positions", register, "--format", "json").json()
               if p["department"] == "人事科" and p["title"] == "科员"]
    return post


def test_two_holders_of_one_post_are_reviewed_each_on_their_own_form(tmp_path):
    other, holder = _same_post_other_holder(tmp_path, "钱某")
    register = tmp_path / "reg"
    report = run_cli("import", GENERAL, other, "--into", register, "--format", "json").json()
    assert (report["accepted"], report["rejected"]) == (2, 0), report["problems"]
    post = _reviews(register)
    assert post["holders"] == [holder, "钱某"]
    assert sorted((r["filled_by"], r["stage"], r["date"]) for r in post["reviews"]) == [
        (holder, "leadership", "2011-06-24"), (holder, "supervisor", "2011-06-20"),
        ("钱某", "leadership", "2011-06-25"), ("钱某", "supervisor", "2011-06-21"),
    ]


def test_one_holders_form_resubmitted_with_other_review_dates_is_a_conflict(tmp_path):
    register = tmp_path / "reg"
    assert run_cli("import", GENERAL, "--into", register).exit_code == 0
    wb = openpyxl.load_workbook(GENERAL)
    for row in wb.active.iter_rows():
        for cell in row:
            if cell.value == "2011年6月20日":
                cell.value = "2011年6月22日"
    revised = tmp_path / "revised.xlsx"
    wb.save(revised)
    result = run_cli("import", revised, "--into", register)
    assert result.exit_code == 1
    assert "审核意见" in result.stderr and "2011-06-20" in result.stderr and "2011-06-22" in result.stderr


def test_reviews_kept_without_filled_by_are_taken_over_not_doubled(tmp_path):
    """A register written before reviews named their form's holder: re-importing adds the
    name to the review it already has, without a conflict or a second copy."""
    register = tmp_path / "reg"
    assert run_cli("import", GENERAL, "--into", register).exit_code == 0
    for path in register.rglob("*.yaml"):
        text = path.read_text("utf-8")
        path.write_text("\n".join(line for line in text.split("\n") if not line.strip().startswith("filled_by:")), "utf-8")
    assert all(r["filled_by"] is None for r in _reviews(register)["reviews"])
    report = run_cli("import", GENERAL, "--into", register, "--format", "json").json()
    assert report["rejected"] == 0 and report["updated"] == 1
    reviews = _reviews(register)["reviews"]
    assert len(reviews) == 2 and all(r["filled_by"] for r in reviews)


def test_a_header_lzfk_does_not_know_is_reported_not_dropped_silently(tmp_path):
    wb = openpyxl.load_workbook(GENERAL)
    (cell,) = [c for row in wb.active.iter_rows() for c in row if isinstance(c.value, str) and c.value.strip() in ("风险级别", "风险等级")]
    cell.value = "风险等次"
    renamed = tmp_path / "renamed.xlsx"
    wb.save(renamed)
    result = run_cli("import", renamed, "--into", tmp_path / "reg", "--format", "json")
    assert result.exit_code == 0
    (warning,) = [p for p in result.json()["problems"] if p["code"] == "unknown-column"]
    assert (warning["severity"], warning["cell"], warning["value"]) == ("warning", cell.coordinate, "风险等次")
    assert "无法识别" in warning["message"] and "未导入" in warning["message"]
    table = run_cli("import", renamed, "--into", tmp_path / "reg2")
    assert "风险等次" in table.stderr


def test_skip_and_update_say_which_records_and_values(tmp_path):
    register = tmp_path / "reg"
    assert run_cli("import", GENERAL, "--into", register).exit_code == 0
    wb = openpyxl.load_workbook(GENERAL)
    (cell,) = [c for row in wb.active.iter_rows() for c in row if c.value == "Ⅱ级"][:1]
    cell.value = "Ⅰ级"
    changed = tmp_path / "changed.xlsx"
    wb.save(changed)
    for mode, code in (("skip", "conflict-skipped"), ("update", "conflict-updated")):
        report = run_cli("import", changed, "--into", register, "--on-conflict", mode, "--format", "json").json()
        assert report["rejected"] == 0
        (warning,) = [p for p in report["problems"] if p["code"] == code]
        assert warning["severity"] == "warning" and "风险等级" in warning["message"]
        assert "Ⅱ级" in warning["message"] and "Ⅰ级" in warning["message"] and mode in warning["message"]


def test_check_explains_the_codes_a_register_file_takes(tmp_path):
    register = tmp_path / "reg"
    shutil.copytree(DEMO_REGISTER, register)
    path = next(register.glob("*/人事科.yaml"))
    path.write_text(path.read_text("utf-8").replace("type: duty", "type: 岗位职责风险", 1), "utf-8")
    result = run_cli("check", register, "--format", "json")
    assert result.exit_code == 1
    (error,) = [p for p in result.json()["problems"] if p["code"] == "register-invalid"]
    assert "duty（岗位职责风险）" in error["message"] and "moral（思想道德风险）" in error["message"]


def test_post_without_its_department_says_the_department_is_missing(tmp_path):
    wb = openpyxl.load_workbook(GENERAL)
    (cell,) = [c for row in wb.active.iter_rows(max_row=5) for c in row if isinstance(c.value, str) and "人事科" in c.value]
    cell.value = "科员"
    path = tmp_path / "只填岗位.xlsx"
    wb.save(path)
    report = run_cli("import", path, "--into", tmp_path / "reg", "--format", "json").json()
    (warning,) = [p for p in report["problems"] if p["code"] == "incomplete"]
    assert (warning["cell"], warning["field"]) == (cell.coordinate, "所在科室")


def test_a_form_resubmitted_without_a_point_says_the_point_stays(tmp_path):
    form = tmp_path / "一般岗位.xlsx"
    shutil.copy(GENERAL, form)
    register = tmp_path / "reg"
    assert run_cli("import", form, "--into", register).exit_code == 0
    wb = openpyxl.load_workbook(form)
    ws = wb.active
    (row,) = [c.row for c in ws["C"] if c.value == "泄露人事信息"]
    for cell in ws[row]:
        if cell.coordinate not in ws.merged_cells:
            cell.value = None
    wb.save(form)
    report = run_cli("import", form, "--into", register, "--format", "json").json()
    assert report["rejected"] == 0
    (warning,) = [p for p in report["problems"] if p["code"] == "not-listed"]
    assert "泄露人事信息" in warning["message"] and "不会删除" in warning["message"]
    assert any(r["description"] == "泄露人事信息" for r in run_cli("list", "risks", register, "--format", "json").json())
    # the demo's shared posts: each holder's form lists its own points, and that is no omission
    demo = tmp_path / "demo"
    shutil.copytree(DEMO_REGISTER, demo)
    again = run_cli("import", DEMO_FORMS, "--into", demo, "--format", "json").json()
    assert not [p for p in again["problems"] if p["code"] == "not-listed"]


def _general_form(path, department_and_title: str):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["一般岗位廉政风险识别和防控表"])
    ws.append(["单位（盖章）：某县财政局"])
    ws.append(["姓名：李某", None, f"所在科室及职务：{department_and_title}"])
    ws.append(["岗位职责", "工作流程", "风险点", "风险类型", "风险级别", "防控措施"])
    ws.append(["记账", "流程", "支付审核不严", "岗位职责风险", "二级", "复核"])
    wb.save(path)
    return path


def test_department_in_brackets_after_the_post(tmp_path):
    form = _general_form(tmp_path / "a.xlsx", "出纳（国库科）")
    assert run_cli("import", form, "--into", tmp_path / "reg").exit_code == 0
    (position,) = run_cli("list", "positions", tmp_path / "reg", "--format", "json").json()
    assert (position["department"], position["title"]) == ("国库科", "出纳")


def test_department_without_the_post_names_the_post_as_missing(tmp_path):
    form = _general_form(tmp_path / "a.xlsx", "国库科")
    result = run_cli("import", form, "--into", tmp_path / "reg", "--format", "json")
    assert result.exit_code == 1
    (error,) = [p for p in result.json()["problems"] if p["severity"] == "error"]
    assert (error["code"], error["cell"], error["field"]) == ("missing-value", "C3", "职务")


def _reviewed_form(path, name: str, opinion: str, date: str):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["一般岗位廉政风险识别和防控表"])
    ws.append(["单位（盖章）：某县财政局"])
    ws.append(["姓名", name, "所在科室及职务", "国库科 会计"])
    ws.append(["岗位职责", "工作流程", "风险点", "风险类型", "风险级别", "防控措施"])
    ws.append(["记账", "流程", "违规支付", "岗位职责风险", "二级", "复核"])
    ws.append(["单位主管领导审查意见", opinion, None, None, date])
    wb.save(path)
    return path


def _position_reviews(register):
    from lzfk.register import load_register

    reg = load_register(register)
    (pos,) = [p for df in reg.files.values() for p in df.positions]
    return [(r.filled_by, r.opinion, r.date.isoformat()) for r in pos.reviews]


def test_next_years_review_is_added_not_a_conflict(tmp_path):
    """The forms go round every year: a 2012 review of last year's post is history, not a change."""
    reg = tmp_path / "reg"
    assert run_cli("import", _reviewed_form(tmp_path / "2011.xlsx", "王某", "同意。", "2011年6月22日"), "--into", reg).exit_code == 0
    assert run_cli("import", _reviewed_form(tmp_path / "2012.xlsx", "王某", "同意。", "2012年6月20日"), "--into", reg).exit_code == 0
    assert _position_reviews(reg) == [("王某", "同意。", "2011-06-22"), ("王某", "同意。", "2012-06-20")]
    # a different date within one year is the same round changed: a conflict, as before
    changed = run_cli("import", _reviewed_form(tmp_path / "改.xlsx", "王某", "同意。", "2012年7月1日"), "--into", reg)
    assert changed.exit_code == 1 and "审核意见" in changed.stderr


def test_update_replaces_only_the_forms_own_reviews(tmp_path):
    """--on-conflict update takes the form's reviews for its holder and year; another holder's
    and another year's stay."""
    reg = tmp_path / "reg"
    for name, holder, date in (("a", "王某", "2011年6月22日"), ("b", "王某", "2012年6月20日"), ("c", "李某", "2012年6月21日")):
        assert run_cli("import", _reviewed_form(tmp_path / f"{name}.xlsx", holder, "同意。", date), "--into", reg).exit_code == 0
    fixed = _reviewed_form(tmp_path / "d.xlsx", "王某", "同意，请补充措施。", "2012年6月20日")
    assert run_cli("import", fixed, "--into", reg, "--on-conflict", "update").exit_code == 0
    assert sorted(_position_reviews(reg)) == [("李某", "同意。", "2012-06-21"), ("王某", "同意。", "2011-06-22"),
                                     ("王某", "同意，请补充措施。", "2012-06-20")]


def _two_row_header(path, *, vertical_merges: bool, second_group: tuple[str, str] | None = None):
    """防控措施 over 前期预防 | 中期监控 | 后期处置 (the three lines of defence, seed 001), as
    registers that follow them lay it out; optionally a merged 风险评估 over two more labels."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["廉政风险点和防控措施登记表"])
    ws.append(["单位：某县财政局"])
    extra = ["风险评估", None] if second_group else []
    ws.append(["序号", "科室", "岗位", "风险点", "风险\n类别", "风险等级", "防控措施", None, None, *extra, "责任人", "完成时限"])
    ws.append([None] * 6 + ["前期预防", "中期监控", "后期处置", *(second_group or ()), None, None])
    ws.merge_cells("G3:I3")
    if second_group:
        ws.merge_cells("J3:K3")
    if vertical_merges:
        for col in ("A", "B", "C", "D", "E", "F", *(("L", "M") if second_group else ("J", "K"))):
            ws.merge_cells(f"{col}3:{col}4")
    grades = ["高", "低"] if second_group else []
    ws.append([1, "会计科", "会计", "报销审核不严", "岗位职责", "二级", "加强教育", "定期抽查", "追责", *grades, "周某", "2012年12月31日"])
    ws.append([2, "会计科", "出纳", "现金管理不严", "岗位职责", "三级", "1.加强教育；2.签订承诺", None, "追责", *grades, "周某", "2012年12月31日"])
    wb.save(path)
    return path


def test_measures_under_a_second_header_row_take_their_stage(tmp_path):
    for merged in (True, False):
        reg = tmp_path / f"reg-{merged}"
        form = _two_row_header(tmp_path / f"two-{merged}.xlsx", vertical_merges=merged)
        result = run_cli("import", form, "--into", reg, "--format", "json")
        assert result.exit_code == 0, result.output
        assert not [p for p in result.json()["problems"] if p["severity"] == "error"]
        risks = {r["description"]: r for r in run_cli("list", "risks", reg, "--format", "json").json()}
        assert set(risks) == {"报销审核不严", "现金管理不严"}
        assert [(m["text"], m["stage"], m["owner"]) for m in risks["报销审核不严"]["measures"]] == [
            ("加强教育", "prevention", "周某"), ("定期抽查", "monitoring", "周某"), ("追责", "disposal", "周某")]
        assert [(m["text"], m["stage"]) for m in risks["现金管理不严"]["measures"]] == [
            ("加强教育", "prevention"), ("签订承诺", "prevention"), ("追责", "disposal")]
        assert (risks["报销审核不严"]["level"], risks["现金管理不严"]["level"]) == ("II", "III")


def test_a_merged_header_over_known_labels_gives_each_column_its_field(tmp_path):
    form = _two_row_header(tmp_path / "two.xlsx", vertical_merges=True, second_group=("发生可能性", "危害程度"))
    reg = tmp_path / "reg"
    result = run_cli("import", form, "--into", reg, "--format", "json")
    assert result.exit_code == 0, result.output
    risk = next(r for r in run_cli("list", "risks", reg, "--format", "json").json() if r["description"] == "报销审核不严")
    assert (risk["likelihood"], risk["harm"]) == ("high", "low")


_LIST_HEADER = ["序号", "单位", "科室", "岗位", "风险类别", "风险点", "主要内容及表现形式", "风险等级", "防控措施", "部门负责人", "责任领导"]
_LIST_ROWS = [[1, "某县财政局", "国库科", "出纳", "岗位职责风险", "资金支付审核不严", "违规支付", "一级", "双人复核", "郑某", "陈某"],
              [1, "某县财政局", "预算科", "科员", "业务流程风险", "预算编制随意", "人情预算", "三级", "集体审议", "吴某", "陈某"]]


@pytest.mark.parametrize("extra", [
    pytest.param([_LIST_ROWS[0], ["", "", "国库科小计", "", "", "2"], _LIST_ROWS[1], ["合  计", "", "", "", "", "3个风险点"]], id="totals"),
    pytest.param([_LIST_ROWS[0], _LIST_HEADER, _LIST_ROWS[1]], id="header-repeated"),
    pytest.param([*_LIST_ROWS, ["填表人：张某", "", "", "", "", "", "", "填表日期：2012年6月30日"]], id="footer"),
])
def test_rows_of_a_printed_table_that_are_no_risk_points(tmp_path, extra):
    """小计/合计 lines, the header repeated on each printed page and a signature footer were
    read as risk points (国库科小计 as a department, “3个风险点” as a point) or refused."""
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["某县廉政风险点一览表"], _LIST_HEADER, *extra):
        ws.append(row)
    wb.save(tmp_path / "list.xlsx")
    result = run_cli("import", tmp_path / "list.xlsx", "--into", tmp_path / "reg", "--format", "json")
    assert result.exit_code == 0, result.output
    risks = run_cli("list", "risks", tmp_path / "reg", "--format", "json").json()
    assert sorted((r["department"], r["description"]) for r in risks) == [("国库科", "资金支付审核不严"), ("预算科", "预算编制随意")]


def test_a_risk_point_ending_in_a_total_word_is_kept(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["某县廉政风险点一览表"], _LIST_HEADER, [1, "某县财政局", "国库科", "出纳", "岗位职责风险", "报销票据合计", "虚报", "一级", "复核", "郑某", "陈某"]):
        ws.append(row)
    wb.save(tmp_path / "list.xlsx")
    assert run_cli("import", tmp_path / "list.xlsx", "--into", tmp_path / "reg").exit_code == 0
    assert [r["description"] for r in run_cli("list", "risks", tmp_path / "reg", "--format", "json").json()] == ["报销票据合计"]


_UNTITLED = {
    "middle": [["单位（盖章）", "某县财政局"], ["所在科室", "预算科", None, "职务", "科长"],
               ["科室负责人", "吴某", None, "岗位风险等级", None, "A"],
               ["岗位职责", "工作流程", "风险点", "风险类型", "风险等级", "防控措施"],
               ["预算编制", "编制", "预算分配不公", "岗位职责风险", "Ⅰ级", "集体研究"]],
    "leader": [["单位（盖章）", "某县财政局"], ["姓名", "王某", None, "职务", "副局长"],
               ["岗位风险等级", "A", None, "分管工作", "财务、审计"],
               ["岗位职责", "工作流程", "风险点", "风险类型", "风险等级", "防控措施"],
               ["分管财务", "审批", "大额资金审批把关不严", "岗位职责风险", "Ⅰ级", "集体研究"]],
}


@pytest.mark.parametrize("kind,sheet_name,expected", [
    ("middle", "Sheet1", ("预算科", "科长", "middle", "A", ["吴某"])),
    ("middle", "中层岗位廉政风险识别和防控表", ("预算科", "科长", "middle", "A", ["吴某"])),
    ("leader", "Sheet1", ("领导班子", "副局长", "leader", "A", ["王某"])),
])
def test_a_position_form_without_its_title_row(tmp_path, kind, sheet_name, expected):
    """Without the title, a middle form was read as a department register and a leader form
    as a self-check: the post, its tier and grade were dropped without a word."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet_name
    for row in _UNTITLED[kind]:
        ws.append(row)
    wb.save(tmp_path / "form.xlsx")
    report = run_cli("import", tmp_path / "form.xlsx", "--into", tmp_path / "reg", "--format", "json").json()
    assert report["files"][0]["forms"][0]["form"] == kind
    (position,) = run_cli("list", "positions", tmp_path / "reg", "--format", "json").json()
    assert (position["department"], position["title"], position["tier"], position["grade"], position["holders"]) == expected


def test_pre_filled_form_of_a_unit_less_record_imports_back_unchanged(tmp_path):
    """A record kept without a unit gets a pre-filled form saying 单位：未注明单位; imported back
    with forms that name a unit, it used to take theirs and duplicate every record."""
    reg = tmp_path / "reg"
    assert run_cli("import", DEPT_REGISTER, "--into", reg).exit_code == 0
    assert _units(reg) == {(None, "计划财务科")}
    assert "所属的单位" in run_cli("check", reg).stderr  # check names what is missing
    assert run_cli("forms", "--out", tmp_path / "forms", "--register", reg, "--quiet").exit_code == 0
    (form,) = (tmp_path / "forms").rglob("*.xlsx")
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(form, batch)
    shutil.copy(GENERAL, batch)  # names 某区人民政府办公室: the batch's majority unit
    report = run_cli("import", batch, "--into", reg, "--format", "json").json()
    files = {Path(f["file"]).name: f for f in report["files"]}
    assert files[form.name]["counts"]["created"] == 0 and files[form.name]["counts"]["unchanged"] > 0
    assert (None, "计划财务科") in _units(reg) and ("某区人民政府办公室", "计划财务科") not in _units(reg)


def test_department_self_check_names_its_department_with_a_seal(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["部门岗位风险点自查表"], ["部门（盖章）：后勤管理处", "", "", "", "部门负责人：周某"],
                ["序号", "风险点", "风险表现", "风险类型", "风险等级", "防控措施", "责任人"],
                [1, "采购验收不严", "以次充好", "业务流程", "二级", "双人验收", "周某"]):
        ws.append(row)
    wb.save(tmp_path / "a.xlsx")
    assert run_cli("import", tmp_path / "a.xlsx", "--into", tmp_path / "reg", "--unit", "某大学").exit_code == 0
    assert _units(tmp_path / "reg") == {("某大学", "后勤管理处")}
    ws["A2"] = "单位：某大学"
    wb.save(tmp_path / "b.xlsx")
    missing = run_cli("import", tmp_path / "b.xlsx", "--into", tmp_path / "reg2")
    assert "「部门」未填写" in missing.stderr  # the form's own word, not 科室


def test_wps_et_files_in_a_folder_are_tried_not_skipped(tmp_path):
    """WPS offices save .et; WPS often writes .xls content under that name. A folder import
    tried only the four Excel/ODS suffixes and skipped .et files without a word."""
    folder = tmp_path / "forms"
    folder.mkdir()
    shutil.copy(next(DEMO_FORMS.glob("*.xls")), folder / "readable.et")
    (folder / "broken.et").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    result = run_cli("import", folder, "--into", tmp_path / "reg", "--format", "json")
    status = {Path(f["file"]).name: f["status"] for f in result.json()["files"]}
    assert status == {"readable.et": "accepted", "broken.et": "unreadable"}
    (problem,) = [p for p in result.json()["problems"] if p["severity"] == "error"]
    assert "另存为” .xlsx" in problem["message"] and result.exit_code == 3


def test_an_ongoing_deadline_is_kept_without_a_date(tmp_path):
    """完成时限 长期坚持 rejected the whole department register as a bad date."""
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["部室廉政风险防控登记表"], ["单位：某县财政局", "", "部室：国库科", "", "负责人：周某"],
                ["序号", "风险点", "表现形式", "风险类型", "风险等级", "防控措施", "防控阶段", "责任人", "完成时限"],
                [1, "支付审核不严", "违规支付", "岗位职责", "二级", "复核", "前期预防", "周某", "长期坚持"],
                [2, "印章管理", "私用", "制度机制", "三级", "专人保管", "中期监控", "周某", "2012年6月30日前"]):
        ws.append(row)
    wb.save(tmp_path / "a.xlsx")
    result = run_cli("import", tmp_path / "a.xlsx", "--into", tmp_path / "reg", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [(p["code"], p["cell"]) for p in result.json()["problems"]] == [("no-deadline", "I4")]
    measures = run_cli("list", "measures", tmp_path / "reg", "--format", "json").json()
    assert sorted((m["text"], m["deadline"]) for m in measures) == [("专人保管", "2012-06-30"), ("复核", None)]


def test_stats_of_a_forms_folder_says_to_import_it_elsewhere():
    result = run_cli("stats", DEMO_FORMS)
    assert result.exit_code == 3 and "是表格文件夹，不是台账目录" in result.stderr


def test_stats_title_of_a_register_with_several_units(tmp_path):
    reg = tmp_path / "reg"
    assert run_cli("import", GENERAL, "--into", reg).exit_code == 0
    assert run_cli("import", DEPT_REGISTER, "--into", reg, "--unit", "某市审计局").exit_code == 0
    stats = run_cli("stats", reg)
    assert "廉政风险台账汇总（2 个单位）" in stats.stdout
    assert run_cli("stats", reg, "--format", "json").json()["units"] == 2


def test_messages_without_a_cell_have_no_stray_space():
    from lzfk.problems import problem

    p = problem("conflict", file="a.xlsx", sheet="Sheet1", field="部门", value="秘书科", detail="x")
    assert "「Sheet1」部门“秘书科”" in p.message


def test_a_workbook_of_several_forms_names_each_kind_once():
    from lzfk.cli.import_cmd import _kinds
    from lzfk.importer import FileResult

    f = FileResult(file="x.xlsx", status="accepted", forms=[{"sheet": s, "form": "general"} for s in "ABCD"] + [{"sheet": "E", "form": "power_list"}])
    assert _kinds(f) == "一般岗位廉政风险识别和防控表×4、部门权力清单"


def test_check_warns_about_traditional_script_typed_into_the_register(tmp_path):
    """祕書科 typed into a register file passed check, then every form of that department
    was refused as a conflict on the next import (forms are converted to simplified)."""
    reg = tmp_path / "reg"
    shutil.copytree(DEMO_REGISTER, reg)
    (path,) = reg.glob("*/秘书科.yaml")
    path.write_text(path.read_text("utf-8").replace("\n  name: 秘书科\n", "\n  name: 祕書科\n", 1), "utf-8")
    report = run_cli("check", reg, "--format", "json").json()
    (warning,) = [p for p in report["problems"] if p["code"] == "traditional-script"]
    assert warning["field"] == "department.name" and "秘书科" in warning["message"]
    assert not [p for p in run_cli("check", DEMO_REGISTER, "--format", "json").json()["problems"] if p["code"] == "traditional-script"]


def test_a_dash_in_the_post_column_makes_a_department_wide_point(tmp_path):
    """A blank 岗位 cell means “same as above” (as a merged cell would); “—” or “无” says the
    point belongs to no post, which a blank could not say."""
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["某县廉政风险点一览表"], _LIST_HEADER,
                [1, "某县财政局", "国库科", "出纳", "岗位职责风险", "现金管理不严", "坐支", "高", "日清月结", "郑某", "陈某"],
                [2, "某县财政局", "国库科", "", "制度机制风险", "印章管理不严", "私用", "中", "专人保管", "郑某", "陈某"],
                [3, "某县财政局", "国库科", "—", "制度机制风险", "档案管理不严", "遗失", "低", "专人保管", "郑某", "陈某"]):
        ws.append(row)
    wb.save(tmp_path / "a.xlsx")
    assert run_cli("import", tmp_path / "a.xlsx", "--into", tmp_path / "reg").exit_code == 0
    risks = run_cli("list", "risks", tmp_path / "reg", "--format", "json").json()
    assert sorted((r["description"], r["position"]) for r in risks) == [
        ("印章管理不严", "出纳"), ("档案管理不严", None), ("现金管理不严", "出纳")]


def test_skip_keeps_the_registers_values_but_takes_what_only_adds(tmp_path):
    """A second holder's form whose grade differs: skip used to drop the whole record,
    losing the new holder and their review with the differing grade."""
    forms = tmp_path / "forms"
    forms.mkdir()
    for name, grade, level in (("何某", "B", "Ⅱ级"), ("徐某", "C", "Ⅲ级")):
        wb = openpyxl.Workbook()
        ws = wb.active
        for row in (["一般岗位廉政风险识别和防控表"], ["单位（盖章）：某区人民政府办公室"],
                    ["姓名", name, "", "所在科室及职务", "秘书科科员"], ["岗位风险等级", grade],
                    ["岗位职责", "工作流程", "风险点", "风险类型", "风险级别", "防控措施"],
                    ["收发", "收文→登记", "泄露文件内容", "岗位职责风险", level, "保密"],
                    ["单位主管领导审查意见", "同意", "", "", "签字：李某", "2011年6月20日"]):
            ws.append(row)
        wb.save(forms / f"{name}.xlsx")
    reg = tmp_path / "reg"
    result = run_cli("import", forms, "--into", reg, "--on-conflict", "skip", "--format", "json")
    assert result.exit_code == 0 and result.json()["skipped"] == 2
    (position,) = run_cli("list", "positions", reg, "--format", "json").json()
    assert position["holders"] == ["何某", "徐某"] and position["grade"] == "B"
    from lzfk.register import load_register

    (pos,) = [p for df in load_register(reg).files.values() for p in df.positions]
    assert sorted(r.filled_by for r in pos.reviews) == ["何某", "徐某"]
    (risk,) = run_cli("list", "risks", reg, "--format", "json").json()
    assert risk["level"] == "II"


def test_line_breaks_inside_cells_keep_items_apart(tmp_path):
    """徐某↵朱某 became one person 徐某朱某, 现金管理↵票据保管 one duty, 收款↵入账 one step."""
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["一般岗位廉政风险识别和防控表"], ["单位（盖章）：某区人民政府办公室"],
                ["姓名", "徐某\n朱某", "", "所在科室及职务", "财务科出纳"], ["岗位风险等级", "B"],
                ["岗位职责", "工作流程", "风险点", "风险类型", "风险级别", "防控措施"],
                ["现金管理\n票据保管", "收款\n入账\n存银行", "挪用现金", "岗位职责风险", "Ⅰ级", "每日盘点"]):
        ws.append(row)
    wb.save(tmp_path / "a.xlsx")
    assert run_cli("import", tmp_path / "a.xlsx", "--into", tmp_path / "reg").exit_code == 0
    from lzfk.register import load_register

    (pos,) = [p for df in load_register(tmp_path / "reg").files.values() for p in df.positions]
    assert (pos.holders, pos.duties, pos.workflow) == (["徐某", "朱某"], "现金管理；票据保管", "收款；入账；存银行")


@pytest.mark.parametrize("text,names", [("徐某 朱某", ["徐某", "朱某"]), ("王  某", ["王某"]), ("张某、李某", ["张某", "李某"])])
def test_names_spaced_apart_or_spaced_out(text, names):
    from lzfk.normalize import split_names

    assert split_names(text) == names


def test_a_later_heading_ends_the_three_important_section(tmp_path):
    """其他方面 after “三重一大”方面 was stored as a risk point, and the points under it were
    flagged 三重一大; numbered headings 一、岗位职责方面 got the file refused."""
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["领导岗位廉政风险识别和防控表"], ["单位（盖章）：某区人民政府办公室"], ["姓名", "陈某", "职务", "副主任"],
                ["岗位风险等级", "A", "分管工作", "人事"], ["风险点", "风险类型", "风险级别", "防控措施"], ["“三重一大”方面"],
                ["个人意见代替集体意见", "制度机制风险", "Ⅰ级", "票决制"], ["其他方面"],
                ["接受下属请托", "思想道德风险", "Ⅲ级", "廉政谈话"]):
        ws.append(row)
    wb.save(tmp_path / "leader.xlsx")
    assert run_cli("import", tmp_path / "leader.xlsx", "--into", tmp_path / "reg").exit_code == 0
    risks = {r["description"]: r["three_important"] for r in run_cli("list", "risks", tmp_path / "reg", "--format", "json").json()}
    assert risks == {"个人意见代替集体意见": ["general"], "接受下属请托": []}

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["一般岗位廉政风险识别和防控表"], ["单位（盖章）：某区人民政府办公室"], ["姓名", "何某", "", "所在科室及职务", "秘书科科员"],
                ["岗位风险等级", "B"], ["岗位职责", "工作流程", "风险点", "风险类型", "风险级别", "防控措施"], ["一、岗位职责方面"],
                ["收发", "登记", "泄露文件内容", "", "Ⅱ级", "保密"], ["二、思想道德方面"], ["收发", "登记", "接受宴请", "", "Ⅲ级", "教育"]):
        ws.append(row)
    ws.merge_cells("A6:F6")
    ws.merge_cells("A8:F8")
    wb.save(tmp_path / "general.xlsx")
    assert run_cli("import", tmp_path / "general.xlsx", "--into", tmp_path / "reg2").exit_code == 0
    types = {r["description"]: r["type"] for r in run_cli("list", "risks", tmp_path / "reg2", "--format", "json").json()}
    assert types == {"泄露文件内容": "duty", "接受宴请": "moral"}


def test_self_check_with_a_signature_footer_and_seed_wordings(tmp_path):
    """A 主管领导签字：… 日期：… footer got the self-check refused; 防控办法 / 防控责任人 columns were
    dropped (the points kept no measures, silently); 一级风险点 and A类 were not understood."""
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["个人岗位风险点自查表"], ["单位：某区人民政府办公室", "", "姓名：郑某", "", "职务：科长", ""], ["所在部门：信息科"],
                ["序号", "风险点", "风险内容及表现形式", "风险类别", "风险等级", "防控办法", "防控责任人"],
                [1, "设备采购", "收受好处", "外部环境", "一级风险点", "公开招标", "郑某"],
                ["主管领导签字：刘某", "", "", "", "日期：2023年3月20日", ""]):
        ws.append(row)
    wb.save(tmp_path / "a.xlsx")
    result = run_cli("import", tmp_path / "a.xlsx", "--into", tmp_path / "reg", "--format", "json")
    assert result.exit_code == 0, result.output
    (risk,) = run_cli("list", "risks", tmp_path / "reg", "--format", "json").json()
    assert risk["level"] == "I" and [(m["text"], m["owner"]) for m in risk["measures"]] == [("公开招标", "郑某")]


def test_a_form_without_a_measures_column_says_so(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["廉政风险点排查表"], ["单位：某区人民政府办公室"], ["序号", "所在部门", "岗位名称", "廉政风险点", "主要表现", "风险级别", "应对"],
                [1, "办公室", "主任", "公车使用", "公车私用", "高", "建立登记制度"]):
        ws.append(row)
    wb.save(tmp_path / "a.xlsx")
    result = run_cli("import", tmp_path / "a.xlsx", "--into", tmp_path / "reg", "--format", "json")
    assert "no-measures-column" in {p["code"] for p in result.json()["problems"]}


@pytest.mark.parametrize("title,unit", [
    ("某镇人民政府廉政风险点和防控措施登记表", "某镇人民政府"),
    ("某县财政局2012年度廉政风险点一览表", "某县财政局"),
    ("市交通运输局部门权力清单", "市交通运输局"),
    ("办公室廉政风险点一览表", None),  # a department, not a unit
    ("廉政风险点和防控措施登记表", None),
])
def test_a_unit_named_in_the_title(title, unit):
    from lzfk.excel.layout import title_unit
    from lzfk.excel.workbook import Sheet

    assert title_unit(Sheet("s", [[title]]), 0) == unit


def test_a_towns_register_in_a_mixed_batch_keeps_its_own_unit(tmp_path):
    """The town's register went under the district office's unit (the batch majority), with a
    warning that it named none — though its title did."""
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(GENERAL, batch)
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["某镇人民政府廉政风险点和防控措施登记表"],
                ["序号", "单位/科室", "风险类别", "风险点", "廉政风险主要内容及表现形式", "风险等级", "防控措施", "部门负责人", "责任领导"],
                [1, "财政所", "岗位职责风险", "惠农资金发放", "虚报冒领", "高", "张榜公示", "钱某", "孙某"]):
        ws.append(row)
    wb.save(batch / "镇.xlsx")
    report = run_cli("import", batch, "--into", tmp_path / "reg", "--format", "json").json()
    assert ("某镇人民政府", "财政所") in _units(tmp_path / "reg")
    assert "unit-assumed" not in {p["code"] for p in report["problems"]}


@pytest.mark.parametrize("cells", [
    ["单位主管领导审查意见：同意。      签字：周某      2011年6月22日"],
    ["单位主管领导审查意见", "同意。\n签字：周某\n2011年6月22日"],
    ["单位主管领导审查意见", "同意。", "签字：", "周某", "", "2011年6月22日"],
    ["单位主管领导审查意见", "同意。", "（签字）周某", "2011年6月22日"],
    ["单位主管领导审查意见", "同意。", "签字：周某", "2011年6月22日"],
], ids=["one-cell", "lines-in-a-cell", "name-in-next-cell", "bracketed", "cells"])
def test_review_signature_and_date_wherever_they_are_written(tmp_path, cells):
    """The reviewer and date were lost (kept inside the opinion) unless each had a cell of its own."""
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["中层岗位廉政风险识别和防控表"], ["单位（盖章）：某区人民政府办公室"], ["所在科室", "信息科", "职务", "科长"],
                ["科室负责人", "郑某", "岗位风险等级", "B"], ["岗位职责", "工作流程", "风险点", "风险类型", "风险级别", "防控措施"],
                ["采购", "比价", "设备采购收受好处", "岗位职责风险", "Ⅱ级", "公开招标"], cells):
        ws.append(row)
    wb.save(tmp_path / "a.xlsx")
    assert run_cli("import", tmp_path / "a.xlsx", "--into", tmp_path / "reg").exit_code == 0
    from lzfk.register import load_register

    (pos,) = [p for df in load_register(tmp_path / "reg").files.values() for p in df.positions]
    assert [(r.reviewer, r.opinion, r.date.isoformat()) for r in pos.reviews] == [("周某", "同意。", "2011-06-22")]


def _leader_register(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["领导岗位廉政风险识别和防控表"], ["单位（盖章）：某区人民政府办公室"], ["姓名", "张某", "职务", "副主任"],
                ["岗位风险等级", "A", "分管工作", "财务"], ["风险点", "风险类型", "风险级别", "防控措施"],
                ["大额资金使用未经集体研究", "制度机制风险", "Ⅰ级", "①严格执行集体决策制度；②会议纪要存档"],
                ["重大决策搞一言堂", "制度机制风险", "Ⅰ级", "坚持集体决策"]):
        ws.append(row)
    (tmp_path / "2011").mkdir()
    wb.save(tmp_path / "2011" / "张某.xlsx")
    reg = tmp_path / "reg"
    assert run_cli("import", tmp_path / "2011", "--into", reg).exit_code == 0
    assert run_cli("forms", "--out", tmp_path / "pre", "--register", reg, "--quiet").exit_code == 0
    (form,) = (tmp_path / "pre").rglob("*.xlsx")
    return reg, form


def _edit_measures(form, path, changes: dict[str, str]):
    wb = openpyxl.load_workbook(form)
    for row in wb.active.iter_rows():
        for cell in row:
            if cell.value in changes:
                cell.value = changes[cell.value]
    wb.save(path)
    return path


def _measures(reg):
    return {r["description"]: [m["text"] for m in r["measures"]] for r in run_cli("list", "risks", reg, "--format", "json").json()}


def test_a_pre_filled_form_sent_back_speaks_for_its_posts_measures(tmp_path):
    """A measure struck out on the post's pre-filled form stayed in the register, and a
    rewritten one was stored twice, even with --on-conflict update: only the very file a
    point came from could drop its measures."""
    reg, form = _leader_register(tmp_path)
    edited = _edit_measures(form, tmp_path / "2012.xlsx", {"1.严格执行集体决策制度\n2.会议纪要存档": "严格执行集体决策制度",
                                                           "坚持集体决策": "坚持集体决策，会议记录存档"})
    refused = run_cli("import", edited, "--into", reg)
    assert refused.exit_code == 1 and "表格不再列出“会议纪要存档”" in refused.stderr
    assert run_cli("import", edited, "--into", reg, "--on-conflict", "update").exit_code == 0
    assert _measures(reg) == {"大额资金使用未经集体研究": ["严格执行集体决策制度"], "重大决策搞一言堂": ["坚持集体决策，会议记录存档"]}


def test_a_pre_filled_form_sent_back_may_add_measures(tmp_path):
    reg, form = _leader_register(tmp_path)
    added = _edit_measures(form, tmp_path / "2012.xlsx", {"坚持集体决策": "1.坚持集体决策\n2.会议记录存档"})
    assert run_cli("import", added, "--into", reg).exit_code == 0
    assert _measures(reg)["重大决策搞一言堂"] == ["坚持集体决策", "会议记录存档"]


def test_a_title_that_repeats_its_department_is_the_same_post(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["个人岗位风险点自查表"], ["单位：某区人民政府办公室", "", "姓名：郑某", "", "职务：信息科科长", ""], ["所在部门：信息科"],
                ["序号", "风险点", "风险内容及表现形式", "风险类别", "风险等级", "防控措施"], [1, "设备采购", "收受好处", "外部环境", "一级", "公开招标"]):
        ws.append(row)
    wb.save(tmp_path / "a.xlsx")
    assert run_cli("import", tmp_path / "a.xlsx", "--into", tmp_path / "reg").exit_code == 0
    (position,) = run_cli("list", "positions", tmp_path / "reg", "--format", "json").json()
    assert (position["department"], position["title"]) == ("信息科", "科长")
