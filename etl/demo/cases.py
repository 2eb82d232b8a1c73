"""Person-cases of one election, with the whole chain: who entered where, when each hand had it, how it ended.

Three groups, each one person in one case:
- the persons KASN/BKN counted (the published totals, funnels and shares are theirs): they came from Bawaslu
  (temuan/laporan it found to be violations and forwarded), from an inspektorat or the Kemendagri desk, or as
  an aduan straight to KASN/BKN;
- Bawaslu's other ASN cases: not a violation, stopped, or still being examined (never reach KASN/BKN);
- village heads, village officials and honorer in Bawaslu's registers: not ASN, sent to the bupati, not KASN/BKN.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from etl.demo import people, violations
from etl.demo.allocate import as_labels, case_sizes, labelled, later, sizes_of_cases, spread
from etl.demo.places import places, village_places
from etl.demo.reference import as_of, election_day, handover_day, number, target
from etl.demo.timeline import incidents_and_types, received_days
from warehouse.vocab import (
    EMPLOYEE_TYPES,
    POSITION_CLASSES,
    SOURCE_AGENCIES,
    SOURCE_KINDS,
    STATUSES,
    VIOLATION_CLASSES,
    VIOLATION_FORMS,
)

REPORT_LAG_DAYS = {"temuan": 3, "laporan": 5, "aduan": 10}  # median days from incident to a register's entry
EXAMINATION_DAYS = (7, 14)  # Bawaslu: kajian + klarifikasi, calendar days, with one extension (domain.md §2.6)
ENTRY_STATUS = {"bawaslu": "terbukti", "inspektorat": "terbukti", "kemendagri": "diproses"}
BAWASLU_OUTCOMES = ("dihentikan", "tidak_terbukti", "diproses")  # cases that never reach KASN/BKN, early -> late
VILLAGE_OUTCOMES = ("dihentikan", "pidana", "terbukti", "tidak_terbukti")
STATUS_ORDER = ("disanksi", "tidak_terbukti", "dihentikan", "terbukti", "diproses", "dilaporkan")  # early -> late
DECIDED = ("disanksi", "tidak_terbukti", "dihentikan", "terbukti")
ROUTE_NOISE = "order_noise_days"
GROUPS = ("counted", "bawaslu_only", "non_asn")
RECEIVERS = ("kasn", "bkn")


def person_cases(rng, election: str, scale: float, targets, ref) -> pd.DataFrame:
    """Every person-case of one election (the three groups above), one row each, chain dates included."""
    n = max(1, int(np.floor(number(targets, election, "total", "persons") * scale + 0.5)))
    core = _counted(rng, election, n, scale, targets, ref)
    bawaslu_days = core.incident_date[core.entry_agency.eq("bawaslu")].to_numpy(dtype="datetime64[D]")
    others = _bawaslu_only(rng, election, scale, bawaslu_days, targets, ref)
    villages = _villages(rng, election, scale, bawaslu_days, targets, ref)
    frame = concat_categorical([core, others, villages])
    frame["pc"] = np.arange(1, len(frame) + 1)  # PC-<election>-0000001 once written
    frame["election"] = election
    return frame


def concat_categorical(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate frames whose categorical columns may differ in categories, keeping them categorical."""
    frames = [f for f in frames if len(f)]
    for column in frames[0].columns:
        if isinstance(frames[0][column].dtype, pd.CategoricalDtype):
            union = pd.api.types.union_categoricals([f[column] for f in frames if column in f]).categories
            for f in frames:
                f[column] = pd.Categorical(f[column], categories=union) if column in f else pd.Categorical(
                    [None] * len(f), categories=union)
    return pd.concat(frames, ignore_index=True)


def _counted(rng, election: str, n: int, scale: float, targets, ref) -> pd.DataFrame:
    """The n persons KASN/BKN counted, in cases, each with the register it entered by and the day KASN/BKN got it."""
    sizes = case_sizes(rng, n, target(targets, election, "case_size"))
    incident, types = incidents_and_types(rng, election, sizes, targets, ref)
    entry, kind = _routes(rng, election, incident, sizes, scale, targets)
    received = received_days(rng, election, incident, sizes, targets, ref, scale)
    cases = _case_attributes(rng, election, incident, types, sizes, targets, ref, places(rng, election, targets, ref))
    direct = np.isin(entry, RECEIVERS)
    cases["entry_agency"] = as_labels(np.where(direct, None, entry), SOURCE_AGENCIES)
    cases["source_kind"], cases["received_date"] = as_labels(kind, SOURCE_KINDS), received
    cases["receiver"] = labelled(((entry == "bkn") | (received >= handover_day(targets))).astype(int), RECEIVERS)
    _entry_dates(rng, cases, received, np.isin(entry, ["bawaslu", "inspektorat"]))
    status = pd.Series(entry).map(ENTRY_STATUS).to_numpy(dtype=object)
    cases["entry_status"] = as_labels(status, STATUSES)
    cases["group"] = labelled(np.zeros(len(cases), dtype=int), GROUPS)
    persons = _persons(rng, election, cases, sizes, targets, ref)
    return _outcomes(rng, election, persons, targets, ref)


