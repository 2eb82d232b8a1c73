"""`python -m etl upgrade`: bring the published generation up to this Netra (schema, rule macros) when it is older.

A generation made by an older Netra opens fine but the app cannot read it until it is migrated; this publishes
it again as a new generation (exactly what `etl restore <current id>` does, audited the same way) and does
nothing when it is already current. `make setup` runs it. Exit status 0 done or nothing to do, 2 refused.
"""

from __future__ import annotations

import argparse

from etl import cli_restore
from warehouse import db
from warehouse.health import health


def register(subparsers) -> None:
    """Add the `upgrade` sub-command to the etl command line."""
    parser = subparsers.add_parser("upgrade", help="mutakhirkan generasi terbit yang dibuat Netra lama")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Restore the current generation when it is outdated; 0, or 2 when refused."""
    current = db.current_path()
    if current is None or health(current).kind != "outdated":
        print(  # a missing warehouse is make setup's demo step's business, not an error here
            "Generasi terbit sudah mutakhir." if current else "Belum ada gudang data: tidak ada yang dimutakhirkan.")
        return 0
    return cli_restore.run(argparse.Namespace(generation=db.generation_id(current)))
