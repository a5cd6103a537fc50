"""Column specifications of every table: the one place the seed loader and the importer read."""

from __future__ import annotations

from dataclasses import dataclass, field

# Controlled vocabularies (French, as shown to users).
OBJECTIVE_LEVELS = ("général", "stratégique", "spécifique", "opérationnel")
ACTION_ORIGINS = ("partenaires", "CLSM", "COPIL", "fiche action")
ACTION_STATUSES = ("idée", "conception", "mise en œuvre", "réalisée", "reportée", "abandonnée")
ACTION_TYPOLOGIES = ("nouvelle", "expérimentale", "reconduite")
ACTION_DURATIONS = ("expérimentale", "annuelle", "pluriannuelle")
INDICATOR_KINDS = ("processus", "résultat")
INSTANCE_KINDS = ("copil", "plénière", "groupe", "réunion", "autre")
MEETING_MODES = ("présentiel", "visio", "hybride")
EVENT_MODES = ("présentiel", "distanciel", "hybride", "en direct")
DATE_PRECISIONS = ("jour", "mois", "année")
ROLE_CATEGORIES = ("professionnel", "usager", "aidant", "élu", "bénévole")
SECTORS = (
    "urgence médicale",
    "soins et prévention",
    "droit et protection des personnes",
    "accompagnement social et médico-social",
    "culture et loisirs",
    "emploi et formation",
    "éducation",
    "logement",
    "collectivités et État",
    "usagers et aidants",
    "recherche et information",
)
RESOURCE_KINDS = ("outil de coordination", "annuaire", "outil de formation")
MILESTONE_CATEGORIES = ("historique", "logement", "contribution", "thématiques")
EVENT_KINDS = ("SISM", "sensibilisation", "formation", "journée", "séminaire", "réunion publique", "autre")
NOTE_KINDS = ("point", "information", "constat", "décision")


@dataclass(frozen=True)
class Col:
    """One column: its type, whether it is required, and what it may hold."""

    name: str
    type: str = "str"  # id | str | text | int | float | date | bool
    required: bool = False
    choices: tuple[str, ...] = ()
    ref: str | None = None  # "table" whose primary key this column references
    label: str = ""  # French label for messages and templates


@dataclass(frozen=True)
class Table:
    """A table of the data model: ordered columns and its key."""

    name: str
    cols: tuple[Col, ...]
    key: tuple[str, ...]
    label: str = ""
    council_scoped: bool = True
    extra: dict = field(default_factory=dict)

    @property
    def col_names(self) -> list[str]:
        return [c.name for c in self.cols]

    def col(self, name: str) -> Col:
        for c in self.cols:
            if c.name == name:
                return c
        raise KeyError(name)


def _t(name, label, key, *cols, council_scoped=True):
    return Table(name=name, cols=tuple(cols), key=tuple(key), label=label, council_scoped=council_scoped)


SOURCE = Col("source_id", "id", ref="source_document", label="source")
# How precise an action's or a step's dates are ("2017-2020" is a span of years, not two days).
PERIOD_PRECISIONS = ("jour", "mois", "semestre", "année")
PERIOD_PRECISION = Col("period_precision", "str", choices=PERIOD_PRECISIONS, label="précision des dates")
NOTE = Col("note", "text", label="note")

