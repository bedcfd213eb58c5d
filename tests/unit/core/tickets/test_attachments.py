"""Photos and documents sent for a ticket: limits, fingerprints, and one copy per LINE message."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pytest

from core.clock import FixedClock
from core.errors import ValidationFailed
from core.memory import MemoryBlobStore, MemoryUnitOfWork
from core.tickets.attachments import MEGABYTE, AttachFile, attach_file
from core.tickets.records import Attachment, AttachmentKind
from tests.support.desk import REQUESTER, open_repair

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 60
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 60
PDF = b"%PDF-1.7\n"


@dataclass
class Desk:
    uow: MemoryUnitOfWork
    blobs: MemoryBlobStore
    clock: FixedClock
    ticket_id: int

    def send(self, content: bytes, content_type: str,
             message_id: str | None = "5000000001") -> Attachment:
        cmd = AttachFile(self.ticket_id, content, content_type, REQUESTER, message_id)
        return attach_file(cmd, uow=self.uow, blobs=self.blobs, clock=self.clock)


@pytest.fixture
def desk(clock: FixedClock) -> Desk:
    uow = MemoryUnitOfWork()
    ticket = open_repair(uow, clock)
    assert ticket.id is not None
    return Desk(uow, MemoryBlobStore(), clock, ticket.id)


def test_a_photo_from_line_is_kept_with_its_fingerprint(desk: Desk) -> None:
    stored = desk.send(JPEG, "image/jpeg")
    assert (stored.kind, stored.size, stored.sha256) == (
        AttachmentKind.PHOTO, len(JPEG), hashlib.sha256(JPEG).hexdigest(),
    )
    assert desk.blobs.get(stored.stored_path) == JPEG
    assert desk.uow.audit.for_ticket(desk.ticket_id)[-1].action == "attached"


def test_an_image_larger_than_10_mb_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationFailed) as refused:
        desk.send(PNG + b"\x00" * (10 * MEGABYTE), "image/png")
    assert (refused.value.code, refused.value.params["limit_mb"]) == ("attachment.too_large", 10)
    assert desk.blobs.blobs == {}


def test_a_pdf_of_20_mb_is_accepted_as_a_document(desk: Desk) -> None:
    memo = PDF + b"\x00" * (20 * MEGABYTE - len(PDF))
    assert desk.send(memo, "application/pdf", None).kind is AttachmentKind.DOCUMENT


def test_a_gif_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationFailed) as refused:
        desk.send(b"GIF89a", "image/gif")
    assert refused.value.code == "attachment.unsupported_type"


def test_bytes_that_are_not_what_their_label_says_are_refused(desk: Desk) -> None:
    with pytest.raises(ValidationFailed) as refused:
        desk.send(b"MZ\x90\x00program", "image/jpeg")
    assert refused.value.code == "attachment.content_mismatch"


def test_the_same_line_message_is_attached_only_once(desk: Desk) -> None:
    first = desk.send(JPEG, "image/jpeg")
    again = desk.send(JPEG, "image/jpeg")
    assert again == first
    assert len(desk.uow.attachments.for_ticket(desk.ticket_id)) == 1
