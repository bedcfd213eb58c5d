"""The inbox worker: handles stored events per chat, in order, each exactly once."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from sqlalchemy import Engine
from sqlmodel import Session

from bot import dispatch
from bot.i18n import Translator
from bot.inbound import to_inbound
from bot.store.inbox import claim_next, mark_done
from bot.store.outbox import Outbox
from bot.store.tables import InboxRow
from bot.turn import Turn, TurnSettings
from bot.views.text import text
from bot.wake import nap
from core.clock import Clock

log = logging.getLogger(__name__)


class InboxWorker:
    def __init__(self, engine: Engine, t: Translator, clock: Clock, settings: TurnSettings, *,
                 max_attempts: int, on_outbox: Callable[[], None] = lambda: None) -> None:
        self.engine = engine
        self.t = t
        self.clock = clock
        self.settings = settings
        self.max_attempts = max_attempts
        self.on_outbox = on_outbox
        self.wake = asyncio.Event()

    def process_one(self) -> bool:
        """Handle the next eligible event; False when none is waiting.

        The handler's changes, its outbox rows and the "done" mark commit together, so a
        crash before the commit leaves the event pending and a crash after it leaves it done.
        """
        with Session(self.engine, expire_on_commit=False) as session:
            row = claim_next(session)
            if row is None:
                return False
            row_id, event_id = row.id, row.webhook_event_id
            try:
                now = self.clock.now()
                turn = Turn(to_inbound(row.payload), session, self.t, self.clock,
                            self.settings, now)
                dispatch.handle(turn)
                mark_done(row, now)
                session.commit()
            except Exception as error:
                session.rollback()
                log.exception("event %s failed", event_id)
                assert row_id is not None
                self._record_failure(row_id, error)
        return True

    def _record_failure(self, row_id: int, error: Exception) -> None:
        with Session(self.engine) as session:
            row = session.get(InboxRow, row_id)
            assert row is not None
            row.attempts += 1
            row.last_error = f"{type(error).__name__}: {error}"[:2000]
            if row.attempts >= self.max_attempts:
                row.status = "failed"  # stop retrying so the chat's later events can go on
                self._apologise(session, row)
            session.commit()

    def _apologise(self, session: Session, row: InboxRow) -> None:
        inbound = to_inbound(row.payload)
        if inbound.mode == "standby" or inbound.kind in ("unfollow", "other"):
            return
        sorry = text(self.t("Sorry, something went wrong on our side. Please try again."))
        Outbox(session, self.clock.now(), source_event_id=row.webhook_event_id).push(
            inbound.chat.id, [sorry]
        )

    def drain(self, limit: int = 200) -> int:
        handled = 0
        while handled < limit and self.process_one():
            handled += 1
        return handled

    async def run(self, poll_seconds: float) -> None:
        while True:
            handled = await asyncio.to_thread(self.drain)
            if handled:
                self.on_outbox()
                continue
            await nap(self.wake, poll_seconds)
