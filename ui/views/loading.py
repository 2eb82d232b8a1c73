"""Loading registers from the app: check and stage the uploads, preview them with `python -m etl load --dry-run
--json`, teach the loader (`python -m etl teach`), publish with the real load, say what happened.

A subprocess, not an import: only etl writes the warehouse (and the steward's phrasebook), DuckDB's per-process
instance cache never holds a writer beside the app's read-only connections, and a loader that crashes cannot take
the app down with it. The page reads the loader's JSON report (etl.report), never its prose. No Streamlit here:
the page passes a callback for the progress lines.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

import settings
from ui.strings import label, options, t
from ui.views.markup import escape
from ui.views.numbers import number
from warehouse import corrections
from warehouse.vocab import ALLOWED_VALUES

SUFFIXES = (".csv", ".xlsx")
MAX_FILE_MB = 200  # per file: .streamlit/config.toml server.maxUploadSize says the same to the browser
# all files of one upload together: the app holds every uploaded file in memory until the load is done, and
# 400 MB of uploads beside the warehouse keeps the server inside the app's 800 MB budget (DESIGN.md §6)
MAX_TOTAL_MB = 400
MAX_NAME_CHARS = 120  # longer names are not file names a person typed; they also break paths on some systems
TIMEOUT_S = 600  # a 1M-row CSV loads in about a minute (DESIGN §6); ten times that means it is stuck
POLL_S = 0.2
TAIL_LINES = 20
COUNT_KEYS = ("read", "loaded", "rejected", "duplicate", "warned")  # per file in the loader's JSON report
COUNT_COLUMNS = ("source_file", "loaded_at", "election", "rows_read", "rows_loaded", "rows_rejected",
                 "rows_duplicate", "rows_warned", "rows_linked")
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# what a steward may teach per field of the loader's report: the vocabulary its values come from
TEACHABLE = {"status": "status", "severity": "severity", "violation_type": "violation_type",
             "violation_class": "violation_class", "source_kind": "source_kind", "source_agency": "source_agency",
             "position": "position_class", "employee_type": "employee_type", "agency_level": "agency_level",
             "violation_form": "violation_form"}
HEADER_FIELDS = ("case_id", "election", "source_agency", "source_kind", "incident_date", "report_date",
                 "decision_date", "sanction_date", "region", "province", "subject_name", "subject_nip", "position",
                 "employee_type", "agency_name", "agency_level", "description", "violation_type", "violation_form",
                 "violation_class", "status", "sanction", "severity")  # columns a header can be taught to feed
IGNORE = "abaikan"
REPORT_FIELDS = (*HEADER_FIELDS, "status_2", "agency_2", "_sheet_name", "None")  # ld_field_{…}: a report's fields
HOWS = ("phrasebook", "header", "content", "netra", "none")  # ld_how_{…}: how a column was decided
KINDS = ("rejected", "warned")  # ld_export_{…}, ld_sheet_{…}: the two kinds of correction file
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class LoaderRun:
    """What a loader process did: exit status (None: stopped at the time limit), its output, how long."""

    status: int | None
    stdout: str
    stderr: str
    seconds: float

    def tail(self, lines: int = TAIL_LINES) -> str:
        """The end of stderr as a person reads it (the progress bar's redraws collapsed to their last state)."""
        return "\n".join(progress_lines(self.stderr)[-lines:])

    @property
    def report(self) -> dict | None:
        """The loader's JSON report (etl.report), or None when it stopped before writing one."""
        try:
            found = json.loads(self.stdout)
        except json.JSONDecodeError:
            return None
        return found if isinstance(found, dict) and found.get("netra_load") == 1 else None


@dataclass
class Staged:
    """Uploads kept on disk between the preview and the publish (or the cancel, which removes them)."""

    folder: Path
    names: list[str]
    election: str | None = None
    source_agency: str | None = None
    runs: list[LoaderRun] = field(default_factory=list)

    @property
    def paths(self) -> list[Path]:
        return [self.folder / name for name in self.names]

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _size(upload) -> int:
    size = getattr(upload, "size", None)
    return int(size) if size is not None else len(upload.getvalue())


def name_problem(name: str, lang: str) -> str | None:
    """Why a file name can't be used (too long, NUL, control characters or line breaks, path parts), or None."""
    shown = repr(name)[1:-1][:80]
    if len(name) > MAX_NAME_CHARS:
        return t("ld_name_long", lang, name=shown + "…", limit=MAX_NAME_CHARS)
    if _CONTROL.search(name) or any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in name):
        return t("ld_name_control", lang, name=shown)
    if "/" in name or "\\" in name or name.strip() in ("", ".", "..") or name.startswith("."):
        return t("ld_name_path", lang, name=shown)
    return None


