"""The audit is append-only, outside the generations, and survives a publish."""

import json

from warehouse import audit, db


def test_lines_are_appended_in_order_and_read_newest_first(warehouse_dir):
    audit.record("sign_in", "siti", outcome="refused", reason="wrong password")
    audit.record("load", "cli:root", files=["a.csv"], sha256=["ab"])
    frame = audit.entries()
    assert frame["event"].tolist() == ["load", "sign_in"]
    assert frame.loc[1, ["user", "outcome"]].tolist() == ["siti", "refused"]
    assert json.loads(frame.loc[0, "details"]) == {"files": ["a.csv"], "sha256": ["ab"]}
    assert len(audit.audit_path().read_text().splitlines()) == 2


def test_publishing_a_generation_never_touches_the_audit(warehouse_dir):
    audit.record("export", "budi", what="kasus.csv")
    with db.new_generation(fresh=True):
        pass
    assert audit.entries()["event"].tolist() == ["export"]
    assert audit.audit_path().parent == warehouse_dir / "audit"


def test_a_torn_line_is_shown_not_dropped(warehouse_dir):
    audit.record("load", "cli:root")
    with audit.audit_path().open("a") as handle:
        handle.write('{"event": "lo')
    assert audit.entries()["event"].tolist() == ["unreadable", "load"]
