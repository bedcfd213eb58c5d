"""SIGKILL with events pending: after a restart each is handled exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from sqlmodel import Session, select

from bot.db import make_engine
from bot.store.tables import InboxRow
from emulator.client import EmulatorClient
from emulator.server import bound_socket, start_emulator
from tests.support.line_events import SECRET, STAFF, TOKEN
from tests.support.servers import emulator_config


@contextmanager
def bot_process(port: int, api_base: str, database_url: str, workers: bool) -> Iterator[None]:
    env = os.environ | {
        "LINE_CHANNEL_SECRET": SECRET, "LINE_CHANNEL_ACCESS_TOKEN": TOKEN,
        "LINE_API_BASE": api_base, "DATABASE_URL": database_url,
        "START_WORKERS": "true" if workers else "false", "WORKER_POLL_SECONDS": "0.2",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
         "--log-level", "warning"], env=env, cwd=Path(__file__).resolve().parents[2])
    try:
        _wait_ready(f"http://127.0.0.1:{port}/readyz", process)
        yield
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)


def _wait_ready(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, "the bot exited during start-up"
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise AssertionError("the bot did not become ready")


def statuses(database_url: str) -> list[tuple[str, int]]:
    engine = make_engine(database_url)
    with Session(engine) as session:
        rows = session.exec(select(InboxRow).order_by(InboxRow.id)).all()  # type: ignore[arg-type]
        result = [(row.status, row.attempts) for row in rows]
    engine.dispose()
    return result


def test_events_pending_at_a_sigkill_are_handled_once_after_restart(database_url: str) -> None:
    sock = bound_socket()
    port = sock.getsockname()[1]
    sock.close()
    webhook = f"http://127.0.0.1:{port}/callback"
    with start_emulator(emulator_config(webhook)) as emulator, \
            EmulatorClient(emulator.base_url) as line:
        with bot_process(port, emulator.base_url, database_url, workers=False):
            for word in ("สถานะ", "ช่วยเหลือ", "เมนู"):
                assert line.send_text(STAFF, STAFF, word)["delivered"]
        assert statuses(database_url) == [("pending", 0)] * 3  # killed before any handling
        with bot_process(port, emulator.base_url, database_url, workers=True):
            received = line.wait_for_messages(STAFF, 3, timeout=20)
            time.sleep(1)  # anything handled twice would have arrived by now
            assert len(line.received(STAFF)) == 3
        assert statuses(database_url) == [("done", 1)] * 3
        assert [m["message"]["text"][:6] for m in received] == ["ขณะนี้", "วิธีใช", "ต้องกา"]
