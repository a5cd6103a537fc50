"""Names, not codes: a reference typed as the app shows it (name, short name, acronym, « Axe 2 »,
« Comité de pilotage 15/03/2022 ») is matched to its code, accents, case and spacing aside; an unknown
or ambiguous value is refused with the closest names. Codes stay accepted."""

from __future__ import annotations

import difflib
import os
import re
from collections import defaultdict

from clsm_data.core.config import bound_council
from clsm_data.core.tables import TABLES, Col
from clsm_data.core.validate import SLUG, CellError
from clsm_data.importing.words import LITTLE_WORDS, norm

SUGGESTIONS = 3
MAX_CANDIDATES = 300  # a choice among names on the page: the closest first, then the others by name


class RefError(CellError):
    """A value that names nothing (or several things); `expected` lists the closest accepted names."""

    def __init__(self, message: str, expected: str = "") -> None:
        super().__init__(message)
        self.expected = expected


def _closest(text: str, labels: dict[str, str], *, strict: bool = False) -> list[str]:
    """Display labels closest to `text` (labels: normalised -> display), best first.

    `strict` (what a question may propose, not only hint at): a typed word starting each word, or a spelling
    near at 0.6, never the last resort of comparing single words (« CLSM » is not « CMP Winnicott »)."""
    key = norm(text)
    words = key.split()
    out: list[str] = []
    # every typed word is the start of a word of the label (« grp jeunes » is not, « gr jeunes » is)
    for k, label in labels.items():
        lw = k.split()
        if words and all(any(w2.startswith(w) or w in w2 for w2 in lw) for w in words if len(w) > 2):
            if label not in out and any(len(w) > 2 for w in words):
                out.append(label)
    scored = difflib.get_close_matches(key, list(labels), n=SUGGESTIONS * 2, cutoff=0.6 if strict else 0.45)
    for k in scored:
        if labels[k] not in out:
            out.append(labels[k])
    if not out and not strict:
        # compare with the words of the label, for short values against long names
        ratios = sorted(
            ((max((difflib.SequenceMatcher(None, key, w).ratio() for w in [k, *k.split()]), default=0), k)
             for k in labels),
            reverse=True,
        )
        out = [labels[k] for r, k in ratios[:SUGGESTIONS] if r >= 0.6]
    return out[:SUGGESTIONS]


def suggest_text(value: str, closest: list[str]) -> str:
    """« "Grp jeunes" : vouliez-vous dire « Groupe projets « jeunes » » ? »"""
    if not closest:
        return ""
    return "vouliez-vous dire " + " ou ".join(f"« {c} »" for c in closest) + " ?"


# Other words people use for a value of a closed list (normalised text -> the list's value), only where the
# meaning is not in doubt; anything else is asked once on the page and remembered.
CHOICE_SYNONYMS: dict[str, dict[str, str | tuple[str, ...]]] = {  # a tuple: the first value the column's list has
    # a CLS sheet's ticked typology (« ☒ Nouvelle action »)
    "typology": {"nouvelle action": "nouvelle", "action nouvelle": "nouvelle", "action experimentale": "expérimentale",
                 "experimentation": "expérimentale", "action reconduite": "reconduite", "reconduction": "reconduite",
                 "action renouvelee": "reconduite", "renouvelee": "reconduite"},
    "role_category": {"patient": "usager", "personne concernee": "usager", "personnes concernees": "usager",
                      "famille": "aidant", "familles": "aidant", "proche": "aidant", "proches": "aidant",
                      "elu local": "élu", "elus locaux": "élu", "pro": "professionnel", "pros": "professionnel"},
    "mode": {"visioconference": ("visio", "distanciel"), "mixte": "hybride", "sur place": "présentiel",
             "en presentiel": "présentiel", "a distance": ("visio", "distanciel"), "distanciel": "visio",
             "en distanciel": ("visio", "distanciel"), "en visio": ("visio", "distanciel"),
             "visio": "distanciel", "en salle": "présentiel", "salle": "présentiel", "sur site": "présentiel",
             "en presence": "présentiel", "teams": ("visio", "distanciel"), "zoom": ("visio", "distanciel"),
             "en ligne": ("visio", "distanciel"), "webinaire": ("visio", "distanciel")},  # a meeting's list says
    # visio, an event's distanciel (« Teams », the tool named for the way it is held)
    "status": {"en cours": "mise en œuvre", "en projet": "conception", "a lancer": "conception",
               "a venir": "conception", "a programmer": "conception", "en preparation": "conception", "prevu": "conception",
               "prevue": "conception", "a l etude": "conception", "lance": "mise en œuvre", "lancee": "mise en œuvre",
               "demarre": "mise en œuvre", "demarree": "mise en œuvre", "en place": "mise en œuvre",
               "termine": "réalisée", "terminee": "réalisée", "acheve": "réalisée", "achevee": "réalisée",
               "fait": "réalisée", "faite": "réalisée", "suspendu": "reportée", "suspendue": "reportée",
               "differe": "reportée", "differee": "reportée", "repousse": "reportée", "repoussee": "reportée",
               "abandon": "abandonnée", "annule": "abandonnée", "annulee": "abandonnée",
               # half done is under way, not done; waiting (for a funder's answer) is put off
               "fait en partie": "mise en œuvre", "en partie": "mise en œuvre", "partiellement": "mise en œuvre",
               "partiellement realise": "mise en œuvre", "partiellement realisee": "mise en œuvre",
               "realise en partie": "mise en œuvre", "realisee en partie": "mise en œuvre",
               "en attente": "reportée", "en suspens": "reportée", "mis en attente": "reportée",
               "mise en attente": "reportée", "en pause": "reportée", "en reflexion": "conception",
               "en construction": "conception", "a construire": "conception"},
    # the words a partner uses for its sector (« Santé », « Social », « Hébergement »), one meaning each
    "sector": {"sante": "soins et prévention", "soins": "soins et prévention", "sante soins": "soins et prévention",
               "soin": "soins et prévention", "prevention": "soins et prévention", "sanitaire": "soins et prévention",
               "social": "accompagnement social et médico-social", "medico social": "accompagnement social et médico-social",
               "social medico social": "accompagnement social et médico-social",
               "hebergement": "logement", "logement hebergement": "logement",
               "collectivite": "collectivités et État", "collectivites": "collectivités et État",
               "institution": "collectivités et État", "institutionnel": "collectivités et État",
               "usagers": "usagers et aidants", "usagers familles": "usagers et aidants", "familles": "usagers et aidants",
               "aidants": "usagers et aidants", "culture": "culture et loisirs", "loisirs": "culture et loisirs",
               "sport": "culture et loisirs", "culture loisirs sport": "culture et loisirs",
               "emploi": "emploi et formation", "insertion": "emploi et formation",
               "insertion professionnelle": "emploi et formation", "formation": "emploi et formation",
               "justice": "droit et protection des personnes", "droit": "droit et protection des personnes",
               "urgence": "urgence médicale", "urgences": "urgence médicale", "recherche": "recherche et information",
               "protection": "droit et protection des personnes", "protection des majeurs": "droit et protection des personnes",
               "tutelle": "droit et protection des personnes", "mandataire judiciaire": "droit et protection des personnes",
               "petite enfance": "éducation", "enfance": "éducation", "jeunesse": "éducation", "scolaire": "éducation",
               "enseignement": "éducation"},
    "kind": {"semaine d information sur la sante mentale": "SISM",
             "semaines d information sur la sante mentale": "SISM", "cine debat": "réunion publique",
             "cine debats": "réunion publique", "conference": "réunion publique", "conference debat": "réunion publique",
             "forum": "journée", "colloque": "séminaire", "atelier de sensibilisation": "sensibilisation"},
}


