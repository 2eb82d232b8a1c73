"""`etl rebuild`: the published generation made again from what it is a function of, and what that changed.

A real generation is a function of its registers — the raw archive's files (etl.archive) that its load_batches
name, in load order, each read with the options it was loaded with (election, source agency) and written under
its own load id, time and user — of today's Netra (rules, aliases, reference tables) and of the steward's
phrasebook. A demo generation holds no register: it is a function of its seed and scale (meta) and the demo's
targets. A real load replaces the demo (never mixed), so a rebuild is either a demo rebuild or an archive replay.

The replay goes through the loader's own code (etl.pipeline.read_file, etl.load.write_load) into one fresh
generation, published atomically like any load (made_by rebuild), after the same checks, and audited. A file
already replayed, read the same way, adds nothing (as a load of it would); corrections loaded later replay after
the file they correct, as they did. The new generation is then compared with the published one (etl.changes):
per file, the counts before → after, the records that changed (per field, with examples), went or came.
`dry_run` builds, checks and compares the same way, then discards the generation.

Refused (exit 2, nothing published, the report says why): nothing published yet; an archived file missing or
whose bytes no longer match its sha256 (checked before anything is built); a file that loaded before and can't
be used today (its cases would silently vanish); a rebuilt generation that fails the checks.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from etl import archive, changes, phrasebook
from etl.demo.build import write_demo
from etl.load import Progress, earlier_load, file_result, reading_fingerprint, write_load
from etl.pipeline import read_file
from etl.sql import statement
from etl.validate import Defaults
from warehouse import audit, db
from warehouse.health import health

REPLAY_STEPS = 10  # a load's progress bar (etl.load) without its own check: one check ends the whole rebuild
COUNTS = {"read": "rows_read", "loaded": "rows_loaded", "rejected": "rows_rejected",
          "duplicate": "rows_duplicate", "warned": "rows_warned"}


UNUSABLE_NOW = ("Berkas yang dulu dimuat kini tidak dapat dipakai; kasusnya akan hilang, jadi tidak ada yang "
                "diterbitkan. Periksa apa yang berubah (`python -m etl phrasebook --all`, catatan rilis Netra).")


class Refused(RuntimeError):
    """A rebuild that must not be published; the report's `refused` says why."""


@dataclass
class FileRebuild:
    """One load of the published generation, replayed: what it held before, what it holds now, what changed."""

    file: str
    load_id: str
    sha256: str
    loaded_at: dt.datetime
    loaded_by: str
    options: dict
    before: dict
    status: str = "replayed"  # replayed | already_loaded | unusable | missing | damaged | demo | not_replayed
    reason: str | None = None
    after: dict | None = None
    changes: changes.LoadChanges = field(default_factory=changes.LoadChanges)

    @property
    def defaults(self) -> Defaults:
        return Defaults(self.options.get("election"), self.options.get("source_agency"))


@dataclass
class RebuildReport:
    """The whole rebuild, for the prose and `etl rebuild --json` (etl.rebuild_report)."""

    kind: str  # archive | demo | none
    dry_run: bool
    rebuilt_by: str
    from_generation: str | None = None
    published: str | None = None
    refused: list[str] = field(default_factory=list)
    files: list[FileRebuild] = field(default_factory=list)
    demo: dict | None = None
    cases_before: int | None = None
    cases_after: int | None = None
    not_in_generation: list[dict] = field(default_factory=list)  # archived files the published one doesn't hold

    @property
    def exit_status(self) -> int:
        return 2 if self.refused else 0


def rebuild(dry_run: bool = False, by: str | None = None, progress: bool = True) -> RebuildReport:
    """Rebuild the published generation (or, `dry_run`, only say what that would change); audited either way."""
    by = by or audit.cli_user()
    with db.writer_lock():  # nothing may be loaded between reading the plan and publishing its rebuild
        report = _rebuild(dry_run, by, progress)
    audit.record("rebuild_preview" if dry_run else "rebuild", by, "refused" if report.refused else "ok",
                 kind=report.kind, from_generation=report.from_generation, published=report.published,
                 files=[entry.file for entry in report.files], sha256=[entry.sha256 for entry in report.files],
                 reason=report.refused[0] if report.refused else None)
    return report


def _rebuild(dry_run: bool, by: str, progress: bool) -> RebuildReport:
    current = db.current_path()
    if current is None:
        return RebuildReport("none", dry_run, by, refused=[str(_nothing_published())])
    if health(current).kind == "outdated":  # its tables lack what a replay reads: migrate it first
        return RebuildReport("none", dry_run, by, db.generation_id(current), refused=[
            f"Generasi terbit {db.generation_id(current)} {health(current).reason}. Mutakhirkan dulu: "
            "python -m etl upgrade, lalu bangun ulang."])
    with db.connect_read_only(current) as con:
        meta = dict(con.execute("select key, value from meta").fetchall())
        plan = [_planned(row) for row in _load_plan(con)]
    report = RebuildReport("demo" if meta.get("synthetic") == "true" else "archive", dry_run, by,
                           db.generation_id(current), files=plan)
    report.not_in_generation = _not_in_generation(plan)  # a demo built over real loads holds none of them
    if report.kind == "demo":
        _rebuild_demo(report, current, meta, progress)
    else:
        _replay_archive(report, current, progress)
    return report


