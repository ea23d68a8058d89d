"""Turn what people type into canonical values.

Everything read from a form passes through here: traditional → simplified script (OpenCC),
full-width → half-width letters, digits and spaces, whitespace inside labels, numbered
measures inside one cell, the many spellings of levels, types and dates.

Free text keeps Chinese punctuation (，；：（）) — that is correct Chinese typography — but
loses full-width letters/digits and stray whitespace. Labels (headers, field names, enum
values) lose all punctuation and whitespace before they are looked up.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from lzfk.vocab import Vocab

E = TypeVar("E", bound=Vocab)

# Full-width ASCII letters and digits (and the ideographic space) to half-width.
_FULL_ALNUM = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}  # ０-９
_FULL_ALNUM.update({c: c - 0xFEE0 for c in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FULL_ALNUM.update({c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FULL_ALNUM.update({0x3000: 0x20, 0xA0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0xFEFF: None, 0x200B: None})
# All full-width ASCII (punctuation too), used for labels and structured values.
_FULL_ALL = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FULL_ALL.update({0x3000: 0x20, 0xA0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0xFEFF: None, 0x200B: None})

_converter = None


def _opencc():
    global _converter
    if _converter is None:
        import opencc  # lazy: loading the dictionaries costs ~50 ms

        _converter = opencc.OpenCC("t2s")
    return _converter


_traditional_chars = None


def _traditional():
    """A character class of every character OpenCC changes on its own (繁 → 简), read once
    from ``data/traditional-chars.txt``, so that text without any of them skips the
    converter (most forms are written in simplified script)."""
    global _traditional_chars
    if _traditional_chars is None:
        changed = TRADITIONAL_FILE.read_text("utf-8").strip()
        _traditional_chars = re.compile("[" + "".join(re.escape(c) for c in changed) + "]")
    return _traditional_chars


TRADITIONAL_FILE = Path(__file__).parent / "data" / "traditional-chars.txt"


def traditional_characters() -> str:
    """Every CJK character (U+3400–U+9FFF) that OpenCC's t2s changes on its own; saved in
    ``data/traditional-chars.txt`` (40 ms to compute at each start), checked by a test."""
    chars = "".join(chr(c) for c in range(0x3400, 0x9FFF + 1))
    converted = _opencc().convert("\n".join(chars)).split("\n")
    return "".join(c for c, t in zip(chars, converted, strict=True) if c != t)


_needs_work_pattern = None


def _needs_work():
    """One search for anything ``clean_text`` would change: whitespace, full-width letters
    or digits, traditional characters."""
    global _needs_work_pattern
    if _needs_work_pattern is None:
        _needs_work_pattern = re.compile(f"{_NEEDS_SPACE.pattern}|{_NEEDS_WIDTH.pattern}|{_traditional().pattern}")
    return _needs_work_pattern


@lru_cache(maxsize=65536)
def _convert(text: str) -> str:
    return _opencc().convert(text)


def to_simplified(text: str) -> str:
    """Traditional → simplified script with OpenCC, only for text holding a traditional character."""
    if text.isascii() or not _traditional().search(text):
        return text
    return _convert(text)


def cell_text(value: object) -> str:
    """A cell's value as text: integral floats lose their ``.0``; None becomes ''."""
    if value is None:
        return ""
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%Y-%m-%d")
    return str(value)


_SPACE_RUN = re.compile(r"\s+")
_CJK_GAP = re.compile(r"(?<=[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]) (?=[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f])")


_NEEDS_WIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000\xa0\u2002\u2003\ufeff\u200b]")
_NEEDS_SPACE = re.compile(r"\s")


def clean_text(value: object) -> str:
    """Free text: simplified script, half-width letters/digits, whitespace collapsed.

    A space left between two Chinese characters (``姓  名``, a wrapped line) is dropped.
    Each step runs only when a cheap search says the text needs it: imports of 100 000
    rows spend most of their time here.
    """
    text = value if value.__class__ is str else cell_text(value)
    if not text:
        return ""
    if text[0] == "'" and text[1:2] in ("=", "+", "-", "@"):
        text = text[1:]  # lzfk's own escape of formula-like text (excel.writer.safe_cell)
    if not _needs_work().search(text):
        return text  # the common case: nothing to convert, one search
    if _NEEDS_WIDTH.search(text):
        text = text.translate(_FULL_ALNUM)
    text = to_simplified(text)
    if _NEEDS_SPACE.search(text):
        text = _SPACE_RUN.sub(" ", text).strip()
        if " " in text:
            text = _CJK_GAP.sub("", text)
    return text


