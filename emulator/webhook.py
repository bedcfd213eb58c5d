"""Delivers signed LINE webhooks to the bot and redelivers what it did not acknowledge."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import httpx

from emulator.config import RedeliveryPolicy
from emulator.events import Event, as_redelivery, callback_body
from emulator.records import Record

log = logging.getLogger(__name__)


def signature(channel_secret: str, body: bytes) -> str:
    """`X-Line-Signature`: base64 of the HMAC-SHA256 of the raw body, keyed by the secret."""
    digest = hmac.new(channel_secret.encode(), body, hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


@dataclass(frozen=True)
class DeliveryResult:
    delivered: bool
    status: int | None
    error: str | None = None


class WebhookSender:
    """POSTs events like LINE: one signed body, then bounded redeliveries with backoff."""

    def __init__(
        self,
        *,
        channel_secret: str,
        destination: str,
        url: str | None,
        policy: RedeliveryPolicy,
        record: Record,
        clock: Callable[[], float],
        on_redelivery: Callable[[Sequence[Event]], None] = lambda events: None,
    ) -> None:
        self.url = url
        self._secret = channel_secret
        self._destination = destination
        self._policy = policy
        self._record = record
        self._clock = clock
        self._on_redelivery = on_redelivery
        self._client = httpx.AsyncClient(timeout=policy.timeout_seconds)
        self._redeliveries: set[asyncio.Task[None]] = set()

    async def deliver(self, events: Sequence[Event]) -> DeliveryResult:
        """The first attempt's outcome; redeliveries, if needed, continue in the background."""
        result = await self._attempt(events, attempt=1)
        if not result.delivered and self.url and self._policy.max_redeliveries > 0:
            task = asyncio.create_task(self._redeliver(events))
            self._redeliveries.add(task)
            task.add_done_callback(self._redeliveries.discard)
        return result

    @property
    def pending_redeliveries(self) -> int:
        """Events still waiting for a redelivery attempt; 0 once everything has settled."""
        return len(self._redeliveries)

    async def aclose(self) -> None:
        for task in list(self._redeliveries):
            task.cancel()
        await asyncio.gather(*self._redeliveries, return_exceptions=True)
        await self._client.aclose()

    async def _redeliver(self, events: Sequence[Event]) -> None:
        redelivered = [as_redelivery(event) for event in events]
        delay = self._policy.backoff_seconds
        for attempt in range(2, self._policy.max_redeliveries + 2):
            await asyncio.sleep(delay)
            delay *= self._policy.backoff_factor
            self._on_redelivery(redelivered)
            if (await self._attempt(redelivered, attempt=attempt)).delivered:
                return
        log.warning("webhook gave up after %d attempts", self._policy.max_redeliveries + 1)

    async def _attempt(self, events: Sequence[Event], *, attempt: int) -> DeliveryResult:
        if not self.url:
            result = DeliveryResult(False, None, "no webhook URL is configured")
        else:
            result = await self._post(self.url, events)
        self._record.delivery(
            self._clock(),
            {
                "url": self.url,
                "attempt": attempt,
                "isRedelivery": attempt > 1,
                "webhookEventIds": [event["webhookEventId"] for event in events],
                "status": result.status,
                "delivered": result.delivered,
                "error": result.error,
            },
        )
        return result

    async def _post(self, url: str, events: Sequence[Event]) -> DeliveryResult:
        payload = callback_body(self._destination, events)
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": "LineBotWebhook/2.0",
            "X-Line-Signature": signature(self._secret, body),
        }
        try:
            response = await self._client.post(url, content=body, headers=headers)
        except httpx.HTTPError as error:
            log.info("webhook to %s failed: %s", url, error)
            return DeliveryResult(False, None, f"{type(error).__name__}: {error}")
        return DeliveryResult(response.is_success, response.status_code)
