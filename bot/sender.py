"""The sender: delivers outbox rows by reply while the token is fresh, else by push."""

from __future__ import annotations

import asyncio
import logging
import random
from datetime import timedelta

from sqlalchemy import Engine
from sqlmodel import Session

from bot.line_port import Messenger, SendOutcome
from bot.store.outbox import Delivery, claim_due, record_failed, record_retry, record_sent
from bot.wake import nap
from core.clock import Clock

log = logging.getLogger(__name__)

LEASE = timedelta(seconds=60)
MAX_BACKOFF_SECONDS = 300


def backoff(attempts: int) -> timedelta:
    """1 s, 2 s, 4 s … capped at five minutes, with jitter so retries do not stampede."""
    base = min(2 ** max(attempts, 0), MAX_BACKOFF_SECONDS)
    return timedelta(seconds=base * random.uniform(0.8, 1.2))


class OutboxSender:
    def __init__(self, engine: Engine, messenger: Messenger, clock: Clock, *,
                 max_attempts: int, batch: int = 20) -> None:
        self.engine = engine
        self.messenger = messenger
        self.clock = clock
        self.max_attempts = max_attempts
        self.batch = batch
        self.wake = asyncio.Event()

    async def run(self, poll_seconds: float) -> None:
        """Send forever: woken by the worker after a commit, else every `poll_seconds`."""
        while True:
            if await self.send_due():
                continue
            await nap(self.wake, poll_seconds)

    async def send_due(self) -> int:
        """Send what is due now; returns how many rows were attempted."""
        claimed = await asyncio.to_thread(self._claim)
        for delivery in claimed:
            await self._deliver(delivery)
        return len(claimed)

    def _claim(self) -> list[Delivery]:
        with Session(self.engine) as session:
            return claim_due(session, self.clock.now(), LEASE, self.batch)

    async def _deliver(self, delivery: Delivery) -> None:
        fresh = (
            delivery.reply_token is not None
            and delivery.reply_deadline is not None
            and self.clock.now() < delivery.reply_deadline
        )
        if fresh:
            assert delivery.reply_token is not None
            outcome = await self.messenger.reply(delivery.reply_token, delivery.messages)
            via = "reply"
        else:
            outcome = await self.messenger.push(
                delivery.target, delivery.messages, delivery.retry_key
            )
            via = "push"
        await asyncio.to_thread(self._record, delivery, outcome, via)

    def _record(self, delivery: Delivery, outcome: SendOutcome, via: str) -> None:
        now = self.clock.now()
        with Session(self.engine) as session:
            if outcome.kind == "sent":
                record_sent(session, delivery.id, now, via)
            elif outcome.kind == "token_invalid":
                # The token expired or was used: deliver the same messages by push at once.
                record_retry(session, delivery.id, now, outcome.detail, drop_reply_token=True)
            elif outcome.kind == "retry" and delivery.attempts + 1 < self.max_attempts:
                record_retry(session, delivery.id, now + backoff(delivery.attempts), outcome.detail)
            else:
                log.warning("outbox %s to %s failed: %s", delivery.id, delivery.target,
                            outcome.detail)
                record_failed(session, delivery.id, outcome.detail)
