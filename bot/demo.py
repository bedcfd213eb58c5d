"""`helpdesk demo`: bot + LINE emulator + SQLite + the demo organisation, on 127.0.0.1."""

from __future__ import annotations

import asyncio
import logging
import sys
from datetime import UTC, datetime
from pathlib import Path

import uvicorn
from sqlmodel import Session

from bot.app import create_app
from bot.db import ROOT, make_engine, upgrade
from bot.i18n import compile_catalogs, load_translator
from bot.line_port import install_default_rich_menu
from bot.settings import Settings
from bot.views.richmenu import main_menu, main_menu_image
from core.directory.demo import load_demo_directory
from core.directory.directory import Directory
from core.directory.model import DemoPersona, GroupPurpose, Person, Role
from core.sql.directory import SqlDirectory
from emulator.config import EmulatorConfig, Group, Persona
from emulator.server import start_emulator

log = logging.getLogger(__name__)

DEMO_SECRET = "demo-channel-secret"
DEMO_TOKEN = "demo-channel-access-token"
PERSONA_ORDER = (DemoPersona.STAFF, DemoPersona.MANAGER, DemoPersona.TECHNICIAN,
                 DemoPersona.ADMIN)


def prepare_database(path: Path, *, reset: bool) -> tuple[str, Directory]:
    """Migrate the demo database; load the organisation the first time (or after --reset)."""
    if reset:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    url = f"sqlite:///{path}"
    upgrade(url)
    engine = make_engine(url)
    with Session(engine) as session:
        store = SqlDirectory(session)
        directory = store.load()
        if not directory.people:
            directory = store.replace(load_demo_directory(), today=datetime.now(UTC).date())
            session.commit()
    engine.dispose()
    return url, directory


def persona_role(person: Person) -> str:
    if person.demo_persona is not None:
        return person.demo_persona.value
    for role, label in ((Role.ADMIN, "admin"), (Role.IT_STAFF, "technician"),
                        (Role.APPROVER, "manager")):
        if role in person.roles:
            return label
    return "staff"


def personas(directory: Directory) -> list[Persona]:
    """Everyone with a LINE account, the four demo personas first."""
    featured = directory.demo_personas()
    first = [featured[p] for p in PERSONA_ORDER if p in featured]
    rest = [p for p in directory.active_people() if p.line_user_id and p not in first]
    return [Persona(user_id=p.line_user_id or "", display_name=p.name_th, role=persona_role(p),
                    status_message=p.position_title) for p in first + rest]


def groups(directory: Directory) -> list[Group]:
    result = []
    for group in directory.groups:
        if group.purpose is GroupPurpose.IT_TEAM:
            ids = {m for t in directory.teams for m in (*t.member_ids, t.lead_id) if m}
            members = [p for p in directory.active_people() if p.id in ids]
        else:
            members = [p for p in directory.active_people() if p.unit_id in group.unit_ids
                       or (group.purpose is not GroupPurpose.UNIT_STAFF
                           and Role.EXECUTIVE in p.roles)]
        result.append(Group(group_id=group.group_id, group_name=group.name_th,
                            member_ids=[p.line_user_id for p in members if p.line_user_id]))
    return result


def run_demo(*, reset: bool, port: int, emulator_port: int, open_browser: bool) -> int:
    compile_catalogs(ROOT / "locale")
    url, directory = prepare_database(ROOT / "var" / "demo.db", reset=reset)
    config = EmulatorConfig(channel_secret=DEMO_SECRET, channel_access_token=DEMO_TOKEN,
                            webhook_url=f"http://127.0.0.1:{port}/callback",
                            personas=personas(directory), groups=groups(directory),
                            bot_name="IT Help Desk")
    emulator = start_emulator(config, port=emulator_port)
    settings = Settings(line_channel_secret=DEMO_SECRET,
                        line_channel_access_token=DEMO_TOKEN,
                        line_api_base=emulator.base_url, database_url=url,
                        public_base_url=f"http://127.0.0.1:{port}")
    t = load_translator(settings.locale_dir, settings.helpdesk_tz)
    asyncio.run(install_default_rich_menu(emulator.base_url, settings.data_api_base, DEMO_TOKEN,
                                          main_menu(t), main_menu_image(t)))
    page = f"{emulator.base_url}/emulator/"
    sys.stdout.write(_banner(page, url))
    sys.stdout.flush()
    if open_browser:
        import webbrowser

        webbrowser.open(page)
    try:
        uvicorn.run(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    finally:
        emulator.stop()
    return 0


def _banner(page: str, url: str) -> str:
    return (
        "\n  ศูนย์บริการ IT บน LINE (เดโม) / IT help desk on LINE (demo)\n"
        f"  เปิดหน้าแชตที่ / open the chat page: {page}\n"
        f"  ฐานข้อมูล / database: {url}\n"
        "  กด Ctrl+C เพื่อหยุด / press Ctrl+C to stop\n\n"
    )
