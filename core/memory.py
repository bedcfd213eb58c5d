"""An in-memory unit of work: the fake that core tests and contract tests run against."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import replace

from core.errors import ConcurrentUpdate, NotFound
from core.tickets.model import AuditEntry, Ticket


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


class MemoryUnitOfWork:
    """Commits are snapshots; rollback restores the last one, like a database would."""

    def __init__(self) -> None:
        self.tickets = MemoryTickets()
        self.audit = MemoryAudit()
        self.counters = MemoryCounters()
        self.committed = 0
        self._snapshot = self._take()

    def _take(self) -> tuple[dict[int, Ticket], list[AuditEntry], dict[str, int]]:
        return (
            copy.deepcopy(self.tickets.rows),
            list(self.audit.entries),
            dict(self.counters.values),
        )

    def commit(self) -> None:
        self._snapshot = self._take()
        self.committed += 1

    def rollback(self) -> None:
        rows, entries, values = copy.deepcopy(self._snapshot)
        self.tickets.rows, self.audit.entries, self.counters.values = rows, entries, values
