"""Many councils in one PostgreSQL database (issue 18, deliver 2): keys per council, and row-level security
that keeps one council's rows from another's connections, checked against the database itself with the app
bypassed, then through the app's own reads and writes. A throwaway cluster (tests/pg_cluster.py), no mock.

The second council is synthetic test content: a copy of the seed's rows under another council, labelled so.
"""

from __future__ import annotations

import pytest

from clsm_data.core.config import DEFAULT_COUNCIL
from clsm_data.core.roles import COORDINATOR, Caller
from clsm_data.importing import edits
from clsm_data.read import queries
from clsm_data.read.filters import Filters
from clsm_data.store import journal
from clsm_data.store.postgres import APP_ROLE, COUNCILS_SETTING
from tests import pg_cluster

pytestmark = pytest.mark.slow
cluster, pg_url, pg = pg_cluster.cluster, pg_cluster.pg_url, pg_cluster.pg
OTHER = "clsm-synthetique"
COORD = Caller("coordination", COORDINATOR)


def _council_tables(con) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t "
        "ON t.table_schema = c.table_schema AND t.table_name = c.table_name WHERE c.table_schema = 'public' "
        "AND c.column_name = 'council_id' AND t.table_type = 'BASE TABLE' "
        "AND c.table_name NOT IN ('council', 'audit_log', 'change_row', 'app_user') "
        "ORDER BY 1").fetchall()]


def _second_council(con) -> list[str]:
    """Copy every row of the seed's council under OTHER (same codes), one meeting's attendance doubled there."""
    con.execute("INSERT INTO council (council_id, name, territory, note) VALUES "
                "(?, 'CLSM synthétique (données de test)', 'Territoire fictif', 'données synthétiques de test')", [OTHER])
    tables = _council_tables(con)
    for name in tables:
        cols = [r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ? "
            "AND column_name <> 'council_id' ORDER BY ordinal_position", [name]).fetchall()]
        names = ", ".join(f'"{c}"' for c in cols)
        con.execute(f'INSERT INTO "{name}" (council_id, {names}) SELECT ?, {names} FROM "{name}" WHERE council_id = ?',
                    [OTHER, DEFAULT_COUNCIL])
    con.execute("UPDATE attendance SET count = count * 2 WHERE council_id = ?", [OTHER])
    return tables


def _raw(url: str, councils: str | None):
    """A psycopg connection of its own, as the app's role bound to `councils` (the app bypassed)."""
    import psycopg

    raw = psycopg.connect(url, autocommit=True)
    raw.execute(f"SET ROLE {APP_ROLE}")
    if councils is not None:
        raw.execute(f"SELECT set_config('{COUNCILS_SETTING}', %s, false)", [councils])
    return raw


def _plain(result: dict) -> dict:
    return {k: (v.to_dict("records") if hasattr(v, "to_dict") else v) for k, v in dict(result).items()}


def test_two_councils_keep_the_same_codes_and_the_owner_sees_both(pg):
    seed = {t: pg.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in _council_tables(pg)}
    _second_council(pg)
    for t, n in seed.items():
        assert pg.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] == 2 * n, t
    both = pg.execute("SELECT count(*) FROM structure WHERE structure_id = 'adoma'").fetchone()[0]
    assert both == 2  # one « adoma » per council: the key is (council_id, structure_id)


def test_a_council_bound_connection_reads_nothing_of_another_with_the_app_bypassed(pg, pg_url):
    seed = {t: pg.execute(f'SELECT count(*) FROM "{t}" WHERE council_id = ?', [DEFAULT_COUNCIL]).fetchone()[0]
            for t in _council_tables(pg)}
    quotes = pg.execute("SELECT count(*) FROM v_provenance").fetchone()[0]
    _second_council(pg)
    raw = _raw(pg_url, DEFAULT_COUNCIL)
    try:
        for t, n in seed.items():
            # no WHERE council_id: the database alone keeps the other council out
            assert raw.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] == n, t
            assert raw.execute(f'SELECT count(*) FROM "{t}" WHERE council_id = %s', [OTHER]).fetchone()[0] == 0, t
        # nor through the views (read with the querying role's rights)
        for view in ("v_meeting", "v_action", "v_action_structure", "v_action_status_record"):
            assert raw.execute(f"SELECT count(*) FROM {view} WHERE council_id = %s", [OTHER]).fetchone()[0] == 0, view
            assert raw.execute(f"SELECT count(*) FROM {view}").fetchone()[0] > 0, view
        assert raw.execute("SELECT count(*) FROM v_provenance").fetchone()[0] == quotes  # not the copied ones
        # nor can it change or add the other council's rows
        assert raw.execute("UPDATE structure SET name = 'x' WHERE council_id = %s", [OTHER]).rowcount == 0
        assert raw.execute("DELETE FROM meeting WHERE council_id = %s", [OTHER]).rowcount == 0
        import psycopg

        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw.execute("INSERT INTO structure (council_id, structure_id, name) VALUES (%s, 'intrus', 'Intrus')", [OTHER])
        # and it cannot step out of its role's rules by resetting its councils
        raw.execute(f"RESET {COUNCILS_SETTING}")
        assert raw.execute("SELECT count(*) FROM structure").fetchone()[0] == 0
    finally:
        raw.close()
    assert pg.execute("SELECT count(*) FROM meeting WHERE council_id = ?", [OTHER]).fetchone()[0] == seed["meeting"]


