"""Issue 9: figures a COPIL can trust (realised work, counts without dates, provenance, follow-up)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from test_pages import frames, metrics, open_page, tiles

from clsm_data.read import queries
from clsm_data.read.filters import Filters

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture
def con(seed_db):
    c = duckdb.connect(str(seed_db), read_only=True)
    yield c
    c.close()


# ---------------------------------------------------------------- 1. realised work, linked


def test_sheet_32_is_realised_by_its_2019_and_2020_sessions(con):
    r = queries.realisations(con, "fiche-32")
    sessions = r[r["kind"] == "événement"]
    assert sessions["year"].tolist() == [2019, 2020, 2020, 2020]
    assert int(sessions["quantity"].sum()) == 9  # 5 in 2019, 2 + 1 + 1 in 2020
    assert "« 2019 > 5 sessions (100 participants) »" in sessions["quote"].tolist()
    row = con.execute("SELECT status, status_label, status_origin FROM v_action WHERE action_id = 'fiche-32'").fetchone()
    assert row == ("conception", "réalisée", "réalisation")  # the sheet's checkbox is kept, the record wins


def test_realised_against_planned_follows_the_record(con):
    h = queries.headline(con, Filters())
    assert (h["realised"], h["planned"]) == (3, 19)
    done = con.execute("SELECT action_id FROM v_action WHERE status_label = 'réalisée' ORDER BY 1").fetchall()
    assert [d[0] for d in done] == ["fiche-32", "s20-outils", "s20-sism"]


def test_every_realisation_names_its_document_and_quote(con):
    bad = con.execute(
        "SELECT realisation_id FROM action_realisation WHERE source_id IS NULL OR quote IS NULL "
        "OR ((event_id IS NOT NULL)::INT + (milestone_id IS NOT NULL)::INT + (resource_id IS NOT NULL)::INT) <> 1"
    ).fetchall()
    assert bad == []


def test_overview_no_longer_says_0_of_16(app_db):
    # issue 16: one plan and one period per figure: the plan in force at the data's date (18/11/2021) is the
    # programme presented that day for 2022; nothing is realised in it yet, and the label says so.
    at = open_page()
    m = metrics(at)
    assert m["Réalisées / prévues (Programme 2022, en 2022)"] == "0 / 15"
    assert "3 / 19" not in m.values()  # three periods and two plans in one ratio: gone
    at.selectbox(key="plan").select("clsm-2020").run()  # another plan: one click away
    assert metrics(at)["Réalisées / prévues (Axes stratégiques 2020, de 2017 à 2020)"] == "2 / 3"
    av = open_page("pages/2_avancement.py")
    av.selectbox(key="plan").select("cls-2017-2020").run()
    assert metrics(av)["Réalisées / prévues (de 2017 à 2020)"] == "1 / 1"


# ---------------------------------------------------------------- 2. counted, not dated


def test_2021_has_26_counted_meetings_besides_the_dated_ones(con):
    per_year = queries.meetings_per_year(con, Filters())
    y2021 = per_year[per_year["year"] == 2021]
    assert int(y2021.loc[~y2021["counted"], "meetings"].sum()) == 2
    counted = y2021[y2021["counted"]]
    assert counted["meetings"].tolist() == [26]
    assert counted["instance_name"].tolist() == ["Réunions de groupes, comptées sans date"]
    h = queries.headline(con, Filters())
    assert (h["meetings"], h["meetings_counted"]) == (8, 26)


def test_several_times_in_2019_stays_without_a_number(con):
    loose = queries.counted_meetings(con, Filters())
    row = loose[loose["count_id"] == "cm-2019-winnicott"].iloc[0]
    assert row["count_text"] == "plusieurs fois" and pd.isna(row["meetings"])  # no number, never 0
    per_year = queries.meetings_per_year(con, Filters())
    assert int(per_year.loc[per_year["year"] == 2019, "meetings"].sum()) == 1  # the plenary of Dec. 2019 only


def test_participation_says_what_the_2021_column_adds(app_db):
    at = open_page("pages/4_participation.py")
    captions = "\n".join(c.value for c in at.caption)
    assert "2021 : 2 réunion(s) datée(s) + 26 réunions de groupes, comptées sans date = 28" in captions
    assert "plusieurs fois" in captions
    overview = metrics(open_page())
    assert overview["Réunions comptées sans date (toutes années)"] == "26"
    assert overview["Réunions datées (toutes années)"] == "8"


# ---------------------------------------------------------------- 3. provenance


def test_every_tile_of_the_overview_has_a_source(app_db):
    from clsm_data.read.provenance import FIGURES

    at = open_page()
    shown = list(tiles(at))
    assert len(shown) == 11  # 7 headline figures, then the 4 of « Ce qui a changé » (the tab open by default)
    closed = [p for p in at.get("popover") if p.proto.popover.label == "D'où viennent ces chiffres ?"]
    assert len(closed) == 2 and all(not p.markdown for p in closed)  # filled only once opened
    for n in range(1, 20):  # open them all (a click sets the popover's state, then the page reruns)
        at.session_state[f"source-tiles-{n}"] = True
        for figure in FIGURES:
            at.session_state[f"source-{figure}-{n}"] = True
    at.run()
    opened = [p for p in at.get("popover") if p.proto.popover.label == "D'où viennent ces chiffres ?"]
    bodies = ["\n".join(m.value for m in p.markdown) for p in opened]
    sections = {}
    for body in bodies:
        for part in body.split("#### ")[1:]:
            label, _, text = part.partition("\n")
            sections[label.replace("\\", "")] = text
    assert sorted(sections) == sorted(shown)  # every tile, under its own label
    for label in shown:
        assert "Ce que compte ce chiffre" in sections[label], label
        if label.startswith(("Actions du", "Réalisées / prévues", "Réunions", "Participants")):
            assert "**Fait**" in sections[label], label  # a document behind every headline figure
    realised = sections["Réalisées / prévues (Programme 2022, en 2022)"]
    assert "restitution des groupes thématiques" in realised
    assert "26 réunions ont été organisées" in sections["Réunions comptées sans date (toutes années)"]


def test_provenance_covers_every_seeded_row(con):
    from clsm_data.store.seed import read_seed

    data = read_seed()
    for name in ("action", "meeting", "attendance", "event", "structure", "action_realisation", "counted_meeting"):
        stored = con.execute("SELECT count(DISTINCT row_key) FROM provenance WHERE table_name = ? AND kind = 'document'",
                             [name]).fetchone()[0]
        assert stored == len(data[name].rows), name
    no_doc = con.execute("SELECT count(*) FROM provenance WHERE kind = 'document' AND source_id IS NULL").fetchone()[0]
    assert no_doc == 0


def test_an_import_shows_in_the_sources_of_a_figure(fresh_db):
    from clsm_data import importing as importer
    from clsm_data.core.roles import Caller
    from clsm_data.read.provenance import figure_sources
    from clsm_data.store.db import connect

    c = connect(fresh_db, read_only=False)
    try:
        csv = "identifiant;instance;date\ncopil-2021-06-10;copil;10/06/2021\n".encode("utf-8")
        plan = importer.plan_import(c, csv, "reunions-2021.csv", table="meeting")
        importer.apply_import(c, Caller("coordination", "coordinator"), plan)
        src = figure_sources(c, "meetings")
        imported = src[src["kind"] == "import"]
        assert imported["document"].tolist() == ["reunions-2021.csv"]
    finally:
        c.close()


def test_sources_page_names_every_reading_and_clash(app_db):
    at = open_page("pages/9_sources.py")
    assert not at.error
    assert [t.label for t in at.tabs] == ["Les cinq documents", "Écarts et lectures", "Saisies et imports"]
    docs = frames(at)[0]
    assert docs["Document"].tolist() == [  # titles, never ids (issue 19)
        "Pistes d'actions des groupes projets", "Avancée des projets",
        "Compte rendu de la réunion CLSM – restitution des groupes thématiques",
        "Fiche action n°32 – Sensibilisation des professionnels à la santé mentale",
        "Fiche action n°15 – Coordination du Conseil local de santé mentale"]
    readings = open_page("pages/9_sources.py", {"vue": "Écarts et lectures"})  # one tab drawn at a time
    shown = "\n".join(str(v) for d in frames(readings) for v in d.to_numpy().ravel())
    for needle in ("quatre nouvelles thématiques", "Eurométropole de Metz", "250 partenaires", "28 participants, non 29",
                   "« idée »", "« stratégique »", "Programme 2022", "Espace Bernard Marie Koltès", "CCOMS de Lille",
                   "connaissance extérieure", "« reconduite »", "cinq outils", "jamais « non »"):
        assert needle in shown, needle
    assert "Fait" in at.info[0].value and "Lecture" in at.info[0].value  # the legend


# ---------------------------------------------------------------- 4. corrections


def test_corrections_of_the_issue(con):
    assert con.execute("SELECT typology FROM action WHERE action_id = 'p22-01'").fetchone()[0] == "reconduite"
    fp = dict(con.execute("SELECT coalesce(founding_partner::VARCHAR, 'vide'), count(*) FROM structure GROUP BY 1").fetchall())
    assert fp == {"true": 3, "vide": 63}  # unknown stays empty, never « non »
    tools = [r[0] for r in con.execute("SELECT name FROM resource WHERE kind = 'outil de coordination' ORDER BY 1").fetchall()]
    assert tools == ["Annuaire des structures", "Carte des ressources", "Guide santé mentale", "Lettre d'information",
                     "Site internet collaboratif"]
    prec = dict(con.execute("SELECT action_id, period_precision FROM action WHERE action_id IN ('fiche-32', 'fiche-15')").fetchall())
    assert prec == {"fiche-32": "année", "fiche-15": "année"}
    assert con.execute("SELECT period_precision FROM action_step WHERE step_id = 'f32-s3'").fetchone()[0] == "semestre"
    assert con.execute("SELECT sum(count) FROM attendance WHERE meeting_id = 'reunion-2021-11-18'").fetchone()[0] == 28
    kinds = dict(con.execute("SELECT kind, count(*) FROM reading GROUP BY 1").fetchall())
    assert kinds["écart"] >= 4 and kinds["lecture"] >= 10 and kinds["correction"] >= 3


# ---------------------------------------------------------------- 5. what is missing


def test_to_do_list_for_the_coordinator(app_db):
    at = open_page("pages/10_a_completer.py")
    heads = [e.label for e in at.expander]
    assert "Structures sans commune : 57 sur 66" in heads
    assert "Réunions sans présences : 7 sur 8" in heads
    assert "Actions sans statut : 1 sur 25" in heads
    assert "Indicateurs sans valeur : 5 sur 7" in heads
    body = "\n".join(m.value for m in at.markdown)
    assert "Administration › Saisir une réunion" in body and "Administration › Modifier une table › Structures" in body
    assert not at.tabs and not at.button  # the yearly follow-up's forms: drawn once its section is opened
    at.session_state["suivi_ouvert"] = True
    at.run()
    assert [t.label for t in at.tabs] == ["Statut daté", "Réalisation", "Commentaire de l'année", "Valider l'année"]


def test_to_do_page_is_refused_to_a_partner(app_db):
    from clsm_data.access import accounts
    from clsm_data.core.roles import COORDINATOR, PARTNER, Caller
    from clsm_data.store.db import connect

    c = connect(app_db, read_only=False)
    try:
        boss = Caller("coordination", COORDINATOR)
        accounts.add_user(c, boss, "coordination", COORDINATOR, "une phrase de passe")
        accounts.add_user(c, boss, "udaf57", PARTNER, "une phrase de passe")
    finally:
        c.close()
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    at.text_input(key="clsm_login_user").input("udaf57")
    at.text_input(key="clsm_login_password").input("une phrase de passe")
    next(b for b in at.button if b.label == "Se connecter").click()
    at.run()
    at.switch_page("pages/10_a_completer.py")
    at.run()
    assert [e.value for e in at.error] == ["Cette page est réservée à la coordination du CLSM."]
    assert not at.expander and not at.tabs


# ---------------------------------------------------------------- 6. yearly follow-up


def test_a_validated_year_does_not_change_after_an_import(fresh_db):
    import datetime as dt

    from clsm_data import importing as importer
    from clsm_data.core.errors import PermissionDenied
    from clsm_data.core.roles import Caller
    from clsm_data.followup import year as followup
    from clsm_data.store.db import connect

    boss = Caller("coordination", "coordinator")
    c = connect(fresh_db, read_only=False)
    try:
        followup.set_comment(c, boss, "fiche-15", 2021, "Année de préparation du CLS 2022-2026.")
        followup.validate_year(c, boss, 2021, on=dt.date(2022, 2, 15))
        frozen = followup.validated_year(c, 2021)
        assert (frozen["meetings"], frozen["meetings_counted"], frozen["participants"]) == (2, 26, 28)
        assert frozen["comments"] == {"fiche-15": "Année de préparation du CLS 2022-2026."}
        assert frozen["validated_on"] == dt.date(2022, 2, 15)
        csv = ("identifiant;instance;date\ncopil-2021-06-10;copil;10/06/2021\n").encode("utf-8")
        importer.apply_import(c, boss, importer.plan_import(c, csv, "reunions-2021.csv", table="meeting"))
        assert followup.year_figures(c, 2021)["meetings"] == 3  # the live figure moved
        assert followup.validated_year(c, 2021) == frozen  # the validated one did not
        with pytest.raises(followup.AlreadyValidatedError, match="déjà validée"):
            followup.validate_year(c, boss, 2021)
        with pytest.raises(followup.AlreadyValidatedError, match="figés"):
            followup.set_comment(c, boss, "fiche-15", 2021, "autre")
        with pytest.raises(PermissionDenied):
            followup.validate_year(c, Caller("udaf57", "partner"), 2020)
        ops = [r[0] for r in c.execute("SELECT operation FROM audit_log ORDER BY audit_id").fetchall()]
        assert ops[-3:] == ["suivi : commentaire", "validation de l'année", "import"]
    finally:
        c.close()


def test_status_history_is_dated_and_drives_the_status(fresh_db):
    import datetime as dt

    from clsm_data.core.roles import Caller
    from clsm_data.followup import year as followup
    from clsm_data.read import queries
    from clsm_data.store.db import connect

    c = connect(fresh_db, read_only=False)
    try:
        followup.set_status(c, Caller("coordination", "coordinator"), "fiche-15", "mise en œuvre", dt.date(2022, 3, 1))
        hist = queries.status_history(c, "fiche-15")
        assert hist["status"].tolist() == ["mise en œuvre"] and hist["on_date"].dt.date.tolist() == [dt.date(2022, 3, 1)]
        assert c.execute("SELECT status, status_label FROM v_action WHERE action_id = 'fiche-15'").fetchone() == (
            "mise en œuvre", "mise en œuvre")
    finally:
        c.close()


def test_periods_keep_their_precision():
    import datetime as dt

    from components.provenance import period_text

    assert period_text(dt.date(2017, 1, 1), dt.date(2020, 12, 31), "année") == "2017 – 2020"
    assert period_text(dt.date(2018, 1, 1), dt.date(2018, 6, 30), "semestre") == "1er semestre 2018"
    assert period_text(dt.date(2022, 2, 3), dt.date(2022, 3, 1), "jour") == "du 03/02/2022 au 01/03/2022"


def test_copil_validates_a_year_from_the_page(app_db):
    from clsm_data.core.config import db_path
    from clsm_data.followup import year as followup
    from components import data

    at = open_page("pages/10_a_completer.py", {"suivi": "Valider l'année"})
    at.number_input(key="suivi_annee").set_value(2025).run()  # issue 19: a year with nothing says so, no figure
    assert any("Rien à valider pour 2025" in i.value for i in at.info)
    assert not [b for b in at.button if b.label == "Valider l'année 2025"]
    at.number_input(key="suivi_annee").set_value(2021).run()
    assert next(b for b in at.button if b.label == "Valider l'année 2021").disabled  # the checkbox first
    at.checkbox(key="suivi_annee_sure").check().run()
    next(b for b in at.button if b.label == "Valider l'année 2021").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any("2021 par le COPIL enregistré" in s.value for s in at.success), [s.value for s in at.success]
    assert "Années validées : 2021 le" in "\n".join(c.value for c in at.caption)
    assert any("validée par le COPIL le" in s.value for s in at.success)
    reopen = next(b for b in at.button if b.label == "Rouvrir l'année 2021")
    assert reopen.disabled  # a reason first
    # The app holds the file read-write in this process: read through its own connection.
    frozen = followup.validated_year(data._connection(str(db_path())).cursor(), 2021)
    assert (frozen["meetings"], frozen["meetings_counted"], frozen["validated_by"]) == (2, 26, "local (coordinator)")


def test_a_realisation_entered_in_the_app_drives_the_status(fresh_db):
    from clsm_data.core.errors import ClsmError
    from clsm_data.core.roles import Caller
    from clsm_data.followup import year as followup
    from clsm_data.read import queries
    from clsm_data.read.filters import Filters
    from clsm_data.store.db import connect

    boss = Caller("coordination", "coordinator")
    c = connect(fresh_db, read_only=False)
    try:
        with pytest.raises(ClsmError, match="un seul événement"):
            followup.add_realisation(c, boss, "p22-18", year=2021)
        followup.add_realisation(c, boss, "p22-18", year=2021, event_id="path-2021-10-20", status_after="réalisée")
        assert c.execute("SELECT status_label FROM v_action WHERE action_id = 'p22-18'").fetchone()[0] == "réalisée"
        assert queries.headline(c, Filters())["realised"] == 4
        kinds = c.execute("SELECT kind FROM v_provenance WHERE table_name = 'action_realisation' AND kind = 'saisie'").fetchall()
        assert kinds == [("saisie",)]  # entered in the app: its provenance says so
    finally:
        c.close()


def test_a_file_migrated_in_place_gets_the_provenance_of_its_rows(tmp_path):
    from clsm_data.store.build import build, prepare

    db = tmp_path / "m.duckdb"
    build(db)
    c = duckdb.connect(str(db))
    c.execute("DELETE FROM provenance")
    c.execute("DELETE FROM schema_version WHERE version >= 10")  # as if built before issue 9
    c.execute("DELETE FROM action WHERE action_id = 'p22-20'")  # and edited since
    c.execute("INSERT INTO audit_log (audit_id, logged_at, actor, role, operation, table_name) "
              "VALUES (nextval('audit_seq'), now(), 'coordination', 'coordinator', 'modification', 'action')")
    c.close()
    assert "Schéma mis à jour" in prepare(db)
    c = duckdb.connect(str(db), read_only=True)
    try:
        keys = {r[0] for r in c.execute("SELECT row_key FROM provenance WHERE table_name = 'action'").fetchall()}
        assert "p22-19" in keys and "p22-20" not in keys
    finally:
        c.close()


def test_sheet_32_shows_its_realisations_and_periods_at_their_precision(app_db):
    """Fiches actions: sheet n°32 lists the sessions that realise it, its period is never shown as invented days."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=30)
    at.query_params["q"] = "Sensibilisation des professionnels"
    at.run()
    at.switch_page("pages/3_fiches_actions.py")
    at.run()
    at.run()
    assert not at.exception
    real = next(d for d in frames(at) if "Réalisation" in d.columns)
    assert len(real) >= 2 and any("Avancée des projets" in str(x) for x in real["Source"])  # titles, not ids
    assert not any("doc-0" in str(x) for x in real["Source"])
    body = " ".join(str(t.value) for kind in ("text", "markdown", "html") for t in at.get(kind))  # sections: HTML
    assert "Période de réalisation" in body  # the sheet's fields are there to be read
    assert "du 01/01/" not in body and "au 31/12/" not in body
