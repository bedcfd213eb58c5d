"""Benchmark: how fast signed webhooks are stored, and how fast the worker handles them.

Run:  .venv/bin/python bench/inbox_throughput.py [--events 2000] [--database-url URL]
Prints figures; never fails on time. Uses SQLite in a temporary folder unless told otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.app import create_app  # noqa: E402
from bot.db import upgrade  # noqa: E402
from bot.i18n import compile_catalogs  # noqa: E402
from bot.line_port import SendOutcome  # noqa: E402
from bot.settings import Settings  # noqa: E402
from emulator import events as line  # noqa: E402
from emulator.webhook import signature  # noqa: E402

SECRET = "bench-secret"


class NullMessenger:
    async def reply(self, token: str, messages: list[dict[str, Any]]) -> SendOutcome:
        return SendOutcome("sent")

    async def push(self, to: str, messages: list[dict[str, Any]], retry_key: str) -> SendOutcome:
        return SendOutcome("sent")

    async def close(self) -> None:
        return None


def body(batch: int, start: int) -> bytes:
    now = int(time.time() * 1000)
    events = [
        line.text_event(line.user_source(f"U{(start + i) % 50:032x}"),
                        line.EventMeta(f"bench{start + i:020d}", now, f"r{start + i}"),
                        message_id=str(start + i), text="สถานะ", quote_token="q")
        for i in range(batch)
    ]
    return json.dumps(line.callback_body("Ubench", events)).encode()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=10)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    compile_catalogs(ROOT / "locale")
    folder = tempfile.mkdtemp()
    url = args.database_url or f"sqlite:///{folder}/bench.db"
    upgrade(url)
    settings = Settings(line_channel_secret=SECRET, line_channel_access_token="t",
                        database_url=url, start_workers=False)
    app = create_app(settings, messenger=NullMessenger())
    client, runtime = TestClient(app), app.state.runtime

    tracemalloc.start()
    started = time.perf_counter()
    for start in range(0, args.events, args.batch):
        raw = body(args.batch, start)
        client.post("/callback", content=raw, headers={"X-Line-Signature": signature(SECRET, raw)})
    stored = time.perf_counter() - started
    started = time.perf_counter()
    handled = runtime.worker.drain(limit=args.events)
    worked = time.perf_counter() - started
    started = time.perf_counter()
    while asyncio.run(runtime.sender.send_due()):
        pass
    sent = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 1e6

    print(f"database: {url.split(':', 1)[0]}   events: {args.events} in bodies of {args.batch}")
    print(f"webhook -> inbox : {args.events / stored:8.0f} events/s ({stored:.2f} s)")
    print(f"worker handling  : {handled / worked:8.0f} events/s ({worked:.2f} s, {handled})")
    print(f"outbox -> sender : {args.events / sent:8.0f} messages/s ({sent:.2f} s, null LINE)")
    print(f"peak traced memory: {peak:.1f} MB")


if __name__ == "__main__":
    main()