def test_the_apps_reads_through_a_bound_connection_give_each_councils_own_figures(pg):
    f = Filters()
    alone = queries.headline(pg, f, False)
    _second_council(pg)
    metz, other = pg.bound([DEFAULT_COUNCIL]), pg.bound([OTHER])
    try:
        # the same query, no council in its text for the joins: each connection its council's figures
        assert _plain(queries.headline(metz, f, False)) == _plain(alone)
        people = lambda con: con.execute("SELECT sum(count) FROM attendance").fetchone()[0]  # noqa: E731
        assert people(other) == 2 * people(metz)
        assert people(pg) == 3 * people(metz)  # the owner, unbound, sees both
    finally:
        metz.close()
        other.close()


def test_a_write_through_a_bound_connection_lands_in_its_council_and_is_undone_there(pg):
    _second_council(pg)
    other = pg.bound([OTHER])
    try:
        # « adoma » exists in both councils: the edit and its undo touch the synthetic council's row only
        done = edits.save_edits(other, COORD, "structure", [{"structure_id": "adoma", "commune": "Ailleurs"}])
        added = edits.save_edits(other, COORD, "structure", [], new_rows=[
            {"structure_id": "nouvelle-structure", "name": "Structure nouvelle (test)", "sector": "social"}],
            duplicates={})
        assert pg.execute("SELECT council_id FROM structure WHERE structure_id = 'nouvelle-structure'").fetchall() \
            == [(OTHER,)]
        communes = dict(pg.execute("SELECT council_id, commune FROM structure WHERE structure_id = 'adoma'").fetchall())
        assert communes[OTHER] == "Ailleurs" and communes[DEFAULT_COUNCIL] != "Ailleurs"
        journal.undo(other, COORD, added.audit_id)
        journal.undo(other, COORD, done.audit_id)
        communes = dict(pg.execute("SELECT council_id, commune FROM structure WHERE structure_id = 'adoma'").fetchall())
        assert communes[OTHER] == communes[DEFAULT_COUNCIL]
        assert pg.execute("SELECT count(*) FROM structure WHERE structure_id = 'nouvelle-structure'").fetchone()[0] == 0
    finally:
        other.close()


# ---------------------------------------------------------------- the app: each account reads its own council


PASSWORD = "une phrase de passe"


def _signed_in(login: str):
    """The app (AppTest) after signing in with this login, as a visitor does."""
    from streamlit.testing.v1 import AppTest

    from tests.test_pages import APP

    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.text_input(key="clsm_login_user").input(login)
    at.text_input(key="clsm_login_password").input(PASSWORD)
    next(b for b in at.button if b.label == "Se connecter").click()
    at.run()
    return at


def _professionals(at) -> int:
    """Participation › Présences: the professionals' attendance, as the table shows it."""
    from tests.test_pages import frames

    roles = next(f for f in frames(at) if "Catégorie" in f.columns)
    return int(dict(zip(roles["Catégorie"], roles["Présences"], strict=True))["professionnel"])


def test_a_partner_signed_in_reads_its_own_councils_figures_only(pg, pg_url, monkeypatch):
    import streamlit as st

    from clsm_data.access import accounts
    from clsm_data.core.roles import PARTNER

    _second_council(pg)
    accounts.add_user(pg, COORD, "coordination", COORDINATOR, "une phrase de passe")
    accounts.add_user(pg, COORD, "partenaire-metz", PARTNER, "une phrase de passe")
    accounts.add_user(pg, COORD, "partenaire-synth", PARTNER, "une phrase de passe", council=OTHER)
    assert accounts.account_caller(pg, "partenaire-synth").council == OTHER
    assert accounts.account_caller(pg, "partenaire-metz").council == DEFAULT_COUNCIL
    monkeypatch.setenv("CLSM_DB", pg_url)
    seen = {}
    for login in ("partenaire-metz", "partenaire-synth"):
        st.cache_data.clear()
        st.cache_resource.clear()
        at = _signed_in(login)
        assert not at.exception, [e.value for e in at.exception]
        assert not at.exception, [e.value for e in at.exception]
        at.query_params["vue"] = "Présences"
        at.switch_page("pages/4_participation.py")
        at.run()
        at.run()  # as tests/test_postgres_pages.render: values bound to the address apply on the rerun
        assert not at.exception, [e.value for e in at.exception]
        assert any("Catégorie" in f.columns for f in __import__("tests.test_pages").test_pages.frames(at)), (
            login, [(e.type, str(getattr(e, "value", ""))[:100]) for e in at.main][3:40], [str(e.value)[:200] for e in at.get("html")][:5])
        seen[login] = _professionals(at)
    # the synthetic council's attendance is the seed's doubled: each account sees its own council's
    assert seen == {"partenaire-metz": 23, "partenaire-synth": 46}


