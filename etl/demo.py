"""Synthetic demo warehouse for the three elections, calibrated to published figures (DESIGN.md §4).

Every share and count comes from data/reference/demo_targets.csv, each with its source key from domain.md; this
module only turns them into rows — vectorised numpy/pandas, deterministic for a seed, a million rows in seconds.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

import settings
from warehouse import db
from warehouse.vocab import ELECTIONS, POSITION_CLASSES, PROVEN_STATUSES, SANCTIONED_STATUSES, VIOLATION_TYPES

TARGETS_CSV = settings.REFERENCE_DIR / "demo_targets.csv"
ID_DIGITS = 6  # DEMO-2020-000123; wider only beyond a million cases a year

MATRIX_FILES = {"violation_types": "violation_types.csv", "violation_forms": "violation_forms.csv"}  # SKB 2022
LIGHTER = {"berat": "sedang", "sedang": "ringan", "ringan": "ringan"}
LENIENT_SHARE = 0.2  # registers where the PPK imposed a level below the matrix ("mayoritas disanksi sedang", 2020)
PIDANA_TYPES = ("kampanye", "keputusan", "fasilitas_negara", "mobilisasi_asn")  # UU 10/2016 Ps. 70-71, §2.5
PIDANA_SHARE = 0.05  # of those, after the candidates are set, sent to Sentra Gakkumdu
# modelling assumption: share of a type's incidents before the campaign (scaled to the published split)
PRE_AFFINITY = {
    "media_sosial": 0.5, "kampanye": 0.1, "deklarasi": 0.6, "foto_simbol": 0.4, "alat_peraga": 0.7,
    "kegiatan_keberpihakan": 0.45, "keputusan": 0.4, "fasilitas_negara": 0.2, "mobilisasi_asn": 0.2, "parpol": 0.5,
    "pendekatan_parpol": 0.95, "tim_pemenangan": 0.5, "dukungan_perseorangan": 0.95, "lainnya": 0.5,
}
STATUS_ORDER = ("disanksi", "tidak_terbukti", "dihentikan", "terbukti", "diproses", "dilaporkan")  # early -> late
DECIDED = ("disanksi", "tidak_terbukti", "dihentikan", "terbukti")
REPORT_LAG_DAYS = {"temuan": 3, "laporan": 5, "aduan": 10}  # median days from incident to report
# sanction text per (class, severity): PP 53/2010 for Pilkada 2020, PP 94/2021 after (domain.md §2.3-2.4)
SANCTIONS = {
    "kode_etik:": ("Sanksi moral pernyataan secara terbuka",) * 2,
    "disiplin:": ("Hukuman disiplin menurut keputusan Satgas",) * 2,  # D13: no level in the matrix
    "disiplin:ringan": ("Teguran tertulis",) * 2,
    "disiplin:sedang": (
        "Penundaan kenaikan gaji berkala 1 tahun", "Pemotongan tunjangan kinerja 25% selama 6 bulan"),
    "disiplin:berat": (
        "Penurunan pangkat setingkat lebih rendah 3 tahun", "Penurunan jabatan setingkat lebih rendah 12 bulan"),
    "pidana:": ("Putusan pidana pemilihan (Sentra Gakkumdu)",) * 2,
}
PTDH = "Pemberhentian tidak dengan hormat (PTDH)"  # D5, party membership (UU ASN)
OLD_REGIME = ("pilkada2020",)
MEN = ("Budi", "Agus", "Andi", "Joko", "Rudi", "Hendra", "Wahyu", "Yusuf", "Made", "Iwan")
WOMEN = ("Siti", "Sri", "Dewi", "Rina", "Nur", "Wati", "Ayu", "Fitri", "Ani", "Lestari")
SURNAMES = ("Contoh", "Sampel", "Fiktif", "Rekaan", "Demo")  # plainly made up: masking is testable, nobody is real
CENTRAL_AGENCIES = (
    "Kementerian Pendidikan dan Kebudayaan", "Kementerian Agama", "Kementerian Kesehatan",
    "Kementerian Dalam Negeri", "Kementerian Pertanian", "Badan Pertanahan Nasional",
)

def load_targets(path=TARGETS_CSV) -> pd.DataFrame:
    """The calibration table, read as text so codes like '73.10' stay as written."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def load_reference() -> dict[str, pd.DataFrame]:
    """The committed reference tables (the same CSVs every generation loads), keyed by table name."""
    files = {table: csv_name for table, (csv_name, _) in db.REFERENCE_TABLES.items()} | MATRIX_FILES
    return {table: pd.read_csv(settings.REFERENCE_DIR / name, dtype=str, keep_default_na=False)
            for table, name in files.items()}


