"""Table models of the ticket core; domain objects are mapped to and from these rows."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Index
from sqlmodel import Field, SQLModel

from core.sql.columns import UTCDateTime


class TicketRow(SQLModel, table=True):
    __tablename__ = "tickets"
    __table_args__ = (
        Index("ix_tickets_requester_status", "requester_id", "status"),
        Index("ix_tickets_asset", "asset_no"),
    )

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(max_length=20, unique=True)
    type_key: str = Field(max_length=40)
    category: str | None = Field(default=None, max_length=60)
    requester_id: str = Field(max_length=64)
    unit_id: str | None = Field(default=None, max_length=64)
    title: str = Field(max_length=200)
    description: str = Field(default="")
    details: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    priority: str = Field(max_length=10)
    status: str = Field(max_length=24, index=True)
    pending_reason: str | None = Field(default=None, max_length=16)
    team_id: str | None = Field(default=None, max_length=64, index=True)
    assignee_id: str | None = Field(default=None, max_length=64, index=True)
    asset_no: str | None = Field(default=None, max_length=64)
    parent_id: int | None = Field(default=None, foreign_key="tickets.id")
    reopen_count: int = 0
    rating: int | None = None
    rating_comment: str | None = None
    created_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    updated_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    resolved_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime))
    closed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime))
    version: int = 1


class AuditRow(SQLModel, table=True):
    """Append-only: the migration adds triggers that refuse UPDATE and DELETE."""

    __tablename__ = "audit_entries"

    seq: int | None = Field(default=None, primary_key=True)
    ticket_id: int = Field(foreign_key="tickets.id", index=True)
    at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    actor_id: str = Field(max_length=64)
    action: str = Field(max_length=40)
    before: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    after: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class CounterRow(SQLModel, table=True):
    __tablename__ = "counters"

    name: str = Field(primary_key=True, max_length=60)
    value: int = 0
