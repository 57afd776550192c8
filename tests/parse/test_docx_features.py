"""Synthetic DOCX plans (fictional data) built at test time, one feature at a time."""

from __future__ import annotations

import zipfile

import pytest
from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from plandoc.errors import UnreadableError
from plandoc.parse import read_document

W = nsdecls("w")


def _save(doc, tmp_path, name="plan.docx"):
    path = tmp_path / name
    doc.save(path)
    return path


def _plan_doc():
    doc = Document()
    doc.add_paragraph().add_run("TREATMENT PLAN").bold = True
    doc.add_heading("Client Information", level=1)
    t = doc.add_table(rows=2, cols=4)
    for r, vals in enumerate([("Client Name:", "Robin Q. Sample", "DOB:", "01/02/1990"),
                              ("Client ID:", "ZZ-1", "Plan Date:", "11/01/2026")]):
        for c, v in enumerate(vals):
            t.cell(r, c).text = v
    doc.add_heading("Goals", level=1)
    doc.add_paragraph("Goal 1: Robin will attend 3 recovery meetings per week for 12 weeks.")
    doc.add_paragraph("Objective 1a: Robin will feel better.")
    doc.add_heading("Signatures", level=1)
    doc.add_paragraph("Client Signature: Robin Q. Sample    Date: 11/01/2026")
    return doc


def test_label_cells_headings_statements_and_facts(tmp_path):
    d = read_document(_save(_plan_doc(), tmp_path), "p.docx")
    assert d.kind == "docx" and d.structured is False
    assert d.sections["client_information"].heading == "Client Information"
    assert d.sections["goals"].present and d.sections["signatures"].present
    assert not d.sections["discharge_criteria"].present
    assert [(s.text, s.level) for s in d.statements] == [
        ("Robin will attend 3 recovery meetings per week for 12 weeks.", "goal"),
        ("Robin will feel better.", "objective")]
    assert d.plan.client.name == "Robin Q. Sample"
    assert str(d.plan.client.date_of_birth) == "1990-01-02"
    assert str(d.plan.plan_date) == "2026-11-01"
    assert d.plan.signatures and d.plan.signatures[0].role.value == "client"


def test_headers_footers_kept_apart(tmp_path):
    doc = _plan_doc()
    doc.sections[0].header.paragraphs[0].text = "Sample Clinic Goals Department"
    doc.sections[0].footer.paragraphs[0].text = "Confidential footer"
    d = read_document(_save(doc, tmp_path), "p.docx")
    hf = [b for b in d.blocks if b.field == ("header_footer",)]
    assert {b.text for b in hf} == {"Sample Clinic Goals Department", "Confidential footer"}
    assert all(b.section == "other" for b in hf)


@pytest.mark.parametrize("style", ["bold_caps", "caps_format", "underline", "numbered", "roman", "letter", "colon"])
def test_heading_shapes(tmp_path, style):
    doc = Document()
    doc.add_paragraph("Intro line for the plan of a fictional client.")
    texts = {"bold_caps": "COPING STRATEGIES", "caps_format": "Coping Strategies", "underline": "Coping Strategies",
             "numbered": "5. Coping Strategies", "roman": "Section III \u2013 Coping Strategies",
             "letter": "D. Coping Strategies", "colon": "Coping Strategies:"}
    p = doc.add_paragraph()
    run = p.add_run(texts[style])
    if style in ("bold_caps", "caps_format", "numbered", "roman", "letter"):
        run.bold = True
    if style == "caps_format":
        run.font.all_caps = True
    if style == "underline":
        run.underline = True
    doc.add_paragraph("Leave the party early and call a friend when cravings start.")
    d = read_document(_save(doc, tmp_path), "p.docx")
    assert d.sections["coping_strategies"].present
    assert d.sections["coping_strategies"].heading == texts[style].rstrip(":")
    assert any(b.section == "coping_strategies" and "cravings" in b.text for b in d.blocks)


def test_unknown_heading_goes_to_other(tmp_path):
    doc = Document()
    for h, body in [("Interventions", "Weekly counseling for 12 weeks."),
                    ("Crisis Numbers", "Call the fictional line at 555-0100."),
                    ("Supports", "Sister and a weekly meeting.")]:
        doc.add_heading(h, level=1)
        doc.add_paragraph(body)
    d = read_document(_save(doc, tmp_path), "p.docx")
    by_text = {b.text: b.section for b in d.blocks}
    assert by_text["Call the fictional line at 555-0100."] == "other"
    assert by_text["Weekly counseling for 12 weeks."] == "interventions"


def test_goals_table_merged_cells_and_several_objectives(tmp_path):
    doc = Document()
    doc.add_heading("Treatment Goals", level=1)
    t = doc.add_table(rows=3, cols=4)
    for c, h in enumerate(["Problem", "Goal", "Objectives", "Target Date"]):
        t.cell(0, c).text = h
    t.cell(1, 0).text = "Drinking daily"
    t.cell(1, 1).text = "Kim will stop drinking."
    t.cell(1, 1).merge(t.cell(2, 1))
    t.cell(1, 2).text = "1) Kim will log each drink daily for 8 weeks."
    t.cell(1, 2).add_paragraph("2) Kim will attend 2 meetings per week.")
    t.cell(2, 2).text = "Objective 1c: Kim will understand her triggers."
    t.cell(1, 3).text = "01/01/2027"
    d = read_document(_save(doc, tmp_path), "p.docx")
    assert [(s.text, s.level) for s in d.statements] == [
        ("Kim will stop drinking.", "goal"),
        ("Kim will log each drink daily for 8 weeks.", "objective"),
        ("Kim will attend 2 meetings per week.", "objective"),
        ("Kim will understand her triggers.", "objective")]


