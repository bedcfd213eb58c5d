"""Loads the service catalogue from its TOML file and refuses a bad one, naming the bad field."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from core.tickets.approvals import ApprovalStepSpec
from core.tickets.catalogue import (
    Catalogue,
    Category,
    Choice,
    ClosingRequirement,
    ClosingRules,
    FieldKind,
    FlagValue,
    IntakeField,
    RequestType,
    SubtaskTemplate,
)
from core.tickets.catalogue_toml import CatalogueProblem, Table
from core.tickets.durations import Duration
from core.tickets.model import PendingReason
from core.tickets.sla import SlaTargets
from core.tickets.sla_steps import StepLimit

SUPPORTED_VERSIONS = frozenset({1})
_SOURCE = r"(supervisor|unit_head|position:[a-z][a-z0-9_]*)"
# One source, or several joined by "," for a step several people decide (mode "all").
APPROVERS = re.compile(rf"^{_SOURCE}(\s*,\s*{_SOURCE})*$")
_TEXT_KINDS = frozenset({FieldKind.TEXT, FieldKind.ASSET_NO, FieldKind.LOCATION})


class CatalogueError(ValueError):
    """The catalogue file cannot be used; `field` is the dotted path of the bad value."""

    def __init__(self, field: str, problem: str, source: str) -> None:
        self.field, self.problem, self.source = field, problem, source
        super().__init__(f"{field}: {problem} (in {source})")


@dataclass(frozen=True)
class _Defaults:
    response: Duration
    auto_close_after: Duration
    warning_fraction: float
    pausing_reasons: frozenset[PendingReason]


def load_catalogue(path: str | Path | None = None) -> Catalogue:
    """Read the catalogue at `path`, or the default one packaged with the help desk."""
    if path is None:
        packaged = resources.files("core.tickets").joinpath("catalogue.toml")
        return parse_catalogue(packaged.read_text(encoding="utf-8"), "packaged catalogue.toml")
    return parse_catalogue(Path(path).read_text(encoding="utf-8"), str(path))


def parse_catalogue(text: str, source: str = "catalogue text") -> Catalogue:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise CatalogueError("(file)", f"not valid TOML: {error}", source) from None
    try:
        return _catalogue(data)
    except CatalogueProblem as problem:
        raise CatalogueError(problem.field, problem.problem, source) from None


def _catalogue(data: dict[str, Any]) -> Catalogue:
    decisions: list[str] = []
    root = Table(data, "", decisions)
    version = root.integer("version")
    if version not in SUPPORTED_VERSIONS:
        root.fail("version", f"this help desk reads version 1, found {version}")
    defaults = _defaults(root.table("defaults"))
    listed = root.table("request_types")
    types = tuple(_request_type(listed, key, defaults) for key in listed.key_names())
    listed.finish()
    root.finish()
    if not types:
        root.fail("request_types", "the catalogue lists no request type")
    _unique(listed, [(f"{t.key}.name", t.name) for t in types], "name")
    return Catalogue(version, types, frozenset(decisions))


def _defaults(table: Table) -> _Defaults:
    defaults = _Defaults(
        response=table.duration("response"),
        auto_close_after=table.duration("auto_close_after"),
        warning_fraction=table.fraction("warning_fraction", 0.75),
        pausing_reasons=_reasons(table, "pausing_reasons", frozenset(PendingReason)),
    )
    table.finish()
    return defaults


def _reasons(table: Table, key: str, default: frozenset[PendingReason]) -> frozenset[PendingReason]:
    if not table.has(key):
        table.value(key, list, "a list")
        return default
    known = {reason.value for reason in PendingReason}
    reasons = table.texts(key)
    for reason in reasons:
        if reason not in known:
            table.fail(key, f"unknown pending reason {reason!r} (one of {sorted(known)})")
    return frozenset(PendingReason(reason) for reason in reasons)


def _request_type(listed: Table, key: str, defaults: _Defaults) -> RequestType:
    listed.check_name(key, key)
    table = listed.table(key)
    intake = _intake(table)
    request_type = RequestType(
        key=key,
        name=table.text("name"),
        source=table.optional_text("source") or "",
        form=table.optional_text("form"),
        team=table.name("team"),
        categories=tuple(Category(k, label) for k, label in table.labels("categories")),
        intake=intake,
        approvals=_approvals(table),
        sla=_sla(table.table("sla"), defaults, intake),
        closing=_closing(table.optional_table("closing"), defaults),
        subtasks=_subtasks(table, intake),
        flags=_flags(table.optional_table("flags")),
    )
    table.finish()
    _check_closing(table, request_type)
    return _with_decisions(request_type, table)


def _with_decisions(request_type: RequestType, table: Table) -> RequestType:
    own = f"{table.path}."
    parts = frozenset(p.removeprefix(own) for p in table.decisions if p.startswith(own))
    return replace(request_type, decision=table.path in table.decisions, decisions=parts)


def _check_closing(table: Table, request_type: RequestType) -> None:
    needs_subtasks = ClosingRequirement.SUBTASKS_DONE in request_type.closing.requires
    if needs_subtasks and not request_type.subtasks:
        table.fail("closing.requires", "subtasks_done needs at least one [[...subtasks]] entry")


def _unique(table: Table, pairs: list[tuple[str, str]], what: str) -> None:
    seen: dict[str, str] = {}
    for owner, value in pairs:
        if value in seen:
            table.fail(owner, f"{what} {value!r} is already used by {seen[value]!r}")
        seen[value] = owner


def _intake(table: Table) -> tuple[IntakeField, ...]:
    fields = tuple(_intake_field(item) for item in table.tables("intake"))
    _unique(table, [(f"intake.{f.key}", f.key) for f in fields], "key")
    return fields


def _intake_field(table: Table) -> IntakeField:
    kind_text = table.text("kind")
    if kind_text not in {kind.value for kind in FieldKind}:
        table.fail("kind", f"unknown kind {kind_text!r} (one of {[k.value for k in FieldKind]})")
    kind = FieldKind(kind_text)
    question = IntakeField(
        key=table.name("key"),
        label=table.text("label"),
        kind=kind,
        required=table.boolean("required", True),
        choices=tuple(Choice(k, label) for k, label in table.labels("choices")),
        max_length=table.value("max_length", int, "a whole number"),
        regex=table.optional_text("regex"),
    )
    table.finish()
    _check_field_rules(table, question)
    return question


def _check_field_rules(table: Table, question: IntakeField) -> None:
    if (question.kind is FieldKind.CHOICE) != bool(question.choices):
        table.fail("choices", "a choice field needs choices, and only a choice field has them")
    text_like = question.kind in _TEXT_KINDS
    if question.max_length is not None and (not text_like or question.max_length <= 0):
        table.fail("max_length", "only text fields have a max_length, and it must be positive")
    if question.regex is not None:
        if not text_like:
            table.fail("regex", "only text fields have a regex")
        try:
            re.compile(question.regex)
        except re.error as error:
            table.fail("regex", f"not a regular expression: {error}")


def _approvals(table: Table) -> tuple[ApprovalStepSpec, ...]:
    steps = tuple(_approval_step(item) for item in table.tables("approvals"))
    _unique(table, [(f"approvals.{s.key}", s.key) for s in steps], "key")
    return steps


def _approval_step(table: Table) -> ApprovalStepSpec:
    approvers = table.text("approvers")
    if not APPROVERS.match(approvers):
        table.fail(
            "approvers",
            f"{approvers!r}: use supervisor, unit_head or position:<code>, joined by ','",
        )
    mode, vacancy = table.optional_text("mode") or "one", table.optional_text("vacancy")
    if mode not in ("one", "all"):
        table.fail("mode", f"{mode!r}: use one or all")
    if vacancy not in (None, "next_level", "wait"):
        table.fail("vacancy", f"{vacancy!r}: use next_level or wait")
    step = ApprovalStepSpec(
        key=table.name("key"),
        approvers=approvers,
        mode="all" if mode == "all" else "one",
        due=table.optional_duration("due"),
        vacancy="wait" if vacancy == "wait" else "next_level",
    )
    table.finish()
    return step


def _sla(table: Table, defaults: _Defaults, intake: tuple[IntakeField, ...]) -> SlaTargets:
    steps = tuple(_step_limit(item) for item in table.tables("steps"))
    _unique(table, [(f"steps.{s.key}", s.key) for s in steps], "key")
    targets = SlaTargets(
        response=table.optional_duration("response") or defaults.response,
        resolution=table.duration("resolution"),
        parts_limit=table.optional_duration("parts_limit"),
        pausing_reasons=_reasons(table, "pausing_reasons", defaults.pausing_reasons),
        pause_while_awaiting_approval=table.boolean("pause_while_awaiting_approval", False),
        warning_fraction=table.fraction("warning_fraction", defaults.warning_fraction),
        steps=steps,
        resolution_starts_on=table.optional_text("resolution_starts_on"),
    )
    table.finish()
    _check_date_field(table, "resolution_starts_on", targets.resolution_starts_on, intake)
    return targets


def _step_limit(table: Table) -> StepLimit:
    step = StepLimit(table.name("key"), table.text("label"), table.duration("limit"))
    table.finish()
    return step


def _check_date_field(
    table: Table, key: str, field_key: str | None, intake: tuple[IntakeField, ...]
) -> None:
    if field_key is None:
        return
    if not any(f.key == field_key and f.kind is FieldKind.DATE for f in intake):
        table.fail(key, f"{field_key!r} is not a date field of this request type's intake")


def _closing(table: Table, defaults: _Defaults) -> ClosingRules:
    known = {requirement.value for requirement in ClosingRequirement}
    requires = table.texts("requires")
    for requirement in requires:
        if requirement not in known:
            table.fail("requires", f"unknown requirement {requirement!r} (one of {sorted(known)})")
    rules = ClosingRules(
        requires=frozenset(ClosingRequirement(r) for r in requires),
        auto_close_after=table.optional_duration("auto_close_after") or defaults.auto_close_after,
    )
    table.finish()
    return rules


def _subtasks(table: Table, intake: tuple[IntakeField, ...]) -> tuple[SubtaskTemplate, ...]:
    templates = []
    for item in table.tables("subtasks"):
        template = SubtaskTemplate(
            key=item.name("key"),
            title=item.text("title"),
            team=item.name("team"),
            due=item.optional_duration("due"),
            starts_on=item.optional_text("starts_on"),
        )
        item.finish()
        _check_date_field(item, "starts_on", template.starts_on, intake)
        templates.append(template)
    _unique(table, [(f"subtasks.{t.key}", t.key) for t in templates], "key")
    return tuple(templates)


def _flags(table: Table) -> MappingProxyType[str, FlagValue]:
    flags: dict[str, FlagValue] = {}
    for key in table.key_names():
        table.check_name(key, key)
        flags[key] = table.value(key, (bool, int, str), "true/false, a whole number or text")
    table.finish()
    return MappingProxyType(flags)
