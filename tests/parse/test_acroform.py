"""Fillable PDF forms (AcroForm): typed answers join the text at their widgets (fictional data)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import letter  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from plandoc.errors import NeedsOcrError, PlandocError  # noqa: E402
from plandoc.parse import read_document  # noqa: E402
from plandoc.parse.acroform import read_fields  # noqa: E402

W, H = letter
ENGINES = ["pdfium", "pdfplumber"]
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
FORM_FILES = ["form_acrobat_filled.pdf", "form_pdflatex.pdf", "form_libreoffice.pdf", "form_acroform_test.pdf",
              "form_enc_pr138.pdf"]


def _heading(c, y, text):
    c.setFont("Helvetica-Bold", 12)
    c.drawString(54, y, text)
    c.line(54, y - 2, 54 + c.stringWidth(text, "Helvetica-Bold", 12), y - 2)


def _label(c, y, text, x=54):
    c.setFont("Helvetica", 10)
    c.drawString(x, y, text)


def _field(c, name, y, value, x=180, width=300, height=16, multiline=False):
    kw = dict(name=name, value=value, x=x, y=y - 4, width=width, height=height, fontSize=10, borderWidth=1,
              fillColor=None, forceBorder=True)
    if multiline:
        kw.update(fieldFlags="multiline", y=y - height + 10)
    c.acroForm.textfield(**kw)


def _box(c, name, y, checked, x=54):
    c.acroForm.checkbox(name=name, x=x, y=y - 2, size=10, checked=checked, buttonStyle="cross", borderWidth=1)


def _form_plan(path, rotate=0):
    c = canvas.Canvas(str(path), pagesize=letter)
    _heading(c, H - 90, "Client Information")
    _label(c, H - 110, "Client Name:")
    _field(c, "name", H - 110, "Alex P. Sample")
    _label(c, H - 130, "Date of Birth:")
    _field(c, "dob", H - 130, "03/04/1985")
    _heading(c, H - 160, "Assessment")
    _label(c, H - 180, "Diagnosis:")
    _field(c, "dx", H - 180, "F10.20 Alcohol use disorder, severe.")
    _heading(c, H - 210, "Goals")
    _label(c, H - 230, "Goal 1:")
    _field(c, "g1", H - 230, "Alex will stay sober for 90 days.")
    _label(c, H - 250, "Objective 1a:")
    _field(c, "o1a", H - 250, "Alex will attend 3 meetings per week for 12 weeks.")
    _label(c, H - 275, "Goal 2:")
    _field(c, "g2", H - 275, "Alex will rebuild trust with family.\n"
           "Objective 2a: Alex will call his sister once a week for 8 weeks.", height=50, multiline=True)
    _heading(c, H - 350, "Interventions")
    _box(c, "ind", H - 370, True)
    _label(c, H - 370, "Individual therapy, weekly", x=70)
    _box(c, "grp", H - 386, False)
    _label(c, H - 386, "Group therapy, twice weekly", x=70)
    _heading(c, H - 416, "Signatures")
    _label(c, H - 436, "Counselor Signature:")
    _field(c, "sig", H - 436, "Pat Doe, LPC", width=150)
    _label(c, H - 436, "Date:", x=350)
    _field(c, "sigdate", H - 436, "11/02/2026", x=385, width=90)
    _label(c, H - 456, "Comments:")
    _field(c, "comments", H - 456, "")
    c.showPage()
    c.save()
    return path


def _values_only(path, values=("Alex P. Sample", "Alex will stay sober for 90 days.")):
    """A form whose page has no printed text at all: every character is in a widget."""
    c = canvas.Canvas(str(path), pagesize=letter)
    for k, v in enumerate(values):
        _field(c, f"f{k}", H - 100 - 30 * k, v, x=54)
    c.showPage()
    c.save()
    return path


@pytest.fixture(scope="module")
def form_pdf(tmp_path_factory):
    return _form_plan(tmp_path_factory.mktemp("acroform") / "form.pdf")


def test_values_are_widgets_not_page_text(form_pdf):
    """The premise: reportlab puts the answers in widgets only, so without the form reader they are lost."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(form_pdf))
    try:
        page = doc[0]
        text = page.get_textpage().get_text_range()
        page.close()
    finally:
        doc.close()
    assert "Client Name:" in text and "Alex" not in text


