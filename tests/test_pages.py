"""AppTest: every page renders the seed facts, and the sidebar filters change them as they should."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGES = [
    None,  # app.py: Vue d'ensemble
    "pages/2_avancement.py",
    "pages/3_fiches_actions.py",
    "pages/4_participation.py",
    "pages/5_partenaires.py",
    "pages/6_ressources.py",
    "pages/7_administration.py",
    "pages/8_diaporama.py",
    "pages/11_rapports.py",
]


def open_page(page: str | None = None, params: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page)
        at.run()
        at.run()  # AppTest applies URL-bound widget values on the rerun after a page switch
    assert not at.exception, [e.value for e in at.exception]
    return at


_TILE = re.compile(r'<div class="clsm-tile"><div class="clsm-tile-label">(.*?)(?: <span class="clsm-help"[^>]*>\?</span>)?</div>'
                   r'<div class="clsm-tile-value">(.*?)</div></div>')


def tiles(at: AppTest) -> dict[str, str]:
    """{label: value} of the big figures drawn as HTML (views.tiles), as the reader sees them (unescaped)."""
    import html

    return {html.unescape(label): html.unescape(value)
            for e in at.get("html") for label, value in _TILE.findall(e.value)}


def metrics(at: AppTest) -> dict[str, str]:
    """Every big figure of the page: HTML tiles and Streamlit metrics (slides, import summaries)."""
    return {m.label: m.value for m in at.metric} | tiles(at)


def texts(at: AppTest) -> str:
    return "\n".join(str(e.value) for kind in ("text", "markdown", "caption", "info") for e in at.get(kind))


def html_texts(at: AppTest) -> str:
    """The words of the page's HTML elements (tables, tiles, the action sheet's sections) as the reader reads them."""
    import html as html_lib

    return "\n".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", e.value)) for e in at.get("html"))


class _HtmlTables(HTMLParser):
    """The tables of an st.html body, as the reader sees them (views.table_html writes them)."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[tuple[list[tuple[str, bool]], list[list[str]]]] = []
        self._cell: list[str] | None = None
        self._numeric = False

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "table":
            self.tables.append(([], []))
        elif tag == "tr" and self.tables:
            self.tables[-1][1].append([])
        elif tag in ("th", "td"):
            self._cell, self._numeric = [], dict(attrs).get("class") == "n"
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_data(self, data) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def handle_endtag(self, tag) -> None:
        if tag in ("th", "td") and self._cell is not None:
            text = "".join(self._cell)
            head, rows = self.tables[-1]
            if tag == "th":
                head.append((text, self._numeric))
            else:
                rows[-1].append(text)
            self._cell = None


def _number(text: str):
    if text == "":
        return None
    plain = text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace(",", ".")
    try:
        return int(plain)
    except ValueError:
        return float(plain)


def html_tables(body: str) -> list:
    import pandas as pd

    parser = _HtmlTables()
    parser.feed(body)
    out = []
    for head, rows in parser.tables:
        rows = [r for r in rows if r]
        df = pd.DataFrame(rows, columns=[h for h, _ in head]) if rows else pd.DataFrame(columns=[h for h, _ in head])
        for name, numeric in head:
            if numeric:
                df[name] = pd.Series([_number(v) for v in df[name]], index=df.index, dtype=object)
        out.append(df)
    return out


def frames(at: AppTest) -> list:
    """Every table of the page in order: HTML tables (views.table) and grids (st.dataframe) alike."""
    out = []

    def walk(node) -> None:
        kind = getattr(node, "type", None)
        if kind == "dataframe":
            out.append(node.value)
        elif kind == "html" and "<table" in node.value:
            out.extend(html_tables(node.value))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return out


def chart_svgs(at: AppTest) -> list[str]:
    """The SVG of every chart of the page, in order (views.chart sends each as an image)."""
    from urllib.parse import unquote

    return [unquote(m.group(1)) for h in at.get("html")
            for m in [re.search(r"src='data:image/svg\+xml,([^']*)'", h.value)] if m and "clsm-chart" in h.value]


