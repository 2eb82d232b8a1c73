"""Tautan orang-kasus: admins see the pairs waiting for a steward side by side, with names and NIPs, and link or
keep them apart; the decision runs `python -m etl links` in a subprocess against a private warehouse, and the
rest of the app then counts the new person-cases. Other roles never reach the page."""

from __future__ import annotations

import pytest

from etl.load import load_files
from tests.fixtures.link_registers import write_all
from ui.views import linking
from warehouse import audit, db
from warehouse.reader import Warehouse

PAGE = "pages/link_review.py"
JOKO = "pilkada2024:bawaslu:005/LP/PW/14/X/2024#1"


@pytest.fixture
def linked_warehouse(tmp_path, monkeypatch):
    """A private warehouse holding the two linking fixture registers (one pair pending: Joko / Djoko Susilo)."""
    monkeypatch.setenv("NETRA_DATA_DIR", str(tmp_path / "warehouse"))
    files = write_all(tmp_path / "registers")
    load_files([files["bawaslu_jateng.csv"]], "pilkada2024", "bawaslu", progress=False)
    load_files([files["kasn_rekap.csv"]], "pilkada2024", "kasn", progress=False)
    return tmp_path / "warehouse"


def pending() -> list[list[str]]:
    return Warehouse().link_reviews()[["record_a", "record_b"]].values.tolist()


@pytest.mark.parametrize("role", ["pimpinan", "analis"])
def test_the_page_does_not_exist_for_leadership_and_analysts(make_app, role):
    at = make_app(role=role)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE)


def test_the_page_shows_the_pending_pair_side_by_side_with_names_for_admins(make_app, linked_warehouse, page_text):
    at = make_app(page=PAGE, lang="en")
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Person-case links"
    assert at.subheader[0].value == "1 pairs waiting for a decision"
    assert "Linked automatically at a score of 10 or more; reviewed here from 7 to below 10." in [
        c.value for c in at.caption]
    table = at.dataframe[0].value
    assert table.columns.tolist() == ["Field", "A", "B", "Points"]
    rows = table.set_index("Field")
    assert rows.loc["Name"].tolist() == ["Joko Susilo", "Djoko Susilo", "+5.0"]
    assert rows.loc["Position", "Points"] == "-2.0"
    assert rows.loc["NIP"].tolist() == ["—", "—", ""]
    assert rows.loc["Region"].tolist()[:2] == ["Kota Semarang", "Kota Semarang"]
    assert [b.label for b in at.main.button] == ["Link", "Keep apart"]


def test_linking_a_pair_from_the_page_joins_it_everywhere_and_is_audited(make_app, linked_warehouse):
    [[a, b]] = pending()
    at = make_app(page=PAGE)
    at.text_input[0].input("Lurah = staf kelurahan")
    at.button(key="lk_confirm_1").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.success[0].value == f"{a} dan {b} ditautkan. 0 pasangan lain masih menunggu."
    assert pending() == []
    with db.connect_read_only() as con:
        assert con.execute("select count(distinct person_case_id) from cases where subject_name like '%oko Susilo'"
                           ).fetchall() == [(1,)]
    decided = Warehouse().link_decisions()
    assert decided[["decision", "record_a", "decided_by", "note", "outcome"]].values.tolist() == [
        ["confirm", JOKO, "app:admin", "Lurah = staf kelurahan", "applied"]]
    assert audit.entries().event.iloc[0] == "link_decision"
    assert at.success[-1].value == "Tidak ada pasangan catatan yang menunggu keputusan."


def test_keeping_a_pair_apart_from_the_page(make_app, linked_warehouse):
    at = make_app(page=PAGE)
    at.button(key="lk_split_1").click().run()
    assert not at.exception
    assert "dipisahkan" in at.success[0].value and pending() == []
    assert Warehouse().link_decisions().decision.tolist() == ["split"]


def test_a_decision_the_command_refuses_is_said_on_the_page(linked_warehouse):
    kind, text = linking.decide("confirm", JOKO, "pemilu2024:kasn:X#1", "siti", "", "id")
    assert kind == "error" and text.startswith("Keputusan tidak disimpan: ") and "pemilihan berbeda" in text


def test_the_decision_command_is_the_real_cli_with_who_and_the_note():
    command = linking.decide_command("split", "A", "B", by="siti", note="  dua orang  ")
    assert command[1:] == ["-m", "etl", "links", "split", "A", "B", "--json", "--by", "siti", "--note", "dua orang"]


def test_names_and_nips_of_a_pending_pair_only_when_personal(linked_warehouse):
    masked, shown = Warehouse().link_reviews(), Warehouse().link_reviews(personal=True)
    assert masked[["a_subject_name", "b_subject_name"]].isna().all().all()
    assert shown[["a_subject_name", "b_subject_name"]].values.tolist() == [["Joko Susilo", "Djoko Susilo"]]


def test_the_load_outcome_says_how_many_records_joined_and_what_waits():
    from ui.views.loading import link_message

    entry = {"file": "kasn_rekap.csv", "counts": {"linked": 3}, "link_pending": 1}
    assert link_message(entry, "id") == (
        "kasn_rekap.csv: 3 catatan bergabung dengan orang-kasus yang sudah ada (orang yang sama dalam kasus yang "
        "sama di register lain). 1 pasangan catatan menunggu keputusan di halaman Tautan orang-kasus.")
    assert link_message({**entry, "counts": {"linked": None}, "link_pending": None}, "en") is None  # a preview
