"""Which instance runs the scheduler: the holder of a PostgreSQL advisory lock, or the only one."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from sqlalchemy import Connection, Engine, text

log = logging.getLogger(__name__)

# An arbitrary 64-bit key naming "the help desk's scheduler" among advisory locks.
SCHEDULER_LOCK = 0x4845_4C50_4445_534B


class Leadership:
    """Tries for the lock until it has it; holds it on its own connection while it lives.

    If that connection breaks, PostgreSQL releases the lock, another instance takes over, and
    this one stops its scheduler and tries again. SQLite serves one instance: it always leads.
    """

    def __init__(self, engine: Engine, on_gain: Callable[[], None],
                 on_loss: Callable[[], None]) -> None:
        self.engine = engine
        self.on_gain, self.on_loss = on_gain, on_loss
        self._connection: Connection | None = None
        self.leading = False

    def check(self) -> bool:
        """One round: keep or take the lock; calls on_gain / on_loss on a change."""
        holds = self._still_held() or self._acquire()
        if holds != self.leading:
            self.leading = holds
            (self.on_gain if holds else self.on_loss)()
        return holds

    def _acquire(self) -> bool:
        if self.engine.dialect.name != "postgresql":
            return True
        connection = self.engine.connect()
        got = connection.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": SCHEDULER_LOCK})
        held = bool(got.scalar())
        connection.commit()  # a session lock outlives the transaction; don't idle inside one
        if held:
            self._connection = connection
            return True
        connection.close()
        return False

    def _still_held(self) -> bool:
        if self._connection is None:
            return self.leading and self.engine.dialect.name != "postgresql"
        try:
            self._connection.execute(text("SELECT 1"))
            self._connection.commit()
            return True
        except Exception:  # the connection broke: the lock went with it
            log.warning("lost the scheduler lock")
            self.release()
            return False

    def release(self) -> None:
        """Give the lock back; the connection returns to a pool, so unlock it explicitly."""
        if self._connection is None:
            return
        try:
            self._connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": SCHEDULER_LOCK})
            self._connection.commit()
        except Exception:  # a broken connection holds no lock; make sure it is not reused
            self._connection.invalidate()
        finally:
            self._connection.close()
            self._connection = None

    async def run(self, every_seconds: float) -> None:
        try:
            while True:
                await asyncio.to_thread(self.check)
                await asyncio.sleep(every_seconds)
        finally:
            await asyncio.to_thread(self.release)
