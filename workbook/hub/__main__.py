"""``python -m workbook.hub serve | workshop CODE --facilitator NAME --teams A B …``."""

from __future__ import annotations

import argparse
import sys

from . import rowsecurity
from .serve import prepare, serve
from .settings import HubSettings
from .workshops import client_from_settings, create_workshop


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m workbook.hub")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("serve", help="start the hub (make hub)")
    commands.add_parser("prepare", help="make the databases, the store's schema and its "
                        "row-level security (serve does it too)")
    workshop = commands.add_parser("workshop", help="make a workshop, its facilitators and teams")
    workshop.add_argument("code", help="the workshop's code, e.g. gent-2026-03")
    workshop.add_argument("--facilitator", nargs="+", default=[], metavar="NAME")
    workshop.add_argument("--teams", nargs="+", default=[], metavar="NAME")
    forget = commands.add_parser("delete-team", help="delete a team's plans, role and account")
    forget.add_argument("name")
    args = parser.parse_args(argv)
    if args.command == "serve":
        return serve()
    if args.command == "prepare":
        prepare(HubSettings.from_environment())
        return 0
    if args.command == "workshop":
        try:
            groups = create_workshop(client_from_settings(), args.code, args.facilitator,
                                     args.teams)
        except (ValueError, RuntimeError, OSError) as error:
            print(error, file=sys.stderr)
            return 2
        for group, members in groups.items():
            print(f"{group}: {', '.join(members) or '-'}")
        print(f"Teams sign up at {HubSettings.from_environment().url}/hub/signup "
              "with their name and a password of their own.")
        return 0
    plans = rowsecurity.delete_member(HubSettings.from_environment().store_admin_url, args.name)
    client_from_settings().request("DELETE", f"/users/{args.name}", accept=(404,))
    print(f"{args.name}: {plans} plan(s) deleted, database role and hub account removed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