@pytest.mark.parametrize("engine", ENGINES)
def test_values_join_their_labels_in_sections(form_pdf, engine):
    d = read_document(form_pdf, "form.pdf", engine=engine)
    present = [s for s, i in d.sections.items() if i.present]
    assert present == ["client_information", "assessment_summary", "goals", "interventions", "signatures"]
    by_section = {}
    for b in d.blocks:
        by_section.setdefault(b.section, []).append(b.text)
    assert "Client Name:  Alex P. Sample" in by_section["client_information"]
    assert "Goal 1:  Alex will stay sober for 90 days." in by_section["goals"]
    assert by_section["interventions"] == ["\u2612 Individual therapy, weekly", "\u2610 Group therapy, twice weekly"]
    assert not any("Comments:" in t and len(t) > len("Comments:") for t in by_section["signatures"])  # empty field
    assert [(s.level, s.text, s.page) for s in d.statements] == [
        ("goal", "Alex will stay sober for 90 days.", 1),
        ("objective", "Alex will attend 3 meetings per week for 12 weeks.", 1),
        ("goal", "Alex will rebuild trust with family.", 1),
        ("objective", "Alex will call his sister once a week for 8 weeks.", 1)]
    assert d.plan.client.name == "Alex P. Sample"
    assert str(d.plan.client.date_of_birth) == "1985-03-04"
    assert [x.code for x in d.plan.assessment.diagnoses] == ["F10.20"]
    sig = d.plan.signatures[0]
    assert (sig.name, sig.credentials, str(sig.date)) == ("Pat Doe", "LPC", "2026-11-02")


def test_both_engines_give_the_same_document(form_pdf):
    a, b = (read_document(form_pdf, "form.pdf", engine=e) for e in ENGINES)
    assert [(x.section, x.text) for x in a.blocks] == [(x.section, x.text) for x in b.blocks]
    assert [(s.level, s.text) for s in a.statements] == [(s.level, s.text) for s in b.statements]


@pytest.mark.parametrize("engine", ENGINES)
def test_rotated_page_keeps_values_beside_labels(tmp_path, engine):
    """A landscape page stored as portrait with /Rotate 90: labels and widgets are both turned upright."""
    path = tmp_path / "r.pdf"
    c = canvas.Canvas(str(path), pagesize=letter)
    c.setPageRotation(90)  # reportlab stores a 792 x 612 box, shown turned a quarter clockwise
    w0 = W
    c.saveState()
    c.translate(w0, 0)
    c.rotate(90)  # draw turned back, so the text reads upright on screen (display X right, Y up)
    c.setFont("Helvetica", 10)
    rows = [("Client Name:", "Alex P. Sample"), ("Goal 1:", "Alex will stay sober for 90 days.")]
    for k, (label, _) in enumerate(rows):
        c.drawString(54, W - 100 - 30 * k, label)
    c.restoreState()
    for k, (_, value) in enumerate(rows):
        x_disp, y_disp, wd, ht = 180, W - 104 - 30 * k, 300, 16
        # display (X, Y) is user (w0 - Y, X): the widget's user rectangle turns with the page
        c.acroForm.textfield(name=f"f{k}", value=value, x=w0 - y_disp - ht, y=x_disp, width=ht, height=wd,
                             fontSize=10, borderWidth=0)
    c.showPage()
    c.save()
    d = read_document(path, "r.pdf", engine=engine)
    assert [b.text for b in d.blocks] == ["Client Name:  Alex P. Sample", "Goal 1:  Alex will stay sober for 90 days."]
    assert [s.text for s in d.statements] == ["Alex will stay sober for 90 days."]


@pytest.mark.parametrize("engine", ENGINES)
def test_values_only_form_is_read_not_needs_ocr(tmp_path, engine):
    d = read_document(_values_only(tmp_path / "v.pdf"), "v.pdf", engine=engine)
    assert [b.text for b in d.blocks] == ["Alex P. Sample", "Alex will stay sober for 90 days."]


