"""``lzfk forms``: write the blank forms, or forms pre-filled from a register."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lzfk.cli import app
from lzfk.cli.output import EXIT_CODES_HELP, DebugOption, FormatOption, OutputFormat, QuietOption, console, handle_errors, print_json, table


@app.command(
    "forms",
    short_help="生成空白表格；加 --register 按台账生成预填表格。",
    help=(
        "生成表格（.xlsx）：默认生成全部空白表格；加 --register 则按台账为每个岗位生成一份预填表格，"
        "另为有部门级风险点的部门生成部室登记表、为有权力事项的部门生成权力清单，便于下发核对。"
        "预填表格留有 3 行空行供补充新的风险点，审核栏留空供本轮审核。\n\n"
        "表格带有风险类型、风险等级、防控阶段、岗位风险等级的下拉选项，A4 横向打印并每页重复表头。"
        "生成的表格可用 lzfk import 原样导回。\n\n"
        "输出目录中已有同名表格时：内容相同则不改动；内容不同（可能已经填写）则不生成任何表格并以退出码 4 结束，"
        "确认后可加 --overwrite 覆盖。\n\n"
        "\b\n示例：\n"
        "  lzfk forms --out 空白表格/\n"
        "  lzfk forms --out 下发表格/ --register 台账/\n"
        "\n" + EXIT_CODES_HELP
    ),
)
@handle_errors
def forms_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="输出目录（不存在时自动创建）。", show_default=False)],
    register: Annotated[Path | None, typer.Option("--register", "-r", help="台账目录：按台账预填每个岗位的表格。", show_default=False)] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="覆盖输出目录中内容不同的同名表格（默认拒绝，以免覆盖已填写的表格）。")] = False,
    format: FormatOption = OutputFormat.table,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> int:
    from lzfk.forms import write_blank_forms, write_register_forms

    if register is None:
        written = write_blank_forms(out, overwrite)
    else:
        from lzfk.register import load_register

        written = write_register_forms(load_register(register), out, overwrite)
    if format is OutputFormat.json:
        print_json({"out": str(out), "files": [{"file": str(p), "form": kind, "status": status} for p, kind, status in written]})
    elif not quiet:
        from lzfk.vocab import FormKind

        new = sum(status == "written" for _, _, status in written)
        console().print(table(f"已生成 {new} 份表格到 {out}（{len(written) - new} 份已有且相同，未改动）", ["文件", "表格", "结果"],
                              [[p.name, FormKind(kind).label, "已生成" if status == "written" else "未变"] for p, kind, status in written]))
    return 0
