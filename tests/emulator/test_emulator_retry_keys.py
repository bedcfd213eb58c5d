"""`X-Line-Retry-Key`: a push or multicast is accepted once; repeats answer 409 like LINE."""

from __future__ import annotations

import uuid

import httpx

from emulator.client import EmulatorClient
from tests.emulator.fakes import MALEE, SOMCHAI, text

PUSH = {"to": SOMCHAI, "messages": [text("แจ้งเตือน SLA")]}


def push_with_key(line_api: httpx.Client, key: str) -> httpx.Response:
    return line_api.post("/v2/bot/message/push", json=PUSH, headers={"X-Line-Retry-Key": key})


def test_a_repeated_retry_key_answers_409_with_the_accepted_request_id(
    line_api: httpx.Client,
) -> None:
    key = str(uuid.uuid4())
    first = push_with_key(line_api, key)

    again = push_with_key(line_api, key)

    assert again.status_code == 409
    assert again.headers["x-line-accepted-request-id"] == first.headers["x-line-request-id"]
    assert again.headers["x-line-request-id"] != first.headers["x-line-request-id"]
    assert again.json() == {
        "message": "The retry key is already accepted",
        "sentMessages": first.json()["sentMessages"],
    }


def test_a_repeated_retry_key_delivers_the_message_only_once(
    line_api: httpx.Client, client: EmulatorClient
) -> None:
    key = str(uuid.uuid4())
    push_with_key(line_api, key)
    push_with_key(line_api, key)

    assert len(client.received(SOMCHAI)) == 1


def test_a_repeated_multicast_retry_key_answers_409_without_sent_messages(
    line_api: httpx.Client,
) -> None:
    body = {"to": [SOMCHAI, MALEE], "messages": [text()]}
    headers = {"X-Line-Retry-Key": str(uuid.uuid4())}
    line_api.post("/v2/bot/message/multicast", json=body, headers=headers)

    again = line_api.post("/v2/bot/message/multicast", json=body, headers=headers)

    assert (again.status_code, again.json()) == (
        409,
        {"message": "The retry key is already accepted"},
    )


def test_a_retry_key_that_is_not_a_uuid_is_rejected(line_api: httpx.Client) -> None:
    response = push_with_key(line_api, "outbox-row-17")

    assert response.status_code == 400
    assert "X-Line-Retry-Key" in response.json()["message"]


def test_a_retry_key_on_a_reply_is_rejected(line_api: httpx.Client) -> None:
    body = {"replyToken": "x", "messages": [text()]}

    response = line_api.post(
        "/v2/bot/message/reply", json=body, headers={"X-Line-Retry-Key": str(uuid.uuid4())}
    )

    assert response.status_code == 400


def test_a_refused_push_does_not_use_up_its_retry_key(line_api: httpx.Client) -> None:
    key = str(uuid.uuid4())
    line_api.post(
        "/v2/bot/message/push",
        json={"to": SOMCHAI, "messages": []},
        headers={"X-Line-Retry-Key": key},
    )

    assert push_with_key(line_api, key).status_code == 200


def test_every_accepted_request_gets_a_request_id(line_api: httpx.Client) -> None:
    response = line_api.get("/v2/bot/info")

    assert uuid.UUID(response.headers["x-line-request-id"])
