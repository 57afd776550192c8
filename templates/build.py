"""Build plandoc's shipped Word templates from code, deterministically.

    PYTHONPATH=src python templates/build.py          # rewrite templates/*.docx
    PYTHONPATH=src python templates/build.py --check  # exit 1 if a committed .docx differs

Every heading title comes from `plandoc.sections`, every variable from the intake model
(`plandoc.model.Plan`) or the context `plandoc.render.build_context` adds. Output bytes are
normalised by `plandoc.docx_package.normalize_docx`, so a rebuild gives identical files and
`tests/render/test_templates.py` can compare them with the committed ones.

Template language: docxtpl (Jinja2). `{%p ... %}` tags sit in their own paragraph, `{%tr ... %}`
tags in their own table row; they are removed from the output.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from plandoc import sections  # noqa: E402
from plandoc.docx_package import normalize_docx  # noqa: E402

FONT = "Calibri"
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)
LABEL_FILL = "E8EDF3"
HEADER_FILL = "1F3A5F"

WITHHELD = "Not included in this disclosure (HIPAA minimum necessary; see 45 CFR 164.502(b))."


# ------------------------------------------------------------------------------ helpers
def _preserve(paragraph) -> None:
    for t in paragraph._p.iter(qn("w:t")):
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def para(container, text: str = "", style: str | None = None, *, bold: bool = False,
         italic: bool = False, size: float | None = None, align=None, label: str | None = None):
    p = container.add_paragraph(style=style)
    if label:
        r = p.add_run(label)
        r.bold = True
    if text:
        r = p.add_run(text)
        r.bold = bold
        r.italic = italic
        if size:
            r.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    _preserve(p)
    return p


def tag(container, text: str):
    """A paragraph that holds only a docxtpl paragraph tag ({%p ... %})."""
    return para(container, text)


def _shade(cell, fill: str) -> None:
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcPr.append(shd)


TABLE_FONT = 9  # list tables: small enough that header words and dates never break inside a word


def _cell_text(cell, text: str, *, bold: bool = False, color: RGBColor | None = None,
               size: float | None = None) -> None:
    p = cell.paragraphs[0]
    r = p.add_run(text)
    r.bold = bold
    if color is not None:
        r.font.color.rgb = color
    if size:
        r.font.size = Pt(size)
    _preserve(p)


def _repeat_header(row) -> None:
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trPr.append(el)


def _widths(table, widths: list[float]) -> None:
    table.autofit = False
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(w * 1440)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths):
            cell.width = Inches(w)


def kv_table(doc, rows: list[tuple[str, str]], widths=(2.0, 5.0)):
    """Two-column label/value table."""
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for (label, value), row in zip(rows, table.rows):
        _cell_text(row.cells[0], label, bold=True)
        _shade(row.cells[0], LABEL_FILL)
        _cell_text(row.cells[1], value)
    _widths(table, list(widths))
    doc.add_paragraph()
    return table


def loop_table(doc, headers: list[str], loop: str, cells: list[str], widths: list[float],
               empty: str | None = None, empty_test: str | None = None):
    """A header row, then one row per item: `loop` is e.g. 'd in assessment.diagnoses'.

    With `empty`, a list with no items shows only that line, not a table of headers alone, so a
    reader of the document (or plandoc reading it back) does not take a blank table for content.
    """
    test = empty_test or loop.split(" in ", 1)[1]
    if empty:
        tag(doc, "{%p if " + test + " %}")
    table = doc.add_table(rows=4, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    hdr, start, body, end = table.rows
    _repeat_header(hdr)
    for cell, h in zip(hdr.cells, headers):
        _cell_text(cell, h, bold=True, color=RGBColor(0xFF, 0xFF, 0xFF), size=TABLE_FONT)
        _shade(cell, HEADER_FILL)
    _cell_text(start.cells[0], "{%tr for " + loop + " %}")
    for cell, c in zip(body.cells, cells):
        _cell_text(cell, c, size=TABLE_FONT)
    _cell_text(end.cells[0], "{%tr endfor %}")
    _widths(table, widths)
    if empty:
        tag(doc, "{%p else %}")
        para(doc, empty, italic=True)
        tag(doc, "{%p endif %}")
    doc.add_paragraph()
    return table


def bullets(doc, loop: str, expr: str, empty: str | None = None):
    tag(doc, "{%p for " + loop + " %}")
    para(doc, expr, style="List Bullet")
    tag(doc, "{%p endfor %}")
    if empty:
        tag(doc, "{%p if not " + loop.split(" in ", 1)[1] + " %}")
        para(doc, empty, italic=True)
        tag(doc, "{%p endif %}")


def _field(paragraph, instr: str) -> None:
    def fld(kind):
        r = OxmlElement("w:r")
        f = OxmlElement("w:fldChar")
        f.set(qn("w:fldCharType"), kind)
        r.append(f)
        return r

    p = paragraph._p
    p.append(fld("begin"))
    r = OxmlElement("w:r")
    it = OxmlElement("w:instrText")
    it.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    it.text = f" {instr} "
    r.append(it)
    p.append(r)
    p.append(fld("separate"))
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    p.append(r)
    p.append(fld("end"))


def section_heading(doc, section_id: str):
    doc.add_heading(sections.title(section_id), level=1)
    tag(doc, "{%p if include." + section_id + " %}")


def section_end(doc):
    tag(doc, "{%p else %}")
    para(doc, WITHHELD, italic=True)
    tag(doc, "{%p endif %}")


# ---------------------------------------------------------------------------- document
def new_document(title: str):
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = FONT
    st.font.size = Pt(10.5)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    st.paragraph_format.space_after = Pt(4)
    for name, size in (("Title", 20), ("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 11)):
        s = doc.styles[name]
        s.font.name = FONT
        s.font.size = Pt(size)
        s.font.color.rgb = ACCENT
    doc.styles["Heading 1"].paragraph_format.space_before = Pt(14)
    doc.styles["Heading 1"].paragraph_format.keep_with_next = True
    doc.styles["Heading 2"].paragraph_format.keep_with_next = True
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin"):
        setattr(sec, side, Inches(0.75))
    sec.top_margin = sec.bottom_margin = Inches(0.8)
    return doc


def header_footer(doc, subtitle: str) -> None:
    sec = doc.sections[0]
    h = sec.header.paragraphs[0]
    h.text = ""
    r = h.add_run("{{ provider.organization }}")
    r.bold = True
    r.font.color.rgb = ACCENT
    h.add_run("\t" + subtitle)
    h.paragraph_format.tab_stops.add_tab_stop(Inches(6.9), WD_TAB_ALIGNMENT.RIGHT)
    _preserve(h)
    h2 = sec.header.add_paragraph()
    h2.add_run("Client: {{ client.name }}   Client ID: {{ client.client_id }}   DOB: {{ client.date_of_birth }}"
               ).font.size = Pt(9)
    _preserve(h2)

    f = sec.footer.paragraphs[0]
    f.text = ""
    run = f.add_run(
        "CONFIDENTIAL: protected health information{% if part2 %}, including substance use disorder "
        "records protected by federal confidentiality rules (42 CFR Part 2){% endif %}. "
        "Do not redisclose without the client's written authorization.")
    run.font.size = Pt(8)
    run.italic = True
    _preserve(f)
    f2 = sec.footer.add_paragraph()
    f2.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    f2.add_run("Page ").font.size = Pt(8)
    _field(f2, "PAGE")
    f2.add_run(" of ").font.size = Pt(8)
    _field(f2, "NUMPAGES")
    _preserve(f2)


STARTER_NAME = "[[TEMPLATE NAME]]"


def plan_document(family: str, subtitle: str | None = None) -> Document:
    """One plan template. `family`: generic, medicare, medicaid or commercial."""
    subtitles = {
        "generic": "Recovery Maintenance Plan",
        "medicare": "Plan of Care (Medicare)",
        "medicaid": "Treatment Plan (Medicaid / state licensure)",
        "commercial": "Treatment Plan (commercial payer)",
    }
    subtitle = subtitle or subtitles[family]
    doc = new_document(subtitle)
    header_footer(doc, subtitle)

    doc.add_paragraph("Recovery Maintenance Plan", style="Title")
    head = [
        ("Plan date (established)", "{{ plan_date }}"),
        ("Plan type", "{{ plan_type }}"),
        ("Admission date", "{{ admission_date }}"),
        ("Program", "{{ provider.program }}"),
        ("Primary clinician" if family != "medicaid" else "Primary counselor",
         "{{ provider.clinician }}{% if provider.credentials %}, {{ provider.credentials }}{% endif %}"),
        ("NPI", "{{ provider.npi }}"),
        ("Provider address / phone", "{{ provider.address }}{% if provider.address and provider.phone %}; {% endif %}"
                                     "{% if provider.phone %}{{ provider.phone }}{% endif %}"),
        ("Payer / plan", "{{ payer.name }}{% if payer.plan_name %} / {{ payer.plan_name }}{% endif %}"),
        ("Member ID", "{{ payer.member_id or client.member_id }}"),
    ]
    if True:  # every payer asks for the authorization on file
        head.append(("Authorization", "{{ payer.authorization_number }}{% if payer.authorization_start %}"
                                      " ({{ payer.authorization_start }} to {{ payer.authorization_end }}){% endif %}"))
    if family == "medicaid":
        head.append(("Projected length of stay", "{{ discharge.projected_length_of_stay }}"))
    if family == "commercial":
        head.append(("Level of care", "{% if level_of_care.asam_level %}ASAM {{ level_of_care.asam_level }}"
                                      "{% endif %}{% if level_of_care.setting %} ({{ level_of_care.setting }}){% endif %}"))
    kv_table(doc, head)

    # 1 client_information
    section_heading(doc, "client_information")
    kv_table(doc, [
        ("Name", "{{ client.name }}"),
        ("Preferred name / pronouns", "{{ client.preferred_name }}{% if client.pronouns %} ({{ client.pronouns }}){% endif %}"),
        ("Date of birth", "{{ client.date_of_birth }}"),
        ("Client ID", "{{ client.client_id }}"),
        ("Member ID", "{{ client.member_id }}"),
        ("Phone", "{{ client.phone }}"),
        ("Email", "{{ client.email }}"),
        ("Address", "{{ client.address }}"),
        ("Preferred language", "{{ client.preferred_language }}"),
    ])
    doc.add_heading("Emergency contacts", level=2)
    loop_table(doc, ["Name", "Relationship", "Phone"], "c in client.emergency_contacts",
               ["{{ c.name }}", "{{ c.relationship }}", "{{ c.phone }}"], [2.6, 2.0, 2.4],
               empty="No emergency contact recorded.")
    section_end(doc)

    # 2 assessment_summary
    section_heading(doc, "assessment_summary")
    para(doc, "{{ assessment.summary }}")
    tag(doc, "{%p if assessment.substance_use_history %}")
    para(doc, "{{ assessment.substance_use_history }}", label="Substance use history: ")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if assessment.mental_health_history %}")
    para(doc, "{{ assessment.mental_health_history }}", label="Mental health history: ")
    tag(doc, "{%p endif %}")
    doc.add_heading("Diagnoses (ICD-10-CM)", level=2)
    loop_table(doc, ["ICD-10-CM code", "Description", "Primary"], "d in assessment.diagnoses",
               ["{{ d.code }}", "{{ d.description }}", "{% if d.primary %}Primary{% endif %}"], [1.5, 4.5, 1.0],
               empty="No diagnosis recorded.")
    doc.add_heading("Previous treatment", level=2)
    loop_table(doc, ["Treatment", "Dates", "Outcome"], "t in assessment.previous_treatment",
               ["{{ t.type }}", "{{ t.dates }}", "{{ t.outcome }}"], [2.3, 1.7, 3.0],
               empty="No previous treatment recorded.")
    doc.add_heading("Current challenges", level=2)
    bullets(doc, "x in assessment.current_challenges", "{{ x }}", empty="None recorded.")
    doc.add_heading("Strengths", level=2)
    bullets(doc, "x in assessment.strengths", "{{ x }}", empty="None recorded.")
    if family in ("commercial", "medicaid"):
        doc.add_heading("Level of care (ASAM)", level=2)
        kv_table(doc, [
            ("ASAM level of care", "{{ level_of_care.asam_level }}"),
            ("Setting", "{{ level_of_care.setting }}"),
            ("Level-of-care tool", "{{ level_of_care.tool }}"),
            ("Justification for this level of care" + (" / continued stay" if family == "commercial" else ""),
             "{{ level_of_care.justification }}"),
        ])
    else:
        tag(doc, "{%p if level_of_care.asam_level or level_of_care.setting %}")
        para(doc, "{{ level_of_care.asam_level }} {{ level_of_care.setting }}", label="Level of care: ")
        tag(doc, "{%p endif %}")
    section_end(doc)

    # 3 goals
    section_heading(doc, "goals")
    tag(doc, "{%p for g in goals %}")
    doc.add_heading("Goal {{ g.id or loop.index }}{% if g.term %} ({{ g.term }}-term){% endif %}", level=2)
    _preserve(doc.paragraphs[-1])
    para(doc, "{{ g.statement }}", label="Goal: ")
    tag(doc, "{%p if g.client_words %}")
    para(doc, "\u201c{{ g.client_words }}\u201d", label="In the client's words: ", italic=True)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if g.target_date or g.addresses %}")
    para(doc, "{{ g.target_date }}{% if g.addresses %}   Addresses: {{ g.addresses|join(', ') }}{% endif %}",
         label="Target date: ")
    tag(doc, "{%p endif %}")
    loop_table(
        doc,
        ["Objective", "Target date", "Measure", "Interventions", "Frequency", "Responsible"],
        "o in g.objectives",
        ["{% if o.id %}{{ o.id }}. {% endif %}{{ o.statement }}",
         "{{ o.target_date }}",
         "{{ o.measure }}{% if o.baseline %} Baseline: {{ o.baseline }}.{% endif %}"
         "{% if o.target %} Target: {{ o.target }}.{% endif %}",
         "{% for s in o.services %}{{ s.type }}{% if not loop.last %}; {% endif %}{% endfor %}",
         "{% for s in o.services %}{{ s.frequency }}{% if not loop.last %}; {% endif %}{% endfor %}",
         "{% for s in o.services %}{{ s.responsible }}{% if not loop.last %}; {% endif %}{% endfor %}"],
        [1.8, 1.1, 1.0, 1.15, 0.9, 1.05],
        empty="No objectives recorded for this goal.")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if not goals %}")
    para(doc, "No goals recorded.", italic=True)
    tag(doc, "{%p endif %}")
    section_end(doc)

    # 4 interventions
    section_heading(doc, "interventions")
    if family == "medicare":
        para(doc, "Each service states its type (individual, group or family), amount (minutes per "
                  "session), frequency and duration.", italic=True, size=9)
        loop_table(doc, ["Service", "Type", "Minutes per session", "Frequency", "Duration", "Rendered by"],
                   "i in interventions",
                   ["{{ i.type }}{% if i.description %}: {{ i.description }}{% endif %}", "{{ i.modality }}",
                    "{{ i.session_minutes }}", "{{ i.frequency }}", "{{ i.duration }}", "{{ i.responsible }}"],
                   [1.7, 0.8, 1.5, 0.95, 0.85, 1.2], empty="No services recorded.")
    else:
        loop_table(doc, ["Intervention", "Modality", "Frequency", "Session", "Duration", "Responsible", "Serves"],
                   "i in interventions",
                   ["{{ i.type }}{% if i.description %}: {{ i.description }}{% endif %}", "{{ i.modality }}",
                    "{{ i.frequency }}", "{% if i.session_minutes %}{{ i.session_minutes }} min{% endif %}",
                    "{{ i.duration }}", "{{ i.responsible }}", "{{ i.serves|join(', ') }}"],
                   [1.8, 0.85, 0.85, 0.75, 0.8, 1.15, 0.8], empty="No interventions recorded.")
    doc.add_heading("Medications", level=2)
    loop_table(doc, ["Medication", "Dose", "Route", "Frequency", "Prescriber", "Purpose"], "m in medications",
               ["{{ m.name }}", "{{ m.dose }}", "{{ m.route }}", "{{ m.frequency }}", "{{ m.prescriber }}",
                "{{ m.purpose }}"], [1.5, 0.9, 0.8, 1.1, 1.3, 1.4], empty="No current medications recorded.")
    section_end(doc)

    # 5 coping_strategies
    section_heading(doc, "coping_strategies")
    loop_table(doc, ["Trigger or stressor", "Coping strategy"], "c in coping_strategies",
               ["{{ c.trigger }}", "{{ c.strategy }}"], [2.5, 4.5], empty="No coping strategies recorded.")
    section_end(doc)

    # 6 support_systems
    section_heading(doc, "support_systems")
    loop_table(doc, ["Kind", "Name", "Contact", "Role in recovery"], "s in support_systems",
               ["{{ s.kind }}", "{{ s.name }}", "{{ s.contact }}", "{{ s.role }}"], [1.2, 2.0, 1.6, 2.2],
               empty="No supports recorded.")
    section_end(doc)

    # 7 monitoring_review
    section_heading(doc, "monitoring_review")
    kv_table(doc, [
        ("Follow-up appointments", "{{ monitoring.follow_up_frequency }}"),
        ("Plan review interval", "{% if monitoring.review_interval_days %}every {{ monitoring.review_interval_days }}"
                                 " days{% endif %}"),
        ("Next review date", "{{ monitoring.next_review_date }}"),
        ("How the plan is adjusted", "{{ monitoring.adjustment_process }}"),
    ])
    doc.add_heading("How progress is measured", level=2)
    bullets(doc, "x in monitoring.methods", "{{ x }}", empty="No measurement methods recorded.")
    doc.add_heading("Progress criteria", level=2)
    bullets(doc, "x in monitoring.progress_criteria", "{{ x }}", empty="No progress criteria recorded.")
    section_end(doc)

    # 8 discharge_criteria
    section_heading(doc, "discharge_criteria")
    if family == "commercial":
        tag(doc, "{%p if discharge.criteria %}")
        para(doc, "Criteria for step-down to a less intensive level of care or for discharge:", italic=True, size=9)
        tag(doc, "{%p endif %}")
    bullets(doc, "x in discharge.criteria", "{{ x }}", empty="No discharge criteria recorded.")
    kv_table(doc, [
        ("Transition / aftercare plan", "{{ discharge.transition_plan }}"),
        ("Projected length of stay", "{{ discharge.projected_length_of_stay }}"),
        ("Discussed with client", "{% if discharge.discussed_with_client == true %}Yes{% elif "
                                  "discharge.discussed_with_client == false %}No{% endif %}"),
    ])
    section_end(doc)

    # 9 signatures
    section_heading(doc, "signatures")
    notes = {
        "generic": "The client and the clinician sign and date the plan.",
        "medicare": "The rendering provider signs with credentials and date (handwritten or electronic; "
                    "no stamps).",
        "medicaid": "The client and the primary counselor sign and date the plan; a physician or "
                    "supervising professional signs where the state rule requires it.",
        "commercial": "The client and the clinician sign and date the plan.",
    }
    para(doc, notes[family], italic=True, size=9)
    loop_table(doc, ["Role", "Printed name", "Credentials", "Signature", "Date"], "s in signatures",
               ["{{ s.role }}", "{{ s.name }}", "{{ s.credentials }}",
                "{% if s.method == 'electronic' %}Electronically signed{% elif s.no_signature_reason %}"
                "Not signed: {{ s.no_signature_reason }}{% endif %}", "{{ s.date }}"],
               [1.2, 1.9, 1.1, 1.8, 1.0], empty="No signatures recorded.")
    section_end(doc)
    return doc


# ------------------------------------------------------------------------ packet parts
def cover_document() -> Document:
    doc = new_document("Payer packet")
    header_footer(doc, "Payer packet")
    doc.add_paragraph("Payer Packet: Cover Sheet", style="Title")
    kv_table(doc, [
        ("Payer", "{{ payer.name }}{% if payer.plan_name %} / {{ payer.plan_name }}{% endif %}"),
        ("Member ID", "{{ payer.member_id or client.member_id }}"),
        ("Authorization number", "{{ payer.authorization_number }}"),
        ("Authorization period", "{% if payer.authorization_start %}{{ payer.authorization_start }} to "
                                 "{{ payer.authorization_end }}{% endif %}"),
        ("Client", "{{ client.name }}"),
        ("Date of birth", "{{ client.date_of_birth }}"),
        ("Provider", "{{ provider.organization }}{% if provider.program %}, {{ provider.program }}{% endif %}"),
        ("Clinician", "{{ provider.clinician }}{% if provider.credentials %}, {{ provider.credentials }}{% endif %}"),
        ("NPI", "{{ provider.npi }}"),
        ("Provider phone", "{{ provider.phone }}"),
        ("Profile", "{{ profile }}"),
        ("Plan date", "{{ plan_date }}"),
    ])
    doc.add_heading("Contents", level=2)
    loop_table(doc, ["#", "Document", "File"], "c in contents",
               ["{{ loop.index }}", "{{ c.title }}", "{{ c.file }}"], [0.4, 3.8, 2.8])
    doc.add_heading("Sections disclosed", level=2)
    para(doc, "{{ disclosed_sections|join(', ') }}")
    tag(doc, "{%p if withheld_sections %}")
    para(doc, "{{ withheld_sections|join(', ') }} (minimum necessary, 45 CFR 164.502(b)).",
         label="Withheld: ")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if part2 %}")
    doc.add_heading("Notice to accompany disclosure (42 CFR Part 2)", level=2)
    para(doc, "{{ notice.text }}", bold=True)
    para(doc, "Notice version {{ notice.version }}, effective {{ notice.effective }}; source: {{ notice.source }}.",
         italic=True, size=8)
    tag(doc, "{%p endif %}")
    return doc


def checklist_document() -> Document:
    doc = new_document("Compliance checklist")
    header_footer(doc, "Compliance checklist")
    doc.add_paragraph("Compliance Checklist", style="Title")
    para(doc, "Profile {{ profile }}; checked {{ checked_on }} by {{ checker }}.", italic=True)
    loop_table(doc, ["Requirement", "Status", "Details", "Citation"], "r in requirements",
               ["{{ r.rule }}: {{ r.name }}", "{{ r.status }}", "{{ r.details }}", "{{ r.citation }}"],
               [1.8, 0.8, 2.6, 1.8], empty="The checker reported no requirements for this profile.")
    para(doc, "{{ summary }}")
    return doc


def notice_document() -> Document:
    doc = new_document("Part 2 notice")
    header_footer(doc, "Notice to accompany disclosure")
    doc.add_paragraph("Notice to Accompany Disclosure", style="Title")
    para(doc, "{{ notice.text }}", bold=True)
    para(doc, "42 CFR Part 2 notice, version {{ notice.version }} (effective {{ notice.effective }}). "
              "Source: {{ notice.source }}.", italic=True, size=8)
    return doc


PLAN_FAMILIES = ("generic", "medicare", "medicaid", "commercial")


def to_bytes(doc, title: str) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return normalize_docx(buf.getvalue(), title=title)


def build_all() -> dict[str, bytes]:
    """Relative path -> normalised bytes of every shipped template."""
    out = {f"{fam}.docx": to_bytes(plan_document(fam), "Recovery Maintenance Plan template")
           for fam in PLAN_FAMILIES}
    out["packet/cover.docx"] = to_bytes(cover_document(), "Payer packet cover sheet template")
    out["packet/checklist.docx"] = to_bytes(checklist_document(), "Compliance checklist template")
    # `plandoc templates init NAME` copies this one and puts NAME where STARTER_NAME stands.
    out["starter.docx"] = to_bytes(plan_document("generic", STARTER_NAME), "Recovery Maintenance Plan template")
    out["packet/part2-notice.docx"] = to_bytes(notice_document(), "Part 2 notice template")
    return out


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for rel, data in build_all().items():
        path = HERE / rel
        if check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(rel)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            print(f"wrote templates/{rel} ({len(data)} bytes)")
    if stale:
        print("out of date (run: PYTHONPATH=src python templates/build.py): " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
