"""Test doubles and helpers for the emulator's tests: a clock, a webhook receiver, people."""

from __future__ import annotations

import json
import struct
import threading
import time
import zlib
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from emulator.client import EmulatorClient
from emulator.config import Group, Persona
from emulator.server import RunningEmulator

StartEmulator = Callable[..., RunningEmulator]

SECRET = "test-channel-secret"
TOKEN = "test-access-token"
SOMCHAI = "U" + "1" * 32
MALEE = "U" + "2" * 32
PRAKAN = "U" + "3" * 32
IT_GROUP = "C" + "4" * 32


class FakeClock:
    """Time that moves only when a test says so."""

    def __init__(self, start: float = 1_790_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass(frozen=True)
class ReceivedWebhook:
    body: bytes
    signature: str

    @property
    def payload(self) -> dict[str, Any]:
        parsed: dict[str, Any] = json.loads(self.body)
        return parsed

    @property
    def events(self) -> list[dict[str, Any]]:
        events: list[dict[str, Any]] = self.payload["events"]
        return events


class WebhookReceiver:
    """A tiny stand-in bot: records every webhook POST and answers scripted statuses."""

    def __init__(self) -> None:
        self.received: list[ReceivedWebhook] = []
        self.statuses: deque[int] = deque()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                signature = self.headers.get("X-Line-Signature", "")
                receiver.received.append(ReceivedWebhook(body, signature))
                status = receiver.statuses.popleft() if receiver.statuses else 200
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                """Quiet: the test output is the place for assertions, not access logs."""

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/callback"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()

    def answer_next_with(self, *statuses: int) -> None:
        self.statuses.extend(statuses)

    def wait_for(self, count: int, timeout: float = 10.0) -> list[ReceivedWebhook]:
        deadline = time.monotonic() + timeout
        while len(self.received) < count:
            if time.monotonic() > deadline:
                raise TimeoutError(f"got {len(self.received)} of {count} webhooks")
            time.sleep(0.01)
        return self.received

    def last_event(self) -> dict[str, Any]:
        return self.received[-1].events[-1]

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def people() -> dict[str, Any]:
    return {
        "personas": [
            Persona(user_id=SOMCHAI, display_name="สมชาย ใจดี", role="staff"),
            Persona(
                user_id=MALEE,
                display_name="มาลี ศรีสุข",
                role="manager",
                picture_url="https://example.com/malee.png",
                status_message="ประชุมอยู่",
            ),
            Persona(user_id=PRAKAN, display_name="ประกาศ ช่างไฟ", role="technician"),
        ],
        "groups": [
            Group(group_id=IT_GROUP, group_name="ทีมไอที", member_ids=[SOMCHAI, MALEE, PRAKAN]),
        ],
    }


def reply_token(client: EmulatorClient, receiver: WebhookReceiver, chat: str, user: str) -> str:
    """A fresh reply token: the persona says something and the bot's webhook gets it."""
    client.send_text(chat, user, "สวัสดีค่ะ")
    token: str = receiver.last_event()["replyToken"]
    return token


def text(content: str = "รับเรื่องแล้วค่ะ") -> dict[str, Any]:
    return {"type": "text", "text": content}


def png(width: int = 2, height: int = 1) -> bytes:
    """A real (tiny) PNG, so image bytes survive the round trip as an image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunks = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks
