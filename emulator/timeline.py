"""Every chat's ordered conversation: what personas did ("in") and what the bot sent ("out")."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from typing import Any, Literal

from emulator.records import iso_time

Direction = Literal["in", "out"]
Via = Literal["reply", "push", "multicast"]
TimelineItem = dict[str, Any]


class Timelines:
    """Items of all chats, numbered by one counter that never goes back (even after a reset).

    A page that polls with `after=<lastSeq>` therefore never misses an item.
    """

    def __init__(self) -> None:
        self._chats: dict[str, list[TimelineItem]] = defaultdict(list)
        self._watchers: dict[str, set[asyncio.Queue[TimelineItem]]] = defaultdict(set)
        self._seq = 0

    def clear(self) -> None:
        self._chats.clear()

    def append(
        self,
        chat_id: str,
        *,
        at: float,
        direction: Direction,
        sender_id: str,
        message: dict[str, Any] | None = None,
        event: dict[str, Any] | None = None,
        via: Via | None = None,
    ) -> TimelineItem:
        self._seq += 1
        kind = "message" if message is not None else "event"
        fields = {"message": message, "event": event, "via": via}
        item: TimelineItem = {
            "seq": self._seq,
            "at": iso_time(at),
            "direction": direction,
            "senderId": sender_id,
            "kind": kind,
            **{key: value for key, value in fields.items() if value is not None},
        }
        self._chats[chat_id].append(item)
        for queue in self._watchers[chat_id]:
            queue.put_nowait(item)
        return item

    def items(self, chat_id: str, after: int = 0) -> list[TimelineItem]:
        return [item for item in self._chats.get(chat_id, []) if item["seq"] > after]

    def sent_by_bot(self, chat_id: str) -> list[TimelineItem]:
        return [item for item in self._chats.get(chat_id, []) if item["direction"] == "out"]

    def last_seq(self, chat_id: str) -> int:
        chat = self._chats.get(chat_id)
        return chat[-1]["seq"] if chat else 0

    def watch(self, chat_id: str) -> asyncio.Queue[TimelineItem]:
        queue: asyncio.Queue[TimelineItem] = asyncio.Queue()
        self._watchers[chat_id].add(queue)
        return queue

    def unwatch(self, chat_id: str, queue: asyncio.Queue[TimelineItem]) -> None:
        self._watchers[chat_id].discard(queue)
