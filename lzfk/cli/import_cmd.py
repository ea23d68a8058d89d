"""``lzfk import``: read filled forms into a register."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from lzfk.cli import app
from lzfk.cli.output import (
    EXIT_CODES_HELP,
    EXIT_PROBLEMS,
    EXIT_UNREADABLE,
    DebugOption,
    FormatOption,
    OutputFormat,
    QuietOption,
    console,
    err,
    handle_errors,
    print_json,
    print_problems,
    table,
)


class ConflictChoice(str, Enum):
    stop = "stop"
    skip = "skip"
    update = "update"


@app.command(
    "import",
    help=(
        "导入填报的表格（.xlsx .xlsm .xls .ods，以及 WPS 的 .et）到台账目录。\n\n"
        "按标题和表头识别表格类型（领导/中层/一般岗位廉政风险识别和防控表、个人岗位/部室廉政风险防控登记表、"
        "个人/部门岗位风险点自查表、部门权力清单、风险点台账/一览表），与文件名和单元格位置无关。"
        "每个文件整体接受或拒绝：有错误的文件不写入任何内容。\n\n"
        "\b\n示例：\n"
        "  lzfk import 填报表格/ --into 台账/\n"
        "  lzfk import 财务科.xlsx 人事科.xls --into 台账/ --dry-run\n"
        "  lzfk import 表格/ --into 台账/ --on-conflict update --format json\n"
        "\n" + EXIT_CODES_HELP
    ),
)
@handle_errors
def import_command(
    paths: Annotated[list[Path], typer.Argument(help="要导入的表格文件或文件夹（文件夹会递归查找）。", show_default=False, metavar="表格或文件夹")],
    into: Annotated[Path, typer.Option("--into", "-i", help="台账目录（不存在时自动创建）。", show_default=False)],
    on_conflict: Annotated[ConflictChoice, typer.Option("--on-conflict", help="台账中已有同一记录且内容不同时：stop 拒绝该文件（默认）；skip 保留台账原有内容；update 以表格为准更新。")] = ConflictChoice.stop,
    dry_run: Annotated[bool, typer.Option("--dry-run", "-n", help="只检查并报告将发生的变化，不写入任何文件。")] = False,
    unit: Annotated[str | None, typer.Option("--unit", "-u", help="表格未填单位时所属的单位（默认：本次导入中多数表格所填的单位，没有时为台账的单位）。", show_default=False)] = None,
    format: FormatOption = OutputFormat.table,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> int:
    from lzfk.importer import OnConflict, import_forms

    def waiting() -> None:
        if not quiet:
            err(f"台账 {into} 正由另一个 lzfk 进程写入，等待其完成……")

    report = import_forms(paths, into=into, on_conflict=OnConflict(on_conflict.value), dry_run=dry_run, unit=unit,
                          on_wait=waiting)
    if format is OutputFormat.json:
        print_json(report.to_dict())
    else:
        print_problems(report.problems, quiet=quiet)
        if not quiet:
            out = console()
            if not report.files:
                out.print("没有找到表格文件（.xlsx .xlsm .xls .ods .et）。")
            if len(report.files) <= PER_FILE_TABLE_LIMIT:
                rows = [_file_row(f) for f in report.files]
                if rows:
                    out.print(table(None, ["文件", "结果", "表格类型", "新增", "更新", "未变"], rows))
            else:  # hundreds of forms: a summary by form type, and only the files that need attention
                out.print(table("按表格类型", ["表格类型", "文件数", "新增", "更新", "未变"], _by_form(report.files)))
                attention = [_file_row(f) for f in report.files if f.status != "accepted"]
                if attention:
                    out.print(table("未接受的文件", ["文件", "结果", "表格类型", "新增", "更新", "未变"], attention))
            verb = "将" if dry_run else "已"
            out.print(
                f"共 {len(report.files)} 个文件：接受 {report.count('accepted')}，拒绝 {report.count('rejected')}，"
                f"无法读取 {report.count('unreadable')}。记录{verb}新增 {report.created}，更新 {report.updated}，"
                f"未变 {report.unchanged}，跳过 {report.skipped}。"
                + ("（试运行，未写入）" if dry_run else f"写入台账 {into}：{len(report.written)} 个文件。"),
                soft_wrap=True,
            )

    if report.count("unreadable"):
        return EXIT_UNREADABLE
    if report.count("rejected"):
        return EXIT_PROBLEMS
    return 0


_STATUS = {"accepted": "接受", "rejected": "拒绝", "unreadable": "无法读取"}
PER_FILE_TABLE_LIMIT = 20


def _kinds(f) -> str:
    """The file's form kinds, each once (a workbook of four 一般岗位 sheets names it once, ×4)."""
    counts: dict[str, int] = {}
    for x in f.forms:
        counts[x["form"]] = counts.get(x["form"], 0) + 1
    return "、".join(_form_label(k) + (f"×{n}" if n > 1 else "") for k, n in counts.items())


def _file_row(f) -> list:
    return [f.file, _STATUS[f.status], _kinds(f),
            f.counts.get("created", ""), f.counts.get("updated", ""), f.counts.get("unchanged", "")]


def _by_form(files) -> list[list]:
    totals: dict[str, list[int]] = {}
    for f in files:
        if f.status != "accepted":
            continue
        kinds = _kinds(f) or "（无）"
        entry = totals.setdefault(kinds, [0, 0, 0, 0])
        entry[0] += 1
        for i, key in enumerate(("created", "updated", "unchanged"), 1):
            entry[i] += f.counts.get(key, 0)
    return [[kind, *numbers] for kind, numbers in sorted(totals.items())]


def _form_label(kind: str) -> str:
    from lzfk.vocab import FormKind

    return FormKind(kind).label
