"""`python -m etl status`: which generation is published, whether it is synthetic, what it holds, the last loads."""

import argparse

import duckdb
import pandas as pd

import settings
from etl import archive
from warehouse import db, generations

LAST_LOADS = 10
META_SQL = "select key, value from meta"
PER_ELECTION_SQL = """
    select c.election as pemilihan, e.name as nama, count(*) as catatan,
           count(distinct c.person_case_id) as orang_kasus, count(distinct c.case_id) as kasus,
           min(coalesce(c.incident_date, c.report_date)) as tanggal_awal,
           max(coalesce(c.incident_date, c.report_date)) as tanggal_akhir
    from cases c left join elections e using (election)
    group by all order by c.election
"""
PENDING_SQL = "select count(*) from link_reviews"
LAST_LOADS_SQL = """
    select load_id, source_file as berkas, loaded_at as dimuat, election as pemilihan, rows_read as dibaca,
           rows_loaded as dimuat_kasus, rows_rejected as ditolak, rows_duplicate as ganda,
           coalesce(rows_warned, 0) as peringatan, coalesce(rows_linked, 0) as bergabung, loaded_by as oleh
    from load_batches order by loaded_at desc limit ?
"""


def register(subparsers) -> None:
    """Add the `status` sub-command to the etl command line."""
    parser = subparsers.add_parser("status", help="tampilkan generasi gudang data yang terbit dan muatan terakhir")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the published generation and what it holds; 0, or 2 when nothing is published yet."""
    path = db.current_path()
    if path is None:
        print("Belum ada gudang data: jalankan `python -m etl demo` atau `python -m etl load FILE`.")
        return 2
    with db.connect_read_only(path) as con:
        meta = dict(con.execute(META_SQL).fetchall())
        per_election = con.execute(PER_ELECTION_SQL).df()
        loads = con.execute(LAST_LOADS_SQL, [LAST_LOADS]).df()
        try:
            pending = con.execute(PENDING_SQL).fetchall()[0][0]
        except duckdb.CatalogException:  # a generation made before linking (etl upgrade brings the table)
            pending = 0
    print(f"Generasi terbit: {path.name} ({path.stat().st_size / 1e6:.1f} MB)")
    made = generations.describe(path, path, check=False)
    print(f"Dibuat: {made.made_at.replace('T', ' ')}, {generations.made_by_words(made)} "
          "(semua generasi: python -m etl generations)")
    files, size = archive.holdings()
    print(f"Arsip berkas mentah: {files} berkas, {size / 1e6:.1f} MB di {settings.raw_dir()} "
          "(python -m etl rebuild membangun ulang generasi ini darinya)")
    if meta.get("synthetic") == "true":
        print(f"DATA SINTETIS (demo, benih {meta.get('demo_seed', '?')}, skala {meta.get('demo_scale', '?')}): "
              "bukan data kasus sebenarnya.")
    _table("Isi per pemilihan (catatan: baris register; orang-kasus: satu orang dalam satu kasus, lintas register)",
           per_election)
    if pending:
        print(f"\n{pending} pasangan catatan menunggu keputusan petugas: python -m etl links")
    _table(f"Muatan terakhir (paling banyak {LAST_LOADS})", loads)
    return 0


def _table(title: str, frame: pd.DataFrame) -> None:
    """A titled plain-text table, or a dash when empty."""
    print(f"\n{title}:")
    print(frame.to_string(index=False) if len(frame) else "  -")
