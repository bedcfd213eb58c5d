"""Approval values: the step specs a catalogue declares, the resolved steps, decisions, events."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Literal

from core.tickets.durations import Duration

# Counts a step's time limit from a start instant; a BusinessCalendar's `add` fits.
DueCalc = Callable[[datetime, Duration], datetime]


@dataclass(frozen=True)
class ApprovalStepSpec:
    """One step of a request type's approval chain, as the catalogue describes it.

    `approvers` is "supervisor", "unit_head" or "position:<code>" (several joined by ","
    for a step that names more than one person). `vacancy` says what happens when a
    position is empty: the next level decides (002:L1395) or the step waits.
    """

    key: str
    approvers: str
    mode: Literal["one", "all"] = "one"
    due: Duration | None = None
    vacancy: Literal["next_level", "wait"] = "next_level"


class StepStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    SENT_BACK = "sent_back"
    SKIPPED = "skipped"


class DecisionKind(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    SEND_BACK = "send_back"


class ApprovalOutcome(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    SENT_BACK = "sent_back"


@dataclass(frozen=True)
class Decision:
    approver_id: str
    kind: DecisionKind
    reason: str | None
    at: datetime


@dataclass(frozen=True)
class ApprovalStep:
    """A step with its approvers resolved; `version` moves with every decision on it."""

    index: int
    key: str
    mode: Literal["one", "all"]
    approver_ids: tuple[str, ...]
    decisions: tuple[Decision, ...] = ()
    status: StepStatus = StepStatus.PENDING
    due_at: datetime | None = None
    reminded_at: datetime | None = None
    escalated: bool = False
    version: int = 1
    approvers: str = ""
    due: Duration | None = None
    opened_at: datetime | None = None
    waiting_for: str | None = None
    escalated_to: tuple[str, ...] = ()
    returned: tuple[Decision, ...] = ()

    @property
    def is_decided(self) -> bool:
        return self.status is not StepStatus.PENDING

    @property
    def deciders(self) -> tuple[str, ...]:
        """Everyone who may decide now: the approvers and anyone the step escalated to."""
        return self.approver_ids + tuple(p for p in self.escalated_to if p not in self.approver_ids)

    def has_decided(self, person_id: str) -> bool:
        return any(d.approver_id == person_id for d in self.decisions)

    def undecided(self) -> tuple[str, ...]:
        """Approvers still to act (in "all" mode some may already have approved)."""
        return tuple(p for p in self.approver_ids if not self.has_decided(p))


@dataclass(frozen=True)
class Approval:
    """The approval record of one ticket: its steps, decided strictly in order."""

    ticket_id: int
    steps: tuple[ApprovalStep, ...]

    @property
    def current(self) -> ApprovalStep | None:
        """The step that waits for a decision now, if the chain is still running."""
        for step in self.steps:
            if step.status is StepStatus.PENDING:
                return step
            if step.status not in (StepStatus.APPROVED, StepStatus.SKIPPED):
                return None
        return None

    @property
    def outcome(self) -> ApprovalOutcome:
        statuses = {step.status for step in self.steps}
        if StepStatus.REJECTED in statuses:
            return ApprovalOutcome.REJECTED
        if StepStatus.SENT_BACK in statuses:
            return ApprovalOutcome.SENT_BACK
        if StepStatus.PENDING in statuses:
            return ApprovalOutcome.PENDING
        return ApprovalOutcome.APPROVED

    def with_step(self, step: ApprovalStep) -> Approval:
        """A copy with `step` in place of the step of the same index."""
        steps = tuple(step if s.index == step.index else s for s in self.steps)
        return replace(self, steps=steps)

    def waiting_for(self, person_id: str) -> bool:
        """Whether this person has a decision to make on the current step."""
        step = self.current
        return step is not None and person_id in step.deciders and not step.has_decided(person_id)


@dataclass(frozen=True)
class DecisionRecorded:
    ticket_id: int
    step_index: int
    step_key: str
    decision: Decision


@dataclass(frozen=True)
class StepDecided:
    ticket_id: int
    step_index: int
    step_key: str
    status: StepStatus
    reason: str | None


@dataclass(frozen=True)
class StepOpened:
    """A step now waits for its approvers: send them the approval card."""

    ticket_id: int
    step_index: int
    step_key: str
    approver_ids: tuple[str, ...]
    due_at: datetime | None


@dataclass(frozen=True)
class ApprovalFinished:
    """The chain ended: tell the requester; an approved ticket goes on to assignment."""

    ticket_id: int
    outcome: ApprovalOutcome
    reason: str | None


ApprovalEvent = DecisionRecorded | StepDecided | StepOpened | ApprovalFinished
