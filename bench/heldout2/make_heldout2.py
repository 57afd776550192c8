#!/usr/bin/env python3
"""Generate a held-out set of 14 fictional recovery-maintenance treatment plans plus labels.json.

Everything here is invented: people, clinics, addresses, record numbers; phone numbers use 555-01xx.
    python bench/heldout2/make_heldout2.py OUTDIR      # 14 plans + OUTDIR/labels.json
    plandoc check OUTDIR --format json > report.json
    python ../shared/tools/evaluate.py OUTDIR/labels.json report.json --details

Written by a colleague who had not read plandoc's code, as an independent check of how plandoc
reads layouts it was not built on; its failures were then fixed, so it is a regression set now,
not a held-out one (1.000 after the fixes, 0.908 before).

Labels are written by hand next to each document (the goal strings are shared with the renderer only so
that the labeled text is exactly what is printed).
"""
import json
import os
import sys
import shutil
import subprocess
import tempfile
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (HRFlowable, Paragraph, SimpleDocTemplate, Spacer, Table,
                                TableStyle)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "docs")
LABELS = []

ALL = ["client_information", "assessment_summary", "goals", "interventions", "coping_strategies",
       "support_systems", "monitoring_review", "discharge_criteria", "signatures"]

S, M, T = "specific", "measurable", "time_bound"


def without(*ids):
    return [s for s in ALL if s not in ids]


def g(text, level, missing=()):
    """One labeled statement. missing = the SMART properties the statement's own words lack."""
    missing = [p for p in (S, M, T) if p in missing]
    return {"text": text, "level": level, "vague": bool(missing), "missing": missing}


def add_label(file, sections, goals, jargon, abbreviations, stigmatizing, borderline, notes):
    LABELS.append({"file": file, "status": "checked", "sections_present": sections, "goals": goals,
                   "jargon": jargon, "abbreviations": abbreviations, "stigmatizing": stigmatizing,
                   "borderline": borderline, "notes": notes})


# =========================================================================================== DOCX helpers
def new_doc(font="Calibri", size=11, margin=0.9):
    d = Document()
    st = d.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(size)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), font)
    for s in d.sections:
        s.left_margin = s.right_margin = Inches(margin)
        s.top_margin = s.bottom_margin = Inches(0.8)
    return d


def add_field(par, instr):
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    par._p.append(fld)


def page_x_of_y(par, prefix="Page "):
    par.add_run(prefix)
    add_field(par, "PAGE")
    par.add_run(" of ")
    add_field(par, "NUMPAGES")


def shade(cell, fill="D9D9D9"):
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcPr.append(shd)


def set_text(cell, text, bold=False, size=None, italic=False):
    cell.text = ""
    p = cell.paragraphs[0]
    r = p.add_run(text)
    r.bold = bold
    r.italic = italic
    if size:
        r.font.size = Pt(size)
    return p


def cell_paras(cell, items, size=None):
    """items: list of str or (str, bold) -> one paragraph each."""
    cell.text = ""
    first = True
    for it in items:
        text, bold = (it, False) if isinstance(it, str) else it
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        r = p.add_run(text)
        r.bold = bold
        if size:
            r.font.size = Pt(size)


def runs(par, parts):
    """parts: list of (text, bold)."""
    for text, bold in parts:
        r = par.add_run(text)
        r.bold = bold
    return par


def labelled(doc, pairs, size=None):
    for k, v in pairs:
        p = doc.add_paragraph()
        p.paragraph_format.space_after = Pt(2)
        runs(p, [(k + ": ", True), (v, False)])
        if size:
            for r in p.runs:
                r.font.size = Pt(size)


def bold_para(doc, text, size=None, caps=False, underline=False, space_before=10):
    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(space_before)
    p.paragraph_format.space_after = Pt(4)
    r = p.add_run(text.upper() if caps else text)
    r.bold = True
    r.underline = underline
    if size:
        r.font.size = Pt(size)
    return p


def table_grid(doc, rows, cols, widths=None, style="Table Grid"):
    t = doc.add_table(rows=rows, cols=cols)
    t.style = style
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    if widths:
        t.autofit = False
        for row in t.rows:
            for i, w in enumerate(widths):
                row.cells[i].width = Inches(w)
        grid = t._tbl.tblGrid
        for i, gc in enumerate(grid.findall(qn("w:gridCol"))):
            if i < len(widths):
                gc.set(qn("w:w"), str(int(widths[i] * 1440)))
    return t


def repeat_header(row):
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trPr.append(el)


def soffice_pdf(docx_path, pdf_name):
    tmp = tempfile.mkdtemp(prefix="heldout2_lo_")
    prof = tempfile.mkdtemp(prefix="heldout2_loprof_")
    subprocess.run(["soffice", "-env:UserInstallation=file://" + prof, "--headless", "--convert-to", "pdf",
                    "--outdir", tmp, docx_path], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=180)
    produced = os.path.join(tmp, os.path.splitext(os.path.basename(docx_path))[0] + ".pdf")
    shutil.move(produced, os.path.join(OUT, pdf_name))
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(prof, ignore_errors=True)


# ====================================================================================== reportlab helpers
def reg_fonts():
    base = "/usr/share/fonts/truetype"
    for name, path in [("DejaVuSans", "dejavu/DejaVuSans.ttf"), ("DejaVuSans-Bold", "dejavu/DejaVuSans-Bold.ttf"),
                       ("LibSerif", "liberation/LiberationSerif-Regular.ttf"),
                       ("LibSerif-Bold", "liberation/LiberationSerif-Bold.ttf"),
                       ("LibSerif-Italic", "liberation/LiberationSerif-Italic.ttf")]:
        pdfmetrics.registerFont(TTFont(name, os.path.join(base, path)))


def P(text, style):
    return Paragraph(escape(text), style)


def PB(label, text, style):
    return Paragraph("<b>%s</b> %s" % (escape(label), escape(text)), style)


# ============================================================================================ documents
def ho01_pinecounty_form():
    """County mental-health form: shaded section bars, label cells, checkbox rows, form revision 3.0."""
    fn = "ho01_pinecounty_form.docx"
    goals = [
        ("Goal 1", g("Renata will stay sober.", "goal", [M, T]), "05/31/2027"),
        ("Obj. 1a", g("Renata will attend 2 Alcoholics Anonymous meetings per week and have her attendance slip "
                      "signed at each meeting for the next 16 weeks.", "objective"), "03/10/2027"),
        ("Obj. 1b", g("Renata will take naltrexone 50 mg by mouth once a day and bring her pill bottle to each "
                      "monthly prescriber visit through 03/31/2027.", "objective"), "03/31/2027"),
        ("Goal 2", g("Renata will have fewer depressive symptoms.", "goal", [S, M, T]), "05/31/2027"),
        ("Obj. 2a", g("Renata will lower her PHQ-9 score from 17 to below 10 by 02/28/2027.", "objective"),
         "02/28/2027"),
        ("Obj. 2b", g("Renata will work on her isolation.", "objective", [S, M, T]), "02/28/2027"),
        ("Goal 3", g("Renata will return to work.", "goal", [M, T]), "05/31/2027"),
        ("Obj. 3a", g("Renata will complete the 6-week job readiness workshop at the Pine County Career Center "
                      "by 01/15/2027.", "objective"), "01/15/2027"),
    ]
    d = new_doc("Arial", 10, 0.7)
    sec = d.sections[0]
    hp = sec.header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    runs(hp, [("PINE COUNTY DEPARTMENT OF BEHAVIORAL HEALTH\n", True), ("Individual Recovery Plan", False)])
    fp = sec.footer.paragraphs[0]
    fp.add_run("Form BH-12 rev. 3.0 (06/2025)   |   Confidential client information, 42 CFR Part 2   |   ")
    page_x_of_y(fp)

    p = d.add_paragraph()
    runs(p, [("Plan type:  ", True), ("\u2610 Initial   \u2612 90-Day Review   \u2610 Discharge      ", False),
             ("Level of care:  ", True), ("\u2612 Outpatient   \u2610 Intensive Outpatient   \u2610 Residential", False)])

    def section_table(title, rows, cols=4, widths=None):
        t = table_grid(d, len(rows) + 1, cols, widths)
        c = t.rows[0].cells[0].merge(t.rows[0].cells[cols - 1])
        set_text(c, title, bold=True)
        shade(c, "BFBFBF")
        for i, r in enumerate(rows, start=1):
            for j, val in enumerate(r):
                if val is None:
                    continue
                cell = t.rows[i].cells[j]
                if isinstance(val, tuple):  # (text, bold, span)
                    text, bold, span = val
                    if span > 1:
                        cell = cell.merge(t.rows[i].cells[j + span - 1])
                    set_text(cell, text, bold=bold)
                    if bold:
                        shade(cell, "F2F2F2")
                else:
                    set_text(cell, val, bold=(j % 2 == 0 and cols == 4))
                    if j % 2 == 0 and cols == 4:
                        shade(cell, "F2F2F2")
        d.add_paragraph()
        return t

    section_table("SECTION A \u2013 CLIENT INFORMATION", [
        ["Client name", "Renata Vasquez-Hale", "Client ID", "PC-208817"],
        ["DOB", "07/22/1982", "Phone", "555-0142"],
        ["Address", "1180 Larkspur Road, Apt 3, Millbrook", "Preferred language", "English"],
        ["Emergency contact", "Luis Vasquez (brother), 555-0143", "Coverage", "County Medicaid plan"],
    ], widths=[1.4, 2.3, 1.4, 2.0])

    section_table("SECTION B \u2013 ASSESSMENT SUMMARY", [
        [("Diagnoses (ICD-10)", True, 1), ("F10.20 Alcohol use disorder, moderate\nF33.1 Major depressive disorder, "
                                           "recurrent, moderate", False, 3), None, None],
        [("Presenting problem", True, 1),
         ("Renata is 44 and has a hx of alcohol use since age 19, with two prior outpatient tx episodes (2017, 2021). "
          "She went back to daily drinking in spring 2026 after her divorce and the loss of her warehouse job, and "
          "completed a 5-day detox at Millbrook General Hospital in August 2026. Denies SI/HI at this review. She "
          "describes her late father as an alcoholic and says heavy drinking was \"normal\" in her family.", False, 3),
         None, None],
        [("Strengths", True, 1), ("Motivated; 4 months without alcohol in 2024; close to her brother; has kept her "
                                  "apartment.", False, 3), None, None],
        [("Barriers / needs", True, 1), ("Low mood most days, no car, unemployed since May 2026.", False, 3), None, None],
    ], widths=[1.4, 2.3, 1.4, 2.0])

    t = table_grid(d, len(goals) + 2, 4, [0.8, 4.2, 1.0, 1.1])
    c = t.rows[0].cells[0].merge(t.rows[0].cells[3])
    set_text(c, "SECTION C \u2013 GOALS AND OBJECTIVES", bold=True)
    shade(c, "BFBFBF")
    for j, h in enumerate(["#", "Goal / Objective (client's words where possible)", "Target date", "Status"]):
        set_text(t.rows[1].cells[j], h, bold=True)
        shade(t.rows[1].cells[j], "F2F2F2")
    for i, (lab, st, date) in enumerate(goals, start=2):
        set_text(t.rows[i].cells[0], lab, bold=lab.startswith("Goal"))
        set_text(t.rows[i].cells[1], st["text"])
        set_text(t.rows[i].cells[2], date)
        set_text(t.rows[i].cells[3], "\u2610 New \u2612 Cont.\n\u2610 Met", size=8)
    d.add_paragraph()

    section_table("SECTION D \u2013 INTERVENTIONS / SERVICES", [
        [("Service", True, 1), ("Frequency", True, 1), ("Provider", True, 2), None],
        [("Individual counseling", False, 1), ("Weekly, 50 minutes", False, 1), ("Owen Strand, LCSW", False, 2), None],
        [("Relapse prevention group", False, 1), ("Twice a week, 90 minutes", False, 1),
         ("Group facilitator", False, 2), None],
        [("Medication management (naltrexone, antidepressant)", False, 1), ("Monthly", False, 1),
         ("Dr. Anjali Mehra, MD", False, 2), None],
        [("Case management \u2013 employment referral", False, 1), ("Every 2 weeks", False, 1),
         ("Case manager", False, 2), None],
    ], widths=[2.6, 1.6, 1.5, 1.4])

    section_table("SECTION E \u2013 COPING STRATEGIES / RELAPSE PREVENTION", [
        [("Trigger or stressor", True, 2), None, ("What Renata will do", True, 2), None],
        [("Evenings alone in the apartment", False, 2), None,
         ("Call her brother or her sponsor; go to the 7 p.m. meeting.", False, 2), None],
        [("Arguments with her ex-husband about the house", False, 2), None,
         ("Leave the conversation, use box breathing, write in her journal.", False, 2), None],
        [("Feeling hopeless", False, 2), None,
         ("Use her safety plan and call the clinic crisis line, 555-0100.", False, 2), None],
    ], widths=[1.7, 1.7, 1.9, 1.8])

    section_table("SECTION F \u2013 SUPPORT SYSTEMS", [
        [("\u2612 Family: brother Luis (weekly dinners)\n\u2612 Mutual help: Alcoholics Anonymous home group, "
          "Tuesday and Saturday\n\u2610 Faith community\n\u2612 Community resource: Pine County Career Center\n"
          "\u2610 Other: ______________", False, 4), None, None, None],
    ], widths=[1.7, 1.7, 1.9, 1.8])

    section_table("SECTION G \u2013 MONITORING AND PLAN REVIEW", [
        [("Progress is measured by breath alcohol tests at each visit, a monthly PHQ-9, and meeting and session "
          "attendance. The plan is reviewed with Renata every 90 days, or sooner after any return to drinking. "
          "Next review: 02/01/2027.", False, 4), None, None, None],
    ], widths=[1.7, 1.7, 1.9, 1.8])

    section_table("SECTION H \u2013 DISCHARGE / TRANSITION CRITERIA", [
        [("Step down to monthly aftercare when Renata has 6 months without alcohol, a PHQ-9 below 10 at two reviews "
          "in a row, and is working or enrolled in a training program.", False, 4), None, None, None],
    ], widths=[1.7, 1.7, 1.9, 1.8])

    section_table("SECTION I \u2013 SIGNATURES", [
        [("I took part in writing this plan and was offered a copy.  \u2612 Yes  \u2610 No", False, 4), None, None,
         None],
        ["Client signature", "_________________________", "Date", "11/18/2026"],
        ["Clinician", "Owen Strand, LCSW  ______________", "Date", "11/18/2026"],
        ["Clinical supervisor", "Maribel Ostrowski, LCSW  ________", "Date", "11/19/2026"],
    ], widths=[1.4, 2.6, 0.9, 2.2])
    d.save(os.path.join(OUT, fn))

    add_label(fn, list(ALL), [x[1] for x in goals],
              ["hx", "tx", "SI/HI"], [], ["alcoholic"],
              ["42 CFR Part 2", "CFR", "DOB", "ID", "ICD-10", "PHQ-9", "LCSW", "MD", "detox", "Denies", "Relapse",
               "Trigger", "Obj.", "Medicaid"],
              "DOCX county form: every section is a table with a shaded title bar ('SECTION A \u2013 ...'), label "
              "cells, checkbox glyph rows (plan type, level of care, supports, participation); goals table "
              "#|Goal/Objective|Target date|Status with labels 'Goal 1' / 'Obj. 1a' in their own cells (no "
              "statement whose only gap is a time frame sits next to a target date); footer with form revision "
              "and PAGE/NUMPAGES fields. Traps (not to be flagged): \"F10.20\", \"rev. 3.0\", "
              "\"Alcoholics Anonymous\", \"50 mg\".")