def target(targets: pd.DataFrame, election: str, dimension: str) -> pd.Series:
    """key -> value for one dimension; rows for every election ('*') fill the keys the election leaves out."""
    rows = targets[(targets.dimension == dimension) & targets.election.isin([election, "*"])]
    rows = rows.sort_values("election", key=lambda e: e != "*", kind="stable").drop_duplicates("key", keep="last")
    return pd.Series(rows.value.to_numpy(), index=rows.key.to_numpy(), dtype=object)


def _election_day(ref: dict, election: str, column: str) -> np.datetime64:
    """One date of an election from elections.csv: voting_day, candidates_set, window_start, window_end."""
    return np.datetime64(ref["elections"].set_index("election").loc[election, column], "D")


def _as_of(targets: pd.DataFrame, election: str) -> np.datetime64:
    """The snapshot the published statuses describe: no date of the election's cases comes after it."""
    return np.datetime64(target(targets, election, "as_of")["date"], "D")


def spread(rng: np.random.Generator, weights, sizes: np.ndarray, order: np.ndarray | None = None) -> np.ndarray:
    """Category index per unit so each category's share of the summed sizes follows `weights` to within one unit.

    Units are taken in a random order (or the given one) and cut into consecutive blocks: exact shares with no
    sampling noise, yet no pattern in which unit lands where.
    """
    weights = np.asarray(weights, dtype=float)
    order = rng.permutation(len(sizes)) if order is None else order
    ordered = sizes[order]
    middle = np.cumsum(ordered) - ordered / 2
    bounds = np.cumsum(weights) / weights.sum() * ordered.sum()
    codes = np.empty(len(sizes), dtype=np.int64)
    codes[order] = np.minimum(np.searchsorted(bounds, middle), len(weights) - 1)
    return codes


def later(rng: np.random.Generator, start: np.ndarray, lag_days: np.ndarray, limit: np.datetime64) -> np.ndarray:
    """start + lag, squeezed into the days left before `limit` where it would pass it (no pile-up at the limit)."""
    room = (limit - start).astype(np.int64)
    lag = np.where(lag_days > room, np.floor(rng.random(len(start)) * (room + 1)), lag_days)
    return start + lag.astype("timedelta64[D]")


def _case_sizes(rng: np.random.Generator, n: int, weights: pd.Series) -> np.ndarray:
    """Persons per case, summing to exactly n (most cases name one person)."""
    values, p = weights.index.astype(int).to_numpy(), weights.astype(float).to_numpy()
    draw = rng.choice(values, size=n, p=p / p.sum())
    total = np.cumsum(draw)
    m = int(np.searchsorted(total, n)) + 1
    sizes = draw[:m].copy()
    sizes[-1] -= total[m - 1] - n
    return sizes


