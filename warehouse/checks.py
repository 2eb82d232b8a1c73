"""Checks run on every new generation before it is published; each returns sentences naming the rows that broke it."""

import duckdb

from warehouse.vocab import ALLOWED_VALUES

SAMPLE = 5  # how many offending keys a failure message names


def failed_checks(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every failure found in the cases table; an empty list means the generation may be published."""
    failures = []
    for column, allowed in ALLOWED_VALUES.items():
        failures += _offenders(
            con,
            f"{column} di luar kosakata",
            f"{column} is not null and not list_contains(?, {column})",  # column from the constant allow-list
            [list(allowed)],
        )
    failures += _offenders(
        con, "region_code tidak ada di tabel regions",
        "region_code is not null and region_code not in (select code from regions)", [],
    )
    failures += _offenders(
        con, "province_code tidak ada di tabel provinces",
        "province_code is not null and province_code not in (select code from provinces)", [],
    )
    failures += _offenders(
        con, "region_code tidak berada di province_code",
        "region_code is not null and province_code is distinct from split_part(region_code, '.', 1)", [],
    )
    failures += _offenders(
        con, "tanggal di luar jendela pemilihan",
        """exists (select 1 from elections e where e.election = cases.election and (
               incident_date not between e.window_start and e.window_end
            or report_date not between e.window_start and e.window_end))""",
        [],
    )
    failures += _duplicate_keys(con)
    failures += _cross_election_people(con)
    failures += _person_cases_match(con)
    failures += _stages_match(con)
    return failures


def _offenders(con, label: str, condition: str, params: list) -> list[str]:
    """One failure sentence if any case row matches `condition`, naming a few of them by key."""
    # `condition` is one of this module's constant expressions (columns from vocab.ALLOWED_VALUES); values are bound
    rows = con.execute(
        f"select case_id, subject_no, load_id, source_row from cases where {condition} "  # noqa: S608
        f"order by load_id, source_row limit {SAMPLE + 1}",
        params,
    ).fetchall()
    if not rows:
        return []
    count = con.execute(f"select count(*) from cases where {condition}", params).fetchall()[0][0]  # noqa: S608
    named = ", ".join(f"{case_id}#{no} (muatan {load}, baris {row})" for case_id, no, load, row in rows[:SAMPLE])
    return [f"{label}: {count} baris, mis. {named}"]


def _duplicate_keys(con) -> list[str]:
    """Case keys that appear more than once (the primary key guards this too; kept for copies made without it)."""
    rows = con.execute(
        """select election, source_agency, case_id, subject_no, count(*) from cases
           group by all having count(*) > 1 limit 5"""
    ).fetchall()
    return [f"kunci kasus ganda: {r[2]}#{r[3]} ({r[0]}, {r[1]}) muncul {r[4]} kali" for r in rows]


def _cross_election_people(con) -> list[str]:
    """Person-cases that span two elections: records are never linked across elections."""
    rows = con.execute(
        """select person_case_id, string_agg(distinct election, ', ' order by election) from cases
           group by person_case_id having count(distinct election) > 1 limit 5"""
    ).fetchall()
    return [f"person_case_id {r[0]} melintasi pemilihan: {r[1]}" for r in rows]


def _person_cases_match(con) -> list[str]:
    """person_cases holds each election's person-cases once: as many rows as distinct person_case_ids of cases,
    every key once, and records adding up to the cases (what the app counts must be what the records say)."""
    rows = con.execute(
        """with people as (
               select election, count(*) as n, count(distinct person_case_id) as ids, sum(records) as records
               from person_cases group by election
           ),
           held as (
               select election, count(distinct person_case_id) as ids, count(*) as records
               from cases group by election
           )
           select election, coalesce(h.ids, 0), coalesce(p.n, 0), coalesce(p.ids, 0), coalesce(h.records, 0),
               coalesce(p.records, 0)
           from held h full join people p using (election)
           where h.ids is distinct from p.n or p.n is distinct from p.ids or h.records is distinct from p.records
           order by election"""
    ).fetchall()
    return [f"person_cases tidak cocok dengan cases untuk {r[0]}: {r[1]} orang-kasus di cases, {r[2]} baris "
            f"({r[3]} kunci berbeda) di person_cases; {r[4]} catatan di cases, {r[5]} menurut person_cases"
            for r in rows]


def _stages_match(con) -> list[str]:
    """person_case_stages holds every person-case of cases once (the flow counts each exactly once)."""
    held, rows, keys = con.execute(
        """select (select count(distinct person_case_id) from cases), count(*), count(distinct person_case_id)
           from person_case_stages"""
    ).fetchone()
    if held == rows == keys:
        return []
    return [f"person_case_stages tidak cocok dengan cases: {held} orang-kasus di cases, {rows} baris ({keys} kunci "
            "berbeda) di person_case_stages"]
