"""Writing register files: block YAML straight from the records.

The register's files are plain block YAML, one key per line, in the records' field order,
leaving out every field that holds its default (what ``model_dump(exclude_defaults=True)``
leaves out). Going through pydantic's ``model_dump`` and a general-purpose emitter cost
about 30 µs per risk point, a third of a 100 000-row import; this writer walks the records'
fields directly and needs no pydantic schema at all, so an import into a new register never
builds one.

Strings are written plain when that is unambiguous (Chinese text, names, IDs, enum values),
otherwise double-quoted with JSON's escapes, which YAML's double-quoted style accepts as
they are. Tests load every file written here back with the loader the register uses and
compare with pydantic's own dump.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from json.encoder import encode_basestring as _json_quote
from typing import Annotated, Any, Literal, get_args, get_origin, get_type_hints

from pydantic import BaseModel

# A plain scalar that any YAML 1.1 or 1.2 reader takes back as this very string: it starts
# with a letter or a non-ASCII character (never an indicator, digit, underscore — ``_0`` reads
# as the number 0 — quote or space), holds
# no control or line-breaking character, no ": " or " #", and ends with neither a space
# nor a colon. (One search for what may not occur, then checks of the two ends: a single
# anchored pattern for all of it backtracks, and costs twice as much.)
_NOT_PLAIN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]|: | #")
_KEYWORDS = frozenset({"null", "true", "false", "yes", "no", "on", "off", "y", "n"})
_ESCAPE_MORE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff]")


def scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain when that reads back unchanged, else double-quoted."""
    if text:
        first, last = text[0], text[-1]
        if ((first > "\x7f" and not first.isspace()) or first.isalpha()) and not last.isspace() \
                and last != ":" and not _NOT_PLAIN.search(text) and (len(text) > 5 or text.lower() not in _KEYWORDS):
            return text
    quoted = _json_quote(text)
    if _ESCAPE_MORE.search(quoted):  # JSON leaves these raw; YAML readers may not
        quoted = _ESCAPE_MORE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)
    return quoted


def scalar_cached(text: str) -> str:
    """``scalar`` for values that recur (names, file names, units): computed once each."""
    hit = _SCALARS.get(text)
    if hit is None:
        if len(_SCALARS) > 100_000:
            _SCALARS.clear()
        hit = _SCALARS[text] = scalar(text)
    return hit


_SCALARS: dict[str, str] = {}

# Fields whose values recur across records are written through the cache.
_RECURRING = frozenset({"position", "holder", "holders", "department_head", "responsible_leader", "owner",
                        "reviewer", "file", "sheet", "unit", "name", "head", "leader", "by", "title", "kind"})


def _field_kind(annotation: Any) -> tuple[str, Any]:
    """How a field's values are written: ``(kind, item type)`` from its annotation."""
    args = [a for a in get_args(annotation) if a is not type(None)]
    origin = get_origin(annotation)
    if origin is Annotated:
        return _field_kind(args[0])
    if origin is list:
        item = args[0]
        if isinstance(item, type) and issubclass(item, BaseModel):
            return "models", item
        return "items", item
    if origin is not None and args and origin is not Literal:  # X | None
        return _field_kind(args[0]) if len(args) == 1 else ("value", None)
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):
            return "model", annotation
        if issubclass(annotation, Enum):
            return "enum", annotation
        if annotation is str:
            return "str", None
    return "value", None


def _writer(model: type[BaseModel]):
    """A function writing ``model``'s non-default fields as lines at an indent, generated
    once per model from its fields (as ``dataclasses`` generates ``__init__``): a generic
    loop over fields costs three times as much for a 100 000-point register."""
    writer = _WRITERS.get(model)
    if writer is not None:
        return writer
    hints = get_type_hints(model, include_extras=True)
    env: dict[str, Any] = {"S": scalar, "C": scalar_cached, "V": _value, "W": _WRITERS, "seq": _models}
    lines = ["def write(record, ind, out):", "    d = record.__dict__", "    append = out.append"]
    for i, (name, f) in enumerate(model.model_fields.items()):
        default = f.default_factory() if f.default_factory else f.default
        kind, item = _field_kind(hints[name])
        env[f"D{i}"] = default
        test = "v is not None" if default is None else ("v" if default == [] else f"v is not None and v != D{i}")
        text = "C(v)" if name in _RECURRING else "S(v)"
        lines += [f"    v = d[{name!r}]", f"    if {test}:"]
        if kind == "str":
            lines.append(f"        append(f'{{ind}}{name}: {{{text}}}\\n')")
        elif kind == "enum" and all(scalar(m.value) == m.value for m in item):
            lines.append(f"        append(f'{{ind}}{name}: {{v._value_}}\\n')")
        elif kind == "model":
            env[f"M{i}"] = item
            lines += [f"        append(f'{{ind}}{name}:\\n')", "        n = len(out)",
                      f"        (W.get(M{i}) or _writer(M{i}))(v, ind + '  ', out)",
                      f"        if len(out) == n: out[-1] = f'{{ind}}{name}: {{{{}}}}\\n'"]
        elif kind == "models":
            env[f"M{i}"] = item
            lines += [f"        append(f'{{ind}}{name}:\\n')", f"        seq(v, M{i}, ind + '  ', out)"]
        elif kind == "items":
            item_text = "C(x)" if item is str else "V(x)"
            lines += [f"        append(f'{{ind}}{name}:\\n')", f"        for x in v: append(f'{{ind}}  - {{{item_text}}}\\n')"]
        else:
            lines.append(f"        append(f'{{ind}}{name}: {{V(v)}}\\n')")
    env["_writer"] = _writer
    exec("\n".join(lines), env)  # noqa: S102 - source built above from the model's own field names
    writer = _WRITERS[model] = env["write"]
    return writer


_WRITERS: dict[type, Any] = {}


def _models(items: list[BaseModel], model: type[BaseModel], indent: str, out: list[str]) -> None:
    """A sequence of records: each record's first line gets the ``- `` marker."""
    write = _WRITERS.get(model) or _writer(model)
    inner = indent + "  "
    cut = len(inner)
    dash = indent + "- "
    for item in items:
        start = len(out)
        write(item, inner, out)
        if len(out) == start:
            out.append(dash + "{}\n")
        else:
            out[start] = dash + out[start][cut:]


def _value(value: Any) -> str:
    if value.__class__ is str:
        return scalar(value)
    if isinstance(value, Enum):
        return scalar(value.value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, str):
        return scalar(str.__str__(value))
    raise TypeError(f"cannot write {type(value).__name__} to the register")


def dumps(record: BaseModel, head: dict[str, str] | None = None) -> str:
    """``record`` as a YAML document, after the ``head`` keys (e.g. ``format``)."""
    out = [f"{key}: {scalar(value)}\n" for key, value in (head or {}).items()]
    (_WRITERS.get(type(record)) or _writer(type(record)))(record, "", out)
    return "".join(out) if out else "{}\n"
