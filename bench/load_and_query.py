"""`python -m bench.load_and_query [--rows 100000 1000000]`: time `etl load` and the main queries (DESIGN.md §6).

Writes synthetic registers with the mess real ones carry (region names with and without prefixes, upper case,
a few typos and bare same-named regions; dates in seven forms; status phrases; people listed in one cell; rows
without a register number; repeats; a few impossible dates), loads each into a fresh warehouse with the real
command line in a subprocess, then times the main aggregate queries on the largest warehouse.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

import settings

SEED = 20241127
QUERY_RUNS = 5  # each query's figure is the median of this many runs, each on a fresh read-only connection
BUDGETS = {100_000: 10.0, 1_000_000: 60.0}  # seconds for `etl load` (DESIGN.md §6)
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")
SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agt", "Sept", "Okt", "Nop", "Des")
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
ELECTIONS = {  # name as registers write it -> (first incident day, days spread), shares below
    "Pilkada 2020": ("2020-06-01", 300),
    "Pemilu 2024": ("2023-06-01", 300),
    "Pilkada Serentak 2024": ("2024-05-01", 250),
}
ELECTION_SHARES = (0.35, 0.2, 0.45)
STATUSES = ("Diteruskan ke KASN", "Bukan pelanggaran", "Menunggu tindak lanjut PPK", "Tidak diregistrasi",
            "Dijatuhi hukuman", "Sudah ditindaklanjuti PPK", "Terbukti melanggar", "Dalam proses", "Klarifikasi",
            "Menunggu verifikasi BKN", "Dibatalkan", "Baru", "")
CATEGORIES = ("Media sosial", "Kampanye", "Menghadiri deklarasi", "Foto bersama calon", "Memasang baliho",
              "Kegiatan keberpihakan", "Keputusan menguntungkan calon", "Fasilitas negara", "Anggota partai politik",
              "Pendekatan ke parpol", "")
DESCRIPTIONS = ("membagikan unggahan dukungan untuk pasangan calon di Facebook",
                "hadir dalam kampanye pasangan calon dan memberi sambutan",
                "berfoto bersama calon dengan simbol jari", "memasang spanduk bakal calon di kantor",
                "mengumpulkan kepala desa untuk mendukung calon", "memakai mobil dinas untuk kampanye",
                "menghadiri deklarasi bakal calon bupati", "menjadi tim pemenangan calon")
POSITIONS = ("Kepala Dinas", "Sekda", "Camat", "Lurah", "Guru", "Staf", "Kepala Bidang", "Kasubag Umum",
             "Pelaksana", "Dokter", "Penyuluh Pertanian", "Kepala Sekolah")
SEVERITIES = ("", "", "", "Ringan", "Sedang", "Berat", "Hukuman disiplin berat", "Pemotongan tukin 25%")
SOURCES = ("Temuan", "Laporan", "Aduan", "LHP")
FIRST = ("Budi", "Siti", "Agus", "Dewi", "Andi", "Nurul", "Hasan", "Rina", "Joko", "Wa Ode", "La Ode", "Eko", "Sri",
         "Ahmad", "Putu", "Made", "Yohanes", "Maria", "Rahmat", "Fitri")
LAST = ("Santoso", "Aminah", "Wibowo", "Lestari", "Rahman", "Hidayah", "Basri", "Marlina", "Susilo", "Sari",
        "Karim", "Prasetyo", "Wahyuni", "Fauzi", "Saputra", "Pratama", "Nugroho", "Siregar", "Simanjuntak", "Daeng")


def synthetic_register(rows: int, seed: int = SEED) -> pd.DataFrame:
    """A messy register of `rows` rows (plus ~0.5% exact repeats), every cell as text."""
    rng = np.random.default_rng(seed)
    regions = pd.read_csv(settings.REFERENCE_DIR / "regions.csv", dtype="str")
    pick = rng.integers(0, len(regions), rows)
    names, provinces = regions["nama"].to_numpy()[pick], regions["nama_prov"].to_numpy()[pick]
    election = rng.choice(list(ELECTIONS), rows, p=ELECTION_SHARES)
    starts = pd.to_datetime(pd.Series(election).map({k: v[0] for k, v in ELECTIONS.items()}))
    spread = pd.Series(election).map({k: v[1] for k, v in ELECTIONS.items()}).to_numpy()
    incident = starts + pd.to_timedelta((rng.random(rows) * spread).astype(int), unit="D")
    report = incident + pd.to_timedelta(rng.geometric(0.25, rows), unit="D")
    number = np.char.add("REG-", np.arange(rows).astype(str))
    frame = pd.DataFrame({
        "No": np.arange(1, rows + 1).astype(str),
        "No. Register": np.where(rng.random(rows) < 0.03, "", number),
        "Tanggal Kejadian": mixed_dates(incident, rng),
        "Tanggal Laporan": mixed_dates(report, rng),
        "Kabupaten/Kota": messy_regions(names, rng),
        "Provinsi": np.where(rng.random(rows) < 0.6, provinces, ""),
        "Nama Terlapor": np.char.add(np.char.add(rng.choice(FIRST, rows), " "), rng.choice(LAST, rows)),
        "NIP": rng.integers(10**17, 10**18 - 1, rows, dtype=np.int64).astype(str),
        "Jabatan": rng.choice(POSITIONS, rows),
        "Instansi": np.char.add("Pemerintah ", names.astype(str)),
        "Uraian Dugaan Pelanggaran": np.char.add(rng.choice(DESCRIPTIONS, rows),
                                                 np.char.add(" di Desa ", rng.integers(1, 20_000, rows).astype(str))),
        "Jenis Pelanggaran": rng.choice(CATEGORIES, rows),
        "Status": rng.choice(STATUSES, rows),
        "Tingkat Hukuman": rng.choice(SEVERITIES, rows),
        "Sumber": rng.choice(SOURCES, rows),
        "Pemilihan": election,
    })
    several = rng.random(rows) < 0.01  # two people in one cell, NIPs paired
    frame.loc[several, "Nama Terlapor"] = "1. " + frame.loc[several, "Nama Terlapor"] + "; 2. Sri Wahyuni"
    frame.loc[several, "NIP"] = frame.loc[several, "NIP"] + "; 198001012005011001"
    frame.loc[rng.random(rows) < 0.003, "Tanggal Kejadian"] = "31/02/2024"  # no such day: rejected
    repeats = frame.sample(frac=0.005, random_state=seed)
    return pd.concat([frame, repeats], ignore_index=True)


def mixed_dates(days: pd.Series, rng: np.random.Generator) -> np.ndarray:
    """Dates written seven ways, as different clerks and Excel versions do."""
    forms = rng.choice(7, len(days), p=(0.4, 0.1, 0.15, 0.05, 0.1, 0.1, 0.1))
    day, month, year = days.dt.day.astype(str), days.dt.month, days.dt.year.astype(str)
    long_month = month.map(lambda m: MONTHS[m - 1])
    serial = (days - pd.Timestamp("1899-12-30")).dt.days.astype(str)
    written = [
        days.dt.strftime("%d/%m/%Y"),
        day + "/" + month.astype(str) + "/" + days.dt.strftime("%y"),
        day + " " + long_month + " " + year,
        days.dt.day_of_week.map(lambda d: WEEKDAYS[d]) + ", " + day + " " + long_month + " " + year,
        day + " " + month.map(lambda m: SHORT_MONTHS[m - 1]) + " " + year,
        days.dt.strftime("%Y-%m-%d"),
        serial,
    ]
    return np.select([forms == k for k in range(7)], [w.to_numpy() for w in written])


def messy_regions(names: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Official names, 'Kab.' prefixes, upper case, bare names (some same-named: ambiguous) and ~0.5% typos."""
    official = pd.Series(names)
    bare = official.str.replace(r"^(Kabupaten|Kota)( Administrasi)? ", "", regex=True)
    short = official.str.replace("Kabupaten ", "Kab. ", regex=False)
    typo = bare.str[:-2] + bare.str[-1] + bare.str[-2]  # two last letters swapped
    form = rng.choice(5, len(names), p=(0.4, 0.3, 0.1, 0.195, 0.005))
    return np.select([form == 0, form == 1, form == 2, form == 3],
                     [official, short, short.str.upper(), bare], typo).astype(object)


