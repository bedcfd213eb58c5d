"""Requests that break LINE's limits are refused with LINE's status and body, and recorded."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from emulator.client import EmulatorClient
from tests.emulator.bodies import one_error, postback, push, quick_reply
from tests.emulator.fakes import IT_GROUP, SOMCHAI, TOKEN, StartEmulator, text

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_a_push_with_six_messages_is_rejected_like_line(line_api: httpx.Client) -> None:
    response = push(line_api, *[text()] * 6)

    assert response.status_code == 400
    assert response.json() == one_error("Size must be between 1 and 5", "messages")


def test_a_quick_reply_with_fourteen_items_is_rejected_like_line(line_api: httpx.Client) -> None:
    chips = [{"type": "message", "label": f"ข้อ {n}", "text": str(n)} for n in range(14)]

    response = push(line_api, {**text(), "quickReply": quick_reply(*chips)})

    assert response.status_code == 400
    assert response.json() == one_error(
        "Size must be between 1 and 13", "messages[0].quickReply.items"
    )


def test_postback_data_of_301_characters_is_rejected_like_line(line_api: httpx.Client) -> None:
    chip = postback("x" * 301, displayText="อนุมัติ")

    response = push(line_api, {**text(), "quickReply": quick_reply(chip)})

    assert response.status_code == 400
    assert response.json() == one_error(
        "Length must be between 0 and 300", "messages[0].quickReply.items[0].action.data"
    )


def test_postback_data_of_300_characters_is_accepted(line_api: httpx.Client) -> None:
    chip = postback("x" * 300, displayText="อนุมัติ")

    assert push(line_api, {**text(), "quickReply": quick_reply(chip)}).status_code == 200


def test_a_quick_reply_label_of_21_characters_is_rejected(line_api: httpx.Client) -> None:
    chip = {"type": "message", "label": "ก" * 21, "text": "ก"}

    response = push(line_api, {**text(), "quickReply": quick_reply(chip)})

    assert response.json() == one_error(
        "Length must be between 1 and 20", "messages[0].quickReply.items[0].action.label"
    )


def test_a_quick_reply_postback_with_the_deprecated_text_is_rejected(
    line_api: httpx.Client,
) -> None:
    response = push(line_api, {**text(), "quickReply": quick_reply(postback(text="อนุมัติ"))})

    assert response.status_code == 400
    assert (
        response.json()["details"][0]["property"] == "messages[0].quickReply.items[0].action.text"
    )


def test_a_text_of_5001_characters_is_rejected(line_api: httpx.Client) -> None:
    response = push(line_api, text("ก" * 5001))

    assert response.json() == one_error("Length must be between 1 and 5000", "messages[0].text")


def test_an_empty_text_is_rejected(line_api: httpx.Client) -> None:
    response = push(line_api, text(""))

    assert response.json() == one_error("May not be empty", "messages[0].text")


def test_a_text_of_5000_thai_characters_is_accepted(line_api: httpx.Client) -> None:
    assert push(line_api, text("ก" * 5000)).status_code == 200


def test_an_emoji_counts_as_two_characters_like_line(line_api: httpx.Client) -> None:
    response = push(line_api, text("😀" * 2501))

    assert response.json() == one_error("Length must be between 1 and 5000", "messages[0].text")


def test_an_image_on_plain_http_is_rejected(line_api: httpx.Client) -> None:
    image = {
        "type": "image",
        "originalContentUrl": "http://example.com/a.png",
        "previewImageUrl": "https://example.com/a.png",
    }

    response = push(line_api, image)

    assert response.json() == one_error(
        "Invalid URL: the scheme must be https", "messages[0].originalContentUrl"
    )


def test_an_image_served_over_http_from_loopback_is_accepted_by_default(
    line_api: httpx.Client,
) -> None:
    url = "http://127.0.0.1:8000/media/ticket-1.png"

    response = push(line_api, {"type": "image", "originalContentUrl": url, "previewImageUrl": url})

    assert response.status_code == 200


def test_an_image_served_over_http_from_loopback_is_rejected_when_the_flag_is_off(
    start: StartEmulator,
) -> None:
    emulator = start(allow_http_media_on_loopback=False)
    url = "http://127.0.0.1:8000/media/ticket-1.png"
    image = {"type": "image", "originalContentUrl": url, "previewImageUrl": url}

    response = httpx.post(
        f"{emulator.base_url}/v2/bot/message/push",
        headers=AUTH,
        json={"to": SOMCHAI, "messages": [image]},
    )

    assert response.status_code == 400
    assert len(response.json()["details"]) == 2


def test_an_unknown_message_type_is_rejected(line_api: httpx.Client) -> None:
    response = push(line_api, {"type": "poll", "text": "?"})

    assert response.status_code == 400
    assert response.json()["details"][0]["property"] == "messages[0].type"
    assert response.json()["details"][0]["message"].startswith("Must be one of the following")


def test_a_multicast_to_501_users_is_rejected(line_api: httpx.Client) -> None:
    users = [f"U{n:032x}" for n in range(501)]

    response = line_api.post("/v2/bot/message/multicast", json={"to": users, "messages": [text()]})

    assert response.status_code == 400
    assert response.json() == one_error("Size must be between 1 and 500", "to")


def test_a_loading_animation_of_seven_seconds_is_rejected_like_line(
    line_api: httpx.Client,
) -> None:
    body = {"chatId": SOMCHAI, "loadingSeconds": 7}

    response = line_api.post("/v2/bot/chat/loading/start", json=body)

    assert response.status_code == 400
    assert response.json() == one_error("must be a multiple of five", "loadingSeconds")


def test_a_loading_animation_in_a_group_is_rejected_like_line(line_api: httpx.Client) -> None:
    response = line_api.post("/v2/bot/chat/loading/start", json={"chatId": IT_GROUP})

    assert response.json() == one_error(
        "Only user id is acceptable, please confirm if there are any group/room ids or "
        "illegal ids.",
        "chatId",
    )


def test_a_push_to_a_user_the_channel_does_not_know_fails_like_line(
    line_api: httpx.Client,
) -> None:
    response = push(line_api, text(), to="U" + "9" * 32)

    assert (response.status_code, response.json()) == (400, {"message": "Failed to send messages"})


def test_a_push_to_a_malformed_id_is_rejected_like_line(line_api: httpx.Client) -> None:
    response = push(line_api, text(), to="somchai")

    assert response.json() == {
        "message": "The property, 'to', in the request body is invalid (line: -, column: -)"
    }


def test_a_body_that_is_not_json_is_rejected(line_api: httpx.Client) -> None:
    response = line_api.post(
        "/v2/bot/message/push", content=b"{oops", headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 400
    assert response.json()["message"].startswith("The request body could not be parsed as JSON")


def test_every_rejection_is_listed_with_its_endpoint_reason_and_body(
    line_api: httpx.Client, client: EmulatorClient
) -> None:
    push(line_api, *[text()] * 6)

    [rejection] = client.rejections()

    assert rejection["endpoint"] == "POST /v2/bot/message/push"
    assert rejection["reason"]["details"] == [
        {"message": "Size must be between 1 and 5", "property": "messages"}
    ]
    assert len(rejection["body"]["messages"]) == 6
    assert rejection["at"]


def test_accepted_requests_leave_no_rejection(
    line_api: httpx.Client, client: EmulatorClient
) -> None:
    push(line_api, text(), {"type": "sticker", "packageId": "446", "stickerId": "1988"})

    assert client.rejections() == []


REFUSED = {
    "six-messages": [text()] * 6,
    "fourteen-quick-replies": [
        {
            **text(),
            "quickReply": quick_reply(*[{"type": "message", "label": "ก", "text": "ก"}] * 14),
        }
    ],
    "long-postback-data": [{**text(), "quickReply": quick_reply(postback("x" * 301))}],
}


@pytest.mark.parametrize("messages", REFUSED.values(), ids=REFUSED.keys())
def test_each_refused_push_is_listed_in_the_rejections_with_lines_answer(
    line_api: httpx.Client, client: EmulatorClient, messages: list[dict[str, Any]]
) -> None:
    response = push(line_api, *messages)

    [rejection] = client.rejections()
    assert rejection["reason"] == {"status": 400, **response.json()}