def ho02_otp_methadone():
    """OTP methadone plan, DOCX -> LibreOffice PDF, medication table, Problem|Goal|Objectives table."""
    fn = "ho02_lakeview_methadone.pdf"
    rows = [
        ("Opioid use (fentanyl) after a loss",
         g("Keith will stop using fentanyl.", "goal", [M, T]),
         [("1a", g("Keith will have urine drug screens negative for fentanyl on at least 6 of the 8 random screens "
                   "collected through 01/31/2027.", "objective")),
          ("1b", g("Keith will come to the dosing window every day.", "objective", [T]))]),
        ("Take-home doses",
         g("Keith will earn take-home doses.", "goal", [M, T]),
         [("2a", g("Keith will meet all 8 take-home eligibility criteria, including 90 days of negative screens, by "
                   "03/15/2027.", "objective"))]),
        ("Physical health (hepatitis C)",
         g("Keith will improve his health.", "goal", [S, M, T]),
         [("3a", g("Keith will complete hepatitis C treatment and have a follow-up viral load test by 04/30/2027.",
                   "objective")),
          ("3b", g("Keith will take better care of himself.", "objective", [S, M, T]))]),
    ]
    d = new_doc("Calibri", 11, 0.9)
    sec = d.sections[0]
    hp = sec.header.paragraphs[0]
    hp.add_run("Lakeview Comprehensive Treatment Center \u2013 Opioid Treatment Program").bold = True
    fp = sec.footer.paragraphs[0]
    fp.add_run("Keith Amundsen  |  Patient # LV-55031  |  ")
    page_x_of_y(fp)
    d.add_heading("Methadone Maintenance Treatment Plan \u2013 Annual Update", 0)
    p = d.add_paragraph()
    runs(p, [("Patient: ", True), ("Keith Amundsen     ", False), ("Patient #: ", True), ("LV-55031     ", False),
             ("DOB: ", True), ("02/09/1979", False)])
    p = d.add_paragraph()
    runs(p, [("Phone: ", True), ("555-0157     ", False), ("Admission date: ", True), ("03/14/2022     ", False),
             ("Plan date: ", True), ("11/12/2026", False)])
    p = d.add_paragraph()
    runs(p, [("Address: ", True), ("2207 Orchard Bend, Ashford     ", False), ("Counselor: ", True),
             ("Dana Whitcomb, CADC", False)])

    d.add_heading("Diagnosis and Clinical Summary", 1)
    d.add_paragraph("F11.20 Opioid use disorder, severe.")
    d.add_paragraph(
        "Keith is a 47-year-old roofer with OUD since 2009. He was first prescribed opioids after a fall from a roof, "
        "then used heroin and later fentanyl. He has been in treatment here since 03/2022 and has been stable on "
        "methadone for most of that time. He had 2 dirty UDS in September 2026 (fentanyl) in the weeks after his "
        "mother died; all other screens this year were negative. Hepatitis C antibody positive in 2024; he has not "
        "started treatment. Blood pressure is treated by his primary care doctor.")
    d.add_heading("Current Medications", 2)
    meds = [("Medication", "Dose", "Route", "Frequency", "Prescriber"),
            ("Methadone oral concentrate", "95 mg", "PO", "QD, observed at dosing window", "Dr. Felix Arroyo, MD"),
            ("Clonidine", "0.1 mg", "PO", "BID PRN withdrawal symptoms", "Dr. Felix Arroyo, MD"),
            ("Naloxone nasal spray", "4 mg", "intranasal", "PRN suspected overdose", "Dr. Felix Arroyo, MD"),
            ("Lisinopril", "10 mg", "PO", "once daily", "Dr. Helen Pak (primary care)")]
    t = table_grid(d, len(meds), 5, [1.9, 0.7, 0.8, 1.9, 1.6])
    for i, r in enumerate(meds):
        for j, v in enumerate(r):
            set_text(t.rows[i].cells[j], v, bold=(i == 0), size=10)
            if i == 0:
                shade(t.rows[i].cells[j], "DCE6F1")

    d.add_heading("Treatment Goals", 1)
    n = 1 + sum(len(r[2]) for r in rows)
    t = table_grid(d, n, 3, [1.6, 2.2, 3.1])
    hdr = t.rows[0]
    for j, h in enumerate(["Problem", "Goal", "Objectives"]):
        set_text(hdr.cells[j], h, bold=True)
        shade(hdr.cells[j], "DCE6F1")
    repeat_header(hdr)
    ri = 1
    for k, (prob, goal, objs) in enumerate(rows, start=1):
        top = ri
        for lab, ob in objs:
            set_text(t.rows[ri].cells[2], "Objective %s: %s" % (lab, ob["text"]))
            ri += 1
        pc = t.rows[top].cells[0]
        gc = t.rows[top].cells[1]
        if len(objs) > 1:
            pc = pc.merge(t.rows[ri - 1].cells[0])
            gc = gc.merge(t.rows[ri - 1].cells[1])
        set_text(pc, prob)
        set_text(gc, "Goal %d: %s" % (k, goal["text"]))

    d.add_heading("Counseling and Services", 1)
    for s in ["Individual counseling with Dana Whitcomb, CADC, twice a month (45 minutes).",
              "Daily observed methadone dosing; physician visit with Dr. Arroyo every 90 days and as needed.",
              "Referral to the Ashford infectious disease clinic for hepatitis C treatment (made 11/12/2026).",
              "Grief and loss group, Wednesdays at 1 p.m., 8 weeks."]:
        d.add_paragraph(s, style="List Bullet")
    d.add_heading("Recovery Supports", 1)
    d.add_paragraph(
        "Keith's partner, Cheryl, lives with him and drives him to the clinic when his truck is not working. He goes "
        "to a Narcotics Anonymous meeting at the Ashford library on Saturday mornings. His sister Beth calls him "
        "every Sunday.")
    d.add_heading("Monitoring, Take-Home Review and Plan Updates", 1)
    d.add_paragraph(
        "Random observed urine drug screens at least once a month. The treatment team reviews the take-home schedule "
        "every month. This plan is updated every 90 days in the first year of treatment and every 6 months after "
        "that; next update 05/12/2027.")
    d.add_heading("Transition Criteria", 1)
    d.add_paragraph(
        "Keith may move to a monthly medical maintenance schedule after 12 months of negative screens, stable "
        "housing, and no missed counseling sessions. A slow, voluntary methadone taper is available if he asks for "
        "one and would be planned with the program physician.")
    d.add_heading("Signatures", 1)
    t = table_grid(d, 4, 3, [2.4, 2.8, 1.5])
    for i, r in enumerate([("Role", "Signature", "Date"), ("Patient: Keith Amundsen", "", "11/12/2026"),
                           ("Counselor: Dana Whitcomb, CADC", "", "11/12/2026"),
                           ("Program physician: Felix Arroyo, MD", "", "11/14/2026")]):
        for j, v in enumerate(r):
            set_text(t.rows[i].cells[j], v, bold=(i == 0))
    tmp = tempfile.mkdtemp(prefix="heldout2_")
    src = os.path.join(tmp, "ho02_lakeview_methadone.docx")
    d.save(src)
    soffice_pdf(src, fn)
    shutil.rmtree(tmp, ignore_errors=True)

    statements = []
    for prob, goal, objs in rows:
        statements.append(goal)
        statements += [o for _, o in objs]
    add_label(fn, without("coping_strategies"), statements,
              ["OUD", "UDS", "PO", "BID", "PRN"], ["QD"], ["dirty"],
              ["DOB", "CADC", "MD", "intranasal", "NA"],
              "LibreOffice PDF of a DOCX with Word Heading styles and a title; header with the program name, footer "
              "with patient number and Page x of y; a 5-column medication table (QD for methadone, BID PRN, a "
              "correct '0.1 mg'); Problem|Goal|Objectives table with vertically merged Problem/Goal cells and "
              "'Goal n:' / 'Objective na:' labels inside the cells; no coping / relapse-prevention section. "
              "Traps (not to be flagged): \"F11.20\", \"0.1 mg\", \"Narcotics Anonymous\".")


