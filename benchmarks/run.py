#!/usr/bin/env python
"""lzfk performance report: each target is a ratio against a baseline measured in the same run.

    python benchmarks/run.py [--only NAME[,NAME…]] [--rows N] [--quick] [--format table|json]

Run it from the repository root with the interpreter lzfk is installed in. Input data is generated
once into benchmarks/data/ (deterministic; regenerated when missing or when the generator
changes). This is a report, not a test: it never asserts and always exits 0, even when a target
is missed or lzfk fails (the failure and lzfk's stderr are printed instead). See
benchmarks/README.md for what every figure means.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DATA = HERE / "data"
sys.path.insert(0, str(HERE))

import datagen  # noqa: E402  (benchmarks/datagen.py)

TARGETS = ("import-100k", "floor-100k", "stats-100k", "import-426-forms", "help")
HELP_BASELINE = "import typer, rich, pydantic, yaml_rs, jinja2, openpyxl"
MEMORY_LIMIT_MIB = 1024


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------
# Running commands
# --------------------------------------------------------------------------------------------


@dataclass
class Run:
    argv: list[str]
    seconds: float
    returncode: int
    maxrss_mib: float | None
    stdout: str
    stderr: str
    timed_out: bool = False

    def tail(self, lines: int = 40) -> str:
        parts = []
        for label, text in (("stderr", self.stderr), ("stdout", self.stdout)):
            text = text.rstrip()
            if text:
                kept = text.splitlines()[-lines:]
                parts.append(f"--- {label} (last {len(kept)} lines) ---\n" + "\n".join(kept))
        return "\n".join(parts) or "(no output)"


class CommandFailed(Exception):
    def __init__(self, run: Run, why: str = ""):
        self.run = run
        shown = " ".join(_short(a) for a in run.argv)
        status = "timed out" if run.timed_out else f"exited with {run.returncode}"
        super().__init__(f"`{shown}` {status}{why}\n{run.tail()}")


def _short(arg: str) -> str:
    """Arguments as printed in reports: the interpreter as `python`, data paths relative."""
    if arg == sys.executable:
        return "python"
    try:
        return str(Path(arg).relative_to(REPO))
    except ValueError:
        return arg


def run_command(argv: list[str], *, timeout: float, cwd: Path = REPO) -> Run:
    """Run ``argv``; wall time (perf_counter), exit code and the child's own peak RSS (wait4)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            proc.kill()

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            if hasattr(os, "wait4"):
                _, status, usage = os.wait4(proc.pid, 0)
                seconds = time.perf_counter() - start
                proc.returncode = os.waitstatus_to_exitcode(status)
                # ru_maxrss is in KiB on Linux, in bytes on macOS.
                scale = 1024 * 1024 if sys.platform == "darwin" else 1024
                maxrss = usage.ru_maxrss / scale
            else:  # pragma: no cover - Windows
                proc.wait()
                seconds = time.perf_counter() - start
                maxrss = None
        finally:
            timer.cancel()
        out.seek(0)
        err.seek(0)
        return Run(
            argv=argv,
            seconds=seconds,
            returncode=proc.returncode,
            maxrss_mib=maxrss,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
            timed_out=timed_out.is_set(),
        )


def lzfk(*args: str, timeout: float, ok: tuple[int, ...] = (0,)) -> Run:
    """``python -m lzfk ARGS`` in a subprocess; raises CommandFailed unless it exits 0."""
    run = run_command([sys.executable, "-m", "lzfk", *args], timeout=timeout)
    if run.timed_out or run.returncode not in ok:
        raise CommandFailed(run)
    return run


def json_output(run: Run) -> object:
    try:
        return json.loads(run.stdout)
    except ValueError as exc:
        raise CommandFailed(run, f" but its stdout is not JSON ({exc})") from None


# --------------------------------------------------------------------------------------------
# Cached input data
# --------------------------------------------------------------------------------------------

MANIFEST = DATA / "manifest.json"


