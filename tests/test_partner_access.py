"""A partner never reaches Administration (navigation, direct page, browser) and every write function refuses it."""

from __future__ import annotations

import datetime as dt
import shutil
import time
from pathlib import Path

import pytest
from conftest import launch_chromium, served
from streamlit.testing.v1 import AppTest

from clsm_data import importing as importer
from clsm_data.access import accounts
from clsm_data.core.errors import AuthError, PermissionDenied
from clsm_data.core.roles import COORDINATOR, PARTNER, Caller
from clsm_data.core.tables import TABLES
from clsm_data.importing import edits
from clsm_data.store import backup, writes
from clsm_data.store.db import connect, table_checksums
from components import auth

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
ADMIN = "pages/7_administration.py"
PW = "une phrase de passe"
COORD = Caller("coordination", COORDINATOR)
PART = Caller("udaf57", PARTNER)
ALL_TABLES = [*TABLES, "audit_log", "app_user"]


def _with_accounts(db: Path) -> None:
    con = connect(db, read_only=False)
    try:
        accounts.add_user(con, COORD, "coordination", COORDINATOR, PW)
        accounts.add_user(con, COORD, "udaf57", PARTNER, PW)
    finally:
        con.close()


def _sign_in(user: str, password: str = PW) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    at.text_input(key="clsm_login_user").input(user)
    at.text_input(key="clsm_login_password").input(password)
    next(b for b in at.button if b.label == "Se connecter").click()
    at.run()
    return at


def _texts(at: AppTest) -> str:
    return " ".join(str(e.value) for kind in ("title", "markdown", "error", "caption", "info")
                    for e in at.get(kind))


@pytest.fixture
def accounts_db(app_db):
    _with_accounts(app_db)
    return app_db


# ---------------------------------------------------------------- write functions


def test_every_write_function_refuses_a_partner(fresh_db):
    con = connect(fresh_db, read_only=False)
    try:
        before = table_checksums(con, ALL_TABLES)
        plan = importer.plan_import(con, "identifiant;statut\nfiche-15;réalisée\n".encode(), "s.csv")
        calls = [
            lambda: importer.apply_import(con, PART, plan),
            lambda: writes.apply_plan(con, PART, plan, backup=False),
            lambda: edits.save_edits(con, PART, "action", [{"action_id": "fiche-15", "status": "idée"}]),
            lambda: edits.save_edits(con, PART, "action", [{"action_id": "fiche-15"}], apply=False),
            lambda: edits.record_meeting(con, PART, {"instance_id": "copil", "date": dt.date(2022, 1, 1)}, {}),
            lambda: backup.create(con, PART),
            lambda: backup.restore(con, PART, "x.duckdb"),
            lambda: accounts.add_user(con, PART, "x1", COORDINATOR, PW),
            lambda: accounts.remove_user(con, PART, "x1"),
            lambda: accounts.set_password(con, PART, "x1", PW),
            lambda: accounts.list_users(con, PART),
            lambda: importer.apply_import(con, None, plan),
            lambda: importer.apply_import(con, Caller("udaf57", "Coordinator"), plan),
        ]
        for call in calls:
            with pytest.raises(PermissionDenied, match="réservée à la coordination du CLSM"):
                call()
        assert table_checksums(con, ALL_TABLES) == before
        assert backup.list_backups(fresh_db) == []
    finally:
        con.close()


# ---------------------------------------------------------------- AppTest


def test_no_account_means_local_coordinator(app_db):
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    assert not at.exception
    assert not any(b.label == "Se connecter" for b in at.button)
    at.switch_page(ADMIN)
    at.run()
    assert [t.label for t in at.tabs][:5] == ["Importer", "Modifier une table", "Saisir une réunion",
                                              "Sauvegardes", "Journal"]


def test_sign_in_screen_when_accounts_exist(accounts_db):
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Tableau de suivi du CLSM"]
    assert {t.label for t in at.text_input} == {"Identifiant", "Mot de passe"}
    at.switch_page(ADMIN)  # no way round the form
    at.run()
    assert not at.tabs
    assert {t.label for t in at.text_input} == {"Identifiant", "Mot de passe"}


def test_wrong_password_is_refused_and_counted(accounts_db):
    at = _sign_in("udaf57", "pas le bon mot de passe")
    assert [e.value for e in at.error] == ["Identifiant ou mot de passe incorrect."]
    assert "Mot de passe" in {t.label for t in at.text_input}
    from components import data

    assert accounts.failed_count(data._connection(str(accounts_db)).cursor(), "udaf57") == 1


