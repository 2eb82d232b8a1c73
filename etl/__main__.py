"""`python -m etl COMMAND …` — the data steward's command line (DESIGN.md §4).

Each command lives in its own module exposing `register(subparsers)`; the module sets `func` on its parser,
which returns the process exit status.
"""

import argparse
import importlib
import sys

COMMANDS = ("etl.cli_load", "etl.cli_demo", "etl.cli_status", "etl.cli_rejected", "etl.cli_teach")


def main(argv: list[str] | None = None) -> int:
    """Parse the command line, run one command, return its exit status."""
    parser = argparse.ArgumentParser(prog="python -m etl", description="Netra: muat register kasus ke gudang data.")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        importlib.import_module(name).register(subparsers)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
