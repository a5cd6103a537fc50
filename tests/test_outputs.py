"""What the council shows and hands out: filters in words, exports, deck and report (issue 10)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from clsm_data.present import figures
from clsm_data.read.filters import APPLIES, DEFS, Filters, action_where, dated_where, describe
from clsm_data.store.db import connect


@pytest.fixture
def con(seed_db):
    c = connect(seed_db)
    yield c
    c.close()


# ---------------------------------------------------------------- filters in words


def test_filter_sentence_names_values_not_codes(con):
    labels = figures.filter_labels(con)
    f = Filters(plan_id="pistes-2021", axis_id="p21-a2", period_start=dt.date(2019, 1, 1),
                period_end=dt.date(2021, 12, 31))
    text = describe(f, labels)
    assert text.startswith("Plan : Pistes 2021 · Axe 2 – ")
    assert text.endswith(" · 2019 à 2021")
    assert "pistes-2021" not in text
    assert describe(Filters(period_start=dt.date(2021, 3, 1)), labels) == "Depuis le 01/03/2021"
    assert describe(Filters(status="réalisée", theme_id="jeunes"), labels) == "Thématique : Jeunes · Statut : réalisée"
    assert describe(Filters()) == ""


def test_one_definition_drives_sql_and_words():
    f = Filters(plan_id="p", status="réalisée", structure_id="s", period_end=dt.date(2021, 12, 31))
    where, params = action_where(f, "x")
    assert where == ("x.council_id = ? AND x.plan_id = ? AND x.status_label = ? AND x.action_id IN (SELECT vs.action_id "
                     "FROM v_action_structure vs WHERE vs.council_id = x.council_id AND vs.structure_id = ?) "
                     "AND (x.start_date IS NULL OR x.start_date <= ?)")
    assert params == [f.council_id, "p", "réalisée", "s", dt.date(2021, 12, 31)]
    assert dated_where(f, "m.date") == ("m.date <= ?", [dt.date(2021, 12, 31)])
    assert dated_where(Filters(), "m.date") == ("TRUE", [])
    assert {d.name for d in DEFS} == set(Filters.names())
    assert APPLIES["meetings"] == {"period_start", "period_end", "theme_id", "structure_id"}


# ---------------------------------------------------------------- exports


def test_csv_for_french_excel_keeps_accents_and_semicolons():
    import io

    import pandas as pd

    from clsm_data.present import export

    df = pd.DataFrame({"Intitulé": ["Réunion « plénière »; salle Œ", "=HYPERLINK(\"http://x\")", "+33", "-2", "@SUM(A1)"],
                       "Taux": [0.5, 1234.25, None, -2.0, 3.0],
                       "Date": pd.to_datetime(["2021-11-18", "2021-05-27", None, "2020-02-01", "2019-12-01"])})
    raw = export.to_csv(df)
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0] == "Intitulé;Taux;Date"
    back = pd.read_csv(io.BytesIO(raw), sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert back["Intitulé"][0] == "Réunion « plénière »; salle Œ"
    assert back["Taux"].tolist() == ["0,5", "1234,25", "", "-2", "3"]
    assert back["Date"][0] == "18/11/2021"
    # No live formula: every text cell that a spreadsheet would evaluate starts with an apostrophe.
    assert back["Intitulé"][1:].tolist() == ["'=HYPERLINK(\"http://x\")", "'+33", "'-2", "'@SUM(A1)"]


def test_xlsx_never_carries_a_live_formula_and_masks():
    import io

    import openpyxl
    import pandas as pd

    from clsm_data.present import export

    df = pd.DataFrame({"role_category": ["professionnel", "usager"], "count": [23, 2], "note": ["=1+1", "ok"]})
    data = export.to_xlsx(export.masked_frame(df), "participation", export.about("Plan : Pistes 2021", True))
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb["participation"]
    cells = [c for row in ws.iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in cells)
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[1:] == [["professionnel", "23", "'=1+1"], ["usager", "< 11", "ok"]]
    assert wb["À propos"]["B1"].value == "Plan : Pistes 2021"
    assert export.file_name("Participation", Filters(period_start=dt.date(2021, 1, 1), period_end=dt.date(2021, 12, 31)),
                            "csv") == "clsm-participation-2021.csv"
    assert export.file_name("Réunions", Filters(), "xlsx", dt.date(2026, 11, 30)) == "clsm-reunions-au-2026-11-30.xlsx"


def test_chart_renders_offline_as_png_and_svg(con):
    from clsm_data.present import export

    chart = figures.chart(figures.sism(con, Filters()))
    assert export.chart_png(chart, scale=1).startswith(b"\x89PNG")
    svg = export.chart_svg(chart).decode()
    assert svg.lstrip().startswith("<svg") and "2018" in svg


def test_masked_view_exports_masked(con):
    from clsm_data.read import queries
    from components.export import prepare

    by_role = queries.attendance_by_role(con, Filters())
    out = prepare(by_role, masked=True)
    assert dict(zip(out["Catégorie"], out["Présences"], strict=True)) == {
        "professionnel": "23", "usager": "< 11", "aidant": "< 11", "bénévole": "1"}
    assert prepare(by_role, masked=False)["Présences"].tolist()[:2] == [23, 2]


# ---------------------------------------------------------------- the COPIL deck


def test_copil_deck_holds_the_sequence_titles_figures_and_sources(seed_db, tmp_path):
    from pptx import Presentation

    from clsm_data.cli.main import main

    out = tmp_path / "copil.pptx"
    assert main(["deck", "--sequence", "copil", "--out", str(out), "--db", str(seed_db)]) == 0
    prs = Presentation(str(out))
    titles = [s.shapes.title.text for s in prs.slides]
    con = connect(seed_db)
    expected = [f["title"] for f in figures.compute(con, "copil", Filters())["figures"]]
    con.close()
    assert titles == ["Conseil local de santé mentale du territoire messin", *expected, "Merci de votre attention"]
    assert "En 2021, 26 réunions des groupes thématiques et 90 acteurs mobilisés (fiche n°15)" in titles
    # masked: the sentence keeps its subject (issue 16), with no count of users or carers and no subtraction
    assert "28 participants à la réunion du 18/11/2021, dont des usagers et des aidants" in titles
    every_text = "\n".join(sh.text_frame.text for s in prs.slides for sh in s.shapes if sh.has_text_frame)
    assert "hors usagers" not in every_text and "2 usagers" not in every_text
    assert not re.search(r"\btables? (action|meeting|attendance|structure|event)\b", every_text)
    assert "146" not in every_text and "Pistes d'actions des groupes projets 2021 (10/02/2021) : 121 propositions" in every_text
    assert "données au " in every_text and "effectifs de 1 à 10 usagers ou aidants masqués" in every_text
    pictures = [sh for s in prs.slides for sh in s.shapes if sh.shape_type == 13]
    assert len(pictures) >= 3 and all(p.image.size[0] >= 3000 for p in pictures)  # high-resolution charts
    notes = [s.notes_slide.notes_text_frame.text for s in list(prs.slides)[1:-1]]
    assert all(n.startswith("Source : ") for n in notes)
    assert main(["deck", "--sequence", "inconnue", "--out", str(tmp_path / "x.pptx"), "--db", str(seed_db)]) == 1


# ---------------------------------------------------------------- the annual report


def pdf_text(data: bytes) -> str:
    import io
    import re

    from pypdf import PdfReader

    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    return re.sub(r"[ \n]+", " ", text)  # lines and cell padding as single spaces (narrow no-break spaces kept)


def docx_text(data: bytes) -> str:
    import io

    from docx import Document

    d = Document(io.BytesIO(data))
    cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in d.paragraphs] + cells)


def test_report_2021_holds_the_documents_figures(seed_db, tmp_path):
    from clsm_data.cli.main import main

    out = tmp_path / "bilan.pdf"
    assert main(["report", "--year", "2021", "--format", "pdf", "--out", str(out), "--db", str(seed_db)]) == 0
    raw = out.read_bytes()
    text = pdf_text(raw)
    assert b"/FontFile2" in raw  # the TTF is embedded
    assert "Bilan annuel 2021" in text and "page 1 / " in text
    assert "26 réunions des groupes thématiques" in text
    assert "90 professionnels" in text
    assert "28 participants aux réunions aux présences comptées, dont 2 usagers et 2 aidants" in text
    assert "Les SISM de 2017 à 2020\u202f: la SISM 2018 a réuni 800 participants, quatre fois plus qu'en 2017." in text
    # issue 16: the year's instances, its own facts, its validation state, and 2022 kept out of 2021
    assert "En 2021, ni le comité de pilotage ni l'assemblée plénière ne se sont réunis" in text
    assert "se réuniront en début d'année 2022" in text
    assert "Dossier de création d'une équipe mobile psychiatrie précarité (EMPP) déposé" in text
    assert "Cinq fiches actions de l'axe 2" in text and "Cités éducatives" in text
    assert "aucune action réalisée en 2021" not in text
    assert "Année 2021 non validée, données au 18/11/2021" in text
    assert "Préparé pour 2022, hors bilan 2021\u202f: Programme d'actions 2022 (présenté le 18/11/2021), 20 actions." in text
    assert "Source\u202f:" in text and "«\u202fAvancée des projets\u202f»" in text  # French typography
    assert "Ce que les documents ne donnent pas" in text
    docx = tmp_path / "bilan.docx"
    assert main(["report", "--year", "2021", "--format", "docx", "--out", str(docx), "--db", str(seed_db)]) == 0
    words = docx_text(docx.read_bytes())
    assert "28 participants aux réunions aux présences comptées, dont 2 usagers et 2 aidants" in words
    assert "90" in words and "26" in words


def test_partner_report_is_masked(con):
    from clsm_data.present import report

    text = pdf_text(report.build(con, 2021, "pdf", masked=True))
    said = "28 participants aux réunions aux présences comptées, dont des usagers et des aidants"
    assert said in text and "< 11" in text
    assert "2 usagers" not in text and "hors usagers" not in text  # no count of them, no subtraction
    words = docx_text(report.build(con, 2021, "docx", masked=True))
    assert said in words and "2 usagers" not in words


def test_a_year_without_data_says_so(con):
    from clsm_data.present import report

    text = pdf_text(report.build(con, 2012, "pdf"))
    assert "Aucune donnée pour cette année" in text and "aucune donnée pour 2012" in text


def test_coordinator_text_is_inert_and_the_pdf_reads_no_file_or_url(fresh_db, monkeypatch):
    import builtins
    import socket

    from clsm_data.core.errors import PermissionDenied
    from clsm_data.core.roles import Caller
    from clsm_data.present import report

    con = connect(fresh_db, read_only=False)
    crafted = "Voir <img src=file:///etc/passwd> et <link href=http://example.org/x.css> puis [lien](http://example.org)"
    with pytest.raises(PermissionDenied):
        report.save_text(con, Caller("udaf57", "partner"), 2021, "gouvernance", crafted)
    result = report.save_text(con, Caller("coordination", "coordinator"), 2021, "gouvernance", crafted)
    assert result.audit_id
    opened: list[str] = []
    real_open = builtins.open

    def spy(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    def no_network(*args, **kwargs):
        raise AssertionError("the report renderer tried to reach the network")

    monkeypatch.setattr(builtins, "open", spy)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    pdf = report.build(con, 2021, "pdf")
    docx = report.build(con, 2021, "docx")
    monkeypatch.undo()
    con.close()
    assert "/etc/passwd" not in opened and not any("example.org" in p for p in opened)
    assert all("fonts" in p or "site-packages" in p for p in opened), opened
    text = pdf_text(pdf)
    assert "<img src=file:///etc/passwd>" in text and "[lien](http://example.org)" in text
    assert "<link href=http://example.org/x.css>" in docx_text(docx)


# ---------------------------------------------------------------- the Rapports page


def test_rapports_page_for_the_coordinator_saves_texts_in_the_journal(app_db):
    from streamlit.testing.v1 import AppTest

    from clsm_data.present import report

    at = AppTest.from_file("../app.py", default_timeout=30)
    at.run()
    at.switch_page("pages/11_rapports.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="bilan_annee").value == 2021
    shown = "\n".join(m.value for m in at.markdown)
    assert "Gouvernance" in shown  # the report's sections, on the first tab
    assert [t.label for t in at.tabs] == ["Contenu du bilan", "Textes de la coordination", "État des lieux national"]
    assert not at.text_area
    at.query_params["vue"] = "Textes de la coordination"
    at.run()
    at.text_area(key="bilan_2021_gouvernance").input("Deux instances réunies en 2021 <b>sans</b> balise.")
    at.button[0].click()  # the form's submit button
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert "1 texte(s) enregistré(s)" in at.success[0].value
    from components import data

    con = data._connection(str(app_db)).cursor()  # the app process holds the file
    assert report.texts(con, 2021) == {"gouvernance": "Deux instances réunies en 2021 <b>sans</b> balise."}
    assert con.execute("SELECT count(*) FROM audit_log WHERE operation = 'textes du bilan annuel'").fetchone()[0] == 1


def test_action_sheet_as_pdf_and_docx_like_the_councils_sheets(seed_db, tmp_path):
    from clsm_data.cli.main import main

    out = tmp_path / "f15.pdf"
    assert main(["sheet", "--action", "fiche-15", "--out", str(out), "--db", str(seed_db)]) == 0
    text = pdf_text(out.read_bytes())
    for expected in ("Fiche n°15 – Coordination du Conseil local de santé mentale", "Porteur de l'action (structure)",
                     "Centre hospitalier de Jury", "Modalité de suivi Bilan annuel", "2021\u202f: 26", "2021\u202f: 90"):
        assert expected in text, expected
    docx = tmp_path / "f32.docx"
    assert main(["sheet", "--action", "fiche-32", "--format", "docx", "--out", str(docx), "--db", str(seed_db)]) == 0
    assert "Fiche n°32 – Sensibilisation des professionnels à la santé mentale" in docx_text(docx.read_bytes())
    assert main(["sheet", "--action", "nope", "--out", str(tmp_path / "x.pdf"), "--db", str(seed_db)]) == 1


def test_a_slide_may_carry_its_own_filters(con):
    from clsm_data.read.filters import from_params, to_params

    f = Filters(plan_id="pistes-2021", period_start=dt.date(2019, 1, 1))
    assert from_params(to_params(f)) == f
    fig = figures.build_slide(con, "sism@du=2019-01-01&au=2021-12-31", Filters())
    assert fig["title"] == "La SISM 2019 a réuni 250 participants" and fig["filters"] == "2019 à 2021"
    assert figures.build_slide(con, "sism@inconnu=1", Filters()) is None
    assert figures.build_slide(con, "sism@du=pas-une-date", Filters()) is None


def test_meeting_export_keeps_the_documents_precision_and_masks_totals(con):
    from clsm_data.present import export
    from clsm_data.read import queries
    from components.export import prepare

    rows = prepare(queries.meetings(con, Filters(), hide_sensitive=True), masked=True)
    text = export.to_csv(rows).decode("utf-8-sig").splitlines()
    assert text[0].startswith("Date;Instance;")
    assert text[1].startswith("février 2017;Comité de pilotage;")
    assert any(line.startswith("18/11/2021;") and ";24;22" in line for line in text)  # 24 where masked, never 28
