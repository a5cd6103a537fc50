"""The import format: which tables can be imported, their headers (French labels and variants),
sheet names, how a header row is found and a sheet becomes rows of a table, and the template."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field

from clsm_data.core.tables import LOAD_ORDER, TABLES, Col, Table
from clsm_data.importing.cells import MONTHS, parse_date
from clsm_data.importing.names import match_choice
from clsm_data.importing.problems import AmbiguousTableError, Issue
from clsm_data.importing.reader import Grid, Uncomputed, col_letter, filled
from clsm_data.importing.words import LITTLE_WORDS, header_key, norm

# Tables the coordinator keeps up to date, in load order (a table after those it references).
IMPORTABLE = tuple(
    t for t in LOAD_ORDER if t in ("structure", "action", "action_partner", "meeting", "attendance", "event",
                                   "indicator_value", "resource")
)
HEADER_SCAN = 10

# Extra header names accepted besides each column's name and French label: the template's headers and the
# ways people write them. Matching ignores case, accents, punctuation, little words (de, la, du…), plurals
# and abbreviations (nb, n°, obs): « Nb. de participants » is « nombre participant ».
EXTRA_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    # The first name of each entry is the template's header (accents kept; matching ignores them).
    "structure": {
        "structure_id": ("identifiant", "id", "code", "code structure"),
        "name": ("structure", "nom de la structure", "partenaire", "organisme", "raison sociale", "établissement",
                 "nom du partenaire", "post title", "structure / service", "structure ou service", "société",
                 "entreprise", "employeur",
                 "établissement / service", "établissement ou service"),
        # a mail merge's address lines (« ADR1 », « ADR2 »)
        "address": ("adresse postale", "adr1", "adr 1", "adresse 1", "adresse ligne 1", "rue", "rue (bureau)"),
        "acronym": ("acronyme", "abréviation", "nom court"),
        "sector": ("secteur d'activité", "domaine", "secteur d'activité principal", "secteur principal", "secteur CLSM"),
        "type": ("type de structure", "nature", "catégorie", "statut juridique"),
        "commune": ("ville", "localité", "code postal et ville", "code postal ville", "cp ville", "cp et ville",
                    "commune d'implantation", "lieu d'implantation"),
        "location_precision": ("précision de la localisation",),
        "website": ("site internet", "site web", "site", "url", "page web"),
        "member_since": ("adhésion", "année d'adhésion", "année d'entrée", "membre du CLSM depuis", "adhésion CLSM",
                         "adhésion au CLSM", "membre depuis", "entrée au CLSM",
                         "année de première participation au CLSM", "première participation au CLSM",
                         "année de première participation"),
        "parent_id": ("rattachée à", "dépend de", "structure mère"),
        "founding_partner": ("fondateur", "membre fondateur"),
        "note": ("remarques", "commentaire", "observations", "précisions", "informations", "divers"),
    },
    "resource": {
        # no « identifiant » nor « code »: a line of actions or structures by their codes is no directory's
        "resource_id": ("code ressource", "identifiant ressource"),
        "name": ("ressource", "service", "dispositif", "nom de la ressource", "nom du dispositif"),
        "kind": ("type de ressource",),
        "structure_id": ("structure", "organisme", "structure porteuse", "porté par", "proposé par"),
        "publics": ("pour qui", "public", "public visé", "public concerné", "pour qui ?"),
        "hours": ("horaires", "heures d'ouverture", "jours et horaires"),
        "commune": ("ville", "commune", "localité"),
        "url": ("site", "site internet", "lien", "site web", "en savoir +", "en savoir plus", "plus d'infos"),
        "description": ("description", "descriptif", "en quoi ça consiste", "ce qui est proposé"),
        "note": ("remarques", "commentaire", "observations", "précisions", "informations", "divers"),
    },
    "action": {
        "action_id": ("identifiant", "id", "code", "code action"),
        "plan_id": ("programme", "plan d'actions", "contrat", "document"),
        "axis_id": ("axe stratégique", "n° d'axe"),
        "theme_id": ("thème", "groupe projets", "groupe de travail", "groupe"),
        "title": ("intitulé de l'action", "titre", "action", "nom de l'action", "libellé", "objet",
                  "titre de la fiche", "intitulé de la fiche", "titre de l'action", "fiche action",
                  "fiche-action"),
        "status": ("état", "avancement", "état d'avancement", "où en est-on", "où en est-on ?", "situation"),
        "porteur_id": ("structure porteuse", "porteur de l'action", "structure", "responsable"),
        "pilot": ("référent",),
        "start_date": ("date début", "date de début", "démarrage", "commencée le"),
        "end_date": ("date de fin", "date fin", "échéance", "terminée le"),
        "budget_eur": ("budget", "montant", "coût", "budget en euros", "montant (€)"),
        "funders": ("financement", "financé par"),
        "updated_on": ("mise à jour", "dernière mise à jour", "date de mise à jour", "date du point", "point au",
                       "date de la situation", "situation au", "date de l'état", "état au"),
        "publics": ("public", "public cible", "public visé"),
        "description": ("description",),
        "sheet_number": ("fiche", "numéro de fiche", "fiche n°", "n° de fiche", "n° fiche", "fiche numéro"),
        "note": ("remarques", "commentaire", "observations", "précisions", "informations", "divers"),
    },
    "action_partner": {  # who takes part in which action: porteur, partenaire, financeur
        "action_id": ("action", "intitulé de l'action", "titre de l'action", "fiche action", "projet"),
        "structure_id": ("structure", "partenaire", "organisme", "structure partenaire", "nom de la structure",
                         "financeur", "organisme financeur"),  # a list of grants: who funds (its role said below)
        "role": ("rôle", "fonction", "implication", "type de partenariat", "rôle dans l'action", "qualité"),
        "note": ("remarques", "remarque", "commentaire", "observations", "précisions"),
    },
    "meeting": {
        "meeting_id": ("identifiant", "id", "code", "code réunion"),
        "instance_id": ("instance concernée", "type de réunion", "comité", "groupe projets", "groupe de travail",
                        "instance ou groupe", "groupe", "gt", "type d'instance", "instance réunie", "réunion",
                        "inst."),
        "date": ("date de réunion", "date de la réunion", "jour", "mois", "mois et année", "date et heure",
                 "date / heure", "date heure", "jour et heure"),
        "date_precision": ("précision de la date",),
        "mode": ("format", "mode", "forme", "présentiel ou visio", "visio", "en visio", "visioconférence", "mod."),
        "place": ("salle", "lieu de réunion", "lieu de la réunion", "où"),
        "title": ("titre", "objet", "sujet", "nom de la réunion", "libellé", "name"),
        "agenda": ("odj", "points abordés", "points à l'ordre du jour", "sujets abordés", "thèmes abordés",
                   "points traités", "sujets traités"),
        "note": ("remarques", "commentaire", "observations", "précisions", "informations", "divers",
                 "relevé de décisions", "décisions", "décisions prises"),
    },
    "attendance": {
        "meeting_id": ("réunion", "identifiant réunion", "nom de la réunion"),
        "structure_id": ("partenaire", "organisme", "structure présente", "nom de la structure", "établissement",
                         "structure / organisme", "structure ou organisme", "organisme / structure"),
        "role_category": ("catégorie", "catégorie de rôle", "rôle", "qualité", "profil", "type de participant",
                          "collège"),
        "count": ("effectif", "nb", "nombre de participants", "nombre de personnes", "participants", "présents", "combien",
                  "nombre de présents"),
        "note": ("remarques", "commentaire", "observations", "précisions", "commentaire libre", "commentaires"),
    },
    "event": {
        "event_id": ("identifiant", "id", "code"),
        "kind": ("type d'événement", "nature", "catégorie", "type d'action",  # a partners' survey of their actions
                 "type d'intervention", "type de session"),
        "year": ("an", "édition", "année SISM", "édition SISM", "année de la SISM"),
        "date": ("date de l'événement", "date début", "date de début", "jour", "date de l'action", "période",
                 "dates", "quand", "date et heure", "date / heure", "jour et heure", "mois", "mois et année",
                 "date j1", "j1", "1er jour", "premier jour", "date du 1er jour"),
        "date_precision": ("précision de la date",),
        "title": ("titre", "nom", "événement", "manifestation", "nom de l'événement", "libellé", "objet", "session", "séance",
                  "intitulé de la session", "quoi", "animation", "nom de l'animation",
                  "action"),  # an association's list of its sessions: « Action » is what was held, the event's title
        "theme_id": ("thématique", "thème", "thématique du CLSM"),
        "mode": ("format",),
        "organiser": ("organisé par", "structure organisatrice", "qui organise", "porté par", "organisateurs",
                      "animé par", "animée par", "structure animatrice", "organisme de formation", "organisme formateur"),
        "sessions_count": ("nombre de sessions", "nombre de séances", "séances"),
        "partners_count": ("nombre de partenaires", "nombre de partenaires associés", "partenaires associés"),
        "events_count": ("nombre d'événements", "nombre de manifestations", "actions", "nombre d'actions",
                         "animations", "nombre d'animations"),
        "participants_count": ("nombre de participants", "public", "fréquentation", "nombre de personnes", "entrées",
                               "nombre d'entrées", "spectateurs", "nombre de spectateurs",
                               "effectif", "présents", "nombre de présents", "participants présents",
                               "nombre d'élèves", "élèves", "nombre d'élèves sensibilisés", "nombre de jeunes",
                               "nombre de parents", "nombre de familles", "parents présents", "stagiaires",
                               "nombre de stagiaires"),
        "note": ("remarques", "commentaire", "observations", "précisions", "informations", "divers"),
    },
    "indicator_value": {
        "indicator_id": ("indicateur", "code indicateur", "code"),
        "period_label": ("année",),
        "period_start": ("début de période",),
        "period_end": ("fin de période",),
        "value": ("résultat", "réalisé", "chiffre"),
        "value_text": ("précision",),
        "note": ("remarques", "commentaire", "observations"),
    },
}
# Headers that have no column of their own in a table: their value is added to the row's note
# (« Lieu : Arsenal »), said once in the report.
NOTE_HEADERS: dict[str, tuple[str, ...]] = {
    "meeting": ("prévue le", "status", "tags", "comments", "thème", "thématique", "nombre de participants", "participants", "nb part.", "nb part", "nombre de présents", "présents",
                "horaire", "horaires", "heure", "compte rendu"),  # « Compte rendu : oui », not a bare « oui »
    "event": ("lieu", "adresse", "salle", "inscrits", "nombre d'inscrits", "où", "heure", "horaire", "horaires", "coût",
              "coût location salle", "montant", "budget", "prix", "tarif", "public", "publics", "public visé",
              "public cible", "date de fin", "date fin", "fin", "statut", "état"),  # registered people are not participants
    "action": ("nombre de participants", "participants", "partenaires", "lieu", "phase", "phase de l'action",
               "partenaires de mise en œuvre", "partenaires associés", "partenaires mobilisés", "partenaires de l'action"),
    "action_partner": ("montant", "montant (€)", "financement", "budget", "date", "montant attribué", "montant accordé",
                       "subvention", "exercice", "année"),
    "attendance": ("lieu", "lieu de la réunion", "salle"),
    "structure": ("service", "adr2", "adr 2", "adresse 2", "complément d'adresse", "cp", "code postal", "bp", "siret",
                  "n° siret", "siren", "finess", "n° finess"),
    "indicator_value": ("type", "type d'indicateur", "nature de l'indicateur", "processus ou résultat"),
    "resource": ("comment y aller", "accès", "transports", "adresse", "lieu", "où", "tarif", "coût", "prix"),
}
TO_NOTE, IGNORED = "+note", "-"  # what an unknown header may be mapped to besides a column
# An attendance sheet may name its meeting by two columns, the instance and the date (« COPIL », 15/03/2022):
# they make the meeting's name, « COPIL 15/03/2022 », resolved as if typed in one column.
MEETING_PARTS = {"@instance": ("instance", "instance concernée", "groupe"),
                 "@date": ("date", "date de réunion", "date de la réunion", "jour", "date réunion", "date de séance",
                           "date séance")}
SHEET_ALIASES: dict[str, tuple[str, ...]] = {
    "structure": ("structure",),
    "action": ("action", "fiches actions"),
    "action_partner": ("partenaires des actions", "partenaires par action", "qui fait quoi"),
    "meeting": ("reunion", "meeting"),
    "attendance": ("presence", "participation", "presents", "liste des presents", "emargement",
                   "feuille d emargement"),
    "event": ("evenement", "sism", "manifestation", "sensibilisations", "formations"),
    "indicator_value": ("indicateurs", "valeurs indicateurs"),
    "resource": ("ressources", "ou s adresser", "annuaire des ressources", "repertoire des ressources"),
}
# Keys a new row may leave empty: the importer makes the code from the row's name and date.
GENERATED_KEYS = {"structure": "structure_id", "action": "action_id", "meeting": "meeting_id", "event": "event_id",
                  "resource": "resource_id"}
# The column a code is made from; a header without the code column is recognised by it.
NAMING = {"structure": "name", "action": "title", "meeting": "instance_id", "event": "kind", "resource": "name"}

# What each column means, for the template's help sheet (one line each, with an example).
HELP: dict[str, dict[str, tuple[str, str]]] = {
    "structure": {
        "structure_id": ("code de la structure ; laissez vide pour une nouvelle : il est fait à partir du nom", "udaf57"),
        "name": ("nom complet de la structure", "UDAF de la Moselle"),
        "acronym": ("sigle affiché dans l'application", "UDAF"),
        "sector": ("secteur (liste déroulante)", "usagers et aidants"),
        "commune": ("commune", "Metz"),
        "member_since": ("année d'entrée au CLSM", "2021"),
        "parent_id": ("structure dont elle dépend : nom, sigle ou code", "CH Jury"),
    },
    "action": {
        "action_id": ("code de l'action ; laissez vide pour une nouvelle : il est fait à partir du plan et de l'intitulé",
                      "fiche-15"),
        "plan_id": ("plan (liste déroulante) : nom, nom court ou code", "Programme 2022"),
        "axis_id": ("axe du plan : « Axe 2 », son intitulé ou son code", "Axe 2"),
        "theme_id": ("thématique ou groupe de travail", "Jeunes"),
        "title": ("intitulé de l'action", "Ateliers bien-être au lycée"),
        "status": ("statut (liste déroulante)", "mise en œuvre"),
        "porteur_id": ("structure porteuse : nom, sigle ou code", "Ville de Metz"),
        "start_date": ("date de début (JJ/MM/AAAA)", "15/03/2022"),
        "updated_on": ("date de la dernière mise à jour", "18/11/2022"),
    },
    "action_partner": {
        "action_id": ("action : son intitulé, « Fiche 15 » ou son code", "Coordination du CLSM"),
        "structure_id": ("structure qui y prend part : nom, sigle ou code", "ARS Grand Est"),
        "role": ("son rôle : porteur, partenaire, financeur…", "financeur"),
    },
    "meeting": {
        "meeting_id": ("code de la réunion ; laissez vide : il est fait à partir de l'instance et de la date",
                       "copil-2022-03-15"),
        "instance_id": ("instance (liste déroulante)", "Comité de pilotage"),
        "date": ("date : 15/03/2022, « mars 2022 » (au mois) ou « 2022 » (à l'année)", "15/03/2022"),
        "date_precision": ("jour, mois ou année ; déduite de la date si vide", "jour"),
        "mode": ("présentiel, visio ou hybride", "présentiel"),
        "title": ("intitulé", "Comité de pilotage de mars"),
    },
    "attendance": {
        "meeting_id": ("code de la réunion (feuille « réunions » ou déjà dans l'application)", "copil-2022-03-15"),
        "structure_id": ("structure présente : nom, sigle ou code", "UNAFAM"),
        "role_category": ("catégorie (liste déroulante) ; jamais de nom de personne", "aidant"),
        "count": ("nombre de personnes de cette catégorie", "2"),
    },
    "event": {
        "event_id": ("code ; laissez vide : il est fait à partir du type et de l'année", "sism-2022"),
        "kind": ("type d'événement (liste déroulante)", "SISM"),
        "year": ("année ; déduite de la date si vide", "2022"),
        "date": ("date : 10/10/2022, « octobre 2022 » ou « 2022 »", "10/10/2022"),
        "title": ("intitulé", "Santé mentale et environnement"),
        "theme_id": ("thématique", "Culture/loisirs"),
        "participants_count": ("nombre de participants", "120"),
    },
    "indicator_value": {
        "indicator_id": ("code de l'indicateur (voir la fiche action)", "f15-proc-2"),
        "period_label": ("période mesurée", "2022"),
        "value": ("valeur", "12"),
    },
    "resource": {
        "resource_id": ("code ; laissez vide : il est fait à partir du nom", "ecout-emoi"),
        "kind": ("type de ressource (liste déroulante) ; « annuaire » si vide", "annuaire"),
        "name": ("nom du service ou de l'outil", "Écout'Émoi"),
        "structure_id": ("structure qui le propose : nom, sigle ou code", "MDA 57"),
        "publics": ("pour qui", "Jeunes en mal-être"),
        "hours": ("horaires", "sur rendez-vous"),
    },
}


def header_label(table: Table, col: Col) -> str:
    """The French header of a column in templates."""
    if col.label:
        return col.label
    extra = EXTRA_ALIASES.get(table.name, {}).get(col.name)
    return extra[0] if extra else col.name


# Columns of a sign-in sheet that describe a person: never read into attendance (counted per structure and
# category, never by name), whatever an earlier answer said; said once.
PERSON_COLUMNS = ("nom", "prénom", "nom prénom", "prénom nom", "nom et prénom", "nom-prénom", "participant",
                  "e-mail", "email", "mail", "courriel", "adresse mail", "téléphone", "tél", "tel", "portable",
                  "signature", "émargement", "fonction", "poste", "fonction occupée", "adresse de messagerie",
                  "heure de début", "heure de fin")  # a form's respondent and the times of his answer
# a form's consent question (« J'accepte que ma présence soit comptée (sans nom) »): no data of the council
_CONSENT = re.compile(r"^(?:j accepte|j autorise|je consens|consentement|accord pour)")
_PERSON_KEYS = {norm(n) for n in PERSON_COLUMNS}
# what only a person has (a contacts export: « Prénom », « Téléphone mobile », « Adresse de messagerie »): left out of
# every table (« Nom » alone may be a structure's: it is a person's only beside a « Prénom »)
_PERSONAL = re.compile(r"^(?:prenom|deuxieme prenom|second prenom|telephone\b.*|tel\b.*|portable|mobile|"
                       r"e mail\b.*|email\b.*|mail\b.*|courriel\b.*|adresse (?:de )?(?:messagerie|mail|e mail|courriel)\b.*|"
                       r"nom complet de l adresse de messagerie|suffixe|civilite|date de naissance|signature|agent)$")

# A column numbering the rows (« N° » 1, 2, 3…): left out in every table, said once.
# what an online form or survey tool adds to each answer: no data of the council (an IP address is a person's)
FORM_META = ("id de la réponse", "identifiant de la réponse", "numéro de réponse", "n° de réponse", "id réponse",
             "dernière page", "langue de départ", "date de soumission", "horodateur", "horodatage", "adresse ip",
             "jeton", "date de la dernière action", "date de lancement", "graine", "url de référence",
             # a Drupal webform's (Framaforms) submission details
             "numéro de série", "sid", "heure de soumission", "uid", "nom d'utilisateur", "brouillon",
             # a website's directory export (WordPress and the like): publication state and dates
             "post status", "post modified", "post date", "post author", "post type", "post name", "menu order",
             "comment status", "guid", "slug", "tête de série",
             # a Notion or Airtable database's own columns (an English workspace): who made a page and when
             "created by", "created time", "last edited time", "last edited by", "created", "last modified",
             # a mail merge's own columns: to whom the letter goes (a function), how many copies
             "à l'attention de", "a l attention de", "nb ex", "nombre d'exemplaires", "civilité")
_FORM_KEYS = {norm(n) for n in FORM_META}
ROW_NUMBERS = ("n°", "no", "n", "num", "numéro", "n° de ligne", "ligne", "#")


def _aliases(table: Table) -> dict[str, str]:
    """Header -> column: each name written out (unique, checked), then its reduced form (header_key) where
    that names one column only (« événement », the title, and « événements », a count, reduce alike)."""
    out: dict[str, str] = {}
    reduced: dict[str, set[str]] = {}
    for col in table.cols:
        names = {col.name, header_label(table, col), *EXTRA_ALIASES.get(table.name, {}).get(col.name, ())}
        if col.label:
            names.add(col.label)
        for name in names:
            key = norm(name)
            if out.get(key, col.name) != col.name:
                raise ValueError(f"alias {key!r} of {table.name} names two columns")
            out[key] = col.name
            reduced.setdefault(header_key(name), set()).add(col.name)
    for key, cols in reduced.items():
        if len(cols) == 1:
            out.setdefault(key, next(iter(cols)))
    for name in NOTE_HEADERS.get(table.name, ()):
        for key in (norm(name), header_key(name)):
            out.setdefault(key, TO_NOTE)
    for name in ROW_NUMBERS:
        out.setdefault(norm(name), IGNORED)
    for name in FORM_META:
        out.setdefault(norm(name), IGNORED)
    if table.name == "attendance":
        for part, names in MEETING_PARTS.items():
            for name in names:
                for key in (norm(name), header_key(name)):
                    out.setdefault(key, part)
    return out


ALIASES = {name: _aliases(TABLES[name]) for name in IMPORTABLE}
SHEETS = {norm(a): name for name in IMPORTABLE for a in (name, TABLES[name].label, *SHEET_ALIASES.get(name, ()))}


# The words naming a table's own rows: in a header of that table they add nothing (« Jour de la réunion » is the
# meeting's « jour », « Titre de la manifestation » the event's « titre »), and they say which table a sheet holds.
# Not for attendance, whose « réunion » and « structure » are columns of their own.
TABLE_NOUNS: dict[str, tuple[str, ...]] = {
    "meeting": ("reunion", "seance", "rencontre"),
    "event": ("evenement", "manifestation", "session"),
    "action": ("action",),
    "structure": ("structure", "partenaire", "organisme"),
}


def _without_table_noun(table: str, key: str) -> str | None:
    """A reduced header without the words naming its table (« jour reunion » -> 'jour'), None if it has none
    or holds nothing else."""
    words = key.split()
    kept = [w for w in words if w not in TABLE_NOUNS.get(table, ())]
    return " ".join(kept) if kept and len(kept) < len(words) else None


# an attendance form's questions (Microsoft Forms, Google Forms): what each one asks, by its first words
_FORM_QUESTIONS = {"a quelle reunion": "meeting_id", "quelle reunion": "meeting_id", "combien de personnes": "count",
                   "reunion a laquelle": "meeting_id", "nombre de personnes de votre structure": "count",
                   "vous participez en tant que": "role_category", "en tant que": "role_category",
                   "vous etes": "role_category", "un commentaire": "note", "vous participez a": "meeting_id",
                   "vous assistez a": "meeting_id", "reunion concernee": "meeting_id"}


def _one_fills(columns: dict, headers: dict, to_note: dict, i: int, name: str, text: str, second: bool) -> tuple[str, str]:
    """Two headers for one field: the second one (column i, `text`) fills it when `second`, else the first keeps it;
    the other goes to the remark. (header kept, header moved to the remark)."""
    if not second:
        to_note[i] = text
        return headers[name], text
    first = next(j for j, n in columns.items() if n == name)
    columns.pop(first)
    to_note[first] = headers[name]
    columns[i], headers[name] = name, text
    return text, to_note[first]


def _column(rows: list[tuple[int, list]], i: int) -> list:
    """The values of column i of numbered rows (None where a row is shorter)."""
    return [cells[i] if i < len(cells) else None for _, cells in rows]


def _fit_share(col: Col, values: list) -> float:
    """The share of a column's filled values that are values of `col` (a value of its list, a date)."""
    given = [v for v in values if filled(v)]
    if not given:
        return 0.0
    ok = 0
    for v in given:
        try:
            if col.choices:
                match_choice(col, str(v).strip())
            elif not isinstance(v, dt.date):
                parse_date(v, partial=True)
            ok += 1
        except Exception:  # noqa: BLE001, S112 - a value that is none of the field's
            continue
    return ok / len(given)


def _alias_rank(table: str, name: str, text: str) -> int:
    """How exactly a header names a column: 0 for its name or label, then its extra names in order (the first is
    the template's), 99 for a header found otherwise (a remembered mapping, a shortened form)."""
    col = TABLES[table].col(name)
    names = [col.name, col.label or col.name, *EXTRA_ALIASES.get(table, {}).get(name, ())]
    keys = [norm(n) for n in names]
    return next((k for k, n in enumerate(keys) if n == norm(text)), 99)


def column_for(table: str, text: object, remembered: dict | None = None) -> str | None:
    """The column a header names in a table (or TO_NOTE / IGNORED), None when unknown.

    Args:
        remembered: table -> header_key -> column, the mappings the coordinator chose for earlier files.
    """
    if table == "attendance" and (norm(text) in _PERSON_KEYS or _CONSENT.match(norm(text))):
        return IGNORED
    if _PERSONAL.match(norm(text)):  # a person's first name, telephone, e-mail: never kept, in any table
        return IGNORED
    if table == "attendance" and (asked := _FORM_QUESTIONS.get(next((k for k in _FORM_QUESTIONS
                                                                     if (norm(text) + " ").startswith(k + " ")), ""))):
        return asked  # « Combien de personnes de votre structure suivent la réunion sur ce poste ? »: the count
    key = header_key(text)
    mapped = (remembered or {}).get(table, {}).get(key)
    if mapped in (TO_NOTE, IGNORED) or mapped in TABLES[table].col_names:  # a column since removed is forgotten
        return mapped
    found = ALIASES[table].get(norm(text)) or ALIASES[table].get(key)
    if found is None and (short := _without_table_noun(table, key)):
        found = ALIASES[table].get(short)
    if found is None and re.search(r"\([^()]*\)", str(text)):
        # « Date(s) de la session » is « Dates de la session » (« Présent(e) » stays « Présente », no count); a remark
        # in brackets is left out: « Nombre de participants (approximatif) », « Budget (€) »
        bare = re.sub(r"\((e|s|es|x|ne|le|ère|rice|euse)\)", r"\1", str(text), flags=re.IGNORECASE)
        bare = re.sub(r"\([^()]*\)", " ", bare)
        if bare.strip() and norm(bare) != norm(text):
            found = column_for(table, bare, remembered)
    if found is None and re.search(r"[A-Za-zÀ-ÿ]{2}\.", str(text)):
        found = _abbreviated(table, key)  # « Struct. », « Cat. », « Nb part. »: words cut short, one column's
    if found is None and "/" in str(text) and not str(text).strip().startswith("/"):
        # « Ordre du jour / objet »: the first of two names, when it is a column's exactly
        first = str(text).split("/")[0].strip()
        hit = ALIASES[table].get(norm(first)) if first else None
        # a text column only: « Axe / thème » may hold either, and a reference's values must name its rows
        found = hit if hit in TABLES[table].col_names and TABLES[table].col(hit).type in ("str", "text") \
            and not TABLES[table].col(hit).ref and not TABLES[table].col(hit).choices else None
        if hit == "@instance" and ALIASES[table].get(norm(str(text).split("/")[1])) == "@instance":
            found = hit  # « Groupe / instance »: two names of one thing
    if found is None and "_" in str(text) and str(text).replace("_", " ").strip():
        # « DATE_ACT », « NB_PART », « TYPE_ACT »: an old tool's field names, words joined by « _ », often ending with
        # the tool's word for the record (« ACT »)
        spaced = str(text).replace("_", " ").strip()
        found = column_for(table, spaced, remembered)
        if found is None and len(spaced.split()) >= 2:
            words = spaced.split()
            found = column_for(table, " ".join(w + "." if len(w) <= 4 and w.isalpha() else w for w in words),
                               remembered)  # « NB_PART »: « Nb. part. »
            if found is None and norm(words[-1]) in _RECORD_WORDS:
                found = column_for(table, " ".join(words[:-1]), remembered)  # « DATE_ACT »: « DATE »
    if found is None and re.fullmatch(r"(?:nombre de |nb )?(?:presents?|presentes?) ?(?:/|sur )?(?:inscrits?|inscrites?)",
                                      norm(text)) and table in ("attendance", "event"):
        found = "count" if table == "attendance" else "participants_count"  # « Présents/inscrits »: who came
    if found is None and table == "action_partner" and norm(text) in ("fiche", "n fiche", "no fiche", "numero de fiche",
                                                                      "fiche n", "n"):
        found = TO_NOTE  # the action's number beside its title: the title names it, the number kept in the note
    if found is None and table == "event" and header_key(text) in _EVENT_ASIDES:
        found = TO_NOTE  # where a session was held, how many classes: kept in the note with their header
    if found is None and table == "action" and norm(text) in ("etape", "etapes", "etape realisee", "ce qui a ete fait",
                                                              "realise", "ce qui a ete realise", "actions menees"):
        found = TO_NOTE  # a pilot's « Étape » beside the status: what was done, kept in the note of the dated status
    if found is None and table == "meeting" and norm(text) in _MINUTES:
        found = TO_NOTE  # « CR » envoyé / à faire: whether the minutes went out, kept in the note with its header
    if found is None and "note" in TABLES[table].col_names and _NOTE_FIRST.match(norm(text)):
        found = "note"  # « Commentaire pilote », « Remarques du CCAS »: a remark, whoever wrote it
    return found


_RECORD_WORDS = {"act", "action", "actions", "activite", "acti", "evt", "evenement", "manif", "rec", "enr"}
# an event's columns kept in its note; not « Lieu » or « Salle », which a meeting has: an agenda of meetings with its
# places would read as events
_EVENT_ASIDES = {"date j2", "j2", "2e jour", "deuxieme jour", "date j3", "etablissement", "etablissement scolaire",
                 "nombre classe", "classe", "ecole", "college", "lycee"}
_MINUTES = {"cr", "compte rendu", "cr envoye", "compte rendu envoye", "cr diffuse", "compte rendu diffuse"}
_NOTE_FIRST = re.compile(r"^(?:commentaires?|remarques?|observations?|precisions?)\s+\S")


def _day_like(value: object) -> bool:
    """A date, or a day typed without its year (« le 14/03 », « 14 mars »)."""
    if isinstance(value, dt.date):
        return True
    try:
        parse_date(value, partial=False, year=2000)
    except Exception:  # noqa: BLE001 - not a day
        return False
    return True


_OTHER_WORD = {"ref", "ex", "env", "mod", "sept", "oct", "nov", "dec"}  # « Réf. » is a reference, never a référent


def _abbreviated(table: str, key: str) -> str | None:
    """The one column whose known header the header's words begin, word for word (« struct » -> « structure »,
    « nombre part » -> « nombre participant »), each cut word at least two letters; None when none or several."""
    words = key.split()
    if not words or any(len(w) < 2 or w in _OTHER_WORD for w in words):
        return None
    found = {col for k, col in ALIASES[table].items()
             if col != IGNORED  # a software's columns (« graine », « guid ») are never written cut short
             and len(kw := k.split()) == len(words) and all(a.startswith(w) for w, a in zip(words, kw, strict=True))}
    if found == {"participants_count", "partners_count"} and words[-1] == "part":
        found = {"participants_count"}  # « Nb part. » of an event: its participants, as « part. » says in French
    return found.pop() if len(found) == 1 else None


