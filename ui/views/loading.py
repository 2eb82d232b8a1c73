"""Loading registers from the app: save the uploads, run `python -m etl load` in a subprocess, say what happened.

A subprocess, not an import: only etl writes the warehouse, DuckDB's per-process instance cache never holds a
writer beside the app's read-only connections, and a loader that crashes cannot take the app down with it.
No Streamlit here: the page passes a callback for the progress lines.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

import settings
from ui.strings import label, t
from ui.views import tables
from ui.views.numbers import number

SUFFIXES = (".csv", ".xlsx")
TIMEOUT_S = 600  # a 1M-row CSV loads in about a minute (DESIGN §6); ten times that means it is stuck
POLL_S = 0.2
TAIL_LINES = 20
SUMMARY = re.compile(r"^(DIMUAT|SUDAH|GAGAL)\s+(.*)$")  # the loader's one line per file (LoadResult.summary)
FILE_STATUS = {"GAGAL": 2, "SUDAH": 3}  # DIMUAT: 0 or 3, from the counts
CORRECTION_ROW, CORRECTION_REASON = "Baris", "Alasan"  # headers the loader ignores, as `etl rejected` writes them
COUNT_COLUMNS = ("source_file", "loaded_at", "election", "rows_read", "rows_loaded", "rows_rejected",
                 "rows_duplicate")
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NO_LOADS = pd.DataFrame(columns=["load_id", "sha256", *COUNT_COLUMNS])  # before the first generation exists


@dataclass(frozen=True)
class LoaderRun:
    """What the loader process did: exit status (None: stopped at the time limit), its output, how long."""

    status: int | None
    stdout: str
    stderr: str
    seconds: float

    def tail(self, lines: int = TAIL_LINES) -> str:
        """The end of stderr as a person reads it (the progress bar's redraws collapsed to their last state)."""
        return "\n".join(progress_lines(self.stderr)[-lines:])


@dataclass(frozen=True)
class LoadAttempt:
    """One press of the button: the files as given to the loader (name, sha256), and the loader's run."""

    files: tuple[tuple[str, str], ...]
    run: LoaderRun

    @property
    def checksums(self) -> tuple[str, ...]:
        """The files' sha256, which find their rows in load_batches (a file is loaded once)."""
        return tuple(sha for _, sha in self.files)


@dataclass(frozen=True)
class FileOutcome:
    """One file: its exit status alone (0 all loaded, 3 rejected/duplicate rows or loaded before, 2 unusable,
    None unknown), the loader's line about it, and its load_batches row when it has one."""

    name: str
    status: int | None
    before: bool
    reason: str
    batch: dict | None


def upload_problems(names: Sequence[str], lang: str) -> list[str]:
    """Why these uploads cannot go to the loader (none chosen, not CSV/XLSX, two with one name); empty if fine."""
    if not names:
        return [t("ld_no_file", lang)]
    wrong = [t("ld_bad_type", lang, name=name) for name in names if Path(name).suffix.lower() not in SUFFIXES]
    twice = sorted({Path(name).name for name in names if [Path(n).name for n in names].count(Path(name).name) > 1})
    return wrong + [t("ld_same_name", lang, name=name) for name in twice]


def save_uploads(uploads, folder: Path) -> list[Path]:
    """Write each upload (`.name`, `.getvalue()`) under its original name, the lineage in load_batches."""
    paths = []
    for upload in uploads:
        path = folder / Path(upload.name).name  # a browser sends a bare name; never let a path escape `folder`
        path.write_bytes(upload.getvalue())
        paths.append(path)
    return paths


def sha256_of(path: Path) -> str:
    """The checksum the loader records for a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_command(paths: Sequence[Path], election: str | None = None, source_agency: str | None = None) -> list[str]:
    """`python -m etl load FILE… [--election E] [--source-agency A]` with this interpreter."""
    command = [sys.executable, "-m", "etl", "load", *map(str, paths)]
    if election:
        command += ["--election", election]
    if source_agency:
        command += ["--source-agency", source_agency]
    return command


def progress_lines(text: str) -> list[str]:
    """Lines of loader output, splitting the progress bar's carriage-return redraws too."""
    return [line.strip() for line in re.split(r"[\r\n]+", text) if line.strip()]


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
        lines = progress_lines(err_path.read_text(errors="replace"))
        if on_progress is not None and lines and lines[-1] != shown:
            shown = lines[-1]
            on_progress(shown)
        time.sleep(POLL_S)
    return process.returncode


def load_uploads(uploads, election: str | None = None, source_agency: str | None = None,
                 timeout_s: float = TIMEOUT_S, on_progress: Callable[[str], object] | None = None) -> LoadAttempt:
    """Save the uploads in a fresh temporary folder, load them all in one loader run, then remove the folder."""
    with tempfile.TemporaryDirectory(prefix="netra-upload-") as folder:
        paths = save_uploads(uploads, Path(folder))
        files = tuple((path.name, sha256_of(path)) for path in paths)
        return LoadAttempt(files, run_loader(load_command(paths, election, source_agency), timeout_s, on_progress))


def file_outcomes(attempt: LoadAttempt, batches: pd.DataFrame) -> list[FileOutcome]:
    """Each file's outcome: the loader prints one line per file in the order given; counts come from `batches`
    (the loads_by_sha256 query), so what is shown is what the warehouse holds."""
    summaries = [match.groups() for line in attempt.run.stdout.splitlines() if (match := SUMMARY.match(line))]
    if len(summaries) != len(attempt.files):  # the loader stopped before its report
        summaries = [(None, "")] * len(attempt.files)
    by_sha = {row["sha256"]: row for row in batches.to_dict("records")}
    outcomes = []
    for (name, sha), (word, line) in zip(attempt.files, summaries, strict=True):
        batch = by_sha.get(sha)
        status = FILE_STATUS.get(word)
        if word == "DIMUAT" and batch is not None:
            status = 3 if batch["rows_rejected"] or batch["rows_duplicate"] else 0
        outcomes.append(FileOutcome(name, status, word == "SUDAH", line.removeprefix(f"{name}: "), batch))
    return outcomes


def outcome_message(outcome: FileOutcome, lang: str) -> tuple[str, str]:
    """(kind: success | warning | info | error, one sentence) for one file."""
    if outcome.status is None:
        return "error", t("ld_outcome_unknown", lang, name=outcome.name)
    if outcome.status == 2:
        reason = outcome.reason[:1].upper() + outcome.reason[1:]  # a sentence of its own after the file name
        return "error", t("ld_outcome_2", lang, name=outcome.name, reason=reason)
    batch = outcome.batch or {}
    if outcome.before:
        when = batch["loaded_at"].strftime("%d-%m-%Y %H:%M") if batch else "—"
        return "info", t("ld_outcome_before", lang, name=outcome.name, when=when)
    counts = {key.removeprefix("rows_"): number(batch[key], lang) for key in COUNT_COLUMNS[3:]}
    return ("success", t("ld_outcome_0", lang, name=outcome.name, **counts)) if outcome.status == 0 else (
        "warning", t("ld_outcome_3", lang, name=outcome.name, **counts))


def counts_frame(batches: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per load of these files, headers in the chosen language and the election labelled."""
    shown = batches[list(COUNT_COLUMNS)].assign(
        election=[label("election", e, lang) if isinstance(e, str) else "—" for e in batches["election"]])
    return shown.rename(columns={c: t(f"ld_col_{c}", lang) for c in COUNT_COLUMNS})


def correction_frame(rejected: pd.DataFrame, source_file: str) -> pd.DataFrame:
    """One file's rejected rows as the steward sent them, with 'Baris' first and every reason in 'Alasan'."""
    rows = rejected[rejected["source_file"] == source_file]
    records = [
        {CORRECTION_ROW: int(row), **json.loads(raw), CORRECTION_REASON: "\n".join(group["reason"])}
        for (row, raw), group in rows.groupby(["row_number", "raw"], sort=False)
    ]
    return pd.DataFrame(records, dtype=object)


@dataclass(frozen=True)
class CorrectionFile:
    """The rejected rows of one register, as CSV and XLSX bytes named after it."""

    source_file: str
    stem: str
    csv: bytes
    xlsx: bytes


def correction_files(rejected: pd.DataFrame, lang: str) -> list[CorrectionFile]:
    """One correction file per register with rejected rows, headed by a note naming the file and its load."""
    files = []
    for (source_file, load_id), _ in rejected.groupby(["source_file", "load_id"], sort=False):
        frame = correction_frame(rejected, source_file)
        notes = [t("ld_export_title", lang, name=source_file, load_id=load_id)]
        files.append(CorrectionFile(source_file, f"ditolak-{Path(source_file).stem}", tables.csv_bytes(frame, notes),
                                    tables.xlsx_bytes(frame, notes, lang)))
    return files
