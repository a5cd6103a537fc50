"""What the importer reads beyond the cells, from how people lay their sheets out.

A plan named only in a sheet's title line, an event's kind in its title, the one meeting of a file (or the
meeting its title's day names) for its attendance, an indicator's result that is not one number kept as its detail. Each reading is said in the
preview by the planner, which calls these with a `src` (its _Source: table, sheet, headers, rows, title) and
the `said` dict it turns into messages.
"""

from __future__ import annotations

import datetime as dt
import re

from clsm_data.importing.cells import MONTHS
from clsm_data.importing.names import Names
from clsm_data.importing.reader import filled
from clsm_data.importing.words import LITTLE_WORDS, header_key, norm

_KINDS_IN_TITLE = (
    ("SISM", ("sism", "semaine d information", "semaines d information")),
    ("formation", ("formation",)),
    ("sensibilisation", ("sensibilisation",)),
    ("séminaire", ("seminaire", "colloque")),
    ("réunion publique", ("reunion publique", "conference", "debat")),
    ("journée", ("journee",)),
)


def kind_from_title(title: str) -> str | None:
    """The event kind a title names (« Semaine d'information… » -> SISM, « Colloque… » -> séminaire), else None."""
    key = f" {norm(title)} "
    # the kind named first: « Conférence … (SISM 2025) » is a conference held during the SISM, not its edition
    at = [(pos, kind) for kind, words in _KINDS_IN_TITLE for w in words
          for pos in (key.find(f" {w} "), key.find(f" {w}s "), 0 if key.startswith(f" {w}") else -1) if pos >= 0]
    return min(at)[1] if at else None


_GENERATED = {"structure": "structure_id", "action": "action_id", "meeting": "meeting_id", "event": "event_id"}


def foreign_numbers(src, names: Names, said: dict) -> None:
    """An « id » column holding another tool's numbers (12, 15, 21…), none of them a code of the dashboard: left
    out, so that each row is recognised by its name, or gets a code made from it."""
    key = _GENERATED.get(src.table)
    if key not in src.headers:
        return
    values = [str(raw.get(key)).strip() for _, raw in src.rows if filled(raw.get(key))]
    if not values or not all(v.replace(".0", "").isdigit() for v in values):
        return
    if any(v in names.stored.get(src.table, set()) for v in values):
        return
    header = src.headers.pop(key)
    src.positions.pop(key, None)
    for _, raw in src.rows:
        raw.pop(key, None)
    said.setdefault("foreign_ids", []).append((src.sheet, header))


def _fill(src, column: str, header: str, value: object) -> None:
    """Give every row of a source `value` in `column`, the header saying where it came from."""
    src.headers[column] = header
    for _, raw in src.rows:
        raw[column] = value


def from_title(src, names: Names, said: dict) -> None:
    """What a sheet's title says when a column is missing: the plan of actions, the kind of events; and an
    events' « Thème » that names no thematic of the council is each event's title (a SISM's yearly theme).
    Another tool's numbering in the code column is left out first."""
    foreign_numbers(src, names, said)
    if src.table == "action" and "plan_id" not in src.headers:
        plan_from_title(src, names, said)
        if "plan_id" not in src.headers:
            plan_from_actions(src, names, said)
    elif src.table == "meeting" and "instance_id" not in src.headers and (src.title or src.sheet or src.file):
        instance_from_title(src, names, said)
    elif src.table == "attendance":
        meeting_from_title(src, names, said)
        structure_from_title(src, names, said)
    elif (src.table == "action_partner" and "role" not in src.headers
          and header_key(src.headers.get("structure_id", "")) in ("financeur", "organisme financeur")):
        # « Action | Financeur | Montant attribué »: each structure funds the action
        _fill(src, "role", f"rôle (en-tête « {src.headers['structure_id']} »)", "financeur")
        said.setdefault("role_of_header", []).append((src.sheet, src.headers["structure_id"], "financeur"))
    elif src.table == "event":
        theme_as_title(src, names, said)
        if "kind" not in src.headers:
            kind_from_sheet_title(src, said)


_FILE_NOISE = re.compile(r"\d+|r[ée]unions?|dates?|calendrier|planning|suivi|listes?|tableau|export|copie|v\d+|final|"
                         r"def|bilan|s[ée]ances?|rencontres?", re.IGNORECASE)


