"""A stand-in help-desk bot for the page tests: takes webhooks, replies through the emulator."""

from __future__ import annotations

import json
import struct
import threading
import time
import zlib
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar

import httpx

JsonObject = dict[str, Any]
T = TypeVar("T")

ASK_STATUS = {"type": "message", "label": "ดูสถานะงาน", "text": "สถานะงาน"}
START_REPAIR = {
    "type": "postback", "label": "แจ้งซ่อม", "data": "action=repair", "displayText": "แจ้งซ่อม",
}
APPROVE = {
    "type": "postback", "label": "อนุมัติ", "data": "action=approve&ticket=IT-2569-000123",
    "displayText": "อนุมัติ",
}
BOOK_VISIT = {
    "type": "datetimepicker", "label": "นัดวันเข้าตรวจ", "data": "action=book-visit",
    "mode": "date", "initial": "2026-12-01", "min": "2026-11-26", "max": "2026-12-31",
}
NO_OPEN_TICKETS = "ไม่มีงานค้างค่ะ"


def received_text_reply(text: str) -> JsonObject:
    """What the bot says to any text: it took the problem, and here are the next steps."""
    return {
        "type": "text",
        "text": f"รับเรื่องแล้วค่ะ: {text}",
        "quickReply": {"items": [
            {"type": "action", "action": ASK_STATUS},
            {"type": "action", "action": START_REPAIR},
        ]},
    }


def approval_card() -> JsonObject:
    """A Flex bubble like the approval card managers get, with one approve button."""
    return {
        "type": "flex",
        "altText": "ขออนุมัติ IT-2569-000123",
        "contents": {
            "type": "bubble",
            "body": {"type": "box", "layout": "vertical", "spacing": "sm", "contents": [
                {"type": "text", "text": "IT-2569-000123", "weight": "bold", "size": "xl"},
                {"type": "text", "text": "ขอบัญชีผู้ใช้ระบบ ERP", "wrap": True, "color": "#666666"},
            ]},
            "footer": {"type": "box", "layout": "vertical", "contents": [
                {"type": "button", "style": "primary", "action": APPROVE},
                {"type": "button", "style": "link", "action": BOOK_VISIT},
            ]},
        },
    }


def answer_to(event: JsonObject) -> list[JsonObject]:
    """Text gets an acknowledgement with quick replies (status gets a plain answer);
    a postback gets the approval card; anything else gets nothing."""
    if event["type"] == "postback":
        return [approval_card()]
    message = event.get("message", {})
    if event["type"] != "message" or message.get("type") != "text":
        return []
    if message["text"] == ASK_STATUS["text"]:
        return [{"type": "text", "text": NO_OPEN_TICKETS}]
    return [received_text_reply(message["text"])]


class ScriptedBot:
    """Receives the emulator's webhooks on 127.0.0.1 and replies with the reply API."""

    def __init__(self, access_token: str) -> None:
        self.access_token = access_token
        self.emulator_url = ""
        self.events: list[JsonObject] = []
        self.failures: list[str] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.webhook_url = f"http://127.0.0.1:{self._server.server_address[1]}/callback"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        bot = self

        class Webhook(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                # Answer LINE first, like a real bot; the reply goes out afterwards.
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()
                threading.Thread(target=bot.receive, args=(body,), daemon=True).start()

            def log_message(self, *args: Any) -> None:
                """Quiet: access logs would bury the test output."""

        return Webhook

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def receive(self, body: bytes) -> None:
        for event in json.loads(body)["events"]:
            with self._lock:
                self.events.append(event)
            messages = answer_to(event)
            if messages and event.get("replyToken"):
                self.reply(event["replyToken"], messages)

    def reply(self, reply_token: str, messages: list[JsonObject]) -> None:
        response = httpx.post(
            f"{self.emulator_url}/v2/bot/message/reply",
            json={"replyToken": reply_token, "messages": messages},
            headers={"Authorization": f"Bearer {self.access_token}"},
            timeout=10,
        )
        if response.status_code != 200:
            with self._lock:
                self.failures.append(f"{response.status_code} {response.text}")

    def postbacks(self) -> list[JsonObject]:
        with self._lock:
            return [e["postback"] for e in self.events if e["type"] == "postback"]

    def postback_data(self) -> list[str]:
        return [postback["data"] for postback in self.postbacks()]


def eventually(read: Callable[[], T], timeout: float = 10.0) -> T:
    """Waits until `read()` gives something truthy (webhooks arrive on another thread)."""
    deadline = time.monotonic() + timeout
    while True:
        value = read()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.05)


def solid_png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A one-colour PNG made with the standard library (no imaging package needed)."""
    row = b"\x00" + bytes(rgb) * width
    pixels = zlib.compress(row * height, 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        checksum = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", checksum)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)
            + chunk(b"IEND", b""))
