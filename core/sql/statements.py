"""Statements whose spelling differs between SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.dml import Insert


def insert_or_ignore(connection: Connection, table: Any, values: dict[str, Any],
                     conflict_columns: list[str] | None = None) -> Insert:
    """INSERT … ON CONFLICT DO NOTHING, in the dialect of `connection`."""
    module = postgresql if connection.dialect.name == "postgresql" else sqlite
    statement = module.insert(table).values(**values)
    return statement.on_conflict_do_nothing(index_elements=conflict_columns)
