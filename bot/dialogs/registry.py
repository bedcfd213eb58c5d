"""Every dialog the bot knows, by name: the shell looks sessions up here."""

from __future__ import annotations

from bot.dialogs.engine import Dialog
from bot.dialogs.repair import REPAIR

DIALOGS: dict[str, Dialog] = {dialog.name: dialog for dialog in (REPAIR,)}
