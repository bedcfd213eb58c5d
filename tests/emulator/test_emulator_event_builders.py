"""Event builders produce what LINE sends: the SDK parses each into the right event class."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from linebot.v3 import WebhookParser
from linebot.v3.webhooks import (
    FileMessageContent,
    FollowEvent,
    ImageMessageContent,
    JoinEvent,
    LeaveEvent,
    LocationMessageContent,
    MemberJoinedEvent,
    MemberLeftEvent,
    MessageEvent,
    PostbackEvent,
    StickerMessageContent,
    TextMessageContent,
    UnfollowEvent,
    UnsendEvent,
)

from emulator import events
from emulator.events import EventMeta, ImageSet, Mention
from emulator.webhook import signature
from tests.emulator.fakes import IT_GROUP, MALEE, SECRET, SOMCHAI

FIXTURE = Path(__file__).resolve().parents[3] / "shared" / "line-fixtures" / "webhook.json"
META = EventMeta("01JB8ZQ3M4N5P6Q7R8S9T0V1W2", 1_790_000_000_000, reply_token="r" * 32)
USER = events.user_source(SOMCHAI)
GROUP = events.group_source(IT_GROUP, MALEE)


def parse(*built: dict[str, Any]) -> list[Any]:
    body = json.dumps(events.callback_body("Ubot", built))
    return list(WebhookParser(SECRET).parse(body, signature(SECRET, body.encode())))


BUILT: list[tuple[str, Callable[[], dict[str, Any]], type, type | None]] = [
    (
        "text",
        lambda: events.text_event(USER, META, message_id="1", text="hi", quote_token="q"),
        MessageEvent,
        TextMessageContent,
    ),
    (
        "image",
        lambda: events.image_event(USER, META, message_id="2", quote_token="q"),
        MessageEvent,
        ImageMessageContent,
    ),
    (
        "location",
        lambda: events.location_event(
            USER, META, message_id="3", latitude=13.75, longitude=100.5, title="สำนักงาน"
        ),
        MessageEvent,
        LocationMessageContent,
    ),
    (
        "sticker",
        lambda: events.sticker_event(
            USER, META, message_id="4", package_id="446", sticker_id="1988", quote_token="q"
        ),
        MessageEvent,
        StickerMessageContent,
    ),
    (
        "file",
        lambda: events.file_event(USER, META, message_id="5", file_name="a.pdf", file_size=10),
        MessageEvent,
        FileMessageContent,
    ),
    ("postback", lambda: events.postback_event(USER, META, data="a=1"), PostbackEvent, None),
    ("follow", lambda: events.follow_event(USER, META), FollowEvent, None),
    ("unfollow", lambda: events.unfollow_event(USER, META), UnfollowEvent, None),
    ("join", lambda: events.join_event(events.group_source(IT_GROUP), META), JoinEvent, None),
    ("leave", lambda: events.leave_event(events.group_source(IT_GROUP), META), LeaveEvent, None),
    (
        "memberJoined",
        lambda: events.member_joined_event(events.group_source(IT_GROUP), META, user_ids=[MALEE]),
        MemberJoinedEvent,
        None,
    ),
    (
        "memberLeft",
        lambda: events.member_left_event(events.group_source(IT_GROUP), META, user_ids=[MALEE]),
        MemberLeftEvent,
        None,
    ),
    ("unsend", lambda: events.unsend_event(GROUP, META, message_id="1"), UnsendEvent, None),
]


@pytest.mark.parametrize(
    ("name", "build", "event_class", "content_class"), BUILT, ids=[case[0] for case in BUILT]
)
def test_each_built_event_parses_into_the_sdks_event_class(
    name: str, build: Callable[[], dict[str, Any]], event_class: type, content_class: type | None
) -> None:
    [event] = parse(build())
    content = getattr(event, "message", None)

    assert isinstance(event, event_class)
    assert content_class is None or isinstance(content, content_class)


def fixture_event(kind: str, message_type: str | None = None) -> dict[str, Any]:
    fixture = json.loads(FIXTURE.read_text())["events"]
    return next(
        event
        for event in fixture
        if event["type"] == kind
        and (message_type is None or event["message"]["type"] == message_type)
    )


@pytest.mark.parametrize(
    ("name", "build"), [(case[0], case[1]) for case in BUILT], ids=[case[0] for case in BUILT]
)
def test_each_built_event_has_the_top_level_fields_of_lines_fixture(
    name: str, build: Callable[[], dict[str, Any]]
) -> None:
    built = build()
    message_type = built["message"]["type"] if built["type"] == "message" else None

    assert set(built) == set(fixture_event(built["type"], message_type))


def test_a_text_event_carries_the_fields_of_lines_text_message() -> None:
    built = events.text_event(USER, META, message_id="1", text="hi", quote_token="q")

    assert set(built["message"]) == set(fixture_event("message", "text")["message"])


def test_events_without_a_reply_token_on_line_get_none_here() -> None:
    built = [
        events.unfollow_event(USER, META),
        events.leave_event(GROUP, META),
        events.member_left_event(GROUP, META, user_ids=[MALEE]),
        events.unsend_event(GROUP, META, message_id="1"),
    ]

    assert all("replyToken" not in event for event in built)


def test_a_standby_event_carries_no_reply_token() -> None:
    meta = EventMeta("01JB8ZQ3M4N5P6Q7R8S9T0V1W2", 1, reply_token="r" * 32, mode="standby")

    [event] = parse(events.text_event(USER, meta, message_id="1", text="hi", quote_token="q"))

    assert (event.mode.value, event.reply_token) == ("standby", None)


def test_a_mention_reaches_the_sdk_with_its_user_and_position() -> None:
    mention = Mention(index=0, length=6, user_id="Ubot", is_self=True)
    built = events.text_event(
        GROUP,
        META,
        message_id="1",
        text="@บอท ช่วยด้วย",
        quote_token="q",
        mentions=[mention, Mention(index=7, length=4)],
    )

    [event] = parse(built)

    bot, everyone = event.message.mention.mentionees
    assert (bot.user_id, bot.is_self, bot.index, bot.length) == ("Ubot", True, 0, 6)
    assert everyone.type == "all"


def test_an_image_set_reaches_the_sdk_with_its_index_and_total() -> None:
    image_set = ImageSet(id="E005D41A7288F41B655", index=2, total=3)

    [event] = parse(
        events.image_event(USER, META, message_id="2", quote_token="q", image_set=image_set)
    )

    assert (event.message.image_set.index, event.message.image_set.total) == (2, 3)


def test_a_datetime_postback_reaches_the_sdk_with_its_params() -> None:
    built = events.postback_event(USER, META, data="due", params={"datetime": "2026-11-25T14:30"})

    [event] = parse(built)

    assert event.postback.params == {"datetime": "2026-11-25T14:30"}


def test_a_follow_after_a_block_says_it_was_unblocked() -> None:
    [event] = parse(events.follow_event(USER, META, is_unblocked=True))

    assert event.follow.is_unblocked is True


def test_a_redelivered_event_keeps_its_id_and_says_it_is_redelivered() -> None:
    original = events.text_event(USER, META, message_id="1", text="hi", quote_token="q")

    redelivered = events.as_redelivery(original)

    assert redelivered["webhookEventId"] == original["webhookEventId"]
    assert redelivered["deliveryContext"] == {"isRedelivery": True}
    assert original["deliveryContext"] == {"isRedelivery": False}
