"""The ticket and its audit entry: what a help-desk request is, as plain values."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

# The actor id of changes the help desk makes by itself (auto-close, a parent closing).
SYSTEM_ACTOR = "system"


class TicketStatus(StrEnum):
    NEW = "new"
    AWAITING_APPROVAL = "awaiting_approval"
    APPROVED = "approved"
    REJECTED = "rejected"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    PENDING = "pending"
    RESOLVED = "resolved"
    CLOSED = "closed"
    CANCELLED = "cancelled"
    MERGED = "merged"


OPEN_STATUSES = frozenset(TicketStatus) - {
    TicketStatus.REJECTED,
    TicketStatus.CLOSED,
    TicketStatus.CANCELLED,
    TicketStatus.MERGED,
}


class PendingReason(StrEnum):
    REQUESTER = "requester"
    VENDOR = "vendor"
    PARTS = "parts"
    OTHER = "other"


class Priority(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


@dataclass
class Ticket:
    """One request to the help desk. `details` holds the intake answers of its type."""

    number: str
    type_key: str
    requester_id: str
    title: str
    created_at: datetime
    updated_at: datetime
    category: str | None = None
    unit_id: str | None = None
    description: str = ""
    details: dict[str, Any] = field(default_factory=dict)
    priority: Priority = Priority.NORMAL
    status: TicketStatus = TicketStatus.NEW
    pending_reason: PendingReason | None = None
    team_id: str | None = None
    assignee_id: str | None = None
    asset_no: str | None = None
    parent_id: int | None = None
    reopen_count: int = 0
    rating: int | None = None
    rating_comment: str | None = None
    resolved_at: datetime | None = None
    closed_at: datetime | None = None
    version: int = 1
    id: int | None = None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


@dataclass(frozen=True)
class AuditEntry:
    """An immutable record of one change: who, when, what, before and after."""

    ticket_id: int
    at: datetime
    actor_id: str
    action: str
    before: dict[str, Any]
    after: dict[str, Any]
    seq: int | None = None
