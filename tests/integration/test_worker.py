"""The inbox worker: per-chat order, exactly once, failures that do not block a chat."""

from __future__ import annotations

from typing import Any

import pytest

from bot import dispatch
from core.clock import FixedClock
from tests.support.harness import Bot
from tests.support.line_events import OTHER, STAFF, postback_event, text_event


@pytest.fixture
def bot(database_url: str, clock: FixedClock) -> Bot:
    return Bot(database_url, clock)


def test_events_of_one_chat_are_handled_in_arrival_order(bot: Bot, clock: FixedClock) -> None:
    now = clock.now()
    bot.post(text_event(STAFF, "แจ้งซ่อม", now),
             postback_event(STAFF, "a=ans&s=device&v=scanner", now),
             text_event(STAFF, "สแกนแล้วภาพเป็นเส้น", now),
             postback_event(STAFF, "a=ans&s=asset&v=skip", now),
             postback_event(STAFF, "a=ans&s=ownership&v=owned", now),
             postback_event(STAFF, "a=ans&s=photo&v=skip", now),
             postback_event(STAFF, "a=ans&s=confirm&v=confirm", now))
    bot.run()
    assert [t.category for t in bot.tickets()] == ["scanner"]


def test_an_event_is_never_handled_twice(bot: Bot, clock: FixedClock) -> None:
    bot.post(text_event(STAFF, "สถานะ", clock.now()))
    assert bot.run() == 1
    assert bot.run() == 0
    assert len(bot.messenger.sent) == 1


def test_a_failing_event_rolls_back_and_is_retried(bot: Bot, clock: FixedClock,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    real = dispatch.handle
    calls: list[str] = []

    def flaky(turn: Any) -> None:
        calls.append(turn.inbound.event_id)
        real(turn)
        if len(calls) == 1:
            raise RuntimeError("database went away")

    monkeypatch.setattr(dispatch, "handle", flaky)
    answers = ("a=ans&s=asset&v=skip", "a=ans&s=ownership&v=owned", "a=ans&s=photo&v=skip",
               "a=ans&s=confirm&v=confirm")
    bot.post(text_event(STAFF, "คอมเปิดไม่ติด ห้อง 2", clock.now()),
             *(postback_event(STAFF, data, clock.now()) for data in answers))
    bot.run()
    assert len(bot.tickets()) == 1  # the first attempt's session write was rolled back
    assert [row.attempts for row in bot.inbox()] == [2, 1, 1, 1, 1]


def test_a_poisoned_event_is_given_up_and_the_chat_moves_on(
        database_url: str, clock: FixedClock, monkeypatch: pytest.MonkeyPatch) -> None:
    bot = Bot(database_url, clock, worker_max_attempts=2)
    real = dispatch.handle

    def broken_on_status(turn: Any) -> None:
        if turn.inbound.text == "สถานะ":
            raise ValueError("bug")
        real(turn)

    monkeypatch.setattr(dispatch, "handle", broken_on_status)
    bot.post(text_event(STAFF, "สถานะ", clock.now()), text_event(STAFF, "ช่วยเหลือ", clock.now()))
    bot.run()
    assert [row.status for row in bot.inbox()] == ["failed", "done"]
    texts = bot.messenger.texts()
    assert "ขออภัยค่ะ ระบบขัดข้องชั่วคราว กรุณาลองใหม่อีกครั้ง" in texts
    assert texts[-1].startswith("วิธีใช้งาน")


def test_chats_do_not_wait_for_each_other(bot: Bot, clock: FixedClock) -> None:
    bot.post(text_event(STAFF, "สถานะ", clock.now()), text_event(OTHER, "สถานะ", clock.now()))
    assert bot.run() == 2
    assert {call.get("token") for call in bot.messenger.sent} != {None}
