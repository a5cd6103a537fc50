"""The coordinator's yearly follow-up: dated status, comment of the year, « valider l'année »."""

from __future__ import annotations

import datetime as dt
import functools

import pandas as pd
import streamlit as st

from clsm_data.core.roles import Caller
from clsm_data.core.tables import ACTION_STATUSES
from clsm_data.followup import year as followup
from clsm_data.present import action_sheet
from clsm_data.read.filters import Filters

from . import data, fmt, provenance, views
from .admin import show_refusal
from .writing import DONE_KEY, write

PICK = 300  # actions offered in one list at most (thousands would be sent to the browser on every run)
NOTES_LIMIT = 40  # actions whose written follow-up one table reads (one cached record per action)


@functools.cache
def _follow_up():
    # the same cached record as the action sheet's (components/sheet.py): one computation per action and data version
    return data.cached_query(action_sheet.follow_up)


def written(actions: pd.DataFrame) -> pd.DataFrame:
    """What the coordination wrote on these actions (their first NOTES_LIMIT): each year's comment and the
    « pourquoi » of each dated status, one row each: Action, Quand, Quoi, Texte (words, never ids)."""
    rows = []
    for a in actions.head(NOTES_LIMIT).itertuples():
        record = _follow_up()(a.action_id) or {}
        label = (f"Fiche {a.sheet_number} – " if not fmt.is_missing(a.sheet_number) else "") + str(a.title)
        rows += [{"Action": label, "Quand": str(year), "Quoi": "Commentaire de l'année", "Texte": text}
                 for year, text in record.get("comments", [])]
        rows += [{"Action": label, "Quand": s["when"], "Quoi": f"Pourquoi du statut « {s['status']} »", "Texte": s["why"]}
                 for s in record.get("statuses", []) if s.get("why")]
    return pd.DataFrame(rows, columns=["Action", "Quand", "Quoi", "Texte"])


def _actions(query: str | None):
    return data.actions(Filters(), query or None)


def _pick_action(key: str) -> str | None:
    query = st.text_input("Chercher l'action", key=f"{key}_q", placeholder="Mot du titre, n° de fiche, structure…")
    acts = _actions(query)
    labels = {r.action_id: (f"Fiche {r.sheet_number} – " if not fmt.is_missing(r.sheet_number) else "") + r.title
              for r in acts.itertuples()}
    if len(labels) > PICK:
        st.caption(f"La liste propose les {fmt.number(PICK)} premières actions sur {fmt.number(len(labels))} : "
                   "précisez la recherche.")
    chosen = st.session_state.get(key)
    if chosen is not None and chosen not in labels:  # chosen before the search changed: keep it offered
        labels = {chosen: _actions(None).set_index("action_id")["title"].get(chosen, "Action choisie"), **labels}
    return st.selectbox("Action", list(labels)[:PICK], format_func=lambda a: labels[a][:110], index=None,
                        placeholder="Choisir une action", key=key)


def _current_status(action: str | None) -> str | None:
    """The status the dashboard shows for `action` (the latest dated one, else the sheet's), if it is one of the list."""
    if not action:
        return None
    rows = _actions(None)
    found = rows.loc[rows["action_id"] == action, "status"]
    status = found.iloc[0] if len(found) else None
    return status if status in ACTION_STATUSES else None


def _save(call, after: dict) -> None:
    """A form's button callback: write, then empty the form (`after`: key → value), so that nothing is left
    ready to be saved twice; a refusal is kept for the run to show beside the button.

    Runs before the page (a callback), when the widgets can still be changed; it reads the widgets' values
    from the session, as they were at the click."""
    if write(call, refused=lambda exc: st.session_state.__setitem__(REFUSED, exc), rerun=False) is None:
        return
    # said beside the button just clicked (the page's own message line is out of view, above the to-do list)
    st.session_state[SAVED] = st.session_state.pop(DONE_KEY, None)
    for key, value in after.items():
        st.session_state[key] = value


REFUSED = "_suivi_refus"
SAVED = "_suivi_fait"


