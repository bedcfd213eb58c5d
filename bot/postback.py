"""Postback data: short `a=<action>&k=v` strings; state stays on the server."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

MAX_DATA = 300  # LINE: postback data is at most 300 characters


def encode(action: str, **params: str) -> str:
    data = urlencode({"a": action, **params})
    if len(data) > MAX_DATA:
        raise ValueError(f"postback data over {MAX_DATA} characters: {data[:40]}…")
    return data


def decode(data: str | None) -> tuple[str, dict[str, str]]:
    """(action, params); unknown or foreign data gives action ""."""
    pairs = dict(parse_qsl(data or "", keep_blank_values=True))
    return pairs.pop("a", ""), pairs
