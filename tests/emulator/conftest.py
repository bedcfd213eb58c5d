"""Fixtures for the emulator's tests: a settable clock, a webhook receiver, a running emulator."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from emulator.client import EmulatorClient
from emulator.config import EmulatorConfig
from emulator.server import RunningEmulator, start_emulator
from tests.emulator.fakes import (
    SECRET,
    TOKEN,
    FakeClock,
    StartEmulator,
    WebhookReceiver,
    people,
)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    receiver = WebhookReceiver()
    yield receiver
    receiver.stop()


@pytest.fixture
def start(clock: FakeClock, receiver: WebhookReceiver) -> Iterator[StartEmulator]:
    """Starts an emulator whose settings a test may override; all are stopped afterwards."""
    running: list[RunningEmulator] = []

    def _start(**overrides: Any) -> RunningEmulator:
        settings: dict[str, Any] = {
            "channel_secret": SECRET,
            "channel_access_token": TOKEN,
            "webhook_url": receiver.url,
            "redelivery": {"backoff_seconds": 0.01, "max_redeliveries": 2},
            **people(),
            **overrides,
        }
        emulator = start_emulator(EmulatorConfig.model_validate(settings), clock=clock)
        running.append(emulator)
        return emulator

    yield _start
    for emulator in running:
        emulator.stop()


@pytest.fixture
def emulator(start: StartEmulator) -> RunningEmulator:
    return start()


@pytest.fixture
def client(emulator: RunningEmulator) -> Iterator[EmulatorClient]:
    with EmulatorClient(emulator.base_url) as client:
        yield client


@pytest.fixture
def line_api(emulator: RunningEmulator) -> Iterator[httpx.Client]:
    """A plain HTTP client holding the channel access token, for raw Messaging API calls."""
    headers = {"Authorization": f"Bearer {TOKEN}"}
    with httpx.Client(base_url=emulator.base_url, headers=headers, timeout=10) as http:
        yield http
