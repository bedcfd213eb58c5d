"""The `helpdesk` command: serve, demo, db upgrade, i18n."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from bot.settings import MissingSetting, load_settings
from core.tickets.catalogue_loader import CatalogueError

log = logging.getLogger("helpdesk")


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from bot.app import create_app

    settings = load_settings()
    app = create_app(settings)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level,
                proxy_headers=True, forwarded_allow_ips="*")
    return 0


def _db_upgrade(args: argparse.Namespace) -> int:
    from bot.db import upgrade

    settings = load_settings()
    upgrade(settings.database_url, args.revision)
    log.info("database is at %s", args.revision)
    return 0


def _i18n_compile(args: argparse.Namespace) -> int:
    from bot.i18n import compile_catalogs

    settings = load_settings()
    for path in compile_catalogs(settings.locale_dir):
        log.info("compiled %s", path)
    return 0


def _i18n_check(args: argparse.Namespace) -> int:
    from bot.catalog import check

    problems = check()
    for problem in problems:
        sys.stderr.write(f"messages.po: {problem}\n")
    return 1 if problems else 0


def _i18n_update(args: argparse.Namespace) -> int:
    from bot.catalog import update

    for message_id in update():
        sys.stderr.write(f"new, to translate: {message_id!r}\n")
    return 0


def _directory_import(args: argparse.Namespace) -> int:
    from bot.directory_cli import import_from

    return import_from(args.source, load_settings())


def _directory_export(args: argparse.Namespace) -> int:
    from bot.directory_cli import export_to

    return export_to(args.target, load_settings())


def _richmenu_install(args: argparse.Namespace) -> int:
    import asyncio

    from bot.i18n import load_translator
    from bot.line_port import install_default_rich_menu
    from bot.views.richmenu import main_menu, main_menu_image

    settings = load_settings()
    _secret, token = settings.require_line_secrets()
    t = load_translator(settings.locale_dir, settings.helpdesk_tz)
    menu_id = asyncio.run(install_default_rich_menu(
        settings.line_api_base, settings.data_api_base, token, main_menu(t), main_menu_image(t)))
    log.info("rich menu %s is now the default for every user", menu_id)
    return 0


def _catalogue_check(args: argparse.Namespace) -> int:
    from core.tickets.catalogue_loader import load_catalogue

    path = args.file or load_settings().helpdesk_catalogue
    catalogue = load_catalogue(path)
    sys.stdout.write(f"catalogue {path or '(packaged)'}: version {catalogue.version}, "
                     f"{len(catalogue.keys())} request types\n")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from bot.demo import run_demo

    return run_demo(reset=args.reset, port=args.port, emulator_port=args.emulator_port,
                    open_browser=args.open)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="helpdesk", description="Thai LINE help-desk bot")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the bot (needs the LINE secrets)")
    serve.add_argument("--host", default="0.0.0.0")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--log-level", default="info")
    serve.set_defaults(run=_serve)
    demo = commands.add_parser("demo", help="bot + LINE emulator + demo organisation")
    demo.add_argument("--reset", action="store_true", help="start from a clean database")
    demo.add_argument("--port", type=int, default=8000)
    demo.add_argument("--emulator-port", type=int, default=8001)
    demo.add_argument("--open", action="store_true", help="open the chat page in a browser")
    demo.set_defaults(run=_demo)
    db = commands.add_parser("db", help="database schema").add_subparsers(dest="db", required=True)
    up = db.add_parser("upgrade", help="apply migrations")
    up.add_argument("revision", nargs="?", default="head")
    up.set_defaults(run=_db_upgrade)
    directory = commands.add_parser("directory", help="the organisation as CSV files")
    folders = directory.add_subparsers(dest="directory", required=True)
    imports = folders.add_parser("import", help="replace the directory from CSV files")
    imports.add_argument("source", type=Path, help="a folder or .zip with units.csv, people.csv …")
    imports.set_defaults(run=_directory_import)
    exports = folders.add_parser("export", help="write the directory as CSV files")
    exports.add_argument("target", type=Path)
    exports.set_defaults(run=_directory_export)
    catalogue = commands.add_parser("catalogue", help="the service catalogue (request types)")
    check = catalogue.add_subparsers(dest="catalogue", required=True).add_parser(
        "check", help="load the catalogue and report the first bad field")
    check.add_argument("file", type=Path, nargs="?", help="default: HELPDESK_CATALOGUE or packaged")
    check.set_defaults(run=_catalogue_check)
    richmenu = commands.add_parser("richmenu", help="the menu under the chat").add_subparsers(
        dest="richmenu", required=True)
    _add(richmenu, "install", "draw the Thai rich menu and make it the default", _richmenu_install)
    i18n = commands.add_parser("i18n", help="Thai message catalog").add_subparsers(
        dest="i18n", required=True)
    _add(i18n, "compile", "compile messages.po to messages.mo", _i18n_compile)
    _add(i18n, "check", "fail on missing, fuzzy or unused entries", _i18n_check)
    _add(i18n, "update", "add new message ids to messages.po", _i18n_update)
    return parser


def _add(group: argparse._SubParsersAction[argparse.ArgumentParser], name: str, text: str,
         run: Callable[[argparse.Namespace], int]) -> None:
    group.add_parser(name, help=text).set_defaults(run=run)


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    for noisy in ("alembic", "apscheduler"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except (MissingSetting, CatalogueError) as error:
        sys.stderr.write(f"{error}\n")
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
