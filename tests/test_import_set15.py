"""Files of the fifteenth held-out set (written blind to the importer), as people typed them: a CSV saved by Excel for
Mac, counts split by sex, Google Sheets checkboxes, remarks in a column nobody headed, a journal of status changes,
an export of sessions whose name says what they are."""

from __future__ import annotations

import datetime as dt

import pytest

from clsm_data import importing as importer


@pytest.fixture
def con(fresh_con):
    return fresh_con


def test_a_csv_from_excel_for_mac_is_read_in_mac_roman_with_everyday_words_for_who_came(con):
    lines = ["groupe participation citoyenneté – présences 2025 (tenu par le GEM);;;",
             "date;structure;qui;nb",
             "13/02/2025;gem albatros;adhérents;4",
             "13/02/2025;gem albatros;animatrice;1",
             "13/02/2025;unafam;famille;1",
             "13/02/2025;gem camile claudel;adhérents;2",
             "13/02/2025;mision locale;conseillère;1",
             "13/02/2025;les wads;éduc;1"]
    data = "\r".join(lines).encode("mac_roman") + b"\r"  # é is 0x8E, lines end with CR alone
    plan = importer.plan_import(con, data, "presences groupe participation 2025.csv")
    rows = sorted((r["structure_id"], r["role_category"], r["count"]) for r in plan.changes["attendance"].added)
    assert rows == [("csapa-les-wads", "professionnel", 1), ("gem-albatros", "professionnel", 1),
                    ("gem-albatros", "usager", 4), ("gem-camille-claudel", "usager", 2),
                    ("mission-locale-pays-messin", "professionnel", 1), ("unafam-moselle", "aidant", 1)]
    [meeting] = plan.changes["meeting"].added
    assert (meeting["instance_id"], meeting["date"]) == ("groupe-participation-citoyennete", dt.date(2025, 2, 13))
    said = " ".join(plan.messages)
    assert "« gem camile claudel » lu comme « GEM Camille Claudel »" in said
    assert "« les wads » lu comme « CSAPA les Wads »" in said


def test_counts_split_by_sex_are_added_and_a_line_of_zeros_is_no_one(con):
    from workbooks import xlsx

    data = xlsx({"Relevé": [
        ["CENTRE HOSPITALIER DE JURY"],
        ["Objet : Comité de pilotage du CLSM du jeudi 9 octobre 2025 (14h30, salle du conseil) – relevé des présences"],
        ["Structure", "Qualité", "H", "F", "Total", "Observations"],
        ["Centre hospitalier de Jury", "Professionnel", 1, 2, 3, None],
        ["Ville de Metz", "Élu", None, 1, 1, "adjointe santé"],
        ["ARS Grand Est – DT 57", "Professionnel", None, 1, 1, None],
        ["Mission locale du Pays Messin", "Professionnel", 0, 0, 0, "excusée"],
        ["Total", None, 2, 4, 6, None],
    ]})
    plan = importer.plan_import(con, data, "COPIL_CLSM_09-10-2025_releve_presences.xlsx")
    rows = sorted((r["structure_id"], r["role_category"], r["count"]) for r in plan.changes["attendance"].added)
    assert rows == [("ars-grand-est", "professionnel", 1), ("ch-jury", "professionnel", 3), ("ville-metz", "élu", 1)]
    [meeting] = plan.changes["meeting"].added
    assert (meeting["instance_id"], meeting["date"]) == ("copil", dt.date(2025, 10, 9))
    said = " ".join(plan.messages)
    assert "présents comptés en deux colonnes « H » et « F » : le nombre est leur somme" in said
    assert "1 ligne(s) à 0 + 0 : personne" in said


def test_google_sheets_checkboxes_count_only_the_ticked_presences(con):
    from workbooks import xlsx

    data = xlsx({"Feuille 1": [
        ["GT Jeunes – mardi 20/01/2026 – 14h – Maison des adolescents"],
        ["Structure", "Catégorie", "Nom Prénom", "Présent·e", "Excusé·e", "Commentaire"],
        ["MDA 57", "Professionnel", "[masqué]", True, False, "animation"],
        ["MDA 57", "Professionnel", "[masqué]", False, True, None],
        ["EPE 57", "Professionnel", "[masqué]", False, False, None],
        ["UNAFAM 57", "Aidant", "[masqué]", True, False, None],
    ]})
    plan = importer.plan_import(con, data, "Émargement GT Jeunes 20-01-2026 - Feuille 1.xlsx")
    rows = sorted((r["structure_id"], r["role_category"], r["count"]) for r in plan.changes["attendance"].added)
    assert rows == [("mda-moselle", "professionnel", 1), ("unafam-moselle", "aidant", 1)]
    assert "2 ligne(s) dont la case « Présent·e » n’est pas cochée : personne non comptée" in " ".join(plan.messages)