def time_load(path: Path, folder: Path) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds) of `python -m etl load path` into a fresh warehouse at `folder`, and its summary.

    CPU time is reported too because the machine is shared: wall time grows with other people's work.
    """
    seconds, cpu, _, out = time_etl(["load", str(path)], folder)
    return seconds, cpu, out.splitlines()[0]


def time_etl(argv: list[str], folder: Path, ok: tuple[int, ...] = (0, 3)) -> tuple[float, float, float, str]:
    """(wall s, CPU s, peak RSS MB, stdout) of `python -m etl ARGV…` with NETRA_DATA_DIR=folder, in a subprocess."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "etl", *argv], cwd=settings.ROOT, stdout=out, stderr=err,
                                   env={**os.environ, "NETRA_DATA_DIR": str(folder)})
        _, status, usage = os.wait4(process.pid, 0)  # this child's own figures, not the largest child's so far
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode(errors="replace")
        if process.returncode not in ok:
            raise SystemExit(f"etl {argv[0]} gagal ({process.returncode}):\n{stdout}\n{err.read().decode()}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stdout


def time_queries(folder: Path) -> dict[str, float]:
    """Median milliseconds of the main aggregate queries of the app on the warehouse at `folder`."""
    from warehouse.filters import Filters
    from warehouse.reader import Warehouse

    os.environ["NETRA_DATA_DIR"] = str(folder)
    filters = Filters()
    wh = Warehouse()  # no idle connection held: each query opens its own, cold, as the figures say
    named = {
        "cases_by_region": lambda: wh.cases_by_region(filters),
        "breakdowns (type × severity, …)": lambda: wh.breakdowns(filters),
        "overview_weekly": lambda: wh.overview_weekly(filters),
        "kpis (and the funnel)": lambda: wh.kpis(filters),
    }
    figures = {}
    for name, run in named.items():
        run()  # warm the file cache once
        runs = []
        for _ in range(QUERY_RUNS):
            started = time.perf_counter()
            run()
            runs.append((time.perf_counter() - started) * 1000)
        figures[name] = statistics.median(runs)
    return figures


def main(argv: list[str] | None = None) -> int:
    """Write the registers, time the loads and the queries, print the figures."""
    parser = argparse.ArgumentParser(prog="python -m bench.load_and_query", description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--keep", type=Path, help="folder to keep the registers and warehouses in")
    args = parser.parse_args(argv)
    root = args.keep or Path(tempfile.mkdtemp(prefix="netra-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    print(f"{'register':<22}{'rows':>10}{'MB':>8}{'load s':>9}{'CPU s':>8}{'budget s':>10}  result")
    for rows in args.rows:
        path = root / f"register-{rows}.csv"
        synthetic_register(rows).to_csv(path, index=False)
        seconds, cpu, summary = time_load(path, root / f"warehouse-{rows}")
        budget = BUDGETS.get(rows)
        print(f"{path.name:<22}{rows:>10,}{path.stat().st_size / 1e6:>8.1f}{seconds:>9.1f}{cpu:>8.1f}"
              f"{budget if budget else '-':>10}  {summary}")
    largest = root / f"warehouse-{max(args.rows)}"
    print(f"\nqueries on {max(args.rows):,} register rows (median of {QUERY_RUNS}, fresh read-only connection each):")
    figures = time_queries(largest)
    for name, ms in figures.items():
        print(f"  {name:<34}{ms:>8.1f} ms")
    print(f"  {'all together':<34}{sum(figures.values()):>8.1f} ms")
    print(f"\nfiles kept in {root}" if args.keep else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
