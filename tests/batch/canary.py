"""Fictional PHI canaries and the files that carry them (an intake and a DOCX built at test time)."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..conftest import SAMPLES

NAME = "Quillon Vantablack"
FIRST, LAST = "Quillon", "Vantablack"
DOB_ISO, DOB_US = "1961-07-23", "07/23/1961"
CLIENT_ID = "ZQX-778812"
MEMBER_ID = "MBR-5521907"
PHONE = "555-0187"
EMAIL = "quillon.v@example.net"
ADDRESS = "77 Larkspur Terrace"

# What must never appear in a redacted report, a log line or the audit log.
CANARIES = (FIRST, LAST, DOB_ISO, DOB_US, CLIENT_ID, MEMBER_ID, PHONE, EMAIL, "Larkspur")


def intake(folder: Path, name: str = "canary.yaml") -> Path:
    data = yaml.safe_load((SAMPLES / "intake" / "complete.yaml").read_text())
    c = data["client"]
    c.update(name=NAME, preferred_name=FIRST, date_of_birth=DOB_ISO, client_id=CLIENT_ID, member_id=MEMBER_ID,
             phone=PHONE, email=EMAIL, address=f"{ADDRESS}, Springfield")
    data["payer"]["member_id"] = MEMBER_ID
    # Canaries inside text that rules quote as evidence.
    data["goals"][0]["statement"] = f"{FIRST} will work on feeling better and call {PHONE} when upset."
    data["goals"][0]["objectives"][0]["statement"] = (
        f"{NAME} (DOB {DOB_US}, MRN {CLIENT_ID}, member {MEMBER_ID}) will e-mail {EMAIL} weekly from {ADDRESS}.")
    data["assessment"]["summary"] = (f"{NAME} (DOB {DOB_US}, MRN {CLIENT_ID}) pt has hx of ETOH use; "
                                     f"reach at {EMAIL}. Lives at {ADDRESS}.")
    for s in data["signatures"]:
        if s["role"] == "client":
            s["name"] = NAME
    path = folder / name
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def docx(folder: Path, name: str = "plan.docx") -> Path:
    from docx import Document

    d = Document()
    d.add_heading("Treatment Plan", 0)
    d.add_heading("Client Information", 1)
    t = d.add_table(rows=0, cols=2)
    for label, value in (("Client Name", NAME), ("Date of Birth", DOB_US), ("Client ID", CLIENT_ID),
                         ("Member ID", MEMBER_ID), ("Phone", PHONE), ("Email", EMAIL),
                         ("Address", f"{ADDRESS}, Springfield")):
        row = t.add_row().cells
        row[0].text, row[1].text = label, value
    d.add_heading("Assessment Summary", 1)
    d.add_paragraph(f"{NAME} reports daily ETOH use; pt has hx of relapse. {FIRST} can be reached at {PHONE}.")
    d.add_heading("Goals", 1)
    d.add_paragraph(f"Goal 1: {FIRST} will work on feeling better.")
    d.add_paragraph(f"Objective 1a: {FIRST} will understand triggers and call {PHONE} when needed.")
    d.add_paragraph(f"Objective 1b: {NAME} (born {DOB_US}, client ID {CLIENT_ID}) will mail {EMAIL} weekly "
                    f"from {ADDRESS}.")
    d.add_heading("Interventions", 1)
    d.add_paragraph("Individual CBT weekly with the primary counselor.")
    d.add_heading("Signatures", 1)
    d.add_paragraph(f"Client: {NAME}   Date: 11/02/2026")
    path = folder / name
    d.save(path)
    return path