def test_partner_cannot_reach_administration(accounts_db):
    at = _sign_in("udaf57")
    assert not at.exception
    assert "Se déconnecter" in [b.label for b in at.sidebar.button]
    assert at.session_state["user"] == PART
    at.switch_page(ADMIN)
    at.run()
    assert not at.tabs
    assert "Administration" not in [t.value for t in at.title]
    assert "Confirmer l'import" not in [b.label for b in at.button]
    assert "Cette page est réservée à la coordination du CLSM." in [e.value for e in at.error]


def _admin_with_session(state: dict) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state[auth.SESSION_KEY] = state
    at.switch_page(ADMIN)
    at.run()
    return at


def test_partner_session_on_the_admin_page_directly(accounts_db):
    now = time.time()
    at = _admin_with_session({"kind": "local", "name": "udaf57", "since": now, "seen": now})
    assert not at.tabs
    assert [e.value for e in at.error] == ["Cette page est réservée à la coordination du CLSM."]


def test_role_comes_from_the_database_not_the_session(accounts_db):
    now = time.time()
    # a forged session state naming a role is ignored: only the login is kept, its role is read again
    at = _admin_with_session({"kind": "local", "name": "udaf57", "role": "coordinator", "since": now, "seen": now})
    assert not at.tabs
    assert "Cette page est réservée à la coordination du CLSM." in [e.value for e in at.error]


def test_coordinator_signs_in_sees_admin_and_signs_out(accounts_db):
    at = _sign_in("coordination")
    at.switch_page(ADMIN)
    at.run()
    assert not at.exception
    assert [t.label for t in at.tabs][0] == "Importer"
    next(b for b in at.sidebar.button if b.label == "Se déconnecter").click()
    at.run()
    assert not at.tabs
    assert any(t.label == "Identifiant" for t in at.text_input)


def test_idle_session_expires(accounts_db):
    at = _sign_in("coordination")
    state = dict(at.session_state[auth.SESSION_KEY])
    state["seen"] -= auth.IDLE_SECONDS + 60
    at.session_state[auth.SESSION_KEY] = state
    at.run()
    assert any(t.label == "Identifiant" for t in at.text_input)
    assert "Session expirée : reconnectez-vous." in [i.value for i in at.info]


def test_removed_account_is_signed_out(accounts_db):
    at = _sign_in("udaf57")
    from components import data

    accounts.remove_user(data._connection(str(accounts_db)).cursor(), COORD, "udaf57")
    at.run()
    assert any(t.label == "Identifiant" for t in at.text_input)


# ---------------------------------------------------------------- real browser


@pytest.fixture
def served_app(fresh_db, tmp_path):
    db = tmp_path / "served.duckdb"
    shutil.copy2(fresh_db, db)
    _with_accounts(db)
    with served(db, tmp_path / "streamlit.log") as url:
        yield url


def _browser_sign_in(page, url: str, path: str = "/") -> None:
    page.goto(url + path)
    page.get_by_label("Identifiant").fill("udaf57")
    page.get_by_label("Mot de passe").fill(PW)
    page.get_by_role("button", name="Se connecter").click()
    page.get_by_role("button", name="Se déconnecter").wait_for(timeout=30000)


@pytest.mark.timeout(180)
def test_browser_partner_sees_no_administration(served_app):
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("chromium absent (make test l'installe)")
    with playwright.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page()
            _browser_sign_in(page, served_app)
            page.get_by_role("heading", name="Vue d'ensemble").first.wait_for(timeout=30000)
            sidebar = page.locator('[data-testid="stSidebar"]')
            sidebar.get_by_role("link", name="Ressources").wait_for(timeout=30000)
            assert page.get_by_role("link", name="Administration").count() == 0
            assert "Administration" not in sidebar.inner_text()
            # every other page reads fine in the same session, with small counts masked
            for name, heading in [("Avancement par axe", "Avancement par axe"), ("Fiches actions", "Fiches actions"),
                                  ("Participation", "Participation"), ("Partenaires", "Partenaires"),
                                  ("Ressources", "Ressources"), ("Diaporama (plénière)", "Diaporama"),
                                  ("Rapports (bilan annuel)", "Rapports")]:
                sidebar.get_by_role("link", name=name).click()
                page.get_by_role("heading", name=heading).first.wait_for(timeout=30000)
                assert not page.locator('[data-testid="stException"]').count(), name
                if name == "Participation":
                    page.get_by_role("tab", name="Présences").click()  # the attendance tab
                    page.get_by_text("< 11").first.wait_for(timeout=30000)
                    page.get_by_text("Total : masqué").first.wait_for(timeout=30000)
                if name == "Rapports (bilan annuel)":
                    page.get_by_text("Version partenaires").first.wait_for(timeout=30000)
            # straight to the page's address: a new session, signed in by the signed cookie (no form), still nothing
            page.goto(served_app + "/administration")
            page.get_by_role("button", name="Se déconnecter").wait_for(timeout=30000)
            assert page.get_by_label("Mot de passe").count() == 0
            page.get_by_text("Cette page est réservée à la coordination du CLSM.").wait_for(timeout=30000)
            body = page.locator("body").inner_text()
            assert "Confirmer l'import" not in body
            assert "Importer" not in body and "Sauvegardes" not in body
            assert page.get_by_role("link", name="Administration").count() == 0
        finally:
            browser.close()


