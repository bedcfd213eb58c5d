"""Fixtures every suite shares: compiled catalog, translator, clock, databases."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.db import make_engine
from bot.i18n import Translator, compile_catalogs, load_translator
from core.clock import FixedClock
from tests.support import databases

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "locale"


@pytest.fixture(scope="session", autouse=True)
def compiled_catalog() -> None:
    compile_catalogs(LOCALE)


@pytest.fixture
def t() -> Translator:
    return load_translator(LOCALE)


@pytest.fixture
def clock() -> FixedClock:
    # A Wednesday morning in Bangkok (09:00 +07), B.E. 2569.
    return FixedClock(datetime(2026, 11, 25, 2, 0, tzinfo=UTC))


@pytest.fixture(scope="session")
def pg_reason() -> str | None:
    if "postgresql" not in databases.selected():
        return "not selected"
    return databases.pg_unavailable_reason()


@pytest.fixture(params=databases.DATABASES)
def database_url(request: pytest.FixtureRequest, tmp_path: Path,
                 pg_reason: str | None) -> Iterator[str]:
    yield from databases.database_urls(request.param, tmp_path, pg_reason)


@pytest.fixture
def engine(database_url: str) -> Iterator[sa.Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()
