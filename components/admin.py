"""Administration helpers: the write cursor, French previews of a change set, the import tab."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st
import streamlit.components.v1 as html_components

from clsm_data import importing
from clsm_data.core.errors import ClsmError, DataFileError
from clsm_data.core.roles import Caller
from clsm_data.core.tables import TABLES
from clsm_data.followup import year as followup
from clsm_data.store.writes import ImportPlan

from . import data, fmt
from .errors import show_error
from .writing import DONE_KEY, show_done, write, write_cursor  # noqa: F401 (the pages call admin.show_done)

PLAN_KEY = "_clsm_import_plan"


def read_cursor():
    """This session's cursor (reads that must not come from the cache)."""
    return data.cursor()


def show_refusal(exc: ClsmError, data: bytes | None = None, filename: str | None = None) -> None:
    """A refusal on the Administration page: the one error rendering (components.errors.show_error), then for an
    import every problem grouped by sheet and column (row, what was found, what is accepted) and the same
    workbook annotated."""
    show_error(exc)  # messages quote cells of the uploaded file: escaped there
    if isinstance(exc, DataFileError) and len(exc.problems) > 1:
        st.markdown(f"**{len(exc.problems)} problèmes, tous listés ci-dessous** (par feuille et par colonne) :")
        frame = pd.DataFrame(importing.rows_for_table(exc.problems))
        if "Ligne" in frame:
            frame["Ligne"] = frame["Ligne"].map(lambda v: "" if fmt.is_missing(v) else str(int(v)))
        st.dataframe(frame, hide_index=True, width="stretch")
    if isinstance(exc, DataFileError) and data is not None:
        annotated = importing.annotated_workbook(data, filename or "fichier", exc.problems)
        if annotated:
            st.download_button(
                "Télécharger le fichier annoté (cellules en rouge, un commentaire sur chacune)",
                data=annotated,
                file_name=_annotated_name(filename),
                mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                icon=":material/download:",
                key="clsm_import_annotated",
            )


def _annotated_name(filename: str | None) -> str:
    stem = (filename or "fichier").rsplit(".", 1)[0]
    return f"{stem}-a-corriger.xlsx"


def _cell_text(value: object) -> object:
    if fmt.is_missing(value) or (isinstance(value, str) and not value.strip()):
        return fmt.MISSING
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, float):
        return fmt.number(value, 0 if value.is_integer() else 2)
    return str(value)


# The columns that say which row it is, shown with an update's changed values (codes are not shown).
IDENTITY = {"meeting": ("instance_id", "date", "title"), "action": ("title",), "event": ("kind", "title", "date"),
            "structure": ("name",), "attendance": ("meeting_id", "structure_id", "role_category"),
            "indicator_value": ("indicator_id", "period_label")}
GENERATED = {"meeting": "meeting_id", "action": "action_id", "event": "event_id", "structure": "structure_id"}


def _named(plan: ImportPlan, table: str, row: dict) -> dict:
    """A row with its references as names (« Comité de pilotage », « ADOMA ») and without made-up codes."""
    shown = getattr(plan, "shown", None)
    t = TABLES[table]
    out = {}
    for col, value in row.items():
        if (col == GENERATED.get(table) and shown) or col == "council_id":
            continue  # the made-up code: the row is named by its other columns (or « ligne ») instead
        ref = "source_document" if col == "source_id" else (t.col(col).ref if col in t.col_names else None)
        if ref and shown and isinstance(value, str):
            value = shown(ref, value)
        out[col] = value
    return out


def _frame(table: str, rows: list[dict], plan: ImportPlan | None = None) -> pd.DataFrame:
    t = TABLES[table]
    named = [_named(plan, table, r) for r in rows] if plan is not None else rows
    out = pd.DataFrame([{k: _cell_text(v) for k, v in r.items()} for r in named])
    out = out.fillna("")  # a column changed in some rows only: blank where unchanged, never « nan » or « None »
    return out.rename(columns={c.name: importing.header_label(t, c) for c in t.cols})


