"""Headlines a COPIL can repeat (issue 16): each sentence states one kind of thing over one plan and one period.

Every headline of the overview, the slides, the deck and the bilan comes from a `Statement`; these tests
read the statements and the figures built on them beside the five documents.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from clsm_data.present import figures, headlines, report
from clsm_data.read import statements
from clsm_data.read.filters import Filters
from clsm_data.store.db import connect


@pytest.fixture()
def con(seed_db):
    c = connect(seed_db)
    yield c
    c.close()


Y2021 = Filters(period_start=dt.date(2021, 1, 1), period_end=dt.date(2021, 12, 31))
PLANS = ("clsm-2020", "cls-2017-2020", "programme-2022", "cls-2022-2026")


def test_the_plan_in_force_at_the_datas_date_is_the_programme_presented_that_day(con):
    assert statements.data_date(con) == dt.date(2021, 11, 18)
    assert statements.plan_in_force(con) == "programme-2022"
    assert statements.plan_in_force(con, dt.date(2018, 6, 1)) == "cls-2017-2020"


def test_proposals_are_never_actions(con):
    said = statements.proposals(con)
    assert said.kind == "piste" and said.figure == 121
    assert said.text == ("Pistes d'actions des groupes projets 2021 (10/02/2021) : 121 propositions des groupes "
                         "projets, 83 des partenaires et 38 du CLSM, pas encore des actions engagées")
    for plan in PLANS:  # no plan's action count holds a proposal
        acts = statements.actions(con, Filters(plan_id=plan))
        assert acts.kind == "action" and acts.figure < 25
    assert con.execute("SELECT count(*) FROM v_action WHERE plan_id = 'pistes-2021'").fetchone()[0] == 0
    fig = figures.build_slide(con, "avancement:pistes-2021", Filters())
    assert fig["title"] == said.text and "action" not in fig["frame"].columns.str.lower().tolist()


@pytest.mark.parametrize("plan, text", [
    ("programme-2022", "Programme 2022, en 2022 : aucune action réalisée sur 15 prévues"),
    ("cls-2017-2020", "CLS 2017-2020, de 2017 à 2020 : 1 action réalisée sur 1 prévue"),
    ("clsm-2020", "Axes stratégiques 2020, de 2017 à 2020 : 2 actions réalisées sur 3 prévues"),
    ("cls-2022-2026", "CLS 2022-2026, de 2022 à 2026 : aucune action prévue"),
])
def test_realised_on_planned_is_one_plan_and_one_period(con, plan, text):
    said = statements.realised(con, Filters(plan_id=plan))
    assert said.text == text
    assert said.plan and said.period  # both stated
    assert said.details["realised"] <= said.details["planned"]


def test_a_period_with_nothing_planned_says_so(con):
    said = statements.realised(con, Filters(plan_id="programme-2022", period_start=dt.date(2021, 1, 1),
                                            period_end=dt.date(2021, 12, 31)))
    assert said.text == "Programme 2022, en 2021 : aucune action prévue"


def test_no_headline_adds_two_plans_or_proposals(con):
    """The old « Le CLSM suit 146 actions » and « 3 actions réalisées sur 19 prévues » are gone everywhere."""
    texts = []
    for slide in figures.catalogue(con):
        fig = figures.build_slide(con, slide, Filters(), masked=True)
        texts += [fig["title"], *[f"{x['value']} {x['label']}" for x in fig["figures"]], *fig["notes"]]
    doc = report.model(con, 2021, masked=True, charts=False)
    texts += [b[1] for b in doc["blocks"] if b[0] in ("p", "h1")]
    every = "\n".join(texts)
    assert "146" not in every and "sur 19 prévues" not in every and "suit " not in every
    assert "rattachées à aucun axe" not in every
    assert not re.search(r"\btables? (action|meeting|attendance|structure|event|milestone)\b", every)
    key = figures.key_figures(con, Filters())
    assert key["title"].startswith("Programme d'actions 2022 (présenté le 18/11/2021) : 20 actions")
    labels = [x["label"] for x in key["figures"]]
    assert labels[1] == "actions réalisées sur 15 prévues (Programme 2022, en 2022)"
    assert all("Programme 2022" in label or "toutes années" in label for label in labels)


def test_the_2022_programme_is_read_by_the_minutes_headings(con):
    fig = figures.build_slide(con, "avancement:programme-2022", Filters())
    assert fig["title"] == ("Programme d'actions 2022 (présenté le 18/11/2021) : 20 actions en 6 rubriques du "
                            "compte rendu, aucune encore réalisée")
    assert "Inclusion dans la cité" in set(fig["frame"]["Axe"])


def test_masking_never_changes_the_subject(con):
    masked = figures.build_slide(con, "derniere-reunion", Filters(), masked=True)
    assert masked["title"] == "28 participants à la réunion du 18/11/2021, dont des usagers et des aidants"
    open_ = figures.build_slide(con, "derniere-reunion", Filters(), masked=False)
    assert open_["title"] == "28 participants à la réunion du 18/11/2021, dont 2 usagers et 2 aidants"
    one = statements.participants(12, {"usager": 1, "professionnel": 11}, False, "le 01/02/2022")
    assert one.text == "12 participants le 01/02/2022, dont 1 usager"  # singular right
    # one small category alone: an exact total would give it back by subtraction
    alone = statements.participants(14, {"usager": 3, "professionnel": 11}, True, "le 01/02/2022")
    assert alone.text == "au moins 12 participants le 01/02/2022, dont des usagers" and alone.figure is None


def test_the_meetings_chart_never_stacks_counted_on_dated(con):
    fig = figures.build_slide(con, "reunions", Filters())
    frame = fig["frame"]
    assert frame.groupby("Année")["Réunions"].sum().to_dict()["2021"] == 2
    assert frame.groupby("Année")["Réunions"].sum().to_dict()["2021 (comptées)"] == 26


def test_2021_instances_and_facts_from_the_minutes(con):
    said = statements.instances(con, 2021)
    assert said.figure == 0 and said.kind == "instance"
    assert said.text.startswith("En 2021, ni le comité de pilotage ni l'assemblée plénière ne se sont réunis")
    assert "« Le Comité de pilotage et l'Assemblée plénière" in said.text
    assert statements.instances(con, 2018).text == ("En 2018, les instances du CLSM se sont réunies : 1 comité de "
                                                     "pilotage et 1 assemblée plénière")
    facts = statements.achievements(con, 2021)
    assert len(facts) == 9 and facts["quote"].notna().all() and facts["source_title"].notna().all()
    assert {"dossier déposé", "fiches rédigées", "actions proposées", "participation à un événement"} <= set(facts["kind"])


def test_named_structures_beside_the_130_the_council_counts(con):
    said = statements.structures(con)
    assert said.details == {"named": 66, "counted": 130, "counted_source": "fiche n°32"}
    fig = figures.build_slide(con, "secteurs", Filters())
    assert fig["title"].startswith("66 structures nommées dans les documents")
    assert "130 structures identifiées qui composent le CLSM" in " ".join(fig["notes"])


def test_the_bilans_cover_and_footer_say_the_validation_state(con):
    doc = report.model(con, 2021, charts=False)
    assert "Année 2021 non validée, données au 18/11/2021" in doc["cover"]["lines"]
    assert doc["footer"] == "Bilan annuel 2021 · année 2021 non validée, données au 18/11/2021"


# ---------------------------------------------------------------- issue 19: a validated year stays validated


def test_a_validated_year_is_what_every_output_states(fresh_db):
    from clsm_data import importing as importer
    from clsm_data.core.errors import ClsmError
    from clsm_data.core.roles import Caller
    from clsm_data.followup import year as followup

    boss = Caller("coordination", "coordinator")
    c = connect(fresh_db, read_only=False)
    try:
        assert followup.year_state(c, 2025)["state"] == "rien à valider"
        with pytest.raises(ClsmError, match="Rien à valider pour 2025"):
            followup.validate_year(c, boss, 2025)
        assert followup.year_state(c, 2021)["state"] == "non validée"
        followup.validate_year(c, boss, 2021, on=dt.date(2022, 2, 15))
        csv = "identifiant;instance;date\ncopil-2021-12-10;copil;10/12/2021\n".encode()
        importer.apply_import(c, boss, importer.plan_import(c, csv, "reunions-2021.csv", table="meeting"))
        state = followup.year_state(c, 2021)
        assert state["state"] == "validée" and state["validated_on"] == dt.date(2022, 2, 15)
        assert any(x.startswith("+1 réunion datée (validé : 2, aujourd'hui : 3)") for x in state["corrections"])
        # the bilan states the validated figures, the correction apart
        doc = report.model(c, 2021, charts=False)
        assert "Année 2021 validée par le COPIL le 15/02/2022" in doc["cover"]["lines"]
        figs = dict((label, value) for value, label in next(b[1] for b in doc["blocks"] if b[0] == "figures"))
        assert figs["réunions datées en 2021 (toutes réunions)"] == "2"
        assert figs["réunion du comité de pilotage ou de l'assemblée plénière en 2021"] == "0"  # « 0 réunion »
        texts = [b[1] for b in doc["blocks"] if b[0] == "list"]
        assert any("+1 réunion datée" in x for items in texts for x in items)
        table = next(b for b in doc["blocks"] if b[0] == "table" and b[1][:2] == ["Date", "Réunion"])
        assert ["10 décembre 2021", "Comité de pilotage (après validation)"] == table[2][-1][:2]
        assert table[2][0][1] == "Réunion d'information des partenaires"  # rows of before the validation: unmarked
        # the overview and the slide of that year: validated figures too
        o = headlines.overview(c, Y2021)
        assert o["meetings"] == 2 and o["validated"] == dt.date(2022, 2, 15) and o["corrections"]
        key = figures.key_figures(c, Y2021)
        assert {"value": "2", "label": "réunions datées (en 2021)"} in key["figures"]
        assert key["notes"][0].startswith("Chiffres validés par le COPIL le 15/02/2022 ; après validation : +1 réunion datée")
        # reopened with a reason: the current figures again, audited
        with pytest.raises(ClsmError, match="donnez la raison"):
            followup.reopen_year(c, boss, 2021, " ")
        followup.reopen_year(c, boss, 2021, "réunion de décembre oubliée")
        assert followup.year_state(c, 2021)["state"] == "non validée"
        assert headlines.overview(c, Y2021)["meetings"] == 3
        last = c.execute("SELECT operation, origin FROM audit_log ORDER BY audit_id DESC LIMIT 1").fetchone()
        assert last == ("réouverture de l'année", "réouverture de l'année 2021 : réunion de décembre oubliée")
    finally:
        c.close()


def test_an_import_into_a_validated_year_says_so_before_writing(fresh_db):
    from clsm_data import importing as importer
    from clsm_data.core.roles import Caller
    from clsm_data.followup import year as followup

    boss = Caller("coordination", "coordinator")
    c = connect(fresh_db, read_only=False)
    try:
        csv = "identifiant;instance;date\ncopil-2021-12-10;copil;10/12/2021\n".encode()
        assert followup.validated_years_touched(c, importer.plan_import(c, csv, "r.csv", table="meeting")) == {}
        followup.validate_year(c, boss, 2021, on=dt.date(2022, 2, 15))
        plan = importer.plan_import(c, csv, "r.csv", table="meeting")
        touched = followup.validated_years_touched(c, plan)
        assert touched == {2021: {"validated_on": dt.date(2022, 2, 15), "rows": 1}}
        assert followup.touched_words(touched) == [
            "Cette écriture touche l'année 2021, validée par le COPIL le 15/02/2022 (1 ligne) : les chiffres validés "
            "ne changent pas ; ces lignes seront montrées à part, « après validation », jusqu'à ce que l'année soit "
            "rouverte."]
    finally:
        c.close()


def test_what_the_coordinator_writes_is_in_the_bilan(fresh_db):
    from clsm_data.core.roles import Caller
    from clsm_data.followup import year as followup

    boss = Caller("coordination", "coordinator")
    c = connect(fresh_db, read_only=False)
    try:
        followup.set_comment(c, boss, "fiche-15", 2021, "Année de préparation du CLS 2022-2026.")
        followup.set_status(c, boss, "p22-13", "mise en œuvre", on=dt.date(2021, 12, 1), note="Réponse de l'ARS reçue.")
        doc = report.model(c, 2021, charts=False)
        items = [x for b in doc["blocks"] if b[0] == "list" for x in b[1]]
        assert "« Coordination du Conseil local de santé mentale » : Année de préparation du CLS 2022-2026." in items
        assert any(x.startswith("« Création d'une équipe mobile psychiatrie précarité (EMPP)") and
                   x.endswith("statut « mise en œuvre » le 01/12/2021 : Réponse de l'ARS reçue.") for x in items)
    finally:
        c.close()


def test_the_meetings_slide_says_whether_the_instances_met_that_year(con):
    notes = figures.build_slide(con, "reunions", Filters())["notes"]
    assert any(n.startswith("En 2021, ni le comité de pilotage ni l'assemblée plénière ne se sont réunis") for n in notes)
    y2018 = Filters(period_start=dt.date(2018, 1, 1), period_end=dt.date(2018, 12, 31))
    assert "En 2018, les instances du CLSM se sont réunies : 1 comité de pilotage et 1 assemblée plénière." in \
        figures.build_slide(con, "reunions", y2018)["notes"]
