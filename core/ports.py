"""What the core needs from storage: repository and unit-of-work protocols."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from core.tickets.model import AuditEntry, Ticket


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


class AuditLog(Protocol):
    def append(self, entry: AuditEntry) -> AuditEntry: ...

    def for_ticket(self, ticket_id: int) -> Sequence[AuditEntry]:
        """Oldest first."""
        ...


class Counters(Protocol):
    def next(self, name: str) -> int:
        """The next value of a named gap-free sequence, inside the current transaction."""
        ...


class UnitOfWork(Protocol):
    """One transaction's view of storage. The caller decides when to commit."""

    @property
    def tickets(self) -> TicketRepository: ...

    @property
    def audit(self) -> AuditLog: ...

    @property
    def counters(self) -> Counters: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...
