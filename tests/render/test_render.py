"""Rendering: every template, exact values, hostile values, sandbox, determinism."""

from __future__ import annotations

import hashlib
import os
import re
import zipfile
from pathlib import Path

import docx
import jinja2
import pytest

from plandoc import model, render, sections
from plandoc.errors import RenderError

from .conftest import PLAN_TEMPLATES, TEMPLATES, load_fixture


def all_text(path: Path) -> list[str]:
    """Independent reader (python-docx): body, nested tables, headers and footers."""
    d = docx.Document(str(path))
    out: list[str] = []

    def walk_table(t):
        for row in t.rows:
            for cell in row.cells:
                out.extend(p.text for p in cell.paragraphs)
                for inner in cell.tables:
                    walk_table(inner)

    out.extend(p.text for p in d.paragraphs)
    for t in d.tables:
        walk_table(t)
    for s in d.sections:
        for part in (s.header, s.footer):
            out.extend(p.text for p in part.paragraphs)
    return out


def scalar_values(plan) -> list[str]:
    """Every non-empty string and number of the plan, in the form the renderer prints it."""
    ctx = render.build_context(plan, profile="generic")
    vals: list[str] = []

    def walk(v, key=""):
        if isinstance(v, dict):
            for k, x in v.items():
                if k not in ("include", "section_titles", "services", "profile", "part2", "primary",
                             "discussed_with_client", "schema_version", "method", "role", "serves", "addresses"):
                    walk(x, k)
        elif isinstance(v, list):
            for x in v:
                walk(x, key)
        elif isinstance(v, str) and v:
            vals.append(v)
        elif isinstance(v, int) and not isinstance(v, bool):
            vals.append(str(v))

    walk(ctx)
    return vals


SAMPLE_INTAKES = sorted((Path(__file__).resolve().parents[2] / "samples" / "intake").glob("*.yaml"))


def _plan(name: str) -> model.Plan:
    sample = next((p for p in SAMPLE_INTAKES if p.name == name), None)
    if sample is not None:
        from plandoc import intake

        return intake.load(sample)[0]
    return load_fixture(name)


@pytest.mark.parametrize("family", PLAN_TEMPLATES)
@pytest.mark.parametrize("fixture", ["sud_full.yaml", "mh_minimal.yaml", "hostile.yaml"]
                         + [p.name for p in SAMPLE_INTAKES])
def test_every_template_renders_every_value_and_nine_headings(tmp_path, family, fixture):
    """Every fixture and every sample intake, with every shipped plan template (the library call
    does not gate on findings; flawed samples render too); every scalar value is in the DOCX."""
    plan = _plan(fixture)
    out = render.render_plan(plan, TEMPLATES / f"{family}.docx", tmp_path / "plan.docx", profile=family)
    text = "\x00".join(all_text(out))
    missing = [v for v in scalar_values(plan) if v not in text]
    # Level-of-care tool/justification are shown only by the medicaid and commercial templates.
    if family in ("generic", "medicare"):
        lvl = plan.level_of_care
        missing = [m for m in missing if m not in (lvl.tool, lvl.justification)]
    assert missing == []
    d = docx.Document(str(out))
    heads = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    assert heads == [s.title for s in sections.SECTIONS]
    assert "{{" not in text.replace(plan.client.client_id or "", "") or fixture == "hostile.yaml"
    assert "{%" not in text or fixture == "hostile.yaml"


def test_goal_tables_have_one_row_per_objective(tmp_path, sud_plan):
    out = render.render_plan(sud_plan, TEMPLATES / "generic.docx", tmp_path / "p.docx", profile="generic")
    d = docx.Document(str(out))
    goal_tables = [t for t in d.tables if t.rows[0].cells[0].text == "Objective"]
    assert [len(t.rows) - 1 for t in goal_tables] == [len(g.objectives) for g in sud_plan.goals]
    first = goal_tables[0].rows[1].cells
    assert first[1].text == "12/31/2026"
    assert "Cognitive behavioral therapy" in first[3].text and "Relapse prevention group" in first[3].text
    assert "Casey Clinician LCSW" in first[5].text


def test_medicare_template_shows_type_minutes_frequency_duration(tmp_path, sud_plan):
    out = render.render_plan(sud_plan, TEMPLATES / "medicare.docx", tmp_path / "p.docx", profile="medicare")
    d = docx.Document(str(out))
    t = next(t for t in d.tables if t.rows[0].cells[0].text == "Service")
    assert [c.text for c in t.rows[0].cells] == ["Service", "Type", "Minutes per session", "Frequency",
                                                 "Duration", "Rendered by"]
    assert [c.text for c in t.rows[1].cells][1:5] == ["individual", "53", "weekly", "12 weeks"]