def updated_frame(plan: ImportPlan, table: str, updated: list[tuple[dict, dict]]) -> pd.DataFrame:
    """Updated rows as the preview shows them: the row named, then « before → after » for each change."""
    rows = []
    for before, after in updated:
        named_before, named_after = _named(plan, table, before), _named(plan, table, after)
        code = after.get(GENERATED.get(table, ""))
        diff = {"ligne": plan.shown(table, code)} if code and hasattr(plan, "shown") else {}
        diff |= {k: named_after[k] for k in (*TABLES[table].key, *IDENTITY.get(table, ())) if k in named_after}
        for col, value in named_after.items():
            if col not in TABLES[table].key and after[col] != before.get(col):
                diff[col] = f"{_cell_text(named_before.get(col))} → {_cell_text(value)}"
        rows.append(diff)
    return _frame(table, rows)


def preview(plan: ImportPlan) -> None:
    """Counts and rows of a plan: added, updated (before → after), unchanged; references shown by their names,
    empty cells « non renseigné »."""
    for note in plan.messages:
        st.caption(fmt.md(note))
    for said in followup.touched_words(followup.validated_years_touched(read_cursor(), plan)):
        st.warning(fmt.md(said))  # a validated year is said before anything is written
    for table, change in plan.changes.items():
        label = TABLES[table].label
        st.markdown(f"**{label.capitalize()}**")
        a, u, n = st.columns(3)
        a.metric("Ajoutées", len(change.added), border=True)
        u.metric("Mises à jour", len(change.updated), border=True)
        n.metric("Inchangées", len(change.unchanged), border=True)
        if change.added:
            with st.expander(f"Lignes ajoutées ({len(change.added)})"):
                st.dataframe(_frame(table, change.added, plan), hide_index=True)
        if change.updated:
            with st.expander(f"Lignes mises à jour ({len(change.updated)})"):
                st.dataframe(updated_frame(plan, table, change.updated), hide_index=True)
        if change.unchanged:
            with st.expander(f"Lignes inchangées ({len(change.unchanged)})"):
                st.dataframe(_frame(table, change.unchanged, plan), hide_index=True)


# The uploader's own strings are English whatever the locale: hidden, and said in French beside it. Its button
# and its file field get French accessible names (UPLOADER_NAMES): « Parcourir », not « Upload Parcourir ».
UPLOADER_CSS = """
<style>
[data-testid="stFileUploaderDropzoneInstructions"] span { display: none; }
[data-testid="stFileUploaderDropzoneInstructions"] > div::after {
  content: "Glissez-déposez le fichier ici ou choisissez-le"; }
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] { display: none; }
[data-testid="stFileUploaderDropzone"] button[kind="secondary"] span[data-has-shortcut]::after {
  content: "Parcourir"; margin-left: 0.4rem; }
[data-testid="stFileChip"] [role="alert"], [data-testid="stFileChipName"] + div { display: none; }
[data-testid="stFileChip"][aria-invalid="true"]::after {
  content: "Fichier refusé : @SIZE@."; color: #b00020; margin-left: 0.6rem; }
</style>
"""
# Set from a zero-height component (it runs in an iframe of the same origin): French names for the uploader's
# button and file field, set again whenever Streamlit redraws them. Fixed strings, no data.
UPLOADER_NAMES = """<script>
const doc = window.parent.document;
function name() {
  doc.querySelectorAll('[data-testid="stFileUploaderDropzone"] button[kind="secondary"]').forEach(b => {
    if (b.getAttribute('aria-label') !== 'Parcourir') b.setAttribute('aria-label', 'Parcourir'); });
  doc.querySelectorAll('[data-testid="stFileUploaderDropzoneInput"]').forEach(i => {
    if (i.getAttribute('aria-label') !== 'Choisir le fichier à importer')
      i.setAttribute('aria-label', 'Choisir le fichier à importer'); });
}
name();
new MutationObserver(name).observe(doc.body, {childList: true, subtree: true});
</script>"""
OPTIONS_KEY = "_clsm_import_options"


def _fresh_template() -> bytes:
    """The template with the current rows, made only when the button is clicked."""
    cur = write_cursor()
    try:
        return importing.template_for(cur)
    finally:
        cur.close()


