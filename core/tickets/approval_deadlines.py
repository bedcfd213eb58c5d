"""Late approvals: which approvers to remind, and when a step escalates to the next level."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from core.directory.directory import Directory
from core.tickets.approval_chain import POSITION_PREFIX, parse_approvers
from core.tickets.approval_state import Approval, ApprovalStep, StepOpened


@dataclass(frozen=True)
class Reminder:
    """Remind these approvers that a step waits for them."""

    ticket_id: int
    step_index: int
    step_key: str
    approver_ids: tuple[str, ...]
    due_at: datetime


@dataclass(frozen=True)
class Escalation:
    """Let the next level decide a step its approvers left waiting."""

    ticket_id: int
    step_index: int
    step_key: str
    from_ids: tuple[str, ...]
    to_ids: tuple[str, ...]


def due_reminders(
    approval: Approval, now: datetime, before: timedelta = timedelta(0)
) -> tuple[Reminder, ...]:
    """A reminder for the open step once it is due (or `before` it), sent once per opening."""
    step = approval.current
    if step is None or step.due_at is None or step.reminded_at is not None:
        return ()
    if now < step.due_at - before or not step.undecided():
        return ()
    return (Reminder(approval.ticket_id, step.index, step.key, step.undecided(), step.due_at),)


def mark_reminded(approval: Approval, step_index: int, at: datetime) -> Approval:
    step = replace(approval.steps[step_index], reminded_at=at)
    return approval.with_step(step)


def escalations(
    approval: Approval, now: datetime, directory: Directory, after: timedelta = timedelta(days=1)
) -> tuple[Escalation, ...]:
    """Escalate a reminded step still undecided `after` its due time, once."""
    step = approval.current
    if step is None or step.due_at is None or step.reminded_at is None or step.escalated:
        return ()
    if now < step.due_at + after:
        return ()
    to_ids = next_level(step, directory)
    if not to_ids:
        return ()
    return (Escalation(approval.ticket_id, step.index, step.key, step.undecided(), to_ids),)


def next_level(step: ApprovalStep, directory: Directory) -> tuple[str, ...]:
    """Above a position: its next level's decider; above a person: their supervisor."""
    found: list[str] = []
    for source in parse_approvers(step.approvers):
        code = source.removeprefix(POSITION_PREFIX)
        position = directory.find_position(code) if code != source else None
        if position is not None:
            above = [directory.decider_for(position.next_level) if position.next_level else None]
        else:
            above = [directory.supervisor_of(p) for p in step.undecided()]
        found += [p.id for p in above if p is not None and p.id not in step.deciders]
    return tuple(dict.fromkeys(found))


def escalate(
    approval: Approval, escalation: Escalation, at: datetime
) -> tuple[Approval, tuple[StepOpened, ...]]:
    """The next level may now decide the step too; they get the approval card."""
    step = approval.steps[escalation.step_index]
    added = tuple(p for p in escalation.to_ids if p not in step.deciders)
    escalated = replace(step, escalated=True, escalated_to=step.escalated_to + added)
    approval = approval.with_step(escalated)
    opened = StepOpened(approval.ticket_id, step.index, step.key, added, step.due_at)
    return approval, (opened,) if added else ()
