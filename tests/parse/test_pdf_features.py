"""Synthetic PDF plans (fictional data) drawn with reportlab at test time."""

from __future__ import annotations

import pytest

pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import letter  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from plandoc.errors import NeedsOcrError, UnreadableError  # noqa: E402
from plandoc.parse import read_document  # noqa: E402

W, H = letter


def _page_frame(c, n, total):
    c.setFont("Helvetica", 9)
    c.drawString(54, H - 40, "Sample Clinic")
    c.drawString(54, 40, "Confidential record")
    c.drawRightString(W - 54, 40, f"Page {n} of {total}")


def _heading(c, y, text, underline=False, x=54):
    c.setFont("Helvetica-Bold", 12)
    c.drawString(x, y, text)
    if underline:
        c.line(x, y - 2, x + c.stringWidth(text, "Helvetica-Bold", 12), y - 2)


def _body(c, y, text, x=54, font="Helvetica", size=10):
    c.setFont(font, size)
    c.drawString(x, y, text)


def _two_page_plan(path, engine_note=""):
    c = canvas.Canvas(str(path), pagesize=letter)
    _page_frame(c, 1, 2)
    _heading(c, H - 90, "Client Information", underline=True)
    _body(c, H - 106, "Client Name:")
    _body(c, H - 106, "Alex P. Sample", x=180)
    _body(c, H - 120, "Date of Birth:")
    _body(c, H - 120, "03/04/1985", x=180)
    _heading(c, H - 150, "Assessment", underline=True)
    _body(c, H - 166, "Diagnosis: F10.20 Alcohol use disorder, severe.")
    _heading(c, H - 196, "Goals", underline=True)
    _body(c, H - 212, "LTG 1: Alex will stay sober.")
    _body(c, H - 226, "STG 1.1: Alex will attend 3 meetings per week for 12", x=72)
    _body(c, H - 240, "weeks.", x=72)
    _body(c, H - 254, "Progress: started on time.", x=90)
    c.showPage()
    _page_frame(c, 2, 2)
    _heading(c, H - 90, "Plan Review", underline=True)
    _body(c, H - 106, "The plan is reviewed every 30 days. Next review: 12/01/2026.")
    _heading(c, H - 136, "Signatures", underline=True)
    _body(c, H - 152, "Counselor Signature: Pat Doe, LPC    Date: 11/02/2026")
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_headings_pages_running_text_and_statements(tmp_path, engine):
    d = read_document(_two_page_plan(tmp_path / "p.pdf"), "p.pdf", engine=engine)
    assert d.pages == 2
    assert d.sections["goals"].page == 1 and d.sections["monitoring_review"].page == 2
    assert d.sections["signatures"].heading == "Signatures"
    texts = [b.text for b in d.blocks]
    assert not any("Page 1 of 2" in t or t == "Sample Clinic" or t == "Confidential record" for t in texts)
    assert [(s.text, s.level, s.page) for s in d.statements] == [
        ("Alex will stay sober.", "goal", 1),
        ("Alex will attend 3 meetings per week for 12 weeks.", "objective", 1)]
    assert [x.code for x in d.plan.assessment.diagnoses] == ["F10.20"]
    assert d.plan.monitoring.review_interval_days == 30
    assert str(d.plan.monitoring.next_review_date) == "2026-12-01"
    assert d.plan.client.name == "Alex P. Sample"
    assert d.plan.signatures[0].credentials == "LPC"


def test_two_columns_read_left_then_right(tmp_path):
    path = tmp_path / "cols.pdf"
    c = canvas.Canvas(str(path), pagesize=letter)
    left = ["Coping Strategies"] + [f"Take a walk and call a friend number {i} when cravings start." for i in range(8)]
    right = ["Support Systems"] + [f"Sister Ana visits on Sunday and attends meeting {i} too." for i in range(8)]
    for i, (a, b) in enumerate(zip(left, right)):
        y = H - 80 - i * 16 - (4 if i % 2 else 0)
        if i == 0:
            _heading(c, y, a)
            _heading(c, y, b, x=320)
        else:
            _body(c, y, a[:52], size=9)
            _body(c, y - 3, b[:52], x=320, size=9)
    c.showPage()
    c.save()
    d = read_document(path, "cols.pdf")
    coping = [b.text for b in d.blocks if b.section == "coping_strategies"]
    support = [b.text for b in d.blocks if b.section == "support_systems"]
    assert coping and support
    assert all("friend" in t for t in coping) and all("Sister" in t for t in support)


