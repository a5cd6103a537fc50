"""Text normalisation shared by every stage of the import: a header, sheet name or value without case,
accents or punctuation (`norm`), and a header reduced to its words (`header_key`). Imports nothing of the
package: the bottom floor of clsm_data.importing."""

from __future__ import annotations

import re
import unicodedata


def norm(text: object) -> str:
    """A header, sheet name or value without case, accents, punctuation: « N° de fiche » -> 'n de fiche'."""
    t = unicodedata.normalize("NFKD", str(text)).replace("œ", "oe").replace("Œ", "oe")
    t = "".join(ch for ch in t if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", " ", t).strip()


LITTLE_WORDS = {"de", "du", "des", "la", "le", "les", "l", "d", "a", "au", "aux", "en", "et", "un", "une", "par",
                "pour", "sur", "avec", "dans", "chez"}
_ABBREV = {"nb": "nombre", "nbre": "nombre", "nbr": "nombre", "no": "numero", "n": "numero", "num": "numero",
           "obs": "observation", "rq": "remarque", "rem": "remarque", "com": "commentaire", "comm": "commentaire",
           "info": "information", "infos": "information", "nbe": "nombre", "tel": "telephone", "pers": "personne"}


def header_key(text: object) -> str:
    """A header reduced to its words: « Nb. de participants » -> 'nombre participant' (abbreviations spelt
    out, little words and plurals dropped), so that the ways people write a header meet."""
    words = []
    for w in norm(text).split():
        w = _ABBREV.get(w, w)
        if w in LITTLE_WORDS or w in ("votre", "vos", "notre", "nos"):  # a survey's « Nom de votre structure »
            continue
        if len(w) > 3 and w[-1] in "sx" and not w.endswith("ss"):
            w = w[:-1]
        words.append(w)
    return " ".join(words)