def _routes(rng, election: str, incident, sizes: np.ndarray, scale: float, targets) -> tuple[np.ndarray, np.ndarray]:
    """(register entered by, source kind) per case: Bawaslu's forwarded cases first, roughly the earliest ones.

    Bawaslu's count is in cases (it counts cases); the other registers' mix is in persons.
    """
    m = len(sizes)
    forwarded = int(round(number(targets, election, "bawaslu", "forwarded") * scale))
    if forwarded > m:
        raise ValueError(f"demo_targets.csv: {election}: lebih banyak kasus Bawaslu diteruskan ({forwarded}) "
                         f"daripada kasus KASN/BKN ({m}).")
    noise = rng.normal(0, number(targets, election, "route", ROUTE_NOISE), m).astype("timedelta64[D]")
    via_bawaslu = spread(rng, [forwarded, m - forwarded], np.ones(m), order=np.argsort(incident + noise)) == 0
    direct = target(targets, election, "direct_source").astype(float)
    direct_key = np.empty(m, dtype=object)
    direct_key[~via_bawaslu] = np.array(direct.index, dtype=object)[spread(rng, direct, sizes[~via_bawaslu])]
    direct_key[via_bawaslu] = _bawaslu_kinds(rng, election, int(via_bawaslu.sum()), targets)
    unique, at = np.unique(direct_key.astype(str), return_inverse=True)
    agency, kind = (np.array([k.split(":")[i] for k in unique], dtype=object)[at] for i in (0, 1))
    return agency, kind


def _bawaslu_kinds(rng, election: str, m: int, targets) -> np.ndarray:
    """'bawaslu:temuan' or 'bawaslu:laporan' per case, in the published proportion."""
    kinds = target(targets, election, "bawaslu_kind").astype(float)
    return np.array(["bawaslu:" + k for k in kinds.index], dtype=object)[spread(rng, kinds, np.ones(m))]


def _case_attributes(rng, election: str, incident, types, sizes, targets, ref, cells) -> pd.DataFrame:
    """Place (each cell's share of persons), SKB form and class, and the register's description of each case."""
    frame = cells.iloc[spread(rng, cells.weight, sizes)].drop(columns="weight").reset_index(drop=True)
    frame["incident_date"] = incident
    frame["violation_type"] = types
    frame[["violation_form", "violation_class", "matrix_severity"]] = violations.forms(rng, election, types,
                                                                                      incident, ref)
    frame["description"] = descriptions(frame.violation_form, frame.violation_type, ref)
    return frame


def descriptions(form: pd.Series, types: pd.Series, ref: dict, prefix: str = "") -> pd.Categorical:
    """The register's description: the SKB 2022 wording of the form, else the type's label; marked synthetic."""
    form_text = ref["violation_forms"].set_index("form").description_id.reindex(VIOLATION_FORMS).fillna("")
    type_text = ref["violation_types"].set_index("violation_type").label_id.reindex(types.cat.categories)
    labels = [f"[Data sintetis] {prefix}{text}" for text in [*form_text, *type_text]]
    form_code = np.asarray(pd.Categorical(form, categories=VIOLATION_FORMS).codes)
    code = np.where(form_code >= 0, form_code, len(VIOLATION_FORMS) + np.asarray(types.cat.codes))
    return labelled(code, labels).remove_unused_categories()


def _entry_dates(rng, cases: pd.DataFrame, limit, decided) -> None:
    """Entry register's report (a few days after the incident) and decision (its examination), before `limit`."""
    incident = cases.incident_date.to_numpy(dtype="datetime64[D]")
    median = cases.source_kind.astype(object).map(REPORT_LAG_DAYS).to_numpy(dtype=float)
    report = later(rng, incident, np.rint(rng.lognormal(np.log(median), 0.8)), limit)
    examined = later(rng, report, rng.integers(EXAMINATION_DAYS[0], EXAMINATION_DAYS[1] + 1, len(report)), limit)
    has_entry, decided = cases.entry_agency.notna().to_numpy(), np.asarray(decided)
    cases["entry_report_date"] = np.where(has_entry, report, np.datetime64("NaT"))
    cases["entry_decision_date"] = np.where(has_entry & decided, examined, np.datetime64("NaT"))


