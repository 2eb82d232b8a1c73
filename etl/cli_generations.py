"""`python -m etl generations [--json] [--no-checks]`: every kept generation, what made it, and whether it is sound.

One line per published generation, newest first: its id (what `etl restore ID` takes), when and by what it was
made (demo, a load of which files, a restore of which generation, a rebuild) and by whom, how many cases it
holds, its schema version, and whether it is valid (opens read-only and passes the warehouse checks); `*` marks
the published one. Exit status 0, or 2 when there is no generation at all.
"""

from __future__ import annotations

import argparse
import json

import settings
from warehouse import db, generations
from warehouse.schema import SCHEMA_VERSION


def register(subparsers) -> None:
    """Add the `generations` sub-command to the etl command line."""
    parser = subparsers.add_parser("generations", help="daftar generasi gudang data yang disimpan (untuk restore)")
    parser.add_argument("--json", action="store_true", help="satu objek JSON per generasi, untuk mesin")
    parser.add_argument("--no-checks", action="store_true",
                        help="lewati pemeriksaan data (lebih cepat; 'sah' hanya berarti bisa dibuka)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the generations; 0, or 2 when there are none."""
    found = generations.listing(check=not args.no_checks)
    if not found:
        print(f"Belum ada generasi di {settings.warehouse_dir()}: jalankan `python -m etl demo` atau "
              "`python -m etl load FILE`.")
        return 2
    if args.json:
        for info in found:
            print(json.dumps(as_record(info), ensure_ascii=False))
        return 0
    print(f"Generasi di {settings.warehouse_dir()} (terbaru dulu; * = yang terbit; Netra ini skema versi "
          f"{SCHEMA_VERSION}, menyimpan {settings.keep_generations()} generasi terakhir):")
    print(f"  {'id':<26} {'dibuat':<19}  {'kasus':>9}  skema  {'sah':<5} oleh")
    for info in found:
        print(line(info))
        for problem in info.problems[:3]:
            print(f"      - {problem}")
        if info.health.kind == "outdated":  # readable, but readers need it migrated first
            print(f"      catatan: {info.health.reason}")
    serving = generations.serving()
    if serving.fallback:
        print(f"\nGenerasi terbit tidak dapat dibaca; aplikasi memakai {db.generation_id(serving.path)}."
              f" Terbitkan lagi yang sah: python -m etl restore ID")
    return 0


def line(info: generations.GenerationInfo) -> str:
    """One generation as a line of the listing."""
    cases = f"{info.cases:,}" if info.cases is not None else "-"
    version = str(info.health.schema_version) if info.health.schema_version is not None else "-"
    valid = "ya" if info.valid else "TIDAK"
    return (f"{'*' if info.current else ' '} {info.id:<26} {info.made_at.replace('T', ' ')[:19]:<19}  {cases:>9}"
            f"  {version:>5}  {valid:<5} {generations.made_by_words(info)}")


def as_record(info: generations.GenerationInfo) -> dict:
    """One generation for `--json`."""
    return {"id": info.id, "file": info.path.name, "current": info.current, "made_at": info.made_at,
            "made_by": info.made_by, "made_by_user": info.made_by_user, "source": info.source,
            "inferred": info.inferred, "cases": info.cases, "loads": info.loads,
            "schema_version": info.health.schema_version, "health": info.health.kind, "valid": info.valid,
            "problems": info.problems}
