"""Single-use reply tokens and accepted retry keys, both with LINE's lifetimes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from emulator.ids import new_reply_token

# #send-reply-message: a redelivered event's token can't be used once "20 minutes have
# passed since the event occurred".
REPLY_TOKEN_HARD_LIMIT = 20 * 60
# #retry-api-request: "The retry key is valid for 24 hours after attempting the first request".
RETRY_KEY_LIFETIME = 24 * 60 * 60


@dataclass
class ReplyGrant:
    """Where a reply token's answer goes, and the clock it runs on."""

    chat_id: str
    event_at: float
    delivered_at: float


class ReplyTokens:
    """Issues a token per replyable event; a token answers once, within its time."""

    def __init__(self, ttl: float) -> None:
        self.ttl = ttl
        self._grants: dict[str, ReplyGrant] = {}

    def clear(self) -> None:
        self._grants.clear()

    def issue(self, chat_id: str, now: float) -> str:
        token = new_reply_token()
        self._grants[token] = ReplyGrant(chat_id, event_at=now, delivered_at=now)
        return token

    def redelivered(self, token: str, now: float) -> None:
        """A redelivered webhook's token is usable for another `ttl` from its redelivery."""
        grant = self._grants.get(token)
        if grant is not None:
            grant.delivered_at = now

    def redeem(self, token: str, now: float) -> str | None:
        """The chat to reply into, or None for a token that is unknown, used or expired."""
        grant = self._grants.pop(token, None)
        if grant is None:
            return None
        fresh = now - grant.delivered_at <= self.ttl
        within_hard_limit = now - grant.event_at <= REPLY_TOKEN_HARD_LIMIT
        return grant.chat_id if fresh and within_hard_limit else None


@dataclass
class AcceptedRequest:
    request_id: str
    accepted_at: float
    sent_messages: list[dict[str, Any]] = field(default_factory=list)


class RetryKeys:
    """Push and multicast requests accepted under an `X-Line-Retry-Key`."""

    def __init__(self) -> None:
        self._accepted: dict[str, AcceptedRequest] = {}

    def clear(self) -> None:
        self._accepted.clear()

    def find(self, key: str, now: float) -> AcceptedRequest | None:
        accepted = self._accepted.get(key)
        if accepted is not None and now - accepted.accepted_at > RETRY_KEY_LIFETIME:
            del self._accepted[key]
            return None
        return accepted

    def accept(self, key: str, accepted: AcceptedRequest) -> None:
        self._accepted[key] = accepted
