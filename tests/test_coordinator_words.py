"""Issue 19, items 4-6: the period in French, names instead of codes, what the coordinator writes shown where it belongs."""

from __future__ import annotations

import datetime as dt
import re

from test_pages import frames, open_page, texts, tiles

ENGLISH = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December|"
                     r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                     r"Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b")
PERIOD_KEYS = ("du_mois", "du_annee", "au_mois", "au_annee")
CODES = re.compile(r"doc-\d+|\bnan\b|\bNone\b|\bempty\b|\bNaT\b|\bfiche-\d+|\bp22-\d+|\bs20-[a-z]+")


def _period_label(at) -> str:
    return next(p.proto.popover.label for p in at.sidebar.get("popover") if p.proto.popover.label.startswith("Période"))


def _shown(at) -> str:
    """Everything a reader reads on the page: texts, HTML (tables, tiles), expander and tab labels."""
    return "\n".join([texts(at), *(e.value for e in at.get("html")), *(e.label for e in at.expander),
                      *(t.label for t in at.tabs)])


def test_period_widgets_speak_french(app_db):
    at = open_page()
    assert not at.sidebar.date_input  # the English calendar is gone
    boxes = {k: at.selectbox(key=k) for k in PERIOD_KEYS}
    assert [b.label for b in boxes.values()] == ["De : mois", "De : année", "À : mois", "À : année"]
    assert boxes["du_mois"].options == ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                                        "septembre", "octobre", "novembre", "décembre"]
    assert boxes["du_annee"].options[0] == "toutes" and boxes["du_annee"].value == 0
    years = [int(y) for y in boxes["du_annee"].options[1:]]
    assert years == list(range(years[0], years[-1] + 1)) and years[0] <= 2017 and years[-1] >= 2026
    words = " ".join([*(b.label for b in boxes.values()), *(o for b in boxes.values() for o in b.options),
                      _period_label(at), *(c.value for c in at.sidebar.caption)])
    assert not ENGLISH.findall(words), ENGLISH.findall(words)
    assert _period_label(at) == "Période : toute"


def test_period_chosen_in_the_lists_narrows_the_overview_and_stays_in_the_url(app_db):
    at = open_page()
    everything = tiles(at)
    at.selectbox(key="du_annee").select(2021).run()
    at.selectbox(key="au_annee").select(2021).run()
    assert _period_label(at) == "Période : 2021"
    assert (at.query_params["du"], at.query_params["au"]) == ("2021-01-01", "2021-12-31")
    shown = tiles(at)
    assert shown["Réunions datées (en 2021)"] == "2"
    assert shown != everything
    at.selectbox(key="du_mois").select(3).run()  # « mars »: from the first day of the month
    assert _period_label(at) == "Période : du 01/03/2021 au 31/12/2021"
    assert at.query_params["du"] == "2021-03-01"
    at.switch_page("pages/2_avancement.py")
    at.run()
    assert _period_label(at) == "Période : du 01/03/2021 au 31/12/2021"  # kept from page to page
    at.button(key="periode_toute").click().run()
    assert _period_label(at) == "Période : toute"
    assert "du" not in at.query_params and "au" not in at.query_params


def test_a_shared_link_keeps_its_exact_days(app_db):
    at = open_page(params={"du": "2021-03-15", "au": "2021-12-31"})
    assert _period_label(at) == "Période : du 15/03/2021 au 31/12/2021"
    assert [at.selectbox(key=k).value for k in PERIOD_KEYS] == [3, 2021, 12, 2021]  # the lists show mars 2021
    assert tiles(at)["Réunions datées (du 15/03/2021 au 31/12/2021)"] == "2"
    at.run()  # a rerun does not move it
    assert _period_label(at) == "Période : du 15/03/2021 au 31/12/2021"
    assert at.query_params["du"] == "2021-03-15"