def ho03_first_person():
    """Plan written entirely in the first person, DOCX -> LibreOffice PDF; plain language."""
    fn = "ho03_riverstone_myplan.pdf"
    goals = [
        ("Goal 1", g("I will stay off meth.", "goal", [M, T]), [
            ("Step 1", g("I will give a urine sample every Monday and Thursday and have at least 16 negative results "
                         "in a row by 02/15/2027.", "objective")),
            ("Step 2", g("I will stay away from bad people.", "objective", [S, M, T]))]),
        ("Goal 2", g("I will get my kids back.", "goal", [M, T]), [
            ("Step 1", g("I will finish all 10 parenting classes at Family Place by 01/30/2027.", "objective")),
            ("Step 2", g("I will go to every visit with my kids that the caseworker sets up, 2 visits a week, for the "
                         "next 12 weeks.", "objective"))]),
        ("Goal 3", g("I will feel better about myself.", "goal", [S, M, T]), [
            ("Step 1", g("I will write 3 things I did well in my journal every night for 6 weeks.", "objective"))]),
    ]
    d = new_doc("Verdana", 11, 1.0)
    t = d.add_paragraph()
    t.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = t.add_run("Riverstone Recovery Center")
    r.font.size = Pt(12)
    t = d.add_paragraph()
    t.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = t.add_run("My Recovery Plan")
    r.bold = True
    r.font.size = Pt(18)
    r.font.color.rgb = RGBColor(0x2E, 0x5E, 0x4E)

    def head(text):
        p = d.add_paragraph()
        p.paragraph_format.space_before = Pt(14)
        r = p.add_run(text)
        r.bold = True
        r.font.size = Pt(14)
        r.font.color.rgb = RGBColor(0x2E, 0x5E, 0x4E)

    head("About Me")
    labelled(d, [("My name", "Brianna Colter"), ("My date of birth", "05/30/1995"), ("My phone", "555-0171"),
                 ("Where I live", "42 Quarry Street, Unit 2, Fenwick"),
                 ("Who to call in an emergency", "my grandmother, Ida Colter, 555-0172"),
                 ("Date we made this plan", "11/05/2026")])
    head("My Story")
    d.add_paragraph(
        "I started using meth when I was 22. I used almost every day for about four years. My two kids went to live "
        "with my grandmother in June 2026 after child protective services got involved. I did 30 days at the Hollis "
        "House residential program and came home on 10/02/2026. I have not used since 08/29/2026.")
    d.add_paragraph(
        "I am good at cooking and I keep my apartment clean now. I am proud of that. The hard things for me are "
        "money, being bored, and my ex, who still uses.")
    head("My Goals")
    for glab, goal, steps in goals:
        p = d.add_paragraph()
        p.paragraph_format.space_before = Pt(6)
        runs(p, [(glab + ": ", True), (goal["text"], False)])
        for slab, st in steps:
            p = d.add_paragraph()
            p.paragraph_format.left_indent = Inches(0.4)
            runs(p, [(slab + ": ", True), (st["text"], False)])
    head("What I Will Do and Who Will Help Me")
    d.add_paragraph(
        "I will see my counselor, Tamsin, every week for one hour. I will go to group on Tuesday and Thursday nights "
        "from 6 to 8. My caseworker at Fenwick County Family Services will set up the visits with my kids and tell "
        "the court how I am doing.")
    head("When I Feel Like Using")
    d.add_paragraph(
        "If I get bored, I will call my sponsor or walk to the gym. If my ex texts me, I will block him and tell "
        "Tamsin. If I get a craving, I will wait 20 minutes, drink a glass of water, and remind myself about my kids.")
    head("My People")
    d.add_paragraph(
        "My grandmother Ida. My sponsor, Rachel. My Narcotics Anonymous home group on Friday nights. The women at my "
        "church.")
    head("How We Will Check My Progress")
    d.add_paragraph(
        "Tamsin and I will look at this plan together every 30 days. We will look at my test results, my class "
        "certificate, and the notes from my visits with my kids, and change the plan if we need to.")
    head("Signatures")
    d.add_paragraph("Me: ______________________________     Date: 11/05/2026")
    d.add_paragraph("My counselor: Tamsin Reyes, CADC  ______________________     Date: 11/05/2026")
    tmp = tempfile.mkdtemp(prefix="heldout2_")
    src = os.path.join(tmp, "ho03_riverstone_myplan.docx")
    d.save(src)
    soffice_pdf(src, fn)
    shutil.rmtree(tmp, ignore_errors=True)

    st = []
    for _, goal, steps in goals:
        st.append(goal)
        st += [s for _, s in steps]
    add_label(fn, without("discharge_criteria"), st, [], [], [], ["CADC"],
              "LibreOffice PDF of a DOCX written entirely in the first person ('I will ...'), headings are coloured "
              "bold paragraphs ('About Me', 'My Story', 'When I Feel Like Using', 'My People', 'How We Will Check My "
              "Progress'); goals labelled 'Goal n:' with objectives labelled 'Step n:' (numbering restarts under "
              "each goal); coping and intervention paragraphs also contain 'I will ...' sentences that are not "
              "statements; plain language; no discharge section. Traps (not to be flagged): \"clean\" (apartment), "
              "\"Narcotics Anonymous\", \"Unit 2\".")


def ho04_noun_phrases():
    """Goals written as noun phrases; Word Heading 2 styles; DOCX."""
    fn = "ho04_harborpoint_nounphrase.docx"
    goals = [
        ("Goal 1", g("Abstinence from alcohol.", "goal", [M, T])),
        ("Objective 1.1", g("Attendance at three SMART Recovery meetings per week for twelve weeks.", "objective")),
        ("Objective 1.2", g("Negative breath alcohol results on 10 of 10 random weekly tests by 01/31/2027.",
                            "objective")),
        ("Goal 2", g("Improved mood.", "goal", [S, M, T])),
        ("Objective 2.1", g("Reduction in PHQ-9 score from 15 to 9 or lower by 02/28/2027.", "objective")),
        ("Objective 2.2", g("Better sleep.", "objective", [S, M, T])),
        ("Goal 3", g("Stable housing.", "goal", [S, M, T])),
        ("Objective 3.1", g("Submission of two housing authority applications with case manager support within 30 "
                            "days.", "objective")),
        ("Objective 3.2", g("Increased independence.", "objective", [S, M, T])),
    ]
    d = new_doc("Cambria", 11, 1.0)
    sec = d.sections[0]
    hp = sec.header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    hp.add_run("Harbor Point Counseling \u00b7 77 Wharf Lane, Harbor Point \u00b7 555-0128").italic = True
    d.add_heading("Individualized Treatment Plan", 1)
    d.add_heading("Identifying Data", 2)
    labelled(d, [("Client", "Colleen Albright"), ("DOB", "12/03/1969"), ("Record #", "HP-1147"),
                 ("Phone", "555-0129"), ("Address", "14 Gull Terrace, Harbor Point"),
                 ("Payer", "Bluewater Health Plan"), ("Plan date", "11/16/2026")])
    d.add_heading("Clinical Formulation", 2)
    d.add_paragraph(
        "Ms. Albright is a 56-year-old retired teacher referred by her primary care doctor after a fall at home. Pt "
        "reports ETOH use of 6\u20138 glasses of wine nightly for 3 years, increasing after her husband's death in "
        "2023. She was noncompliant with previous outpatient tx in 2022 and stopped after 3 sessions. She has a "
        "history of childhood abuse and says it does not trouble her day to day. She lost her lease in October and "
        "is staying with a friend.")
    d.add_paragraph("Dx: AUD, severe (F10.20); unspecified depressive disorder (F32.A).")
    d.add_heading("Treatment Goals and Objectives", 2)
    for lab, st in goals:
        p = d.add_paragraph()
        if lab.startswith("Goal"):
            p.paragraph_format.space_before = Pt(8)
        else:
            p.paragraph_format.left_indent = Inches(0.35)
        runs(p, [(lab + ": ", lab.startswith("Goal")), (st["text"], False)])
    d.add_heading("Treatment Modalities", 2)
    for s in ["Individual psychotherapy, weekly, 53 minutes, with Grace Lindqvist, LMHC.",
              "Medication evaluation for naltrexone with her primary care doctor, by 12/15/2026.",
              "Case management every two weeks to help with housing applications."]:
        d.add_paragraph(s, style="List Bullet")
    d.add_heading("Relapse Prevention", 2)
    d.add_paragraph(
        "High-risk times are evenings and the anniversary of her husband's death in March. Colleen will keep no "
        "alcohol where she is staying, plan something for each evening, and use the urge-surfing exercise when "
        "cravings come.")
    d.add_heading("Review Schedule", 2)
    d.add_paragraph("The plan is reviewed every 60 days. Progress is measured by breath tests, the PHQ-9 and "
                    "meeting attendance. Next review: 01/15/2027.")
    d.add_heading("Discharge Planning", 2)
    d.add_paragraph("Discharge when goals 1 and 2 have been met for 90 days, or on transfer to another provider.")
    d.add_heading("Signatures", 2)
    d.add_paragraph("Client: ___________________________   Date: ____________")
    d.add_paragraph("Clinician: Grace Lindqvist, LMHC ________________   Date: 11/16/2026")
    d.save(os.path.join(OUT, fn))
    add_label(fn, without("support_systems"), [x[1] for x in goals],
              ["Pt", "ETOH", "tx", "Dx", "AUD"], [], ["noncompliant"],
              ["DOB", "LMHC", "PHQ-9", "Relapse", "SMART Recovery"],
              "DOCX with Word Heading 2 styles ('Identifying Data', 'Clinical Formulation', 'Treatment Modalities', "
              "'Review Schedule', 'Discharge Planning'); goals and objectives written as noun phrases ('Abstinence "
              "from alcohol.', 'Improved mood.') with 'Goal n:' / 'Objective n.n:' labels and number words; no "
              "support-systems section. Traps (not to be flagged): \"Ms. Albright\", \"history of childhood abuse\", "
              "\"F10.20\".")


