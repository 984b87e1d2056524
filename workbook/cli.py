"""``python -m workbook``: the workbook's command line, on the same store as the notebooks."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import app, config
from .config import ConfigError
from .i18n import t
from .lazy import on_first_use

# What a subcommand needs loads when it runs: `--help`, `app` and `room` start without
# pandas, the store or the demo plan (~0.5 s; python -X importtime).
api = on_first_use("workbook.api")
demo = on_first_use("workbook.demo")
pd = on_first_use("pandas")
store = on_first_use("workbook.store")
editions = on_first_use("workbook.editions")  # nbformat

EXIT_REFUSED = 2

Command = Callable[[argparse.Namespace], int]
_commands: dict[str, tuple[Command, Callable[[argparse.ArgumentParser], None], str]] = {}


def command(name: str, help_text: str):
    """Register a subcommand: the decorated function runs it, ``configure`` adds its arguments."""

    def register(configure: Callable[[argparse.ArgumentParser], None]):
        def wrap(run: Command) -> Command:
            _commands[name] = (run, configure, help_text)
            return run

        return wrap

    return register


@command("demo", "laad het voorbeeldplan / load the demo plan")(
    lambda p: p.add_argument(
        "--beside",
        action="store_true",
        help="voeg het voorbeeld toe als apart plan / add the demo as an extra plan",
    )
)
def _demo(args: argparse.Namespace) -> int:
    opened = store.open_store()
    try:
        plan_id = demo.load_demo(opened, beside=args.beside)
    except demo.DemoRefused as exc:
        print(exc, file=sys.stderr)
        return EXIT_REFUSED
    print(demo.summary(opened, plan_id))
    return 0


@command("table", "toon de planningstabel / show the planning table")(lambda p: None)
def _table(args: argparse.Namespace) -> int:
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        print(api.planning_table().to_string())
    return 0


def _configure_editions(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("step", choices=("update", "build", "check"),
                        help="update: nieuwe of gewijzigde Nederlandse cellen in de catalogi "
                        "(notebooks/locale) / new or changed Dutch cells into the catalogs; "
                        "build: notebooks/en maken uit de catalogi / write notebooks/en from the "
                        "catalogs; check: falen bij ontbrekende vertalingen / fail on missing "
                        "translations")
    parser.add_argument("notebooks", nargs="*", help="Nederlandse notebooks (standaard alle) / "
                        "Dutch notebooks (default: all)")


@command("editions", "de Engelse editie van de notebooks / the English edition of the "
         "notebooks")(_configure_editions)
def _editions(args: argparse.Namespace) -> int:
    notebooks = [Path(name).resolve() for name in args.notebooks] or None
    status = 0
    for lang in config.EDITIONS:
        if args.step == "update":
            changed = editions.update(lang, notebooks)
        elif args.step == "build":
            changed = editions.build(lang, notebooks)
        else:
            changed = []
            for problem in editions.problems(lang, notebooks):
                print(f"{lang}: {problem}", file=sys.stderr)
                status = 1
        for path in changed:
            print(f"{args.step}: {path.relative_to(config.PROJECT_DIR)}")
    return status


def _serving_options(parser: argparse.ArgumentParser, pool: int) -> None:
    parser.add_argument("--design", choices=("one-page", "pages"), default="one-page",
                        help="one-page: één pagina en één kernel per team (standaard); pages: "
                        "een kernel per notebook / one page and one kernel per team (default), "
                        "or a kernel per notebook page")
    parser.add_argument("--pool", type=int, default=pool,
                        help="kernels die klaarstaan voor wie binnenkomt / kernels kept ready "
                        f"for teams that arrive (default {pool})")


def _configure_app(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=8866)
    parser.add_argument("--no-browser", action="store_true",
                        help="open geen browser / do not open a browser")
    _serving_options(parser, pool=1)


@command("app", "open de app-weergave (Voilà) op deze computer / open the app view here")(
    _configure_app
)
def _app(args: argparse.Namespace) -> int:
    print(f"Werkboek: http://127.0.0.1:{args.port}/  (Ctrl+C stopt / stops)", flush=True)
    return app.serve("127.0.0.1", args.port, None, open_browser=not args.no_browser,
                 design=args.design, pool=args.pool)


def _configure_room(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ip", default="0.0.0.0", help="luisteradres / listening address")
    parser.add_argument("--port", type=int, default=8866)
    parser.add_argument("--token", help="zelf gekozen toegangscode / your own access token")
    _serving_options(parser, pool=app.DEFAULT_POOL)


@command("room", "deel het werkboek met de zaal (met toegangscode) / serve to the room")(
    _configure_room
)
def _room(args: argparse.Namespace) -> int:
    token = args.token or app.new_token()
    print(t("room.banner", token=token), flush=True)
    for address in app.room_addresses(args.port, token):
        print(f"  {address}", flush=True)
    return app.serve(args.ip, args.port, token, design=args.design, pool=args.pool)


def _load_extensions() -> None:
    """Modules that add their own subcommands (exports, import, …) register on import; they
    import this module for :func:`command`, so they load here, once it is complete."""
    from . import exchange_cli  # noqa: F401


def main(argv: Sequence[str] | None = None) -> int:
    _load_extensions()
    parser = argparse.ArgumentParser(prog="python -m workbook", description="Werkboek Disseminatie")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (_run, configure, help_text) in _commands.items():
        configure(sub.add_parser(name, help=help_text))
    args = parser.parse_args(argv)
    try:
        return _commands[args.command][0](args)
    except (store.StoreError, ConfigError) as exc:
        print(exc, file=sys.stderr)
        return EXIT_REFUSED


if __name__ == "__main__":
    sys.exit(main())