def _file_words(filename: str | None) -> str:
    """A file's name as words, without its extension, years and the words any file of meetings has."""
    stem = re.sub(r"\.[a-z0-9]{2,4}$", "", filename or "", flags=re.IGNORECASE)
    return " ".join(w for w in re.split(r"[\s_.-]+", stem) if w and not _FILE_NOISE.fullmatch(w))


def instance_from_title(src, names: Names, said: dict) -> None:
    """Meetings without an instance column under a title naming one instance (« Comité de pilotage du CLSM »), else
    in a sheet named after one (a sheet per instance: « COPIL », « GP Jeunes »), else in a file named after one
    (« groupe_enfance_parentalite_reunions.xlsx », its sheets named by years)."""
    for text in (src.title, src.sheet, _file_words(src.file)):
        if not text:
            continue
        key = norm(text)
        found = set(names.by_label["instance"].get(key, ())) or names.loose("instance", key)
        if len(found) != 1 and (sure := names.sure_row("instance", str(text))):
            found = {sure}
        if len(found) != 1:
            continue
        (iid,) = found
        _fill(src, "instance_id", "instance (titre de la feuille)" if text == src.title else
              "instance (nom de la feuille)" if text == src.sheet else "instance (nom du fichier)", iid)
        said.setdefault("instance_title", []).append((src.sheet, text, names.display["instance"].get(iid, iid),
                                                      "le titre" if text == src.title else "le nom de la feuille"
                                                      if text == src.sheet else "le nom du fichier"))
        return


_TITLE_WORDS = {"presences", "presence", "participation", "participations", "reunions", "reunion", "instances",
                "instance", "annee", "clsm", "association", "associations", "liste", "bilan", "suivi", "nos", "notre"}


def structure_from_title(src, names: Names, said: dict) -> None:
    """Attendance with no structure column under a title naming one structure (a GEM's own record of the meetings
    it went to: « Participation du GEM L'Albatros aux réunions du CLSM – Année 2024 »): that structure. A name is
    in the title when it is written there whole; of the names found, the longest are kept (« GEM L'Albatros »
    rather than « CLSM »); they must name one structure."""
    if src.table != "attendance" or "structure_id" in src.headers or not src.title:
        return
    key = f" {norm(src.title)} "
    found = [(len(label.split()), ids) for label, ids in names.by_label["structure"].items()
             if label and f" {label} " in key and ids & names.stored.get("structure", set())]
    if max((n for n, _ in found), default=0) < 2:
        # a file's name (« GEM_Albatros_participation_reunions_CLSM… »): two to four words in a row that can only mean
        # one stored structure (« GEM Albatros »), rather than a one-word name met on the way (« CLSM »)
        words = [w for w in norm(src.title).split() if not w.isdigit()]
        for size in (4, 3, 2):
            hits = {sid for k in range(len(words) - size + 1)
                    if not set(words[k:k + size]) & (LITTLE_WORDS | _TITLE_WORDS)  # names, not a sentence's words
                    and (sid := names.sure_row("structure", " ".join(words[k:k + size])))
                    and sid in names.stored.get("structure", set())}
            if len(hits) == 1:
                found = [(size, hits)]
                break
            if hits:
                return
    if not found:
        return
    top = max(n for n, _ in found)
    ids = set().union(*(ids for n, ids in found if n == top)) & names.stored.get("structure", set())
    if len(ids) != 1:
        return
    (sid,) = ids
    _fill(src, "structure_id", "structure (titre de la feuille)", sid)
    said.setdefault("structure_title", []).append((src.sheet, src.title, names.display["structure"].get(sid, sid)))


