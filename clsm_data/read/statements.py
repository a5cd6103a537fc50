"""Headline sentences as data: each is a small statement (subject, figure, plan, period, kind) and its words.

A COPIL repeats sentences, not rows. Every headline that the overview, a slide, the deck and the bilan
show is built here from one `Statement`, so that all of them say the same thing and a test can check
that a sentence counts one kind of thing (engaged actions, proposals of a brainstorm, meetings of the
instances…) over one plan and one period, and says which. Rules kept here:

- a proposal (« piste ») is never added to actions; instances are the COPIL and the plenary assembly;
- « réalisées sur prévues » compares, for one plan, what was planned in a period with what was realised
  in it (an action without dates is placed in its plan's years);
- masking small counts of service users and carers never changes the subject of a sentence: « 28
  participants, dont des usagers et des aidants », never « 24 participants hors usagers et aidants ».
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from clsm_data.read.filters import Filters
from clsm_data.read.privacy import SENSITIVE, THRESHOLD

NNBSP = "\u202f"
ENGAGED = ("conception", "mise en œuvre", "réalisée", "reportée")
INSTANCE_KINDS = ("copil", "plénière")


@dataclass(frozen=True)
class Statement:
    """One headline: what is counted (kind, subject), the figure, over which plan and period, in words."""

    kind: str  # action | piste | instance | réunion | participant | structure | fait
    subject: str  # « actions réalisées », « pistes d'actions »…
    figure: int | None
    plan: str | None  # the plan's name, or None when the sentence is not about a plan
    period: str  # « en 2021 », « de 2017 à 2020 », « toutes années »
    text: str
    details: dict = field(default_factory=dict)

    def __str__(self) -> str:
        return self.text


def num(value) -> str:
    return f"{int(value):,}".replace(",", NNBSP)


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{num(n)} {word if abs(int(n)) < 2 else (words or word + 's')}"


def _day(d) -> str:
    return pd.Timestamp(d).strftime("%d/%m/%Y")


# ---------------------------------------------------------------- dates, plans and periods


def data_date(con, council_id: str | None = None) -> dt.date | None:
    """The date of the council's latest dated fact (meeting, event, realisation, status, fact of the year)."""
    row = con.execute(
        "SELECT max(d) FROM (SELECT max(date) AS d FROM meeting WHERE council_id = $c "
        "UNION ALL SELECT max(date) FROM event WHERE council_id = $c "
        "UNION ALL SELECT max(date) FROM action_realisation WHERE council_id = $c "
        "UNION ALL SELECT max(date) FROM action_status WHERE council_id = $c "
        "UNION ALL SELECT max(date) FROM achievement WHERE council_id = $c) AS latest",
        {"c": council_id or Filters().council_id},
    ).fetchone()
    return row[0] if row and row[0] else None


def plans_with_actions(con, council_id: str | None = None) -> pd.DataFrame:
    """Plans that hold engaged actions: plan_id, name, short_name, year_start, year_end, published, actions."""
    cid = council_id or Filters().council_id
    return con.execute(
        "SELECT p.plan_id, p.name, p.short_name, p.year_start, p.year_end, p.published, p.position, "
        "count(a.action_id) AS actions FROM plan p JOIN action a USING (council_id, plan_id) WHERE p.council_id = ? "
        "GROUP BY p.plan_id, p.name, p.short_name, p.year_start, p.year_end, p.published, p.position "
        "ORDER BY p.position", [cid]).df()


def plan_in_force(con, at: dt.date | None = None, council_id: str | None = None) -> str | None:
    """The plan in force at the data's date: the plan of engaged actions whose years contain that date;
    failing one, the plan presented by then for the years just after (a programme adopted for next year);
    failing that, the latest plan begun before. None when no plan holds actions."""
    plans = plans_with_actions(con, council_id)
    if plans.empty:
        return None
    return choose_plan(plans, at or data_date(con, council_id) or dt.date.today())


def choose_plan(plans: pd.DataFrame, at: dt.date) -> str:
    """`plan_in_force`'s choice among a council's plans with actions (as `plans_with_actions` returns them, by
    position) at the date `at`; the network view calls it for many councils read at once."""
    dated = plans.dropna(subset=["year_start"])
    ends = dated["year_end"].fillna(dated["year_start"])
    current = dated[(dated["year_start"] <= at.year) & (ends >= at.year)]
    if len(current):
        return current.sort_values("year_start").iloc[-1]["plan_id"]
    nxt = dated[dated["year_start"] == at.year + 1].copy()
    if len(nxt):  # a programme presented by then for next year comes first, then the one with most actions
        nxt["shown"] = nxt["published"].map(lambda p: isinstance(p, str) and _published(p) is not None
                                            and _published(p) <= at)
        return nxt.sort_values(["shown", "actions"], ascending=False).iloc[0]["plan_id"]
    before = dated[dated["year_start"] <= at.year]
    if len(before):
        return before.sort_values("year_start").iloc[-1]["plan_id"]
    return plans.iloc[0]["plan_id"]


