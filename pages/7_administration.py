"""Administration (coordinator only): import, edit a table, record a meeting, backups, audit log."""

import streamlit as st

from components import admin, admin_backup, admin_edit, admin_journal, auth, views
from components import filters as flt

f, _ = views.current()  # page set-up, sign-in screen if needed, the role's menu (no link here for partners)
# The page is reachable by its URL: the role is checked again here, on the server, from the account.
user = auth.require_coordinator_page()

st.title("Administration")
flt.note_scope(f)  # the sidebar filters do not narrow imports, edits or backups: said if any is set
st.caption("Réservé à la coordination : chaque écriture est faite en une fois, vérifiée et inscrite au journal.")
admin.show_done()

importing, editing, meeting, backups, journal = st.tabs(
    ["Importer", "Modifier une table", "Saisir une réunion", "Sauvegardes", "Journal"]
)
with importing:
    admin.render_import(user)
with editing:
    admin_edit.render_edit(user)
with meeting:
    admin_edit.render_meeting(user)
with backups:
    admin_backup.render_backups(user)
with journal:
    admin_journal.render_journal(user)
