"""Pure builders of LINE webhook events, shaped like the events LINE itself sends.

Shapes follow https://developers.line.biz/en/reference/messaging-api/#webhook-event-objects
and LINE's own SDK fixture (see ../shared/line-fixtures/webhook.json).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

Event = dict[str, Any]
Source = dict[str, str]


@dataclass(frozen=True)
class EventMeta:
    """The envelope every event carries; `reply_token` is used only where LINE gives one."""

    webhook_event_id: str
    timestamp: int
    reply_token: str | None = None
    mode: Literal["active", "standby"] = "active"
    is_redelivery: bool = False


@dataclass(frozen=True)
class Mention:
    """`@name` inside a text: a user (with `user_id`) or, without one, `@All`."""

    index: int
    length: int
    user_id: str | None = None
    is_self: bool = False

    def to_json(self) -> dict[str, Any]:
        if self.user_id is None:
            return {"index": self.index, "length": self.length, "type": "all"}
        return {
            "index": self.index,
            "length": self.length,
            "type": "user",
            "userId": self.user_id,
            "isSelf": self.is_self,
        }


@dataclass(frozen=True)
class ImageSet:
    """Several photos sent at once: the set's id, this photo's 1-based index, the count."""

    id: str
    index: int
    total: int


def user_source(user_id: str) -> Source:
    return {"type": "user", "userId": user_id}


def group_source(group_id: str, user_id: str | None = None) -> Source:
    source = {"type": "group", "groupId": group_id}
    return source if user_id is None else {**source, "userId": user_id}


def room_source(room_id: str, user_id: str | None = None) -> Source:
    source = {"type": "room", "roomId": room_id}
    return source if user_id is None else {**source, "userId": user_id}


def _event(kind: str, source: Source, meta: EventMeta, *, replyable: bool, **body: Any) -> Event:
    event: Event = {"type": kind, "mode": meta.mode, "timestamp": meta.timestamp}
    # Standby-mode events carry no reply token: another channel owns the chat.
    if replyable and meta.reply_token is not None and meta.mode == "active":
        event["replyToken"] = meta.reply_token
    event["source"] = dict(source)
    event["webhookEventId"] = meta.webhook_event_id
    event["deliveryContext"] = {"isRedelivery": meta.is_redelivery}
    event.update(body)
    return event


def _message(kind: str, message_id: str, read_token: str | None, **fields: Any) -> dict[str, Any]:
    message = {"id": message_id, "type": kind, **fields}
    if read_token is not None:
        message["markAsReadToken"] = read_token
    return message


def text_event(
    source: Source,
    meta: EventMeta,
    *,
    message_id: str,
    text: str,
    quote_token: str,
    mentions: Sequence[Mention] = (),
    mark_as_read_token: str | None = None,
) -> Event:
    fields: dict[str, Any] = {"text": text, "quoteToken": quote_token}
    if mentions:
        fields["mention"] = {"mentionees": [mention.to_json() for mention in mentions]}
    message = _message("text", message_id, mark_as_read_token, **fields)
    return _event("message", source, meta, replyable=True, message=message)


def image_event(
    source: Source,
    meta: EventMeta,
    *,
    message_id: str,
    quote_token: str,
    image_set: ImageSet | None = None,
    mark_as_read_token: str | None = None,
) -> Event:
    fields: dict[str, Any] = {"contentProvider": {"type": "line"}, "quoteToken": quote_token}
    if image_set is not None:
        fields["imageSet"] = {
            "id": image_set.id,
            "index": image_set.index,
            "total": image_set.total,
        }
    message = _message("image", message_id, mark_as_read_token, **fields)
    return _event("message", source, meta, replyable=True, message=message)


def location_event(
    source: Source,
    meta: EventMeta,
    *,
    message_id: str,
    latitude: float,
    longitude: float,
    title: str | None = None,
    address: str | None = None,
    mark_as_read_token: str | None = None,
) -> Event:
    fields: dict[str, Any] = {"latitude": latitude, "longitude": longitude}
    fields.update({key: value for key, value in (("title", title), ("address", address)) if value})
    message = _message("location", message_id, mark_as_read_token, **fields)
    return _event("message", source, meta, replyable=True, message=message)


def sticker_event(
    source: Source,
    meta: EventMeta,
    *,
    message_id: str,
    package_id: str,
    sticker_id: str,
    quote_token: str,
    resource_type: str = "STATIC",
    mark_as_read_token: str | None = None,
) -> Event:
    fields = {
        "packageId": package_id,
        "stickerId": sticker_id,
        "stickerResourceType": resource_type,
        "quoteToken": quote_token,
    }
    message = _message("sticker", message_id, mark_as_read_token, **fields)
    return _event("message", source, meta, replyable=True, message=message)


def file_event(
    source: Source,
    meta: EventMeta,
    *,
    message_id: str,
    file_name: str,
    file_size: int,
    mark_as_read_token: str | None = None,
) -> Event:
    fields = {"fileName": file_name, "fileSize": file_size}
    message = _message("file", message_id, mark_as_read_token, **fields)
    return _event("message", source, meta, replyable=True, message=message)


def postback_event(
    source: Source, meta: EventMeta, *, data: str, params: dict[str, str] | None = None
) -> Event:
    postback: dict[str, Any] = {"data": data}
    if params:
        postback["params"] = dict(params)
    return _event("postback", source, meta, replyable=True, postback=postback)


def follow_event(source: Source, meta: EventMeta, *, is_unblocked: bool = False) -> Event:
    return _event("follow", source, meta, replyable=True, follow={"isUnblocked": is_unblocked})


def unfollow_event(source: Source, meta: EventMeta) -> Event:
    return _event("unfollow", source, meta, replyable=False)


def join_event(source: Source, meta: EventMeta) -> Event:
    return _event("join", source, meta, replyable=True)


def leave_event(source: Source, meta: EventMeta) -> Event:
    return _event("leave", source, meta, replyable=False)


def _members(user_ids: Sequence[str]) -> dict[str, Any]:
    return {"members": [{"type": "user", "userId": user_id} for user_id in user_ids]}


def member_joined_event(source: Source, meta: EventMeta, *, user_ids: Sequence[str]) -> Event:
    return _event("memberJoined", source, meta, replyable=True, joined=_members(user_ids))


def member_left_event(source: Source, meta: EventMeta, *, user_ids: Sequence[str]) -> Event:
    return _event("memberLeft", source, meta, replyable=False, left=_members(user_ids))


def unsend_event(source: Source, meta: EventMeta, *, message_id: str) -> Event:
    return _event("unsend", source, meta, replyable=False, unsend={"messageId": message_id})


def as_redelivery(event: Event) -> Event:
    """The same event (same `webhookEventId`) marked as redelivered."""
    redelivered = copy.deepcopy(event)
    redelivered["deliveryContext"] = {"isRedelivery": True}
    return redelivered


def callback_body(destination: str, events: Sequence[Event]) -> dict[str, Any]:
    """The JSON LINE POSTs to a webhook URL."""
    return {"destination": destination, "events": list(events)}
