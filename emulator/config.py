"""Settings of one emulated LINE channel: secrets, people, groups, faults and limits."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

Role = Literal["staff", "manager", "technician", "admin"]


class CamelModel(BaseModel):
    """Accepts both `user_id` and LINE's `userId` spelling; dumps LINE's spelling."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)

    def to_json(self) -> dict[str, object]:
        return self.model_dump(by_alias=True, exclude_none=True)


class Persona(CamelModel):
    """A person who chats with the bot from the emulator page."""

    user_id: str
    display_name: str
    role: Role = "staff"
    picture_url: str | None = None
    status_message: str | None = None
    language: str = "th"


class Group(CamelModel):
    """A LINE group chat the bot has been invited to."""

    group_id: str
    group_name: str
    member_ids: list[str] = Field(default_factory=list)
    picture_url: str | None = None


class RateLimit(CamelModel):
    """A token bucket: at most `requests` per `per_seconds`, refilled continuously."""

    requests: float = Field(gt=0)
    per_seconds: float = Field(default=1.0, gt=0)


class RateLimits(CamelModel):
    """LINE's published rate limits per endpoint class.

    https://developers.line.biz/en/reference/messaging-api/#rate-limits
    """

    enabled: bool = True
    # "2,000 requests per second" for most endpoints (e.g. send reply / push message).
    default: RateLimit = Field(default_factory=lambda: RateLimit(requests=2000))
    # Send multicast message: "200 requests per second".
    multicast: RateLimit = Field(default_factory=lambda: RateLimit(requests=200))
    # Display a loading animation: "100 requests per second".
    loading: RateLimit = Field(default_factory=lambda: RateLimit(requests=100))
    # Create rich menu: "100 requests per hour".
    richmenu_create: RateLimit = Field(
        default_factory=lambda: RateLimit(requests=100, per_seconds=3600)
    )


class FaultSettings(CamelModel):
    """Trouble to inject into Messaging API calls; the defaults inject none."""

    latency_seconds: float = Field(default=0.0, ge=0)
    error_rate: float = Field(default=0.0, ge=0, le=1)
    too_many_requests: int = Field(default=0, ge=0)
    seed: int | None = None


class RedeliveryPolicy(CamelModel):
    """How the webhook sender retries a delivery the bot did not acknowledge with 2xx."""

    max_redeliveries: int = Field(default=3, ge=0)
    backoff_seconds: float = Field(default=1.0, ge=0)
    backoff_factor: float = Field(default=2.0, ge=1)
    timeout_seconds: float = Field(default=10.0, gt=0)


class EmulatorConfig(CamelModel):
    """Everything one emulated channel needs; built once and handed to `create_app`."""

    channel_secret: str
    channel_access_token: str
    webhook_url: str | None = None
    bot_name: str = "IT Help Desk"
    bot_user_id: str = "U0000000000000000000000000000b07"
    bot_basic_id: str = "@helpdesk"
    personas: list[Persona] = Field(default_factory=list)
    groups: list[Group] = Field(default_factory=list)
    faults: FaultSettings = Field(default_factory=FaultSettings)
    rate_limits: RateLimits = Field(default_factory=RateLimits)
    redelivery: RedeliveryPolicy = Field(default_factory=RedeliveryPolicy)
    # Reply tokens "must be used within one minute after receiving the webhook".
    # https://developers.line.biz/en/reference/messaging-api/#send-reply-message
    reply_token_ttl: float = Field(default=60.0, gt=0)
    # LINE needs https media URLs; the demo bot serves its images from http://127.0.0.1.
    allow_http_media_on_loopback: bool = True
    # None: no monthly target limit ("type": "none"); a number: "type": "limited".
    monthly_quota: int | None = None
