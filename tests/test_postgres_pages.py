"""The whole app on PostgreSQL: every page and tab (AppTest), imports, undo, the follow-up year, accounts, the deck,
the annual report, exports and « D'où vient ce chiffre ? », each compared with the same thing on the DuckDB file.

The seed is built once in a throwaway cluster (tests/pg_cluster.py); each test gets a copy of it (`pg_url`) and a
copy of the DuckDB file (`fresh_db`). No mock of either engine: a difference is a query to make portable.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from clsm_data import importing as importer
from clsm_data.core.errors import AlreadyValidatedError, AuthError, UndoRefused
from clsm_data.core.roles import COORDINATOR, Caller
from clsm_data.core.tables import LOAD_ORDER, TABLES
from clsm_data.read.filters import Filters
from clsm_data.store.db import connect, table_checksums
from clsm_data.store.engine import engine
from tests import pg_cluster
from tests.test_pages import APP, frames, metrics, texts

COORD = Caller("coordination", COORDINATOR)
# The throwaway cluster with the seed as a template, a private copy of it per test (tests/pg_cluster.py).
cluster, pg_url, pg = pg_cluster.cluster, pg_cluster.pg_url, pg_cluster.pg


@pytest.fixture
def duck(fresh_db):
    """A read-write connection to a private copy of the seed's DuckDB file."""
    con = connect(fresh_db, read_only=False)
    yield con
    con.close()


@pytest.fixture
def both(duck, pg):
    """The same seed on both engines: {"duckdb": con, "postgres": con}."""
    assert engine(pg).name == "postgres" and engine(duck).name == "duckdb"
    return {"duckdb": duck, "postgres": pg}


def _same(both, fn):
    """fn run on each engine; the two results, asserted equal (their text form: frames, dicts, lists)."""
    a, b = fn(both["duckdb"]), fn(both["postgres"])
    if isinstance(a, pd.DataFrame):
        pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True), check_dtype=False)
    else:  # « données au 06/12/2026 23:40 »: the time each was built, which may cross a minute between the two
        assert _built_at(str(b)) == _built_at(str(a))
    return b


def _built_at(text: str) -> str:
    return re.sub(r"données au \d{2}/\d{2}/\d{4} \d{2}:\d{2}", "données au (heure)", text)


# ---------------------------------------------------------------- every page and tab


# The query parameter that opens each tab of a page (as a link to the tab does), and the tabs themselves.
TABS = {
    None: ("volet", ["Histoire du CLSM"]),
    "pages/2_avancement.py": ("vue", ["Par thématique", "Calendrier", "Réalisations", "Suivi de la coordination"]),
    "pages/4_participation.py": ("vue", ["Présences", "SISM et sensibilisations", "Indicateurs de la fiche n°15"]),
    "pages/5_partenaires.py": ("vue", ["Liste des structures", "Carte interactive", "Réseau des collaborations"]),
    "pages/6_ressources.py": ("vue", ["Carte"]),
    "pages/7_administration.py": ("onglet", ["Modifier une table", "Saisir une réunion", "Sauvegardes", "Journal",
                                             "Comptes"]),
    "pages/9_sources.py": ("vue", ["Écarts et lectures", "Saisies et imports"]),
    "pages/10_a_completer.py": ("suivi", ["Statut daté", "Valider l'année"]),
    "pages/11_rapports.py": ("vue", ["Textes de la coordination", "État des lieux national"]),
}
PAGES = [None, "pages/2_avancement.py", "pages/3_fiches_actions.py", "pages/4_participation.py",
         "pages/5_partenaires.py", "pages/6_ressources.py", "pages/7_administration.py", "pages/8_diaporama.py",
         "pages/9_sources.py", "pages/10_a_completer.py", "pages/11_rapports.py"]
VIEWS = [(page, {}) for page in PAGES] + [
    (page, {key: tab}) for page, (key, tabs) in TABS.items() for tab in tabs
] + [
    (None, {"du": "2021-01-01", "au": "2021-12-31"}),
    ("pages/2_avancement.py", {"plan": "Contrat local de santé de Metz (2017-2020)"}),
    ("pages/3_fiches_actions.py", {"q": "Coordination du Conseil local"}),
    ("pages/4_participation.py", {"projection": "true", "vue": "Présences"}),
    ("pages/5_partenaires.py", {"secteurs": "logement", "vue": "Liste des structures"}),
    ("pages/6_ressources.py", {"res_q": "Maison des bébés"}),
] + [("pages/8_diaporama.py", {"sequence": s, "diapo": str(n)}) for s in ("copil", "pleniere") for n in range(1, 14)]


