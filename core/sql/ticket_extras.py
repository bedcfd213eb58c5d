"""Comments, attachment metadata and ticket links in SQL: tables and their repositories."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, replace
from datetime import datetime

from sqlalchemy import Column, ColumnElement, UniqueConstraint
from sqlmodel import Field, Session, SQLModel, col, select

from core.errors import DomainError
from core.sql.columns import UTCDateTime
from core.tickets.records import Attachment, AttachmentKind, Comment, LinkKind, TicketLink


class CommentRow(SQLModel, table=True):
    __tablename__ = "ticket_comments"

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int = Field(foreign_key="tickets.id", index=True)
    author_id: str = Field(max_length=64)
    body: str
    internal: bool = False
    at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))


class AttachmentRow(SQLModel, table=True):
    """One row per file; the same LINE message is stored once per ticket."""

    __tablename__ = "ticket_attachments"
    __table_args__ = (
        UniqueConstraint("ticket_id", "line_message_id", name="uq_ticket_attachments_message"),
    )

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int = Field(foreign_key="tickets.id", index=True)
    kind: str = Field(max_length=16)
    content_type: str = Field(max_length=100)
    size: int
    sha256: str = Field(max_length=64, index=True)
    stored_path: str = Field(max_length=200)
    uploaded_by: str = Field(max_length=64)
    uploaded_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    line_message_id: str | None = Field(default=None, max_length=64)


class LinkRow(SQLModel, table=True):
    __tablename__ = "ticket_links"
    __table_args__ = (
        UniqueConstraint("from_ticket_id", "to_ticket_id", "kind", name="uq_ticket_links"),
    )

    id: int | None = Field(default=None, primary_key=True)
    from_ticket_id: int = Field(foreign_key="tickets.id", index=True)
    to_ticket_id: int = Field(foreign_key="tickets.id", index=True)
    kind: str = Field(max_length=24)
    created_by: str = Field(max_length=64)
    created_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))


class SqlComments:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, comment: Comment) -> Comment:
        row = CommentRow(**asdict(replace(comment, id=None)))
        self.session.add(row)
        self.session.flush()
        return replace(comment, id=row.id)

    def for_ticket(self, ticket_id: int) -> Sequence[Comment]:
        query = select(CommentRow).where(CommentRow.ticket_id == ticket_id)
        rows = self.session.exec(query.order_by(col(CommentRow.id))).all()
        return [Comment(**row.model_dump()) for row in rows]


def _attachment(row: AttachmentRow) -> Attachment:
    return Attachment(**{**row.model_dump(), "kind": AttachmentKind(row.kind)})


class SqlAttachments:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, attachment: Attachment) -> Attachment:
        message = attachment.line_message_id
        if message is not None and self.find_by_message(attachment.ticket_id, message):
            raise DomainError("attachment.duplicate", line_message_id=message)
        values = asdict(replace(attachment, id=None))
        row = AttachmentRow(**{**values, "kind": attachment.kind.value})
        self.session.add(row)
        self.session.flush()
        return replace(attachment, id=row.id)

    def for_ticket(self, ticket_id: int) -> Sequence[Attachment]:
        query = select(AttachmentRow).where(AttachmentRow.ticket_id == ticket_id)
        rows = self.session.exec(query.order_by(col(AttachmentRow.id))).all()
        return [_attachment(row) for row in rows]

    def find_by_message(self, ticket_id: int, line_message_id: str) -> Attachment | None:
        query = select(AttachmentRow).where(
            AttachmentRow.ticket_id == ticket_id, AttachmentRow.line_message_id == line_message_id
        )
        row = self.session.exec(query).first()
        return _attachment(row) if row else None


def _link(row: LinkRow) -> TicketLink:
    return TicketLink(**{**row.model_dump(), "kind": LinkKind(row.kind)})


class SqlLinks:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, link: TicketLink) -> TicketLink:
        same = (link.to_ticket_id, link.kind)
        if any((k.to_ticket_id, k.kind) == same for k in self.from_ticket(link.from_ticket_id)):
            raise DomainError("link.exists", kind=link.kind)
        row = LinkRow(**{**asdict(replace(link, id=None)), "kind": link.kind.value})
        self.session.add(row)
        self.session.flush()
        return replace(link, id=row.id)

    def from_ticket(self, ticket_id: int) -> Sequence[TicketLink]:
        return self._where(col(LinkRow.from_ticket_id) == ticket_id)

    def to_ticket(self, ticket_id: int) -> Sequence[TicketLink]:
        return self._where(col(LinkRow.to_ticket_id) == ticket_id)

    def _where(self, condition: ColumnElement[bool]) -> list[TicketLink]:
        rows = self.session.exec(select(LinkRow).where(condition).order_by(col(LinkRow.id))).all()
        return [_link(row) for row in rows]
