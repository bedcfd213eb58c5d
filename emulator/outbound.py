"""Puts the bot's messages into chats and counts them against the monthly quota."""

from __future__ import annotations

from typing import Any

from emulator.errors import LineApiError
from emulator.ids import looks_like_chat_id, new_message_id, new_quote_token
from emulator.state import EmulatorState
from emulator.timeline import Via

# #get-quote-tokens: sent messages of these types can be quoted later.
QUOTABLE_TYPES = ("text", "textV2", "sticker", "image", "video")


def deliver(
    state: EmulatorState, chat_id: str, messages: list[dict[str, Any]], via: Via
) -> list[dict[str, str]]:
    """Appends each message to the chat's timeline; answers LINE's `sentMessages`.

    A user who blocked the bot gets nothing, yet LINE still answers 200 with message ids.
    """
    sent = []
    blocked = chat_id in state.directory.blocked
    for message in messages:
        if not blocked:
            state.timelines.append(
                chat_id,
                at=state.now(),
                direction="out",
                sender_id=state.config.bot_user_id,
                message=message,
                via=via,
            )
        entry = {"id": new_message_id()}
        if message.get("type") in QUOTABLE_TYPES:
            entry["quoteToken"] = new_quote_token()
        sent.append(entry)
    return sent


def push_target(state: EmulatorState, to: str) -> str:
    """The chat a push goes to, or LINE's 400 for an id that is malformed or unknown."""
    if state.directory.is_known_chat(to):
        return to
    if not looks_like_chat_id(to):
        raise LineApiError.invalid_property("to")
    # #send-push-message: a user, group or room the channel doesn't know answers 400.
    raise LineApiError(400, "Failed to send messages")


def recipients_of(state: EmulatorState, chat_id: str) -> int:
    """#send-push-message: a push to a group or room counts once per member."""
    group = state.directory.group(chat_id)
    return len(group.member_ids) if group is not None else 1


def charge_quota(state: EmulatorState, messages: int) -> None:
    """#get-quota: sends beyond the monthly target limit answer 429."""
    quota = state.config.monthly_quota
    if quota is not None and state.usage + messages > quota:
        raise LineApiError(429, "You have reached your monthly limit.")
    state.usage += messages