def _refusal() -> None:
    """Under a form's button: the refusal of its last click, or what it saved."""
    exc = st.session_state.pop(REFUSED, None)
    if exc is not None:
        show_refusal(exc)
    saved = st.session_state.pop(SAVED, None)
    if saved:
        st.success(fmt.md(saved), icon=":material/check_circle:")


def _day(text: str) -> dt.date | None:
    try:
        return dt.datetime.strptime((text or "").strip(), "%d/%m/%Y").date()
    except ValueError:
        return None


def render_status(user: Caller) -> None:
    st.markdown("**Statut daté d'une action** (l'historique garde chaque statut et sa date)")
    action = _pick_action("suivi_statut_action")
    if st.session_state.get("_suivi_statut_pour") != action:  # a new action: its current status, preselected
        st.session_state["_suivi_statut_pour"] = action
        st.session_state["suivi_statut"] = _current_status(action)
    c1, c2 = st.columns(2)
    c1.selectbox("Statut", ACTION_STATUSES, index=None, placeholder="Choisir le statut", key="suivi_statut",
                 help="Le statut actuel de l'action est proposé : changez-le pour en dater un nouveau.")
    st.session_state.setdefault("suivi_statut_date", dt.date.today().strftime("%d/%m/%Y"))
    on = _day(c2.text_input("Depuis le (jj/mm/aaaa)", key="suivi_statut_date"))
    if on is None:
        c2.error("Date non reconnue : écrivez-la jour/mois/année, par exemple 15/03/2021.")
    st.text_input("Pourquoi (facultatif)", key="suivi_statut_note")
    if action:
        hist = data.status_history(action)
        if not hist.empty:
            st.caption("Historique : " + " ; ".join(
                f"{fmt.date(r.on_date, r.date_precision if not fmt.is_missing(r.date_precision) else 'jour')} "
                f"{fmt.md(r.status)} ({fmt.md(r.origin)})"
                + (f" : {fmt.md(provenance.words(r.note))}" if provenance.words(r.note) else "")
                for r in hist.itertuples()))
    ss = st.session_state
    st.button("Enregistrer le statut", disabled=not (action and ss.get("suivi_statut") and on), key="suivi_statut_ok",
              on_click=_save, args=(lambda cur: followup.set_status(
                  cur, user, ss["suivi_statut_action"], ss["suivi_statut"], _day(ss["suivi_statut_date"]),
                  (ss.get("suivi_statut_note") or "").strip() or None),
                  {"suivi_statut_action": None, "_suivi_statut_pour": None, "suivi_statut": None,
                   "suivi_statut_note": ""}))
    _refusal()


def render_comment(user: Caller) -> None:
    st.markdown("**Commentaire de l'année** (une ou deux phrases par action et par année)")
    action = _pick_action("suivi_commentaire_action")
    st.number_input("Année", min_value=2015, max_value=2100, value=dt.date.today().year, step=1,
                    key="suivi_commentaire_annee")
    st.text_area("Commentaire", max_chars=600, key="suivi_commentaire_texte")
    ss = st.session_state
    st.button("Enregistrer le commentaire", disabled=not action, key="suivi_commentaire_ok",
              on_click=_save, args=(lambda cur: followup.set_comment(
                  cur, user, ss["suivi_commentaire_action"], int(ss["suivi_commentaire_annee"]),
                  ss.get("suivi_commentaire_texte") or ""),
                  {"suivi_commentaire_action": None, "suivi_commentaire_texte": ""}))
    _refusal()


