"""The SQL unit of work: the core's repositories bound to one SQLModel session."""

from __future__ import annotations

from sqlmodel import Session

from core.sql.approvals import SqlApprovals
from core.sql.ticket_extras import SqlAttachments, SqlComments, SqlLinks
from core.sql.tickets import SqlAudit, SqlCounters, SqlTickets


class SqlUnitOfWork:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.tickets = SqlTickets(session)
        self.audit = SqlAudit(session)
        self.counters = SqlCounters(session)
        self.comments = SqlComments(session)
        self.attachments = SqlAttachments(session)
        self.links = SqlLinks(session)
        self.approvals = SqlApprovals(session)

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()
