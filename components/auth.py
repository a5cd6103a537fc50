"""Who is using the app: sign-in (local accounts, optional OIDC), session expiry; the role is decided on the server.

- No account in the database and no [auth] section in secrets: the local user is the coordinator,
  and only from this computer (`make run` binds to 127.0.0.1; a remote address is refused).
- Local accounts: a French sign-in form; failures are slowed down (growing delay per session and
  per account) and counted in the database, which locks the account after too many.
- OIDC (secrets [auth] + [clsm.roles] coordinators / partners lists of e-mails): st.login gives an
  identity, the allow-list gives the role; an identity on neither list gets nothing.
- Sessions expire after 8 h idle (12 h at most). The role is read again from the database (or the
  allow-list) on every run, never from anything the browser sends (headers, URL, widget values).
"""

from __future__ import annotations

import hashlib
import ipaddress
import time

import streamlit as st

from clsm_data import accounts
from clsm_data.errors import AuthError, ClsmError
from clsm_data.roles import COORDINATOR, PARTNER, ROLE_LABELS, Caller

from . import data, fmt

SESSION_KEY = "_clsm_auth"
FAILURES_KEY = "_clsm_auth_failures"
NOTICE_KEY = "_clsm_auth_notice"
IDLE_SECONDS = 8 * 3600
MAX_SECONDS = 12 * 3600
LOCAL = Caller("local", COORDINATOR)


def _cursor():
    try:
        return data.cursor()
    except ClsmError as exc:
        data.show_error(exc)


def _oidc_roles() -> dict[str, str] | None:
    """e-mail (lower case) -> role from secrets, or None when OIDC is not configured."""
    try:
        if "auth" not in st.secrets:
            return None
        lists = st.secrets.get("clsm", {}).get("roles", {})
    except Exception:  # no secrets file at all
        return None
    roles = {str(e).strip().lower(): PARTNER for e in lists.get("partners", [])}
    roles |= {str(e).strip().lower(): COORDINATOR for e in lists.get("coordinators", [])}
    return roles


def _local_only() -> None:
    """Without accounts, refuse a browser that is not on this computer.

    Defence in depth only: `make run` binds to 127.0.0.1, which is what really keeps others out
    (Streamlit gives None for a local browser; the address may come from a proxy header).
    """
    ip = getattr(st.context, "ip_address", None)
    if not isinstance(ip, str) or not ip:
        return
    try:
        remote = not ipaddress.ip_address(ip).is_loopback
    except ValueError:
        remote = True
    if remote:
        st.error("Aucun compte n'est configuré : l'application n'est accessible que depuis l'ordinateur qui la sert.")
        st.caption("Créez des comptes avec « python -m clsm_data user add … » pour l'ouvrir sur le réseau.")
        st.stop()


def _session_caller(con, roles: dict[str, str] | None) -> Caller | None:
    """The caller of this session, checked again against the database or the allow-list; None if signed out."""
    state = st.session_state.get(SESSION_KEY)
    now = time.time()
    if state and (now - state["seen"] > IDLE_SECONDS or now - state["since"] > MAX_SECONDS):
        sign_out()
        st.session_state[NOTICE_KEY] = "Session expirée : reconnectez-vous."
        return None
    caller = None
    if state and state["kind"] == "local":
        caller = accounts.account_caller(con, state["name"])  # a removed account is signed out at once
    elif roles is not None and st.user.is_logged_in:
        email = str(st.user.get("email") or "").strip().lower()
        if st.user.get("email_verified") is False or email not in roles:
            _refuse_identity(email)
        caller = Caller(pseudonym(email), roles[email])  # the audit log keeps no e-mail address
        state = state if state and state["kind"] == "oidc" else {"kind": "oidc", "name": email, "since": now}
    if caller is None:
        st.session_state.pop(SESSION_KEY, None)
        return None
    st.session_state[SESSION_KEY] = {**state, "seen": now}
    return caller