def events_among_meetings(sources: list, names: Names, said: dict) -> None:
    """A row of a meetings sheet whose « meeting » names no instance of the council but an event (« SISM ciné-débat
    », a conference the members went to): no meeting of the council; left out with its attendance, said."""
    dropped: dict[tuple[str | None, str], str] = {}
    for src in sources:
        if src.table != "meeting" or "instance_id" not in src.headers:
            continue
        kept = []
        for line, raw in src.rows:
            text = raw.get("instance_id")
            if isinstance(text, str) and text.strip() and kind_from_title(text) and not _an_instance(names, text):
                dropped[(src.sheet, norm(text))] = text.strip()
                said.setdefault("not_meetings", []).append((src.sheet, line, text.strip(), kind_from_title(text)))
                continue
            kept.append((line, raw))
        src.rows[:] = kept
    if not dropped:
        return
    for src in sources:
        if src.table != "attendance" or "meeting_id" not in src.headers:
            continue
        src.rows[:] = [(line, raw) for line, raw in src.rows
                       if not any(sheet == src.sheet and isinstance(raw.get("meeting_id"), str)
                                  and norm(raw["meeting_id"]).startswith(text + " ")
                                  for sheet, text in dropped)]


def _an_instance(names: Names, text: str) -> bool:
    """Does a text name an instance of the council (by one of its names, loosely, or surely)?"""
    key = norm(text)
    return bool(names.by_label["instance"].get(key) or names.loose("instance", key) or names.sure_row("instance", text))


def theme_as_title(src, names: Names, said: dict) -> None:
    """Events with a « Thème » column and no title: when most of its values name no thematic of the council
    (« Santé mentale et travail », the SISM 2017's theme), they are the events' titles."""
    if "theme_id" not in src.headers or "title" in src.headers:
        return
    values = [raw.get("theme_id") for _, raw in src.rows if filled(raw.get("theme_id"))]
    if not values:
        return
    known = sum(1 for v in values if names.by_label["theme"].get(norm(v)) or names.loose("theme", norm(v)))
    if 2 * known >= len(values):
        return
    src.headers["title"] = src.headers.pop("theme_id")
    if "theme_id" in src.positions:
        src.positions["title"] = src.positions.pop("theme_id")
    for _, raw in src.rows:
        raw["title"] = raw.pop("theme_id", None)
    said.setdefault("theme_title", []).append((src.sheet, src.headers["title"], str(values[0]).strip()))


def plan_from_title(src, names: Names, said: dict) -> None:
    """Actions without a plan column: the plan the sheet's title line (or else its name) names, if only one.

    A plan is named when every word of one of its names (« Programme 2022 », « CLS 2022-2026 », a remembered
    alias) is in the text: « Programme d'actions 2022 – tableau de suivi » names the Programme 2022, « CLS
    Ville de Metz 2022-2026 – Axe 2 » the CLS 2022-2026. Two plans named, or none: the column is asked for.
    """
    labels = [(label, ids) for label, ids in names.by_label["plan"].items()]
    labels += [(label, {pid}) for label, pid in names.aliases.get("plan", {}).items() if pid in names.ids["plan"]]
    for text, what in ((src.title, "le titre"), (src.sheet, "le nom de la feuille")):
        words = set(norm(text or "").split())  # « Contrat local de santé - Ville de Metz 2022-2026 »: « la » aside
        # « novembre 2020 » for the plan named « (nov. 2020) »: a month in words and its short forms alike
        words |= {k for k, v in MONTHS.items() if any(MONTHS.get(w) == v for w in words)}
        named = {pid for label, ids in labels if label and set(label.split()) - LITTLE_WORDS <= words for pid in ids}
        if len(named) > 1:
            return
        if len(named) == 1:
            (pid,) = named
            _fill(src, "plan_id", "plan (titre de la feuille)", pid)
            said.setdefault("plan_title", []).append((src.sheet, what, text, names.display["plan"].get(pid, pid)))
            return


def plan_from_actions(src, names: Names, said: dict) -> None:
    """Actions without a plan column nor a plan in the title (« Suivi des actions du CLSM »): the plan of the stored
    actions their titles name, when at least two are named and all of one plan; the others are then read within it
    (« MAJ des outils de coordination » is that plan's « Mise à jour des outils… »)."""
    plans = set()
    named = 0
    for _, raw in src.rows:
        title = raw.get("title")
        if not title:
            continue
        row = names.sure_row("action", str(title))
        if row in names.stored.get("action", set()):
            plans.add(names.action_plan.get(row))
            named += 1
    if named >= 2 and len(plans) == 1 and None not in plans:
        (pid,) = plans
        _fill(src, "plan_id", "plan (celui des actions reconnues)", pid)
        said.setdefault("plan_actions", []).append((src.sheet, named, names.display["plan"].get(pid, pid)))


