"""The service catalogue: every request type the help desk offers, as typed values.

The organisation edits the catalogue as a TOML file; `core.tickets.catalogue_loader`
reads and validates it (`load_catalogue(None)` gives the packaged default).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from core.errors import DomainError, ValidationFailed
from core.tickets.approvals import ApprovalStepSpec
from core.tickets.durations import Duration
from core.tickets.sla import SlaTargets

FlagValue = bool | int | str


class FieldKind(StrEnum):
    """What the bot asks for and how the answer is taken (photo: a LINE image, …)."""

    TEXT = "text"
    CHOICE = "choice"
    NUMBER = "number"
    DATE = "date"
    PHOTO = "photo"
    ASSET_NO = "asset_no"
    LOCATION = "location"
    YES_NO = "yes_no"


class ClosingRequirement(StrEnum):
    REQUESTER_CONFIRMATION = "requester_confirmation"
    TEST_SIGNOFF = "test_signoff"
    HANDOVER = "handover"
    QUALITY_CHECK = "quality_check"
    CREDENTIALS_OUT_OF_BAND = "credentials_out_of_band"
    SUBTASKS_DONE = "subtasks_done"


@dataclass(frozen=True)
class Category:
    """A sub-kind of a request (repair: printer, UPS, …), with the Thai label people see."""

    key: str
    label: str


@dataclass(frozen=True)
class Choice:
    key: str
    label: str


@dataclass(frozen=True)
class IntakeField:
    """One question of the intake dialog and the rules its answer must follow."""

    key: str
    label: str
    kind: FieldKind
    required: bool = True
    choices: tuple[Choice, ...] = ()
    max_length: int | None = None
    regex: str | None = None

    def check(self, answer: str) -> None:
        """Refuse a typed answer that breaks this field's rules, with a stable error code."""
        text = answer.strip()
        if not text:
            if self.required:
                raise ValidationFailed("intake.required", field=self.key)
            return
        if self.max_length is not None and len(text) > self.max_length:
            raise ValidationFailed("intake.too_long", field=self.key, limit=self.max_length)
        if self.regex is not None and re.fullmatch(self.regex, text) is None:
            raise ValidationFailed("intake.bad_format", field=self.key)
        if self.kind is FieldKind.CHOICE and text not in {c.key for c in self.choices}:
            raise ValidationFailed("intake.not_a_choice", field=self.key)
        if self.kind is FieldKind.NUMBER and not text.isdecimal():
            raise ValidationFailed("intake.not_a_number", field=self.key)


@dataclass(frozen=True)
class ClosingRules:
    """What must happen before a ticket closes, and when a silent requester is assumed happy."""

    requires: frozenset[ClosingRequirement]
    auto_close_after: Duration


@dataclass(frozen=True)
class SubtaskTemplate:
    """A child ticket opened for one owner team (on-/off-boarding: one per system owner).

    `starts_on` names an intake date the sub-task waits for (off-boarding: the separation
    date); `due` counts from then, or from the parent's approval when there is no such date.
    """

    key: str
    title: str
    team: str
    due: Duration | None = None
    starts_on: str | None = None


@dataclass(frozen=True)
class RequestType:
    """One kind of request: how it is asked for, approved, routed, timed and closed.

    `decisions` lists the parts (e.g. ``sla``, ``approvals.supervisor``) whose values the
    manuals do not give and the organisation decided (SERVICE_CATALOG.md section 10);
    `decision` is true when the whole type is such a decision.
    """

    key: str
    name: str
    source: str
    team: str
    sla: SlaTargets
    closing: ClosingRules
    form: str | None = None
    categories: tuple[Category, ...] = ()
    intake: tuple[IntakeField, ...] = ()
    approvals: tuple[ApprovalStepSpec, ...] = ()
    subtasks: tuple[SubtaskTemplate, ...] = ()
    flags: Mapping[str, FlagValue] = field(default_factory=dict)
    decision: bool = False
    decisions: frozenset[str] = frozenset()

    def category(self, key: str) -> Category:
        for category in self.categories:
            if category.key == key:
                return category
        raise DomainError("catalogue.unknown_category", type=self.key, category=key)

    def intake_field(self, key: str) -> IntakeField:
        for question in self.intake:
            if question.key == key:
                return question
        raise DomainError("catalogue.unknown_field", type=self.key, field=key)

    def flag(self, key: str, default: FlagValue | None = None) -> FlagValue | None:
        return self.flags.get(key, default)

    @property
    def needs_approval(self) -> bool:
        return bool(self.approvals)


@dataclass(frozen=True)
class Catalogue:
    """All request types of the organisation, in the order the file lists them.

    `decisions` holds the full path of every part marked ``decision = true`` in the file.
    """

    version: int
    types: tuple[RequestType, ...]
    decisions: frozenset[str] = frozenset()

    def type(self, key: str) -> RequestType:
        for request_type in self.types:
            if request_type.key == key:
                return request_type
        raise DomainError("catalogue.unknown_type", key=key)

    def keys(self) -> tuple[str, ...]:
        return tuple(t.key for t in self.types)

    def teams(self) -> frozenset[str]:
        """Every team key the catalogue routes to, for a start-up check against the directory."""
        routed = {t.team for t in self.types}
        return frozenset(routed | {s.team for t in self.types for s in t.subtasks})

    def positions(self) -> frozenset[str]:
        """Every position code an approval step names (``position:it_director`` → it_director)."""
        prefix = "position:"
        sources = {
            source.strip()
            for t in self.types
            for step in t.approvals
            for source in step.approvers.split(",")
        }
        return frozenset(s.removeprefix(prefix) for s in sources if s.startswith(prefix))