def _segments(election: str, targets: pd.DataFrame, ref: dict) -> tuple[list, np.ndarray]:
    """(days, weights) of the periods before the campaign, campaign to voting day, after voting day; their shares.

    Before: a build-up from pre_start, higher through pendaftaran/penetapan. Campaign: a plateau with a rising
    spike in the last fortnight. After: a tail decaying over a few weeks, cut at the data's as_of date.
    """
    timeline = target(targets, election, "timeline")
    stages = ref["election_stages"].query("election == @election").set_index("stage")
    day = lambda stage, edge: np.datetime64(stages.loc[stage, edge], "D")  # noqa: E731
    vote, as_of = _election_day(ref, election, "voting_day"), _as_of(targets, election)
    start, campaign = np.datetime64(timeline["pre_start"], "D"), day("kampanye", "starts")
    registration = day("pendaftaran", "starts")
    pre = np.arange(start, campaign)
    ramp = 0.3 + 0.7 * np.clip((pre - start).astype(float) / max(1, (registration - start).astype(int)), 0, 1)
    pre_w = np.where(pre < registration, ramp, np.where(pre <= day("pendaftaran", "ends"), 2.0, 1.5))
    during = np.arange(campaign, vote + 1)
    spike = np.clip((during - (vote - 14)).astype(float), 0, None)
    fortnight = float(timeline["final_fortnight"]) / 100
    during_w = (1 - fortnight) / len(during) + fortnight * spike / spike.sum()
    after = np.arange(vote + 1, min(as_of, vote + 120) + 1)
    after_w = np.exp(-(after - vote).astype(float) / 14)
    pre_share, after_share = float(timeline["pre_campaign"]) / 100, float(timeline["after_voting"]) / 100
    shares = np.array([pre_share, 1 - pre_share - after_share, after_share])
    return [(pre, pre_w), (during, during_w), (after, after_w)], shares


def _types_by_period(shares: pd.Series, pre: float) -> list[np.ndarray]:
    """Type weights per period, keeping every type's overall share while the pre-campaign share stays `pre`.

    PRE_AFFINITY says where each type leans; its odds are scaled by one factor, found by bisection.
    """
    s = shares.to_numpy(dtype=float) / shares.sum()
    lean = np.array([PRE_AFFINITY[t] for t in shares.index])
    low, high = -20.0, 20.0
    for _ in range(60):
        k = np.exp((low + high) / 2)
        scaled = k * lean / (k * lean + 1 - lean)
        low, high = ((low + high) / 2, high) if (s * scaled).sum() < pre else (low, (low + high) / 2)
    return [s * scaled, s * (1 - scaled), s * (1 - scaled)]


def _places(rng: np.random.Generator, election: str, targets: pd.DataFrame, ref: dict) -> pd.DataFrame:
    """Weighted cells a case can fall in: central agencies, provinces (province level only), kabupaten/kota.

    Named provinces and regions get their published share; the rest of the cases spread over the other provinces
    by PNS headcount, and inside a province over its kabupaten/kota with random weights.
    """
    pct = lambda dimension: target(targets, election, dimension).astype(float) / 100  # noqa: E731
    prov = ref["provinces"].set_index("code")
    regions = ref["regions"]
    named, level, own_level = pct("province").reindex(prov.index), pct("level"), pct("province_level")
    region_share = pct("region").reindex(regions.kode).to_numpy()
    fixed = pd.Series(region_share, index=regions.kode_prov).fillna(0).groupby(level=0).sum()
    fixed = fixed.reindex(prov.index, fill_value=0) + own_level.reindex(prov.index, fill_value=0)
    free = named.isna()
    own_pns = target(targets, election, "tail_pns").astype(float)  # where most PNS work for central agencies
    pns = own_pns.reindex(prov.index).fillna(prov.pns_count.astype(float))
    tail = 1 - level.get("pusat", 0) - named.sum() - fixed[free].sum()
    residual = named.fillna(pns / pns[free].sum() * tail) - fixed.where(~free, 0)
    if (residual < -1e-9).any():
        raise ValueError(f"demo_targets.csv: bagian wilayah melebihi bagian provinsinya ({election}).")
    default_part = np.where(own_level.reindex(prov.index).isna(), residual * level["province_default"], 0)
    province_w = own_level.reindex(prov.index, fill_value=0) + default_part
    rest = (residual - default_part).reindex(regions.kode_prov).to_numpy()
    noise = np.where(np.isnan(region_share), rng.gamma(1.0, size=len(regions)), 0)
    noise_sum = pd.Series(noise).groupby(regions.kode_prov.to_numpy()).transform("sum").to_numpy()
    shared = np.divide(rest * noise, noise_sum, where=noise_sum > 0, out=np.zeros(len(noise)))
    region_w = np.nan_to_num(region_share) + shared
    central = pd.DataFrame({"agency_name": CENTRAL_AGENCIES, "agency_level": "pusat",
                            "weight": level.get("pusat", 0) / len(CENTRAL_AGENCIES)})
    provincial = pd.DataFrame({"province_code": prov.index, "agency_name": "Pemerintah Provinsi " + prov.name,
                               "agency_level": "provinsi", "weight": province_w.to_numpy()})
    local = pd.DataFrame({"region_code": regions.kode, "province_code": regions.kode_prov,
                          "agency_name": "Pemerintah " + regions.nama, "agency_level": regions.jenis,
                          "weight": region_w})
    return pd.concat([central, provincial, local], ignore_index=True)


