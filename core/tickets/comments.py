"""Comments on a ticket: the requester and IT talk about it; IT may keep internal notes."""

from __future__ import annotations

from collections.abc import Sequence

from core.clock import Clock
from core.errors import DomainError, PermissionDenied, ValidationFailed
from core.ports import UnitOfWork
from core.tickets.model import AuditEntry
from core.tickets.records import Comment

# Well under LINE's 5000 characters per text message, so a comment always fits one bubble.
MAX_COMMENT = 2000


def add_comment(
    ticket_id: int,
    author_id: str,
    body: str,
    *,
    uow: UnitOfWork,
    clock: Clock,
    internal: bool = False,
) -> Comment:
    """Store a comment on an open ticket and audit it; the requester writes no internal notes."""
    text = body.strip()
    if not text:
        raise ValidationFailed("comment.empty")
    if len(text) > MAX_COMMENT:
        raise ValidationFailed("comment.too_long", limit=MAX_COMMENT)
    ticket = uow.tickets.get(ticket_id)
    if not ticket.is_open:
        raise DomainError("comment.ticket_finished", number=ticket.number, status=ticket.status)
    if internal and author_id == ticket.requester_id:
        raise PermissionDenied("comment.internal_by_requester", number=ticket.number)
    now = clock.now()
    stored = uow.comments.add(Comment(ticket_id, author_id, text, now, internal=internal))
    after = {"comment_id": stored.id, "internal": internal}
    uow.audit.append(AuditEntry(ticket_id, now, author_id, "commented", {}, after))
    return stored


def comments_for(
    ticket_id: int, *, uow: UnitOfWork, include_internal: bool
) -> Sequence[Comment]:
    """A ticket's comments, oldest first; the requester's view leaves internal notes out."""
    return [c for c in uow.comments.for_ticket(ticket_id) if include_internal or not c.internal]
