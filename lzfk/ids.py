"""Stable IDs: the same department, position or risk point always gets the same ID.

IDs are short hashes of the record's natural key (unit, department, position title,
risk-point text), each part reduced with ``label_key`` so that spacing, punctuation,
full-width characters and traditional script do not change the ID. Re-importing a
form therefore finds the records it made before. 12 hex digits (48 bits) keep the chance
of a collision among 200 000 risk points below 1 in 10 000.
"""

from __future__ import annotations

from hashlib import blake2b

from lzfk.normalize import label_key


def _digest(*parts: str | None) -> str:
    text = "\x1f".join([label_key(p) if p else "" for p in parts])  # a list joins faster than a generator
    return blake2b(text.encode("utf-8"), digest_size=6).hexdigest()


def department_id(unit: str | None, department: str | None) -> str:
    return "D-" + _digest(unit, department)


def position_id(unit: str | None, department: str | None, title: str, portfolio: str | None = None) -> str:
    """``portfolio`` (分管工作) tells apart leadership posts of one title: two 副主任 who
    oversee different work hold different positions."""
    if portfolio:
        return "P-" + _digest(unit, department, title, portfolio)
    return "P-" + _digest(unit, department, title)


def risk_id(unit: str | None, department: str | None, position: str | None, description: str) -> str:
    """``position`` is the position's ID (None for a department-wide risk point)."""
    return "R-" + _digest(unit, department, position, description)


def power_id(unit: str | None, department: str | None, name: str) -> str:
    return "W-" + _digest(unit, department, name)
