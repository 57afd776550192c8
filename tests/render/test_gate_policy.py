"""What stops a render and what stops a packet (from a new-user trial)."""

from __future__ import annotations

from pathlib import Path

import pytest

from plandoc import packet, render_jobs
from plandoc.errors import UsageError
from plandoc.render_jobs import BlockedError

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "intake"


def test_missing_signatures_do_not_stop_a_render(tmp_path):
    """A plan is printed to be signed: signature gaps are reported, never blocking."""
    (oc,) = render_jobs.render_intakes([SAMPLES / "overdue-unsigned.yaml"], out=tmp_path / "p.docx")
    # overdue-unsigned also has an overdue review (an error): that still blocks
    assert oc.blocked
    assert {f.category for f in render_jobs.blocking(oc.findings, render_jobs.RENDER_EXEMPT)} == {"schedule"}
    assert "--force" in str(oc.error)


def test_signature_only_errors_render(tmp_path):
    import yaml

    data = yaml.safe_load((SAMPLES / "complete.yaml").read_text())
    data["signatures"] = [s for s in data["signatures"] if s["role"] != "client"]
    path = tmp_path / "unsigned.yaml"
    path.write_text(yaml.safe_dump(data))
    (oc,) = render_jobs.render_intakes([path], out=tmp_path / "u.docx")
    assert oc.ok, oc.error
    assert any(f.rule == "PD651" for f in oc.findings)
    with pytest.raises(BlockedError) as info:  # the packet for the payer still refuses it
        packet.build_packet_from_intake(path, "generic", tmp_path / "pk", pdf=False)
    assert "--force" not in str(info.value)


def test_packet_refuses_a_folder_that_already_holds_files(tmp_path):
    out = tmp_path / "packet"
    out.mkdir()
    (out / "00-cover.pdf").write_bytes(b"%PDF-1.4 an older client's packet")
    with pytest.raises(UsageError, match="not empty"):
        packet.build_packet_from_intake(SAMPLES / "complete.yaml", "generic", out, pdf=False)
    assert [p.name for p in out.iterdir()] == ["00-cover.pdf"]


def test_payer_checklist_citations_drop_internal_research_references(ruleset):
    import re

    for rule in ruleset.rules:
        c = packet.payer_citation(rule.spec.source.citation)
        assert c and not re.search(r"DOMAIN\.md|CONTRACT\.md|\b[MSACP]\d+[a-z]?\b", c), (rule.code, c)
        assert c.count("(") == c.count(")"), (rule.code, c)
    assert packet.payer_citation('The Joint Commission, Official "Do Not Use" List (IM.02.02.01 EP 2-3) '
                                 "(A4, DOMAIN.md section 6)") == \
        'The Joint Commission, Official "Do Not Use" List (IM.02.02.01 EP 2-3)'
