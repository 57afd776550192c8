"""Packet, PDF export, the check gate and the click commands."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from plandoc import packet, pdf_export, render_jobs
from plandoc.cli_render import packet_command, render_command, templates_group
from plandoc.render_jobs import BlockedError

from .conftest import FIXTURES, TEMPLATES, FakeChecker, finding, needs_soffice


def docx_text(path: Path) -> str:
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


# ---------------------------------------------------------------------------- packet
def test_packet_for_sud_plan_has_notice_checklist_and_verifiable_manifest(tmp_path, sud_plan):
    fs = [finding("warning", "PD101", "Objective is not time-bound."), finding("info", "PD300", "Consider client words.")]
    res = packet.build_packet(sud_plan, "medicaid-tx", tmp_path, findings=fs, pdf=False)
    names = sorted(p.name for p in res.files)
    assert names == ["00-cover.docx", "01-plan.docx", "02-checklist.docx", "03-part2-notice.docx"]
    notice = packet.load_notice()
    assert notice["text"] in docx_text(tmp_path / "03-part2-notice.docx")
    assert notice["text"] in docx_text(tmp_path / "00-cover.docx")
    assert res.warnings and "superseded" in res.warnings[0]
    checklist = docx_text(tmp_path / "02-checklist.docx")
    assert "PD101" in checklist and "Not met (warning)" in checklist and "Test citation 1.2(3) [P]" in checklist
    assert "PART2-NOTICE" in checklist
    cover = docx_text(tmp_path / "00-cover.docx")
    for v in ("Example Health Plan", "ZZ9990001", "AUTH-2026-0042", "Example Recovery Center", "01-plan.docx"):
        assert v in cover
    manifest = json.loads(res.manifest.read_text())
    assert manifest["part2"] is True and manifest["part2_notice_version"] == notice["version"]
    assert [f["name"] for f in manifest["files"]] == names
    for f in manifest["files"]:
        assert hashlib.sha256((tmp_path / f["name"]).read_bytes()).hexdigest() == f["sha256"]
    assert "Avery" not in res.manifest.read_text()


def test_packet_without_sud_diagnosis_has_no_notice(tmp_path, mh_plan):
    res = packet.build_packet(mh_plan, "medicare", tmp_path, findings=[], pdf=False)
    assert not res.part2 and not (tmp_path / "03-part2-notice.docx").exists()
    assert "42 CFR Part 2" not in docx_text(tmp_path / "00-cover.docx")


def test_packet_refused_while_errors_remain(tmp_path, sud_plan):
    with pytest.raises(BlockedError):
        packet.build_packet(sud_plan, "medicare", tmp_path, findings=[finding("error")], pdf=False)
    assert list(tmp_path.iterdir()) == []


def test_packet_section_allow_list(tmp_path, sud_plan):
    keep = ["client_information", "goals", "interventions", "monitoring_review", "discharge_criteria", "signatures"]
    packet.build_packet(sud_plan, "commercial", tmp_path, findings=[], pdf=False, sections_allowed=keep)
    plan_text = docx_text(tmp_path / "01-plan.docx")
    assert "Opioid use from 2015" not in plan_text and "Sam Sponsor" not in plan_text
    assert "Payday" not in plan_text
    cover = docx_text(tmp_path / "00-cover.docx")
    assert "Withheld: Assessment Summary, Coping Strategies, Support Systems" in cover
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["sections_withheld"] == ["assessment_summary", "coping_strategies", "support_systems"]


def test_checklist_lists_met_requirements_when_given(tmp_path, sud_plan):
    reqs = [packet.Requirement("PD001", "required-section-goals", "CONTRACT 1"),
            packet.Requirement("PD101", "smart-statement", "CONTRACT 2")]
    rows = packet.checklist_rows([finding("warning", "PD101")], reqs)
    assert [(r["rule"], r["status"]) for r in rows] == [("PD001", "Met"), ("PD101", "Not met (warning)")]


@needs_soffice
@pytest.mark.slow
def test_packet_with_pdfs(tmp_path, sud_plan):
    res = packet.build_packet(sud_plan, "medicaid-tx", tmp_path, findings=[])
    pdfs = sorted(p.name for p in res.files if p.suffix == ".pdf")
    assert pdfs == ["00-cover.pdf", "01-plan.pdf", "02-checklist.pdf", "03-part2-notice.pdf"]
    text = subprocess.run(["pdftotext", str(tmp_path / "01-plan.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Avery Q. Testcase" in text and "Goals and Objectives" in text


# ------------------------------------------------------------------------------- PDF
def test_missing_soffice_names_the_install_command(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(pdf_export.PdfExportError, match="apt-get install libreoffice-writer-nogui"):
        pdf_export.convert([Path("x.docx")])


def test_batch_uses_one_soffice_call_with_neutral_names(tmp_path, monkeypatch):
    calls = []
    (tmp_path / "Doe_Jane.docx").write_bytes(b"x")
    (tmp_path / "Roe_Rick.docx").write_bytes(b"y")

    class FakePopen:
        def __init__(self, cmd, **kw):
            calls.append(cmd)
            out = Path(cmd[cmd.index("--outdir") + 1])
            for a in cmd:
                if a.endswith(".docx"):
                    (out / (Path(a).stem + ".pdf")).write_bytes(b"%PDF-1.4 fake")

        def wait(self, timeout=None):
            return 0

    monkeypatch.setattr(pdf_export.subprocess, "Popen", FakePopen)
    pdfs = pdf_export.convert([tmp_path / "Doe_Jane.docx", tmp_path / "Roe_Rick.docx"], soffice="/bin/true")
    assert len(calls) == 1
    assert not any("Doe" in a or "Roe" in a for a in calls[0])
    assert any(a.startswith("-env:UserInstallation=file:///") for a in calls[0])
    assert [p.name for p in pdfs] == ["Doe_Jane.pdf", "Roe_Rick.pdf"]


@needs_soffice
@pytest.mark.slow
def test_real_pdf_conversion_batch(tmp_path, sud_plan, mh_plan):
    out = render_jobs.render_intakes([FIXTURES / "sud_full.yaml", FIXTURES / "mh_minimal.yaml"], out=tmp_path,
                                     pdf=True, checker=FakeChecker())
    assert all(o.ok for o in out)
    for o in out:
        assert o.pdf == o.docx.with_suffix(".pdf") and o.pdf.read_bytes().startswith(b"%PDF")


# ------------------------------------------------------------------------------ gate
def test_gate_refuses_errors_unless_forced(tmp_path):
    chk = FakeChecker([finding("error", "PD001", "Required section 'Goals' is missing.")])
    [o] = render_jobs.render_intakes([FIXTURES / "sud_full.yaml"], out=tmp_path / "a.docx", checker=chk)
    assert o.blocked and o.docx is None and not (tmp_path / "a.docx").exists()
    assert chk.calls == ["generic"]
    [o] = render_jobs.render_intakes([FIXTURES / "sud_full.yaml"], out=tmp_path / "a.docx", checker=chk, force=True)
    assert o.ok and (tmp_path / "a.docx").exists()


def test_gate_without_checker_needs_force(tmp_path):
    [o] = render_jobs.render_intakes([FIXTURES / "mh_minimal.yaml"], out=tmp_path / "m.docx",
                                     use_default_checker=False)
    assert not o.ok and "force" in str(o.error)
    [o] = render_jobs.render_intakes([FIXTURES / "mh_minimal.yaml"], out=tmp_path / "m.docx",
                                     use_default_checker=False, force=True)
    assert o.ok and o.profile == "medicare" and o.template == "medicare.docx"  # from the intake's profile


def test_folder_batch_continues_after_a_bad_file(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(FIXTURES / "sud_full.yaml", src / "a.yaml")
    (src / "b.yaml").write_text("goals: 3\nclient: {}\n")
    out = render_jobs.render_intakes([src], out=tmp_path / "out", checker=FakeChecker())
    assert [o.ok for o in out] == [True, False]
    assert (tmp_path / "out" / "a.docx").exists()


# ------------------------------------------------------------------------------- CLI
def test_cli_exit_codes(tmp_path, monkeypatch):
    monkeypatch.setattr(render_jobs, "default_checker", lambda: FakeChecker([finding("error", "PD001", "Missing goals.")]))
    r = CliRunner()
    res = r.invoke(render_command, [str(FIXTURES / "sud_full.yaml"), "-o", str(tmp_path / "x.docx")])
    assert res.exit_code == 1 and "PD001" in res.output and "Traceback" not in res.output
    res = r.invoke(render_command, [str(FIXTURES / "sud_full.yaml"), "-o", str(tmp_path / "x.docx"), "--force"])
    assert res.exit_code == 0 and (tmp_path / "x.docx").exists()
    res = r.invoke(render_command, [str(tmp_path / "nope.yaml")])
    assert res.exit_code == 2 and "nope.yaml" in res.output
    res = r.invoke(render_command, [str(FIXTURES / "sud_full.yaml"), "--profile", "Bad Profile!"])
    assert res.exit_code == 2


def test_cli_render_reports_illegal_character_by_field(tmp_path, monkeypatch):
    monkeypatch.setattr(render_jobs, "default_checker", lambda: FakeChecker())
    bad = tmp_path / "bad.yaml"
    bad.write_text((FIXTURES / "mh_minimal.yaml").read_text().replace("Morgan Example", "Morgan\\x1bCanary"))
    bad.write_text(bad.read_text().replace("name: Morgan\\x1bCanary", 'name: "Morgan\\x1bCanary"'))
    res = CliRunner().invoke(render_command, [str(bad), "-o", str(tmp_path / "b.docx")])
    assert res.exit_code == 1 and "client.name" in res.output and "Canary" not in res.output


def test_cli_packet_and_templates(tmp_path, monkeypatch):
    monkeypatch.setattr(render_jobs, "default_checker", lambda: FakeChecker())
    r = CliRunner()
    res = r.invoke(packet_command, [str(FIXTURES / "sud_full.yaml"), "--profile", "medicaid-tx", "-o",
                                    str(tmp_path / "pk"), "--no-pdf"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "pk" / "manifest.json").exists()
    res = r.invoke(templates_group, ["list"])
    assert res.exit_code == 0 and "medicare" in res.output
    res = r.invoke(templates_group, ["lint", str(TEMPLATES / "generic.docx")])
    assert res.exit_code == 0
    res = r.invoke(templates_group, ["init", "My Clinic", "-o", str(tmp_path / "mine.docx")])
    assert res.exit_code == 0
    res = r.invoke(templates_group, ["lint", str(tmp_path / "mine.docx")])
    assert res.exit_code == 0
    bad = tmp_path / "bad.docx"
    d = docx.Document()
    d.add_paragraph("{{ nope }}")
    d.save(str(bad))
    res = r.invoke(templates_group, ["lint", str(bad)])
    assert res.exit_code == 1 and "unknown_variable" in res.output


def test_packet_with_real_checker_lists_met_requirements(tmp_path):
    res = packet.build_packet_from_intake(FIXTURES / "sud_full.yaml", "generic", tmp_path, pdf=False)
    reqs, _ = packet.profile_requirements("generic")
    text = docx_text(tmp_path / "02-checklist.docx")
    assert reqs and all(r.rule in text for r in reqs)
    assert "Met" in text and res.manifest.exists()


def test_render_gate_with_real_checker_blocks_medicaid_tx_errors(tmp_path):
    [o] = render_jobs.render_intakes([FIXTURES / "sud_full.yaml"], profile="medicaid-tx", out=tmp_path / "x.docx")
    assert o.blocked and any(f.severity == "error" for f in o.findings)
    assert "1 blocking finding" in str(o.error)
