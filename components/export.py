"""Download buttons under a table (CSV for French Excel, .xlsx) and under a chart (PNG, SVG).

Pages add one line after a table or a chart: `export.download_buttons(df, "participation", f, masked)`
or `export.chart_downloads("reunions-par-annee", f, charts.grouped_columns, df, …)`. Each shows one « ⬇ Télécharger … »
button whose buttons are drawn once it is opened; files are built only when clicked (the download button takes a
callable), so a page pays almost nothing for its exports.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from clsm_data.present import export
from clsm_data.read.filters import Filters

from . import filters as flt
from . import fmt

# French headers for the raw columns the queries return; technical ids are left out of exports.
HEADERS = {
    "date": "Date", "instance_name": "Instance", "instance_kind": "Type d'instance", "mode": "Modalité",
    "place": "Lieu", "title": "Intitulé", "participants": "Participants", "structures": "Structures",
    "role_category": "Catégorie", "count": "Présences", "meetings": "Réunions", "sector": "Secteur",
    "year": "Année", "kind": "Type", "organiser": "Organisateur", "sessions_count": "Sessions",
    "partners_count": "Partenaires", "events_count": "Événements", "participants_count": "Participants",
    "note": "Note", "sheet_number": "Fiche", "plan_short": "Plan", "axis_number": "Axe", "axis_short": "Intitulé de l'axe",
    "theme_name": "Thématique", "origin": "Origine", "status": "Statut", "porteur_name": "Porteur",
    "start_date": "Début", "end_date": "Fin", "period_label": "Période", "name": "Nom", "label": "Sigle",
    "type": "Type", "commune": "Commune", "actions": "Actions", "precision": "Position", "a_label": "Structure",
    "b_label": "avec", "shared": "Actions communes", "description": "Description", "publics": "Public",
    "theme": "Thématique", "structure": "Structure", "url": "Lien", "contact": "Contact", "hours": "Horaires",
    "created_year": "Créé en", "updated_on": "Mis à jour le", "acronym": "Sigle",
}
HIDDEN = {"meeting_id", "instance_id", "action_id", "structure_id", "resource_id", "event_id", "theme_id", "a", "b",
          "latitude", "longitude", "date_precision", "masked", "shown", "a_sector", "b_sector", "parent_id",
          "founding_partner", "group_order", "group_id"}


def prepare(df: pd.DataFrame, masked: bool) -> pd.DataFrame:
    """The frame as it goes out: masked where the view is, technical ids dropped, French headers."""
    out = export.masked_frame(df) if masked else df
    if {"date", "date_precision"} <= set(out.columns):  # « février 2017 » where the documents give only a month
        out = out.assign(date=[d if p in (None, "jour") or fmt.is_missing(d) else fmt.date(d, p)
                               for d, p in zip(out["date"], out["date_precision"], strict=True)])
    out = out[[c for c in out.columns if c not in HIDDEN]]
    return out.rename(columns={c: HEADERS.get(c, c) for c in out.columns})


def download_menu(key: str, label: str):
    """A « ⬇ … » button opening the download buttons, filled only once opened (a click reruns the page).

    Two download buttons per table or chart cost a page 40-90 ms to draw (measured in Chromium): one
    closed popover costs little, and the files are still built only when asked for."""
    pop = st.popover(label, key=f"dl_{key}", on_change="rerun")
    return pop if pop.open is not False else None


def download_buttons(df: pd.DataFrame, name: str, filters: Filters | None, masked: bool,
                     about_lines: dict[str, str] | None = None) -> None:
    """« ⬇ Télécharger le tableau » under a table: CSV (French Excel) and .xlsx, named after what and when.

    about_lines: what the table covers when the sidebar's filters do not say it (the network page: its perimeter,
    year and councils), first on the « À propos » sheet, in place of the filters' line."""
    if df is None or df.empty:
        return
    pop = download_menu(f"table_{name}", "⬇ Télécharger le tableau")
    if pop is None:
        return
    shown = prepare(df, masked)
    words = flt.describe(filters) if filters else ""
    about = export.about(words, masked, dt.datetime.now())
    if about_lines:
        about = about_lines | {k: v for k, v in about.items() if k != "Filtres"}
    pop.download_button("⬇ CSV (Excel)", data=lambda: export.to_csv(shown), file_name=export.file_name(name, filters, "csv"),
                        mime="text/csv", key=f"dl_csv_{name}", on_click="ignore",
                        help="Séparateur « ; », virgule décimale, dates JJ/MM/AAAA ; s'ouvre tel quel dans Excel.")
    pop.download_button("⬇ Excel (.xlsx)", data=lambda: export.to_xlsx(shown, name, about),
                        file_name=export.file_name(name, filters, "xlsx"), key=f"dl_xlsx_{name}", on_click="ignore",
                        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        help="Feuille « À propos » : filtres, date des données, masquage.")


def chart_downloads(name: str, filters: Filters | None, builder, *args, **kwargs) -> None:
    """« ⬇ Télécharger l'image » under a chart: PNG and SVG rendered on the server, offline, only when clicked.

    The chart is `builder(*args, **kwargs)`, built then (building it costs the page 50-100 ms)."""
    pop = download_menu(f"chart_{name}", "⬇ Télécharger l'image")
    if pop is None:
        return
    pop.download_button("⬇ Image PNG", data=lambda: export.chart_png(builder(*args, **kwargs)),
                        file_name=export.file_name(name, filters, "png"), mime="image/png", key=f"dl_png_{name}",
                        on_click="ignore")
    pop.download_button("⬇ Image SVG", data=lambda: export.chart_svg(builder(*args, **kwargs)),
                        file_name=export.file_name(name, filters, "svg"), mime="image/svg+xml", key=f"dl_svg_{name}",
                        on_click="ignore")