def render_validation(user: Caller) -> None:
    st.markdown("**Valider l'année** : le COPIL fige les chiffres de l'année ; ce qui est écrit ensuite pour cette "
                "année est montré à part, « après validation », jusqu'à ce qu'elle soit rouverte avec une raison.")
    done_years = data.validated_years()
    if done_years:
        st.caption("Années validées : " + " ; ".join(
            f"{v['year']} le {fmt.date(v['validated_on'])}" for v in done_years) + ".")
    year = st.number_input("Année", min_value=2015, max_value=2100, value=dt.date.today().year - 1, step=1,
                           key="suivi_annee")
    state = data.year_state(int(year))
    if state["state"] == "rien à valider":  # a year with no meeting, event, fact nor value: no figure to freeze
        st.info(f"Rien à valider pour {int(year)} : aucune réunion, aucun événement, aucun fait ni valeur n'y est "
                "enregistré.")
        _refusal()
        return
    table = data.year_table(int(year))
    shown = table.assign(Valeur=table["Valeur"].map(lambda v: fmt.text(v, "non renseigné") if isinstance(v, str)
                                                    else fmt.number(v)))
    cols = ["Chiffre", "Valeur"]
    if state["state"] == "validée":
        st.success(fmt.md(f"Année {int(year)} validée par le COPIL le {fmt.date(state['validated_on'])} : "
                          "ses chiffres sont figés."))
        shown = shown.assign(**{"Après validation": table["Après validation"].map(
            lambda v: "—" if v is None or v != v else (fmt.number(v) if not isinstance(v, str) else v))})
        cols.append("Après validation")
    views.table(shown[cols].rename(columns={"Valeur": "Validé" if state["state"] == "validée" else "Aujourd'hui"}),
                hide_index=True, width="stretch", label=f"Chiffres de {int(year)}")
    if state["state"] == "validée":
        reason = st.text_input("Raison de la réouverture (gardée au journal)", key="suivi_annee_raison")
        st.button(f"Rouvrir l'année {int(year)}", disabled=not (reason or "").strip(), key="suivi_annee_rouvrir",
                  on_click=_save, args=(lambda cur: followup.reopen_year(cur, user, int(st.session_state["suivi_annee"]),
                                                                     st.session_state.get("suivi_annee_raison", "")),
                                        {"suivi_annee_raison": ""}))
        _refusal()
        return
    sure = st.checkbox(f"Le COPIL a validé les chiffres de {int(year)}", key="suivi_annee_sure")
    st.button(f"Valider l'année {int(year)}", disabled=not sure, type="primary", key="suivi_annee_ok",
              on_click=_save, args=(lambda cur: followup.validate_year(cur, user, int(st.session_state["suivi_annee"])),
                                    {"suivi_annee_sure": False}))
    _refusal()


def render_realisation(user: Caller) -> None:
    st.markdown("**Ce qui réalise une action** (un événement, une étape de l'histoire ou une ressource)")
    action = _pick_action("suivi_real_action")
    kind = st.radio("Réalisée par", ["événement", "étape du CLSM", "ressource"], horizontal=True, key="suivi_real_kind")
    options = data.realisation_targets()[kind]
    ref = st.selectbox("Lequel", list(options), format_func=lambda k: options[k][:110], index=None,
                       placeholder="Choisir", key="suivi_real_ref")
    c1, c2, c3 = st.columns(3)
    c1.number_input("Année", min_value=2015, max_value=2100, value=dt.date.today().year, step=1,
                    key="suivi_real_year")
    c2.number_input("Quantité (facultatif)", min_value=0, value=None, step=1, key="suivi_real_qty")
    c3.text_input("Unité (sessions, participants…)", key="suivi_real_unit")
    st.selectbox("Statut que cela établit (facultatif)", ACTION_STATUSES, index=None,
                 placeholder="Aucun : le statut ne change pas", key="suivi_real_status")
    st.text_input("Source ou remarque", key="suivi_real_note")
    fields = {"événement": "event_id", "étape du CLSM": "milestone_id", "ressource": "resource_id"}
    ss = st.session_state

    def realise(cur):
        qty_now = ss.get("suivi_real_qty")
        return followup.add_realisation(
            cur, user, ss["suivi_real_action"], year=int(ss["suivi_real_year"]),
            quantity=None if qty_now is None else int(qty_now), unit=(ss.get("suivi_real_unit") or "").strip() or None,
            status_after=ss.get("suivi_real_status"), note=(ss.get("suivi_real_note") or "").strip() or None,
            **{fields[ss["suivi_real_kind"]]: ss["suivi_real_ref"]})

    st.button("Enregistrer la réalisation", disabled=not (action and ref), key="suivi_real_ok", on_click=_save,
              args=(realise, {"suivi_real_action": None, "suivi_real_ref": None, "suivi_real_qty": None,
                            "suivi_real_unit": "", "suivi_real_status": None, "suivi_real_note": ""}))
    _refusal()
