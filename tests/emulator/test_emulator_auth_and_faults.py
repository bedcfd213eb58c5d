"""The channel access token is checked; injected faults and rate limits answer like LINE."""

from __future__ import annotations

import httpx

from emulator.client import EmulatorClient
from emulator.server import RunningEmulator
from tests.emulator.fakes import SOMCHAI, TOKEN, StartEmulator, text

PUSH = {"to": SOMCHAI, "messages": [text()]}


def test_a_call_without_a_bearer_token_answers_401_like_line(emulator: RunningEmulator) -> None:
    response = httpx.post(f"{emulator.base_url}/v2/bot/message/push", json=PUSH)

    assert response.status_code == 401
    assert response.json() == {
        "message": "Authorization header required. "
        "Must follow the scheme, 'Authorization: Bearer <ACCESS TOKEN>'"
    }


def test_a_call_with_a_wrong_token_answers_401_like_line(emulator: RunningEmulator) -> None:
    headers = {"Authorization": "Bearer someone-elses-token"}

    response = httpx.post(f"{emulator.base_url}/v2/bot/message/push", json=PUSH, headers=headers)

    assert response.status_code == 401
    assert response.json()["message"].startswith("Authentication failed.")


def test_a_429_burst_refuses_the_next_requests_then_lets_them_through(
    line_api: httpx.Client, client: EmulatorClient
) -> None:
    client.set_faults(tooManyRequests=2)

    statuses = [line_api.post("/v2/bot/message/push", json=PUSH).status_code for _ in range(3)]

    assert statuses == [429, 429, 200]
    assert len(client.received(SOMCHAI)) == 1


def test_a_429_burst_answers_with_lines_body_and_is_not_a_rejection(
    line_api: httpx.Client, client: EmulatorClient
) -> None:
    client.set_faults(tooManyRequests=1)

    response = line_api.post("/v2/bot/message/push", json=PUSH)

    assert response.json() == {"message": "Too Many Requests"}
    assert client.rejections() == []


def test_an_error_rate_of_one_answers_500_to_every_call(
    line_api: httpx.Client, client: EmulatorClient
) -> None:
    client.set_faults(errorRate=1.0)

    response = line_api.post("/v2/bot/message/push", json=PUSH)

    assert response.status_code == 500
    assert client.received(SOMCHAI) == []


def test_faults_can_be_set_when_the_emulator_starts(start: StartEmulator) -> None:
    emulator = start(faults={"too_many_requests": 1})

    response = httpx.get(
        f"{emulator.base_url}/v2/bot/info", headers={"Authorization": f"Bearer {TOKEN}"}
    )

    assert response.status_code == 429


def test_an_exhausted_rate_limit_answers_429_with_lines_message(
    line_api: httpx.Client, client: EmulatorClient
) -> None:
    client.set_faults(rateLimits={"multicast": {"requests": 1, "perSeconds": 3600}})
    body = {"to": [SOMCHAI], "messages": [text()]}

    first = line_api.post("/v2/bot/message/multicast", json=body)
    second = line_api.post("/v2/bot/message/multicast", json=body)

    assert (first.status_code, second.status_code) == (200, 429)
    assert second.json() == {"message": "The API rate limit has been exceeded. Try again later."}


def test_one_endpoints_rate_limit_leaves_other_endpoints_alone(
    line_api: httpx.Client, client: EmulatorClient
) -> None:
    client.set_faults(rateLimits={"default": {"requests": 1, "perSeconds": 3600}})
    line_api.get("/v2/bot/info")

    assert line_api.get("/v2/bot/message/quota").status_code == 200
    assert line_api.get("/v2/bot/info").status_code == 429


def test_a_monthly_quota_is_enforced_per_recipient(start: StartEmulator) -> None:
    emulator = start(monthly_quota=1)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    url = f"{emulator.base_url}/v2/bot/message/push"

    statuses = [httpx.post(url, json=PUSH, headers=headers).status_code for _ in range(2)]

    assert statuses == [200, 429]
