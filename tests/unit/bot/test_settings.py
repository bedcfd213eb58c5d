"""Settings: secrets from the environment, one readable line when one is missing."""

from __future__ import annotations

import pytest

from bot.cli import main
from bot.settings import LINE_API_DATA, MissingSetting, Settings


def test_a_missing_secret_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LINE_CHANNEL_SECRET", raising=False)
    monkeypatch.setenv("LINE_CHANNEL_ACCESS_TOKEN", "token")
    with pytest.raises(MissingSetting, match="LINE_CHANNEL_SECRET is not set"):
        Settings(_env_file=None).require_line_secrets()


def test_serve_without_secrets_exits_with_one_line(monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("LINE_CHANNEL_SECRET", raising=False)
    monkeypatch.delenv("LINE_CHANNEL_ACCESS_TOKEN", raising=False)
    monkeypatch.chdir("/")  # no .env file here
    assert main(["serve"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [err[0]] and "LINE_CHANNEL_SECRET" in err[0] and "Traceback" not in err[0]


def test_the_data_host_follows_a_custom_api_base() -> None:
    assert Settings(_env_file=None).data_api_base == LINE_API_DATA
    custom = Settings(_env_file=None, line_api_base="http://127.0.0.1:8001")
    assert custom.data_api_base == "http://127.0.0.1:8001"


def test_secrets_do_not_show_in_the_settings_repr() -> None:
    settings = Settings(_env_file=None, line_channel_secret="s3cret")
    assert "s3cret" not in repr(settings)
