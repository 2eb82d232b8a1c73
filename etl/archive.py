"""The raw archive: every register a load accepted, byte for byte, so every generation can be rebuilt from it.

`settings.raw_dir()/<sha256>` holds the file's bytes under their sha256 (content-addressed: the same bytes loaded
twice, under any name, are one file). A file is written atomically — copied to a temporary name, checked against
the sha256 the load read, fsynced, made read-only and then linked into place; a link never replaces an existing
name, so an archived file is never overwritten. `manifest.jsonl` beside the files has one JSON line per load that
used one (append-only, under a lock, flushed to disk): the sha256, the file's original name and size, the load's
id, when and by whom it was loaded, and its options (election, source agency, the phrasebook and reading
fingerprints). The published generation's own `load_batches` says which of those loads it holds: that is what
`etl rebuild` replays.

Accepted means a load published a generation with the file (every row loaded, or some rejected or duplicate). A
preview archives nothing. An unusable file (unreadable, empty, no recognisable columns, a hostile workbook) is not
accepted: nothing of it reached a generation, so a rebuild has nothing to replay, and keeping hostile bytes helps
nobody (the audit keeps its name and sha256). A file that was loaded before this archive existed is archived the
next time it is loaded, even when that load adds nothing.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import settings

MANIFEST = "manifest.jsonl"
CHUNK = 1 << 20
READ_ONLY = 0o444
SHA256_NAME = re.compile("[0-9a-f]{64}")


class ArchiveError(RuntimeError):
    """A file could not be archived; the message names it and says why (the load publishes nothing)."""


@dataclass(frozen=True)
class Kept:
    """A file in the archive, and whether this load put it there (so a load that fails can take it out again)."""

    path: Path
    sha256: str
    size: int
    created: bool


def archived_path(sha256: str) -> Path:
    """Where the bytes with this sha256 are (or would be) kept."""
    return settings.raw_dir() / sha256


def manifest_path() -> Path:
    return settings.raw_dir() / MANIFEST


def digest(path: Path) -> str:
    """The sha256 of a file, read in chunks (a 100 MB register never sits in memory twice)."""
    found = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            found.update(chunk)
    return found.hexdigest()


def problem(sha256: str) -> tuple[str, str] | None:
    """(missing | damaged, why) when the archived bytes for this sha256 are not there as they were, else None."""
    path = archived_path(sha256)
    if not path.is_file():
        return "missing", f"tidak ada di arsip ({path})"
    try:
        found = digest(path)
    except OSError as error:
        return "damaged", f"tidak dapat dibaca di arsip ({path}: {error.strerror})"
    if found != sha256:
        return "damaged", f"isinya berubah di arsip ({path}: sha256 kini {found[:12]}…)"
    return None


def keep(source: Path, sha256: str) -> Kept:
    """Archive `source`, whose bytes the load read as `sha256`; a no-op when those bytes are already kept.

    An archived copy whose bytes no longer match its name is moved aside (`<sha256>.rusak-<time>`, kept for
    whoever looks into it) and written again from `source`. Raises ArchiveError when the bytes differ from what
    the load read (the file changed while it was loaded) or the archive cannot be written.
    """
    folder = settings.raw_dir()
    target = folder / sha256
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if target.is_file():
            if problem(sha256) is None:
                return Kept(target, sha256, target.stat().st_size, False)
            target.rename(folder / f"{sha256}.rusak-{dt.datetime.now():%Y%m%dT%H%M%S}")
        size = _write_atomically(source, sha256, target)
    except OSError as error:
        raise ArchiveError(f"{source.name}: arsip berkas mentah tidak dapat ditulis di {folder} "
                           f"({error.strerror or error}); tidak ada yang diterbitkan.") from None
    return Kept(target, sha256, size, True)


def _write_atomically(source: Path, sha256: str, target: Path) -> int:
    """Copy to a temporary name, check, fsync, make read-only, then link into place (never replacing a name)."""
    tmp = target.with_name(f".{sha256}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    found = hashlib.sha256()
    with source.open("rb") as reader, tmp.open("wb") as writer:
        while chunk := reader.read(CHUNK):
            found.update(chunk)
            writer.write(chunk)
        writer.flush()
        os.fsync(writer.fileno())
    if found.hexdigest() != sha256:
        tmp.unlink(missing_ok=True)
        raise ArchiveError(f"{source.name}: berkas berubah selama dimuat (sha256 {found.hexdigest()[:12]}…, "
                           f"dibaca {sha256[:12]}…); muat lagi setelah berkas selesai disalin.")
    os.chmod(tmp, READ_ONLY)
    try:
        os.link(tmp, target)
    except FileExistsError:  # the same bytes were archived meanwhile: theirs stays
        pass
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_folder(target.parent)
    return target.stat().st_size


def _fsync_folder(folder: Path) -> None:
    """Make the new name durable (a crash right after the load must not lose the archived file)."""
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def discard(kept: Kept | None) -> None:
    """Take out a file this load archived when its generation was not published (it was never accepted)."""
    if kept is not None and kept.created:
        kept.path.unlink(missing_ok=True)


def record(kept: Kept, file: str, load_id: str, loaded_at: dt.datetime | str, loaded_by: str,
           options: dict | str | None) -> dict:
    """Append the manifest line of one load that used an archived file, and return it."""
    if isinstance(options, str):
        options = json.loads(options or "null")
    line = {"sha256": kept.sha256, "file": file, "size": kept.size, "load_id": load_id,
            "loaded_at": loaded_at if isinstance(loaded_at, str) else loaded_at.isoformat(timespec="seconds"),
            "loaded_by": loaded_by, "options": options or {},
            "archived_at": dt.datetime.now().isoformat(timespec="seconds")}
    path = manifest_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        handle.write(json.dumps(line, ensure_ascii=False, default=str) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    return line


def manifest() -> list[dict]:
    """Every manifest line, oldest first (a torn last line after a crash is skipped, never rewritten)."""
    path = manifest_path()
    if not path.exists():
        return []
    lines = []
    for text in path.read_text(encoding="utf-8").splitlines():
        try:
            lines.append(json.loads(text))
        except json.JSONDecodeError:
            continue
    return lines


def link_as(sha256: str, name: str, folder: Path) -> Path:
    """The archived bytes under their original name in `folder` (a symlink): the name is part of how a register
    reads (an election or agency written in it, CSV or XLSX by its suffix)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / Path(name).name
    path.symlink_to(archived_path(sha256))
    return path


def holdings() -> tuple[int, int]:
    """(files, bytes) the archive holds (its sha256-named files; not the manifest, nor damaged copies set aside)."""
    folder = settings.raw_dir()
    files = [path for path in folder.iterdir() if SHA256_NAME.fullmatch(path.name)] if folder.is_dir() else []
    return len(files), sum(path.stat().st_size for path in files)