def test_goal_table_rebuilt_from_columns(tmp_path):
    path = tmp_path / "t.pdf"
    c = canvas.Canvas(str(path), pagesize=letter)
    _heading(c, H - 80, "Treatment Goals")
    for x, h in zip((54, 170, 330, 480), ("Problem", "Goal", "Objective", "Target Date")):
        _body(c, H - 100, h, x=x, font="Helvetica-Bold")
    rows = [("Drinking daily", "Sam will stop drinking.", "Objective 1a: Sam will log", "01/01/2027"),
            ("", "", "every drink for 8 weeks.", ""),
            ("", "", "Objective 1b: Sam will feel", "02/01/2027"),
            ("", "", "calmer.", "")]
    y = H - 116
    for r in rows:
        for x, t in zip((54, 170, 330, 480), r):
            if t:
                _body(c, y, t, x=x)
        y -= 13
    _heading(c, y - 20, "Interventions")
    _body(c, y - 36, "Weekly counseling.")
    c.showPage()
    c.save()
    d = read_document(path, "t.pdf")
    assert [(s.text, s.level) for s in d.statements] == [
        ("Sam will stop drinking.", "goal"),
        ("Sam will log every drink for 8 weeks.", "objective"),
        ("Sam will feel calmer.", "objective")]
    assert d.sections["interventions"].present


def test_image_only_pdf_needs_ocr(tmp_path):
    from reportlab.lib.utils import ImageReader
    from PIL import Image

    img = Image.new("L", (200, 100), 200)
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path), pagesize=letter)
    c.drawImage(ImageReader(img), 50, 500, 400, 200)
    c.showPage()
    c.save()
    with pytest.raises(NeedsOcrError, match="no text layer; it looks scanned"):
        read_document(path, "scan.pdf")


def test_encrypted_and_truncated(tmp_path):
    path = tmp_path / "enc.pdf"
    c = canvas.Canvas(str(path), pagesize=letter, encrypt="user-pw")
    _body(c, 500, "Client will attend meetings.")
    c.showPage()
    c.save()
    with pytest.raises(UnreadableError, match="password-protected"):
        read_document(path, "enc.pdf")
    good = _two_page_plan(tmp_path / "g.pdf").read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(good[: len(good) // 2])
    with pytest.raises(UnreadableError, match="damaged or incomplete"):
        read_document(cut, "cut.pdf")


def test_owner_password_only_opens(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption

    path = tmp_path / "owner.pdf"
    enc = StandardEncryption("", ownerPassword="owner-secret", canPrint=0)
    c = canvas.Canvas(str(path), pagesize=letter, encrypt=enc)
    _heading(c, 700, "Goals")
    _body(c, 680, "Goal 1: Client will attend 2 meetings per week for 8 weeks.")
    c.showPage()
    c.save()
    d = read_document(path, "owner.pdf")
    assert len(d.statements) == 1


def test_unknown_engine_is_an_input_error(tmp_path):
    from plandoc.errors import InputError

    with pytest.raises(InputError, match="unknown PDF engine"):
        read_document(_two_page_plan(tmp_path / "p.pdf"), "p.pdf", engine="nope")


def test_paragraphs_with_first_line_indent_and_inline_labels(tmp_path):
    # a narrative plan: each paragraph's first line indented, the rest at the margin; goals run
    # inline and a wrapped line may end on a label
    path = tmp_path / "narrative.pdf"
    c = canvas.Canvas(str(path), pagesize=letter)
    lines = [
        (90, "Sam and the counselor agreed on two goals. Goal 1: Sam will go back to full-time work as"),
        (72, "a mechanic in his own town. Sam has agreed to two objectives to get there. Objective 1a:"),
        (72, "Sam will renew his driving licence by 03/31/2027. Objective 1b: Sam will apply for jobs now."),
        (90, "Sam will meet with his counselor every week for 50-minute sessions, and with the clinic"),
        (72, "doctor once a month for his medication."),
    ]
    y = H - 90
    for x, text in lines:
        _body(c, y, text, x=x, font="Times-Roman", size=11)
        y -= 14
    c.showPage()
    c.save()
    doc = read_document(path, "narrative.pdf")
    assert [(s.level, s.text) for s in doc.statements] == [
        ("goal", "Sam will go back to full-time work as a mechanic in his own town."),
        ("objective", "Sam will renew his driving licence by 03/31/2027."),
        ("objective", "Sam will apply for jobs now.")]
    assert any(b.text.endswith("once a month for his medication.") and b.text.startswith("Sam will meet")
               for b in doc.blocks)
