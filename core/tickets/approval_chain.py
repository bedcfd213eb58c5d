"""Who approves: a chain's steps resolved from the requester, positions, vacancies, delegation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from core.directory.directory import Directory
from core.directory.model import Person
from core.errors import DomainError, ValidationFailed
from core.tickets.approval_state import (
    Approval,
    ApprovalStep,
    ApprovalStepSpec,
    DueCalc,
    StepOpened,
)
from core.tickets.durations import Duration

SUPERVISOR = "supervisor"
UNIT_HEAD = "unit_head"
POSITION_PREFIX = "position:"


def parse_approvers(text: str) -> tuple[str, ...]:
    """Split "supervisor,position:it_director" into its sources, refusing anything else."""
    sources = tuple(part.strip() for part in text.split(",") if part.strip())
    for source in sources or (text,):
        code = source.removeprefix(POSITION_PREFIX)
        if source not in (SUPERVISOR, UNIT_HEAD) and (code == source or not code):
            raise ValidationFailed("approval.bad_approvers", approvers=text)
    return sources


def due_at(start: datetime, due: Duration | None, due_calc: DueCalc | None) -> datetime | None:
    return due_calc(start, due) if due is not None and due_calc is not None else None


def resolve_chain(
    specs: Sequence[ApprovalStepSpec],
    requester: Person,
    directory: Directory,
    now: datetime,
    due_calc: DueCalc | None = None,
) -> tuple[ApprovalStep, ...]:
    """The steps of a new request; the first is open from `now`, the rest wait their turn."""
    steps = []
    for index, spec in enumerate(specs):
        approver_ids, waiting_for = resolve_approvers(spec, requester, directory)
        opened = now if index == 0 else None
        steps.append(
            ApprovalStep(
                index=index,
                key=spec.key,
                mode=spec.mode,
                approver_ids=approver_ids,
                approvers=spec.approvers,
                due=spec.due,
                waiting_for=waiting_for,
                opened_at=opened,
                due_at=due_at(now, spec.due, due_calc) if opened else None,
            )
        )
    return tuple(steps)


def resolve_approvers(
    spec: ApprovalStepSpec, requester: Person, directory: Directory
) -> tuple[tuple[str, ...], str | None]:
    """The people who decide a step, and the vacant position it waits for (vacancy="wait")."""
    ids: list[str] = []
    waiting_for: str | None = None
    for source in parse_approvers(spec.approvers):
        person, vacant = _resolve_source(source, spec, requester, directory)
        if person is not None and person.id not in ids:
            ids.append(person.id)
        waiting_for = waiting_for or vacant
    if not ids and waiting_for is None:
        raise DomainError("approval.no_approver", step=spec.key, approvers=spec.approvers)
    return tuple(ids), waiting_for


def _resolve_source(
    source: str, spec: ApprovalStepSpec, requester: Person, directory: Directory
) -> tuple[Person | None, str | None]:
    if source == SUPERVISOR:
        return directory.supervisor_of(requester.id), None
    if source == UNIT_HEAD:
        return directory.unit_head_of(requester.unit_id, excluding=requester.id), None
    code = source.removeprefix(POSITION_PREFIX)
    if directory.find_position(code) is None:
        raise ValidationFailed("approval.unknown_position", step=spec.key, position=code)
    holder = directory.holder_of(code)
    if spec.vacancy == "wait" and holder is None:
        return None, code
    # Maker-checker: someone holding the post cannot approve their own request.
    return directory.decider_for(code, excluding=requester.id), None


def fill_vacancies(
    approval: Approval, directory: Directory
) -> tuple[Approval, tuple[StepOpened, ...]]:
    """Give waiting steps the person now appointed to the vacant post."""
    steps, events = [], []
    current = approval.current
    for step in approval.steps:
        holder = directory.holder_of(step.waiting_for) if step.waiting_for else None
        if holder is None or step.is_decided:
            steps.append(step)
            continue
        ids = step.approver_ids + ((holder.id,) if holder.id not in step.approver_ids else ())
        steps.append(replace(step, approver_ids=ids, waiting_for=None))
        if current is not None and current.index == step.index:
            events.append(
                StepOpened(approval.ticket_id, step.index, step.key, (holder.id,), step.due_at)
            )
    return replace(approval, steps=tuple(steps)), tuple(events)
