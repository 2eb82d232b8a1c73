"""Command line, for scheduled packs:

    python -m ui.export briefing --election pilkada2024 [--province 33] [--format pptx|pdf] [--publik] --out FILE

Uses the current warehouse (NETRA_DATA_DIR moves it). Exit status: 0 written; 2 nothing to build from (no
warehouse or a published one that cannot be read, an unknown election or province, no cases); 3 the server
cannot render (no Chromium).
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from ui.export.briefing import PIECES, briefing, plain_reader
from ui.export.pack import PACKS
from ui.export.renderer import ExportUnavailable
from ui.strings import LANGS, options, t
from ui.views.captions import filters_caption
from warehouse.db import current_path
from warehouse.filters import Filters
from warehouse.generations import broken_current
from warehouse.vocab import ELECTIONS

NO_INPUT, NO_RENDER = 2, 3


def parser() -> argparse.ArgumentParser:
    """The arguments of `python -m ui.export`."""
    root = argparse.ArgumentParser(prog="python -m ui.export", description="Ekspor Netra: paket briefing.")
    commands = root.add_subparsers(dest="command", required=True)
    pack = commands.add_parser("briefing", help="paket briefing PPTX (16:9) atau PDF")
    pack.add_argument("--election", action="append", choices=ELECTIONS, help="boleh diulang; kosong = semua")
    pack.add_argument("--province", action="append", help="kode provinsi, mis. 33; boleh diulang")
    pack.add_argument("--from", dest="date_from", type=date.fromisoformat, help="tanggal awal (YYYY-MM-DD)")
    pack.add_argument("--to", dest="date_to", type=date.fromisoformat, help="tanggal akhir (YYYY-MM-DD)")
    pack.add_argument("--format", choices=tuple(PACKS), help="bawaan: dari akhiran --out, atau pptx")
    pack.add_argument("--charts", default=",".join(PIECES), help=f"dipisah koma, dari: {','.join(PIECES)}")
    pack.add_argument("--lang", choices=tuple(LANGS), default="id")
    pack.add_argument("--title", help="judul paket")
    pack.add_argument("--note", default="", help="catatan di slide judul")
    pack.add_argument("--publik", action="store_true",
                      help="angka untuk publik: di bawah 5 ditampilkan '< 5', lainnya dibulatkan ke bawah "
                           "ke kelipatan 5")
    pack.add_argument("--out", type=Path, required=True, help="berkas keluaran")
    return root


def fail(message: str, status: int) -> int:
    """Print a sentence a person can act on; return the exit status."""
    print(f"Gagal: {message}", file=sys.stderr)
    return status


def run_briefing(args: argparse.Namespace) -> int:
    """Build the pack the arguments describe and write it to --out."""
    path = current_path()
    if path is None:
        return fail("belum ada gudang data. Jalankan `python -m etl demo` atau `python -m etl load FILE…` dulu.",
                    NO_INPUT)
    refusal = broken_current()  # a scheduled pack is never built silently from an older generation
    if refusal:
        return fail(refusal, NO_INPUT)
    unknown = [p for p in args.province or () if p not in options("province_code")]
    charts = [c.strip() for c in args.charts.split(",") if c.strip()]
    if unknown:
        return fail(f"kode provinsi tidak dikenal: {', '.join(unknown)} (contoh yang benar: 33 untuk Jawa Tengah).",
                    NO_INPUT)
    if not charts or set(charts) - set(PIECES):
        return fail(f"--charts harus berisi nama dari: {', '.join(PIECES)}.", NO_INPUT)
    filters = Filters(elections=tuple(args.election or ()), provinces=tuple(args.province or ()),
                      date_from=args.date_from, date_to=args.date_to)
    read = plain_reader(path, public=args.publik)
    if read("kpis", filters).iloc[0]["reported"] == 0:
        words = filters_caption(filters, args.lang)
        return fail(f"tidak ada kasus untuk filter ini ({words}); longgarkan filternya.", NO_INPUT)
    fmt = args.format or (args.out.suffix.lstrip(".").lower() if args.out.suffix.lower() in (".pdf", ".pptx")
                          else "pptx")
    started = time.perf_counter()
    try:
        content = briefing(fmt, charts, filters, args.lang, read, args.title or t("bp_default_title", args.lang),
                           args.note, progress=lambda done, total, what: print(f"{done}/{total} {what}",
                                                                              file=sys.stderr))
    except ExportUnavailable as error:
        return fail(error.message(args.lang), NO_RENDER)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(content)
    print(f"{args.out} ({len(content) / 1024:.0f} KB, {time.perf_counter() - started:.1f} s)")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    args = parser().parse_args(argv)
    return run_briefing(args)


if __name__ == "__main__":
    sys.exit(main())
