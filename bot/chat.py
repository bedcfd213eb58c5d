"""What happened in a chat, in our own words: `Inbound` events and the chat they belong to."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

InboundKind = Literal[
    "text", "image", "location", "other_message", "postback", "follow", "unfollow", "join",
    "other",
]


@dataclass(frozen=True)
class ChatRef:
    """Where an event happened: a user's 1:1 chat, a group or a room."""

    kind: Literal["user", "group", "room"]
    id: str

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.id}"


@dataclass(frozen=True)
class Inbound:
    event_id: str
    kind: InboundKind
    line_type: str
    chat: ChatRef
    user_id: str | None
    at: datetime
    reply_token: str | None = None
    mode: str = "active"
    text: str = ""
    message_id: str | None = None
    postback_data: str | None = None
    postback_params: dict[str, str] = field(default_factory=dict)
    location: dict[str, Any] | None = None
    mentions_bot: bool = False
