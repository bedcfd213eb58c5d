"""One event's handling: the inbound event, its transaction, and the replies it builds."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property
from typing import Any

from sqlmodel import Session

from bot.chat import Inbound
from bot.i18n import Translator
from bot.store.line_users import LineUsers
from bot.store.outbox import Outbox
from bot.store.sessions import DialogSessions
from core.clock import Clock
from core.directory.model import Person
from core.sql.directory import SqlDirectory
from core.sql.uow import SqlUnitOfWork
from core.tickets.catalogue import Catalogue


@dataclass(frozen=True)
class TurnSettings:
    dialog_timeout: timedelta
    reply_fresh_for: timedelta
    catalogue: Catalogue


@dataclass
class Turn:
    """Everything a handler may use; every write goes through `session` and commits once."""

    inbound: Inbound
    session: Session
    t: Translator
    clock: Clock
    settings: TurnSettings
    now: datetime
    replies: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.uow = SqlUnitOfWork(self.session)
        self.outbox = Outbox(self.session, self.now, source_event_id=self.inbound.event_id)
        self.dialogs = DialogSessions(self.session)
        self.users = LineUsers(self.session)

    def say(self, *messages: dict[str, Any]) -> None:
        self.replies.extend(messages)

    @property
    def catalogue(self) -> Catalogue:
        return self.settings.catalogue

    @property
    def user_id(self) -> str:
        return self.inbound.user_id or self.inbound.chat.id

    @cached_property
    def person(self) -> Person | None:
        """The staff member behind this LINE user, if the directory knows them."""
        return SqlDirectory(self.session).person_for_line_user(self.user_id)

    @property
    def requester_id(self) -> str:
        """The person's id; a LINE user not (yet) in the directory is known by the LINE id."""
        return self.person.id if self.person else f"line:{self.user_id}"

    def flush_replies(self) -> None:
        """Queue the replies; the token is worth using only while LINE still accepts it."""
        if not self.replies:
            return
        deadline = min(self.inbound.at, self.now) + self.settings.reply_fresh_for
        self.outbox.reply(self.inbound.chat.id, self.inbound.reply_token, deadline, self.replies)
        self.replies = []
