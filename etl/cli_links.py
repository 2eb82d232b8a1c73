"""`python -m etl links …`: the pairs of records the linker left for a steward, and the steward's decisions.

    python -m etl links [--election E] [--all]     # pending pairs, highest score first, the fields that differ
    python -m etl links confirm A B [--note TEKS]  # A and B are one person in one case: join them
    python -m etl links split A B [--note TEKS]    # A and B are not: keep them apart, whatever the score
    python -m etl links decisions                  # every decision, what it did
    python -m etl links relink [--election E]      # link again with today's rules and decisions

A and B are record keys as the listing prints them (election:source_agency:case_id#subject_no). A decision is
kept in the steward file (who, when, note), re-links the election in a new generation and is audited.
Confirming two different NIPs, or splitting one NIP, needs --force: the NIP says otherwise.
"""

from __future__ import annotations

import argparse
import json
import shlex

import pandas as pd

from etl.link import CONFIRM, SPLIT, DecisionError, review
from warehouse import audit, db
from warehouse.health import health
from warehouse.reader import Warehouse
from warehouse.vocab import ELECTIONS

SHOWN = 20  # pending pairs listed without --all
FIELDS = (  # (label, column of both sides, the score's points for it)
    ("nama", "subject_name", "name"), ("NIP", "subject_nip", None), ("instansi", "agency_name", "agency"),
    ("wilayah", "place", "region"), ("tgl kejadian", "incident_date", "incident"),
    ("tgl laporan", "report_date", "dates"), ("jabatan", "position_class", "position"),
    ("jenis", "violation_type", "violation"), ("pegawai", "employee_type", "employee"),
    ("status", "status", None), ("orang-kasus", "person_case_id", None),
)
OUTCOME_WORDS = {"applied": "diterapkan", "superseded": "diganti keputusan berikutnya",
                 "conflict": "bertentangan, tidak diterapkan", "missing": "catatan tidak ada lagi"}


def register(subparsers) -> None:
    """Add the `links` sub-command (and its confirm / split / decisions / relink actions)."""
    parser = subparsers.add_parser("links", help="pasangan catatan yang menunggu keputusan: tautkan atau pisahkan")
    parser.add_argument("--election", choices=ELECTIONS, help="hanya pemilihan ini")
    parser.add_argument("--all", action="store_true", help="semua pasangan dan semua kolom (bawaan: 20 teratas, "
                                                           "hanya kolom yang berbeda)")
    parser.set_defaults(func=run_list)
    actions = parser.add_subparsers(dest="action")
    for kind, words in ((CONFIRM, "A dan B orang yang sama dalam kasus yang sama: tautkan"),
                        (SPLIT, "A dan B bukan orang-kasus yang sama: pisahkan")):
        action = actions.add_parser(kind, help=words)
        action.add_argument("record_a", metavar="A", help="kunci catatan, mis. pilkada2024:bawaslu:001/2024#1")
        action.add_argument("record_b", metavar="B")
        action.add_argument("--note", default="", help="catatan alasan (disimpan bersama keputusan)")
        action.add_argument("--by", help="siapa yang memutuskan; bawaan: NETRA_USER atau pengguna sistem")
        action.add_argument("--force", action="store_true",
                            help="tetap putuskan walau NIP berkata lain (NIP salah tulis, dua kasus satu NIP)")
        action.add_argument("--json", action="store_true", help="hasilnya sebagai JSON (untuk halaman admin)")
        action.set_defaults(func=run_decide, kind=kind)
    listing = actions.add_parser("decisions", help="semua keputusan petugas dan apa akibatnya")
    listing.set_defaults(func=run_decisions)
    again = actions.add_parser("relink", help="tautkan ulang dengan aturan dan keputusan hari ini")
    again.add_argument("--election", choices=ELECTIONS, dest="relink_election", help="hanya pemilihan ini")
    again.add_argument("--by", help="siapa yang menjalankan; bawaan: NETRA_USER atau pengguna sistem")
    again.set_defaults(func=run_relink)


def run_list(args: argparse.Namespace) -> int:
    """Print the pending pairs; 0 (also when there are none), 2 for a generation made before linking."""
    if _outdated():
        return 2
    with Warehouse() as warehouse:
        every = warehouse.link_reviews(election=args.election or "", personal=True, limit=10**9)
    meta = _thresholds()
    total, pairs = len(every), every if args.all else every.head(SHOWN)
    if pairs.empty:
        print("Tidak ada pasangan catatan yang menunggu keputusan.")
        return 0
    print(f"{total} pasangan menunggu keputusan (tertaut otomatis pada skor ≥ {meta['link_sure']}, ditinjau pada "
          f"≥ {meta['link_review']}); {'semua' if args.all else f'{len(pairs)} teratas'}:")
    for number, pair in enumerate(pairs.to_dict("records"), start=1):
        print()
        print("\n".join(pair_lines(number, pair, every_field=args.all)))
    if total > len(pairs):
        print(f"\n… dan {total - len(pairs)} lagi: python -m etl links --all")
    return 0


