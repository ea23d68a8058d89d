"""Spreadsheets are untrusted: look at a file before any parser does.

calamine builds each sheet as one dense grid, and a sheet holding just A1 and XFD1048576
makes it allocate half a terabyte and abort the whole process (seen with
python-calamine 0.9). So before calamine opens a workbook we check, cheaply:

- the file's magic bytes (zip for .xlsx/.xlsm/.ods, OLE2 for .xls) — a text file named
  ``.xlsx`` is refused;
- the zip's central directory (a truncated file has none) and every member's declared size;
- each worksheet's real extent, by scanning its cell references while decompressing it in
  chunks with a hard byte cap (declared sizes can lie);
- for .xls, the file size; after loading, every sheet's height × width.
"""

from __future__ import annotations

import io
import os
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from lzfk.errors import InputUnreadable
from lzfk.problems import problem

ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")  # the stream name in the OLE directory
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class Limits:
    """Safety limits for one workbook (defaults fit a 200 000-row city-wide register)."""

    max_file_bytes: int = 200 * 1024**2
    max_sheet_xml_bytes: int = 256 * 1024**2  # one worksheet's XML, uncompressed
    max_total_xml_bytes: int = 768 * 1024**2
    max_rows: int = 300_000
    max_columns: int = 200
    max_cells: int = 8_000_000


DEFAULT_LIMITS = Limits()

# Patterns start with a literal (` r="`), which the regex engine finds at memchr speed;
# a worksheet of 1.3 million cells is scanned in well under a second.
_ROW_REF = re.compile(rb'<row[^>]*? r="(\d+)"')
# One pass finds every cell reference that could matter: two or three column letters, or a
# row number of six digits or more (single-letter columns below row 100 000 never do).
_WIDE_OR_DEEP = re.compile(rb' r="([A-Z]{2,3})(\d+)"| r="[A-Z](\d{6,})"')
# A row or cell element whose first attribute is not its reference (rare: then look closer).
_ROW_WITHOUT_LEADING_REF = re.compile(rb'<row(?! r=")[ >/]')
_CELL_WITHOUT_LEADING_REF = re.compile(rb'<c(?! r=")[ >/]')
_CELL_WITHOUT_REF = re.compile(rb'<c(?:/?>|\s(?![^>]*\br=)[^>]*>)')
_ODS_REPEAT = re.compile(rb'number-(rows|columns)-repeated="(\d+)"')


