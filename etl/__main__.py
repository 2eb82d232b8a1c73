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
from warehouse import db, generations
from warehouse.health import GenerationBroken, health

COMMANDS = ("etl.cli_load", "etl.cli_demo", "etl.cli_status", "etl.cli_rejected", "etl.cli_generations",
            "etl.cli_restore")
WITHOUT_CURRENT = ("demo", "generations", "restore")  # commands that never read the published generation


def main(argv: list[str] | None = None) -> int:
    """Parse the command line, run one command, return its exit status."""
    parser = argparse.ArgumentParser(prog="python -m etl", description="Netra: muat register kasus ke gudang data.")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        importlib.import_module(name).register(subparsers)
    args = parser.parse_args(argv)
    try:
        if args.command not in WITHOUT_CURRENT:
            refusal = broken_current()
            if refusal:
                print(refusal, file=sys.stderr)
                return 2
        return args.func(args)
    except (GenerationBroken, settings.SettingError) as error:
        print(error, file=sys.stderr)
        return 2


def broken_current() -> str:
    """Why the published generation cannot be used (with the generation to restore), or '' when it can."""
    current = db.current_path()
    if current is None:
        return ""
    found = health(current)
    if found.readable:
        return ""
    lines = [str(GenerationBroken(db.generation_id(current), found.reason))]
    serving = generations.serving()
    if serving.path is not None:
        sound = db.generation_id(serving.path)
        lines.append(f"Generasi terbaru yang sah: {sound} (aplikasi memakainya sekarang). "
                     f"Terbitkan lagi: python -m etl restore {sound}")
    else:
        lines.append(f"Tidak ada generasi lain yang sah. Pindahkan {current.name} ke cadangan (bukan dihapus) "
                     "dan hapus tautan current.duckdb, lalu muat register lagi; `python -m etl demo` membangun "
                     "data demo.")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
