"""Workbooks a coordinator types, made in the tests (never taken from the repository): the 2022 year
with the names the app shows, its .ods twin, and a bad copy with one mistake of each kind."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from xml.sax.saxutils import escape

from openpyxl import Workbook

MEETINGS_2022 = [
    # instance as shown in the app (or its acronym), date as typed, mode, place, title
    ("Comité de pilotage", "15/03/2022", "présentiel", "Metz", "Comité de pilotage de printemps"),
    ("COPIL", dt.date(2022, 10, 4), "visio", None, "Comité de pilotage d'automne"),
    ("Assemblée plénière", "mars 2022", "présentiel", "Metz", "Assemblée plénière 2022"),
    ("Groupe projets « jeunes »", "12/01/22", "visio", None, "Groupe jeunes de janvier"),
    ("groupe projets jeunes", "05/04/2022", "présentiel", "Metz", "Groupe jeunes d'avril"),
    ("Groupe projets « précarité »", "07/02/2022", "hybride", "Metz", "Groupe précarité de février"),
    ("Groupe projets logement", "08/03/2022", "présentiel", "Woippy", "Groupe logement"),
    ("Groupe projets « culture/loisirs »", "juin 2022", "présentiel", "Metz", "Groupe culture"),
    ("Groupe projets « enfance/parentalité »", "14/06/2022", "visio", None, "Groupe enfance"),
    ("Groupe projets « emploi/formation »", "21/06/2022", "visio", None, "Groupe emploi"),
    ("Groupe projets « situations de crise »", "28/06/2022", "présentiel", "Metz", "Groupe crise"),
    ("Réunion CLSM (restitution des groupes thématiques)", "17/11/2022", "présentiel", "Metz",
     "Restitution des groupes 2022"),
]
ATTENDANCE_2022 = [
    ("Comité de pilotage 15/03/2022", "UNAFAM", "Aidants", 2),
    ("Comité de pilotage 15/03/2022", "ARS", "professionnel", 1),
    ("Comité de pilotage 15/03/2022", "CMP", "Professionnels", 3),
    ("Comité de pilotage 15/03/2022", "GEM Camille Claudel", "usager", 4),
    ("Groupe jeunes d'avril", "MDA", "professionnel", 2),
    ("Groupe jeunes d'avril", "Maison des adolescents de Moselle", "élu", 1),
]


def sheets_2022() -> dict[str, list[list]]:
    """The year 2022 as a coordinator types it: names, acronyms, month dates, no codes, an empty sheet."""
    return {
        "Réunions 2022": [["Réunions du CLSM en 2022"], [],
                          ["Instance", "Date", "Modalité", "Lieu", "Intitulé"],
                          *[list(m) for m in MEETINGS_2022]],
        "Présences": [["Réunion", "Structure", "Catégorie", "Nombre"], *[list(a) for a in ATTENDANCE_2022]],
        "Actions": [["Identifiant", "Intitulé", "Plan", "Axe", "Thématique", "Statut", "Porteur", "Début"],
                    ["p22-03", None, None, None, None, "Réalisée", None, None],
                    [None, "Ateliers bien-être au lycée", "CLS 2022-2026", "Axe 2", "Jeunes", "mise en oeuvre",
                     "Ville de Metz", "15/03/2022"]],
        "Événements": [["Type", "Date", "Intitulé", "Thématique", "Participants", "Note"],
                       ["SISM", "octobre 2022", "Santé mentale et environnement", "Culture/loisirs", 180,
                        "+33 3 87 55 55 55 (standard de la mairie)"]],
        "Feuil3": [],
    }


def xlsx(sheets: dict[str, list[list]], merged: dict[str, list[str]] | None = None) -> bytes:
    """A workbook of these sheets; `merged`: sheet -> ranges merged as people merge them (« A3:D3 »)."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        for cells in (merged or {}).get(name, []):
            ws.merge_cells(cells)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def ods(sheets: dict[str, list[list]]) -> bytes:
    """A minimal OpenDocument spreadsheet, as LibreOffice writes one (no library needed)."""
    body = []
    for name, rows in sheets.items():
        body.append(f'<table:table table:name="{escape(name)}">')
        for row in rows:
            body.append("<table:table-row>")
            for cell in row:
                if cell is None:
                    body.append("<table:table-cell/>")
                elif isinstance(cell, dt.date):
                    body.append(f'<table:table-cell office:value-type="date" office:date-value="{cell.isoformat()}">'
                                f"<text:p>{cell:%d/%m/%Y}</text:p></table:table-cell>")
                elif isinstance(cell, (int, float)):
                    body.append(f'<table:table-cell office:value-type="float" office:value="{cell}">'
                                f"<text:p>{cell}</text:p></table:table-cell>")
                else:
                    body.append(f'<table:table-cell office:value-type="string"><text:p>{escape(str(cell))}</text:p>'
                                "</table:table-cell>")
            body.append("</table:table-row>")
        body.append("</table:table>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        "<office:body><office:spreadsheet>" + "".join(body) + "</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def bad_sheets() -> dict[str, list[list]]:
    """One mistake of each kind, on several sheets and columns: all must be listed in one pass."""
    return {
        "Réunions": [["Instance", "Date", "Modalité", "Intitulé"],
                     ["Grp jeunes", "15/03/2022", "présentiel", "Groupe jeunes"],
                     ["Comité de pilotage", "31/02/2022", "visio", "COPIL"],
                     ["Comité de pilotage", "15/04/2022", "par téléphone", "COPIL d'avril"]],
        "Présences": [["Réunion", "Structure", "Catégorie", "Nombre"],
                      ["reunion-2021-11-18", "GEM", "usager", 2],
                      ["reunion-2021-11-18", "UNAFAM", "aidnat", 99999999999],
                      ["reunion-2021-11-18", "Udaf 99", "professionnel", "douze"]],
        "Actions": [["Identifiant", "Statut", "Plan"],
                    ["p22-03", "à voir", "Programme 2023"]],
    }