def names_its_table(table: str, text: object) -> bool:
    """Does a header name its table's rows and one of their columns (« Date de la réunion »)?"""
    short = _without_table_noun(table, header_key(text))
    return short is not None and ALIASES[table].get(short) not in (None, TO_NOTE, IGNORED)


@dataclass
class Block:
    """The rows of one table read from a grid: header text by column, then (line, cells) per data row.

    A row's TO_NOTE entry lists (header, value) of the columns whose values go to its note; `unknown`
    lists the headers not recognised, each with its column index and a few of its values.
    """

    table: str
    sheet: str | None
    headers: dict[str, str]  # column name -> header text as written
    rows: list[tuple[int, dict[str, object]]]
    positions: dict[str, int]  # column name -> 0-based column index in the sheet
    unknown: list[tuple[int, str, list]] = field(default_factory=list)
    to_note: list[str] = field(default_factory=list)  # headers whose values go to the note
    header_line: int | None = None  # 1-based line of the header row
    title: str = ""  # the text written above the header (a title line: « Programme d'actions 2022 – suivi »)
    answers: bool = False  # an online form's export: each line one person's answer (two may count one structure)


def loosely(table: str, text: object) -> str | None:
    """The one column whose known header's words are all in a long header, the words naming the table aside
    (« Nom de votre structure » -> name, « Votre structure relève plutôt du secteur : » -> sector), else None:
    the questions of an online form's export, used to find its table (each column is then proposed, and read at
    the first try when its proposal is sure)."""
    if len(header_key(text).split()) < 3 or re.search(r"[;,\t|]", str(text)):
        return None  # a question is a few words; « identifiant;statut » is a line read with the wrong separator
    words = set(header_key(text).split()) - set(TABLE_NOUNS.get(table, ()))
    best: dict[str, int] = {}
    for key, col in ALIASES[table].items():
        kw = set(key.split())
        if col in (TO_NOTE, IGNORED) or col.startswith("@") or not kw or not kw <= words:
            continue
        best[col] = max(best.get(col, 0), len(kw))
    top = max(best.values(), default=0)
    found = [c for c, n in best.items() if n == top]
    return found[0] if len(found) == 1 else None


def _matched(name: str, cells: list[str], remembered: dict | None, loose: bool = False) -> set[str]:
    cols = {column_for(name, c, remembered) or (loosely(name, c) if loose else None) for c in cells}
    if {"@instance", "@date"} <= cols:
        cols.add("meeting_id")
    if name == "action_partner" and any(header_key(c) in ("financeur", "organisme financeur") for c in cells):
        cols.add("role")  # « Action | Financeur »: the header says each structure's role
    return {c for c in cols if c and c not in (TO_NOTE, IGNORED) and not c.startswith("@")}


def find_header(rows: list[list[object]], table: str | None, remembered: dict | None = None,
                *, relaxed: bool = False) -> tuple[int, int, str, list[str]] | None:
    """(score, row index, table, tied tables) of the best header among the first rows, or None.

    A header fits a table when it names the table's key, or (for tables whose code is made on import)
    the column the code is made from and another one, or two columns with one header naming the table
    itself (« Jour de la réunion »: that header also counts one more, so that a sheet of meetings whose
    « Objet » and « Groupe » are also words of actions is read as meetings); a sheet named after its table
    (or chosen on the page) needs one column. `relaxed` (a file where no header fits so): any two columns
    of a table, so that its other headers can be asked about once.
    """
    best = None
    candidates = [table] if table else list(IMPORTABLE)
    for index, row in enumerate(rows[:HEADER_SCAN]):
        cells = [c for c in row if filled(c) and isinstance(c, str)]
        if not cells:
            continue
        scores = []
        for name in candidates:
            matched = _matched(name, cells, remembered, loose=relaxed)
            named = any(names_its_table(name, c) for c in cells)
            t = TABLES[name]
            if name == "attendance" and not table and "structure_id" not in matched:
                continue  # attendance is counted per structure: a header without one is not attendance
            # a sign-in sheet: a person's name or signature beside their structure and category (one line each)
            signs = (name == "attendance" and {"structure_id", "role_category"} <= matched
                     and any(norm(c) in _PERSON_KEYS for c in cells))
            if (set(t.key) <= matched or (NAMING.get(name) in matched and len(matched) >= 2)
                    or (table and matched) or ((relaxed or named) and len(matched) >= 2)
                    or len(matched - {"note"}) >= 4  # four columns of one table say which it is (SISM figures)
                    # a title, a day and a count: sessions held (their kind from their titles or the file's name)
                    or (name == "event" and {"title", "date", "participants_count"} <= matched)
                    # structure, category and count: attendance, its meeting named in the title
                    or (name == "attendance" and {"structure_id", "role_category", "count"} <= matched)
                    or signs):
                scores.append((len(matched) + named + signs, name))
        if not scores:
            continue
        scores.sort(reverse=True)
        top = scores[0][0]
        tied = [n for s, n in scores if s == top]
        if best is None or top > best[0]:
            best = (top, index, tied[0], tied if len(tied) > 1 else [])
    return best


def header_not_found(filename: str, sheet: str | None, table: str | None) -> Issue:
    """The problem of a sheet whose header row is not found."""
    if table:
        t = TABLES[table]
        need = ", ".join(f"« {header_label(t, t.col(k))} »" for k in t.key)
        msg = (
            f"en-tête de la table {t.label} introuvable dans les {HEADER_SCAN} premières lignes "
            f"(colonnes clés : {need})"
        )
    else:
        names = ", ".join(TABLES[n].label for n in IMPORTABLE)
        msg = f"aucune ligne des {HEADER_SCAN} premières lignes n'est un en-tête reconnu (tables importables : {names})"
    return Issue(filename, None, None, msg, sheet, expected="les en-têtes du modèle téléchargeable")


def blocks_from_grids(
    filename: str,
    kind: str,
    grids: list[Grid],
    table: str | dict | None,
    problems: list,
    notes: list[str],
    remembered: dict | None = None,
) -> list[Block]:
    """Turn grids into blocks of rows, adding every header, merge and stray-value problem to `problems`.

    Args:
        table: the table every sheet holds, or sheet name -> table (None for a CSV), or None to guess.
        remembered: table -> header_key -> column chosen by the coordinator for earlier files.
    Raises:
        AmbiguousTableError: a header fits several tables and nothing says which (the page asks).
    """
    def forced_for(sheet: str | None) -> str | None:
        if isinstance(table, dict):
            return table.get(sheet) or (table.get(None) if sheet is None else None)
        return table

    if kind == "csv":
        best = None
        forced = forced_for(None)
        if forced in (None, "meeting"):  # the first reading (separator) where the header is an agenda's
            agenda = next((a for g in grids if (a := _calendar_export(g, [])) is not None), None)
            if agenda is not None:
                grids, forced = [_calendar_export(next(g for g in grids if _calendar_export(g, []) is not None),
                                                  notes)], "meeting"
        if forced in (None, "attendance") and (teams := next((t for g in grids if (t := _teams_report(g, notes))),
                                                             None)):
            grids, forced = [teams], "attendance"
        if forced in (None, "attendance"):  # attendance typed as a tally, by category or by meeting
            for g in sorted(grids, key=lambda g: -max((len(r) for r in g.rows), default=0)):
                crossed = (_wide_attendance(filename, g, problems, notes, remembered)
                           or _meetings_grid(filename, g, notes, remembered))
                if crossed is not None:
                    return [crossed]
        if forced is None:  # one structure's own record of the meetings it went to
            for g in sorted(grids, key=lambda g: -max((len(r) for r in g.rows), default=0)):
                if (own := _own_participation(filename, g, problems, notes, remembered)) is not None:
                    return own
        for relaxed in (False, True):
            for g in grids:
                found = find_header(g.rows, forced, remembered, relaxed=relaxed)
                if found and (best is None or found[0] > best[0][0]):
                    best = (found, g)
            if best is not None:
                break
        if best is None:
            errors = [e for g in grids for e in g.parse_errors]
            if errors and not forced:
                line = grids[0].error_line if grids else None
                problems.append(Issue(filename, line, None, errors[0],
                                      expected="un CSV dont chaque guillemet ouvert est refermé"))
            else:
                problems.append(header_not_found(filename, None, forced))
            return []
        (score, index, name, tied), grid = best
        grid = _month_first(grid, notes)
        if grid.accents:
            notes.append(f"Le fichier : {grid.accents} accent(s) abîmé(s) par un mauvais encodage (« RÃ©sidence », "
                         "« â€“ ») remis comme ils étaient écrits (« Résidence », « – »).")
        if grid.spilled:
            notes.append(f"Le fichier : {len(grid.spilled)} ligne(s) ({', '.join(map(str, grid.spilled[:6]))}"
                         f"{' …' if len(grid.spilled) > 6 else ''}) ont plus de champs que l'en-tête : une virgule tapée "
                         "dans un texte sans guillemets (« …, accueil et écoute ») y est remise.")
        if forced in (None, "action") and (statuses := _dated_status_columns(grid, notes)
                                           or _status_journal(grid, notes) or _status_history(grid, notes)
                                           or _task_export(grid, notes, filename)) \
                and (again := find_header(statuses.rows, forced, remembered, relaxed=True)):
            (_, index, name, tied), grid = again, statuses
        if tied and (said := _table_said(tied, [*(str(c) for r in grid.rows[:index] for c in r if isinstance(c, str)),
                                               filename])):
            name, tied = said, []
        elif not tied and forced is None and (other := _named_instead(
                grid.rows, index, name, [*(str(c) for r in grid.rows[:index] for c in r if isinstance(c, str)),
                                         filename], remembered)):
            notes.append(f"Le fichier : en-tête des tables {TABLES[name].label} et {TABLES[other].label} presque à "
                         f"égalité ; le nom ou le titre du fichier dit {TABLES[other].label}.")
            name = other
        if forced is None and (flat := _flat_split(grid, notes, remembered)):
            out = [_block(filename, g, _header_index(g), t, problems, notes, remembered)
                   for g, t in zip(flat, ("meeting", "attendance"), strict=True)]
            return [b for b in out if b]
        if tied:
            raise _ambiguous(filename, None, tied)
        block = _block(filename, grid, index, name, problems, notes, remembered)
        return [block] if block else []
    blocks, ambiguous, unmatched = [], {}, []
    grids = [part for g in grids for side in (_side_by_side(g, notes) or [g])
             for part in (_stacked(side, remembered, notes) or [side])]
    for grid in grids:
        grid = _cell_extras(grid, notes)
        forced = forced_for(grid.sheet) or SHEETS.get(norm(grid.sheet))
        if not any(any(filled(c) for c in row) for row in grid.rows):
            notes.append(f"Feuille « {grid.sheet} » vide : ignorée.")
            continue
        if forced is None and _budget(grid):
            # « Charges | Montant (€) | Produits | Montant (€) »: a budget or a grant request, no fact the dashboard
            # keeps (an action's budget is the one of its sheet); the sheet is left out, said
            notes.append(f"Feuille « {grid.sheet} » ignorée : un budget (charges et produits, ou dépenses et recettes), "
                         "que le tableau de bord n'enregistre pas.")
            continue
        if forced is None and (flat := _minutes(grid, notes) or _prose_minutes(grid, notes)):
            # minutes pasted from a word processor (their « label | value » lines are no form of one row)
            for g, t in zip(flat, ("meeting", "attendance"), strict=True):
                if (b := _block(filename, g, _header_index(g), t, problems, notes, remembered)) is not None:
                    blocks.append(b)
            continue
        grid = _planned_and_held(_relative_years(_split_cells(_month_first(grid, notes), notes), notes), notes)
        grid = _week_and_day(_from_pdf(grid, notes), notes)
        if forced in (None, "attendance") and (listed := _present_sections(grid, notes)) is not None:
            grid = listed
        if forced in (None, "attendance") and (teams := _teams_report(grid, notes) or _by_sex(grid, notes)
                                                or _of_which(grid, notes) or _pivot_table(grid, notes)):
            grid, forced = teams, "attendance"
        grid = _legend_column(grid, notes)
        grid = _years_beside_days(grid, notes, remembered)
        before = _ticked_columns(_two_level_header(grid, notes), notes)
        grid = _form_as_table(before, notes)
        if grid is not before and (partners := _form_partners(grid, remembered)) is not None:
            # an action's form naming its porteur, partners and funders: partners of that action too
            if (b := _block(filename, partners, _header_index(partners), "action_partner", problems, notes,
                            remembered)) is not None:
                blocks.append(b)
        if forced in (None, "action_partner") and (roles := _role_columns(grid, notes)) is not None:
            grid, forced = roles, "action_partner"
        grid = _transposed(grid, notes, remembered)
        if forced_for(grid.sheet) in (None, "action") and (steps := _action_blocks(grid, notes)) is not grid:
            grid, forced = steps, "action"  # a pilot's follow-up, whatever its sheet's name (« SISM »)
        if forced in (None, "action") and (statuses := _dated_status_columns(grid, notes) or _status_journal(grid, notes)
                                            or _status_history(grid, notes) or _task_export(grid, notes, filename)):
            grid = statuses
        if forced in (None, "resource") and (dotted := _publics_ticked(grid, notes)):
            grid = dotted
        if forced in (None, "indicator_value") and (long := _years_as_rows(grid, notes) or _years_down(grid, notes)):
            grid, forced = long, "indicator_value"
        if forced in (None, "meeting") and (agenda := _calendar_export(grid, notes) or _planning_grid(grid, notes)):
            grid, forced = agenda, "meeting"
        if forced in (None, "event") and (pasted := _pasted_agenda(grid, notes)):
            grid, forced = pasted, "event"
        elif forced is None and (typed := _labelled_blocks(grid, notes)):
            grid = typed
        if forced is None and (flat := _flat_split(grid, notes, remembered)):
            for g, t in zip(flat, ("meeting", "attendance"), strict=True):
                if (b := _block(filename, g, _header_index(g), t, problems, notes, remembered)) is not None:
                    blocks.append(b)
            continue
        if forced is None and (own := _own_participation(filename, grid, problems, notes, remembered)) is not None:
            blocks += own
            continue
        if forced in (None, "attendance") and (wide := _wide_attendance(filename, grid, problems, notes, remembered)):
            blocks.append(wide)
            continue
        if forced in (None, "attendance") and (crossed := _meetings_grid(filename, grid, notes, remembered)
                                                  or _pivot_attendance(grid, notes)
                                                  or _days_listed(grid, notes, remembered)
                                                  or _tallies_in_counts(filename, grid, notes, remembered)):
            blocks.append(crossed)
            continue
        if forced in (None, "action_partner") and (listed := _partners_by_action(grid, notes, remembered)
                                                   or _actions_by_structure(grid, notes, remembered)):
            blocks.append(listed)
            continue
        if forced in (None, "action_partner") and (matrix := _role_matrix(grid, notes, remembered)):
            blocks.append(matrix)
            continue
        found = find_header(grid.rows, forced, remembered)
        if not found:
            if forced:
                problems.append(header_not_found(filename, grid.sheet, forced))
            else:
                unmatched.append(grid)
            continue
        _sheet_block(filename, grid, found, problems, notes, remembered, blocks, ambiguous)
    if unmatched and not blocks and not ambiguous and not problems:
        # no sheet has a header the strict way: one naming any two columns of a table will do, so that its
        # other headers are asked about (once) rather than the whole file refused
        for grid in list(unmatched):
            found = find_header(grid.rows, None, remembered, relaxed=True)
            if found:
                unmatched.remove(grid)
                _sheet_block(filename, grid, found, problems, notes, remembered, blocks, ambiguous)
    for grid in unmatched:
        notes.append(f"Feuille « {grid.sheet} » ignorée : ni son nom ni ses colonnes ne correspondent à une table.")
    if ambiguous:
        sheet, tied = next(iter(ambiguous.items()))
        err = _ambiguous(filename, sheet, tied)
        err.choices = ambiguous
        raise err
    return blocks


def _sheet_block(filename: str, grid: Grid, found: tuple, problems: list, notes: list, remembered: dict | None,
                 blocks: list, ambiguous: dict) -> None:
    """The block of one sheet whose header was found (or its tied tables, to ask), notes said."""
    score, index, tname, tied = found
    if tied and (said := _table_said(tied, [*(str(c) for r in grid.rows[:index] for c in r if isinstance(c, str)),
                                           grid.sheet or "", filename])):
        tname, tied = said, []  # « Réunions CLSM – janvier 2025 » over « Jour | Réunion | Lieu »: meetings
    if tied:
        ambiguous[grid.sheet] = tied
        return
    if not any(any(filled(c) for c in row) for row in grid.rows[index + 1:]):
        notes.append(f"Feuille « {grid.sheet} » : en-tête sans ligne de données, ignorée.")
        return
    if grid.hidden:
        notes.append(f"Feuille « {grid.sheet} » masquée dans le classeur : ses lignes sont importées aussi "
                     "(vérifiez-les ci-dessous).")
    block = _block(filename, grid, index, tname, problems, notes, remembered)
    if block:
        blocks.append(block)


_TABLE_WORDS = {"meeting": ("reunion", "reunions"), "event": ("evenement", "evenements", "manifestation", "manifestations",
                                                           "sism"),
                "attendance": ("presence", "presences", "emargement"), "action": ("action", "actions"),
                "structure": ("partenaire", "partenaires", "annuaire"), "indicator_value": ("indicateur", "indicateurs"),
                "action_partner": ("partenaire", "partenaires", "associes", "porteur", "porteurs", "subvention",
                                   "subventions", "financement", "financements", "financeurs")}
_TABLE_WORDS["event"] += ("session", "sessions", "formation", "formations", "sensibilisation", "sensibilisations", "agenda",
                          "agendas", "webinaire", "webinaires")  # not « ateliers »: a plenary's afternoon workshops


def _named_instead(rows: list[list[object]], index: int, table: str, texts: list[str],
                   remembered: dict | None) -> str | None:
    """Another table whose columns the header names nearly as well (one fewer) and that the title, the sheet's or the
    file's name names (« export_sessions… » over « Date début | Intitulé | Type | Format | Présents | Statut »: the
    sessions are events, not actions), else None."""
    cells = [c for c in rows[index] if filled(c) and isinstance(c, str)]
    best = len(_matched(table, cells, remembered))
    near = [t for t in IMPORTABLE if t != table and t != "attendance"
            and len(_matched(t, cells, remembered)) >= max(best - 1, 3)]
    said = _table_said([table, *near], texts) if near else None
    return said if said and said != table else None


def _table_said(tied: list[str], texts: list[str]) -> str | None:
    """The one of two tables a header fits alike that the title, the sheet's name or else the file's name names
    (« Réunions CLSM – janvier 2025 »), else None."""
    for text in texts:
        words = set(norm(re.sub(r"[_.]", " ", text)).split())
        named = [t for t in tied if words & set(_TABLE_WORDS.get(t, ()))]
        if len(named) == 1:
            return named[0]
        if named:
            return None
    return None


def _ambiguous(filename: str, sheet: str | None, tied: list[str]) -> AmbiguousTableError:
    names = " ou ".join(TABLES[n].label for n in tied)
    return AmbiguousTableError(
        [Issue(filename, None, None, f"en-tête ambigu : il peut s'agir de la table {names}", sheet,
               expected=names)],
        {sheet: tied},
        "Choisissez la table sur la page d'import, nommez la feuille comme la table (par ex. « réunions ») "
        "ou, en ligne de commande, ajoutez --table.",
    )


_GROUP_LINE = re.compile(r"^(groupe|gt|comite de pilotage|copil|assemblee pleniere|pleniere|commission)\b")
_TOTAL = re.compile(r"^(sous )?totau?[lx]( general| des? .*| \d{4}| [a-z]+( [a-z]+)? \d+"
                    r"| (?:par )?(?:reunion|seance|journee|jour|mois|annee|groupe|instance|atelier|session|semaine|"
                    r"trimestre|semestre|periode|edition|structure|categorie)s?)?$|^somme$|^cumul$|^moyennes?( generale)?$")  # « Total réunion »
_FOOTER = re.compile(r"^(sources?|fait a|fait le|etabli|document etabli|mis a jour|mise a jour|realise par|"
                     r"redige par|signe|signature|le coordinat|la coordinat|nb|n b|note|page \d)\b")


def _footer_words(text: str) -> bool:
    """Does a line start like a footer (« Source : », « Fait à Metz », « NB : »)? « Nb de réunions » is a count."""
    m = _FOOTER.match(norm(text))
    if not m:
        return False
    if m.group(1) in ("nb", "n b", "note"):
        return bool(re.match(r"^\s*(?:NB\b|N\.\s?B\.?|(?:nb|note)\s*[:\-–])", text, re.IGNORECASE)
                    and not re.match(r"^\s*nb\s+d", text, re.IGNORECASE))
    return True


def _total_row(cells: list[object]) -> str | None:
    """The text of a TOTAL / « Total général » row (looked for in its first filled cells), else None; also
    « TOTAL budget prévu » when the row's other cells are figures only."""
    given = [c for c in cells if filled(c)]
    for c in given[:3]:
        if isinstance(c, str) and _TOTAL.match(norm(c)):
            return c.strip()
    heads = [c for c in given[:3] if isinstance(c, str) and re.match(r"^(sous )?totau?[lx]\b", norm(c))]
    if heads and all(c is heads[0] or isinstance(c, (int, float)) or re.fullmatch(r"[\d\s.,€%≈~±+-]+", str(c).strip())
                     for c in given):
        return heads[0].strip()
    return None


_MONTH_HEADING = re.compile(r"^(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)"
                            r"\s+((?:19|20)\d\d)$")
_DAY_ALONE = re.compile(r"^(?:(?:lun|mar|mer|jeu|ven|sam|dim)[a-z]*\s+)?(\d{1,2})(?:er)?$")
_PERIOD_HEADING = re.compile(r"^(?:(?:1er|1re|premier|2e|2eme|second|deuxieme|3e|3eme|troisieme|4e|4eme|quatrieme)\s+"
                             r"(?:semestre|trimestre)|[st][1-4]|(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|"
                             r"septembre|octobre|novembre|decembre))(?:\s+(?:19|20)\d\d)?$")


_DITTO_MARKS = {"〃", "\"", "''", "״", "”", "«»", "idem", "id.", "ditto"}


# « test du formulaire, ne pas compter », « TEST coordination »: a line written to try the form, not an answer
_TEST_ROW = re.compile(r"\bne pas (?:compter|prendre en compte|comptabiliser)\b|^test\b")


def _ditto(value: object) -> bool:
    """« idem », « Id. », « 〃 », « " »: the same as the line above."""
    return isinstance(value, str) and value.strip().lower() in _DITTO_MARKS


def _section_row(cells: list[object]) -> bool:
    """A heading between groups of rows (« — SANITAIRE — », « == Institutions == »): one text cell framed by dashes
    or signs, nothing else on the line."""
    texts = [c for c in cells if filled(c)]
    if len(texts) != 1 or not isinstance(texts[0], str):
        return False
    # « SE SOIGNER », « ECOUTE / JEUNES »: words in capitals in the first column, a heading of the rows under it
    capitals = (filled(cells[0]) and texts[0].isupper() and len(re.findall(r"[^\W\d_]{2,}", texts[0])) >= 2)
    return capitals or bool(re.match(r"^\s*[-—–=*#•>]+\s*\S.*?\s*[-—–=*#•<]*\s*$", texts[0]))


def _footer_start(rows: list[tuple[int, list[object]]]) -> int:
    """Index of the first of the lines written under the table (a source, a signature, « Fait à Metz le… »),
    or len(rows) when there are none.

    Footer lines are the trailing rows whose first cell is text starting like « Source : », « Fait à »…, or
    that hold a single text cell with a space in it; they must be set apart from the data by a blank line
    or start with such words. Codes (« p22-03 ») and numbers are never a footer.
    """
    start = len(rows)
    for i in range(len(rows) - 1, 0, -1):  # the first data row is never a footer
        cells = [c for c in rows[i][1] if filled(c)]
        first = cells[0]
        if not isinstance(first, str):
            break
        worded = _footer_words(first)
        if not (worded or (len(cells) == 1 and " " in first.strip())):
            break
        start = i
    if start == len(rows):
        return start
    gap = rows[start][0] - rows[start - 1][0] > 1
    first = next(c for c in rows[start][1] if filled(c))
    return start if gap or _footer_words(first) else len(rows)


def _other_answers(grid: Grid, index: int, notes: list) -> Grid:
    """A survey's « Secteur [Autre] » column beside « Secteur »: where the answer is « Autre », the words written
    in it are the answer; the [Autre] column then goes (its other cells are empty)."""
    header = grid.rows[index]
    pairs = {}
    for i, cell in enumerate(header):
        m = re.match(r"^(.*?)\s*\[\s*autre\s*\]\s*$", str(cell or ""), re.IGNORECASE)
        if m and (j := next((j for j, c in enumerate(header) if filled(c) and norm(c) == norm(m.group(1))), None)) is not None:
            pairs[i] = j
    if not pairs:
        return grid
    rows = [list(r) for r in grid.rows]
    moved = 0
    for row in rows[index + 1:]:
        for i, j in pairs.items():
            if i < len(row) and filled(row[i]) and j < len(row) and norm(row[j]) in ("autre", "autres", ""):
                row[j], row[i] = row[i], None
                moved += 1
    for i in pairs:
        if not any(i < len(r) and filled(r[i]) for r in rows[index + 1:]):
            rows[index][i] = None
    notes.append(f"{_sheet_said(grid)} : {moved} réponse(s) « Autre » "
                 f"précisée(s) dans la colonne « {header[next(iter(pairs))]} » : la précision est retenue.")
    return Grid(grid.sheet, rows, grid.merged, grid.hidden, grid.separators)


