"""Drive the bot in-process: post signed webhooks, run the worker and sender by hand."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from bot.app import create_app
from bot.line_port import SendOutcome
from bot.runtime import Runtime
from bot.settings import Settings
from bot.store.tables import InboxRow, OutboxRow
from core.clock import FixedClock
from core.sql.tables import TicketRow
from tests.conftest import LOCALE
from tests.support.line_events import SECRET, TOKEN, body_of, sign


@dataclass
class RecordingMessenger:
    """A Messenger that records what would reach LINE; outcomes can be scripted."""

    sent: list[dict[str, Any]] = field(default_factory=list)
    scripted: list[SendOutcome] = field(default_factory=list)

    async def reply(self, token: str, messages: list[dict[str, Any]]) -> SendOutcome:
        return self._record({"via": "reply", "token": token, "messages": messages})

    async def push(self, to: str, messages: list[dict[str, Any]], retry_key: str) -> SendOutcome:
        return self._record({"via": "push", "to": to, "messages": messages, "key": retry_key})

    async def close(self) -> None:
        return None

    def _record(self, call: dict[str, Any]) -> SendOutcome:
        outcome = self.scripted.pop(0) if self.scripted else SendOutcome("sent")
        if outcome.kind == "sent":
            self.sent.append(call)
        return outcome

    def texts(self) -> list[str]:
        return [m.get("text") or m.get("altText", "") for c in self.sent for m in c["messages"]]


def bot_settings(database_url: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "line_channel_secret": SECRET, "line_channel_access_token": TOKEN,
        "database_url": database_url, "start_workers": False, "locale_dir": LOCALE,
    }
    return Settings(**(values | overrides))


class Bot:
    """The app with its workers stopped: each step is run by the test."""

    def __init__(self, database_url: str, clock: FixedClock, **overrides: Any) -> None:
        self.messenger = RecordingMessenger()
        self.clock = clock
        self.app = create_app(bot_settings(database_url, **overrides), clock=clock,
                              messenger=self.messenger)
        self.client = TestClient(self.app)
        self.runtime: Runtime = self.app.state.runtime

    def post(self, *events: dict[str, Any], signature: str | None = None) -> Any:
        body = body_of(*events)
        headers = {"X-Line-Signature": signature or sign(body),
                   "Content-Type": "application/json"}
        return self.client.post("/callback", content=body, headers=headers)

    def run(self) -> int:
        """Handle every pending event, then send every due message."""
        handled = self.runtime.worker.drain()
        asyncio.run(self._send_all())
        return handled

    async def _send_all(self) -> None:
        while await self.runtime.sender.send_due():
            pass

    def say(self, *events: dict[str, Any]) -> list[str]:
        before = len(self.messenger.texts())
        assert self.post(*events).status_code == 200
        self.run()
        return self.messenger.texts()[before:]

    def rows(self, table: type[Any]) -> list[Any]:
        with Session(self.runtime.engine) as session:
            return list(session.exec(select(table)).all())

    def tickets(self) -> list[TicketRow]:
        return self.rows(TicketRow)

    def inbox(self) -> list[InboxRow]:
        return self.rows(InboxRow)

    def outbox(self) -> list[OutboxRow]:
        return self.rows(OutboxRow)
