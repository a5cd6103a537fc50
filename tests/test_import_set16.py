"""Files of the sixteenth held-out set (written blind to the importer, 5/16 at its one blind measure), as people
typed them: a structure and its category in one cell, map coordinates in one cell, a date in three columns, years
« N-2 | N-1 | N », planned and held days, emoji statuses, Roman axes, a CSV with garbled accents, dates month
first."""

from __future__ import annotations

import datetime as dt

import pytest

from clsm_data import importing as importer


@pytest.fixture
def con(fresh_con):
    return fresh_con


def test_a_structure_with_its_category_in_brackets_and_a_zero_line(con):
    from workbooks import xlsx

    data = xlsx({"Présences": [
        ["Groupe projets « situations de crise » – réunion du mardi 1er avril 2025, 14h, CH Jury (salle du conseil)"],
        [],
        ["Structure (qualité)", "Présents", "Remarque"],
        ["CH Jury – ERAH (pro)", 2, "animation"],
        ["Ville de Metz (élue)", 1, "adjointe santé"],
        ["GEM Camille Claudel (adhérents)", 2, None],
        ["Éducation nationale (pro)", 0, "excusée"],
    ]})
    plan = importer.plan_import(con, data, "GT crise 01-04-2025 presences.xlsx")
    rows = sorted((r["structure_id"], r["role_category"], r["count"]) for r in plan.changes["attendance"].added)
    assert rows == [("ch-jury-erah", "professionnel", 2), ("gem-camille-claudel", "usager", 2),
                    ("ville-metz", "élu", 1)]
    said = " ".join(plan.messages)
    assert "la structure et sa catégorie dans une cellule (« … (élue) »), lues chacune à sa place" in said
    assert "1 ligne(s) de présence à 0 (ligne(s) 7) : personne de la structure n'est venu" in said


def test_map_coordinates_in_one_cell_and_a_siret_kept_in_the_note(con):
    from workbooks import xlsx

    data = xlsx({"Partenaires": [
        ["Structure", "Sigle", "SIRET", "Secteur", "Commune", "Coordonnées GPS", "Adhésion CLSM"],
        ["Metz Habitat Territoire", "MHT", 27570002700019, "Logement", "Metz", "49.11803, 6.18083", 2026],
        ["SOS Amitié Metz-Lorraine", None, "en attente", "Écoute", "Metz", None, 2026],
    ]})
    plan = importer.plan_import(con, data, "partenaires_CLSM_siret_gps_2026.xlsx")
    added = {r["name"]: r for r in plan.changes["structure"].added}
    mht = added["Metz Habitat Territoire"]
    assert (mht["latitude"], mht["longitude"], mht["member_since"]) == (49.11803, 6.18083, 2026)
    assert "SIRET : 27570002700019" in mht["note"]
    sos = added["SOS Amitié Metz-Lorraine"]
    assert sos.get("sector") is None and "Secteur : Écoute" in sos["note"]  # no sector of the list is near it
    assert "latitude et longitude dans une cellule, lues chacune à sa place" in " ".join(plan.messages)


def test_a_date_in_three_columns_and_counts_typed_as_sums_of_groups(con):
    from workbooks import xlsx

    data = xlsx({"Actions 2025": [
        ["IREPS Grand Est – antenne de Moselle : actions santé mentale sur le territoire du CLSM de Metz"],
        ["Jour", "Mois", "Année", "Intitulé", "Type", "Lieu", "Participants"],
        [18, "mars", 2025, "Sensibilisation en santé mentale – professionnels de l'animation", "Sensibilisation",
         "Centre social de Borny", 21],
        [17, "juin", 2025, "Journée d'échanges « Santé mentale et précarité »", "Journée", "Arsenal", 64],
    ]})
    plan = importer.plan_import(con, data, "IREPS_actions_sante_mentale_Metz_2025.xlsx")
    events = sorted((r["date"], r["kind"], r["participants_count"]) for r in plan.changes["event"].added)
    assert events == [(dt.date(2025, 3, 18), "sensibilisation", 21), (dt.date(2025, 6, 17), "journée", 64)]
    assert "une date en trois colonnes, lue comme une date" in " ".join(plan.messages)


def test_years_headed_n_minus_two_to_n_under_a_line_giving_n(con):
    from workbooks import xlsx

    data = xlsx({"Bilan N": [
        ["Contrat local de santé 2022-2026 – fiche 15 « Coordination du CLSM » – bilan annuel"],
        ["Année N :", 2025],
        ["Indicateur", "N-2", "N-1", "N", "Commentaire"],
        ["Nombre et typologie des réunions organisées dans le cadre du CLSM", 28, 31, 33, "toutes instances"],
    ]})
    plan = importer.plan_import(con, data, "bilan_CLS_fiche15_annee_N.xlsx")
    values = sorted((r["period_label"], r["value"]) for r in plan.changes["indicator_value"].added)
    assert values == [("2023", 28), ("2024", 31), ("2025", 33)]
    assert "colonnes « N-2 », « N-1 », « N » lues comme les années 2023, 2024, 2025" in " ".join(plan.messages)


