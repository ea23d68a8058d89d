"""Generate ``docs/cli.md`` from the commands' own ``--help`` (``python -m lzfk.docs``).

A test renders it again and compares, so the reference cannot drift from the program.
"""

from __future__ import annotations

import sys
from pathlib import Path

from lzfk.cli.output import EXIT_CODES_HELP

HELP_WIDTH = 100


def template_dir() -> Path:
    """Templates ship inside the package (wheel) or sit at the repository's top level."""
    packaged = Path(__file__).parent / "templates"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[1] / "templates"


def command_help(args: list[str]) -> str:
    from typer.testing import CliRunner

    from lzfk.cli import app

    result = CliRunner().invoke(app, [*args, "--help"], prog_name="lzfk", terminal_width=HELP_WIDTH)
    return "\n".join(line.rstrip() for line in result.stdout.strip().splitlines())


def render_cli_reference() -> str:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from lzfk.cli import app

    names = [c.name for c in app.registered_commands]
    commands = [{"usage": "lzfk", "help": command_help([])}]
    commands += [{"usage": f"lzfk {name}", "help": command_help([name])} for name in names]
    env = Environment(loader=FileSystemLoader(template_dir()), undefined=StrictUndefined, keep_trailing_newline=True)
    return env.get_template("cli-reference.md.j2").render(commands=commands, exit_codes=EXIT_CODES_HELP)


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "docs" / "cli.md"
    from lzfk.fileutil import atomic_write_text

    atomic_write_text(target, render_cli_reference())
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
