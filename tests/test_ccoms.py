"""The CCOMS état des lieux (issue 18, deliver 2): each indicator computed from the council's own rows, the
network's column adding councils up only where adding means something, the CSV in the survey's order, the command
line and the Rapports tab. The seed's figures are checked against what its documents give."""

from __future__ import annotations

import csv
import io

from clsm_data.cli.main import main as cli
from clsm_data.followup import ccoms
from clsm_data.store.db import connect


def _values(df, column) -> dict[str, object]:
    return dict(zip(df["Indicateur"], df[column], strict=True))


def test_the_seed_councils_indicators_are_its_documents_figures(seed_db):
    con = connect(seed_db)
    try:
        df = ccoms.indicators(con, ["clsm-metz"], 2021)
    finally:
        con.close()
    name = "Conseil local de santé mentale du territoire messin"
    assert list(df.columns) == ["Rubrique", "Indicateur", name]  # one council: no network column
    v = _values(df, name)
    assert v["Structure porteuse"] == "Centre hospitalier de Jury"
    assert v["Comité de pilotage constitué"] == "oui" and v["Assemblée plénière constituée"] == "oui"
    # the two 2021 meetings of the minutes (24 present on 18/11/2021): 28 counted
    assert v["Autres réunions du conseil enregistrées en 2021"] == 2
    assert v["Participations comptées aux réunions de 2021 (réunions dont la présence est notée)"] == 28
    assert v["Plan en vigueur"] == "Programme 2022"
    assert v["Actions du plan en vigueur : total"] == 20
    by_theme = [k for k in v if k.startswith("Actions du plan en vigueur : ") and not k.endswith("total")]
    assert sum(v[k] for k in by_theme) == 20
    sectors = [k for k in v if k.startswith("Structures nommées : ") and not k.endswith("total")]
    assert sum(v[k] for k in sectors) == v["Structures nommées : total"]
    # the survey's order: governance, instances, partners, actions
    assert list(dict.fromkeys(df["Rubrique"])) == list(ccoms.SUBJECTS)


def test_a_year_without_attendance_leaves_the_count_empty_not_zero(seed_db):
    con = connect(seed_db)
    try:
        v = _values(ccoms.indicators(con, ["clsm-metz"], 2024), "Conseil local de santé mentale du territoire messin")
    finally:
        con.close()
    assert v["Participations comptées aux réunions de 2024 (réunions dont la présence est notée)"] is None


def test_the_command_line_writes_the_csv_in_the_surveys_order(seed_db, tmp_path):
    out = tmp_path / "edl.csv"
    assert cli(["etat-des-lieux", "--db", str(seed_db), "--annee", "2021", "--out", str(out)]) == 0
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:2] == ["Rubrique", "Indicateur"]
    assert rows[1] == ["Gouvernance", "Nom du conseil", "Conseil local de santé mentale du territoire messin"]
    assert ["Instances réunies", "Autres réunions du conseil enregistrées en 2021", "2"] in rows
    assert cli(["etat-des-lieux", "--db", str(seed_db), "--conseil", "inconnu"]) == 1


def test_the_rapports_page_shows_the_survey(app_db):
    from tests.test_pages import open_page

    at = open_page("pages/11_rapports.py", params={"vue": "État des lieux national"})
    html = " ".join(str(h.value) for h in at.get("html"))
    assert "Réunions du comité de pilotage enregistrées en" in html and "Centre hospitalier de Jury" in html


def test_a_validated_year_is_said_with_what_was_written_since(app_db):
    from clsm_data.core.roles import COORDINATOR, Caller
    from clsm_data.followup import year
    from tests.test_pages import open_page

    con = connect(app_db, read_only=False)
    try:
        year.validate_year(con, Caller("coordination", COORDINATOR), 2021)
        v = _values(ccoms.indicators(con, ["clsm-metz"], 2021), "Conseil local de santé mentale du territoire messin")
        assert v["Chiffres de 2021 validés par le COPIL"] == "oui"
        assert _values(ccoms.indicators(con, ["clsm-metz"], 2022),
                       "Conseil local de santé mentale du territoire messin")["Chiffres de 2022 validés par le COPIL"] == "non"
    finally:
        con.close()
    at = open_page("pages/11_rapports.py", params={"vue": "État des lieux national"})
    info = " ".join(str(i.value) for i in at.info).replace("\\", "")  # the markdown's escapes aside
    assert "Année 2021 validée par le COPIL le" in info and "rien n'a été écrit pour cette année" in info