@pytest.mark.timeout(180)
def test_browser_sign_in_survives_reload_and_sign_out_revokes(served_app):
    """A reload keeps a local sign-in (signed cookie); after « Se déconnecter » the same cookie is worthless."""
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("chromium absent (make test l'installe)")
    with playwright.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            context = browser.new_context()
            page = context.new_page()
            _browser_sign_in(page, served_app)
            page.get_by_role("heading", name="Vue d'ensemble").first.wait_for(timeout=30000)
            # written by a small script in a hidden frame: it may run a moment after the page shows
            page.wait_for_function("document.cookie.includes('clsm_session=')", timeout=30000)
            cookie = next(c for c in context.cookies() if c["name"] == "clsm_session")
            assert cookie["value"].startswith("v1.udaf57.") and cookie["sameSite"] == "Strict"
            page.reload()
            page.get_by_role("heading", name="Vue d'ensemble").first.wait_for(timeout=30000)
            page.get_by_role("button", name="Se déconnecter").wait_for(timeout=30000)
            page.get_by_role("button", name="Se déconnecter").click()
            page.get_by_label("Identifiant").wait_for(timeout=30000)
            # the old token put back by hand (a copied cookie) no longer signs in
            context.add_cookies([{**cookie}])
            page.reload()
            page.get_by_label("Identifiant").wait_for(timeout=30000)
            assert page.get_by_role("button", name="Se déconnecter").count() == 0
            # a forged token (right shape, wrong signature) is refused too
            context.add_cookies([{**cookie, "value": cookie["value"][:-4] + "0000"}])
            page.reload()
            page.get_by_label("Identifiant").wait_for(timeout=30000)
            assert page.get_by_role("button", name="Se déconnecter").count() == 0
        finally:
            browser.close()


def test_strangers_failures_do_not_stop_the_coordinator(accounts_db):
    """20 wrong passwords for « coordination » from another address: the coordinator signs in from this computer
    after at most the login's capped wait (the long wait belongs to the failing address)."""
    from clsm_data.access import slowing

    con = connect(accounts_db, read_only=False)
    try:
        for _ in range(20):
            with pytest.raises(AuthError):
                accounts.authenticate(con, "coordination", "essai d'un inconnu", "203.0.113.7")
        assert slowing.reserve(con, "autre", "203.0.113.7") > slowing.ADDRESS_MAX_STEP - 5  # the stranger waits
    finally:
        con.close()
    start = time.monotonic()
    at = _sign_in("coordination")
    assert time.monotonic() - start < slowing.LOGIN_MAX_WAIT + 6
    assert any(b.label == "Se déconnecter" for b in at.sidebar.button)


def test_coordinator_manages_accounts_while_the_app_runs(accounts_db):
    at = _sign_in("coordination")
    at.switch_page(ADMIN)
    at.query_params["onglet"] = "Comptes"  # only the open tab is drawn
    at.run()
    at.run()
    assert "Comptes" in [t.label for t in at.tabs]
    at.text_input(key="acc_pw_pw").input("une toute nouvelle phrase")
    at.selectbox(key="acc_pw_name").select("udaf57")
    next(b for b in at.button if b.label == "Changer le mot de passe").click()
    at.run()
    assert not at.exception
    assert any("Mot de passe de « udaf57 » changé" in s.value.replace("\\", "") for s in at.success)
    from components import data

    cur = data.cursor()
    try:
        assert accounts.authenticate(cur, "udaf57", "une toute nouvelle phrase").name == "udaf57"
        assert cur.execute("SELECT count(*) FROM audit_log WHERE operation = 'mot de passe changé'").fetchone()[0] == 1
    finally:
        cur.close()
