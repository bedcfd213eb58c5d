"""Injected trouble and rate limits: latency, random 500s, 429 bursts, token buckets."""

from __future__ import annotations

import random
from typing import Any

from pydantic.alias_generators import to_camel

from emulator.config import FaultSettings, RateLimit, RateLimits


class TokenBucket:
    """Holds up to `requests` tokens and refills them evenly over `per_seconds`."""

    def __init__(self, limit: RateLimit, now: float) -> None:
        self.capacity = limit.requests
        self.refill_per_second = limit.requests / limit.per_seconds
        self.tokens = limit.requests
        self.updated = now

    def take(self, now: float) -> bool:
        elapsed = max(0.0, now - self.updated)
        self.tokens = min(self.capacity, self.tokens + elapsed * self.refill_per_second)
        self.updated = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True


def rate_class(method: str, route: str) -> str:
    """The rate-limit class LINE documents for an endpoint."""
    if route == "/v2/bot/message/multicast":
        return "multicast"
    if route == "/v2/bot/chat/loading/start":
        return "loading"
    if method == "POST" and route == "/v2/bot/richmenu":
        return "richmenu_create"
    return "default"


class FaultGate:
    """The current fault settings and one token bucket per endpoint, as LINE limits them."""

    def __init__(self, faults: FaultSettings, limits: RateLimits) -> None:
        self.settings = faults.model_copy()
        self.limits = limits.model_copy(deep=True)
        self._random = random.Random(faults.seed)
        self._buckets: dict[str, TokenBucket] = {}

    def update(self, changes: dict[str, Any]) -> None:
        """Applies a partial change in LINE-style camelCase (or snake_case) keys."""
        changes = {to_camel(key): value for key, value in changes.items()}
        limits = changes.pop("rateLimits", None)
        merged = {**self.settings.model_dump(by_alias=True), **changes}
        self.settings = FaultSettings.model_validate(merged)
        if "seed" in changes:
            self._random.seed(self.settings.seed)
        if limits is not None:
            limits = {to_camel(key): value for key, value in limits.items()}
            current = self.limits.model_dump(by_alias=True)
            self.limits = RateLimits.model_validate({**current, **limits})
            self._buckets.clear()

    def take_burst(self) -> bool:
        if self.settings.too_many_requests <= 0:
            return False
        self.settings.too_many_requests -= 1
        return True

    def fails_randomly(self) -> bool:
        return self.settings.error_rate > 0 and self._random.random() < self.settings.error_rate

    def within_rate(self, method: str, route: str, now: float) -> bool:
        if not self.limits.enabled:
            return True
        key = f"{method} {route}"
        bucket = self._buckets.get(key)
        if bucket is None:
            limit: RateLimit = getattr(self.limits, rate_class(method, route))
            bucket = self._buckets[key] = TokenBucket(limit, now)
        return bucket.take(now)

    def to_json(self) -> dict[str, Any]:
        return {**self.settings.to_json(), "rateLimits": self.limits.to_json()}