@pytest.mark.parametrize("engine", ENGINES)
def test_empty_form_without_text_still_needs_ocr(tmp_path, engine):
    path = tmp_path / "e.pdf"
    c = canvas.Canvas(str(path), pagesize=letter)
    _field(c, "blank", H - 100, "", x=54)
    _box(c, "unticked", H - 130, False)
    c.showPage()
    c.save()
    with pytest.raises(NeedsOcrError):
        read_document(path, "e.pdf", engine=engine)


def test_password_fields_are_never_read(tmp_path):
    path = tmp_path / "pw.pdf"
    c = canvas.Canvas(str(path), pagesize=letter)
    _label(c, H - 100, "Portal password:")
    c.acroForm.textfield(name="pw", value="hunter2-example", x=180, y=H - 104, width=150, height=16,
                         fieldFlags="password")
    c.showPage()
    c.save()
    d = read_document(path, "pw.pdf")
    assert not any("hunter2" in b.text for b in d.blocks)


def test_field_values_stay_out_of_logs(form_pdf, caplog, capsys):
    caplog.set_level(logging.DEBUG)
    for engine in ENGINES:
        read_document(form_pdf, "form.pdf", engine=engine)
    out = capsys.readouterr()
    logged = " ".join(r.getMessage() for r in caplog.records) + out.out + out.err
    assert "Alex" not in logged and "sober" not in logged


def test_pdf_without_form_has_no_fields(tmp_path):
    path = tmp_path / "plain.pdf"
    c = canvas.Canvas(str(path), pagesize=letter)
    _label(c, H - 100, "Client Name: Alex P. Sample")
    c.showPage()
    c.save()
    assert read_fields(path) == []


@pytest.mark.parametrize("name", FORM_FILES)
@pytest.mark.parametrize("engine", ENGINES)
def test_corpus_forms_are_checked_or_plandoc_error(name, engine):
    path = CORPUS / "robustness" / name
    if not path.is_file():
        pytest.skip(f"robustness corpus not found at {path.parent}")
    try:
        d = read_document(path, "upload-9", engine=engine)
    except PlandocError as exc:
        assert not isinstance(exc, NeedsOcrError), "a filled form is read, not sent to OCR"
        assert str(exc).startswith("upload-9: ")
    else:
        assert d.kind == "pdf" and d.blocks


def test_corpus_filled_and_chosen_values(tmp_path):
    root = CORPUS / "robustness"
    if not root.is_dir():
        pytest.skip(f"robustness corpus not found at {root}")
    for engine in ENGINES:
        texts = [b.text for b in read_document(root / "form_acrobat_filled.pdf", "a.pdf", engine=engine).blocks]
        assert texts == ["foo  Bar"]
        texts = [b.text for b in read_document(root / "form_acroform_test.pdf", "t.pdf", engine=engine).blocks]
        # a choice shows its option's display label ('1'), not its export value ('111')
        assert "DROPDOWN  1" in texts and "LIST  f" in texts and "COMBO LIST  m1" in texts
        assert "CHECKBOX  \u2610" in texts


@pytest.mark.parametrize("engine", ENGINES)
def test_value_fills_the_blank_line_it_lies_on(tmp_path, engine):
    path = tmp_path / "u.pdf"
    c = canvas.Canvas(str(path), pagesize=letter)
    _heading(c, H - 80, "Client Information")
    _label(c, H - 100, "Client Name: ______________________________")
    c.acroForm.textfield(name="n", value="Alex P. Sample", x=120, y=H - 104, width=200, height=14, borderWidth=0,
                         fontSize=10)
    _heading(c, H - 130, "Goals")
    _label(c, H - 150, "Goal 1: ___________________________________________")
    c.acroForm.textfield(name="g", value="Alex will stay sober for 90 days.", x=100, y=H - 154, width=300,
                         height=14, borderWidth=0, fontSize=10)
    c.showPage()
    c.save()
    d = read_document(path, "u.pdf", engine=engine)
    assert "Client Name: Alex P. Sample" in [b.text for b in d.blocks]
    assert d.plan.client.name == "Alex P. Sample"
    assert [s.text for s in d.statements] == ["Alex will stay sober for 90 days."]
