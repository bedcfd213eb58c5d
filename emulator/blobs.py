"""Binary content the emulator keeps: images users sent and rich-menu images."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Blob:
    content: bytes
    content_type: str
