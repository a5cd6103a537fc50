"""The coordinator's yearly follow-up (issue 9): dated status, comment of the year, « valider l'année »."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from clsm_data import followup
from clsm_data.errors import ClsmError
from clsm_data.filters import Filters
from clsm_data.roles import Caller
from clsm_data.tables import ACTION_STATUSES

from . import data, fmt, views
from .admin import done, show_refusal, write_cursor

PICK = 300  # actions offered in one list at most (thousands would be sent to the browser on every run)


def _pick_action(key: str) -> str | None:
    query = st.text_input("Chercher l'action", key=f"{key}_q", placeholder="Mot du titre, n° de fiche, structure…")
    acts = data.actions(Filters(), query or None)
    labels = {r.action_id: (f"Fiche {r.sheet_number} – " if not fmt.is_missing(r.sheet_number) else "") + r.title
              for r in acts.itertuples()}
    if len(labels) > PICK:
        st.caption(f"La liste propose les {fmt.number(PICK)} premières actions sur {fmt.number(len(labels))} : "
                   "précisez la recherche.")
    return st.selectbox("Action", list(labels)[:PICK], format_func=lambda a: labels[a][:110], index=None,
                        placeholder="Choisir une action", key=key)


def _write(call) -> None:
    try:
        result = call()
    except ClsmError as exc:
        show_refusal(exc)
        return
    done(result)
    st.rerun()


def render_status(user: Caller) -> None:
    st.markdown("**Statut daté d'une action** (l'historique garde chaque statut et sa date)")
    action = _pick_action("suivi_statut_action")
    c1, c2 = st.columns(2)
    status = c1.selectbox("Statut", ACTION_STATUSES, key="suivi_statut")
    on = c2.date_input("Depuis le", value=dt.date.today(), format="DD/MM/YYYY", key="suivi_statut_date")
    note = st.text_input("Pourquoi (facultatif)", key="suivi_statut_note")
    if action:
        hist = data.status_history(action)
        if not hist.empty:
            st.caption("Historique : " + " ; ".join(
                f"{fmt.date(r.on_date, r.date_precision if not fmt.is_missing(r.date_precision) else 'jour')} "
                f"{fmt.md(r.status)} ({fmt.md(r.origin)})" for r in hist.itertuples()))
    if st.button("Enregistrer le statut", disabled=not action, key="suivi_statut_ok"):
        _write(lambda: followup.set_status(write_cursor(), user, action, status, on, note or None))


def render_comment(user: Caller) -> None:
    st.markdown("**Commentaire de l'année** (une ou deux phrases par action et par année)")
    action = _pick_action("suivi_commentaire_action")
    year = st.number_input("Année", min_value=2015, max_value=2100, value=dt.date.today().year, step=1,
                           key="suivi_commentaire_annee")
    text = st.text_area("Commentaire", max_chars=600, key="suivi_commentaire_texte")
    if st.button("Enregistrer le commentaire", disabled=not action, key="suivi_commentaire_ok"):
        _write(lambda: followup.set_comment(write_cursor(), user, action, int(year), text))


def render_validation(user: Caller) -> None:
    st.markdown("**Valider l'année** : le COPIL fige les chiffres de l'année ; les imports et saisies ultérieurs "
                "ne les changent plus (le bilan annuel et les présentations les lisent).")
    done_years = data.validated_years()
    if done_years:
        st.caption("Années validées : " + " ; ".join(
            f"{v['year']} le {fmt.date(v['validated_on'])}" for v in done_years) + ".")
    year = st.number_input("Année à valider", min_value=2015, max_value=2100, value=dt.date.today().year - 1, step=1,
                           key="suivi_annee")
    fig = data.year_figures(int(year))
    views.tiles([
        ("Actions réalisées / prévues", f"{fmt.number(fig['realised'])} / {fmt.number(fig['planned'])}", None),
        ("Réunions datées + comptées", f"{fmt.number(fig['meetings'])} + {fmt.number(fig['meetings_counted'])}", None),
        ("Participants", fmt.number(fig["participants"]), None),
    ])
    sure = st.checkbox(f"Le COPIL a validé les chiffres de {int(year)}", key="suivi_annee_sure")
    if st.button(f"Valider l'année {int(year)}", disabled=not sure, type="primary", key="suivi_annee_ok"):
        _write(lambda: followup.validate_year(write_cursor(), user, int(year)))


def render_realisation(user: Caller) -> None:
    st.markdown("**Ce qui réalise une action** (un événement, une étape de l'histoire ou une ressource)")
    action = _pick_action("suivi_real_action")
    kind = st.radio("Réalisée par", ["événement", "étape du CLSM", "ressource"], horizontal=True, key="suivi_real_kind")
    options = data.realisation_targets()[kind]
    ref = st.selectbox("Lequel", list(options), format_func=lambda k: options[k][:110], index=None,
                       placeholder="Choisir", key="suivi_real_ref")
    c1, c2, c3 = st.columns(3)
    year = c1.number_input("Année", min_value=2015, max_value=2100, value=dt.date.today().year, step=1,
                           key="suivi_real_year")
    qty = c2.number_input("Quantité (facultatif)", min_value=0, value=None, step=1, key="suivi_real_qty")
    unit = c3.text_input("Unité (sessions, participants…)", key="suivi_real_unit")
    status = st.selectbox("Statut que cela établit (facultatif)", ACTION_STATUSES, index=None,
                          placeholder="Aucun : le statut ne change pas", key="suivi_real_status")
    note = st.text_input("Source ou remarque", key="suivi_real_note")
    field = {"événement": "event_id", "étape du CLSM": "milestone_id", "ressource": "resource_id"}[kind]
    if st.button("Enregistrer la réalisation", disabled=not (action and ref), key="suivi_real_ok"):
        _write(lambda: followup.add_realisation(
            write_cursor(), user, action, year=int(year), quantity=None if qty is None else int(qty), unit=unit or None,
            status_after=status, note=note or None, **{field: ref}))