def _block(filename: str, grid: Grid, index: int, table: str, problems: list, notes: list | None = None,
           remembered: dict | None = None) -> Block | None:
    """Map the header row to columns and collect the data rows below it (problems added, not raised)."""
    t = TABLES[table]
    notes = notes if notes is not None else []
    grid = _other_answers(grid, index, notes)
    header = grid.rows[index]
    line_of = index + 1  # rows are 1-based in messages, as in the spreadsheet and the text editor
    columns: dict[int, str] = {}
    headers: dict[str, str] = {}
    to_note: dict[int, str] = {}
    parts: dict[str, tuple[int, str]] = {}  # the meeting named by two columns (attendance)
    unknown: dict[int, str] = {}
    ignored: set[int] = set()
    doubles: list[tuple[int, str, str]] = []
    answers = False
    draft_at = None
    personal: list[str] = []  # a person's columns in a table of structures (a contacts export), said once
    for i, cell in enumerate(header):
        if not filled(cell):
            continue
        text = str(cell).strip()
        name = column_for(table, text, remembered)
        if (name == IGNORED and table == "action" and norm(text) in {norm(n) for n in ROW_NUMBERS}
                and "position" not in headers and not _counts_rows(grid.rows[index + 1:], i)):
            name = "position"  # « N° » 1, 3, 4, 13…: the actions' numbers in their plan, not a row count
        contacts = table == "structure" and any(norm(c) in ("prenom", "prenoms") for c in header if filled(c))
        if contacts and norm(text) in ("nom", "fonction", "titre", "service"):
            name = IGNORED  # « Nom » beside « Prénom »: a person's surname (a contacts export), never a structure
        elif contacts and norm(text) in ("categories", "pays region bureau", "pays region", "pays"):
            name = TO_NOTE  # a contacts export's tags (« CLSM;COPIL »), its country: kept in the note
        if name == IGNORED:
            ignored.add(i)
            if table != "attendance" and (_PERSONAL.match(norm(text)) or norm(text) in ("nom", "fonction", "titre",
                                                                                        "service")):
                personal.append(text)
            elif table == "attendance" and norm(text) in _PERSON_KEYS:
                notes.append(f"Colonne « {text} »{_where(grid.sheet)} : elle décrit une personne ; les présences se "
                             "comptent par structure et catégorie, jamais par nom : laissée de côté.")
            elif norm(text) in _FORM_KEYS:
                if norm(text) in ("brouillon", "draft"):
                    draft_at = i  # an answer not sent: no one came by it
                answers = True
                notes.append(f"Colonne « {text} »{_where(grid.sheet)} : donnée technique (formulaire en ligne, site, publipostage), "
                             "laissée de côté.")
            elif norm(text) in {norm(n) for n in ROW_NUMBERS} and header_key(text) not in (remembered or {}).get(table, {}):
                notes.append(f"Colonne « {text} »{_where(grid.sheet)} : numéro de ligne, laissée de côté.")
        elif name == TO_NOTE:
            to_note[i] = text
        elif name is None and norm(text) == "id" and table in ("attendance", "action_partner", "indicator_value") \
                and _counts_rows(grid.rows[index + 1:], i):
            ignored.add(i)  # a form's answer numbers (« ID » 1, 2, 3…): no data of the council
            notes.append(f"Colonne « {text} »{_where(grid.sheet)} : numéro de ligne, laissée de côté.")
        elif name is None and i in grid.hidden_cols:
            ignored.add(i)  # a working column the writer hid (« Vérifié le »): not a field of the table
            notes.append(f"Colonne « {text} »{_where(grid.sheet)} : masquée dans le fichier et inconnue de la table "
                         f"{t.label} : laissée de côté.")
        elif name is None:
            unknown[i] = text
        elif name.startswith("@"):
            parts[name] = (i, text)
        elif name in headers:
            doubles.append((i, name, text))  # said below, unless the first one's values are no values of it
        else:
            columns[i] = name
            headers[name] = text
    headings = set()  # « JANVIER », « MAI — pas de réunion » merged across the table: headings between its rows
    filled_down = 0
    for (r0, c0), (r1, c1) in grid.merged:
        if r1 >= index and r0 == r1 > index and c1 > c0 and r0 < len(grid.rows) \
                and sum(1 for c in grid.rows[r0] if filled(c)) == 1:
            headings.add(r0 + 1)
            continue
        if r0 > index and c0 == c1 and r1 > r0 and r1 < len(grid.rows):
            # one cell merged down over the rows it is about (an action over its partners): its value on each of them
            for r in range(r0 + 1, r1 + 1):
                row = grid.rows[r]
                row.extend([None] * (c0 + 1 - len(row)))
                row[c0] = grid.rows[r0][c0] if c0 < len(grid.rows[r0]) else None
            filled_down += 1
            continue
        if r1 >= index:
            problems.append(Issue(
                filename, r0 + 1, col_letter(c0),
                f"cellules fusionnées ({col_letter(c0)}{r0 + 1}:{col_letter(c1)}{r1 + 1}) "
                "dans le tableau : défusionnez-les et répétez la valeur", grid.sheet,
                expected="une valeur par cellule", col_index=c0))
    if filled_down:
        notes.append(f"{_sheet_said(grid)} : {filled_down} cellule(s) "
                     "fusionnée(s) sur plusieurs lignes : leur valeur vaut pour chacune de ces lignes.")
    if personal:
        notes.append(f"Colonne(s) {', '.join(f'« {h} »' for h in personal)}{_where(grid.sheet)} : elles décrivent "
                     "une personne (nom, fonction, téléphone, adresse électronique) : jamais enregistrées, laissées de "
                     "côté.")
    derived: dict[int, str] = {}  # attendance: a person's function, read as its role category
    present_at: int | None = None  # attendance: a « Présent(e) » column (« excusée » is not counted)
    excused_at: int | None = None  # attendance: an « Excusé(e) » column of ticks
    if table == "attendance":
        for i, cell in enumerate(header):
            key = norm(cell) if filled(cell) else ""
            if "role_category" not in headers and i not in columns and any(
                    w in key.split() for w in ("fonction", "qualite", "poste", "profil", "statut")) or (
                    "role_category" not in headers and i not in columns and key in ("qui", "venu", "venus", "present")
                    and not _counts_column([r[i] for r in grid.rows[index + 1:] if i < len(r)])):
                columns[i], headers["role_category"] = "role_category", str(cell).strip()
                derived[i] = str(cell).strip()
                unknown.pop(i, None)
                ignored.discard(i)
            elif key.replace(" ", "") in ("present", "presente", "presente", "presence", "presents", "presentes") or (
                    key in ("emargement", "statut", "etat") and _marks_presence(grid.rows[index + 1:], i)):
                if columns.get(i) == "count":
                    marks = [r[i] for r in grid.rows[index + 1:] if i < len(r) and filled(r[i])]
                    if not marks or not all(isinstance(v, str) and norm(v) in _YES | _NO for v in marks):
                        continue  # « Présents » 3, 2, 5: the structure's count
                    headers.pop(columns.pop(i))  # « Présent ? » oui / non: one person's presence, not a count
                present_at = i
                unknown.pop(i, None)
                ignored.add(i)
            elif key.replace(" ", "") in ("excuse", "excusee", "excuses", "excusees", "absent", "absente", "absents"):
                excused_at = i  # a box ticked for those who sent their apologies: no one counted on that line
                unknown.pop(i, None)
                ignored.add(i)
    title_group = None  # attendance under a title naming its group, with a date column: the group's meeting that day
    if table == "attendance" and set(parts) == {"@date"}:
        at = next((i for i, n in columns.items() if n == "meeting_id"), None)
        said = [r[at] for r in grid.rows[index + 1:] if at is not None and at < len(r) and filled(r[at])]
        if at is not None and said and not any(re.search(r"\d{1,2}/\d{1,2}/\d{2,4}", str(v)) for v in said):
            # « Réunion » holding the group (« groupe participation citoyenneté ») beside a « Date »: the two name it
            parts["@instance"] = (at, headers.pop("meeting_id"))
            del columns[at]
        elif at is None:
            above = " ".join(str(c).strip() for r in grid.rows[:index] for c in r if isinstance(c, str) and c.strip())
            group = re.split(r"\s[-–—:]\s", above)[0].strip() if above else ""
            if not group:  # no title: the one line under the table naming a group or an instance (« Groupe projets … »)
                under = [str(c).strip() for r in grid.rows[index + 1:] if len(cs := [c for c in r if filled(c)]) == 1
                         for c in cs if isinstance(c, str) and _GROUP_LINE.match(norm(c))]
                group = under[0] if len(under) == 1 else ""
            named_by_file = False
            if not group and filename:  # « presences_GT_logement_2025.csv »: the group the file's name says
                words = re.sub(r"\.[a-z0-9]{2,4}$", "", filename, flags=re.IGNORECASE)
                words = " ".join(w for w in re.split(r"[\s_.-]+", words) if w and not re.fullmatch(
                    r"\d+|pr[ée]sences?|[ée]margements?|listes?|feuilles?|relev[ée]s?|r[ée]cap\w*|tableau|suivi|"
                    r"participants?|export|copie|v\d+|final|def", w, re.IGNORECASE))
                if _GROUP_LINE.match(norm(words)) or re.match(r"^(gt|gp|groupe|copil|pleniere|comite)\b", norm(words)):
                    group, named_by_file = words, True
            if group:
                title_group = group
                parts["@instance"] = (parts["@date"][0],
                                      f"« {group} » ({'nom du fichier' if named_by_file else 'titre'})")
    if len(parts) == 2 and "meeting_id" not in headers:
        headers["meeting_id"] = f"{parts['@instance'][1]} + {parts['@date'][1]}"
        ignored.add(parts["@date"][0])
    else:  # one of the two only, or a meeting column already: an ordinary unknown header
        unknown.update({i: text for i, text in parts.values()})
        parts = {}
    data = [(line, cells) for line, cells in enumerate(grid.rows[index + 1:], start=index + 2)
            if any(filled(c) for i, c in enumerate(cells) if i not in ignored)]  # « 34 » alone: an empty numbered line
    footer = _footer_start(data)
    for k, (_, cells) in enumerate(data[:footer]):  # lines of text under a TOTAL row are under the table too
        rest = data[k + 1:footer]
        if rest and _total_row(cells) is not None and all(
                [isinstance(c, str) for c in r if filled(c)] == [True] for _, r in rest):
            footer = k + 1
            break
    for line, cells in data[footer:]:
        text = " ".join(str(c).strip() for c in cells if filled(c))
        notes.append(f"Ligne {line}{_where(grid.sheet)} (« {_short(text)} ») : ligne écrite sous le tableau "
                     "(source, signature…), laissée de côté.")
    taken = set(columns) | set(unknown) | set(to_note) | ignored | {p[0] for p in parts.values()}
    for i in sorted({i for _, cells in data[:footer] for i, c in enumerate(cells) if filled(c) and i not in taken
                     and not (i < len(header) and filled(header[i]))}):
        said = [cells[i] for _, cells in data[:footer] if i < len(cells) and filled(cells[i])]
        if len(said) >= 2 and all(isinstance(v, str) and re.search(r"[^\W\d_]{3}", v) for v in said):
            # remarks typed beside the table, in a column nobody headed (« reportée du 07/11 »): the note
            to_note[i] = f"remarque (colonne {col_letter(i)})"
            notes.append(f"Colonne {col_letter(i)}{_where(grid.sheet)}, sans en-tête : {len(said)} remarque(s) "
                         "écrite(s) à côté du tableau, ajoutée(s) à la note de leur ligne.")
    for i, name in list(columns.items()):  # « Public » over « agents de la MDPH »: a count's header over words
        said = [cells[i] for _, cells in data[:footer] if i < len(cells) and filled(cells[i])]
        if t.col(name).type in ("int", "float") and _words_only(said) and header_key(headers[name]) in (
                "public", "public vise", "public cible") and "note" in t.col_names:
            to_note[i] = headers.pop(columns.pop(i))  # « Public » over « proches et aidants »: who, not how many
        elif t.col(name).type in ("int", "float") and _words_only(said):
            unknown[i] = headers.pop(columns.pop(i))
        elif name == "title" and said and all(isinstance(v, (int, float)) for v in said) and table == "event":
            unknown[i] = headers.pop(columns.pop(i))  # « Manifestations » 6, 17, 9: a count of them, not a title
        elif (table == "meeting" and name == "instance_id" and "date" not in headers and "@date" not in parts
              and said and all(_day_like(v) for v in said)):
            # « Réunion » over « le 14/03 », « le 13/06 »: the meetings named by their days, the group by the file
            headers["date"] = headers.pop(name)
            columns[i] = "date"
            notes.append(f"Colonne « {headers['date']} »{_where(grid.sheet)} : elle ne donne que des jours, lue comme la "
                         "date de chaque réunion.")
    for i, name, text in doubles:
        if name in headers and name == GENERATED_KEYS.get(table):
            unknown[i] = text  # « id » and « Ancien code »: a second identifier is no code of the dashboard
        elif name in headers and t.col(name).type in ("int", "float") and _words_only(
                [cells[i] for _, cells in data[:footer] if i < len(cells) and filled(cells[i])]):
            unknown[i] = text  # « Public » beside « Nombre de participants »: words, asked about or kept in the note
        elif name in headers and (t.col(name).choices or t.col(name).type == "date") and "note" in t.col_names and (
                shares := (_fit_share(t.col(name), _column(data[:footer], next(j for j, n in columns.items() if n == name))),
                           _fit_share(t.col(name), _column(data[:footer], i))))[0] != shares[1]:
            # « Avancement » in % beside « Statut », « Mois » beside « Date », a tool's « Rôle » (organiser) beside the
            # « Catégorie » typed by hand: the column whose values are the field's fills it, the other goes to the remark
            kept, moved = _one_fills(columns, headers, to_note, i, name, text, shares[1] > shares[0])
            notes.append(f"Colonnes « {kept} » et « {moved} »{_where(grid.sheet)} : la même donnée ({t.col(name).label}) ; "
                         f"les valeurs de « {kept} » sont les siennes, « {moved} » est gardée dans la remarque.")
        elif name in headers and t.col(name).type in ("str", "text") and not t.col(name).choices \
                and "note" in t.col_names and name != "note":
            # « Catégorie » beside « Type de structure »: two free texts for one field. The header that names the
            # field more exactly fills it; the other goes to the remark, said in the report, nothing lost.
            kept, moved = _one_fills(columns, headers, to_note, i, name, text,
                                     _alias_rank(table, name, text) < _alias_rank(table, name, headers[name]))
            notes.append(f"Colonnes « {kept} » et « {moved} »{_where(grid.sheet)} : la même donnée ({t.col(name).label}) ; "
                         f"« {kept} » la remplit, « {moved} » est gardée dans la remarque.")
        elif name in headers:
            problems.append(Issue(filename, line_of, text, f"colonne en double (déjà « {headers[name]} »)",
                                  grid.sheet, found=text, expected="une seule colonne par donnée", col_index=i))
            ignored.add(i)
        else:
            columns[i], headers[name] = name, text
    positions_of = {name: i for i, name in columns.items()}
    if derived:
        notes.append(f"Colonne « {next(iter(derived.values()))} »{_where(grid.sheet)} : la catégorie de chaque personne en "
                     "est déduite (élu pour un maire ou un adjoint, usager pour un adhérent d'un GEM, aidant pour un "
                     "adhérent de l'UNAFAM ou un proche, bénévole, professionnel sinon) ; la fonction n'est pas gardée.")
    rows = []
    carried, carried_lines, dittos, unticked, run_on = None, 0, 0, 0, 0
    date_at = next((i for i, n in columns.items() if n == "date"), None)
    heading_month: tuple[int, int, str] | None = None  # « SEPTEMBRE 2025 » over its days: (year, month, as typed)
    days_in_month: list[str] = []
    for offset, cells in data[:footer]:
        lone_text = [str(c).strip() for c in cells if filled(c)]
        if date_at is not None and len(lone_text) == 1 and (m := _MONTH_HEADING.match(norm(lone_text[0]))):
            heading_month = (int(m.group(2)), MONTHS[m.group(1)], lone_text[0])
        elif (heading_month and date_at is not None and date_at < len(cells) and isinstance(cells[date_at], (str, int))
              and not isinstance(cells[date_at], bool) and (d := _DAY_ALONE.match(norm(cells[date_at])))):
            try:
                day = dt.date(heading_month[0], heading_month[1], int(d.group(1)))
            except ValueError:
                day = None
            if day is not None:  # « mer. 10 » under « SEPTEMBRE 2025 »: 10/09/2025
                if heading_month[2] not in days_in_month:
                    days_in_month.append(heading_month[2])
                    notes.append(f"Ligne {offset}{_where(grid.sheet)} : « {str(cells[date_at]).strip()} », un jour écrit "
                                 f"sans son mois, lu dans le mois de l'intertitre au-dessus (« {heading_month[2]} ») : "
                                 f"{day:%d/%m/%Y} ; de même pour les jours suivants.")
                cells = [*cells[:date_at], day, *cells[date_at + 1:]]
        if offset in headings:
            notes.append(f"Ligne {offset}{_where(grid.sheet)} (« {_short(str(next(c for c in cells if filled(c))).strip())} ») "
                         ": intertitre sur toute la largeur, laissé de côté.")
            continue
        lone = [(i, c) for i, c in enumerate(cells) if filled(c)]
        if (len(lone) == 1 and isinstance(lone[0][1], str) and len(lone[0][1].split()) >= 3 and lone[0][0] in columns
                and t.col(columns[lone[0][0]]).type in ("date", "int", "float") and len(columns) >= 3):
            notes.append(f"Ligne {offset}{_where(grid.sheet)} (« {_short(lone[0][1].strip())} ») : une phrase seule sur la "
                         "ligne, laissée de côté.")  # « Pas de réunion ce mois-ci (ponts de mai) » in the date column
            continue
        if (len(lone) == 1 and isinstance(lone[0][1], str) and _PERIOD_HEADING.match(norm(lone[0][1]))
                and len(columns) + len(unknown) >= 3):
            notes.append(f"Ligne {offset}{_where(grid.sheet)} (« {_short(lone[0][1].strip())} ») : intertitre, laissé de "
                         "côté.")  # « 2e semestre », « Janvier », « T3 » alone on its line between the rows
            continue
        if len(columns) + len(unknown) >= 3 and _section_row(cells):
            notes.append(f"Ligne {offset}{_where(grid.sheet)} (« {_short(str(next(c for c in cells if filled(c))).strip())} ») "
                         ": intertitre, laissé de côté.")
            continue
        if draft_at is not None and draft_at < len(cells) and norm(cells[draft_at]) in ("oui", "yes", "1", "true", "vrai"):
            notes.append(f"Ligne {offset}{_where(grid.sheet)} : réponse en brouillon (jamais envoyée), laissée de côté.")
            continue
        if answers and any(isinstance(c, str) and _TEST_ROW.search(norm(c)) for c in cells):  # a form's trial answer
            notes.append(f"Ligne {offset}{_where(grid.sheet)} : réponse de test (« {_short(next(str(c).strip() for c in cells if isinstance(c, str) and _TEST_ROW.search(norm(c))))} »), "
                         "laissée de côté.")
            continue
        marked = [i for i, c in enumerate(cells) if filled(c)]
        if marked and all((offset - 1, i) in grid.struck for i in marked):
            notes.append(f"Ligne {offset}{_where(grid.sheet)} : barrée dans le fichier (annulée), laissée de côté.")
            continue
        if (rows and len(lone) == 1 and lone[0][0] in columns and isinstance(lone[0][1], str)
                and t.col(columns[lone[0][0]]).type == "text"
                and isinstance(before := rows[-1][1].get(columns[lone[0][0]]), str) and before.strip()):
            # « anonyme et gratuit. » alone under a description cut in the middle (Enter typed for a new line in the
            # cell): the end of the text above, not a row
            rows[-1][1][columns[lone[0][0]]] = f"{before.rstrip()} {lone[0][1].strip()}"
            run_on += 1
            continue
        if norm(next((c for c in cells if filled(c)), "")) in ("exemple", "ex", "exemple de saisie", "exemple a supprimer"):
            notes.append(f"Ligne {offset}{_where(grid.sheet)} : la ligne d'exemple du modèle, laissée de côté.")
            continue
        if lone and all(isinstance(c, str) and norm(c) in ("tous", "toutes", "all") and "(" in c for _, c in lone):
            # « (Tous) » under each header: a report's filter row (Business Objects, Excel), no data
            notes.append(f"Ligne {offset}{_where(grid.sheet)} : ligne de filtres « (Tous) » du rapport, laissée de côté.")
            continue
        total = _total_row(cells)
        if total is not None:
            notes.append(f"Ligne {offset}{_where(grid.sheet)} (« {_short(total)} ») : ligne de total, laissée de côté.")
            continue
        stray = [i for i, c in enumerate(cells) if filled(c) and i not in columns and i not in unknown
                 and i not in to_note and i not in ignored and i not in {p[0] for p in parts.values()}]
        for i in stray:
            problems.append(Issue(filename, offset, col_letter(i), "valeur dans une colonne sans en-tête",
                                  grid.sheet, found=cells[i], expected="une colonne avec un en-tête", col_index=i))
        if present_at is not None and present_at < len(cells) and norm(cells[present_at]) in _ABSENT:
            notes.append(f"Ligne {offset}{_where(grid.sheet)} : « {str(cells[present_at]).strip()} », personne non "
                         "comptée.")
            continue
        if present_at is not None and present_at < len(cells) and (
                cells[present_at] is False or norm(cells[present_at]) in ("false", "faux")):
            unticked += 1  # a checkbox left empty (Google Sheets, Excel): not there
            continue
        if present_at is None and excused_at is not None and excused_at < len(cells) and (
                cells[excused_at] is True or _ticked(cells[excused_at])):
            unticked += 1
            continue
        row = {columns[i]: cells[i] if i < len(cells) else None for i in columns}
        if table == "attendance" and "structure_id" in row and not filled(row["structure_id"]):
            # « Adhérent GEM Camille Claudel » written in the function's column, the structure's left empty
            named = next((m.group(1).strip() for i in sorted(ignored) if i < len(cells) and isinstance(cells[i], str)
                          and (m := _MEMBER_OF.match(cells[i].strip()))), None)
            if named:
                row["structure_id"] = named
                notes.append(f"Ligne {offset}{_where(grid.sheet)} : structure lue dans la fonction (« {_short(named)} »).")
        for name, value in row.items():  # « idem », « 〃 »: the value of the line above
            if _ditto(value) and rows:
                row[name] = rows[-1][1].get(name)
                dittos += 1
        if (table == "attendance" and "structure_id" in headers and not filled(row.get("structure_id"))
                and not filled(row.get("count")) and (words := [str(c).strip() for i, c in enumerate(cells)
                                                                 if filled(c) and isinstance(c, str)
                                                                 and re.search(r"annul|report", norm(c))])):
            # « 14/11/24 … ANNULÉE – reportée en janvier »: a meeting that did not take place counts no one
            notes.append(f"Ligne {offset}{_where(grid.sheet)} (« {_short(words[0])} ») : réunion annulée, personne "
                         "n'est compté ; laissée de côté.")
            continue
        if table in ("event", "meeting") and (words := [str(c).strip() for i, c in enumerate(cells)
                                                        if isinstance(c, str) and i not in columns
                                                        and re.match(r"^(annulee?s?|annulation|cancel+ed)\b",
                                                                     norm(c))]):
            # « annulée (report au 28/05) » in a column of statuses: it did not take place (its twin is on its day)
            notes.append(f"Ligne {offset}{_where(grid.sheet)} (« {_short(words[0])} ») : "
                         f"{'événement annulé' if table == 'event' else 'réunion annulée'}, laissé(e) de côté.")
            continue
        if derived:  # the category a function says; the function itself is not kept (it describes a person)
            at = positions_of.get("structure_id")
            structure = cells[at] if at is not None and at < len(cells) else None
            row["role_category"] = category_of_function(row.get("role_category"), structure)
        if parts:
            pair = [cells[parts[p][0]] if parts[p][0] < len(cells) else None for p in ("@instance", "@date")]
            if title_group is not None:
                pair[0] = title_group if filled(pair[1]) else None
            row["meeting_id"] = _meeting_name(*pair)
            if row["meeting_id"] is None and not any(filled(c) for c in pair):
                row["meeting_id"] = carried  # the meeting written on its first line only: the lines under it
                carried_lines += carried is not None
        group = {"attendance": "meeting_id", "action_partner": "action_id"}.get(table)
        if group and not parts and group in row and not filled(row[group]) and filled(row.get("structure_id")):
            row[group] = carried  # the meeting, or the action, written on its first line only: the lines under it
            carried_lines += carried is not None
        if group and filled(row.get(group)):
            carried = row[group]
        extra = [(h, cells[i]) for i, h in to_note.items() if i < len(cells) and filled(cells[i])]
        if rows and any(_ditto(v) for _, v in extra):
            above = dict(rows[-1][1].get(TO_NOTE) or [])
            dittos += sum(1 for _, v in extra if _ditto(v))
            extra = [(h, above.get(h) if _ditto(v) else v) for h, v in extra]
            extra = [(h, v) for h, v in extra if filled(v)]
        if extra:
            row[TO_NOTE] = extra
        rows.append((offset, row))
    if unticked:
        notes.append(f"{_sheet_said(grid)} : {unticked} ligne(s) dont la case « "
                     f"{str(header[present_at if present_at is not None else excused_at]).strip()} » "
                     f"{'n’est pas cochée' if present_at is not None else 'est cochée'} : personne non comptée.")
    if run_on:
        notes.append(f"{_sheet_said(grid)} : {run_on} ligne(s) ne tenant que la suite du texte de la ligne du dessus "
                     "(retour à la ligne tapé dans la cellule) : rattachée(s) à ce texte.")
    if dittos:
        notes.append(f"{_sheet_said(grid)} : {dittos} cellule(s) « idem » ou « 〃 » lue(s) comme la valeur de la ligne "
                     "du dessus.")
    if carried_lines:
        what = "l'action n'est écrite qu'à la première ligne de ses partenaires" if table == "action_partner" else \
            "la réunion n'est écrite qu'à la première ligne de ses présences"
        notes.append(f"{_sheet_said(grid)} : {what} ; reprise pour les "
                     f"{carried_lines} ligne(s) en dessous.")
    if not rows:  # a month without a meeting in a workbook of months: said; a file with no row at all is refused
        notes.append(f"{_sheet_said(grid)} : aucune ligne de données sous "
                     f"l'en-tête de la table {t.label}.")
        return None
    samples = {i: [cells[i] for _, cells in data[:footer] if i < len(cells) and filled(cells[i])][:20]
               for i in unknown}
    for i in [i for i in unknown if not samples[i]]:  # an unknown header over an empty column: nothing to ask
        notes.append(f"Colonne « {unknown.pop(i)} »{_where(grid.sheet)} vide et non reconnue : ignorée.")
    for i in [i for i in unknown if all(isinstance(v, Uncomputed) for v in samples[i])]:
        # « Évol. 23→24 »: a column of formulas computed from the others, saved without their results
        notes.append(f"Colonne « {unknown.pop(i)} »{_where(grid.sheet)} : calculée par des formules dont le fichier "
                     "n'a pas gardé le résultat, et que le tableau de bord ne garde pas : laissée de côté.")
        ignored.add(i)
    positions = {name: i for i, name in columns.items()}
    if parts:
        positions["meeting_id"] = parts["@instance"][0]
    title = " ".join([*(str(c).strip() for row in grid.rows[:index] for c in row if isinstance(c, str) and c.strip()),
                      grid.above]).strip()
    return Block(table, grid.sheet, headers, rows, positions,
                 [(i, h, samples[i]) for i, h in unknown.items()], list(to_note.values()), line_of, title, answers)


def _stacked(grid: Grid, remembered: dict | None, notes: list | None = None) -> list[Grid] | None:
    """Two tables one under the other in one sheet (« 1. Réunions … » then « 2. Présences par structure »): one grid
    each, the other's lines left blank so that every line keeps its number; None when the sheet holds one table."""
    heads = []
    for i, row in enumerate(grid.rows):
        texts = [c for c in row if isinstance(c, str) and c.strip()]
        if len(texts) < 3 or any(isinstance(c, (int, float)) for c in row if filled(c)):
            continue
        cats = sum(1 for c in texts if _role_category(c))
        if cats >= 2 or find_header([row], None, remembered) is not None:
            if not heads or i > heads[-1] + 1:
                heads.append(i)
    if len(heads) < 2:
        return None
    keys = {tuple(norm(c) for c in grid.rows[h] if filled(c)) for h in heads}
    if len(keys) == 1:
        # one table over several pages (a scanned sign-in sheet): its header and title lines repeated on each page are
        # left out, the table read as one
        rows, left = [list(r) for r in grid.rows], []
        for h in heads[1:]:
            k = h
            while k > heads[0] and (k == h or sum(1 for c in rows[k] if filled(c)) <= 2):
                if any(filled(c) for c in rows[k]):
                    left.append(k + 1)
                rows[k] = [None] * len(rows[k])
                k -= 1
        if notes is not None:
            notes.append(f"{_sheet_said(grid)} : le tableau continue sur une autre page ; son en-tête et ses lignes de "
                         f"titre répétés (ligne(s) {', '.join(map(str, sorted(left)))}) laissés de côté.")
        return [Grid(grid.sheet, rows, grid.merged, grid.hidden, grid.separators, above=grid.above)]
    starts = []
    for h in heads:  # a title line just above a header goes with it
        above = h - 1
        starts.append(above if above >= 0 and sum(1 for c in grid.rows[above] if filled(c)) == 1 else h)
    out = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(grid.rows)
        out.append(Grid(grid.sheet, [list(r) if start <= n < end else [None] * len(r) for n, r in enumerate(grid.rows)],
                        [], grid.hidden))
    return out


def _side_by_side(grid: Grid, notes: list | None = None) -> list[Grid] | None:
    """Two tables side by side in one sheet, empty columns between them, each with its own title line and header
    (« Fiche 15 … » in A-E, « Fiche 32 … » in H-K): one grid each, the other's cells left blank so that every cell
    keeps its line and column. A column of the right table numbering the left one's rows (« Action n° » A1, A2…
    beside « N° | Action ») reads as what those rows name. None when the sheet holds one table."""
    width = max((len(r) for r in grid.rows), default=0)
    if width < 7:
        return None
    used = [any(i < len(r) and filled(r[i]) for r in grid.rows) for i in range(width)]
    runs, start = [], None
    for i, u in enumerate([*used, False]):
        if u and start is None:
            start = i
        elif not u and start is not None:
            runs.append((start, i))
            start = None
    if len(runs) < 2:
        return None

    def cells(row: list, a: int, b: int) -> list:
        return [row[i] if i < len(row) else None for i in range(a, b)]

    heads = []
    for a, b in runs:
        if b - a < 3:
            return None
        head = next((n for n, r in enumerate(grid.rows[:HEADER_SCAN])
                     if sum(1 for c in cells(r, a, b) if filled(c)) >= 3), None)
        titled = head is not None and any(sum(1 for c in cells(r, a, b) if filled(c)) == 1
                                          and isinstance(next(c for c in cells(r, a, b) if filled(c)), str)
                                          for r in grid.rows[:head])
        if head is None or not titled:
            return None
        heads.append(head)
    out = []
    for a, b in runs:
        rows = [[c if a <= i < b else None for i, c in enumerate(r)] for r in grid.rows]
        out.append(Grid(grid.sheet, rows, [m for m in grid.merged if a <= m[0][1] < b], grid.hidden,
                        above=grid.above))
    joined, lookups = [], set()
    for k in range(1, len(out)):  # « Action n° » A1… on the right, « N° | Action » on the left: the names
        left, right, (la, lb), (ra, rb) = out[k - 1], out[k], runs[k - 1], runs[k]
        lh, rh = heads[k - 1], heads[k]
        numbers, named = {}, None
        for i in range(la, lb - 1):
            if not re.fullmatch(r"(n|no|num|numero|#)", norm(left.rows[lh][i]) if i < len(left.rows[lh]) else ""):
                continue
            pairs = [(str(r[i]).strip(), r[i + 1]) for r in left.rows[lh + 1:] if i + 1 < len(r) and filled(r[i])
                     and filled(r[i + 1])]
            if pairs and len({n for n, _ in pairs}) == len(pairs):
                numbers, named = dict(pairs), str(left.rows[lh][i + 1]).strip()
                break
        for j in range(ra, rb):
            values = [str(r[j]).strip() for r in right.rows[rh + 1:] if j < len(r) and filled(r[j])]
            said = sum(1 for v in values if v in numbers)
            if numbers and values and 2 * said > len(values) \
                    and re.search(r"\b(n|no|num|numero)\b", norm(right.rows[rh][j])):
                for r in right.rows[rh + 1:]:
                    if j < len(r) and filled(r[j]) and str(r[j]).strip() in numbers:
                        r[j] = numbers[str(r[j]).strip()]
                joined.append(f"« {str(right.rows[rh][j]).strip()} » lu comme la colonne « {named} » de gauche")
                right.rows[rh][j] = named
                lookups.add(k - 1)
    if notes is not None:
        notes.append(f"{_sheet_said(grid)} : {len(out)} tableaux côte à côte (colonnes "
                     + ", ".join(f"{col_letter(a)}-{col_letter(b - 1)}" for a, b in runs) + ") : lus chacun à part"
                     + (f" ; le numéro de ligne du tableau de gauche ({'; '.join(joined)}) remplacé par ce qu'il "
                        "nomme, et ce tableau-là, qui ne sert qu'à numéroter, laissé de côté" if joined else "") + ".")
    return [g for k, g in enumerate(out) if k not in lookups]


_TWO_COUNTS = ((("h", "hommes", "homme"), ("f", "femmes", "femme")),
               (("sur place", "en salle", "presentiel", "en presentiel", "en presence", "salle"),
                ("en visio", "visio", "a distance", "distanciel", "en distanciel", "en ligne", "teams", "par teams")))
_ABSENT_WORDS = {"excuse", "excusee", "excuses", "excusees", "absent", "absente", "absents", "absentes"}


def _by_sex(grid: Grid, notes: list) -> Grid | None:
    """Attendance counted in two columns beside the structure, « H » and « F » (men, women), often with a « Total »
    formula, or « Sur place » and « En visio » (a hybrid meeting): one count, their sum (an empty cell is 0; a line
    of 0 + 0, or of none but « excusé », is no one). None for any other sheet."""
    for index, row in enumerate(grid.rows[:HEADER_SCAN]):
        keys = [norm(c) if isinstance(c, str) else "" for c in row]
        h = f = None
        for first, second in _TWO_COUNTS:
            h = next((i for i, k in enumerate(keys) if k in first), None)
            f = next((i for i, k in enumerate(keys) if k in second), None)
            if h is not None and f is not None:
                break
        if h is None or f is None or abs(h - f) != 1 \
                or not any(column_for("attendance", c) == "structure_id" for c in row if filled(c)):
            continue
        total = next((i for i, k in enumerate(keys) if k in ("total", "nombre", "nb", "ensemble")), None)
        drop = {f} | ({total} if total is not None else set())
        out = [list(r) for r in grid.rows[:index]]
        out.append([("Nombre" if i == h else c) for i, c in enumerate(row) if i not in drop])
        nobody = excused = 0
        for r in grid.rows[index + 1:]:
            cells = list(r) + [None] * (len(row) - len(r))
            parts = [cells[h], cells[f]]
            numbers = [v for v in parts if isinstance(v, (int, float)) and not isinstance(v, bool)]
            if numbers and all(isinstance(v, (int, float)) or not filled(v) for v in parts) and _total_row(r) is None:
                count = int(sum(numbers))
                if count == 0:  # « 0 | 0 | excusée »: no one came
                    nobody += 1
                    out.append([])
                    continue
                cells[h] = count
            elif not numbers and not any(filled(v) for v in parts) and any(
                    isinstance(c, str) and norm(c) in _ABSENT_WORDS for c in cells):
                excused += 1  # « CCAS | | | excusé »: no count, excused
                out.append([])
                continue
            out.append([c for i, c in enumerate(cells) if i not in drop])
        notes.append(f"{_sheet_said(grid)} : présents comptés en deux colonnes « {str(row[h]).strip()} » et "
                     f"« {str(row[f]).strip()} » : le nombre est leur somme"
                     + (f" (la colonne « {str(row[total]).strip()} » laissée de côté)" if total is not None else "")
                     + (f" ; {nobody} ligne(s) à 0 + 0 : personne" if nobody else "")
                     + (f" ; {excused} ligne(s) sans nombre, excusée(s) : personne" if excused else "") + ".")
        return Grid(grid.sheet, out, [], grid.hidden, grid.separators)
    return None


_BROKEN_WORD = re.compile(r"(?<=[^\W\d_])-\n(?=[a-zà-ÿ])")
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s*)?\d{1,3}\s*/\s*\d{1,3}\s*$", re.IGNORECASE)


