"""Like with like: the proven and sanctioned cards compare two periods of cases at the same age (issue 13).

A register loaded by the real loader: October's cases were all sanctioned in late November, November's are
young. Plain arithmetic says "Disanksi −100%"; counted at the same age both periods had no sanction yet.
"""

from __future__ import annotations

import csv
from datetime import date

import pytest

from ui.export.briefing import plain_reader
from ui.views import kpis
from warehouse.filters import Filters

HEADER = ["case_id", "election", "source_agency", "incident_date", "report_date", "decision_date", "sanction_date",
          "region_code", "province_code", "agency_name", "agency_level", "position_class", "employee_type",
          "violation_type", "violation_class", "severity", "status", "description"]
OCTOBER = [  # the previous period: proven on 20 October, sanctioned on 25 November (after that period's age)
    (f"A-{n}", "2024-10-10", "2024-10-11", "2024-10-20", "2024-11-25", "disanksi") for n in range(4)]
NOVEMBER = [  # the recent period: two proven on 20 November, two still open on the data's last day
    ("B-0", "2024-11-10", "2024-11-11", "2024-11-20", "", "terbukti"),
    ("B-1", "2024-11-10", "2024-11-11", "2024-11-20", "", "terbukti"),
    ("B-2", "2024-11-10", "2024-11-30", "", "", "diproses"),
    ("B-3", "2024-11-12", "2024-11-13", "", "", "dilaporkan"),
]
RECENT = Filters(date_from=date(2024, 11, 1), date_to=date(2024, 11, 30))  # previous: 2 to 31 October


def write_register(path, rows, undated_sanctions: bool = False):
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        for case_id, incident, report, decision, sanction, status in rows:
            writer.writerow([case_id, "pilkada2024", "bawaslu", incident, report, decision,
                             "" if undated_sanctions else sanction, "33.01", "33", "Pemerintah Kabupaten Cilacap",
                             "kabupaten", "pelaksana", "pns", "media_sosial", "disiplin", "ringan", status,
                             "Mengunggah dukungan di media sosial"])
    return path


@pytest.fixture
def reader(warehouse_dir, tmp_path, load_register):
    def made(undated_sanctions: bool = False):
        load_register(write_register(tmp_path / "register.csv", OCTOBER + NOVEMBER, undated_sanctions))
        return plain_reader()
    return made


def by_measure(cards):
    return {card.measure: card for card in cards}


def test_plain_arithmetic_would_say_minus_100_percent(reader):
    read = reader()
    recent, before = RECENT.recent_and_previous(date(2024, 10, 10), date(2024, 11, 30))
    assert (read("kpis", recent)["sanctioned"].iloc[0], read("kpis", before)["sanctioned"].iloc[0]) == (0, 4)


def test_sanctioned_and_proven_are_compared_at_the_same_age(reader):
    cards = by_measure(kpis.cards_for(reader(), RECENT, "id"))
    assert cards["reported"].delta == "0 (0,0%)"  # reported stays a plain change: 4 against 4
    assert cards["sanctioned"].delta == "0"  # none sanctioned by 30 Nov / by 31 Oct: no "−100%"
    assert cards["proven"].delta == "-2 (-50,0%)"  # 2 proven by 30 Nov against 4 by 31 Oct
    assert "kasus periode terkini dihitung sampai 30-11-2024, kasus periode sebelumnya sampai 31-10-2024 " \
           "(0 hari setelah masing-masing periode berakhir)" in cards["sanctioned"].help


def test_the_age_is_the_time_the_data_ran_on_after_the_chosen_period(reader):
    read = reader()
    recent, before = Filters(date_from=date(2024, 10, 1), date_to=date(2024, 10, 31)).recent_and_previous(
        date(2024, 10, 1), date(2024, 10, 31))
    ageing = kpis.ageing_for(recent, before, kpis._day(read("data_extent", recent)["as_of"].iloc[0]))
    assert ageing == kpis.Ageing(25, date(2024, 11, 25), date(2024, 10, 25))  # October's cases: last date 25 Nov


def test_without_sanction_dates_the_change_is_not_shown_and_the_help_says_why(reader):
    cards = by_measure(kpis.cards_for(reader(undated_sanctions=True), RECENT, "en"))
    assert cards["sanctioned"].delta is None
    assert cards["sanctioned"].help.endswith(
        "No change shown: 4 sanctioned cases carry no date for it, so the two periods cannot be compared at the "
        "same age.")
    assert cards["proven"].delta == "-2 (-50.0%)"  # decision dates are there: proven is still compared
