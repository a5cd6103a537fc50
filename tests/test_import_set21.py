"""Files of the twenty-first held-out set (the pilots' own follow-ups of their actions and a trainee's retyped sign-in
sheets, written blind to the importer: 3/16 at the first try at its one blind measure): actions in block headings or
in a sheet's name, completion in percent, « Présents/inscrits », counts split in the room and by video, an old tool's
CSV, one column per role, half-years, descriptions cut by Enter, a postponed date, a budget that holds nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from clsm_data import importing as importer
from clsm_data.core.errors import DataFileError


@pytest.fixture
def con(fresh_con):
    return fresh_con


def _said(plan) -> str:
    return " ".join(plan.messages)


def test_a_pilots_follow_up_in_blocks_one_heading_per_action(con):
    from workbooks import xlsx

    data = xlsx({"Suivi 2025": [
        ["Suivi des actions pilotées par le CMP 1 – année 2025"],
        [],
        ["Date", "Étape", "Avancement"],
        ["Action n°15 : rencontre CMP / partenaires sur la précarité"],
        [dt.datetime(2025, 3, 6), "Choix de la date et des intervenants", "en préparation"],
        [dt.datetime(2025, 6, 12), "Rencontre au CMP 1 avec les partenaires", "en cours"],
        [None, "Prochaine étape : une rencontre par an à reconduire en 2026"],
        [],
        ["Action n°14 : collaboration EMPP / acteurs locaux"],
        [dt.datetime(2025, 9, 18), "Permanences de l'EMPP au Carrefour des solidarités", "en cours"],
    ]}, merged={"Suivi 2025": ["A4:C4", "A9:C9"]})
    plan = importer.plan_import(con, data, "suivi_actions_pilote_CMP1_2025.xlsx")
    rows = sorted((r["action_id"], r["date"], r["status"], r["note"]) for r in plan.changes["action_status"].added)
    assert rows == [
        ("p22-14", dt.date(2025, 9, 18), "mise en œuvre", "Étape : Permanences de l'EMPP au Carrefour des solidarités"),
        ("p22-15", dt.date(2025, 3, 6), "conception", "Étape : Choix de la date et des intervenants"),
        ("p22-15", dt.date(2025, 6, 12), "mise en œuvre", "Étape : Rencontre au CMP 1 avec les partenaires"),
    ]
    assert "2 action(s) écrite(s) en intertitre" in _said(plan)
    assert "1 ligne(s) « prochaine étape » (un projet, pas un fait) laissée(s) de côté" in _said(plan)


def test_one_sheet_per_action_named_by_the_sheet_and_sism_of_the_plan_in_force(con):
    from workbooks import xlsx

    header = ["Date", "Ce qui a été fait", "Statut"]
    data = xlsx({
        "SISM": [header, [dt.datetime(2025, 10, 20), "SISM 2025 tenues, bilan fait", "réalisé"]],
        "Cités éducatives": [header, [dt.datetime(2025, 2, 13), "Réunion avec la cheffe de projet", "en conception"]],
    })
    plan = importer.plan_import(con, data, "Ville_de_Metz_suivi_actions_CLSM_2025.xlsx")
    assert "event" not in plan.changes or not plan.changes["event"].added  # « SISM » names the action, not events
    rows = sorted((r["action_id"], r["date"], r["status"]) for r in plan.changes["action_status"].added)
    assert rows == [("p22-05", dt.date(2025, 10, 20), "réalisée"), ("p22-16", dt.date(2025, 2, 13), "conception")]
    assert "le nom de la feuille la nomme" in _said(plan)


def test_completion_in_percent_dated_by_the_title_with_the_pilots_comment(con):
    from workbooks import xlsx

    data = xlsx({"Point au 15-12": [
        ["CCAS de Metz – point d'avancement des actions CLSM au 15/12/2025"],
        [],
        ["Action", "Avancement", "Commentaire pilote"],
        ["EMPP et acteurs locaux", "75 %", "permanences lancées en septembre"],
        ["Bilan des actions avec les bailleurs", "100 %", "bilan présenté au groupe logement"],
        ["Guide santé mentale grand public", "reporté 2026", "pas de financement en 2025"],
    ]})
    plan = importer.plan_import(con, data, "point_avancement_CCAS_15-12-2025.xlsx")
    rows = sorted((r["action_id"], r["date"], r["status"], r["note"]) for r in plan.changes["action_status"].added)
    day = dt.date(2025, 12, 15)
    assert rows == [
        ("p22-06", day, "reportée", "pas de financement en 2025 ; Avancement : reporté 2026"),
        ("p22-11", day, "réalisée", "bilan présenté au groupe logement ; Avancement : 100 %"),
        ("p22-14", day, "mise en œuvre", "permanences lancées en septembre ; Avancement : 75 %"),
    ]
    # 0 % says no stage: asked, never guessed
    with pytest.raises(DataFileError, match="« 0 % » n'est pas une valeur prévue"):
        importer.plan_import(con, xlsx({"Point": [["Action", "Avancement"], ["EMPP et acteurs locaux", "0 %"]]}),
                             "point_au_15-12-2025.xlsx", assume=False)


def test_a_hybrid_copil_counted_in_the_room_and_by_video_an_excused_line_and_short_names(con):
    from workbooks import xlsx

    data = xlsx({"COPIL 27-01": [
        ["COPIL CLSM – mardi 27 janvier 2026 – Hôtel de Ville et Teams"],
        [],
        ["Structure", "Catégorie", "Sur place", "En visio", None],
        ["Ville de Metz", "Élu", 1, 0], ["Eurométropole", "Élu", 0, 1], ["CH de Jury", "Professionnel", 3, 1],
        ["Conseil départemental", "Professionnel", 1, 0], ["Maison des adolescents", "Professionnel", 1, 0],
        ["CCAS", None, None, None, "excusé"],
    ]})
    plan = importer.plan_import(con, data, "presences_COPIL_27-01-2026_hybride.xlsx")
    rows = sorted((r["structure_id"], r["role_category"], r["count"]) for r in plan.changes["attendance"].added)
    assert rows == [("ch-jury", "professionnel", 4), ("departement-moselle", "professionnel", 1),
                    ("eurometropole-metz", "élu", 1), ("mda-moselle", "professionnel", 1), ("ville-metz", "élu", 1)]
    said = _said(plan)
    assert "présents comptés en deux colonnes « Sur place » et « En visio » : le nombre est leur somme" in said
    assert "1 ligne(s) sans nombre, excusée(s) : personne" in said
    assert "« Conseil départemental » (feuille « COPIL 27-01 ») lu comme « Département de la Moselle »" in said


def test_a_retyped_sign_in_sheet_leaves_out_the_people_without_a_structure(con):
    from workbooks import xlsx

    data = xlsx({"Émargement": [
        ["Assemblée plénière du 04/12/2025 – ressaisie des feuilles d'émargement"],
        ["Structure", "Pro", "Usagers", "Familles"],
        ["Mission locale", 1, None, None], ["EPE 57", 1, None, None], ["UNAFAM", None, None, 3],
        ["(structure illisible)", 1, None, None], ["(pas de structure indiquée)", None, 2, 1],
    ]})
    plan = importer.plan_import(con, data, "pleniere_04-12-2025_emargement_ressaisi.xlsx")
    rows = sorted((r["structure_id"], r["role_category"], r["count"]) for r in plan.changes["attendance"].added)
    assert rows == [("epe-moselle", "professionnel", 1), ("mission-locale-pays-messin", "professionnel", 1),
                    ("unafam-moselle", "aidant", 3)]
    assert "2 ligne(s) de présence sans structure lisible" in _said(plan)


def test_present_of_registered_and_a_postponed_date(con):
    from workbooks import xlsx

    data = xlsx({"Présences 2025": [
        ["Date", "Structure", "Catégorie", "Présents/inscrits"],
        [dt.datetime(2025, 6, 5), "EMPP", "professionnel", "2/3"],
        [dt.datetime(2025, 6, 5), "UNAFAM", "aidant", "0/1"],
    ]})
    plan = importer.plan_import(con, data, "GT_situations_de_crise_presences_2025.xlsx")
    assert [(r["structure_id"], r["count"]) for r in plan.changes["attendance"].added] == [("ch-jury-empp", 2)]
    meetings = xlsx({"Réunions 2025": [
        ["Date", "Lieu", "Ordre du jour", "CR"],
        ["13/03/2025 reportée au 20/03/2025", "AMLI", "Troubles de voisinage", "envoyé"],
    ]})
    plan = importer.plan_import(con, meetings, "groupe_logement_reunions_2025.xlsx")
    [row] = plan.changes["meeting"].added
    assert (row["instance_id"], row["date"]) == ("groupe-logement", dt.date(2025, 3, 20))
    assert row["note"] == "CR : envoyé ; Date : 13/03/2025 reportée au 20/03/2025"


def test_an_old_tools_csv_in_latin_1_with_joined_headers_and_compact_days(con):
    text = ("CODE_ACT;DATE_ACT;TYPE_ACT;LIBELLE;NB_PART;AGENT\r\n"
            "SM25001;20250313;SENSIBILISATION;Sensibilisation sante mentale - gardiens;12;[masqué]\r\n"
            "SM25004;20250925;FORMATION;Formation PSSM (mise en oeuvre 2025);8;[masqué]\r\n")
    plan = importer.plan_import(con, text.encode("latin-1"), "EXPORT_ACTIONS_SANTE_MENTALE_2025.csv")
    rows = sorted((r["date"], r["kind"], r["participants_count"]) for r in plan.changes["event"].added)
    assert rows == [(dt.date(2025, 3, 13), "sensibilisation", 12), (dt.date(2025, 9, 25), "formation", 8)]
    assert "« AGENT »" in _said(plan) and "jamais enregistrées" in _said(plan)


def test_one_column_per_role_under_a_title_naming_the_action(con):
    from workbooks import xlsx

    data = xlsx({"Partenaires": [
        ["Action 19 – Collaborations avec la Maison des adolescents : qui fait quoi"],
        ["Porteur", "Partenaires", "Financeurs"],
        ["Maison des adolescents de Moselle", "CMSEA", "ARS Grand Est"],
        [None, "Service de santé universitaire (SUMPPS)", None],
    ]}, merged={"Partenaires": ["A1:C1"]})
    plan = importer.plan_import(con, data, "MDA_action19_partenaires.xlsx")
    rows = sorted((r["action_id"], r["structure_id"], r["role"]) for r in plan.changes["action_partner"].added)
    assert rows == [("p22-19", "ars-grand-est", "financeur"), ("p22-19", "cmsea", "partenaire"),
                    ("p22-19", "mda-moselle", "porteur"), ("p22-19", "sumpps", "partenaire")]


def test_indicators_by_half_year_are_two_periods_never_a_year(con):
    from workbooks import xlsx

    data = xlsx({"Fiche 15": [
        ["CLS Ville de Metz – fiche n°15 – indicateurs de processus 2025"],
        ["Indicateur", "S1 2025", "S2 2025", "Tendance"],
        ["Réunions organisées dans le cadre du CLSM", 14, 17, "↗"],
    ]})
    plan = importer.plan_import(con, data, "CLS_fiche15_indicateurs_2025.xlsx")
    rows = sorted((r["period_label"], r["period_start"], r["period_end"], r["value"])
                  for r in plan.changes["indicator_value"].added)
    assert rows == [("1er semestre 2025", dt.date(2025, 1, 1), dt.date(2025, 6, 30), 14.0),
                    ("2e semestre 2025", dt.date(2025, 7, 1), dt.date(2025, 12, 31), 17.0)]


def test_descriptions_cut_by_enter_and_a_national_line_without_structure(con):
    from workbooks import xlsx

    data = xlsx({"Ressources jeunes": [
        ["Dispositif", "Structure", "Public", "Description"],
        ["3114", "Numéro national de prévention du suicide", "tout public", "Ligne d'écoute 24h/24 et 7j/7,"],
        [None, None, None, "répond aux personnes en détresse et à leurs proches."],
        ["Point accueil écoute jeunes (PAEJ)", "CMSEA", "12-25 ans", "Écoute individuelle gratuite, anonyme."],
        [None, None, None, "Permanences dans les quartiers."],
    ]})
    plan = importer.plan_import(con, data, "ressources_jeunes_2026.xlsx")
    rows = sorted((r["name"], r["structure_id"], r["description"]) for r in plan.changes["resource"].added)
    assert rows == [
        ("3114", None, "Ligne d'écoute 24h/24 et 7j/7, répond aux personnes en détresse et à leurs proches."),
        ("Point accueil écoute jeunes (PAEJ)", "cmsea", "Écoute individuelle gratuite, anonyme. Permanences dans les "
                                                        "quartiers."),
    ]
    assert "2 ligne(s) ne tenant que la suite du texte de la ligne du dessus" in _said(plan)


def test_a_budget_request_is_refused_with_its_reason(con):
    from workbooks import xlsx

    data = xlsx({"Budget 2026": [
        ["Demande de subvention 2026 – budget prévisionnel"],
        ["Charges", "Montant (€)", "Produits", "Montant (€)"],
        ["Temps de psychologue", 11200, "ARS Grand Est – FIR (demandé)", 8000],
        ["Supports de communication", 900, "Département de la Moselle", 1500],
    ]})
    with pytest.raises(DataFileError, match="un budget .charges et produits, ou dépenses et recettes.") as info:
        importer.plan_import(con, data, "MDA_demande_subvention_2026.xlsx")
    assert not any(getattr(p, "question", None) for p in info.value.problems)  # nothing to answer: nothing to store
