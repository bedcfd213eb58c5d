"""What is kept beside a ticket: its comments, attachment metadata and links, as plain values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


@dataclass(frozen=True)
class Comment:
    """A note on a ticket; `internal` notes are for IT staff and never shown to the requester."""

    ticket_id: int
    author_id: str
    body: str
    at: datetime
    internal: bool = False
    id: int | None = None


class AttachmentKind(StrEnum):
    PHOTO = "photo"
    DOCUMENT = "document"


@dataclass(frozen=True)
class Attachment:
    """A stored file of a ticket: what it is, its fingerprint, where its bytes are and who sent it.

    `stored_path` is the blob store's name for the bytes (content-addressed by `sha256`);
    `line_message_id` is the LINE message the file came from, when it came through chat.
    """

    ticket_id: int
    kind: AttachmentKind
    content_type: str
    size: int
    sha256: str
    stored_path: str
    uploaded_by: str
    uploaded_at: datetime
    line_message_id: str | None = None
    id: int | None = None


class LinkKind(StrEnum):
    """How one ticket relates to another (`from` → `to`)."""

    DUPLICATE_OF = "duplicate_of"
    CHILD_OF_OUTAGE = "child_of_outage"
    PREVIOUS_REPAIR = "previous_repair"
    RELATED = "related"


@dataclass(frozen=True)
class TicketLink:
    from_ticket_id: int
    to_ticket_id: int
    kind: LinkKind
    created_by: str
    created_at: datetime
    id: int | None = None