def test_remarks_in_a_column_without_header_go_to_the_note_and_two_modes_are_hybrid(con):
    from workbooks import xlsx

    data = xlsx({"Réunions": [
        ["Date", "Réunion", "Lieu", "Format", None],
        [dt.datetime(2024, 11, 14), "Rencontre partenaires / CMP", "CMP 1", "sur place", "reportée du 07/11"],
        [dt.datetime(2025, 5, 15), "GT précarité", "Carrefour des solidarités", "sur place + Teams", None],
        [dt.datetime(2025, 6, 26), "Rencontre partenaires / CMP", "CMP 1", "sur place", "bilan de l'année"],
    ]})
    plan = importer.plan_import(con, data, "reunions_precarite_EMPP_2024-2025.xlsx")
    rows = sorted((r["date"], r["instance_id"], r["mode"], r["note"]) for r in plan.changes["meeting"].added)
    assert rows == [
        (dt.date(2024, 11, 14), "rencontre-partenaires", "présentiel", "remarque (colonne E) : reportée du 07/11"),
        (dt.date(2025, 5, 15), "groupe-precarite", "hybride", None),
        (dt.date(2025, 6, 26), "rencontre-partenaires", "présentiel", "remarque (colonne E) : bilan de l'année")]
    said = " ".join(plan.messages)
    assert "Colonne E de la feuille « Réunions », sans en-tête : 2 remarque(s)" in said
    assert "« Rencontre partenaires / CMP » (feuille « Réunions ») lu comme « Rencontres entre partenaires »" in said


def test_a_journal_of_status_changes_dates_the_status_after_the_arrow(con):
    from workbooks import xlsx

    data = xlsx({"Journal": [
        ["Programme d'actions 2022 – journal des changements de statut (le plus récent en haut)"],
        ["Date", "Action", "Changement de statut", "Validé par"],
        [dt.datetime(2025, 12, 16), "Module de sensibilisation à distance", "mise en oeuvre → réalisée", "coordination"],
        [dt.datetime(2025, 3, 11), "Module de sensibilisation à distance", "conception → mise en oeuvre", "COPIL"],
    ]})
    plan = importer.plan_import(con, data, "journal_changements_statut_programme_2022.xlsx")
    statuses = sorted((r["action_id"], r["date"], r["status"]) for r in plan.changes["action_status"].added)
    assert statuses == [("p22-01", dt.date(2025, 3, 11), "mise en œuvre"), ("p22-01", dt.date(2025, 12, 16), "réalisée")]
    assert "le statut après la flèche est daté par la colonne « Date »" in " ".join(plan.messages)


def test_an_export_of_sessions_is_events_and_a_cancelled_session_is_none(con):
    lines = ["sep=;", "Date début;Date fin;Intitulé;Type;Public;Format;Durée;Inscrits;Présents;Statut",
             "15/01/2026;15/01/2026;Module de base de sensibilisation en santé mentale;Sensibilisation;Professionnels "
             "du social;Présentiel;3h30;18;16;réalisée",
             "02/04/2026;02/04/2026;Santé mentale des jeunes : repérer et orienter;Sensibilisation;Animateurs "
             "jeunesse;Présentiel;3h;6;;annulée (report au 28/05)",
             "28/05/2026;28/05/2026;Santé mentale des jeunes : repérer et orienter;Sensibilisation;Animateurs "
             "jeunesse;Présentiel;3h;14;13;réalisée"]
    plan = importer.plan_import(con, ("\r\n".join(lines) + "\r\n").encode("utf-8"),
                                "export_sessions_sante_mentale_S1-2026.csv")
    assert set(plan.changes) == {"event"}
    events = sorted((r["date"], r["kind"], r["participants_count"]) for r in plan.changes["event"].added)
    assert events == [(dt.date(2026, 1, 15), "sensibilisation", 16), (dt.date(2026, 5, 28), "sensibilisation", 13)]
    said = " ".join(plan.messages)
    assert "le nom ou le titre du fichier dit événements" in said
    assert "(« annulée (report au 28/05) ») : événement annulé, laissé(e) de côté" in said