def _from_pdf(grid: Grid, notes: list) -> Grid:
    """A table converted from a PDF: words cut by a hyphen at the end of a line inside the cells (« inaugu-\nrale »),
    lines broken inside them (« lun. 6\noct. 2025 »), the pages' numbers (« 1/2 ») as rows. Each cell's lines joined
    (the hyphen of a cut word dropped, « Bernard-\nMarie » kept), the page numbers left out. The grid as it is when
    no cell has a word cut that way."""
    if not any(isinstance(c, str) and _BROKEN_WORD.search(c) for r in grid.rows for c in r):
        return grid
    out, pages = [], 0
    for r in grid.rows:
        lone = [c for c in r if filled(c)]
        if len(lone) == 1 and isinstance(lone[0], str) and _PAGE_NUMBER.match(lone[0]):
            pages += 1
            out.append([])
            continue
        out.append([re.sub(r"\s*\n\s*", " ", re.sub(r"-\n\s*", "-", _BROKEN_WORD.sub("", c))) if isinstance(c, str)
                    else c for c in r])
    notes.append(f"{_sheet_said(grid)} : tableau converti d'un PDF : les lignes coupées dans les cellules sont "
                 "rejointes (les mots coupés par un tiret recollés)"
                 + (f", {pages} numéro(s) de page laissé(s) de côté" if pages else "") + ".")
    return Grid(grid.sheet, out, grid.merged, grid.hidden, grid.separators)


_WEEK = re.compile(r"^(?:s|sem|semaine)\s*(\d{1,2})\s*[-/ ]?\s*((?:19|20)\d\d)$")


def _week_and_day(grid: Grid, notes: list) -> Grid:
    """An agenda giving each day by its ISO week and weekday (« Semaine » « S14 2026 », « Jour » « jeudi »): one
    « Date » column, the day they make (02/04/2026). The grid as it is for any other sheet."""
    for index, row in enumerate(grid.rows[:HEADER_SCAN]):
        keys = [norm(c) if isinstance(c, str) else "" for c in row]
        w = next((i for i, k in enumerate(keys) if k in ("semaine", "sem", "n semaine", "no semaine", "week")), None)
        d = next((i for i, k in enumerate(keys) if k in ("jour", "jour de la semaine")), None)
        if w is None or d is None:
            continue
        out, made = [list(r) for r in grid.rows[:index]], 0
        out.append([("Date" if i == w else c) for i, c in enumerate(row) if i != d])
        for r in grid.rows[index + 1:]:
            cells = list(r) + [None] * (len(row) - len(r))
            m = _WEEK.match(norm(cells[w])) if isinstance(cells[w], str) else None
            day = _WEEKDAYS.get(norm(cells[d]).split(" ")[0]) if isinstance(cells[d], str) and cells[d].strip() else None
            if m and day is not None:
                try:
                    cells[w] = dt.date.fromisocalendar(int(m.group(2)), int(m.group(1)), day + 1)
                    made += 1
                except ValueError:
                    pass
            out.append([c for i, c in enumerate(cells) if i != d])
        if not made:
            return grid
        notes.append(f"{_sheet_said(grid)} : jours donnés par leur semaine et leur jour (« {str(grid.rows[index + 1][w]).strip()} », "
                     f"« {str(grid.rows[index + 1][d]).strip()} ») : {made} date(s) lue(s) dans le calendrier (semaines ISO).")
        return Grid(grid.sheet, out, [], grid.hidden)
    return grid


_SECTION_PRESENT = re.compile(r"^(?:etaient |sont |etait )?(?:presents?|presentes?|assistaient(?: egalement)?|"
                              r"egalement presents?|invites?|participaient|ont participe)\b.*$")
_SECTION_ABSENT = re.compile(r"^(?:etaient |sont |etait )?(?:excuses?|excusees?|absents?|absentes?|non representes?)\b.*$")


def _present_sections(grid: Grid, notes: list) -> Grid | None:
    """Attendance laid out as minutes: a header whose first cell is empty over the structures (« | Nombre |
    Catégorie »), the lines in sections « Étaient présents : », « Étaient excusés : », « Assistaient également : »,
    each structure bulleted « - … »: the present and the guests kept, the excused left out (they did not come);
    None for any other sheet."""
    for index, row in enumerate(grid.rows[:HEADER_SCAN]):
        if not row or filled(row[0]) or not any(column_for("attendance", c) in ("count", "role_category")
                                                for c in row[1:] if filled(c)):
            continue
        out, keep, sections, left = [], None, 0, 0
        for r in grid.rows[index + 1:]:
            lone = [c for c in r if filled(c)]
            if len(lone) == 1 and isinstance(r[0], str) and r[0].strip().endswith(":"):
                key = norm(r[0])
                if _SECTION_PRESENT.match(key):
                    keep, sections = True, sections + 1
                    continue
                if _SECTION_ABSENT.match(key):
                    keep, sections = False, sections + 1
                    continue
            if keep is False:
                left += any(filled(c) for c in r)
                continue
            cells = list(r)
            if cells and isinstance(cells[0], str):
                cells[0] = re.sub(r"^\s*[-–—•·*]\s*", "", cells[0])
            out.append(cells)
        if sections < 1:
            return None
        notes.append(f"{_sheet_said(grid)} : présences écrites comme un compte rendu (« Étaient présents : », "
                     "« Étaient excusés : » …) : les présents et les invités comptés"
                     + (f", {left} ligne(s) d'excusés laissée(s) de côté (ils ne sont pas venus)" if left else "") + ".")
        return Grid(grid.sheet, [list(r) for r in grid.rows[:index]] + [["Structure", *row[1:]]] + out, [],
                    grid.hidden)
    return None


_PIVOT_ROWS = ("etiquettes de lignes", "row labels")
_PIVOT_TOTAL = ("total general", "grand total", "total")


def _pivot_table(grid: Grid, notes: list) -> Grid | None:
    """An Excel pivot table pasted as values (« Étiquettes de lignes | aidant | professionnel | … | Total général »):
    each day a line with its subtotals, the structures of that day under it, a « Groupe | … » filter above. One
    attendance line per structure, category and day; the subtotals and totals left out. None for any other sheet."""
    for index, row in enumerate(grid.rows[:HEADER_SCAN]):
        if not row or not isinstance(row[0], str) or norm(row[0]) not in _PIVOT_ROWS:
            continue
        cats = {i: cat for i, c in enumerate(row) if i and isinstance(c, str) and (cat := _role_category(c))}
        if not cats:
            return None
        group = next((str(r[1]).strip() for r in grid.rows[:index] if len(r) > 1 and isinstance(r[0], str)
                      and column_for("attendance", r[0]) == "@instance" and filled(r[1])), None)
        out = [["Date", "Groupe", "Structure", "Catégorie", "Nombre"]]
        day, days = None, 0
        for r in grid.rows[index + 1:]:
            first = r[0] if r else None
            if not filled(first) or (isinstance(first, str) and norm(first) in _PIVOT_TOTAL):
                continue
            if _day_like(first):
                day, days = first, days + 1  # the day's line: its subtotals are not counted again
                continue
            for i, cat in cats.items():
                n = r[i] if i < len(r) else None
                if isinstance(n, (int, float)) and not isinstance(n, bool) and n > 0:
                    out.append([day, group, first, cat, int(n)])
        if day is None or len(out) == 1:
            return None
        notes.append(f"{_sheet_said(grid)} : tableau croisé dynamique collé en valeurs ({days} jour(s), "
                     f"{', '.join(cats.values())}) : une présence par jour, structure et catégorie ; les sous-totaux "
                     "de chaque jour et les « Total général » laissés de côté"
                     + (f" ; le groupe, « {group} », lu dans le filtre au-dessus." if group else "."))
        return Grid(grid.sheet, out, [], grid.hidden, grid.separators)
    return None


def _of_which(grid: Grid, notes: list) -> Grid | None:
    """A total beside « dont élus », « dont usagers »… (« Nombre de participants | dont élus | dont familles »): one
    line per category named, and the rest of the total the structure's professionals, as French reports count. An
    empty « dont » cell is none. None for any other sheet, or when a « dont » column names no category."""
    for index, row in enumerate(grid.rows[:HEADER_SCAN]):
        keys = [norm(c) if isinstance(c, str) else "" for c in row]
        parts = {i: _role_category(k[5:]) for i, k in enumerate(keys) if k.startswith("dont ")}
        if not parts or None in parts.values() or "role_category" in {column_for("attendance", c) for c in row
                                                                      if filled(c)}:
            continue
        if not any(column_for("attendance", c) == "structure_id" for c in row if filled(c)):
            continue
        total = next((i for i, c in enumerate(row) if i not in parts and filled(c)
                      and column_for("attendance", c) == "count"), None)
        if total is None:
            continue
        out = [list(r) for r in grid.rows[:index]]
        out.append([*(c for i, c in enumerate(row) if i not in parts), "Catégorie"])
        odd = 0
        for r in grid.rows[index + 1:]:
            cells = list(r) + [None] * (len(row) - len(r))
            whole = cells[total]
            given = {i: cells[i] for i in parts if filled(cells[i])}
            if not isinstance(whole, (int, float)) or isinstance(whole, bool) or _total_row(r) is not None or not all(
                    isinstance(v, (int, float)) and not isinstance(v, bool) for v in given.values()):
                out.append([*(c for i, c in enumerate(cells) if i not in parts), None])  # as typed: read, or refused
                continue
            rest = int(whole) - int(sum(given.values()))
            base = [c for i, c in enumerate(cells) if i not in parts]
            for i, n in given.items():
                if int(n) > 0:
                    line = list(base)
                    line[[j for j in range(len(row)) if j not in parts].index(total)] = int(n)
                    out.append([*line, parts[i]])
            if rest > 0:
                line = list(base)
                line[[j for j in range(len(row)) if j not in parts].index(total)] = rest
                out.append([*line, "professionnel"])
            elif rest < 0:
                odd += 1
        heads = ", ".join(f"« {str(row[i]).strip()} » ({cat})" for i, cat in parts.items())
        notes.append(f"{_sheet_said(grid)} : un total par structure (« {str(row[total]).strip()} ») et ce qu'il compte "
                     f"de {heads} : une présence par catégorie nommée, le reste du total compté comme professionnels"
                     + (f" ; {odd} ligne(s) dont le détail dépasse le total : le détail seul est compté" if odd else "")
                     + ".")
        return Grid(grid.sheet, out, [], grid.hidden, grid.separators)
    return None


_TEAMS_SECTION = re.compile(r"^\s*([1-9])\.?\s*(resume|summary|participants|activites en reunion|"
                            r"activites de la reunion|activites|in meeting activities|activities)\s*$")
# what Teams writes of each person: their connection, not the council's data (the name, e-mail and UPN are a person's)
_TEAMS_COLUMNS = {"premiere jointure", "dernier depart", "duree de la reunion", "duree", "e mail", "email",
                  "adresse e mail", "id de participant upn", "id de participant", "upn", "role", "heure de jointure",
                  "heure de depart", "first join", "last leave", "in meeting duration", "participant id upn",
                  "nom", "nom complet", "full name", "name", "premiere participation", "heure de participation",
                  "id du participant upn", "id du participant"}


def _teams_report(grid: Grid, notes: list) -> Grid | None:
    """A Microsoft Teams attendance report as downloaded (« 1. Résumé », « 2. Participants », « 3. Activités en
    réunion »), with the structure and category of each person added by hand at the right: the meeting from the
    summary (its title and day), one line per person of section 2 with what the coordinator added; Teams' own
    columns (name, e-mail, times, Teams role) and section 3 (one line per connection, a person twice when they
    reconnected) left out. None for any other sheet."""
    sections = {}
    for n, r in enumerate(grid.rows):
        first = next((c for c in r if filled(c)), None)
        if isinstance(first, str) and (m := _TEAMS_SECTION.match(norm(first))):
            sections[m.group(2).split()[0]] = n
    people = sections.get("participants")
    if people is None or ("resume" not in sections and "summary" not in sections):
        return None
    summary = {norm(r[0]): r[1] for r in grid.rows[:people] if len(r) >= 2 and filled(r[0]) and filled(r[1])}
    title = next((v for k, v in summary.items() if k in ("titre de la reunion", "meeting title", "titre")), None)
    start = next((v for k, v in summary.items() if k in ("heure de debut", "start time", "debut")), None)
    try:
        day = parse_date(start, partial=False) if start is not None else None
    except Exception:
        day = None
    if not filled(title) or day is None:
        return None
    header = grid.rows[people + 1] if people + 1 < len(grid.rows) else []
    kept = [i for i, c in enumerate(header) if filled(c) and norm(c) not in _TEAMS_COLUMNS]
    if not kept:
        return None
    end = next((n for n in sorted(sections.values()) if n > people), len(grid.rows))
    body = [[r[i] if i < len(r) else None for i in kept] for r in grid.rows[people + 2:end]]
    body = [r for r in body if any(filled(c) for c in r)]
    dropped = [str(header[i]).strip() for i, c in enumerate(header) if filled(c) and i not in kept]
    notes.append(f"{_sheet_said(grid)} : rapport de présence Teams ; réunion lue dans son résumé (« {title} » du "
                 f"{day:%d/%m/%Y}) ; une ligne par personne de la partie « Participants » ({len(body)}), lue par ses "
                 f"colonnes {', '.join(f'« {str(header[i]).strip()} »' for i in kept)} ; colonnes de Teams "
                 f"({', '.join(f'« {d} »' for d in dropped)}) et partie « Activités » (une ligne par connexion) "
                 "laissées de côté.")
    rows = [[f"{title} du {day:%d/%m/%Y}"], [], [header[i] for i in kept], *body]
    return Grid(grid.sheet, rows, [], grid.hidden, grid.separators)


_LINK_WORDS = {"site", "site web", "site internet", "fiche", "lien", "ici", "voir", "web", "page", "en savoir plus",
               "en savoir", "cliquer ici", "url", "internet"}


def _cell_extras(grid: Grid, notes: list) -> Grid:
    """What calamine does not read, put in the cells: a « site » or « fiche » cell's hyperlink as its address; a
    directory's services indented under their establishment (Format > Retrait) given a « Rattachée à » column naming
    it. The grid itself, changed in place."""
    linked = 0
    for (r, c), url in grid.links.items():
        if r < len(grid.rows) and c < len(grid.rows[r]) and isinstance(grid.rows[r][c], str) \
                and norm(grid.rows[r][c]).replace("+", "").strip() in _LINK_WORDS:
            grid.rows[r][c] = url
            linked += 1
    if linked:
        notes.append(f"{_sheet_said(grid)} : {linked} lien(s) (« site », « fiche ») lu(s) comme l'adresse qu'ils "
                     "ouvrent.")
    _colour_legend(grid, notes)
    if not grid.indents:
        return grid
    for index, row in enumerate(grid.rows[:HEADER_SCAN]):
        name = next((i for i, c in enumerate(row) if filled(c) and column_for("structure", c) == "name"), None)
        if name is None or any(column_for("structure", c) == "parent_id" for c in row if filled(c)):
            continue
        levels = {r: grid.indents.get((r, name), 0) for r in range(index + 1, len(grid.rows))
                  if name < len(grid.rows[r]) and filled(grid.rows[r][name])}
        if sum(1 for v in levels.values() if v) < 2:
            return grid
        row.append("Rattachée à")
        chain: list[tuple[int, object]] = []  # (level, name) of the lines above, deepest last
        for r, level in levels.items():
            while chain and chain[-1][0] >= level:
                chain.pop()
            cells = grid.rows[r]
            cells.extend([None] * (len(row) - 1 - len(cells)))
            cells.append(chain[-1][1] if chain and level else None)
            chain.append((level, cells[name]))
        notes.append(f"{_sheet_said(grid)} : services décalés sous leur établissement (retrait de la cellule) : "
                     f"chacun rattaché à la ligne moins décalée au-dessus de lui ({sum(1 for v in levels.values() if v)}"
                     " ligne(s)).")
        return grid
    return grid


def _colour_legend(grid: Grid, notes: list) -> None:
    """Statuses given only by an empty cell's colour (a traffic-light table), decoded by a legend of coloured cells
    each beside its word (« réalisée », « en cours (mise en œuvre) »): the word written in each coloured empty cell
    of the table, in place. Nothing done without such a legend (a colour means nothing by itself)."""
    if not grid.fills:
        return
    col = TABLES["action"].col("status")
    legend: dict[str, str] = {}
    at_legend: set[int] = set()
    for (r, c), colour in grid.fills.items():
        row = grid.rows[r] if r < len(grid.rows) else []
        if c < len(row) and filled(row[c]):
            continue
        beside = next((row[k] for k in range(c + 1, min(len(row), c + 4)) if filled(row[k])), None)
        if not isinstance(beside, str):
            continue
        try:
            word = match_choice(col, re.sub(r"\s*\(.*\)\s*$", "", beside).strip())
        except Exception:
            try:
                word = match_choice(col, re.sub(r"^.*\(|\)\s*$", "", beside).strip())  # « en cours (mise en œuvre) »
            except Exception:
                continue
        if legend.get(colour, word) == word:
            legend[colour] = word
            at_legend.add(r)
    if len(legend) < 2:
        return
    painted = 0
    for (r, c), colour in grid.fills.items():
        if r in at_legend or colour not in legend or r >= len(grid.rows):
            continue
        row = grid.rows[r]
        if c < len(row) and not filled(row[c]) and any(filled(x) for x in row):
            row[c] = legend[colour]
            painted += 1
    for r in at_legend:  # the legend's lines are no rows of the table
        grid.rows[r] = [None] * len(grid.rows[r])
    if painted:
        notes.append(f"{_sheet_said(grid)} : {painted} statut(s) donné(s) par la couleur de la cellule, lu(s) dans la "
                     f"légende des couleurs ({', '.join(dict.fromkeys(legend.values()))}).")


_TWO_DEGREES = re.compile(r"^\s*(-?\d{1,3}[.,]\d+)\s*[,;/ ]\s*(-?\d{1,3}[.,]\d+)\s*$")
_PART_CATEGORY = re.compile(r"^(.*\S)\s*\(([^()]+)\)\s*$")


def _split_cells(grid: Grid, notes: list) -> Grid:
    """Two fields typed in one cell, split into two columns: the coordinates copied from a map (« 49.10652, 6.24418 »
    under « Coordonnées GPS »: latitude, longitude); a structure with its category in brackets (« Ville de Metz
    (élue) » under « Structure (qualité) »); a date in three columns (« Jour | Mois | Année »: 18, mars, 2025) made one.
    The grid itself, or a new one."""
    for index, row in enumerate(grid.rows[:HEADER_SCAN]):
        keys = [norm(c) if isinstance(c, str) else "" for c in row]
        body = grid.rows[index + 1:]
        for i, key in enumerate(keys):
            said = [r[i] for r in body if i < len(r) and filled(r[i])]
            if not said:
                continue
            if re.search(r"\b(gps|coordonnees|lat long|latitude longitude|position)\b", key) and sum(
                    1 for v in said if isinstance(v, str) and _TWO_DEGREES.match(v)) >= 0.8 * len(said):
                rows = [list(r) for r in grid.rows]
                rows[index][i:i + 1] = ["Latitude", "Longitude"]
                for r in rows[index + 1:]:
                    m = _TWO_DEGREES.match(r[i]) if i < len(r) and isinstance(r[i], str) else None
                    if i < len(r):
                        r[i:i + 1] = [float(m.group(1).replace(",", ".")), float(m.group(2).replace(",", "."))] \
                            if m else [None, None]
                notes.append(f"Colonne « {str(row[i]).strip()} »{_where(grid.sheet)} : latitude et longitude dans une "
                             "cellule, lues chacune à sa place.")
                return _split_cells(Grid(grid.sheet, rows, [], grid.hidden, grid.separators, above=grid.above), notes)
            if column_for("attendance", re.sub(r"\(.*\)", "", str(row[i] or "")).strip()) == "structure_id" \
                    and "(" in str(row[i]) and not any(column_for("attendance", c) == "role_category"
                                                       for c in row if filled(c)):
                split = [_PART_CATEGORY.match(v) if isinstance(v, str) else None for v in said]
                if sum(1 for m in split if m and _role_category(m.group(2))) >= 0.6 * len(said):
                    rows = [list(r) for r in grid.rows]
                    rows[index][i:i + 1] = ["Structure", "Catégorie"]
                    for r in rows[index + 1:]:
                        m = _PART_CATEGORY.match(r[i]) if i < len(r) and isinstance(r[i], str) else None
                        if i < len(r):  # « GEM Camille Claudel (adhérents) »: the category their function says
                            r[i:i + 1] = [m.group(1), _role_category(m.group(2))
                                          or category_of_function(m.group(2), m.group(1))] if m else [r[i], None]
                    notes.append(f"Colonne « {str(row[i]).strip()} »{_where(grid.sheet)} : la structure et sa catégorie "
                                 "dans une cellule (« … (élue) »), lues chacune à sa place.")
                    return _split_cells(Grid(grid.sheet, rows, [], grid.hidden, grid.separators, above=grid.above),
                                        notes)
        day = next((i for i, k in enumerate(keys) if k == "jour"), None)
        month = next((i for i, k in enumerate(keys) if k == "mois"), None)
        year = next((i for i, k in enumerate(keys) if k in ("annee", "an")), None)
        if None not in (day, month, year):
            from clsm_data.importing.cells import MONTHS

            def one(r: list, at: tuple = (day, month, year)) -> object:
                d, mo, y = (r[k] if k < len(r) else None for k in at)
                try:
                    m = int(mo) if isinstance(mo, (int, float)) or str(mo).strip().isdigit() else MONTHS[
                        norm(mo).rstrip(".")]
                    return dt.date(int(y), m, int(d))
                except (KeyError, ValueError, TypeError):
                    return None
            dated = [one(r) for r in body if any(filled(c) for c in r)]
            if dated and sum(1 for d in dated if d) >= 0.8 * len(dated):
                drop = {month, year}
                rows = [[("Date" if k == day else c) for k, c in enumerate(row) if k not in drop]]
                for r in body:
                    cells = list(r) + [None] * (len(row) - len(r))
                    value = one(cells) if any(filled(c) for c in r) else None
                    rows.append([(value if k == day and value else c) for k, c in enumerate(cells) if k not in drop])
                notes.append(f"Colonnes « {str(row[day]).strip()} », « {str(row[month]).strip()} », "
                             f"« {str(row[year]).strip()} »{_where(grid.sheet)} : une date en trois colonnes, lue comme "
                             "une date.")
                return Grid(grid.sheet, [list(r) for r in grid.rows[:index]] + rows, [], grid.hidden,
                            grid.separators, above=grid.above)
    return grid


def _planned_and_held(grid: Grid, notes: list) -> Grid:
    """Meetings with a planned day and the day they were held (« Date prévue | Date effective »): the held day is the
    meeting's, the planned one kept in the note; a line whose held day is empty or « annulée » was not held, left
    out and said. The grid itself when it has no such pair of columns."""
    for index, row in enumerate(grid.rows[:HEADER_SCAN]):
        keys = [norm(c) if isinstance(c, str) else "" for c in row]
        planned = next((i for i, k in enumerate(keys) if "date" in k.split() and re.search(
            r"\b(prevue?s?|initiale|previsionnelle|programmee)\b", k)), None)
        held = next((i for i, k in enumerate(keys) if "date" in k.split() and re.search(
            r"\b(effective|reelle|realisee|tenue|retenue|definitive)\b", k)), None)
        if planned is None or held is None:
            continue
        rows = [list(r) for r in grid.rows[:index]]
        rows.append([("Date" if i == held else "Prévue le" if i == planned else c)
                     for i, c in enumerate(row)])
        left = []
        for line, r in enumerate(grid.rows[index + 1:], start=index + 2):
            cells = list(r) + [None] * (len(row) - len(r))
            if any(filled(c) for c in cells) and not isinstance(cells[held], (dt.date, dt.datetime)) \
                    and not re.search(r"\d{1,2}/\d{1,2}", str(cells[held] or "")):
                left.append(line)
                rows.append([])
                continue
            rows.append(cells)
        notes.append(f"{_sheet_said(grid)} : « {str(row[planned]).strip()} » et « {str(row[held]).strip()} » : la "
                     "réunion est à sa date effective, la date prévue gardée dans la note"
                     + (f" ; ligne(s) {', '.join(map(str, left))} sans date effective (annulée, à reprogrammer) : pas "
                        "tenue(s), laissée(s) de côté" if left else "") + ".")
        return Grid(grid.sheet, rows, [], grid.hidden, grid.separators, above=grid.above)
    return grid


_SLASHED = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\s*$")


def _month_first(grid: Grid, notes: list) -> Grid:
    """Dates written month first by a spreadsheet set to English (« 1/20/2026 », « 2/5/2026 »): a column where some
    day can only be the second number and none the first is read month first, every one of its dates (« 2/5/2026 »
    is 5 February there), said. The grid itself when no column is so."""
    width = max((len(r) for r in grid.rows), default=0)
    swapped = []
    rows = grid.rows
    for i in range(width):
        found = [m for r in rows if i < len(r) and isinstance(r[i], str) and (m := _SLASHED.match(r[i]))]
        if len(found) < 2 or any(int(m.group(1)) > 12 for m in found) or not any(int(m.group(2)) > 12 for m in found):
            continue
        if rows is grid.rows:
            rows = [list(r) for r in grid.rows]
        for r in rows:
            if i < len(r) and isinstance(r[i], str) and (m := _SLASHED.match(r[i])):
                r[i] = f"{int(m.group(2)):02d}/{int(m.group(1)):02d}/{m.group(3)}"
        swapped.append(i)
    if not swapped:
        return grid
    notes.append(f"{_sheet_said(grid)} : dates écrites mois d'abord (« 1/20/2026 », tableur réglé en anglais) dans "
                 f"{len(swapped)} colonne(s) : lues comme telles (« 2/5/2026 » est le 05/02/2026).")
    return Grid(grid.sheet, rows, grid.merged, grid.hidden, grid.separators, above=grid.above)


def _relative_years(grid: Grid, notes: list) -> Grid:
    """Year columns headed « N-2 | N-1 | N » under a line giving N (« Année N : 2025 »): headed by their years."""
    base, said_at = None, None
    for n, r in enumerate(grid.rows[:HEADER_SCAN]):
        for k, c in enumerate(r):
            if isinstance(c, str) and re.fullmatch(r"\s*(?:ann[ée]e\s+)?n\s*[:=]?\s*", c, re.IGNORECASE):
                after = next((x for x in r[k + 1:] if filled(x)), None)
                if isinstance(after, (int, float)) and 1990 < after < 2100:
                    base, said_at = int(after), n
            elif isinstance(c, str) and (m := re.fullmatch(r"\s*ann[ée]e\s+n\s*[:=]\s*((?:19|20)\d\d)\s*", c,
                                                           re.IGNORECASE)):
                base, said_at = int(m.group(1)), n
    if base is None:
        return grid
    for index, row in enumerate(grid.rows[:HEADER_SCAN]):
        heads = {i: m for i, c in enumerate(row) if isinstance(c, str)
                 and (m := re.fullmatch(r"\s*n\s*(?:([-+])\s*(\d))?\s*", c, re.IGNORECASE))}
        if len(heads) >= 2:
            rows = [list(r) for r in grid.rows]
            for i, m in heads.items():
                shift = int(m.group(2) or 0) * (-1 if m.group(1) == "-" else 1)
                rows[index][i] = str(base + shift)
            rows[said_at] = [None] * len(rows[said_at])  # « Année N : 2025 », said in the note below
            notes.append(f"{_sheet_said(grid)} : colonnes « N-2 », « N-1 », « N » lues comme les années "
                         f"{base - 2}, {base - 1}, {base} (N = {base}, écrit au-dessus).")
            return Grid(grid.sheet, rows, grid.merged, grid.hidden, grid.separators, above=grid.above)
    return grid


def _header_index(grid: Grid) -> int:
    """The line of a grid made here: the first after its title lines (the lines of one cell)."""
    return next(i for i, r in enumerate(grid.rows) if sum(1 for c in r if filled(c)) >= 2)


def _flat_split(grid: Grid, notes: list, remembered: dict | None) -> list[Grid] | None:
    """An export with one line per meeting, structure and category (« instance | date_reunion | lieu | structure |
    categorie | nb »), the meeting repeated on each line: two grids, the meetings (each once, on the line where
    it first appears; the lines below left blank, so that every line keeps its number) and the attendance
    (instance and day naming the meeting). None for any other sheet."""
    for index, row in enumerate(grid.rows[:HEADER_SCAN]):
        cells = [str(c).strip() if filled(c) else "" for c in row]
        meeting = {column_for("meeting", c, remembered): i for i, c in enumerate(cells) if c}
        presence = {column_for("attendance", c, remembered): i for i, c in enumerate(cells) if c}
        if "role_category" not in presence and {"instance_id", "date"} <= set(meeting) and "structure_id" in presence:
            # « Qui » holding « pro », « usagers », « adhérents usagers » (looked at only where the rest fits)
            for i, c in enumerate(cells):
                if c and i not in {v for k, v in presence.items() if k} and i not in {v for k, v in meeting.items() if k} \
                        and _category_values([r[i] for r in grid.rows[index + 1:] if i < len(r)]):
                    presence["role_category"] = i
                    break
        if not ({"instance_id", "date"} <= set(meeting) and "structure_id" in presence
                and ("count" in presence or "role_category" in presence)):
            continue
        if sum(1 for c in cells if c and _role_category(c)) >= 2:
            return None  # one column per category (« Pro | Usagers | … | Total »): a tally, read as one

        wanted = [("instance_id", "Instance"), ("date", "Date"), ("mode", "Modalité"), ("place", "Lieu"),
                  ("title", "Intitulé")]
        cols = [(meeting[c], label) for c, label in wanted if c in meeting]
        top = [list(r) for r in grid.rows[:index]]
        meetings, seen = [*top, [label for _, label in cols]], set()
        for r in grid.rows[index + 1:]:
            values = [r[i] if i < len(r) else None for i, _ in cols]
            key = (str(values[0]).strip().lower(), str(values[1]).strip())
            meetings.append(values if key not in seen and filled(values[0]) else [None] * len(cols))
            if filled(values[0]):
                seen.add(key)
        keep = [meeting["instance_id"], meeting["date"]] + [presence[c] for c in ("structure_id", "role_category",
                                                                                    "count", "note") if c in presence]
        labels = ["Instance", "Date"] + [("Catégorie" if c == "role_category" else cells[presence[c]])
                                         for c in ("structure_id", "role_category", "count", "note") if c in presence]
        attendance = [*top, labels] + [[r[i] if i < len(r) else None for i in keep] for r in grid.rows[index + 1:]]
        left = [c for i, c in enumerate(cells) if c and i not in {i for i, _ in cols} and i not in keep]
        notes.append(f"{_sheet_said(grid)} : une ligne par réunion, "
                     f"structure et catégorie : lue comme {len(seen)} réunion(s) et leurs présences"
                     + (f" ; colonne(s) {', '.join(f'« {c} »' for c in left)} laissée(s) de côté" if left else "") + ".")
        return [Grid(grid.sheet, meetings, [], grid.hidden), Grid(grid.sheet, attendance, [], grid.hidden)]
    return None


# the people a structure writes it sent, by their function: its members (« Adhérents ») are its users when it is a GEM
# (a mutual-aid group) and its relatives when it is the UNAFAM; its staff (« Animatrice ») professionals
_MEMBERS = ("adherent", "adherente", "membre")
_STAFF = ("animateur", "animatrice", "salarie", "salariee", "educateur", "educatrice", "coordinateur",
          "coordinatrice", "encadrant", "encadrante", "intervenant", "intervenante")
_YES = {"oui", "x", "o", "yes", "present", "presente"}
_NO = {"non", "n", "no", "absent", "absente", "excuse", "excusee", "0"}