def render_import(user: Caller) -> None:
    """Tab « Importer »: template, upload, questions (table, duplicates, document text), preview, confirmation."""
    st.download_button(
        "Télécharger le modèle d'import (.xlsx)",
        data=_fresh_template,
        file_name="modele-import-clsm.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
    )
    st.caption(
        "Le modèle a une feuille d'aide, une feuille par table avec les lignes actuelles et des listes déroulantes. "
        "Tapez les noms affichés dans l'application (instance, plan, structure, sigle…) ; les feuilles laissées "
        "vides sont ignorées. L'import ajoute ou met à jour des lignes ; il ne supprime jamais rien, une cellule "
        "vide ne remplace pas une valeur déjà saisie, une remarque s'ajoute à la note d'une ligne sans l'effacer, "
        "et une sauvegarde est faite avant chaque import."
    )
    st.markdown(UPLOADER_CSS.replace("@SIZE@", importing.SIZE_TEXT), unsafe_allow_html=True)  # no data in it
    html_components.html(UPLOADER_NAMES, height=0)
    upload = st.file_uploader("Fichier à importer", type=["xlsx", "ods", "csv"], key="clsm_import_file",
                              max_upload_size=importing.MAX_UPLOAD_MB)
    st.caption(f"Classeur .xlsx ou .ods, ou fichier .csv ; {importing.SIZE_TEXT}.")
    _remembered(user)
    if upload is None:
        st.session_state.pop(PLAN_KEY, None)
        st.session_state.pop(OPTIONS_KEY, None)
        return
    if upload.size > importing.MAX_BYTES:
        st.error(fmt.md(importing.too_big(upload.name, upload.size).message))
        return
    options = st.session_state.get(OPTIONS_KEY)
    if not options or options["file"] != upload.file_id:
        options = {"file": upload.file_id, "table": {}, "duplicates": {}, "replace": set()}
        st.session_state[OPTIONS_KEY] = options
    data = upload.getvalue()
    # The plan shown is the plan written (its checksums refuse a write that came in between): it is kept
    # until the file or an answer changes.
    asked = (upload.file_id, repr(sorted(options["table"].items(), key=str)),
             repr(sorted(options["duplicates"].items())), repr(sorted(options["replace"])))
    stored = st.session_state.get(PLAN_KEY)
    if stored and stored[0] == asked:
        plan = stored[1]
    else:
        try:
            plan = importing.plan_import(read_cursor(), data, upload.name, table=options["table"] or None,
                                         duplicates=options["duplicates"], replace_source=set(options["replace"]))
        except importing.AmbiguousTableError as exc:
            _ask_table(exc, options)
            return
        except ClsmError as exc:
            show_refusal(exc, data, upload.name)
            if isinstance(exc, DataFileError):
                _ask_questions(exc, user)
            return
        st.session_state[PLAN_KEY] = (asked, plan)
    _show_assumed(plan, user)
    _ask_duplicates(plan, options)
    _ask_source_text(plan, options)
    pending = plan.pending
    confirm_and_apply(
        plan, button="Confirmer l'import", key="clsm_import_confirm", plan_key=PLAN_KEY,
        noop="Rien à importer : ces lignes sont déjà à jour dans la base (0 ajoutée, 0 mise à jour).",
        apply=lambda cur, plan: importing.apply_import(cur, user, plan),
        blocked=f"Choisissez d'abord quoi faire des {len(pending)} doublon(s) probable(s) ci-dessus." if pending
        else None,
    )


def _question_label(q) -> str:
    where = f" (feuille « {q.sheet} »)" if q.sheet else ""
    if q.kind == "column":
        return f"Colonne « {q.text} »{where} : que contient-elle ?"
    lines = ", ".join(str(n) for n in q.lines[:5]) + (" …" if len(q.lines) > 5 else "")
    table, _, column = q.table.partition(".")
    t = TABLES.get(table)
    what = (f"la liste « {importing.header_label(t, t.col(column))} »" if column and t
            else f"la table {t.label}" if t else q.table)
    return (f"« {q.text} »{where}, ligne{'s' if len(q.lines) > 1 else ''} {lines} : "
            f"quel nom de {what} est-ce ?")


