"""The register's records (pydantic v2).

A register holds units' departments; each department holds its positions, powers and risk
points, and each risk point its measures. References are by stable ID (``lzfk.ids``), so a
re-imported form updates the records it made before instead of adding copies.
Warnings (预警) and assessments (考核) will hang off departments and positions the same way.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from lzfk.vocab import (
    Consequence,
    MeasureKind,
    MeasureStage,
    MeasureStatus,
    PositionGrade,
    PositionTier,
    Resource,
    ReviewStage,
    RiskLevel,
    RiskType,
    Scale,
    ThreeImportant,
)


def _text_or_none(value: object) -> object:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


OptText = Annotated[str | None, BeforeValidator(_text_or_none)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False, use_enum_values=False, defer_build=True)


class Source(Record):
    """Where a record was read from: file (relative to the register when possible), sheet, row (1-based)."""

    file: str
    sheet: OptText = None
    row: int | None = None


class Measure(Record):
    """防控措施: one measure of a risk point, in one of the three lines of defence."""

    text: str = Field(min_length=1)
    stage: MeasureStage | None = None
    kind: MeasureKind | None = None
    owner: OptText = None
    deadline: dt.date | None = None
    status: MeasureStatus | None = None


class LevelOverride(Record):
    """组织审定: a level set by the reviewing body over the computed one, with its reason."""

    level: RiskLevel
    reason: str = Field(min_length=1)
    by: OptText = None
    date: dt.date | None = None


class Review(Record):
    """审核: one review block of a form (opinion, reviewer, date).

    ``filled_by`` is whose form carried the block (the form's 姓名): when several people
    hold one position, each fills in a form of their own and each form is reviewed separately.
    The forms go round once a year, so a position gathers one review per stage, holder and year.
    """

    stage: ReviewStage
    filled_by: OptText = None
    reviewer: OptText = None
    opinion: OptText = None
    date: dt.date | None = None

    @property
    def year(self) -> int | None:
        """The review round (the year of its date): a new year's review is added, not a change."""
        return self.date.year if self.date else None


class RiskPoint(Record):
    """风险点: where improper conduct could happen, with its type, level and measures."""

    id: str
    position: str | None = None  # Position.id; None for a department-wide risk point
    type: RiskType | None = None
    description: str = Field(min_length=1)
    manifestation: OptText = None
    three_important: list[ThreeImportant] = Field(default_factory=list)
    likelihood: Scale | None = None
    harm: Scale | None = None
    consequence: Consequence | None = None
    resources: list[Resource] = Field(default_factory=list)
    level: RiskLevel | None = None
    level_basis: OptText = None
    override: LevelOverride | None = None
    department_head: OptText = None
    responsible_leader: OptText = None
    measures: list[Measure] = Field(default_factory=list)
    source: Source | None = None

    @property
    def effective_level(self) -> RiskLevel | None:
        return self.override.level if self.override else self.level


class Power(Record):
    """职权 (权力清单 entry): name, kind, content, holder position, legal basis, flow."""

    id: str
    name: str = Field(min_length=1)
    kind: OptText = None
    content: OptText = None
    holder: OptText = None  # the position's title as written in the list
    position: str | None = None  # Position.id when the holder is a known position
    legal_basis: OptText = None
    flow: list[str] = Field(default_factory=list)
    source: Source | None = None


class Position(Record):
    """岗位: a position in a department; risk belongs to the position, not the person (seed 001)."""

    id: str
    title: str = Field(min_length=1)
    tier: PositionTier | None = None
    grade: PositionGrade | None = None
    holders: list[str] = Field(default_factory=list)
    oversees: OptText = None  # 分管工作 (leadership positions)
    duties: OptText = None
    workflow: OptText = None
    powers: list[str] = Field(default_factory=list)  # Power.id
    reviews: list[Review] = Field(default_factory=list)
    source: Source | None = None


class Department(Record):
    """部门 / 科室: its head (负责人) and overseeing leader (分管领导)."""

    id: str
    unit: OptText = None
    name: OptText = None  # None when a form names no department
    head: OptText = None
    leader: OptText = None
    reviews: list[Review] = Field(default_factory=list)


FORMAT = "lzfk/1"


class DepartmentFile(Record):
    """What one YAML file of the register holds: one department and everything under it."""

    format: Literal["lzfk/1"] = FORMAT
    department: Department
    positions: list[Position] = Field(default_factory=list)
    powers: list[Power] = Field(default_factory=list)
    risk_points: list[RiskPoint] = Field(default_factory=list)


class Unit(Record):
    """单位: the unit the register belongs to, with its discipline body and supervisor."""

    name: OptText = None
    discipline_body: OptText = None  # 纪委 / 派驻纪检组 / 监察室
    superior: OptText = None  # 上级纪检监察机关
    leaders: list[str] = Field(default_factory=list)


class RegisterInfo(Record):
    """``register.yaml``: the register's own description."""

    format: Literal["lzfk/1"] = FORMAT
    title: OptText = None
    unit: Unit = Field(default_factory=Unit)


class Person(Record):
    """人员: a holder of one or more positions (derived from the positions' holders)."""

    name: str
    positions: list[str] = Field(default_factory=list)


# -- building records without validation ------------------------------------------------------

def build(model: type, **values: Any) -> Any:
    """Build a record from the values a form actually gave (None left out), so that
    ``model_fields_set`` tells later which fields the form speaks for.

    Every value given must already have its final type (the form reader parses enums, dates
    and cleaned non-empty text itself), so pydantic's validation would only repeat it: the record is
    constructed directly, as ``model_construct`` does but without its per-field work (and
    without pydantic 2.13 inspecting a default factory's signature on every call, which
    alone cost 40 s per 100 000 rows). The register is validated in full when read back.
    """
    defaults, factories = template(model)
    full = defaults.copy()
    given = set()
    for name, value in values.items():
        if value is not None:
            full[name] = value
            given.add(name)
    for name, factory in factories:
        if name not in given:
            full[name] = factory()
    return instance(model, full, given)


def instance(model: type, values: dict[str, Any], fields_set: set[str]) -> Any:
    """A pydantic record from complete, already-valid values (what model_construct makes)."""
    record = model.__new__(model)
    _set(record, "__dict__", values)
    _set(record, "__pydantic_fields_set__", fields_set)
    _set(record, "__pydantic_extra__", None)
    _set(record, "__pydantic_private__", None)
    return record


@lru_cache(maxsize=None)
def template(model: type) -> tuple[dict[str, Any], tuple[tuple[str, Any], ...]]:
    """Field defaults in declaration order, and the fields whose default is made by a factory."""
    defaults = {name: (None if f.default_factory else f.default) for name, f in model.model_fields.items()}
    factories = tuple((name, f.default_factory) for name, f in model.model_fields.items() if f.default_factory)
    return defaults, factories


_set = object.__setattr__
