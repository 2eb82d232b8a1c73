"""The demo against every figure it is calibrated to, in the unit each was published in (domain.md §0.2).

KASN/BKN count persons: their figures are measured on the KASN/BKN rows (one per person-case they counted).
Bawaslu counts cases: its figures are measured on distinct Bawaslu case numbers of civil servants. Village
heads and honorer are measured on Bawaslu's non-ASN rows. Counts are compared with the published figure times
the build's scale; shares in percentage points.
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from etl.demo.reference import election_day, load_reference, load_targets, stage_day
from etl.demo.violations import MORAL_CLOSED, MORAL_OPEN, PTDH
from warehouse.vocab import PROVEN_STATUSES

# allowed difference per dimension: ("pct", points) for shares, ("rel", fraction) or ("abs", units) for counts
TOLERANCE = {
    "total": ("abs", 1), "reported_by": ("rel", 0.10), "bawaslu": ("abs", 1), "bawaslu_reported_by": ("rel", 0.10),
    "non_asn": ("abs", 1), "non_asn_reported_by": ("rel", 0.10), "status": ("pct", 1.0),
    "violation_type": ("pct", 1.5), "position_class": ("pct", 1.0), "province": ("pct", 2.5),
    "region": ("pct", 1.5), "province_level": ("pct", 1.5), "level": ("pct", 1.5), "timeline": ("pct", 1.5),
    "employee_type": ("pct", 1.5), "bawaslu_kind": ("pct", 1.5), "non_asn_status": ("pct", 1.5),
    "non_asn_province": ("pct", 4.0), "sanction_mix": ("pct", 2.0), "direct_source": ("pct", 3.0),
    "kasn_handled": ("rel", 0.10),
    "linking": ("pct", 3.0), "severity_inferred": ("pct", 3.0), "case_size": ("abs", 0.15),
}
SHARES = {"status", "violation_type", "position_class", "bawaslu_kind", "non_asn_status", "sanction_mix",
          "direct_source"}
INPUTS = {"as_of", "tail_pns", "handover", "route"}  # shape settings, checked by their own tests
# rows of measured dimensions that set a shape rather than a figure (or are measured with another row)
SHAPES = {("timeline", "pre_start"), ("level", "province_default"), ("direct_source", "bkn:aduan"),
          *(("case_size", str(k)) for k in range(2, 10))}


def calibration(rows: pd.DataFrame, scale: float, targets=None, ref=None, published_only=False) -> pd.DataFrame:
    """One row per target: its source, the published figure (scaled), the demo's value, difference, tolerance."""
    targets = load_targets() if targets is None else targets
    ref = load_reference() if ref is None else ref
    text = [c for c in rows.columns if pd.api.types.infer_dtype(rows[c], skipna=True) == "string"]
    rows = rows.astype({column: "category" for column in text})  # slices and lookups on codes, not strings
    out, views = [], {}
    for (election, dimension), group in targets.groupby(["election", "dimension"], sort=False):
        if dimension in INPUTS or dimension not in TOLERANCE:
            continue
        for election_ in (sorted(set(rows.election)) if election == "*" else [election]):
            if election == "*" and ((targets.election == election_) & (targets.dimension == dimension)).any():
                continue  # the election sets this dimension itself
            if election_ not in views:  # slicing the rows once per election, however many targets it has
                views[election_] = Views(rows, election_, ref, targets)
            view = views[election_]
            out += _measure(view, dimension, group, scale)
    table = pd.DataFrame(out, columns=["election", "dimension", "key", "source", "unit", "published", "demo"])
    judged = [_judge(r) for r in table.itertuples()]
    table["tolerance"] = [tolerance for tolerance, _ in judged]
    table["within"] = np.array([within for _, within in judged], dtype=bool)
    table["difference"] = table.demo - table.published
    return table[table.source != "estimate"] if published_only else table


