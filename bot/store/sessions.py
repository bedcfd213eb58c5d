"""Dialog sessions as rows: one per person per chat, with a version and an expiry."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.dialogs.engine import Session as DialogSession
from bot.store.tables import DialogSessionRow


class DialogSessions:
    def __init__(self, session: Session) -> None:
        self.session = session

    def load(self, chat_key: str, user_id: str) -> DialogSession | None:
        row = self.session.get(DialogSessionRow, (chat_key, user_id))
        if row is None:
            return None
        return DialogSession(row.dialog, row.state, dict(row.data), row.version, row.expires_at)

    def save(self, chat_key: str, user_id: str, value: DialogSession, now: datetime) -> None:
        row = self.session.get(DialogSessionRow, (chat_key, user_id))
        if row is None:
            row = DialogSessionRow(chat_key=chat_key, user_id=user_id, dialog=value.dialog,
                                   state=value.state, updated_at=now, expires_at=value.expires_at)
        row.dialog, row.state, row.data = value.dialog, value.state, dict(value.data)
        row.version, row.updated_at, row.expires_at = value.version, now, value.expires_at
        self.session.add(row)

    def clear(self, chat_key: str, user_id: str) -> bool:
        row = self.session.get(DialogSessionRow, (chat_key, user_id))
        if row is None:
            return False
        self.session.delete(row)
        return True