def ho05_questions():
    """Headings are questions; reportlab Helvetica; 'Goal A:' / 'Step A1:' labels."""
    fn = "ho05_wellspring_questions.pdf"
    goals = [
        ("Goal A", g("Jordan will cut back on drinking.", "goal", [M, T])),
        ("Step A1", g("Jordan will drink no more than 2 drinks on any day and no more than 8 drinks a week for the "
                      "next 10 weeks, logged in the Drink Tracker app.", "objective")),
        ("Step A2", g("Jordan will understand why he drinks.", "objective", [S, M, T])),
        ("Goal B", g("Jordan will stop using cannabis by 01/31/2027.", "goal", [M])),
        ("Step B1", g("Jordan will provide 6 negative urine drug tests for cannabis, one every two weeks, between "
                      "11/15/2026 and 02/15/2027.", "objective")),
        ("Goal C", g("Jordan will feel calmer.", "goal", [S, M, T])),
        ("Step C1", g("Jordan will practise a 10-minute breathing exercise every evening for 8 weeks and record it "
                      "on a tracking sheet.", "objective")),
        ("Step C2", g("Jordan will learn to relax.", "objective", [S, M, T])),
    ]
    path = os.path.join(OUT, fn)
    doc = SimpleDocTemplate(path, pagesize=letter, leftMargin=0.9 * inch, rightMargin=0.9 * inch,
                            topMargin=0.8 * inch, bottomMargin=0.8 * inch, title="Recovery Maintenance Plan")
    body = ParagraphStyle("b", fontName="Helvetica", fontSize=10.5, leading=14, spaceAfter=5)
    q = ParagraphStyle("q", fontName="Helvetica-Bold", fontSize=13, leading=16, spaceBefore=12, spaceAfter=5,
                       textColor=colors.HexColor("#1F4E79"))
    title = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=17, leading=21, alignment=TA_CENTER)
    sub = ParagraphStyle("s", fontName="Helvetica", fontSize=10, leading=13, alignment=TA_CENTER,
                         textColor=colors.HexColor("#555555"))
    ind = ParagraphStyle("i", parent=body, leftIndent=22)
    f = [P("Wellspring Community Recovery", sub), P("Recovery Maintenance Plan", title),
         P("Plan date: 11/10/2026", sub), Spacer(1, 10)]
    f += [P("Who am I?", q),
          P("Jordan Whitfield \u00b7 Date of birth 08/17/1997 \u00b7 Phone 555-0118 \u00b7 19 Alder Court, Westbrook",
            body),
          P("Emergency contact: Dana Whitfield (mother), 555-0119", body),
          P("What has happened so far?", q),
          P("Jordan is 29. He started drinking and using cannabis in college and has used both on most days for the "
            "past six years. He came to Wellspring in September 2026 after a panic attack at work and a warning from "
            "his manager about being late. He has not had treatment before. His anxiety score on the GAD-7 was 15 "
            "when he started.", body),
          P("What are my strengths?", q),
          P("Jordan is funny, loyal to his friends, and good with computers. He has kept the same job for four "
            "years. He wants to stay healthy for his younger brother.", body),
          P("What do I want to work on?", q)]
    for lab, st in goals:
        f.append(PB(lab + ":", st["text"], body if lab.startswith("Goal") else ind))
    f += [P("What help will I get?", q),
          P("Counseling with Priya Nandakumar, LPC, once a week for 45 minutes, for 12 weeks. A 6-week anxiety "
            "skills group on Monday evenings. A visit with the clinic nurse practitioner to talk about anxiety "
            "medicine.", body),
          P("What will I do when things get hard?", q),
          P("When I want to smoke after work, I will go for a run or call my brother. At parties, I will bring my own "
            "drinks and leave by 11 p.m. If I have a panic attack, I will use the breathing exercise and text the "
            "counseling office line.", body),
          P("Who is in my corner?", q),
          P("My mother, Dana; my brother, Eli; my friend Marcus from the climbing gym; and my uncle, who has been "
            "going to Alcoholics Anonymous for ten years and offered to take me to a meeting.", body),
          P("How will we know it is working?", q),
          P("Jordan and Priya will go over this plan every 30 days, using his Drink Tracker log, his urine test "
            "results and his GAD-7 score, and change it if something is not working.", body),
          P("When am I ready to move on?", q),
          P("Jordan can finish counseling when he has kept to his drinking limits for 10 weeks, has had no cannabis "
            "for 3 months, and his GAD-7 score is under 10. After that he can join a monthly check-in group.", body),
          P("Who agreed to this plan?", q),
          P("Jordan Whitfield ______________________________   Date: 11/10/2026", body),
          P("Priya Nandakumar, LPC ______________________________   Date: 11/10/2026", body)]
    doc.build(f)
    add_label(fn, list(ALL), [x[1] for x in goals], [], [], [], ["GAD-7", "LPC"],
              "reportlab PDF (Helvetica); every heading is a question ('Who am I?', 'What has happened so far?', "
              "'What are my strengths?', 'What help will I get?', 'Who is in my corner?', 'How will we know it is "
              "working?', 'When am I ready to move on?', 'Who agreed to this plan?'); goals 'Goal A:' with objectives "
              "'Step A1:'; a goal with a date but no measure; first-person coping sentences that are not "
              "statements; plain language. Traps (not to be flagged): \"Alcoholics Anonymous\".")


def ho06_adolescent():
    """Adolescent plan with youth and parent/guardian signatures; Word Heading 1 styles."""
    fn = "ho06_brightpath_adolescent.docx"
    goals = [
        ("Goal 1", g("Mateo will stop vaping nicotine and cannabis.", "goal", [M, T])),
        ("Objective 1.1", g("Mateo will have 8 weekly urine drug screens in a row that are negative for cannabis by "
                            "01/22/2027.", "objective")),
        ("Objective 1.2", g("Mateo will hang out with better friends.", "objective", [S, M, T])),
        ("Goal 2", g("Mateo will do better in school.", "goal", [S, M, T])),
        ("Objective 2.1", g("Mateo will attend school on at least 90% of school days each month from December 2026 "
                            "through March 2027, as shown on his attendance report.", "objective")),
        ("Objective 2.2", g("Mateo will turn in at least 4 of 5 homework assignments each week.", "objective", [T])),
        ("Goal 3", g("Mateo and his mother will get along better.", "goal", [S, M, T])),
        ("Objective 3.1", g("Mateo and his mother will attend 6 family therapy sessions by 02/26/2027.", "objective")),
    ]
    d = new_doc("Calibri", 11, 1.0)
    sec = d.sections[0]
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run("Brightpath Youth & Family Services \u00b7 Confidential \u00b7 ")
    page_x_of_y(fp)
    t = d.add_paragraph()
    t.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = t.add_run("BRIGHTPATH YOUTH & FAMILY SERVICES\nAdolescent Outpatient Treatment Plan")
    r.bold = True
    r.font.size = Pt(14)
    d.add_heading("Youth Information", 1)
    info = [("Youth name", "Mateo Rinaldi"), ("Age / DOB", "16 / 04/11/2010"),
            ("School / grade", "Crestview High School, grade 11"),
            ("Parent/guardian", "Angela Rinaldi (mother), 555-0134"), ("Youth phone", "555-0135"),
            ("Address", "63 Sparrow Hill Road, Crestview"), ("Referral source", "School counselor"),
            ("Plan date", "11/19/2026")]
    tb = table_grid(d, len(info), 2, [1.8, 4.6])
    for i, (k, v) in enumerate(info):
        set_text(tb.rows[i].cells[0], k, bold=True)
        set_text(tb.rows[i].cells[1], v)
    d.add_heading("Assessment Summary", 1)
    d.add_paragraph(
        "Mateo started vaping nicotine at 13 and cannabis at 14. He now vapes cannabis most days, usually before and "
        "after school. He was suspended for 3 days in October 2026 for having a vape pen at school. He failed two "
        "classes last semester and his attendance has dropped to about 70%. He and his mother argue often about "
        "grades and curfew. This is his first treatment. CRAFFT score at intake: 5. Screening showed mild anxiety "
        "and low mood.")
    d.add_paragraph("Diagnosis: Cannabis use disorder, moderate (F12.20); nicotine dependence (F17.290).")
    d.add_heading("Goals and Objectives", 1)
    for lab, st in goals:
        p = d.add_paragraph()
        if lab.startswith("Goal"):
            p.paragraph_format.space_before = Pt(8)
            runs(p, [(lab + ": ", True), (st["text"], True)])
        else:
            p.paragraph_format.left_indent = Inches(0.4)
            runs(p, [(lab + ": ", False), (st["text"], False)])
    d.add_heading("Services", 1)
    for s in ["Individual sessions using MI, weekly for 12 weeks, with Nora Castellanos, LMFT.",
              "Family therapy with Mateo and his mother every two weeks.",
              "Adolescent group with psychoeducation on cannabis and the teen brain, Wednesdays after school."]:
        d.add_paragraph(s, style="List Bullet")
    d.add_heading("Coping Plan", 1)
    d.add_paragraph(
        "Mateo named boredom after school and being around friends who vape as his main triggers. He will go to "
        "basketball practice, keep his phone on the focus setting during homework, and text his cousin Luca when he "
        "gets the urge to vape.")
    d.add_heading("Family and School Supports", 1)
    d.add_paragraph(
        "Mother, Angela; cousin Luca (age 20); school counselor Mr. Dorsey, who checks Mateo's attendance each week; "
        "his basketball coach.")
    d.add_heading("Progress Review", 1)
    d.add_paragraph(
        "The plan is reviewed every 30 days with Mateo and his mother. Progress is measured by urine screens, school "
        "attendance reports, and homework logs signed by his teachers.")
    d.add_heading("Transition Criteria", 1)
    d.add_paragraph(
        "Mateo can step down to monthly check-ins when he has 8 weeks of negative screens, attends school at least "
        "90% of days, and the family has completed 6 family sessions.")
    d.add_heading("Signatures", 1)
    sig = [("Youth", "Mateo Rinaldi", "", "11/19/2026"),
           ("Parent/Guardian", "Angela Rinaldi", "", "11/19/2026"),
           ("Clinician", "Nora Castellanos, LMFT", "", "11/19/2026"),
           ("Clinical supervisor", "Ruth Adebayo, LCSW", "", "11/20/2026")]
    tb = table_grid(d, len(sig) + 1, 4, [1.5, 2.0, 1.9, 1.0])
    for j, h in enumerate(["Role", "Name", "Signature", "Date"]):
        set_text(tb.rows[0].cells[j], h, bold=True)
    for i, r in enumerate(sig, start=1):
        for j, v in enumerate(r):
            set_text(tb.rows[i].cells[j], v)
    d.save(os.path.join(OUT, fn))
    add_label(fn, list(ALL), [x[1] for x in goals], ["MI", "psychoeducation"], [], [],
              ["DOB", "LMFT", "LCSW", "CRAFFT", "triggers"],
              "DOCX with Word Heading 1 styles; adolescent plan with youth and parent/guardian signature rows in a "
              "table; youth information in a 2-column label table; goals bold, objectives indented, labelled "
              "'Goal n:' / 'Objective n.n:'; an objective with a weekly frequency but no time frame. Traps (not to be "
              "flagged): \"failed two classes\", \"F12.20\", \"Mr. Dorsey\".")


