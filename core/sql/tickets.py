"""SQL repositories for tickets, the audit log and numbering counters."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, replace

from sqlalchemy import ColumnElement, update
from sqlmodel import Session, col, select

from core.errors import ConcurrentUpdate, NotFound
from core.sql.statements import insert_or_ignore
from core.sql.tables import AuditRow, CounterRow, TicketRow
from core.tickets.model import (
    OPEN_STATUSES,
    AuditEntry,
    PendingReason,
    Priority,
    Ticket,
    TicketStatus,
)


def _to_row(ticket: Ticket) -> TicketRow:
    values = asdict(ticket)
    values["status"] = ticket.status.value
    values["priority"] = ticket.priority.value
    values["pending_reason"] = ticket.pending_reason.value if ticket.pending_reason else None
    return TicketRow(**values)


def _to_ticket(row: TicketRow) -> Ticket:
    values = row.model_dump()
    values["status"] = TicketStatus(row.status)
    values["priority"] = Priority(row.priority)
    values["pending_reason"] = PendingReason(row.pending_reason) if row.pending_reason else None
    values["details"] = dict(row.details or {})
    return Ticket(**values)


class SqlTickets:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, ticket: Ticket) -> Ticket:
        row = _to_row(replace(ticket, id=None, version=1))
        self.session.add(row)
        self.session.flush()
        return _to_ticket(row)

    def get(self, ticket_id: int) -> Ticket:
        row = self.session.get(TicketRow, ticket_id, populate_existing=True)
        if row is None:
            raise NotFound("ticket.not_found", id=ticket_id)
        return _to_ticket(row)

    def get_by_number(self, number: str) -> Ticket | None:
        row = self.session.exec(select(TicketRow).where(TicketRow.number == number)).first()
        return _to_ticket(row) if row else None

    def save(self, ticket: Ticket) -> Ticket:
        """Compare-and-set on `version`: the row changes only if nobody changed it first."""
        values = {k: v for k, v in _to_row(ticket).model_dump().items() if k != "id"}
        values["version"] = ticket.version + 1
        result = self.session.connection().execute(
            update(TicketRow)
            .where(col(TicketRow.id) == ticket.id, col(TicketRow.version) == ticket.version)
            .values(**values)
        )
        if result.rowcount != 1:
            raise ConcurrentUpdate(number=ticket.number)
        self.session.expire_all()
        return replace(ticket, version=ticket.version + 1)

    def list_by_requester(self, requester_id: str, *, open_only: bool) -> Sequence[Ticket]:
        query = select(TicketRow).where(TicketRow.requester_id == requester_id)
        if open_only:
            query = query.where(col(TicketRow.status).in_([s.value for s in OPEN_STATUSES]))
        rows = self.session.exec(query.order_by(col(TicketRow.id).desc())).all()
        return [_to_ticket(row) for row in rows]

    def children(self, parent_id: int) -> Sequence[Ticket]:
        return self._where(col(TicketRow.parent_id) == parent_id)

    def with_status(self, status: TicketStatus) -> Sequence[Ticket]:
        return self._where(col(TicketRow.status) == status.value)

    def by_asset(self, asset_no: str) -> Sequence[Ticket]:
        return self._where(col(TicketRow.asset_no) == asset_no)

    def _where(self, condition: ColumnElement[bool]) -> list[Ticket]:
        query = select(TicketRow).where(condition).order_by(col(TicketRow.id))
        return [_to_ticket(row) for row in self.session.exec(query).all()]


class SqlAudit:
    def __init__(self, session: Session) -> None:
        self.session = session

    def append(self, entry: AuditEntry) -> AuditEntry:
        row = AuditRow(**{**asdict(entry), "seq": None})
        self.session.add(row)
        self.session.flush()
        return replace(entry, seq=row.seq)

    def for_ticket(self, ticket_id: int) -> Sequence[AuditEntry]:
        query = select(AuditRow).where(AuditRow.ticket_id == ticket_id).order_by(col(AuditRow.seq))
        return [AuditEntry(**row.model_dump()) for row in self.session.exec(query).all()]


class SqlCounters:
    """Row-locked increment: concurrent openers queue on the row, so numbers have no gaps."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def next(self, name: str) -> int:
        connection = self.session.connection()
        connection.execute(insert_or_ignore(connection, CounterRow, {"name": name, "value": 0}))
        result = connection.execute(
            update(CounterRow)
            .where(col(CounterRow.name) == name)
            .values(value=col(CounterRow.value) + 1)
            .returning(col(CounterRow.value))
        )
        return int(result.scalar_one())


__all__ = ["SqlAudit", "SqlCounters", "SqlTickets"]
