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
