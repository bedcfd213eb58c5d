"""The page API: what the chat page shows, and what a persona does reaches the bot."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from emulator import page_api
from emulator.client import EmulatorClient
from emulator.server import RunningEmulator
from tests.emulator.fakes import (
    IT_GROUP,
    MALEE,
    SOMCHAI,
    StartEmulator,
    WebhookReceiver,
    png,
    reply_token,
    text,
)


def test_the_state_lists_the_bot_personas_and_groups(emulator: RunningEmulator) -> None:
    state = httpx.get(f"{emulator.base_url}/emulator/api/state").json()

    assert state["botName"] == "IT Help Desk"
    assert [persona["displayName"] for persona in state["personas"]][:2] == [
        "สมชาย ใจดี",
        "มาลี ศรีสุข",
    ]
    assert state["personas"][1]["role"] == "manager"
    assert state["groups"] == [
        {"groupId": IT_GROUP, "groupName": "ทีมไอที", "memberIds": [SOMCHAI, MALEE, "U" + "3" * 32]}
    ]


def test_a_sent_text_appears_in_the_timeline_and_reaches_the_bot(
    client: EmulatorClient, receiver: WebhookReceiver
) -> None:
    answer = client.send_text(SOMCHAI, SOMCHAI, "เมาส์ไม่ทำงาน")

    [item] = client.timeline(SOMCHAI)
    [webhook] = receiver.wait_for(1)
    assert (answer["delivered"], answer["status"]) == (True, 200)
    assert (item["direction"], item["kind"], item["senderId"]) == ("in", "message", SOMCHAI)
    assert item["message"]["text"] == "เมาส์ไม่ทำงาน"
    assert webhook.events[0]["webhookEventId"] == answer["webhookEventId"]


def test_the_bots_answer_appears_in_the_timeline_after_the_users_message(
    client: EmulatorClient, receiver: WebhookReceiver, line_api: httpx.Client
) -> None:
    token = reply_token(client, receiver, SOMCHAI, SOMCHAI)
    line_api.post("/v2/bot/message/reply", json={"replyToken": token, "messages": [text()]})

    said, answered = client.timeline(SOMCHAI)

    assert said["seq"] < answered["seq"]
    assert (answered["direction"], answered["via"], answered["message"]) == ("out", "reply", text())


def test_the_timeline_after_a_seq_holds_only_newer_items(
    client: EmulatorClient, emulator: RunningEmulator
) -> None:
    client.send_text(SOMCHAI, SOMCHAI, "หนึ่ง")
    first_seq = client.timeline(SOMCHAI)[0]["seq"]
    client.send_text(SOMCHAI, SOMCHAI, "สอง")

    page = httpx.get(
        f"{emulator.base_url}/emulator/api/chats/{SOMCHAI}/timeline", params={"after": first_seq}
    ).json()

    assert [item["message"]["text"] for item in page["items"]] == ["สอง"]
    assert page["lastSeq"] == page["items"][0]["seq"]


def test_a_sent_image_is_served_to_the_page_and_to_the_bot(
    client: EmulatorClient,
    receiver: WebhookReceiver,
    emulator: RunningEmulator,
    line_api: httpx.Client,
) -> None:
    client.send_image(SOMCHAI, SOMCHAI, png())
    message_id = receiver.last_event()["message"]["id"]

    for_page = httpx.get(f"{emulator.base_url}/emulator/api/content/{message_id}")
    for_bot = line_api.get(f"/v2/bot/message/{message_id}/content")

    assert for_page.content == for_bot.content == png()
    assert for_page.headers["content-type"] == "image/png"
    assert client.timeline(SOMCHAI)[0]["message"]["id"] == message_id


def test_a_postback_with_display_text_shows_as_the_users_own_words(
    client: EmulatorClient, receiver: WebhookReceiver
) -> None:
    client.send_postback(SOMCHAI, SOMCHAI, "a=approve&t=7", display_text="อนุมัติ")

    [item] = client.timeline(SOMCHAI)
    assert (item["kind"], item["message"]) == ("message", {"type": "text", "text": "อนุมัติ"})
    assert item["event"]["postback"] == {"data": "a=approve&t=7"}
    assert receiver.last_event()["postback"] == {"data": "a=approve&t=7"}


def test_a_postback_without_display_text_is_an_event_in_the_timeline(
    client: EmulatorClient,
) -> None:
    client.send_postback(SOMCHAI, SOMCHAI, "due", params={"date": "2026-12-01"})

    [item] = client.timeline(SOMCHAI)
    assert item["kind"] == "event"
    assert item["event"]["postback"] == {"data": "due", "params": {"date": "2026-12-01"}}


def test_a_group_message_comes_from_the_member_inside_the_group(
    client: EmulatorClient, receiver: WebhookReceiver
) -> None:
    client.send_text(IT_GROUP, MALEE, "ระบบ VPN ล่มหรือเปล่า")

    assert receiver.last_event()["source"] == {
        "type": "group",
        "groupId": IT_GROUP,
        "userId": MALEE,
    }
    assert client.timeline(IT_GROUP)[0]["senderId"] == MALEE


def test_the_bot_joining_a_group_is_a_replyable_event_of_the_group(
    client: EmulatorClient, receiver: WebhookReceiver
) -> None:
    client.join(IT_GROUP, MALEE)

    event = receiver.last_event()
    assert (event["type"], event["source"]) == ("join", {"type": "group", "groupId": IT_GROUP})
    assert event["replyToken"]


def test_following_again_after_blocking_says_unblocked(
    client: EmulatorClient, receiver: WebhookReceiver
) -> None:
    client.unfollow(SOMCHAI)
    client.follow(SOMCHAI)

    assert receiver.last_event()["follow"] == {"isUnblocked": True}


def test_a_user_who_blocked_the_bot_has_no_profile(
    client: EmulatorClient, line_api: httpx.Client
) -> None:
    client.unfollow(SOMCHAI)

    response = line_api.get(f"/v2/bot/profile/{SOMCHAI}")

    assert (response.status_code, response.json()) == (404, {"message": "Not found"})


@pytest.mark.parametrize(
    ("chat", "action"),
    [
        (IT_GROUP, {"from": MALEE, "kind": "follow"}),
        (SOMCHAI, {"from": SOMCHAI, "kind": "join"}),
        (SOMCHAI, {"from": MALEE, "kind": "text", "text": "แอบพิมพ์"}),
        (IT_GROUP, {"from": "U" + "8" * 32, "kind": "text", "text": "คนนอก"}),
        (SOMCHAI, {"from": SOMCHAI, "kind": "text"}),
    ],
    ids=["follow-in-group", "join-in-user-chat", "other-user", "stranger", "no-text"],
)
def test_an_action_no_line_user_could_take_is_refused(
    emulator: RunningEmulator, chat: str, action: dict[str, str]
) -> None:
    response = httpx.post(f"{emulator.base_url}/emulator/api/chats/{chat}/send", json=action)

    assert response.status_code == 400


def test_sending_into_an_unknown_chat_answers_404(emulator: RunningEmulator) -> None:
    response = httpx.post(
        f"{emulator.base_url}/emulator/api/chats/Cnowhere/send",
        json={"from": SOMCHAI, "kind": "text", "text": "x"},
    )

    assert response.status_code == 404


def first_sse_item(response: httpx.Response) -> dict[str, object]:
    for line in response.iter_lines():
        if line.startswith("data: "):
            item: dict[str, object] = json.loads(line.removeprefix("data: "))
            return item
    raise AssertionError("the stream ended without an item")


def test_the_stream_pushes_a_new_item_to_the_page(
    client: EmulatorClient, emulator: RunningEmulator
) -> None:
    url = f"{emulator.base_url}/emulator/api/chats/{SOMCHAI}/stream"
    with httpx.Client(timeout=10) as http, http.stream("GET", url) as response:
        client.send_text(SOMCHAI, SOMCHAI, "สด ๆ")
        item = first_sse_item(response)

    assert response.headers["content-type"].startswith("text/event-stream")
    assert item["message"] == client.timeline(SOMCHAI)[0]["message"]


def test_the_stream_replays_items_after_the_given_seq(
    client: EmulatorClient, emulator: RunningEmulator
) -> None:
    client.send_text(SOMCHAI, SOMCHAI, "ก่อนเปิดหน้า")
    url = f"{emulator.base_url}/emulator/api/chats/{SOMCHAI}/stream?after=0"

    with httpx.Client(timeout=10) as http, http.stream("GET", url) as response:
        item = first_sse_item(response)

    assert item["message"] == {**client.timeline(SOMCHAI)[0]["message"]}


def test_the_page_and_its_assets_are_served_from_the_web_folder(
    start: StartEmulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "index.html").write_text("<title>แชต</title>", encoding="utf-8")
    (tmp_path / "app.js").write_text("export {};", encoding="utf-8")
    monkeypatch.setattr(page_api, "WEB_DIR", tmp_path)
    emulator = start()

    page = httpx.get(f"{emulator.base_url}/emulator/", follow_redirects=True)
    script = httpx.get(f"{emulator.base_url}/emulator/static/app.js")

    assert (page.status_code, page.text) == (200, "<title>แชต</title>")
    assert (script.status_code, script.text) == (200, "export {};")


def test_a_rich_menu_switch_reports_its_alias_and_outcome_to_the_bot(
    client: EmulatorClient, receiver: WebhookReceiver
) -> None:
    params = {"newRichMenuAliasId": "tab-2", "status": "SUCCESS"}

    client.send_postback(SOMCHAI, SOMCHAI, "", params=params)

    assert receiver.last_event()["postback"] == {"data": "", "params": params}


def test_a_standby_message_reaches_the_bot_without_a_reply_token(
    client: EmulatorClient, receiver: WebhookReceiver
) -> None:
    client.send(SOMCHAI, {"from": SOMCHAI, "kind": "text", "text": "สวัสดี", "mode": "standby"})

    event = receiver.last_event()
    assert (event["mode"], "replyToken" in event) == ("standby", False)