def _rebuild_demo(report: RebuildReport, current: Path, meta: dict[str, str], progress: bool) -> None:
    """A demo generation again, from the seed and scale its meta records (the demo is no raw file)."""
    if not {"demo_seed", "demo_scale"} <= set(meta):
        report.refused.append(f"Generasi demo {report.from_generation} tidak mencatat benih dan skalanya; bangun "
                              "lagi dengan `python -m etl demo --seed N --scale K`.")
        return
    report.demo = {"seed": int(meta["demo_seed"]), "scale": float(meta["demo_scale"])}
    for entry in report.files:
        entry.status = "demo"
    say = _say if progress else None
    _build(report, current, f"demo {db.demo_source(meta)}", lambda con: write_demo(con, **report.demo, progress=say))


def _replay_archive(report: RebuildReport, current: Path, progress: bool) -> None:
    """Every load of the published generation again, from its archived file, with today's phrasebook."""
    if _archive_problems(report):
        return
    book = phrasebook.load()
    with tempfile.TemporaryDirectory(prefix="netra-rebuild-") as names:
        _build(report, current, f"arsip: {len({entry.sha256 for entry in report.files})} berkas",
               lambda con: _replay_all(con, report, book, Path(names), progress))


def _load_plan(con) -> list[dict]:
    """The loads a generation holds, in load order, as dicts (values as DuckDB gives them: loaded_at a datetime)."""
    cursor = con.execute(statement("load_plan"))
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _planned(row: dict) -> FileRebuild:
    options = json.loads(row["options"]) if row["options"] else {}
    return FileRebuild(row["source_file"], row["load_id"], row["sha256"], row["loaded_at"], row["loaded_by"],
                       options if isinstance(options, dict) else {}, _counts(row))


def _counts(row: dict) -> dict:
    return {key: int(row[column]) for key, column in COUNTS.items()}


def _nothing_published() -> FileNotFoundError:
    try:
        db.published_path()
    except FileNotFoundError as error:
        return error
    return FileNotFoundError("Belum ada gudang data.")


def _archive_problems(report: RebuildReport) -> bool:
    """Refuse before building anything when an archived file is missing or changed; True when refused."""
    found = {sha256: archive.problem(sha256) for sha256 in {entry.sha256 for entry in report.files}}
    for entry in report.files:
        if found[entry.sha256]:
            entry.status, why = found[entry.sha256]
            entry.reason = f"{entry.file} (muatan {entry.load_id}, sha256 {entry.sha256[:12]}…) {why}"
            report.refused.append(entry.reason)
    if report.refused:
        for entry in report.files:
            entry.status = "not_replayed" if entry.status == "replayed" else entry.status
        report.refused.append("Tidak ada yang dibangun ulang. Muat lagi berkas aslinya dengan `python -m etl load "
                              "BERKAS` (berkas yang sama persis tidak menambah apa pun; ia hanya diarsipkan lagi).")
    return bool(report.refused)


def _not_in_generation(plan: list[FileRebuild]) -> list[dict]:
    """Files in the archive's manifest that no load of the published generation used (undone by a restore)."""
    held, listed = {entry.sha256 for entry in plan}, {}
    for line in archive.manifest():
        if line.get("sha256") not in held:
            listed.setdefault(line.get("sha256"), {key: line.get(key) for key in ("file", "sha256", "load_id",
                                                                                   "loaded_at", "loaded_by")})
    return list(listed.values())


def _build(report: RebuildReport, current: Path, source: str, write) -> None:
    """Make the new generation with `write(con)`, compare it with `current`; publish unless a dry run or refused."""
    try:
        with db.new_generation(fresh=True, made_by="rebuild", source=source, made_from=current,
                               publish=not report.dry_run) as con:
            write(con)
            changes.attach_published(con, current)
            db.fill_derived(con)  # so derived columns compare as they will be published
            _after(con, report)
            if report.refused:
                raise Refused
    except Refused:
        return
    except db.CheckFailed as failure:
        report.refused += failure.failures
        return
    if not report.dry_run:
        report.published = db.generation_id(db.current_path())


def _after(con, report: RebuildReport) -> None:
    """The new generation's counts per load and the comparison, into the report."""
    after = {row["load_id"]: _counts(row) for row in _load_plan(con)}
    comparison = changes.compare(con)
    report.cases_before, report.cases_after = comparison.cases_before, comparison.cases_after
    for entry in report.files:
        entry.after = after.get(entry.load_id)
        entry.changes = comparison.of(entry.load_id)


def _replay_all(con, report: RebuildReport, book: phrasebook.Phrasebook, folder: Path, progress: bool) -> None:
    """Replay every planned load in order; a file that loaded before and can't be used now refuses the rebuild."""
    for number, entry in enumerate(report.files):
        _replay(con, entry, book, folder / str(number), progress)
    unusable = [entry.reason for entry in report.files if entry.status == "unusable"]
    if unusable:
        report.refused += [*unusable, UNUSABLE_NOW]


def _replay(con, entry: FileRebuild, book: phrasebook.Phrasebook, folder: Path, progress: bool) -> None:
    """Read one archived file as today's Netra reads it and write it under its own load id, time and user."""
    bar = Progress(entry.file, REPLAY_STEPS, progress)
    try:
        earlier = earlier_load(con, entry.sha256, reading_fingerprint(entry.defaults, book))
        if earlier:
            entry.status, entry.reason = "already_loaded", f"dibaca sama dengan muatan {earlier[0]}"
            return
        bar.step("membaca berkas")
        reading = read_file(archive.link_as(entry.sha256, entry.file, folder), entry.defaults, book,
                            on_step=bar.step)
        if reading.error:
            entry.status, entry.reason = "unusable", reading.error
            return
        result = file_result(reading, entry.defaults, dry_run=False)
        result.load_id = entry.load_id
        bar.step("menulis generasi baru")
        write_load(con, reading, entry.defaults, book, result, entry.loaded_at, entry.loaded_by)
        bar.step("selesai")
    finally:
        bar.close()


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