def test_header_footer_have_clinic_page_fields_and_confidentiality(tmp_path, sud_plan):
    out = render.render_plan(sud_plan, TEMPLATES / "commercial.docx", tmp_path / "p.docx", profile="commercial")
    with zipfile.ZipFile(out) as z:
        header = z.read("word/header1.xml").decode()
        footer = z.read("word/footer1.xml").decode()
    assert "Example Recovery Center" in header
    assert " PAGE " in footer and " NUMPAGES " in footer
    assert "CONFIDENTIAL" in footer and "42 CFR Part 2" in footer  # F11.20 present


def test_part2_line_absent_without_sud_diagnosis(tmp_path, mh_plan):
    out = render.render_plan(mh_plan, TEMPLATES / "medicare.docx", tmp_path / "p.docx", profile="medicare")
    footer = zipfile.ZipFile(out).read("word/footer1.xml").decode()
    assert "CONFIDENTIAL" in footer and "42 CFR Part 2" not in footer


def test_hostile_values_round_trip_exactly(tmp_path, hostile_plan):
    out = render.render_plan(hostile_plan, TEMPLATES / "generic.docx", tmp_path / "h.docx", profile="generic")
    paras = all_text(out)
    joined = "\x00".join(paras)
    for v in ["Tom & Jerry <x>", "\"Tommy\" 'TJ'", "{{ 7*7 }}", "{_{ x }_} {%p endif %}",
              "Zoë Ångström, Straße 5, São Paulo — 東京 🙂👍🏽", "<w:t>x</w:t>", "]]> & &amp; &lt;",
              "Tom & Jerry's <Clinic> {{ 7*7 }}", "{% raw %}not raw{% endraw %}", "update {% if %} <b>bold</b>",
              "{{ cycler.__init__.__globals__.os.system('touch /tmp/pwned') }}", "{{ '' .__class__.__mro__ }}",
              "Call sponsor 2×/week for 8 weeks {% for x in y %}"]:
        assert v in joined, v
    assert "49" not in joined
    assert not Path("/tmp/pwned").exists()


def test_line_break_policy(tmp_path, hostile_plan):
    out = render.render_plan(hostile_plan, TEMPLATES / "generic.docx", tmp_path / "h.docx", profile="generic")
    d = docx.Document(str(out))
    matches = [p for p in d.paragraphs if p.text.startswith("Line one")]
    assert len(matches) == 1  # \a and \f did not start new paragraphs
    assert matches[0].text == "Line one\nLine two\ttabbed\nafter bell\nafter form feed\nWindows line"
    body = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert 'w:type="page"' not in body


def test_long_text_round_trips(tmp_path, sud_plan):
    long = ("Client will attend 3 meetings per week & log them <ok>. " * 200).strip()
    plan = sud_plan.model_copy(update={"assessment": sud_plan.assessment.model_copy(update={"summary": long})})
    out = render.render_plan(plan, TEMPLATES / "generic.docx", tmp_path / "p.docx", profile="generic")
    assert long in all_text(out)


@pytest.mark.parametrize("char", ["\x00", "\x0b", "\x1b", "\ud800", "\ufffe"])
def test_xml_illegal_characters_rejected_naming_field_not_value(tmp_path, sud_plan, char):
    goals = [g.model_copy() for g in sud_plan.goals]
    goals[0] = goals[0].model_copy(update={"statement": f"Secret-Canary-Value{char}tail"})
    plan = sud_plan.model_copy(update={"goals": goals})
    with pytest.raises(RenderError) as ei:
        render.render_plan(plan, TEMPLATES / "generic.docx", tmp_path / "p.docx", profile="generic")
    msg = str(ei.value)
    assert "goals[0].statement" in msg
    assert "Secret-Canary" not in msg
    assert ei.value.location.field == ("goals", 0, "statement")
    assert not (tmp_path / "p.docx").exists()


# ---------------------------------------------------------------- hostile templates
def make_template(tmp_path: Path, *paragraphs: str | list[tuple[str, bool]], name="t.docx") -> Path:
    d = docx.Document()
    d.add_heading("Client Information", level=1)
    for p in paragraphs:
        para = d.add_paragraph()
        if isinstance(p, str):
            para.add_run(p)
        else:
            for text, bold in p:
                para.add_run(text).bold = bold
    path = tmp_path / name
    d.save(str(path))
    return path


