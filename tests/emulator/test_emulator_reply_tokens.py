"""Reply tokens: one per replyable event, single-use, short-lived, bound to their chat."""

from __future__ import annotations

import httpx

from emulator.client import EmulatorClient
from emulator.tokens import ReplyTokens
from tests.emulator.fakes import (
    IT_GROUP,
    MALEE,
    SOMCHAI,
    FakeClock,
    WebhookReceiver,
    reply_token,
    text,
)

INVALID = {"message": "Invalid reply token"}


def reply(line_api: httpx.Client, token: str, content: str = "รับเรื่องแล้วค่ะ") -> httpx.Response:
    return line_api.post(
        "/v2/bot/message/reply", json={"replyToken": token, "messages": [text(content)]}
    )


def test_a_reply_is_delivered_to_the_user_who_wrote(
    line_api: httpx.Client, client: EmulatorClient, receiver: WebhookReceiver
) -> None:
    token = reply_token(client, receiver, SOMCHAI, SOMCHAI)

    reply(line_api, token, "รับเรื่องแล้วค่ะ")

    [item] = client.received(SOMCHAI)
    assert (item["message"]["text"], item["via"]) == ("รับเรื่องแล้วค่ะ", "reply")


def test_a_reply_to_a_group_message_is_delivered_to_the_group(
    line_api: httpx.Client, client: EmulatorClient, receiver: WebhookReceiver
) -> None:
    token = reply_token(client, receiver, IT_GROUP, MALEE)

    reply(line_api, token)

    assert len(client.received(IT_GROUP)) == 1
    assert client.received(MALEE) == []


def test_a_second_use_of_a_reply_token_is_rejected(
    line_api: httpx.Client, client: EmulatorClient, receiver: WebhookReceiver
) -> None:
    token = reply_token(client, receiver, SOMCHAI, SOMCHAI)
    reply(line_api, token)

    response = reply(line_api, token)

    assert (response.status_code, response.json()) == (400, INVALID)
    assert client.rejections()[0]["reason"] == {"status": 400, **INVALID}


def test_an_expired_reply_token_is_rejected(
    line_api: httpx.Client, client: EmulatorClient, receiver: WebhookReceiver, clock: FakeClock
) -> None:
    token = reply_token(client, receiver, SOMCHAI, SOMCHAI)
    clock.advance(61)

    response = reply(line_api, token)

    assert (response.status_code, response.json()) == (400, INVALID)


def test_a_reply_token_just_inside_its_minute_still_works(
    line_api: httpx.Client, client: EmulatorClient, receiver: WebhookReceiver, clock: FakeClock
) -> None:
    token = reply_token(client, receiver, SOMCHAI, SOMCHAI)
    clock.advance(59)

    assert reply(line_api, token).status_code == 200


def test_a_made_up_reply_token_is_rejected(line_api: httpx.Client) -> None:
    response = reply(line_api, "nHuyWiB7yP5Zw52FIkcQobQuGDXCTA")

    assert (response.status_code, response.json()) == (400, INVALID)


def test_a_reply_with_invalid_messages_keeps_the_token_usable(
    line_api: httpx.Client, client: EmulatorClient, receiver: WebhookReceiver
) -> None:
    token = reply_token(client, receiver, SOMCHAI, SOMCHAI)
    reply(line_api, token, "")

    assert reply(line_api, token).status_code == 200


def test_an_unfollow_event_carries_no_reply_token(
    client: EmulatorClient, receiver: WebhookReceiver
) -> None:
    client.unfollow(SOMCHAI)

    assert "replyToken" not in receiver.last_event()


def test_a_redelivered_events_token_gets_another_minute_from_its_redelivery() -> None:
    tokens = ReplyTokens(ttl=60)
    token = tokens.issue(SOMCHAI, now=0)

    tokens.redelivered(token, now=50)

    assert tokens.redeem(token, now=100) == SOMCHAI


def test_no_reply_token_outlives_twenty_minutes_after_its_event() -> None:
    tokens = ReplyTokens(ttl=60)
    token = tokens.issue(SOMCHAI, now=0)

    tokens.redelivered(token, now=20 * 60)

    assert tokens.redeem(token, now=20 * 60 + 1) is None
