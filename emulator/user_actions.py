"""What a persona does on the page, turned into a LINE event and an "in" timeline item."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from typing import Any, Literal

from pydantic import Field

from emulator.blobs import Blob
from emulator.config import CamelModel
from emulator.events import (
    Event,
    EventMeta,
    Source,
    file_event,
    follow_event,
    group_source,
    image_event,
    join_event,
    leave_event,
    location_event,
    postback_event,
    sticker_event,
    text_event,
    unfollow_event,
    user_source,
)
from emulator.ids import new_message_id, new_quote_token, new_reply_token, new_webhook_event_id
from emulator.state import EmulatorState

Kind = Literal[
    "text",
    "postback",
    "image",
    "location",
    "sticker",
    "file",
    "follow",
    "unfollow",
    "join",
    "leave",
]
USER_CHAT_ONLY = ("follow", "unfollow")
GROUP_ONLY = ("join", "leave")
# Unfollow and leave events carry no reply token: nobody is left to answer.
NOT_REPLYABLE = ("unfollow", "leave")
# #postback-event: a datetime picker sends one of date / time / datetime; a rich menu switch
# sends the alias it switched to and the outcome.
POSTBACK_PARAMS = ({"date"}, {"time"}, {"datetime"}, {"newRichMenuAliasId", "status"})


class UserActionError(ValueError):
    """The page asked for something a LINE user could not do here."""


class UserAction(CamelModel):
    """The page API's send body; `from` is the persona acting."""

    sender: str = Field(alias="from")
    kind: Kind
    text: str | None = None
    data: str | None = None
    display_text: str | None = None
    params: dict[str, str] | None = None
    image_base64: str | None = None
    content_type: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    title: str | None = None
    address: str | None = None
    package_id: str | None = None
    sticker_id: str | None = None
    file_name: str | None = None
    # "standby": another channel owns the chat (module channels); LINE sends no reply token.
    mode: Literal["active", "standby"] = "active"


def perform(state: EmulatorState, chat_id: str, action: UserAction) -> Event:
    """Builds the event, keeps any content, and appends the "in" item to the chat."""
    source = _source(state, chat_id, action)
    now = state.now()
    replyable = action.kind not in NOT_REPLYABLE and action.mode == "active"
    token = state.reply_tokens.issue(chat_id, now) if replyable else None
    now_ms = int(now * 1000)
    meta = EventMeta(new_webhook_event_id(now_ms), now_ms, reply_token=token, mode=action.mode)
    event = BUILDERS[action.kind](state, source, meta, action)
    _remember(state, chat_id, action, event)
    return event


def _source(state: EmulatorState, chat_id: str, action: UserAction) -> Source:
    if state.directory.persona(action.sender) is None:
        raise UserActionError(f"unknown persona {action.sender}")
    group = state.directory.group(chat_id)
    if group is not None:
        if action.sender not in group.member_ids:
            raise UserActionError(f"{action.sender} is not a member of {chat_id}")
        if action.kind in USER_CHAT_ONLY:
            raise UserActionError(f"{action.kind} happens only in a one-to-one chat")
        return (
            group_source(chat_id)
            if action.kind in GROUP_ONLY
            else group_source(chat_id, action.sender)
        )
    if chat_id != action.sender:
        raise UserActionError("in a one-to-one chat only its own user can act")
    if action.kind in GROUP_ONLY:
        raise UserActionError(f"{action.kind} happens only in a group chat")
    return user_source(chat_id)


def _remember(state: EmulatorState, chat_id: str, action: UserAction, event: Event) -> None:
    message = event.get("message")
    if action.kind == "postback" and action.display_text:
        # LINE shows a postback's displayText in the chat as if the user had typed it.
        message = {"type": "text", "text": action.display_text}
    state.timelines.append(
        chat_id,
        at=state.now(),
        direction="in",
        sender_id=action.sender,
        message=message,
        event=None if event["type"] == "message" else event,
    )


def _read_token(source: Source) -> str | None:
    """Mark-as-read tokens come with messages in one-to-one chats."""
    return new_reply_token() if source["type"] == "user" else None