def test_a_meeting_is_on_its_held_day_and_one_never_held_is_none(con):
    from workbooks import xlsx

    data = xlsx({"2025": [
        ["CLSM – réunions des groupes projets 2025 : prévu / réalisé"],
        ["Groupe", "Date prévue", "Date effective", "Lieu", "Observations"],
        ["GT Logement", dt.datetime(2025, 1, 23), dt.datetime(2025, 1, 30), "AMLI", "décalée d'une semaine"],
        ["GT Emploi-formation", dt.datetime(2025, 3, 13), "annulée", "CRP Metz", "reportée en juin"],
        ["GT Situations de crise", dt.datetime(2025, 11, 20), None, "CH Jury", "à reprogrammer en 2026"],
    ]})
    plan = importer.plan_import(con, data, "suivi_reunions_groupes_projets_2025_prevu-realise.xlsx")
    [meeting] = plan.changes["meeting"].added
    assert (meeting["instance_id"], meeting["date"]) == ("groupe-logement", dt.date(2025, 1, 30))
    assert "Prévue le : 23/01/2025" in meeting["note"]
    assert "ligne(s) 4, 5 sans date effective (annulée, à reprogrammer) : pas tenue(s)" in " ".join(plan.messages)


def test_emoji_statuses_an_acronym_for_an_action_and_roman_axes(con):
    from workbooks import xlsx

    follow = xlsx({"Suivi": [
        ["Programme d'actions 2022 – où en est-on ?"],
        ["Action", "Statut", "Mis à jour le"],
        ["SISM", "✅ Réalisée", dt.datetime(2025, 10, 21)],
        ["Guide santé mentale grand public", "⏸️ Reportée", dt.datetime(2025, 6, 24)],
    ]})
    plan = importer.plan_import(con, follow, "Tableau de bord actions CLSM (Teams).xlsx")
    assert not plan.changes["action"].added
    statuses = sorted((r["action_id"], r["status"]) for r in plan.changes["action_status"].added)
    assert statuses == [("p22-05", "réalisée"), ("p22-06", "reportée")]
    axes = xlsx({"Déclinaison 2026": [
        ["Plan stratégique du CLSM (novembre 2020) – déclinaison opérationnelle 2026"],
        ["Axe", "Action", "Avancement", "Échéance"],
        ["I", "Forum « Santé mentale et emploi » avec les acteurs de l'insertion", "en préparation", "nov. 2026"],
        ["III", "Petits-déjeuners des partenaires (deux par an)", "idée", "continu"],
    ]})
    plan = importer.plan_import(con, axes, "plan_strategique_CLSM_declinaison_2026.xlsx")
    added = sorted((r["axis_id"], r["status"], r.get("end_date")) for r in plan.changes["action"].added)
    assert added == [("s20-a1", "conception", dt.date(2026, 11, 30)), ("s20-a3", "idée", None)]
    assert "1 échéance(s) écrite(s) sans date (« continu »)" in " ".join(plan.messages)


def test_a_csv_whose_accents_were_garbled_and_whose_group_is_in_its_name(con):
    text = ("Date réunion;Structure;Catégorie;Nombre;Lieu\r\n"
            "13/02/2025;Résidence accueil du Ban-Saint-Martin;Professionnel;1;AMLI\r\n"
            "13/02/2025;Ville de Metz;Élu;1;AMLI\r\n"
            "13/02/2025;Département de la Moselle – cohésion sociale;Professionnel;1;AMLI\r\n")
    garbled = text.encode("utf-8").decode("cp1252").encode("utf-8")  # read as Windows-1252, saved again as UTF-8
    plan = importer.plan_import(con, b"\xef\xbb\xbf" + garbled, "presences_GT_logement_2025.csv")
    [meeting] = plan.changes["meeting"].added
    assert (meeting["instance_id"], meeting["date"]) == ("groupe-logement", dt.date(2025, 2, 13))
    rows = sorted((r["structure_id"], r["role_category"]) for r in plan.changes["attendance"].added)
    assert rows == [("departement-moselle", "professionnel"), ("residence-accueil-ban-saint-martin", "professionnel"),
                    ("ville-metz", "élu")]
    said = " ".join(plan.messages)
    assert "accent(s) abîmé(s) par un mauvais encodage (« RÃ©sidence », « â€“ ») remis" in said
    assert "« Département de la Moselle – cohésion sociale » lu comme « Département de la Moselle »" in said


def test_dates_written_month_first_are_read_so_for_the_whole_column(con):
    lines = ["Date,Heure,Groupe,Lieu", "1/20/2026,2:00 PM,Groupe projets jeunes,Maison des adolescents",
             "2/5/2026,9:30 AM,Groupe projets logement,AMLI"]
    plan = importer.plan_import(con, ("\r\n".join(lines) + "\r\n").encode("utf-8"), "GT_meetings_S1_2026.csv")
    days = sorted((r["instance_id"], r["date"]) for r in plan.changes["meeting"].added)
    assert days == [("groupe-jeunes", dt.date(2026, 1, 20)), ("groupe-logement", dt.date(2026, 2, 5))]
    assert "« 2/5/2026 » est le 05/02/2026" in " ".join(plan.messages)