def ho07_roman():
    """Roman-numeral sections; reportlab Times; problem blocks with 'Objective A:' labels; no review section."""
    fn = "ho07_cobblestone_roman.pdf"
    blocks = [
        ("Problem 1: Alcohol use disorder, severe, in early remission.",
         ("Goal 1", g("Harold will remain alcohol-free.", "goal", [M, T])),
         [("Objective A", g("Harold will attend 3 Alcoholics Anonymous meetings per week and call his sponsor daily "
                            "for the next 90 days.", "objective")),
          ("Objective B", g("Harold will take acamprosate 666 mg three times daily as prescribed.", "objective",
                            [T]))]),
        ("Problem 2: Early liver disease (elevated liver enzymes, 08/2026).",
         ("Goal 2", g("Harold will protect his liver health.", "goal", [S, M, T])),
         [("Objective A", g("Harold will attend his hepatology appointment and have liver function tests drawn by "
                            "12/18/2026.", "objective")),
          ("Objective B", g("Harold will eat healthier.", "objective", [S, M, T]))]),
        ("Problem 3: Grief and isolation since the death of his wife.",
         ("Goal 3", g("Harold will cope with the loss of his wife.", "goal", [S, M, T])),
         [("Objective A", g("Harold will attend 8 sessions of the Tuesday bereavement group at St. Brendan's Parish "
                            "Hall by 02/09/2027.", "objective"))]),
    ]
    path = os.path.join(OUT, fn)
    doc = SimpleDocTemplate(path, pagesize=letter, leftMargin=1 * inch, rightMargin=1 * inch,
                            topMargin=0.9 * inch, bottomMargin=0.9 * inch)
    body = ParagraphStyle("b", fontName="Times-Roman", fontSize=11.5, leading=15, spaceAfter=5)
    h = ParagraphStyle("h", fontName="Times-Bold", fontSize=12.5, leading=16, spaceBefore=12, spaceAfter=6)
    title = ParagraphStyle("t", fontName="Times-Bold", fontSize=16, leading=20, alignment=TA_CENTER)
    sub = ParagraphStyle("s", fontName="Times-Italic", fontSize=11, leading=14, alignment=TA_CENTER)
    ind = ParagraphStyle("i", parent=body, leftIndent=24)
    prob = ParagraphStyle("p", parent=body, fontName="Times-Italic", spaceBefore=6)
    f = [P("COBBLESTONE BEHAVIORAL HEALTH", title), P("Continuing Care Plan \u2013 Outpatient", sub),
         HRFlowable(width="100%", thickness=1, spaceBefore=6, spaceAfter=6)]
    f += [P("I. IDENTIFYING INFORMATION", h),
          P("Name: Harold Brenneman  \u00b7  DOB: 01/25/1968  \u00b7  Chart No.: CB-30917", body),
          P("Phone: 555-0186  \u00b7  Address: 310 Millrace Road, Cobblestone", body),
          P("Emergency contact: Joan Brenneman (sister), 555-0187", body),
          P("Primary clinician: Victor Salas, LCSW  \u00b7  Plan date: 11/03/2026", body),
          P("II. CLINICAL ASSESSMENT", h),
          P("Harold is a 58-year-old widower and retired machinist with a long hx of daily ETOH use (about a fifth of "
            "vodka a day before treatment). He completed residential treatment at Cobblestone in September 2026 "
            "after a fall and a 4-day hospital stay. LFTs were elevated in August 2026 and he has early liver "
            "disease. He went through a substance abuse program in 2015 and stayed sober for 2 years. His wife died "
            "in 2024. He takes lorazepam .5 mg at bedtime, prescribed by his primary care doctor; a taper is "
            "planned.", body),
          P("Diagnoses: F10.20 Alcohol use disorder, severe; F43.21 Adjustment disorder with depressed mood.", body),
          P("III. PROBLEMS, GOALS AND OBJECTIVES", h)]
    for ptxt, (glab, goal), objs in blocks:
        f.append(P(ptxt, prob))
        f.append(PB(glab + ":", goal["text"], body))
        for olab, ob in objs:
            f.append(PB(olab + ":", ob["text"], ind))
    f += [P("IV. INTERVENTIONS", h),
          P("Individual counseling weekly for 12 weeks, then every two weeks (Victor Salas, LCSW). Continuing care "
            "group on Monday and Thursday evenings. Medication management every 4 weeks with Dr. Ellen Kwan, MD "
            "(acamprosate; lorazepam taper).", body),
          P("V. RELAPSE PREVENTION", h),
          P("Triggers: evenings alone, the anniversary of his wife's death (May 2), and watching football at the "
            "tavern. Plan: go to the evening meeting, call his sponsor, keep no alcohol at home, and watch games at "
            "his sister's house.", body),
          P("VI. SUPPORT NETWORK", h),
          P("Sister Joan; AA sponsor, Phil; the St. Brendan's bereavement group; neighbor Carl, who drives him to "
            "appointments.", body),
          P("VII. DISCHARGE CRITERIA", h),
          P("Harold will be discharged from continuing care when he has 6 months of continuous sobriety, normal or "
            "improving liver tests, and an active sponsor relationship.", body),
          P("VIII. SIGNATURES", h),
          P("Client: ________________________________   Date: __________", body),
          P("Clinician: Victor Salas, LCSW ____________________   Date: 11/03/2026", body),
          P("Physician: Ellen Kwan, MD ______________________   Date: 11/05/2026", body)]
    doc.build(f)
    st = []
    for _, (gl, goal), objs in blocks:
        st.append(goal)
        st += [o for _, o in objs]
    add_label(fn, without("monitoring_review"), st, ["hx", "ETOH", "LFTs"], [".5 mg"], ["substance abuse"],
              ["DOB", "LCSW", "MD", "AA", "Triggers", "remission", "Relapse"],
              "reportlab PDF (Times); Roman-numeral ALL-CAPS headings 'I. IDENTIFYING INFORMATION' ... 'VIII. "
              "SIGNATURES'; italic 'Problem n:' lines (not statements), 'Goal n:' and indented 'Objective A:' / "
              "'Objective B:' labels; no monitoring / review section; missing leading zero '.5 mg' in the history. "
              "Traps (not to be flagged): \"F10.20\", \"F43.21\", \"Alcoholics Anonymous\", \"666 mg\".")


def ho08_landscape():
    """Landscape DOCX -> LibreOffice PDF; 7-column goals table, objectives in one cell split by line breaks."""
    fn = "ho08_meridian_landscape.pdf"
    rows = [
        ("Opioid use disorder (on medication, 14 months)",
         g("Lorraine will maintain her recovery from opioids.", "goal", [S, M, T]),
         [g("Lorraine will take buprenorphine/naloxone 8 mg/2 mg films twice daily and have no missed doses at "
            "monthly film counts for 6 months.", "objective"),
          g("Lorraine will have 12 of 12 monthly urine drug screens negative for non-prescribed opioids through "
            "10/31/2027.", "objective")],
         "Monthly prescriber visits; random observed urine screens; individual counseling every 2 weeks",
         "Dr. Ian Forsythe, MD; Simone Achebe, LADC", "10/31/2027", "Ongoing"),
        ("Chronic low back pain",
         g("Lorraine will manage her pain.", "goal", [S, M, T]),
         [g("Lorraine will complete 8 sessions of physical therapy by 01/29/2027.", "objective"),
          g("Lorraine will explore other ways to handle pain.", "objective", [S, M, T])],
         "Referral to physical therapy; pain psychology group, 6 sessions", "Simone Achebe, LADC; Meridian pain "
         "clinic", "01/29/2027", "New"),
        ("Loneliness since her daughter moved away",
         g("Lorraine will reconnect with people who support her recovery.", "goal", [S, M, T]),
         [g("Lorraine will attend the Thursday Narcotics Anonymous meeting every week and get the phone numbers of "
            "at least 2 members by 12/31/2026.", "objective"),
          g("Lorraine will be more social.", "objective", [S, M, T])],
         "Peer recovery coach, weekly meetings; list of local NA meetings", "Tomas Reyes, peer recovery coach",
         "12/31/2026", "New"),
    ]
    d = new_doc("Arial", 9.5, 0.6)
    sec = d.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Inches(11), Inches(8.5)
    sec.left_margin = sec.right_margin = Inches(0.5)
    hp = sec.header.paragraphs[0]
    runs(hp, [("Meridian Recovery Services", True), ("   Outpatient Treatment Plan Review (Quarter 2)", False)])
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    page_x_of_y(fp)
    info = [("Client", "Lorraine Petrakis"), ("ID", "MRS-7720"), ("DOB", "09/02/1975"), ("Phone", "555-0193"),
            ("Program", "Outpatient MOUD"), ("Clinician", "Simone Achebe, LADC")]
    tb = table_grid(d, 2, 6, [1.6] * 6)
    for j, (k, v) in enumerate(info):
        set_text(tb.rows[0].cells[j], k, bold=True, size=8.5)
        shade(tb.rows[0].cells[j], "E7E6E6")
        set_text(tb.rows[1].cells[j], v)
    p = d.add_paragraph()
    runs(p, [("Address: ", True), ("88 Fenner Street, Apt 5C, Meridian     ", False), ("Review date: ", True),
             ("11/21/2026", False)])
    bold_para(d, "Clinical Summary", size=11)
    d.add_paragraph(
        "Lorraine is 51 and has been in treatment here since 04/2025. She used prescription opioids, then heroin, "
        "for about 8 years. She has been clean for 14 months on buprenorphine/naloxone and works part-time at a "
        "garden center. Chronic low back pain since a 2016 car accident limits her hours. Lives alone w/ her cat "
        "since her daughter moved away in 2025 and says she is lonely. Physical therapy referral made 10/2026; f/u "
        "with the spine clinic is pending.")
    bold_para(d, "Goals, Objectives and Interventions", size=11)
    hdrs = ["Need", "Long-Term Goal", "Short-Term Objectives", "Interventions", "Responsible", "Target Date", "Status"]
    widths = [1.2, 1.6, 2.9, 1.7, 1.3, 0.7, 0.6]
    tb = table_grid(d, len(rows) + 1, 7, widths)
    for j, h in enumerate(hdrs):
        set_text(tb.rows[0].cells[j], h, bold=True)
        shade(tb.rows[0].cells[j], "D9E2F3")
    repeat_header(tb.rows[0])
    for i, (need, goal, objs, intv, resp, date, status) in enumerate(rows, start=1):
        c = tb.rows[i].cells
        set_text(c[0], need)
        set_text(c[1], goal["text"])
        c[2].text = ""
        par = c[2].paragraphs[0]
        for k, ob in enumerate(objs):
            r = par.add_run(ob["text"])
            if k < len(objs) - 1:
                r.add_break()
                par.add_run().add_break()
        set_text(c[3], intv)
        set_text(c[4], resp)
        set_text(c[5], date)
        set_text(c[6], status)
    bold_para(d, "Relapse Prevention", size=11)
    d.add_paragraph(
        "Warning signs for Lorraine are skipping meals, staying home for days, and pain flare-ups. When pain is bad "
        "she will use heat, her stretching routine, and call her counselor before changing any medicine. She keeps "
        "naloxone at home and has told her daughter where it is.")
    bold_para(d, "Recovery Supports", size=11)
    d.add_paragraph(
        "Daughter Kelly (calls on Sundays); neighbor Ruth; the Thursday Narcotics Anonymous meeting at Grace Church; "
        "her supervisor at the garden center, who knows she is in treatment.")
    bold_para(d, "Review Schedule", size=11)
    d.add_paragraph("This plan is reviewed with Lorraine every 90 days; next review 02/15/2027.")
    bold_para(d, "Signatures", size=11)
    tb = table_grid(d, 2, 3, [3.3, 3.3, 3.3])
    for j, v in enumerate(["Client: Lorraine Petrakis", "Clinician: Simone Achebe, LADC", "Prescriber: Ian "
                                                                                          "Forsythe, MD"]):
        set_text(tb.rows[0].cells[j], v, bold=True)
        set_text(tb.rows[1].cells[j], "Signature: ________________   Date: 11/21/2026")
    tmp = tempfile.mkdtemp(prefix="heldout2_")
    src = os.path.join(tmp, "ho08_meridian_landscape.docx")
    d.save(src)
    soffice_pdf(src, fn)
    shutil.rmtree(tmp, ignore_errors=True)
    st = []
    for r in rows:
        st.append(r[1])
        st += r[2]
    add_label(fn, without("discharge_criteria"), st, ["MOUD", "w/", "f/u"], [], ["clean"],
              ["ID", "DOB", "LADC", "MD", "NA", "Relapse"],
              "LibreOffice PDF of a landscape DOCX; client details in a 6-column header table; a wide 7-column "
              "Need|Long-Term Goal|Short-Term Objectives|Interventions|Responsible|Target Date|Status table whose "
              "objectives share one cell, separated by line breaks with no numbers or labels; no discharge section. "
              "Traps (not to be flagged): \"Narcotics Anonymous\", \"8 mg/2 mg\".")