def cached(name: str, params: dict, build: Callable[[Path], dict], *, files: int | None = None) -> tuple[Path, dict]:
    """The data file or folder ``name`` under benchmarks/data/, generated if missing or stale.

    ``build(path)`` writes it and returns the figures an importer should find (kept in
    manifest.json). A folder is complete when it holds ``files`` workbooks.
    """
    DATA.mkdir(parents=True, exist_ok=True)
    manifest = json.loads(MANIFEST.read_text("utf-8")) if MANIFEST.exists() else {}
    key = {"generator": datagen.GENERATOR_VERSION, **params}
    path = DATA / name
    entry = manifest.get(name)
    if entry and entry.get("key") == key and path.exists():
        if files is None or len(list(path.glob("*.xlsx"))) == files:
            return path, entry["expected"]
    log(f"generating {path.relative_to(REPO)} …")
    start = time.perf_counter()
    tmp = DATA / f".{name}.partial"
    if tmp.is_dir():
        shutil.rmtree(tmp)
    elif tmp.exists():
        tmp.unlink()
    if files is not None:
        tmp.mkdir()
    expected = build(tmp)
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()
    tmp.rename(path)
    manifest[name] = {"key": key, "expected": expected}
    MANIFEST.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), "utf-8")
    log(f"  done in {time.perf_counter() - start:.1f} s")
    return path, expected


def consolidated_workbook(rows: int) -> tuple[Path, dict]:
    def build(tmp: Path) -> dict:
        # openpyxl picks the format from the name, so write under a .xlsx name first.
        target = tmp.with_name(tmp.name + ".xlsx")
        expected = datagen.consolidated_register(target, rows)
        target.rename(tmp)
        return expected

    return cached(f"consolidated-{rows}.xlsx", {"rows": rows}, build)


def forms_folder() -> tuple[Path, dict]:
    return cached("forms-426", {"forms": datagen.FORMS}, datagen.general_forms, files=datagen.FORMS)


def fresh_dir(path: Path) -> Path:
    """``path`` removed, so that lzfk creates a new, empty register there."""
    if path.exists():
        shutil.rmtree(path)
    return path


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


@dataclass
class Result:
    name: str
    what: str
    target: str
    unit: str = "s"  # "s" for timings (ratio against baseline), "MiB" for memory
    lzfk: float | None = None  # best lzfk time, or peak RSS
    baseline: float | None = None  # best baseline time
    limit: float | None = None  # max ratio, or max MiB
    lzfk_runs: list[float] = field(default_factory=list)
    baseline_runs: list[float] = field(default_factory=list)
    error: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float | None:
        if self.unit != "s" or self.lzfk is None or not self.baseline:
            return None
        return self.lzfk / self.baseline

    @property
    def passed(self) -> bool | None:
        if self.error:
            return False
        if self.lzfk is None or self.limit is None:  # a reference figure has no goal
            return None
        if self.unit == "s":
            return self.ratio is not None and self.ratio <= self.limit
        return self.lzfk < self.limit

    def as_json(self) -> dict:
        return {
            "name": self.name,
            "what": self.what,
            "unit": self.unit,
            "lzfk": _round(self.lzfk),
            "baseline": _round(self.baseline),
            "ratio": _round(self.ratio),
            "target": self.target,
            "limit": self.limit,
            "pass": self.passed,
            "lzfk_runs": [_round(x) for x in self.lzfk_runs],
            "baseline_runs": [_round(x) for x in self.baseline_runs],
            "error": self.error,
            "notes": self.notes,
        }


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def compare(result: Result, label: str, expected: dict, stats: dict, keys: tuple[str, ...]) -> None:
    """Add a note for every figure of ``lzfk stats`` that differs from what the generator wrote."""
    wrong = []
    for key in keys:
        want, got = expected.get(key), stats.get(key)
        if want is None:
            continue
        if isinstance(want, dict) and isinstance(got, dict):
            got = {k: v for k, v in got.items() if v}  # ignore zero buckets such as "none": 0
            want = {k: v for k, v in want.items() if v}
        if got != want:
            wrong.append(f"{key}: expected {json.dumps(want, ensure_ascii=False)}, got {json.dumps(got, ensure_ascii=False)}")
    if wrong:
        result.notes.append(f"CHECK {label} differs from the generated data: " + "; ".join(wrong))
    else:
        result.notes.append(f"check {label}: " + ", ".join(f"{k} {stats.get(k)}" for k in keys if not isinstance(stats.get(k), dict)) + " as generated")


