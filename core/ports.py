"""What the core needs from storage: repository and unit-of-work protocols."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from core.tickets.approval_state import Approval
from core.tickets.model import AuditEntry, Ticket, TicketStatus
from core.tickets.records import Attachment, Comment, TicketLink


class TicketRepository(Protocol):
    def add(self, ticket: Ticket) -> Ticket:
        """Store a new ticket; the returned copy carries its id."""
        ...

    def get(self, ticket_id: int) -> Ticket:
        """The ticket, or NotFound."""
        ...

    def get_by_number(self, number: str) -> Ticket | None: ...

    def save(self, ticket: Ticket) -> Ticket:
        """Store a change made to a loaded ticket.

        `ticket.version` must still be the stored version (else ConcurrentUpdate); the
        returned copy carries the next version.
        """
        ...

    def list_by_requester(self, requester_id: str, *, open_only: bool) -> Sequence[Ticket]:
        """Newest first."""
        ...

    def children(self, parent_id: int) -> Sequence[Ticket]:
        """The sub-tasks of a ticket, oldest first."""
        ...

    def with_status(self, status: TicketStatus) -> Sequence[Ticket]:
        """Every ticket in one status, oldest first (the auto-close scan reads `resolved`)."""
        ...

    def by_asset(self, asset_no: str) -> Sequence[Ticket]:
        """Every ticket about one asset number, oldest first (the repair guarantee reads it)."""
        ...


class AuditLog(Protocol):
    def append(self, entry: AuditEntry) -> AuditEntry: ...

    def for_ticket(self, ticket_id: int) -> Sequence[AuditEntry]:
        """Oldest first."""
        ...


class Counters(Protocol):
    def next(self, name: str) -> int:
        """The next value of a named gap-free sequence, inside the current transaction."""
        ...


class CommentRepository(Protocol):
    def add(self, comment: Comment) -> Comment:
        """Store a new comment; the returned copy carries its id. Comments are never edited."""
        ...

    def for_ticket(self, ticket_id: int) -> Sequence[Comment]:
        """Oldest first."""
        ...


class AttachmentRepository(Protocol):
    def add(self, attachment: Attachment) -> Attachment:
        """Store new metadata; a second file from the same LINE message of the same ticket is
        refused (`attachment.duplicate`) and the first stays as it was."""
        ...

    def for_ticket(self, ticket_id: int) -> Sequence[Attachment]:
        """Oldest first."""
        ...

    def find_by_message(self, ticket_id: int, line_message_id: str) -> Attachment | None: ...


class LinkRepository(Protocol):
    def add(self, link: TicketLink) -> TicketLink:
        """Store a new link; the same (from, to, kind) twice is refused (`link.exists`)."""
        ...

    def from_ticket(self, ticket_id: int) -> Sequence[TicketLink]:
        """Links this ticket makes to others, oldest first."""
        ...

    def to_ticket(self, ticket_id: int) -> Sequence[TicketLink]:
        """Links other tickets make to this one (its duplicates, its outage's reports…)."""
        ...


class ApprovalRepository(Protocol):
    def add(self, approval: Approval) -> Approval:
        """Store the approval record of a ticket that has none yet (`approval.exists`)."""
        ...

    def get(self, ticket_id: int) -> Approval:
        """The approval record, or NotFound (`approval.not_found`)."""
        ...

    def find(self, ticket_id: int) -> Approval | None: ...

    def save(self, changed: Approval, *, loaded: Approval) -> Approval:
        """Store `changed`, made from `loaded` as it was read.

        Every step that differs is written only if its stored version is still `loaded`'s
        (else ConcurrentUpdate), so of two approvers tapping the same card one decision
        counts. Only the parts of a step that changed are written: a reminder and a
        decision saved one after the other never undo each other.
        """
        ...

    def waiting(self) -> Sequence[Approval]:
        """Approvals with a step still waiting for a decision (the reminder scan reads them)."""
        ...


class BlobStore(Protocol):
    """Where attachment bytes live, named by their sha256; nothing stored is ever overwritten."""

    def put(self, content: bytes) -> str:
        """Keep `content`; returns its stored path. Storing the same bytes again changes nothing."""
        ...

    def get(self, stored_path: str) -> bytes:
        """The bytes, checked against their name (`blob.corrupt`), or NotFound."""
        ...


class UnitOfWork(Protocol):
    """One transaction's view of storage. The caller decides when to commit."""

    @property
    def tickets(self) -> TicketRepository: ...

    @property
    def audit(self) -> AuditLog: ...

    @property
    def counters(self) -> Counters: ...

    @property
    def comments(self) -> CommentRepository: ...

    @property
    def attachments(self) -> AttachmentRepository: ...

    @property
    def links(self) -> LinkRepository: ...

    @property
    def approvals(self) -> ApprovalRepository: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...
