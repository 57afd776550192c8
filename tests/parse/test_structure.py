"""`structure.build` on hand-made blocks: general plan shapes beyond the labeled corpus."""

from __future__ import annotations

from plandoc.parse.blocks import Line, Table
from plandoc.parse.structure import build


def H(text, **kw):
    return Line(text, bold=True, **kw)


def L(text, **kw):
    return Line(text, **kw)


def _doc(blocks):
    for i, b in enumerate(blocks):
        b.paragraph = i
    return build(blocks, "x.docx", "docx", None)


def test_label_variants_and_levels():
    d = _doc([H("Problems and Goals"),
              L("LTG 1 - Stay away from alcohol for 90 consecutive days."),
              L("STG 1.2: Attend two meetings each week."),
              L("Objective 2b Keep a craving log every evening for six weeks."),
              L("Goal 2:"), L("You will go back to work by 15 March 2027."),
              L("Progress: partly met; two meetings missed."),
              L("Target date: 03/15/2027")])
    assert [(s.text, s.level) for s in d.statements] == [
        ("Stay away from alcohol for 90 consecutive days.", "goal"),
        ("Attend two meetings each week.", "objective"),
        ("Keep a craving log every evening for six weeks.", "objective"),
        ("You will go back to work by 15 March 2027.", "goal")]


def test_whole_plan_in_one_table_with_label_cells():
    t = Table([[["Client Name"], ["Jo Example"]],
               [["Goals"], ["Goal 1: I will attend 3 groups per week for 8 weeks."]],
               [["Interventions"], ["Group therapy three times a week."]],
               [["Discharge Criteria"], ["Step down after 8 weeks of attendance."]]])
    d = _doc([H("Recovery Plan"), t])
    assert d.sections["goals"].present and d.sections["interventions"].present
    assert d.sections["discharge_criteria"].present
    assert [s.text for s in d.statements] == ["I will attend 3 groups per week for 8 weeks."]


def test_no_headings_client_top_and_signature_end():
    d = _doc([L("Client Name: Jo Example    DOB: 02/03/1999", cells=["Client Name: Jo Example", "DOB: 02/03/1999"]),
              H("Goals"), L("Goal 1: Jo will stay sober."),
              L("Client Signature: ____________    Date: ________")])
    assert d.sections["client_information"].present and d.sections["client_information"].heading is None
    assert d.sections["signatures"].present
    assert d.plan.signatures == []  # an empty line is not a signature


def test_problem_cells_and_progress_are_not_statements():
    t = Table([[["Problem"], ["Long-Term Goal"], ["Short-Term Objectives"], ["Intervention"], ["Responsible"]],
               [["Housing at risk"], ["Keep my apartment."], ["1) Pay rent on time each month for 6 months. "
                                                             "2) Meet the case manager twice a month."],
                ["Budget sessions"], ["Case manager"]]])
    d = _doc([H("Goals"), t])
    assert [(s.text, s.level) for s in d.statements] == [
        ("Keep my apartment.", "goal"),
        ("Pay rent on time each month for 6 months.", "objective"),
        ("Meet the case manager twice a month.", "objective")]


def test_unmatched_heading_does_not_leak_into_previous_section():
    d = _doc([H("Coping Strategies"), L("Call a friend when cravings start."),
              H("Medication Consent"), L("Consent text for a fictional medication."),
              H("Supports"), L("Aunt and a weekly meeting.")])
    sections = {b.text: b.section for b in d.blocks}
    assert sections["Consent text for a fictional medication."] == "other"
    assert sections["Call a friend when cravings start."] == "coping_strategies"


def test_title_above_headings_is_not_a_section():
    d = _doc([Line("Treatment Plan Review", bold=True, size=18),
              Line("Goals", bold=True, size=12), Line("Goal 1: Sam will attend 2 groups per week.", size=10),
              Line("Interventions", bold=True, size=12), Line("Weekly counseling.", size=10)])
    assert not d.sections["monitoring_review"].present
    assert d.sections["goals"].heading == "Goals"


def test_review_interval_next_review_and_dates():
    d = _doc([H("Review Schedule"), L("This plan is reviewed every 4 weeks. Next review: 2027-01-15.")])
    assert d.plan.monitoring.review_interval_days == 28
    assert str(d.plan.monitoring.next_review_date) == "2027-01-15"


def test_heading_in_unlisted_words_is_placed_by_keywords():
    d = _doc([H("What we are working on"), L("Goal 1: Sam will attend 2 groups per week for 8 weeks."),
              H("Who helps me"), L("My aunt and the Tuesday meeting.")])
    assert d.sections["goals"].present and d.sections["goals"].heading == "What we are working on"
    assert d.sections["support_systems"].present
    assert [s.text for s in d.statements] == ["Sam will attend 2 groups per week for 8 weeks."]


