"""``lzfk list``, ``lzfk stats``, ``lzfk check``: look at what a register holds."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from lzfk.cli import app
from lzfk.cli.output import (
    EXIT_CODES_HELP,
    EXIT_PROBLEMS,
    DebugOption,
    FormatOption,
    OutputFormat,
    QuietOption,
    console,
    handle_errors,
    print_json,
    print_problems,
    table,
)

RegisterArg = Annotated[Path, typer.Argument(help="台账目录。", show_default=False, metavar="台账目录")]


class ListKind(str, Enum):
    risks = "risks"
    positions = "positions"
    measures = "measures"
    powers = "powers"
    departments = "departments"


def _label(enum_name: str, value: Any) -> str:
    if value is None:
        return ""
    from lzfk import vocab

    return getattr(vocab, enum_name)(value).label


def _table_rows(kind: ListKind, rows: list[dict[str, Any]]) -> tuple[list[str], list[list[Any]]]:
    columns, body = _columns(kind, rows)
    if kind is not ListKind.departments and len({r.get("unit") for r in rows}) > 1:
        # Several units: 人事科 科长 of one looks like that of another without its unit.
        at = columns.index("部门")
        columns.insert(at, "单位")
        for row, r in zip(body, rows, strict=True):
            row.insert(at, r.get("unit") or "")
    return columns, body


def _columns(kind: ListKind, rows: list[dict[str, Any]]) -> tuple[list[str], list[list[Any]]]:
    if kind is ListKind.risks:
        return (["编号", "部门", "岗位", "风险点", "类型", "等级", "三重一大", "措施数"],
                [[r["id"], r["department"], r["position"], r["description"], _label("RiskType", r["type"]),
                  _label("RiskLevel", r["level"]), "是" if r["three_important"] else "", len(r["measures"])] for r in rows])
    if kind is ListKind.positions:
        return (["编号", "部门", "岗位", "层级", "岗位等级", "在岗人员", "风险点数"],
                [[r["id"], r["department"], r["title"], _label("PositionTier", r["tier"]), r["grade"],
                  "、".join(r["holders"]), r["risk_points"]] for r in rows])
    if kind is ListKind.measures:
        return (["风险点编号", "部门", "岗位", "序号", "防控措施", "阶段", "责任人", "完成时限"],
                [[r["risk_id"], r["department"], r["position"], r["number"], r["text"], _label("MeasureStage", r["stage"]),
                  r["owner"], r["deadline"]] for r in rows])
    if kind is ListKind.powers:
        return (["编号", "部门", "权力名称", "权力类别", "行使岗位", "法律依据"],
                [[r["id"], r["department"], r["name"], r["kind"], r["holder"], r["legal_basis"]] for r in rows])
    return (["编号", "单位", "部门", "负责人", "分管领导", "岗位数", "风险点数", "文件"],
            [[r["id"], r["unit"], r["name"], r["head"], r["leader"], r["positions"], r["risk_points"], r["file"]] for r in rows])


_LIST_TITLES = {"risks": "风险点", "positions": "岗位", "measures": "防控措施", "powers": "权力事项", "departments": "部门"}


@app.command(
    "list",
    help=(
        "列出台账中的风险点、岗位、防控措施、权力事项或部门。\n\n"
        "\b\n示例：\n"
        "  lzfk list risks 台账/\n"
        "  lzfk list positions 台账/ --format json > 岗位.json\n"
        "\n" + EXIT_CODES_HELP
    ),
)
@handle_errors
def list_command(
    kind: Annotated[ListKind, typer.Argument(help="列出什么：risks 风险点、positions 岗位、measures 防控措施、powers 权力事项、departments 部门。", show_default=False, metavar="类别")],
    register: RegisterArg,
    format: FormatOption = OutputFormat.table,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> int:
    from lzfk.query import LISTERS
    from lzfk.register import load_register

    rows = LISTERS[kind.value](load_register(register))
    if format is OutputFormat.json:
        print_json(rows)
    else:  # the list is the result: --quiet leaves it alone
        columns, body = _table_rows(kind, rows)
        out = console()
        out.print(table(f"{_LIST_TITLES[kind.value]}（共 {len(rows)} 条）", columns, body))
    return 0


@app.command(
    "stats",
    help=(
        "统计台账：部门、岗位、人员、风险点、防控措施数量，按等级、类型、岗位层级和部门分列。\n\n"
        "\b\n示例：\n"
        "  lzfk stats 台账/\n"
        "  lzfk stats 台账/ --format json\n"
        "\n" + EXIT_CODES_HELP
    ),
)
@handle_errors
def stats_command(register: RegisterArg, format: FormatOption = OutputFormat.table, quiet: QuietOption = False, debug: DebugOption = False) -> int:
    from lzfk.query import stats
    from lzfk.register import load_register

    data = stats(load_register(register))
    if format is OutputFormat.json:
        print_json(data)
        return 0
    from lzfk.vocab import PositionTier, RiskLevel, RiskType

    out = console()
    if data["units"] > 1:  # the register's unit is only the first one imported
        title = f"廉政风险台账汇总（{data['units']} 个单位）"
    else:
        title = f"{data['unit']} 廉政风险台账汇总" if data["unit"] else "廉政风险台账汇总"
    out.print(table(title, ["部门", "岗位", "人员", "风险点", "防控措施", "权力事项", "涉及三重一大"],
                    [[data["departments"], data["positions"], data["people"], data["risk_points"], data["measures"],
                      data["powers"], data["three_important"]]]))
    out.print(table("按风险等级", [m.label for m in RiskLevel] + ["未定级"], [[data["by_level"][m.value] for m in RiskLevel] + [data["by_level"]["none"]]]))
    out.print(table("按风险类型", [m.label for m in RiskType] + ["未注明"], [[data["by_type"][m.value] for m in RiskType] + [data["by_type"]["none"]]]))
    out.print(table("按岗位层级（岗位数）", [m.label for m in PositionTier] + ["未注明"], [[data["by_tier"][m.value] for m in PositionTier] + [data["by_tier"]["none"]]]))
    out.print(table("按部门", ["部门", "岗位", "风险点", "防控措施"],
                    [[name, d["positions"], d["risk_points"], d["measures"]] for name, d in data["by_department"].items()]))
    return 0


@app.command(
    "check",
    help=(
        "检查台账本身：文件能否读取、格式是否正确、编号是否重复、引用是否存在、必填内容是否缺失，"
        "以及是否仅按职务高低定级。\n\n"
        "有错误时退出码为 1；只有警告时为 0（加 --strict 则警告也返回 1）。\n\n"
        "\b\n示例：\n"
        "  lzfk check 台账/\n"
        "  lzfk check 台账/ --strict --format json\n"
        "\n" + EXIT_CODES_HELP
    ),
)
@handle_errors
def check_command(
    register: RegisterArg,
    strict: Annotated[bool, typer.Option("--strict", help="警告也视为问题（退出码 1）。")] = False,
    format: FormatOption = OutputFormat.table,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> int:
    from lzfk.check import check_register

    problems = check_register(register)
    errors = [p for p in problems if p.severity.value == "error"]
    failed = bool(errors) or (strict and bool(problems))
    if format is OutputFormat.json:
        print_json({"register": str(register), "ok": not failed, "errors": len(errors),
                    "warnings": len(problems) - len(errors), "problems": [p.to_dict() for p in problems]})
    else:
        print_problems(problems, quiet=quiet and not strict)  # under --strict a warning is a failure: say which
        if not quiet:
            console().print(f"检查完成：错误 {len(errors)} 处，警告 {len(problems) - len(errors)} 处。")
    return EXIT_PROBLEMS if failed else 0