def _col_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def read_spreadsheet_bytes(path: Path) -> tuple[str, bytes]:
    """The file's kind (``"zip"`` or ``"ole"``) and its bytes, or raise InputUnreadable.

    The size limit is checked on the open file before anything is read from it."""
    name = str(path)
    try:
        with path.open("rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > DEFAULT_LIMITS.max_file_bytes:
                raise InputUnreadable(problem("too-large", file=name, detail=f"文件 {size / 1024**2:.0f} MB，上限 {DEFAULT_LIMITS.max_file_bytes // 1024**2} MB"))
            data = fh.read()
    except FileNotFoundError:
        raise InputUnreadable(problem("file-not-found", file=name)) from None
    except IsADirectoryError:
        raise InputUnreadable(problem("not-a-spreadsheet", file=name, detail="：这是一个目录")) from None
    except OSError as exc:
        raise InputUnreadable(problem("not-a-spreadsheet", file=name, detail=f"：{exc.strerror}")) from None
    if data.startswith(ZIP_MAGIC):
        return "zip", data
    if data.startswith(OLE_MAGIC):
        if _ENCRYPTED_PACKAGE in data:  # an .xlsx saved with a password to open: an OLE box around it
            raise InputUnreadable(problem("encrypted", file=name))
        return "ole", data
    if not data:
        raise InputUnreadable(problem("not-a-spreadsheet", file=name, detail="：文件为空"))
    raise InputUnreadable(problem("not-a-spreadsheet", file=name, detail="：文件内容不是 Excel/WPS/ODS 格式"))


def check_zip(path: Path, limits: Limits = DEFAULT_LIMITS, data: bytes | None = None,
              sheets: dict[str, tuple[int, bytes]] | None = None) -> str:
    """Check a zip-based workbook (its bytes ``data`` when they are already read);
    return ``"xlsx"`` or ``"ods"``. ``sheets``, if given, receives each .xlsx worksheet's
    uncompressed size and its XML after the cells (for ``merged_ranges``), read on the way."""
    name = str(path)
    if data is None:
        data = path.read_bytes()
    members = _plain_zip_members(data)
    if members is not None:
        return _check_members(name, members, limits, sheets)
    try:  # anything unusual (zip64, prefixed data, encryption …): the standard library's reader
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputUnreadable(problem("truncated-file", file=name, detail="（zip 目录缺失）")) from None
    with zf:
        return _check_members(name, [_ZipfileMember(zf, info) for info in zf.infolist()], limits, sheets)


_ROOT_PREFIX = re.compile(rb"<([A-Za-z_][\w.-]*):worksheet[\s>]")


def _unprefixed(data: bytes) -> bytes:
    """A worksheet written with a namespace prefix (<x:row>, <x:c>, as the .NET OpenXML SDK
    writes them) with the prefix taken out, so the checks below see its rows and cells."""
    m = _ROOT_PREFIX.search(data, 0, 4096)
    if m is None:
        return data
    prefix = m[1]
    return data.replace(b"<" + prefix + b":", b"<").replace(b"</" + prefix + b":", b"</")


_MERGE_REF = re.compile(rb'<mergeCell ref="([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?"\s*/>')
_ANY_MERGE = re.compile(rb'<(?:[\w.-]+:)?mergeCell[\s/>]')


def merged_ranges(tail: bytes) -> list[tuple[int, int, int, int]] | None:
    """The merged ranges an .xlsx worksheet lists after its cells (``tail``: its XML from
    </sheetData> on), as Excel, WPS and LibreOffice write them; None if any is written
    otherwise ($A$1, quotes, lower case …): then only calamine's own reading of them counts."""
    ranges = []
    for m in _MERGE_REF.finditer(tail):
        r0, c0 = int(m[2]) - 1, _col_number(m[1]) - 1
        r1, c1 = (int(m[4]) - 1, _col_number(m[3]) - 1) if m[3] else (r0, c0)
        ranges.append((r0, c0, r1, c1))
    if len(_ANY_MERGE.findall(tail)) != len(ranges):
        return None
    return ranges


def _check_members(name: str, members: list, limits: Limits, found: dict | None = None) -> str:
    names = {m.filename for m in members}
    if "content.xml" in names and "mimetype" in names:
        kind = "ods"
        sheets = [m for m in members if m.filename == "content.xml"]
    elif "xl/workbook.xml" in names:
        kind = "xlsx"
        sheets = [m for m in members if m.filename.startswith("xl/worksheets/") and m.filename.endswith(".xml")]
    else:
        raise InputUnreadable(problem("not-a-spreadsheet", file=name, detail="：压缩包中没有工作簿"))
    total = sum(m.file_size for m in members)
    if total > limits.max_total_xml_bytes:
        raise InputUnreadable(problem("too-large", file=name, detail=f"解压后共 {total / 1024**2:.0f} MB"))
    for member in sheets:
        if member.file_size > limits.max_sheet_xml_bytes:
            raise InputUnreadable(
                problem("too-large", file=name, detail=f"工作表 {member.filename} 解压后 {member.file_size / 1024**2:.0f} MB，上限 {limits.max_sheet_xml_bytes // 1024**2} MB")
            )
        try:
            data = member.read_capped(limits.max_sheet_xml_bytes)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error) as exc:
            raise InputUnreadable(problem("truncated-file", file=name, detail=f"（技术信息：{member.filename}：{exc}）")) from None
        if data is None:
            raise InputUnreadable(problem("too-large", file=name, detail=f"工作表 {member.filename} 解压后超过 {limits.max_sheet_xml_bytes // 1024**2} MB"))
        if kind == "xlsx":
            data = _unprefixed(data)
            _check_xlsx_extent(name, member.filename, data, limits)
            if found is not None:
                found[member.filename] = (len(data), data[max(0, data.rfind(b"</sheetData>")):])
        else:
            _check_ods_repeats(name, data, limits)
    return kind