def test_indicators_with_years_down_and_codes_across_are_spelt_out_by_a_legend_sheet(con):
    from workbooks import xlsx

    data = xlsx({
        "Suivi": [["CLS Ville de Metz 2022-2026 – fiche 15 « Coordination du CLSM » – suivi des indicateurs"],
                  ["Année", "IP1", "IP2", "Source / commentaire"],
                  ["2022", 6, 29, None],
                  ["2023", 9, 31, "questionnaire partenaires"],
                  ["Cible 2026", 16, 30, "objectifs fixés au COPIL"]],
        "Légende": [["Code", "Indicateur (libellé de la fiche action)", "Type"],
                    ["IP1", "Nombre d'actions réalisées par rapport au prévisionnel.", "processus"],
                    ["IP2", "Nombre et typologie des réunions organisées dans le cadre du CLSM.", "processus"]]})
    plan = importer.plan_import(con, data, "suivi_indicateurs_fiche15_CLS.xlsx")
    values = sorted((r["indicator_id"], r["period_label"], r["value"]) for r in plan.changes["indicator_value"].added)
    assert sorted((p, v) for _, p, v in values) == [("2022", 6), ("2022", 29), ("2023", 9), ("2023", 31)]
    assert len({i for i, _, _ in values}) == 2  # IP1 and IP2, each the sheet's own wording
    said = " ".join(plan.messages)
    assert "ligne(s) « Cible 2026 » (pas une année : une cible ?) laissée(s) de côté" in said
    assert "« IP1 » (feuille « Suivi ») lu comme « Nombre d'actions réalisées par rapport au prévisionnel. »" in said


def _with_links_and_indents(path, rows: list[list], links: dict[str, str], indents: dict[str, int]) -> bytes:
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    wb = Workbook()
    ws = wb.active
    ws.title = path
    for row in rows:
        ws.append(row)
    for ref, url in links.items():
        ws[ref].hyperlink = url
    for ref, level in indents.items():
        ws[ref].alignment = Alignment(indent=level)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_a_directory_of_dotted_publics_and_links_behind_site(con):
    data = _with_links_and_indents("Ressources", [
        ["Où s'adresser ? Ressources en santé mentale par public – Metz"],
        ["Ressource", "Porté par", "Enfants", "Ados", "16-25 ans", "Adultes", "En savoir +"],
        ["Fil Santé Jeunes", "—", None, "●", "●", None, "site"],
        ["Groupe de parole des familles", "UNAFAM 57", None, None, None, "●", "fiche"]],
        {"G3": "https://www.filsantejeunes.com", "G4": "https://example.org/unafam-groupe-parole"}, {})
    plan = importer.plan_import(con, data, "ressources_sante_mentale_par_public.xlsx")
    rows = sorted((r["name"], r.get("structure_id"), r["publics"], r["url"]) for r in plan.changes["resource"].added)
    assert rows == [("Fil Santé Jeunes", None, "Ados, 16-25 ans", "https://www.filsantejeunes.com"),
                    ("Groupe de parole des familles", "unafam-moselle", "Adultes",
                     "https://example.org/unafam-groupe-parole")]
    said = " ".join(plan.messages)
    assert "2 lien(s) (« site », « fiche ») lu(s) comme l'adresse qu'ils ouvrent" in said
    assert "1 nom(s) écrit(s) « — » : lu(s) comme « aucun »" in said


def test_services_indented_under_their_establishment_belong_to_it(con):
    data = _with_links_and_indents("Annuaire", [
        ["Annuaire des partenaires du CLSM – établissements et services"],
        ["Structure / service", "Sigle", "Commune"],
        ["UDAF de la Moselle", "UDAF 57", "Metz"],
        ["Service mandataire judiciaire à la protection des majeurs", "MJPM", "Metz"],
        ["CMSEA", "CMSEA", "Metz"],
        ["Service en Amont", None, "Metz"]], {}, {"A4": 2, "A6": 2})
    plan = importer.plan_import(con, data, "annuaire_structures_et_services_2026.xlsx")
    added = {r["name"]: r.get("parent_id") for r in plan.changes["structure"].added}
    udaf = next(r["structure_id"] for r in plan.changes["structure"].added if r["name"] == "UDAF de la Moselle")
    assert added == {"UDAF de la Moselle": None,
                     "Service mandataire judiciaire à la protection des majeurs": udaf}  # a parent new in the file
    # « Service en Amont » stays under the CMSEA's pôle, where it is stored, not moved up to the CMSEA
    assert all(after.get("parent_id") in (None, "cmsea-pole-inclusion-sociale")
               for _, after in plan.changes["structure"].updated if after["structure_id"] == "service-en-amont")
    assert "services décalés sous leur établissement (retrait de la cellule)" in " ".join(plan.messages)