def chart_marks(at: AppTest, index: int = 0) -> list[dict]:
    """The marks of a chart as Vega describes them (« champ: valeur; … »), axes left out."""
    import html as html_lib

    from components import views

    sent = chart_svgs(at)[index]  # the page sends it without the marks' descriptions: the drawn one has them
    full = next(svg for svg in list(views._SVG_CACHE.values()) if views.page_svg(svg) == sent)
    marks = []
    for label in re.findall(r'aria-label="([^"]*)"', full):
        label = html_lib.unescape(label)
        if label.startswith(("X-axis", "Y-axis")) or ": " not in label:
            continue
        marks.append(dict(part.split(": ", 1) for part in label.split("; ") if ": " in part))
    return marks


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_without_error(app_db, page):
    at = open_page(page)
    assert not at.error, [e.value for e in at.error]
    assert at.title, "each page has a title"


def test_overview_headline_figures(app_db):
    m = metrics(open_page())
    # issue 16: the plan in force at the data's date, its name in the label; proposals never counted as actions
    assert m["Actions (Programme 2022)"] == "20"
    assert m["Participants (toutes années)"] == "28"  # the 18/11/2021 meeting, counted by structure and role
    assert m["Réunions datées (toutes années)"] == "8"


def test_overview_status_chart_writes_counts_and_shares(app_db):
    written = {m["status"]: m["label_fr"] for m in chart_marks(open_page()) if "label_fr" in m}
    assert written == {"idée": "5  (25 %)", "conception": "11  (55 %)", "mise en œuvre": "4  (20 %)"}  # Programme 2022


def test_projection_mode_hides_small_counts_and_the_totals_that_reveal_them(app_db):
    """18/11/2021: 23 professionals, 2 service users, 2 carers, 1 volunteer. On the projector the 2 and 2
    show as "< 11", and no total or per-sector sum gives them back (28 would: 28 - 23 - 1 = 4)."""
    m = metrics(open_page(params={"projection": "true"}))
    # issue 16: the overview's figure keeps its subject (everyone who took part) and gives no count of users or
    # carers; two masked categories (2 and 2) cannot be told apart by subtraction
    assert m["Participants (toutes années)"] == "28"
    at = open_page("pages/4_participation.py", params={"projection": "true"})  # the « Réunions » tab
    meetings = frames(at)[0]
    assert meetings.loc[meetings["Date"] == "18/11/2021", "Participants"].tolist() == ["24"]
    assert "28" not in " ".join(str(v) for df in frames(at) for v in df.to_numpy().ravel())
    at = open_page("pages/4_participation.py", params={"projection": "true", "vue": "Présences"})
    roles = dict(zip(frames(at)[0]["Catégorie"], frames(at)[0]["Présences"], strict=True))
    assert roles == {"professionnel": "23", "usager": "< 11", "aidant": "< 11", "bénévole": "1"}
    assert "Total : masqué" in texts(at)
    sectors = [m for m in chart_marks(at, 1) if "label_fr" not in m]  # the bars (the text marks repeat them)
    assert sum(int(m["Personnes présentes"]) for m in sectors) == 24
    for svg in chart_svgs(at):  # by role, by sector
        assert "28" not in re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert "28" not in " ".join(str(v) for df in frames(at) for v in df.to_numpy().ravel())


def test_overview_filter_by_plan_changes_figures(app_db):
    m = metrics(open_page(params={"plan": "Contrat local de santé de Metz (2017-2020)"}))
    assert m["Actions (CLS 2017-2020)"] == "1"
    assert m["Réalisées / prévues (CLS 2017-2020, de 2017 à 2020)"] == "1 / 1"


def test_overview_period_filter_narrows_meetings(app_db):
    m = metrics(open_page(params={"du": "2021-01-01"}))
    assert m["Réunions datées (depuis le 01/01/2021)"] == "2"
    assert m["Participants (depuis le 01/01/2021)"] == "28"


def test_filter_not_applying_is_said(app_db):
    at = open_page("pages/6_ressources.py", params={"statut": "réalisée"})
    assert "Filtres sans effet sur cette page : Statut" in texts(at)


def test_progress_bars_by_axis(app_db):
    at = open_page("pages/2_avancement.py", params={"plan": "Programme d'actions 2022 (restitution des groupes thématiques)"})
    assert "Nombre d'actions" in chart_svgs(at)[0]
    assert metrics(at)["Actions (Programme 2022)"] == "20"


def test_empty_filter_says_how_to_widen(app_db):
    at = open_page("pages/2_avancement.py", params={"plan": "Contrat local de santé de Metz (2017-2020)",
                                                     "statut": "reportée"})
    assert "Élargissez la recherche" in texts(at)


