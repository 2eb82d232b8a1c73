"""`python -m geo install [--source DIR]` — install the boundary files the maps draw (used by `make setup`/`test`).

Without a source the app still works (bubble map from region centroids), so a missing source is a notice, not an
error. Exit status: 0 installed, already installed or no source; 2 the source files cannot be used.
"""

import argparse
import sys
from pathlib import Path

import settings
from geo.boundaries import BoundaryError, install, write_topojson_stubs


def run_install(source: Path | None) -> int:
    """Install from `source` (default: NETRA_GEO_SOURCE or ../shared/geo); print what happened."""
    write_topojson_stubs()
    if source is None or not source.is_dir():
        where = source or "NETRA_GEO_SOURCE (atau ../shared/geo)"
        print(f"Catatan: folder batas wilayah {where} tidak ditemukan; peta memakai gelembung per kabupaten/kota. "
              "Setel NETRA_GEO_SOURCE ke folder berisi kabupaten_kota.geojson dan provinsi.geojson, lalu "
              "jalankan `python -m geo install` lagi.")
        return 0
    try:
        result = install(source)
    except BoundaryError as error:
        print(f"Batas wilayah tidak dipasang: {error}", file=sys.stderr)
        return 2
    for report in result.reports.values():
        for sentence in report.sentences():
            print(f"Peringatan: {sentence}")
    if result.skipped:
        print(f"Batas wilayah sudah terpasang di {settings.geo_dir()} (tidak berubah).")
        return 0
    sizes = ", ".join(f"{name} {size / 1e6:.2f} MB" for name, size in result.sizes.items())
    simplified = [level for level, tolerance in result.tolerances.items() if tolerance]
    note = f"; disederhanakan: {', '.join(simplified)}" if simplified else ""
    print(f"Batas wilayah terpasang dari {source}: {sizes}{note}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run it."""
    parser = argparse.ArgumentParser(prog="python -m geo", description="Netra: pasang batas wilayah untuk peta.")
    commands = parser.add_subparsers(dest="command", required=True)
    install_parser = commands.add_parser("install", help="salin, periksa dan terbitkan berkas batas wilayah")
    install_parser.add_argument("--source", type=Path, default=None,
                                help="folder berisi kabupaten_kota.geojson dan provinsi.geojson")
    args = parser.parse_args(argv)
    return run_install(args.source or settings.geo_source())


if __name__ == "__main__":
    sys.exit(main())
