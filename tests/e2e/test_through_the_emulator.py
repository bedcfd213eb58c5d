"""End to end: the emulator signs LINE events, the bot answers through the real SDK."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.support.line_events import STAFF
from tests.support.servers import Live, live_stack


@pytest.fixture
def live(database_url: str) -> Iterator[Live]:
    with live_stack(database_url) as stack:
        yield stack


# The smallest valid PNG: one transparent pixel.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def texts(messages: list[dict[str, Any]]) -> list[str]:
    return [m["message"].get("text") or m["message"].get("altText") for m in messages]


def test_a_signed_text_gets_a_thai_reply_recorded_by_the_emulator(live: Live) -> None:
    live.line.send_text(STAFF, STAFF, "ช่วยเหลือ")
    received = live.line.wait_for_messages(STAFF, 1)
    assert texts(received)[0].startswith("วิธีใช้งาน")
    assert received[0]["via"] == "reply"


def test_a_repair_dialog_through_signed_events_creates_one_ticket(live: Live) -> None:
    live.line.send_text(STAFF, STAFF, "แจ้งซ่อม")
    live.line.wait_for_messages(STAFF, 1)
    live.line.send_postback(STAFF, STAFF, "a=ans&s=device&v=printer", display_text="เครื่องพิมพ์")
    live.line.wait_for_messages(STAFF, 2)
    live.line.send_text(STAFF, STAFF, "กระดาษติด ชั้น 3")
    live.line.wait_for_messages(STAFF, 3)
    live.line.send_text(STAFF, STAFF, "PR-0012")
    live.line.wait_for_messages(STAFF, 4)
    live.line.send_text(STAFF, STAFF, "ครุภัณฑ์ของหน่วยงาน")
    live.line.wait_for_messages(STAFF, 5)
    live.line.send_image(STAFF, STAFF, PNG)
    assert "แนบแล้ว" in texts(live.line.wait_for_messages(STAFF, 6))[5]
    live.line.send_postback(STAFF, STAFF, "a=ans&s=confirm&v=confirm", display_text="ยืนยัน")
    received = live.line.wait_for_messages(STAFF, 8)
    assert re.search(r"IT-\d{4}-\d{6}", texts(received)[6])
    live.line.send_text(STAFF, STAFF, "สถานะ")
    status = live.line.wait_for_messages(STAFF, 9)[-1]["message"]
    assert status["type"] == "flex" and len(status["contents"]["contents"]) == 1


def test_the_bots_traffic_is_never_rejected(live: Live) -> None:
    live.line.follow(STAFF)
    live.line.send_text(STAFF, STAFF, "แจ้งซ่อม")
    live.line.send_text(STAFF, STAFF, "สถานะ")
    live.line.wait_for_messages(STAFF, 3)
    assert live.line.rejections() == []