def test_keyword_sub_heading_inside_a_section_stays_there():
    d = _doc([Line("Assessment", bold=True, size=14), L("Sam drank daily for ten years."),
              Line("Previous treatment", bold=True, size=11), L("Outpatient counseling in 2019."),
              Line("Interventions", bold=True, size=14), L("Weekly counseling, 50 minutes.")])
    by_text = {b.text: b.section for b in d.blocks}
    assert by_text["Outpatient counseling in 2019."] == "assessment_summary"


def test_items_under_a_bare_goals_label_outside_the_goals_section():
    d = _doc([H("Problem 1: Stimulant use"), L("Short-term goals:"),
              Line("1.1 Sam will give negative drug screens twice a week for ten weeks.", size=10),
              Line("1.2 Sam will identify triggers.", size=10),
              L("Interventions: contingency management twice weekly with the counselor.")])
    assert [(s.level, s.text) for s in d.statements] == [
        ("objective", "Sam will give negative drug screens twice a week for ten weeks."),
        ("objective", "Sam will identify triggers.")]
    assert d.sections["interventions"].present


def test_diagnosis_sentence_without_heading_makes_the_assessment_present():
    d = _doc([L("Dear Sam,"), L("You have used cannabis every day for six years (F12.20) and want to cut down.")])
    assert d.sections["assessment_summary"].present


def test_question_headings_are_headings():
    d = _doc([Line("What are my strengths?", bold=True, size=13), Line("I am good with computers.", size=10),
              Line("What help will I get?", bold=True, size=13), Line("Counseling once a week.", size=10),
              Line("Who is in my corner?", bold=True, size=13), Line("My mother and my brother.", size=10),
              Line("Do you drink more than you mean to? Most days I do.", bold=True, size=10)])
    assert d.sections["assessment_summary"].heading == "What are my strengths?"
    assert d.sections["interventions"].present and d.sections["support_systems"].present
    by_text = {b.text: b.section for b in d.blocks}
    assert by_text["Do you drink more than you mean to? Most days I do."] == "support_systems"  # prose, not a heading


def test_title_above_headings_placed_by_keywords_is_not_a_section():
    # 'Community' would place the clinic's name under the supports; bigger and above the first
    # heading, it is the letterhead
    d = _doc([Line("Harbour Community Health", bold=True, size=18),
              Line("Jo Example  Date of birth 01/02/1990  Client ID HC-7712", size=10),
              Line("What we are working on", bold=True, size=12), Line("1. Jo will attend 2 groups a week.", size=10),
              Line("Signatures", bold=True, size=12), Line("Jo Example, 20/11/2026", size=10)])
    assert not d.sections["support_systems"].present
    assert d.sections["client_information"].present


def test_interventions_column_of_a_goals_table_makes_interventions_present():
    def table(method_header, method_cell):
        return Table([[["Problem"], ["Goal"], ["Objective"], [method_header], ["Timeframe"]],
                      [["Alcohol use"], ["Sam will stay sober."], ["Sam will give 8 negative breath tests by 03/01/2027."],
                       [method_cell], ["90 days"]]])
    for header in ("Method", "Interventions", "Services"):
        d = _doc([H("Problems, Goals and Objectives"), table(header, "Weekly CBT with the counselor.")])
        assert d.sections["interventions"].present, header
        assert [s.text for s in d.statements] == ["Sam will stay sober.", "Sam will give 8 negative breath tests by 03/01/2027."]
    # an empty or placeholder column is not a service
    d = _doc([H("Goals"), table("Intervention", "N/A")])
    assert not d.sections["interventions"].present
    # a column that is not about services does not count
    d = _doc([H("Goals"), table("Target Date", "03/01/2027")])
    assert not d.sections["interventions"].present


def test_several_labels_in_one_paragraph_are_split_into_statements():
    d = _doc([H("Goals"),
              L("Goal 1: Sam will stay sober. Objective 1a: Sam will attend 2 groups per week for 8 weeks. "
                "Objective 1b: Sam will call Dr. Lee every Monday."),
              L("We talked about work. Goal 2: Sam will go back to work. He is keen to start soon.")])
    assert [(s.level, s.text) for s in d.statements] == [
        ("goal", "Sam will stay sober."),
        ("objective", "Sam will attend 2 groups per week for 8 weeks."),
        ("objective", "Sam will call Dr. Lee every Monday."),
        ("goal", "Sam will go back to work.")]


def test_inline_labels_in_unheaded_narrative_keep_document_order():
    d = _doc([L("Sam and his counselor agreed on two goals. Goal 1: Sam will stay sober. Objective 1a: Sam will "
                "give 8 negative urine screens by 03/01/2027."),
              L("Objective 1b: Sam will attend 2 groups per week for 8 weeks."),
              L("Goal 2: Sam will go back to work. Objective 2a: Sam will apply for 3 jobs by 02/01/2027.")])
    assert [s.text for s in d.statements] == [
        "Sam will stay sober.", "Sam will give 8 negative urine screens by 03/01/2027.",
        "Sam will attend 2 groups per week for 8 weeks.", "Sam will go back to work.",
        "Sam will apply for 3 jobs by 02/01/2027."]
    assert d.sections["goals"].present