def _required(value: Any, name: str) -> Any:
    if value is None or value == "":
        raise UserActionError(f"{name} is required")
    return value


def _text(state: EmulatorState, source: Source, meta: EventMeta, action: UserAction) -> Event:
    return text_event(
        source,
        meta,
        message_id=new_message_id(),
        text=_required(action.text, "text"),
        quote_token=new_quote_token(),
        mark_as_read_token=_read_token(source),
    )


def _postback(state: EmulatorState, source: Source, meta: EventMeta, action: UserAction) -> Event:
    params = action.params or None
    if params and set(params) not in POSTBACK_PARAMS:
        raise UserActionError(f"postback params hold one of {POSTBACK_PARAMS}")
    if action.data is None:
        raise UserActionError("data is required")
    return postback_event(source, meta, data=action.data, params=params)


def _image(state: EmulatorState, source: Source, meta: EventMeta, action: UserAction) -> Event:
    content = _decoded(_required(action.image_base64, "imageBase64"))
    message_id = new_message_id()
    state.contents[message_id] = Blob(content, action.content_type or _image_type(content))
    return image_event(
        source,
        meta,
        message_id=message_id,
        quote_token=new_quote_token(),
        mark_as_read_token=_read_token(source),
    )


def _location(state: EmulatorState, source: Source, meta: EventMeta, action: UserAction) -> Event:
    return location_event(
        source,
        meta,
        message_id=new_message_id(),
        latitude=_required(action.latitude, "latitude"),
        longitude=_required(action.longitude, "longitude"),
        title=action.title,
        address=action.address,
        mark_as_read_token=_read_token(source),
    )


def _sticker(state: EmulatorState, source: Source, meta: EventMeta, action: UserAction) -> Event:
    return sticker_event(
        source,
        meta,
        message_id=new_message_id(),
        package_id=_required(action.package_id, "packageId"),
        sticker_id=_required(action.sticker_id, "stickerId"),
        quote_token=new_quote_token(),
        mark_as_read_token=_read_token(source),
    )


def _file(state: EmulatorState, source: Source, meta: EventMeta, action: UserAction) -> Event:
    content = _decoded(action.image_base64) if action.image_base64 else b""
    message_id = new_message_id()
    if content:
        content_type = action.content_type or "application/octet-stream"
        state.contents[message_id] = Blob(content, content_type)
    return file_event(
        source,
        meta,
        message_id=message_id,
        file_name=_required(action.file_name, "fileName"),
        file_size=len(content),
        mark_as_read_token=_read_token(source),
    )


def _follow(state: EmulatorState, source: Source, meta: EventMeta, action: UserAction) -> Event:
    unblocked = action.sender in state.directory.blocked
    state.directory.blocked.discard(action.sender)
    return follow_event(source, meta, is_unblocked=unblocked)


def _unfollow(state: EmulatorState, source: Source, meta: EventMeta, action: UserAction) -> Event:
    state.directory.blocked.add(action.sender)
    return unfollow_event(source, meta)


def _join(state: EmulatorState, source: Source, meta: EventMeta, action: UserAction) -> Event:
    return join_event(source, meta)


def _leave(state: EmulatorState, source: Source, meta: EventMeta, action: UserAction) -> Event:
    return leave_event(source, meta)


def _decoded(text: str) -> bytes:
    payload = text.split(",", 1)[1] if text.startswith("data:") else text
    try:
        return base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError) as error:
        raise UserActionError("imageBase64 is not valid base64") from error


def _image_type(content: bytes) -> str:
    if content.startswith(b"\x89PNG"):
        return "image/png"
    if content.startswith(b"GIF8"):
        return "image/gif"
    return "image/jpeg"


Builder = Callable[[EmulatorState, Source, EventMeta, UserAction], Event]
BUILDERS: dict[str, Builder] = {
    "text": _text,
    "postback": _postback,
    "image": _image,
    "location": _location,
    "sticker": _sticker,
    "file": _file,
    "follow": _follow,
    "unfollow": _unfollow,
    "join": _join,
    "leave": _leave,
}