def _case_frame(rng: np.random.Generator, election: str, sizes: np.ndarray, targets: pd.DataFrame, ref: dict):
    """One row per case: place, source, incident and report dates, violation type, form, class, matrix severity."""
    m = len(sizes)
    segments, shares = _segments(election, targets, ref)
    period = spread(rng, shares, sizes)
    type_weights = target(targets, election, "violation_type").astype(float).reindex(VIOLATION_TYPES, fill_value=0)
    types, incident = np.empty(m, dtype=object), np.empty(m, dtype="datetime64[D]")
    period_types = _types_by_period(type_weights, shares[0])
    for p, ((days, day_w), type_w) in enumerate(zip(segments, period_types, strict=True)):
        at = np.flatnonzero(period == p)
        types[at] = np.array(VIOLATION_TYPES, dtype=object)[spread(rng, type_w, sizes[at])]
        jitter = rng.gamma(6.0, 1 / 6.0, len(days))  # day-to-day variation, so weeks are not all alike
        incident[at] = days[spread(rng, day_w * jitter, sizes[at])]
    places = _places(rng, election, targets, ref)
    frame = places.iloc[spread(rng, places.weight, sizes)].drop(columns="weight").reset_index(drop=True)
    sources = target(targets, election, "source").astype(float)
    agency, kind = np.array([key.split(":") for key in sources.index], dtype=object).T
    chosen = spread(rng, sources, sizes)
    frame["source_agency"], frame["source_kind"] = agency[chosen], kind[chosen]
    median = frame.source_kind.map(REPORT_LAG_DAYS).to_numpy(dtype=float)
    frame["incident_date"] = incident
    lag = np.rint(rng.lognormal(np.log(median), 0.8))  # a few days, skewed
    frame["report_date"] = later(rng, incident, lag, _as_of(targets, election))
    frame["violation_type"] = types
    frame[["violation_form", "violation_class", "matrix_severity"]] = _forms(rng, election, types, incident, ref)
    return frame


def skb_matrix(ref: dict) -> dict[str, np.ndarray]:
    """The SKB 2022 matrix as arrays indexed [type, period], period 1 once the candidates are set.

    Class, severity and the forms that fit (two slots; a single form fills both), read from violation_types.csv
    and violation_forms.csv: the same matrix the loader infers missing severities from (domain.md §2.2).
    """
    types = ref["violation_types"].set_index("violation_type").loc[list(VIOLATION_TYPES)]
    form_severity = ref["violation_forms"].set_index("form").severity
    klass, severity = np.empty((len(types), 2), dtype=object), np.empty((len(types), 2), dtype=object)
    forms = np.empty((len(types), 2, 2), dtype=object)
    for i, row in enumerate(types.itertuples()):
        periods = ((row.class_before_set, row.severity_before_set), ("disiplin", row.severity_after_set))
        for period, (cls, level) in enumerate(periods):
            candidates = (row.kode_etik_forms if cls == "kode_etik" else row.disiplin_forms).split()
            fitting = [f for f in candidates if cls == "kode_etik" or form_severity[f] == level] or [None]
            klass[i, period], severity[i, period], forms[i, period] = cls, level or None, (fitting * 2)[:2]
    return {"class": klass, "severity": severity, "forms": forms}


