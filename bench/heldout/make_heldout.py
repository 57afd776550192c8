"""Held-out plans: layouts and phrasings that are NOT in the labeled development corpus.

    PYTHONPATH=src python bench/heldout/make_heldout.py OUTDIR     # writes the plans + labels.json
    PYTHONPATH=src python -m plandoc.cli check OUTDIR --format json > report.json
    python /work/shared/tools/evaluate.py OUTDIR/labels.json report.json --details

Not a test floor: a generality check. It measures how plandoc does on shapes it was not tuned on:
a whole plan in one table, a letter to the client in the second person, a need/outcome matrix,
problem-by-problem blocks, Word content controls, day-month-year dates, numbers written as words,
goals written as noun phrases and imperatives, and headings worded differently ("What we are
working on", "Who helps me"). Everything is fictional; phones use 555-01xx.

Labels follow shared/corpus/labeled/README.md (sections_present, goals with level / vague /
missing, jargon, abbreviations, stigmatizing, borderline).
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.shared import Pt

ALL = ["client_information", "assessment_summary", "goals", "interventions", "coping_strategies",
       "support_systems", "monitoring_review", "discharge_criteria", "signatures"]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def G(text, level="goal", missing=()):
    return {"text": text, "level": level, "vague": bool(missing), "missing": list(missing)}


def O(text, missing=()):
    return G(text, "objective", missing)


NMT = ("measurable", "time_bound")
SMT = ("specific", "measurable", "time_bound")


def label(file, sections, goals, jargon=(), abbreviations=(), stigmatizing=(), borderline=(), notes=""):
    return {"file": file, "status": "checked", "sections_present": sections, "goals": goals,
            "jargon": list(jargon), "abbreviations": list(abbreviations), "stigmatizing": list(stigmatizing),
            "borderline": list(borderline), "notes": notes}


def save(doc, path: Path) -> None:
    buf = io.BytesIO()
    doc.save(buf)
    path.write_bytes(buf.getvalue())


# --------------------------------------------------------------------------- 1. one big table
def one_table(out: Path):
    d = Document()
    d.add_paragraph().add_run("Willow Creek Wellness - My Recovery Plan").bold = True
    rows = [
        ("About me", "Name: Jamie Ortega. Birth date: 2 May 1990. Record number: WC-3381. "
                     "Emergency contact: Lou Ortega (partner), 555-0111."),
        ("My story", "Jamie drank most evenings for eight years and stopped in September after a hospital stay. "
                     "Diagnosis: F10.20 alcohol dependence. Jamie is a patient parent and a good cook."),
        ("What we are working on", "Goal 1: Staying sober.\nStep 1.1: Go to three mutual-help meetings every week "
                                   "for the next twelve weeks.\nStep 1.2: Feel more confident."),
        ("How we will get there", "Counselling with Pat Ruiz, LPC, once a week for fifty minutes. "
                                  "Nurse check-in every two weeks."),
        ("When things get hard", "If cravings come after work, Jamie will call Lou and go for a run."),
        ("Who helps me", "Lou (partner), sister Ana, the Tuesday SMART Recovery group."),
        ("Checking in", "We look at this plan again every sixty days; next on 15 January 2027."),
        ("Moving on", "Jamie finishes counselling after six months without drinking."),
        ("Signed", "Jamie Ortega, 14/11/2026. Pat Ruiz, LPC, 14/11/2026."),
    ]
    t = d.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    for a, b in rows:
        c = t.add_row().cells
        c[0].paragraphs[0].add_run(a).bold = True
        lines = b.split("\n")
        c[1].paragraphs[0].add_run(lines[0])
        for ln in lines[1:]:
            c[1].add_paragraph(ln)
    save(d, out / "h01_one_table.docx")
    return label("h01_one_table.docx", ALL, [
        G("Staying sober.", missing=SMT),
        O("Go to three mutual-help meetings every week for the next twelve weeks."),
        O("Feel more confident.", SMT)],
        notes="Whole plan in one label table, plain-language section names, number words, d/m/y dates.")


# --------------------------------------------------------------------------- 2. letter, 2nd person
def letter(out: Path):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    ss = getSampleStyleSheet()
    b, h = ss["BodyText"], ss["Heading3"]
    story = [Paragraph("Harbourside Community Health", ss["Heading1"]),
             Paragraph("Sam Patel &nbsp; Date of birth 09/03/1985 &nbsp; NHS-style ID HC-7712 &nbsp; 20 November 2026", b),
             Paragraph("Dear Sam,", b),
             Paragraph("What you told us", h),
             Paragraph("You have used cannabis every day for six years (F12.20) and you want to cut down before "
                       "your new job. You are organised and your brother is supportive.", b),
             Paragraph("What we are working on", h),
             Paragraph("1. You will use cannabis on no more than two days a week by 1 March 2027.", b),
             Paragraph("2. You will feel calmer.", b),
             Paragraph("What we will do", h),
             Paragraph("You will see Dr. Mia Chen, PsyD, every week for CBT. Psychoeducation group on Thursdays.", b),
             Paragraph("When cravings hit", h),
             Paragraph("You will go for a walk, text your brother, or play guitar for twenty minutes.", b),
             Paragraph("Who helps you", h),
             Paragraph("Your brother Dev (555-0112) and the Marijuana Anonymous group on Mondays.", b),
             Paragraph("How we will check in", h),
             Paragraph("We will look at this plan with you every month.", b),
             Paragraph("Signatures", h),
             Paragraph("Sam Patel, 20/11/2026 &nbsp;&nbsp; Mia Chen, PsyD, 20/11/2026", b)]
    SimpleDocTemplate(str(out / "h02_letter.pdf"), pagesize=A4, invariant=1).build(story)
    return label("h02_letter.pdf", [s for s in ALL if s != "discharge_criteria"], [
        G("You will use cannabis on no more than two days a week by 1 March 2027."),
        G("You will feel calmer.", missing=SMT)],
        jargon=["CBT", "Psychoeducation"], borderline=["PsyD", "ID"],
        notes="Letter in the second person; no discharge section; d Month yyyy dates.")


# --------------------------------------------------------------------------- 3. need/outcome matrix
def matrix(out: Path):
    d = Document()
    d.add_heading("Riverbend Services Individual Service Plan", 0)
    d.add_heading("Person Served", 1)
    d.add_paragraph("Name: Morgan Blake    DOB: 11/30/1979    Member #: RB-55120")
    d.add_heading("Presenting Concerns", 1)
    d.add_paragraph("Morgan reports hx of opioid use for 10 years, on methadone 90 mg daily since June. "
                    "Dx: F11.20. Strengths: loves her dog, keeps appointments.")
    d.add_heading("Service Plan", 1)
    t = d.add_table(rows=1, cols=5)
    t.style = "Table Grid"
    for c, hname in zip(t.rows[0].cells, ["Need", "Desired Outcome", "Action Steps", "By When", "Who"]):
        c.text = hname
    data = [("Housing", "Stable housing", "Apply for two apartments each week for six weeks.", "31/01/2027", "Case manager"),
            ("", "", "Improve budgeting.", "31/01/2027", "Morgan"),
            ("Recovery", "Abstinence from illicit opioids", "Give a negative urine drug screen at every weekly dosing visit for 12 weeks.",
             "28/02/2027", "Nurse")]
    for row in data:
        cells = t.add_row().cells
        for c, v in zip(cells, row):
            c.text = v
    d.add_heading("Supports", 1)
    d.add_paragraph("Sister Kim, NA home group, church food pantry.")
    d.add_heading("Plan Review", 1)
    d.add_paragraph("Reviewed every 90 days with Morgan.")
    d.add_heading("Signatures", 1)
    d.add_paragraph("Morgan Blake  Date: 12/01/2026")
    d.add_paragraph("Jo Park, LCSW  Date: 12/01/2026")
    save(d, out / "h03_need_outcome.docx")
    return label("h03_need_outcome.docx",
                 ["client_information", "assessment_summary", "goals", "support_systems", "monitoring_review", "signatures"], [
        G("Stable housing", missing=SMT),
        O("Apply for two apartments each week for six weeks."),
        O("Improve budgeting.", SMT),
        G("Abstinence from illicit opioids", missing=NMT),
        O("Give a negative urine drug screen at every weekly dosing visit for 12 weeks.")],
        jargon=["hx", "Dx"], borderline=["DOB", "NA", "LCSW"],
        notes="Need / outcome / action-step matrix: goals are noun phrases, objectives imperatives; "
              "no interventions, coping or discharge sections. Trap: 'methadone 90 mg' is correct.")


# --------------------------------------------------------------------------- 4. problem blocks
def problem_blocks(out: Path):
    d = Document()
    d.styles["Normal"].font.size = Pt(11)
    d.add_paragraph().add_run("TREATMENT PLAN - SUNDIAL RECOVERY").bold = True
    d.add_paragraph("Client: Alex Moreno   D.O.B.: 7 July 1994   Client #: SD-0093   Plan date: 3 November 2026")
    d.add_paragraph().add_run("CLINICAL SUMMARY").bold = True
    d.add_paragraph("Alex is a 32 y/o with stimulant use disorder (F15.20) and depression (F32.1). PHQ-9 of 16. "
                    "Alex is a clean and tidy roommate and loves hiking.")
    for n, (prob, ltg, stgs, ints) in enumerate([
        ("Methamphetamine use", "Alex will be abstinent from methamphetamine.",
         ["Alex will give negative drug screens twice a week for ten weeks.",
          "Alex will identify triggers."],
         "Contingency management twice weekly (counselor); CM prizes."),
        ("Low mood", "Alex will have a PHQ-9 score below 10 by 15/03/2027.",
         ["Alex will walk 30 minutes five days a week for eight weeks."],
         "Behavioral activation weekly with Dr. Lee, PhD."),
    ], start=1):
        d.add_paragraph().add_run(f"PROBLEM #{n}: {prob}").bold = True
        d.add_paragraph(f"Long-term goal: {ltg}")
        d.add_paragraph("Short-term goals:")
        for i, s in enumerate(stgs, start=1):
            d.add_paragraph(f"{n}.{i} {s}")
        d.add_paragraph(f"Interventions: {ints}")
    d.add_paragraph().add_run("RELAPSE PREVENTION").bold = True
    d.add_paragraph("Alex will delete dealer contacts and call a peer when cravings start.")
    d.add_paragraph().add_run("DISCHARGE CRITERIA").bold = True
    d.add_paragraph("Ninety days without stimulant use and a PHQ-9 under 10.")
    d.add_paragraph().add_run("SIGNATURES").bold = True
    d.add_paragraph("Client: Alex Moreno  3/11/2026     Counselor: Dana Fox, LADC  3/11/2026")
    save(d, out / "h04_problem_blocks.docx")
    return label("h04_problem_blocks.docx",
                 ["client_information", "assessment_summary", "goals", "interventions", "coping_strategies",
                  "discharge_criteria", "signatures"], [
        G("Alex will be abstinent from methamphetamine.", missing=NMT),
        O("Alex will give negative drug screens twice a week for ten weeks."),
        O("Alex will identify triggers.", SMT),
        G("Alex will have a PHQ-9 score below 10 by 15/03/2027."),
        O("Alex will walk 30 minutes five days a week for eight weeks.")],
        jargon=["y/o", "CM"], borderline=["PHQ-9", "LADC", "PhD"],
        notes="Problem-by-problem blocks with long-term and short-term goals; 1.1-style numbers; "
              "d/m/y dates. Traps: 'clean and tidy roommate' is not stigmatizing; 'F32.1'.")


# --------------------------------------------------------------------------- 5. content controls
def content_controls(out: Path):
    d = Document()
    d.add_heading("Clearwater Outpatient - Treatment Plan", 0)

    def field(label_text: str, value: str):
        p = d.add_paragraph()
        p.add_run(label_text + ": ").bold = True
        sdt = parse_xml(f'<w:sdt {W}><w:sdtPr><w:alias w:val="{label_text}"/></w:sdtPr><w:sdtContent>'
                        f'<w:r><w:t xml:space="preserve">{value}</w:t></w:r></w:sdtContent></w:sdt>')
        p._p.append(sdt)

    d.add_heading("Identifying Data", 2)
    field("Client name", "Riley Chen")
    field("Date of birth", "1988-02-14")
    field("Client ID", "CW-4410")
    d.add_heading("Reason for Referral", 2)
    field("Summary", "Riley was referred by her PCP after an ED visit for alcohol withdrawal. Dx F10.239.")
    d.add_heading("Treatment Goals", 2)
    field("Goal A", "Reduce alcohol use.")
    field("Objective A1", "Riley will record every drink in a daily log and bring it to each weekly session for 8 weeks.")
    field("Objective A2", "Riley will take naltrexone .5 mg... as directed.")
    d.add_heading("Services", 2)
    field("Service", "Individual therapy weekly with Kai Long, LMHC; psychiatric follow-up monthly.")
    d.add_heading("Natural Supports", 2)
    field("Supports", "Husband, best friend, AA meetings near work.")
    d.add_heading("Transition", 2)
    field("Criteria", "Transfer to monthly aftercare after 12 weeks without heavy drinking days.")
    d.add_heading("Signatures", 2)
    field("Client signature", "Riley Chen 2026-11-18")
    field("Clinician signature", "Kai Long, LMHC 2026-11-18")
    save(d, out / "h05_content_controls.docx")
    return label("h05_content_controls.docx",
                 ["client_information", "assessment_summary", "goals", "interventions", "support_systems",
                  "discharge_criteria", "signatures"], [
        G("Reduce alcohol use.", missing=NMT),
        O("Riley will record every drink in a daily log and bring it to each weekly session for 8 weeks."),
        O("Riley will take naltrexone .5 mg... as directed.", NMT)],
        jargon=["PCP", "ED"], abbreviations=[".5 mg"], borderline=["LMHC", "AA", "ID"],
        notes="Values in Word content controls; imperative goal; ISO dates; no coping or monitoring sections.")


# --------------------------------------------------------------------------- 6. numbered ISO plan
def numbered_pdf(out: Path):
    from reportlab.lib.pagesizes import letter as LETTER
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    ss = getSampleStyleSheet()
    b, h = ss["BodyText"], ss["Heading2"]
    story = [Paragraph("Summit Ridge Clinic", ss["Title"]),
             Paragraph("1 Client", h),
             Paragraph("Name: Casey Ward. DOB: 1975-10-02. MRN: SR-22817. Plan start: 2026-11-05.", b),
             Paragraph("2 Background", h),
             Paragraph("Casey is an alcoholic with 20 years of daily drinking (F10.20) who was noncompliant with "
                       "prior tx. Strengths: reliable, good humour.", b),
             Paragraph("3 Aims", h),
             Paragraph("3.1 Reduce drinking to two days a week or fewer by 2027-02-01.", b),
             Paragraph("3.2 Improve family relationships.", b),
             Paragraph("4 Treatment", h),
             Paragraph("MI sessions weekly (Lee Hart, LCSW). Acamprosate 666 mg TID.", b),
             Paragraph("5 Coping", h),
             Paragraph("Casey will avoid the pub on the way home and phone his daughter instead.", b),
             Paragraph("6 Review", h),
             Paragraph("Every 30 days; next 2026-12-05.", b),
             Paragraph("7 Sign-off", h),
             Paragraph("Casey Ward 2026-11-05; Lee Hart, LCSW 2026-11-05", b)]
    SimpleDocTemplate(str(out / "h06_numbered_iso.pdf"), pagesize=LETTER, invariant=1).build(story)
    return label("h06_numbered_iso.pdf",
                 ["client_information", "assessment_summary", "goals", "interventions", "coping_strategies",
                  "monitoring_review", "signatures"], [
        G("Reduce drinking to two days a week or fewer by 2027-02-01."),
        G("Improve family relationships.", missing=SMT)],
        jargon=["tx", "MI", "TID"], stigmatizing=["alcoholic", "noncompliant"], borderline=["MRN", "DOB", "LCSW"],
        notes="Numbered headings in other words (Aims, Treatment, Sign-off); goals as imperatives; ISO dates; "
              "no supports or discharge sections.")


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "heldout")
    out.mkdir(parents=True, exist_ok=True)
    labels = [make(out) for make in (one_table, letter, matrix, problem_blocks, content_controls, numbered_pdf)]
    (out / "labels.json").write_text(json.dumps(labels, indent=1) + "\n")
    print(f"wrote {len(labels)} plans and labels.json to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
