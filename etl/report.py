"""What a load (or a preview) did, for people and for programs: the prose summary and `etl load --json`.

The JSON is THE machine-readable outcome (the Muat data page reads it, never the prose). Its shape, version 1:

    {"netra_load": 1, "dry_run": bool, "exit_status": 0|2|3, "loaded_by": str,
     "replaced_demo": null | {"synthetic_cases_removed": int, "message": str},
     "totals": {"files", "rows_read", "rows_loaded", "rows_rejected", "rows_duplicate", "rows_warned",
                "rows_linked"},
     "files": [{"file", "status": loaded|loaded_with_problems|already_loaded|unusable, "exit_status",
                "reason": null|str, "load_id": null|str, "sha256", "election": null|str, "already_loaded": null|str,
                "counts": {"read", "loaded", "rejected", "duplicate", "warned", "replaced", "totals_skipped",
                           "linked": null|int (records that joined an existing person-case; null in a preview)},
                "link_pending": null|int (pairs of the file's elections waiting for a steward: etl links),
                "sheets": [{"name", "header_row", "rows", "title", "totals_skipped"}],
                "columns": [{"sheet", "header", "field": null|str, "how": phrasebook|header|content|netra|none,
                             "samples": [str], "share": null|float, "note": null|str}],
                "unmapped": [the columns entries whose field is null: kept raw in cases.extra],
                "unknown_phrases": [{"field", "column", "phrase", "count", "rows": [int]}],
                "notes": [{"column", "value", "note", "count"}],
                "rejected": [{"row", "column", "value", "reason"}], "warned": [same]}]}

`rejected`/`warned` hold the first 20 of each; `python -m etl rejected` writes them all.
"""

from __future__ import annotations

from etl.load import DEMO_REPLACED, LoadResult

VERSION = 1


def exit_status(results: list[LoadResult]) -> int:
    """2 if any file was unusable, else 3 if any row was rejected or duplicate, else 0."""
    statuses = {result.exit_status for result in results}
    return 2 if 2 in statuses else 3 if 3 in statuses else 0


def file_report(result: LoadResult) -> dict:
    return {
        "file": result.source_file, "status": result.status, "exit_status": result.exit_status,
        "reason": result.error, "load_id": result.load_id, "sha256": result.sha256, "election": result.election,
        "already_loaded": result.already_loaded,
        "counts": {"read": result.rows_read, "loaded": result.rows_loaded, "rejected": result.rows_rejected,
                   "duplicate": result.rows_duplicate, "warned": result.rows_warned,
                   "replaced": result.rows_replaced, "totals_skipped": result.totals_skipped,
                   "linked": result.rows_linked},
        "link_pending": result.link_pending,
        "sheets": result.sheets, "columns": result.columns, "unmapped": result.unmapped,
        "unknown_phrases": result.unknown, "notes": result.notes, "rejected": result.rejected,
        "warned": result.warned,
    }


def replaced_demo(results: list[LoadResult]) -> int | None:
    return next((result.replaced_demo for result in results if result.replaced_demo), None)


def run_report(results: list[LoadResult], dry_run: bool, loaded_by: str) -> dict:
    """The whole run as the JSON document described above."""
    removed = replaced_demo(results)
    return {
        "netra_load": VERSION, "dry_run": dry_run, "exit_status": exit_status(results), "loaded_by": loaded_by,
        "replaced_demo": None if removed is None else {
            "synthetic_cases_removed": removed, "message": DEMO_REPLACED.format(n=removed)},
        "totals": {"files": len(results), **{key: sum(getattr(r, key) or 0 for r in results) for key in (
            "rows_read", "rows_loaded", "rows_rejected", "rows_duplicate", "rows_warned", "rows_linked")}},
        "files": [file_report(result) for result in results],
    }


def prose(results: list[LoadResult], dry_run: bool, shown: int = 5) -> list[str]:
    """The lines `etl load` prints: one per file, a few rejected rows and warnings, what it did not know."""
    lines = []
    removed = replaced_demo(results)
    if removed:
        lines.append(("Akan: " if dry_run else "") + DEMO_REPLACED.format(n=removed))
    for result in results:
        lines.append(result.summary())
        if result.error or result.already_loaded:
            continue
        lines += [f"       ditolak: {row['reason']}" for row in result.rejected[:shown]]
        lines += [f"       peringatan: {row['reason']}" for row in result.warned[:shown]]
        if result.rows_rejected and not dry_run:
            lines.append(f"       Semua baris yang ditolak: python -m etl rejected --load-id {result.load_id} "
                         "--out ditolak.xlsx")
        for column in result.unmapped:
            lines.append(f"       kolom tanpa padanan (disimpan apa adanya): '{column['header']}'"
                         + (f" mis. {', '.join(column['samples'])}" if column["samples"] else ""))
        for column in result.columns:
            if column["how"] == "content":
                lines.append(f"       kolom '{column['header']}' dibaca sebagai {column['field']} dari isinya"
                             + (f" ({column['note']})" if column["note"] else ""))
        for entry in result.unknown[:shown * 2]:
            lines.append(f"       ungkapan belum dikenal di {entry['field']}: '{entry['phrase']}' "
                         f"({entry['count']}×); ajarkan: python -m etl teach phrase {entry['field']} "
                         f"\"{entry['phrase']}\" NILAI")
        lines += [f"       catatan: {note['note']} ({note['count']}×)" for note in result.notes]
    word = "akan dimuat" if dry_run else "dimuat"
    lines.append(f"Selesai{' (pratinjau, tidak ada yang ditulis)' if dry_run else ''}: {len(results)} berkas, "
                 f"{sum(r.rows_loaded for r in results)} kasus {word}, "
                 f"{sum(r.rows_rejected for r in results)} baris ditolak, "
                 f"{sum(r.rows_duplicate for r in results)} ganda, "
                 f"{sum(r.rows_warned for r in results)} baris dengan peringatan.")
    return lines
