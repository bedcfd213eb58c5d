"""`python -m emulator`: serve one emulated LINE channel in the foreground."""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path
from typing import Any

import uvicorn

from emulator.app import create_app
from emulator.config import EmulatorConfig

log = logging.getLogger(__name__)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m emulator", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8900)
    parser.add_argument("--webhook-url", help="the bot's /callback URL")
    parser.add_argument("--secret", default="emulator-channel-secret", help="channel secret")
    parser.add_argument("--token", default="emulator-access-token", help="channel access token")
    parser.add_argument(
        "--personas",
        type=Path,
        help='JSON: a list of personas, or {"personas": [...], "groups": [...], "botName": ...}',
    )
    return parser.parse_args(argv)


def load_people(path: Path | None) -> dict[str, Any]:
    """Reads the personas file; a bare list means personas only."""
    if path is None:
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {"personas": data} if isinstance(data, list) else dict(data)


def build_config(args: argparse.Namespace) -> EmulatorConfig:
    return EmulatorConfig.model_validate(
        {
            **load_people(args.personas),
            "channelSecret": args.secret,
            "channelAccessToken": args.token,
            "webhookUrl": args.webhook_url,
        }
    )


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    args = parse_args(argv)
    config = build_config(args)
    log.info("chat page: http://%s:%d/emulator/", args.host, args.port)
    uvicorn.run(create_app(config), host=args.host, port=args.port, log_level="warning")
