"""The whole emulated LINE world of one app: people, chats, tokens, menus, record, faults."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Annotated

from fastapi import Depends, Request

from emulator.blobs import Blob
from emulator.config import EmulatorConfig
from emulator.directory import Directory
from emulator.events import Event
from emulator.faults import FaultGate
from emulator.records import Record
from emulator.richmenu_store import RichMenuStore
from emulator.rules import Checks
from emulator.timeline import Timelines
from emulator.tokens import ReplyTokens, RetryKeys
from emulator.webhook import WebhookSender

Clock = Callable[[], float]


class EmulatorState:
    """Held by the app (`app.state.emulator`); every route reads and changes it."""

    def __init__(self, config: EmulatorConfig, clock: Clock = time.time) -> None:
        self.config = config
        self.clock = clock
        self.directory = Directory(config)
        self.timelines = Timelines()
        self.reply_tokens = ReplyTokens(config.reply_token_ttl)
        self.retry_keys = RetryKeys()
        self.contents: dict[str, Blob] = {}
        self.rich_menus = RichMenuStore()
        self.record = Record()
        self.faults = FaultGate(config.faults, config.rate_limits)
        self.usage = 0
        self.sender = WebhookSender(
            channel_secret=config.channel_secret,
            destination=config.bot_user_id,
            url=config.webhook_url,
            policy=config.redelivery,
            record=self.record,
            clock=clock,
            on_redelivery=self._refresh_reply_tokens,
        )

    def now(self) -> float:
        return self.clock()

    def checks(self) -> Checks:
        return Checks(allow_http_loopback=self.config.allow_http_media_on_loopback)

    def reset(self) -> None:
        """Forgets conversations and the record; people, rich menus and faults stay."""
        self.timelines.clear()
        self.reply_tokens.clear()
        self.retry_keys.clear()
        self.contents.clear()
        self.record.clear()
        self.usage = 0

    def _refresh_reply_tokens(self, events: Sequence[Event]) -> None:
        now = self.now()
        for event in events:
            if "replyToken" in event:
                self.reply_tokens.redelivered(event["replyToken"], now)


def emulator_state(request: Request) -> EmulatorState:
    """FastAPI dependency: the state of the app serving this request."""
    state: EmulatorState = request.app.state.emulator
    return state


State = Annotated[EmulatorState, Depends(emulator_state)]
