"""LINE's rules for rich menu objects: size, chat-bar text, areas and their actions."""

from __future__ import annotations

from typing import Any

from emulator.action_rules import check_action
from emulator.limits import (
    MAX_CHAT_BAR_TEXT,
    MAX_RICH_MENU_AREAS,
    MAX_RICH_MENU_NAME,
    RICH_MENU_MAX_WIDTH,
    RICH_MENU_MIN_ASPECT_RATIO,
    RICH_MENU_MIN_HEIGHT,
    RICH_MENU_MIN_WIDTH,
)
from emulator.rules import Checks


def check_rich_menu(body: dict[str, Any], checks: Checks) -> None:
    size = _check_size(body.get("size"), checks)
    if not isinstance(body.get("selected"), bool):
        checks.add("selected", "must be specified")
    checks.text(body, "name", "", max_len=MAX_RICH_MENU_NAME)
    checks.text(body, "chatBarText", "", max_len=MAX_CHAT_BAR_TEXT)
    areas = checks.items(body, "areas", "", min_items=0, max_items=MAX_RICH_MENU_AREAS)
    for index, value in enumerate(areas):
        area = checks.as_object(value, f"areas[{index}]")
        if area is not None:
            _check_bounds(area.get("bounds"), f"areas[{index}].bounds", size, checks)
            check_action(area.get("action"), f"areas[{index}].action", "rich_menu", checks)


def _check_size(value: Any, checks: Checks) -> tuple[int, int] | None:
    size = checks.as_object(value, "size")
    if size is None:
        return None
    width, height = size.get("width"), size.get("height")
    if not isinstance(width, int) or not RICH_MENU_MIN_WIDTH <= width <= RICH_MENU_MAX_WIDTH:
        checks.add("size.width", "Must be between 800 and 2500")
        return None
    if not isinstance(height, int) or height < RICH_MENU_MIN_HEIGHT:
        checks.add("size.height", "Must be at least 250")
        return None
    if width / height < RICH_MENU_MIN_ASPECT_RATIO:
        checks.add("size", "The aspect ratio (width / height) must be at least 1.45")
    return width, height


def _check_bounds(value: Any, prop: str, size: tuple[int, int] | None, checks: Checks) -> None:
    bounds = checks.as_object(value, prop)
    if bounds is None:
        return
    numbers = [bounds.get(key) for key in ("x", "y", "width", "height")]
    x, y, width, height = (number if isinstance(number, int) else -1 for number in numbers)
    if min(x, y, width, height) < 0:
        checks.add(prop, "x, y, width and height must be non-negative integers")
        return
    if size is not None and (x + width > size[0] or y + height > size[1]):
        checks.add(prop, "The area must lie within the rich menu")