_LABEL_DROP = re.compile(r"[\s:：*＊※·•\"'“”‘’「」『』《》〈〉()（）\[\]【】{}、,，.。;；!！?？_\-—–~～/\\|]+")


@lru_cache(maxsize=65536)
def label_key(value: str) -> str:
    """A label reduced for lookup: simplified, half-width, upper-case, no spaces or punctuation.

    ``"單位（盖章）："`` → ``"单位盖章"``; ``"风险\\n类别"`` → ``"风险类别"``.
    """
    text = to_simplified(value.translate(_FULL_ALL))
    return _LABEL_DROP.sub("", text).upper()


def structured_text(value: object) -> str:
    """A short structured value (level, grade, date): simplified, half-width, no spaces."""
    return _structured(value if value.__class__ is str else cell_text(value))


@lru_cache(maxsize=8192)
def _structured(text: str) -> str:
    return re.sub(r"\s+", "", to_simplified(text.translate(_FULL_ALL)))


# --- enum lookup -------------------------------------------------------------------------

_SUFFIXES = {
    "level": ("风险等级", "风险", "等级", "级别", "级"),
    "type": ("风险", "方面", "类"),
    "plain": (),
}


def _strip_suffixes(key: str, suffixes: tuple[str, ...]) -> str:
    changed = True
    while changed and key:
        changed = False
        for suffix in suffixes:
            if key.endswith(suffix) and len(key) > len(suffix):
                key = key[: -len(suffix)]
                changed = True
    return key


@lru_cache(maxsize=None)
def _table(enum_cls: type[Vocab], mode: str) -> dict[str, Vocab]:
    table: dict[str, Vocab] = {}
    for member in enum_cls:
        for alias in (member.value, *member.aliases):
            key = label_key(alias)
            table.setdefault(key, member)
            table.setdefault(_strip_suffixes(key, _SUFFIXES[mode]), member)
    return table


def lookup(enum_cls: type[E], value: object, mode: str = "plain") -> E | None:
    """The member of ``enum_cls`` that ``value`` spells, or None if it spells none.

    ``mode`` chooses which suffixes may be dropped: ``"level"`` (级, 风险 …), ``"type"``
    (风险, 方面 …) or ``"plain"``.
    """
    if value.__class__ is str:
        return _lookup_text(enum_cls, value, mode)  # type: ignore[return-value]
    return _lookup_text(enum_cls, cell_text(value), mode)  # type: ignore[return-value]


@lru_cache(maxsize=8192)
def _lookup_text(enum_cls: type[Vocab], text: str, mode: str) -> Vocab | None:
    key = label_key(text)
    if not key:
        return None
    table = _table(enum_cls, mode)
    found = table.get(key)
    if found is None:
        found = table.get(_strip_suffixes(key, _SUFFIXES[mode]))
    return found  # type: ignore[return-value]


def is_blank(value: object) -> bool:
    if value.__class__ is str:
        return not value or value.isspace()  # type: ignore[union-attr]
    return value is None or not cell_text(value).strip()


# --- dates ---------------------------------------------------------------------------------

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_YMD = re.compile(r"^(\d{4})[年./\-](\d{1,2})[月./\-](\d{1,2})日?$")
_YM = re.compile(r"^(\d{4})[年./\-](\d{1,2})月?(?:底|末)?$")
_Y_END = re.compile(r"^(\d{4})年?(?:底|末|年底|年末)$")
_EMPTY_DATE = re.compile(r"^(?:年?月?日?)$")
_BY_THEN = re.compile(r"(?<=[\d日月底末])(?:以前|之前|前|止)$")
_MDY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
# A 完成时限 that is no date but says the measure runs for good (长期坚持): no deadline.
ONGOING = re.compile(r"^(?:长期|常年|长效|持续|经常|常态|日常|随时|全年|每年|每季|每月|每周)")


_CN_DATE = re.compile(r"^[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日?$")
_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0"}


