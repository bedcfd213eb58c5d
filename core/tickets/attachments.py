"""Files on a ticket: photos and documents checked against their limits, kept by fingerprint."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from core.clock import Clock
from core.errors import DomainError, ValidationFailed
from core.ports import BlobStore, UnitOfWork
from core.tickets.model import AuditEntry
from core.tickets.records import Attachment, AttachmentKind

MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class FileRule:
    """What one accepted content type is, how large it may be, and how its bytes begin."""

    kind: AttachmentKind
    max_bytes: int
    looks_right: Callable[[bytes], bool]


def _is_jpeg(content: bytes) -> bool:
    return content[:3] == b"\xff\xd8\xff"


def _is_png(content: bytes) -> bool:
    return content[:8] == b"\x89PNG\r\n\x1a\n"


def _is_webp(content: bytes) -> bool:
    return content[:4] == b"RIFF" and content[8:12] == b"WEBP"


def _is_pdf(content: bytes) -> bool:
    return content[:5] == b"%PDF-"


# LINE accepts images up to 10 MB; a PDF (a memo, a quotation) may be larger.
RULES: dict[str, FileRule] = {
    "image/jpeg": FileRule(AttachmentKind.PHOTO, 10 * MEGABYTE, _is_jpeg),
    "image/png": FileRule(AttachmentKind.PHOTO, 10 * MEGABYTE, _is_png),
    "image/webp": FileRule(AttachmentKind.PHOTO, 10 * MEGABYTE, _is_webp),
    "application/pdf": FileRule(AttachmentKind.DOCUMENT, 20 * MEGABYTE, _is_pdf),
}


def media_type(content_type: str) -> str:
    """The bare, lower-case media type of a Content-Type value ("image/jpeg")."""
    return content_type.split(";", 1)[0].strip().lower()


@dataclass(frozen=True)
class AttachFile:
    """A file someone sent for a ticket; `line_message_id` when it came as a LINE message."""

    ticket_id: int
    content: bytes
    content_type: str
    uploaded_by: str
    line_message_id: str | None = None


def check_file(content_type: str, content: bytes) -> FileRule:
    """The rule the file passes, or a ValidationFailed naming what is wrong with it."""
    declared = media_type(content_type)
    rule = RULES.get(declared)
    if rule is None:
        raise ValidationFailed("attachment.unsupported_type", content_type=declared)
    if not content:
        raise ValidationFailed("attachment.empty")
    if len(content) > rule.max_bytes:
        limit_mb = rule.max_bytes // MEGABYTE
        raise ValidationFailed("attachment.too_large", limit_mb=limit_mb, size=len(content))
    if not rule.looks_right(content):
        # The bytes must be what the label says: a renamed program is not a photo.
        raise ValidationFailed("attachment.content_mismatch", content_type=declared)
    return rule


def attach_file(
    cmd: AttachFile, *, uow: UnitOfWork, blobs: BlobStore, clock: Clock
) -> Attachment:
    """Keep a file of an open ticket and audit it; the same LINE message is attached only once."""
    rule = check_file(cmd.content_type, cmd.content)
    ticket = uow.tickets.get(cmd.ticket_id)
    if not ticket.is_open:
        raise DomainError("attachment.ticket_finished", number=ticket.number, status=ticket.status)
    if cmd.line_message_id is not None:
        earlier = uow.attachments.find_by_message(cmd.ticket_id, cmd.line_message_id)
        if earlier is not None:
            return earlier
    # Bytes go first: if the transaction then rolls back, the blob is an orphan that the
    # next attempt reuses (same fingerprint), never a record pointing at nothing.
    stored_path = blobs.put(cmd.content)
    now = clock.now()
    attachment = uow.attachments.add(_record(cmd, rule, stored_path, now))
    after = {"attachment_id": attachment.id, "kind": rule.kind.value, "sha256": attachment.sha256}
    uow.audit.append(AuditEntry(cmd.ticket_id, now, cmd.uploaded_by, "attached", {}, after))
    return attachment


def _record(cmd: AttachFile, rule: FileRule, stored_path: str, at: datetime) -> Attachment:
    return Attachment(
        ticket_id=cmd.ticket_id,
        kind=rule.kind,
        content_type=media_type(cmd.content_type),
        size=len(cmd.content),
        sha256=hashlib.sha256(cmd.content).hexdigest(),
        stored_path=stored_path,
        uploaded_by=cmd.uploaded_by,
        uploaded_at=at,
        line_message_id=cmd.line_message_id,
    )