class _ZipfileMember:
    """A member as the standard library reads it."""

    def __init__(self, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
        self.zf, self.info = zf, info
        self.filename, self.file_size = info.filename, info.file_size

    def read_capped(self, cap: int) -> bytes | None:
        chunks = []
        size = 0
        with self.zf.open(self.info) as fh:
            while chunk := fh.read(4 * 1024**2):
                size += len(chunk)
                if size > cap:
                    return None
                chunks.append(chunk)
        return b"".join(chunks)


_END = b"PK\x05\x06"
_CENTRAL = struct.Struct("<4s4x2H4x3I5H4xI")  # signature, flags, method, crc, sizes, name/extra/comment lengths …
_LOCAL = struct.Struct("<4s22x2H")  # signature, name and extra lengths


class _PlainMember:
    """A member of an ordinary zip, read straight from the archive's bytes."""

    __slots__ = ("data", "filename", "file_size", "compressed_size", "method", "offset")

    def __init__(self, data: bytes, filename: str, file_size: int, compressed_size: int, method: int, offset: int) -> None:
        self.data, self.filename, self.file_size = data, filename, file_size
        self.compressed_size, self.method, self.offset = compressed_size, method, offset

    def read_capped(self, cap: int) -> bytes | None:
        signature, name_len, extra_len = _LOCAL.unpack_from(self.data, self.offset)
        if signature != ZIP_MAGIC:
            raise zipfile.BadZipFile("本地文件头缺失")
        start = self.offset + _LOCAL.size + name_len + extra_len
        raw = self.data[start:start + self.compressed_size]
        if len(raw) < self.compressed_size:
            raise EOFError("压缩数据不完整")
        if self.method == zipfile.ZIP_STORED:
            return raw if len(raw) <= cap else None
        inflater = zlib.decompressobj(-15)
        out = inflater.decompress(raw, cap + 1)
        if len(out) > cap:
            return None
        if not inflater.eof:
            raise EOFError("压缩数据不完整")
        return out


def _plain_zip_members(data: bytes) -> list[_PlainMember] | None:
    """The members listed in the central directory of an ordinary zip (what every
    spreadsheet program writes), read with a few ``struct`` calls instead of the standard
    library's full reader, which costs more than calamine's whole read of a small form.
    None for anything else: zip64, encryption, other compression, data before the
    archive, a damaged directory — the standard library's reader then decides."""
    end = data.rfind(_END, max(0, len(data) - 65_557))
    if end < 0 or len(data) < end + 22:
        return None
    disk, cd_disk, _, count, cd_size, cd_offset = struct.unpack_from("<4H2I", data, end + 4)
    if disk or cd_disk or count == 0xFFFF or cd_offset + cd_size != end:
        return None
    members = []
    pos = cd_offset
    for _ in range(count):
        if pos + _CENTRAL.size > end:
            return None
        signature, flags, method, _, compressed, size, name_len, extra_len, comment_len, _, _, offset = _CENTRAL.unpack_from(data, pos)
        if signature != b"PK\x01\x02" or flags & 0x1 or method not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) \
                or 0xFFFFFFFF in (compressed, size, offset) or offset + _LOCAL.size > cd_offset:
            return None
        raw_name = data[pos + _CENTRAL.size:pos + _CENTRAL.size + name_len]
        filename = raw_name.decode("utf-8" if flags & 0x800 else "cp437", "replace")
        members.append(_PlainMember(data, filename, size, compressed, method, offset))
        pos += _CENTRAL.size + name_len + extra_len + comment_len
    return members