def kind_from_sheet_title(src, said: dict) -> None:
    """Events without a type column: the kind the title line (or else the sheet's name) names, for each row whose
    own title names none (« Semaines d'information sur la santé mentale (SISM) – bilan » -> SISM)."""
    heads = " ; ".join(src.headers.values())  # « Année SISM »: the kind said in a header
    for text, what in ((src.title, "le titre"), (src.sheet, "le nom de la feuille"), (heads, "l'en-tête"),
                       (_file_words(src.file), "le nom du fichier")):
        kind = kind_from_title(text or "")
        if kind == "SISM" and what != "l'en-tête" and _days_of_one_year(src):
            # several days of one year under « SISM 2024 »: events held during the SISM, not its editions
            kind = "autre"
            for _, raw in src.rows:
                if not (raw.get("title") and kind_from_title(str(raw["title"])) not in (None, "SISM")):
                    raw["kind"] = "autre"
                elif raw.get("title"):
                    raw["kind"] = kind_from_title(str(raw["title"]))
            src.headers["kind"] = "type (intitulé de chaque événement)"
            said.setdefault("during_sism", []).append((src.sheet, text))
            return
        if kind:
            src.headers["kind"] = "type (titre de la feuille)"
            for _, raw in src.rows:
                if not (raw.get("title") and kind_from_title(str(raw["title"]))):
                    raw["kind"] = kind
            said.setdefault("kind_title", []).append((src.sheet, what, text, kind))
            return


