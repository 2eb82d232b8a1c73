"""Who a case record is: its case id (registered, or a hash of the row's content) and the person within the case.

A person already in the warehouse under the same case, or earlier in the same file, is a repeat: counted, not
loaded. New people are numbered after those already known, so a corrected row loaded later finds its place.
"""

from __future__ import annotations

import hashlib

import pandas as pd

from etl.link.names import nips

CASE_KEY = ["election", "source_agency", "case_id"]
FINGERPRINT = ["election", "source_agency", "incident_date", "report_date", "region_code", "province_code",
               "agency_name", "violation_type", "description", "_people"]
HASH_PREFIX = "H-"  # case ids made from the row's content when the register gives no number


def anonymous(cases: pd.DataFrame) -> pd.Series:
    """True for records that name nobody (no name, no NIP)."""
    return cases["subject_name"].isna() & cases["subject_nip"].isna()


def row_fingerprints(cases: pd.DataFrame, needed: pd.Series) -> pd.Series:
    """A stable 16-hex hash of a record's normalised content where `needed` (missing elsewhere, to save time).

    Every person of one register row gets the same hash (the row's people are hashed together, as written).
    """
    rows = cases.loc[needed.to_numpy()]
    text = _as_text(rows[FINGERPRINT[0]])
    for column in FINGERPRINT[1:]:
        text = text + "\x1f" + _as_text(rows[column])
    digests = pd.Series(None, index=cases.index, dtype=object)
    digests[needed.to_numpy()] = [hashlib.blake2b(value.encode(), digest_size=8).hexdigest() for value in text]
    return digests


def _as_text(values: pd.Series) -> pd.Series:
    """Values as text the same way for a fresh frame and one read back from DuckDB (dates ISO, blanks '')."""
    if pd.api.types.is_datetime64_any_dtype(values):
        return values.dt.strftime("%Y-%m-%d").fillna("")
    return values.astype("str").fillna("")


def person_keys(cases: pd.DataFrame, fingerprint: pd.Series | None = None,
                known_nips: pd.Series | None = None) -> pd.Series:
    """Who a record is about, to tell people of one case apart: NIP, else name, else the row's content.

    Only a value that is a NIP (etl.link.names.nips) says who: two people of one case under one placeholder
    (000000000000000000) are told apart by their names, not taken for one person written twice. `known_nips`:
    `nips` of the NIP column, when the caller has them already."""
    if fingerprint is None:
        fingerprint = row_fingerprints(cases, needed=anonymous(cases))
    names = cases["subject_name"].astype("str").str.lower().str.replace("[^a-z0-9]+", " ", regex=True).str.strip()
    written = cases["subject_nip"].astype("str")
    known = nips(cases["subject_nip"]) if known_nips is None else known_nips
    by_name = "nama:" + names
    keys = ("nip:" + written).where(known.notna()).fillna(by_name.where(names.notna() & (names != "")))
    keys = keys.fillna(("nip:" + written).where(written.notna()))  # an odd number and no name: still someone
    return keys.fillna("isi:" + fingerprint.astype("str")).astype(object)


def number_subjects(cases: pd.DataFrame, existing: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """(new records numbered after the people already known for their case, how many were repeats).

    A person (see `person_keys`) already in the warehouse under the same case, or earlier in the same file, is a
    repeat: counted, not loaded. `existing` holds the warehouse records of the same case ids with _person.
    """
    cases = cases.sort_values(["_record", "subject_no"], kind="stable")  # file order: the first person is 1
    keys = [*CASE_KEY, "_person"]  # the repeats found on the keys alone: a register row has many columns
    both = pd.concat([existing[keys], cases[keys]], ignore_index=True)
    repeat = both.duplicated(keys, keep="first").to_numpy()[len(existing):]
    fresh = cases[~repeat]
    known = existing.groupby(CASE_KEY)["subject_no"].max().rename("_known") if len(existing) else None
    base = fresh[CASE_KEY].join(known, on=CASE_KEY)["_known"].fillna(0) if known is not None else 0
    numbers = (base + fresh.groupby(CASE_KEY, sort=False).cumcount() + 1).astype(int)
    return fresh.assign(subject_no=numbers), int(repeat.sum())


def replace_people(cases: pd.DataFrame, existing: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """For a correction of warned rows: (records to insert, existing records they replace, repeats in the file).

    An incoming person already in the warehouse under the same case replaces that record and keeps its
    subject_no; other people are numbered after those known, as in `number_subjects`.
    """
    cases = cases.sort_values(["_record", "subject_no"], kind="stable")
    repeat = cases.duplicated([*CASE_KEY, "_person"], keep="first").to_numpy()
    cases = cases[~repeat]
    known = existing[[*CASE_KEY, "_person", "subject_no", "load_id", "source_row"]].drop_duplicates(
        [*CASE_KEY, "_person"]).rename(columns={"subject_no": "_old_no"})
    joined = cases.merge(known, on=[*CASE_KEY, "_person"], how="left")
    matched = joined["_old_no"].notna().to_numpy()
    replaced = joined.loc[matched, [*CASE_KEY, "_old_no", "load_id", "source_row"]].rename(
        columns={"_old_no": "subject_no"})
    kept = joined[matched].assign(subject_no=joined.loc[matched, "_old_no"].astype(int))
    fresh, _ = number_subjects(cases[~matched], existing)
    columns = list(cases.columns)
    return pd.concat([kept[columns], fresh[columns]], ignore_index=True), replaced, int(repeat.sum())
