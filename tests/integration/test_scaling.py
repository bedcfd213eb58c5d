"""Several workers and instances: per-chat order holds, one scheduler leads."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import sqlalchemy as sa

from bot.leadership import Leadership
from core.clock import FixedClock
from tests.support.harness import Bot
from tests.support.line_events import postback_event, text_event

DEVICES = ("computer", "monitor", "printer", "scanner", "ups")


def test_concurrent_workers_keep_each_chats_order(database_url: str, clock: FixedClock) -> None:
    bot = Bot(database_url, clock)
    now, events = clock.now(), []
    users = [f"U{n:032x}" for n in range(len(DEVICES))]
    for user, device in zip(users, DEVICES, strict=True):
        events.append([text_event(user, "แจ้งซ่อม", now),
                       postback_event(user, f"a=ans&s=device&v={device}", now),
                       text_event(user, f"{device} เสีย ห้อง 12", now),
                       *(postback_event(user, f"a=ans&s={step}&v={value}", now)
                         for step, value in (("asset", "skip"), ("ownership", "owned"),
                                             ("photo", "skip"), ("confirm", "confirm")))])
    interleaved = [chat[i] for i in range(len(events[0])) for chat in events]
    assert bot.post(*interleaved).status_code == 200
    workers = 4 if database_url.startswith("postgresql") else 1
    with ThreadPoolExecutor(workers) as pool:
        handled = sum(pool.map(lambda _: bot.runtime.worker.drain(), range(workers)))
    assert handled == len(interleaved)
    tickets = {t.details["line_user_id"]: t.category for t in bot.tickets()}
    assert tickets == dict(zip(users, DEVICES, strict=True))


def test_only_one_instance_leads_the_scheduler_and_another_takes_over(
        engine: sa.Engine) -> None:
    events: list[str] = []
    first = Leadership(engine, lambda: events.append("first leads"),
                       lambda: events.append("first stops"))
    second = Leadership(engine, lambda: events.append("second leads"),
                        lambda: events.append("second stops"))
    assert first.check()
    if engine.dialect.name != "postgresql":
        assert events == ["first leads"]  # SQLite serves one instance, which always leads
        return
    assert not second.check()
    first.release()
    assert second.check()
    second.release()
    assert events == ["first leads", "second leads"]