def ho09_pgomt():
    """Problem | Goal | Objective | Method | Timeframe table, merged Problem/Goal cells; DOCX."""
    fn = "ho09_northfield_pgomt.docx"
    blocks = [
        ("Cocaine use disorder, moderate (F14.20), early remission",
         g("Darnell will be drug free.", "goal", [M, T]),
         [(g("Darnell will submit to random urine drug screens 2 times per week and have 0 positive results for "
             "cocaine for 12 consecutive weeks.", "objective"),
           "Random observed UDS twice weekly; results sent to drug court. Individual counseling weekly with primary "
           "counselor.", "12 weeks"),
          (g("Darnell will write down 5 people, places or things that trigger his cocaine use, and one coping "
             "response for each, by 12/04/2026.", "objective"),
           "Relapse prevention worksheet completed in individual session.", "By 12/04/2026")]),
        ("Drug court requirements",
         g("Darnell will take responsibility for his legal situation.", "goal", [S, M, T]),
         [(g("Darnell will attend every scheduled drug court status hearing, 1 every 2 weeks, through graduation on "
             "06/30/2027.", "objective"),
           "Case manager tracks hearing dates; counselor sends a progress report before each hearing.",
           "Through 06/30/2027"),
          (g("Darnell will do better with his probation officer.", "objective", [S, M, T]),
           "Weekly check-in with case manager.", "90 days")]),
        ("Parenting and family",
         g("Darnell will be a better father to his daughter.", "goal", [S, M, T]),
         [(g("Darnell will attend 10 sessions of the Fathers in Recovery class by 02/19/2027.", "objective"),
           "Referral to the Fathers in Recovery class at Northfield Community Center (Tuesdays, 6\u20138 p.m.).",
           "By 02/19/2027")]),
    ]
    d = new_doc("Times New Roman", 11, 0.8)
    t = d.add_paragraph()
    t.alignment = WD_ALIGN_PARAGRAPH.CENTER
    runs(t, [("NORTHFIELD FAMILY RECOVERY CENTER\n", True), ("Master Treatment Plan", False)])
    info = [("Client", "Darnell Okoye", "Client ID", "NF-60214"), ("DOB", "03/27/1989", "Phone", "555-0177"),
            ("Address", "450 Kenmore Avenue, Northfield", "Referral", "Northfield County drug court"),
            ("Primary counselor", "Tyrell Banks, CADC", "Plan date", "11/06/2026")]
    tb = table_grid(d, len(info), 4, [1.4, 2.2, 1.2, 2.2])
    for i, r in enumerate(info):
        for j, v in enumerate(r):
            set_text(tb.rows[i].cells[j], v, bold=(j % 2 == 0))
    bold_para(d, "Assessment / Diagnostic Impression", caps=True)
    d.add_paragraph(
        "Darnell is a 37-year-old father of one daughter (age 9). He is a long-term cocaine abuser, with heavy "
        "drinking on some weekends. He was arrested in 05/2026 for possession and entered the Northfield County drug "
        "court in 07/2026. He completed IOP here in 2023 and stayed abstinent for 8 months. r/o alcohol use "
        "disorder, mild. Works full time at a tire shop. Strengths: steady work history, close to his brother, wants "
        "more time with his daughter.")
    bold_para(d, "Problems, Goals, Objectives and Methods", caps=True)
    n = 1 + sum(len(b[2]) for b in blocks)
    tb = table_grid(d, n, 5, [1.2, 1.4, 2.2, 1.6, 0.9])
    for j, h in enumerate(["Problem", "Goal", "Objective", "Method", "Timeframe"]):
        set_text(tb.rows[0].cells[j], h, bold=True)
        shade(tb.rows[0].cells[j], "D9D9D9")
    ri = 1
    for prob, goal, objs in blocks:
        top = ri
        for ob, meth, tf in objs:
            set_text(tb.rows[ri].cells[2], ob["text"])
            set_text(tb.rows[ri].cells[3], meth)
            set_text(tb.rows[ri].cells[4], tf)
            ri += 1
        pc, gc = tb.rows[top].cells[0], tb.rows[top].cells[1]
        if len(objs) > 1:
            pc = pc.merge(tb.rows[ri - 1].cells[0])
            gc = gc.merge(tb.rows[ri - 1].cells[1])
        set_text(pc, prob)
        set_text(gc, goal["text"])
    bold_para(d, "Coping and Relapse Prevention", caps=True)
    d.add_paragraph(
        "High-risk situations: payday Fridays, running into old friends from his block, and arguments with his "
        "daughter's mother. Plans: direct deposit with a $40 weekly cash limit, a new route home from work, and a "
        "call to his brother or sponsor before seeing old friends.")
    bold_para(d, "Support System", caps=True)
    d.add_paragraph("Brother Andre; Cocaine Anonymous sponsor, Ray; his pastor at Greater Hope Church; the "
                    "Northfield Fathers' Network.")
    bold_para(d, "Plan Review", caps=True)
    d.add_paragraph("The plan is reviewed every 30 days during drug court phase 1 and every 60 days after that, and "
                    "whenever a screen is positive.")
    bold_para(d, "Discharge / Transition Criteria", caps=True)
    d.add_paragraph("Transfer to the aftercare group when Darnell graduates from drug court and has 6 months of "
                    "negative screens.")
    bold_para(d, "Signatures", caps=True)
    tb = table_grid(d, 3, 3, [2.6, 2.6, 1.6])
    for i, r in enumerate([("Client: Darnell Okoye", "_______________________", "11/06/2026"),
                           ("Counselor: Tyrell Banks, CADC", "_______________________", "11/06/2026"),
                           ("Clinical director: Irene Sato, LCSW", "_______________________", "11/09/2026")]):
        for j, v in enumerate(r):
            set_text(tb.rows[i].cells[j], v)
    d.save(os.path.join(OUT, fn))
    st = []
    for _, goal, objs in blocks:
        st.append(goal)
        st += [o[0] for o in objs]
    add_label(fn, list(ALL), st, ["IOP", "r/o", "UDS"], [], ["abuser"],
              ["DOB", "ID", "CADC", "LCSW", "Relapse", "trigger"],
              "DOCX (Times New Roman); ALL-CAPS bold paragraph headings; client details in a 4-column label table; "
              "goals in a Problem|Goal|Objective|Method|Timeframe table with vertically merged Problem and Goal cells "
              "and no 'Goal'/'Objective' labels in the cells; interventions exist only as the Method column (no "
              "separate heading); vague statements sit next to Timeframe cells (not credited to them, and every such "
              "statement also lacks specificity or a measure). Traps (not to be flagged): \"F14.20\".")


def ho10_dmy_words():
    """Day-month-year dates and numbers as words; reportlab DejaVu Sans; British spelling."""
    fn = "ho10_kestrel_dmy.pdf"
    goals = [
        ("Goal 1", g("Siobhan will reduce her drinking.", "goal", [M, T])),
        ("Objective 1.1", g("Siobhan will drink on no more than two days a week, and no more than four units on any "
                            "day, for the next twelve weeks.", "objective")),
        ("Objective 1.2", g("Siobhan will complete a six-session alcohol awareness course by 28/02/2027.",
                            "objective")),
        ("Goal 2", g("Siobhan will look after her physical health.", "goal", [S, M, T])),
        ("Objective 2.1", g("Siobhan will attend her GP surgery for liver blood tests by 15 January 2027.",
                            "objective")),
        ("Objective 2.2", g("Siobhan will eat three meals a day.", "objective", [T])),
        ("Goal 3", g("Siobhan will feel more confident.", "goal", [S, M, T])),
        ("Objective 3.1", g("Siobhan will attend the women's walking group twice a week for eight weeks from "
                            "01/12/2026.", "objective")),
    ]
    path = os.path.join(OUT, fn)
    doc = SimpleDocTemplate(path, pagesize=(595.27, 841.89), leftMargin=60, rightMargin=60, topMargin=56,
                            bottomMargin=56)
    body = ParagraphStyle("b", fontName="DejaVuSans", fontSize=9.5, leading=13.5, spaceAfter=5)
    h = ParagraphStyle("h", fontName="DejaVuSans-Bold", fontSize=11, leading=14, spaceBefore=11, spaceAfter=4,
                       textColor=colors.HexColor("#00594F"))
    title = ParagraphStyle("t", fontName="DejaVuSans-Bold", fontSize=15, leading=19)
    sub = ParagraphStyle("s", fontName="DejaVuSans", fontSize=9.5, leading=13, textColor=colors.HexColor("#444444"))
    ind = ParagraphStyle("i", parent=body, leftIndent=20)
    f = [P("Kestrel Lane Community Alcohol & Drug Service", sub), P("Recovery Care Plan", title),
         P("Date of plan: 14/11/2026  \u00b7  Key worker: Fiona Gallagher", sub),
         HRFlowable(width="100%", thickness=0.8, color=colors.HexColor("#00594F"), spaceBefore=6, spaceAfter=4)]
    f += [P("Personal details", h)]
    rows = [("Name", "Siobhan Farrell"), ("Date of birth", "23/06/1991"), ("Client number", "KL-4471"),
            ("Telephone", "555-0124"), ("Address", "Flat 3, 18 Mallard Row, Kestrel Lane"),
            ("Next of kin", "Declan Farrell (brother), 555-0125"), ("GP", "Dr R. Haldane, Mill Street Surgery")]
    tb = Table([[P(k, ParagraphStyle("k", parent=body, fontName="DejaVuSans-Bold")), P(v, body)] for k, v in rows],
               colWidths=[110, 365])
    tb.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                            ("TOPPADDING", (0, 0), (-1, -1), 1)]))
    f += [tb,
          P("Background and assessment", h),
          P("Siobhan is thirty-five and works as a hotel receptionist. She has been drinking about a bottle of wine "
            "most evenings for four years, and more at weekends. She scored 24 on the AUDIT at her assessment on "
            "03/11/2026. She had one earlier episode of support with this service in 2021 and did well for about "
            "eight months. She DNA'd two appointments in October because of shift changes. Her liver blood tests in "
            "September were mildly raised. She lives alone and has no children.", body),
          P("Strengths: she is organised, she is close to her brother, and she wants to keep her job.", body),
          P("Care plan goals", h)]
    for lab, st in goals:
        f.append(PB(lab + " \u2013", st["text"], body if lab.startswith("Goal") else ind))
    f += [P("Planned support", h),
          P("Fortnightly one-to-one sessions with Fiona Gallagher for twelve weeks. The alcohol awareness course, six "
            "sessions on Wednesday evenings. A referral to the women's walking group. Her GP will repeat her liver "
            "blood tests.", body),
          P("Relapse prevention", h),
          P("Siobhan's risky times are the end of a late shift and Sunday afternoons. She will not buy wine on the "
            "way home, will keep alcohol-free drinks in the fridge, and will ring her brother or the service's "
            "evening line (555-0126).", body),
          P("Support network", h),
          P("Her brother Declan; her friend Aoife from work; the women's walking group; an online SMART Recovery "
            "meeting on Thursdays.", body),
          P("Review arrangements", h),
          P("We will review this plan together every six weeks. The first review is on 26/12/2026.", body),
          P("Discharge planning", h),
          P("Siobhan will be offered discharge, with a follow-up phone call three months later, when she has kept "
            "to her drinking limits for twelve weeks and finished the course.", body),
          P("Agreement", h),
          P("I have helped to write this plan and agree with it.", body),
          P("Client signature: ____________________________   Date: 14/11/2026", body),
          P("Key worker signature: ________________________   Date: 14/11/2026", body)]
    doc.build(f)
    add_label(fn, list(ALL), [x[1] for x in goals], ["DNA'd"], [], [],
              ["GP", "AUDIT", "Relapse", "SMART Recovery"],
              "reportlab PDF (DejaVu Sans, A4); British style: day-month-year dates (14/11/2026, 28/02/2027, "
              "01/12/2026 = 1 December) and '15 January 2027', numbers written as words ('two days a week', 'twelve "
              "weeks', 'six-session'); sentence-case headings ('Personal details', 'Planned support', 'Review "
              "arrangements', 'Agreement'); labels 'Goal n \u2013' / 'Objective n.n \u2013' with a dash; UK "
              "shorthand \"DNA'd\". Traps (not to be flagged): \"four units\" (alcohol units, not an insulin U).")