def _published(text: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(text.strip(), "%d/%m/%Y").date()
    except ValueError:
        return None


def plan_row(con, plan_id: str, council_id: str | None = None) -> dict | None:
    row = con.execute("SELECT plan_id, name, short_name, kind, year_start, year_end, published FROM plan "
                      "WHERE council_id = ? AND plan_id = ?", [council_id or Filters().council_id, plan_id]).fetchone()
    return dict(zip(("plan_id", "name", "short_name", "kind", "year_start", "year_end", "published"), row,
                    strict=True)) if row else None


def plan_words(plan: dict) -> str:
    """« Programme d'actions 2022 (présenté le 18/11/2021) »: the plan's name, and when it was presented if known."""
    import re

    name = re.sub(r"\s*\([^)]*\)$", "", plan["name"]) if "/" in str(plan.get("published") or "") else plan["name"]
    pub = plan.get("published")
    if isinstance(pub, str) and pub and "/" in pub:
        return f"{name} (présenté le {pub})" if plan.get("kind") != "contrat local de santé" else f"{name} ({pub})"
    return name


def period_bounds(f: Filters, plan: dict | None = None) -> tuple[dt.date | None, dt.date | None]:
    """The period a headline covers: the filters' period, else the plan's years, else none."""
    if f.period_start or f.period_end:
        return f.period_start, f.period_end
    if plan and plan.get("year_start") and not pd.isna(plan["year_start"]):
        end = plan.get("year_end")
        end = int(plan["year_start"]) if end is None or pd.isna(end) else int(end)
        return dt.date(int(plan["year_start"]), 1, 1), dt.date(end, 12, 31)
    return None, None


def period_words(start: dt.date | None, end: dt.date | None) -> str:
    """« en 2021 », « de 2017 à 2020 », « du 15/03/2021 au 31/12/2021 », « toutes années »."""
    if start and end:
        if (start.month, start.day) == (1, 1) and (end.month, end.day) == (12, 31):
            return f"en {start.year}" if start.year == end.year else f"de {start.year} à {end.year}"
        return f"du {_day(start)} au {_day(end)}"
    if start:
        return f"depuis le {_day(start)}"
    if end:
        return f"jusqu'au {_day(end)}"
    return "toutes années"


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------- actions of one plan


def scope(con, f: Filters) -> dict | None:
    """The plan a headline speaks of (the chosen one, else the plan in force) and its period."""
    plan_id = f.plan_id or plan_in_force(con, council_id=f.council_id)
    plan = plan_row(con, plan_id, f.council_id) if plan_id else None
    if plan is None:
        return None
    start, end = period_bounds(f, plan)
    if start is None and end is None:  # a plan without written years: the years its actions cover
        years = con.execute("SELECT min(year(start_date)), max(year(end_date)) FROM action "
                            "WHERE council_id = ? AND plan_id = ?", [f.council_id, plan_id]).fetchone()
        if years[0] and years[1]:
            start, end = dt.date(years[0], 1, 1), dt.date(years[1], 12, 31)
    return plan | {"start": start, "end": end, "period": period_words(start, end), "chosen": bool(f.plan_id),
                   "words": plan_words(plan)}


def _plan_actions(con, f: Filters, sc: dict) -> pd.DataFrame:
    """The plan's actions (with the other filters but the period), with the years each one covers."""
    from clsm_data.read.filters import action_where

    where, params = action_where(Filters(council_id=f.council_id, plan_id=sc["plan_id"], axis_id=f.axis_id,
                                         theme_id=f.theme_id, structure_id=f.structure_id, status=f.status))
    return con.execute(
        "SELECT a.action_id, a.title, a.status_label AS status, "
        "coalesce(a.start_date, make_date(p.year_start, 1, 1)) AS starts, "
        "coalesce(a.end_date, make_date(coalesce(p.year_end, p.year_start), 12, 31)) AS ends "
        f"FROM v_action a JOIN plan p USING (council_id, plan_id) WHERE {where} "
        # in the plan's order (the bilan lists them so), the same on every engine
        "ORDER BY a.plan_position, a.axis_number NULLS LAST, a.position NULLS LAST, a.action_id", params).df()


def _in_period(df: pd.DataFrame, start, end, s_col: str = "starts", e_col: str = "ends") -> pd.Series:
    keep = pd.Series(True, index=df.index)
    if end is not None:
        keep &= df[s_col].isna() | (pd.to_datetime(df[s_col]) <= pd.Timestamp(end))
    if start is not None:
        keep &= df[e_col].isna() | (pd.to_datetime(df[e_col]) >= pd.Timestamp(start))
    return keep


def _realised_in(con, action_ids: list[str], start, end, council: str | None = None) -> set[str]:
    """Actions of the council whose record (realisation or dated status) says « réalisée » within the period."""
    if not action_ids:
        return set()
    council = council or Filters().council_id
    rows = con.execute(
        "SELECT action_id, on_date FROM v_action_status_record WHERE council_id = ? AND status = 'réalisée' "
        "AND list_contains(?, action_id)", [council, action_ids]).fetchall()
    done = set()
    for aid, on in rows:
        if (start is None or on is None or on >= start) and (end is None or on is None or on <= end):
            done.add(aid)
    # A sheet's own « réalisée » without a dated record counts in the period its dates cover.
    sheet = con.execute(
        "SELECT a.action_id, a.end_date FROM action a WHERE a.council_id = ? AND a.status = 'réalisée' "
        "AND list_contains(?, a.action_id) "
        "AND a.action_id NOT IN (SELECT r.action_id FROM v_action_status_record r WHERE r.council_id = ?)",
        [council, action_ids, council]).fetchall()
    for aid, ends in sheet:
        if ends is None or ((start is None or ends >= start) and (end is None or ends <= end)):
            done.add(aid)
    return done


def actions(con, f: Filters) -> Statement | None:
    """« Programme d'actions 2022 (présenté le 18/11/2021), en 2022 : 20 actions, dont 13 en conception. »"""
    sc = scope(con, f)
    if sc is None:
        return None
    df = _plan_actions(con, f, sc)
    df = df[_in_period(df, sc["start"], sc["end"])]
    n = len(df)
    by = df["status"].value_counts()
    lead = f"{sc['words']}, {sc['period']}" if f.period_start or f.period_end else sc["words"]
    if not n:
        text = f"{lead} : aucune action prévue"
    else:
        top, top_n = by.index[0], int(by.iloc[0])
        stage = "sans statut renseigné" if top == "non renseigné" else f"au stade « {top} »"
        text = f"{lead} : {plural(n, 'action')}" + (
            f", dont {num(top_n)} {stage}" if len(by) > 1 else f", toutes {stage}" if n > 1 else f" {stage}")
    return Statement("action", "actions", n, sc["name"], sc["period"], text,
                     {"plan_id": sc["plan_id"], "by_status": by.to_dict()})


def realised(con, f: Filters) -> Statement | None:
    """« CLS 2017-2020, de 2017 à 2020 : 1 action réalisée sur 1 prévue » (one plan, one period)."""
    sc = scope(con, f)
    if sc is None:
        return None
    df = _plan_actions(con, f, sc)
    planned = df[_in_period(df, sc["start"], sc["end"]) & df["status"].isin(ENGAGED)]
    done = _realised_in(con, planned["action_id"].tolist(), sc["start"], sc["end"], f.council_id)
    p, r = len(planned), len(done)
    head = f"{sc['short_name']}, {sc['period']}"
    if not p:
        text = f"{head} : aucune action prévue"
    else:
        done = plural(r, "action réalisée", "actions réalisées") if r else "aucune action réalisée"
        text = f"{head} : {done} sur {num(p)} prévue{'s' if p > 1 else ''}"
    return Statement("action", "actions réalisées sur prévues", r, sc["name"], sc["period"], text,
                     {"planned": p, "realised": r, "plan_id": sc["plan_id"], "short": sc["short_name"]})


# ---------------------------------------------------------------- proposals (never actions)


def proposals(con, plan_id: str | None = None, council_id: str | None = None) -> Statement | None:
    """« Pistes d'actions des groupes projets 2021 (10/02/2021) : 121 propositions, 83 des partenaires et 38 du CLSM »."""
    cid = council_id or Filters().council_id
    rows = con.execute(
        "SELECT p.plan_id, pl.name, pl.published, p.origin, count(*) AS n, count(DISTINCT p.axis_id) AS axes "
        "FROM proposal p JOIN plan pl USING (council_id, plan_id) WHERE p.council_id = ? AND (? IS NULL OR p.plan_id = ?) "
        "GROUP BY p.plan_id, pl.name, pl.published, p.origin ORDER BY n DESC", [cid, plan_id, plan_id]).df()
    if rows.empty:
        return None
    total = int(rows["n"].sum())
    name = rows.iloc[0]["name"] if rows["plan_id"].nunique() == 1 else "Pistes d'actions des groupes projets"
    pub = rows.iloc[0]["published"]
    when = f" ({pub})" if isinstance(pub, str) and pub else ""
    parts = [f"{num(r.n)} {'des partenaires' if r.origin == 'partenaires' else 'du ' + r.origin}"
             for r in rows.itertuples() if isinstance(r.origin, str)]
    text = f"{name}{when} : {plural(total, 'proposition')} des groupes projets" + (
        f", {' et '.join(parts)}" if len(parts) > 1 else "") + ", pas encore des actions engagées"
    return Statement("piste", "propositions", total, name, f"le {pub}" if when else "", text,
                     {"by_origin": dict(zip(rows["origin"], rows["n"], strict=True))})


# ---------------------------------------------------------------- instances and meetings of a year


def instances(con, year: int, council_id: str | None = None) -> Statement:
    """« En 2021, ni le comité de pilotage ni l'assemblée plénière ne se sont réunis ; … » (with the minutes' words)."""
    cid = council_id or Filters().council_id
    rows = con.execute(
        "SELECT i.kind, i.name, m.date, m.date_precision FROM meeting m JOIN instance i USING (council_id, instance_id) "
        "WHERE m.council_id = ? AND year(m.date) = ? AND list_contains(?, i.kind) ORDER BY m.date",
        [cid, year, list(INSTANCE_KINDS)]).fetchall()
    if not rows:
        said = con.execute(
            "SELECT n.text, m.date FROM meeting_note n JOIN meeting m USING (council_id, meeting_id) WHERE m.council_id = ? "
            "AND year(m.date) = ? AND n.text ILIKE '%comité de pilotage%' AND n.text ILIKE '%plénière%' "
            "ORDER BY m.date DESC LIMIT 1", [cid, year]).fetchone()
        text = f"En {year}, ni le comité de pilotage ni l'assemblée plénière ne se sont réunis"
        if said:
            text += f" ; le compte rendu du {_day(said[1])} écrit : « {said[0].rstrip('.')} »"
        return Statement("instance", "réunions des instances", 0, None, f"en {year}", text)
    copil = sum(1 for r in rows if r[0] == "copil")
    plen = len(rows) - copil
    parts = ([plural(copil, "comité de pilotage", "comités de pilotage")] if copil else []) + (
        [plural(plen, "assemblée plénière", "assemblées plénières")] if plen else [])
    text = f"En {year}, les instances du CLSM se sont réunies : {' et '.join(parts)}"
    return Statement("instance", "réunions des instances", len(rows), None, f"en {year}", text)


def participants(total: int | None, by_role: dict[str, int], masked: bool, when: str) -> Statement:
    """« 28 participants à la réunion du 18/11/2021, dont des usagers et des aidants » (masked: no count of them,
    and no subtraction that would give it back); unmasked: « dont 2 usagers et 2 aidants »."""
    if total is None:
        return Statement("participant", "participants", None, None, when, f"Participants {when} : non renseignés")
    present = [c for c in SENSITIVE if by_role.get(c)]
    words = {"usager": ("usager", "usagers"), "aidant": ("aidant", "aidants")}
    small = [c for c in present if 0 < by_role[c] < THRESHOLD]
    if masked and len(small) == 1:
        # One small category alone: the exact total minus the others would give it back; say « au moins ».
        total = total - by_role[small[0]]
        text = f"au moins {plural(total + 1, 'participant')} {when}, dont des {words[small[0]][1]}"
        return Statement("participant", "participants", None, None, when, text, {"at_least": total + 1})
    if present and masked and small:
        tail = ", dont des " + " et des ".join(words[c][1] for c in present)
    elif present:
        tail = ", dont " + " et ".join(plural(by_role[c], *words[c]) for c in present)
    else:
        tail = ""
    text = f"{plural(total, 'participant')} {when}{tail}"
    return Statement("participant", "participants", total, None, when, text)


# ---------------------------------------------------------------- structures: named and counted


def structures(con, council_id: str | None = None) -> Statement:
    """Structures named in the documents, beside the count the council gives itself (sheet n°32: 130)."""
    cid = council_id or Filters().council_id
    named = con.execute("SELECT count(*) FROM structure WHERE council_id = ?", [cid]).fetchone()[0]
    counted = con.execute(
        "SELECT a.people_concerned, a.sheet_number, d.title FROM action a LEFT JOIN source_document d USING (source_id) "
        "WHERE a.council_id = ? AND a.people_concerned ILIKE '%structures identifiées%'", [cid]).fetchone()
    text = f"{plural(named, 'structure nommée', 'structures nommées')} dans les documents du CLSM"
    details = {"named": named}
    if counted:
        import re

        m = re.search(r"(\d[\d\s\u202f]*)\s+structures identifiées", counted[0])
        if m:
            n = int(re.sub(r"\D", "", m.group(1)))
            details |= {"counted": n, "counted_source": f"fiche n°{counted[1]}"}
            text += (f" ; la fiche n°{counted[1]} (CLS 2017-2020) compte « {num(n)} structures identifiées qui "
                     "composent le CLSM »")
    return Statement("structure", "structures", named, None, "toutes années", text, details)


# ---------------------------------------------------------------- the year's own facts


def achievements(con, year: int, council_id: str | None = None) -> pd.DataFrame:
    """What the documents report as done in `year`: date, kind, title, source title, quote."""
    cid = council_id or Filters().council_id
    return con.execute(
        "SELECT a.achievement_id, a.source_id, a.date, a.date_precision, a.kind, a.title, a.quote, d.title AS source_title, "
        "d.published AS source_published FROM achievement a LEFT JOIN source_document d USING (source_id) "
        "WHERE a.council_id = ? AND a.year = ? ORDER BY a.date NULLS LAST, a.achievement_id", [cid, year]).df()


def achievements_statement(con, year: int, council_id: str | None = None) -> Statement:
    df = achievements(con, year, council_id)
    if df.empty:
        return Statement("fait", "faits marquants", 0, None, f"en {year}",
                         f"Les documents ne rapportent aucun fait marquant pour {year}")
    kinds = df["kind"].value_counts()
    text = f"En {year}, les documents rapportent {plural(len(df), 'fait marquant', 'faits marquants')}"
    return Statement("fait", "faits marquants", len(df), None, f"en {year}", text, {"kinds": kinds.to_dict()})


# ---------------------------------------------------------------- the overview's headline, one plan and one period


def one_year(f: Filters) -> int | None:
    """The year when the period is exactly one calendar year, else None."""
    if f.period_start and f.period_end and f.period_start.year == f.period_end.year and \
            (f.period_start.month, f.period_start.day, f.period_end.month, f.period_end.day) == (1, 1, 12, 31):
        return f.period_start.year
    return None


def coordinator_words(con, year: int, council_id: str | None = None) -> list[str]:
    """What the coordination wrote for `year`: each action's comment of the year, the « pourquoi » of a
    status dated that year, the « source ou remarque » of a realisation entered in the app for that year."""
    cid = council_id or Filters().council_id
    rows = con.execute(
        "SELECT a.title, 'commentaire' AS kind, NULL::DATE AS d, NULL AS status, c.comment AS text FROM action_comment c "
        "JOIN action a USING (council_id, action_id) WHERE a.council_id = ? AND c.year = ? "
        "UNION ALL SELECT a.title, 'statut', s.date, s.status, s.note FROM action_status s "
        "JOIN action a USING (council_id, action_id) "
        "WHERE a.council_id = ? AND year(s.date) = ? AND nullif(trim(s.note), '') IS NOT NULL AND s.source_id IS NULL "
        "UNION ALL SELECT a.title, 'réalisation', r.date, r.status_after, r.note FROM action_realisation r "
        "JOIN action a USING (council_id, action_id) WHERE a.council_id = ? AND r.year = ? AND r.source_id IS NULL "
        "AND nullif(trim(r.note), '') IS NOT NULL ORDER BY 1, 2, 3", [cid, year] * 3).fetchall()
    out = []
    for title, kind, d, status, text in rows:
        if kind == "commentaire":
            out.append(f"« {title} » : {text}")
        elif kind == "statut":
            out.append(f"« {title} », statut « {status} » le {_day(d)} : {text}")
        else:
            out.append(f"« {title} », réalisation" + (f" du {_day(d)}" if d else "") + f" : {text}")
    return out