_SHORTHANDS = {"57": "moselle", "ados": "adolescents", "gpe": "groupe", "grpe": "groupe", "gt": "groupe",
               "chs": "ch",  # a centre hospitalier spécialisé is the hospital
               "gp": "groupe projets", "clsm": "conseil local sante mentale"}


# the same institution said two ways: the Département is governed by its conseil départemental, the Région by its
# conseil régional (« conseil départemental de la moselle », « CD57 » for « Département de la Moselle »)
_PHRASES = ((re.compile(r"\bconseil departemental\b(?! d acces)"), "departement"),
            (re.compile(r"\bconseil regional\b"), "region"), (re.compile(r"^cd ?57$"), "departement moselle"),
            (re.compile(r"^metz metropole$"), "eurometropole metz"),  # renamed on 1 January 2024
            # the national education's services in the département (« DSDEN 57 », « DASEN »): the Éducation nationale
            (re.compile(r"^(?:dsden|dasen|ia|inspection academique)(?: 57| moselle)?$"), "education nationale"),
            (re.compile(r"^mairie de "), "ville de "),  # the town hall is the town
            (re.compile(r"^cabinet du maire\b"), "ville"),  # the mayor's cabinet is a service of the town
            # a working group, whatever the council calls it (« groupe de travail », « groupe projets »)
            (re.compile(r"\bgroupes? (?:de travail|projets?|thematiques?)\b"), "groupe"))


def _local(key: str) -> str:
    """A normalised name with the council's shorthands spelt out: « 57 » is the Moselle (its département number),
    « ados » the adolescents (« Maison des ados »), « conseil départemental » the Département."""
    key = re.sub(r"\b([a-z]{2,})(\d+)\b", r"\1 \2", key)  # « PEP57 » is « PEP 57 »
    key = re.sub(r"\b[a-z](?: [a-z]\b){2,}", lambda m: m.group(0).replace(" ", ""), key)  # « C.M.S.E.A. » is « CMSEA »
    for pattern, said in _PHRASES:
        key = pattern.sub(said, key)
    return " ".join(_SHORTHANDS.get(w, w) for w in key.split())


def _bare(key: str) -> str:
    """A normalised name without its small words (de, des, la…), its words in order: « Ville de Metz - Pôle petite
    enfance » and « Pôle petite enfance de la Ville de Metz » are one name."""
    words = [w for w in key.split() if w not in LITTLE_WORDS]
    # numbers keep their order (« 05/12/2022 » is not « 12/05/2022 »)
    return " ".join(sorted(w for w in words if not w.isdigit()) + [w for w in words if w.isdigit()])


def _joined(text: object) -> str:
    """A name normalised with its compound words whole: « Ville de Montigny-lès-Metz » -> 'ville de montignylesmetz'
    (a town named after another is not that town), « CLS 2022-2026 » -> 'cls 20222026'."""
    text = re.sub(r"\b(S)(te?)\b\.?(?=[\s-])", lambda m: "Saint" + ("e" if m.group(2) == "te" else ""), str(text),
                  flags=re.IGNORECASE)  # « Ban-St-Martin » is « Ban-Saint-Martin »
    text = re.sub(r"\b([ldjnsc]|qu)['’](?=\w)", r"\1 ", text, flags=re.IGNORECASE)  # « l'EMPP »: the EMPP
    return norm(re.sub(r"(?<=\w)[-‐'’](?=\w)", "", text))


def _with_initials(key: str) -> set[str]:
    """A stored name with one run of two to five of its words written as their initials (« espace bernard marie
    koltes » -> « espace bmk », « bernard marie koltes »…), little words aside."""
    words = [w for w in _local(key).split() if w not in LITTLE_WORDS]
    out = set()
    for start in range(len(words)):
        for end in range(start + 2, min(len(words), start + 5) + 1):
            out.add(" ".join([*words[:start], "".join(w[0] for w in words[start:end]), *words[end:]]))
    return out


def _shorter(raw: str) -> list[str]:
    """A typed name without what was added after it: a last bracket (« (FIR) »), a service after a spaced dash
    (« CH de Jury – direction »), the services after the first of a path (« CD57 / DEF / ASE », « CD57 > PMI »), a
    territorial delegation's « DT » before its agency (« DT ARS 57 »)."""
    out = []
    if (m := re.match(r"^(.{3,}?)\s*\([^()]*\)\s*$", raw)) and m.group(1).strip():
        out.append(m.group(1).strip())
    if len(parts := re.split(r"\s+[–—-]\s+", raw)) >= 2 and len(parts[0].strip()) >= 3:
        out.append(parts[0].strip())
    if len(parts := re.split(r"\s*(?:\s/\s|>)\s*", raw)) >= 3 and len(parts[0].strip()) >= 2:
        out.append(parts[0].strip())
    if m := re.match(r"^(?:DT|DD|délégation territoriale(?: de l'| de la| du)?)\s+(.{3,})$", raw, re.IGNORECASE):
        out.append(m.group(1).strip())
    return out


def _words(key: str) -> set[str]:
    """The words of a normalised name that tell it apart (not de, la, les…), « info » spelt out."""
    return {_SPELT.get(w, w) for w in key.split() if w not in LITTLE_WORDS}


_SPELT = {"info": "information", "infos": "information", "asso": "association", "pb": "probleme",
          "maj": "mise", "com": "communication",  # « MAJ outils de coordination », « Com' Stopblues »
          "pros": "professionnels", "pro": "professionnel", "nb": "nombre", "nbre": "nombre"}


def _same_word(a: str, b: str) -> bool:
    """One word for another: the same, or one the start of the other from five letters (« adolescent »,
    « adolescents »; « partenaire », « partenaires »)."""
    if a == b:
        return True
    if min(len(a), len(b)) >= 5 and (a.startswith(b) or b.startswith(a)):
        return True
    common = len(os.path.commonprefix([a, b]))  # « déclarant », « déclarent »: one verb
    return common >= 6 and common >= min(len(a), len(b)) - 3


# inclusive writing: « Professionnel(le) », « élu·e », « usager.e », « aidant-e »
_INCLUSIVE = re.compile(r"\s*(?:\((?:e|le|ne|se|ère|rice|euse)\)|[·.\-](?:e|le|ne|se|ère|rice|euse))(s?)$", re.IGNORECASE)


_FEMININE = (("elle", "el"), ("enne", "en"), ("ere", "er"), ("euse", "eur"), ("rice", "eur"), ("ive", "if"))


def close_choices(col: Col, text: str) -> list[str]:
    """The values of a closed list close to a typed text, best first: one of its words starts a value's word
    (« Formation PSSM » -> formation, « Soins » -> soins et prévention), or the spelling is near (0.65; not
    « Inauguration » for formation)."""
    key = norm(text)
    words = [w for w in key.split() if len(w) > 2]
    out = [c for c in col.choices if any(w2.startswith(w) for w in words for w2 in norm(c).split())]
    near = difflib.get_close_matches(key, [norm(c) for c in col.choices], n=3, cutoff=0.65)
    out += [c for c in col.choices if norm(c) in near and c not in out]
    return out


