"""Test databases: a SQLite file per test, and a fresh PostgreSQL database per test.

PostgreSQL is found at HELPDESK_TEST_PG_URL (default: the local server, trust auth). Without
it the PostgreSQL variants skip, saying why; with HELPDESK_REQUIRE_PG=1 (CI) they fail.
HELPDESK_TEST_DATABASES limits the run to a comma-separated subset of sqlite,postgresql.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.db import make_engine, normalise_url, upgrade

PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/postgres"
DATABASES = ("sqlite", "postgresql")


def selected() -> set[str]:
    return set(os.environ.get("HELPDESK_TEST_DATABASES", ",".join(DATABASES)).split(","))


def pg_required() -> bool:
    return os.environ.get("HELPDESK_REQUIRE_PG") == "1"


def pg_admin_url() -> str:
    return normalise_url(os.environ.get("HELPDESK_TEST_PG_URL", PG_DEFAULT))


def pg_unavailable_reason() -> str | None:
    engine = sa.create_engine(pg_admin_url(), connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    except sa.exc.OperationalError as error:
        first = str(error).splitlines()[0]
        return f"PostgreSQL not reachable at {pg_admin_url()} ({first})"
    finally:
        engine.dispose()
    return None


def skip_or_fail(reason: str) -> None:
    if pg_required():
        pytest.fail(f"HELPDESK_REQUIRE_PG=1 but {reason}")
    pytest.skip(f"{reason}; set HELPDESK_TEST_PG_URL to run the PostgreSQL suite")


def _pg_admin() -> sa.Engine:
    return sa.create_engine(pg_admin_url(), isolation_level="AUTOCOMMIT")


def fresh_pg_database() -> Iterator[str]:
    name = f"helpdesk_test_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin()
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = pg_admin_url().rsplit("/", 1)[0] + f"/{name}"
    try:
        upgrade(url)
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def fresh_sqlite_database(folder: Path) -> str:
    url = f"sqlite:///{folder / 'helpdesk.db'}"
    upgrade(url)
    return url


def database_urls(kind: str, folder: Path, pg_reason: str | None) -> Iterator[str]:
    """A migrated database of `kind`, skipping (or failing in CI) where it cannot run."""
    if kind not in selected():
        pytest.skip(f"{kind} not in HELPDESK_TEST_DATABASES")
    if kind == "sqlite":
        yield fresh_sqlite_database(folder)
        return
    if pg_reason:
        skip_or_fail(pg_reason)
    yield from fresh_pg_database()


@contextlib.contextmanager
def database_engine(kind: str, folder: Path, pg_reason: str | None) -> Iterator[sa.Engine]:
    for url in database_urls(kind, folder, pg_reason):
        engine = make_engine(url)
        try:
            yield engine
        finally:
            engine.dispose()
