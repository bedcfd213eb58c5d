"""The sender: reply while fresh, push after, retry keys, backoff, 409, failures, order."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.line_port import SendOutcome, classify_error
from core.clock import FixedClock
from tests.support.harness import Bot
from tests.support.line_events import STAFF, text_event


@pytest.fixture
def bot(database_url: str, clock: FixedClock) -> Bot:
    return Bot(database_url, clock)


def test_an_expired_reply_token_falls_back_to_push_with_the_same_messages(
        bot: Bot, clock: FixedClock) -> None:
    bot.messenger.scripted = [SendOutcome("token_invalid", "Invalid reply token")]
    bot.say(text_event(STAFF, "สถานะ", clock.now()))
    assert [call["via"] for call in bot.messenger.sent] == ["push"]
    assert bot.outbox()[0].status == "sent"


def test_a_server_error_is_retried_later_with_the_same_retry_key(
        bot: Bot, clock: FixedClock) -> None:
    bot.messenger.scripted = [SendOutcome("retry", "500")]
    bot.say(text_event(STAFF, "สถานะ", clock.now() - timedelta(minutes=2)))
    row = bot.outbox()[0]
    assert (row.status, row.attempts, row.last_error) == ("pending", 1, "500")
    clock.advance(timedelta(seconds=5))
    bot.run()
    assert bot.outbox()[0].status == "sent"
    assert bot.messenger.sent[0]["key"] == row.retry_key


def test_nothing_is_resent_before_its_backoff_is_over(bot: Bot, clock: FixedClock) -> None:
    bot.messenger.scripted = [SendOutcome("retry", "429")]
    bot.say(text_event(STAFF, "สถานะ", clock.now() - timedelta(minutes=2)))
    bot.run()
    assert bot.messenger.sent == []


def test_a_client_error_is_recorded_as_failed_with_lines_reason(
        bot: Bot, clock: FixedClock) -> None:
    bot.messenger.scripted = [classify_error(400, '{"message":"The request body has 1 error"}')]
    bot.say(text_event(STAFF, "สถานะ", clock.now() - timedelta(minutes=2)))
    row = bot.outbox()[0]
    assert row.status == "failed"
    assert "The request body has 1 error" in (row.last_error or "")


def test_retries_stop_after_the_configured_attempts(database_url: str, clock: FixedClock) -> None:
    bot = Bot(database_url, clock, sender_max_attempts=2)
    bot.messenger.scripted = [SendOutcome("retry", "503"), SendOutcome("retry", "503")]
    bot.say(text_event(STAFF, "สถานะ", clock.now() - timedelta(minutes=2)))
    clock.advance(timedelta(minutes=1))
    bot.run()
    assert (bot.outbox()[0].status, bot.outbox()[0].attempts) == ("failed", 2)


def test_a_later_message_waits_behind_one_being_retried(bot: Bot, clock: FixedClock) -> None:
    bot.messenger.scripted = [SendOutcome("retry", "500")]
    bot.say(text_event(STAFF, "สถานะ", clock.now() - timedelta(minutes=2)))
    bot.say(text_event(STAFF, "ช่วยเหลือ", clock.now() - timedelta(minutes=2)))
    assert bot.messenger.sent == []
    clock.advance(timedelta(seconds=5))
    bot.run()
    texts = bot.messenger.texts()
    assert texts[0] == "ขณะนี้ท่านไม่มีคำขอที่ค้างอยู่ค่ะ"
    assert texts[1].startswith("วิธีใช้งาน")


@pytest.mark.parametrize(
    ("status", "body", "kind"),
    [(409, "", "sent"), (429, "", "retry"), (500, "", "retry"), (None, "", "retry"),
     (400, '{"message":"Invalid reply token"}', "token_invalid"), (403, "", "failed")],
)
def test_lines_answers_are_classified(status: int | None, body: str, kind: str) -> None:
    assert classify_error(status, body).kind == kind