def _view_id(view) -> str:
    page, params = view
    return (page or "app.py").removeprefix("pages/") + "".join(f" {k}={v}" for k, v in params.items())


def render(monkeypatch, db, page: str | None, params: dict | None = None) -> AppTest:
    """A page as a visitor opens it (AppTest), the app pointed at `db` (a DuckDB file or a postgresql:// URL)."""
    import streamlit as st

    monkeypatch.setenv("CLSM_DB", str(db))
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page)
        at.run()
        at.run()  # URL-bound widget values apply on the rerun after a page switch
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def on_both(fresh_db, pg_url, monkeypatch):
    """Render a view on the DuckDB file, then on PostgreSQL: (duckdb AppTest, postgres AppTest)."""
    import streamlit as st

    def run(page, params=None):
        return render(monkeypatch, fresh_db, page, params), render(monkeypatch, pg_url, page, params)

    yield run
    st.cache_data.clear()
    st.cache_resource.clear()


def _unclocked(text: str) -> str:
    """The text without the time of day (the slides' footer says when they were opened, to the minute)."""
    return re.sub(r"\d\d\\?:\d\d", "hh:mm", text)


@pytest.mark.parametrize("view", VIEWS, ids=[_view_id(v) for v in VIEWS])
def test_every_page_and_tab_shows_the_same_on_postgres(on_both, view):
    page, params = view
    duck_at, pg_at = on_both(page, params)
    assert [e.value for e in pg_at.error] == [e.value for e in duck_at.error] == []
    assert pg_at.title and pg_at.title[0].value == duck_at.title[0].value
    assert metrics(pg_at) == metrics(duck_at)  # the tiles and metrics, as drawn
    assert _unclocked(texts(pg_at)) == _unclocked(texts(duck_at))  # every sentence, caption and notice
    a, b = frames(duck_at), frames(pg_at)
    assert len(a) == len(b)
    for x, y in zip(a, b, strict=True):  # every table, in the same order, cell for cell as shown
        pd.testing.assert_frame_equal(x.astype(str), y.astype(str))


def test_the_overview_says_the_seed_s_figures_on_postgres(pg_url, monkeypatch):
    at = render(monkeypatch, pg_url, None)
    shown = texts(at)
    assert "Programme d'actions 2022 (présenté le 18/11/2021) : 20 actions" in shown.replace("\\", "")
    m = metrics(at)
    assert m["Actions (Programme 2022)"] == "20"
    assert m["Participants (toutes années)"] == "28"
    assert m["Réunions datées (toutes années)"] == "8"
    at = render(monkeypatch, pg_url, "pages/4_participation.py", {"vue": "Présences"})
    roles = dict(zip(frames(at)[0]["Catégorie"], frames(at)[0]["Présences"], strict=True))
    assert roles == {"professionnel": "23", "usager": "2", "aidant": "2", "bénévole": "1"}


def test_a_validated_year_shows_on_the_overview_on_postgres(pg, pg_url, monkeypatch):
    from clsm_data.followup import year as followup

    followup.validate_year(pg, COORD, 2021, on=dt.date(2022, 2, 15))
    at = render(monkeypatch, pg_url, None, {"du": "2021-01-01", "au": "2021-12-31"})
    assert "Chiffres de 2021 validés par le COPIL le 15/02/2022." in texts(at).replace("\\", "")


# ---------------------------------------------------------------- imports, edits and undo


def _contents(con, tables=LOAD_ORDER) -> dict[str, list[tuple]]:
    """Every row of every table, sorted, as text (the engines' own checksums differ by design)."""
    out = {}
    for name in tables:
        cols = ", ".join(TABLES[name].col_names)
        out[name] = sorted(tuple("" if v is None else str(v) for v in r)
                           for r in con.execute(f"SELECT {cols} FROM {name}").fetchall())
    return out