def test_list_levels_give_goal_and_objective(tmp_path):
    doc = Document()
    doc.add_heading("Goals", level=1)
    doc.add_paragraph("I will stay sober.", style="List Number")
    doc.add_paragraph("I will go to two meetings each week.", style="List Number 2")
    d = read_document(_save(doc, tmp_path), "p.docx")
    assert [(s.text, s.level) for s in d.statements] == [
        ("I will stay sober.", "goal"), ("I will go to two meetings each week.", "objective")]


def _body_xml(doc, xml):
    doc.element.body.insert(len(doc.element.body) - 1, parse_xml(xml))


def test_tracked_changes_accepted_view(tmp_path):
    doc = Document()
    doc.add_heading("Goals", level=1)
    _body_xml(doc, f'<w:p {W}><w:r><w:t xml:space="preserve">Goal 1: Lee will attend </w:t></w:r>'
                   f'<w:del w:id="1" w:author="a"><w:r><w:delText>one</w:delText></w:r></w:del>'
                   f'<w:ins w:id="2" w:author="a"><w:r><w:t>four</w:t></w:r></w:ins>'
                   f'<w:r><w:t xml:space="preserve"> meetings per week</w:t></w:r>'
                   f'<w:moveFrom w:id="3" w:author="a"><w:r><w:t xml:space="preserve"> by 01/01/2027</w:t></w:r></w:moveFrom>'
                   f'<w:moveTo w:id="4" w:author="a"><w:r><w:t xml:space="preserve"> for 10 weeks.</w:t></w:r></w:moveTo></w:p>')
    d = read_document(_save(doc, tmp_path), "p.docx")
    assert [s.text for s in d.statements] == ["Lee will attend four meetings per week for 10 weeks."]


def test_content_controls_text_boxes_checkboxes(tmp_path):
    doc = Document()
    doc.add_heading("Supports", level=1)
    _body_xml(doc, f'<w:sdt {W}><w:sdtPr><w:alias w:val="supports"/></w:sdtPr><w:sdtContent>'
                   f'<w:p><w:r><w:t>Brother Sam calls every evening.</w:t></w:r></w:p></w:sdtContent></w:sdt>')
    _body_xml(doc, f'<w:p {W}><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:default w:val="1"/>'
                   f'</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r>'
                   f'<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> Peer group</w:t></w:r></w:p>')
    _body_xml(doc, f'<w:p {W}><w:r><w:sym w:font="Wingdings" w:char="F0A8"/><w:t xml:space="preserve"> Faith community</w:t></w:r></w:p>')
    _body_xml(doc, f'<w:p {W} xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
                   f'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
                   f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
                   f'<w:p><w:r><w:t>Sponsor Jo in a text box.</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing>'
                   f'</mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Sponsor Jo in a text box.</w:t>'
                   f'</w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')
    d = read_document(_save(doc, tmp_path), "p.docx")
    texts = [b.text for b in d.blocks if b.section == "support_systems"]
    assert "Brother Sam calls every evening." in texts
    assert "\u2612 Peer group" in texts and "\u2610 Faith community" in texts
    assert texts.count("Sponsor Jo in a text box.") == 1


def test_nested_table_text_is_read(tmp_path):
    doc = Document()
    doc.add_heading("Interventions", level=1)
    outer = doc.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Services"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "Group therapy"
    inner.cell(0, 1).text = "Weekly"
    d = read_document(_save(doc, tmp_path), "p.docx")
    assert any("Group therapy" in b.text for b in d.blocks)


def test_rendered_page_breaks_give_pages(tmp_path):
    doc = _plan_doc()
    p = doc.add_paragraph()
    p.add_run().add_break(WD_BREAK.PAGE)
    el = doc.paragraphs[-1]._p
    el.append(parse_xml(f'<w:r {W}><w:lastRenderedPageBreak/></w:r>'))
    doc.add_heading("Discharge Criteria", level=1)
    doc.add_paragraph("Step down after 90 days.")
    d = read_document(_save(doc, tmp_path), "p.docx")
    assert d.sections["discharge_criteria"].page == 2
    assert d.sections["goals"].page == 1


def test_docx_named_pdf_reads_as_docx(tmp_path):
    path = _save(_plan_doc(), tmp_path, "plan.pdf")
    assert read_document(path, "plan.pdf").kind == "docx"


def test_zero_byte_and_garbage(tmp_path):
    empty = tmp_path / "e.docx"
    empty.write_bytes(b"")
    with pytest.raises(UnreadableError, match="empty"):
        read_document(empty, "e.docx")
    junk = tmp_path / "j.docx"
    junk.write_bytes(b"PK\x03\x04not really a zip")
    with pytest.raises(UnreadableError):
        read_document(junk, "j.docx")


def test_strict_namespaces_are_read(tmp_path):
    src = _save(_plan_doc(), tmp_path)
    dst = tmp_path / "strict.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            data = data.replace(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                b"http://purl.oclc.org/ooxml/wordprocessingml/main")
            data = data.replace(b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                                b"http://purl.oclc.org/ooxml/officeDocument/relationships")
            zout.writestr(info, data)
    d = read_document(dst, "s.docx")
    assert d.sections["goals"].present and len(d.statements) == 2


def test_error_messages_hold_no_path_or_text(tmp_path):
    secret = tmp_path / "Doe_Jane_1970.docx"
    secret.write_bytes(b"PK\x03\x04garbage")
    with pytest.raises(UnreadableError) as info:
        read_document(secret, "input-3")
    assert "Doe" not in str(info.value) and str(tmp_path) not in str(info.value)
