"""`python -m etl COMMAND …` — the data steward's command line (DESIGN.md §4).

Each command lives in its own module exposing `register(subparsers)`; the module sets `func` on its parser,
which returns the process exit status. Before a command that reads or builds on the published generation runs,
that generation is probed: one that cannot be read stops the command with exit 2 and says which generation is
broken and how to publish a sound one again (never a traceback, never a load silently built on another one).
"""

import argparse
import importlib
import sys

import settings
from warehouse import generations
from warehouse.health import GenerationBroken

COMMANDS = ("etl.cli_load", "etl.cli_demo", "etl.cli_status", "etl.cli_rejected", "etl.cli_generations",
            "etl.cli_restore", "etl.cli_upgrade", "etl.cli_teach", "etl.cli_rebuild",
            "etl.cli_links")
# commands that never read the published generation (teaching writes only the steward's phrasebook); `rebuild`
# builds fresh but reads the published generation (which loads to replay, or the demo's seed), so it is probed
WITHOUT_CURRENT = ("demo", "generations", "restore", "teach", "phrasebook")


def main(argv: list[str] | None = None) -> int:
    """Parse the command line, run one command, return its exit status."""
    parser = argparse.ArgumentParser(prog="python -m etl", description="Netra: muat register kasus ke gudang data.")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        importlib.import_module(name).register(subparsers)
    args = parser.parse_args(argv)
    try:
        if args.command not in WITHOUT_CURRENT:
            refusal = generations.broken_current()
            if refusal:
                print(refusal, file=sys.stderr)
                return 2
        return args.func(args)
    except (GenerationBroken, settings.SettingError) as error:
        print(error, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