def test_an_import_an_edit_and_their_undo_leave_the_same_rows_on_both_engines(both):
    from clsm_data.importing import edits
    from clsm_data.store import journal
    from tests.test_undo import WORKBOOK

    csv = "identifiant;instance;date\ncopil-2021-12-10;copil;10/12/2021\n".encode()
    kept = {}
    for con in both.values():
        start = table_checksums(con, list(TABLES))
        meetings = con.execute("SELECT count(*) FROM meeting").fetchone()[0]
        book = importer.apply_import(con, COORD, importer.plan_import(con, WORKBOOK, "classeur-2022.xlsx"))
        one = importer.apply_import(con, COORD, importer.plan_import(con, csv, "r.csv", table="meeting"))
        edit = edits.save_edits(con, COORD, "action", [{"action_id": "fiche-32", "status": "reportée"}])
        later = edits.save_edits(con, COORD, "action", [{"action_id": "fiche-32", "status": "réalisée"}])
        assert con.execute("SELECT count(*) FROM meeting").fetchone()[0] == meetings + 3
        with pytest.raises(UndoRefused, match="des écritures plus récentes ont modifié les mêmes lignes"):
            journal.undo(con, COORD, edit.audit_id)
        for done in (later, edit, one):
            journal.undo(con, COORD, done.audit_id)
        assert con.execute("SELECT status FROM action WHERE action_id = 'fiche-32'").fetchone()[0] != "réalisée"
        kept[engine(con).name] = (book, start)
    assert _contents(both["postgres"]) == _contents(both["duckdb"])  # the import kept, the rest undone
    _same(both, lambda c: journal.change_sets(c)[["audit_id", "operation", "origin", "n_rows", "state"]])
    for name, con in both.items():
        book, start = kept[name]
        journal.undo(con, COORD, book.audit_id)
        assert table_checksums(con, list(TABLES)) == start  # back to the seed, row for row


def test_the_template_round_trip_changes_nothing_on_postgres(pg):
    plan = importer.plan_import(pg, importer.template_for(pg), "modele-rempli.xlsx")
    assert plan.is_noop and not plan.duplicates and plan.unchanged > 100


def test_the_coordinator_s_own_spreadsheets_are_read_alike_on_both_engines(cluster, seed_db, tmp_path):
    """Every training spreadsheet of tests/data/human (headers of their own, dates in words, short names, answers
    remembered) gives the same first and second tries on PostgreSQL as on the DuckDB file."""
    import importlib.util
    import shutil
    import sys
    import uuid
    from pathlib import Path

    import psycopg

    from clsm_data.store.postgres import close_pools

    spec = importlib.util.spec_from_file_location("make_human", Path(__file__).parent / "data" / "make_human.py")
    mh = importlib.util.module_from_spec(spec)
    sys.modules["make_human"] = mh  # its dataclasses look their module up
    spec.loader.exec_module(mh)
    books = [b for b in mh.TRAINING if not b.refused]
    assert len(books) >= 10
    for book in books:
        data = (mh.HUMAN / book.name).read_bytes()
        copy = tmp_path / f"{book.name}.duckdb"
        shutil.copy2(seed_db, copy)
        name = f"h_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(cluster.url(), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{pg_cluster.TEMPLATE}"')
        got = []
        for target in (copy, cluster.url(name)):
            con = connect(target, read_only=False)
            try:
                got.append(mh.attempt(con, book, data))
            finally:
                con.close()
        close_pools()
        cluster.drop_database(name)
        assert got[1] == got[0], book.name
        assert got[1][1], f"{book.name} not read on PostgreSQL by the second try: {got[1][2]}"


# ---------------------------------------------------------------- the follow-up year


