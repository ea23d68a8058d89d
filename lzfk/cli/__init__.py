"""The ``lzfk`` command line (typer). Commands are thin: they parse options, call the
library below ``lzfk/`` and format its result."""

from __future__ import annotations

import os
import sys

import typer

from lzfk import __version__
from lzfk.cli import zh
from lzfk.cli.output import EXIT_CODES_HELP

zh.apply()

app = typer.Typer(
    name="lzfk",
    help=(
        "廉政风险防控台账工具：导入各单位填报的 Excel/WPS 表格，校验并汇总为台账，生成空白表格。\n\n"
        "\b\n示例：\n"
        "  lzfk import 表格/ --into 台账/        导入文件夹中所有填报表格\n"
        "  lzfk stats 台账/                     按部门、层级、类型、等级统计\n"
        "  lzfk forms --out 空白表格/            生成空白表格供各岗位填写\n\n" + EXIT_CODES_HELP
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain click help: no rich import at start-up (half the cost of `lzfk --help`), and
    # output that reads the same in a terminal, a pipe or a cron mail.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lzfk {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", help="显示版本号并退出。", callback=_version, is_eager=True),
) -> None:
    """廉政风险防控台账工具。"""


from lzfk.cli import forms_cmd, import_cmd, view  # noqa: E402,F401  (registers the commands)


def main() -> None:
    """The console script: the commands map their own errors to exit codes; this is the
    last guard for anything raised before a command runs (no traceback without --debug)."""
    _standard_streams()
    try:
        app()
    except SystemExit as exc:
        _exit_now(exc.code)
        raise
    except KeyboardInterrupt:
        sys.stderr.write("已中断。\n")
        raise SystemExit(130) from None
    except Exception as exc:  # noqa: BLE001
        if "--debug" in sys.argv:
            raise
        sys.stderr.write(f"内部错误：{type(exc).__name__}: {exc}\n这是 lzfk 的缺陷，请加 --debug 重新运行并把输出报告给维护人员。\n")
        raise SystemExit(5) from None


def _standard_streams() -> None:
    """Started with stdout or stderr closed (``2>&-``, some cron wrappers), Python leaves
    ``sys.stdout``/``sys.stderr`` as None, and the first message would crash. Such a stream
    goes to the null device instead, and the descriptor is taken so that no register file
    opened later lands on descriptor 1 or 2."""
    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        try:
            os.fstat(fd)
            continue
        except OSError:
            pass
        null = os.open(os.devnull, os.O_RDONLY if fd == 0 else os.O_WRONLY)
        if null != fd:  # the lowest free descriptor: normally the one just found closed
            os.dup2(null, fd)
            os.close(null)
        if getattr(sys, name) is None:
            setattr(sys, name, open(fd, "r" if fd == 0 else "w", encoding="utf-8", closefd=False))


def _exit_now(code: object) -> None:
    """Leave without tearing the interpreter down: after a large import, freeing every
    record one by one takes 50–100 ms for nothing. Everything lzfk writes is already
    flushed, fsynced and renamed into place by then; the standard streams are flushed here.
    Anything unusual (a closed pipe, a non-numeric code, coverage measuring a test run)
    takes the normal way out instead."""
    if code is None:
        code = 0
    if not isinstance(code, int) or "coverage" in sys.modules:
        return
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # `| head` went away: what it wanted was written
        os._exit(code)
    except OSError as exc:  # a full disk, /dev/full: the result was not written
        from lzfk.cli.output import _silence_stdout
        from lzfk.fileutil import os_error_text

        _silence_stdout()
        _write_stderr(f"错误：无法写出结果：{os_error_text(exc)}\n")
        os._exit(4)
    except ValueError:
        return
    try:
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(code)


def _write_stderr(text: str) -> None:
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
