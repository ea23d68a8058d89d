"""Atomic writes: a temporary file beside the target, flushed, then renamed over it."""

from __future__ import annotations

import errno
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from lzfk.errors import OutputError


_OS_ERRORS = {
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "所在文件系统为只读",
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "超出磁盘配额",
    errno.EEXIST: "路径中有同名文件，不是目录",
    errno.ENOTDIR: "路径中有同名文件，不是目录",
    errno.EISDIR: "这是一个目录",
    errno.ENAMETOOLONG: "文件名过长",
    errno.ENOENT: "路径不存在",
}


def os_error_text(exc: OSError) -> str:
    """An OSError in Chinese (the system's own words after it, for the technically minded)."""
    text = _OS_ERRORS.get(exc.errno or -1)
    system = exc.strerror or str(exc)
    return f"{text}（{system}）" if text else system


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def new_temporary(folder: Path, name: str, n: int = 0) -> tuple[Path, int]:
    """A new file ``.NAME.PID-N.tmp`` in ``folder`` (mode 0666 less the umask, as a new file
    would get), open for writing; another suffix if one is left over from a crash. (Cheaper
    than mkstemp's random names, for the thousand files of a city register.)"""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for attempt in range(100):
        tmp = folder / f".{name}.{os.getpid()}-{n}{'-' + str(attempt) if attempt else ''}.tmp"
        try:
            return tmp, os.open(tmp, flags, 0o666)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "临时文件已存在", str(tmp))


def publish_mode(tmp: Path, target: Path) -> None:
    """Give a temporary file the mode the target has (or a new file would have): registers
    live on shared drives."""
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    os.chmod(tmp, mode)


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write(tmp)`` and rename ``tmp`` to ``path``; on any failure ``path`` is untouched."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp, fd = new_temporary(path.parent, path.name)
        os.close(fd)
    except OSError as exc:
        raise OutputError(f"无法写入 {path}：{os_error_text(exc)}") from None
    try:
        write(tmp)
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        publish_mode(tmp, path)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"无法写入 {path}：{os_error_text(exc)}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_save_workbook(workbook, path: Path) -> None:
    atomic_write(path, lambda tmp: workbook.save(tmp))


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


@contextmanager
def register_lock(directory: Path, *, timeout: float = 600.0, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the register at ``directory`` for one writer: two imports at once would each read
    the register, then each rename its own version of a department file over the other's.

    The lock is an ``flock`` on the directory itself, so no lock file is left in a register kept
    under version control, and the system drops it when a process dies. A directory that does
    not exist yet is made for the lock and removed again if it is still empty afterwards. A
    second writer waits (``on_wait`` is called once) up to ``timeout`` seconds, then gets
    OutputError (exit 4). Where ``flock`` is not available (Windows) nothing is locked.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    if directory.exists() and not directory.is_dir():
        yield  # not a register at all: reading it says so (exit 3)
        return
    created = []  # the directory and any parents made for the lock, innermost first
    missing = directory
    while not missing.exists() and missing != missing.parent:
        created.append(missing)
        missing = missing.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd = os.open(directory, os.O_RDONLY)
    except OSError as exc:
        raise OutputError(f"无法写入 {directory}：{os_error_text(exc)}") from None
    try:
        deadline = time.monotonic() + timeout
        waited = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise OutputError(f"台账 {directory} 正由另一个 lzfk 进程写入，等待 {timeout:.0f} 秒后仍未结束；请稍后再试") from None
                if not waited and on_wait is not None:
                    on_wait()
                waited = True
                time.sleep(0.1)
            except OSError:  # a file system without locks (some network drives): go on unlocked
                break
        yield
    finally:
        os.close(fd)
        for made in created:
            try:
                made.rmdir()  # only succeeds while empty: nothing was written
            except OSError:
                break
