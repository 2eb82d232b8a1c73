"""What a rebuild did (or would do), for people and for programs: the prose and `etl rebuild --json`.

The JSON document, version 1 (one object on stdout; progress stays on stderr):

    {"netra_rebuild": 1, "dry_run": bool, "exit_status": 0|2, "kind": "archive"|"demo"|"none",
     "rebuilt_by": str, "from_generation": null|str, "published": null|str (the new generation's id),
     "refused": [str] (why nothing was published; empty when it was, or would be),
     "demo": null | {"seed": int, "scale": float},
     "totals": {"files", "files_changed", "cases_before", "cases_after", "records_changed", "records_gone",
                "records_new"},
     "files": [{"file", "load_id", "sha256", "loaded_at", "loaded_by", "options": {"election", "source_agency"},
                "status": replayed|already_loaded|unusable|missing|damaged|demo|not_replayed, "reason": null|str,
                "before": {"read", "loaded", "rejected", "duplicate", "warned"}, "after": same | null,
                "records": {"changed", "gone", "new"},
                "fields": [{"field", "changed", "examples": [{"case_id", "subject_no", "row", "before",
                                                              "after"}]}]}],
     "not_in_generation": [{"file", "sha256", "load_id", "loaded_at", "loaded_by"}]}

`files` follows load order, one entry per load of the published generation (a demo: per demo register).
`after` is null for a file that added nothing (already_loaded, unusable, or not replayed at all). `records.gone`
are records of the published generation with no partner in the rebuilt one (rejected now, or read under another
key), `records.new` the reverse; `fields` count paired records whose value changed (at most 3 examples each; a
name or NIP is counted, its values shown as "(data pribadi)"). `not_in_generation` lists archived files the
published generation does not hold (undone by `etl restore`): a rebuild never brings them back.
"""

from __future__ import annotations

from etl.rebuild import COUNTS, FileRebuild, RebuildReport

VERSION = 1
WORDS = {"read": "dibaca", "loaded": "dimuat", "rejected": "ditolak", "duplicate": "ganda", "warned": "peringatan"}
SHOWN_FIELDS = 8  # changed fields listed per file in the prose


def file_json(entry: FileRebuild) -> dict:
    changed = entry.changes
    return {
        "file": entry.file, "load_id": entry.load_id, "sha256": entry.sha256,
        "loaded_at": entry.loaded_at.isoformat(timespec="seconds") if entry.loaded_at else None,
        "loaded_by": entry.loaded_by,
        "options": {"election": entry.options.get("election"), "source_agency": entry.options.get("source_agency")},
        "status": entry.status, "reason": entry.reason, "before": entry.before, "after": entry.after,
        "records": {"changed": changed.changed, "gone": changed.gone, "new": changed.new}, "fields": changed.fields,
    }


def run_json(report: RebuildReport) -> dict:
    """The whole rebuild as the JSON document described above."""
    return {
        "netra_rebuild": VERSION, "dry_run": report.dry_run, "exit_status": report.exit_status, "kind": report.kind,
        "rebuilt_by": report.rebuilt_by, "from_generation": report.from_generation, "published": report.published,
        "refused": report.refused, "demo": report.demo, "totals": _totals(report),
        "files": [file_json(entry) for entry in report.files], "not_in_generation": report.not_in_generation,
    }


def _totals(report: RebuildReport) -> dict:
    return {"files": len(report.files), "files_changed": sum(_changed(entry) for entry in report.files),
            "cases_before": report.cases_before, "cases_after": report.cases_after,
            **{f"records_{key}": sum(getattr(entry.changes, key) for entry in report.files)
               for key in ("changed", "gone", "new")}}


def _changed(entry: FileRebuild) -> bool:
    """Whether anything about this file differs from the published generation."""
    records = entry.changes
    return entry.after != entry.before or bool(records.changed or records.gone or records.new)


def prose(report: RebuildReport) -> list[str]:
    """The lines `etl rebuild` prints: what it rebuilt from, per file what changed, and the outcome."""
    if report.kind == "none":
        return report.refused
    lines = [_heading(report)]
    for entry in report.files:
        lines += _file_lines(entry)
    if report.not_in_generation:
        named = ", ".join(f"{line['file']} ({line['sha256'][:12]}…)" for line in report.not_in_generation[:5])
        lines.append(f"Arsip juga menyimpan {len(report.not_in_generation)} berkas yang tidak ada di generasi terbit "
                     f"(dibatalkan dengan `etl restore`): {named}. Bangun ulang tidak membawanya kembali; muat lagi "
                     "bila perlu.")
    lines.append(_outcome(report))
    return lines


def _heading(report: RebuildReport) -> str:
    word = "Pratinjau bangun ulang" if report.dry_run else "Bangun ulang"
    what = (f"demo (benih {report.demo['seed']}, skala {report.demo['scale']:g})" if report.kind == "demo"
            else f"arsip: {len(report.files)} muatan")
    cases = (f", {report.cases_before:,} → {report.cases_after:,} kasus" if report.cases_after is not None else "")
    return f"{word} generasi {report.from_generation} dari {what}{cases}."


def _file_lines(entry: FileRebuild) -> list[str]:
    head = f"{entry.file} (muatan {entry.load_id})"
    if entry.status in ("missing", "damaged", "not_replayed"):
        return [f"{head}: tidak dibangun ulang" + (f" — {entry.reason}" if entry.reason else ".")]
    if entry.status in ("already_loaded", "unusable"):
        what = "tidak menambah apa pun" if entry.status == "already_loaded" else "TIDAK DAPAT DIPAKAI"
        return [f"{head}: {what} ({entry.reason}); sebelumnya {entry.before['loaded']} kasus dimuat."]
    if not _changed(entry):
        return [f"{head}: tidak berubah."]
    counts = [f"{WORDS[key]} {entry.before[key]} → {(entry.after or {}).get(key, 0)}" for key in COUNTS
              if entry.before[key] != (entry.after or {}).get(key, 0)]
    lines = [f"{head}: " + (", ".join(counts) if counts else "jumlah baris sama")]
    for found in entry.changes.fields[:SHOWN_FIELDS]:
        examples = "; ".join(f"{e['case_id']}#{e['subject_no']} baris {e['row']}: {e['before'] or '—'} → "
                             f"{e['after'] or '—'}" for e in found["examples"][:2])
        lines.append(f"       {found['field']} berubah pada {found['changed']} catatan, mis. {examples}")
    if len(entry.changes.fields) > SHOWN_FIELDS:
        lines.append(f"       … dan {len(entry.changes.fields) - SHOWN_FIELDS} kolom lain (lihat --json)")
    if entry.changes.new:
        lines.append(f"       {entry.changes.new} catatan baru (dulu ditolak, atau kini berkunci lain)")
    if entry.changes.gone:
        lines.append(f"       {entry.changes.gone} catatan hilang (kini ditolak, atau kini berkunci lain)")
    return lines


def _outcome(report: RebuildReport) -> str:
    if report.refused:
        return "DITOLAK, tidak ada yang diterbitkan:\n- " + "\n- ".join(report.refused)
    if report.dry_run:
        return "Pratinjau: tidak ada yang diterbitkan (jalankan tanpa --dry-run untuk menerbitkannya)."
    return (f"Diterbitkan: generasi baru {report.published} (bangun ulang). Kembali ke sebelumnya: "
            f"python -m etl restore {report.from_generation}")