def test_the_surveys_network_column_adds_the_councils_up_and_a_bound_connection_sees_its_own_only(pg):
    from clsm_data.followup import ccoms

    _second_council(pg)
    df = ccoms.indicators(pg, [DEFAULT_COUNCIL, OTHER], 2021)
    metz, synth = "Conseil local de santé mentale du territoire messin", "CLSM synthétique (données de test)"
    network = "Réseau (2 conseils)"
    assert list(df.columns) == ["Rubrique", "Indicateur", metz, synth, network]
    v = {k: dict(zip(df["Indicateur"], df[k], strict=True)) for k in (metz, synth, network)}
    people = "Participations comptées aux réunions de 2021 (réunions dont la présence est notée)"
    assert (v[metz][people], v[synth][people], v[network][people]) == (28, 56, 84)
    assert v[network]["Structures nommées : total"] == 2 * v[metz]["Structures nommées : total"]
    assert v[network]["Comité de pilotage constitué"] == "2 conseils sur 2"
    assert v[network]["Structure porteuse"] is None  # a text is not added up
    bound = pg.bound([DEFAULT_COUNCIL])
    try:  # the database keeps the other council's rows out, whatever the query asks
        other = {ln.label: val for ln, val in ccoms.council_lines(bound, OTHER, 2021)}
    finally:
        bound.close()
    assert other["Structures nommées : total"] == 0 and other[people] is None


def test_an_account_of_several_councils_reads_one_at_a_time_and_the_survey_of_all(pg, pg_url, monkeypatch):
    import streamlit as st

    from clsm_data.access import accounts
    from clsm_data.core.roles import PARTNER
    from tests.test_pages import frames

    _second_council(pg)
    accounts.add_user(pg, COORD, "coordination", COORDINATOR, "une phrase de passe")
    accounts.add_user(pg, COORD, "ars-grand-est", PARTNER, "une phrase de passe", also=[OTHER])
    accounts.add_user(pg, COORD, "partenaire-metz", PARTNER, "une phrase de passe")
    assert accounts.account_councils(pg, "ars-grand-est") == [DEFAULT_COUNCIL, OTHER]
    monkeypatch.setenv("CLSM_DB", pg_url)
    st.cache_data.clear()
    st.cache_resource.clear()
    at = _signed_in("ars-grand-est")
    choice = at.sidebar.selectbox(key="clsm_council_choice")
    assert choice.options == ["Conseil local de santé mentale du territoire messin", "CLSM synthétique (données de test)"]
    at.query_params["vue"] = "Présences"
    at.switch_page("pages/4_participation.py")
    at.run()
    at.run()

    def professionals() -> int:
        roles = next(f for f in frames(at) if "Catégorie" in f.columns)
        return int(dict(zip(roles["Catégorie"], roles["Présences"], strict=True))["professionnel"])

    assert professionals() == 23
    at.sidebar.selectbox(key="clsm_council_choice").select(OTHER)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert professionals() == 46  # the synthetic council's own rows, doubled
    at.query_params["vue"] = "État des lieux national"
    at.switch_page("pages/11_rapports.py")
    at.run()
    at.run()
    at.toggle(key="edl_reseau").set_value(True)
    at.run()
    html = " ".join(str(h.value) for h in at.get("html"))
    assert "Réseau (2 conseils)" in html and "2 conseils sur 2" in html
    # the network page: both councils side by side, their 2021 figures added up (28 + 56 people)
    at.switch_page("pages/12_reseau.py")
    at.run()
    at.selectbox(key="reseau_annee").select(2021)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    said = " ".join(str(m.value) for m in at.markdown).replace("\\", "").replace("\u00a0", " ").replace("\u202f", " ")
    assert "En 2021, les 2 conseils ont enregistré 4 réunions datées (84 participations comptées dans 2 d'entre eux)" \
        in said, said
    # an account of one council has no choice to make
    at = _signed_in("partenaire-metz")
    assert not [s for s in at.sidebar.selectbox if s.key == "clsm_council_choice"]


def test_the_network_view_adds_the_councils_up_on_postgresql_and_a_bound_connection_sees_its_own_only(pg):
    from clsm_data.read import network

    _second_council(pg)
    v = network.view(pg, [DEFAULT_COUNCIL, OTHER], 2021)
    per = v["per_council"].set_index("council_id")
    assert (per.loc[DEFAULT_COUNCIL, "Participations comptées"], per.loc[OTHER, "Participations comptées"]) == (28, 56)
    assert v["totals"]["participants"] == 84 and v["totals"]["meetings"] == 4
    assert v["totals"]["actions"] == 2 * per.loc[DEFAULT_COUNCIL, "Actions du plan en vigueur"] == 40
    assert list(v["by_status"].columns[:2]) == ["Statut", "Réseau"]
    bound = pg.bound([DEFAULT_COUNCIL])
    try:  # asked for both, the database answers for its own council only: nothing of the other is counted
        seen = network.view(bound, [DEFAULT_COUNCIL, OTHER], 2021)
    finally:
        bound.close()
    assert seen["totals"]["participants"] == 28 and seen["totals"]["structures"] == per.loc[DEFAULT_COUNCIL, "Structures nommées"]
