"""LINE's rules for template messages: buttons, confirm, carousel and image carousel."""

from __future__ import annotations

from typing import Any

from emulator.action_rules import check_action
from emulator.limits import (
    CONFIRM_ACTIONS,
    MAX_BUTTONS_ACTIONS,
    MAX_BUTTONS_TEXT,
    MAX_BUTTONS_TEXT_WITH_IMAGE_OR_TITLE,
    MAX_CAROUSEL_COLUMN_ACTIONS,
    MAX_CAROUSEL_COLUMN_TEXT,
    MAX_CONFIRM_TEXT,
    MAX_TEMPLATE_COLUMNS,
    MAX_TEMPLATE_TITLE,
)
from emulator.rules import Checks

TEMPLATE_TYPES = ("buttons", "confirm", "carousel", "image_carousel")


def check_template(value: Any, prop: str, checks: Checks) -> None:
    template = checks.as_object(value, prop)
    if template is None:
        return
    kind = checks.one_of(template, "type", prop, TEMPLATE_TYPES)
    if kind == "buttons":
        _check_card(template, prop, checks, MAX_BUTTONS_TEXT, MAX_BUTTONS_ACTIONS)
    elif kind == "confirm":
        checks.text(template, "text", prop, max_len=MAX_CONFIRM_TEXT)
        _check_actions(template, prop, checks, CONFIRM_ACTIONS, CONFIRM_ACTIONS)
    elif kind == "carousel":
        _check_columns(template, prop, checks)
    elif kind == "image_carousel":
        _check_image_columns(template, prop, checks)


def _check_card(
    card: dict[str, Any], prop: str, checks: Checks, max_text: int, max_actions: int
) -> None:
    """A buttons template or a carousel column: optional image and title, text, actions."""
    checks.media_url(card, "thumbnailImageUrl", prop, required=False)
    title = checks.text(card, "title", prop, max_len=MAX_TEMPLATE_TITLE, required=False)
    # "60 (message with an image or title)" applies as soon as either is present.
    decorated = title is not None or card.get("thumbnailImageUrl") is not None
    limit = MAX_BUTTONS_TEXT_WITH_IMAGE_OR_TITLE if decorated else max_text
    checks.text(card, "text", prop, max_len=limit)
    if "defaultAction" in card:
        check_action(card["defaultAction"], f"{prop}.defaultAction", "template", checks)
    _check_actions(card, prop, checks, 1, max_actions)


def _check_actions(
    template: dict[str, Any], prop: str, checks: Checks, min_items: int, max_items: int
) -> None:
    actions = checks.items(template, "actions", prop, min_items=min_items, max_items=max_items)
    for index, action in enumerate(actions):
        check_action(action, f"{prop}.actions[{index}]", "template", checks)


def _check_columns(template: dict[str, Any], prop: str, checks: Checks) -> None:
    columns = checks.items(template, "columns", prop, min_items=1, max_items=MAX_TEMPLATE_COLUMNS)
    for index, value in enumerate(columns):
        where = f"{prop}.columns[{index}]"
        column = checks.as_object(value, where)
        if column is not None:
            limits = (MAX_CAROUSEL_COLUMN_TEXT, MAX_CAROUSEL_COLUMN_ACTIONS)
            _check_card(column, where, checks, *limits)


def _check_image_columns(template: dict[str, Any], prop: str, checks: Checks) -> None:
    columns = checks.items(template, "columns", prop, min_items=1, max_items=MAX_TEMPLATE_COLUMNS)
    for index, value in enumerate(columns):
        where = f"{prop}.columns[{index}]"
        column = checks.as_object(value, where)
        if column is not None:
            checks.media_url(column, "imageUrl", where)
            check_action(column.get("action"), f"{where}.action", "image_carousel", checks)