def _forms(rng: np.random.Generator, election: str, types: np.ndarray, incident: np.ndarray, ref: dict):
    """SKB 2022 form, class and matrix severity per case, from its type and whether the candidates were set."""
    matrix = skb_matrix(ref)
    after = (incident >= _election_day(ref, election, "candidates_set")).astype(int)
    kind = pd.Series(range(len(VIOLATION_TYPES)), index=VIOLATION_TYPES)[types].to_numpy()
    form = matrix["forms"][kind, after, rng.integers(0, 2, len(types))]
    klass, severity = matrix["class"][kind, after], matrix["severity"][kind, after]
    pidana = np.isin(types, PIDANA_TYPES) & (after == 1) & (rng.random(len(types)) < PIDANA_SHARE)
    klass[pidana], form[pidana], severity[pidana] = "pidana", None, None
    return pd.DataFrame({"violation_form": form, "violation_class": klass, "matrix_severity": severity})


def _positions(rng: np.random.Generator, shares: pd.Series, local: np.ndarray) -> np.ndarray:
    """Position per person; camat/lurah only in kabupaten/kota cases, the others rebalanced to keep every total."""
    s = shares.astype(float).reindex(POSITION_CLASSES, fill_value=0).to_numpy()
    s = s / s.sum()
    elsewhere = np.where(np.array(POSITION_CLASSES) == "kepala_wilayah", 0, s)
    elsewhere = elsewhere / elsewhere.sum()
    inside = np.clip(s - (1 - local.mean()) * elsewhere, 0, None)
    codes = np.empty(len(local), dtype=np.int64)
    for mask, weights in ((local, inside), (~local, elsewhere)):
        codes[mask] = spread(rng, weights, np.ones(mask.sum()))
    return np.array(POSITION_CLASSES, dtype=object)[codes]


def _employee_types(rng: np.random.Generator, positions: pd.Series, pppk_share: float) -> np.ndarray:
    """Mostly PNS; PPPK only in fungsional/pelaksana posts; half of 'lainnya' are non-ASN (kepala desa, honorer)."""
    eligible = positions.isin(["fungsional", "pelaksana"]).to_numpy()
    draw = rng.random(len(positions))
    pppk = eligible & (draw < pppk_share / max(eligible.mean(), 1e-9))
    non_asn = (positions == "lainnya").to_numpy() & (draw < 0.5)
    return np.select([pppk, non_asn], ["pppk", "non_asn"], "pns").astype(object)


def _statuses(rng: np.random.Generator, shares: pd.Series, report: np.ndarray) -> np.ndarray:
    """Funnel status per person, with exact counts; earlier reports are more often settled, later ones pending."""
    n = len(report)
    lateness = np.argsort(np.argsort(report, kind="stable")) / max(n, 1) + rng.normal(0, 0.25, n)
    weights = shares.astype(float).reindex(STATUS_ORDER, fill_value=0)
    return np.array(STATUS_ORDER, dtype=object)[spread(rng, weights, np.ones(n), order=np.argsort(lateness))]


def _severities(rng: np.random.Generator, matrix: pd.Series, inferred_share: float) -> pd.DataFrame:
    """Severity per person from the matrix; some inferred (register left it blank), some set lighter by the PPK."""
    draw = rng.random(len(matrix))
    inferred = (draw < inferred_share) & matrix.notna().to_numpy()
    lighter = ~inferred & (draw > 1 - LENIENT_SHARE)
    severity = matrix.where(~lighter, matrix.map(LIGHTER))
    return pd.DataFrame({"severity": severity.to_numpy(dtype=object), "severity_inferred": inferred})


