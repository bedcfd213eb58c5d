"""LINE users the bot has met, and whether they are still friends of the bot."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.store.tables import LineUserRow


class LineUsers:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, user_id: str) -> LineUserRow | None:
        return self.session.get(LineUserRow, user_id)

    def befriend(self, user_id: str, now: datetime, *, friend: bool = True) -> LineUserRow:
        row = self.get(user_id)
        if row is None:
            row = LineUserRow(user_id=user_id, first_seen_at=now, updated_at=now)
        row.is_friend, row.updated_at = friend, now
        self.session.add(row)
        return row
