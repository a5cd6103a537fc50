"""Accounts: argon2 hashes, no personal data, server-side lock-out, and the `user` command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from clsm_data.access import accounts, slowing
from clsm_data.core.errors import AuthError
from clsm_data.core.roles import COORDINATOR, PARTNER, Caller
from clsm_data.store.db import connect

ROOT = Path(__file__).resolve().parent.parent
COORD = Caller("coordination", COORDINATOR)
PW = "une phrase de passe"


@pytest.fixture
def con(fresh_db):
    c = connect(fresh_db, read_only=False)
    yield c
    c.close()


def test_add_authenticate_list_remove(con):
    assert not accounts.has_accounts(con)
    accounts.add_user(con, COORD, "UDAF57", PARTNER, PW)
    assert accounts.has_accounts(con)
    stored = con.execute("SELECT username, role, password_hash FROM app_user").fetchone()
    assert stored[:2] == ("udaf57", "partner") and stored[2].startswith("$argon2id$") and PW not in stored[2]
    assert accounts.authenticate(con, "udaf57", PW) == Caller("udaf57", PARTNER)
    assert [u["username"] for u in accounts.list_users(con, COORD)] == ["udaf57"]
    assert "password_hash" not in accounts.list_users(con, COORD)[0]
    log = con.execute("SELECT operation, table_name, origin, detail FROM audit_log WHERE table_name='app_user'"
                      ).fetchall()
    assert log == [("compte ajouté", "app_user", "compte udaf57", "rôle : partenaire (lecture seule)")]
    accounts.remove_user(con, COORD, "udaf57")
    assert not accounts.has_accounts(con)
    assert accounts.account_caller(con, "udaf57") is None


@pytest.mark.parametrize(
    ("name", "password", "message"),
    [
        ("Jean Dupont", PW, "n'est pas un identifiant valide"),
        ("a", PW, "n'est pas un identifiant valide"),
        ("udaf57", "court", "Mot de passe trop court"),
    ],
)
def test_bad_account_refused(con, name, password, message):
    with pytest.raises(accounts.AccountError, match=message):
        accounts.add_user(con, COORD, name, PARTNER, password)


def test_duplicate_and_unknown(con):
    accounts.add_user(con, COORD, "coordination", COORDINATOR, PW)
    with pytest.raises(accounts.AccountError, match="existe déjà"):
        accounts.add_user(con, COORD, "coordination", PARTNER, PW)
    with pytest.raises(accounts.AccountError, match="Aucun compte « personne »"):
        accounts.remove_user(con, COORD, "personne")
    with pytest.raises(accounts.AccountError, match="Rôle « admin » inconnu"):
        accounts.add_user(con, COORD, "autre", "admin", PW)


def test_wrong_password_and_unknown_login_same_message(con):
    accounts.add_user(con, COORD, "udaf57", PARTNER, PW)
    with pytest.raises(AuthError, match="^Identifiant ou mot de passe incorrect"):
        accounts.authenticate(con, "udaf57", "mauvais mot de passe")
    with pytest.raises(AuthError, match="^Identifiant ou mot de passe incorrect"):
        accounts.authenticate(con, "inconnu", PW)
    assert accounts.failed_count(con, "udaf57") == 1
    # an unknown login is counted as a known one (the slowing must not tell them apart)
    assert slowing.failures(con, login="udaf57") == slowing.failures(con, login="inconnu") == 1


def test_no_lock_out_a_stranger_could_renew(con):
    """20 wrong passwords for a login never stop its owner: no lock-out, the same refusal throughout."""
    accounts.add_user(con, COORD, "coordination", COORDINATOR, PW)
    for _ in range(20):
        with pytest.raises(AuthError, match="^Identifiant ou mot de passe incorrect"):
            accounts.authenticate(con, "coordination", "faux")
    assert accounts.failed_count(con, "coordination") == 20
    assert slowing.failures(con, login="coordination") == 20  # counted for the slowing too
    assert slowing.reserve(con, "coordination", "203.0.113.9") <= slowing.LOGIN_MAX_WAIT  # the login's share: capped
    assert accounts.authenticate(con, "coordination", PW).role == COORDINATOR
    assert accounts.failed_count(con, "coordination") == 0


def test_disabled_unknown_and_wrong_give_one_message(con):
    accounts.add_user(con, COORD, "udaf57", PARTNER, PW)
    con.execute("UPDATE app_user SET disabled = true WHERE username = 'udaf57'")
    messages = set()
    for login, pw in [("udaf57", PW), ("udaf57", "faux"), ("inconnu", PW)]:
        with pytest.raises(AuthError) as caught:
            accounts.authenticate(con, login, pw)
        messages.add((caught.value.message, caught.value.hint))
    assert len(messages) == 1


def test_slowing_step_grows():
    assert [slowing.step(n, 8.0) for n in range(7)] == [0.0, 0.5, 1.0, 2.0, 4.0, 8.0, 8.0]


def test_disabled_account_cannot_sign_in(con):
    accounts.add_user(con, COORD, "udaf57", PARTNER, PW)
    con.execute("UPDATE app_user SET disabled = true")
    with pytest.raises(AuthError, match="^Identifiant ou mot de passe incorrect"):  # same as a wrong password
        accounts.authenticate(con, "udaf57", PW)
    assert accounts.account_caller(con, "udaf57") is None


def _cli(args, db, stdin):
    return subprocess.run([sys.executable, "-m", "clsm_data", *args], cwd=ROOT, input=stdin, capture_output=True,
                          text=True, env={**os.environ, "CLSM_DB": str(db)}, timeout=120)


def test_cli_user_commands(fresh_db):
    added = _cli(["user", "add", "udaf57", "--role", "partner"], fresh_db, PW + "\n")
    assert added.returncode == 0, added.stderr
    assert "Compte « udaf57 » créé" in added.stdout
    listed = _cli(["user", "list"], fresh_db, "")
    assert "udaf57" in listed.stdout and "partenaire" in listed.stdout
    short = _cli(["user", "passwd", "udaf57"], fresh_db, "court\n")
    assert short.returncode == 1 and "Mot de passe trop court" in short.stderr
    changed = _cli(["user", "passwd", "udaf57"], fresh_db, "autre phrase de passe\n")
    assert changed.returncode == 0
    # a password is never taken from the command line
    as_arg = _cli(["user", "add", "x1", "--role", "partner", "--password", PW], fresh_db, "")
    assert as_arg.returncode == 2
    con = connect(fresh_db, read_only=False)
    try:
        assert accounts.authenticate(con, "udaf57", "autre phrase de passe").role == PARTNER
    finally:
        con.close()
    removed = _cli(["user", "remove", "udaf57"], fresh_db, "")
    assert removed.returncode == 0 and "supprimé" in removed.stdout


def test_accounts_survive_a_rebuild_and_do_not_block_it(tmp_path):
    """Adding an account is not a data change: a plain rebuild goes through and keeps the accounts."""
    from clsm_data.store.build import build

    db = tmp_path / "c.duckdb"
    build(db)
    c = connect(db, read_only=False)
    accounts.add_user(c, COORD, "coordination", COORDINATOR, PW)
    c.close()
    assert not build(db).rebuilt  # same seed, no data change: left as is
    c = connect(db, read_only=False)
    c.execute("UPDATE build_info SET value = 'ancienne-graine' WHERE key = 'seed_hash'")  # as if the seed changed
    c.close()
    assert build(db).rebuilt  # no --force needed: only accounts changed
    c = connect(db, read_only=False)
    try:
        assert accounts.authenticate(c, "coordination", PW) == COORD
    finally:
        c.close()
