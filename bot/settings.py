"""The one Settings object, read from the environment and validated when the app is built."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

LINE_API = "https://api.line.me"
LINE_API_DATA = "https://api-data.line.me"


class MissingSetting(RuntimeError):
    """A required variable is not set; the message is one Thai/English line."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", case_sensitive=False)

    line_channel_secret: SecretStr | None = None
    line_channel_access_token: SecretStr | None = None
    line_api_base: str = LINE_API
    # The blob endpoints (image content, rich-menu images) live on their own host at LINE;
    # the emulator serves both, so by default the data host follows a non-LINE api base.
    line_api_data_base: str | None = None
    database_url: str = "sqlite:///var/helpdesk.db"
    helpdesk_tz: str = "Asia/Bangkok"
    public_base_url: str = "http://127.0.0.1:8000"
    max_webhook_body_bytes: int = Field(default=1_048_576, ge=1024)
    reply_token_fresh_seconds: float = Field(default=50.0, gt=0, le=60)
    worker_poll_seconds: float = Field(default=1.0, gt=0)
    worker_max_attempts: int = Field(default=5, ge=1)
    # Inbox workers per process; more than one only on PostgreSQL (SQLite has one writer).
    worker_concurrency: int = Field(default=2, ge=1, le=32)
    leadership_check_seconds: float = Field(default=15.0, gt=0)
    sender_max_attempts: int = Field(default=8, ge=1)
    line_request_timeout_seconds: float = Field(default=10.0, gt=0)
    dialog_timeout_minutes: int = Field(default=30, ge=1)
    start_workers: bool = True
    # The organisation's service catalogue (TOML); unset: the packaged default.
    helpdesk_catalogue: Path | None = None
    locale_dir: Path = Path(__file__).resolve().parent.parent / "locale"

    @property
    def data_api_base(self) -> str:
        if self.line_api_data_base:
            return self.line_api_data_base
        return LINE_API_DATA if self.line_api_base == LINE_API else self.line_api_base

    def require_line_secrets(self) -> tuple[str, str]:
        """Both LINE secrets, or MissingSetting naming the first one missing."""
        for name in ("line_channel_secret", "line_channel_access_token"):
            value = getattr(self, name)
            if value is None or not value.get_secret_value().strip():
                env = name.upper()
                raise MissingSetting(
                    f"ยังไม่ได้ตั้งค่า {env} / {env} is not set: "
                    "export it (see README, 'Connect a real LINE channel')"
                )
        assert self.line_channel_secret and self.line_channel_access_token
        return (
            self.line_channel_secret.get_secret_value(),
            self.line_channel_access_token.get_secret_value(),
        )


def load_settings(**overrides: object) -> Settings:
    """Build Settings from the environment; a bad value becomes one readable line."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"]).upper()
        raise MissingSetting(f"ค่าตั้ง {field} ไม่ถูกต้อง / invalid {field}: {first['msg']}") from None
