"""Files of the thirteenth held-out set read at the first try: a structure's own record of the meetings it went
to (its members counted as its category, the structure and the year named in the title only, an event that is no
meeting of the council left out), and a list of who does what, one action per row with its porteur, partners and
funders stacked in cells."""

from __future__ import annotations

import datetime as dt

import pytest
from workbooks import xlsx

from clsm_data import importing as importer
from clsm_data.core.errors import DataFileError
from clsm_data.core.roles import COORDINATOR, Caller

COORD = Caller("coordination", COORDINATOR)


@pytest.fixture
def con(fresh_con):
    return fresh_con


def applied_count(con, plan, where: str) -> int:
    """Import the plan, then the people counted in the attendance rows `where` says (SQL over attendance)."""
    importer.apply_import(con, COORD, plan)
    return con.execute(f"SELECT sum(count) FROM attendance WHERE {where}").fetchone()[0]


def _gem_csv(title: str, members: str = "Adhérents") -> bytes:
    lines = [f"{title};;;;", ";;;;", f"Date;Réunion;{members};Animateur;Remarques",
             "12/01;COPIL;2 (dont la trésorière);oui;",
             "7/3;GT culture loisirs;4;non;animateur malade",
             "10/10;SISM conférence;5;oui;pas une réunion du CLSM",
             "21/11;Assemblée plénière;3;oui;", ";;;;", "TOTAL;;14;;"]
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def test_a_gems_own_record_counts_its_members_as_users_its_staff_as_professionals(con):
    data = _gem_csv("Présences du GEM Camille Claudel aux instances du CLSM – année 2023")
    plan = importer.plan_import(con, data, "presences_gem.csv")
    meetings = sorted((r["instance_id"], r["date"]) for r in plan.changes["meeting"].added)
    assert meetings == [("copil", dt.date(2023, 1, 12)), ("groupe-culture-loisirs", dt.date(2023, 3, 7)),
                        ("pleniere", dt.date(2023, 11, 21))]
    attendance = sorted((r["meeting_id"], r["structure_id"], r["role_category"], r["count"])
                        for r in plan.changes["attendance"].added)
    assert attendance == [
        ("copil-2023-01-12", "gem-camille-claudel", "professionnel", 1),
        ("copil-2023-01-12", "gem-camille-claudel", "usager", 2),
        ("groupe-culture-loisirs-2023-03-07", "gem-camille-claudel", "usager", 4),  # « non »: no one of the staff
        ("pleniere-2023-11-21", "gem-camille-claudel", "professionnel", 1),
        ("pleniere-2023-11-21", "gem-camille-claudel", "usager", 3),
    ]
    said = " ".join(plan.messages)
    assert "(« SISM conférence ») : un événement (SISM), pas une réunion du CLSM" in said
    assert "ligne de total, laissée de côté" in said
    assert "nomme la structure « GEM Camille Claudel »" in said
    assert applied_count(con, plan, "structure_id = 'gem-camille-claudel' AND role_category = 'usager' "
                                    "AND meeting_id LIKE '%-2023-%'") == 9


def test_members_of_a_structure_the_title_does_not_say_is_a_gem_are_no_category_guessed(con):
    data = _gem_csv("Présences de l'association aux instances du CLSM – année 2023")
    with pytest.raises(DataFileError):  # « Adhérents » of an unnamed association: asked, never read as users
        importer.plan_import(con, data, "presences.csv")


def test_a_title_naming_no_structure_leaves_the_attendance_unread(con):
    data = _gem_csv("Nos présences aux instances du CLSM – année 2023", members="Usagers")
    with pytest.raises(DataFileError):  # whose users? the structure is asked for, never made up
        importer.plan_import(con, data, "presences.csv")


def _who_does_what() -> bytes:
    return xlsx({"Qui fait quoi": [
        ["DOCUMENT DE TRAVAIL"],
        ["Réf.", "Intitulé de l'action", "Porteur", "Partenaires principaux", "Financeurs", "MAJ"],
        ["Prog. 2022", "Création d'une équipe mobile psychiatrie précarité (EMPP) sur le territoire messin",
         "CH Jury", "RESAM\nADOMA", "ARS Grand Est / CNFPT (pressenti)", "MAJ 03/25"],
        ["Prog. 2022", "Collaboration entre la future EMPP et les acteurs locaux (fiche action proposée au Contrat "
         "local de santé)", "—", "CMSEA", "—", "MAJ 03/25"],
        [None] * 6,
        ["en jaune : à valider", None, None, None, None, None],
    ]})


def test_a_list_of_who_does_what_is_read_as_the_partners_of_the_actions(con):
    plan = importer.plan_import(con, _who_does_what(), "partenaires.xlsx")
    assert set(plan.changes) == {"action_partner"}  # the actions themselves are not touched
    rows = sorted((r["action_id"], r["structure_id"], r["role"], r.get("note"))
                  for r in plan.changes["action_partner"].added)
    assert rows == [
        ("p22-13", "adoma", "partenaire principal", None),
        ("p22-13", "ars-grand-est", "financeur", None),
        ("p22-13", "ch-jury", "porteur", None),
        ("p22-13", "cnfpt", "financeur", "Financeurs : pressenti"),
        ("p22-13", "resam", "partenaire principal", None),
        ("p22-14", "cmsea", "partenaire principal", None),
    ]  # the porteur written is kept as the file's partner row (as in every list of partners); « — » names no one
    said = " ".join(plan.messages)
    assert "colonne(s) « Réf. », « MAJ » laissée(s) de côté" in said


def test_a_follow_up_of_actions_with_their_status_stays_a_sheet_of_actions(con):
    data = xlsx({"Suivi": [
        ["Intitulé de l'action", "Porteur", "Partenaires", "Financeurs", "État d'avancement"],
        ["Coordination du Conseil local de santé mentale", "CH Jury", "Ville de Metz", "ARS", "mise en œuvre"],
    ]})
    plan = importer.plan_import(con, data, "suivi.xlsx")
    assert "action" in plan.changes and "action_partner" not in plan.changes
