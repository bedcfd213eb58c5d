"""Ticket numbers: IT-<Buddhist-era year>-<6 digits>, one gap-free sequence per year."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

BUDDHIST_ERA_OFFSET = 543
NUMBER_PATTERN = re.compile(r"^IT-(\d{4})-(\d{6})$")
_LOCAL = ZoneInfo("Asia/Bangkok")


def buddhist_year(at: datetime) -> int:
    """The Thai (B.E.) year of an instant, as seen in Bangkok."""
    return at.astimezone(_LOCAL).year + BUDDHIST_ERA_OFFSET


def counter_name(at: datetime) -> str:
    return f"ticket:{buddhist_year(at)}"


def format_number(be_year: int, sequence: int) -> str:
    if not 1 <= sequence <= 999_999:
        raise ValueError(f"ticket sequence out of range: {sequence}")
    return f"IT-{be_year}-{sequence:06d}"


def parse_number(text: str) -> tuple[int, int] | None:
    """(year, sequence) of a well-formed number, else None; accepts lower case and spaces."""
    match = NUMBER_PATTERN.match(text.strip().upper())
    return (int(match.group(1)), int(match.group(2))) if match else None