TABLES: dict[str, Table] = {
    t.name: t
    for t in [
        _t(
            "source_document",
            "documents sources",
            ["source_id"],
            Col("source_id", "id", True),
            Col("file", "str", True),
            Col("title", "str", True),
            Col("published", "str"),
            NOTE,
            council_scoped=False,
        ),
        _t(
            "council",
            "conseils",
            ["council_id"],
            Col("council_id", "id", True),
            Col("name", "str", True),
            Col("territory", "str"),
            Col("carrier", "str"),
            NOTE,
            Col("department", "str", label="département"),
            Col("region", "str", label="région"),
            council_scoped=False,
        ),
        _t(
            "theme",
            "thématiques",
            ["theme_id"],
            Col("theme_id", "id", True),
            Col("name", "str", True, label="thématique"),
            Col("working_group", "str", label="groupe de travail"),
            Col("position", "int"),
            NOTE,
        ),
        _t(
            "structure",
            "structures",
            ["structure_id"],
            Col("structure_id", "id", True),
            Col("name", "str", True, label="nom"),
            Col("acronym", "str", label="sigle"),
            Col("sector", "str", choices=SECTORS, label="secteur"),
            Col("type", "str", label="type"),
            Col("commune", "str", label="commune"),
            Col("insee_code", "str", label="code INSEE"),
            Col("address", "str", label="adresse"),
            Col("latitude", "float"),
            Col("longitude", "float"),
            Col("location_precision", "str", choices=("adresse", "commune")),
            Col("founding_partner", "bool", label="partenaire fondateur"),
            Col("member_since", "int", label="membre depuis"),
            Col("parent_id", "id", ref="structure", label="structure de rattachement"),
            Col("website", "str"),
            SOURCE,
            NOTE,
        ),
        _t(
            "plan",
            "plans",
            ["plan_id"],
            Col("plan_id", "id", True),
            Col("name", "str", True, label="plan"),
            Col("short_name", "str"),
            Col("kind", "str"),
            Col("year_start", "int"),
            Col("year_end", "int"),
            Col("published", "str"),
            Col("position", "int"),
            SOURCE,
            NOTE,
        ),
        _t(
            "axis",
            "axes",
            ["axis_id"],
            Col("axis_id", "id", True),
            Col("plan_id", "id", True, ref="plan"),
            Col("number", "int", label="n° d'axe"),
            Col("title", "str", True, label="axe"),
            Col("short_title", "str"),
            SOURCE,
            NOTE,
        ),
        _t(
            "objective",
            "objectifs",
            ["objective_id"],
            Col("objective_id", "id", True),
            Col("plan_id", "id", True, ref="plan"),
            Col("axis_id", "id", ref="axis"),
            Col("theme_id", "id", ref="theme"),
            Col("level", "str", True, choices=OBJECTIVE_LEVELS, label="niveau"),
            Col("parent_id", "id", ref="objective"),
            Col("position", "int"),
            Col("text", "text", True, label="objectif"),
            SOURCE,
            NOTE,
        ),
        _t(
            "action",
            "actions",
            ["action_id"],
            Col("action_id", "id", True),
            Col("plan_id", "id", True, ref="plan", label="plan"),
            Col("axis_id", "id", ref="axis", label="axe"),
            Col("theme_id", "id", ref="theme", label="thématique"),
            Col("objective_id", "id", ref="objective", label="objectif"),
            Col("sheet_number", "str", label="n° de fiche"),
            Col("position", "int"),
            Col("title", "text", True, label="intitulé"),
            Col("origin", "str", choices=ACTION_ORIGINS, label="origine"),
            Col("status", "str", choices=ACTION_STATUSES, label="statut"),
            Col("typology", "str", choices=ACTION_TYPOLOGIES, label="typologie"),
            Col("duration", "str", label="durée"),
            Col("territory", "str", label="territoire"),
            Col("publics", "text", label="publics"),
            Col("people_concerned", "text", label="personnes concernées"),
            Col("porteur_id", "id", ref="structure", label="porteur"),
            Col("pilot", "str", label="pilote"),
            Col("period_label", "str", label="période"),
            Col("start_date", "date", label="début"),
            Col("end_date", "date", label="fin"),
            Col("budget_eur", "float", label="budget (€)"),
            Col("budget_note", "text", label="budget prévisionnel"),
            Col("funders", "text", label="financeurs"),
            Col("follow_up", "str", label="modalité de suivi"),
            Col("context", "text", label="contexte"),
            Col("description", "text", label="descriptif"),
            Col("evaluation_method", "text", label="méthode d'évaluation"),
            Col("health_determinants", "text", label="déterminants de santé"),
            Col("public_policies", "text", label="politiques publiques"),
            Col("reduces_inequalities", "bool", label="lutte contre les inégalités"),
            Col("participatory", "bool", label="démarche participative"),
            Col("updated_on", "date", label="mis à jour le"),
            SOURCE,
            NOTE,
            PERIOD_PRECISION,  # migration 010 adds it last
        ),
        _t(
            # An idea of a brainstorm (« piste », « proposition ») is not an engaged action: it has its
            # own table, its own counts and words, and links to the action it became once adopted.
            "proposal",
            "pistes d'actions",
            ["proposal_id"],
            Col("proposal_id", "id", True),
            Col("plan_id", "id", True, ref="plan", label="plan"),
            Col("axis_id", "id", ref="axis", label="axe"),
            Col("theme_id", "id", ref="theme", label="thématique"),
            Col("objective_id", "id", ref="objective", label="objectif"),
            Col("position", "int"),
            Col("title", "text", True, label="piste"),
            Col("origin", "str", choices=ACTION_ORIGINS, label="origine"),
            Col("action_id", "id", ref="action", label="devenue l'action"),
            SOURCE,
            NOTE,
        ),
        _t(
            "action_partner",
            "partenaires des actions",
            ["action_id", "structure_id", "role"],
            Col("action_id", "id", True, ref="action"),
            Col("structure_id", "id", True, ref="structure"),
            Col("role", "str", True, label="rôle"),
            NOTE,
        ),
        _t(
            "action_step",
            "étapes des actions",
            ["step_id"],
            Col("step_id", "id", True),
            Col("action_id", "id", True, ref="action"),
            Col("position", "int"),
            Col("kind", "str", choices=("objectif opérationnel", "jalon")),
            Col("title", "text", True, label="étape"),
            Col("how", "text", label="comment"),
            Col("who", "text", label="qui"),
            Col("planned_period", "str", label="quand"),
            Col("planned_start", "date"),
            Col("planned_end", "date"),
            Col("done_on", "date", label="réalisée le"),
            NOTE,
            PERIOD_PRECISION,  # migration 010 adds it last
        ),
        _t(
            "indicator",
            "indicateurs",
            ["indicator_id"],
            Col("indicator_id", "id", True),
            Col("action_id", "id", ref="action"),
            Col("kind", "str", True, choices=INDICATOR_KINDS, label="type"),
            Col("position", "int"),
            Col("label", "text", True, label="indicateur"),
            Col("unit", "str", label="unité"),
            Col("target", "float", label="cible"),
            NOTE,
        ),
        _t(
            "indicator_value",
            "valeurs des indicateurs",
            ["indicator_id", "period_label"],
            Col("indicator_id", "id", True, ref="indicator"),
            Col("period_label", "str", True, label="période"),
            Col("period_start", "date"),
            Col("period_end", "date"),
            Col("value", "float", label="valeur"),
            Col("value_text", "text", label="détail"),
            SOURCE,
            NOTE,
        ),
        _t(
            "instance",
            "instances",
            ["instance_id"],
            Col("instance_id", "id", True),
            Col("name", "str", True, label="instance"),
            Col("kind", "str", True, choices=INSTANCE_KINDS),
            Col("theme_id", "id", ref="theme"),
            Col("position", "int"),
            NOTE,
        ),
        _t(
            "meeting",
            "réunions",
            ["meeting_id"],
            Col("meeting_id", "id", True),
            Col("instance_id", "id", True, ref="instance", label="instance"),
            Col("date", "date", True, label="date"),
            Col("date_precision", "str", True, choices=DATE_PRECISIONS),
            Col("mode", "str", choices=MEETING_MODES, label="modalité"),
            Col("place", "str", label="lieu"),
            Col("title", "str", label="intitulé"),
            Col("agenda", "text", label="ordre du jour"),
            Col("next_meeting", "text", label="prochaine réunion"),
            SOURCE,
            NOTE,
        ),
        _t(
            "attendance",
            "présences",
            ["meeting_id", "structure_id", "role_category"],
            Col("meeting_id", "id", True, ref="meeting"),
            Col("structure_id", "id", True, ref="structure", label="structure"),
            Col("role_category", "str", True, choices=ROLE_CATEGORIES, label="catégorie"),
            Col("count", "int", True, label="nombre"),
            NOTE,
        ),
        _t(
            "meeting_note",
            "points des réunions",
            ["meeting_id", "position"],
            Col("meeting_id", "id", True, ref="meeting"),
            Col("position", "int", True),
            Col("topic", "str", True, label="thème"),
            Col("theme_id", "id", ref="theme"),
            Col("kind", "str", True, choices=NOTE_KINDS, label="nature"),
            Col("text", "text", True, label="contenu"),
            NOTE,
        ),
        _t(
            "event",
            "événements",
            ["event_id"],
            Col("event_id", "id", True),
            Col("kind", "str", True, choices=EVENT_KINDS, label="type"),
            Col("year", "int", True, label="année"),
            Col("date", "date", label="date"),
            Col("date_precision", "str", choices=DATE_PRECISIONS),
            Col("title", "str", label="intitulé"),
            Col("theme_id", "id", ref="theme"),
            Col("mode", "str", choices=EVENT_MODES, label="modalité"),
            Col("organiser", "str", label="organisateur"),
            Col("sessions_count", "int", label="sessions"),
            Col("partners_count", "int", label="partenaires"),
            Col("events_count", "int", label="événements"),
            Col("participants_count", "int", label="participants"),
            SOURCE,
            NOTE,
        ),
        _t(
            "resource",
            "ressources",
            ["resource_id"],
            Col("resource_id", "id", True),
            Col("kind", "str", True, choices=RESOURCE_KINDS, label="type"),
            Col("name", "str", True, label="ressource"),
            Col("description", "text"),
            Col("structure_id", "id", ref="structure", label="structure"),
            Col("publics", "str", label="publics"),
            Col("theme_id", "id", ref="theme", label="thématique"),
            Col("commune", "str", label="commune"),
            Col("url", "str"),
            Col("contact", "str", label="contact"),
            Col("hours", "str", label="horaires"),
            Col("created_year", "int", label="créé en"),
            Col("updated_on", "date", label="mis à jour le"),
            SOURCE,
            NOTE,
        ),
        _t(
            "milestone",
            "étapes du CLSM",
            ["milestone_id"],
            Col("milestone_id", "id", True),
            Col("category", "str", True, choices=MILESTONE_CATEGORIES),
            Col("date_label", "str", True, label="quand"),
            Col("year_start", "int", True),
            Col("year_end", "int"),
            Col("date", "date"),
            Col("date_precision", "str", choices=DATE_PRECISIONS),
            Col("title", "text", True, label="étape"),
            SOURCE,
            NOTE,
        ),
        _t(
            "commune",
            "communes",
            ["insee_code"],
            Col("insee_code", "str", True),
            Col("name", "str", True),
            Col("epci", "str"),
            Col("latitude", "float"),
            Col("longitude", "float"),
            NOTE,
            council_scoped=False,
        ),
        # ---- the slideshow's named sequences and the annual report's texts (written from the app)
        _t(
            "slide_sequence",
            "séquences de diapositives",
            ["sequence_id"],
            Col("sequence_id", "id", True, label="identifiant"),
            Col("name", "str", True, label="nom"),
            Col("slides", "text", True, label="diapositives"),
            Col("position", "int", label="ordre"),
            NOTE,
        ),
        _t(
            "report_text",
            "textes du bilan annuel",
            ["section", "year"],
            Col("year", "int", True, label="année"),
            Col("section", "str", True, label="section"),
            Col("text", "text", label="texte"),
            NOTE,
        ),
    ]
}