def import_summary(report: object) -> str:
    if not isinstance(report, dict):
        return "import JSON is not an object"
    keys = ("accepted", "rejected", "unreadable", "created", "updated", "unchanged", "skipped")
    text = ", ".join(f"{k} {report.get(k)}" for k in keys if k in report)
    problems = report.get("problems") or []
    if problems:
        codes: dict[str, int] = {}
        for p in problems:
            codes[p.get("code", "?")] = codes.get(p.get("code", "?"), 0) + 1
        text += "; problems " + ", ".join(f"{c}×{n}" for c, n in sorted(codes.items(), key=lambda kv: -kv[1]))
        first = problems[0]
        text += f" (first: {first.get('message')})"
    return text


# --------------------------------------------------------------------------------------------
# The targets
# --------------------------------------------------------------------------------------------


@dataclass
class Options:
    rows: int
    repeat: int
    help_repeat: int
    timeout: float


def interleave(result: Result, n: int, baseline: Callable[[], float], candidate: Callable[[int], float]) -> None:
    """Alternate baseline and lzfk runs n times (so drift hits both); keep every timing."""
    for i in range(n):
        log(f"  [{result.name}] run {i + 1}/{n}: baseline …")
        result.baseline_runs.append(baseline())
        log(f"  [{result.name}] run {i + 1}/{n}: baseline {result.baseline_runs[-1]:.3f} s; lzfk …")
        result.lzfk_runs.append(candidate(i))
        log(f"  [{result.name}] run {i + 1}/{n}: lzfk {result.lzfk_runs[-1]:.3f} s")
    result.baseline = min(result.baseline_runs)
    result.lzfk = min(result.lzfk_runs)


def calamine_read_first_sheet(path: Path) -> float:
    from python_calamine import CalamineWorkbook

    start = time.perf_counter()
    CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    return time.perf_counter() - start


def calamine_read_folder(folder: Path) -> float:
    from python_calamine import CalamineWorkbook

    files = sorted(folder.glob("*.xlsx"))
    start = time.perf_counter()
    for f in files:
        wb = CalamineWorkbook.from_path(str(f))
        for name in wb.sheet_names:
            wb.get_sheet_by_name(name).to_python()
    return time.perf_counter() - start


