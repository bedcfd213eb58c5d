"""`python -m emulator` builds its channel from flags and a personas file."""

from __future__ import annotations

import json
from pathlib import Path

from emulator.cli import build_config, parse_args
from tests.emulator.fakes import IT_GROUP, SOMCHAI


def test_flags_set_the_secret_token_and_webhook(tmp_path: Path) -> None:
    args = parse_args(
        ["--secret", "s3", "--token", "t0k", "--webhook-url", "http://127.0.0.1:8000/callback"]
    )

    config = build_config(args)

    assert (config.channel_secret, config.channel_access_token) == ("s3", "t0k")
    assert config.webhook_url == "http://127.0.0.1:8000/callback"


def test_a_personas_file_with_a_list_gives_personas(tmp_path: Path) -> None:
    path = tmp_path / "personas.json"
    path.write_text(
        json.dumps([{"userId": SOMCHAI, "displayName": "สมชาย", "role": "staff"}]), encoding="utf-8"
    )

    config = build_config(parse_args(["--personas", str(path)]))

    assert [persona.display_name for persona in config.personas] == ["สมชาย"]


def test_a_personas_file_with_an_object_gives_personas_groups_and_bot_name(
    tmp_path: Path,
) -> None:
    path = tmp_path / "world.json"
    world = {
        "botName": "ไอทีช่วยได้",
        "personas": [{"userId": SOMCHAI, "displayName": "สมชาย", "role": "staff"}],
        "groups": [{"groupId": IT_GROUP, "groupName": "ทีมไอที", "memberIds": [SOMCHAI]}],
    }
    path.write_text(json.dumps(world, ensure_ascii=False), encoding="utf-8")

    config = build_config(parse_args(["--personas", str(path)]))

    assert config.bot_name == "ไอทีช่วยได้"
    assert config.groups[0].member_ids == [SOMCHAI]
