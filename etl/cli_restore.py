"""`python -m etl restore ID`: publish an older generation again, as a new generation copied from it.

The old file is never re-linked: a new generation is copied from it, migrated to this Netra's schema, given
today's reference tables and rule macros, checked like any load and published, so history stays append-only.
Who restored which generation goes to the audit. Exit status 0 done, 2 refused (unknown id, a generation that
cannot be read or fails the checks); nothing is published when refused.
"""

from __future__ import annotations

import argparse

from warehouse import audit, db, generations
from warehouse.health import GenerationBroken


def register(subparsers) -> None:
    """Add the `restore` sub-command to the etl command line."""
    parser = subparsers.add_parser("restore", help="terbitkan lagi generasi lama sebagai generasi baru (diaudit)")
    parser.add_argument("generation", metavar="ID", help="id generasi dari `python -m etl generations` "
                                                         "(awalnya saja cukup bila unik)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Restore one generation; 0 published, 2 refused."""
    try:
        path = generations.restore(args.generation, audit.cli_user())
    except (LookupError, GenerationBroken) as error:
        print(error)
        return 2
    except db.CheckFailed as failure:
        print(f"Generasi {args.generation} tidak diterbitkan lagi: {failure}")
        return 2
    info = generations.describe(path, path, check=False)
    print(f"Diterbitkan: generasi baru {info.id} dari {info.source} ({info.cases:,} kasus, skema versi "
          f"{info.health.schema_version}).")
    return 0
