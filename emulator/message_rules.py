"""LINE's rules for message objects: counts, types, text lengths, media URLs, quick replies."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from emulator.action_rules import check_action
from emulator.flex_rules import check_container
from emulator.limits import (
    MAX_ALT_TEXT,
    MAX_LOCATION_FIELD,
    MAX_MESSAGES_PER_REQUEST,
    MAX_QUICK_REPLY_ITEMS,
    MAX_SENDER_NAME,
    MAX_TEXT_EMOJIS,
    MAX_TEXT_LENGTH,
    MESSAGE_TYPES,
)
from emulator.rules import Checks
from emulator.template_rules import check_template


def check_messages(value: Any, prop: str, checks: Checks) -> list[dict[str, Any]]:
    """Checks a `messages` array; answers the message objects that could be read."""
    messages = checks.sized_list(value, prop, min_items=1, max_items=MAX_MESSAGES_PER_REQUEST)
    readable = []
    for index, message in enumerate(messages):
        where = f"{prop}[{index}]"
        item = checks.as_object(message, where)
        if item is not None:
            _check_message(item, where, checks)
            readable.append(item)
    return readable


def _check_message(message: dict[str, Any], prop: str, checks: Checks) -> None:
    kind = checks.one_of(message, "type", prop, MESSAGE_TYPES)
    if kind is not None:
        MESSAGE_RULES[kind](message, prop, checks)
    if "quickReply" in message:
        _check_quick_reply(message["quickReply"], f"{prop}.quickReply", checks)
    sender = message.get("sender")
    if isinstance(sender, dict):
        checks.text(sender, "name", f"{prop}.sender", max_len=MAX_SENDER_NAME, required=False)
        checks.media_url(sender, "iconUrl", f"{prop}.sender", required=False)


def _check_quick_reply(value: Any, prop: str, checks: Checks) -> None:
    quick_reply = checks.as_object(value, prop)
    if quick_reply is None:
        return
    items = checks.items(quick_reply, "items", prop, min_items=1, max_items=MAX_QUICK_REPLY_ITEMS)
    for index, value_item in enumerate(items):
        where = f"{prop}.items[{index}]"
        item = checks.as_object(value_item, where)
        if item is None:
            continue
        checks.one_of(item, "type", where, ("action",))
        checks.media_url(item, "imageUrl", where, required=False)
        check_action(item.get("action"), f"{where}.action", "quick_reply", checks)


def _text(message: dict[str, Any], prop: str, checks: Checks) -> None:
    checks.text(message, "text", prop, max_len=MAX_TEXT_LENGTH)
    checks.items(message, "emojis", prop, min_items=0, max_items=MAX_TEXT_EMOJIS, required=False)


def _sticker(message: dict[str, Any], prop: str, checks: Checks) -> None:
    checks.text(message, "packageId", prop, max_len=None)
    checks.text(message, "stickerId", prop, max_len=None)


def _image(message: dict[str, Any], prop: str, checks: Checks) -> None:
    checks.media_url(message, "originalContentUrl", prop)
    checks.media_url(message, "previewImageUrl", prop)


def _audio(message: dict[str, Any], prop: str, checks: Checks) -> None:
    checks.media_url(message, "originalContentUrl", prop)
    checks.number(message, "duration", prop)


def _location(message: dict[str, Any], prop: str, checks: Checks) -> None:
    checks.text(message, "title", prop, max_len=MAX_LOCATION_FIELD)
    checks.text(message, "address", prop, max_len=MAX_LOCATION_FIELD)
    checks.number(message, "latitude", prop)
    checks.number(message, "longitude", prop)


def _imagemap(message: dict[str, Any], prop: str, checks: Checks) -> None:
    checks.media_url(message, "baseUrl", prop)
    checks.text(message, "altText", prop, max_len=MAX_ALT_TEXT)
    size = checks.as_object(message.get("baseSize"), f"{prop}.baseSize")
    if size is not None:
        checks.number(size, "width", f"{prop}.baseSize")
        checks.number(size, "height", f"{prop}.baseSize")
    checks.items(message, "actions", prop, min_items=0, max_items=None)


def _template(message: dict[str, Any], prop: str, checks: Checks) -> None:
    checks.text(message, "altText", prop, max_len=MAX_ALT_TEXT)
    check_template(message.get("template"), f"{prop}.template", checks)


def _flex(message: dict[str, Any], prop: str, checks: Checks) -> None:
    checks.text(message, "altText", prop, max_len=MAX_ALT_TEXT)
    check_container(message.get("contents"), f"{prop}.contents", checks)


MESSAGE_RULES: dict[str, Callable[[dict[str, Any], str, Checks], None]] = {
    "text": _text,
    "textV2": _text,
    "sticker": _sticker,
    "image": _image,
    "video": _image,
    "audio": _audio,
    "location": _location,
    "imagemap": _imagemap,
    "template": _template,
    "flex": _flex,
}
