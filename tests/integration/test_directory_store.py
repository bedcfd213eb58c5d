"""The directory in the database: round trip, leavers kept, CLI import all or nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from bot.cli import main
from core.clock import FixedClock
from core.directory.demo import demo_files, load_demo_directory
from core.sql.directory import SqlDirectory
from tests.support.harness import Bot
from tests.support.line_events import text_event

TODAY = date(2026, 11, 25)


def store(engine: sa.Engine, directory: object | None = None) -> object:
    with Session(engine) as session:
        directory_store = SqlDirectory(session)
        if directory is not None:
            directory_store.replace(directory, today=TODAY)  # type: ignore[arg-type]
            session.commit()
        return directory_store.load()


def test_the_demo_directory_reads_back_equal(engine: sa.Engine) -> None:
    demo = load_demo_directory()
    assert store(engine, demo) == demo


def test_a_person_missing_from_a_new_import_is_kept_inactive(engine: sa.Engine) -> None:
    demo = load_demo_directory()
    store(engine, demo)
    leaver = demo.demo_personas()
    staff = next(iter(leaver.values()))
    without = replace(demo, people=tuple(p for p in demo.people if p.id != staff.id))
    loaded = store(engine, without)
    kept = loaded.person(staff.id)  # type: ignore[attr-defined]
    assert (kept.active, kept.resigned_on, kept.line_user_id) == (False, TODAY, None)


def test_a_bad_import_names_the_row_and_changes_nothing(
        database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DATABASE_URL", database_url)
    files = demo_files()
    folder = tmp_path / "org"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert main(["directory", "import", str(folder)]) == 0
    people = files["people.csv"].splitlines()
    broken = people[3].split(",")
    broken[6] = "E9999"  # the supervisor column
    people[3] = ",".join(broken)
    (folder / "people.csv").write_text("\n".join(people) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["directory", "import", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "people.csv แถว 4 / row 4" in err and "E9999" in err
    assert main(["directory", "export", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "people.csv").read_text(encoding="utf-8") == files["people.csv"]


def test_a_known_staff_member_opens_tickets_as_themselves(database_url: str,
                                                          clock: FixedClock) -> None:
    bot = Bot(database_url, clock)
    demo = load_demo_directory()
    store(bot.runtime.engine, demo)
    staff = next(p for p in demo.active_people() if p.demo_persona and p.line_user_id)
    assert staff.line_user_id is not None
    for said in ("คอมเปิดไม่ติด ห้องประชุม", "ไม่ทราบ", "ครุภัณฑ์ของหน่วยงาน", "ไม่มีรูป",
                 "ยืนยันแจ้งซ่อม"):
        bot.say(text_event(staff.line_user_id, said, clock.now()))
    (ticket,) = bot.tickets()
    assert (ticket.requester_id, ticket.unit_id) == (staff.id, staff.unit_id)
