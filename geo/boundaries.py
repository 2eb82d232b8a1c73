"""Boundary files: validate codes against the reference, simplify only when too big, publish for the browser.

The installed copy lives in `settings.geo_dir()` (data/geo); what the browser fetches once lives in
`settings.STATIC_DIR / "geo"` (served at app/static/geo/). Neither is committed: the files come from
NETRA_GEO_SOURCE. A manifest records the source hashes so a second install with the same source is a no-op.
"""

from __future__ import annotations

import functools
import hashlib
import json
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path

import settings

KABUPATEN, PROVINSI = "kabupaten_kota.geojson", "provinsi.geojson"
LICENSE = "LICENSE-SOURCES.txt"
MANIFEST = "install.json"
# level -> (file, code property, name property); feature ids equal the code in the shipped files
LEVELS = {"kabupaten": (KABUPATEN, "kode", "nama"), "provinsi": (PROVINSI, "kode_prov", "nama_prov")}
# Uncompressed bytes per file before we simplify further; the shipped 1.8 MB kab/kota file gzips to ~0.6 MB,
# which the browser fetches once. Bigger files cost seconds of first render for no visible detail.
SIZE_BUDGET = 2_500_000
FIRST_TOLERANCE = 0.002  # degrees (~200 m), doubled until the file fits the budget
MAX_HALVINGS = 8
DECIMALS = 5  # ~1 m; more digits only add bytes


class BoundaryError(RuntimeError):
    """A boundary file that cannot be used at all (missing, not GeoJSON, no features)."""


@dataclass
class CodeReport:
    """How one boundary file's feature codes compare with the reference list."""

    level: str
    features: int = 0
    missing: list[str] = field(default_factory=list)  # in the reference, no feature
    unknown: list[str] = field(default_factory=list)  # a feature, not in the reference
    duplicated: list[str] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)  # a feature without any coordinates

    def ok(self) -> bool:
        """True when every reference code has exactly one non-empty feature and nothing else is there."""
        return not (self.missing or self.unknown or self.duplicated or self.empty)

    def sentences(self) -> list[str]:
        """The problems, as sentences a data steward can act on."""
        what = "kabupaten/kota" if self.level == "kabupaten" else "provinsi"
        out = []
        if self.missing:
            out.append(f"{len(self.missing)} kode {what} tidak punya batas wilayah: {_few(self.missing)}; "
                       "wilayah ini tidak tergambar di peta.")
        if self.unknown:
            out.append(f"{len(self.unknown)} batas {what} berkode di luar daftar Kemendagri: "
                       f"{_few(self.unknown)}; batas ini diabaikan.")
        if self.duplicated:
            out.append(f"Kode {what} muncul lebih dari sekali: {_few(self.duplicated)}.")
        if self.empty:
            out.append(f"Batas {what} kosong (tanpa koordinat): {_few(self.empty)}.")
        return out


def _few(codes: list[str], limit: int = 10) -> str:
    return ", ".join(codes[:limit]) + (f" dan {len(codes) - limit} lainnya" if len(codes) > limit else "")


def static_geo_dir() -> Path:
    """Where the browser-facing copies go (served at app/static/geo/)."""
    return settings.STATIC_DIR / "geo"


def url(level: str = "kabupaten") -> str:
    """Relative URL the browser fetches the boundaries of `level` from (works on every page path)."""
    return f"app/static/geo/{LEVELS[level][0]}"


def installed_path(level: str = "kabupaten") -> Path:
    """The installed file of `level` in data/geo (for static export, which reads a file, not a URL)."""
    return settings.geo_dir() / LEVELS[level][0]


def installed() -> bool:
    """True when both levels are installed and published; otherwise pages fall back to the bubble map."""
    return all((settings.geo_dir() / name).is_file() and (static_geo_dir() / name).is_file()
               for name, _, _ in LEVELS.values())


def manifest(geo_dir: Path | None = None) -> dict | None:
    """What the last install recorded (source hashes, sizes, code reports), or None before any install."""
    path = (geo_dir or settings.geo_dir()) / MANIFEST
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def reference_codes(level: str) -> list[str]:
    """Codes the map must cover: the 514 kabupaten/kota or the 38 provinces of data/reference."""
    name, column = ("regions.csv", "kode") if level == "kabupaten" else ("provinces.csv", "code")
    return [row[column] for row in settings.read_reference(name)]


