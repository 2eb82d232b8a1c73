"""Data page: role masking, search, sort, paging, the case detail and the admin's rejected rows, on the fixture."""

import pytest

DATA = "pages/data_explorer.py"


def case_ids(at) -> list[str]:
    return at.dataframe[0].value["Nomor kasus"].tolist()


@pytest.mark.parametrize("role", ["pimpinan", "analis"])
def test_viewer_roles_never_see_names_or_nips(make_app, page_text, register_rows, role):
    at = make_app(page=DATA, role=role)
    at.session_state["dx_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}  # open a detail too
    at.run()
    text = page_text(at)
    leaked = [r["subject_name"] for r in register_rows if r["subject_name"] in text]
    leaked += [r["subject_nip"] for r in register_rows if r["subject_nip"] in text]
    assert leaked == []


def test_the_leak_detector_sees_names_when_they_are_shown(make_app, page_text):
    at = make_app(page=DATA, role="admin", query={"el": "pilkada2024"})
    text = page_text(at)
    assert "Budi Santoso" in text and "198001012005011001" in text


def test_leadership_gets_no_case_table_and_a_reason(make_app):
    at = make_app(page=DATA, role="pimpinan")
    assert len(at.dataframe) == 0
    assert at.info[0].value.startswith("Peran Pimpinan melihat angka agregat saja.")


def test_analyst_sees_masked_nips_and_no_name_column(make_app):
    at = make_app(page=DATA, role="analis", query={"el": "pemilu2024"})
    table = at.dataframe[0].value
    assert "Nama" not in table.columns
    assert table[["Nomor kasus", "NIP"]].values.tolist() == [
        ["PEM-004", "1981••••••••••••12"], ["PEM-003", "1992••••••••••••11"],
        ["PEM-002", "1987••••••••••••10"], ["PEM-001", "1970••••••••••••09"],
    ]


def test_admin_sees_names_and_full_nips(make_app):
    at = make_app(page=DATA, role="admin", query={"prov": "74"})
    table = at.dataframe[0].value
    assert table[["Nomor kasus", "Nama", "NIP"]].values.tolist() == [
        ["PEM-003", "La Ode Karim", "199211112019111011"], ["PEM-002", "Wa Ode Sari", "198710102011102010"],
    ]


def test_filters_search_sort_and_paging_give_exact_rows(make_app):
    at = make_app(page=DATA, role="analis", query={"prov": "33"})
    assert case_ids(at) == ["P24-004", "P24-003", "P24-002", "P24-001", "PEM-001"]  # newest incident first
    at.text_input(key="dx_search").input("batang").run()
    assert case_ids(at) == ["P24-002", "P24-001", "PEM-001"]
    at.selectbox(key="dx_sort").select("case_id").run()
    at.segmented_control(key="dx_desc").set_value(False).run()
    assert case_ids(at) == ["P24-001", "P24-002", "PEM-001"]
    assert at.caption[1].value.startswith(  # the case table holds records whatever the counts' unit
        "Baris 1–3 dari 3. Catatan register · ASN (tanpa non-ASN) · Provinsi: Jawa Tengah")


def test_paging_walks_through_every_row_once(make_app):
    at = make_app(page=DATA, role="analis")
    at.selectbox(key="dx_size").select(25).run()
    assert len(case_ids(at)) == 12
    assert at.get("pagination")[0].proto.num_pages == 1
    assert at.caption[0].value.startswith("Baris 1–12 dari 12.")


def test_search_never_matches_names_for_analysts(make_app):
    at = make_app(page=DATA, role="analis")
    at.text_input(key="dx_search").input("Budi").run()
    assert len(at.dataframe) == 0
    assert at.info[0].value.startswith("Tidak ada kasus yang cocok dengan pencarian `Budi`.")  # verbatim (defect 4)


def test_selecting_a_row_shows_that_case_in_full(make_app):
    at = make_app(page=DATA, role="admin", query={"el": "pemilu2024", "lang": "en"})
    at.session_state["dx_table"] = {"selection": {"rows": [3], "columns": [], "cells": []}}
    at.run()
    detail = dict(at.dataframe[1].value.values.tolist())  # after the case table, as plain cells (defect 4)
    assert detail["Case number"] == "PEM-001"
    assert detail["Violation type"] == "Party membership or office"
    assert detail["Name"] == "Joko Susilo"
    assert detail["Sanction"] == "Pemberhentian tidak dengan hormat"


def test_admin_sees_the_rejected_row_with_its_reason(make_app):
    at = make_app(page=DATA, role="admin")
    rejected = at.dataframe[1].value
    assert rejected[["Berkas", "Baris", "Kolom", "Isi"]].values.tolist() == [
        ["register.csv", 14, "region_code", "Kabupaten Antah Berantah"]]
    assert "tidak dikenali sebagai kabupaten/kota" in rejected["Alasan"].iloc[0]


def test_downloads_are_offered_for_the_rows_on_screen(make_app):
    at = make_app(page=DATA, role="analis")
    labels = [button.proto.label for button in at.get("download_button")]
    assert labels == ["Unduh CSV (baris di layar)", "Unduh XLSX (baris di layar)"]
