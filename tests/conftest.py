"""Shared test helpers: run the CLI in-process, snapshot registers, find LibreOffice."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lzfk.cli import app

ROOT = Path(__file__).resolve().parents[1]
DEMO_FORMS = ROOT / "registers" / "demo" / "forms"
DEMO_REGISTER = ROOT / "registers" / "demo" / "register"
SAMPLES = ROOT.parent / "shared" / "samples"


class Result:
    def __init__(self, result) -> None:
        self.exit_code = result.exit_code
        self.stdout = result.stdout
        self.stderr = result.stderr
        self.output = result.output

    def json(self):
        return json.loads(self.stdout)


def run_cli(*args: object) -> Result:
    """Run ``lzfk ARGS`` in-process; stdout and stderr kept apart."""
    runner = CliRunner()
    return Result(runner.invoke(app, [str(a) for a in args], catch_exceptions=False))


@pytest.fixture
def cli():
    return run_cli


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` with its bytes (to prove a register unchanged)."""
    if not root.exists():
        return {}
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


needs_office = pytest.mark.skipif(
    soffice() is None,
    reason="LibreOffice (soffice) 未安装：README 的测试命令在 Debian 上以 root 运行时会自动安装；其他环境跳过这些检查",
)


def convert(path: Path, fmt: str, outdir: Path) -> Path:
    """Convert with LibreOffice headless (e.g. fmt='pdf', 'xls', 'xlsx')."""
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir / ".lo-profile"
    subprocess.run(
        [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt, "--outdir", str(outdir), str(path)],
        check=True, capture_output=True, timeout=180,
    )
    out = outdir / (path.stem + "." + fmt.split(":")[0])
    assert out.exists(), f"LibreOffice did not write {out}"
    return out
