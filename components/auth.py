"""Who is using the app: sign-in (local accounts, optional OIDC), session expiry; the role is decided on the server.

- No account in the database and no [auth] section in secrets: the local user is the coordinator,
  and only from this computer (`make run` binds to 127.0.0.1; a remote address is refused).
- Local accounts: a French sign-in form; failures are slowed down in the database, shared by every
  app process (clsm_data.access.slowing): a growing wait per client address (read from
  X-Forwarded-For only behind the configured proxy, components.serving) and a capped one per login,
  never locked out: a stranger can neither lock the coordinator out nor learn which logins exist
  (one message for all, the same time for a known and an unknown login). A signed, expiring cookie
  keeps the sign-in across a reload (clsm_data.access.session_token).
- OIDC (secrets [auth] + [clsm.roles] coordinators / partners lists of e-mails): st.login gives an
  identity, the allow-list gives the role; an identity on neither list gets nothing.
- Sessions expire after 8 h idle (12 h at most). The role is read again from the database (or the
  allow-list) on every run, never from anything the browser sends (headers, URL, widget values).
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import time

import streamlit as st
import streamlit.components.v1 as html_components

from clsm_data.access import accounts, session_token
from clsm_data.core.config import DEFAULT_COUNCIL, db_path
from clsm_data.core.errors import AuthError, ClsmError
from clsm_data.core.roles import COORDINATOR, PARTNER, ROLE_LABELS, Caller

from . import data, fmt, security
from .errors import show_error

SESSION_KEY = "_clsm_auth"
NOTICE_KEY = "_clsm_auth_notice"
IDLE_SECONDS = 8 * 3600
MAX_SECONDS = 12 * 3600
LOCAL = Caller("local", COORDINATOR)
COOKIE_KEY = "_clsm_cookie_action"  # the cookie to write (or clear) on the next drawn screen


def _cursor():
    try:
        return data.cursor(bound=False)  # accounts are read before the session's council is known
    except ClsmError as exc:
        show_error(exc, stop=True)


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
    if not state:
        state = _from_cookie(con, now)  # after a reload: the signed cookie, if still valid
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
        data.clear_scope()
        return None
    st.session_state[SESSION_KEY] = {**state, "seen": now}
    # the councils it reads, from the account's rows on the server (its own first)
    councils = accounts.account_councils(con, caller.name) if state["kind"] == "local" else []
    data.set_scope(tuple(councils) or (caller.council or DEFAULT_COUNCIL,))
    return caller


def _from_cookie(con, now: float) -> dict | None:
    """A local sign-in kept by the browser's signed cookie (after a reload), if still valid."""
    token = st.context.cookies.get(session_token.COOKIE_NAME)
    if not token:
        return None
    key = session_token.load_key(db_path())
    name = session_token.valid(token, key, lambda login: accounts.password_fingerprint(con, login))
    if name is None:
        return None
    since = session_token.read(token, key)[1] - session_token.TTL_SECONDS  # the sign-in's own time
    return {"kind": "local", "name": name, "since": since, "seen": now, "token": token}


def _write_cookie() -> None:
    """Write or clear the sign-in cookie in the browser (a tiny script in a hidden frame of the same origin)."""
    action = st.session_state.pop(COOKIE_KEY, None)
    if action is None:
        return
    name = session_token.COOKIE_NAME
    if action == "":
        cookie = f"{name}=; Path=/; Max-Age=0; SameSite=Strict"
    else:
        cookie = f"{name}={action}; Path=/; Max-Age={session_token.TTL_SECONDS}; SameSite=Strict"
    # The token is ours (letters, digits, dots): json.dumps quotes it safely for the script anyway.
    html_components.html(
        "<script>const c=" + json.dumps(cookie) + ";"
        "window.parent.document.cookie=c+(window.parent.location.protocol==='https:'?'; Secure':'');</script>",
        height=0,
    )


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
        _write_cookie()
        _sidebar(caller, oidc=st.session_state[SESSION_KEY]["kind"] == "oidc")
        return caller
    security.allow_uploads(False)  # nobody signed in: no upload from this session
    _write_cookie()
    _sign_in_screen(con, local_accounts, roles is not None)
    st.stop()


def sign_in_required() -> bool:
    """Whether anyone must sign in (accounts exist or OIDC is configured)."""
    return _oidc_roles() is not None or accounts.has_accounts(_cursor())


def sign_out() -> None:
    """Forget this session's sign-in, revoke its cookie and clear it in the browser."""
    state = st.session_state.pop(SESSION_KEY, None)
    data.clear_scope()
    if state and state.get("token"):
        session_token.revoke(state["token"])
        st.session_state[COOKIE_KEY] = ""


def _sidebar(caller: Caller, oidc: bool) -> None:
    shown = str(st.user.get("email") or caller.name) if oidc else caller.name
    st.sidebar.caption(f"Connecté : {fmt.md(shown)} — {ROLE_LABELS.get(caller.role, caller.role)}")
    data.council_selector(st.sidebar)
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


def client_address() -> str | None:
    """Who is knocking, for the slowing: the browser's address (None for this computer).

    Under serve.py the address is the socket's peer, or what the configured proxy forwarded
    (components.serving.ClientAddress); Streamlit gives None for a loopback peer.
    """
    ip = getattr(st.context, "ip_address", None)
    return ip if isinstance(ip, str) and ip else None


def _try_sign_in(con, username: str, password: str) -> None:
    # Waits first for this attempt's turn (the address's and the login's failures, in the database, whichever
    # process served them), then checks the password.
    try:
        caller = accounts.sign_in(con, username, password, client_address())
    except AuthError as exc:
        st.error(exc.message)  # fixed sentences of clsm_data.access (no typed text in them)
        if exc.hint:
            st.caption(exc.hint)
        return
    now = time.time()
    fingerprint = accounts.password_fingerprint(con, caller.name) or ""
    token = session_token.issue(session_token.load_key(db_path()), caller.name, fingerprint)
    st.session_state[SESSION_KEY] = {"kind": "local", "name": caller.name, "since": now, "seen": now, "token": token}
    st.session_state[COOKIE_KEY] = token
    st.rerun()


def require_coordinator_page() -> Caller:
    """For the Administration page: the caller if coordinator, else a French refusal and stop."""
    caller = signed_in_user()
    if caller is None or not caller.can_write:
        st.error("Cette page est réservée à la coordination du CLSM.")
        st.caption("Les comptes partenaires consultent le tableau de bord en lecture seule.")
        st.stop()
    return caller