def test_action_sheet_15_in_full(app_db):
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    at.switch_page("pages/3_fiches_actions.py")
    at.run()
    at.text_input(key="q").input("Coordination du Conseil local").run()
    body = texts(at) + html_texts(at)
    assert "<details class=\"clsm-section\" open><summary>Financements</summary>" in "".join(
        e.value for e in at.get("html"))  # a section that opens and closes, open
    assert "Budget prévisionnel" in body and "5\u202f000\u00a0€" in body
    assert "Bilan annuel" in body
    assert "Nombre et typologie des réunions organisées dans le cadre du CLSM." in body
    values = [f for f in frames(at) if "Valeur" in f.columns]
    assert any("26" in list(f["Valeur"]) for f in values)


def test_action_sheet_32_steps(app_db):
    at = open_page("pages/3_fiches_actions.py", params={"q": "Sensibilisation des professionnels"})
    steps = [f for f in frames(at) if "Comment ?" in f.columns]
    assert steps and len(steps[0]) == 3
    assert "1er semestre 2018." in list(steps[0]["Quand ?"])


def test_participation_counts_by_role(app_db):
    at = open_page("pages/4_participation.py", params={"vue": "Présences"})
    roles = next(f for f in frames(at) if "Catégorie" in f.columns)
    got = dict(zip(roles["Catégorie"], roles["Présences"], strict=True))
    assert got == {"professionnel": "23", "usager": "2", "aidant": "2", "bénévole": "1"}
    at = open_page("pages/4_participation.py", params={"vue": "SISM et sensibilisations"})
    sism = next(f for f in frames(at) if "Thème" in f.columns)
    assert list(sism[sism["Année"] == 2018]["Participants"]) == ["800"]
    assert list(sism[sism["Année"] == 2020]["Participants"]) == ["non renseigné"]


def test_participation_masks_small_counts_in_projection(app_db):
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["projection"] = True
    at.query_params["vue"] = "Présences"
    at.run()
    at.switch_page("pages/4_participation.py")
    at.run()
    roles = next(f for f in frames(at) if "Catégorie" in f.columns)
    got = dict(zip(roles["Catégorie"], roles["Présences"], strict=True))
    assert got["usager"] == "< 11" and got["aidant"] == "< 11" and got["professionnel"] == "23"
    assert "Total : masqué" in texts(at)


def test_partners_map_offline_and_network(app_db):
    at = open_page("pages/5_partenaires.py")
    m = metrics(at)
    assert m["Structures nommées dans les documents"] == "66"
    # issue 16: the 130 the council counts (sheet n°32) stand beside the 66 named, never in their place
    assert "compte « 130 structures identifiées qui composent le CLSM »" in " ".join(c.value for c in at.caption).replace("\\", "")
    assert not at.get("deck_gl_json_chart")  # the first tab shows the map as a picture, drawn on the server
    placed = [p for p in chart_marks(at, 0) if "Secteur" in p and "Structure" in p]
    assert len(placed) == int(m["Placées sur la carte"]) and "Centre hospitalier de Jury" in {p["Structure"] for p in placed}
    at = open_page("pages/5_partenaires.py", params={"vue": "Carte interactive"})
    deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    # No style from the internet: none at all, or the blank one the app serves itself (static/).
    assert deck.get("mapStyle") in (None, "", "/app/static/clsm-fond-blanc.json")
    assert (Path(__file__).resolve().parent.parent / "static" / "clsm-fond-blanc.json").exists()
    assert not any(layer.get("@@type") == "TileLayer" for layer in deck["layers"])
    assert not any("Actions communes" in f.columns for f in frames(at))  # the closed tab is not computed
    at = open_page("pages/5_partenaires.py", params={"vue": "Réseau des collaborations"})
    assert not at.get("deck_gl_json_chart")
    pairs = next(f for f in frames(at) if "Actions communes" in f.columns)
    assert {"IREPS Lorraine", "CH Jury"} & set(pairs["Structure"]) | set(pairs["avec"])


def test_partners_list_has_its_own_tab(app_db):
    """The structures' list is the « Liste des structures » tab: every structure, its sector and the place's precision."""
    at = open_page("pages/5_partenaires.py")
    assert not any("Sigle" in f.columns for f in frames(at))  # not under the map any more
    at = open_page("pages/5_partenaires.py", params={"vue": "Liste des structures"})
    listed = next(f for f in frames(at) if "Sigle" in f.columns)
    assert len(listed) == 66 and "66 structure(s)." in texts(at)
    assert "Centre hospitalier de Jury" in set(listed["Structure"]) and set(listed["Position"]) <= {"commune", "adresse", "inconnue"}


