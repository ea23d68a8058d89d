"""The command line as scripts use it: help, exit codes, JSON equal to the library's result."""

from __future__ import annotations

import json
import os
import shutil
import re
import subprocess
import sys
from pathlib import Path

from conftest import DEMO_FORMS, DEMO_REGISTER, ROOT, run_cli, snapshot
from lzfk.cli import app

COMMANDS = sorted(c.name for c in app.registered_commands)


def test_every_command_has_help_with_examples_and_exit_codes():
    assert set(COMMANDS) >= {"import", "list", "stats", "check", "forms"}
    for name in COMMANDS:
        result = run_cli(name, "--help")
        assert result.exit_code == 0, name
        assert "示例" in result.stdout and "退出码" in result.stdout, name


def test_demo_forms_import_reproduces_committed_register(tmp_path):
    """The demo register is exactly what its forms import to (golden files)."""
    target = tmp_path / "register"
    shutil.copytree(DEMO_REGISTER, target)
    before = snapshot(target)
    shutil.rmtree(target)
    # import from a copy placed like the original, so source paths (relative) match
    forms = tmp_path / "forms"
    shutil.copytree(DEMO_FORMS, forms)
    result = run_cli("import", forms, "--into", target, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert snapshot(target) == before


def test_reimport_is_unchanged_and_safe_to_run_twice(tmp_path):
    target = tmp_path / "reg"
    first = run_cli("import", DEMO_FORMS, "--into", target, "--format", "json").json()
    assert first["rejected"] == 0 and first["created"] > 0
    before = snapshot(target)
    second = run_cli("import", DEMO_FORMS, "--into", target, "--format", "json").json()
    assert (second["created"], second["updated"], second["rejected"]) == (0, 0, 0)
    # A post held by two people is created by the first form and extended by the second (a holder,
    # its reviews): every form's records are counted once, so the two runs account alike.
    assert first["updated"] == 4
    assert second["unchanged"] == first["created"] + first["updated"]
    assert snapshot(target) == before


def test_dry_run_writes_nothing(tmp_path):
    target = tmp_path / "reg"
    result = run_cli("import", DEMO_FORMS, "--into", target, "--dry-run", "--format", "json")
    assert result.exit_code == 0
    assert result.json()["created"] > 0
    assert not target.exists()


def test_json_outputs_equal_library_results():
    from lzfk.query import risk_rows, stats
    from lzfk.register import load_register

    register = load_register(DEMO_REGISTER)
    assert run_cli("stats", DEMO_REGISTER, "--format", "json").json() == json.loads(json.dumps(stats(register)))
    assert run_cli("list", "risks", DEMO_REGISTER, "--format", "json").json() == json.loads(json.dumps(risk_rows(register)))


def test_demo_stats_contract():
    data = run_cli("stats", DEMO_REGISTER, "--format", "json").json()
    for key in ("departments", "positions", "people", "risk_points", "measures", "by_level", "by_type", "by_tier"):
        assert key in data
    assert data["departments"] >= 8 and data["positions"] >= 40 and data["risk_points"] >= 150
    assert all(data["by_tier"][t] > 0 for t in ("leader", "middle", "general"))


def test_list_contracts():
    risks = run_cli("list", "risks", DEMO_REGISTER, "--format", "json").json()
    assert isinstance(risks, list) and len(risks) >= 150
    for key in ("id", "department", "position", "tier", "holders", "type", "description", "level", "three_important",
                "measures", "source", "department_head", "responsible_leader"):
        assert key in risks[0], key
    assert {r["level"] for r in risks} <= {"I", "II", "III", None}
    assert all(m["text"] for r in risks for m in r["measures"])
    positions = run_cli("list", "positions", DEMO_REGISTER, "--format", "json").json()
    for key in ("id", "department", "title", "tier", "grade", "holders"):
        assert key in positions[0], key
    assert {p["grade"] for p in positions} <= {"A", "B", "C", None}


def test_check_demo_is_clean():
    result = run_cli("check", DEMO_REGISTER, "--format", "json")
    assert result.exit_code == 0
    assert result.json()["errors"] == 0


def test_missing_register_is_exit_3_without_traceback(tmp_path):
    result = run_cli("stats", tmp_path / "nowhere")
    assert result.exit_code == 3
    assert "台账目录不存在" in result.stderr and "Traceback" not in result.output


def test_usage_error_is_exit_2():
    assert run_cli("import", "x.xlsx").exit_code == 2  # --into missing
    assert run_cli("list", "everything", ".").exit_code == 2


def test_installed_entry_point_runs_in_a_subprocess(tmp_path):
    exe = shutil.which("lzfk", path=str(Path(sys.executable).parent)) or shutil.which("lzfk")
    assert exe, "the lzfk console script is not installed"
    result = subprocess.run([exe, "stats", str(DEMO_REGISTER), "--format", "json"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["risk_points"] >= 150
    module = subprocess.run([sys.executable, "-m", "lzfk", "--help"], capture_output=True, text=True, timeout=60,
                            cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert module.returncode == 0 and "lzfk" in module.stdout


def test_demo_register_matches_expected_md():
    """registers/demo/EXPECTED.md is computed by the generator from the data it wrote."""
    data = run_cli("stats", DEMO_REGISTER, "--format", "json").json()
    got = {k: data[k] for k in ("departments", "positions", "people", "risk_points", "measures", "powers", "three_important")}
    assert got == {"departments": 11, "positions": 47, "people": 51, "risk_points": 198, "measures": 294,
                   "powers": 10, "three_important": 9}
    assert data["by_level"] == {"I": 46, "II": 89, "III": 63, "none": 0}
    assert data["by_type"] == {"moral": 36, "duty": 68, "institution": 50, "process": 23, "external": 21, "none": 0}
    assert data["by_tier"] == {"leader": 7, "middle": 15, "general": 25, "none": 0}


def test_many_files_get_a_summary_not_a_row_each(tmp_path):
    result = run_cli("import", DEMO_FORMS, "--into", tmp_path / "reg")
    assert result.exit_code == 0
    assert "按表格类型" in result.stdout and "领导岗位廉政风险识别和防控表" in result.stdout
    assert "一般岗位-秘书科-王某" not in result.stdout  # 56 files: no per-file rows


def test_usage_errors_are_explained_in_chinese():
    missing = run_cli("import", "x.xlsx")
    assert missing.exit_code == 2 and "缺少必填的选项" in missing.stderr and "--into" in missing.stderr
    choice = run_cli("list", "everything", ".")
    assert choice.exit_code == 2 and "不是可选值" in choice.stderr and "risks" in choice.stderr
    extra = run_cli("stats", "a", "b")
    assert extra.exit_code == 2 and "多余的参数" in extra.stderr
    assert "Error" not in missing.stderr + choice.stderr + extra.stderr
    no_value = run_cli("import", "x.xlsx", "--into", "r", "--unit")
    assert no_value.exit_code == 2 and "选项 --unit 后面要跟一个值" in no_value.stderr and "--help" in no_value.stderr
    flag_value = run_cli("stats", "r", "--quiet=yes")
    assert flag_value.exit_code == 2 and "选项 --quiet 不带值" in flag_value.stderr
    assert "Option" not in no_value.stderr + flag_value.stderr


def test_a_line_break_in_a_cell_stays_out_of_the_message_line():
    from lzfk.problems import problem

    p = problem("unknown-type", file="a.xlsx", sheet="S", cell="E4", field="风险类型", value="风险\n类别")
    assert "\n" not in p.message and "“风险↵类别”" in p.message
    assert p.value == "风险\n类别"  # the JSON keeps the cell as it was


def test_help_headings_are_chinese():
    text = run_cli("import", "--help").stdout
    assert "用法：" in text and "选项" in text and "显示本帮助并退出" in text and "Show this message" not in text


def _lzfk_exe() -> str:
    exe = shutil.which("lzfk", path=str(Path(sys.executable).parent)) or shutil.which("lzfk")
    assert exe, "the lzfk console script is not installed"
    return exe


def test_output_to_a_file_is_complete_and_exit_codes_survive_the_quick_exit(tmp_path):
    """main() leaves with os._exit after flushing: nothing may be lost, no code changed."""
    out = tmp_path / "risks.json"
    with out.open("w") as fh:
        done = subprocess.run([_lzfk_exe(), "list", "risks", str(DEMO_REGISTER), "--format", "json"], stdout=fh, timeout=120)
    assert done.returncode == 0 and len(json.loads(out.read_text("utf-8"))) == 198
    bad = subprocess.run([_lzfk_exe(), "import", str(ROOT / "tests" / "data" / "bad" / "not_a_spreadsheet.xlsx"),
                          "--into", str(tmp_path / "reg")], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 3 and "不是电子表格文件" in bad.stderr
    usage = subprocess.run([_lzfk_exe(), "import", "x.xlsx"], capture_output=True, text=True, timeout=120)
    assert usage.returncode == 2


def test_reader_that_stops_early_is_not_an_error():
    """``lzfk list risks DIR | head -1``: the closed pipe ends lzfk quietly with 0."""
    proc = subprocess.Popen([_lzfk_exe(), "list", "risks", str(DEMO_REGISTER), "--format", "json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline()
    proc.stdout.close()
    stderr = proc.stderr.read().decode("utf-8", "replace")
    assert proc.wait(timeout=120) == 0, stderr
    assert "Traceback" not in stderr and "Exception ignored" not in stderr


def test_help_has_no_english_placeholders_and_its_columns_line_up():
    import unicodedata

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    top = run_cli("--help").stdout
    assert "[OPTIONS]" not in top and "COMMAND" not in top and "[选项] 命令 [参数]" in top
    assert "..." not in next(line for line in top.splitlines() if line.strip().startswith("forms"))
    text = run_cli("import", "--help").stdout
    assert "<list[Path]>" not in text and "<path>" not in text and "<str>" not in text and "<路径>" in text
    # every option's help starts in the same terminal column, Chinese placeholders or not
    columns = {width(m[1] + m[2]) for line in text.splitlines() if (m := re.match(r"(  -.*?\S)( {2,})\S", line))}
    assert len(columns) == 1, columns
    assert "“类别” 的值无效" in run_cli("list", "everything", ".").stderr


def test_lists_show_the_unit_when_a_register_holds_several(tmp_path):
    import openpyxl

    register = tmp_path / "reg"
    general = sorted(DEMO_FORMS.glob("一般岗位-人事科-*.xlsx"))[0]
    assert run_cli("import", general, "--into", register).exit_code == 0
    assert "单位" not in run_cli("list", "positions", register).stdout
    wb = openpyxl.load_workbook(general)
    for row in wb.active.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and "某区人民政府办公室" in cell.value:
                cell.value = cell.value.replace("某区人民政府办公室", "某市审计局")
    wb.save(tmp_path / "审计局.xlsx")
    assert run_cli("import", tmp_path / "审计局.xlsx", "--into", register).exit_code == 0
    for kind in ("positions", "risks"):
        text = run_cli("list", kind, register).stdout
        assert "单位" in text and "某市审计局" in text and "某区人民政府办公室" in text, kind


def test_quiet_keeps_the_result_and_the_reasons_for_failing(tmp_path):
    """--quiet drops summaries and hints, not what was asked for: a cron job that runs
    ``lzfk stats DIR --quiet > 汇总.txt`` gets the tables, and ``check --strict --quiet``
    says which warnings made it fail."""
    stats = run_cli("stats", DEMO_REGISTER, "--quiet")
    assert stats.exit_code == 0 and "按风险等级" in stats.stdout
    listed = run_cli("list", "positions", DEMO_REGISTER, "--quiet")
    assert listed.exit_code == 0 and "岗位（共" in listed.stdout
    register = tmp_path / "register"
    shutil.copytree(DEMO_REGISTER, register)
    department = next(p for p in sorted(register.rglob("*.yaml")) if "\n    level: " in p.read_text("utf-8"))
    department.write_text(department.read_text("utf-8").replace("\n    level: ", "\n    level_basis: 删去等级 ", 1), "utf-8")
    lenient = run_cli("check", register, "--quiet")
    assert lenient.exit_code == 0 and lenient.stdout == "" and lenient.stderr == ""
    strict = run_cli("check", register, "--quiet", "--strict")
    assert strict.exit_code == 1 and "警告" in strict.stderr and "检查完成" not in strict.stdout