def pair_lines(number: int, pair: dict, every_field: bool = False) -> list[str]:
    """One pending pair as the listing prints it: score, keys, the fields side by side, the two commands."""
    points = json.loads(pair["points"])
    why = "; satu register, dua nomor kasus (dua kejadian, kecuali petugas menautkannya)" if pair["same_register"] \
        else ""
    lines = [f"[{number}] {pair['election']}  skor {pair['score']:.1f}{why}",
             f"    A  {pair['record_a']}", f"    B  {pair['record_b']}"]
    for label, column, point in FIELDS:
        left, right = _shown(pair[f"a_{column}"]), _shown(pair[f"b_{column}"])
        if every_field or left != right or column == "subject_name":
            worth = f"  ({points[point]:+.1f})" if point and points.get(point) else ""
            lines.append(f"    {label:<13}{left:<38.38} | {right:<38.38}{worth}")
    if points.get("unique"):
        lines.append(f"    {'':<13}satu-satunya calon bagi keduanya ({points['unique']:+.1f})")
    keys = f"{shlex.quote(pair['record_a'])} {shlex.quote(pair['record_b'])}"
    lines += [f"    tautkan: python -m etl links confirm {keys}", f"    pisahkan: python -m etl links split {keys}"]
    return lines


def _shown(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "—"
    return value.strftime("%d-%m-%Y") if hasattr(value, "strftime") else str(value)


def run_decide(args: argparse.Namespace) -> int:
    """Record and apply one decision; 0, or 2 when it can't be made (nothing written)."""
    by = args.by or audit.cli_user()
    try:
        entry, report = review.decide(args.kind, args.record_a, args.record_b, by, args.note, args.force)
    except DecisionError as error:
        if args.json:
            print(json.dumps({"ok": False, "error": str(error)}, ensure_ascii=False))
        else:
            print(f"Tidak diputuskan: {error}")
        return 2
    word = "ditautkan" if entry.decision == CONFIRM else "dipisahkan"
    if args.json:
        print(json.dumps({"ok": True, "decision": entry.decision, "record_a": str(entry.a),
                          "record_b": str(entry.b), "decided_by": entry.decided_by, "decided_at": entry.decided_at,
                          "pending": report.pending, "person_cases": report.person_cases,
                          "conflicts": report.conflicts}, ensure_ascii=False))
        return 0
    print(f"{entry.a} dan {entry.b} {word} (oleh {entry.decided_by}, {entry.decided_at}).")
    for conflict in report.conflicts:
        print(f"Perhatian: {conflict}.")
    print(report.summary())
    return 0


def run_decisions(args: argparse.Namespace) -> int:
    """Print every decision with what it did; 0 (2 for a generation made before linking)."""
    if _outdated():
        return 2
    with Warehouse() as warehouse:
        decided = warehouse.link_decisions()
    if decided.empty:
        print("Belum ada keputusan petugas tentang pasangan catatan.")
        return 0
    for row in decided.to_dict("records"):
        word = "TAUTKAN" if row["decision"] == CONFIRM else "PISAHKAN"
        note = f" — {row['note']}" if row["note"] else ""
        print(f"{word:<9}{row['record_a']}  ~  {row['record_b']}  ({row['decided_by']}, {row['decided_at']}): "
              f"{OUTCOME_WORDS.get(row['outcome'], row['outcome'])}{note}")
    return 0


def run_relink(args: argparse.Namespace) -> int:
    """Link again in a new generation; 0."""
    report = review.relink(args.by or audit.cli_user(), [args.relink_election] if args.relink_election else None)
    print(report.summary())
    return 0


def _thresholds() -> dict:
    with db.connect_read_only() as con:
        meta = dict(con.execute("select key, value from meta where key like 'link_%'").fetchall())
    return {"link_sure": meta.get("link_sure", "?"), "link_review": meta.get("link_review", "?")}


def _outdated() -> bool:
    """True (and says what to do) when the published generation was made by an older Netra."""
    found = health(db.published_path())
    if found.kind == "outdated":
        print(f"Gudang data terbit {found.reason}.")
        return True
    return False