def test_partners_filtered_by_plan(app_db):
    at = open_page("pages/5_partenaires.py", params={"plan": "Contrat local de santé de Metz (2017-2020)"})
    assert metrics(at)["Structures nommées dans les documents"] == "2"


def test_resources_search(app_db):
    at = open_page("pages/6_ressources.py", params={"res_q": "Maison des bébés"})
    listing = frames(at)[0]
    assert list(listing["Ressource"]) and all("bébés" in r.lower() for r in listing["Ressource"])
    assert "Hauts de Sainte Croix" in texts(at) or "Metz" in list(listing["Commune"])


def test_resources_narrowed_from_a_button_that_names_the_choice(app_db):
    every = len(frames(open_page("pages/6_ressources.py"))[0])
    at = open_page("pages/6_ressources.py", params={"commune": "Metz"})
    box = next(p for p in at.get("popover") if p.proto.popover.label.startswith("Public"))
    assert box.proto.popover.label == "Public : tous · Thématique : toutes · Commune : Metz"
    listing = frames(at)[0]
    assert set(listing["Commune"]) == {"Metz"} and 0 < len(listing) < every


def slide_title(at: AppTest) -> str:
    return at.title[0].value.replace("\\", "")


def footer_text(at: AppTest) -> str:
    return [m.value for m in at.markdown if "Diapositive" in m.value][0].replace("\\", "")


def test_slideshow_lists_the_default_sequences(app_db):
    at = open_page("pages/8_diaporama.py")
    assert at.title[0].value == "Diaporama"
    shown = texts(at)
    assert "**COPIL**" in shown and "**Plénière**" in shown
    assert at.button(key="present_pleniere") and at.button(key="present_copil")


def test_slideshow_opens_a_sequence_by_url_and_steps_masked(app_db):
    at = open_page("pages/8_diaporama.py", params={"sequence": "pleniere"})
    assert slide_title(at) == "Conseil local de santé mentale du territoire messin"
    assert footer_text(at).startswith("Diapositive 1 / 11 · Plénière · données au ")
    at.button(key="diapo_next").click().run()
    assert slide_title(at) == "Programme d'actions 2022 (présenté le 18/11/2021) : 20 actions, dont 11 au stade « conception »"
    assert at.query_params["diapo"] in ("2", ["2"])
    at.button(key="diapo_end").click().run()
    assert slide_title(at) == "Merci de votre attention"
    at.button(key="diapo_next").click().run()  # a clicker at the end stays on the last slide
    assert slide_title(at) == "Merci de votre attention"
    at.button(key="diapo_home").click().run()
    at.button(key="diapo_next_right").click().run()
    at.button(key="diapo_prev_left").click().run()
    assert footer_text(at).startswith("Diapositive 1 / 11")


def test_slideshow_never_projects_small_counts(app_db):
    at = open_page("pages/8_diaporama.py", params={"sequence": "pleniere", "diapo": "6"})
    # issue 16: masking keeps the sentence's subject (all 28 took part) and gives no count of users or carers,
    # nor a total without them that would give it back by subtraction
    assert slide_title(at) == "28 participants à la réunion du 18/11/2021, dont des usagers et des aidants"
    assert metrics(at)["participants, dont des usagers et des aidants"] == "28"
    assert not {"2", "4", "24"} & set(metrics(at).values())


def test_presentation_keeps_its_figures_when_an_import_lands(app_db):
    from clsm_data.core.roles import Caller
    from clsm_data.importing import plan_rows
    from clsm_data.store.writes import apply_plan
    from components import data

    at = open_page("pages/8_diaporama.py", params={"sequence": "pleniere", "diapo": "3"})
    assert metrics(at)["réunions des groupes thématiques"] == "26"
    con = data._connection(str(app_db)).cursor()
    plan = plan_rows(con, "indicator_value", [{"indicator_id": "f15-proc-2", "period_label": "2021", "value": 30,
                                               "value_text": "30 réunions des groupes thématiques"}], origin="test")
    apply_plan(con, Caller("coordination", "coordinator"), plan, backup=False)
    data.clear()
    at.button(key="diapo_next").click().run()
    at.button(key="diapo_prev").click().run()
    assert metrics(at)["réunions des groupes thématiques"] == "26"  # frozen at the opening
    again = open_page("pages/8_diaporama.py", params={"sequence": "pleniere", "diapo": "3"})  # a new opening
    assert metrics(again)["réunions des groupes thématiques"] == "30"


