"""Every page renders on the fixture warehouse with no exception, for each role and both languages."""

import pytest

import settings

PAGES = sorted(f"pages/{path.name}" for path in (settings.ROOT / "pages").glob("*.py"))
# not registered for other roles (test_load_page.py, test_link_page.py)
ADMIN_ONLY = ("pages/load_data.py", "pages/audit_log.py", "pages/link_review.py")
NOT_PUBLIC = ("pages/data_explorer.py", *ADMIN_ONLY)  # not registered for publik (tests/app/test_publik.py)
NO_FILTER_PAGES = ("pages/about.py", "pages/load_data.py", "pages/audit_log.py",
                   "pages/link_review.py")  # pages that ignore the filters
TITLES = {  # the first heading of each of this task's pages, per language
    ("pages/overview.py", "id"): "Ringkasan netralitas ASN",
    ("pages/overview.py", "en"): "Civil service neutrality at a glance",
    ("pages/cross_agency.py", "id"): "Alur lintas instansi",
    ("pages/cross_agency.py", "en"): "Cross-agency flow",
    ("pages/breakdowns.py", "id"): "Rincian pelanggaran",
    ("pages/breakdowns.py", "en"): "Breakdowns",
    ("pages/data_explorer.py", "id"): "Data kasus",
    ("pages/data_explorer.py", "en"): "Case data",
    ("pages/about.py", "id"): "Tentang Netra",
    ("pages/about.py", "en"): "About Netra",
    ("pages/audit_log.py", "id"): "Jejak audit",
    ("pages/audit_log.py", "en"): "Audit trail",
}


def test_every_page_file_is_registered_in_the_frame():
    registry = (settings.ROOT / "dashboard.py").read_text(encoding="utf-8")
    assert len(PAGES) == 11
    assert all(f'"{page}"' in registry for page in PAGES)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(("page", "role"), [(page, role) for page in PAGES
                                             for role in ("publik", "pimpinan", "analis", "admin")
                                             if (role == "admin" or page not in ADMIN_ONLY)
                                             and (role != "publik" or page not in NOT_PUBLIC)])
def test_page_renders_without_exception(make_app, page, role, lang):
    at = make_app(page=page, role=role, lang=lang)
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    if (page, lang) in TITLES:  # a page of filtered cases names the elections it shows (all: NETRA_DEFAULT_ELECTION)
        named = {"id": " · semua pemilihan", "en": " · all elections"}[lang] if page not in NO_FILTER_PAGES else ""
        assert at.title[0].value == TITLES[page, lang] + named


@pytest.mark.parametrize("page", PAGES)
def test_page_with_filters_that_leave_no_case_shows_the_empty_state(make_app, page):
    at = make_app(page=page, query={"prov": "11"})  # Aceh: no fixture case
    assert not at.exception, [e.value for e in at.exception]
    if page not in NO_FILTER_PAGES:
        assert any("Tidak ada kasus" in info.value for info in at.info), [i.value for i in at.info]


def test_without_a_warehouse_only_tentang_runs_and_says_what_to_do(make_app, monkeypatch, tmp_path):
    monkeypatch.setenv("NETRA_DATA_DIR", str(tmp_path / "empty"))
    at = make_app()
    assert not at.exception
    assert at.error[0].value.startswith("Belum ada gudang data.")
    assert at.title[0].value == "Tentang Netra"
    assert at.info[0].value.startswith("Belum ada gudang data, jadi belum ada angka kualitas data.")