def match_choice(col: Col, text: str) -> str:
    """A value of a closed list (status, role category…) matched without accents or case.

    Raises:
        RefError: not in the list; the closest values are proposed.
    """
    by_norm = {norm(c): c for c in col.choices}
    key = norm(_INCLUSIVE.sub(r"\1", text.strip()))
    if key in by_norm:
        return by_norm[key]
    if key.startswith("en ") and key[3:] in by_norm:  # « en conception »: the stage it is at
        return by_norm[key[3:]]
    said = CHOICE_SYNONYMS.get(col.name, {}).get(key)
    for value in (said if isinstance(said, tuple) else (said,)):
        if value in col.choices:
            return value
    if col.name == "role_category" and re.fullmatch(r"[A-ZÉ]", text.strip()):
        # « P », « U », « A », « E », « B »: a category by its initial, when one value only begins with it
        starts = [c for k, c in by_norm.items() if k.startswith(key)]
        if len(starts) == 1:
            return starts[0]
    # an abbreviation with its dot, the start of one value only: « sensib. », « form. », « Aid. »
    if text.strip().endswith(".") and len(key) >= 2:  # « Us. », « Bén. », « sensib. »
        starts = [c for k, c in by_norm.items() if k.startswith(key)]
        if len(starts) == 1:
            return starts[0]
    # plural or feminine forms typed by habit: « usagers », « élue », « réalisé », « professionnelle », « usagère »
    for k, c in by_norm.items():
        if key.rstrip("se") == k.rstrip("se") and key:
            return c
    for feminine, masculine in _FEMININE:
        for end in (feminine, feminine + "s"):
            if key.endswith(end) and key[: -len(end)] + masculine in by_norm:
                return by_norm[key[: -len(end)] + masculine]
    if col.name == "mode" and len(parts := re.split(r"\s*(?:\+|&|/|,|\bet\b)\s*", text.strip())) == 2:
        # « sur place + Teams », « salle et visio »: some in the room, others at a distance
        try:
            both = {match_choice(col, part) for part in parts}
            if len(both) == 2 and "hybride" not in both and "hybride" in col.choices:
                return "hybride"
        except RefError:
            pass
    typed = text.strip()
    if (typed.endswith(".") or typed.isupper()) and len(key) >= 3:
        # « MEDICO-SOC. », « EMPLOI-FORM. », « LOGT »: each word the start of a word of one value (or, one word
        # in capitals, its letters in order in one value's word beginning alike)
        words = key.split()

        def fits(value: str) -> bool:
            vw = norm(value).split()
            if all(any(v.startswith(w) for v in vw) for w in words):
                return True
            return len(words) == 1 and typed.isupper() and any(
                v[0] == words[0][0] and re.fullmatch(".*?".join(map(re.escape, words[0])) + ".*", v) for v in vw)

        starts = [c for c in col.choices if fits(c)]
        if len(starts) == 1:
            return starts[0]
    if col.name != "mode" and len(parts := re.split(r"\s+/\s+|\s+ou\s+", text.strip())) == 2:
        # « en pause / reportée »: two words for one value, one of them in the list
        found = set()
        for part in parts:
            try:
                found.add(match_choice(col, part))
            except RefError:
                pass
        if len(found) == 1:
            return found.pop()
    allowed = ", ".join(col.choices)
    closest = _closest(text, {norm(c): c for c in col.choices})
    hint = suggest_text(text, closest)
    raise RefError(f"« {text} » n'est pas une valeur prévue" + (f" : {hint}" if hint else ""),
                   f"l'une de {allowed}")


