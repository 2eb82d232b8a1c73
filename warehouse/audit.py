"""The append-only audit: who signed in, loaded, exported or restored what, and when.

One JSON object per line in `settings.audit_dir()/audit.jsonl`, outside the warehouse generations, so publishing
or restoring a generation never loses a line. Lines are appended under an exclusive lock and flushed to disk
before the caller goes on; nothing ever rewrites the file.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import getpass
import json
import os
from pathlib import Path

import pandas as pd

import settings

FILE = "audit.jsonl"
COLUMNS = ("at", "event", "user", "outcome", "details")  # details: the event's own fields as JSON


def audit_path() -> Path:
    """Where the audit lives (NETRA_DATA_DIR moves it with the warehouse)."""
    return settings.audit_dir() / FILE


def cli_user() -> str:
    """Who runs a command-line tool: NETRA_USER when set (a scheduler's name), else the operating-system user."""
    return os.environ.get("NETRA_USER") or getpass.getuser()


def record(event: str, user: str, outcome: str = "ok", **details) -> dict:
    """Append one line (event: sign_in, load, export, restore, …) and return it as written."""
    line = {"at": dt.datetime.now().isoformat(timespec="seconds"), "event": event, "user": user,
            "outcome": outcome, **details}
    path = audit_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(line, ensure_ascii=False, default=str) + "\n"
    with path.open("a", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    return line


def entries(limit: int | None = None) -> pd.DataFrame:
    """The audit as a table, newest first (details as a JSON text column); empty when nothing was recorded."""
    path = audit_path()
    rows = []
    if path.exists():
        for text in path.read_text(encoding="utf-8").splitlines():
            try:
                line = json.loads(text)
            except json.JSONDecodeError:  # a torn last line after a crash is shown, never dropped
                line = {"event": "unreadable", "details": text}
            own = {key: line.pop(key, None) for key in COLUMNS[:-1]}
            rows.append({**own, "details": json.dumps(line, ensure_ascii=False, default=str) if line else ""})
    frame = pd.DataFrame(rows, columns=list(COLUMNS)).iloc[::-1].reset_index(drop=True)
    return frame.head(limit) if limit else frame