def test_letterhead_placed_by_keywords_is_a_title_not_a_section():
    d = _doc([Line("Hillside Counseling", bold=True, size=14), Line("Treatment plan", size=11),
              Line("Sam Example was seen on 11/09/2026 and the plan was written with him.", size=12)])
    assert not d.sections["interventions"].present


def test_unheaded_narrative_paragraphs_are_placed_by_content():
    d = _doc([Line("Hillside Counseling", bold=True, size=14),
              L("This plan was written on 11/09/2026 for Sam Example (date of birth 03/14/1988; client number "
                "HC-2290; phone 555-0100)."),
              L("Sam is a 38-year-old man with a history of opioid use disorder that began after surgery; he has "
                "been sober since March 2025."),
              L("Goal 1: Sam will stay sober. Objective 1a: Sam will give 8 negative urine screens by 03/01/2027."),
              L("Sam will meet with his counselor every week for 50-minute sessions of CBT, and with the "
                "prescriber once a month."),
              L("His wife comes to his medical visits, and he goes to a Narcotics Anonymous meeting with a friend "
                "from church on Sundays."),
              L("This plan will be reviewed and updated every 60 days, and progress is judged by his screen results."),
              L("Signed by Sam Example on 11/09/2026 and by his counselor on 11/09/2026.")])
    present = {sid for sid, s in d.sections.items() if s.present}
    assert present == {"client_information", "assessment_summary", "goals", "interventions", "support_systems",
                       "monitoring_review", "signatures"}
    by_text = {b.text[:20]: b.section for b in d.blocks}
    assert by_text["Sam will meet with h"] == "interventions"


def test_content_cues_do_not_add_sections_to_a_headed_plan():
    # text under a heading stays where the heading put it, whatever its words
    d = _doc([H("Assessment"),
              L("Sam's wife and his brother support him, and a friend from church drives him to Narcotics "
                "Anonymous on Sundays."),
              H("Goals"), L("Goal 1: Sam will attend 2 groups per week for 8 weeks.")])
    assert not d.sections["support_systems"].present


def test_step_labels_with_a_letter_and_a_digit():
    d = _doc([H("My goals"), L("Goal A: Sam will cut back on drinking."),
              L("Step A1: Sam will drink no more than 2 drinks on any day for 10 weeks."),
              L("Step B2 - Sam will learn to relax.")])
    assert [(s.level, s.text) for s in d.statements] == [
        ("goal", "Sam will cut back on drinking."),
        ("objective", "Sam will drink no more than 2 drinks on any day for 10 weeks."),
        ("objective", "Sam will learn to relax.")]


def test_form_table_with_label_column_and_long_header():
    t = Table([[["#"], ["Goal / Objective (in the client's own words)"], ["Target date"]],
               [["Goal 1"], ["Sam will stay sober."], ["05/31/2027"]],
               [["Obj. 1a"], ["Sam will attend 2 meetings per week for 16 weeks."], ["03/10/2027"]],
               [["Goal 2"], ["Sam will return to work."], ["05/31/2027"]],
               [["Obj. 2a"], ["Sam will complete a job readiness workshop by 01/15/2027."], ["01/15/2027"]]])
    d = _doc([H("Goals and Objectives"), t])
    assert [(s.level, s.text) for s in d.statements] == [
        ("goal", "Sam will stay sober."), ("objective", "Sam will attend 2 meetings per week for 16 weeks."),
        ("goal", "Sam will return to work."),
        ("objective", "Sam will complete a job readiness workshop by 01/15/2027.")]
    # without a header row: label rows
    d = _doc([H("Goals"), Table(t.rows[1:])])
    assert [s.level for s in d.statements] == ["goal", "objective", "goal", "objective"]


def test_short_imperative_goals_and_dash_objectives():
    d = _doc([L("Name: Sam Example  DOB: 10/02/1984"), H("Goals:"),
              L("1. Stop drinking."), L("\u2013 Go to 3 meetings a week for 8 weeks."),
              L("2. Get more sleep."), L("- Be in bed by 11 pm at least 5 nights a week."),
              L("Client signature: ____________")])
    assert [(s.level, s.text) for s in d.statements] == [
        ("goal", "Stop drinking."), ("objective", "Go to 3 meetings a week for 8 weeks."),
        ("goal", "Get more sleep."), ("objective", "Be in bed by 11 pm at least 5 nights a week.")]
    # two words without a number, bullet or label are not a statement
    d = _doc([H("Goals"), L("Goal 1: Sam will attend 2 groups per week for 8 weeks."), L("See notes.")])
    assert len(d.statements) == 1


def test_table_cells_carry_their_row_as_context():
    t = Table([[["Medication"], ["Dose"], ["Route"], ["Frequency"]],
               [["MS (stopped 08/2026)"], ["30 mg"], ["PO"], ["BID"]]])
    d = _doc([H("Current Medications"), t])
    cell = next(b for b in d.blocks if b.text == "MS (stopped 08/2026)")
    assert "30 mg" in cell.context and "BID" in cell.context
