"""An in-memory unit of work: the fake that core tests and contract tests run against."""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import fields, replace
from typing import Any

from core.errors import ConcurrentUpdate, DomainError, NotFound
from core.tickets.approval_state import Approval, ApprovalStep
from core.tickets.model import AuditEntry, Ticket, TicketStatus
from core.tickets.records import Attachment, Comment, TicketLink


class MemoryTickets:
    def __init__(self) -> None:
        self.rows: dict[int, Ticket] = {}

    def add(self, ticket: Ticket) -> Ticket:
        stored = replace(ticket, id=len(self.rows) + 1, version=1)
        self.rows[stored.id] = stored  # type: ignore[index]
        return copy.deepcopy(stored)

    def get(self, ticket_id: int) -> Ticket:
        if ticket_id not in self.rows:
            raise NotFound("ticket.not_found", id=ticket_id)
        return copy.deepcopy(self.rows[ticket_id])

    def get_by_number(self, number: str) -> Ticket | None:
        found = [t for t in self.rows.values() if t.number == number]
        return copy.deepcopy(found[0]) if found else None

    def save(self, ticket: Ticket) -> Ticket:
        assert ticket.id is not None
        if self.get(ticket.id).version != ticket.version:
            raise ConcurrentUpdate(number=ticket.number)
        stored = replace(ticket, version=ticket.version + 1)
        self.rows[ticket.id] = stored
        return copy.deepcopy(stored)

    def list_by_requester(self, requester_id: str, *, open_only: bool) -> Sequence[Ticket]:
        mine = [t for t in self.rows.values() if t.requester_id == requester_id]
        mine = [t for t in mine if t.is_open or not open_only]
        return [copy.deepcopy(t) for t in sorted(mine, key=lambda t: t.id or 0, reverse=True)]

    def children(self, parent_id: int) -> Sequence[Ticket]:
        return self._where(lambda t: t.parent_id == parent_id)

    def with_status(self, status: TicketStatus) -> Sequence[Ticket]:
        return self._where(lambda t: t.status is status)

    def by_asset(self, asset_no: str) -> Sequence[Ticket]:
        return self._where(lambda t: t.asset_no == asset_no)

    def _where(self, test: Callable[[Ticket], bool]) -> list[Ticket]:
        return [copy.deepcopy(t) for _, t in sorted(self.rows.items()) if test(t)]


class MemoryAudit:
    def __init__(self) -> None:
        self.entries: list[AuditEntry] = []

    def append(self, entry: AuditEntry) -> AuditEntry:
        stored = replace(entry, seq=len(self.entries) + 1)
        self.entries.append(stored)
        return stored

    def for_ticket(self, ticket_id: int) -> Sequence[AuditEntry]:
        return [e for e in self.entries if e.ticket_id == ticket_id]


class MemoryCounters:
    def __init__(self) -> None:
        self.values: dict[str, int] = {}

    def next(self, name: str) -> int:
        self.values[name] = self.values.get(name, 0) + 1
        return self.values[name]


class MemoryComments:
    def __init__(self) -> None:
        self.rows: list[Comment] = []

    def add(self, comment: Comment) -> Comment:
        stored = replace(comment, id=len(self.rows) + 1)
        self.rows.append(stored)
        return stored

    def for_ticket(self, ticket_id: int) -> Sequence[Comment]:
        return [c for c in self.rows if c.ticket_id == ticket_id]


class MemoryAttachments:
    def __init__(self) -> None:
        self.rows: list[Attachment] = []

    def add(self, attachment: Attachment) -> Attachment:
        message = attachment.line_message_id
        if message is not None and self.find_by_message(attachment.ticket_id, message):
            raise DomainError("attachment.duplicate", line_message_id=message)
        stored = replace(attachment, id=len(self.rows) + 1)
        self.rows.append(stored)
        return stored

    def for_ticket(self, ticket_id: int) -> Sequence[Attachment]:
        return [a for a in self.rows if a.ticket_id == ticket_id]

    def find_by_message(self, ticket_id: int, line_message_id: str) -> Attachment | None:
        found = (a for a in self.for_ticket(ticket_id) if a.line_message_id == line_message_id)
        return next(found, None)