def _ask_questions(exc: DataFileError, user: Caller) -> None:
    """Headers not recognised and names not known: one choice each (a column, or a name among the app's
    names, never a code), remembered for the next files; then the file is read again."""
    questions = importing.questions(exc.problems)
    if not questions:
        return
    st.info("Répondez une fois ci-dessous : les réponses sont retenues, et les prochains fichiers écrits de la "
            "même façon passeront du premier coup.")
    _answer_boxes(questions, user)


def _show_assumed(plan, user: Caller) -> None:
    """What the file was read with, without asking (a header's one known word, a name in one row's name only):
    said above the preview, each changeable before the import is confirmed; remembered once it is."""
    assumed = getattr(plan, "assumed", [])
    if not assumed:
        return
    columns = sum(1 for q, _ in assumed if q.kind == "column")
    said = " et ".join(part for part in (
        f"{columns} colonne{'s' if columns > 1 else ''}" if columns else "",
        f"{len(assumed) - columns} nom{'s' if len(assumed) - columns > 1 else ''}" if len(assumed) > columns else "")
        if part)
    st.info(f"L'import a compris seul {said} de ce fichier (« lu comme … » ci-dessous) : vérifiez l'aperçu. "
            "Ces lectures seront retenues une fois l'import confirmé.")
    with st.expander(f"Corriger ce que l'import a compris ({len(assumed)})"):
        _answer_boxes([q for q, _ in assumed], user)


def _answer_boxes(questions: list, user: Caller) -> None:
    """One choice per question, the proposal chosen when it leaves no doubt or is a column; a button remembers
    the answers and reads the file again."""
    answers = []
    for q in questions:
        values = [v for v, _ in q.options]
        shown = dict(q.options)
        index = values.index(q.proposed) if (q.kind == "column" or q.sure) and q.proposed in values else None
        pick = st.selectbox(fmt.md(_question_label(q)), values, index=index, format_func=shown.get,
                            placeholder="choisir dans la liste…", key=f"clsm_import_q_{q.ident}")
        answers.append((q, pick))
    missing = sum(1 for _, pick in answers if pick is None)
    if missing:
        st.caption(f"{missing} réponse(s) à choisir.")
    if st.button("Retenir ces réponses et relire le fichier", type="primary", key="clsm_import_answer",
                 disabled=bool(missing)):
        _memory_write(lambda cur: importing.remember(cur, user, answers))


def _remembered(user: Caller) -> None:
    """The column mappings and names the import remembers, each removable."""
    rows = importing.listing(read_cursor())
    if not rows:
        return
    with st.expander(f"Correspondances retenues ({len(rows)}) : colonnes et noms compris par l'import"):
        st.dataframe(pd.DataFrame([{k: r[k] for k in ("Sorte", "Dans", "Écrit", "Compris comme")} for r in rows]),
                     hide_index=True, width="stretch")
        labels = {i: f"{r['Sorte']} « {r['Écrit']} » ({r['Dans']}) → {r['Compris comme']}" for i, r in enumerate(rows)}
        pick = st.selectbox("Retirer une correspondance", list(labels), index=None, format_func=labels.get,
                            placeholder="choisir…", key="clsm_import_forget_choice")
        if pick is not None and st.button("Retirer", key="clsm_import_forget"):
            r = rows[pick]
            _memory_write(lambda cur: importing.forget(cur, user, r["kind"], r["target"], r["key"]))


def _memory_write(action) -> None:
    """Remember or forget an answer of the import (`write(cursor)`), then read the file again."""
    write(action, "", forget=(PLAN_KEY,), refused=show_refusal)


def _ask_table(exc, options: dict) -> None:
    """A sheet (or CSV) whose header fits several tables: ask which one it is, then plan again."""
    st.warning("Ce fichier peut contenir plusieurs sortes de lignes : dites laquelle.")
    for sheet, tables in exc.choices.items():
        where = f"la feuille « {sheet} »" if sheet else "ce fichier"
        choice = st.radio(
            f"Que contient {fmt.md(where)} ?", tables, index=None,
            format_func=lambda t: TABLES[t].label.capitalize(), key=f"clsm_import_table_{sheet}",
        )
        if choice:
            options["table"][sheet] = choice
    if all(s in options["table"] for s in exc.choices):
        st.rerun()


