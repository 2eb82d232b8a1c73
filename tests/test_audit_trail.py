"""The audit as admins read it, and the export lines the app writes (ui.views.audit_trail)."""

import json
from datetime import date

import pytest

from ui.views import audit_trail
from ui.views.audit_trail import AuditQuery, audited, select
from warehouse import audit
from warehouse.filters import Filters

JATENG = Filters(elections=("pilkada2024",), provinces=("33",), date_from=date(2024, 9, 1))


def test_an_export_is_recorded_when_the_file_is_made_with_who_what_and_the_filters(warehouse_dir):
    make = audited(lambda: b"a,b\n", "siti", "cases", "csv", "analis", JATENG, rows=[1, 50])
    assert audit.entries().empty  # drawing the button records nothing
    assert make() == b"a,b\n"
    line = audit.entries().iloc[0]
    assert (line["event"], line["user"], line["outcome"]) == ("export", "siti", "ok")
    assert json.loads(line["details"]) == {
        "what": "cases", "format": "csv", "role": "analis",
        "filters": "Orang dalam kasus · ASN (tanpa non-ASN) · Pemilihan: Pilkada 2024 · Provinsi: Jawa Tengah · "
                   "Tanggal kejadian: 01-09-2024 s.d. …",
        "filter_codes": {"elections": ["pilkada2024"], "date_from": "2024-09-01", "provinces": ["33"]},
        "rows": [1, 50], "bytes": 4}


def test_a_failed_export_is_recorded_and_still_fails(warehouse_dir):
    def broken() -> bytes:
        raise RuntimeError("no browser")

    with pytest.raises(RuntimeError):
        audited(broken, "-", "chart:funnel", "png", "pimpinan")()
    line = audit.entries().iloc[0]
    assert line["outcome"] == "failed" and json.loads(line["details"])["error"] == "RuntimeError"


def test_the_audit_narrows_by_event_outcome_day_and_text(warehouse_dir):
    audit.record("sign_in", "siti", "refused", reason="wrong_password")
    audit.record("sign_in", "siti", "ok", role="analis")
    audit.record("export", "budi", what="cases", format="xlsx")
    entries = audit.entries()
    assert select(entries, AuditQuery(events=("sign_in",)))["outcome"].tolist() == ["ok", "refused"]
    assert select(entries, AuditQuery(outcomes=("refused",)))["user"].tolist() == ["siti"]
    assert select(entries, AuditQuery(text="XLSX"))["user"].tolist() == ["budi"]
    assert len(select(entries, AuditQuery(start=date.today(), end=date.today()))) == 3
    assert select(entries, AuditQuery(end=date(2020, 1, 1))).empty


def test_lines_read_in_the_chosen_language_with_details_as_written(warehouse_dir):
    audit.record("export", "budi", what="cases", format="xlsx", filters="Provinsi: Jawa Tengah")
    audit.record("preview", "cli:root")  # an event this Netra does not know is shown as written
    shown = audit_trail.display_frame(audit.entries(), "en")
    assert list(shown.columns) == ["Time", "Event", "User", "Outcome", "Details"]
    assert shown["Event"].tolist() == ["preview", "Export"]
    assert shown["Details"].iloc[1] == "what: cases · format: xlsx · filters: Provinsi: Jawa Tengah"