CANARY = "/tmp/plandoc-ssti-canary"

PAYLOADS = [
    "{{ cycler.__init__.__globals__.os.system('touch " + CANARY + "') }}",
    "{{ client|attr('__class__') }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ '{0.__class__}'.format(client) }}",
    "{{ client.name.format_map(client) }}",
    "{{ client['__class__'] }}",
    "{{ joiner.__init__.__globals__['os'].system('touch " + CANARY + "') }}",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_injection_payloads_are_refused_and_execute_nothing(tmp_path, sud_plan, payload):
    if os.path.exists(CANARY):
        os.unlink(CANARY)
    tpl = make_template(tmp_path, payload)
    with pytest.raises(RenderError) as ei:
        render.render_plan(sud_plan, tpl, tmp_path / "out.docx", profile="generic")
    assert "forbidden" in str(ei.value)
    assert not os.path.exists(CANARY)
    assert not (tmp_path / "out.docx").exists()


@pytest.mark.parametrize("payload,words", [
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "loops more"),
    ("{{ 'x' * 1000000000 }}", "too large"),
    ("{{ [1, 2] * 900000000 }}", "too large"),
    ("{{ 9 ** 999999 }}", "too large"),
])
def test_template_work_is_bounded(tmp_path, sud_plan, payload, words):
    """RELIABILITY.md case 7: nested loops and huge values end in a clean error, fast."""
    tpl = make_template(tmp_path, payload)
    with pytest.raises(RenderError) as ei:
        render.render_plan(sud_plan, tpl, tmp_path / "out.docx", profile="generic")
    assert words in str(ei.value)
    assert not (tmp_path / "out.docx").exists()


def test_sandbox_blocks_at_runtime_too():
    rec = render._Recorder()
    env = render.make_environment(rec)
    t = env.from_string("{{ x.__class__ }}")
    with pytest.raises(jinja2.exceptions.SecurityError):
        t.render(x="a")
    assert isinstance(env, jinja2.sandbox.SandboxedEnvironment)
    assert env.autoescape is True and env.undefined is jinja2.StrictUndefined
    assert "attr" not in env.filters


def test_jinja_is_new_enough():
    major, minor, patch = (int(x) for x in re.findall(r"\d+", jinja2.__version__)[:3])
    assert (major, minor, patch) >= (3, 1, 6)


def test_undefined_variable_named(tmp_path, sud_plan):
    tpl = make_template(tmp_path, "{{ pateint_name }}")
    with pytest.raises(RenderError) as ei:
        render.render_plan(sud_plan, tpl, tmp_path / "o.docx", profile="generic")
    assert "pateint_name" in str(ei.value) and ei.value.code == "unknown_variable"


def test_undefined_field_named(tmp_path, sud_plan):
    tpl = make_template(tmp_path, "{% for g in goals %}{{ g.statment }}{% endfor %}")
    with pytest.raises(RenderError) as ei:
        render.render_plan(sud_plan, tpl, tmp_path / "o.docx", profile="generic")
    assert "statment" in str(ei.value)
    assert "Maintain abstinence" not in str(ei.value)


def test_syntax_error_never_shows_template_or_document_text(tmp_path, sud_plan):
    tpl = make_template(tmp_path, "Jane Canary-Roe MRN 99887", "{% if client.name %} Canary-Roe unclosed")
    with pytest.raises(RenderError) as ei:
        render.render_plan(sud_plan, tpl, tmp_path / "o.docx", profile="generic")
    err = ei.value
    text = str(err) + repr(err) + repr(err.__dict__)
    assert "Canary" not in text and "99887" not in text
    assert not hasattr(err, "docx_context") and not hasattr(err, "source")
    assert err.__cause__ is None and err.__context__ is None
    assert "syntax" in str(err)


def test_p_tag_misuse_is_a_friendly_syntax_error(tmp_path, sud_plan):
    tpl = make_template(tmp_path, "{%p if i % 2 %}", "x", "{%p endif %}")
    with pytest.raises(RenderError) as ei:
        render.render_plan(sud_plan, tpl, tmp_path / "o.docx", profile="generic")
    assert "paragraph" in str(ei.value)


def test_split_tag_still_renders_its_value(tmp_path, sud_plan):
    tpl = make_template(tmp_path, [("{{ client.na", False), ("me }}", True)])
    out = render.render_plan(sud_plan, tpl, tmp_path / "o.docx", profile="generic")
    assert "Avery Q. Testcase" in all_text(out)