def _persons(rng, election: str, cases: pd.DataFrame, sizes: np.ndarray, targets, ref) -> pd.DataFrame:
    """One row per person from one per case: subject number, position, employee type, made-up identity."""
    persons = cases.iloc[np.repeat(np.arange(len(sizes)), sizes)].reset_index(drop=True)
    persons["case_no"] = np.repeat(np.arange(len(sizes)), sizes)
    persons["subject_no"] = np.arange(len(persons)) - np.repeat(np.cumsum(sizes) - sizes, sizes) + 1
    persons["position_class"] = people.positions(rng, target(targets, election, "position_class"),
                                                 persons.region_code.notna().to_numpy())
    pppk = float(target(targets, election, "employee_type").get("pppk", 0)) / 100
    persons["employee_type"] = people.employee_types(rng, persons.position_class, pppk)
    persons["subject_name"], female = people.names(rng, len(persons))
    year = int(str(election_day(ref, election, "voting_day"))[:4])
    persons["subject_nip"] = pd.array(people.nips(rng, year, female), dtype="Int64")
    persons["female"] = female
    persons["matrix_form"], persons["matrix_class"] = persons.violation_form, persons.violation_class
    return persons


def _outcomes(rng, election: str, persons: pd.DataFrame, targets, ref) -> pd.DataFrame:
    """KASN/BKN's funnel status, decision and sanction dates, severity and the sanction under the regime."""
    cutoff = as_of(targets, election)
    received = persons.received_date.to_numpy(dtype="datetime64[D]")
    n = len(persons)
    lateness = np.argsort(np.argsort(received, kind="stable")) / max(n, 1) + rng.normal(0, 0.25, n)
    weights = target(targets, election, "status").astype(float).reindex(STATUS_ORDER, fill_value=0)
    code = spread(rng, weights, np.ones(n), order=np.argsort(lateness))
    persons["status"] = labelled(np.array([STATUSES.index(s) for s in STATUS_ORDER])[code], STATUSES)
    decision = later(rng, received, 7 + np.rint(rng.gamma(2, 12, n)), cutoff)
    sanction = later(rng, decision, 7 + np.rint(rng.gamma(2, 15, n)), cutoff)
    persons["decision_date"] = np.where(persons.status.isin(DECIDED), decision, np.datetime64("NaT"))
    persons["sanction_date"] = np.where(persons.status.eq("disanksi"), sanction, np.datetime64("NaT"))
    inferred_share = float(target(targets, election, "severity_inferred")["share"]) / 100
    persons[["severity", "severity_inferred"]] = violations.severities(rng, persons.matrix_severity, inferred_share)
    regime = ref["elections"].set_index("election").regime[election]
    if not target(targets, election, "sanction_mix").empty:
        persons[["violation_form", "violation_class", "severity", "severity_inferred", "pp53_sanction"]] = (
            violations.pp53_outcomes(rng, election, persons, targets, ref))
    persons["sanction"] = violations.sanctions(regime, persons)
    return persons.drop(columns=["pp53_sanction"], errors="ignore")


def _bawaslu_only(rng, election: str, scale: float, bawaslu_days, targets, ref) -> pd.DataFrame:
    """Bawaslu's ASN cases that never reached KASN/BKN, dated like its forwarded ones (same supervision)."""
    counts = target(targets, election, "bawaslu").astype(float).reindex(
        ["stopped", "not_violation", "pending"], fill_value=0) * scale
    m = int(round(counts.sum()))
    if m == 0:
        return pd.DataFrame()
    sizes = sizes_of_cases(rng, m, target(targets, election, "case_size"))
    incident, types = incidents_and_types(rng, election, sizes, targets, ref,
                                          incident=_resampled(rng, bawaslu_days, m, election, targets, ref))
    cases = _case_attributes(rng, election, incident, types, sizes, targets, ref, places(rng, election, targets, ref))
    cases["entry_agency"] = as_labels(["bawaslu"] * m, SOURCE_AGENCIES)
    cases["source_kind"] = as_labels([key.split(":")[1] for key in _bawaslu_kinds(rng, election, m, targets)],
                                     SOURCE_KINDS)
    order = np.argsort(incident + rng.normal(0, 5, m).astype("timedelta64[D]"))
    outcome = np.array(BAWASLU_OUTCOMES, dtype=object)[spread(rng, counts.to_numpy(), np.ones(m), order=order)]
    cases["entry_status"] = as_labels(outcome, STATUSES)
    _entry_dates(rng, cases, as_of(targets, election), outcome != "diproses")
    cases["group"] = labelled(np.ones(m, dtype=int), GROUPS)
    persons = _persons(rng, election, cases, sizes, targets, ref)
    persons["severity"], persons["severity_inferred"] = persons.matrix_severity, persons.matrix_severity.notna()
    return persons