def upload_problems(uploads: Sequence, lang: str) -> list[str]:
    """Why these uploads cannot go to the loader: none chosen, a name that is no file name, not CSV/XLSX, two
    with one name, a file or all together over the size limits. Empty when they can."""
    if not uploads:
        return [t("ld_no_file", lang)]
    names = [upload.name for upload in uploads]
    problems = [problem for name in names if (problem := name_problem(name, lang))]
    if problems:
        return problems
    problems += [t("ld_bad_type", lang, name=name) for name in names if Path(name).suffix.lower() not in SUFFIXES]
    twice = sorted({name for name in names if names.count(name) > 1})
    problems += [t("ld_same_name", lang, name=name) for name in twice]
    big = [upload.name for upload in uploads if _size(upload) > MAX_FILE_MB * 1_000_000]
    problems += [t("ld_file_too_big", lang, name=name, limit=MAX_FILE_MB) for name in big]
    total = sum(_size(upload) for upload in uploads)
    if total > MAX_TOTAL_MB * 1_000_000:
        problems.append(t("ld_total_too_big", lang, total=round(total / 1_000_000), limit=MAX_TOTAL_MB))
    return problems


def stage_uploads(uploads, election: str | None = None, source_agency: str | None = None) -> Staged:
    """Write each upload under its own name (checked by upload_problems) in a fresh folder of its own."""
    folder = Path(tempfile.mkdtemp(prefix="netra-upload-"))
    for upload in uploads:
        (folder / Path(upload.name).name).write_bytes(upload.getvalue())  # a bare name never leaves `folder`
    return Staged(folder, [Path(upload.name).name for upload in uploads], election, source_agency)


def load_command(paths: Sequence[Path], election: str | None = None, source_agency: str | None = None,
                 dry_run: bool = False, by: str | None = None) -> list[str]:
    """`python -m etl load FILE… --json [--dry-run] [--election E] [--source-agency A] [--by USER]`."""
    command = [sys.executable, "-m", "etl", "load", *map(str, paths), "--json"]
    if dry_run:
        command.append("--dry-run")
    if election:
        command += ["--election", election]
    if source_agency:
        command += ["--source-agency", source_agency]
    if by:
        command += ["--by", by]
    return command


def teach_command(kind: str, phrase: str, value: str, field_name: str = "", by: str | None = None) -> list[str]:
    """`python -m etl teach header PHRASE VALUE` or `… phrase FIELD PHRASE VALUE`, with who."""
    words = [phrase, value] if kind == "header" else [field_name, phrase, value]
    return [sys.executable, "-m", "etl", "teach", kind, *words, *(["--by", by] if by else [])]


def progress_lines(text: str) -> list[str]:
    """Lines of loader output, splitting the progress bar's carriage-return redraws too."""
    return [line.strip() for line in re.split(r"[\r\n]+", text) if line.strip()]


def finished_lines(text: str) -> list[str]:
    """progress_lines of output still being written, without a last line caught half way: a line counts once its
    newline has come, but a progress bar's redraw (after '\r', written whole by one flushed print) counts at once.
    (A traceback is written in pieces: 'FileExistsError:' was once shown as progress, its message still to come.)"""
    tail_at = text.rfind("\n") + 1
    if tail_at < len(text) and not text.startswith("\r", tail_at):
        text = text[:tail_at]
    return progress_lines(text)


