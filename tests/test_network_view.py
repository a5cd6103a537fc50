"""The network view (issue 18, deliver 2): several councils side by side, and only what adds up added up.

A network of four councils (the seed's and three synthetic ones, labelled so, whose codes collide) on the DuckDB
file: each council's line equals what its own pages say, the network's totals equal the sum of its lines, a
validated year counts its validated figures, and the page is shown to an account of several councils only.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import duckdb
import pytest

from benchmarks.synthetic import make_synthetic
from clsm_data.core.config import DEFAULT_COUNCIL, current_council, use_council
from clsm_data.core.roles import COORDINATOR, PARTNER, Caller
from clsm_data.followup import ccoms
from clsm_data.followup import year as followup
from clsm_data.read import network, queries, statements
from clsm_data.read.filters import Filters
from clsm_data.store.db import connect

COORD = Caller("coordination", COORDINATOR)
COUNCILS = 4
PASSWORD = "une phrase de passe"


@pytest.fixture(scope="module")
def net(seed_db, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("reseau") / "reseau.duckdb"
    make_synthetic(path, seed_db, factor=0.15, rng_seed=5, councils=COUNCILS, region="Grand Est")
    return path


def _ids(con) -> list[str]:
    return [r[0] for r in con.execute("SELECT council_id FROM council ORDER BY council_id <> ?, council_id",
                                      [DEFAULT_COUNCIL]).fetchall()]


def _own(con, council: str, year: int) -> dict:
    """What the council's own pages say for the year: the overview's headline, its survey line."""
    before = current_council()
    use_council(council)
    try:
        h = queries.headline(con, Filters(council_id=council, period_start=dt.date(year, 1, 1),
                                          period_end=dt.date(year, 12, 31)))
        survey = {line.label: v for line, v in ccoms.council_lines(con, council, year)}
        return {"meetings": h["meetings"], "participants": h["participants"],
                "counted": h["meetings_counted"] or None,
                "structures": survey["Structures nommées : total"],
                "actions": survey["Actions du plan en vigueur : total"]}
    finally:
        use_council(before)


def test_each_council_line_is_what_its_own_pages_say_and_the_network_adds_them(net):
    con = duckdb.connect(str(net), read_only=True)
    try:
        ids = _ids(con)
        # the plans in force, read for every council at once, are those each council's own pages choose
        assert {c: p for c, (p, _) in network.plans_in_force(con, ids).items()} == {
            c: statements.plan_in_force(con, council_id=c) for c in ids}
        for year in (2021, 2024):
            v = network.view(con, ids, year)
            per = v["per_council"].set_index("council_id")
            assert list(per.index) == ids
            for c in ids:
                own, row = _own(con, c, year), per.loc[c]
                assert row["Réunions datées"] == own["meetings"], (c, year)
                got = row["Participations comptées"]
                assert (None if got is None or got != got else got) == own["participants"], (c, year)
                assert row["Structures nommées"] == own["structures"], c
                assert row["Actions du plan en vigueur"] == own["actions"], c
            t = v["totals"]
            assert t["councils"] == COUNCILS
            assert t["meetings"] == sum(_own(con, c, year)["meetings"] for c in ids) == per["Réunions datées"].sum()
            assert t["structures"] == con.execute("SELECT count(*) FROM structure").fetchone()[0]
            assert t["actions"] == v["by_status"]["Réseau"].sum() == v["by_theme"]["Réseau"].sum()
            assert t["structures"] == v["by_sector"]["Réseau"].sum()
            # the network's column is the sum of the councils' columns, named by council
            names = list(v["per_council"]["Conseil"])
            assert (v["by_status"][names].sum(axis=1) == v["by_status"]["Réseau"]).all()
        # the seed council in 2021: the documents' two dated meetings (28 people) and 26 counted without dates
        seed = network.view(con, ids, 2021)["per_council"].set_index("council_id").loc[DEFAULT_COUNCIL]
        assert (seed["Réunions datées"], seed["Participations comptées"], seed["Réunions comptées sans date"]) == (2, 28, 26)
        assert seed["Plan en vigueur"] == "Programme 2022" and seed["Actions du plan en vigueur"] == 20
    finally:
        con.close()


def test_the_perimeters_are_the_region_and_its_departements(net):
    con = duckdb.connect(str(net), read_only=True)
    try:
        ids = _ids(con)
        got = network.perimeters(con, ids)
        departments = dict(con.execute("SELECT council_id, department FROM council").fetchall())
    finally:
        con.close()
    assert got[0].kind == "nation" and set(got[0].councils) == set(ids)
    assert got[0].label == "Tous les conseils du compte (4 conseils)"
    # every council is in Grand Est: the région is the whole set, named; then one perimeter per département
    assert got[1].label == "Région Grand Est (4 conseils)" and set(got[1].councils) == set(ids)
    assert [p.kind for p in got[2:]] == ["département"] * len(set(departments.values()))
    moselle = next(p for p in got if p.name == "Moselle")
    assert DEFAULT_COUNCIL in moselle.councils and all(departments[c] == "Moselle" for c in moselle.councils)
    assert network.covered(network.view(duckdb.connect(str(net), read_only=True), list(moselle.councils), 2021)
                           ["per_council"]).startswith("Conseil local de santé mentale du territoire messin")


def test_a_validated_year_counts_its_validated_figures_in_the_network(net, tmp_path):
    path = tmp_path / "reseau.duckdb"
    shutil.copy2(net, path)
    con = connect(str(path), read_only=False)
    try:
        use_council(DEFAULT_COUNCIL)
        followup.validate_year(con, COORD, 2021, on=dt.date(2022, 3, 15))
        # one more 2021 meeting after the validation: the council's own pages keep 2 meetings for 2021
        con.execute("INSERT INTO meeting (council_id, meeting_id, date, date_precision, instance_id, title) "
                    "SELECT council_id, 'apres-validation', DATE '2021-12-20', 'jour', instance_id, 'Réunion ajoutée' "
                    "FROM meeting WHERE council_id = ? LIMIT 1", [DEFAULT_COUNCIL])
        v = network.view(con, _ids(con), 2021)
    finally:
        use_council(DEFAULT_COUNCIL)
        con.close()
    seed = v["per_council"].set_index("council_id").loc[DEFAULT_COUNCIL]
    assert seed["Réunions datées"] == 2 and seed["Année validée"] == dt.date(2022, 3, 15)
    assert v["validated"] == ["Conseil local de santé mentale du territoire messin"]


@pytest.fixture
def accounts_net(net, tmp_path) -> tuple[Path, list[str]]:
    """A copy of the network with accounts: the coordination, « ars-grand-est » reading the four councils,
    « partenaire-metz » reading the seed's. Returns its path and the council ids, the seed's first."""
    from clsm_data.access import accounts

    path = tmp_path / "reseau.duckdb"
    shutil.copy2(net, path)
    con = connect(str(path), read_only=False)
    try:
        ids = _ids(con)
        accounts.add_user(con, COORD, "coordination", COORDINATOR, PASSWORD, council=DEFAULT_COUNCIL)
        accounts.add_user(con, COORD, "ars-grand-est", PARTNER, PASSWORD, council=DEFAULT_COUNCIL, also=ids[1:])
        accounts.add_user(con, COORD, "partenaire-metz", PARTNER, PASSWORD, council=DEFAULT_COUNCIL)
    finally:
        con.close()
    return path, ids


def test_the_network_page_shows_an_account_of_several_councils_their_sum(accounts_net, monkeypatch):
    import streamlit as st

    from tests.test_postgres_councils import _signed_in

    path, ids = accounts_net
    con = connect(str(path), read_only=True)
    try:
        expected = network.view(con, ids, 2021)
    finally:
        con.close()
    monkeypatch.setenv("CLSM_DB", str(path))
    st.cache_data.clear()
    st.cache_resource.clear()
    at = _signed_in("ars-grand-est")
    at.switch_page("pages/12_reseau.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    at.selectbox(key="reseau_annee").select(2021)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    page = " ".join(str(m.value) for m in at.markdown) + " ".join(str(h.value) for h in at.get("html"))
    t = expected["totals"]
    meetings = f"{t['meetings']:,}".replace(",", "\u202f")
    assert f"les 4 conseils ont enregistré {meetings} réunions datées" in page.replace("\u00a0", " ")
    assert "Conseils couverts" in page and "CLSM synthétique 001" in page
    # one line per council in the table, the seed's own figures among them
    assert "Programme 2022" in page and "Conseil local de santé mentale du territoire messin" in page
    # a partner of one council: no such page in its menu, and the page says it reads one council
    at = _signed_in("partenaire-metz")
    at.switch_page("pages/12_reseau.py")
    at.run()
    assert any("n'en lit qu'un" in str(i.value) for i in at.info)
    assert "CLSM synthétique" not in " ".join(str(h.value) for h in at.get("html"))


@pytest.mark.browser
@pytest.mark.timeout(300)
def test_the_network_page_in_a_browser_reads_the_sum_and_passes_axe(accounts_net, tmp_path):
    """Served as `make run` serves it, signed in as an account of four councils: the menu names the page, the
    headline states the year's sum, a département narrows it, and axe finds nothing on each tab."""
    from conftest import launch_chromium, served, wait_idle
    from playwright.sync_api import sync_playwright
    from test_browser_a11y import _open_tab, violations

    path, ids = accounts_net
    con = connect(str(path), read_only=True)
    try:
        year = network.latest_year(con, ids)
        whole = network.view(con, ids, year)["totals"]
        moselle = next(p for p in network.perimeters(con, ids) if p.name == "Moselle")
        first = network.latest_year(con, list(moselle.councils))  # the year a perimeter opens on: its latest
        parts = {y: network.view(con, list(moselle.councils), y)["totals"] for y in (year, first)}
    finally:
        con.close()
    with served(path, tmp_path / "server.log") as url, sync_playwright() as p:
        b = launch_chromium(p)
        try:
            pg = b.new_page(viewport={"width": 1280, "height": 720}, locale="fr-FR")
            pg.goto(url + "/")
            pg.get_by_label("Identifiant").fill("ars-grand-est")
            pg.get_by_label("Mot de passe").fill(PASSWORD)
            pg.get_by_role("button", name="Se connecter").click()
            pg.get_by_role("link", name="Réseau (plusieurs conseils)").click()
            pg.get_by_role("heading", name="Réseau").first.wait_for(timeout=60_000)
            wait_idle(pg)

            def said() -> str:
                return pg.locator("[data-testid=stMarkdown] strong").first.inner_text().replace("\u202f", " ")

            assert said().startswith(f"En {year}, les 4 conseils ont enregistré {whole['meetings']} réunions datées")
            problems = violations(pg)
            for tab in ("Actions par statut", "Actions par thème", "Partenaires par secteur"):
                _open_tab(pg, tab)
                problems += [f"{tab}: {v}" for v in violations(pg)]
            assert not problems, "\n".join(problems)
            # a département, chosen in the list; the page opens on the year chosen before, or on the latest
            box = pg.get_by_role("combobox", name="Périmètre")
            box.click()
            box.press_sequentially("Moselle")  # the list filters as one types: one option left
            pg.get_by_role("option", name=moselle.label).wait_for(timeout=30_000)
            pg.keyboard.press("Enter")
            pg.wait_for_function("t => document.body.innerText.includes(t)", arg="du département Moselle",
                                 timeout=60_000)
            wait_idle(pg)
            assert len(moselle.councils) == 1
            shown = int(said()[3:7])
            assert shown in (year, first)
            meetings = parts[shown]["meetings"]
            assert said().startswith(f"En {shown}, le seul conseil du département Moselle, Conseil local de santé "
                                     f"mentale du territoire messin, a enregistré {meetings} réunion")
            assert not pg.locator("[data-testid=stException]").count()
        finally:
            b.close()
    assert "Traceback" not in (tmp_path / "server.log").read_text()
