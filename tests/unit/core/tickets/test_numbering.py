"""Ticket numbers: IT-<B.E. year>-<6 digits>, the year as seen in Bangkok."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.tickets.numbering import buddhist_year, format_number, parse_number


def test_a_number_carries_the_buddhist_era_year_and_six_digits() -> None:
    assert format_number(2569, 123) == "IT-2569-000123"


def test_new_year_in_bangkok_comes_before_new_year_in_utc() -> None:
    assert buddhist_year(datetime(2026, 12, 31, 17, 30, tzinfo=UTC)) == 2570
    assert buddhist_year(datetime(2026, 12, 31, 16, 59, tzinfo=UTC)) == 2569


def test_numbers_are_read_back_leniently() -> None:
    assert parse_number(" it-2569-000123 ") == (2569, 123)
    assert parse_number("IT-69-123") is None


def test_the_sequence_must_fit_six_digits() -> None:
    with pytest.raises(ValueError):
        format_number(2569, 1_000_000)
