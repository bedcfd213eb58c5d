"""Table models of the LINE front end's durable state."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Index
from sqlmodel import Field, SQLModel

from core.sql.columns import UTCDateTime


class InboxRow(SQLModel, table=True):
    """One LINE webhook event, stored before the 200 and processed later by the worker."""

    __tablename__ = "inbox"
    __table_args__ = (Index("ix_inbox_pending_chat", "status", "chat_key", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    webhook_event_id: str = Field(max_length=64, unique=True)
    chat_key: str = Field(max_length=80)
    event_type: str = Field(max_length=40)
    mode: str = Field(default="active", max_length=16)
    is_redelivery: bool = False
    payload: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    received_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    status: str = Field(default="pending", max_length=12)  # pending | done | failed
    attempts: int = 0
    last_error: str | None = None
    processed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime))


class OutboxRow(SQLModel, table=True):
    """A message the bot owes somebody, written in the same transaction as the change."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_pending_target", "status", "target", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    target: str = Field(max_length=64)  # a user, group or room id
    messages: list[dict[str, Any]] = Field(sa_column=Column(JSON, nullable=False))
    reply_token: str | None = Field(default=None, max_length=255)
    reply_deadline: datetime | None = Field(default=None, sa_column=Column(UTCDateTime))
    retry_key: str = Field(max_length=36, unique=True)
    source_event_id: str | None = Field(default=None, max_length=64)
    status: str = Field(default="pending", max_length=12)  # pending | sent | failed
    attempts: int = 0
    next_attempt_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    created_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    sent_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime))
    sent_via: str | None = Field(default=None, max_length=12)  # reply | push
    last_error: str | None = None


class DialogSessionRow(SQLModel, table=True):
    """Where one person stands in a multi-turn conversation, per chat."""

    __tablename__ = "dialog_sessions"

    chat_key: str = Field(primary_key=True, max_length=80)
    user_id: str = Field(primary_key=True, max_length=64)
    dialog: str = Field(max_length=40)
    state: str = Field(max_length=40)
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    version: int = 1
    updated_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    expires_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))


class LineUserRow(SQLModel, table=True):
    """A LINE user who has talked to the bot: friend or blocked (the directory says who)."""

    __tablename__ = "line_users"

    user_id: str = Field(primary_key=True, max_length=64)
    display_name: str | None = Field(default=None, max_length=120)
    is_friend: bool = True
    first_seen_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    updated_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
