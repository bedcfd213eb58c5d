"""Real servers on loopback ports: the bot and the LINE emulator, as a newcomer runs them."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from bot.app import create_app
from bot.settings import Settings
from emulator.client import EmulatorClient
from emulator.config import EmulatorConfig, Persona
from emulator.server import RunningEmulator, bound_socket, serve_in_thread, start_emulator
from tests.support.line_events import OTHER, SECRET, STAFF, TOKEN


@contextmanager
def serving(app: Any, sock: socket.socket) -> Iterator[str]:
    server, thread = serve_in_thread(app, sock, name="helpdesk-bot")
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)


def emulator_config(webhook_url: str) -> EmulatorConfig:
    return EmulatorConfig(
        channel_secret=SECRET, channel_access_token=TOKEN, webhook_url=webhook_url,
        personas=[Persona(user_id=STAFF, display_name="สมชาย ใจดี", role="staff"),
                  Persona(user_id=OTHER, display_name="สมหญิง รักงาน", role="manager")],
    )


@dataclass
class Live:
    """Bot and emulator, both listening; `line` is the emulator's test client."""

    bot_url: str
    emulator: RunningEmulator
    line: EmulatorClient


@contextmanager
def live_stack(database_url: str, **settings: Any) -> Iterator[Live]:
    bot_socket = bound_socket()
    webhook = f"http://127.0.0.1:{bot_socket.getsockname()[1]}/callback"
    with start_emulator(emulator_config(webhook)) as emulator:
        values: dict[str, Any] = {
            "line_channel_secret": SECRET, "line_channel_access_token": TOKEN,
            "line_api_base": emulator.base_url, "database_url": database_url,
            "worker_poll_seconds": 0.2,
        }
        app = create_app(Settings(**(values | settings)))
        with serving(app, bot_socket) as bot_url, EmulatorClient(emulator.base_url) as line:
            yield Live(bot_url, emulator, line)
            # Every test that drives the bot through the emulator also proves LINE would have
            # accepted all of the bot's requests.
            assert line.rejections() == [], line.rejections()
