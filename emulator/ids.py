"""Identifiers shaped like LINE's: message ids, reply tokens, webhook event ids, request ids."""

from __future__ import annotations

import re
import secrets
import uuid

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_LINE_CHAT_ID = re.compile(r"^[UCR][0-9a-f]{32}$")
_UUID_TEXT = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)


def new_message_id() -> str:
    """LINE message ids are decimal numbers of about 18 digits, sent as strings."""
    return str(secrets.randbelow(9 * 10**17) + 10**17)


def new_reply_token() -> str:
    return secrets.token_hex(16)


def new_quote_token() -> str:
    return secrets.token_urlsafe(24)


def new_request_id() -> str:
    return str(uuid.uuid4())


def new_rich_menu_id() -> str:
    return f"richmenu-{secrets.token_hex(16)}"


def new_image_set_id() -> str:
    return secrets.token_hex(10).upper()


def new_webhook_event_id(now_ms: int) -> str:
    """A ULID (26 Crockford base-32 characters): 48 bits of time, 80 random bits."""
    value = ((now_ms & (2**48 - 1)) << 80) | secrets.randbits(80)
    return "".join(_CROCKFORD[(value >> shift) & 31] for shift in range(125, -1, -5))


def looks_like_chat_id(value: str) -> bool:
    """User, group and room ids are U/C/R followed by 32 lowercase hex digits."""
    return bool(_LINE_CHAT_ID.match(value))


def is_uuid(value: str) -> bool:
    """`X-Line-Retry-Key` must be "a hexadecimal UUID" in its 8-4-4-4-12 text form."""
    return bool(_UUID_TEXT.match(value))