def _villages(rng, election: str, scale: float, bawaslu_days, targets, ref) -> pd.DataFrame:
    """Non-ASN in Bawaslu's registers (village heads and officials, honorer): sent on to the bupati, not KASN/BKN."""
    m = int(round(number(targets, election, "non_asn", "cases") * scale))
    if m == 0:
        return pd.DataFrame()
    sizes = np.ones(m, dtype=np.int64)
    incident, types = incidents_and_types(rng, election, sizes, targets, ref,
                                          incident=_resampled(rng, bawaslu_days, m, election, targets, ref))
    cells = village_places(rng, election, targets, ref)
    cases = _case_attributes(rng, election, incident, types, sizes, targets, ref, cells)
    role = np.array(people.VILLAGE_ROLES, dtype=object)[spread(rng, [80, 15, 5], sizes)]
    region = cases.region_name.astype(object).to_numpy()
    village = np.char.mod("Desa Contoh %d, ", rng.integers(1, 40, m)).astype(object)
    cases["agency_name"] = pd.Categorical(np.where(role == "Honorer", "Pemerintah " + region, village + region))
    described = np.asarray(descriptions(cases.violation_form, cases.violation_type, ref), dtype=object)
    cases["description"] = pd.Categorical([f"[Data sintetis] {r}: {d[len('[Data sintetis] '):]}"
                                           for r, d in zip(role, described, strict=True)])
    weights = target(targets, election, "non_asn_status").astype(float).reindex(list(VILLAGE_OUTCOMES),
                                                                                 fill_value=0)
    outcome = np.array(VILLAGE_OUTCOMES, dtype=object)[spread(rng, weights, sizes)]
    cases["entry_status"] = as_labels(np.where(outcome == "pidana", "terbukti", outcome), STATUSES)
    pidana = np.where(outcome == "pidana", "pidana", None)  # not ASN: no ASN discipline class
    cases["violation_class"] = as_labels(pidana, VIOLATION_CLASSES)
    cases["violation_form"] = as_labels([None] * m, VIOLATION_FORMS)
    cases["matrix_severity"] = as_labels([None] * m, cases.matrix_severity.cat.categories)
    cases["entry_agency"] = as_labels(["bawaslu"] * m, SOURCE_AGENCIES)
    laporan = number(targets, election, "non_asn", "laporan")
    kinds = np.array(["laporan", "temuan"], dtype=object)[spread(rng, [laporan, 100 - laporan], sizes)]
    cases["source_kind"] = as_labels(kinds, SOURCE_KINDS)
    _entry_dates(rng, cases, as_of(targets, election), outcome != "diproses")
    cases["group"] = labelled(np.full(m, 2), GROUPS)
    persons = cases.drop(columns="region_name").reset_index(drop=True)
    persons["case_no"], persons["subject_no"] = np.arange(m), 1
    persons["position_class"] = as_labels(["lainnya"] * m, POSITION_CLASSES)
    persons["employee_type"] = as_labels(["non_asn"] * m, EMPLOYEE_TYPES)
    persons["subject_name"], persons["female"] = people.names(rng, m)
    persons["subject_nip"] = pd.array([None] * m, dtype="Int64")  # a village head or honorer has no NIP
    persons["severity"], persons["severity_inferred"] = persons.matrix_severity, False
    persons["matrix_form"], persons["matrix_class"] = persons.violation_form, persons.violation_class
    return persons


def _resampled(rng, days: np.ndarray, m: int, election: str, targets, ref) -> np.ndarray | None:
    """m dates drawn from `days` with a week's jitter, inside the election's window and before its snapshot."""
    if len(days) == 0:
        return None  # no forwarded case to date them by (a tiny build): the election's own calendar
    start = election_day(ref, election, "window_start")
    picked = days[rng.integers(0, len(days), m)] + rng.integers(-7, 8, m).astype("timedelta64[D]")
    return np.clip(picked, start, as_of(targets, election))