def test_avancement_realisations_name_their_documents(app_db):
    at = open_page("pages/2_avancement.py", params={"vue": "Réalisations"})
    table = next(t for t in frames(at) if "Réalisé par" in t.columns)
    assert "Source" not in table.columns
    titles = ("Avancée des projets", "Compte rendu de la réunion CLSM – restitution des groupes thématiques",
              "Fiche action n°32 – Sensibilisation des professionnels à la santé mentale",
              "Fiche action n°15 – Coordination du Conseil local de santé mentale", "Pistes d'actions des groupes projets",
              "saisie de la coordination")
    assert all(str(d).startswith(titles) for d in table["Document et citation"]), set(table["Document et citation"])
    assert any(str(d).startswith("Avancée des projets : « ") for d in table["Document et citation"])
    assert "Convention pour l'accès à 20 logements accompagnés (État, ARELOR, CH Jury, AMLI et Metz Métropole). " \
           "(20 logements accompagnés)" in set(table["Réalisé par"])
    remarks = [r for r in table["Source ou remarque"] if r != "—"]
    assert remarks and all("doc-" not in r for r in remarks)
    assert not CODES.findall(_shown(at)), CODES.findall(_shown(at))


def _open_followup(tab: str):
    at = open_page("pages/10_a_completer.py", params={"suivi": tab})
    at.session_state["suivi_ouvert"] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_comment_written_in_the_follow_up_shows_on_avancement(app_db):
    at = _open_followup("Commentaire de l'année")
    at.selectbox(key="suivi_commentaire_action").select("fiche-15").run()
    at.number_input(key="suivi_commentaire_annee").set_value(2022).run()
    at.text_area(key="suivi_commentaire_texte").input("Instances réunies deux fois, bilan présenté au COPIL.").run()
    at.button(key="suivi_commentaire_ok").click().run()
    assert not at.error, [e.value for e in at.error]
    assert at.success
    # nothing is left ready to be saved twice
    assert at.selectbox(key="suivi_commentaire_action").value is None
    assert at.text_area(key="suivi_commentaire_texte").value == ""
    assert at.button(key="suivi_commentaire_ok").disabled

    from clsm_data.core.roles import Caller
    from clsm_data.followup import year as followup
    from clsm_data.store.db import connect

    c = connect(app_db, read_only=False)
    try:
        followup.set_status(c, Caller("coordination", "coordinator"), "p22-02", "mise en œuvre", dt.date(2022, 3, 1),
                            "convention signée avec la Ville (doc-002)")
    finally:
        c.close()
    from components import data

    data.clear()
    av = open_page("pages/2_avancement.py", params={"vue": "Suivi de la coordination"})
    table = next(t for t in frames(av) if "Ce qu'écrit la coordination" in t.columns)
    rows = {(r["Quand"], r["Écrit"], r["Ce qu'écrit la coordination"]) for _, r in table.iterrows()}
    assert ("2022", "Commentaire de l'année", "Instances réunies deux fois, bilan présenté au COPIL.") in rows
    why = next(r for r in rows if r[1] == "Pourquoi du statut « mise en œuvre »")
    assert why[2].startswith("convention signée avec la Ville (« Compte rendu de la réunion CLSM")  # the id, named
    assert set(table["Action"]) >= {"Fiche 15 – Coordination du Conseil local de santé mentale"}
    assert not CODES.findall(_shown(av)), CODES.findall(_shown(av))


def test_dated_status_preselects_the_current_status(app_db):
    at = _open_followup("Statut daté")
    assert at.selectbox(key="suivi_statut").value is None
    assert at.button(key="suivi_statut_ok").disabled
    for action, current in (("p22-02", "idée"), ("p22-01", "conception"), ("fiche-32", "réalisée")):
        at.selectbox(key="suivi_statut_action").select(action).run()
        assert at.selectbox(key="suivi_statut").value == current, action
    at.selectbox(key="suivi_statut_action").select("fiche-15").run()  # no status yet: nothing preselected
    assert at.selectbox(key="suivi_statut").value is None
    at.selectbox(key="suivi_statut").select("mise en œuvre").run()
    at.text_input(key="suivi_statut_date").input("15/03/2022").run()
    at.text_input(key="suivi_statut_note").input("instances installées").run()
    at.button(key="suivi_statut_ok").click().run()
    assert not at.error, [e.value for e in at.error]
    assert at.selectbox(key="suivi_statut_action").value is None and at.button(key="suivi_statut_ok").disabled
    at.selectbox(key="suivi_statut_action").select("fiche-15").run()
    assert at.selectbox(key="suivi_statut").value == "mise en œuvre"  # the status just dated is now the current one
    assert any("15/03/2022 mise en œuvre" in c.value and "instances installées" in c.value for c in at.caption)
    at.text_input(key="suivi_statut_date").input("32/13/2022").run()
    assert any("Date non reconnue" in e.value for e in at.error)
    assert at.button(key="suivi_statut_ok").disabled


