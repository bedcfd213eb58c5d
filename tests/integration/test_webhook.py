"""POST /callback: signature, size limit, de-duplication, one transaction per body."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.clock import FixedClock
from tests.support.harness import Bot
from tests.support.line_events import STAFF, body_of, sign, text_event

FIXTURE = Path(__file__).resolve().parents[3] / "shared" / "line-fixtures" / "webhook.json"


@pytest.fixture
def bot(database_url: str, clock: FixedClock) -> Bot:
    return Bot(database_url, clock)


def test_a_signed_event_is_stored_and_answered_200(bot: Bot, clock: FixedClock) -> None:
    response = bot.post(text_event(STAFF, "สวัสดี", clock.now()))
    assert response.status_code == 200
    assert [row.status for row in bot.inbox()] == ["pending"]


def test_a_bad_signature_gets_400_and_stores_nothing(bot: Bot, clock: FixedClock) -> None:
    response = bot.post(text_event(STAFF, "สวัสดี", clock.now()), signature="bm90IGl0")
    assert response.status_code == 400
    assert bot.inbox() == []


def test_a_missing_signature_gets_400_and_stores_nothing(bot: Bot, clock: FixedClock) -> None:
    body = body_of(text_event(STAFF, "สวัสดี", clock.now()))
    response = bot.client.post("/callback", content=body)
    assert response.status_code == 400
    assert bot.inbox() == []


def test_a_body_over_the_limit_gets_413(database_url: str, clock: FixedClock) -> None:
    bot = Bot(database_url, clock, max_webhook_body_bytes=2048)
    response = bot.post(text_event(STAFF, "ก" * 3000, clock.now()))
    assert response.status_code == 413
    assert bot.inbox() == []


def test_the_same_event_posted_twice_is_stored_once(bot: Bot, clock: FixedClock) -> None:
    event = text_event(STAFF, "สถานะ", clock.now())
    assert bot.post(event).status_code == 200
    assert bot.post(event).status_code == 200
    assert len(bot.inbox()) == 1


def test_twenty_events_in_one_body_are_all_stored(bot: Bot, clock: FixedClock) -> None:
    events = [text_event(STAFF, f"ข้อความ {n}", clock.now()) for n in range(20)]
    assert bot.post(*events).json() == {"stored": 20, "received": 20}
    assert len(bot.inbox()) == 20


def test_line_fixture_as_is_stores_only_the_first_event(bot: Bot) -> None:
    body = FIXTURE.read_bytes()
    response = bot.client.post("/callback", content=body, headers={"X-Line-Signature": sign(body)})
    assert response.status_code == 200
    assert [row.event_type for row in bot.inbox()] == ["message"]
    bot.run()
    assert [row.status for row in bot.inbox()] == ["done"]


def test_line_fixture_with_unique_ids_is_all_accepted_and_handled(bot: Bot) -> None:
    payload = json.loads(FIXTURE.read_text())
    for number, event in enumerate(payload["events"]):
        event["webhookEventId"] = f"fixture-{number:02d}"
    body = json.dumps(payload).encode()
    response = bot.client.post("/callback", content=body, headers={"X-Line-Signature": sign(body)})
    assert response.status_code == 200
    bot.run()
    rows = bot.inbox()
    assert len(rows) == len(payload["events"]) == 28
    assert {row.status for row in rows} == {"done"}
    assert all(row.attempts == 1 for row in rows)


def test_health_and_readiness(bot: Bot) -> None:
    assert bot.client.get("/healthz").json() == {"status": "ok"}
    assert bot.client.get("/readyz").json() == {"status": "ready", "inbox_pending": 0,
                                                "outbox_unsent": 0}