def _days_of_one_year(src) -> bool:
    """Do the rows hold two days or more, all of one year (« mar. 8 oct. », « jeu. 10 oct. » of the SISM 2024)?"""
    days = set()
    for _, raw in src.rows:
        value = raw.get("date")
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            days.add(value)
        elif filled(value):
            days.add(str(value))
    years = {d.year for d in days if isinstance(d, dt.date)}
    texts = [d for d in days if not isinstance(d, dt.date)]
    # « lun. 6 oct. 2025 » typed as text: its year counts as a date's would
    years |= {int(y) for t in texts for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", t)}
    return len(days) >= 2 and len(years) <= 1


def the_files_meeting(src, meetings: list, names: Names, said: dict) -> None:
    """Attendance with no meeting column in a file that holds one meeting (its own sheet): that meeting."""
    if src.table != "attendance" or "meeting_id" in src.headers or len(meetings) != 1:
        return
    code = meetings[0][2]["meeting_id"]
    _fill(src, "meeting_id", "réunion (la seule du fichier)", code)
    said.setdefault("one_meeting", []).append((src.sheet, names.display["meeting"].get(code, code)))


_DAY_IN_WORDS = re.compile(r"\b(\d{1,2})(?:er)?\s+(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|"
                           r"novembre|decembre)\s+(\d{4})\b")
# 27/06/2024, 27-06-2024, 27.06.2024, « COPIL 25.11.25 » (a sheet's name, the year in two figures)
_DAY_IN_FIGURES = re.compile(r"(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|[1-4]\d)(?![\d/.-])")
_MONTH_NUMBERS = {m: i for i, m in enumerate(("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout",
                                              "septembre", "octobre", "novembre", "decembre"), start=1)}


def _scanned_digits(text: str) -> str:
    """A scanned sheet's figures misread as letters (« 20/11/2O25 », « l5/03 »): O as 0, l or I as 1, between or
    beside figures of a date."""
    def fix(m: re.Match) -> str:
        return m.group(0).translate(str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"}))
    return re.sub(r"\b[\dOolI]{1,2}/[\dOolI]{1,2}/[\dOolI]{4}\b", fix, text)


def meeting_from_title(src, names: Names, said: dict) -> None:
    """Attendance with no meeting column under title lines naming its day (« Réunion d'information des partenaires
    du CLSM … jeudi 27 mai 2021, 10h - 11h30 »): the one stored meeting of that day, of the instance the title
    names when it names one."""
    if src.table != "attendance" or "meeting_id" in src.headers:
        return
    # the title lines, else the sheet's name (« Plénière 27-06-2024 »), else the file's (« COPIL_11-03-2025_… »)
    for title, place in ((src.title, "titre de la feuille"), (src.sheet, "nom de la feuille"),
                         (" ".join(re.split(r"[_\s]+", re.sub(r"\.[a-z0-9]{2,4}$", "", src.file or "",
                                                              flags=re.IGNORECASE))), "nom du fichier")):
        if not title:
            continue
        title = _scanned_digits(title)
        key = norm(title)
        m = _DAY_IN_WORDS.search(key)
        n = _DAY_IN_FIGURES.search(title) if m is None else None
        try:
            day = (dt.date(int(m.group(3)), _MONTH_NUMBERS[m.group(2)], int(m.group(1))) if m else
                   dt.date(int(n.group(4)) + (2000 if len(n.group(4)) == 2 else 0), int(n.group(3)), int(n.group(1)))
                   if n else None)
        except ValueError:
            return
        if day is not None:
            where = place
            break
    else:
        return
    on_day = {(iid, mid) for (iid, date, precision), ids in names.meeting_at.items()
              if date == day and precision == "jour" for mid in ids if mid in names.stored.get("meeting", set())}
    instance = names.sure_row("instance", title.split(str(day.year))[0]) if len(on_day) > 1 else None
    found = {mid for iid, mid in on_day if instance is None or iid == instance}
    if not on_day:  # no meeting stored that day: the one the title names, to be added (a sign-in sheet of last week)
        before = norm(key[:m.start()] if m else title[:n.start()])
        before = re.sub(r"\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|du|le|date)\s*$", "", before).strip()
        # « FEUILLE D'ÉMARGEMENT Réunion CLSM — restitution… Date : »: the sheet's own name before the meeting's
        before = re.sub(r"^(?:feuille|liste)?\s*(?:d )?(?:emargement|presence|presences|des presents)\s*", "", before)
        iid = (next(iter(names.by_label["instance"].get(before, ())), None)
               if len(names.by_label["instance"].get(before, ())) == 1 else names.sure_row("instance", before))
        if iid is not None:
            _fill(src, "meeting_id", f"réunion ({where})", f"{iid} {day:%d/%m/%Y}")
            said.setdefault("new_meeting_title", []).append((src, iid, day, where, title))
        return
    if len(found) != 1:
        return
    (code,) = found
    _fill(src, "meeting_id", f"réunion ({where})", code)
    said.setdefault("meeting_title", []).append((src.sheet, title, names.display["meeting"].get(code, code), where))


def as_detail(src, name: str, raw: dict, row: dict, said: dict) -> bool:
    """An indicator's result that is not one number (« 12 / 20 »): kept as written in its detail, no value made
    up; True when so placed (the file has no detail of its own for the row)."""
    text = raw.get(name)
    if src.table != "indicator_value" or name != "value" or not isinstance(text, str) or filled(raw.get("value_text")):
        return False
    row["value_text"] = " ".join(text.split())
    said.setdefault("detail", []).append(row["value_text"])
    return True


NOT_KNOWN = {"-", "–", "—", "?", "nc", "n c", "nr", "n r", "non communique", "non connu", "inconnu", "nd", "n d",
             "non chiffre", "non chiffree", "a chiffrer", "a definir", "a preciser", "non compte", "non comptee",
             "non comptes", "non comptees", "pas compte", "pas de comptage", "non releve", "non renseigne",
             "prevu", "prevue", "a venir", "en attente", "non disponible", "complet", "complete", "salle comble"}


def not_known(src, col, raw: dict, extra: list, said: dict) -> bool:
    """« - », « NC », « ? » in an optional number column: not known, so left empty (never 0), the sign in the
    note; True when so read. A required count stays refused (it must be given)."""
    text = raw.get(col.name)
    if col.required or col.type not in ("int", "float", "id") or not isinstance(text, str):
        return False
    if col.type == "id" and (not col.ref or text.strip() not in ("-", "–", "—", "/")):
        return False  # « Porté par : — » (a national helpline): no structure, never a name « — »
    if text.strip() not in ("-", "–", "—", "?") and norm(text) not in NOT_KNOWN:
        return False
    extra.append(f"{src.headers[col.name]} : {text.strip()} (non renseigné)")
    said.setdefault("not_known" if col.type != "id" else "no_ref", []).append(text.strip())
    return True


def short_text(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
