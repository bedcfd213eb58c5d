"""Text messages and quick replies, kept within LINE's limits."""

from __future__ import annotations

from typing import Any

from bot import postback

MAX_TEXT = 5000  # LINE: a text message holds at most 5,000 characters
MAX_QUICK_REPLIES = 13  # LINE: at most 13 quick-reply buttons
MAX_LABEL = 20  # LINE: an action label is at most 20 characters


def postback_action(label: str, action: str, display: str | None = None,
                    **params: str) -> dict[str, Any]:
    return {
        "type": "postback",
        "label": label[:MAX_LABEL],
        "data": postback.encode(action, **params),
        "displayText": display or label,
    }


def quick_item(label: str, action: str, display: str | None = None,
               **params: str) -> dict[str, Any]:
    return {"type": "action", "action": postback_action(label, action, display, **params)}


def text(body: str, quick: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    message: dict[str, Any] = {"type": "text", "text": body[:MAX_TEXT]}
    if quick:
        message["quickReply"] = {"items": quick[:MAX_QUICK_REPLIES]}
    return message