def test_a_saved_sequence_with_an_unknown_slide_skips_it_and_says_so(app_db):
    import pytest as _pytest

    from clsm_data.core.errors import PermissionDenied
    from clsm_data.core.roles import Caller
    from clsm_data.followup import sequences
    from components import data

    con = data._connection(str(app_db)).cursor()
    with _pytest.raises(PermissionDenied):
        sequences.save(con, Caller("udaf57", "partner"), "essai", "Essai", ["chiffres"])
    result = sequences.save(con, Caller("coordination", "coordinator"), "essai", "Essai", ["chiffres", "disparue", "sism"])
    assert result.audit_id and con.execute("SELECT operation FROM audit_log WHERE audit_id = ?",
                                           [result.audit_id]).fetchone()[0] == "séquence de diapositives"
    at = open_page("pages/8_diaporama.py", params={"sequence": "essai"})
    assert "disparue" in at.warning[0].value
    assert footer_text(at).startswith("Diapositive 1 / 4 · Essai")


def test_selecting_an_axis_narrows_the_action_list(app_db):
    at = open_page("pages/2_avancement.py", params={"plan": "Programme d'actions 2022 (restitution des groupes thématiques)"})
    assert "20 action(s)." in texts(at)
    at.selectbox(key="axe").select("p22-r-inclusion").run()  # the sidebar's Axe filter: the drill-down of the list too
    assert "8 action(s)." in texts(at)  # the minutes' « axe inclusion dans la cité »: 8 actions
    assert metrics(at)["Actions (Programme 2022)"] == "8"
    listed = [f for f in frames(at) if "Action" in f.columns][0]
    assert len(listed) == 8 and set(listed["Axe"]) == {"Inclusion dans la cité"}


def test_unknown_filter_in_a_link_is_said_not_silently_ignored(app_db):
    at = open_page(params={"plan": "Plan qui n'existe pas"})
    assert metrics(at)["Actions (Programme 2022)"] == "20"
    assert [w.value for w in at.sidebar.warning] == [
        "Filtre de l'adresse non reconnu, donc ignoré : Plan « Plan qui n\\'existe pas »."]  # escaped, reads as typed


def test_markup_in_a_shared_link_is_shown_as_text(app_db):
    """A crafted link cannot make the page load an image from elsewhere or colour text: markdown is escaped."""
    at = open_page(params={"plan": "![pixel](https://example.org/p.png) :red[ALERTE]"})
    (warning,) = [w.value for w in at.sidebar.warning]
    assert "\\!\\[pixel\\]\\(https\u200b\\:" in warning and "\\:red\\[ALERTE\\]" in warning
    assert "![pixel](" not in warning and ":red[" not in warning


def test_changes_since_the_last_copil(app_db):
    """Last COPIL on record: February 2020. Since then: the 27/05/2021 and 18/11/2021 meetings."""
    m = metrics(open_page())
    assert m["Réunions depuis"] == "2"
    assert m["Écritures au journal"] == "0"  # a freshly built base: no import, no edit yet
    changed = [f for f in frames(open_page()) if "Intitulé" in f.columns][0]
    assert changed["Date"].tolist() == ["27/05/2021", "18/11/2021"]


def test_status_bars_write_count_and_share(app_db):
    at = open_page("pages/2_avancement.py", params={"plan": "Programme d'actions 2022 (restitution des groupes thématiques)"})
    plans = {s.label: s for s in at.sidebar.selectbox}["Plan"]
    assert plans.value is not None, "the 2022 programme is a plan of the seed"
    marks = chart_marks(at)
    status = {(m["Groupe"], m["status_rank"]): m["Statut"] for m in marks if "Statut" in m}  # the bars
    labels = {(m["group_label"], status[(m["group_label"], m["status_rank"])]): m["label"] for m in marks if "label" in m}
    # issue 16: the 20 actions under the six headings the minutes give (« l'axe « inclusion dans la cité » »…)
    assert labels[("Rubrique Inclusion dans la cité", "conception")] == "3 (38 %)"
    assert labels[("Rubrique Situations de précarité", "conception")] == "3 (100 %)"
    assert sum(int(v.split()[0]) for v in labels.values()) == 20


