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