class Views:
    """The slices of one election's rows each agency's figures are measured on."""

    def __init__(self, all_rows: pd.DataFrame, election: str, ref: dict, targets: pd.DataFrame):
        self.election, self.ref, self.targets = election, ref, targets
        elections = list(ref["elections"].election)
        self._earlier = all_rows.election.isin(elections[: elections.index(election)]).to_numpy()
        self._all = all_rows
        rows = all_rows[all_rows.election == election]
        self.kasn = rows[rows.source_agency.isin(["kasn", "bkn"])]
        bawaslu = rows[rows.source_agency.eq("bawaslu")]
        self.bawaslu = bawaslu[bawaslu.employee_type.ne("non_asn")]
        self.villages = bawaslu[bawaslu.employee_type.eq("non_asn")]
        self.entry = rows[~rows.source_agency.isin(["kasn", "bkn"])]
        self.rows = rows

    @functools.cached_property
    def earlier_nips(self) -> pd.Index:
        """NIPs seen in the elections before this one."""
        return pd.Index(self._all.subject_nip[self._earlier].dropna().unique())

    @functools.cached_property
    def cases_of_bawaslu(self) -> pd.DataFrame:
        """One row per Bawaslu case (its first subject): Bawaslu counts cases."""
        return self.bawaslu.drop_duplicates("case_id")

    def bawaslu_cases(self) -> pd.DataFrame:
        return self.cases_of_bawaslu

    @functools.cached_property
    def pairs(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(KASN/BKN rows of persons with an entry-register row, those entry rows in the same order)."""
        paired = self.kasn[self.kasn.person_case_id.isin(self.entry_by_person.index)]
        return paired, self.entry_by_person.loc[paired.person_case_id]

    @functools.cached_property
    def entry_by_person(self) -> pd.DataFrame:
        """The entry-register row of each person-case that has one, indexed by person_case_id."""
        return self.entry.drop_duplicates("person_case_id").set_index("person_case_id")


def _measure(view: Views, dimension: str, group: pd.DataFrame, scale: float) -> list[tuple]:
    """(election, dimension, key, source, unit, published, demo) for each target row of one dimension."""
    values = group.value.astype(float) if dimension not in {"timeline"} else group.value
    share_total = group.value.astype(float).sum() if dimension in SHARES else None
    out = []
    for row, value in zip(group.itertuples(), values, strict=True):
        measured = MEASURES[dimension](view, row.key)
        if measured is None:
            continue
        unit, demo, *override = measured
        published = float(value)
        if override:
            published = override[0](group)
        elif unit == "count":
            published *= scale
        elif share_total is not None:
            published = 100 * published / share_total
        out.append((view.election, dimension, row.key, row.source, unit, round(published, 2), round(demo, 2)))
    return out


def _pct(mask) -> float:
    return float(100 * np.mean(mask)) if len(mask) else float("nan")


def _judge(row) -> tuple[str, bool]:
    kind, allowed = TOLERANCE[row.dimension]
    difference = abs(row.demo - row.published)
    if kind == "rel":
        return f"±{allowed:.0%}", bool(difference <= allowed * max(row.published, 1))
    if kind == "pct":
        return f"±{allowed:g} pt", bool(difference <= allowed)
    return f"±{allowed:g}", bool(difference <= allowed + 1e-9)


def _reported_by(view, key):
    return "count", float((view.kasn.report_date <= pd.Timestamp(key)).sum())


def _timeline(view, key):
    incident = view.kasn.incident_date
    campaign = pd.Timestamp(stage_day(view.ref, view.election, "kampanye", "starts"))
    vote = pd.Timestamp(election_day(view.ref, view.election, "voting_day"))
    if key == "pre_campaign":
        return "pct", _pct(incident < campaign)
    if key == "after_voting":
        return "pct", _pct(incident > vote)
    if key == "final_fortnight":
        during = incident[(incident >= campaign) & (incident <= vote)]
        return "pct", _pct(during > vote - pd.Timedelta(days=14))
    return None  # pre_start: where the build-up starts (an input)


def _bawaslu(view, key):
    cases = view.bawaslu_cases()
    chosen = {"forwarded": cases.forwarded_to.isin(["kasn", "bkn"]), "stopped": cases.status.eq("dihentikan"),
              "not_violation": cases.status.eq("tidak_terbukti"), "pending": cases.status.eq("diproses")}[key]
    return "count", float(chosen.sum())


def _village_status(view, key):
    v = view.villages
    pidana = v.violation_class.eq("pidana")
    chosen = {"pidana": pidana, "terbukti": v.status.eq("terbukti") & ~pidana}.get(key, v.status.eq(key))
    return "pct", _pct(chosen)


def _sanction_mix(view, key):
    done = view.kasn[view.kasn.status.eq("disanksi") & view.kasn.violation_class.ne("pidana")
                     & view.kasn.sanction.ne(PTDH)]
    chosen = {"moral_terbuka": done.sanction.eq(MORAL_OPEN), "moral_tertutup": done.sanction.eq(MORAL_CLOSED),
              "sedang": done.severity.eq("sedang"), "ringan": done.severity.eq("ringan")}[key]
    return "pct", _pct(chosen)


def _direct_source(view, key):
    entered = view.entry_by_person.source_agency
    counted = view.kasn.person_case_id.map(entered)
    direct = counted[counted.ne("bawaslu")]
    agency = key.split(":")[0]
    if agency in ("kasn", "bkn"):  # straight to KASN/BKN: one figure for both (after the handover KASN is BKN)
        both = lambda g: 100 * g.value.astype(float)[g.key.str.match("(kasn|bkn):")].sum() / g.value.astype(  # noqa: E731
            float).sum()
        return None if agency == "bkn" else ("pct", _pct(direct.isna()), both)
    return "pct", _pct(direct.eq(agency))


def _linking(view, key):
    kasn = view.kasn
    if key == "nip_missing":
        return "pct", _pct(kasn.subject_nip.isna())
    paired, first = view.pairs
    if key == "name_variant":
        with_nip = paired.subject_nip.notna().to_numpy()
        return "pct", _pct((paired.subject_name.to_numpy() != first.subject_name.to_numpy())[with_nip])
    if key == "agency_variant":
        return "pct", _pct(paired.agency_name.to_numpy() != first.agency_name.to_numpy())
    if key == "decoys":
        via_bawaslu = first.source_agency.eq("bawaslu").to_numpy()
        lure = paired[paired.subject_nip.isna().to_numpy() & paired.region_code.notna().to_numpy() & via_bawaslu]
        others = view.bawaslu[["subject_name", "region_code", "person_case_id"]]
        hit = lure.merge(others, on=["subject_name", "region_code"], suffixes=("", "_other"))
        hit = hit[hit.person_case_id != hit.person_case_id_other]
        return "pct", _pct(lure.person_case_id.isin(hit.person_case_id))
    if key == "repeats":
        asn = view.rows[view.rows.employee_type.ne("non_asn") & view.rows.subject_nip.notna()]
        if view.earlier_nips.empty:
            return None  # the first election has nobody to repeat
        return "pct", _pct(asn.drop_duplicates("person_case_id").subject_nip.isin(view.earlier_nips))
    return None


def _could_infer(view) -> pd.Series:
    """Rows whose severity a register could leave blank: disiplin with a matrix level, and under PP 53/2010 not
    the proven ones (their outcome names the level)."""
    kasn = view.kasn
    recorded = kasn.status.isin(PROVEN_STATUSES) & kasn.regime.eq("pp53_skb2020")
    return kasn.violation_class.eq("disiplin") & kasn.severity.notna() & ~recorded


def _mean_size(group: pd.DataFrame) -> float:
    """Persons per case the case_size weights imply."""
    weights = group.value.astype(float).to_numpy()
    return float((group.key.astype(int).to_numpy() * weights).sum() / weights.sum())


MEASURES = {
    "total": lambda v, k: ("count", float(len(v.kasn))),
    "reported_by": _reported_by,
    "status": lambda v, k: ("pct", _pct(v.kasn.status.eq(k))),
    "violation_type": lambda v, k: ("pct", _pct(v.kasn.violation_type.eq(k))),
    "position_class": lambda v, k: ("pct", _pct(v.kasn.position_class.eq(k))),
    "province": lambda v, k: ("pct", _pct(v.kasn.province_code.eq(k))),
    "region": lambda v, k: ("pct", _pct(v.kasn.region_code.eq(k))),
    "province_level": lambda v, k: ("pct", _pct(v.kasn.agency_level.eq("provinsi") & v.kasn.province_code.eq(k))),
    "level": lambda v, k: ("pct", _pct(v.kasn.agency_level.eq(k))) if k == "pusat" else None,
    "timeline": _timeline,
    "employee_type": lambda v, k: ("pct", _pct(v.kasn.employee_type.eq(k))),
    "bawaslu": _bawaslu,
    "bawaslu_kind": lambda v, k: ("pct", _pct(v.bawaslu_cases().source_kind.eq(k))),
    "bawaslu_reported_by": lambda v, k: ("count", float((v.bawaslu_cases().report_date <= pd.Timestamp(k)).sum())),
    "non_asn": lambda v, k: ("count", float(len(v.villages))) if k == "cases" else (
        "pct", _pct(v.villages.source_kind.eq("laporan"))),
    "non_asn_reported_by": lambda v, k: ("count", float((v.villages.report_date <= pd.Timestamp(k)).sum())),
    "non_asn_status": _village_status,
    "non_asn_province": lambda v, k: ("pct", _pct(v.villages.province_code.eq(k))),
    "sanction_mix": _sanction_mix,
    "direct_source": _direct_source,
    "linking": _linking,
    "severity_inferred": lambda v, k: ("pct", _pct(v.kasn.severity_inferred[_could_infer(v)])),
    "kasn_handled": lambda v, k: ("count", float(v.kasn.source_agency.eq("kasn").sum())),
    "case_size": lambda v, k: ("mean", float(v.bawaslu.groupby("case_id").size().mean()), _mean_size) if k == "1"
    else None,
}


CALIBRATION_COLUMNS = (
    "election", "source_agency", "employee_type", "case_id", "person_case_id", "status", "report_date",
    "incident_date", "violation_type", "position_class", "province_code", "region_code", "agency_level",
    "agency_name", "source_kind", "forwarded_to", "violation_class", "severity", "severity_inferred", "sanction",
    "subject_name", "subject_nip", "regime",
)


def warehouse_rows(con) -> pd.DataFrame:
    """The columns the calibration measures, read from a generation (the demo as the app will see it)."""
    columns = ", ".join(f"{c}::timestamp as {c}" if c.endswith("_date") else c for c in CALIBRATION_COLUMNS)
    con.execute("set enable_progress_bar = false")
    table = con.sql(f"select {columns} from cases").to_arrow_table()  # noqa: S608
    # millions of rows: codes, not strings; the Arrow buffers are freed as the columns convert
    return table.to_pandas(strings_to_categorical=True, self_destruct=True, split_blocks=True)


def format_table(table: pd.DataFrame) -> str:
    """The calibration as a plain-text table: every published figure, the demo's value and the difference."""
    lines = [f"{'pemilihan':<12} {'ukuran':<20} {'kunci':<22} {'sumber':<26} {'terbit':>10} {'demo':>10} "
             f"{'selisih':>9}  {'toleransi':<9} ok"]
    for r in table.itertuples():
        digits, unit = {"count": (0, " "), "pct": (1, "%"), "mean": (2, " ")}[r.unit]
        lines.append(f"{r.election:<12} {r.dimension:<20} {str(r.key)[:22]:<22} {str(r.source)[:26]:<26} "
                     f"{r.published:>9.{digits}f}{unit} {r.demo:>9.{digits}f}{unit} {r.difference:>+9.{digits}f}  "
                     f"{r.tolerance:<9} {'ya' if r.within else 'TIDAK'}")
    outside = int((~table.within).sum())
    lines.append(f"{len(table)} angka; {outside} di luar toleransi.")
    return "\n".join(lines)
