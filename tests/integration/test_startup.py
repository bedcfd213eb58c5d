"""Start-up refuses a broken configuration with one line that says where the fault is."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.app import create_app
from bot.cli import main
from core.tickets.catalogue_loader import CatalogueError, load_catalogue
from tests.support.harness import bot_settings

GOOD = (Path(__file__).resolve().parents[2] / "core" / "tickets" / "catalogue.toml").read_text(
    encoding="utf-8")


def test_a_misspelt_duration_in_the_catalogue_stops_the_bot(tmp_path: Path) -> None:
    bad = tmp_path / "catalogue.toml"
    bad.write_text(GOOD.replace('"3 business_days"', '"3 dais"', 1), encoding="utf-8")
    with pytest.raises(CatalogueError) as raised:
        create_app(bot_settings(f"sqlite:///{tmp_path}/x.db", helpdesk_catalogue=bad))
    assert re.match(r"^[a-z_]+(\.[a-z_]+)+: not a duration: '3 dais'", str(raised.value))


def test_the_catalogue_check_command_names_the_bad_field(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "catalogue.toml"
    bad.write_text(GOOD.replace("[request_types.repair]", "[request_types.repiar]\nnmae = 1\n"
                                "[request_types.repair]", 1), encoding="utf-8")
    assert main(["catalogue", "check", str(bad)]) == 2
    assert "request_types.repiar" in capsys.readouterr().err


def test_the_packaged_catalogue_loads() -> None:
    assert load_catalogue(None).type("repair").key == "repair"
