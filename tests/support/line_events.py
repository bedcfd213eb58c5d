"""Payload builders for bot tests: `text_event(user, "สถานะ")` instead of JSON files."""

from __future__ import annotations

import itertools
import json
from datetime import datetime
from typing import Any

from emulator import events as line
from emulator.webhook import signature

_ids = itertools.count(1)
SECRET = "test-channel-secret"
TOKEN = "test-channel-token"
STAFF = "U" + "a" * 32
OTHER = "U" + "b" * 32
GROUP = "C" + "c" * 32


def _meta(at: datetime, **extra: Any) -> line.EventMeta:
    n = next(_ids)
    return line.EventMeta(webhook_event_id=f"01TEST{n:020d}", timestamp=int(at.timestamp() * 1000),
                          reply_token=f"reply-token-{n}", **extra)


def text_event(user: str, text: str, at: datetime, *, group: str | None = None,
               mention_bot: bool = False, **meta: Any) -> dict[str, Any]:
    source = line.group_source(group, user) if group else line.user_source(user)
    mentions = [line.Mention(0, 4, "Ubot", is_self=True)] if mention_bot else []
    m = _meta(at, **meta)
    return line.text_event(source, m, message_id=m.webhook_event_id, text=text,
                           quote_token="q", mentions=mentions)


def postback_event(user: str, data: str, at: datetime, **meta: Any) -> dict[str, Any]:
    return line.postback_event(line.user_source(user), _meta(at, **meta), data=data)


def follow_event(user: str, at: datetime) -> dict[str, Any]:
    return line.follow_event(line.user_source(user), _meta(at))


def image_event(user: str, at: datetime) -> dict[str, Any]:
    m = _meta(at)
    return line.image_event(line.user_source(user), m, message_id=m.webhook_event_id,
                            quote_token="q")


def body_of(*events: dict[str, Any]) -> bytes:
    return json.dumps(line.callback_body("Ubot", list(events)), ensure_ascii=False).encode()


def sign(body: bytes, secret: str = SECRET) -> str:
    return signature(secret, body)