def test_statuses_comments_and_a_validated_year_frozen_alike(both):
    from clsm_data.followup import year as followup

    csv = "identifiant;instance;date\ncopil-2021-12-10;copil;10/12/2021\n".encode()
    for con in both.values():
        followup.set_status(con, COORD, "p22-02", "mise en œuvre", dt.date(2022, 3, 1), note="lancée")
        followup.set_comment(con, COORD, "p22-02", 2021, "Préparée avec les partenaires.")
        assert followup.validated_year(con, 2021) is None
        followup.validate_year(con, COORD, 2021, on=dt.date(2022, 2, 15), note="COPIL de février")
        with pytest.raises(AlreadyValidatedError, match="L'année 2021 est validée par le COPIL"):
            followup.set_comment(con, COORD, "p22-02", 2021, "Trop tard.")
        importer.apply_import(con, COORD, importer.plan_import(con, csv, "r.csv", table="meeting"))
    frozen = _same(both, lambda c: followup.validated_year(c, 2021))
    assert frozen is not None and frozen["meetings"] == 2  # frozen at validation
    assert _same(both, lambda c: followup.year_figures(c, 2021))["meetings"] == 3  # the import after it
    assert _same(both, lambda c: followup.corrections(c, 2021))
    _same(both, lambda c: followup.year_state(c, 2021))
    _same(both, lambda c: followup.year_table(c, 2021))
    _same(both, lambda c: followup.validated_years(c))
    for con in both.values():
        followup.reopen_year(con, COORD, 2021, "réunion de décembre oubliée")
    assert _same(both, lambda c: followup.validated_year(c, 2021)) is None
    _same(both, lambda c: c.execute("SELECT action_id, date, status, note FROM action_status WHERE note = 'lancée'")
          .fetchall())


# ---------------------------------------------------------------- accounts and sign-in


def test_accounts_and_sign_in_on_postgres(pg):
    from clsm_data.access import accounts

    assert not accounts.has_accounts(pg)
    accounts.add_user(pg, COORD, "coordination", COORDINATOR, "un mot de passe assez long 42")
    accounts.add_user(pg, COORD, "marie", "partner", "un autre mot de passe long 43")
    assert accounts.has_accounts(pg)
    assert {u["username"] for u in accounts.list_users(pg, COORD)} == {"coordination", "marie"}
    assert accounts.authenticate(pg, "Marie", "un autre mot de passe long 43") == Caller("marie", "partner")
    with pytest.raises(AuthError):
        accounts.authenticate(pg, "marie", "faux")
    with pytest.raises(AuthError):
        accounts.authenticate(pg, "inconnue", "faux")
    assert accounts.sign_in(pg, "marie", "un autre mot de passe long 43", "10.0.0.1", sleep=lambda s: None).role == "partner"
    before = accounts.password_fingerprint(pg, "marie")
    accounts.set_password(pg, COORD, "marie", "encore un mot de passe long 44")
    assert accounts.password_fingerprint(pg, "marie") not in (None, before)
    assert accounts.account_caller(pg, "marie") == Caller("marie", "partner")


def test_an_account_is_removed_on_postgres(pg):
    from clsm_data.access import accounts

    accounts.add_user(pg, COORD, "coordination", COORDINATOR, "un mot de passe assez long 42")
    accounts.add_user(pg, COORD, "marie", "partner", "un autre mot de passe long 43")
    accounts.remove_user(pg, COORD, "marie")
    assert {u["username"] for u in accounts.list_users(pg, COORD)} == {"coordination"}


# ---------------------------------------------------------------- outputs


def _slides(con, sequence: str) -> list[list[str]]:
    from pptx import Presentation

    from clsm_data.present import deck

    prs = Presentation(io.BytesIO(deck.build_bytes(con, sequence)))
    return [[sh.text_frame.text for sh in s.shapes if sh.has_text_frame] + [s.notes_slide.notes_text_frame.text]
            for s in prs.slides]


@pytest.mark.parametrize("sequence", ["copil", "pleniere"])
def test_the_deck_built_from_postgres_says_what_the_file_says(both, sequence):
    slides = _same(both, lambda c: _slides(c, sequence))
    titles = [s[0] for s in slides]
    if sequence == "copil":
        assert "En 2021, 26 réunions des groupes thématiques et 90 acteurs mobilisés (fiche n°15)" in titles
        assert "28 participants à la réunion du 18/11/2021, dont des usagers et des aidants" in titles