class Names:
    """The names each referenced row answers to, read once from the database (plus rows of the file)."""

    REF_TABLES = ("instance", "plan", "axis", "theme", "structure", "meeting", "indicator", "objective", "action")

    def __init__(self) -> None:
        self.parent_of: dict[str, str] = {}  # structure id -> the structure it belongs to
        self.ids: dict[str, set[str]] = defaultdict(set)
        self.by_label: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        # the same names with their compound words kept whole (« Montigny-lès-Metz », « 2022-2026 »): sure_row
        self.written: dict[str, dict[str, set[str]]] = defaultdict(dict)
        self.display: dict[str, dict[str, str]] = defaultdict(dict)  # table -> id -> label shown
        self.plan_of: dict[str, str] = {}  # axis id -> plan id
        self.action_plan: dict[str, str] = {}  # action id -> plan id (« Axe 2 » of an action updated)
        self.plan_year: dict[str, int] = {}  # plan id -> the year it starts (or was published)
        self.sheet_of: dict[str, set[str]] = {}  # an action sheet's number (« 32 ») -> the actions bearing it
        self.action_at: dict[tuple[str, int], str] = {}  # (plan id, number in the plan) -> action id
        self.meeting_at: dict[tuple, set[str]] = {}  # (instance id, date, its precision) -> meeting ids
        self.event_at: dict[tuple, set[str]] = {}  # (kind, date, its precision) -> event ids
        self.aliases: dict[str, dict[str, str]] = {}  # target -> normalised name -> row id (remembered answers)
        self.stored: dict[str, set[str]] = {}  # table -> ids read from the database
        self.acronyms: dict[str, tuple[list[str], set[str]]] = {}  # structure id -> (its acronym's words, its name's)
        self.legend: dict[str, str] = {}  # a file's own abbreviations (its « Sigles » sheet): abbreviation -> meaning
        self.letters: dict[str, str] = {}  # every abbreviation of that list as written, one letter too (« V » -> visio)
        self._con = None
        self._loaded: set[str] = set()

    def _structure_more_than_named(self, raw: str) -> str | None:
        """A structure written with more than its name: its département's number (« Cap emploi 57 »), or the
        council it acts for (« CHJ – CLSM »), its name then being the stored one's or its initials (« CHJ »: Centre
        hospitalier de Jury). The one row the rest names, else None."""
        def exact(text: str) -> set[str]:
            return set(self.by_label["structure"].get(norm(text), ())) or self._by_initials_of(text)

        rest = None
        parts = re.split(r"\s+[–—-]\s+", raw)
        if (m := re.match(r"^(.*\S)\s+(?:57|moselle)$", raw, re.IGNORECASE)) and len(parts) == 1:
            rest = m.group(1)
        elif len(parts) == 2 and norm(parts[1]) in ("clsm", "coordination clsm", "coordination du clsm", "clsm metz"):
            rest = parts[0]
        elif len(parts) == 2 and len(parts[1]) <= 30 and not exact(parts[1]) \
                and not self.sharing_a_rare_word("structure", parts[1]):
            # « ARS – DT57 », « ARS Grand Est – DT 57 »: a service or an office no stored name holds, after the name
            found = exact(parts[0]) or ({sure} if (sure := self._sure_row("structure", parts[0])) else set())
            return next(iter(found)) if len(found) == 1 else None
        elif re.fullmatch(r"[A-Za-z]{3,6}", raw):
            rest = raw
        found = exact(rest) if rest else set()
        if not found and not exact(raw):
            found = self._by_short_letters(raw)  # « ML », « VDM », « GEM CC »
        return next(iter(found)) if len(found) == 1 else None

    def _acronyms_spelt(self, words: set[str]) -> set[str]:
        """The words with each one that is the acronym of one stored structure (« mda ») replaced by that structure's
        name's words (« maison », « adolescents », « moselle »)."""
        out = set()
        for w in words:
            ids = self.by_label["structure"].get(w, set()) & self.stored.get("structure", set())
            name = self.display["structure"].get(next(iter(ids)), "") if len(ids) == 1 else ""
            spelt = _words(_local(norm(name))) if name and norm(name) != w and len(w) <= 6 else set()
            out |= spelt or {w}
        return out

    def _misread(self, text: str) -> str | None:
        """The one stored structure a scanned name stands for (« GEM l'AIbatros », « AD0MA », « UNAFAM S7 », « CH Jurv »,
        « Vilie de Metz »): letters read as figures and back undone, then the stored name whose words are the typed
        ones, at most two of them one letter off (words of four letters or more)."""
        fixed = re.sub(r"(?<=[^\W\d_])0|0(?=[^\W\d_]{2})", "o", text)  # « AD0MA »
        fixed = re.sub(r"(?<=[a-zà-ÿ])I|I(?=[a-zà-ÿ])", "l", fixed)  # « AIbatros », « CIaudel »
        fixed = re.sub(r"\bS(?=\d\b)", "5", fixed)  # « S7 »
        fixed = re.sub(r"\bln(?=[a-zà-ÿ])", "in", fixed)  # « lnfirmière »
        if fixed != text:
            found = self.by_label["structure"].get(norm(fixed), set()) & self.stored.get("structure", set())
            if len(found) == 1:
                return next(iter(found))
            if (sure := self._sure_row("structure", fixed)) is not None:
                return sure
        typed = norm(fixed).split()
        if not any(len(w) >= 4 for w in typed):
            return None
        def one_off(a: str, b: str) -> bool:
            if len(a) >= 4 and len(a) == len(b):
                return sum(x != y for x, y in zip(a, b, strict=True)) == 1
            if min(len(a), len(b)) >= 5 and abs(len(a) - len(b)) == 1:  # « camile », « mision »: a letter left out
                short, long_ = sorted((a, b), key=len)
                return any(long_[:k] + long_[k + 1:] == short for k in range(len(long_)))
            return False

        for same_length in (True, False):  # the names of as many words first (« Vilie de Metz » is « Ville de Metz »)
            close = self._one_letter_off(typed, one_off, same_length)
            if len(close) == 1:
                return next(iter(close))
        return None

    def _one_letter_off(self, typed: list[str], one_off, same_length: bool) -> set[str]:
        close = set()
        for key, ids in self.by_label["structure"].items():
            words = key.split()
            if len(words) < len(typed) or (same_length and len(words) != len(typed)):
                continue
            # every typed word in the stored name, in its order, as it is or one letter off (« Médecins du Monda »)
            at, off = 0, 0
            for w in typed:
                while at < len(words) and words[at] != w and not one_off(w, words[at]):
                    at += 1
                if at == len(words):
                    break
                off += words[at] != w
                at += 1
            else:
                if 0 < off <= 2 and (len(words) == len(typed) or len(typed) >= 2):
                    close |= ids & self.stored.get("structure", set())
        return close

    def _by_initials_of(self, text: str) -> set[str]:
        """The stored structures whose name's initials are the typed word (« CHJ »: Centre hospitalier de Jury)."""
        word = norm(text)
        if not re.fullmatch(r"[a-z]{3,6}", word):
            return set()
        out = set()
        for sid in self.stored.get("structure", set()):
            words = [w for w in norm(self.display["structure"].get(sid, "")).split() if w not in LITTLE_WORDS]
            if len(words) == len(word) and "".join(w[0] for w in words) == word:
                out.add(sid)
        return out

    def _by_short_letters(self, text: str) -> set[str]:
        """The stored structures a short name in capitals stands for, its letters the initials of the name's first
        words, little words counted or not (« ML »: Mission locale du Pays Messin; « VDM »: Ville de Metz; « EN »:
        Éducation nationale), or a word then initials (« GEM CC »: GEM Camille Claudel). Empty unless one only."""
        parts = str(text).split()
        place = None
        if len(parts) == 2 and parts[1].isdigit() and parts[1] in _SHORTHANDS:
            # « EPE 57 »: the initials, then the département's number (École des parents et des éducateurs de Moselle)
            place, parts = _SHORTHANDS[parts[1]], parts[:1]
        if not parts or len(parts) > 2 or not all(re.fullmatch(r"[A-ZÉÈ]{2,5}", w) for w in parts[-1:]) \
                or len(norm(text).replace(" ", "")) < 2:
            return set()
        head = norm(parts[0]) if len(parts) == 2 else None
        letters = norm(parts[-1])
        out = set()
        for sid in self.stored.get("structure", set()):
            words = norm(self.display["structure"].get(sid, "")).split()
            if place is not None and place not in words:
                continue
            if head is not None:
                if not words or words[0] != head:
                    continue
                words = words[1:]
            for kept in (words, [w for w in words if w not in LITTLE_WORDS]):
                if len(kept) >= len(letters) and "".join(w[0] for w in kept[:len(letters)]) == letters:
                    out.add(sid)
        return out if len(out) == 1 else set()

    def resources_of(self, structure_id: str) -> list[tuple[str, str]]:
        """(id, name) of the stored resources of one structure (a directory's line names its service in words)."""
        if self._con is None:
            return []
        return self._con.execute("SELECT resource_id, name FROM resource WHERE council_id = ? AND structure_id = ?",
                                 [bound_council(self._con), structure_id]).fetchall()

    def resources_named(self, name: str) -> list[tuple[str, str]]:
        """(id, name) of the stored resources of exactly this name, whatever their structure (a national line stored
        without one, a directory naming it with its structure)."""
        if self._con is None:
            return []
        rows = self._con.execute("SELECT resource_id, name FROM resource WHERE council_id = ?",
                                 [bound_council(self._con)]).fetchall()
        return [(rid, stored) for rid, stored in rows if norm(stored) == norm(name)]

    # ------------------------------------------------------------ building

    def add(self, table: str, row_id: str, display: str | None, *labels: object) -> None:
        """Register a row: its code, the label shown for it, and every other name it answers to."""
        self.ids[table].add(row_id)
        if display:
            self.display[table][row_id] = str(display)
        for label in (display, *labels):
            if label is not None and str(label).strip():
                key = norm(label)
                if key:
                    self.by_label[table][key].add(row_id)
                    self.written[table].setdefault(_joined(label), set()).add(row_id)

    @classmethod
    def load(cls, con, aliases: dict[str, dict[str, str]] | None = None) -> Names:
        """Every name of the reference tables, from the database.

        Args:
            aliases: the names the coordinator matched to rows for earlier files (memory.aliases), target ->
                normalised name -> row id; the planner reads them and hands them in, so that this module
                stays below the memory (which lists its aliases by these names).
        """
        n = cls()
        n._con = con
        n._loaded = {"instance", "plan", "axis", "theme", "structure", "meeting", "indicator", "objective", "action"}
        # The rows of the council the import writes for (a database may hold several councils).
        c = [bound_council(con)]
        rows = con.execute("SELECT instance_id, name, kind, theme_id FROM instance WHERE council_id = ?", c).fetchall()
        kinds = defaultdict(list)
        for iid, _, kind, _ in rows:
            kinds[kind].append(iid)
        themes = {tid: (name, wg) for tid, name, wg in con.execute(
            "SELECT theme_id, name, working_group FROM theme WHERE council_id = ?", c).fetchall()}
        for iid, name, kind, theme in rows:
            extra = [kind.upper()] if len(kinds[kind]) == 1 else []
            if theme and theme in themes:
                tname, wg = themes[theme]
                extra += [wg, f"groupe {tname}", f"groupe projets {tname}", f"groupe de travail {tname}",
                          f"GT {tname}", tname]  # « GT jeunes »: GT is how every council writes « groupe de travail »
            if kind == "copil":
                extra.append("copil")
            # « Plénière CLSM », « Comité de pilotage du CLSM »: the council's own instances, said with its name
            extra += [f"{x} {joint}" for x in (name, *extra) for joint in ("CLSM", "du CLSM")]
            n.add("instance", iid, name, *extra)
        for pid, start, published in con.execute("SELECT plan_id, year_start, published FROM plan WHERE council_id = ?",
                                                 c).fetchall():
            year = start or next((int(y) for y in re.findall(r"(?:19|20)\d\d", str(published or ""))), None)
            if year:
                n.plan_year[pid] = int(year)
        for pid, name, short in con.execute("SELECT plan_id, name, short_name FROM plan WHERE council_id = ?", c).fetchall():
            n.add("plan", pid, short or name, name, short)
        for aid, pid, number, title, short in con.execute(
            "SELECT axis_id, plan_id, number, title, short_title FROM axis WHERE council_id = ?", c
        ).fetchall():
            n.plan_of[aid] = pid
            shown = f"Axe {number} – {title}" if number is not None else title
            n.add("axis", aid, shown, title, short, *([f"axe {number}", f"axe {number} {short or ''}"]
                                                      if number is not None else []))
        for tid, (name, wg) in themes.items():
            n.add("theme", tid, name, wg)
        n.parent_of = dict(con.execute("SELECT structure_id, parent_id FROM structure WHERE council_id = ? "
                                       "AND parent_id IS NOT NULL", c)
                           .fetchall())
        for sid, name, acronym in con.execute("SELECT structure_id, name, acronym FROM structure WHERE council_id = ?", c).fetchall():
            n.add("structure", sid, name, acronym, f"{acronym} {name}" if acronym else None)
            if not acronym and (inner := re.search(r"\(([A-ZÉÈ][A-ZÉÈ0-9-]{1,9})\)", str(name))):
                n.add("structure", sid, None, inner.group(1))  # « Équipe réseau … (ERAH) de l'hôpital de Jury »: ERAH
            if acronym:
                n.acronyms[sid] = (norm(acronym).split(), set(_local(norm(name)).split()))
        inst = {iid: name for iid, name, _, _ in rows}
        for mid, iid, date, title, precision in con.execute(
            "SELECT meeting_id, instance_id, date, title, date_precision FROM meeting WHERE council_id = ?", c
        ).fetchall():
            n.add_meeting(mid, iid, date, title, inst, precision)
        for iid, label in con.execute("SELECT indicator_id, label FROM indicator WHERE council_id = ?", c).fetchall():
            n.add("indicator", iid, label, iid)  # shown by its label (« vouliez-vous dire … »), never its code
        for oid, text in con.execute("SELECT objective_id, text FROM objective WHERE council_id = ?", c).fetchall():
            n.add("objective", oid, text, oid)
        for aid, title, pid, position, sheet in con.execute("SELECT action_id, title, plan_id, position, sheet_number "
                                                                "FROM action WHERE council_id = ?", c).fetchall():
            n.add("action", aid, title, aid)
            n.action_plan[aid] = pid
            if sheet:
                n.sheet_of.setdefault(str(sheet).strip().lstrip("0"), set()).add(aid)
            if position is not None:
                n.action_at[(pid, position)] = aid
        for eid, title, kind, date, precision in con.execute(
                "SELECT event_id, coalesce(title, kind || ' ' || year), kind, date, date_precision FROM event "
                "WHERE council_id = ?", c).fetchall():
            n.add("event", eid, title)
            if kind and date is not None:
                n.event_at.setdefault((kind, date, precision or "jour"), set()).add(eid)
        n._loaded.add("event")
        for did, title, published in con.execute("SELECT source_id, title, published FROM source_document").fetchall():
            # « Avancée des projets (nov. 2020) », also typed « Avancée des projets, nov. 2020 »
            n.add("source_document", did, f"{title} ({published})" if published else title, did, title)
        n._loaded.add("source_document")
        n.stored = {t: set(ids) for t, ids in n.ids.items()}  # rows of the database (the file's come later)
        n.aliases = dict(aliases or {})
        return n

    def add_meeting(
        self, mid: str, iid: str | None, date, title: str | None, inst: dict[str, str], precision: str | None = "jour"
    ) -> None:
        """A meeting answers to its code, « <instance> <date> » and its title; it is shown as
        « Comité de pilotage 15/03/2022 » when known to the day."""
        labels = []
        shown = mid
        if date is not None:
            # known to the month or the year: « Comité de pilotage 02/2017 », « Assemblée plénière 2019 »
            day = {"mois": date.strftime("%m/%Y"), "année": date.strftime("%Y")}.get(precision or "jour",
                                                                                     date.strftime("%d/%m/%Y"))
            names = [iid, inst.get(iid)] + [k for k, v in self.by_label["instance"].items() if iid in v]
            labels += [f"{x} {day}" for x in names if x] + [f"{x} du {day}" for x in names if x]
            if inst.get(iid):
                shown = f"{inst[iid]} {day}"
        self.add("meeting", mid, shown, mid, *labels, title)
        if iid is not None and date is not None:
            self.meeting_at.setdefault((iid, date, precision or "jour"), set()).add(mid)

    # ------------------------------------------------------------ resolving

    def resolve(self, table: str, text: str, *, plan: str | None = None) -> str:
        """The code a typed value names in `table`.

        Args:
            plan: the row's plan, to tell « Axe 2 » of one plan from another's.
        Raises:
            RefError: unknown, or naming several rows; with the closest names.
        """
        if table not in self._loaded and self._con is not None:
            key = TABLES[table].key[0]
            mine = " WHERE council_id = ?" if TABLES[table].council_scoped else ""
            params = [bound_council(self._con)] if mine else []
            for (row_id,) in self._con.execute(f"SELECT {key} FROM {table}{mine}", params).fetchall():  # noqa: S608
                self.add(table, row_id, row_id)
            self._loaded.add(table)
        raw = str(text).strip()
        low = raw.lower()
        if SLUG.match(low) and low in self.ids[table]:
            return low
        key = norm(raw)
        alias = self.aliases.get(table, {}).get(key)
        if alias in self.ids[table]:
            return alias  # a name the coordinator matched to this row for an earlier file
        found = set(self.by_label[table].get(key, ()))
        if table == "axis" and found and plan:
            inside = {a for a in found if self.plan_of.get(a) == plan}
            if not inside:
                axes = sorted(self.display["axis"].get(a, a) for a, p in self.plan_of.items() if p == plan)
                shown_plan = self.display["plan"].get(plan, plan)
                raise RefError(f"« {raw} » n'est pas un axe du plan « {shown_plan} »",
                               ", ".join(axes) if axes else "aucun axe pour ce plan : laissez la cellule vide")
            found = inside
        if table == "axis" and not found and plan and re.fullmatch(r"\d+", key):
            found = set(self.by_label[table].get(f"axe {key}", ()))
            found = {a for a in found if self.plan_of.get(a) == plan}
        if not found:
            found = self.loose(table, key)
            if table == "axis" and plan:
                found = {a for a in found if self.plan_of.get(a) == plan}
        if not found and table == "meeting" and (m := re.match(r"^(.+?)\s+(\d{2}/\d{2}/\d{4})$", raw)):
            # « GROUPE DE TRAVAIL « SITUATIONS DE CRISE » 05/03/2024 »: the instance its words can only mean, that day
            said = norm(m.group(1))
            ids = self.by_label["instance"].get(said, set())
            iid = (next(iter(ids)) if len(ids) == 1 else self.aliases.get("instance", {}).get(said)
                   or self.sure_row("instance", m.group(1)))
            if iid:
                found = set(self.by_label["meeting"].get(norm(f"{iid} {m.group(2)}"), ()))
        label = TABLES[table].label
        if len(found) == 1:
            return next(iter(found))
        shown = self.display[table]
        if len(found) > 1:
            names = sorted(self.shown(table, i) or i for i in found)
            options = sorted({self.shown(table, i) for i in found}, key=norm)[:5]
            hint = " (ou précisez le plan de la ligne)" if table == "axis" else ""
            raise RefError(f"« {raw} » est ambigu : plusieurs lignes de la table {label} portent ce nom : "
                           f"{suggest_text(raw, options)}{hint}", " ou ".join(names[:5]))
        labels = {}
        for k, ids in self.by_label[table].items():
            if len(ids) == 1:
                i = next(iter(ids))
                if table == "axis" and plan and self.plan_of.get(i) != plan:
                    continue
                labels.setdefault(k, shown.get(i, i))
        closest = _closest(raw, labels)
        hint = suggest_text(raw, closest)
        if hint:
            raise RefError(f"« {raw} » ne correspond à aucune ligne de la table {label} : {hint}",
                           ", ".join(closest))
        if SLUG.match(low):
            raise RefError(f"« {raw} » ne correspond à aucune ligne de la table {label} "
                           "(ni dans la base, ni dans ce fichier)",
                           f"un nom ou un code de la table {label}")
        raise RefError(f"« {raw} » ne correspond à aucune ligne de la table {label}",
                       f"un nom ou un code de la table {label}")

    def loose(self, table: str, key: str) -> set[str]:
        """The rows a normalised name matches once its exact form matched none: for a structure, its acronym and
        words of its name (« ARS Grand Est », « UNAFAM 57 »); for any name, the same words
        with the small ones and their order aside (« Réunion d'information partenaires 27/05/2021 » for « … des
        partenaires … »; numbers keep their order)."""
        found = self._by_acronym(key) if table == "structure" else set(self.by_label[table].get(_local(key), ()))
        if not found and len(_bare(_local(key)).split()) >= 2:
            bare = _bare(_local(key))
            found = {i for k, ids in self.by_label[table].items() if _bare(k) == bare for i in ids}
        return found

    def _by_acronym(self, key: str) -> set[str]:
        """Structures written as their acronym and words of their name: « ARS Grand Est », « UNAFAM 57 », « MDA 57 »
        (57 is the Moselle's number); also the name with « 57 » for « Moselle »."""
        words = _local(key).split()
        found = set(self.by_label["structure"].get(" ".join(words), ()))
        for sid, (acronym, name) in self.acronyms.items():
            n = len(acronym)
            if len(words) > n and words[:n] == acronym and all(w in name for w in words[n:]):
                found.add(sid)
        return found

    def close_labels(self, table: str, text: str, *, plan: str | None = None) -> list[str]:
        """The names shown of the rows close to a typed value (the ones « vouliez-vous dire » offers)."""
        rows = {i for i in self.ids[table] if not (table == "axis" and plan and self.plan_of.get(i) != plan)}
        by_label: dict[str, str] = {}
        for k, ids in self.by_label[table].items():
            for i in ids & rows:
                by_label.setdefault(k, self.display[table].get(i) or i)
        first: list[str] = []
        key = norm(text)
        if table == "axis" and plan and (m := re.match(r"^axe (\d+)\b", key)):  # « axe 2 - santé mentale »
            first += [by_label[k] for k in (f"axe {m.group(1)}",) if k in by_label]
        if (m := re.match(r"^(.+?)\s*\([^()]+\)\s*$", str(text).strip())):  # « CH Jury (coordination CLSM) »
            head = norm(m.group(1))
            found = (self.by_label[table].get(head, set()) or self.loose(table, head)) & rows
            first += [self.display[table].get(i) or i for i in found] if len(found) == 1 else []
        return list(dict.fromkeys(first + _closest(text, by_label, strict=True)))

    def sure_row(self, table: str, text: str, *, plan: str | None = None) -> str | None:
        """The one row a typed name can only mean, else None: its words (small ones aside, « info » for
        « information ») all in that row's name or acronym, or that row's name all in it, and in no other row's
        (« Maison des adolescents » is « Maison des adolescents de Moselle », « CLS Ville de Metz 2022-2026 » is
        « CLS 2022-2026 »); the shorter side has two words at least (an acronym is matched as « acronym name »). « Centre
        hospitalier », in two rows' names, is asked."""
        found = self._sure_row(table, text, plan=plan)
        if found is None and table == "action":
            found = self._sure_row(table, text, plan=plan, spell=True)
        if found is None and table == "structure":
            found = self._misread(str(text))
        if found is None and table in ("structure", "action"):
            # « ARS Grand Est (FIR) », « Projet d'accès au théâtre (Espace Bernard Marie Koltès) »: the name without
            # what the writer added after it, when that can only mean one row (said as « lu comme »)
            hits = set()
            for variant in _shorter(str(text).strip()):
                ids = self.by_label[table].get(norm(variant), set())
                hit = next(iter(ids)) if len(ids) == 1 else self._sure_row(table, variant, plan=plan)
                if hit:
                    hits.add(hit)
            if len(hits) == 1:
                found = next(iter(hits))
        if found is None and self.legend and (spelt := self.spelt_out(text)) != str(text):
            # « Résidence accueil BSM » with « BSM = Ban-Saint-Martin » in the file's list of abbreviations (after the
            # name as typed: « ERAH (CHJ) » is the ERAH, not the hospital its brackets spell out)
            found = self._sure_row(table, spelt, plan=plan)
            if found is None and table == "action":  # « PA-19 » = « Collaborations avec la MDA »
                found = self._sure_row(table, spelt, plan=plan, spell=True)
        return found

    def _sure_row(self, table: str, text: str, *, plan: str | None = None, spell: bool = False) -> str | None:
        if table == "plan" and re.search(r"\b\d{2}\s*[-–/]\s*\d{2}\b", str(text)):
            # « CLS 22-26 »: the years written with two figures, « CLS 2022-2026 »
            full = re.sub(r"\b(\d{2})\s*[-–/]\s*(\d{2})\b", r"20\1-20\2", str(text))
            found = self.by_label["plan"].get(norm(full), set())
            if len(found) == 1:
                return next(iter(found))
        if table == "structure" and (more := self._structure_more_than_named(str(text).strip())):
            return more
        if table == "structure" and (word := re.sub(r"^(?:le|la|l)\s+", "", _local(norm(text)))) in ("departement",
                                                                                                     "region"):
            # « Conseil départemental », « le Département », « Région » alone: the one Département (Région) the
            # council names, whose name begins with that word (« Département de la Moselle »)
            ones = {i for key, ids in self.by_label[table].items() if key.split()[:1] == [word] for i in ids
                    if i in self.stored.get(table, set())}
            if len(ones) == 1:
                return next(iter(ones))
        if table == "action" and not plan and (m := re.fullmatch(r"\s*([A-ZÉÈ]{3,6})\s+((?:19|20)\d\d)\s*", str(text))):
            # « SISM 2024 » in a list of several plans' actions: of the actions whose title holds that acronym, the
            # one of the latest plan begun by that year (the action in force then)
            word, year = norm(m.group(1)), int(m.group(2))
            holding = {i for key, ids in self.by_label[table].items() if word in key.split() for i in ids
                       if self.plan_year.get(self.action_plan.get(i), 9999) <= year}
            latest = max((self.plan_year[self.action_plan[i]] for i in holding), default=None)
            holding = {i for i in holding if self.plan_year[self.action_plan[i]] == latest}
            if len(holding) == 1:
                return next(iter(holding))
        if table == "action" and plan and re.fullmatch(r"\s*[A-ZÉÈ]{3,6}\s*", str(text)):
            # « SISM » alone in a follow-up of one plan: the one action of that plan whose title holds that acronym
            word = norm(text)
            holding = {i for key, ids in self.by_label[table].items() if word in key.split() for i in ids
                       if self.action_plan.get(i) == plan}
            if len(holding) == 1:
                return next(iter(holding))
        if table == "axis" and plan and (m := re.fullmatch(r"\s*(?:axe\s+)?([IVX]{1,4})\s*[.:–-]?\s*", str(text),
                                                           re.IGNORECASE)):
            # « I », « Axe II »: an axis numbered in Roman figures
            value = {"i": 1, "v": 5, "x": 10}
            roman = m.group(1).lower()
            number = sum(-value[c] if k + 1 < len(roman) and value[c] < value[roman[k + 1]] else value[c]
                         for k, c in enumerate(roman))
            found = {i for i in self.by_label[table].get(f"axe {number}", set()) if self.plan_of.get(i) == plan}
            if len(found) == 1:
                return next(iter(found))
        if table == "action" and (m := re.match(r"^action\s+(?:n\s*|no\s*|numero\s*)?(\d{1,3})\b(?!\s*(?:personnes|"
                                               r"participants|jeunes|structures))", norm(text))):
            # « Action 19 – Collaborations avec la MDA », « Action n°15 : rencontre CMP / partenaires »: the action of
            # that number whose title shares words with the rest (of the given plan, else of any)
            number = int(m.group(1))
            rest = [w for w in norm(text)[m.end():].split() if len(w) > 2 and w not in LITTLE_WORDS]
            at = {a for (p, n), a in self.action_at.items() if n == number and (plan is None or p == plan)}
            fitting = {a for a in at if rest and 3 * sum(any(s.startswith(w) for s in norm(self.display["action"].get(
                a, "")).split()) for w in rest) >= len(rest)}
            if len(fitting) == 1:
                return next(iter(fitting))
        if table == "action" and (m := re.match(r"^(?:fa|fiche(?: action)?|fiche n|fa n|f a)\s*(\d{1,3})\b",
                                               norm(text))):
            # « FA 32 – Sensibilisation… (CLS 2017-2020) », « Fiche 15 »: the action sheet of that number (of the plan
            # the brackets or the row name, when several plans number their sheets alike)
            bearing = self.sheet_of.get(m.group(1).lstrip("0"), set())
            if len(bearing) > 1 and (said := re.search(r"\(([^()]+)\)", str(text))):
                named = self._sure_row("plan", said.group(1)) or next(iter(self.by_label["plan"].get(
                    norm(said.group(1)), ())), None)
                bearing = {a for a in bearing if self.action_plan.get(a) == named}
            if plan and len(bearing) > 1:
                bearing = {a for a in bearing if self.action_plan.get(a) == plan}
            rest = {w for w in norm(text)[m.end():].split() if len(w) > 3 and w not in LITTLE_WORDS}
            if len(bearing) > 1 and rest:  # « Fiche 15 – Coordination du CLSM »: the sheet n°15 whose title says so
                bearing = {a for a in bearing if rest & set(norm(self.display["action"].get(a, "")).split())} or bearing
            if len(bearing) == 1:
                return next(iter(bearing))
        if table == "structure" and len(tail := norm(text).split()) >= 2 and len(norm(text)) >= 6:
            # « les wads » for « CSAPA les Wads »: the end of one stored name, word for word
            ends = {i for key, ids in self.by_label[table].items() if key.split()[-len(tail):] == tail
                    and len(key.split()) > len(tail) for i in ids}
            if len(ends) == 1:
                return next(iter(ends))
        if m := re.search(r"\((?:ex|anciennement|ancien nom)[.\s:-]+([^()]+)\)", str(text), re.IGNORECASE):
            # « France Travail (ex-Pôle emploi) »: the row stored under its former name
            former = self.by_label[table].get(norm(m.group(1)), set())
            if len(former) == 1:
                return next(iter(former))
        if table in ("instance", "structure") and len(halves := re.split(r"\s+/\s+", str(text).strip())) == 2 \
                and not any(self._sure_row(table, h, plan=plan) for h in halves[1:]) \
                and not self.by_label[table].get(norm(halves[1])):
            # « Rencontre partenaires / CMP »: the instance, then where or with whom; the first half names it
            head = self.by_label[table].get(norm(halves[0]), set()) or {self._sure_row(table, halves[0], plan=plan)}
            if len(head) == 1 and None not in head:
                return next(iter(head))
        parts = [p.strip() for p in re.split(r"\s[-–—]\s", str(text))]
        if len(parts) == 2 and table == "structure":
            # « SUMPPS - Université de Lorraine »: two stored names, a service and what it belongs to: the service;
            # two unrelated ones: not sure
            exact = [self.by_label[table].get(norm(p), set()) | self.by_label[table].get(_local(norm(p)), set())
                     for p in parts]
            # « Équipe réseau (ERAH) – CH Jury »: a part named loosely, read surely (never the whole text again)
            each = [e or ({sure} if (sure := self._sure_row(table, p, plan=plan)) else set()) for e, p in zip(
                exact, parts, strict=True)]
            if all(len(e) == 1 for e in each) and each[0] != each[1]:
                a, b = (next(iter(e)) for e in each)
                # « CMSEA – Service en Amont »: the service, whose pôle belongs to the association
                if b in self.ancestors(a) or a in self.ancestors(b):
                    return a if b in self.ancestors(a) else b
                # « Département de la Moselle – cohésion sociale »: the structure named in full, then one of its
                # services that only sounds like another stored name (the State's cohésion sociale is not it)
                if len(exact[0]) == 1 and not exact[1]:
                    return a
                return None
        if m := re.match(r"^(.+?)\s*\(([^()]+)\)\s*$", str(text).strip()):
            # « SUMPPS (Université de Lorraine) »: the name before the brackets, when it is a stored one's exactly
            head = self.by_label[table].get(norm(m.group(1)), set()) | self.by_label[table].get(_local(norm(m.group(1))),
                                                                                                set())
            if len(head) == 1:
                return next(iter(head))
        typed = _words(_local(_joined(text)))
        if spell:  # « Collaborations acteurs locaux / MDA »: a partner's acronym, its name in the title
            typed = self._acronyms_spelt(typed)
        if not typed:
            return None
        found = set()
        # « RESIDENCE ACCUEIL DU BAN ST MARTIN »: a stored name's words, its compound words typed apart
        squeezed = "".join(w for w in _local(_joined(text)).split() if w not in LITTLE_WORDS)
        if len(squeezed) >= 12:
            same = {i for key, ids in self.written[table].items()
                    if "".join(w for w in _local(key).split() if w not in LITTLE_WORDS) == squeezed for i in ids}
            if len(same) == 1:
                return next(iter(same))
        if re.search(r"\b[A-Z]{2,5}\b", str(text)):
            # « Espace BMK »: a stored name with a run of its words written as their initials
            plain = [w for w in _local(_joined(text)).split() if w not in LITTLE_WORDS]
            same = {i for key, ids in self.written[table].items() if " ".join(plain) in _with_initials(key) for i in ids}
            if len(same) == 1:
                return next(iter(same))
        if re.search(r"[^\W\d_]\.(?:\s|$)", str(text)):
            # « GEM C. Claudel », « Centre P. Janet », « Éduc. nat. »: words cut short with a full stop (an initial, the
            # start of a word), the others whole, in the stored name's order
            said = [(norm(w), bool(dot)) for w, dot in re.findall(r"([^\W\d_][\w'’-]*)(\.?)", str(text))]
            said = [(w, dot) for w, dot in said if w and w not in LITTLE_WORDS]
            whole = [w for w, dot in said if not dot]
            if any(len(w) >= 4 for w in whole) or (not whole and sum(len(w) >= 3 for w, _ in said) >= 2):
                same = {i for key, ids in self.written[table].items()
                        if len(words := [w for w in key.split() if w not in LITTLE_WORDS]) == len(said)
                        and all(x.startswith(w) if dot else _same_word(w, x) for (w, dot), x in zip(said, words,
                                                                                                   strict=True))
                        for i in ids}
                if len(same) == 1:
                    return next(iter(same))
        if table == "theme" and len(typed) == 1:  # « Culture » for « Culture/loisirs »: a thematic's first word
            word = next(iter(typed))
            found = {i for key, ids in self.written[table].items() for i in ids
                     if key.split() and _same_word(word, key.split()[0]) and len(word) >= 5}
            return next(iter(found)) if len(found) == 1 else None
        if len(typed) == 1 and len(word := next(iter(typed))) >= 5:
            # « Eurométropole » for « Eurométropole de Metz »: a long word starting one stored name, in no other name
            rows = {i for key, ids in self.written[table].items() if any(_same_word(word, x) for x in _words(_local(key)))
                    for i in ids}
            first = {i for key, ids in self.written[table].items() if key.split() and _same_word(word, key.split()[0])
                     for i in ids}
            # « Stopblues »: a long word of one row's name only, wherever it stands in it
            if len(word) >= 6 and len(rows) == 1 and (rows == first or len(word) >= 7) and table != "axis":
                return next(iter(rows))
            # « Ville » for « Ville de Metz »: the word starting the name of one structure that belongs to none, the other
            # names holding it being its own services (« Pôle petite enfance de la Ville de Metz »)
            if table == "structure" and len(first) == 1 and (sid := next(iter(first))) not in self.parent_of \
                    and all(sid in self.ancestors(i) for i in rows - first):
                return sid
        for key, ids in self.written[table].items():
            words = _words(_local(key))
            if not words:
                continue
            # the words typed in a stored name (« Maison des ados » in « … de Moselle »), a word's form aside; or a stored
            # name wholly in the typed one, word for word (« Département de la Moselle » is not in « Union
            # départementale des associations familiales de la Moselle »)
            inside = len(typed) >= 2 and len(typed) <= len(words) and all(any(_same_word(w, x) for x in words)
                                                                           for w in typed)
            around = len(words) >= 2 and len(words) < len(typed) and words <= typed and (
                table != "action" or 2 * len(words) >= len(typed))  # « Outils de coordination » is no short title
            if inside or around:
                found |= {i for i in ids if not (table == "axis" and plan and self.plan_of.get(i) != plan)
                          and not (table == "action" and plan and self.action_plan.get(i) != plan)}
        if not found and table in ("indicator", "instance", "structure", "action") and (
                bare := re.sub(r"\s+", " ", re.sub(r"\([^()]*\)|\b(?:19|20)\d\d\b", " ", str(text))).strip()) \
                and bare != str(text).strip():
            # « Réunion d'information partenaires (SISM 2025) »: the name without its remark in brackets or its year
            return self.sure_row(table, bare, plan=plan)
        if not found and (table in ("indicator", "instance") or (table == "action" and not spell)) \
                and len(typed) >= 3:
            # an indicator's long wording shortened (« Actions réalisées / prévues »): the one wording holding two
            # thirds of the words typed, twice as many as any other; a remark in brackets aside (« (toutes instances) »),
            # and a year (« Info partenaires SISM 2026 » is the partners' information meeting)
            typed = _words(_local(_joined(re.sub(r"\([^()]*\)|\b(?:19|20)\d\d\b", " ", str(text))))) or typed
            if table == "action":  # a short title of the plan's action (« Concertation logement élargie »): its long
                # words only, three at least, two shared; not the words of every title (« santé », « mentale »)
                common = self._common_title_words()
                typed = {w for w in typed if len(w) >= 5 and w not in common}
                if len(typed) < 3:
                    return None
            scores = sorted(((sum(any(_same_word(w, x) for x in _words(_local(key))) for w in typed), i)
                             for key, ids in self.by_label[table].items() for i in ids
                             if table != "action" or not plan or self.action_plan.get(i) == plan), reverse=True)
            if not scores:
                return None
            best = {i for n, i in scores if n == scores[0][0]}
            second = max((n for n, i in scores if i not in best), default=0)
            if len(best) == 1 and 3 * scores[0][0] >= 2 * len(typed) and scores[0][0] >= 2 * max(second, 1):
                found = best
        return next(iter(found)) if len(found) == 1 else None

    def _common_title_words(self) -> set[str]:
        """The words of more than one action title in eight (« santé », « mentale »): they tell no action apart."""
        if getattr(self, "_common", None) is None:
            counts: dict[str, int] = {}
            keys = list(self.by_label["action"])
            for key in keys:
                for w in _words(_local(key)):
                    counts[w] = counts.get(w, 0) + 1
            self._common = {w for w, n in counts.items() if 8 * n > len(keys)}
        return self._common

    def ancestors(self, row_id: str) -> list[str]:
        """The structures a structure belongs to, nearest first (its pôle, then the association)."""
        out: list[str] = []
        while (row_id := self.parent_of.get(row_id)) and row_id not in out and len(out) < 6:
            out.append(row_id)
        return out

    def spelt_out(self, text: object) -> str:
        """A name with the file's own abbreviations written out (« CHJ » -> « Centre hospitalier de Jury »)."""
        out = str(text)
        for term in sorted(self.legend, key=len, reverse=True):
            out = re.sub(rf"(?<![\w]){re.escape(term)}(?![\w])", lambda _m, t=term: self.legend[t], out)
        return out

    def sharing_a_rare_word(self, table: str, text: str) -> set[str]:
        """The rows whose names hold a word of the typed one (four letters at least) that no other row's name holds
        (« Urgences de Mercy » and « Hôpital de Mercy »): a proposal to confirm, never a sure reading."""
        rows: set[str] = set()
        for word in _words(_local(_joined(text))):
            if len(word) < 4:
                continue
            holding = {i for key, ids in self.written[table].items() if word in _words(_local(key)) for i in ids}
            if len(holding) == 1:
                rows |= holding
        return rows

    def candidates(self, table: str, text: str, *, plan: str | None = None) -> list[tuple[str, str]]:
        """(row id, name shown) of every row a typed value may name, the closest first: the options of
        the page's « which one is it? » question (names, never codes)."""
        rows = [i for i in self.ids[table] if not (table == "axis" and plan and self.plan_of.get(i) != plan)]
        shown = {i: self.display[table].get(i) or i for i in rows}
        first = self.close_labels(table, text, plan=plan)
        key = norm(text)
        first += sorted({shown[i] for i in self.by_label[table].get(key, ()) if i in shown}, key=norm)
        order = {label: n for n, label in enumerate(dict.fromkeys(first))}
        ranked = sorted(((i, shown[i]) for i in rows), key=lambda r: (order.get(r[1], len(order)), norm(r[1])))
        return ranked[:MAX_CANDIDATES]

    def shown(self, table: str, row_id: str | None) -> str | None:
        """The label to write for a code in a template: one that resolves back to it, else the code."""
        if row_id is None:
            return None
        label = self.display[table].get(row_id)
        if label and self.by_label[table].get(norm(label)) == {row_id}:
            return label
        return row_id

    def choices(self, table: str) -> list[str]:
        """Labels for a drop-down list, sorted."""
        return sorted({self.shown(table, i) for i in self.ids[table]}, key=norm)
