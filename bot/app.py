"""create_app(settings): the FastAPI app; its lifespan runs the worker, sender and scheduler."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from datetime import timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from sqlmodel import Session

from bot import webhook
from bot.db import make_engine
from bot.i18n import load_translator
from bot.leadership import Leadership
from bot.line_port import LineMessenger, Messenger
from bot.runtime import Runtime
from bot.scheduler import build_scheduler
from bot.sender import OutboxSender
from bot.settings import Settings
from bot.store.inbox import pending_count
from bot.store.outbox import unsent_count
from bot.turn import TurnSettings
from bot.worker import InboxWorker
from core.clock import Clock, SystemClock
from core.tickets.catalogue_loader import load_catalogue

log = logging.getLogger(__name__)


def build_runtime(settings: Settings, clock: Clock | None = None,
                  messenger: Messenger | None = None) -> Runtime:
    """Everything the app needs; fails fast on missing secrets, catalog or catalogue."""
    secret, token = settings.require_line_secrets()
    catalogue = load_catalogue(settings.helpdesk_catalogue)
    clock = clock or SystemClock()
    engine = make_engine(settings.database_url)
    t = load_translator(settings.locale_dir, settings.helpdesk_tz)
    turn_settings = TurnSettings(timedelta(minutes=settings.dialog_timeout_minutes),
                                 timedelta(seconds=settings.reply_token_fresh_seconds),
                                 catalogue)
    messenger = messenger or LineMessenger(settings.line_api_base, token,
                                           settings.line_request_timeout_seconds)
    sender = OutboxSender(engine, messenger, clock, max_attempts=settings.sender_max_attempts)
    worker = InboxWorker(engine, t, clock, turn_settings, max_attempts=settings.worker_max_attempts,
                         on_outbox=sender.wake.set)
    return Runtime(settings, secret, engine, t, clock, worker, sender)


def create_app(settings: Settings, *, clock: Clock | None = None,
               messenger: Messenger | None = None) -> FastAPI:
    runtime = build_runtime(settings, clock, messenger)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        scheduler = build_scheduler(runtime.engine, runtime.clock, settings.helpdesk_tz)
        tasks = _background_tasks(runtime, scheduler) if settings.start_workers else []
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            if scheduler.running:
                scheduler.shutdown(wait=False)
            await runtime.sender.messenger.close()
            runtime.engine.dispose()

    app = FastAPI(title="Help desk LINE bot", lifespan=lifespan)
    app.state.runtime = runtime
    app.include_router(webhook.router)
    _add_health(app, runtime)
    return app


def _background_tasks(runtime: Runtime, scheduler: AsyncIOScheduler) -> list[asyncio.Task[None]]:
    """Inbox workers (several only on PostgreSQL), the sender, and the scheduler's leadership."""
    settings, poll = runtime.settings, runtime.settings.worker_poll_seconds
    workers = settings.worker_concurrency if runtime.engine.dialect.name == "postgresql" else 1
    leadership = Leadership(runtime.engine, on_gain=lambda: _resume(scheduler),
                            on_loss=lambda: scheduler.pause())
    return [
        *(asyncio.create_task(runtime.worker.run(poll), name=f"inbox-worker-{n}")
          for n in range(workers)),
        asyncio.create_task(runtime.sender.run(poll), name="outbox-sender"),
        asyncio.create_task(leadership.run(settings.leadership_check_seconds), name="leadership"),
    ]


def _resume(scheduler: AsyncIOScheduler) -> None:
    if scheduler.running:
        scheduler.resume()
    else:
        scheduler.start()


def _add_health(app: FastAPI, runtime: Runtime) -> None:
    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz")
    async def readyz() -> JSONResponse:
        try:
            backlog = await asyncio.to_thread(_backlog, runtime)
        except Exception as error:  # any driver error means "not ready"
            return JSONResponse({"status": "unavailable", "database": str(error)[:200]}, 503)
        return JSONResponse({"status": "ready", **backlog})


def _backlog(runtime: Runtime) -> dict[str, int]:
    """Reaching the database, and how much work waits: events to handle, messages to send."""
    with Session(runtime.engine) as session:
        return {"inbox_pending": pending_count(session), "outbox_unsent": unsent_count(session)}