def test_sources_page_says_names_not_codes(app_db):
    for vue in ("Les cinq documents", "Écarts et lectures", "Saisies et imports"):
        at = open_page("pages/9_sources.py", params={"vue": vue})
        body = _shown(at)
        assert not CODES.findall(body), (vue, CODES.findall(body))
        for t in frames(at):
            assert not {"Table", "table", "source_id", "table_name"} & set(t.columns), (vue, list(t.columns))
        for raw in ("counted_meeting", "founding_partner", "action_realisation", "(tables"):
            assert raw not in body, (vue, raw)
    at = open_page("pages/9_sources.py", params={"vue": "Écarts et lectures"})
    where = set().union(*(set(t["Sur"]) for t in frames(at) if "Sur" in t.columns))
    assert "Réunions comptées sans date · réunions" in where
    assert "Structures · toutes les lignes · partenaire fondateur" in where


def test_source_popover_says_tables_in_words(app_db):
    at = open_page("pages/2_avancement.py")
    assert any(p.proto.popover.label == "D'où vient ce chiffre ?" for p in at.get("popover"))
    for n in range(1, 6):  # its key is numbered in drawing order (components/provenance.py)
        at.session_state[f"source-status_chart-{n}"] = True
    at.run()
    body = "\n".join(m.value for m in at.markdown)
    assert "Ce que compte ce chiffre" in body
    assert "ligne(s) (actions)" in body
    assert not re.search(r"\((action|meeting|counted_meeting)\)|doc-\d+", body)


def test_backup_retention_in_words(monkeypatch):
    from components.admin_backup import _retention

    monkeypatch.setenv("CLSM_BACKUP_KEEP_DAYS", "7")
    assert _retention().startswith("Les sauvegardes sont gardées 7 jours")
    assert "CLSM_BACKUP_KEEP_DAYS" not in _retention()
    monkeypatch.delenv("CLSM_BACKUP_KEEP_DAYS")
    assert "CLSM_BACKUP_KEEP_DAYS" not in _retention()


def test_a_realisation_saved_in_the_follow_up_shows_its_remark_on_avancement(app_db):
    at = _open_followup("Réalisation")
    at.selectbox(key="suivi_real_action").select("fiche-15").run()
    at.selectbox(key="suivi_real_ref").set_value("sism-2019").run()
    at.number_input(key="suivi_real_year").set_value(2019).run()
    at.text_input(key="suivi_real_note").input("relevé au bilan de la SISM (doc-001)").run()
    at.button(key="suivi_real_ok").click().run()
    assert not at.error, [e.value for e in at.error]
    assert at.success
    assert at.selectbox(key="suivi_real_action").value is None and at.selectbox(key="suivi_real_ref").value is None
    assert at.text_input(key="suivi_real_note").value == "" and at.button(key="suivi_real_ok").disabled
    av = open_page("pages/2_avancement.py", params={"vue": "Réalisations"})
    table = next(t for t in frames(av) if "Réalisé par" in t.columns)
    mine = table[table["Action"] == "Fiche 15 – Coordination du Conseil local de santé mentale"]
    assert list(mine["Source ou remarque"]) == ["relevé au bilan de la SISM (« Avancée des projets »)"]
    assert list(mine["Document et citation"]) == ["saisie de la coordination"]
    assert not CODES.findall(_shown(av)), CODES.findall(_shown(av))
