"""Approval records in SQL: one row per step, decided under compare-and-set on its version."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import JSON, Column, update
from sqlmodel import Field, Session, SQLModel, col, select

from core.errors import ConcurrentUpdate, DomainError, NotFound
from core.sql.columns import UTCDateTime
from core.tickets.approval_state import (
    Approval,
    ApprovalStep,
    Decision,
    DecisionKind,
    StepStatus,
)
from core.tickets.durations import Duration


class ApprovalStepRow(SQLModel, table=True):
    """A step with its resolved approvers; `version` is the one the approval card carries."""

    __tablename__ = "approval_steps"

    ticket_id: int = Field(foreign_key="tickets.id", primary_key=True)
    step_index: int = Field(primary_key=True)
    key: str = Field(max_length=64)
    mode: str = Field(max_length=8)
    approvers: str = Field(default="", max_length=400)
    approver_ids: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    decisions: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    returned: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    status: str = Field(max_length=16, index=True)
    due: str | None = Field(default=None, max_length=40)
    opened_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime))
    due_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime))
    reminded_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime))
    escalated: bool = False
    escalated_to: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    waiting_for: str | None = Field(default=None, max_length=64)
    version: int = 1


def _decision_json(decision: Decision) -> dict[str, Any]:
    return {
        "approver_id": decision.approver_id,
        "kind": decision.kind.value,
        "reason": decision.reason,
        "at": decision.at.isoformat(),
    }


def _decision(data: dict[str, Any]) -> Decision:
    at = datetime.fromisoformat(data["at"])
    return Decision(data["approver_id"], DecisionKind(data["kind"]), data["reason"], at)


def _values(step: ApprovalStep) -> dict[str, Any]:
    """The row's columns for a step, as they are written."""
    return {
        "key": step.key,
        "mode": step.mode,
        "approvers": step.approvers,
        "approver_ids": list(step.approver_ids),
        "decisions": [_decision_json(d) for d in step.decisions],
        "returned": [_decision_json(d) for d in step.returned],
        "status": step.status.value,
        "due": str(step.due) if step.due is not None else None,
        "opened_at": step.opened_at,
        "due_at": step.due_at,
        "reminded_at": step.reminded_at,
        "escalated": step.escalated,
        "escalated_to": list(step.escalated_to),
        "waiting_for": step.waiting_for,
        "version": step.version,
    }


def _step(row: ApprovalStepRow) -> ApprovalStep:
    mode: Literal["one", "all"] = "all" if row.mode == "all" else "one"
    return ApprovalStep(
        index=row.step_index,
        key=row.key,
        mode=mode,
        approver_ids=tuple(row.approver_ids),
        decisions=tuple(_decision(d) for d in row.decisions),
        status=StepStatus(row.status),
        due_at=row.due_at,
        reminded_at=row.reminded_at,
        escalated=row.escalated,
        version=row.version,
        approvers=row.approvers,
        due=Duration.parse(row.due) if row.due else None,
        opened_at=row.opened_at,
        waiting_for=row.waiting_for,
        escalated_to=tuple(row.escalated_to),
        returned=tuple(_decision(d) for d in row.returned),
    )


class SqlApprovals:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, approval: Approval) -> Approval:
        if self.find(approval.ticket_id) is not None:
            raise DomainError("approval.exists", ticket_id=approval.ticket_id)
        for step in approval.steps:
            values = _values(step)
            row = ApprovalStepRow(ticket_id=approval.ticket_id, step_index=step.index, **values)
            self.session.add(row)
        self.session.flush()
        return approval

    def get(self, ticket_id: int) -> Approval:
        found = self.find(ticket_id)
        if found is None:
            raise NotFound("approval.not_found", ticket_id=ticket_id)
        return found

    def find(self, ticket_id: int) -> Approval | None:
        query = (
            select(ApprovalStepRow)
            .where(ApprovalStepRow.ticket_id == ticket_id)
            .order_by(col(ApprovalStepRow.step_index))
            .execution_options(populate_existing=True)
        )
        rows = self.session.exec(query).all()
        return Approval(ticket_id, tuple(_step(row) for row in rows)) if rows else None

    def save(self, changed: Approval, *, loaded: Approval) -> Approval:
        """Compare-and-set per step: write what changed only where the version is still ours."""
        if len(changed.steps) != len(loaded.steps) or changed.ticket_id != loaded.ticket_id:
            raise ValueError("an approval is saved from the record it was loaded as")
        connection = self.session.connection()
        for before, after in zip(loaded.steps, changed.steps, strict=True):
            was, now = _values(before), _values(after)
            differs = {name: value for name, value in now.items() if was[name] != value}
            if not differs:
                continue
            result = connection.execute(
                update(ApprovalStepRow)
                .where(
                    col(ApprovalStepRow.ticket_id) == changed.ticket_id,
                    col(ApprovalStepRow.step_index) == before.index,
                    col(ApprovalStepRow.version) == before.version,
                )
                .values(**differs)
            )
            if result.rowcount != 1:
                raise ConcurrentUpdate(ticket_id=changed.ticket_id, step=before.key)
        self.session.expire_all()
        return self.get(changed.ticket_id)

    def waiting(self) -> Sequence[Approval]:
        query = (
            select(ApprovalStepRow.ticket_id)
            .where(ApprovalStepRow.status == StepStatus.PENDING.value)
            .distinct()
            .order_by(col(ApprovalStepRow.ticket_id))
        )
        found = [self.get(ticket_id) for ticket_id in self.session.exec(query).all()]
        return [approval for approval in found if approval.current is not None]
