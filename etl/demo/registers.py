"""From person-cases to the rows each register holds: Bawaslu's (or an inspektorat's, Kemendagri's) and KASN/BKN's.

The same person appears once per register that handled the case. Most KASN/BKN rows repeat the NIP; a share
have none and spell the name or agency a little differently (the linker's fuzzy path). A few Bawaslu rows are
near-misses a linker must not join: another person of the same name in the same agency, in another case.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from etl.demo import people
from etl.demo.allocate import spread
from etl.demo.reference import number

AGENCY_CODES = {"bawaslu": "BWS", "kasn": "KASN", "bkn": "BKN", "inspektorat": "INSP", "kemendagri": "KMDN"}
LOAD_ORDER = ("bawaslu", "inspektorat", "kemendagri", "kasn", "bkn")  # entry registers first, then KASN/BKN
DECOY_MIN_GAP_DAYS = 60  # a same-name record this far from the real one in time is another case


def written_by_kasn(rng, election: str, pcs: pd.DataFrame, targets) -> pd.DataFrame:
    """How KASN/BKN's register writes each counted person: name, NIP (or none) and agency."""
    counted = pcs.group.eq("counted").to_numpy()
    share = lambda key: number(targets, election, "linking", key)  # noqa: E731
    no_nip = _flagged(rng, counted, share("nip_missing"))
    paired = counted & pcs.entry_agency.notna().to_numpy()  # a spelling only matters beside another register's
    respelled = no_nip | _flagged(rng, paired & ~no_nip, share("name_variant"))
    agency = _flagged(rng, counted, share("agency_variant"))
    out = pd.DataFrame(index=pcs.index)
    out["kasn_name"] = _rewritten(pcs.subject_name, respelled, lambda v: people.written_differently(rng, v))
    out["kasn_agency"] = _rewritten(pcs.agency_name, agency, lambda v: people.agency_written_differently(rng, v))
    out["kasn_nip"] = pcs.subject_nip.where(~no_nip)
    return out


def _rewritten(column: pd.Series, chosen: np.ndarray, rewrite) -> pd.Categorical:
    """The column with the chosen rows rewritten, still a categorical (new spellings become new categories)."""
    values = column.cat
    new = np.asarray(rewrite(column[chosen].astype(object).to_numpy()), dtype=object)
    extra = pd.Index(pd.unique(new)).difference(values.categories)
    categories = values.categories.append(extra)
    codes = np.asarray(values.codes).astype(np.int64)
    codes[chosen] = categories.get_indexer(new)
    return pd.Categorical.from_codes(codes, categories=categories)


def _flagged(rng, mask: np.ndarray, pct: float) -> np.ndarray:
    """Exactly pct % of the rows in mask (to within one row), chosen at random."""
    out = np.zeros(len(mask), dtype=bool)
    at = np.flatnonzero(mask)
    out[at] = spread(rng, [pct, 100 - pct], np.ones(len(at))) == 0
    return out


def plant_decoys(rng, election: str, pcs: pd.DataFrame, targets) -> pd.Series:
    """Turn some of Bawaslu's other ASN persons into same-name near-misses of KASN/BKN rows without a NIP.

    The decoy takes the KASN/BKN row's spelling and agency but keeps its own case, dates (months apart) and NIP.
    Returns, per person-case, the number (pc) of the person-case a decoy imitates (empty for the rest).
    """
    lure = np.flatnonzero(pcs.group.eq("counted").to_numpy() & pcs.entry_agency.eq("bawaslu").to_numpy()
                          & pcs.kasn_nip.isna().to_numpy() & pcs.region_code.notna().to_numpy())
    pool = np.flatnonzero(pcs.group.eq("bawaslu_only").to_numpy())
    wanted = min(int(round(len(lure) * number(targets, election, "linking", "decoys") / 100)), len(pool))
    imitates = pd.Series(pd.NA, index=pcs.index, dtype="Int64")
    if wanted == 0:
        return imitates
    lure = rng.choice(lure, wanted, replace=False)
    decoy = _far_apart(rng, pool, lure, pcs.incident_date.to_numpy(dtype="datetime64[D]"))
    lure, decoy = lure[decoy >= 0], decoy[decoy >= 0]
    for column in ("region_code", "province_code", "agency_name", "agency_level"):
        pcs.iloc[decoy, pcs.columns.get_loc(column)] = pcs[column].to_numpy()[lure]
    names = pd.api.types.union_categoricals([pcs.subject_name, pcs.kasn_name]).categories
    subject = pd.Categorical(pcs.subject_name, categories=names)
    codes = np.asarray(subject.codes).astype(np.int64)
    codes[decoy] = np.asarray(pd.Categorical(pcs.kasn_name, categories=names).codes)[lure]
    pcs["subject_name"] = pd.Categorical.from_codes(codes, categories=names)
    imitates.iloc[decoy] = pcs.pc.to_numpy()[lure]
    return imitates


def _far_apart(rng, pool: np.ndarray, lure: np.ndarray, incident: np.ndarray, tries: int = 30) -> np.ndarray:
    """For each lure a distinct pool member whose incident is months away from the lure's (-1 when none found)."""
    chosen = np.full(len(lure), -1)
    free = np.ones(len(pool), dtype=bool)
    for _ in range(tries):
        open_ = np.flatnonzero(chosen < 0)
        if not open_.size or not free.any():
            break
        pick = rng.choice(np.flatnonzero(free), len(open_))
        far = np.abs((incident[pool[pick]] - incident[lure[open_]]).astype(np.int64)) > DECOY_MIN_GAP_DAYS
        pick, at = pick[far], open_[far]
        pick, first = np.unique(pick, return_index=True)  # a pool member imitates one lure at most
        chosen[at[first]] = pool[pick]
        free[pick] = False
    return chosen


