"""Running from cron and scripts: closed or full output streams, two imports at once."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import DEMO_FORMS, DEMO_REGISTER, ROOT, run_cli
from lzfk.errors import OutputError
from lzfk.fileutil import register_lock
from lzfk.importer import import_forms


def _content(register: Path) -> list[tuple]:
    """What a register holds, independent of where it lies (sources are relative paths)."""
    risks = run_cli("list", "risks", register, "--format", "json").json()
    positions = run_cli("list", "positions", register, "--format", "json").json()
    return sorted((r["id"], r["level"], len(r["measures"])) for r in risks) + sorted((p["id"], tuple(p["holders"])) for p in positions)


def _shell(command: str) -> subprocess.CompletedProcess:
    """``python -m lzfk …`` through the shell, for redirections such as ``2>&-``."""
    lzfk = f"{sys.executable} -m lzfk"
    return subprocess.run(["bash", "-c", command.replace("lzfk", lzfk, 1)], cwd=ROOT, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=120)


@pytest.mark.parametrize("redirect", ["2>&-", ">&-", ">&- 2>&-"])
def test_closed_output_streams_keep_the_exit_code(redirect):
    assert _shell(f"lzfk stats {DEMO_REGISTER} --format json {redirect}").returncode == 0
    assert _shell(f"lzfk stats {DEMO_REGISTER} --quiet {redirect}").returncode == 0
    missing = _shell(f"lzfk stats {DEMO_REGISTER / 'nosuch'} {redirect}")
    assert missing.returncode == 3
    assert "Traceback" not in missing.stdout + missing.stderr


def test_import_with_stdout_closed_writes_the_register_and_exits_0(tmp_path):
    register = tmp_path / "register"
    result = _shell(f"lzfk import {DEMO_FORMS} --into {register} --quiet >&-")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert _content(register) == _content(DEMO_REGISTER)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("args", [["stats", "--format", "json"], ["list", "risks"]])
def test_result_that_cannot_be_written_is_exit_4(args):
    command, *options = args
    kind = options.pop(0) if command == "list" else ""
    result = _shell(f"lzfk {command} {kind} {DEMO_REGISTER} {' '.join(options)} > /dev/full")
    assert result.returncode == 4, result.stderr
    assert "无法写出结果" in result.stderr and "Traceback" not in result.stderr and "内部错误" not in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="registers are locked with flock, which Windows lacks")
def test_a_busy_register_refuses_a_second_writer_after_the_timeout(tmp_path):
    register = tmp_path / "register"
    with register_lock(register):
        with pytest.raises(OutputError, match="另一个 lzfk 进程"):
            with register_lock(register, timeout=0.3):
                pass
    assert not register.exists()  # made for the lock, removed again: nothing was written


@pytest.mark.skipif(sys.platform == "win32", reason="registers are locked with flock, which Windows lacks")
def test_a_second_import_waits_for_the_first(tmp_path):
    """Two imports into one register at once used to lose records: each read the register,
    then renamed its own version of the department file over the other's."""
    register = tmp_path / "register"
    register.mkdir()
    fd = os.open(register, os.O_RDONLY)
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_EX)  # another writer holds the register …
    threading.Timer(0.5, os.close, (fd,)).start()  # … for half a second
    waited = []
    start = time.monotonic()
    report = import_forms([DEMO_FORMS], into=register, on_wait=lambda: waited.append(True))
    assert waited == [True] and time.monotonic() - start >= 0.4
    assert report.created > 0 and _content(register) == _content(DEMO_REGISTER)


def test_concurrent_imports_of_different_forms_keep_both(tmp_path):
    forms = sorted(DEMO_FORMS.rglob("*.xlsx"))
    half = len(forms) // 2
    first, second = tmp_path / "a", tmp_path / "b"
    for folder, part in ((first, forms[:half]), (second, forms[half:])):
        folder.mkdir()
        for f in part:
            (folder / f.name).write_bytes(f.read_bytes())
    register, one_by_one = tmp_path / "register", tmp_path / "one-by-one"
    for folder in (first, second):
        import_forms([folder], into=one_by_one)
    result = _shell(f"lzfk import {first} --into {register} -q & {sys.executable} -m lzfk import {second} --into {register} -q & wait")
    assert result.returncode == 0, result.stderr
    assert _content(register) == _content(one_by_one)


def test_import_into_a_file_is_still_an_unreadable_register(tmp_path):
    """The lock leaves alone what is no directory: reading it as a register refuses it (exit 3)."""
    not_a_register = tmp_path / "台账"
    not_a_register.write_text("x")
    result = run_cli("import", DEMO_FORMS, "--into", not_a_register)
    assert result.exit_code == 3 and "不是目录" in result.stderr
    assert not_a_register.read_text() == "x"
