"""Shared checks behind the message, action, Flex and rich-menu rules, worded like LINE."""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from emulator.errors import Problems
from emulator.limits import MAX_MEDIA_URL, utf16_length

LOOPBACK_NAMES = ("localhost",)


def is_loopback_host(host: str | None) -> bool:
    if not host:
        return False
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def join_path(prop: str, key: str) -> str:
    """`messages[0]` + `text` -> `messages[0].text`; a top-level key stands alone."""
    return f"{prop}.{key}" if prop else key


@dataclass
class Checks:
    """The problems found so far in one request body, and this emulator's media-URL policy."""

    problems: Problems = field(default_factory=Problems)
    allow_http_loopback: bool = True

    def add(self, prop: str, message: str) -> None:
        self.problems.add(prop, message)

    def as_object(self, value: Any, prop: str) -> dict[str, Any] | None:
        if isinstance(value, dict):
            return value
        self.add(prop, "must be specified" if value is None else "Must be an object")
        return None

    def text(
        self,
        obj: dict[str, Any],
        key: str,
        prop: str,
        *,
        max_len: int | None,
        min_len: int = 1,
        required: bool = True,
    ) -> str | None:
        value = obj.get(key)
        where = join_path(prop, key)
        if value is None:
            if required:
                self.add(where, "must be specified")
            return None
        if not isinstance(value, str):
            self.add(where, "Must be a string")
            return None
        length = utf16_length(value)
        if length == 0 and min_len > 0:
            self.add(where, "May not be empty")
        elif max_len is not None and not min_len <= length <= max_len:
            self.add(where, f"Length must be between {min_len} and {max_len}")
        return value

    def items(
        self,
        obj: dict[str, Any],
        key: str,
        prop: str,
        *,
        min_items: int,
        max_items: int | None,
        required: bool = True,
    ) -> list[Any]:
        return self.sized_list(
            obj.get(key),
            join_path(prop, key),
            min_items=min_items,
            max_items=max_items,
            required=required,
        )

    def sized_list(
        self,
        value: Any,
        prop: str,
        *,
        min_items: int,
        max_items: int | None,
        required: bool = True,
    ) -> list[Any]:
        if value is None:
            if required:
                self.add(prop, "must be specified")
            return []
        if not isinstance(value, list):
            self.add(prop, "Must be an array")
            return []
        too_few = len(value) < min_items
        too_many = max_items is not None and len(value) > max_items
        if too_few or too_many:
            upper = f"between {min_items} and {max_items}" if max_items else f"at least {min_items}"
            self.add(prop, f"Size must be {upper}")
        return value

    def one_of(
        self,
        obj: dict[str, Any],
        key: str,
        prop: str,
        values: Sequence[str],
        *,
        required: bool = True,
    ) -> str | None:
        value = obj.get(key)
        if value is None:
            if required:
                self.add(join_path(prop, key), "must be specified")
            return None
        if value not in values:
            choices = ", ".join(values)
            self.add(join_path(prop, key), f"Must be one of the following values: [{choices}]")
            return None
        return str(value)

    def number(self, obj: dict[str, Any], key: str, prop: str) -> None:
        value = obj.get(key)
        if value is None:
            self.add(join_path(prop, key), "must be specified")
        elif isinstance(value, bool) or not isinstance(value, int | float):
            self.add(join_path(prop, key), "Must be a number")

    def media_url(self, obj: dict[str, Any], key: str, prop: str, *, required: bool = True) -> None:
        url = self.text(obj, key, prop, max_len=MAX_MEDIA_URL, required=required)
        if url and not self.is_secure_url(url):
            self.add(join_path(prop, key), "Invalid URL: the scheme must be https")

    def is_secure_url(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme == "https" and parts.hostname:
            return True
        # The demo bot serves its images from http://127.0.0.1; LINE itself never would.
        loopback = is_loopback_host(parts.hostname)
        return parts.scheme == "http" and loopback and self.allow_http_loopback