def ho11_short():
    """Very short one-page plan: client line, two goals, signatures only."""
    fn = "ho11_sandpiper_brief.docx"
    goals = [
        ("1.", g("Stop drinking.", "goal", [M, T])),
        ("\u2013", g("Go to 3 Alcoholics Anonymous meetings a week for 8 weeks.", "objective")),
        ("2.", g("Get more sleep.", "goal", [M, T])),
        ("\u2013", g("Be in bed by 11 pm at least 5 nights a week.", "objective", [T])),
    ]
    d = new_doc("Calibri", 11, 1.0)
    p = d.add_paragraph()
    runs(p, [("Sandpiper Walk-In Clinic", True), ("  \u2013  Brief Recovery Plan", False)])
    p = d.add_paragraph()
    runs(p, [("Name: ", True), ("Travis Kellerman    ", False), ("DOB: ", True), ("10/02/1984    ", False),
             ("Phone: ", True), ("555-0148    ", False), ("Date: ", True), ("11/20/2026", False)])
    p = d.add_paragraph()
    p.add_run("Goals:").bold = True
    for lab, st in goals:
        p = d.add_paragraph()
        if lab == "\u2013":
            p.paragraph_format.left_indent = Inches(0.6)
        else:
            p.paragraph_format.left_indent = Inches(0.25)
        p.add_run(lab + " " + st["text"])
    d.add_paragraph()
    d.add_paragraph("Client signature: _________________________")
    d.add_paragraph("Clinician: Gail Summers, NP  _________________________")
    d.save(os.path.join(OUT, fn))
    add_label(fn, ["client_information", "goals", "signatures"], [x[1] for x in goals], [], [], [],
              ["DOB", "NP"],
              "DOCX, a few lines on one page: a client line, 'Goals:' with two imperative goals numbered '1.' / '2.' "
              "and one dash-bulleted imperative objective under each, and two signature lines; no assessment, "
              "interventions, coping, supports, review or discharge content. 'by 11 pm' is a clock time, not a "
              "deadline. Traps (not to be flagged): \"Alcoholics Anonymous\".")


def ho12_narrative():
    """Narrative-only plan: paragraphs, no headings, no tables; inline goal/objective labels."""
    fn = "ho12_summitridge_narrative.pdf"
    g1 = g("Elena will return to full-time work as a dental assistant.", "goal", [M, T])
    o1a = g("Elena will renew her dental assistant certification by 03/31/2027.", "objective")
    o1b = g("Elena will apply for jobs.", "objective", [M, T])
    g2 = g("Elena will continue her recovery from opioids.", "goal", [S, M, T])
    o2a = g("Elena will take buprenorphine every day and attend all 12 weekly medication groups through 02/05/2027.",
            "objective")
    o2b = g("Elena will provide urine drug screens negative for fentanyl at every monthly visit for the next 6 "
            "months.", "objective")
    g3 = g("Elena will repair her relationship with her brother.", "goal", [S, M, T])
    o3a = g("Elena will write a letter to her brother and review it with her counselor within 4 weeks.", "objective")
    path = os.path.join(OUT, fn)
    doc = SimpleDocTemplate(path, pagesize=letter, leftMargin=1.1 * inch, rightMargin=1.1 * inch,
                            topMargin=1 * inch, bottomMargin=1 * inch)
    body = ParagraphStyle("b", fontName="LibSerif", fontSize=12, leading=17, spaceAfter=9, firstLineIndent=18)
    title = ParagraphStyle("t", fontName="LibSerif-Bold", fontSize=14, leading=18, alignment=TA_CENTER, spaceAfter=2)
    sub = ParagraphStyle("s", fontName="LibSerif-Italic", fontSize=11, leading=14, alignment=TA_CENTER,
                         spaceAfter=14)
    f = [P("Summit Ridge Counseling", title), P("Treatment Plan \u2013 Narrative", sub),
         P("This treatment plan was written on 11/09/2026 for Elena Marchetti (date of birth 03/14/1988; client "
           "number SR-2290; phone 555-0163; 58 Birch Hollow Lane, Summit Ridge). Her emergency contact is her "
           "husband, Paolo Marchetti, at 555-0164.", body),
         P("Ms. Marchetti is a 38 y/o woman with a hx of OUD that began with pain pills after surgery in 2015. She "
           "has taken buprenorphine 16 mg SL daily since January 2025 and has been clean since March 2025. She "
           "worked as a dental assistant until 2023, when she lost her job, and her certification lapsed while she "
           "was using. Her brother, Marco, stopped speaking to her in 2022 after she took money from him. She "
           "denies SI/HI. Diagnosis: F11.20, opioid use disorder, severe.", body),
         P("Elena and her counselor agreed on three goals. Goal 1: %s To get there she has agreed to two objectives. "
           "Objective 1a: %s Objective 1b: %s" % (g1["text"], o1a["text"], o1b["text"]), body),
         P("Goal 2: %s Objective 2a: %s Objective 2b: %s" % (g2["text"], o2a["text"], o2b["text"]), body),
         P("Goal 3: %s Objective 3a: %s" % (g3["text"], o3a["text"]), body),
         P("Elena will meet with her counselor, Jasmine Oduya, LPC-A, every week for 50-minute sessions of CBT, and "
           "with Dr. Samuel Brandt, MD, once a month for her buprenorphine prescription. She will also join the "
           "clinic's weekly medication group on Tuesday evenings, and her counselor will help her look for job "
           "openings and prepare for interviews.", body),
         P("Elena's husband, Paolo, comes with her to her monthly medical visits. She has a close friend from "
           "church, and she goes to a Narcotics Anonymous women's meeting on Sundays.", body),
         P("Her counselor will go over progress with Elena at every session, and this plan will be formally reviewed "
           "and updated every 60 days, next on 01/08/2027. Progress will be judged by her urine screen results, her "
           "medication group attendance, and proof of her certification renewal.", body),
         P("Signed by Elena Marchetti on 11/09/2026 and by Jasmine Oduya, LPC-A, on 11/09/2026. Reviewed and "
           "co-signed by Samuel Brandt, MD, on 11/10/2026.", body)]
    doc.build(f)
    add_label(fn, without("coping_strategies", "discharge_criteria"), [g1, o1a, o1b, g2, o2a, o2b, g3, o3a],
              ["y/o", "hx", "OUD", "SL", "SI/HI", "CBT"], [], ["clean"],
              ["LPC-A", "LPC", "MD", "denies"],
              "reportlab PDF (Liberation Serif); narrative only: indented paragraphs, no headings, no tables; client "
              "details in the first sentence; goals and objectives run inline inside paragraphs ('Goal 1: ... "
              "Objective 1a: ...'); an interventions paragraph full of 'Elena will ...' sentences that are not "
              "statements; signatures as a sentence; no coping and no discharge content. Traps (not to be flagged): "
              "\"Ms. Marchetti\", \"F11.20\", \"16 mg\", \"Narcotics Anonymous\".")


class _NumberedCanvas(rl_canvas.Canvas):
    header = ""
    footer = ""

    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self._pages = []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        n = len(self._pages)
        for st in self._pages:
            self.__dict__.update(st)
            w, hgt = letter
            self.setFont("Helvetica", 8.5)
            self.setFillColor(colors.HexColor("#333333"))
            self.drawString(54, hgt - 36, self.header)
            self.drawRightString(w - 54, hgt - 36, "Client: Wesley Duran   MRN 40218")
            self.setStrokeColor(colors.HexColor("#999999"))
            self.line(54, hgt - 41, w - 54, hgt - 41)
            self.line(54, 46, w - 54, 46)
            self.drawString(54, 34, self.footer)
            self.drawRightString(w - 54, 34, "Page %d of %d" % (self._pageNumber, n))
            super().showPage()
        super().save()