def sha256(path: Path) -> str:
    """Hex digest of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_collection(path: Path) -> dict:
    """A GeoJSON FeatureCollection, or a BoundaryError saying what is wrong with the file."""
    if not path.is_file():
        raise BoundaryError(f"Berkas batas wilayah {path} tidak ada.")
    try:
        collection = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BoundaryError(f"Berkas {path.name} bukan GeoJSON yang sah ({error}); ambil ulang berkasnya.") from None
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection" \
            or not collection.get("features"):
        raise BoundaryError(f"Berkas {path.name} bukan FeatureCollection berisi fitur; ambil ulang berkasnya.")
    return collection


def check_codes(collection: dict, level: str, expected: list[str] | None = None) -> CodeReport:
    """Compare the feature codes of `collection` with the reference codes of `level`."""
    code_key = LEVELS[level][1]
    expected = reference_codes(level) if expected is None else expected
    seen: dict[str, int] = {}
    report = CodeReport(level, features=len(collection["features"]))
    for feature in collection["features"]:
        code = str((feature.get("properties") or {}).get(code_key, feature.get("id")))
        seen[code] = seen.get(code, 0) + 1
        if not _has_coordinates((feature.get("geometry") or {}).get("coordinates")):
            report.empty.append(code)
    wanted = set(expected)
    report.missing = sorted(wanted - seen.keys())
    report.unknown = sorted(seen.keys() - wanted)
    report.duplicated = sorted(code for code, n in seen.items() if n > 1)
    report.empty.sort()
    return report


def feature_bounds(collection: dict, level: str) -> dict[str, list[float]]:
    """{code: [west, south, east, north]} per feature, so a map can frame exactly the regions it shows."""
    code_key = LEVELS[level][1]
    bounds = {}
    for feature in collection["features"]:
        positions = list(_positions((feature.get("geometry") or {}).get("coordinates") or []))
        if positions:
            lons, lats = [p[0] for p in positions], [p[1] for p in positions]
            code = str((feature.get("properties") or {}).get(code_key, feature.get("id")))
            bounds[code] = [min(lons), min(lats), max(lons), max(lats)]
    return bounds


def _positions(coordinates):
    """Every [lon, lat] of a nested GeoJSON coordinate list."""
    if coordinates and isinstance(coordinates[0], int | float):
        yield coordinates
        return
    for part in coordinates:
        yield from _positions(part)


def installed_bounds(level: str) -> dict[str, list[float]]:
    """Bounds per code of the installed boundaries of `level` (empty when none are installed)."""
    path = settings.geo_dir() / MANIFEST
    return _bounds_of(str(path), path.stat().st_mtime_ns, level) if path.is_file() else {}


@functools.lru_cache(maxsize=4)
def _bounds_of(path: str, mtime_ns: int, level: str) -> dict[str, list[float]]:
    """Read once per manifest version (the mtime is part of the key, so a reinstall is seen)."""
    return json.loads(Path(path).read_text(encoding="utf-8")).get("bounds", {}).get(level, {})


def _has_coordinates(coordinates) -> bool:
    """True when a nested coordinate list holds at least one position."""
    return isinstance(coordinates, list) and next(_positions(coordinates), None) is not None


def simplified(collection: dict, tolerance: float) -> dict:
    """The collection with shared borders simplified once each (no gaps or overlaps), rings clockwise for d3-geo."""
    import shapely  # imported here: only a too-big file needs it, and the import costs ~0.3 s

    geometries = [shapely.geometry.shape(f["geometry"]) for f in collection["features"]]
    result = shapely.orient_polygons(shapely.coverage_simplify(geometries, tolerance), exterior_cw=True)
    features = [{**feature, "geometry": _rounded(shapely.geometry.mapping(geometry))}
                for feature, geometry in zip(collection["features"], result, strict=True)]
    return {**collection, "features": features}


def _rounded(geometry: dict) -> dict:
    def walk(value):
        return round(value, DECIMALS) if isinstance(value, float) else [walk(v) for v in value]

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def compact_json(collection: dict) -> bytes:
    """GeoJSON text without spaces (every byte is sent to the browser once)."""
    return json.dumps(collection, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def fit_to_budget(collection: dict, budget: int = SIZE_BUDGET) -> tuple[bytes, float | None]:
    """(file bytes, tolerance used or None): simplify with a doubling tolerance only while over the budget."""
    tolerance, text = None, compact_json(collection)
    step = FIRST_TOLERANCE
    for _ in range(MAX_HALVINGS):
        if len(text) <= budget:
            break
        tolerance, text = step, compact_json(simplified(collection, step))
        step *= 2
    return text, tolerance


@dataclass
class InstallResult:
    """What `install` did, for the command line and the About page."""

    skipped: bool
    reports: dict[str, CodeReport]
    tolerances: dict[str, float | None]
    sizes: dict[str, int]
    bounds: dict[str, dict[str, list[float]]] = field(default_factory=dict)

    def to_manifest(self, source_hashes: dict[str, str], output_hashes: dict[str, str]) -> dict:
        """The JSON record kept next to the installed files."""
        return {"source_sha256": source_hashes, "output_sha256": output_hashes, "sizes": self.sizes,
                "tolerances": self.tolerances, "reports": {k: asdict(v) for k, v in self.reports.items()},
                "bounds": self.bounds}


def _up_to_date(source: Path, geo_dir: Path, static_dir: Path, source_hashes: dict[str, str]) -> bool:
    """True when the last install used these very source files and its outputs are intact in both places."""
    record = manifest(geo_dir)
    if not record or record.get("source_sha256") != source_hashes or "bounds" not in record:
        return False
    for name, digest in record.get("output_sha256", {}).items():
        for folder in (geo_dir, static_dir):
            if not (folder / name).is_file() or sha256(folder / name) != digest:
                return False
    return (static_dir / LICENSE).is_file() == (source / LICENSE).is_file()


def install(source: Path, geo_dir: Path | None = None, static_dir: Path | None = None,
            budget: int = SIZE_BUDGET) -> InstallResult:
    """Validate the source boundaries, simplify if over `budget`, and publish them to data/geo and static/geo."""
    geo_dir = geo_dir or settings.geo_dir()
    static_dir = static_dir or static_geo_dir()
    names = [name for name, _, _ in LEVELS.values()]
    source_hashes = {name: sha256(source / name) for name in names if (source / name).is_file()}
    if len(source_hashes) < len(names):
        lacking = ", ".join(name for name in names if name not in source_hashes)
        raise BoundaryError(f"Folder sumber {source} tidak berisi {lacking}.")
    if _up_to_date(source, geo_dir, static_dir, source_hashes):
        record = manifest(geo_dir)
        reports = {level: CodeReport(**data) for level, data in record["reports"].items()}
        return InstallResult(True, reports, record["tolerances"], record["sizes"], record["bounds"])
    result = InstallResult(False, {}, {}, {})
    outputs: dict[str, bytes] = {}
    for level, (name, _, _) in LEVELS.items():
        collection = read_collection(source / name)
        result.reports[level] = check_codes(collection, level)
        result.bounds[level] = feature_bounds(collection, level)
        if (source / name).stat().st_size <= budget:
            outputs[name], result.tolerances[level] = (source / name).read_bytes(), None
        else:
            outputs[name], result.tolerances[level] = fit_to_budget(collection, budget)
        result.sizes[name] = len(outputs[name])
    _publish(outputs, source, geo_dir, static_dir)
    hashes = {name: hashlib.sha256(text).hexdigest() for name, text in outputs.items()}
    (geo_dir / MANIFEST).write_text(json.dumps(result.to_manifest(source_hashes, hashes), indent=1), "utf-8")
    return result


def _publish(outputs: dict[str, bytes], source: Path, geo_dir: Path, static_dir: Path) -> None:
    """Write each file next to a temporary name and rename it into place, so a running app never reads half."""
    for folder in (geo_dir, static_dir):
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in outputs.items():
            tmp = folder / f".{name}.tmp"
            tmp.write_bytes(text)
            tmp.replace(folder / name)
        if (source / LICENSE).is_file():
            shutil.copyfile(source / LICENSE, folder / LICENSE)


EMPTY_TOPOLOGY = {  # plotly.js loads these objects even with every base layer hidden; nothing is drawn
    "type": "Topology",
    "objects": {name: {"type": "GeometryCollection", "geometries": []}
                for name in ("coastlines", "land", "ocean", "lakes", "rivers", "countries", "subunits")},
    "arcs": [],
}
TOPOJSON_FILES = ("world_110m.json", "world_50m.json")


def write_topojson_stubs(folder: Path | None = None) -> list[Path]:
    """Local empty world topojson, so geo maps never fetch cdn.plot.ly (offline they would be silently blank)."""
    folder = folder or settings.STATIC_DIR / "topojson"
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(EMPTY_TOPOLOGY, separators=(",", ":")) + "\n"
    written = []
    for name in TOPOJSON_FILES:
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text:
            (folder / name).write_text(text, encoding="utf-8")
            written.append(folder / name)
    return written
