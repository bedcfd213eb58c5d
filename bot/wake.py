"""Sleeping between rounds: until another task signals new work, or the poll interval ends."""

from __future__ import annotations

import asyncio
import contextlib


async def nap(wake: asyncio.Event, seconds: float) -> None:
    # A signal that lands just before clear() is caught by the next poll at the latest.
    wake.clear()
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(wake.wait(), seconds)
