"""Administration (coordinator only): import, edit a table, record a meeting, backups, audit log."""

import streamlit as st

from components import admin, admin_accounts, admin_backup, admin_edit, admin_journal, auth, views
from components import filters as flt

f, _ = views.current()  # page set-up, sign-in screen if needed, the role's menu (no link here for partners)
# The page is reachable by its URL: the role is checked again here, on the server, from the account.
user = auth.require_coordinator_page()

st.title("Administration")
if views.masked_view(user):  # projection mode: the tables here hold unmasked counts of service users and carers
    st.warning("Mode projection : l'administration n'est pas affichée, car ses tableaux montrent les effectifs "
               "non masqués des usagers et des aidants.")
    st.caption("Désactivez « Mode projection » dans le menu latéral pour importer, modifier ou sauvegarder.")
    st.stop()
flt.note_scope(f)  # the sidebar filters do not narrow imports, edits or backups: said if any is set
st.caption("Réservé à la coordination : chaque écriture est faite en une fois, vérifiée et inscrite au journal.")
admin.show_done()

# Only the open tab is computed and drawn (each one reads tables of its own).
views.lazy_tabs("onglet", [
    ("Importer", lambda: admin.render_import(user)),
    ("Modifier une table", lambda: admin_edit.render_edit(user)),
    ("Saisir une réunion", lambda: admin_edit.render_meeting(user)),
    ("Sauvegardes", lambda: admin_backup.render_backups(user)),
    ("Journal", lambda: admin_journal.render_journal(user)),
    ("Comptes", lambda: admin_accounts.render_accounts(user)),
])
