"""Output, options and exit codes shared by every command.

Results go to stdout (a table, or JSON with ``--format json``: the stable contract for
scripts); diagnostics go to stderr. Exit codes: 0 ok; 1 data rejected or problems found;
2 usage; 3 input unreadable; 4 output not written; 5 internal error.
"""

from __future__ import annotations

import errno
import functools
import json
import os
import sys
from enum import Enum
from typing import Annotated, Any, Callable

import typer

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_UNREADABLE, EXIT_OUTPUT, EXIT_INTERNAL = 0, 1, 2, 3, 4, 5

EXIT_CODES_HELP = "退出码：0 成功；1 数据被拒绝或发现问题；2 用法错误；3 输入无法读取；4 输出无法写入；5 内部错误。"


class OutputFormat(str, Enum):
    table = "table"
    json = "json"


FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="输出格式：table（表格，默认）或 json（供脚本使用的稳定格式）。")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="安静模式：不输出摘要、提示和警告，只输出结果（list、stats 的表格）和错误；check --strict 时警告也照常输出；--format json 照常输出 JSON。")]
DebugOption = Annotated[bool, typer.Option("--debug", help="出错时显示程序调用栈（供开发人员排查）。")]


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    sys.stdout.write("\n")


def err(message: str) -> None:
    sys.stderr.write(message.rstrip("\n") + "\n")


def console(stderr: bool = False):
    from rich.console import Console  # lazy: rich costs ~60 ms to import

    stream = sys.stderr if stderr else sys.stdout
    # Into a file or a pipe (cron, logs): no 80-column wrapping of IDs, headers and sums.
    width = None if stream.isatty() else 200
    out = Console(stderr=stderr, highlight=False, soft_wrap=False, width=width)
    out.on_broken_pipe = _on_broken_pipe  # rich's own handler exits 1, which means "data rejected"
    return out


def _on_broken_pipe() -> None:
    _silence_stdout()
    raise typer.Exit(EXIT_OK)


def _silence_stdout() -> None:
    """The reader went away (``| head``): stop writing, without an error at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def table(title: str | None, columns: list[str], rows: list[list[Any]]):
    from rich.table import Table

    t = Table(title=title, show_lines=False, title_justify="left")
    for col in columns:
        t.add_column(col, overflow="fold")
    for row in rows:
        t.add_row(*("" if v is None else str(v) for v in row))
    return t


def print_problems(problems: list, *, quiet: bool = False) -> None:
    """Problems to stderr, one line each: 错误/警告, message."""
    for p in problems:
        if quiet and p.severity.value != "error":
            continue
        err(f"{p.severity.label}：{p.message}")


def handle_errors(func: Callable[..., int | None]) -> Callable[..., None]:
    """Run a command: map lzfk's exceptions to exit codes, never show a traceback unless --debug."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        from lzfk.errors import LzfkError

        debug = bool(kwargs.get("debug"))
        try:
            code = func(*args, **kwargs) or EXIT_OK
            sys.stdout.flush()  # a closed pipe shows here, not after exit
        except typer.Exit:
            raise
        except LzfkError as exc:
            if debug:
                import traceback

                traceback.print_exc()
            as_json = kwargs.get("format") is OutputFormat.json
            if as_json:
                print_json({"error": exc.message, "exit_code": exc.exit_code, "problems": [p.to_dict() for p in exc.problems]})
            print_problems(exc.problems)
            err(f"错误：{exc.message}")
            code = exc.exit_code
        except KeyboardInterrupt:
            err("已中断。")
            code = 130
        except BrokenPipeError:  # `lzfk list … | head`: the output was wanted only in part
            _silence_stdout()
            code = EXIT_OK
        except OSError as exc:
            if exc.errno not in _OUTPUT_ERRNOS:
                raise _internal(exc, debug) from None
            from lzfk.fileutil import os_error_text

            _silence_stdout()  # what is still buffered cannot be written either
            err(f"错误：无法写出结果：{os_error_text(exc)}")
            code = EXIT_OUTPUT
        except Exception as exc:  # noqa: BLE001 — the last line of defence for exit code 5
            raise _internal(exc, debug) from None
        raise typer.Exit(code)

    return wrapper


# Errors writing the result itself (stdout into a full disk, /dev/full): exit 4, not a defect.
_OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


def _internal(exc: Exception, debug: bool) -> typer.Exit:
    if debug:
        import traceback

        traceback.print_exception(exc)
    err(f"内部错误：{type(exc).__name__}: {exc}")
    err("这是 lzfk 的缺陷，请加 --debug 重新运行并把输出报告给维护人员。")
    return typer.Exit(EXIT_INTERNAL)
