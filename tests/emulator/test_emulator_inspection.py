"""The inspection API tells tests what happened and lets them change the world."""

from __future__ import annotations

import uuid

import httpx
import pytest

from emulator.client import EmulatorClient
from tests.emulator.fakes import IT_GROUP, MALEE, SOMCHAI, WebhookReceiver, reply_token, text

NEWCOMER = "U" + "5" * 32


def test_received_lists_only_what_the_bot_delivered_in_order_with_how(
    client: EmulatorClient, line_api: httpx.Client
) -> None:
    client.send_text(SOMCHAI, SOMCHAI, "สวัสดี")
    line_api.post("/v2/bot/message/push", json={"to": SOMCHAI, "messages": [text("หนึ่ง")]})
    line_api.post("/v2/bot/message/multicast", json={"to": [SOMCHAI], "messages": [text("สอง")]})

    received = client.received(SOMCHAI)

    assert [(item["message"]["text"], item["via"]) for item in received] == [
        ("หนึ่ง", "push"),
        ("สอง", "multicast"),
    ]


def test_a_multicast_records_one_item_in_each_recipients_chat(
    client: EmulatorClient, line_api: httpx.Client
) -> None:
    line_api.post(
        "/v2/bot/message/multicast", json={"to": [SOMCHAI, MALEE], "messages": [text("ประกาศ")]}
    )

    assert len(client.received(SOMCHAI)) == len(client.received(MALEE)) == 1
    assert client.received(IT_GROUP) == []


def test_requests_list_every_messaging_api_call_with_status_and_retry_key(
    client: EmulatorClient, line_api: httpx.Client
) -> None:
    key = str(uuid.uuid4())
    line_api.post(
        "/v2/bot/message/push",
        json={"to": SOMCHAI, "messages": [text()]},
        headers={"X-Line-Retry-Key": key},
    )
    line_api.get("/v2/bot/profile/" + "U" + "9" * 32)

    push, profile = client.requests()

    assert (push["method"], push["path"], push["status"], push["retryKey"]) == (
        "POST",
        "/v2/bot/message/push",
        200,
        key,
    )
    assert push["body"] == {"to": SOMCHAI, "messages": [text()]}
    assert (profile["status"], profile["retryKey"]) == (404, None)


def test_reset_forgets_conversations_and_the_record_but_keeps_the_people(
    client: EmulatorClient, line_api: httpx.Client
) -> None:
    client.send_text(SOMCHAI, SOMCHAI, "สวัสดี")
    line_api.post("/v2/bot/message/push", json={"to": SOMCHAI, "messages": []})

    client.reset()

    assert (client.timeline(SOMCHAI), client.requests(), client.rejections()) == ([], [], [])
    assert client.deliveries() == []
    assert line_api.get(f"/v2/bot/profile/{SOMCHAI}").status_code == 200


def test_reset_invalidates_outstanding_reply_tokens(
    client: EmulatorClient, line_api: httpx.Client, receiver: WebhookReceiver
) -> None:
    token = reply_token(client, receiver, SOMCHAI, SOMCHAI)
    client.reset()

    response = line_api.post(
        "/v2/bot/message/reply", json={"replyToken": token, "messages": [text()]}
    )

    assert response.json() == {"message": "Invalid reply token"}


def test_personas_added_while_running_can_chat_and_have_a_profile(
    client: EmulatorClient, line_api: httpx.Client
) -> None:
    client.set_personas([{"userId": NEWCOMER, "displayName": "น้องใหม่", "role": "admin"}])

    answer = client.send_text(NEWCOMER, NEWCOMER, "สวัสดีครับ")

    assert answer["delivered"] is True
    assert line_api.get(f"/v2/bot/profile/{NEWCOMER}").json()["displayName"] == "น้องใหม่"


def test_a_group_added_while_running_replaces_one_with_the_same_id(
    client: EmulatorClient, line_api: httpx.Client
) -> None:
    client.set_personas([], [{"groupId": IT_GROUP, "groupName": "ไอทีใหม่", "memberIds": [MALEE]}])

    summary = line_api.get(f"/v2/bot/group/{IT_GROUP}/summary").json()

    assert summary == {"groupId": IT_GROUP, "groupName": "ไอทีใหม่"}


def test_faults_read_back_as_they_were_set(client: EmulatorClient) -> None:
    faults = client.set_faults(errorRate=0.25, latencySeconds=0)

    assert (faults["errorRate"], faults["tooManyRequests"]) == (0.25, 0)
    assert faults["rateLimits"]["multicast"] == {"requests": 200.0, "perSeconds": 1.0}


def test_an_impossible_fault_setting_is_refused(client: EmulatorClient) -> None:
    with pytest.raises(httpx.HTTPStatusError):
        client.set_faults(errorRate=2)


def test_waiting_for_messages_answers_once_they_have_arrived(
    client: EmulatorClient, line_api: httpx.Client
) -> None:
    line_api.post("/v2/bot/message/push", json={"to": SOMCHAI, "messages": [text(), text()]})

    assert len(client.wait_for_messages(SOMCHAI, 2, timeout=5)) == 2


def test_waiting_for_messages_that_never_come_says_what_did_arrive(
    client: EmulatorClient,
) -> None:
    with pytest.raises(TimeoutError, match="got 0 of 1"):
        client.wait_for_messages(SOMCHAI, 1, timeout=0.2)