def ho13_headers():
    """Multi-page reportlab PDF with running header/footer, 'Page x of y', '1.0'-style numbered headings."""
    fn = "ho13_tallpines_headers.pdf"
    goals = [
        ("Goal 1", g("Wesley will stop drinking and stay stopped.", "goal", [M, T])),
        ("Objective 1.1", g("Wesley will have a negative alcohol blood test (PEth) at each monthly lab draw for the "
                            "next 6 months.", "objective")),
        ("Objective 1.2", g("Wesley will attend the 4-week Veterans Recovery Group, 2 evenings per week, starting "
                            "12/01/2026.", "objective")),
        ("Goal 2", g("Wesley will manage his PTSD symptoms.", "goal", [S, M, T])),
        ("Objective 2.1", g("Wesley will complete 12 sessions of Cognitive Processing Therapy by 03/12/2027.",
                            "objective")),
        ("Objective 2.2", g("Wesley will lower his PCL-5 score by at least 10 points by 03/12/2027.", "objective")),
        ("Objective 2.3", g("Wesley will use his coping skills when he has nightmares.", "objective", [S, M, T])),
        ("Goal 3", g("Wesley will have a healthier daily routine.", "goal", [S, M, T])),
        ("Objective 3.1", g("Wesley will walk his dog for 30 minutes every morning.", "objective", [T])),
    ]
    path = os.path.join(OUT, fn)

    class C(_NumberedCanvas):
        header = "Tall Pines Integrated Care \u2013 Individualized Recovery Plan"
        footer = "CONFIDENTIAL: protected by 42 CFR Part 2. Do not redisclose."

    doc = SimpleDocTemplate(path, pagesize=letter, leftMargin=0.9 * inch, rightMargin=0.9 * inch,
                            topMargin=0.95 * inch, bottomMargin=0.95 * inch)
    body = ParagraphStyle("b", fontName="Helvetica", fontSize=11, leading=16, spaceAfter=7)
    h = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=13, leading=17, spaceBefore=16, spaceAfter=7,
                       textColor=colors.HexColor("#2F4F2F"))
    title = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=18, leading=22, spaceAfter=4)
    ind = ParagraphStyle("i", parent=body, leftIndent=24)
    bul = ParagraphStyle("u", parent=body, leftIndent=18, bulletIndent=6)
    f = [P("Individualized Recovery Plan", title), P("Initial plan \u2013 11/20/2026", body),
         P("1.0 Client Information", h)]
    for k, v in [("Name", "Wesley Duran"), ("DOB", "06/19/1980"), ("MRN", "40218"), ("Phone", "555-0152"),
                 ("Address", "905 Cedar Bluff Drive, Tall Pines"),
                 ("Emergency contact", "Marisol Duran (wife), 555-0153"),
                 ("Primary clinician", "Naomi Feld, LCSW"), ("Prescriber", "Dr. Aaron Whitlock, MD")]:
        f.append(PB(k + ":", v, ParagraphStyle("c", parent=body, spaceAfter=2)))
    f += [P("2.0 Assessment Summary", h),
          P("Wesley is a 46-year-old Army veteran and father of two who works as a freight dispatcher. He reports "
            "EtOH use since his first deployment and heavy drinking (8\u201310 beers a night) for the past 3 years. "
            "He c/o nightmares 3\u20134 nights a week, irritability, and poor sleep. SUD history: he completed a "
            "28-day substance abuse program in 2019 and stayed sober for 14 months. PTSD was diagnosed in 2012.", body),
          P("PCL-5 at intake: 52. AUDIT: 27. Prazosin 1 mg at bedtime was started in 10/2026. His wife and his job "
            "are strong reasons for change, and he has done well in structured programs before.", body),
          P("Diagnoses: F10.20 Alcohol use disorder, severe; F43.10 Posttraumatic stress disorder.", body),
          P("3.0 Goals and Objectives", h)]
    for lab, st in goals:
        f.append(PB(lab + ":", st["text"], body if lab.startswith("Goal") else ind))
    f += [P("4.0 Interventions", h)]
    for s in ["Cognitive Processing Therapy, 12 weekly sessions, with Naomi Feld, LCSW.",
              "Veterans Recovery Group, 2 evenings per week for 4 weeks.",
              "Medication management every month with Dr. Whitlock.",
              "PEth blood test at each monthly lab draw."]:
        f.append(Paragraph(escape(s), bul, bulletText="\u2022"))
    f += [P("5.0 Coping Strategies", h),
          P("After a nightmare: get up, use the 5-4-3-2-1 grounding exercise, sit with the dog, and keep no alcohol "
            "in the house. When work is stressful: take a 10-minute break outside and text his sponsor.", body),
          P("6.0 Support Systems", h),
          P("His wife, Marisol; his brother-in-law Rafael, also a veteran, sober for 10 years; the Tall Pines "
            "Veterans Center peer group; the Tuesday night Alcoholics Anonymous meeting at the American Legion "
            "hall.", body),
          P("7.0 Monitoring and Review", h),
          P("Progress is reviewed at every session and the full plan is updated every 90 days (next review "
            "02/20/2027). Measures: PEth results, PCL-5 every 4 weeks, and group attendance records.", body),
          P("8.0 Signatures", h),
          P("Client: Wesley Duran  ____________________________   Date: ____________", body),
          P("Clinician: Naomi Feld, LCSW  ______________________   Date: 11/20/2026", body),
          P("Prescriber: Aaron Whitlock, MD  ____________________   Date: 11/23/2026", body)]
    doc.build(f, canvasmaker=C)
    add_label(fn, without("discharge_criteria"), [x[1] for x in goals], ["EtOH", "c/o", "SUD"], [],
              ["substance abuse"],
              ["42 CFR Part 2", "CFR", "MRN", "DOB", "LCSW", "MD", "PTSD", "PCL-5", "AUDIT", "PEth"],
              "reportlab PDF (Helvetica) over several pages with a running header (clinic, plan title, client and "
              "MRN) and footer (42 CFR Part 2 line, 'Page x of y') on every page; headings numbered '1.0 Client "
              "Information' ... '8.0 Signatures' while objectives are numbered 'Objective 1.1:'; no discharge "
              "section. Traps (not to be flagged): \"1.0\"-style heading numbers, \"F10.20\", \"F43.10\", "
              "\"Alcoholics Anonymous\", \"1 mg\".")


def ho14_dnu():
    """Clinician-dense plan: Do-Not-Use abbreviations in the medication list, shorthand, stigmatizing words, traps."""
    fn = "ho14_ironwood_shorthand.docx"
    goals = [
        ("LTG 1", g("Pt will maintain sobriety from opioids.", "goal", [M, T])),
        ("STG 1a", g("Pt will provide 8 consecutive UDS negative for opioids by 01/15/2027.", "objective")),
        ("STG 1b", g("Pt will attend IOP 3x/week for 6 weeks.", "objective")),
        ("LTG 2", g("Pt will take his mental health medications as prescribed.", "goal", [M, T])),
        ("STG 2a", g("Pt will take clonazepam only as prescribed, no more than 2 doses a day, verified by pill count "
                     "at each weekly f/u for 8 weeks.", "objective")),
        ("STG 2b", g("Pt will gain insight into his anxiety.", "objective", [S, M, T])),
        ("LTG 3", g("Pt will improve his living situation.", "goal", [S, M, T])),
        ("STG 3a", g("Pt will return the signed lease renewal to his landlord by 12/15/2026.", "objective")),
    ]
    d = new_doc("Arial", 10, 0.8)
    sec = d.sections[0]
    hp = sec.header.paragraphs[0]
    runs(hp, [("IRONWOOD RECOVERY CLINIC", True), ("    Outpatient Treatment Plan", False)])
    fp = sec.footer.paragraphs[0]
    fp.add_run("Form TP-7, version 3.0    ")
    page_x_of_y(fp)
    info = [("Client", "Gregory Szabo", "Client ID", "IRC-11873"), ("DOB", "02/14/1985", "Phone", "555-0111"),
            ("Address", "27 Foundry Row, Ironwood", "Plan date", "11/24/2026"),
            ("Counselor", "Nadine Pruitt, LCADC", "Prescriber", "Kaveh Rostami, MD")]
    tb = table_grid(d, len(info), 4, [1.2, 2.3, 1.2, 2.3])
    for i, r in enumerate(info):
        for j, v in enumerate(r):
            set_text(tb.rows[i].cells[j], v, bold=(j % 2 == 0))
    bold_para(d, "CLINICAL SUMMARY", underline=True)
    d.add_paragraph(
        "Pt is a 41 y/o male w/ hx of opioid use disorder and ETOH use, referred from the Ironwood General emergency "
        "department after an overdose in 09/2026. Pt states he has been an addict since his early 20s. Father is an "
        "alcoholic; older brother described by family as a heroin abuser. Prior substance abuse treatment: 2019 "
        "residential, 28 days. Pt was noncompliant w/ MAT in 2024 and had three dirty UDS before dropping out. Since "
        "intake he has had 4 clean UDS. Denies SI/HI. He reports a history of childhood abuse and has nightmares. "
        "He failed two classes at Ironwood Community College in 2024 and wants to go back. He keeps a clean "
        "apartment and works nights as a security guard.")
    d.add_paragraph("Dx: F11.20 Opioid use disorder, severe; F10.10 Alcohol use disorder, mild; "
                    "F41.1 Generalized anxiety disorder; E11.9 Type 2 diabetes.")
    bold_para(d, "CURRENT MEDICATIONS", underline=True)
    meds = [("Medication", "Dose", "Route", "Frequency", "Notes"),
            ("Buprenorphine/naloxone film", "16 mg/4 mg", "SL", "QD", "MAT"),
            ("Clonazepam", ".5 mg", "PO", "BID PRN anxiety", "taper planned"),
            ("Prazosin", "2.0 mg", "PO", "at bedtime", "nightmares"),
            ("Thiamine", "100 mg", "PO", "QOD", ""),
            ("Insulin glargine", "20 U", "subcut", "at bedtime", "diabetes"),
            ("Risperidone", "0.25 mg", "PO", "at bedtime", ""),
            ("MS (stopped 08/2026)", "30 mg", "PO", "BID", "back pain; stopped at intake")]
    tb = table_grid(d, len(meds), 5, [2.0, 1.0, 0.8, 1.5, 1.7])
    for i, r in enumerate(meds):
        for j, v in enumerate(r):
            set_text(tb.rows[i].cells[j], v, bold=(i == 0), size=9.5)
    bold_para(d, "PROBLEMS / GOALS / OBJECTIVES", underline=True)
    d.add_paragraph("Problem 1: Opioid use disorder. Problem 2: Anxiety and nightmares. Problem 3: Housing at risk "
                    "(lease ends 12/31/2026).")
    for lab, st in goals:
        p = d.add_paragraph()
        if lab.startswith("STG"):
            p.paragraph_format.left_indent = Inches(0.35)
        runs(p, [(lab + ": ", True), (st["text"], False)])
    bold_para(d, "SERVICES / INTERVENTIONS", underline=True)
    d.add_paragraph("IOP 3x/week (Mon/Wed/Fri 6\u20139 pm) for 6 weeks, then standard outpatient weekly. MAT: "
                    "buprenorphine/naloxone w/ Dr. Rostami every 2 weeks. Individual counseling weekly w/ Nadine "
                    "Pruitt, LCADC.")
    bold_para(d, "SUPPORTS", underline=True)
    d.add_paragraph("Mother (lives 10 minutes away); sponsor from Alcoholics Anonymous; Ironwood Peer Recovery Center "
                    "drop-in hours.")
    bold_para(d, "MONITORING / FOLLOW-UP", underline=True)
    d.add_paragraph("f/u w/ prescriber every 2 weeks; random UDS weekly; plan review every 90 days or sooner after "
                    "any return to use.")
    bold_para(d, "SIGNATURES", underline=True)
    d.add_paragraph("Client: ___________________ Date: ________     Counselor: Nadine Pruitt, LCADC "
                    "___________________ Date: 11/24/2026")
    d.add_paragraph("Prescriber: Kaveh Rostami, MD ___________________ Date: 11/25/2026")
    d.save(os.path.join(OUT, fn))
    add_label(fn, without("coping_strategies", "discharge_criteria"), [x[1] for x in goals],
              ["Pt", "y/o", "w/", "hx", "ETOH", "MAT", "UDS", "SI/HI", "Dx", "SL", "PO", "BID", "PRN", "IOP", "f/u"],
              ["QD", ".5 mg", "2.0 mg", "QOD", "U", "MS"],
              ["addict", "alcoholic", "abuser", "substance abuse", "noncompliant", "dirty", "clean"],
              ["DOB", "ID", "MD", "LCADC", "Denies", "insight", "subcut", "3x", "LTG", "STG"],
              "DOCX (Arial) written in clinical shorthand; underlined ALL-CAPS headings; a medication table with QD, "
              "missing leading zero '.5 mg', trailing zero '2.0 mg', QOD, '20 U' and MS (morphine sulfate, "
              "stopped); LTG/STG labels; no coping and no discharge section; 'clean' is used both about screens "
              "(stigmatizing) and about an apartment (trap). Traps (not to be flagged): \"history of childhood "
              "abuse\", \"failed two classes\", \"clean apartment\", \"Alcoholics Anonymous\", \"F11.20\", "
              "\"F10.10\", \"0.25 mg\", \"version 3.0\", \"16 mg/4 mg\".")


def main():
    os.makedirs(OUT, exist_ok=True)
    for fname in os.listdir(OUT):
        os.remove(os.path.join(OUT, fname))
    reg_fonts()
    for fn in [ho01_pinecounty_form, ho02_otp_methadone, ho03_first_person, ho04_noun_phrases, ho05_questions,
               ho06_adolescent, ho07_roman, ho08_landscape, ho09_pgomt, ho10_dmy_words, ho11_short,
               ho12_narrative, ho13_headers, ho14_dnu]:
        fn()
    with open(os.path.join(OUT, "labels.json"), "w", encoding="utf-8") as fh:
        json.dump(LABELS, fh, indent=1, ensure_ascii=False)
    n = sum(len(l["goals"]) for l in LABELS)
    v = sum(g_["vague"] for l in LABELS for g_ in l["goals"])
    ms = sum(9 - len(l["sections_present"]) for l in LABELS)
    print("%d documents, %d statements (%d vague), %d missing sections, J/A/S = %d/%d/%d" % (
        len(LABELS), n, v, ms, sum(len(l["jargon"]) for l in LABELS), sum(len(l["abbreviations"]) for l in LABELS),
        sum(len(l["stigmatizing"]) for l in LABELS)))


if __name__ == "__main__":
    main()