def test_coordinator_composes_a_sequence_with_its_filters(app_db):
    from clsm_data.followup import sequences
    from components import data

    at = open_page("pages/8_diaporama.py", params={"du": "2019-01-01", "au": "2021-12-31"})
    at.text_input(key="seq_id_(nouvelle)").input("pleniere-2022")
    at.text_input(key="seq_name_(nouvelle)").input("Plénière 2022")
    at.multiselect(key="seq_slides_(nouvelle)").select("sism").select("chiffres")
    at.checkbox(key="seq_own_filters").check()
    at.button(key="seq_save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert "enregistré" in at.success[0].value
    con = data._connection(str(app_db)).cursor()
    assert sequences.get(con, "pleniere-2022") == (
        "Plénière 2022", ["sism@du=2019-01-01&au=2021-12-31", "chiffres@du=2019-01-01&au=2021-12-31"])
    shown = open_page("pages/8_diaporama.py", params={"sequence": "pleniere-2022", "diapo": "2"})
    assert slide_title(shown) == "La SISM 2019 a réuni 250 participants"
    assert "· 2019 à 2021 ·" in footer_text(shown)


def test_downloads_open_from_one_button(app_db):
    """Under a table, one « ⬇ Télécharger le tableau » button: its CSV and Excel buttons are drawn once it is opened."""
    at = open_page("pages/4_participation.py")
    menus = [p for p in at.get("popover") if p.proto.popover.label.startswith("⬇")]
    assert [p.proto.popover.label for p in menus] == ["⬇ Télécharger l'image", "⬇ Télécharger le tableau"]
    assert not at.get("download_button")  # closed: nothing built, nothing sent
    at.session_state["dl_table_participation-reunions"] = True
    at.run()
    buttons = at.get("download_button")
    assert [b.proto.label for b in buttons] == ["⬇ CSV (Excel)", "⬇ Excel (.xlsx)"]
    assert buttons[0].proto.help.startswith("Séparateur « ; »")


def test_period_and_partner_filters_are_named_on_their_buttons(app_db):
    """The period's dates and Partenaires' sector and type lists sit in popovers whose label says what they hold."""
    at = open_page(params={"du": "2021-01-01", "au": "2021-12-31"})
    labels = [p.proto.popover.label for p in at.sidebar.get("popover")]
    assert labels == ["Période : 2021"]
    assert [at.selectbox(key=k).value for k in ("du_mois", "du_annee", "au_mois", "au_annee")] == [1, 2021, 12, 2021]
    assert metrics(at)["Réunions datées (en 2021)"] != metrics(open_page())["Réunions datées (toutes années)"]
    at = open_page("pages/5_partenaires.py", params={"secteurs": "logement"})
    box = next(p for p in at.get("popover") if p.proto.popover.label.startswith("Secteurs"))
    assert box.proto.popover.label == "Secteurs : logement · Types : tous"
    assert at.multiselect(key="secteurs").value == ["logement"]
    listed = open_page("pages/5_partenaires.py", params={"secteurs": "logement", "vue": "Liste des structures"})
    shown = next(f for f in frames(listed) if "Sigle" in f.columns)
    named = int(metrics(at)["Structures nommées dans les documents"])
    assert len(shown) == named > 0 and set(shown["Secteur"]) == {"logement"}


def test_sheet_downloads_open_from_one_button(app_db):
    at = open_page("pages/3_fiches_actions.py", params={"q": "Coordination du Conseil local"})
    assert [p.proto.popover.label for p in at.main.get("popover")] == ["⬇ Télécharger la fiche (PDF, Word)"]
    assert not at.get("download_button")
    at.session_state["dl_sheet_fiche-15"] = True
    at.run()
    assert [b.proto.label for b in at.get("download_button")] == ["⬇ Fiche PDF", "⬇ Fiche Word (.docx)"]


def test_a_brainstorms_plan_lists_proposals_never_actions(app_db):
    """Issue 16: the 2021 brainstorm's ideas have their own words and list on Avancement, never counted as actions."""
    at = open_page("pages/2_avancement.py", params={"plan": "Pistes d'actions des groupes projets 2021"})
    assert not at.exception
    assert "121 proposition(s)." in texts(at)
    assert metrics(at)["Propositions"] == "121" and metrics(at)["Devenues des actions"] == "0"
    assert not any(k.startswith("Actions") for k in metrics(at))
    at.selectbox(key="axe").select("p21-a1").run()  # the sidebar's Axe filter narrows the list
    assert "29 proposition(s)." in texts(at)
    listed = [f for f in frames(at) if "Proposition" in f.columns][0]
    assert len(listed) == 29 and set(listed["Axe"]) == {"Axe 1 – Citoyenneté et participation"}