def _check_xlsx_extent(name: str, member: str, data: bytes, limits: Limits) -> None:
    """Bound the grid calamine will build: the highest row and column any cell can land in.

    References (``r="XFD1048576"``) are optional in the format: rows and cells without one
    follow the previous one, so those are counted too.
    """
    row_refs = [int(m[1]) for m in _ROW_REF.finditer(data)]
    rows = max(row_refs, default=0)
    if _ROW_WITHOUT_LEADING_REF.search(data):
        rows += data.count(b"<row") - len(row_refs)  # rows without a reference follow the previous one
    cols = 26
    for m in _WIDE_OR_DEEP.finditer(data):
        if m[1]:
            cols = max(cols, _col_number(m[1]))
            rows = max(rows, int(m[2]))
        else:
            rows = max(rows, int(m[3]))
    if _CELL_WITHOUT_LEADING_REF.search(data) and _CELL_WITHOUT_REF.search(data):
        widest = max((chunk.count(b"<c>") + chunk.count(b"<c ") + chunk.count(b"<c/>") for chunk in data.split(b"<row")[1:]), default=0)
        cols = max(cols, widest)
    if _over(rows, cols, limits):
        # Counted so far: every row and cell element, also the empty ones a format leaves
        # (<c r="F400000" s="1"/>, <row r="400000" ht="20"/>), which calamine skips. Before
        # refusing, count only cells that can hold a value, walking the sheet once.
        rows, cols = _content_extent(data)
    _check_extent(name, member, rows, cols, limits)


_ROW_OR_CELL = re.compile(rb'<(row|c)\b([^>]*?)(/?)>')
_REF_ATTRIBUTE = re.compile(rb'\sr="([A-Z]{0,3})(\d*)"')


def _content_extent(data: bytes) -> tuple[int, int]:
    """The last row and column holding a cell element that is not empty (self-closing).
    Positions follow the format: a row or cell without a reference comes after the one
    before it. A cell written ``<c …></c>`` counts, even if nothing is inside."""
    rows = cols = 0
    row = col = 0
    for m in _ROW_OR_CELL.finditer(data):
        ref = _REF_ATTRIBUTE.search(m[2])
        if m[1] == b"row":
            row = int(ref[2]) if ref and ref[2] else row + 1
            col = 0
            continue
        if ref and ref[1]:
            col = _col_number(ref[1])
            if ref[2]:
                row = int(ref[2])
        else:
            col += 1
        if not m[3]:  # <c …>…</c>: may hold a value
            rows, cols = max(rows, row), max(cols, col)
    return rows, cols


def _over(rows: int, cols: int, limits: Limits) -> bool:
    return rows > limits.max_rows or cols > limits.max_columns or rows * cols > limits.max_cells


def _check_ods_repeats(name: str, data: bytes, limits: Limits) -> None:
    # LibreOffice writes huge repeat counts for the empty remainder of a sheet; only a
    # repeated element that carries a value expands into real cells.
    for m in _ODS_REPEAT.finditer(data):
        count, rows = int(m[2]), m[1] == b"rows"
        if count <= 1000:
            continue
        start = data.rfind(b"<", 0, m.start())  # the repeated element: a cell's own tag, a row up to its end
        end = data.find(b"</table:table-row>", m.end()) if rows else data.find(b">", m.end())
        if b"office:value-type" in data[start:end] and count > (limits.max_rows if rows else limits.max_columns):
            raise InputUnreadable(problem("too-large", file=name, detail=f"重复单元格展开后达 {count} {'行' if rows else '列'}"))


def _check_extent(name: str, where: str, rows: int, cols: int, limits: Limits) -> None:
    if _over(rows, cols, limits):
        raise InputUnreadable(
            problem("too-large", file=name, detail=f"{where} 范围 {rows} 行 × {cols} 列，上限 {limits.max_rows} 行、{limits.max_columns} 列、共 {limits.max_cells} 个单元格")
        )


def check_loaded_extent(name: str, sheet: str, rows: int, cols: int, limits: Limits = DEFAULT_LIMITS) -> None:
    """After loading (.xls has no cheap pre-check), refuse sheets too large to convert."""
    _check_extent(name, f"工作表「{sheet}」", rows, cols, limits)