class MemoryLinks:
    def __init__(self) -> None:
        self.rows: list[TicketLink] = []

    def add(self, link: TicketLink) -> TicketLink:
        same = (link.from_ticket_id, link.to_ticket_id, link.kind)
        if any((k.from_ticket_id, k.to_ticket_id, k.kind) == same for k in self.rows):
            raise DomainError("link.exists", kind=link.kind)
        stored = replace(link, id=len(self.rows) + 1)
        self.rows.append(stored)
        return stored

    def from_ticket(self, ticket_id: int) -> Sequence[TicketLink]:
        return [k for k in self.rows if k.from_ticket_id == ticket_id]

    def to_ticket(self, ticket_id: int) -> Sequence[TicketLink]:
        return [k for k in self.rows if k.to_ticket_id == ticket_id]


class MemoryApprovals:
    def __init__(self) -> None:
        self.rows: dict[int, Approval] = {}

    def add(self, approval: Approval) -> Approval:
        if approval.ticket_id in self.rows:
            raise DomainError("approval.exists", ticket_id=approval.ticket_id)
        self.rows[approval.ticket_id] = approval
        return approval

    def get(self, ticket_id: int) -> Approval:
        found = self.find(ticket_id)
        if found is None:
            raise NotFound("approval.not_found", ticket_id=ticket_id)
        return found

    def find(self, ticket_id: int) -> Approval | None:
        return self.rows.get(ticket_id)

    def save(self, changed: Approval, *, loaded: Approval) -> Approval:
        stored = self.get(changed.ticket_id)
        pairs = _changed_steps(changed, loaded)
        for before, _ in pairs:
            if stored.steps[before.index].version != before.version:
                raise ConcurrentUpdate(ticket_id=changed.ticket_id, step=before.key)
        for before, after in pairs:
            stored = stored.with_step(_merge(stored.steps[before.index], before, after))
        self.rows[changed.ticket_id] = stored
        return stored

    def waiting(self) -> Sequence[Approval]:
        pending = [a for a in self.rows.values() if a.current is not None]
        return sorted(pending, key=lambda a: a.ticket_id)


def _changed_steps(
    changed: Approval, loaded: Approval
) -> list[tuple[ApprovalStep, ApprovalStep]]:
    if len(changed.steps) != len(loaded.steps) or changed.ticket_id != loaded.ticket_id:
        raise ValueError("an approval is saved from the record it was loaded as")
    return [(b, a) for b, a in zip(loaded.steps, changed.steps, strict=True) if b != a]


def _merge(stored: ApprovalStep, before: ApprovalStep, after: ApprovalStep) -> ApprovalStep:
    """Apply to the stored step only what changed between `before` and `after`."""
    names = [f.name for f in fields(ApprovalStep)]
    return replace(
        stored, **{n: getattr(after, n) for n in names if getattr(after, n) != getattr(before, n)}
    )


class MemoryBlobStore:
    """Bytes by their sha256, never replaced."""

    def __init__(self) -> None:
        self.blobs: dict[str, bytes] = {}

    def put(self, content: bytes) -> str:
        name = hashlib.sha256(content).hexdigest()
        self.blobs.setdefault(name, bytes(content))
        return name

    def get(self, stored_path: str) -> bytes:
        if stored_path not in self.blobs:
            raise NotFound("blob.not_found", path=stored_path)
        return self.blobs[stored_path]


class MemoryUnitOfWork:
    """Commits are snapshots; rollback restores the last one, like a database would."""

    def __init__(self) -> None:
        self.tickets = MemoryTickets()
        self.audit = MemoryAudit()
        self.counters = MemoryCounters()
        self.comments = MemoryComments()
        self.attachments = MemoryAttachments()
        self.links = MemoryLinks()
        self.approvals = MemoryApprovals()
        self.committed = 0
        self._snapshot = self.snapshot()

    def _stores(self) -> tuple[Any, ...]:
        return (self.tickets, self.audit, self.counters, self.comments, self.attachments,
                self.links, self.approvals)

    def snapshot(self) -> list[dict[str, Any]]:
        """A deep copy of everything stored: equal snapshots mean nothing changed."""
        return [copy.deepcopy(vars(store)) for store in self._stores()]

    def commit(self) -> None:
        self._snapshot = self.snapshot()
        self.committed += 1

    def rollback(self) -> None:
        for store, saved in zip(self._stores(), self._snapshot, strict=True):
            vars(store).update(copy.deepcopy(saved))