def _cn_number(text: str) -> str:
    if "十" not in text:
        return "".join(_CN_DIGIT[c] for c in text)
    tens, _, ones = text.partition("十")
    return str((int(_CN_DIGIT[tens]) if tens else 1) * 10 + (int(_CN_DIGIT[ones]) if ones else 0))


def _cn_date_digits(text: str) -> str:
    """``二〇二四年三月五日`` → ``2024年3月5日`` (official documents write dates this way)."""
    year, rest = text.split("年", 1)
    month, rest = rest.split("月", 1)
    day = rest.rstrip("日")
    return f"{_cn_number(year)}年{_cn_number(month)}月{_cn_number(day)}日"


class UnreadableValue(ValueError):
    """A value that is there but cannot be understood."""


def parse_date(value: object) -> dt.date | None:
    """``2011年6月30日``, ``2011.6.30``, ``2011-06-30``, Excel serial numbers, date cells.

    A blank or the template's ``年  月  日`` gives None; anything else unreadable raises.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2958466:  # Excel's date range (1900 system)
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise UnreadableValue(cell_text(value))
    text = _BY_THEN.sub("", structured_text(value))  # 2012年6月30日前: the date itself
    if _EMPTY_DATE.match(text):
        return None
    if _CN_DATE.match(text):
        text = _cn_date_digits(text)
    if m := _MDY.match(text):  # 12/31/2012: only when the day cannot be the month
        first, second, year = int(m[1]), int(m[2]), int(m[3])
        if first > 12 >= second:
            first, second = second, first
        if second > 12 >= first:
            try:
                return dt.date(year, first, second)
            except ValueError:
                pass
        raise UnreadableValue(cell_text(value))
    try:
        if m := _YMD.match(text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _YM.match(text):
            year, month = int(m[1]), int(m[2])
            nxt = dt.date(year + month // 12, month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        if m := _Y_END.match(text):
            return dt.date(int(m[1]), 12, 31)
        if text.isdigit() and 20000 <= int(text) < 80000:  # serial typed as text
            return _EXCEL_EPOCH + dt.timedelta(days=int(text))
    except ValueError:
        pass
    raise UnreadableValue(cell_text(value))


# --- lists inside one cell -----------------------------------------------------------------

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN_DIGITS = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"  # one character each, as Word and WPS number lists
_CN_DIGITS = {c: int(d) for c, d in _CN_DIGIT.items()}
# A list marker: (1) （1） (一)  ① ⑴  1. 1、 1． 1)  一、 一是 — it counts only at the start of the
# text or after a separator, which is checked in Python: a pattern that starts on the
# marker itself lets the regex engine skip ahead, 3× faster than a look-behind.
_MARKER = re.compile(
    r"[(（](?P<paren>\d{1,2}|[一二三四五六七八九十]{1,2})[)）]"
    r"|(?P<circled>[①-⑳⑴-⒇])"
    r"|(?P<num>\d{1,2})[.．、,，)）](?!\d)"
    r"|(?P<cn>[一二三四五六七八九十]{1,2})[、是]"
)
_SEPARATORS = "\n\r;；。，, \t"  # what may stand between a list's items
# What an item loses at its ends: a separator before the next item was never part of it, and the
# last item's full stop goes too, so that every item of “1.甲。2.乙。” reads alike.
_ITEM_TRIM = " ;；,，、。"
_SEPARATOR_RUN = re.compile(f"([{_SEPARATORS}]+)")
_MAYBE_MARKER = re.compile("[0-9\uff10-\uff19①-⑳⑴-⒇]|[一二三四五六七八九十][、是]")


def _number(kind: str, token: str) -> int:
    if kind == "circled":
        return (_CIRCLED.index(token) if token in _CIRCLED else _PAREN_DIGITS.index(token)) + 1
    if token.isdigit():
        return int(token)
    if token == "十":
        return 10
    if token[0] == "十":
        return 10 + _CN_DIGITS.get(token[1], 0)
    if len(token) == 2 and token[1] == "十":
        return _CN_DIGITS.get(token[0], 0) * 10
    return _CN_DIGITS.get(token[0], 0)


def split_numbered(value: object) -> list[str]:
    """Split ``"1.加强教育；2.制定制度"`` into items; unnumbered text is one item.

    Only markers counting up from 1 (1, 2, 3 …) split, so a number inside a sentence
    (``公示5个工作日``) never does. Each item is cleaned and loses the separators and full
    stop at its ends.
    """
    raw = value if value.__class__ is str else cell_text(value)
    if not raw or raw.isspace():
        return []
    if not _MAYBE_MARKER.search(raw):  # no list marker at all: one item per line
        return [t for t in (clean_text(p).strip(_ITEM_TRIM) for p in raw.splitlines()) if t]
    if _NEEDS_WIDTH.search(raw):
        raw = raw.translate(_FULL_ALNUM)
    raw = _break_before_markers(raw)
    # Markers count only at the start or right after a separator: split there (in C), then
    # try the marker pattern at the start of each segment (3× faster than scanning for it).
    pieces = _SEPARATOR_RUN.split(raw)  # text, separator, text, separator, …
    parts: list[str] = []
    expected = 1
    current: list[str] | None = None
    lead: list[str] = []
    for i in range(0, len(pieces), 2):
        segment = pieces[i]
        separator = pieces[i - 1] if i else ""
        m = _MARKER.match(segment) if segment else None
        if m is not None and _number(m.lastgroup, m.group(m.lastgroup)) == expected:  # type: ignore[arg-type]
            if current is not None:
                parts.append("".join(current))
            current = [segment[m.end():]]
            expected += 1
        elif current is not None:
            current.append(separator + segment)
        else:
            lead.append(separator + segment)
    if current is not None:
        parts.append("".join(current))
    if current is None or "".join(lead).strip():
        # No list, or text before the first marker: split on line breaks only.
        parts = [p for p in raw.splitlines() if p.strip()]
    items = []
    for part in parts:
        text = clean_text(part).strip(_ITEM_TRIM)
        if text:
            items.append(text)
    return items


_OWN_MARKER = re.compile(r"[①-⑳⑴-⒇]|[(（](\d{1,2})[)）]")


def _break_before_markers(raw: str) -> str:
    """``①登记②保管``, ``⑴登记⑵保管`` and ``(1)研究(2)监督``: circled and bracketed numbers are list markers
    even when nothing separates them from the text before. When a cell starts with such a
    marker numbered 1, a line break goes in before each next one in sequence."""
    if raw[0] in "①⑴":
        circled = True
    elif raw[0] in "(（" and (first := _OWN_MARKER.match(raw)) is not None and first.group(1) == "1":
        circled = False
    else:
        return raw
    parts, last, expected = [], 0, 2
    for m in _OWN_MARKER.finditer(raw, 1):
        if (m.group(1) is None) != circled:  # the other kind of marker: text
            continue
        if (_number("circled", m.group()) if circled else _number("paren", m.group(1))) != expected:
            continue
        expected += 1
        if raw[m.start() - 1] not in _SEPARATORS:
            parts += [raw[last:m.start()], "\n"]
            last = m.start()
    return "".join(parts) + raw[last:] if parts else raw


def split_names(value: object) -> list[str]:
    """``"张某、李某"``, ``"徐某\n朱某"``, ``"徐某 朱某"`` → two names; ``"王  某"`` (a two-character
    name spaced out to line up with three-character ones) → one."""
    names: list[str] = []
    for part in _NAME_LIST_SPLIT.split(cell_text(value)):
        words = part.split()
        if len(words) > 1 and all(len(w) >= 2 for w in words):
            names += [clean_text(w) for w in words]
        elif part.strip():
            names.append(clean_text(part))
    return [n for n in names if n]


_NAME_LIST_SPLIT = re.compile(r"[、,，;；/／\r\n]+")


def clean_lines(value: object) -> str:
    """Free text kept line by line: each line cleaned, the lines joined with ；. A list typed
    one item per line (岗位职责 现金管理↵票据保管) keeps its items apart; ``clean_text`` would
    join them into one word."""
    raw = value if value.__class__ is str else cell_text(value)
    if "\n" not in raw and "\r" not in raw:
        return clean_text(raw)
    return "；".join(t for t in (clean_text(line).strip(" ;；") for line in raw.splitlines()) if t)


def split_label_value(text: str) -> tuple[str, str] | None:
    """``"单位（盖章）：某县财政局"`` → (label, value); None if the cell has no colon."""
    for sep in ("：", ":"):
        if sep in text:
            label, _, value = text.partition(sep)
            if label.strip():
                return label, value
    return None
