"""Request builders for the limit tests: a push, LINE's one-error body, postbacks, Flex."""

from __future__ import annotations

from typing import Any

import httpx

from tests.emulator.fakes import SOMCHAI


def push(line_api: httpx.Client, *messages: dict[str, Any], to: str = SOMCHAI) -> httpx.Response:
    return line_api.post("/v2/bot/message/push", json={"to": to, "messages": list(messages)})


def one_error(message: str, prop: str) -> dict[str, Any]:
    return {
        "message": "The request body has 1 error(s)",
        "details": [{"message": message, "property": prop}],
    }


def quick_reply(*actions: dict[str, Any]) -> dict[str, Any]:
    return {"items": [{"type": "action", "action": action} for action in actions]}


def postback(data: str = "a=approve&t=1", **extra: Any) -> dict[str, Any]:
    return {"type": "postback", "label": "อนุมัติ", "data": data, **extra}


def bubble(*contents: dict[str, Any]) -> dict[str, Any]:
    body = {"type": "box", "layout": "vertical", "contents": list(contents)}
    return {"type": "bubble", "body": body}


def buttons(**template: Any) -> dict[str, Any]:
    template = {"type": "buttons", "text": "เลือกรายการ", "actions": [postback()], **template}
    return {"type": "template", "altText": "เมนู", "template": template}