def _ask_duplicates(plan, options: dict) -> None:
    """Probable duplicates: one choice for all, or one per row."""
    if not plan.duplicates:
        return
    labels = importing.DUPLICATE_CHOICES
    st.warning(f"{len(plan.duplicates)} ligne(s) ressemblent à des lignes déjà enregistrées ou à une autre ligne du "
               "fichier (doublons probables).")
    st.dataframe(
        pd.DataFrame([
            {"Table": TABLES[d.table].label, "Feuille": d.sheet or "", "Ligne": str(d.line or ""),
             "Ligne du fichier": _file_row(d), "Ressemble à": d.label, "Pourquoi": d.reason,
             "Choix": labels.get(d.choice, "à décider")}
            for d in plan.duplicates
        ]),
        hide_index=True, width="stretch",
    )
    every = st.radio("Pour tous ces doublons probables :", list(labels), index=None, format_func=labels.get,
                     key="clsm_import_dup_all", horizontal=True)
    changed = False
    if every:
        for d in plan.duplicates:
            if options["duplicates"].get(d.ident) != every:
                options["duplicates"][d.ident] = every
                changed = True
    if len(plan.duplicates) <= 30:
        with st.expander("Choisir ligne par ligne"):
            for d in plan.duplicates:
                current = options["duplicates"].get(d.ident)
                pick = st.selectbox(
                    fmt.md(f"Ligne {d.line} ({_file_row(d)}) ~ {d.label}"), list(labels),
                    index=list(labels).index(current) if current in labels else None,
                    format_func=labels.get, placeholder="à décider", key=f"clsm_import_dup_{d.ident}",
                )
                if pick and pick != current:
                    options["duplicates"][d.ident] = pick
                    changed = True
    if changed:
        st.rerun()


def _file_row(d) -> str:
    """The file's row of a probable duplicate as the coordinator wrote it (never its made-up code)."""
    return getattr(d, "row_label", "") or f"ligne {d.line}"


def _ask_source_text(plan, options: dict) -> None:
    """Text that came from a document and that the file would replace: old and new in full; kept by default."""
    if not plan.source_text:
        return
    st.warning(f"{len(plan.source_text)} texte(s) venu(s) des documents du CLSM seraient remplacés : "
               "par défaut, le texte du document est gardé.")
    changed = False
    for c in plan.source_text:
        t = TABLES[c.table]
        row = plan.shown(c.table, c.key[0]) if hasattr(plan, "shown") else c.key[0]
        st.markdown(f"**{fmt.md(t.label.capitalize())} « {fmt.md(row)} », "
                    f"{fmt.md(importing.header_label(t, t.col(c.column)))}** (ligne {c.line or ''})")
        left, right = st.columns(2)
        left.caption("Texte du document")
        left.markdown(fmt.md(c.old))
        right.caption("Texte du fichier")
        right.markdown(fmt.md(c.new))
        replace = st.checkbox("Remplacer le texte du document par celui du fichier", value=c.replace,
                              key=f"clsm_import_src_{c.ident}")
        if replace != (c.ident in options["replace"]):
            (options["replace"].add if replace else options["replace"].discard)(c.ident)
            changed = True
    if changed:
        st.rerun()


def confirm_and_apply(
    plan: ImportPlan, *, button: str, key: str, plan_key: str, noop: str, apply, blocked: str | None = None
) -> None:
    """Preview a plan, then write it on confirmation; the plan is forgotten after any attempt.

    apply(cursor, plan) -> ImportResult runs on a fresh cursor of the process's read-write connection.
    `blocked` (a French reason) disables the button until the person has decided what is asked above.
    """
    preview(plan)
    if plan.is_noop:
        st.info(noop)
        return
    if blocked:
        st.info(blocked)
    if not st.button(button, type="primary", key=key, disabled=bool(blocked)):
        return
    st.session_state.pop(plan_key, None)  # the preview is spent, written or refused
    write(lambda cur: apply(cur, plan), refused=show_refusal)