def run_loader(command: Sequence[str], timeout_s: float = TIMEOUT_S,
               on_progress: Callable[[str], object] | None = None) -> LoaderRun:
    """Run `command` in the app's environment (NETRA_DATA_DIR passes through), report each new stderr line to
    `on_progress`, and kill it at the time limit (an unfinished generation is never published)."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="netra-load-") as logs:
        out_path, err_path = Path(logs, "stdout"), Path(logs, "stderr")
        with out_path.open("wb") as out, err_path.open("wb") as err:
            process = subprocess.Popen(command, cwd=settings.ROOT, env=os.environ.copy(), stdin=subprocess.DEVNULL,
                                       stdout=out, stderr=err)
        status = _wait(process, err_path, started + timeout_s, on_progress)
        return LoaderRun(status, out_path.read_text(errors="replace"), err_path.read_text(errors="replace"),
                         time.monotonic() - started)


def _wait(process: subprocess.Popen, err_path: Path, deadline: float, on_progress) -> int | None:
    """The exit status, or None after killing the process at `deadline`."""
    shown = None
    while process.poll() is None:
        if time.monotonic() > deadline:
            process.kill()
            process.wait()
            return None
        lines = finished_lines(err_path.read_text(errors="replace"))
        if on_progress is not None and lines and lines[-1] != shown:
            shown = lines[-1]
            on_progress(shown)
        time.sleep(POLL_S)
    return process.returncode


def preview(staged: Staged, by: str | None = None, timeout_s: float = TIMEOUT_S,
            on_progress: Callable[[str], object] | None = None) -> LoaderRun:
    """What loading the staged files would do (`--dry-run`): nothing is written."""
    command = load_command(staged.paths, staged.election, staged.source_agency, dry_run=True, by=by)
    run = run_loader(command, timeout_s, on_progress)
    staged.runs.append(run)
    return run


def publish(staged: Staged, by: str | None = None, timeout_s: float = TIMEOUT_S,
            on_progress: Callable[[str], object] | None = None) -> LoaderRun:
    """Load the staged files for real, then remove them."""
    try:
        return run_loader(load_command(staged.paths, staged.election, staged.source_agency, by=by), timeout_s,
                          on_progress)
    finally:
        staged.discard()


def teach(kind: str, phrase: str, value: str, field_name: str = "", by: str | None = None) -> tuple[bool, str]:
    """(taught, the loader's one-line answer) for one phrasebook entry."""
    run = run_loader(teach_command(kind, phrase, value, field_name, by), timeout_s=60)
    return run.status == 0, run.stdout.strip() or run.tail()


# --- what a report says, for the page --------------------------------------------------------------------------


def outcome_message(entry: dict, dry_run: bool, lang: str) -> tuple[str, str]:
    """(kind: success | warning | info | error, one sentence) for one file of a JSON report."""
    name = escape(entry["file"])  # a file name and the loader's sentences quote register text: never markup
    if entry["status"] == "unusable":
        reason = (entry["reason"] or "").removeprefix(f"{entry['file']}: ")
        return "error", t("ld_outcome_2", lang, name=name, reason=escape(reason[:1].upper() + reason[1:]))
    if entry["status"] == "already_loaded":
        return "info", t("ld_outcome_before", lang, name=name, load_id=escape(entry["already_loaded"]))
    counts = {key: number(entry["counts"][key], lang) for key in COUNT_KEYS}
    if dry_run:
        return ("success" if entry["exit_status"] == 0 and not entry["counts"]["warned"] else "warning",
                t("ld_preview_file", lang, name=name, **counts))
    if entry["exit_status"] == 0 and not entry["counts"]["warned"]:
        return "success", t("ld_outcome_0", lang, name=name, **counts)
    return "warning", t("ld_outcome_3", lang, name=name, **counts)


def link_message(entry: dict, lang: str) -> str | None:
    """What linking did with one loaded file: records that joined existing person-cases, pairs left for a steward
    (None for a preview or a file that loaded nothing)."""
    linked, pending = entry["counts"].get("linked"), entry.get("link_pending")
    if linked is None:
        return None
    text = t("ld_linked", lang, name=entry["file"], n=number(linked, lang))
    return text + (t("ld_link_pending", lang, n=number(pending, lang)) if pending else "")


def columns_frame(entry: dict, lang: str) -> pd.DataFrame:
    """The column mapping of one file: header, the field it feeds, how that was decided, sample values."""
    rows = [{t("ld_col_header", lang): column["header"],
             t("ld_col_field", lang): t(f"ld_field_{column['field']}", lang) if column["field"] else "—",
             t("ld_col_how", lang): t(f"ld_how_{column['how']}", lang),
             t("ld_col_samples", lang): " · ".join(column["samples"]),
             t("ld_col_note", lang): column["note"] or ""}
            for column in entry["columns"]]
    return pd.DataFrame(rows, dtype=object)


def rows_frame(rows: list[dict], lang: str) -> pd.DataFrame:
    """Rejected or warned rows of a report (the first ones): row, column, value, reason."""
    keys = {"row": "ld_col_row", "column": "ld_col_column", "value": "ld_col_value", "reason": "ld_col_reason"}
    return pd.DataFrame([{t(key, lang): row[name] for name, key in keys.items()} for row in rows], dtype=object)


def teach_choices(field_name: str, lang: str) -> dict[str, str]:
    """The values a phrase of `field_name` may be taught, with their labels (codes where none are written)."""
    column = TEACHABLE[field_name]
    labelled = options(column, lang)
    return {value: labelled.get(value, value) for value in ALLOWED_VALUES[column]}


def header_choices(lang: str) -> dict[str, str]:
    """The columns a header may be taught to feed (or none: kept raw), with their labels."""
    return {IGNORE: t("ld_field_None", lang), **{name: t(f"ld_field_{name}", lang) for name in HEADER_FIELDS}}


def counts_frame(batches: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per load, headers in the chosen language and the election labelled."""
    shown = batches[list(COUNT_COLUMNS)].assign(
        election=[label("election", e, lang) if isinstance(e, str) else "—" for e in batches["election"]])
    return shown.rename(columns={c: t(f"ld_col_{c}", lang) for c in COUNT_COLUMNS})


@dataclass(frozen=True)
class CorrectionFile:
    """The rejected (or warned) rows of one register, as CSV and XLSX bytes named after it."""

    source_file: str
    kind: str  # rejected | warned
    stem: str
    csv: bytes
    xlsx: bytes


def correction_files(problems: pd.DataFrame, batches: pd.DataFrame, kind: str, lang: str) -> list[CorrectionFile]:
    """One correction file per register with such rows (warehouse.corrections: the layout `etl rejected`
    writes), headed by a note naming the file and its load, then the lines that make it read like the original."""
    files = []
    by_load = {row["load_id"]: row for row in batches.to_dict("records")}
    for (source_file, load_id), rows in problems.groupby(["source_file", "load_id"], sort=False):
        grouped = [(int(row), raw, "\n".join(group["reason"]))
                   for (row, raw), group in rows.groupby(["row_number", "raw"], sort=False)]
        frame = corrections.correction_frame(grouped, kind)
        batch = by_load.get(load_id, {})
        notes = [t(f"ld_export_{kind}", lang, name=source_file, load_id=load_id),
                 *corrections.hint_lines(source_file, load_id, batch.get("options"), batch.get("mapping"))]
        csv, xlsx = corrections.correction_bytes(frame, notes, t(f"ld_sheet_{kind}", lang))
        prefix = "ditolak" if kind == "rejected" else "peringatan"
        files.append(CorrectionFile(source_file, kind, f"{prefix}-{Path(source_file).stem}", csv, xlsx))
    return files