COMMON_COLUMNS = """
    subject_no::integer as subject_no, election, source_kind::varchar as source_kind,
    incident_date::date as incident_date, region_code::varchar as region_code,
    province_code::varchar as province_code, agency_level::varchar as agency_level,
    position_class::varchar as position_class, employee_type::varchar as employee_type,
    violation_type::varchar as violation_type, description::varchar as description,
    printf('PC-%s-%07d', election, pc) as person_case_id, $regime as regime"""
# one statement per register kind; column names are constants, values come from the registered frame
ROWS_SQL = """
select printf('DEMO-%s-%d-%06d', c.code, $year, entry_case_number) as case_id, entry_agency::varchar as source_agency,
       entry_report_date::date as report_date, entry_decision_date::date as decision_date,
       null::date as sanction_date, agency_name::varchar as agency_name, matrix_form::varchar as violation_form,
       matrix_class::varchar as violation_class, matrix_severity::varchar as severity,
       matrix_severity is not null as severity_inferred,  -- a register names no level; the loader infers it
       entry_status::varchar as status, null::varchar as sanction, subject_name::varchar as subject_name,
       subject_nip::varchar as subject_nip,
       case when "group" = 'counted' then receiver::varchar
            when "group" = 'non_asn' and entry_status = 'terbukti' then 'lainnya' end as forwarded_to,
       'demo-' || election || '-' || entry_agency as load_id, entry_row::integer as source_row, <common>
from demo_pcs p join demo_codes c on c.source_agency = p.entry_agency::varchar
where entry_agency is not null
union all
select printf('DEMO-%s-%d-%06d', c.code, $year, kasn_case_number) as case_id, receiver::varchar as source_agency,
       received_date::date as report_date, decision_date::date as decision_date,
       sanction_date::date as sanction_date, kasn_agency::varchar as agency_name,
       violation_form::varchar as violation_form, violation_class::varchar as violation_class,
       severity::varchar as severity, severity_inferred, status::varchar as status, sanction::varchar as sanction,
       kasn_name::varchar as subject_name, kasn_nip::varchar as subject_nip, null::varchar as forwarded_to,
       'demo-' || election || '-' || receiver as load_id, kasn_row::integer as source_row, <common>
from demo_pcs p join demo_codes c on c.source_agency = p.receiver::varchar
where "group" = 'counted'
""".replace("<common>", COMMON_COLUMNS)
PCS_COLUMNS = (
    "group", "pc", "subject_no", "election", "source_kind", "incident_date", "region_code", "province_code",
    "agency_level", "position_class", "employee_type", "violation_type", "description", "entry_agency",
    "entry_report_date", "entry_decision_date", "agency_name", "matrix_form", "matrix_class", "matrix_severity",
    "entry_status", "subject_name", "subject_nip", "receiver", "received_date", "decision_date", "sanction_date",
    "kasn_agency", "violation_form", "violation_class", "severity", "severity_inferred", "status", "sanction",
    "kasn_name", "kasn_nip", "entry_case_number", "entry_row", "kasn_case_number", "kasn_row",
)


def numbered(pcs: pd.DataFrame, counters: dict, year: int) -> dict:
    """Register numbers and row numbers for each register's rows; returns rows per register (its load batch).

    Person-cases are in (group, case, subject) order, so one pass per register numbers its cases in that order;
    numbers continue across elections of the same year (`counters`: (agency, year) -> next number).
    """
    key = pcs.group.cat.codes.to_numpy(dtype=np.int64) * 10**9 + pcs.case_no.to_numpy(dtype=np.int64)
    batches = {}
    for prefix, agency_column in (("entry", "entry_agency"), ("kasn", "receiver")):
        agency = pcs[agency_column].astype(object).to_numpy()
        if prefix == "kasn":
            agency = np.where(pcs.group.eq("counted").to_numpy(), agency, None)
        case_number, row = np.zeros(len(pcs), dtype=np.int64), np.zeros(len(pcs), dtype=np.int64)
        for name in LOAD_ORDER:
            at = np.flatnonzero(agency == name)
            if not len(at):
                continue
            first = counters.get((name, year), 1)
            new_case = np.r_[True, key[at][1:] != key[at][:-1]]
            case_number[at] = first + np.cumsum(new_case) - 1
            row[at] = np.arange(1, len(at) + 1)
            counters[(name, year)] = int(case_number[at][-1]) + 1
            batches[name] = len(at)
        pcs[f"{prefix}_case_number"], pcs[f"{prefix}_row"] = case_number, row
    return batches


def register_pcs(con, pcs: pd.DataFrame) -> None:
    """Make the person-cases and the agency codes visible to ROWS_SQL on this connection."""
    con.register("demo_pcs", pcs[list(PCS_COLUMNS)])
    con.register("demo_codes", pd.DataFrame({"source_agency": list(AGENCY_CODES),
                                             "code": list(AGENCY_CODES.values())}))


def records(pcs: pd.DataFrame, counters: dict, year: int, regime: str) -> pd.DataFrame:
    """Every register row of one election's person-cases as a frame, in load order (for small builds and tests)."""
    numbered(pcs, counters, year)
    rank = {name: i for i, name in enumerate(LOAD_ORDER)}
    with duckdb.connect() as con:
        register_pcs(con, pcs)
        rows = con.execute(ROWS_SQL, {"year": year, "regime": regime}).df()
    order = np.lexsort((rows.source_row.to_numpy(), rows.source_agency.map(rank).to_numpy()))
    return rows.iloc[order].reset_index(drop=True)
