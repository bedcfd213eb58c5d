"""The only reader of LINE's webhook models: LINE events become our own `Inbound` values."""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import UTC, datetime
from typing import Any

from linebot.v3 import WebhookParser
from linebot.v3.exceptions import InvalidSignatureError
from linebot.v3.webhooks import (
    Event,
    FollowEvent,
    ImageMessageContent,
    JoinEvent,
    LocationMessageContent,
    MessageEvent,
    PostbackEvent,
    TextMessageContent,
    UnfollowEvent,
)

from bot.chat import ChatRef, Inbound

log = logging.getLogger(__name__)

class BadSignature(Exception):
    pass


class MalformedBody(Exception):
    pass


def verify_and_split(body: bytes, signature: str, channel_secret: str) -> list[dict[str, Any]]:
    """Check X-Line-Signature with the SDK's parser; return the raw event objects."""
    try:
        text = body.decode("utf-8")
        WebhookParser(channel_secret).parse(text, signature)
    except InvalidSignatureError:
        raise BadSignature from None
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
        raise MalformedBody(str(error)) from None
    events = json.loads(text).get("events")
    if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
        raise MalformedBody("events is not a list of objects")
    return events


def event_id(raw: dict[str, Any]) -> str:
    """LINE's webhookEventId; a stable digest for the (old) events that lack one."""
    given = raw.get("webhookEventId")
    if isinstance(given, str) and given:
        return given
    return "sha256:" + hashlib.sha256(json.dumps(raw, sort_keys=True).encode()).hexdigest()[:48]


def chat_of(raw: dict[str, Any]) -> ChatRef:
    source = raw.get("source") or {}
    kind = source.get("type")
    if kind == "group":
        return ChatRef("group", str(source.get("groupId")))
    if kind == "room":
        return ChatRef("room", str(source.get("roomId")))
    return ChatRef("user", str(source.get("userId") or "unknown"))


def to_inbound(raw: dict[str, Any]) -> Inbound:
    """Read one stored event; types we do not act on become kind "other"."""
    base = _base(raw)
    try:
        event = Event.from_dict(raw)
    except (ValueError, TypeError, KeyError, AttributeError):
        log.info("event %s of type %s is not one we act on", base["event_id"], base["line_type"])
        return Inbound(kind="other", **base)
    return Inbound(**_specifics(event, base), **base)


def _base(raw: dict[str, Any]) -> dict[str, Any]:
    source = raw.get("source") or {}
    timestamp = raw.get("timestamp")
    at = datetime.fromtimestamp(timestamp / 1000, UTC) if isinstance(timestamp, int) else None
    return {
        "event_id": event_id(raw),
        "line_type": str(raw.get("type")),
        "chat": chat_of(raw),
        "user_id": source.get("userId"),
        "at": at or datetime.now(UTC),
        "reply_token": raw.get("replyToken"),
        "mode": str(raw.get("mode") or "active"),
    }


def _specifics(event: Event, base: dict[str, Any]) -> dict[str, Any]:
    if isinstance(event, MessageEvent):
        return _message(event)
    if isinstance(event, PostbackEvent):
        params = {k: str(v) for k, v in (event.postback.params or {}).items()}
        return {"kind": "postback", "postback_data": event.postback.data, "postback_params": params}
    if isinstance(event, FollowEvent):
        return {"kind": "follow"}
    if isinstance(event, UnfollowEvent):
        return {"kind": "unfollow"}
    if isinstance(event, JoinEvent):
        return {"kind": "join"}
    return {"kind": "other"}


def _message(event: MessageEvent) -> dict[str, Any]:
    content = event.message
    if isinstance(content, TextMessageContent):
        mentions = content.mention.mentionees if content.mention else []
        self_mentioned = any(getattr(m, "is_self", False) for m in mentions)
        return {"kind": "text", "text": content.text, "message_id": content.id,
                "mentions_bot": self_mentioned}
    if isinstance(content, ImageMessageContent):
        return {"kind": "image", "message_id": content.id}
    if isinstance(content, LocationMessageContent):
        place = {"title": content.title, "address": content.address,
                 "latitude": content.latitude, "longitude": content.longitude}
        return {"kind": "location", "message_id": content.id, "location": place}
    return {"kind": "other_message", "message_id": getattr(content, "id", None)}
