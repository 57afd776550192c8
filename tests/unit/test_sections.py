from plandoc import sections
from plandoc.model import SECTION_FIELDS


def test_nine_contract_ids_in_order():
    assert sections.SECTION_IDS == (
        "client_information", "assessment_summary", "goals", "interventions", "coping_strategies",
        "support_systems", "monitoring_review", "discharge_criteria", "signatures")


def test_model_covers_every_section():
    assert set(SECTION_FIELDS) == set(sections.SECTION_IDS)


def test_headings_with_numbering_and_punctuation():
    cases = {
        "1. Client Information": "client_information",
        "Section III \u2013 Goals": "goals",
        "D. Plan Review": "monitoring_review",
        "IDENTIFYING INFORMATION:": "client_information",
        "Problems/Goals/Objectives": "goals",
        "Relapse Prevention Plan": "coping_strategies",
        "Natural Supports": "support_systems",
        "Discharge/Transition Criteria": "discharge_criteria",
        "Client Participation": "signatures",
        "Presenting Problem": "assessment_summary",
        "(a) Treatment Modalities": "interventions",
    }
    for heading, sid in cases.items():
        assert sections.match_heading(heading) == sid, heading


def test_unknown_heading_is_none():
    assert sections.match_heading("Current Medications List") is None
    assert sections.match_heading("") is None


def test_guess_heading_from_keywords():
    cases = {
        "What we are working on": "goals",
        "How we will get there": "interventions",
        "Who helps me": "support_systems",
        "When things get hard": "coping_strategies",
        "Moving on": "discharge_criteria",
        "Checking in": "monitoring_review",
        "My story": "assessment_summary",
        "About me": "client_information",
        "Sign-off": "signatures",
    }
    for heading, sid in cases.items():
        assert sections.match_heading(heading) is None, heading
        assert sections.guess_heading(heading) == sid, heading


def test_guess_heading_ignores_plan_titles_and_unknown_words():
    for heading in ("Stonebrook Treatment Plan", "Individualized Recovery Plan", "Current Medications",
                    "Legal Status", "Medication Consent", "Crisis Numbers"):
        assert sections.guess_heading(heading) is None, heading


def test_guess_heading_questions_and_first_person():
    cases = {
        "What has happened so far?": "assessment_summary",
        "What are my strengths?": "assessment_summary",
        "What will I do when things get hard?": "coping_strategies",
        "When I feel like using": "coping_strategies",
        "When am I ready to move on?": "discharge_criteria",
        "What help will I get?": "interventions",
        "How will we know it is working?": "monitoring_review",
        "How we will check my progress": "monitoring_review",
        "Who is in my corner?": "support_systems",
        "My people": "support_systems",
        "Who am I?": "client_information",
        "Youth Information": "client_information",
    }
    for heading, sid in cases.items():
        assert (sections.match_heading(heading) or sections.guess_heading(heading)) == sid, heading


def test_guess_heading_longer_keyword_and_first_named_win():
    # 'planned support' is one keyword of the services, not also the supports' 'support'
    assert sections.guess_heading("Planned support") == "interventions"
    # 'want to use' (coping) covers the goals' 'want to'
    assert sections.guess_heading("When I want to use") == "coping_strategies"
    # one hit each: the section named first
    assert sections.guess_heading("What I will do and who will help me") == "interventions"
    assert sections.guess_heading("Who helps me and what I will do") == "support_systems"


def test_classify_prose_by_content_cues():
    cases = {
        "Sam is a 40-year-old man with a history of alcohol use disorder; he started drinking at 15 and had "
        "two prior detox admissions.": "assessment_summary",
        "Sam will meet with his counselor every week for 50-minute sessions of CBT, and see the prescriber "
        "once a month.": "interventions",
        "When he gets bored he will call his sponsor; cravings after work are his main trigger, and he "
        "will use urge surfing to cope.": "coping_strategies",
        "His wife and his brother come to family night, and he goes to a Narcotics Anonymous meeting "
        "with a friend from church.": "support_systems",
        "The plan will be reviewed every 60 days; progress is measured by screen results and attendance.":
            "monitoring_review",
        "He can step down to aftercare and be discharged when he has 6 months of negative screens.":
            "discharge_criteria",
        "Signed by Sam Example on 11/09/2026 and co-signed by his counselor on 11/10/2026.": "signatures",
    }
    for text, sid in cases.items():
        assert sections.classify_prose(text) == sid, text


def test_classify_prose_needs_two_cues_and_a_clear_winner():
    assert sections.classify_prose("The clinic is open Monday to Friday from 8 to 6.") is None
    assert sections.classify_prose("His brother helps.") is None  # one cue
    # as many assessment cues as support cues: no section
    assert sections.classify_prose("He has used cannabis since age 15 (F12.20); his brother is supportive.") is None