def pseudonym(email: str) -> str:
    """A stable identifier for an OIDC identity that is not the person's e-mail (stored in the audit log)."""
    return "sso-" + hashlib.sha256(email.encode()).hexdigest()[:10]


def _refuse_identity(email: str) -> None:
    st.error("Accès refusé : ce compte n'est pas autorisé à consulter le tableau de suivi du CLSM.")
    st.caption("Demandez à la coordination du CLSM d'ajouter votre adresse à la liste des partenaires.")
    if st.button("Se déconnecter", key="clsm_oidc_refused_logout"):
        st.logout()
    st.stop()


def signed_in_user() -> Caller | None:
    """The caller of this session without drawing anything (pages re-check the role with it)."""
    con = _cursor()
    roles = _oidc_roles()
    if roles is None and not accounts.has_accounts(con):
        _local_only()
        return LOCAL
    return _session_caller(con, roles)


def current_user() -> Caller:
    """The signed-in caller; draws the sign-in screen and stops the run until someone signs in."""
    con = _cursor()
    roles = _oidc_roles()
    local_accounts = accounts.has_accounts(con)
    if roles is None and not local_accounts:
        _local_only()
        return LOCAL
    caller = _session_caller(con, roles)
    if caller is not None:
        _sidebar(caller, oidc=st.session_state[SESSION_KEY]["kind"] == "oidc")
        return caller
    _sign_in_screen(con, local_accounts, roles is not None)
    st.stop()


def sign_out() -> None:
    """Forget this session's sign-in."""
    st.session_state.pop(SESSION_KEY, None)


def _sidebar(caller: Caller, oidc: bool) -> None:
    shown = str(st.user.get("email") or caller.name) if oidc else caller.name
    st.sidebar.caption(f"Connecté : {fmt.md(shown)} — {ROLE_LABELS.get(caller.role, caller.role)}")
    if st.sidebar.button("Se déconnecter", key="clsm_logout", icon=":material/logout:"):
        sign_out()
        if oidc:
            st.logout()
        st.rerun()


def _sign_in_screen(con, local_accounts: bool, oidc: bool) -> None:
    st.title("Tableau de suivi du CLSM")
    st.subheader("Connexion")
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        st.info(notice)  # our own fixed sentences
    if local_accounts:
        with st.form("clsm_sign_in", clear_on_submit=True):
            username = st.text_input("Identifiant", key="clsm_login_user", autocomplete="username")
            password = st.text_input("Mot de passe", type="password", key="clsm_login_password")
            submitted = st.form_submit_button("Se connecter", type="primary")
        if submitted:
            _try_sign_in(con, username, password)
    if oidc:
        st.button("Se connecter avec le compte de l'organisation", key="clsm_oidc_login", on_click=st.login)


def _try_sign_in(con, username: str, password: str) -> None:
    try:
        caller = accounts.authenticate(con, username, password)
    except AuthError as exc:
        failures = st.session_state.get(FAILURES_KEY, 0) + 1
        st.session_state[FAILURES_KEY] = failures
        time.sleep(accounts.failure_delay(max(failures, accounts.failed_count(con, username))))
        st.error(exc.message)  # fixed sentences of clsm_data.accounts (no typed text in them)
        if exc.hint:
            st.caption(exc.hint)
        return
    st.session_state.pop(FAILURES_KEY, None)
    now = time.time()
    st.session_state[SESSION_KEY] = {"kind": "local", "name": caller.name, "since": now, "seen": now}
    st.rerun()


def require_coordinator_page() -> Caller:
    """For the Administration page: the caller if coordinator, else a French refusal and stop."""
    caller = signed_in_user()
    if caller is None or not caller.can_write:
        st.error("Cette page est réservée à la coordination du CLSM.")
        st.caption("Les comptes partenaires consultent le tableau de bord en lecture seule.")
        st.stop()
    return caller
