"""The webhook sender signs like LINE and redelivers what the bot did not acknowledge."""

from __future__ import annotations

import socket

from linebot.v3 import WebhookParser
from linebot.v3.webhooks import MessageEvent, TextMessageContent

from emulator.client import EmulatorClient
from tests.emulator.fakes import SECRET, SOMCHAI, StartEmulator, WebhookReceiver


def test_the_webhook_signature_verifies_with_the_sdks_parser(
    client: EmulatorClient, receiver: WebhookReceiver
) -> None:
    client.send_text(SOMCHAI, SOMCHAI, "คอมเปิดไม่ติด")
    [webhook] = receiver.wait_for(1)

    [event] = WebhookParser(SECRET).parse(webhook.body.decode(), webhook.signature)

    assert isinstance(event, MessageEvent)
    assert isinstance(event.message, TextMessageContent)
    assert event.message.text == "คอมเปิดไม่ติด"


def test_the_webhook_names_the_bot_as_its_destination(
    client: EmulatorClient, receiver: WebhookReceiver
) -> None:
    client.send_text(SOMCHAI, SOMCHAI, "สวัสดี")

    assert receiver.wait_for(1)[0].payload["destination"] == "U0000000000000000000000000000b07"


def test_a_delivery_the_bot_refuses_is_redelivered_marked_as_such_with_the_same_id(
    client: EmulatorClient, receiver: WebhookReceiver
) -> None:
    receiver.answer_next_with(500)

    answer = client.send_text(SOMCHAI, SOMCHAI, "ขอรหัสผ่านใหม่")
    first, second = (webhook.events[0] for webhook in receiver.wait_for(2))

    assert (answer["delivered"], answer["status"]) == (False, 500)
    assert first["deliveryContext"] == {"isRedelivery": False}
    assert second["deliveryContext"] == {"isRedelivery": True}
    assert second["webhookEventId"] == first["webhookEventId"] == answer["webhookEventId"]


def test_redelivery_stops_after_the_configured_number_of_attempts(
    client: EmulatorClient, receiver: WebhookReceiver
) -> None:
    receiver.answer_next_with(500, 500, 500, 500, 500)

    client.send_text(SOMCHAI, SOMCHAI, "ขอรหัสผ่านใหม่")
    attempts = client.wait_for_webhooks_to_settle()

    assert [attempt["attempt"] for attempt in attempts] == [1, 2, 3]
    assert {attempt["status"] for attempt in attempts} == {500}


def test_redelivery_stops_once_the_bot_acknowledges(
    client: EmulatorClient, receiver: WebhookReceiver
) -> None:
    receiver.answer_next_with(503)

    client.send_text(SOMCHAI, SOMCHAI, "ขอรหัสผ่านใหม่")
    attempts = client.wait_for_webhooks_to_settle()

    assert [(attempt["status"], attempt["delivered"]) for attempt in attempts] == [
        (503, False),
        (200, True),
    ]


def test_a_bot_that_cannot_be_reached_is_recorded_and_retried(start: StartEmulator) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        closed_port = unused.getsockname()[1]
    emulator = start(webhook_url=f"http://127.0.0.1:{closed_port}/callback")
    with EmulatorClient(emulator.base_url) as client:
        answer = client.send_text(SOMCHAI, SOMCHAI, "สวัสดี")
        attempts = client.wait_for_webhooks_to_settle()

    assert (answer["delivered"], answer["status"]) == (False, None)
    assert len(attempts) == 3
    assert all(attempt["error"].startswith("ConnectError") for attempt in attempts)


def test_without_a_webhook_url_nothing_is_delivered(start: StartEmulator) -> None:
    emulator = start(webhook_url=None)
    with EmulatorClient(emulator.base_url) as client:
        answer = client.send_text(SOMCHAI, SOMCHAI, "สวัสดี")
        [attempt] = client.wait_for_webhooks_to_settle()

    assert answer["delivered"] is False
    assert attempt["error"] == "no webhook URL is configured"


def test_the_webhook_url_can_be_set_after_the_emulator_started(
    start: StartEmulator, receiver: WebhookReceiver
) -> None:
    emulator = start(webhook_url=None)
    with EmulatorClient(emulator.base_url) as client:
        client.set_webhook_url(receiver.url)
        answer = client.send_text(SOMCHAI, SOMCHAI, "สวัสดี")

    assert answer["delivered"] is True
    assert len(receiver.received) == 1
