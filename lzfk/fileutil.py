"""Atomic writes: a temporary file beside the target, flushed, then renamed over it."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from typing import Callable

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


def publish_mode(tmp: Path, target: Path) -> None:
    """Give a temporary file the mode the target has (or a new file would have): mkstemp
    makes files readable by their owner only, and registers live on shared drives."""
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    os.chmod(tmp, mode)


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write(tmp)`` and rename ``tmp`` to ``path``; on any failure ``path`` is untouched."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise OutputError(f"无法写入 {path}：{os_error_text(exc)}") from None
    tmp = Path(tmp_name)
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
