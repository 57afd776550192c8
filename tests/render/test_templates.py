"""Shipped templates: reproducible from templates/build.py, pass lint; lint finds each defect."""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path

import docx
import pytest

from plandoc import templates_catalog, templates_lint
from plandoc.packet import PACKET_VARIABLES

from .conftest import TEMPLATES


def _build_module():
    spec = importlib.util.spec_from_file_location("plandoc_templates_build", TEMPLATES / "build.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_committed_templates_match_a_fresh_build():
    built = _build_module().build_all()
    assert built, "build.py built nothing"
    for rel, data in built.items():
        assert (TEMPLATES / rel).read_bytes() == data, f"templates/{rel} is stale: run templates/build.py"


def test_index_lists_each_plan_template_and_profiles_map_to_them():
    ids = {t.id: t for t in templates_catalog.list_templates()}
    assert set(ids) == {"generic", "medicare", "medicaid", "commercial"}
    assert all(t.path.is_file() and t.description for t in ids.values())
    assert templates_catalog.template_for("medicaid-tx").id == "medicaid"
    assert templates_catalog.template_for("medicare-php").id == "medicare"
    assert templates_catalog.template_for("commercial").id == "commercial"
    assert templates_catalog.template_for("somethingelse").id == "generic"


@pytest.mark.parametrize("path", sorted(TEMPLATES.glob("*.docx")), ids=lambda p: p.name)
def test_shipped_plan_templates_pass_lint(path):
    assert templates_lint.lint(path) == []


@pytest.mark.parametrize("path", sorted((TEMPLATES / "packet").glob("*.docx")), ids=lambda p: p.name)
def test_shipped_packet_templates_pass_lint(path):
    assert templates_lint.lint(path, extra_variables=PACKET_VARIABLES, plan_template=False) == []


def test_init_writes_a_starter_that_passes_lint(tmp_path):
    out = templates_lint.init("Sunrise Clinic <IOP> & Co", tmp_path / "mine.docx")
    assert templates_lint.lint(out) == []
    header = zipfile.ZipFile(out).read("word/header1.xml").decode()
    assert "Sunrise Clinic &lt;IOP&gt; &amp; Co" in header
    with pytest.raises(Exception, match="already exists"):
        templates_lint.init("x", out)


def _broken_template(tmp_path: Path) -> Path:
    """One template with every defect lint knows, built at test time."""
    d = docx.Document()
    d.add_heading("Client Information", level=1)
    d.add_paragraph("{{ client.name }}")                                   # fine (paragraph 2)
    d.add_heading("Goals and Objectives", level=1)
    d.add_paragraph("{% for g in goals %}{{ g.statment }}{% endfor %}")  # unknown field (4)
    d.add_paragraph("{{ pateint_name }}")                                 # unknown variable (5)
    p = d.add_paragraph()                                                  # split tag (6)
    p.add_run("{{ client.na")
    p.add_run("me }}").bold = True
    d.add_paragraph("{% macro m() %}x{% endmacro %}")                     # forbidden construct (7)
    d.add_paragraph("{{ client.__class__ }}")                             # forbidden attribute (8)
    d.add_paragraph("Jane Canary-Roe {% if client.name %} unclosed")     # syntax error (9)
    path = tmp_path / "broken.docx"
    d.save(str(path))
    # add an external relationship and a vbaProject part
    bad = tmp_path / "broken-pkg.docx"
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(bad, "w") as zout:
        for i in zin.infolist():
            data = zin.read(i)
            if i.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.'
                                    b'openxmlformats.org/officeDocument/2006/relationships/hyperlink" '
                                    b'Target="file:///etc/passwd" TargetMode="External"/></Relationships>')
            zout.writestr(i, data)
        zout.writestr("word/vbaProject.bin", b"\x00" * 16)
    return path, bad


def test_lint_reports_each_defect_with_paragraph_numbers(tmp_path):
    path, _ = _broken_template(tmp_path)
    problems = templates_lint.lint(path)
    got = {(p.code, p.paragraph) for p in problems}
    assert ("unknown_variable", 4) in got
    assert any(p.code == "unknown_variable" and "pateint_name" in p.message for p in problems)
    assert ("split_tag", 6) in got
    assert ("forbidden", 7) in got and ("forbidden", 8) in got
    assert ("syntax", 9) in got
    missing = {p.message for p in problems if p.code == "missing_section"}
    assert len(missing) == 7 and not any("Client Information" in m for m in missing)
    assert all("Canary" not in str(p) for p in problems)


def test_lint_reports_package_problems(tmp_path):
    _, bad = _broken_template(tmp_path)
    codes = {p.code for p in templates_lint.lint(bad)}
    assert {"external_relationship", "active_content"} <= codes


def test_lint_required_sections_can_be_narrowed(tmp_path):
    d = docx.Document()
    d.add_heading("Goals", level=1)
    d.save(str(tmp_path / "g.docx"))
    assert templates_lint.lint(tmp_path / "g.docx", required_sections=["goals"]) == []