class Bench:
    def __init__(self, opts: Options):
        self.opts = opts
        self.register_100k: Path | None = None  # the register made by import-100k in this run
        self.register_error: str | None = None
        self.expected_100k: dict = {}
        self.rows_label = f"{opts.rows:,}".replace(",", " ")

    # 1 ------------------------------------------------------------------------------------
    def import_100k(self) -> list[Result]:
        rows = self.opts.rows
        timing = Result(
            "import-100k",
            f"lzfk import of a {self.rows_label}-row consolidated register (.xlsx) into a new register, "
            "vs python-calamine reading the same sheet (in-process)",
            "≤ 2.5×",
            limit=2.5,
        )
        memory = Result(
            "import-100k-memory",
            "peak RSS of the lzfk import process (largest over the runs)",
            f"< {MEMORY_LIMIT_MIB} MiB",
            unit="MiB",
            limit=MEMORY_LIMIT_MIB,
        )
        try:
            xlsx, expected = consolidated_workbook(rows)
        except Exception as exc:  # generator trouble is reported, not raised
            timing.error = memory.error = f"could not generate the workbook: {exc!r}"
            return [timing, memory]
        timing.notes.append(f"input {xlsx.relative_to(REPO)}: {xlsx.stat().st_size / 2**20:.1f} MiB, {rows} rows × 13 columns")
        register = DATA / f"register-{rows}"
        peaks: list[float] = []
        last: list[Run] = []

        def candidate(i: int) -> float:
            run = lzfk("import", str(xlsx), "--into", str(fresh_dir(register)), "--format", "json", "--quiet",
                       timeout=self.opts.timeout)
            if run.maxrss_mib is not None:
                peaks.append(run.maxrss_mib)
            last[:] = [run]
            return run.seconds

        try:
            calamine_read_first_sheet(xlsx)  # warm the page cache once, untimed
            interleave(timing, self.opts.repeat, lambda: calamine_read_first_sheet(xlsx), candidate)
        except CommandFailed as exc:
            timing.error = memory.error = str(exc)
            self.register_error = "import-100k failed"
            if exc.run.maxrss_mib is not None:
                memory.notes.append(f"peak RSS of the failed run: {exc.run.maxrss_mib:.0f} MiB")
            if timing.baseline_runs:
                timing.baseline = min(timing.baseline_runs)
            return [timing, memory]
        self.register_100k = register
        if peaks:
            memory.lzfk = max(peaks)
            memory.lzfk_runs = peaks
        try:
            timing.notes.append("import report: " + import_summary(json_output(last[0])))
        except CommandFailed as exc:
            timing.notes.append(f"note: {str(exc).splitlines()[0]}")
        self.expected_100k = expected
        return [timing, memory]

    # 1b -----------------------------------------------------------------------------------
    def floor_100k(self) -> list[Result]:
        """Reference figures, not goals: benchmarks/floor.py, a bare-minimum Python import of the
        same workbook (no checks), with and without lzfk's two text normalisers."""
        rows = self.opts.rows
        bare = Result(
            "floor-100k",
            "reference, no goal: benchmarks/floor.py, the least a pure-Python import of the same workbook must do "
            "(calamine read, ID hash, naive measure split, YAML text, one file per department; no safety scan, "
            "no checks, no records), vs python-calamine reading the sheet",
            "reference",
        )
        normalised = Result(
            "floor-100k-normalised",
            "reference, no goal: the same with lzfk's clean_text on the texts and split_numbered on the measures",
            "reference",
        )
        try:
            xlsx, expected = consolidated_workbook(rows)
        except Exception as exc:
            bare.error = normalised.error = f"could not generate the workbook: {exc!r}"
            return [bare, normalised]
        out = DATA / "floor-out"
        for result, extra in ((bare, ()), (normalised, ("--normalise",))):
            summary: list[object] = []

            def candidate(i: int, extra: tuple[str, ...] = extra, summary: list[object] = summary) -> float:
                run = run_command([sys.executable, str(HERE / "floor.py"), str(xlsx), str(fresh_dir(out)), *extra],
                                  timeout=self.opts.timeout)
                if run.timed_out or run.returncode != 0:
                    raise CommandFailed(run)
                summary[:] = [json_output(run)]
                return run.seconds

            try:
                calamine_read_first_sheet(xlsx)
                interleave(result, self.opts.repeat, lambda: calamine_read_first_sheet(xlsx), candidate)
            except CommandFailed as exc:
                result.error = str(exc)
                continue
            if summary and isinstance(summary[0], dict):
                result.notes.append(f"floor.py wrote {summary[0].get('rows')} points, {summary[0].get('measures')} measures "
                                    f"in {summary[0].get('files')} files (expected {expected.get('risk_points')} points)")
        shutil.rmtree(out, ignore_errors=True)
        return [bare, normalised]

    # 2 ------------------------------------------------------------------------------------
    def stats_100k(self) -> list[Result]:
        rows = self.opts.rows
        result = Result(
            "stats-100k",
            f"lzfk stats --format json on the {self.rows_label}-point register (subprocess, start-up included), "
            "vs json.load of the same register's content as one JSON file (in-process)",
            "≤ 10×",
            limit=10.0,
        )
        if self.register_100k is None:
            if self.register_error:
                result.error = f"no register to read: {self.register_error}"
                return [result]
            # Not measured in this run (--only): make the register with one untimed import.
            try:
                xlsx, self.expected_100k = consolidated_workbook(rows)
                log("  [stats-100k] building the register with one (untimed) lzfk import …")
                register = DATA / f"register-{rows}"
                lzfk("import", str(xlsx), "--into", str(fresh_dir(register)), "--format", "json", "--quiet",
                     timeout=self.opts.timeout)
                self.register_100k = register
            except CommandFailed as exc:
                result.error = f"could not build the register: {exc}"
                return [result]
        register = self.register_100k
        try:
            combined_json, yaml_seconds, n_files, size = register_as_json(register, DATA / f"register-{rows}.json")
        except Exception as exc:
            result.error = f"could not load the register's YAML with yaml_rs: {exc!r}"
            return [result]
        result.notes.append(
            f"register: {n_files} YAML files, {size / 2**20:.1f} MiB; yaml_rs loads them all in {yaml_seconds:.2f} s "
            f"(for reference); JSON copy {combined_json.stat().st_size / 2**20:.1f} MiB"
        )
        stats: list[dict] = []

        def baseline() -> float:
            start = time.perf_counter()
            with open(combined_json, "rb") as f:
                json.load(f)
            return time.perf_counter() - start

        def candidate(i: int) -> float:
            run = lzfk("stats", str(register), "--format", "json", timeout=self.opts.timeout)
            stats[:] = [json_output(run)]
            return run.seconds

        try:
            interleave(result, self.opts.repeat, baseline, candidate)
        except CommandFailed as exc:
            result.error = str(exc)
            return [result]
        if stats and isinstance(stats[0], dict):
            compare(result, "lzfk stats", self.expected_100k, stats[0],
                    ("risk_points", "positions", "departments", "measures", "by_level", "by_type"))
        return [result]

    # 3 ------------------------------------------------------------------------------------
    def import_forms(self) -> list[Result]:
        result = Result(
            "import-426-forms",
            "one lzfk import of a folder of 426 一般岗位廉政风险识别和防控表 (2012 points, 389 people) into a new "
            "register, vs python-calamine opening each file and reading every sheet (in-process)",
            "≤ 10×",
            limit=10.0,
        )
        try:
            folder, expected = forms_folder()
        except Exception as exc:
            result.error = f"could not generate the forms: {exc!r}"
            return [result]
        register = DATA / "register-forms-426"

        def candidate(i: int) -> float:
            return lzfk("import", str(folder), "--into", str(fresh_dir(register)), timeout=self.opts.timeout).seconds

        try:
            calamine_read_folder(folder)  # warm the page cache once, untimed
            interleave(result, self.opts.repeat, lambda: calamine_read_folder(folder), candidate)
        except CommandFailed as exc:
            result.error = str(exc)
            if result.baseline_runs:
                result.baseline = min(result.baseline_runs)
            return [result]
        try:
            stats = json_output(lzfk("stats", str(register), "--format", "json", timeout=self.opts.timeout))
            if isinstance(stats, dict):
                compare(result, "lzfk stats", expected, stats,
                        ("risk_points", "positions", "people", "measures", "departments", "by_level", "by_type"))
        except CommandFailed as exc:
            result.notes.append(f"CHECK lzfk stats on the imported forms failed: {exc}")
        return [result]

    # 4 ------------------------------------------------------------------------------------
    def help(self) -> list[Result]:
        result = Result(
            "help",
            f"lzfk --help (subprocess), vs a bare `python -c \"{HELP_BASELINE}\"` (subprocess)",
            "≤ 0.7×",
            limit=0.7,
        )
        base_argv = [sys.executable, "-c", HELP_BASELINE]

        def baseline() -> float:
            run = run_command(base_argv, timeout=120)
            if run.returncode:
                raise CommandFailed(run, " (the baseline itself failed)")
            return run.seconds

        def candidate(i: int) -> float:
            return lzfk("--help", timeout=120).seconds

        try:
            baseline()  # warm-up (bytecode caches, page cache), untimed
            candidate(-1)
            interleave(result, self.opts.help_repeat, baseline, candidate)
        except CommandFailed as exc:
            result.error = str(exc)
        return [result]


