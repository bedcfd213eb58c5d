"""The inbox: events stored on arrival, claimed per chat in order, done with their effects."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from bot.inbound import chat_of, event_id
from bot.store.tables import InboxRow
from core.sql.statements import insert_or_ignore


def store_events(engine: Engine, events: list[dict[str, Any]], now: datetime) -> int:
    """Insert every event in one transaction; ids already present insert nothing.

    Returns how many were new. ON CONFLICT DO NOTHING makes a redelivery, a duplicate POST
    or a repeated id within one body harmless on both databases.
    """
    rows = [_row_values(raw, now) for raw in events]
    if not rows:
        return 0
    with Session(engine) as session:
        connection, new = session.connection(), 0
        for values in rows:
            statement = insert_or_ignore(connection, InboxRow, values, ["webhook_event_id"])
            new += len(connection.execute(statement.returning(col(InboxRow.id))).all())
        session.commit()
    return new


def _row_values(raw: dict[str, Any], now: datetime) -> dict[str, Any]:
    delivery = raw.get("deliveryContext") or {}
    return {
        "webhook_event_id": event_id(raw),
        "chat_key": chat_of(raw).key,
        "event_type": str(raw.get("type"))[:40],
        "mode": str(raw.get("mode") or "active")[:16],
        "is_redelivery": bool(delivery.get("isRedelivery")),
        "payload": raw,
        "received_at": now,
        "status": "pending",
        "attempts": 0,
    }


def claim_next(session: Session) -> InboxRow | None:
    """The oldest pending event of some chat whose earlier events are all finished.

    On PostgreSQL the row stays locked (FOR UPDATE SKIP LOCKED) until the caller commits,
    so another instance skips this chat's head and, because it only takes heads, the rest
    of the chat too: events of one chat are handled one at a time, in order.
    """
    earlier = aliased(InboxRow)
    head = (
        select(func.min(earlier.id))
        .where(earlier.chat_key == InboxRow.chat_key, earlier.status == "pending")
        .scalar_subquery()
    )
    query = (
        select(InboxRow)
        .where(InboxRow.status == "pending", col(InboxRow.id) == head)
        .order_by(col(InboxRow.id))
        .limit(1)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    return session.exec(query).first()


def mark_done(row: InboxRow, now: datetime) -> None:
    row.status = "done"
    row.processed_at = now
    row.attempts += 1


def pending_count(session: Session) -> int:
    query = select(func.count()).select_from(InboxRow).where(InboxRow.status == "pending")
    return int(session.exec(query).one())
