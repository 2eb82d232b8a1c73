"""`python -m etl teach header|phrase …` and `python -m etl phrasebook`: teach the loader what it did not know.

    python -m etl teach header "Tingkat Sanksi" severity       # this header is the severity column
    python -m etl teach header "Catatan Internal" abaikan      # keep it raw, map it to nothing
    python -m etl teach phrase status "Rekom ke BKN" terbukti  # this status text means terbukti
    python -m etl teach phrase region "Kab. Pontianak Lama" 61.02
    python -m etl teach phrase status "Rekom ke BKN" ""        # withdraw what was taught
    python -m etl phrasebook [--all]                           # what is taught (--all: the whole history)

Every entry records who (--by, else NETRA_USER or the system user) and when, and is audited. The next load (and
every rebuild) uses it; nothing already loaded changes until the register is loaded again or rebuilt.
"""

import argparse

from etl import phrasebook
from warehouse import audit


def register(subparsers) -> None:
    """Add the `teach` and `phrasebook` sub-commands to the etl command line."""
    teach = subparsers.add_parser("teach", help="ajari pemuat judul kolom atau ungkapan baru (kamus petugas data)")
    teach.add_argument("kind", choices=phrasebook.KINDS, help="header: judul kolom; phrase: isi sel sebuah kolom")
    teach.add_argument("words", nargs="+", metavar="ARG",
                       help="header: JUDUL KOLOM; phrase: KOLOM UNGKAPAN NILAI (nilai kosong \"\" mencabutnya)")
    teach.add_argument("--by", help="siapa yang mengajari; bawaan: NETRA_USER atau pengguna sistem")
    teach.set_defaults(func=run_teach)
    listing = subparsers.add_parser("phrasebook", help="tampilkan kamus petugas data yang berlaku")
    listing.add_argument("--all", action="store_true", help="seluruh riwayat, termasuk yang diganti atau dicabut")
    listing.set_defaults(func=run_list)


def run_teach(args: argparse.Namespace) -> int:
    """Append one entry; 0 when taught, 2 when it can't be (the reason names what is accepted)."""
    if args.kind == "header":
        if len(args.words) != 2:
            print('Tulis: python -m etl teach header "JUDUL KOLOM" KOLOM (mis. severity, atau abaikan).')
            return 2
        field, (phrase, value) = "", args.words
    else:
        if len(args.words) != 3:
            print('Tulis: python -m etl teach phrase KOLOM "UNGKAPAN" NILAI (NILAI "" mencabutnya).')
            return 2
        field, phrase, value = args.words
    by = args.by or audit.cli_user()
    try:
        entry = phrasebook.teach(args.kind, field, phrase, value, by)
    except phrasebook.TeachError as error:
        print(f"Tidak diajarkan: {error}")
        return 2
    audit.record("teach", by, kind=entry.kind, field=entry.field, phrase=entry.phrase, value=entry.value)
    target = f"kolom {entry.value}" if entry.kind == "header" else f"{entry.field} = {entry.value}"
    if entry.value:
        print(f"Diajarkan: '{entry.phrase}' → {target} (oleh {entry.taught_by}, {entry.taught_at}). Berlaku untuk "
              "muatan berikutnya.")
    else:
        print(f"Dicabut: '{entry.phrase}' ({entry.kind}{' ' + entry.field if entry.field else ''}).")
    return 0


def run_list(args: argparse.Namespace) -> int:
    """Print the entries in force (or the whole history); 0."""
    book = phrasebook.load()
    entries = book.history if args.all else list(book.active.values())
    if not entries:
        print("Kamus petugas data masih kosong: belum ada yang diajarkan.")
        return 0
    active = {id(entry) for entry in book.active.values()}
    for entry in entries:
        what = f"judul kolom '{entry.phrase}' → {entry.value or '(dicabut)'}" if entry.kind == "header" else \
            f"{entry.field}: '{entry.phrase}' → {entry.value or '(dicabut)'}"
        mark = "" if not args.all else ("  [berlaku]" if id(entry) in active else "  [diganti/dicabut]")
        print(f"{what}   ({entry.taught_by}, {entry.taught_at}){mark}")
    return 0
