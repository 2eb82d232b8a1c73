"""The audit page: admins only, every line newest first, narrowed by event, outcome, dates and text, exportable."""

import shutil

import pytest

from warehouse import audit

PAGE = "pages/audit_log.py"


@pytest.fixture
def own_audit(warehouse_env, tmp_path, monkeypatch):
    """A copy of the fixture warehouse, so this test's audit holds exactly the lines it writes."""
    folder = tmp_path / "warehouse"
    shutil.copytree(warehouse_env, folder, symlinks=True, ignore=shutil.ignore_patterns("audit"))
    monkeypatch.setenv("NETRA_DATA_DIR", str(folder))
    return folder


def test_an_empty_audit_says_so(make_app, own_audit):
    at = make_app(page=PAGE)
    assert not at.exception and at.title[0].value == "Jejak audit"
    assert [i.value for i in at.info] == ["Belum ada yang tercatat."]


def test_admins_see_every_line_and_narrow_it(make_app, own_audit):
    audit.record("sign_in", "siti", "refused", reason="wrong_password")
    audit.record("export", "budi", what="cases", format="csv", filters="Provinsi: Jawa Tengah")
    audit.record("load", "cli:root", files=["register.csv"], sha256=["ab12"])
    at = make_app(page=PAGE, lang="en")
    table = at.dataframe[0].value
    assert table[["Event", "User", "Outcome"]].values.tolist() == [
        ["Load", "cli:root", "ok"], ["Export", "budi", "ok"], ["Sign-in", "siti", "refused"]]
    assert at.main.caption[-1].value == "3 of 3 audit lines."
    at.multiselect(key="au_events").select("sign_in").run()
    assert at.dataframe[0].value["User"].tolist() == ["siti"]
    at.multiselect(key="au_events").unselect("sign_in").run()
    at.text_input(key="au_search").input("jawa tengah").run()
    assert at.dataframe[0].value["User"].tolist() == ["budi"]
    assert [b.proto.label for b in at.get("download_button")] == ["Download CSV", "Download XLSX"]


@pytest.mark.parametrize("role", ["publik", "pimpinan", "analis"])
def test_the_page_does_not_exist_for_other_roles(make_app, role):
    at = make_app(role=role)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE)
