"""Approval chains: who must approve a request, in which order, and what they decided.

The values live in `approval_state`, approver resolution in `approval_chain`, reminders and
escalation in `approval_deadlines`; this module holds the decisions and re-exports the rest,
so callers import everything about approvals from here.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from core.errors import ConcurrentUpdate, DomainError, NotFound, PermissionDenied, ValidationFailed
from core.tickets.approval_chain import due_at, fill_vacancies, parse_approvers, resolve_chain
from core.tickets.approval_deadlines import (
    Escalation,
    Reminder,
    due_reminders,
    escalate,
    escalations,
    mark_reminded,
)
from core.tickets.approval_state import (
    Approval,
    ApprovalEvent,
    ApprovalFinished,
    ApprovalOutcome,
    ApprovalStep,
    ApprovalStepSpec,
    Decision,
    DecisionKind,
    DecisionRecorded,
    DueCalc,
    StepDecided,
    StepOpened,
    StepStatus,
)

__all__ = [
    "Approval",
    "ApprovalEvent",
    "ApprovalFinished",
    "ApprovalOutcome",
    "ApprovalStep",
    "ApprovalStepSpec",
    "Decision",
    "DecisionKind",
    "DecisionRecorded",
    "DueCalc",
    "Escalation",
    "Reminder",
    "StepDecided",
    "StepOpened",
    "StepStatus",
    "decide",
    "due_reminders",
    "escalate",
    "escalations",
    "fill_vacancies",
    "mark_reminded",
    "parse_approvers",
    "resolve_chain",
    "resubmit",
]

Events = tuple[ApprovalEvent, ...]
_ENDING = {DecisionKind.REJECT: StepStatus.REJECTED, DecisionKind.SEND_BACK: StepStatus.SENT_BACK}


def decide(
    approval: Approval,
    step_index: int,
    approver_id: str,
    kind: DecisionKind | str,
    reason: str | None,
    expected_version: int,
    at: datetime,
    *,
    due_calc: DueCalc | None = None,
) -> tuple[Approval, Events]:
    """Record one approver's decision; the first tap wins, a stale card is refused."""
    kind = DecisionKind(kind)
    step = _open_step(approval, step_index)
    _check_decider(step, approver_id, expected_version)
    reason = (reason or "").strip() or None
    if kind is not DecisionKind.APPROVE and reason is None:
        raise ValidationFailed("approval.reason_required", step=step.key)
    decision = Decision(approver_id, kind, reason, at)
    decided = replace(
        step,
        decisions=(*step.decisions, decision),
        status=_status_after(step, decision),
        version=step.version + 1,
    )
    events: list[ApprovalEvent] = [
        DecisionRecorded(approval.ticket_id, step.index, step.key, decision)
    ]
    approval = approval.with_step(decided)
    if decided.is_decided:
        events.append(StepDecided(approval.ticket_id, step.index, step.key, decided.status, reason))
        approval, more = _after_step(approval, decided, at, due_calc)
        events += more
    return approval, tuple(events)


def _open_step(approval: Approval, step_index: int) -> ApprovalStep:
    if not 0 <= step_index < len(approval.steps):
        raise NotFound("approval.unknown_step", step_index=step_index)
    step = approval.steps[step_index]
    if step.is_decided:
        raise DomainError("approval.already_decided", step=step.key, status=step.status)
    current = approval.current
    if current is None or current.index != step_index:
        raise DomainError("approval.step_not_open", step=step.key)
    return step


def _check_decider(step: ApprovalStep, approver_id: str, expected_version: int) -> None:
    if approver_id not in step.deciders:
        raise PermissionDenied("approval.not_approver", step=step.key)
    if step.has_decided(approver_id):
        raise DomainError("approval.already_decided", step=step.key, status=step.status)
    if expected_version != step.version:
        # Someone decided since this card was drawn; a ConcurrentUpdate lets the shell re-read.
        raise ConcurrentUpdate("approval.already_decided", step=step.key, status=step.status)


def _status_after(step: ApprovalStep, decision: Decision) -> StepStatus:
    if decision.kind in _ENDING:
        return _ENDING[decision.kind]
    escalated_over = decision.approver_id in step.escalated_to
    if step.mode == "one" or escalated_over:
        return StepStatus.APPROVED
    approved = {
        d.approver_id for d in (*step.decisions, decision) if d.kind is DecisionKind.APPROVE
    }
    return StepStatus.APPROVED if set(step.approver_ids) <= approved else StepStatus.PENDING


def _after_step(
    approval: Approval, decided: ApprovalStep, at: datetime, due_calc: DueCalc | None
) -> tuple[Approval, Events]:
    later = approval.steps[decided.index + 1 :]
    if decided.status is StepStatus.APPROVED and later:
        step = replace(later[0], opened_at=at, due_at=due_at(at, later[0].due, due_calc))
        opened = StepOpened(approval.ticket_id, step.index, step.key, step.deciders, step.due_at)
        return approval.with_step(step), (opened,)
    if decided.status is StepStatus.REJECTED:
        for step in later:
            approval = approval.with_step(replace(step, status=StepStatus.SKIPPED))
    reason = decided.decisions[-1].reason
    return approval, (ApprovalFinished(approval.ticket_id, approval.outcome, reason),)


def resubmit(
    approval: Approval, at: datetime, *, due_calc: DueCalc | None = None
) -> tuple[Approval, Events]:
    """The requester answered a send-back: the same step opens again with a fresh card."""
    step = next((s for s in approval.steps if s.status is StepStatus.SENT_BACK), None)
    if step is None:
        raise DomainError("approval.not_sent_back", ticket_id=approval.ticket_id)
    reopened = replace(
        step,
        status=StepStatus.PENDING,
        decisions=(),
        returned=step.returned + step.decisions,
        version=step.version + 1,
        opened_at=at,
        due_at=due_at(at, step.due, due_calc),
        reminded_at=None,
        escalated=False,
        escalated_to=(),
    )
    opened = StepOpened(
        approval.ticket_id, step.index, step.key, reopened.deciders, reopened.due_at
    )
    return approval.with_step(reopened), (opened,)
