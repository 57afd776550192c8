"""Make the sample existing plans in this folder, deterministically.

    PYTHONPATH=src python samples/plans/make_plans.py          # rewrite the files
    PYTHONPATH=src python samples/plans/make_plans.py --check  # exit 1 if a committed file differs

Five fictional treatment plans as clinics write them, in layouts unlike plandoc's own templates,
each with the flaws payer reviewers find (vague goals, jargon, a Do-Not-Use abbreviation,
stigmatizing words, a missing section). Every person, clinic, ID and phone number is invented;
phones use the reserved 555-01xx range. The labeled corpus is not copied here.

| file | layout | flaws it shows |
|---|---|---|
| harbor-form.docx | one label-cell form table (label / value rows) | no discharge criteria; "QD"; "hx", "ETOH"; a vague objective |
| lakeside-narrative.docx | narrative, bold ALL-CAPS paragraph headings, numbered goals | no support systems; "Pt", "IOP", "MAT"; "addict", "dirty"; vague goals |
| riverside-tables.pdf | reportlab, table-heavy: goals matrix, services and medication tables | no signatures; "8.0 mg", "U"; "SI/HI", "BID" |
| pinegrove-letter.pdf | letter to the client in the second person | no discharge criteria; vague goal |
| northfield-scanned.pdf | a scanned-looking page (image only, no text layer) | cannot be read without OCR |
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "src"))

from docx import Document  # noqa: E402
from docx.shared import Pt  # noqa: E402

from plandoc.docx_package import normalize_docx  # noqa: E402

TITLE = "Treatment plan (fictional sample)"


def _docx_bytes(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return normalize_docx(buf.getvalue(), title=TITLE)


# ------------------------------------------------------------------------------ DOCX: label form
def harbor_form() -> bytes:
    doc = Document()
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(10)
    p = doc.add_paragraph()
    r = p.add_run("HARBOR STREET COUNSELING - INDIVIDUALIZED TREATMENT PLAN")
    r.bold = True
    rows = [
        ("Client Name", "Dana Whitlock"),
        ("DOB", "04/11/1985"),
        ("Medicaid ID", "MCD-5501-2290"),
        ("Plan Date", "10/06/2026"),
        ("Emergency Contact", "Lee Whitlock (brother) 555-0161"),
        ("Presenting Problem", "Client has a 10 year hx of ETOH use, daily for the last 3 years. Two DUIs. "
                               "Completed detox at Bayview in September 2026."),
        ("Diagnosis", "F10.20 Alcohol use disorder, severe"),
        ("Strengths", "Employed as a welder; close to brother; motivated to keep driver's license."),
        ("Goal 1", "Dana will maintain sobriety."),
        ("Objective 1a", "Dana will attend 3 AA meetings per week for the next 12 weeks and bring a signed sheet."),
        ("Objective 1b", "Dana will improve coping skills."),
        ("Goal 2", "Dana will have a negative breath test at every weekly session through 01/31/2027."),
        ("Objective 2a", "Dana will take naltrexone 50 mg QD and report missed doses at each session for 90 days."),
        ("Interventions", "Individual counseling weekly, 50 minutes, by primary counselor. Medication "
                          "management monthly by Dr. Ines Farrow, MD."),
        ("Coping Skills", "Call brother when cravings start; leave social events where alcohol is served."),
        ("Supports", "Brother Lee; AA home group on Tuesdays."),
        ("Plan Review", "Plan reviewed every 90 days. Next review: 01/06/2027."),
        ("Client Signature", "Dana Whitlock  10/06/2026"),
        ("Counselor Signature", "Marcus Bell, LCDC  10/06/2026"),
    ]
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].paragraphs[0].add_run(value)
    return _docx_bytes(doc)


# ------------------------------------------------------------------------- DOCX: narrative, CAPS
def lakeside_narrative() -> bytes:
    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(11)

    def head(text: str) -> None:
        doc.add_paragraph().add_run(text).bold = True

    head("LAKESIDE RECOVERY SERVICES")
    doc.add_paragraph("Treatment Plan Update")
    head("IDENTIFYING INFORMATION")
    doc.add_paragraph("Client: Tomas Reyna   DOB: 08/30/1992   Client ID: LRS-20417   Plan date: 11/03/2026")
    doc.add_paragraph("Emergency contact: Maria Reyna (mother), 555-0172.")
    head("PRESENTING PROBLEM")
    doc.add_paragraph("Pt is a 34 year old male with opioid use disorder (F11.20) who stepped down from IOP "
                      "in October. Pt describes himself as an addict and had a dirty screen in August. "
                      "He works nights at a warehouse and lives with his mother.")
    doc.add_paragraph("Strengths: steady job, supportive mother, wants to be a good father to his daughter.")
    head("TREATMENT GOALS")
    doc.add_paragraph("1. Tomas will stay off opioids.")
    doc.add_paragraph("a. Tomas will understand his triggers.")
    doc.add_paragraph("b. Tomas will give a urine drug screen negative for fentanyl at each weekly visit for 12 weeks.")
    doc.add_paragraph("2. Tomas will take buprenorphine 16 mg daily as prescribed for the next 6 months.")
    doc.add_paragraph("a. Tomas will attend every monthly MAT appointment through 05/01/2027.")
    head("METHODS")
    doc.add_paragraph("Individual therapy weekly, 45 minutes, with Renee Oduya, LPC. MAT visits monthly with "
                      "Dr. Paul Kim, MD. Case management as needed.")
    head("RELAPSE PREVENTION")
    doc.add_paragraph("Triggers are payday, old friends, and pain after long shifts. Tomas will text his "
                      "counselor, take a walk, and use the breathing exercise he learned.")
    head("REVIEW SCHEDULE")
    doc.add_paragraph("This plan is reviewed every 60 days. Progress will be measured by urine drug screens "
                      "and attendance.")
    head("DISCHARGE PLANNING")
    doc.add_paragraph("Step down to monthly check-ins after 6 months with negative screens.")
    head("SIGNATURES")
    doc.add_paragraph("Client Signature: Tomas Reyna   Date: 11/03/2026")
    doc.add_paragraph("Counselor Signature: Renee Oduya, LPC   Date: 11/03/2026")
    return _docx_bytes(doc)


# ------------------------------------------------------------------------------------ PDF helpers
def _canvas(buf):
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(buf, pagesize=letter, invariant=1)
    c.setTitle(TITLE)
    c.setAuthor("plandoc samples")
    return c


def _doc(buf, **kw):
    from reportlab.lib.pagesizes import letter
    from reportlab.platypus import SimpleDocTemplate

    d = SimpleDocTemplate(buf, pagesize=letter, title=TITLE, author="plandoc samples", invariant=1,
                          leftMargin=54, rightMargin=54, topMargin=54, bottomMargin=54, **kw)
    return d


# ---------------------------------------------------------------------------- PDF: table-heavy
def riverside_tables() -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    ss = getSampleStyleSheet()
    body = ss["BodyText"]
    body.fontSize, body.leading = 9, 11
    h = ss["Heading2"]
    buf = io.BytesIO()
    story = [Paragraph("Riverside Behavioral Health - Outpatient Treatment Plan", ss["Title"])]

    def grid(rows, widths, header=True):
        t = Table([[Paragraph(c, body) for c in r] for r in rows], colWidths=widths, repeatRows=1 if header else 0)
        style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        t.setStyle(TableStyle(style))
        return t

    def bold(text):
        return f"<b>{text}</b>"

    story += [Paragraph("Client Information", h),
              grid([[bold("Client Name"), "Jesse Amari", bold("DOB"), "12/02/1979"],
                    [bold("Member ID"), "RBH-88120", bold("Plan Date"), "11/12/2026"],
                    [bold("Emergency Contact"), "Ana Amari, spouse, 555-0183", bold("Phone"), "555-0182"]],
                   [110, 150, 60, 184], header=False),
              Paragraph("Assessment Summary", h),
              Paragraph("Jesse has used methamphetamine for 6 years and alcohol on weekends. SI/HI denied. "
                        "Diagnoses: F15.20 Other stimulant dependence; F10.10 Alcohol abuse, uncomplicated. "
                        "Strengths: skilled mechanic, supportive spouse.", body),
              Paragraph("Problems, Goals and Objectives", h),
              grid([[bold("Problem"), bold("Goal"), bold("Objective"), bold("Target Date")],
                    ["Stimulant use", "Jesse will reduce meth use.",
                     "Jesse will provide 8 weekly urine drug screens negative for stimulants in a row.", "02/28/2027"],
                    ["", "", "Jesse will learn relapse prevention skills.", "02/28/2027"],
                    ["Weekend drinking", "Jesse will drink no alcohol for 90 days by 03/15/2027.",
                     "Jesse will log every drink-free weekend in a phone app and show the log at each session for 12 weeks.",
                     "03/15/2027"]],
                   [80, 130, 200, 94]),
              Paragraph("Services", h),
              grid([[bold("Service"), bold("Frequency"), bold("Responsible")],
                    ["Individual therapy (CBT)", "weekly, 50 min", "Noor Castell, LCSW"],
                    ["Contingency management", "2 times per week", "Noor Castell, LCSW"],
                    ["Medication management", "monthly", "Dr. Owen Price, MD"]],
                   [200, 140, 164]),
              Paragraph("Medications", h),
              grid([[bold("Medication"), bold("Dose"), bold("Frequency")],
                    ["Naltrexone", "50 mg", "daily"],
                    ["Hydroxyzine", "25 mg", "BID PRN anxiety"],
                    ["Bupropion", "150.0 mg", "daily"],
                    ["Insulin glargine", "10 U", "at bedtime"]],
                   [200, 140, 164]),
              Paragraph("Coping Strategies", h),
              Paragraph("Jesse will leave the garage at 6 pm on Fridays, call his spouse when cravings hit, and "
                        "go to the gym after work.", body),
              Paragraph("Support Systems", h),
              Paragraph("Spouse Ana; Crystal Meth Anonymous Thursday meeting; brother Sam.", body),
              Paragraph("Monitoring and Review", h),
              Paragraph("Plan reviewed every 90 days. Next review date: 02/10/2027. Progress measured by urine "
                        "drug screens and the drink-free log.", body),
              Paragraph("Discharge Criteria", h),
              Paragraph("12 weeks of negative screens and a written relapse prevention plan.", body),
              Spacer(1, 12)]
    _doc(buf).build(story)
    return buf.getvalue()


# ------------------------------------------------------------------------------ PDF: a letter
def pinegrove_letter() -> bytes:
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, Spacer

    ss = getSampleStyleSheet()
    body, h = ss["BodyText"], ss["Heading3"]
    buf = io.BytesIO()
    story = [Paragraph("Pine Grove Family Clinic", ss["Heading1"]),
             Paragraph("Client: Robin Castellano &nbsp;&nbsp; Date of birth: 06/19/1990 &nbsp;&nbsp; "
                       "Client ID: PG-5530 &nbsp;&nbsp; Plan date: 11/20/2026", body),
             Spacer(1, 8),
             Paragraph("Dear Robin,", body),
             Paragraph("Your Background", h),
             Paragraph("This letter is your recovery plan. We wrote it together at your visit on November 20. "
                       "You told us that drinking after work had grown to most nights and that you want to be "
                       "present for your son. Your diagnosis is alcohol use disorder, moderate (F10.20). You are "
                       "good at keeping a routine and your sister is on your side.", body),
             Paragraph("Your Goals", h),
             Paragraph("Goal 1: You will feel better about yourself.", body),
             Paragraph("Objective 1a: You will go to 2 SMART Recovery meetings each week for the next 10 weeks.", body),
             Paragraph("Goal 2: You will have no more than 2 drinking days per month by 03/01/2027, as shown in "
                       "your drink log.", body),
             Paragraph("Objective 2a: You will write every drink in your log and bring it to each weekly session "
                       "for 12 weeks.", body),
             Paragraph("Your Services", h),
             Paragraph("You will meet with your counselor, Avery Lund, LMHC, every week for 50 minutes. "
                       "Dr. Hana Seo, MD, will see you monthly about medication.", body),
             Paragraph("Coping Skills", h),
             Paragraph("When you want a drink after work, you will call your sister or take the dog for a walk "
                       "before going inside.", body),
             Paragraph("Your Supports", h),
             Paragraph("Your sister Gina (555-0147), SMART Recovery on Mondays and Thursdays, and the 988 "
                       "crisis line any time.", body),
             Paragraph("Plan Review", h),
             Paragraph("We will look at this plan together every 30 days. Next review: 12/20/2026.", body),
             Spacer(1, 10),
             Paragraph("Signatures", h),
             Paragraph("Client: Robin Castellano &nbsp;&nbsp; Date: 11/20/2026", body),
             Paragraph("Counselor: Avery Lund, LMHC &nbsp;&nbsp; Date: 11/20/2026", body)]
    _doc(buf).build(story)
    return buf.getvalue()


# ------------------------------------------------------------------------------ PDF: scanned page
def northfield_scanned() -> bytes:
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader

    img = Image.new("L", (1275, 1650), 245)
    draw = ImageDraw.Draw(img)
    try:
        font = ImageFont.truetype("DejaVuSans.ttf", 26)
    except OSError:
        font = ImageFont.load_default()
    lines = ["NORTHFIELD COUNSELING CENTER", "Treatment Plan", "", "Client: Avery Sato   DOB: 02/14/1987",
             "Diagnosis: F12.20 Cannabis dependence", "", "Goal 1: Avery will reduce cannabis use.",
             "Objective 1a: Avery will use on no more than 2 days per week by 01/15/2027.", "",
             "Interventions: weekly individual counseling (MI, CBT).", "", "Client signature: ____________"]
    y = 120
    for ln in lines:
        draw.text((110, y), ln, fill=30, font=font)
        y += 44
    img = img.rotate(0.6, fillcolor=245)  # a slightly crooked scan
    png = io.BytesIO()
    img.save(png, format="PNG", optimize=False)
    png.seek(0)
    buf = io.BytesIO()
    c = _canvas(buf)
    c.drawImage(ImageReader(png), 0, 0, width=612, height=792)
    c.showPage()
    c.save()
    return buf.getvalue()


PLANS = {
    "harbor-form.docx": harbor_form,
    "lakeside-narrative.docx": lakeside_narrative,
    "riverside-tables.pdf": riverside_tables,
    "pinegrove-letter.pdf": pinegrove_letter,
    "northfield-scanned.pdf": northfield_scanned,
}


def main(argv: list[str]) -> int:
    stale = []
    for name, make in PLANS.items():
        data = make()
        path = HERE / name
        if "--check" in argv:
            if not path.exists() or path.read_bytes() != data:
                stale.append(name)
        else:
            path.write_bytes(data)
            print(f"wrote samples/plans/{name} ({len(data)} bytes)")
    if stale:
        print("out of date (run: PYTHONPATH=src python samples/plans/make_plans.py): " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