def _people_category(header: object, title: str) -> str | None:
    """The role category of a column counting one kind of people (« Usagers », « Adhérents » of a GEM, « Animatrice
    »), else None (a member of a structure the title does not say is a GEM or the UNAFAM is no category said)."""
    if not isinstance(header, str) or not header.strip():
        return None
    if cat := _role_category(header):
        return cat
    words = [w[:-1] if len(w) > 3 and w.endswith(("s", "x")) else w for w in norm(header).split()]
    if len(words) != 1:
        return None
    where = f" {norm(title)} "
    if words[0] in _MEMBERS:
        if " gem " in where or " groupe d entraide" in where:
            return "usager"
        return "aidant" if " unafam " in where else None
    if words[0] in _STAFF:
        return "professionnel"
    return "bénévole" if words[0] == "benevole" else None


# the collaborators of a mayor's cabinet (« Cabinet » beside the elected officials): staff of the town
_CABINET = ("cabinet", "cabinet du maire", "collaborateur de cabinet", "collaborateurs de cabinet",
            "collaborateur du cabinet", "collaborateurs du cabinet", "collaborateur cabinet")


def _people_column(header: object, title: str) -> tuple[str, str | None] | None:
    """(role category, structure named in the header or None) of a column counting one kind of people: « Usagers »,
    « Animatrice » (see _people_category), a category then a structure's name (« Élus Ville », « Élus de
    l'Eurométropole », « Professionnels CH Jury »), or « Cabinet » in a mayor's cabinet's file (« Cabinet du
    Maire » in the title or the header): professionals of the town. None for any other header."""
    if cat := _people_category(header, title):
        return cat, None
    if not isinstance(header, str) or not header.strip():
        return None
    key = norm(header)
    if key in {norm(c) for c in _CABINET} and ("maire" in key.split() or " cabinet du maire " in f" {norm(title)} "):
        return "professionnel", "Cabinet du maire"
    words = header.replace("’", "'").split()
    for k in (1, 2):
        if len(words) > k and (cat := _role_category(" ".join(words[:k]))):
            rest = words[k:]
            while rest and (norm(rest[0]) in LITTLE_WORDS or re.fullmatch(r"[ld]'", rest[0], re.IGNORECASE)):
                rest = rest[1:]
            if rest and re.match(r"^[dl]'", rest[0], re.IGNORECASE):
                rest = [rest[0][2:], *rest[1:]]
            if rest and rest[0][:1].isupper() and norm(rest[0]) not in ("total", "totaux", "nombre", "nb"):
                # a name (« Ville », « CH Jury »), not « présents » nor « Total »
                return cat, " ".join(rest)
            return None
    return None


def _people_count(value: object) -> object:
    """A cell of a column counting people: the number as written (« 3 (dont le président) » read by the planner), 1
    for « oui » (one person, the column's), None for nobody (« non », « — », 0, empty)."""
    if not filled(value) or value == 0 or (isinstance(value, str) and value.strip() in ("-", "–", "—", "/")):
        return None
    if isinstance(value, str) and norm(value) in _YES:
        return 1
    if isinstance(value, str) and norm(value) in _NO:
        return None
    return value


def _counts_column(values: list) -> bool:
    """Are (nearly) all these cells counts of people (« 4 », « 3 (dont le président) ») or « oui » / « non »?"""
    said = [v for v in values if filled(v)]
    fits = sum(1 for v in said if (isinstance(v, (int, float)) and not isinstance(v, bool))
               or (isinstance(v, str) and (norm(v) in _YES | _NO or re.match(r"^\s*[~≈]?\s*\d+\b", v)
                                           or v.strip() in ("-", "–", "—"))))
    return len(said) >= 2 and 5 * fits >= 4 * len(said)


def _day_with_year(value: object, year: int | None) -> object:
    """« 6/02 » with the year the title names -> « 6/02/2024 »; any other cell as it is."""
    if year is None or not isinstance(value, str):
        return value
    m = re.fullmatch(r"\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*", value)
    return f"{int(m.group(1)):02d}/{int(m.group(2)):02d}/{year}" if m else value


_YEAR_HEADS = ("annee", "an")
_WEEKDAYS = {w: n for n, (short, whole) in enumerate((("lun", "lundi"), ("mar", "mardi"), ("mer", "mercredi"),
                                                        ("jeu", "jeudi"), ("ven", "vendredi"), ("sam", "samedi"),
                                                        ("dim", "dimanche"))) for w in (short, whole)}


