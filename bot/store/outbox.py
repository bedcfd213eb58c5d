"""The outbox: messages owed, written with the change they report, sent by the sender."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from bot.store.tables import OutboxRow

MAX_MESSAGES_PER_REQUEST = 5  # LINE: reply and push take 1-5 message objects


@dataclass(frozen=True)
class Delivery:
    """A claimed outbox row, detached from its session for the network call."""

    id: int
    target: str
    messages: list[dict[str, Any]]
    reply_token: str | None
    reply_deadline: datetime | None
    retry_key: str
    attempts: int

    @classmethod
    def of(cls, row: OutboxRow) -> Delivery:
        assert row.id is not None
        return cls(row.id, row.target, list(row.messages), row.reply_token, row.reply_deadline,
                   row.retry_key, row.attempts)


class Outbox:
    """Collects the messages of one transaction; flushes them as rows of at most five."""

    def __init__(self, session: Session, now: datetime, *, source_event_id: str | None = None):
        self.session = session
        self.now = now
        self.source_event_id = source_event_id

    def reply(self, target: str, token: str | None, deadline: datetime | None,
              messages: list[dict[str, Any]]) -> None:
        """Answer an event: the first five go by reply token while fresh, the rest by push."""
        for index, chunk in enumerate(_chunks(messages)):
            use_token = token if index == 0 else None
            self._add(target, chunk, use_token, deadline if use_token else None)

    def push(self, target: str, messages: list[dict[str, Any]]) -> None:
        for chunk in _chunks(messages):
            self._add(target, chunk, None, None)

    def _add(self, target: str, chunk: list[dict[str, Any]], token: str | None,
             deadline: datetime | None) -> None:
        self.session.add(
            OutboxRow(
                target=target,
                messages=chunk,
                reply_token=token,
                reply_deadline=deadline,
                retry_key=str(uuid.uuid4()),  # fixed now, so every retry is recognisably the same
                source_event_id=self.source_event_id,
                next_attempt_at=self.now,
                created_at=self.now,
            )
        )


def _chunks(messages: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    size = MAX_MESSAGES_PER_REQUEST
    return [messages[i : i + size] for i in range(0, len(messages), size)]


def claim_due(session: Session, now: datetime, lease: timedelta, limit: int) -> list[Delivery]:
    """Heads of each target's queue that are due, leased so no other sender takes them.

    Only the oldest unsent row of a target is eligible: a message waiting for a retry holds
    back the later ones, so a person never reads the bot's messages out of order.
    """
    earlier = aliased(OutboxRow)
    head = (
        select(func.min(earlier.id))
        .where(earlier.target == OutboxRow.target, earlier.status == "pending")
        .scalar_subquery()
    )
    query = (
        select(OutboxRow)
        .where(
            OutboxRow.status == "pending",
            col(OutboxRow.id) == head,
            col(OutboxRow.next_attempt_at) <= now,
        )
        .order_by(col(OutboxRow.id))
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    rows = list(session.exec(query).all())
    claimed = [Delivery.of(row) for row in rows]
    for row in rows:
        # The lease: a sender that dies mid-send leaves the row due again after `lease`;
        # the retry key it carries makes the second push harmless.
        row.next_attempt_at = now + lease
    session.commit()
    return claimed


def record_sent(session: Session, delivery_id: int, now: datetime, via: str) -> None:
    row = session.get(OutboxRow, delivery_id)
    assert row is not None
    row.status, row.sent_at, row.sent_via = "sent", now, via
    row.attempts += 1
    row.last_error = None
    session.commit()


def record_retry(session: Session, delivery_id: int, at: datetime, error: str,
                 *, drop_reply_token: bool = False) -> None:
    row = session.get(OutboxRow, delivery_id)
    assert row is not None
    row.attempts += 1
    row.next_attempt_at = at
    row.last_error = error[:2000]
    if drop_reply_token:
        row.reply_token = None
    session.commit()


def record_failed(session: Session, delivery_id: int, error: str) -> None:
    row = session.get(OutboxRow, delivery_id)
    assert row is not None
    row.status = "failed"
    row.attempts += 1
    row.last_error = error[:2000]
    session.commit()


def unsent_count(session: Session) -> int:
    query = select(func.count()).select_from(OutboxRow).where(OutboxRow.status == "pending")
    return int(session.exec(query).one())