def _sanctions(election: str, persons: pd.DataFrame) -> np.ndarray:
    """What the PPK imposed, for sanctioned persons only, under the discipline regime of the election."""
    regime = 0 if election in OLD_REGIME else 1
    key = persons.violation_class + ":" + persons.severity.fillna("")
    text = key.map({k: labels[regime] for k, labels in SANCTIONS.items()})
    text = text.where(persons.violation_form != "D5", PTDH)
    return text.where(persons.status == "disanksi").to_numpy(dtype=object)


def _people(rng: np.random.Generator, n: int, year: int, employee: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Made-up names and 18-digit NIPs with the real layout: birth date, TMT CPNS (year, month), gender, number."""
    names = np.array([f"{first} {last}" for first in MEN + WOMEN for last in SURNAMES], dtype=object)
    pick = rng.integers(0, len(names), n)
    female = pick >= len(MEN) * len(SURNAMES)
    birth = np.datetime64(f"{year - 58}-01-01") + rng.integers(0, 33 * 365, n).astype("timedelta64[D]")
    month = birth.astype("datetime64[M]")
    yyyymmdd = ((month.astype(np.int64) // 12 + 1970) * 100 + month.astype(np.int64) % 12 + 1) * 100 + (
        (birth - month.astype("datetime64[D]")).astype(np.int64) + 1)
    hired = np.minimum(yyyymmdd // 10**4 + rng.integers(21, 31, n), year - 1) * 100 + rng.integers(1, 13, n)
    nip = (yyyymmdd * 10**6 + hired) * 10**4 + (1 + female) * 1000 + rng.integers(1, 1000, n)
    nips = nip.astype(str).astype(object)
    nips[employee == "non_asn"] = None  # a kepala desa or honorer has no NIP
    return names[pick], nips


def election_cases(rng: np.random.Generator, election: str, n: int, first_case: int, targets, ref) -> pd.DataFrame:
    """n synthetic case rows (one per person) for one election, numbered from `first_case`."""
    sizes = _case_sizes(rng, n, target(targets, election, "case_size"))
    cases = _case_frame(rng, election, sizes, targets, ref)
    year = int(str(_election_day(ref, election, "voting_day"))[:4])
    numbers = pd.Series(np.arange(first_case, first_case + len(sizes))).astype(str).str.zfill(ID_DIGITS)
    cases["case_id"] = (f"DEMO-{year}-" + numbers).to_numpy(dtype=object)
    form_text = cases.violation_form.map(ref["violation_forms"].set_index("form").description_id)
    type_text = cases.violation_type.map(ref["violation_types"].set_index("violation_type").label_id)
    cases["description"] = "[Data sintetis] " + form_text.fillna(type_text)  # the SKB 2022 wording of the form
    persons = cases.iloc[np.repeat(np.arange(len(sizes)), sizes)].reset_index(drop=True)
    persons["subject_no"] = np.arange(n) - np.repeat(np.cumsum(sizes) - sizes, sizes) + 1
    persons["election"] = election
    persons["position_class"] = _positions(rng, target(targets, election, "position_class"),
                                           persons.region_code.notna().to_numpy())
    pppk = float(target(targets, election, "employee_type").get("pppk", 0)) / 100
    persons["employee_type"] = _employee_types(rng, persons.position_class, pppk)
    as_of = _as_of(targets, election)
    report = persons.report_date.to_numpy(dtype="datetime64[D]")
    persons["status"] = _statuses(rng, target(targets, election, "status"), report)
    decision = later(rng, report, 7 + np.rint(rng.gamma(2, 12, n)), as_of)
    sanction = later(rng, decision, 7 + np.rint(rng.gamma(2, 15, n)), as_of)
    persons["decision_date"] = np.where(persons.status.isin(DECIDED), decision, np.datetime64("NaT"))
    persons["sanction_date"] = np.where(persons.status == "disanksi", sanction, np.datetime64("NaT"))
    inferred_share = float(target(targets, election, "severity_inferred")["share"]) / 100
    persons[["severity", "severity_inferred"]] = _severities(rng, persons.pop("matrix_severity"), inferred_share)
    persons["sanction"] = _sanctions(election, persons)
    persons["subject_name"], persons["subject_nip"] = _people(rng, n, year, persons.employee_type.to_numpy())
    persons["load_id"] = f"demo-{election}"
    persons["source_row"] = np.arange(1, n + 1)
    return persons


def demo_cases(seed: int = 2024, scale: float = 1.0, targets=None, reference=None, progress=None) -> pd.DataFrame:
    """Synthetic case rows for every election: round(published total x scale) persons each, same seed same rows."""
    targets = load_targets() if targets is None else targets
    ref = load_reference() if reference is None else reference
    frames, next_case = [], {}
    for index, election in enumerate(ELECTIONS):
        n = max(1, int(np.floor(float(target(targets, election, "total")["persons"]) * scale + 0.5)))
        year = str(_election_day(ref, election, "voting_day"))[:4]
        first = next_case.get(year, 1)  # case ids stay unique across the two elections of 2024
        frame = election_cases(np.random.default_rng([seed, index]), election, n, first, targets, ref)
        next_case[year] = first + frame.case_id.nunique()
        frames.append(frame)
        if progress:
            progress(f"demo: {election}: {n:,} baris dibuat")
    return pd.concat(frames, ignore_index=True)


def summarize(frame: pd.DataFrame) -> dict[str, dict]:
    """Rows, cases, proven % and sanctioned % per election: the published funnel figures to compare with."""
    flags = frame.assign(proven=frame.status.isin(PROVEN_STATUSES), sanctioned=frame.status.isin(SANCTIONED_STATUSES))
    grouped = flags.groupby("election", sort=False).agg(
        rows=("case_id", "size"), cases=("case_id", "nunique"),
        proven=("proven", "sum"), sanctioned=("sanctioned", "sum"))
    return {
        election: {
            "rows": int(row.rows), "cases": int(row.cases),
            "proven_pct": round(float(100 * row.proven / row.rows), 1),
            "sanctioned_pct": round(float(100 * row.sanctioned / row.rows), 1),
            "sanctioned_of_proven_pct": round(float(100 * row.sanctioned / max(row.proven, 1)), 1),
        }
        for election, row in grouped.iterrows()
    }


def build_demo(seed: int = 2024, scale: float = 1.0, progress: Callable[[str], None] | None = None) -> dict:
    """Build, check and publish a fresh synthetic generation; return what was written (the CLI prints it)."""
    started = time.perf_counter()
    targets = load_targets()
    frame = demo_cases(seed, scale, targets=targets, progress=progress)
    fingerprint = hashlib.sha256(TARGETS_CSV.read_bytes()).hexdigest()
    if progress:
        progress(f"demo: menulis {len(frame):,} baris ke gudang data dan memeriksanya")
    with db.writer_lock(), db.new_generation(fresh=True) as con:
        con.register("demo_frame", frame)
        con.execute("insert into cases by name select * from demo_frame")
        con.unregister("demo_frame")
        for election, rows in frame.groupby("election", sort=False).size().items():
            params = json.dumps({"seed": seed, "scale": scale, "election": election, "targets": fingerprint})
            con.execute(
                "insert into load_batches (load_id, source_file, sha256, loaded_at, election, rows_read, "
                "rows_loaded, rows_rejected, rows_duplicate) values (?, 'demo', ?, current_timestamp, ?, ?, ?, 0, 0)",
                [f"demo-{election}", hashlib.sha256(params.encode()).hexdigest(), election, rows, rows],
            )
        con.executemany("insert into meta values (?, ?)",
                        [["synthetic", "true"], ["demo_seed", str(seed)], ["demo_scale", str(scale)]])
    return {
        "seed": seed, "scale": scale, "rows": len(frame), "path": str(db.current_path()),
        "seconds": round(time.perf_counter() - started, 2), "elections": summarize(frame),
    }
