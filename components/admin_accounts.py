"""Administration, tab « Comptes »: the coordinator manages accounts while the app runs (audited short writes)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from clsm_data.access import accounts
from clsm_data.core.roles import COORDINATOR, PARTNER, ROLE_LABELS, Caller

from . import data, fmt
from .admin import show_refusal
from .writing import write


def render_accounts(user: Caller) -> None:
    st.caption("Identifiants de rôle ou de structure (« udaf57 »), jamais le nom ou l'adresse d'une personne. "
               "Chaque changement est inscrit au journal. Un nouveau mot de passe remet les échecs à zéro.")
    cur = data.cursor()
    try:
        rows = accounts.list_users(cur, user)
    finally:
        cur.close()
    if rows:
        table = pd.DataFrame([{
            "Identifiant": r["username"], "Rôle": ROLE_LABELS.get(r["role"], r["role"]),
            "Créé le": fmt.date(r["created_at"]), "Désactivé": "oui" if r["disabled"] else "non",
            "Échecs depuis la dernière connexion": r["failed_count"]} for r in rows])
        st.dataframe(table, hide_index=True, width="stretch")
    else:
        st.info("Aucun compte : l'application s'ouvre sans connexion, en coordination, sur cet ordinateur seulement. "
                "Créez un compte de coordination avant tout compte partenaire.")
    add, change, remove = st.columns(3)
    with add.form("clsm_account_add", clear_on_submit=True):
        st.markdown("**Ajouter un compte**")
        name = st.text_input("Identifiant", key="acc_add_name")
        role = st.selectbox("Rôle", [PARTNER, COORDINATOR], format_func=ROLE_LABELS.get, key="acc_add_role")
        password = st.text_input("Mot de passe (10 caractères au moins)", type="password", key="acc_add_pw")
        if st.form_submit_button("Ajouter"):
            _write(lambda c: accounts.add_user(c, user, name, role, password), f"Compte « {name} » ajouté.")
    names = [r["username"] for r in rows]
    with change.form("clsm_account_passwd", clear_on_submit=True):
        st.markdown("**Nouveau mot de passe**")
        target = st.selectbox("Compte", names, key="acc_pw_name", placeholder="Choisir un compte")
        password = st.text_input("Nouveau mot de passe", type="password", key="acc_pw_pw")
        if st.form_submit_button("Changer le mot de passe") and target:
            _write(lambda c: accounts.set_password(c, user, target, password), f"Mot de passe de « {target} » changé.")
    with remove.form("clsm_account_remove"):
        st.markdown("**Supprimer un compte**")
        target = st.selectbox("Compte", [n for n in names if n != user.name], key="acc_rm_name",
                              placeholder="Choisir un compte")
        sure = st.checkbox("Je confirme la suppression", key="acc_rm_sure")
        if st.form_submit_button("Supprimer") and target:
            if not sure:
                st.warning("Cochez la confirmation pour supprimer le compte.")
            else:
                _write(lambda c: accounts.remove_user(c, user, target), f"Compte « {target} » supprimé.")


def _write(action, message: str) -> None:
    write(action, message, refused=show_refusal)  # the message is shown once by admin.show_done after the rerun