def register_as_json(register: Path, out: Path) -> tuple[Path, float, int, int]:
    """Load every YAML file of ``register`` with yaml_rs and dump them as one JSON file.

    Returns (json path, seconds yaml_rs took, number of YAML files, their total size).
    """
    import yaml_rs

    files = sorted(p for p in register.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    combined = {}
    size = 0
    start = time.perf_counter()
    for path in files:
        data = path.read_bytes()
        size += len(data)
        combined[path.relative_to(register).as_posix()] = yaml_rs.loads(data.decode("utf-8"))
    seconds = time.perf_counter() - start
    with open(out, "w", encoding="utf-8") as f:
        json.dump(combined, f, ensure_ascii=False, default=str)
    return out, seconds, len(files), size


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------


def cell(result: Result) -> tuple[str, str, str, str, str, str]:
    if result.unit == "s":
        lz = f"{result.lzfk:.3f} s" if result.lzfk is not None else "—"
        base = f"{result.baseline:.3f} s" if result.baseline is not None else "—"
        ratio = f"{result.ratio:.2f}×" if result.ratio is not None else "—"
    else:
        lz = f"{result.lzfk:.0f} {result.unit}" if result.lzfk is not None else "—"
        base, ratio = "—", "—"
    verdict = {True: "PASS", False: "FAIL", None: "—"}[result.passed]
    if result.error:
        verdict = "ERROR"
    return result.name, lz, base, ratio, result.target, verdict


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def print_table(results: list[Result], header: dict) -> None:
    print(
        f"lzfk benchmarks — Python {header['python']} on {header['machine']}, "
        f"{header['cpus']} CPUs; best of {header['repeat']} (help: best of {header['help_repeat']}); "
        f"rows {header['rows']}"
    )
    rows = [("target", "lzfk", "baseline", "ratio", "goal", "result"), *(cell(r) for r in results)]
    widths = [max(_width(row[i]) for row in rows) for i in range(6)]
    for k, row in enumerate(rows):
        print("  ".join(c + " " * (widths[i] - _width(c)) if i in (0, 4, 5) else " " * (widths[i] - _width(c)) + c
                        for i, c in enumerate(row)).rstrip())
        if k == 0:
            print("  ".join("-" * w for w in widths))
    print()
    for r in results:
        runs = ""
        if r.lzfk_runs:
            unit = " s" if r.unit == "s" else f" {r.unit}"
            runs = f" [lzfk runs: {', '.join(f'{x:.3f}' if r.unit == 's' else f'{x:.0f}' for x in r.lzfk_runs)}{unit}"
            if r.baseline_runs:
                runs += f"; baseline runs: {', '.join(f'{x:.3f}' for x in r.baseline_runs)} s"
            runs += "]"
        print(f"{r.name}: {r.what}.{runs}")
        for note in r.notes:
            print(f"  {note}")
        if r.error:
            print("  ERROR: " + r.error.replace("\n", "\n    "))
    print()


def compile_package() -> None:
    """Byte-compile ``lzfk/`` as installing it does (pip compiles every module at install).
    Run from a checkout with PYTHONDONTWRITEBYTECODE set (as on this machine), every lzfk
    run would otherwise compile its modules from source again: ~80 ms no installed copy pays."""
    import compileall

    compileall.compile_dir(str(REPO / "lzfk"), quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", action="append", default=[], metavar="NAME",
                        help=f"run only these targets (repeat or comma-separate): {', '.join(TARGETS)}")
    parser.add_argument("--rows", type=int, default=100_000, help="rows of the consolidated register (default 100000)")
    parser.add_argument("--quick", action="store_true", help="one run per big target instead of best of 3 (help: best of 3)")
    parser.add_argument("--repeat", type=int, default=None, help="runs per big target (default 3, 1 with --quick)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds before an lzfk run is killed (default 1800)")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    args = parser.parse_args(argv)

    selected = [n.strip() for item in args.only for n in item.split(",") if n.strip()] or list(TARGETS)
    unknown = [n for n in selected if n not in TARGETS]
    if unknown:
        parser.error(f"unknown target(s) {', '.join(unknown)}; choose from {', '.join(TARGETS)}")
    if args.rows < 1:
        parser.error("--rows must be positive")
    repeat = args.repeat or (1 if args.quick else 3)
    opts = Options(rows=args.rows, repeat=repeat, help_repeat=3 if args.quick else 5, timeout=args.timeout)
    header = {
        "python": platform.python_version(),
        "executable": sys.executable,
        "machine": f"{platform.system()} {platform.machine()}",
        "cpus": os.cpu_count(),
        "repeat": opts.repeat,
        "help_repeat": opts.help_repeat,
        "rows": opts.rows,
    }

    compile_package()
    bench = Bench(opts)
    methods = {
        "import-100k": bench.import_100k,
        "floor-100k": bench.floor_100k,
        "stats-100k": bench.stats_100k,
        "import-426-forms": bench.import_forms,
        "help": bench.help,
    }
    results: list[Result] = []
    for name in TARGETS:
        if name not in selected:
            continue
        log(f"{name} …")
        try:
            results.extend(methods[name]())
        except Exception as exc:  # a bug here must not hide the other figures
            import traceback

            results.append(Result(name, "benchmark harness error", "—", error="".join(traceback.format_exception(exc))))

    if args.format == "json":
        json.dump({**header, "results": [r.as_json() for r in results]}, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print_table(results, header)
    return 0


if __name__ == "__main__":
    sys.exit(main())
