"""The generations a warehouse keeps: which one to serve, what each holds and who made it, and restoring one.

History is append-only: `restore` never moves `current.duckdb` back to an old file, it publishes a NEW
generation copied from the old one (migrated to this Netra's schema, checked like any load) and writes an audit
line. When the published generation cannot be read, readers fall back to the newest one that can (`serving`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

import settings
from warehouse import audit, db
from warehouse.checks import failed_checks
from warehouse.health import GenerationBroken, Health, health

LINEAGE_SQL = "select key, value from meta where list_contains($keys, key)"
CONTENT_SQL = """
    select (select count(*) from cases) as cases,
           (select count(*) from load_batches) as loads,
           (select source_file from load_batches order by loaded_at desc limit 1) as last_file
"""
DEMO_KEYS = ("synthetic", "demo_seed", "demo_scale")
MADE_BY_WORDS = {"demo": "demo", "load": "muat", "restore": "pulihkan", "rebuild": "bangun ulang",
                 "link": "tautkan ulang", "lainnya": "lainnya"}


@dataclass(frozen=True)
class Serving:
    """The generation readers use now, and the newer published ones that could not be read (id, reason)."""

    path: Path | None
    current: Path | None
    broken: tuple[tuple[str, str], ...] = ()

    @property
    def fallback(self) -> bool:
        """Readers are on an older generation because the published one cannot be read."""
        return self.path is not None and self.path != self.current


@dataclass(frozen=True)
class GenerationInfo:
    """One generation as `etl generations` lists it."""

    id: str
    path: Path
    current: bool
    health: Health
    made_at: str
    made_by: str = ""
    made_by_user: str = ""
    source: str = ""
    inferred: bool = False  # made before generations recorded their lineage: read from their content
    cases: int | None = None
    loads: int | None = None
    problems: list[str] = field(default_factory=list)  # failed warehouse checks, or why it cannot be used

    @property
    def valid(self) -> bool:
        """Opens read-only and passes the warehouse checks (an outdated one: after migration)."""
        return self.health.readable and not self.problems


def published(folder: Path | None = None) -> list[Path]:
    """The published generations, newest first: the current one and those before it (not a killed writer's)."""
    current = db.current_path()
    files = db.generation_files(folder)
    return [path for path in files if current is None or path.name <= current.name]


def serving() -> Serving:
    """The current generation when it can be read, else the newest older one that can (None: none can)."""
    current = db.current_path()
    broken = []
    for path in published():
        found = health(path)
        if found.ok:
            return Serving(path, current, tuple(broken))
        broken.append((db.generation_id(path), found.reason))
    return Serving(None, current, tuple(broken))


def broken_current() -> str:
    """Why the published generation cannot be used, with the generation to restore — or '' when it can be.

    What every command line says before refusing to read or build on a broken generation (exit 2).
    """
    current = db.current_path()
    found = health(current) if current is not None else None
    if found is None or found.readable:
        return ""
    lines = [str(GenerationBroken(db.generation_id(current), found.reason))]
    sound = serving().path
    if sound is not None:
        lines.append(f"Generasi terbaru yang sah: {db.generation_id(sound)} (aplikasi memakainya sekarang). "
                     f"Terbitkan lagi: python -m etl restore {db.generation_id(sound)}")
    else:
        lines.append(f"Tidak ada generasi lain yang sah. Pindahkan {current.name} ke cadangan (bukan dihapus) "
                     "dan hapus tautan current.duckdb, lalu muat register lagi; `python -m etl demo` membangun "
                     "data demo.")
    return "\n".join(lines)


def find(text: str) -> Path:
    """The generation a person named: its id, its file name, or a unique start of its id."""
    wanted = text.strip().removeprefix(db.PREFIX).removesuffix(db.SUFFIX)
    matches = [path for path in published() if db.generation_id(path).startswith(wanted)] if wanted else []
    exact = [path for path in matches if db.generation_id(path) == wanted]
    if exact or len(matches) == 1:
        return (exact or matches)[0]
    if not matches:
        raise LookupError(f"Tidak ada generasi '{text}' di {settings.warehouse_dir()}; lihat "
                          "`python -m etl generations`.")
    named = ", ".join(db.generation_id(path) for path in matches[:5]) + (", …" if len(matches) > 5 else "")
    raise LookupError(f"'{text}' cocok dengan {len(matches)} generasi ({named}); tulis id-nya lebih panjang.")


def describe(path: Path, current: Path | None = None, check: bool = True) -> GenerationInfo:
    """What one generation holds and who made it; `check` runs the warehouse checks (an outdated one on a
    migrated copy that is never published)."""
    found = health(path)
    made_at = _time_of(db.generation_id(path))
    info = GenerationInfo(db.generation_id(path), path, path == current, found, made_at)
    if not found.readable:
        return replace(info, problems=[found.reason])
    with db.connect_read_only(path) as con:
        lineage = dict(con.execute(LINEAGE_SQL, {"keys": [*db.LINEAGE_KEYS, *DEMO_KEYS]}).fetchall())
        cases, loads, last_file = con.execute(CONTENT_SQL).fetchall()[0]
        problems = failed_checks(con) if check and found.ok else []
    if check and not found.ok:
        problems = _checks_after_migration(path)
    inferred = "made_by" not in lineage
    made_by = lineage.get("made_by") or ("demo" if lineage.get("synthetic") == "true" else "load")
    return replace(info, made_at=lineage.get("made_at") or made_at, made_by=made_by,
                    made_by_user=lineage.get("made_by_user", ""),
                    source=lineage.get("source") or _inferred_source(made_by, lineage, last_file),
                    inferred=inferred, cases=cases, loads=loads, problems=problems)


def listing(check: bool = True) -> list[GenerationInfo]:
    """Every published generation, newest first, described."""
    current = db.current_path()
    return [describe(path, current, check) for path in published()]


def restore(text: str, user: str) -> Path:
    """Publish the named generation again as a new generation (migrated, checked); audited either way."""
    details = {"generation": text}
    try:
        with db.writer_lock():
            path = find(text)
            details["generation"] = db.generation_id(path)
            if not health(path).readable:
                raise GenerationBroken(details["generation"], health(path).reason)
            with db.new_generation(base=path, made_by="restore", source=details["generation"]):
                pass
            new_path = db.published_path()
    except BaseException as error:
        audit.record("restore", user, "failed", **details, reason=str(error).splitlines()[0])
        raise
    audit.record("restore", user, "ok", **details, published=db.generation_id(new_path))
    return new_path


def made_by_words(info: GenerationInfo) -> str:
    """'muat register.csv (siti)', 'demo', 'pulihkan 20250101T…' — what made a generation, in words."""
    words = MADE_BY_WORDS.get(info.made_by, info.made_by)
    who = f" ({info.made_by_user})" if info.made_by_user else ""
    return f"{words}{' ' + info.source if info.source else ''}{who}{' [dari isinya]' if info.inferred else ''}"


def _inferred_source(made_by: str, meta: dict[str, str], last_file: str | None) -> str:
    """What made a generation that predates lineage: the demo's seed and scale, or the file loaded last."""
    if made_by == "demo":
        return db.demo_source(meta)
    return last_file or ""


def _checks_after_migration(path: Path) -> list[str]:
    """The checks of an outdated generation, run on a migrated copy that is removed afterwards."""
    try:
        with db.new_generation(base=path, made_by="restore", source=db.generation_id(path), publish=False):
            pass
    except db.CheckFailed as failure:
        return failure.failures
    except Exception as error:  # a migration that cannot apply says so in the listing instead of stopping it
        return [f"migrasi gagal: {str(error).splitlines()[0]}"]
    return []


def _time_of(generation: str) -> str:
    """The time a generation id encodes ('20241122T101010-…' → '2024-11-22T10:10:10')."""
    try:
        return dt.datetime.strptime(generation[:15], "%Y%m%dT%H%M%S").isoformat()
    except ValueError:
        return ""