def test_who_does_what_from_the_structures_side_with_references_spelt_out_on_another_sheet(con):
    from workbooks import xlsx

    data = xlsx({
        "Par structure": [["Qui fait quoi ? Implication des structures dans les actions du CLSM"],
                          ["Structure", "Porteur de", "Partenaire de", "Financeur de"],
                          ["Ville de Metz", None, "PA-05, PA-20", "PA-05"],
                          ["Maison des ados", None, "PA-19 et PA-20", None]],
        "Réf. actions": [["Réf.", "Action"], ["PA-05", "Poursuite des SISM"],
                         ["PA-19", "Collaborations avec la MDA"], ["PA-20", "Communication Stopblues"]]})
    plan = importer.plan_import(con, data, "partenaires_CLSM_par_structure_2026.xlsx")
    links = sorted((r["action_id"], r["structure_id"], r["role"]) for r in plan.changes["action_partner"].added)
    assert links == [("p22-05", "ville-metz", "financeur"), ("p22-05", "ville-metz", "partenaire"),
                     ("p22-20", "mda-moselle", "partenaire")]  # the others are stored already
    said = " ".join(plan.messages)
    assert "une structure par ligne, ses actions dans les colonnes « Porteur de », « Partenaire de », « Financeur de »" \
        in said
    assert "« PA-19 » (feuille « Par structure ») lu comme « Développement des collaborations" in said


def test_a_csv_typed_without_quotes_gets_its_commas_back_inside_the_texts(con):
    lines = ["date,type,titre,lieu,public,partenaires",
             "16/01/2025,ciné-débat,Ciné-débat « Les Intranquilles »,Cinéma Klub,62,GEM Albatros",
             "13/03/2025,sensibilisation,Sensibilisation des bénévoles, accueil et écoute,RESAM,18,RESAM, CH Jury",
             "05/06/2025,conférence,Conférence « Être parent d'un proche malade psychique »,Médiathèque Verlaine,45,"]
    plan = importer.plan_import(con, ("\r\n".join(lines) + "\r\n").encode("utf-8"), "unafam57_actions_2025.csv")
    events = {r["title"]: (r["participants_count"], r["note"]) for r in plan.changes["event"].added}
    assert events["Sensibilisation des bénévoles, accueil et écoute"] == (
        18, "lieu : RESAM ; partenaires : RESAM, CH Jury")
    assert "1 ligne(s) (3) ont plus de champs que l'en-tête" in " ".join(plan.messages)


def test_a_years_summary_listing_the_days_each_structure_came(con):
    from workbooks import xlsx

    data = xlsx({"Récap 2025": [
        ["Groupe projets « enfance et parentalité » – récapitulatif des présences 2025"],
        ["Réunions : 21/01 – 18/03 – 20/05 (CMP Winnicott, sauf 18/03 en visio)"],
        ["Structure", "Qualité", "Présente aux réunions du…", "Nb de présences"],
        ["CMP Winnicott", "pro", "toutes (2 pers.)", 6],
        ["EPE 57", "pro", "toutes sauf 18/03", 2],
        ["GEM Camille Claudel", "usager", "20/05 (x3)", 3],
        ["Maison des ados", "pro", "aucune (excusée)", 0],
    ]})
    plan = importer.plan_import(con, data, "GT_enfance-parentalite_recap_presences_2025.xlsx")
    rows = sorted((r["meeting_id"], r["structure_id"], r["role_category"], r["count"])
                  for r in plan.changes["attendance"].added)
    days = {r["meeting_id"]: r["date"] for r in plan.changes["meeting"].added}
    got = sorted((days[m], s, c, n) for m, s, c, n in rows)
    assert got == [(dt.date(2025, 1, 21), "cmp-winnicott", "professionnel", 2),
                   (dt.date(2025, 1, 21), "epe-moselle", "professionnel", 1),
                   (dt.date(2025, 3, 18), "cmp-winnicott", "professionnel", 2),
                   (dt.date(2025, 5, 20), "cmp-winnicott", "professionnel", 2),
                   (dt.date(2025, 5, 20), "epe-moselle", "professionnel", 1),
                   (dt.date(2025, 5, 20), "gem-camille-claudel", "usager", 3)]
    assert "1 structure(s) venue(s) à aucune" in " ".join(plan.messages)