# ---------------------------------------------------------------- figures a COPIL can trust
# Realised work linked to the actions, counts without dates, readings and clashes of the documents,
# the yearly follow-up (status history, comments) and the years the COPIL validated.
REALISATION_KINDS = ("événement", "jalon", "ressource", "étape", "autre")
READING_KINDS = ("lecture", "écart", "correction")
TABLES.update({
    t.name: t
    for t in [
        _t(
            "action_realisation",
            "réalisations des actions",
            ["realisation_id"],
            Col("realisation_id", "id", True),
            Col("action_id", "id", True, ref="action", label="action"),
            Col("kind", "str", True, choices=REALISATION_KINDS, label="type"),
            Col("event_id", "id", ref="event", label="événement"),
            Col("milestone_id", "id", ref="milestone", label="étape du CLSM"),
            Col("resource_id", "id", ref="resource", label="ressource"),
            Col("year", "int", True, label="année"),
            Col("date", "date", label="date"),
            Col("date_precision", "str", choices=DATE_PRECISIONS),
            Col("quantity", "int", label="quantité"),
            Col("unit", "str", label="unité"),
            Col("status_after", "str", choices=ACTION_STATUSES, label="statut établi"),
            SOURCE,
            Col("quote", "text", label="citation"),
            NOTE,
        ),
        _t(
            "counted_meeting",
            "réunions comptées sans date",
            ["count_id"],
            Col("count_id", "id", True),
            Col("instance_id", "id", True, ref="instance", label="instance"),
            Col("year", "int", True, label="année"),
            Col("period_label", "str", True, label="période"),
            Col("period_start", "date"),
            Col("period_end", "date"),
            Col("meetings", "int", label="réunions"),
            Col("count_text", "text", label="décompte écrit"),
            Col("participants", "int", label="participants"),
            SOURCE,
            Col("quote", "text", label="citation"),
            NOTE,
        ),
        _t(
            "reading",
            "lectures et écarts des documents",
            ["reading_id"],
            Col("reading_id", "id", True),
            Col("kind", "str", True, choices=READING_KINDS, label="nature"),
            Col("table_name", "str", label="table"),
            Col("row_key", "str", label="ligne"),
            Col("column_name", "str", label="colonne"),
            SOURCE,
            Col("other_source_id", "id", ref="source_document", label="autre source"),
            Col("section", "str", label="rubrique"),
            Col("quote", "text", label="citation"),
            Col("reason", "text", True, label="lecture retenue et raison"),
            NOTE,
        ),
        _t(
            "action_status",
            "historique des statuts",
            ["action_id", "date", "status"],
            Col("action_id", "id", True, ref="action", label="action"),
            Col("date", "date", True, label="date"),
            Col("date_precision", "str", choices=DATE_PRECISIONS),
            Col("status", "str", True, choices=ACTION_STATUSES, label="statut"),
            SOURCE,
            Col("quote", "text", label="citation"),
            NOTE,
        ),
        _t(
            "action_comment",
            "commentaires annuels des actions",
            ["action_id", "year"],
            Col("action_id", "id", True, ref="action", label="action"),
            Col("year", "int", True, label="année"),
            Col("comment", "text", True, label="commentaire"),
            NOTE,
        ),
        _t(
            "year_validation",
            "années validées par le COPIL",
            ["validation_id"],
            Col("validation_id", "id", True),  # "annee-2021": one validation per year
            Col("year", "int", True, label="année"),
            Col("validated_on", "date", True, label="validée le"),
            Col("validated_by", "str", True, label="validée par"),
            Col("figures", "text", True, label="chiffres figés (JSON)"),
            NOTE,
        ),
    ]
})

# ---------------------------------------------------------------- the year's own facts
# What the documents report as done in a year (an application filed, sheets drafted, actions proposed to a
# partner, an event attended, a decision), with its words: the bilan's « faits marquants », never « aucune ».
ACHIEVEMENT_KINDS = ("dossier déposé", "fiches rédigées", "actions proposées", "participation à un événement",
                     "réunion", "document produit", "décision")
TABLES.update({
    t.name: t
    for t in [
        _t(
            "achievement",
            "faits marquants de l'année",
            ["achievement_id"],
            Col("achievement_id", "id", True),
            Col("year", "int", True, label="année"),
            Col("date", "date", label="date"),
            Col("date_precision", "str", choices=DATE_PRECISIONS),
            Col("kind", "str", True, choices=ACHIEVEMENT_KINDS, label="nature"),
            Col("title", "text", True, label="fait"),
            Col("action_id", "id", ref="action", label="action"),
            Col("event_id", "id", ref="event", label="événement"),
            Col("meeting_id", "id", ref="meeting", label="réunion"),
            SOURCE,
            Col("quote", "text", label="citation"),
            NOTE,
        ),
    ]
})

# Load order respecting references (a table after every table it references).
LOAD_ORDER = list(TABLES)
