"""LINE's rules for action objects: which actions fit where, labels, data and URIs."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Literal
from urllib.parse import urlsplit

from emulator.limits import (
    DATETIME_MODES,
    MAX_ACTION_LABEL,
    MAX_CLIPBOARD_TEXT,
    MAX_DISPLAY_TEXT,
    MAX_FLEX_ACTION_LABEL,
    MAX_IMAGE_CAROUSEL_LABEL,
    MAX_MESSAGE_ACTION_TEXT,
    MAX_POSTBACK_DATA,
    MAX_URI_LENGTH,
    URI_SCHEMES,
)
from emulator.rules import Checks

Place = Literal["quick_reply", "template", "image_carousel", "flex_button", "flex", "rich_menu"]

# #action-object-label-spec: (required, max characters) for each place an action can sit.
LABEL_RULES: dict[Place, tuple[bool, int]] = {
    "quick_reply": (True, MAX_ACTION_LABEL),
    "template": (True, MAX_ACTION_LABEL),
    "image_carousel": (False, MAX_IMAGE_CAROUSEL_LABEL),
    "flex_button": (True, MAX_FLEX_ACTION_LABEL),
    "flex": (False, MAX_FLEX_ACTION_LABEL),
    "rich_menu": (False, MAX_ACTION_LABEL),
}
# #camera-action, #camera-roll-action, #location-action: "only be used in quick reply buttons";
# #richmenu-switch-action: "only be used in rich menus".
ONLY_IN: dict[str, Place] = {
    "camera": "quick_reply",
    "cameraRoll": "quick_reply",
    "location": "quick_reply",
    "richmenuswitch": "rich_menu",
}
INPUT_OPTIONS = ("closeRichMenu", "openRichMenu", "openKeyboard", "openVoice")
DATETIME_FORMATS = {
    "date": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "time": re.compile(r"^\d{2}:\d{2}$"),
    "datetime": re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}$"),
}


def check_action(value: Any, prop: str, place: Place, checks: Checks) -> None:
    action = checks.as_object(value, prop)
    if action is None:
        return
    kind = checks.one_of(action, "type", prop, tuple(ACTION_RULES))
    if kind is None:
        return
    only = ONLY_IN.get(kind)
    if only is not None and only != place:
        checks.add(f"{prop}.type", f"The {kind} action can't be used here")
        return
    required, max_len = LABEL_RULES[place]
    checks.text(action, "label", prop, max_len=max_len, required=required)
    ACTION_RULES[kind](action, prop, place, checks)


def _postback(action: dict[str, Any], prop: str, place: Place, checks: Checks) -> None:
    checks.text(action, "data", prop, max_len=MAX_POSTBACK_DATA, min_len=0)
    display = checks.text(action, "displayText", prop, max_len=MAX_DISPLAY_TEXT, required=False)
    text = checks.text(action, "text", prop, max_len=MAX_DISPLAY_TEXT, required=False)
    if display is not None and text is not None:
        checks.add(f"{prop}.text", "The displayText and text properties can't both be used")
    elif text is not None and place == "quick_reply":
        # #postback-action: the deprecated `text` "shouldn't be used with quick reply buttons".
        checks.add(f"{prop}.text", "Can't be used with quick reply buttons; use displayText")
    checks.one_of(action, "inputOption", prop, INPUT_OPTIONS, required=False)
    checks.text(action, "fillInText", prop, max_len=MAX_DISPLAY_TEXT, required=False)


def _message(action: dict[str, Any], prop: str, place: Place, checks: Checks) -> None:
    checks.text(action, "text", prop, max_len=MAX_MESSAGE_ACTION_TEXT)


def _uri(action: dict[str, Any], prop: str, place: Place, checks: Checks) -> None:
    _check_uri(action, "uri", prop, checks, required=True)
    alt = action.get("altUri")
    if isinstance(alt, dict):
        _check_uri(alt, "desktop", f"{prop}.altUri", checks, required=False)


def _check_uri(obj: dict[str, Any], key: str, prop: str, checks: Checks, *, required: bool) -> None:
    uri = checks.text(obj, key, prop, max_len=MAX_URI_LENGTH, required=required)
    if uri and urlsplit(uri).scheme not in URI_SCHEMES:
        checks.add(f"{prop}.{key}", f"The scheme must be one of: {', '.join(URI_SCHEMES)}")


def _datetime_picker(action: dict[str, Any], prop: str, place: Place, checks: Checks) -> None:
    checks.text(action, "data", prop, max_len=MAX_POSTBACK_DATA, min_len=0)
    mode = checks.one_of(action, "mode", prop, DATETIME_MODES)
    if mode is None:
        return
    for key in ("initial", "min", "max"):
        value = action.get(key)
        if value is not None and not DATETIME_FORMATS[mode].match(str(value)):
            checks.add(f"{prop}.{key}", f"Invalid {mode} format")
    low, high = action.get("min"), action.get("max")
    if isinstance(low, str) and isinstance(high, str) and low.upper() >= high.upper():
        checks.add(f"{prop}.max", "Must be greater than min")


def _rich_menu_switch(action: dict[str, Any], prop: str, place: Place, checks: Checks) -> None:
    checks.text(action, "richMenuAliasId", prop, max_len=32)
    checks.text(action, "data", prop, max_len=MAX_POSTBACK_DATA, min_len=0)


def _clipboard(action: dict[str, Any], prop: str, place: Place, checks: Checks) -> None:
    checks.text(action, "clipboardText", prop, max_len=MAX_CLIPBOARD_TEXT)


def _no_fields(action: dict[str, Any], prop: str, place: Place, checks: Checks) -> None:
    """Camera, camera roll and location actions carry nothing but their label."""


ActionRule = Callable[[dict[str, Any], str, Place, Checks], None]
ACTION_RULES: dict[str, ActionRule] = {
    "postback": _postback,
    "message": _message,
    "uri": _uri,
    "datetimepicker": _datetime_picker,
    "camera": _no_fields,
    "cameraRoll": _no_fields,
    "location": _no_fields,
    "richmenuswitch": _rich_menu_switch,
    "clipboard": _clipboard,
}
