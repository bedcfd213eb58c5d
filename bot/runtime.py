"""What the running app holds: settings, database engine, translator, clock, workers."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from bot.i18n import Translator
from bot.sender import OutboxSender
from bot.settings import Settings
from bot.worker import InboxWorker
from core.clock import Clock


@dataclass
class Runtime:
    settings: Settings
    channel_secret: str
    engine: Engine
    t: Translator
    clock: Clock
    worker: InboxWorker
    sender: OutboxSender

    def wake_worker(self) -> None:
        self.worker.wake.set()