def test_the_cli_writes_the_deck_and_the_report_from_postgres(pg_url, tmp_path, monkeypatch):
    from pptx import Presentation

    from clsm_data.cli.main import main

    monkeypatch.setenv("CLSM_DB", pg_url)  # (--db takes a file path: a URL goes through CLSM_DB)
    out = tmp_path / "copil.pptx"
    assert main(["deck", "--sequence", "copil", "--out", str(out)]) == 0
    assert len(Presentation(str(out)).slides) > 3
    pdf = tmp_path / "bilan.pdf"
    assert main(["report", "--year", "2021", "--format", "pdf", "--out", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(("year", "fmt", "masked"), [(2021, "pdf", False), (2021, "docx", True), (2022, "pdf", True),
                                                     (2022, "docx", False)])
def test_the_annual_report_from_postgres_says_what_the_file_says(both, year, fmt, masked):
    from clsm_data.present import report
    from tests.test_outputs import docx_text, pdf_text

    read = pdf_text if fmt == "pdf" else docx_text
    text = _same(both, lambda c: read(report.build(c, year, fmt, masked=masked)))
    if year == 2021 and not masked:
        assert "28 participants aux réunions aux présences comptées, dont 2 usagers et 2 aidants" in text
        assert "26 réunions des groupes thématiques" in text and "90 professionnels" in text


def test_a_report_text_and_a_slide_sequence_saved_on_postgres(pg):
    from clsm_data.followup import sequences
    from clsm_data.present import report

    report.save_text(pg, COORD, 2021, "introduction", "Une année de concertation.")
    assert report.texts(pg, 2021)["introduction"] == "Une année de concertation."
    sequences.save(pg, COORD, "essai", "Essai", ["titre"])
    assert sequences.get(pg, "essai") == ("Essai", ["titre"])


def test_exports_from_postgres_are_the_file_s(both):
    from clsm_data.present import export
    from clsm_data.read import queries

    f = Filters()
    _same(both, lambda c: export.to_csv(queries.meetings(c, f, hide_sensitive=True)))
    _same(both, lambda c: export.to_csv(queries.actions(c, f, "")))
    _same(both, lambda c: export.to_csv(queries.attendance_by_sector(c, f)))
    sheets = []
    for con in both.values():
        import python_calamine as pc

        book = pc.CalamineWorkbook.from_filelike(io.BytesIO(export.to_xlsx(queries.actions(con, f, ""))))
        sheets.append([book.get_sheet_by_name(n).to_python() for n in book.sheet_names])
    assert sheets[1] == sheets[0]


# ---------------------------------------------------------------- « D'où vient ce chiffre ? »

PERIODS = [Filters(), Filters(period_start=dt.date(2021, 1, 1)),
           Filters(period_start=dt.date(2019, 1, 2), period_end=dt.date(2020, 12, 31)),
           Filters(plan_id="cls-2017-2020")]


def _sorted_quotes(df: pd.DataFrame) -> pd.DataFrame:
    """string_agg(DISTINCT …) gives its pieces in no stated order (DuckDB: as met; PostgreSQL: sorted)."""
    df = df.copy()
    df["quote"] = [" · ".join(sorted(q.split(" · "))) if isinstance(q, str) else q for q in df["quote"]]
    return df.sort_values([c for c in df.columns if c != "at"], na_position="last").reset_index(drop=True)


@pytest.mark.parametrize("figure", sorted(__import__("clsm_data.read.provenance", fromlist=["FIGURES"]).FIGURES))
def test_every_figure_and_its_rows_are_the_same_on_both_engines(both, figure):
    from clsm_data.read import provenance

    for f in PERIODS:
        assert provenance.figure_count(both["postgres"], figure, f) == provenance.figure_count(both["duckdb"], figure, f)
        rows = [provenance.figure_rows(c, figure, f).sort_values(["table_name", "row_key"]).reset_index(drop=True)
                for c in (both["duckdb"], both["postgres"])]
        pd.testing.assert_frame_equal(rows[1], rows[0], check_dtype=False)
        sources = [_sorted_quotes(provenance.figure_sources(c, figure, f)) for c in (both["duckdb"], both["postgres"])]
        pd.testing.assert_frame_equal(sources[1], sources[0], check_dtype=False)


def test_the_sources_page_lists_read_alike(both):
    from clsm_data.read import provenance

    _same(both, provenance.documents)
    _same(both, provenance.counts_by_document)
    _same(both, provenance.readings)
    _same(both, provenance.note_readings)