def _year_of_cell(value: object) -> int | None:
    """2023 or « 2023 » in a year column, else None."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
        value = int(value)
    m = re.fullmatch(r"\s*((?:19|20)\d\d)\s*", str(value)) if filled(value) else None
    return int(m.group(1)) if m else None


def _years_beside_days(grid: Grid, notes: list, remembered: dict | None) -> Grid:
    """Days typed without their year (« Jeudi 18 nov. », « 7/02 ») beside a column « Année » that holds it, often
    written once in a cell merged down over the rows of that year: each day is that day of its row's year (kept
    when a weekday written with it says so). The year column, then said by every date, is left out. The grid as it
    is for any other sheet."""
    found = None
    for line, header in enumerate(grid.rows[:HEADER_SCAN]):
        years = [i for i, c in enumerate(header) if isinstance(c, str) and norm(c) in _YEAR_HEADS]
        days = [i for i, c in enumerate(header) if isinstance(c, str) and c.strip() and i not in years
                and any(column_for(t, c, remembered) == "date" for t in ("meeting", "event"))]
        if len(years) == 1 and len(days) == 1:
            found = line, years[0], days[0]
            break
    if found is None:
        return grid
    index, at_year, at_day = found
    rows = [list(r) for r in grid.rows]
    merged, spread = [], 0
    for (r0, c0), (r1, c1) in grid.merged:
        if c0 == c1 == at_year and r1 > r0 > index:  # the year merged down over its rows: it is each row's
            for r in range(r0 + 1, min(r1, len(rows) - 1) + 1):
                rows[r].extend([None] * (at_year + 1 - len(rows[r])))
                rows[r][at_year] = rows[r0][at_year] if at_year < len(rows[r0]) else None
            spread += 1
        else:
            merged.append(((r0, c0), (r1, c1)))
    dated, redundant = 0, True
    for r in rows[index + 1:]:
        year = _year_of_cell(r[at_year] if at_year < len(r) else None)
        day = r[at_day] if at_day < len(r) else None
        if year is None:
            continue
        try:
            known = parse_date(day, partial=True) if filled(day) else None
        except Exception:
            known = None
        if known is not None:
            redundant &= known.year == year
            continue
        if not isinstance(day, str) or not day.strip():
            redundant = False
            continue
        m = re.fullmatch(r"\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*", day)
        full = f"{int(m.group(1)):02d}/{int(m.group(2)):02d}/{year}" if m else f"{day.strip()} {year}"
        try:
            when = parse_date(full, partial=False)
        except Exception:
            redundant = False
            continue
        weekday = _WEEKDAYS.get(norm(day).split()[0]) if norm(day) else None
        if weekday is not None and weekday != when.weekday():
            redundant = False  # « Jeudi 18 nov. » in a year where the 18th is no Thursday: left as typed, refused
            continue
        r[at_day] = full
        dated += 1
    if not dated:
        return grid
    head = str(grid.rows[index][at_year]).strip()
    notes.append(f"{_sheet_said(grid)} : {dated} jour(s) de la colonne « {str(grid.rows[index][at_day]).strip()} » "
                 f"écrit(s) sans l'année : l'année est celle de la colonne « {head} »"
                 + (" (écrite une fois par bloc de lignes, dans une cellule fusionnée)" if spread else "")
                 + (" ; cette colonne, redite par chaque date, laissée de côté" if redundant else "") + ".")
    if redundant:
        for r in rows[index:]:
            if at_year < len(r):
                r[at_year] = None
    return Grid(grid.sheet, rows, merged, grid.hidden, grid.separators, grid.parse_errors, grid.error_line,
                grid.above)


def _one_year(texts: list[str]) -> int | None:
    """The one year the first of these texts naming any names (the title, else the sheet's or the file's name)."""
    for text in texts:
        years = set(re.findall(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)", text or ""))
        if years:
            return int(years.pop()) if len(years) == 1 else None
    return None


def _own_participation(filename: str, grid: Grid, problems: list, notes: list,
                       remembered: dict | None) -> list[Block] | None:
    """One structure's own record of the meetings it went to (« Date | Réunion | Adhérents | Animatrice »), the
    structure named in the title only (« Participation du GEM L'Albatros aux réunions du CLSM – Année 2024 »), a
    column counting each kind of its people: the meetings, and one attendance row per meeting and category (the
    structure left to the planner, which finds it in the title). None for any other sheet."""
    for index, cells in enumerate(grid.rows[:HEADER_SCAN]):
        meeting = {column_for("meeting", c, remembered): i for i, c in enumerate(cells) if filled(c)}
        if not {"instance_id", "date"} <= set(meeting) or any(
                filled(c) and column_for("attendance", c, remembered) == "structure_id" for c in cells):
            continue
        title = " ".join([*(str(c).strip() for r in grid.rows[:index] for c in r if isinstance(c, str) and c.strip()),
                          grid.above]).strip()
        if not title:  # a structure sending its own record names itself in the file (« GEM_Albatros_participation… »)
            title = " ".join(w for w in re.split(r"[\s_]+", re.sub(r"\.[a-z0-9]{2,4}$", "", filename or "",
                                                                   flags=re.IGNORECASE)) if w)
        if not title:
            return None
        below = grid.rows[index + 1:]
        seen = {i: said for i, c in enumerate(cells) if filled(c)
                and column_for("meeting", c, remembered) in (None, TO_NOTE)
                and (said := _people_column(c, title))
                and _counts_column([r[i] for r in below if i < len(r)])}
        if not seen or len({said[1] is None for said in seen.values()}) > 1:
            return None  # some columns naming their structure, others not: whose are the others? not this layout
        people = {i: cat for i, (cat, _) in seen.items()}
        where = {i: structure for i, (_, structure) in seen.items() if structure}
        rows = [list(r) for r in grid.rows]
        for r in rows[index:]:
            for i in people:
                if i < len(r):
                    r[i] = None
        met = _block(filename, Grid(grid.sheet, rows, grid.merged, grid.hidden, grid.separators, above=grid.above),
                     index, "meeting", problems, notes, remembered)
        if met is None:
            return None
        year = _one_year([title, grid.sheet or "", filename])
        at_instance, at_date = meeting["instance_id"], meeting["date"]
        kept = {line for line, _ in met.rows}
        out = []
        for line, r in enumerate(grid.rows[index + 1:], start=index + 2):
            if line not in kept:
                continue
            name = _meeting_name(r[at_instance] if at_instance < len(r) else None,
                                 _day_with_year(r[at_date] if at_date < len(r) else None, year))
            for i, cat in people.items():
                count = _people_count(r[i] if i < len(r) else None)
                if name is not None and count is not None:
                    out.append((line, {"meeting_id": name, "role_category": cat, "count": count,
                                       **({"structure_id": where[i]} if where else {})}))
        if where:
            heads = ", ".join(f"« {str(cells[i]).strip()} » ({cat}, {where[i]})" for i, cat in people.items())
            notes.append(f"{_sheet_said(grid)} : une ligne par réunion, une colonne par catégorie et structure "
                         f"({heads}) : une présence par réunion, structure et catégorie ; « — » ou une cellule vide "
                         "ne compte personne.")
        else:
            heads = ", ".join(f"« {str(cells[i]).strip()} » ({cat})" for i, cat in people.items())
            notes.append(f"{_sheet_said(grid)} : les réunions auxquelles une structure est allée, une colonne par "
                         f"catégorie de ses participants ({heads}) : une présence par réunion et catégorie ; « oui » "
                         "compte une personne, « non » ou une cellule vide personne ; la structure est celle que nomme "
                         "le titre.")
        headers = {"meeting_id": f"{str(cells[at_instance]).strip()} + {str(cells[at_date]).strip()}",
                   "role_category": " / ".join(str(cells[i]).strip() for i in people),
                   "count": "nombre (cellules " + ", ".join(str(cells[i]).strip() for i in people) + ")"}
        positions = {"meeting_id": at_instance, "role_category": min(people), "count": min(people)}
        if where:
            headers["structure_id"], positions["structure_id"] = "structure (en-tête de colonne)", min(where)
        return [met, Block("attendance", grid.sheet, headers, out, positions, [], [], index + 1, title)]
    return None


_PRESENT_LABELS = ("participants", "presents", "presentes", "presences", "personnes presentes", "etaient presents")
_WHEN_LABELS = ("date", "date et lieu", "date lieu", "quand", "date et heure", "date heure et lieu")


def _minutes(grid: Grid, notes: list) -> list[Grid] | None:
    """Minutes pasted from a word processor: for each meeting a title line (« GROUPE DE TRAVAIL « SITUATIONS DE
    CRISE » »), then « label | value » lines, « Date et lieu : mardi 5 mars 2024 – en visio », « Participants » with
    one line per structure (« • CH Jury : 3 professionnels », « • GEM L'Albatros : 2 adhérents (usagers) »): two grids,
    the meetings and their attendance (each person's category from the words, as a sign-in sheet's function). None
    for any other sheet."""
    blocks, current = [], None
    for line, row in enumerate(grid.rows):
        cells = [c for c in row if filled(c)]
        if len(cells) == 1 and isinstance(cells[0], str) and "\n" not in cells[0]:
            current = {"title": " ".join(cells[0].split()), "line": line, "fields": {}}
            blocks.append(current)
        elif len(cells) == 2 and isinstance(cells[0], str) and current is not None and len(cells[0].split()) <= 5:
            current["fields"][norm(cells[0].rstrip(" :"))] = (line, cells[1])
    blocks = [b for b in blocks if any(k in b["fields"] for k in _PRESENT_LABELS)
              and any(k in b["fields"] for k in _WHEN_LABELS)]
    if len(blocks) < 1:
        return None
    meetings = [["Instance", "Date", "Lieu", "Ordre du jour", "Remarques"]] + [[None] * 5 for _ in grid.rows[1:]]
    attendance = [["Instance", "Date", "Structure", "Catégorie", "Nombre"]] + [[None] * 5 for _ in grid.rows[1:]]
    people = 0
    for b in blocks:
        instance = re.sub(r"[«»\"“”]", " ", b["title"]).strip()
        line, when = next(b["fields"][k] for k in _WHEN_LABELS if k in b["fields"])
        day_text, _, place = ((re.split(r"(\s[–—-]\s|,\s)", when, maxsplit=1) + ["", ""])[:3] if isinstance(when, str)
                              else (when, "", ""))
        try:
            day = parse_date(day_text if isinstance(day_text, str) else when, partial=False)
        except Exception:
            return None
        agenda = next((b["fields"][k][1] for k in ("ordre du jour", "odj", "points abordes", "sujets") if k in b["fields"]),
                      None)
        decided = next((b["fields"][k][1] for k in ("decisions", "decision", "suites", "a retenir") if k in b["fields"]),
                       None)
        meetings[line] = [instance, day, (place or "").strip() or None, agenda,
                          f"Décisions : {decided}" if decided else None]
        at, said = next(b["fields"][k] for k in _PRESENT_LABELS if k in b["fields"])
        row_at = at
        for item in str(said).splitlines():
            for structure, category, n in _participants(item):
                while row_at < len(attendance) and attendance[row_at][0] is not None:
                    row_at += 1
                if row_at >= len(attendance):
                    attendance.append([None] * 5)
                attendance[row_at] = [instance, day, structure, category, n]
                people += 1
    if not people:
        return None
    notes.append(f"{_sheet_said(grid)} : compte rendu collé "
                 f"({len(blocks)} réunion(s), chacune sous son titre, ses participants par structure) : lu comme les "
                 "réunions et leurs présences, la catégorie de chacun d'après les mots écrits (« adhérents », « pro », "
                 "« aidante »…).")
    return [Grid(grid.sheet, meetings, [], grid.hidden), Grid(grid.sheet, attendance, [], grid.hidden)]


def _participants(item: str) -> list[tuple[str, str, int]]:
    """(structure, category, count) of one line of minutes' participants: « • CH Jury : 3 professionnels », « GEM
    L'Albatros : 4 usagers et 1 animateur (professionnel) », « Ville de Metz : 3 (dont 2 élus) » (the others
    professionnels), « ADOMA et AMLI : 2 professionnels chacun »; each category from its words, as on a sign-in
    sheet. [] for any other line."""
    item = item.replace("\u00a0", " ").strip(" •·-*–\t")
    m = re.match(r"^(.+?)\s*[:：]\s*(.+)$", item)
    if not m:
        return []
    who, said = m.group(1).strip(), m.group(2).strip().rstrip(".")
    each = re.search(r"\s+chacune?s?$", said)
    structures = [w.strip() for w in re.split(r",\s*|\s+et\s+", who)] if each else [who]
    said = said[:each.start()] if each else said
    out = []
    whole = re.match(r"^(\d+)\s*\(\s*dont\s+(.+)\)$", said)  # « 3 (dont 2 élus) »
    parts = re.split(r"\s*(?:,|\+|\bet\b)\s*", whole.group(2) if whole else said)
    for structure in structures:
        named = 0
        for part in parts:
            counted = re.match(r"^(\d+)\s+(.+)$", part.strip())
            if not counted:
                continue
            words = counted.group(2).strip()
            inside = re.search(r"\(([^()]+)\)", words)
            category = (category_of_function(inside.group(1), structure) if inside and _role_category(inside.group(1))
                        else category_of_function(re.sub(r"\([^()]*\)", "", words).strip(), structure))
            out.append((structure, category, int(counted.group(1))))
            named += int(counted.group(1))
        if whole and int(whole.group(1)) > named:
            out.append((structure, "professionnel", int(whole.group(1)) - named))
    return out


def _prose_minutes(grid: Grid, notes: list) -> list[Grid] | None:
    """Minutes pasted in one column (« COMPTE RENDU – Assemblée plénière du CLSM », « Mardi 24 juin 2025, 9h30 –
    Hôtel de Ville », « PARTICIPANTS (36) : », then one line per structure): the meeting and its attendance. None
    for any other sheet."""
    lines = [(i, " ".join(str(next(c for c in r if filled(c))).split())) for i, r in enumerate(grid.rows)
             if sum(1 for c in r if filled(c)) == 1 and isinstance(next(c for c in r if filled(c)), str)]
    if len(lines) < 4 or len(lines) < sum(1 for r in grid.rows if any(filled(c) for c in r)):
        return None
    day = day_at = None
    for i, text in lines[:6]:
        head = re.split(r",|\s[–—-]\s|\s\d{1,2}\s*h", text)[0].strip()
        try:
            day, day_at = parse_date(head, partial=False), i
            break
        except Exception:
            continue
    start = next((k for k, (_, t) in enumerate(lines) if re.match(r"^(participants|présents|présences)\b", t, re.I)),
                 None)
    if day is None or start is None:
        return None
    title = next((t for i, t in lines if i < day_at), "")
    instance = re.sub(r"^(compte[ -]rendu|cr|relevé de conclusions)\s*[–—:-]\s*", "", title, flags=re.I).strip()
    meetings = [["Instance", "Date"]] + [[None, None] for _ in grid.rows[1:]]
    attendance = [["Instance", "Date", "Structure", "Catégorie", "Nombre"]] + [[None] * 5 for _ in grid.rows[1:]]
    meetings[day_at] = [instance, day]
    people = 0
    for i, text in lines[start + 1:]:
        found = _participants(text)
        if not found:
            if not text.startswith(("•", "-", "*", "·")):
                break  # « EXCUSÉS : … », « ORDRE DU JOUR »: the participants are over
            continue
        for structure, category, n in found:
            row = i
            while attendance[row][0] is not None:
                row += 1
                if row >= len(attendance):
                    attendance.append([None] * 5)
            attendance[row] = [instance, day, structure, category, n]
            people += 1
    if not people or not instance:
        return None
    notes.append(f"{_sheet_said(grid)} : compte rendu collé en une "
                 f"colonne : la réunion (« {instance} », {day:%d/%m/%Y}) et ses participants par structure, la "
                 "catégorie de chacun d'après les mots écrits ; les excusés ne sont pas comptés.")
    return [Grid(grid.sheet, meetings, [], grid.hidden), Grid(grid.sheet, attendance, [], grid.hidden)]


_CALENDAR = {"objet": "Instance", "date de debut": "Date", "heure de debut": "Heure", "emplacement": "Lieu",
             "description": "Ordre du jour"}


# entries of an agenda that are no meeting held: leave, a slot kept for preparing, a cancelled or moved meeting
_NOT_A_MEETING = re.compile(r"^(?:annule|annulee|annulation|reporte|reportee|cancel)|\b(?:conges?|ferie|rtt|absente?|"
                            r"preparation|prepa|bloquer|perso|dejeuner)\b")


def _calendar_export(grid: Grid, notes: list) -> Grid | None:
    """An agenda exported from Outlook or another calendar (« Objet | Date de début | Heure de début | … |
    Journée entière | … »): one meeting per entry, its instance from the subject (« COPIL CLSM », « GT Jeunes »), its
    day, hour, place and description; the invitees, reminders and the rest are left out (they name people). None
    for any other sheet."""
    if not grid.rows:
        return None
    header = ["date de debut" if norm(c) == "debut" else norm(c) for c in grid.rows[0]]  # Outlook's « Début »
    if not {"objet", "date de debut", "heure de debut", "journee entiere"} <= set(header):
        return None
    at = {label: header.index(key) for key, label in _CALENDAR.items() if key in header}
    out = [[*at, "Modalité", "Titre"]]
    subject = list(at).index("Instance")
    aside = []
    for row in grid.rows[1:]:
        cells = [row[i] if i < len(row) else None for i in at.values()]
        place = norm(cells[list(at).index("Lieu")]) if "Lieu" in at else ""
        said = str(cells[subject] or "").strip()
        online = re.search(r"\b(teams|zoom|visio|visioconference|webex|meet|jitsi)\b", f"{place} {norm(said)}")
        if _NOT_A_MEETING.search(norm(said)):  # « Congés », « Préparation COPIL », « Annulé : GT logement »
            aside.append(said)
            continue
        # « Réunion Teams : GT crise »: the subject after the way it is held
        said = re.sub(r"^(?:r[ée]union\s+)?(?:teams|zoom|visio|webex)\s*:\s*", "", said, flags=re.I)
        # « GT jeunes – repérage du mal-être »: the group, then what the meeting is about (its title)
        # « CLSM - GT Logement », « [CLSM] Groupe projets Jeunes »: the council's own tag aside
        parts = [p.strip(" []()") for p in re.split(r"\s[–—-]\s|\s?:\s|\[clsm\]|\(clsm\)", said, flags=re.I)]
        parts = [p for p in parts if p and norm(p) not in ("clsm", "clsm metz", "conseil local de sante mentale")]
        head, rest = (parts[0] if parts else said), " – ".join(parts[1:])
        cells[subject] = head.strip() or None
        if any(filled(c) for c in cells):
            # its title: what follows the group, or a subject saying more than a group (« Info partenaires SISM 2026 »)
            title = rest.strip() or (said if re.search(r"\d", said) else None)
            out.append([*cells, "visio" if online else None, title])  # « Réunion Microsoft Teams »: held by video
    left = [str(c).strip() for c in grid.rows[0] if filled(c) and norm(c) not in _CALENDAR and norm(c) != "debut"]
    where = f" (feuille « {grid.sheet} »)" if grid.sheet else ""
    notes.append(f"Export d'agenda{where} : une réunion par rendez-vous, l'instance lue dans l'objet ; "
                 f"{len(left)} colonne(s) de l'agenda (participants, rappels…) laissée(s) de côté : elles peuvent "
                 "nommer des personnes."
                 + (f" {len(aside)} rendez-vous qui ne sont pas des réunions tenues ({', '.join(f'« {a} »' for a in aside)}) "
                    "laissé(s) de côté." if aside else ""))
    return Grid(grid.sheet, out, [], grid.hidden, grid.separators)


# a website's agenda pasted line by line: « 📅 Mardi 7 octobre 2025 · 18h30 », « 📍 Cinéma Klub, Metz »
_AGENDA_DAY = re.compile(r"^\s*📅\s*(.+?)(?:\s*[·•|–-]\s*(\d{1,2}\s*h.*))?\s*$")
_AGENDA_PLACE = re.compile(r"^\s*📍\s*(.+?)\s*$")
_ORGANISED_BY = re.compile(r"organis[ée]e?s?\s+par\s*:?\s*(.+)$", re.IGNORECASE)


def _organisers(text: str) -> str:
    """« le GEM L'Albatros, le GEM Camille Claudel et le CH Jury » -> « GEM L'Albatros, GEM Camille Claudel, CH Jury »."""
    parts = re.split(r"\s*,\s*|\s+et\s+", text.strip().rstrip("."))
    return ", ".join(re.sub(r"^(?:les\s+|le\s+|la\s+|l['’]\s*)", "", p.strip(), flags=re.IGNORECASE)
                     for p in parts if p.strip())


def _pasted_agenda(grid: Grid, notes: list) -> Grid | None:
    """Events copied from a website's agenda into one column, each a block of lines (its title, « 📅 day · hour »,
    « 📍 place », « kind · access · Organisé par : … », « En savoir plus »): one event per block, laid out as a
    programme (« Date | Horaire | Type d'action | Intitulé | Lieu | Structure(s) organisatrice(s) »), the lines above
    the first block kept as its title (the edition, its theme). None for any other sheet."""
    lines = []
    for r in grid.rows:
        texts = [c for c in r if filled(c)]
        if len(texts) > 1:
            return None
        lines.append(" ".join(str(texts[0]).replace("\u00a0", " ").replace("\u202f", " ").split()) if texts else "")
    days = [k for k, line in enumerate(lines) if _AGENDA_DAY.match(line)]
    if len(days) < 2:
        return None
    out, above = [], []
    first_title = next((k for k in range(days[0] - 1, -1, -1) if lines[k]), None)
    above = [[line] for line in lines[:first_title] if line] if first_title is not None else []
    header = ["Date", "Horaire", "Type d'action", "Intitulé", "Lieu", "Structure(s) organisatrice(s)", "Accès"]
    for n, k in enumerate(days):
        end = days[n + 1] - 1 if n + 1 < len(days) else len(lines)
        title = next((lines[j] for j in range(k - 1, -1, -1) if lines[j]), None)
        m = _AGENDA_DAY.match(lines[k])
        block = [line for line in lines[k + 1:end] if line]
        place = next((pm.group(1) for line in block if (pm := _AGENDA_PLACE.match(line))), None)
        about = next((line for line in block if "·" in line and not _AGENDA_PLACE.match(line)), "")
        bits = [b.strip() for b in about.split("·") if b.strip()]
        organised = next((_organisers(om.group(1)) for b in bits if (om := _ORGANISED_BY.search(b))), None)
        kind = bits[0] if bits and not _ORGANISED_BY.search(bits[0]) else None
        access = "; ".join(b for b in bits[1:] if not _ORGANISED_BY.search(b)) or None
        out.append([m.group(1).strip(), (m.group(2) or "").strip() or None, kind, title, place, organised, access])
    notes.append(f"Agenda copié d'un site{_where(grid.sheet)} : un événement par bloc de lignes (titre, « 📅 » jour et "
                 f"heure, « 📍 » lieu, type et organisateurs) : {len(out)} événement(s) ; les liens « En savoir plus » "
                 "laissés de côté.")
    return Grid(grid.sheet, [*above, header, *out], [], grid.hidden, grid.separators)


_LABELLED = re.compile(r"^([^\W\d_][\w' ’()/.-]{0,40}?)\s*:\s*(.+)$")


def _labelled_blocks(grid: Grid, notes: list) -> Grid | None:
    """Records typed as in a word processor, in one column: a title line, then « Date : 14/01/2025 », « Lieu : … »,
    « Participants : 34 », a blank line between two records. One row per record, its labels as the header
    (« Intitulé » for the title). None unless two records at least share their labels (a minutes' list of structures,
    « • CH Jury : 3 », is not this)."""
    lines = []
    for r in grid.rows:
        texts = [c for c in r if filled(c)]
        if len(texts) > 1:
            return None
        lines.append(" ".join(str(texts[0]).split()) if texts else "")
    records, current = [], []
    for line in [*lines, ""]:
        if line:
            current.append(line)
        elif current:
            records.append(current)
            current = []
    if len(records) < 2:
        return None
    heads: list[str] = []
    rows = []
    for record in records:
        title, *rest = record
        pairs = [_LABELLED.match(line) for line in rest]
        if _LABELLED.match(title) or len(pairs) < 2 or not all(pairs):
            return None
        row = {"Intitulé": title}
        for m in pairs:
            label = m.group(1).strip()
            if label in row:
                return None
            row[label] = m.group(2).strip()
            if label not in heads:
                heads.append(label)
        rows.append(row)
    if len(heads) > 8 or any(sum(label in row for row in rows) * 2 < len(rows) for label in heads):
        return None  # labels that do not come back record after record: not one table
    notes.append(f"{_sheet_said(grid)} : {len(rows)} fiche(s) écrite(s) comme dans un traitement de texte (un titre, "
                 f"puis {', '.join(f'« {h} : … »' for h in heads)}) : lue(s) comme un tableau, une ligne par fiche.")
    return Grid(grid.sheet, [["Intitulé", *heads], *[[row.get(h) for h in ["Intitulé", *heads]] for row in rows]],
                [], grid.hidden, grid.separators)


# A task manager's export (Microsoft Planner, Kanboard, Trello…): the task's title, where it stands, when it was done
_TASK_ID = ("id de tache", "numero de la tache", "id de la tache", "numero de tache", "card id", "task id")
_TASK_TITLE = ("nom de tache", "titre", "nom de la tache", "nom de la carte", "title", "task name")
_TASK_DONE = ("date d achevement", "date de completion", "date de fin reelle", "completed", "date completion")
_TASK_STAGE = ("progression", "colonne", "liste", "etat", "column", "list")
_TASK_GROUP = ("swimlane", "nom du compartiment", "compartiment", "couloir", "bucket name")
_TASK_TAGS = ("etiquettes", "labels", "tags")
# where a task stands -> the action's status (a task closed while still among the ideas: abandoned)
_TASK_STATUS = {"terminee": "réalisée", "termine": "réalisée", "fait": "réalisée", "done": "réalisée",
                "completed": "réalisée", "en cours": "mise en œuvre", "in progress": "mise en œuvre",
                "en preparation": "conception", "a preparer": "conception", "non demarree": "idée", "a faire": "idée",
                "idees": "idée", "idee": "idée", "backlog": "idée", "to do": "idée", "en pause reporte": "reportée",
                "en pause": "reportée", "reporte": "reportée", "reportee": "reportée", "abandonne": "abandonnée",
                "abandonnee": "abandonnée"}
_CHORES = {"logistique", "administratif", "divers", "interne", "organisation interne", "taches courantes"}


def _a_day(value: object) -> dt.date | None:
    """The day a cell gives (« 14/05/2024 », « 12/05/2025 16:40 », a date), else None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not filled(value):
        return None
    text = re.sub(r"\s+\d{1,2}[:h]\d{2}(?::\d{2})?$", "", str(value).strip())
    try:
        day = parse_date(text, partial=False)
    except Exception:  # noqa: BLE001 - any cell that is no day: no day
        return None
    return day if isinstance(day, dt.date) else None


def _task_export(grid: Grid, notes: list, filename: str = "") -> Grid | None:
    """A task manager's export (« ID de tâche | Nom de tâche | … | Progression | … | Date d'achèvement »): one action
    per task, its title the task's name, its status where the task stands (« Terminée », the board's column), dated
    by the day it was completed, else by the export's day (a « Date de l'exportation » line above, or the day in
    the file's name). The tasks of a chores lane (« Logistique ») are no actions: left out, said. None for any other
    sheet."""
    for index, row in enumerate(grid.rows[:HEADER_SCAN]):
        keys = [norm(c) if isinstance(c, str) else "" for c in row]
        at = {what: next((i for i, k in enumerate(keys) if k in names), None)
              for what, names in (("id", _TASK_ID), ("title", _TASK_TITLE), ("done", _TASK_DONE),
                                  ("stage", _TASK_STAGE), ("group", _TASK_GROUP), ("tags", _TASK_TAGS))}
        if None in (at["id"], at["title"], at["stage"]):
            continue
        closed = next((i for i, k in enumerate(keys) if k == "statut"), None)  # Kanboard's « Ouvert » / « Fermé »
        exported = None
        for r in grid.rows[:index]:
            cells = [c for c in r if filled(c)]
            if len(cells) >= 2 and isinstance(cells[0], str) and "export" in norm(cells[0]):
                exported = _a_day(cells[1])
        if exported is None and (m := re.search(r"(20\d\d)-(\d\d)-(\d\d)", filename or "")):
            exported = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        out = [["Intitulé de l'action", "Statut", "Date de mise à jour"]]
        chores, unknown = [], []
        for r in grid.rows[index + 1:]:
            cells = list(r) + [None] * (len(row) - len(r))
            title = cells[at["title"]]
            if not filled(title):
                continue
            if at["group"] is not None and norm(cells[at["group"]]) in _CHORES:
                chores.append(str(title).strip())
                continue
            stage = norm(cells[at["stage"]])
            status = _TASK_STATUS.get(stage)
            if status == "idée" and closed is not None and norm(cells[closed]) in ("ferme", "fermee", "closed"):
                status = "abandonnée"  # closed while still an idea
            if status is None:
                unknown.append(str(cells[at["stage"]]).strip())
            done = _a_day(cells[at["done"]]) if at["done"] is not None else None
            day = done if status in ("réalisée", "abandonnée") and isinstance(done, dt.date) else exported
            out.append([str(title).strip(), status, day])
        if len(out) == 1:
            return None
        notes.append(f"Export d'un gestionnaire de tâches{_where(grid.sheet)} : une action par tâche, lue à son nom ; son "
                     "statut est où en est la tâche, daté du jour où elle a été terminée, sinon du jour de l'export"
                     + (f" ({exported:%d/%m/%Y})" if exported else "") + "."
                     + (f" {len(chores)} tâche(s) de logistique laissée(s) de côté ({', '.join(f'« {c} »' for c in chores)})."
                        if chores else "")
                     + (f" État(s) sans statut connu : {', '.join(dict.fromkeys(f'« {u} »' for u in unknown))}." if unknown else ""))
        return Grid(grid.sheet, out, [], grid.hidden, grid.separators)
    return None


# « Avancement au 31/12/2023 », « Statut au 30/06/2024 », « État d'avancement le 15/12/2022 »
_DATED_STATUS = re.compile(r"^\s*(?:avancement|statut|état|etat|état d'avancement|etat d'avancement|situation)\s+"
                           r"(?:au|le|à fin|fin)\s+(\d{1,2})/(\d{1,2})/(\d{4})\s*$", re.IGNORECASE)


def _dated_status_columns(grid: Grid, notes: list) -> Grid | None:
    """Actions whose status is given once per dated column (« Avancement au 31/12/2023 | Avancement au
    31/12/2024 »): one row per action and day, its status dated by its column's header, so that each becomes a
    dated status of the action and the latest its status. A cell saying nothing (« — », empty) dates nothing.
    None for any other sheet."""
    for index, row in enumerate(grid.rows[:HEADER_SCAN]):
        dated = {}
        for i, c in enumerate(row):
            if isinstance(c, str) and (m := _DATED_STATUS.match(c)):
                try:
                    dated[i] = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
                except ValueError:
                    return None
        spans = {} if dated else _status_spans(grid, index, row)
        dated = dated or {i: period.end for i, period in spans.items()}
        others = [i for i, c in enumerate(row) if i not in dated and filled(c)]
        if not dated or not others:
            continue
        legend = _status_legend(grid.rows[index + 1:]) if spans else {}
        out = [list(r) for r in grid.rows[:index]] + [[row[i] for i in others] + ["Statut", "Date de mise à jour"]]
        for r in grid.rows[index + 1:]:
            cells = list(r) + [None] * (len(row) - len(r))
            given = [(legend.get(str(cells[i]).strip(), cells[i]), day) for i, day in dated.items()
                     if filled(cells[i]) and not _not_given(cells[i])]
            for value, day in given or [(None, None)]:
                out.append([cells[i] for i in others] + [value, day])
        if spans:
            notes.append(f"Colonnes {', '.join(f'« {str(row[i]).strip()} »' for i in dated)}{_where(grid.sheet)} : un "
                         "statut par période, daté de son dernier jour ; chacun devient un statut daté de l'action, le "
                         "plus récent son statut ; une case vide ne change rien"
                         + (f" ; codes lus dans la légende ({', '.join(f'{k} = {v}' for k, v in legend.items())})"
                            if legend else "") + ".")
        else:
            notes.append(f"Colonnes {', '.join(f'« {str(row[i]).strip()} »' for i in dated)}{_where(grid.sheet)} : un "
                         "statut par date ; chacun devient un statut daté de l'action, le plus récent son statut.")
        return Grid(grid.sheet, out, [m for m in grid.merged if m[1][0] < index], grid.hidden, grid.separators)
    return None


_ARROW = re.compile(r"^\s*(.+?)\s*(?:→|->|=>|⇒|>)\s*(.+?)\s*$")


def _status_journal(grid: Grid, notes: list) -> Grid | None:
    """A journal of status changes (« Date | Action | Changement de statut », « idée → conception »): each line a
    dated status, the status after the arrow, dated by the line's date (the one before is history, kept in the
    note). None for any other sheet."""
    col = TABLES["action"].col("status")

    def status(text: str) -> str | None:
        try:
            return match_choice(col, text)
        except Exception:
            return None

    for index, row in enumerate(grid.rows[:HEADER_SCAN]):
        if not any(column_for("action", c) == "title" for c in row if filled(c)):
            continue
        body = grid.rows[index + 1:]
        for i in range(len(row)):
            said = [r[i] for r in body if i < len(r) and filled(r[i])]
            pairs = [m for v in said if isinstance(v, str) and (m := _ARROW.match(v))]
            if not said or len(pairs) < max(2, (4 * len(said) + 4) // 5) \
                    or not all(status(m.group(2)) for m in pairs):
                continue
            day = next((j for j, c in enumerate(row) if j != i and filled(c) and norm(c) in ("date", "le", "jour",
                                                                                          "date du changement")), None)
            if day is None:
                return None
            header = [("Statut" if j == i else "Date de mise à jour" if j == day else c) for j, c in enumerate(row)]
            header.append("Statut précédent")
            out = [list(r) for r in grid.rows[:index]] + [header]
            for r in body:
                cells = list(r) + [None] * (len(row) - len(r))
                m = _ARROW.match(cells[i]) if isinstance(cells[i], str) else None
                before = m.group(1) if m else None
                if m:
                    cells[i] = m.group(2)
                out.append(cells[:len(row)] + [before])
            notes.append(f"Colonne « {str(row[i]).strip()} »{_where(grid.sheet)} : un changement de statut par ligne "
                         f"(« {pairs[0].group(0).strip()} ») ; le statut après la flèche est daté par la colonne "
                         f"« {str(row[day]).strip()} », celui d'avant gardé dans la note.")
            return Grid(grid.sheet, out, [m for m in grid.merged if m[1][0] < index], grid.hidden, grid.separators)
    return None


def _status_history(grid: Grid, notes: list) -> Grid | None:
    """A history of statuses, one line per action and date (« Action | Mois | Statut »: the same action on several
    lines, « septembre 2023 », « mars 2024 »): the date column read as the day of each status. None for any other
    sheet (an action on one line only, or no date beside the status)."""
    for index, row in enumerate(grid.rows[:HEADER_SCAN]):
        named = {column_for("action", c): i for i, c in enumerate(row) if filled(c)}
        if "title" not in named or "status" not in named or "updated_on" in named:
            continue
        at = named["title"]
        body = [r for r in grid.rows[index + 1:] if at < len(r) and filled(r[at])]
        titles = [norm(r[at]) for r in body]
        if len(set(titles)) == len(titles):
            return None
        for i, c in enumerate(row):
            if i in named.values() and column_for("action", c) not in (None, TO_NOTE):
                continue
            said = [r[i] for r in body if i < len(r) and filled(r[i])]
            dated = sum(1 for v in said if isinstance(v, (dt.date, dt.datetime)) or _a_month_or_day(v))
            if said and dated >= 0.8 * len(body) and norm(c or "") in ("mois", "date", "le", "quand", "periode", ""):
                rows = [list(r) for r in grid.rows]
                rows[index][i] = "Date de mise à jour"
                notes.append(f"{_sheet_said(grid)} : un statut par action et par date (historique) : la colonne "
                             f"« {str(c).strip()} » date chaque statut.")
                return Grid(grid.sheet, rows, grid.merged, grid.hidden, grid.separators, above=grid.above)
        return None
    return None


def _a_month_or_day(value: object) -> bool:
    try:
        return parse_date(value, partial=True) is not None
    except Exception:
        return False


def _status_spans(grid: Grid, index: int, row: list) -> dict:
    """The columns of a header that are periods (« T1 2025 | T2 2025 », « 1er trim. 2025 », « S2 2024 ») holding
    statuses or their short codes (« MO », « R », « réalisée »), two at least beside an action's title; {} else."""
    from clsm_data.importing.cells import parse_span

    spans = {i: p for i, c in enumerate(row) if isinstance(c, str) and re.search(r"\b(?:19|20)\d\d\b", c)
             and (p := parse_span(c)) is not None}
    if len(spans) < 2 or not any(column_for("action", c) == "title" for c in row if filled(c)):
        return {}
    values = [r[i] for r in grid.rows[index + 1:] for i in spans if i < len(r) and filled(r[i])]
    if not values or any(not isinstance(v, str) or len(v.strip()) > 30 or re.search(r"\d", v) for v in values):
        return {}
    return spans


def _legend_column(grid: Grid, notes: list) -> Grid:
    """A legend typed in a column at the right of the table (« Légende statut » over « 1 = idée », « 2 = en
    conception »…): the codes of the column it names (« Statut ») written out, the legend left out. Any other sheet
    is returned as it is."""
    for index, row in enumerate(grid.rows[:HEADER_SCAN]):
        at = next((i for i, c in enumerate(row) if isinstance(c, str) and norm(c).startswith("legende")), None)
        if at is None:
            continue
        named = norm(row[at])[len("legende"):].strip()
        target = next((i for i, c in enumerate(row) if i != at and isinstance(c, str) and named
                       and norm(c) == named), None)
        codes = {}
        for r in grid.rows[index + 1:]:
            cell = r[at] if at < len(r) else None
            if isinstance(cell, str) and (m := re.match(r"^\s*([0-9A-Za-z]{1,4})\s*[=:]\s*(.+?)\s*$", cell)):
                codes[m.group(1)] = m.group(2)
        if target is None or len(codes) < 2:
            return grid
        rows = [list(r) for r in grid.rows]
        rows[index][at] = None
        written = 0
        for r in rows[index + 1:]:
            if at < len(r):
                r[at] = None
            if target < len(r) and filled(r[target]):
                key = str(int(r[target])) if isinstance(r[target], float) and r[target].is_integer() else str(r[target]).strip()
                if key in codes:
                    r[target] = codes[key]
                    written += 1
        notes.append(f"{_sheet_said(grid)} : légende à droite du tableau (« {str(row[at]).strip()} » : "
                     f"{', '.join(f'{k} = {v}' for k, v in codes.items())}) : {written} code(s) de la colonne "
                     f"« {str(row[target]).strip()} » lus en toutes lettres ; la légende laissée de côté.")
        return Grid(grid.sheet, rows, grid.merged, grid.hidden, grid.separators, above=grid.above)
    return grid


def _status_legend(rows: list[list]) -> dict[str, str]:
    """« Légende : I = idée ; C = conception ; MO = mise en œuvre … » under a table: code -> the status it stands for
    (a status of the action list only)."""
    col = TABLES["action"].col("status")
    for r in rows:
        for c in r:
            if isinstance(c, str) and (m := re.match(r"^\s*l[ée]gende\s*:?\s*(.+)$", c, re.IGNORECASE | re.S)):
                out = {}
                for part in re.split(r"\s*[;,]\s*|\.\s+", m.group(1)):
                    if (pair := re.match(r"^\s*([A-Za-zÀ-ÿ]{1,4})\s*[=:]\s*(.+?)\s*\.?$", part)):
                        try:
                            out[pair.group(1)] = match_choice(col, pair.group(2))
                        except Exception:  # « Case vide = pas de changement »: no status
                            continue
                return out
    return {}


# a planning's cell: « 5 », « 5 et 26 », « 24 (visio) », « 3, 17 », « 12/26 »
_PLANNED_DAY = re.compile(r"(\d{1,2})(?:er)?\s*(?:\(([^()]*)\))?")
_PLANNED_CELL = re.compile(r"^\s*\d{1,2}(?:er)?\s*(?:\([^()]*\))?(?:\s*(?:et|,|;|/|&|-)\s*\d{1,2}(?:er)?\s*(?:\([^()]*\))?)*\s*$",
                           re.IGNORECASE)


def _planning_grid(grid: Grid, notes: list) -> Grid | None:
    """A year's planning of the instances (« Instance | janv. | févr. | … | déc. »): one row per instance, one column
    per month, the day(s) of each meeting in the cell (« 5 et 26 », « 24 (visio) »). One meeting per day, its year the
    one the title or the sheet's name gives (none: not read, the days would have no year); a remark in brackets
    naming a way of meeting (« visio ») is its modality, any other is kept in its note. The legend and lines under
    the grid are left out, said in the report. None for any other sheet."""
    from clsm_data.importing.cells import MONTHS

    def months_of(row: list) -> dict[int, int]:
        found = {i: MONTHS[norm(c)] for i, c in enumerate(row) if isinstance(c, str) and norm(c) in MONTHS}
        return found if len(found) >= 6 and len(set(found.values())) == len(found) else {}

    index = next((k for k, row in enumerate(grid.rows[:HEADER_SCAN]) if months_of(row)), None)
    if index is None:
        return None
    months = months_of(grid.rows[index])
    names_at = min(months) - 1  # the instances' names: the column before the first month
    if names_at < 0:
        return None
    above = [str(c) for r in grid.rows[:index] for c in r if isinstance(c, str)]
    year = _one_year([" ".join(above), grid.sheet or ""])
    if year is None:
        return None
    out, left, kept = [["Instance", "Date", "Précision de la date", "Modalité", "Note"]], [], 0
    for cells in grid.rows[index + 1:]:
        name = cells[names_at] if names_at < len(cells) else None
        days = {i: cells[i] for i in months if i < len(cells) and filled(cells[i])}
        if not days:
            if any(filled(c) for c in cells):
                left.append(" ".join(str(c).strip() for c in cells if filled(c)))
            continue
        if not filled(name):
            return None
        for i, value in days.items():
            text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
            if not _PLANNED_CELL.match(text):
                return None  # not a day of the month: another kind of table
            for day, remark in _PLANNED_DAY.findall(text):
                try:
                    date = dt.date(year, months[i], int(day))
                except ValueError:
                    return None
                mode = next((m for m in MEETING_MODES_WORDS if remark and norm(remark) in MEETING_MODES_WORDS[m]), None)
                note = "date prévue au planning" + (f" ({remark.strip()})" if remark and mode is None else "")
                out.append([str(name).strip(), date, "jour", mode, note])
                kept += 1
    if kept == 0:
        return None
    notes.append(f"Planning de l'année {year}{_where(grid.sheet)} : une réunion par jour écrit dans la colonne d'un mois "
                 f"({kept} réunion(s)), l'année lue dans le titre ou le nom de la feuille ; chaque réunion porte la note "
                 "« date prévue au planning »."
                 + (" Ligne(s) sous le planning laissée(s) de côté : " + " ; ".join(f"« {_short(t)} »" for t in left) + "."
                    if left else ""))
    return Grid(grid.sheet, out, [], grid.hidden, grid.separators)


MEETING_MODES_WORDS = {"visio": ("visio", "visioconference", "teams", "zoom", "a distance", "distanciel", "en ligne"),
                       "hybride": ("hybride", "mixte"), "présentiel": ("presentiel", "sur place")}


# « 2021 », « 2025 (au 30/06) », « Année 2023 », « 2025* » (a footnote's mark)
_YEAR_HEADER = re.compile(r"^\s*(?:ann[ée]e\s+)?((?:19|20)\d{2})\s*\**(?:\s*\(([^()]*)\))?\s*\**\s*$", re.IGNORECASE)


_HALF_HEADER = re.compile(r"^(?:s|semestre )([12])\s*((?:19|20)\d{2})$|^(1er|1e|premier|2e|2eme|second|deuxieme) semestre "
                          r"((?:19|20)\d{2})$")


def _half(m: re.Match) -> tuple[str, dt.date, dt.date]:
    """« S1 2025 » -> (« 1er semestre 2025 », 01/01/2025, 30/06/2025); « 2e semestre 2025 » -> July to December."""
    first = (m.group(1) or "") == "1" or (m.group(3) or "") in ("1er", "1e", "premier")
    year = int(m.group(2) or m.group(4))
    if first:
        return f"1er semestre {year}", dt.date(year, 1, 1), dt.date(year, 6, 30)
    return f"2e semestre {year}", dt.date(year, 7, 1), dt.date(year, 12, 31)


def _period_end(m: re.Match) -> dt.date | None:
    """« 2025 (au 30/06) » -> 30/06/2025; None for any other remark (« 2021 (rappel) »)."""
    said = re.match(r"^\s*(?:au|arr[eê]t[eé] au|jusqu'au|fin)\s+(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\s*$", m.group(2) or "")
    if not said:
        return None
    try:
        return dt.date(int(m.group(1)), int(said.group(2)), int(said.group(1)))
    except ValueError:
        return None


def _not_given(value: object) -> bool:
    """« n.c. », « NC », « ? », « - »: a result not known, left empty (never a value of its own)."""
    return isinstance(value, str) and norm(value) in ("nc", "n c", "nr", "n r", "nd", "n d", "", "inconnu",
                                                      "non connu", "non communique", "a venir")


def _years_as_rows(grid: Grid, notes: list) -> Grid | None:
    """Indicator results laid out with one column per year (« Indicateur | 2019 | 2020 | Commentaire », or an
    empty first header over the indicators' wordings): one row per indicator and year, as the template has them
    (« Indicateur | Année | Résultat | … »); None for any other sheet. A sheet of indicators only: its name, a
    title line or its header says « indicateur »."""
    for index, row in enumerate(grid.rows[:HEADER_SCAN]):
        years = {i: m for i, c in enumerate(row) if filled(c) and (m := _YEAR_HEADER.match(
            str(int(c)) if isinstance(c, float) and c.is_integer() else str(c).strip()) or _HALF_HEADER.match(
            norm(c)))}
        if not years:
            if sum(1 for c in row if filled(c)) >= 2:
                return None  # a header above (« Indicateur | Année | Résultat »): years are values here
            continue
        above = " ".join(str(c) for r in grid.rows[:index + 1] for c in r if isinstance(c, str))
        if "indicateur" not in norm(f"{grid.sheet or ''} {above}"):
            return None
        others = [i for i, c in enumerate(row) if i not in years]
        before = [i for i in others if i < min(years)]
        # the indicators' wordings: the column saying so (« Indicateur »), else the one of the longest texts
        label = next((i for i in before if filled(row[i]) and any(w in norm(row[i]) for w in ("indicateur", "libelle",
                                                                                               "intitule"))), None)
        if label is None and before:
            label = max(before, key=lambda i: sum(len(str(r[i])) for r in grid.rows[index + 1:] if i < len(r)
                                                  and isinstance(r[i], str)))
        if label is None or any(isinstance(row[i], (int, float)) for i in others) \
                or len(str(row[label] or "").split()) > 4:
            return None  # a row of figures (« 2021 | 26 | réunions »), not a header of years
        rest = [i for i in others if i != label and filled(row[i]) and norm(row[i]) not in ("indicateur",)]
        # « 2025 (au 30/06) »: the year's figure as of that day, the end of its period; « S1 2025 »: a half-year,
        # January to June (its own period, never added to the other into a year)
        ends = {i: _period_end(m) if m.re is _YEAR_HEADER else _half(m)[2] for i, m in years.items()}
        starts = {i: None if m.re is _YEAR_HEADER else _half(m)[1] for i, m in years.items()}
        labels = {i: m.group(1) if m.re is _YEAR_HEADER else _half(m)[0] for i, m in years.items()}
        header = ["Indicateur", "Année", "Résultat", *[str(row[i]).strip() for i in rest]]
        header += ["Début de période"] if any(starts.values()) else []
        header += ["Fin de période"] if any(ends.values()) else []
        out = [list(r) for r in grid.rows[:index]] + [header]
        left, unknown = 0, []
        for r in grid.rows[index + 1:]:
            cells = list(r) + [None] * (len(row) - len(r))
            if not filled(cells[label]):
                continue
            unknown += [str(cells[i]).strip() for i in years if filled(cells[i]) and _not_given(cells[i])]
            values = [(i, m, cells[i]) for i, m in years.items() if filled(cells[i]) and not _not_given(cells[i])]
            if not values and not any(filled(cells[i]) for i in years):  # a note under the block: no figure at all
                left += 1
                continue
            for i, _m, value in values:  # « 2021 (rappel) »: 2021
                out.append([cells[label], labels[i], value, *[cells[i] for i in rest]]
                           + ([starts[i]] if any(starts.values()) else []) + ([ends[i]] if any(ends.values()) else []))
        if len(out) == index + 1:
            return None
        where = f" de la feuille « {grid.sheet} »" if grid.sheet else ""
        per = "année" if all(m.re is _YEAR_HEADER for m in years.values()) else "période"
        notes.append(f"Indicateurs{where} écrits avec une colonne par {per} ({', '.join(labels.values())}) : "
                     f"lus comme une ligne par indicateur et par {per}"
                     + (f" ; {left} ligne(s) sans chiffre laissée(s) de côté" if left else "")
                     + (f" ; {len(unknown)} résultat(s) non connu(s) ({', '.join(dict.fromkeys(f'« {u} »' for u in unknown))}) "
                        "laissé(s) vide(s)" if unknown else "") + ".")
        merged = [m for m in grid.merged if m[1][0] < index]
        return Grid(grid.sheet, out, merged, grid.hidden)
    return None


def _years_down(grid: Grid, notes: list) -> Grid | None:
    """Indicator results with the years down and the indicators across (« Année | IP1 | IP2 | … | Commentaire »,
    the indicators often by their codes, spelt out in a « Légende » sheet): one row per indicator and year; a line
    that is no year (« Cible 2026 », targets) left out and said. None for any other sheet."""
    for index, row in enumerate(grid.rows[:HEADER_SCAN]):
        first = next((i for i, c in enumerate(row) if filled(c)), None)
        if first is None or norm(row[first]) not in ("annee", "annees", "an", "exercice", "periode"):
            continue
        above = " ".join(str(c) for r in grid.rows[:index + 1] for c in r if isinstance(c, str))
        if "indicateur" not in norm(f"{grid.sheet or ''} {above}"):
            return None
        body = [r for r in grid.rows[index + 1:] if first < len(r) and filled(r[first])]
        years = [r for r in body if _YEAR_HEADER.match(str(int(r[first])) if isinstance(r[first], float)
                                                       and r[first].is_integer() else str(r[first]).strip())]
        if len(years) < 2:
            return None
        notes_at = [i for i, c in enumerate(row) if i > first and filled(c) and column_for("indicator_value", c)
                    in ("note", "source_id", TO_NOTE)
                    or (isinstance(c, str) and re.search(r"source|commentaire|remarque", norm(c)))]
        measured = [i for i, c in enumerate(row) if i > first and filled(c) and i not in notes_at]
        if len(measured) < 2:
            return None
        header = ["Indicateur", "Année", "Résultat", *[str(row[i]).strip() for i in notes_at]]
        out = [list(r) for r in grid.rows[:index]] + [header]
        left = []
        for r in grid.rows[index + 1:]:
            cells = list(r) + [None] * (len(row) - len(r))
            if not filled(cells[first]):
                continue
            year = (str(int(cells[first])) if isinstance(cells[first], float) and cells[first].is_integer()
                    else str(cells[first]).strip())
            if not (m := _YEAR_HEADER.match(year)):
                if any(filled(cells[i]) for i in measured):
                    left.append(year)  # « Cible 2026 »: targets, not results
                continue
            for i in measured:
                if filled(cells[i]) and not _not_given(cells[i]):
                    out.append([str(row[i]).strip(), m.group(1), cells[i], *[cells[j] for j in notes_at]])
        notes.append(f"Indicateurs{_where(grid.sheet)} écrits une année par ligne et un indicateur par colonne "
                     f"({', '.join(f'« {str(row[i]).strip()} »' for i in measured[:5])}) : lus comme une ligne par "
                     "indicateur et par année"
                     + (f" ; ligne(s) {', '.join(f'« {y} »' for y in left)} (pas une année : une cible ?) laissée(s) "
                        "de côté" if left else "") + ".")
        return Grid(grid.sheet, out, [], grid.hidden)
    return None


def _publics_ticked(grid: Grid, notes: list) -> Grid | None:
    """A directory whose publics are a grid of marks (« Ressource | Porté par | Enfants | Ados | 16-25 ans | … » with
    « ● » or « X »): one « Pour qui ? » column listing the publics ticked on each line. None for any other sheet."""
    for index, row in enumerate(grid.rows[:HEADER_SCAN]):
        if not any(column_for("resource", c) == "name" for c in row if filled(c)):
            continue
        body = [r for r in grid.rows[index + 1:] if any(filled(c) for c in r)]
        marks = [i for i, c in enumerate(row) if filled(c) and column_for("resource", c) is None
                 and any(i < len(r) and filled(r[i]) for r in body)
                 and all(_ticked(r[i]) or str(r[i]).strip() in ("●", "•", "◉", "⬤") for r in body
                         if i < len(r) and filled(r[i]))]
        if len(marks) < 3:
            return None
        header = [c for i, c in enumerate(row) if i not in marks] + ["Pour qui ?"]
        out = [list(r) for r in grid.rows[:index]] + [header]
        for r in grid.rows[index + 1:]:
            cells = list(r) + [None] * (len(row) - len(r))
            ticked = [str(row[i]).strip() for i in marks if filled(cells[i])]
            out.append([c for i, c in enumerate(cells[:len(row)]) if i not in marks] + [", ".join(ticked) or None])
        notes.append(f"{_sheet_said(grid)} : publics cochés dans {len(marks)} colonnes "
                     f"({', '.join(f'« {str(row[i]).strip()} »' for i in marks)}) : lus comme la liste « Pour qui ? » "
                     "de chaque ligne.")
        return Grid(grid.sheet, out, [], grid.hidden)
    return None


def _marks_presence(rows: list, i: int) -> bool:
    """A column of « présent(e) » / « excusé(e) » marks (an « Émargement » column typed so)."""
    values = [norm(r[i]) for r in rows if i < len(r) and filled(r[i])]
    marks = sum(1 for v in values if v.split()[0] in ("present", "presente", "excuse", "excusee", "absent", "absente"))
    return bool(values) and 2 * marks > len(values)


_ABSENT = {"excuse", "excusee", "excuses", "excusees", "absent", "absente", "absents", "absentes", "non", "excuse e"}
_ELECTED = ("maire", "adjoint au maire", "adjointe au maire", "maire adjoint", "elu", "elue", "conseiller municipal",
            "conseillere municipale",
            "conseiller departemental", "conseillere departementale", "depute", "deputee", "senateur", "senatrice",
            "vice president", "vice presidente", "conseiller regional", "conseillere regionale")
_RELATIVES = ("aidant", "aidante", "aidants familiaux", "parent d", "proche d", "mere d", "pere d", "frere d", "soeur d",
              "conjoint d", "membre de la famille")  # not « Responsable pension de famille »
_USERS = ("usager", "usagere", "patient", "patiente", "personne concernee", "pair aidant", "paire aidante")


def category_of_function(function: object, structure: object) -> str | None:
    """The role category a person's function says on a sign-in sheet: « Adjointe au maire » élu, « Adhérent » of a
    GEM usager and of the UNAFAM aidant, « Bénévole » bénévole, any other function professionnel; a function that is
    a category already (« Usager ») is that category. None for an empty cell."""
    if not filled(function):
        return None
    text = str(function)
    try:
        return match_choice(TABLES["attendance"].col("role_category"), text)
    except Exception:
        pass
    key, where = f" {norm(text)} ", f" {norm(structure or '')} "
    # « adhérents », « bénévoles », « élues »: the plural of one of the words below
    key = " " + " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in key.split()) + " "
    if any(f" {w} " in key for w in _ELECTED):
        return "élu"
    if any(f" {w} " in key for w in _USERS):
        return "usager"
    if any(f" {w} " in key for w in _RELATIVES) or key.strip() in ("famille", "parent", "proche", "mere", "pere"):
        return "aidant"
    if any(f" {w} " in key for w in ("adherent", "adherente", "membre", "benevole", "president", "presidente",
                                       "tresorier", "tresoriere", "secretaire")):
        if " gem " in where or " groupe d entraide" in where:
            return "usager"
        if " unafam " in where:
            return "aidant"
        return "bénévole" if " benevole " in key else "usager" if " gem " in key else "professionnel"
    return "professionnel"


def _words_only(values: list) -> bool:
    """Most of a column's values are words without a digit (« agents de la MDPH »): no count, whatever its header."""
    values = [v for v in values if norm(v) not in ("", "nc", "na", "n a", "nr", "inconnu", "non connu")]
    # « UNAFAM 57, GEM Camille Claudel »: names (a number inside a name is no count)
    texts = [v for v in values if isinstance(v, str) and (not re.search(r"\d", v) or (
        not re.match(r"^\s*[~≈±]?\s*\d", v) and len(re.findall(r"[^\W\d_]", v)) > 3 * len(re.findall(r"\d", v))))]
    return len(texts) >= 2 and 3 * len(texts) >= 2 * len(values)


_TICK = {"x", "oui", "v", "ok", "☒", "☑", "✓", "✔", "✅", "■", "•"}


# « Adhérent GEM Camille Claudel », « Bénévole à l'UNAFAM 57 »: a person's tie to a structure, written as a function
_MEMBER_OF = re.compile(r"^(?:adh[ée]rente?s?|membres?|b[ée]n[ée]voles?|salari[ée]e?s?)\s+(?:du\s+|de\s+la\s+|de\s+l['’]\s*|"
                        r"des\s+|de\s+|au\s+|à\s+la\s+|à\s+l['’]\s*|à\s+)?(\S.{2,})$", re.IGNORECASE)


def _ticked(value: object) -> bool:
    """A box ticked: « X », « ✓ », « ☒ », « v », « oui »; never an empty box (« ☐ », « [ ] », « O »)."""
    text = str(value).strip()
    return text in _TICK or (norm(text) != "" and norm(text) in {norm(t) for t in _TICK})


def _ticked_columns(grid: Grid, notes: list) -> Grid:
    """A closed list laid out as one column per value, the row's value ticked (« Idée | Conception | Mise en œuvre |
    Réalisée … » with an X): one column holding the ticked value. Any other sheet is returned as it is."""
    for index, header in enumerate(grid.rows[:HEADER_SCAN]):
        for table in ("action", "meeting", "attendance", "event"):
            for col in TABLES[table].cols:
                if not col.choices:
                    continue
                at = {}
                for i, cell in enumerate(header):
                    if isinstance(cell, str) and cell.strip():
                        try:
                            at[i] = match_choice(col, cell.strip())
                        except Exception:
                            continue
                if len(at) < 3:
                    continue
                rows = [list(r) for r in grid.rows]
                first = min(at)
                ticked = 0
                for r in rows[index + 1:]:
                    marks = [at[i] for i in at if i < len(r) and filled(r[i])
                             and _ticked(r[i])]
                    for i in at:
                        if i < len(r) and i != first:
                            r[i] = None
                    if len(r) <= first:
                        r.extend([None] * (first + 1 - len(r)))
                    r[first] = marks[0] if len(marks) == 1 else None
                    ticked += len(marks) == 1
                if not ticked:
                    continue
                rows[index] = [header_label(TABLES[table], col) if i == first else (None if i in at else c)
                               for i, c in enumerate(header)]
                notes.append(f"{_sheet_said(grid)} : une colonne par "
                             f"{header_label(TABLES[table], col)} ({', '.join(at.values())}), la valeur cochée d'une "
                             f"croix : lue comme une seule colonne « {header_label(TABLES[table], col)} ».")
                return Grid(grid.sheet, rows, grid.merged, grid.hidden, grid.separators, above=grid.above)
    return grid


def _transposed(grid: Grid, notes: list, remembered: dict | None) -> Grid:
    """A table written sideways: its headers down the first column (« Édition », « Thème », « Dates », « Nombre
    de participants »), one column per row (« SISM 2023 », « SISM 2024 »): turned the right way. Any other sheet is
    returned as it is."""
    labelled = [(i, r) for i, r in enumerate(grid.rows) if r and isinstance(r[0], str) and r[0].strip()
                and sum(1 for c in r[1:] if filled(c)) >= 2]
    around = " ".join([grid.sheet or "", *(str(c) for r in grid.rows[:HEADER_SCAN] for c in r if isinstance(c, str))])
    if "indicateur" in norm(around) or not labelled:  # indicators by year are read by _years_as_rows
        return grid
    for table in IMPORTABLE:
        known = [(i, r) for i, r in labelled if column_for(table, r[0], remembered) not in (None, TO_NOTE, IGNORED)]
        if len(known) < 3 or len(known) * 2 < len(labelled):
            continue
        first, last = labelled[0][0], labelled[-1][0]
        width = max(len(r) for _, r in labelled)
        if any(filled(c) for i, r in enumerate(grid.rows) if first <= i <= last for c in r[:1]
               if (i, r) not in labelled and filled(c)):
            return grid
        out = [list(r) for r in grid.rows[:first] if not any(filled(c) for c in r[1:])]
        out.append([r[0].strip() for _, r in labelled])
        for j in range(1, width):
            column = [r[j] if j < len(r) else None for _, r in labelled]
            if any(filled(c) for c in column):
                out.append(column)
        notes.append(f"{_sheet_said(grid)} : tableau écrit en "
                     f"travers (« {labelled[0][1][0].strip()} », « {labelled[1][1][0].strip()} »… en première "
                     f"colonne, une colonne par ligne) : lu dans l'autre sens.")
        return Grid(grid.sheet, out, [], grid.hidden, grid.separators, above=grid.above)
    return grid


def _two_level_header(grid: Grid, notes: list) -> Grid:
    """A header on two lines (« Structure » merged down, « Nombre de personnes présentes » merged across over
    « Professionnels | Usagers | … »): one header line, each column named by its lower label, else its upper one;
    the second line left blank (line numbers kept). Any other sheet is returned as it is."""
    for (r0, c0), (r1, c1) in grid.merged:
        if not (r0 == r1 and c1 > c0 and r0 + 1 < len(grid.rows) and r0 < HEADER_SCAN):
            continue
        top, below = grid.rows[r0], grid.rows[r0 + 1]
        under = [below[c] if c < len(below) else None for c in range(c0, c1 + 1)]
        if not all(filled(u) and isinstance(u, str) for u in under):
            continue
        outside = [c for c in range(max(len(top), len(below))) if not c0 <= c <= c1]
        if not any(c < len(top) and filled(top[c]) for c in outside):
            continue  # a title merged across the sheet, not a header's label over some of its columns
        if any(c < len(below) and filled(below[c]) for c in outside):
            continue  # the line under holds data beside the merged label: not a header's second line
        width = max(len(top), len(below))
        header = [below[c] if c < len(below) and filled(below[c]) else (top[c] if c < len(top) else None)
                  for c in range(width)]
        rows = [list(r) for r in grid.rows]
        rows[r0], rows[r0 + 1] = header, [None] * width
        merged = [m for m in grid.merged if not (m[0][0] in (r0, r0 + 1) and m[1][0] in (r0, r0 + 1))]
        notes.append(f"{_sheet_said(grid)} : en-tête sur deux lignes "
                     f"(« {' '.join(str(top[c0]).split())} » sur {len(under)} colonnes) : lu comme une seule ligne.")
        # the upper label stays what the sheet says above its table (« État d'avancement au 30/06/2025 »)
        return Grid(grid.sheet, rows, merged, grid.hidden, grid.separators, above=" ".join(str(top[c0]).split()))
    return grid


def _fields_above(rows: list[list[object]]) -> dict[str, object]:
    """The « Label : value » lines above a table (« Instance : Assemblée plénière », « Date : jeudi 20 novembre
    2025 »): normalised label -> value."""
    out = {}
    for cells in rows:
        texts = [c for c in cells if filled(c)]
        if len(texts) == 2 and isinstance(texts[0], str) and texts[0].strip().endswith(":"):
            out[norm(texts[0])] = texts[1]
    return out


_FORM_ROLES = (("porteur", "porteur"), ("structure porteuse", "porteur"), ("partenaire", "partenaire"),
               ("financeur", "financeur"), ("financement", "financeur"), ("cofinanceur", "financeur"))


def _form_partners(grid: Grid, remembered: dict | None) -> Grid | None:
    """The partners an action's form names (« Porteur de l'action », « Partenaires de mise en œuvre » one per line,
    « Financeurs »): a grid of partners of that action (« Action | Structure | Rôle »), or None."""
    header, values = grid.rows[-2], grid.rows[-1]
    title = next((values[i] for i, h in enumerate(header) if isinstance(h, str)
                  and column_for("action", h, remembered) == "title" and i < len(values) and filled(values[i])), None)
    if title is None:
        return None
    rows = []
    for i, h in enumerate(header):
        if not isinstance(h, str) or i >= len(values) or not filled(values[i]):
            continue
        role = next((r for start, r in _FORM_ROLES if norm(h).startswith(start)), None)
        if role is None:
            continue
        for name in re.split(r"\s*(?:\n|;|•)\s*", str(values[i])):
            name = name.strip(" -–—•")
            if name and norm(name) not in ("", "aucun", "aucune", "neant", "sans objet"):
                rows.append([title, name, role])
    if not rows:
        return None
    return Grid(grid.sheet, [["Action", "Structure", "Rôle"], *rows], [], grid.hidden)


_ACTION_HEADING = re.compile(r"^(?:action|fiche(?: action)?|fa)\s*(?:n\s*|no\s*|numero\s*)?\d{1,3}\b")
_GENERIC_SHEET = re.compile(r"^(?:feuil|feuille|sheet|suivi|statut|etat|avancement|action|historique|tableau|donnee|onglet|"
                            r"point|bilan|synthese|recap|\d{4}|[^a-z]*$)")
_NEXT_STEP = re.compile(r"^(?:prochaines? etapes?|perspectives?|a venir|suite a donner|pour \d{4})\b")


def _action_blocks(grid: Grid, notes: list) -> Grid | None:
    """A pilot's follow-up written as blocks, one per action: a heading line « Action n°15 : rencontre CMP / … »
    then its dated steps (« Date | Étape | Avancement »), the action written only in its heading: the action put on
    each of its lines (« Action » column); a « Prochaine étape : … » line (a plan, not a step) left out. The grid
    as it is for any other sheet."""
    for index, row in enumerate(grid.rows[:HEADER_SCAN]):
        named = {column_for("action", c) for c in row if filled(c)}
        if named & {"title", "action_id", "sheet_number", "position"} or "status" not in named:
            continue
        current, out, headings, plans = None, [], 0, []
        for r in grid.rows[index + 1:]:
            lone = [c for c in r if filled(c)]
            if (len(lone) == 1 and isinstance(lone[0], str) and (m := _ACTION_HEADING.match(norm(lone[0])))
                    and len(norm(lone[0])[m.end():].split()) >= 2):  # « Action n°15 : rencontre CMP … », never a code
                current, headings = lone[0].strip(), headings + 1
                continue
            if len(lone) == 1 and isinstance(lone[0], str) and _NEXT_STEP.match(norm(lone[0])):
                plans.append(lone[0].strip())
                continue
            out.append([current if lone else None, *r])
        if headings == 0:
            days = "updated_on" in named or any(norm(c) in ("date", "le", "jour", "mois") for c in row if filled(c))
            if not days or not grid.sheet or _GENERIC_SHEET.match(norm(grid.sheet)) or any(
                    filled(c) for r in grid.rows[:index] for c in r):
                return grid
            # one sheet per action, the action only in the sheet's name (« SISM », « Cités éducatives »), its dated
            # steps under « Date | Ce qui a été fait | Statut »
            notes.append(f"Feuille « {grid.sheet} » : ni colonne ni titre pour l'action ; le nom de la feuille la nomme, "
                         "repris sur chacune de ses lignes.")
            return Grid(grid.sheet, [list(r) for r in grid.rows[:index]] + [["Intitulé de l'action", *_dated_header(row)]]
                        + [[grid.sheet if any(filled(c) for c in r) else None, *r] for r in grid.rows[index + 1:]],
                        [], grid.hidden)
        notes.append(f"{_sheet_said(grid)} : {headings} action(s) écrite(s) en intertitre au-dessus de leurs lignes "
                     f"(« {_short(next(str(c) for r in grid.rows[index + 1:] for c in r if filled(c)))} ») : l'action "
                     "reprise sur chacune de ses lignes"
                     + (f" ; {len(plans)} ligne(s) « prochaine étape » (un projet, pas un fait) laissée(s) de côté"
                        if plans else "") + ".")
        return Grid(grid.sheet, [list(r) for r in grid.rows[:index]] + [["Intitulé de l'action", *_dated_header(row)]] + out, [], grid.hidden)
    return grid


def _budget(grid: Grid) -> bool:
    """Is this sheet a budget (a header « Charges … Produits », « Dépenses … Recettes »)?"""
    for row in grid.rows[:HEADER_SCAN]:
        words = {norm(c) for c in row if isinstance(c, str)}
        if {"charges", "produits"} <= words or {"depenses", "recettes"} <= words:
            return True
    return False


def _dated_header(row: list) -> list:
    """A follow-up's « Date » beside a status: the day of that status (« Date de mise à jour »)."""
    return ["Date de mise à jour" if filled(c) and norm(c) in ("date", "le", "jour") else c for c in row]


def _role_columns(grid: Grid, notes: list) -> Grid | None:
    """One column per role (« Porteur | Partenaires | Financeurs »), each listing its structures downwards, under a
    title naming the action (« Action 19 – Collaborations avec la MDA : qui fait quoi »): one link per named cell
    (« Action | Structure | Rôle »), or None for any other sheet."""
    for index, row in enumerate(grid.rows[:HEADER_SCAN]):
        heads = {i: next((r for start, r in _FORM_ROLES if norm(c).startswith(start)), None)
                 for i, c in enumerate(row) if filled(c)}
        if len(heads) < 2 or None in heads.values():
            continue
        above = [str(c).strip() for r in grid.rows[:index] for c in r if filled(c) and isinstance(c, str)]
        if len(above) != 1:
            return None
        title = re.sub(r"\s*:\s*(?:qui fait quoi|partenaires?|les partenaires|r[ôo]les?)\s*\??\s*$", "", above[0],
                       flags=re.IGNORECASE)
        links = [[title, str(r[i]).strip(), role] for r in grid.rows[index + 1:] for i, role in heads.items()
                 if i < len(r) and filled(r[i]) and norm(r[i]) not in _NOBODY]
        if not links:
            return None
        notes.append(f"{_sheet_said(grid)} : une colonne par rôle ({', '.join(str(row[i]).strip() for i in heads)}), "
                     f"l'action dans le titre (« {_short(title)} ») : un lien action × structure × rôle par nom écrit.")
        return Grid(grid.sheet, [["Action", "Structure", "Rôle"], *links], [], grid.hidden)
    return None


# what an actions sheet may hold besides its partners and still be a list of who does what (no follow-up of the action)
_WHO_DOES_WHAT = {"action_id", "title", "sheet_number", "plan_id", "porteur_id", "funders", "updated_on", "note",
                  "position", TO_NOTE, IGNORED}
_NOBODY = ("", "aucun", "aucune", "neant", "sans objet", "nc", "a definir", "a trouver")


def _partner_names(text: object) -> list[tuple[str, str | None]]:
    """The structures a cell names, one per line (Alt+Entrée), or separated by « ; », « • » or « / »: (name, its
    remark in brackets when it is no part of a name, « pressenti »)."""
    out = []
    for part in re.split(r"\s*(?:\n|;|•|\s/\s|\s/|/\s)\s*", str(text)):
        name = part.strip(" -–—•\t")
        if norm(name) in _NOBODY:
            continue
        remark = None
        if m := re.fullmatch(r"(.+?)\s*\((pressenti|pressentie|envisage|envisagee|a confirmer|en attente|sollicite|"
                             r"sollicitee|demande en cours|en cours)\)", name, re.IGNORECASE):
            name, remark = m.group(1).strip(), m.group(2).strip()
        out.append((name, remark))
    return out


def _partners_by_action(grid: Grid, notes: list, remembered: dict | None) -> Block | None:
    """A list of who does what, one action per row (« Réf. | Intitulé de l'action | Porteur | Partenaires | Financeurs
    »), the partners stacked in one cell (one per line) and the funders separated by « / »: one partner of an action
    per structure and role (porteur, partenaire, financeur), « — » naming no one. Not a follow-up of the actions (a
    sheet with their status, dates or budget is read as actions). None for any other sheet."""
    for index, cells in enumerate(grid.rows[:HEADER_SCAN]):
        texts = {i: str(c).strip() for i, c in enumerate(cells) if filled(c) and isinstance(c, str)}
        roles = {i: r for i, h in texts.items() if (r := next((r for start, r in _FORM_ROLES
                                                               if norm(h).startswith(start)), None))}
        for i, r in roles.items():  # « Partenaires principaux de mise en œuvre »: the council's « partenaire principal »
            if r == "partenaire" and re.search(r"\bprincipa(l|le|ux|les)\b", norm(texts[i])):
                roles[i] = "partenaire principal"
        titled = [i for i, h in texts.items() if i not in roles and column_for("action", h, remembered) == "title"]
        if len(titled) != 1 or not any(r.startswith("partenaire") for r in roles.values()) or len(roles) < 2:
            continue
        others = {i: column_for("action", h, remembered) for i, h in texts.items() if i not in roles}
        if any(col not in _WHO_DOES_WHAT and col is not None for col in others.values()):
            return None
        at = titled[0]
        data = [(line, r) for line, r in enumerate(grid.rows[index + 1:], start=index + 2) if any(filled(c) for c in r)]
        footer = _footer_start(data)
        rows, lines = [], 0
        for line, r in data:
            title = r[at] if at < len(r) else None
            if not filled(title):
                text = " ".join(str(c).strip() for c in r if filled(c))
                notes.append(f"Ligne {line}{_where(grid.sheet)} (« {_short(text)} ») : ligne sans action "
                             "(légende, note), laissée de côté.")
                continue
            if (line, r) in data[footer:]:
                continue
            lines += 1
            for i, role in roles.items():
                for name, remark in _partner_names(r[i]) if i < len(r) and filled(r[i]) else []:
                    row = {"action_id": str(title).strip(), "structure_id": name, "role": role}
                    if remark:
                        row["note"] = f"{texts[i]} : {remark}"
                    rows.append((line, row))
        if not rows:
            return None
        left = [h for i, h in texts.items() if i not in roles and i != at]
        notes.append(f"{_sheet_said(grid)} : une action par ligne avec ses "
                     + ", ".join(f"« {texts[i]} »" for i in roles) + " (plusieurs structures par cellule, une par ligne "
                     "ou séparées par « / ») : lue comme les partenaires des actions, une ligne par action, structure et "
                     f"rôle ({lines} action(s), {len(rows)} partenaire(s))"
                     + (f" ; colonne(s) {', '.join(f'« {h} »' for h in left)} laissée(s) de côté" if left else "")
                     + ".")
        headers = {"action_id": texts[at], "structure_id": " / ".join(texts[i] for i in roles),
                   "role": "rôle (" + ", ".join(f"« {texts[i]} »" for i in roles) + ")", "note": "remarque du nom"}
        title_text = " ".join(str(c).strip() for row in grid.rows[:index] for c in row if isinstance(c, str) and c.strip())
        return Block("action_partner", grid.sheet, headers, rows,
                     {"action_id": at, "structure_id": min(roles), "role": min(roles), "note": min(roles)},
                     [], [], index + 1, title_text)
    return None


def _actions_by_structure(grid: Grid, notes: list, remembered: dict | None) -> Block | None:
    """Who does what told from the structures' side (« Structure | Porteur de | Partenaire principal de | Partenaire
    de | Financeur de »), the actions listed in each cell (« PA-05, PA-16 », « CLS-15 ; PA-13 », « PA-05 et PA-07 »,
    often the coordinator's own references spelt out on another sheet): one partner of an action per structure, action
    and role. None for any other sheet."""
    for index, cells in enumerate(grid.rows[:HEADER_SCAN]):
        texts = {i: str(c).strip() for i, c in enumerate(cells) if filled(c) and isinstance(c, str)}
        roles = {i: r for i, h in texts.items() if re.search(r"\b(de|des|du)$", norm(h))
                 and (r := next((r for start, r in _FORM_ROLES if norm(h).startswith(start)), None))}
        for i, r in roles.items():
            if r == "partenaire" and re.search(r"\bprincipa(l|le|ux|les)\b", norm(texts[i])):
                roles[i] = "partenaire principal"
        named = [i for i, h in texts.items() if i not in roles
                 and column_for("action_partner", h, remembered) == "structure_id"]
        if len(named) != 1 or len(roles) < 2:
            continue
        at = named[0]
        data = [(line, r) for line, r in enumerate(grid.rows[index + 1:], start=index + 2) if any(filled(c) for c in r)]
        footer = _footer_start(data)
        rows = []
        for line, r in data[:footer]:
            who = r[at] if at < len(r) else None
            if not filled(who):
                continue
            for i, role in roles.items():
                if i < len(r) and filled(r[i]) and not _not_given(r[i]):
                    for ref in re.split(r"\s*(?:,|;|/|\n|\bet\b)\s*", str(r[i]).strip()):
                        if ref.strip():
                            rows.append((line, {"action_id": ref.strip(), "structure_id": who, "role": role}))
        if not rows:
            return None
        notes.append(f"{_sheet_said(grid)} : une structure par ligne, ses actions dans les colonnes "
                     + ", ".join(f"« {texts[i]} »" for i in roles) + " (plusieurs par cellule) : lue comme les "
                     f"partenaires des actions, une ligne par action, structure et rôle ({len(rows)}).")
        headers = {"action_id": " / ".join(texts[i] for i in roles), "structure_id": texts[at],
                   "role": "rôle (" + ", ".join(f"« {texts[i]} »" for i in roles) + ")"}
        title_text = " ".join(str(c).strip() for row in grid.rows[:index] for c in row if isinstance(c, str) and c.strip())
        return Block("action_partner", grid.sheet, headers, rows,
                     {"action_id": min(roles), "structure_id": at, "role": min(roles)}, [], [], index + 1, title_text)
    return None


_SAME = {"inchange", "inchangee", "inchanges", "inchangees", "idem", "sans changement", "pas de changement", "identique",
         "="}


def _before_after(grid: Grid, notes: list) -> Grid:
    """A form of one structure's details with two columns of values, before and after a change (« Information |
    Actuellement | À compter du 1er septembre 2025 »): the newer one, at the right, « inchangé » keeping the older.
    Any other sheet is returned as it is."""
    rows = [[c for c in r] for r in grid.rows if any(filled(c) for c in r)]
    if len(rows) < 4 or len([c for c in rows[0] if filled(c)]) != 3 or not isinstance(rows[0][0], str) \
            or norm(rows[0][0]) not in ("information", "informations", "champ", "rubrique", "donnee", "intitule"):
        return grid
    out = []
    for r in rows[1:]:
        cells = (list(r) + [None, None, None])[:3]
        if not isinstance(cells[0], str) or any(filled(c) for c in r[3:]):
            return grid
        new = cells[2]
        out.append([cells[0], cells[1] if not filled(new) or norm(new) in _SAME else new])
    notes.append(f"{_sheet_said(grid)} : deux colonnes de valeurs (« {str(rows[0][1]).strip()} », "
                 f"« {str(rows[0][2]).strip()} ») : la plus récente, à droite, est lue ; « inchangé » garde celle de "
                 "gauche.")
    return Grid(grid.sheet, out, [], grid.hidden, grid.separators)


def _form_as_table(grid: Grid, notes: list) -> Grid:
    """A sheet typed as a form, one « Label : value » per line (« Date : 16/02/2023 », « Lieu : CH Jury »), read
    as a table of one row: the labels its header, under the lines of title above the first label. Any other
    sheet is returned as it is."""
    grid = _before_after(grid, notes)
    rows = [(i, [c for c in r if filled(c)]) for i, r in enumerate(grid.rows)]
    fields = [(i, cells) for i, cells in rows if len(cells) == 2 and isinstance(cells[0], str)
              and cells[0].strip().endswith(":")]
    if len(fields) < 3:  # labels in column A, values in B, without « : » (an action sheet typed as a form)
        labelled = [(i, cells) for i, cells in rows if len(cells) == 2 and isinstance(cells[0], str)
                    and len(cells[0].split()) <= 6]
        known = sum(1 for _, cells in labelled if any(column_for(t, cells[0]) not in (None, TO_NOTE, IGNORED)
                                                       for t in IMPORTABLE))
        fields = labelled if len(labelled) >= 4 and known >= 3 else []
    if len(fields) < 3 or any(len(cells) > 2 for _, cells in rows):
        return grid
    first, last = fields[0][0], fields[-1][0]

    def blank_field(cells: list) -> bool:  # « Financeurs » with nothing typed beside it: a field left empty
        return (len(cells) == 1 and isinstance(cells[0], str) and len(cells[0].split()) <= 6
                and (cells[0].strip().endswith(":") or any(column_for(t, cells[0]) not in (None, TO_NOTE, IGNORED)
                                                           for t in IMPORTABLE)))

    fields = sorted(fields + [(i, [cells[0], None]) for i, cells in rows if first < i < last and blank_field(cells)])
    if any(cells and first < i < last and i not in {j for j, _ in fields} for i, cells in rows):
        return grid  # lines of another kind among the fields: not a form (a line under them is a footer)
    header = [cells[0].strip().rstrip(":").strip() for _, cells in fields]
    notes.append(f"Feuille « {grid.sheet} » écrite comme un formulaire (« {header[0]} : … ») : lue comme une ligne.")
    return Grid(grid.sheet, [list(r) for r in grid.rows[:first]] + [header, [cells[1] for _, cells in fields]],
                hidden=grid.hidden)


def _category_values(values: list) -> bool:
    """Are (nearly) all these cells role categories, as people write them (« pro », « usagers », « adhérents
    usagers »)?"""
    said = [v for v in values if filled(v)][:200]  # a sample is enough to tell, and a long file stays quick
    if len(said) < 2:
        return False
    def category(v) -> str | None:  # « usagers », « adhérents usagers », « animateur (professionnel) »
        if not isinstance(v, str):
            return None
        inside = re.findall(r"\(([^()]+)\)", v)
        bare = re.sub(r"\([^()]*\)", " ", v).split()
        return next((c for c in [v, *inside, *(bare[-1:] + bare[:1])] if _role_category(c)), None)

    fits = sum(1 for v in said if category(v))
    return 5 * fits >= 4 * len(said)


def _role_category(text: object) -> str | None:
    """The role category a header names (« Professionnels », « Élus », « Usagers »), else None."""
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        return match_choice(TABLES["attendance"].col("role_category"), text.strip())
    except Exception:
        pass
    if "/" not in text:
        return None
    # « Familles / aidants »: the one category its parts name
    parts = {c for part in text.split("/") if part.strip() and (c := _role_category(part.strip()))}
    return parts.pop() if len(parts) == 1 else None


_TITLE_MEETING = re.compile(r"^(.*?)\s*(?:\b(?:du|le)\s+)?(\d{1,2}/\d{1,2}/\d{2,4})")


def _meeting_in_title(title: str) -> str | None:
    """« Comité de pilotage du 15/03/2022 – présents » -> « Comité de pilotage 15/03/2022 » (None without one)."""
    m = _TITLE_MEETING.match(" ".join(title.split()))
    if not m or not m.group(1).strip(" -–:"):
        return None
    return _meeting_name(m.group(1).strip(" -–:"), m.group(2))


def _wide_attendance(filename: str, grid: Grid, problems: list, notes: list, remembered: dict | None) -> Block | None:
    """Attendance typed as a tally, one column per role category (« Structure | Professionnels | Usagers |
    Aidants | Élus | Total »): one attendance row per structure and category with a count, the meeting from a
    meeting column or else from the title line (« Comité de pilotage du 15/03/2022 – présents »). An empty cell
    is no one; a Total column is left out, said once. None when the sheet is not such a tally."""
    found = None
    for line, cells in enumerate(grid.rows[:HEADER_SCAN]):
        cats = {i: c for i, c in enumerate(cells) if _role_category(c)}
        named = {column_for("attendance", c, remembered): i for i, c in enumerate(cells)
                 if filled(c) and i not in cats}
        if len(cats) >= 2 and "structure_id" in named:
            found = (line, cells, cats, named)
            break
    if found is None:
        return None
    index, header, cats, named = found
    structure, meeting = named["structure_id"], named.get("meeting_id")
    parts = (named["@instance"], named["@date"]) if meeting is None and {"@instance", "@date"} <= set(named) else None
    title = " ".join([*(str(c).strip() for row in grid.rows[:index] for c in row if isinstance(c, str) and c.strip()),
                      grid.above]).strip()
    in_title = _meeting_in_title(title) if meeting is None and parts is None else None
    fields = _fields_above(grid.rows[:index]) if meeting is None and parts is None else {}
    instance_field = next((fields[k] for k in ("instance", "reunion", "instance reunie", "groupe") if k in fields), None)
    if in_title is None and instance_field is not None and "date" in fields:  # « Instance : … », « Date : … » above
        in_title = _meeting_name(instance_field, fields["date"])
    # a « Date » column under a title naming the group (« GT jeunes et santé mentale - présences 2024 »)
    day_only = named.get("@date") if meeting is None and parts is None and in_title is None and title else None
    group = re.split(r"\s[-–—:]\s", title)[0].strip() if day_only is not None else None
    rest = [str(c).strip() for i, c in enumerate(header) if filled(c) and i not in cats and i != structure
            and i != meeting and i not in (parts or ()) and i != day_only]
    kept = _kept_lines(filename, grid, index, structure, notes, remembered, parts or ())
    if kept is None:
        return None
    rows, carried, carried_lines = [], None, 0
    for line, cells in enumerate(grid.rows[index + 1:], start=index + 2):
        if line not in kept:
            continue
        if parts:  # the meeting written on the first line of its block only: the lines under it
            pair = [cells[i] if i < len(cells) else None for i in parts]
            if any(filled(c) for c in pair):
                carried = _meeting_name(*pair)
            elif carried is not None:
                carried_lines += 1
        for i, head in cats.items():
            value = cells[i] if i < len(cells) else None
            if not filled(value) or value in (0, "0", "-", "–", "—"):
                continue
            said = cells[meeting] if meeting is not None and meeting < len(cells) else in_title
            if parts:  # « Groupe » and « Date » columns: the meeting they name together
                said = carried
            elif day_only is not None:
                said = _meeting_name(group, cells[day_only] if day_only < len(cells) else None)
            row = {"structure_id": cells[structure], "role_category": head, "count": value, "meeting_id": said}
            rows.append((line, row))
    headers = {"structure_id": str(header[structure]).strip(),
               "role_category": " / ".join(str(c).strip() for c in cats.values()),
               "count": "nombre (cellules " + ", ".join(str(c).strip() for c in cats.values()) + ")"}
    positions = {"structure_id": structure, "role_category": min(cats), "count": min(cats)}
    if meeting is not None:
        headers["meeting_id"], positions["meeting_id"] = str(header[meeting]).strip(), meeting
    elif parts:
        headers["meeting_id"] = f"{str(header[parts[0]]).strip()} + {str(header[parts[1]]).strip()}"
        positions["meeting_id"] = parts[0]
    elif in_title:
        headers["meeting_id"] = "réunion (titre de la feuille)"
    elif day_only is not None:
        headers["meeting_id"] = f"réunion (« {group} », titre de la feuille + {str(header[day_only]).strip()})"
        positions["meeting_id"] = day_only
    notes.append(f"{_sheet_said(grid)} : présences en tableau croisé, "
                 "une colonne par catégorie "
                 f"({', '.join(str(c).strip() for c in cats.values())}) : une ligne par structure et catégorie, "
                 "une cellule vide ne compte personne"
                 + (f" ; réunion lue dans le titre : « {in_title} »" if in_title else "")
                 + (f" ; réunion du groupe que nomme le titre (« {group} ») à la date de chaque ligne"
                    if day_only is not None else "")
                 + (f" ; la réunion n'est écrite qu'à la première ligne de son bloc, reprise pour les {carried_lines} "
                    "ligne(s) en dessous" if carried_lines else "")
                 + (f" ; colonne(s) {', '.join(f'« {r} »' for r in rest)} laissée(s) de côté" if rest else "") + ".")
    for (r0, c0), (r1, c1) in grid.merged:
        if r1 >= index:
            problems.append(Issue(filename, r0 + 1, col_letter(c0), f"cellules fusionnées ({col_letter(c0)}{r0 + 1}:"
                                  f"{col_letter(c1)}{r1 + 1}) dans le tableau : défusionnez-les et répétez la valeur",
                                  grid.sheet, expected="une valeur par cellule", col_index=c0))
    return Block("attendance", grid.sheet, headers, rows, positions, [], [], index + 1, title)


_HEAD_DATE = re.compile(r"^(.*?)[\s,:–-]*(?:\b(?:du|le)\s+)?(\d{1,2}/\d{1,2}/\d{2,4})\s*$")
_TALLY_PART = re.compile(r"^(\d+)\s*([^\d]*?)\.?$")


def _kept_lines(filename: str, grid: Grid, index: int, structure: int, notes: list,
                remembered: dict | None, also: tuple[int, ...] = ()) -> set[int] | None:
    """The lines of a tally's table that are rows (its TOTAL and footer lines set aside and said), read from its
    structure column (and its meeting's columns, `also`: a block of lines under each meeting is no footer);
    None when none is."""
    cols = [structure, *also]
    block = _block(filename, Grid(grid.sheet, [[row[i] if i < len(row) else None for i in cols]
                                               for row in grid.rows]),
                   index, "attendance", [], notes, remembered)
    return None if block is None else {line for line, _ in block.rows}


def _tally_cell(text: object) -> list[tuple[str | None, int]] | None:
    """« 1 pro + 2 usager », « 1 bén. », « 3 »: (category, count) pairs (category None when not written); [] for
    no one (« exc. », « excusé », « 0 »); None when the cell is something else."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return [(None, int(text))] if text else []
    if re.fullmatch(r"\s*(?:[xX]{1,3}|[✓✔]{1,3})\s*", str(text)):  # « X » one person present, « XX » two
        return [(None, len(str(text).strip()))]
    key = norm(text)
    if not key or key.split()[0] in ("exc", "excuse", "excusee", "excuses", "abs", "absent", "absente", "non") \
            or str(text).strip() in ("-", "–", "—", "/"):
        return []
    out = []
    for part in re.split(r"\s*(?:\+|,|;|\bet\b)\s*", str(text).strip()):
        m = _TALLY_PART.match(part.strip())
        if not m:
            return None
        word = norm(m.group(2))
        if not word:
            out.append((None, int(m.group(1))))
            continue
        cats = [c for c in TABLES["attendance"].col("role_category").choices
                if len(word) >= 3 and norm(c).startswith(word.rstrip("s")[:max(3, len(word) - 1)])]
        if len(cats) != 1:
            return None
        out.append((cats[0], int(m.group(1))))
    return out


def _meetings_grid(filename: str, grid: Grid, notes: list, remembered: dict | None) -> Block | None:
    """Attendance typed as a grid of structures × meetings (« Structure | GT Précarité 14/01/25 | GT Logement
    18/02/25 »), each cell counting people by category (« 1 pro + 2 usager », « exc. ») or marking them
    (« X » one person, « XX » two): one attendance row per meeting, structure and category. The headers may be
    bare dates when the sheet's title names the group (« Groupe projets « Logement » – présences 2025 »); the
    category may come from a column (« Collège ») written once over its structures. A line of formulas under the
    grid (« Structures présentes ») is a count, left out. None for any other sheet."""
    found = None
    for line, cells in enumerate(grid.rows[:HEADER_SCAN]):
        dated = {i: (m.group(1).strip(), m.group(2)) for i, c in enumerate(cells) if isinstance(c, str)
                 and (m := _HEAD_DATE.match(" ".join(c.split()))) and m.group(1).strip()}
        group = next((" ".join(c.split()) for row in grid.rows[:line] for c in row
                      if isinstance(c, str) and c.strip()), "")
        group = re.split(r"\s[-–—:]\s", group)[0].strip()
        bare = {i: c for i, c in enumerate(cells) if isinstance(c, (dt.date, dt.datetime))}
        if not dated and len(bare) >= 2 and group and not _role_category(group):
            dated = {i: (group, c) for i, c in bare.items()}
        named = [i for i, c in enumerate(cells) if filled(c) and i not in dated
                 and column_for("attendance", c, remembered) == "structure_id"]
        if len(dated) >= 2 and len(named) == 1:
            found = line, cells, dated, named[0]
            break
    if found is None:
        return None
    index, cells, dated, structure = found
    college = next((i for i, c in enumerate(cells) if filled(c) and i not in dated and i != structure
                    and column_for("attendance", c, remembered) == "role_category"), None)

    def counts_only(r: list) -> bool:  # a line of formulas (« Structures présentes » =COUNTIF…): not attendance
        return any(isinstance(r[i], Uncomputed) or (isinstance(r[i], str) and r[i].startswith("="))
                   for i in dated if i < len(r) and filled(r[i]))

    body = [r for r in grid.rows[index + 1:] if not counts_only(r)]
    counted = [(i, _tally_cell(r[i])) for r in body for i in dated if i < len(r) and filled(r[i])]
    if not counted or any(v is None for _, v in counted):
        return None
    derived = {line for line, r in enumerate(grid.rows[index + 1:], start=index + 2) if counts_only(r)}
    kept = _kept_lines(filename, Grid(grid.sheet, [[] if n in derived else r for n, r
                                                   in enumerate(grid.rows, start=1)], grid.merged, above=grid.above),
                       index, structure, notes, remembered)
    if kept is None:
        return None
    rows, nobody, category = [], 0, None
    for line, row in enumerate(grid.rows[index + 1:], start=index + 2):
        if college is not None and college < len(row) and filled(row[college]):
            category = _role_category(row[college]) or row[college]  # carried down over its merged structures
        if line not in kept or line in derived:
            continue
        for i, (group, day) in dated.items():
            tally = _tally_cell(row[i]) if i < len(row) and filled(row[i]) else []
            nobody += tally == [] and i < len(row) and filled(row[i])
            for cat, count in tally or []:
                rows.append((line, {"structure_id": row[structure], "role_category": cat or category,
                                    "count": count, "meeting_id": _meeting_name(group, day)}))
    heads = [" ".join(str(cells[i]).split()) if isinstance(cells[i], str) else _meeting_name(*dated[i])
             for i in dated]
    headers = {"structure_id": str(cells[structure]).strip(), "meeting_id": " / ".join(heads),
               "role_category": (str(cells[college]).strip() if college is not None
                                 else "catégorie (dans chaque cellule)"), "count": "nombre (dans chaque cellule)"}
    positions = {"structure_id": structure, "meeting_id": min(dated),
                 "role_category": college if college is not None else min(dated), "count": min(dated)}
    notes.append(f"{_sheet_said(grid)} : présences en tableau croisé, "
                 "une colonne par réunion "
                 f"({', '.join(f'« {h} »' for h in heads[:3])}{' …' if len(heads) > 3 else ''}) : une ligne par "
                 "réunion, structure et catégorie, lue dans chaque cellule (« 1 pro + 2 usager », « X » une "
                 "personne, « XX » deux)"
                 + (f" ; catégorie lue dans la colonne « {headers['role_category']} », reprise sous chaque valeur"
                    if college is not None else "")
                 + (f" ; {nobody} cellule(s) « excusé » ne comptent personne" if nobody else "")
                 + (f" ; {len(derived)} ligne(s) de formules (comptes) laissée(s) de côté" if derived else "") + ".")
    title = " ".join([*(str(c).strip() for row in grid.rows[:index] for c in row if isinstance(c, str) and c.strip()),
                      grid.above]).strip()
    return Block("attendance", grid.sheet, headers, rows, positions, [], [], index + 1, title)


_LISTED_DAY = re.compile(r"(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\s*(?:\(([^()]*)\))?")
_HOW_MANY = re.compile(r"(?:x|×)\s*(\d+)|(\d+)\s*(?:pers|personnes?|p\b)", re.IGNORECASE)


def _days_listed(grid: Grid, notes: list, remembered: dict | None) -> Block | None:
    """A year's attendance summed up by structure, the meetings it came to listed in one cell (« 21/01, 20/05, 23/09 »,
    « 18/03 (x2) – 17/06 », « toutes (2 pers.) », « toutes sauf 17/06 », « aucune »), the group and its year in the
    title, the year's meetings in a line above (« Réunions : 21/01 – 18/03 – … »): one attendance row per meeting,
    structure and category. None for any other sheet."""
    title = next((" ".join(c.split()) for r in grid.rows[:HEADER_SCAN] for c in r if isinstance(c, str) and c.strip()), "")
    years = set(re.findall(r"\b(20\d\d)\b", title))
    if len(years) != 1:
        return None
    year = int(years.pop())
    group = re.split(r"\s[-–—:]\s", title)[0].strip()
    for index, row in enumerate(grid.rows[:HEADER_SCAN]):
        named = [i for i, c in enumerate(row) if filled(c) and column_for("attendance", c, remembered) == "structure_id"]
        listed = [i for i, c in enumerate(row) if isinstance(c, str) and re.search(r"\breunions?\b|\bpresente?s?\b|"
                                                                                  r"\bdates?\b", norm(c))
                  and i not in named and column_for("attendance", c, remembered) != "count"]
        if len(named) != 1 or len(listed) != 1:
            continue
        at, days_at = named[0], listed[0]
        cat_at = next((i for i, c in enumerate(row) if filled(c) and i not in (at, days_at)
                       and column_for("attendance", c, remembered) == "role_category"), None)
        body = [(line, r) for line, r in enumerate(grid.rows[index + 1:], start=index + 2)
                if at < len(r) and filled(r[at]) and days_at < len(r)]
        cells = [str(r[days_at]) for _, r in body if filled(r[days_at])]
        if len(cells) < 3 or sum(1 for c in cells if _LISTED_DAY.search(c) or norm(c).startswith(("toutes", "aucun")))\
                < 0.8 * len(cells):
            return None
        above = " ".join(str(c) for r in grid.rows[:index] for c in r if isinstance(c, str))
        every = [(int(d), int(m)) for d, m, _, _ in _LISTED_DAY.findall(above.split(":", 1)[-1])] if re.search(
            r"r[ée]unions?\s*:", above, re.IGNORECASE) else []
        if not every:
            every = sorted({(int(d), int(m)) for c in cells for d, m, _, _ in _LISTED_DAY.findall(c)},
                           key=lambda dm: (dm[1], dm[0]))
        rows, nobody = [], 0
        for line, r in body:
            text = str(r[days_at]) if filled(r[days_at]) else ""
            key = norm(text)
            came: list[tuple[tuple[int, int], int]] = []
            if key.startswith("toutes") or key.startswith("tous"):
                m = _HOW_MANY.search(text.split("sauf")[0])
                n = int(m.group(1) or m.group(2)) if m else 1
                but = {(int(d), int(mo)) for d, mo, _, _ in _LISTED_DAY.findall(text.split("sauf", 1)[1])} \
                    if "sauf" in key else set()
                came = [(dm, n) for dm in every if dm not in but]
            else:
                for d, mo, _, remark in _LISTED_DAY.findall(text):
                    m = _HOW_MANY.search(remark or "")
                    came.append(((int(d), int(mo)), int(m.group(1) or m.group(2)) if m else 1))
            if not came:
                nobody += bool(text.strip())  # « aucune (excusée) »; a legend line under the table is no structure
                continue
            for (d, mo), n in came:
                try:
                    day = dt.date(year, mo, d)
                except ValueError:
                    return None
                rows.append((line, {"structure_id": r[at], "role_category": r[cat_at] if cat_at is not None
                                    and cat_at < len(r) else None, "count": n,
                                    "meeting_id": _meeting_name(group, day)}))
        if not rows:
            return None
        notes.append(f"{_sheet_said(grid)} : présences de l'année récapitulées par structure, les réunions de chacune "
                     f"listées dans la colonne « {str(row[days_at]).strip()} » (« (x2) » deux personnes, « toutes » les "
                     f"{len(every)} réunions de l'année) : une ligne par réunion, structure et catégorie ({len(rows)})"
                     + (f" ; {nobody} structure(s) venue(s) à aucune" if nobody else "")
                     + f" ; réunions du groupe que nomme le titre (« {group} ») en {year}.")
        headers = {"structure_id": str(row[at]).strip(), "meeting_id": f"réunion (« {group} » + jour de la cellule)",
                   "role_category": str(row[cat_at]).strip() if cat_at is not None else "catégorie",
                   "count": "nombre (« (x2) », « 2 pers. »)"}
        return Block("attendance", grid.sheet, headers, rows,
                     {"structure_id": at, "meeting_id": days_at, "role_category": cat_at if cat_at is not None else at,
                      "count": days_at}, [], [], index + 1, title)
    return None


def _tallies_in_counts(filename: str, grid: Grid, notes: list, remembered: dict | None) -> Block | None:
    """Attendance whose count cells say who came in words (« 2 élus + 2 pros », « 4 adhérents + 1 animatrice »,
    « 1 pro et 2 bénévoles »), with no category column: one attendance row per structure and category. A bare number
    is the structure's professionals (its users for a GEM, its families for the UNAFAM), said; 0 is no one. None for
    any other sheet."""
    for index, row in enumerate(grid.rows[:HEADER_SCAN]):
        named = {column_for("attendance", c, remembered): i for i, c in enumerate(row) if filled(c)}
        if "structure_id" not in named or "role_category" in named or "count" not in named:
            continue
        at, counted = named["structure_id"], named["count"]
        body = [(line, r) for line, r in enumerate(grid.rows[index + 1:], start=index + 2)
                if at < len(r) and filled(r[at]) and counted < len(r) and filled(r[counted])]
        worded = [r[counted] for _, r in body if isinstance(r[counted], str) and re.search(r"[^\W\d_]{2}", r[counted])]
        if len(worded) < 2 or len(worded) * 2 < len(body):
            return None
        rows, bare = [], 0
        for line, r in body:
            who, cell = r[at], r[counted]
            if isinstance(cell, (int, float)) and not isinstance(cell, bool) or str(cell).strip().isdigit():
                n = int(float(cell))
                if n:
                    where = norm(who)
                    rows.append((line, {"structure_id": who, "count": n, "role_category":
                                        "usager" if " gem " in f" {where} " else "aidant" if "unafam" in where
                                        else "professionnel"}))
                    bare += 1
                continue
            remark = r[named["note"]] if "note" in named and named["note"] < len(r) and filled(r[named["note"]]) \
                else None
            for part in re.split(r"\s*(?:\+|,|;|\bet\b)\s*", str(cell).strip()):
                m = re.match(r"^(\d+)\s+(.+?)\.?$", part.strip())
                if not m:
                    return None
                word = m.group(2)
                category = _role_category(word) or _role_category(word.rstrip("s")) or category_of_function(word, who)
                rows.append((line, {"structure_id": who, "count": int(m.group(1)), "role_category": category,
                                    **({"note": f"{str(row[named['note']]).strip()} : {remark}"} if remark else {})}))
        notes.append(f"{_sheet_said(grid)} : la colonne « {str(row[counted]).strip()} » dit qui est venu en mots "
                     "(« 2 élus + 2 pros ») : une ligne par structure et catégorie"
                     + (f" ; {bare} nombre(s) sans catégorie lu(s) comme les professionnels de leur structure (les "
                        "usagers d'un GEM, les familles de l'UNAFAM)" if bare else "") + ".")
        headers = {"structure_id": str(row[at]).strip(), "count": f"nombre (« {str(row[counted]).strip()} »)",
                   "role_category": f"catégorie (« {str(row[counted]).strip()} »)"}
        if "note" in named:
            headers["note"] = str(row[named["note"]]).strip()
        title = " ".join(str(c).strip() for r in grid.rows[:index] for c in r if isinstance(c, str) and c.strip())
        return Block("attendance", grid.sheet, headers, rows,
                     {"structure_id": at, "count": counted, "role_category": counted,
                      **({"note": named["note"]} if "note" in named else {})}, [], [], index + 1, title)
    return None


_LEGEND = re.compile(r"^\s*l[ée]gende\s*:?\s*(.+)$", re.IGNORECASE)


def _role_matrix(grid: Grid, notes: list, remembered: dict | None) -> Block | None:
    """Partners of actions as a matrix (« Action | CH Jury | Ville de Metz | … », cells « P », « X / F ») read with
    its legend (« Légende : P = porteur ; X = partenaire ; F = financeur »): one row per action, structure and role.
    None for any other sheet."""
    legend: dict[str, str] = {}
    for row in grid.rows:
        text = next((c for c in row if isinstance(c, str) and c.strip()), "")
        if m := _LEGEND.match(text):
            for part in re.split(r"\s*[;,]\s*", m.group(1)):
                if kv := re.match(r"^\s*(\S{1,3})\s*[=:]\s*(.+?)\s*\.?$", part):
                    legend[kv.group(1).upper()] = kv.group(2).strip().lower()
    if not legend:
        return None
    for index, header in enumerate(grid.rows[:HEADER_SCAN]):
        if not header or column_for("action_partner", header[0], remembered) != "action_id":
            continue
        structures = {i: str(c).strip() for i, c in enumerate(header) if i and isinstance(c, str) and c.strip()}
        if len(structures) < 2:
            return None
        rows = []
        for line, cells in enumerate(grid.rows[index + 1:], start=index + 2):
            action = cells[0] if cells else None
            if not isinstance(action, str) or not action.strip() or _LEGEND.match(action):
                continue
            for i, structure in structures.items():
                value = cells[i] if i < len(cells) else None
                if not filled(value):
                    continue
                for mark in re.split(r"\s*[/,+]\s*|\s+", str(value).strip()):
                    if mark.upper() in legend:
                        rows.append((line, {"action_id": action.strip(), "structure_id": structure,
                                            "role": legend[mark.upper()]}))
        if not rows:
            return None
        notes.append(f"{_sheet_said(grid)} : partenaires des actions "
                     f"en tableau croisé (une colonne par structure), lus avec la légende ("
                     + ", ".join(f"{k} = {v}" for k, v in legend.items()) + ") : une ligne par action, structure et "
                     "rôle.")
        headers = {"action_id": str(header[0]).strip(), "structure_id": "structure (en-tête de colonne)",
                   "role": "rôle (lettre de la légende)"}
        title = " ".join(str(c).strip() for row in grid.rows[:index] for c in row if isinstance(c, str) and c.strip())
        return Block("action_partner", grid.sheet, headers, rows, {"action_id": 0, "structure_id": min(structures),
                                                                   "role": min(structures)}, [], [], index + 1, title)
    return None


def _pivot_attendance(grid: Grid, notes: list) -> Block | None:
    """A pivot table pasted as values (« Somme de Nombre », « Étiquettes de lignes »): a line of instances over a
    line of days (each instance over its days, then « Total COPIL »), each structure's line followed by its
    categories' lines: one attendance row per meeting, structure and category, from the categories' lines; the
    totals left out. None for any other sheet."""
    days_at = next((i for i, r in enumerate(grid.rows[:HEADER_SCAN])
                    if sum(isinstance(c, (dt.date, dt.datetime)) for c in r) >= 2), None)
    named_at = next((i for i, r in enumerate(grid.rows[:HEADER_SCAN]) if r and filled(r[0])
                     and sum(1 for c in r[1:] if isinstance(c, str) and _HEAD_DATE.match(" ".join(c.split()))) >= 2),
                    None)
    columns: dict[int, str] = {}  # column -> the meeting it counts (« COPIL 13/02/2024 »)
    if days_at is not None and days_at > 0:
        above, days = grid.rows[days_at - 1], grid.rows[days_at]
        if not filled(days[0]) or not any(isinstance(c, str) and c.strip() for c in above):
            return None
        instance = None
        for i, day in enumerate(days):
            head = above[i] if i < len(above) else None
            if isinstance(head, str) and head.strip():
                instance = None if re.match(r"^\s*total\b", head, re.IGNORECASE) else head.strip()
            if instance and isinstance(day, (dt.date, dt.datetime)):
                columns[i] = _meeting_name(instance, day)
    elif named_at is not None:  # « GT précarité – 11/03/2025 » over each column: the meeting it counts
        days_at = named_at
        for i, head in enumerate(grid.rows[named_at]):
            m = _HEAD_DATE.match(" ".join(str(head).split())) if isinstance(head, str) and i else None
            if m and m.group(1).strip() and not re.match(r"^\s*total\b", head, re.IGNORECASE):
                columns[i] = _meeting_name(m.group(1).strip(" –—-"), m.group(2))
    else:
        return None
    if len(columns) < 2:
        return None
    category_col = TABLES["attendance"].col("role_category")
    rows, structure, totals = [], None, 0
    for line, cells in enumerate(grid.rows[days_at + 1:], start=days_at + 2):
        label = cells[0] if cells else None
        if not isinstance(label, str) or not label.strip():
            continue
        if re.match(r"^\s*total\b", label, re.IGNORECASE):
            totals += 1
            continue
        try:
            category = match_choice(category_col, label.strip())
        except Exception:
            structure = label.strip()  # a structure's line: its categories follow
            continue
        if structure is None:
            return None
        for i, meeting in columns.items():
            value = cells[i] if i < len(cells) else None
            if filled(value) and value not in (0, "0"):
                rows.append((line, {"structure_id": structure, "role_category": category, "count": value,
                                    "meeting_id": meeting}))
    if not rows:
        return None
    notes.append(f"{_sheet_said(grid)} : tableau croisé dynamique "
                 f"collé en valeurs ({len(set(columns.values()))} réunions en colonnes, une structure puis ses "
                 "catégories en lignes) : une ligne par réunion, structure et catégorie ; les totaux laissés de côté.")
    headers = {"structure_id": "structure (étiquettes de lignes)", "role_category": "catégorie (étiquettes de lignes)",
               "meeting_id": "réunion (étiquettes de colonnes)", "count": "nombre (cellules)"}
    title = " ".join(str(c).strip() for row in grid.rows[:days_at - 1] for c in row if isinstance(c, str) and c.strip())
    return Block("attendance", grid.sheet, headers, rows, {"structure_id": 0, "role_category": 0,
                                                            "meeting_id": min(columns), "count": min(columns)},
                 [], [], days_at + 1, title)


def _counts_rows(rows: list[list[object]], i: int) -> bool:
    """Does column i number the rows 1, 2, 3… (blank cells and lines under the table aside)?"""
    numbers = []
    for cells in rows:
        value = cells[i] if i < len(cells) else None
        if filled(value):
            try:
                numbers.append(int(float(str(value).strip())))
            except ValueError:
                break
    return numbers == list(range(1, len(numbers) + 1))


def _meeting_name(instance: object, date: object) -> str | None:
    """« COPIL » and 15/03/2022 -> « COPIL 15/03/2022 », a name of that meeting (None if either is empty)."""
    if not filled(instance) or not filled(date):
        return None
    try:
        when = parse_date(date, partial=True)
        precision = getattr(when, "precision", "jour")  # a meeting known to the month: « COPIL 03/2022 »
        day = when.strftime({"mois": "%m/%Y", "année": "%Y"}.get(precision, "%d/%m/%Y"))
    except Exception:  # a bad date: left as typed, the meeting is then refused with its closest names
        day = str(date).strip()
    return f"{str(instance).strip()} {day}"


def _sheet_said(grid: Grid) -> str:
    """« Feuille « Présences » », or « Le fichier » for a CSV: the subject of a sentence about a grid."""
    return f"Feuille « {grid.sheet} »" if grid.sheet else "Le fichier"


def _where(sheet: str | None) -> str:
    return f" de la feuille « {sheet} »" if sheet else ""


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def locate_columns(grids: list[Grid]) -> dict[tuple[str | None, str], int]:
    """(sheet, header text) -> 0-based column index, for every header row found (to place a comment)."""
    out = {}
    for g in grids:
        found = find_header(g.rows, SHEETS.get(norm(g.sheet)) if g.sheet else None)
        if not found:
            continue
        for i, cell in enumerate(g.rows[found[1]]):
            if filled(cell):
                out[(g.sheet, str(cell).strip())] = i
    return out


# ---------------------------------------------------------------- template


DATE_FORMAT = "DD/MM/YYYY"


def template_xlsx(current: dict[str, list[dict]] | None = None, lists: dict[str, list[str]] | None = None) -> bytes:
    """An .xlsx that guides: a help sheet, one sheet per importable table, drop-down lists, date cells.

    Args:
        current: table -> rows to prefill (column name -> value, references already as names).
        lists: column kind -> accepted names for the drop-down lists ("instance", "plan", "axis",
            "theme", "structure", "meeting", "indicator"); choices of a column come from tables.py.
    Returns:
        The workbook's bytes (made in memory with openpyxl).
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    current, lists = current or {}, dict(lists or {})
    wb = Workbook()
    help_ws = wb.active
    help_ws.title = "aide"
    help_ws.append(["Modèle d'import du tableau de suivi du CLSM"])
    help_ws["A1"].font = Font(bold=True, size=14)
    help_ws.append(["Remplissez les feuilles qui vous concernent ; les feuilles laissées vides sont ignorées. "
                    "Tapez les noms affichés dans l'application (instance, plan, structure, sigle…) : les codes "
                    "restent acceptés. Les listes déroulantes donnent les valeurs connues."])
    help_ws.append([])
    help_ws.append(["feuille", "colonne", "ce qu'elle contient", "exemple", "obligatoire"])
    for c in help_ws[4]:
        c.font = Font(bold=True)
    for name in IMPORTABLE:
        t = TABLES[name]
        for col in t.cols:
            meaning, example = HELP.get(name, {}).get(col.name, ("", ""))
            if not meaning and col.choices:
                meaning = "l'une de : " + ", ".join(col.choices)
            required = "oui (nouvelle ligne)" if col.required and col.name != GENERATED_KEYS.get(name) else ""
            help_ws.append([t.label, header_label(t, col), meaning, example, required])
    for letter, width in zip("ABCDE", (24, 26, 80, 30, 20), strict=True):
        help_ws.column_dimensions[letter].width = width
    help_ws["A2"].alignment = Alignment(wrap_text=True)

    # Lists for drop-downs live on a hidden sheet (a list in the validation itself is limited to 255 characters).
    lists_ws = wb.create_sheet("listes")
    ranges: dict[str, str] = {}
    columns_written = 0

    def list_range(key: str, values: list[str]) -> str | None:
        nonlocal columns_written
        if not values:
            return None
        if key not in ranges:
            letter = col_letter(columns_written)
            columns_written += 1
            lists_ws.cell(row=1, column=columns_written, value=key)
            for r, v in enumerate(values, start=2):
                lists_ws.cell(row=r, column=columns_written, value=v)
            ranges[key] = f"listes!${letter}$2:${letter}${len(values) + 1}"
        return ranges[key]

    for name in IMPORTABLE:
        t = TABLES[name]
        ws = wb.create_sheet(t.label[:31])
        ws.append([header_label(t, c) for c in t.cols])
        rows = current.get(name, [])
        for r in rows:
            ws.append([r.get(c.name) for c in t.cols])
        last = max(len(rows) + 1 + 300, 500)
        for i, col in enumerate(t.cols, start=1):
            cell = ws.cell(row=1, column=i)
            cell.font = Font(bold=True, color="FFFFFF")
            required = col.name in t.key or col.required
            cell.fill = PatternFill("solid", fgColor="0B4F8A" if required else "5B7A99")
            letter = col_letter(i - 1)
            ws.column_dimensions[letter].width = max(12, min(40, len(cell.value) + 4))
            fmt = {"date": DATE_FORMAT, "str": "@", "text": "@", "id": "@"}.get(col.type)
            if fmt:
                for row in range(2, last + 1):
                    ws.cell(row=row, column=i).number_format = fmt
            source = None
            if col.choices:
                source = list_range(f"{name}.{col.name}", list(col.choices))
            elif col.ref and col.ref in lists:
                source = list_range(col.ref, lists[col.ref])
            if source:
                dv = DataValidation(type="list", formula1=f"={source}", allow_blank=True, showDropDown=False)
                dv.error = "Choisissez une valeur de la liste (ou tapez un nom connu de l'application)."
                dv.errorTitle = "Valeur inconnue"
                dv.errorStyle = "warning"  # a warning: codes and other spellings stay possible
                dv.add(f"{letter}2:{letter}{last}")
                ws.add_data_validation(dv)
        ws.freeze_panes = "A2"
    lists_ws.sheet_state = "hidden"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def template_value(value: object) -> object:
    """A stored value as a template cell (dates stay dates)."""
    if isinstance(value, dt.datetime):
        return value.date()
    return value


_GLOSSARY_SHEETS = ("legende", "legendes", "codes", "sigles", "abreviations", "glossaire", "lexique", "ref actions",
                    "references", "references des actions", "ref", "refs", "reference", "correspondances")
_GLOSSARY_TERM = ("sigle", "sigles", "abreviation", "abreviations", "abrev", "acronyme", "acronymes")
_GLOSSARY_MEANING = ("signification", "significations", "nom complet", "en clair", "libelle", "developpe", "definition",
                     "nom", "intitule", "structure")


def _legend_aside(grid: Grid, pairs: list) -> Grid:
    """A list of abbreviations beside the table, past an empty column (« Abréviations | … »: « CoPil | Comité de
    pilotage »): its lines added to `pairs` and its columns taken out of the grid. The grid as it is otherwise."""
    for index, row in enumerate(grid.rows[:HEADER_SCAN]):
        for a, cell in enumerate(row):
            if a < 2 or not filled(cell) or norm(cell) not in _GLOSSARY_TERM + ("legende",):
                continue
            if any(a - 1 < len(r) and filled(r[a - 1]) for r in grid.rows) or any(filled(c) for c in row[a + 2:]):
                continue  # no empty column before it, or more columns after it: a column of the table
            found = []
            for r in grid.rows[index + 1:]:
                term = r[a] if a < len(r) else None
                meaning = r[a + 1] if a + 1 < len(r) else None
                if filled(term) and filled(meaning):
                    terms, meanings = str(term).split(" / "), str(meaning).split(" / ")
                    if len(terms) == len(meanings) > 1:  # « P / V / H | présentiel / visio / hybride »: three
                        found += [(grid.sheet, t.strip(), m.strip()) for t, m in zip(terms, meanings, strict=True)]
                    else:
                        found.append((grid.sheet, str(term).strip(), str(meaning).strip()))
            if not found:
                continue
            pairs.extend(found)
            return Grid(grid.sheet, [list(r[:a - 1]) for r in grid.rows], [m for m in grid.merged if m[0][1] < a - 1],
                        grid.hidden, grid.separators, above=grid.above)
    return grid


def glossaries(grids: list[Grid]) -> tuple[list[tuple[str, str, str]], list[Grid]]:
    """Sheets of abbreviations (« Sigle | Signification »: « CHJ | Centre hospitalier de Jury ») set apart: (sheet,
    abbreviation, meaning) of each line, and the other grids. A workbook's legend is how its writer names things."""
    pairs, rest = [], []
    for grid in grids:
        found = None
        for index, row in enumerate(grid.rows[:HEADER_SCAN]):
            cells = [(i, norm(c)) for i, c in enumerate(row) if filled(c)]
            if not cells:
                continue
            if len(cells) == 2 and cells[0][1] in _GLOSSARY_TERM and cells[1][1] in _GLOSSARY_MEANING:
                found = (index, cells[0][0], cells[1][0])
            break
        if found is None and norm(grid.sheet or "") in _GLOSSARY_SHEETS:
            # a sheet named « Légende » or « Codes »: its first two filled columns, whatever their headers say
            head = next((k for k, r in enumerate(grid.rows[:HEADER_SCAN]) if sum(1 for c in r if filled(c)) >= 2), None)
            if head is not None:
                cols = [i for i, c in enumerate(grid.rows[head]) if filled(c)]
                below = grid.rows[head + 1:]
                # « Code | Fiche | Indicateur »: the meaning is the column of the longest words, not the next one
                meaning = max(cols[1:], key=lambda i: sum(len(str(r[i])) for r in below if i < len(r) and filled(r[i])))
                found = (head, cols[0], meaning)
        if found is None:
            rest.append(_legend_aside(grid, pairs))
            continue
        index, a, b = found
        for row in grid.rows[index + 1:]:
            term = row[a] if a < len(row) else None
            meaning = row[b] if b < len(row) else None
            if filled(term) and filled(meaning):
                pairs.append((grid.sheet, str(term).strip(), str(meaning).strip()))
    return pairs, rest
