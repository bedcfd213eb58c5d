"""LINE's rules for Flex containers and components, checked recursively with exact paths."""

from __future__ import annotations

import json
from typing import Any

from emulator.action_rules import check_action
from emulator.limits import (
    MAX_BUBBLE_JSON_BYTES,
    MAX_CAROUSEL_BUBBLES,
    MAX_CAROUSEL_JSON_BYTES,
)
from emulator.rules import Checks

BLOCKS = ("header", "hero", "body", "footer")
# #box: horizontal / vertical boxes hold box, button, image, text, separator and filler;
# baseline boxes hold icon, text and filler. #bubble: the hero may also be an image or video.
FLOW_CHILDREN = ("box", "button", "image", "video", "text", "separator", "filler")
BASELINE_CHILDREN = ("icon", "text", "filler")
LAYOUTS = ("horizontal", "vertical", "baseline")
BUTTON_STYLES = ("primary", "secondary", "link")


def json_size(value: Any) -> int:
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode())


def check_container(value: Any, prop: str, checks: Checks) -> None:
    container = checks.as_object(value, prop)
    if container is None:
        return
    kind = checks.one_of(container, "type", prop, ("bubble", "carousel"))
    if kind == "bubble":
        check_bubble(container, prop, checks)
    elif kind == "carousel":
        _check_carousel(container, prop, checks)


def _check_carousel(carousel: dict[str, Any], prop: str, checks: Checks) -> None:
    bubbles = checks.items(carousel, "contents", prop, min_items=1, max_items=MAX_CAROUSEL_BUBBLES)
    for index, bubble in enumerate(bubbles):
        where = f"{prop}.contents[{index}]"
        item = checks.as_object(bubble, where)
        if item is not None and checks.one_of(item, "type", where, ("bubble",)):
            check_bubble(item, where, checks)
    if json_size(carousel) > MAX_CAROUSEL_JSON_BYTES:
        checks.add(prop, "The carousel JSON is larger than 50 KB")


def check_bubble(bubble: dict[str, Any], prop: str, checks: Checks) -> None:
    for block in BLOCKS:
        value = bubble.get(block)
        if value is None:
            continue
        allowed = ("box", "image", "video") if block == "hero" else ("box",)
        _check_component(value, f"{prop}.{block}", allowed, checks)
    if "action" in bubble:
        check_action(bubble["action"], f"{prop}.action", "flex", checks)
    if json_size(bubble) > MAX_BUBBLE_JSON_BYTES:
        checks.add(prop, "The bubble JSON is larger than 30 KB")


def _check_component(value: Any, prop: str, allowed: tuple[str, ...], checks: Checks) -> None:
    component = checks.as_object(value, prop)
    if component is None:
        return
    kind = checks.one_of(component, "type", prop, allowed)
    if kind is None:
        return
    COMPONENT_RULES[kind](component, prop, checks)
    if "action" in component and kind != "button":
        check_action(component["action"], f"{prop}.action", "flex", checks)


def _box(box: dict[str, Any], prop: str, checks: Checks) -> None:
    layout = checks.one_of(box, "layout", prop, LAYOUTS)
    children = BASELINE_CHILDREN if layout == "baseline" else FLOW_CHILDREN
    contents = checks.items(box, "contents", prop, min_items=0, max_items=None)
    for index, child in enumerate(contents):
        _check_component(child, f"{prop}.contents[{index}]", children, checks)


def _button(button: dict[str, Any], prop: str, checks: Checks) -> None:
    check_action(button.get("action"), f"{prop}.action", "flex_button", checks)
    checks.one_of(button, "style", prop, BUTTON_STYLES, required=False)


def _text(text: dict[str, Any], prop: str, checks: Checks) -> None:
    spans = text.get("contents")
    if isinstance(spans, list) and spans:
        for index, span in enumerate(spans):
            _check_component(span, f"{prop}.contents[{index}]", ("span",), checks)
        return
    checks.text(text, "text", prop, max_len=None, min_len=0)


def _span(span: dict[str, Any], prop: str, checks: Checks) -> None:
    checks.text(span, "text", prop, max_len=None, min_len=0)


def _image(image: dict[str, Any], prop: str, checks: Checks) -> None:
    checks.media_url(image, "url", prop)


def _video(video: dict[str, Any], prop: str, checks: Checks) -> None:
    checks.media_url(video, "url", prop)
    checks.media_url(video, "previewUrl", prop)
    _check_component(video.get("altContent"), f"{prop}.altContent", ("box", "image"), checks)


def _no_content(component: dict[str, Any], prop: str, checks: Checks) -> None:
    """Separators and fillers have only optional styling properties."""


COMPONENT_RULES = {
    "box": _box,
    "button": _button,
    "text": _text,
    "span": _span,
    "image": _image,
    "icon": _image,
    "video": _video,
    "separator": _no_content,
    "filler": _no_content,
}
