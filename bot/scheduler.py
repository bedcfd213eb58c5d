"""Periodic jobs on APScheduler: each job is one call, its messages go through the outbox."""

from __future__ import annotations

import logging
from datetime import timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import Engine, delete
from sqlmodel import Session, col

from bot.store.tables import DialogSessionRow, InboxRow
from core.clock import Clock

log = logging.getLogger(__name__)

INBOX_KEEP = timedelta(days=30)  # long enough to trace a complaint; LINE redelivers for less
STALE_SESSION = timedelta(days=1)


def purge_handled_events(engine: Engine, clock: Clock) -> int:
    cutoff = clock.now() - INBOX_KEEP
    with Session(engine) as session:
        result = session.connection().execute(
            delete(InboxRow).where(col(InboxRow.status) == "done",
                                   col(InboxRow.processed_at) < cutoff)
        )
        session.commit()
    return int(result.rowcount)


def purge_stale_dialogs(engine: Engine, clock: Clock) -> int:
    """Sessions past their expiry by a day: the offer to resume them has lapsed too."""
    cutoff = clock.now() - STALE_SESSION
    with Session(engine) as session:
        result = session.connection().execute(
            delete(DialogSessionRow).where(col(DialogSessionRow.expires_at) < cutoff)
        )
        session.commit()
    return int(result.rowcount)


def build_scheduler(engine: Engine, clock: Clock, tz: str) -> AsyncIOScheduler:
    scheduler = AsyncIOScheduler(timezone=tz)
    scheduler.add_job(purge_handled_events, "cron", hour=2, minute=15, args=(engine, clock),
                      id="purge_handled_events", coalesce=True, max_instances=1)
    scheduler.add_job(purge_stale_dialogs, "interval", hours=1, args=(engine, clock),
                      id="purge_stale_dialogs", coalesce=True, max_instances=1)
    return scheduler