def test_external_relationship_template_refused(tmp_path, sud_plan):
    src = make_template(tmp_path, "{{ client.name }}")
    bad = tmp_path / "ext.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(bad, "w") as zout:
        for i in zin.infolist():
            data = zin.read(i)
            if i.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.'
                                    b'openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
                                    b'Target="http://evil.invalid/t.dotm" TargetMode="External"/></Relationships>')
            zout.writestr(i, data)
    with pytest.raises(RenderError, match="external relationship"):
        render.render_plan(sud_plan, bad, tmp_path / "o.docx", profile="generic")


# --------------------------------------------------------------------- output file
def test_two_renders_are_byte_identical(tmp_path, sud_plan):
    a = render.render_plan(sud_plan, TEMPLATES / "medicaid.docx", tmp_path / "a.docx", profile="medicaid-tx")
    b = render.render_plan(sud_plan, TEMPLATES / "medicaid.docx", tmp_path / "b.docx", profile="medicaid-tx")
    assert hashlib.sha256(a.read_bytes()).digest() == hashlib.sha256(b.read_bytes()).digest()
    infos = zipfile.ZipFile(a).infolist()
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert [i.filename for i in infos][:2] == ["[Content_Types].xml", "_rels/.rels"]


def test_core_properties_neutral_and_no_external_links(tmp_path, sud_plan):
    out = render.render_plan(sud_plan, TEMPLATES / "generic.docx", tmp_path / "p.docx", profile="generic")
    with zipfile.ZipFile(out) as z:
        core = z.read("docProps/core.xml").decode()
        rels = b"".join(z.read(n) for n in z.namelist() if n.endswith(".rels"))
    assert "created" not in core and "modified" not in core and "Avery" not in core
    assert "<cp:lastModifiedBy></cp:lastModifiedBy>" in core or "<cp:lastModifiedBy/>" in core
    assert b"External" not in rels


def test_atomic_write_leaves_no_temp_files_and_keeps_old_on_failure(tmp_path, sud_plan):
    target = tmp_path / "p.docx"
    target.write_bytes(b"old")
    bad = sud_plan.model_copy(update={"plan_type": "x\x00"})
    with pytest.raises(RenderError):
        render.render_plan(bad, TEMPLATES / "generic.docx", target, profile="generic")
    assert target.read_bytes() == b"old"
    render.render_plan(sud_plan, TEMPLATES / "generic.docx", target, profile="generic")
    assert [p.name for p in tmp_path.iterdir()] == ["p.docx"]


def test_missing_value_fails_the_render(tmp_path, sud_plan, monkeypatch):
    real = render.paragraph_texts
    monkeypatch.setattr(render, "paragraph_texts",
                        lambda data: [t.replace("Avery Q. Testcase", "") for t in real(data)])
    with pytest.raises(RenderError, match="missing from the output"):
        render.render_plan(sud_plan, TEMPLATES / "generic.docx", tmp_path / "p.docx", profile="generic")
    assert not (tmp_path / "p.docx").exists()


def test_section_allow_list_withholds_content(tmp_path, sud_plan):
    keep = [s for s in sections.SECTION_IDS if s not in ("assessment_summary", "support_systems")]
    out = render.render_plan(sud_plan, TEMPLATES / "generic.docx", tmp_path / "p.docx", profile="generic",
                             include=keep)
    text = "\x00".join(all_text(out))
    assert "Opioid use from 2015" not in text and "Sam Sponsor" not in text
    assert text.count("Not included in this disclosure") == 2
    assert "Maintain abstinence" in text




def test_five_thousand_row_goal_table_renders_every_row(tmp_path, sud_plan):
    """RELIABILITY.md case 13: a 5,000-row table loop completes (about 3 s here; timed in
    bench/bench_render.py, not asserted) and every row is in the output."""
    objectives = [model.Objective(id=f"o{i}", statement=f"Client will attend {i} meetings per week for 12 weeks.")
                  for i in range(5000)]
    plan = sud_plan.model_copy(update={"goals": [sud_plan.goals[0].model_copy(update={"objectives": objectives})]})
    out = render.render_plan(plan, TEMPLATES / "generic.docx", tmp_path / "big.docx", profile="generic")
    text = "\n".join(c.text for t in docx.Document(out).tables for row in t.rows for c in row.cells)
    assert all(f"attend {i} meetings" in text for i in (0, 1234, 4999))
