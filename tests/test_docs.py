"""Docs that cannot drift: the CLI reference is the program's own help; CI runs the README's command."""

from __future__ import annotations

import re

from conftest import ROOT
from lzfk.cli import app
from lzfk.docs import render_cli_reference


def test_cli_reference_is_generated_from_help():
    current = (ROOT / "docs" / "cli.md").read_text("utf-8")
    assert current == render_cli_reference(), "docs/cli.md is stale: run `python -m lzfk.docs`"


def test_every_command_is_documented():
    text = (ROOT / "docs" / "cli.md").read_text("utf-8")
    for command in app.registered_commands:
        assert f"## `lzfk {command.name}`" in text


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text("utf-8")
    return [m.group(2).strip() for m in re.finditer(r"```(sh|bash)\n(.*?)```", readme, re.S)]


def test_readme_two_commands_and_ci():
    setup, tests = _readme_commands()[:2]
    assert "pip install ." in setup and "lzfk import registers/demo/forms" in setup and "lzfk stats" in setup
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert tests in ci, ".ci/run must run the README's test command"


def test_register_format_documents_every_model_field():
    from lzfk.models import DepartmentFile, Measure, Position, Power, RiskPoint

    text = (ROOT / "docs" / "register-format.md").read_text("utf-8")
    for model in (DepartmentFile, Position, Power, RiskPoint, Measure):
        for name in model.model_fields:
            assert re.search(rf"\b{name}:", text), f"{model.__name__}.{name} is not in docs/register-format.md"


def test_every_problem_code_is_in_the_json_contract():
    from lzfk.problems import CATALOGUE

    text = (ROOT / "docs" / "json-contract.md").read_text("utf-8")
    for code in CATALOGUE:
        assert f"`{code}`" in text, code
