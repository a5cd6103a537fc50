"""Office files as their readers get them: the 2021 bilan (PDF, .docx), the decks (.pptx) and the action sheets,
read back with pypdf, python-docx and python-pptx, and rendered by LibreOffice when it is installed."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest

from clsm_data.core.tables import TABLES
from clsm_data.store.db import connect

FONTS = Path(__file__).resolve().parent.parent / "static" / "fonts"
A4_TWIPS = (11906, 16838)
TEXT_TWIPS = 11906 - 2 * 1134
TABLE_NAME = re.compile(r"\btables?\s+(?:" + "|".join(sorted(TABLES, key=len, reverse=True)) + r"|v_\w+)\b", re.I)
RAW_VALUE = re.compile(r"\b(?:nan|None|NaT)\b")
DOC_ID = re.compile(r"\bdoc-\d{3}\b")


@pytest.fixture(scope="module")
def con(seed_db):
    c = connect(seed_db)
    yield c
    c.close()


@pytest.fixture(scope="module")
def files(con) -> dict[str, bytes]:
    """Every office file of this module, built once."""
    from clsm_data.present import action_sheet, deck, report

    out = {"bilan.docx": report.build(con, 2021, "docx"), "bilan.pdf": report.build(con, 2021, "pdf"),
           "copil.pptx": deck.build_bytes(con, "copil"), "pleniere.pptx": deck.build_bytes(con, "pleniere")}
    for action in ("fiche-15", "fiche-32"):
        for fmt in ("pdf", "docx"):
            out[f"{action}.{fmt}"] = action_sheet.build_sheet(con, action, fmt)
    return out


# ---------------------------------------------------------------- reading the files back


def plain(text: str) -> str:
    """Text as compared: ligatures and no-break spaces as plain letters and spaces, runs of blanks as one."""
    text = unicodedata.normalize("NFKC", text).replace("\u202f", " ").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text)


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return plain("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))


def docx_text(data: bytes) -> str:
    """Every text of a .docx as a reader sees it: paragraphs, table cells, footers."""
    from docx import Document

    d = Document(io.BytesIO(data))
    parts = [p.text for p in d.paragraphs]
    parts += [c.text for t in d.tables for r in t.rows for c in r.cells]
    parts += [p.text for s in d.sections for p in s.footer.paragraphs]
    return plain("\n".join(parts))


def pptx_texts(data: bytes) -> list[str]:
    """Per slide: every text on it and in its notes."""
    from pptx import Presentation

    prs = Presentation(io.BytesIO(data))
    out = []
    for slide in prs.slides:
        texts = [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]
        if slide.has_notes_slide:
            texts.append(slide.notes_slide.notes_text_frame.text)
        out.append(plain("\n".join(texts)))
    return out


def reader_text(name: str, data: bytes) -> str:
    if name.endswith(".pdf"):
        return pdf_text(data)
    if name.endswith(".docx"):
        return docx_text(data)
    return "\n".join(pptx_texts(data))


def width_pt(word: str, size: float, bold: bool) -> float:
    """A word's width in points, measured by Pillow on the TTF (not by the code under test)."""
    from PIL import ImageFont

    font = ImageFont.truetype(str(FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), 1000)
    return font.getlength(word) * size / 1000


def long_words(texts) -> set[str]:
    """Words of 6 letters or more a renderer may not break (no hyphen, slash or dash inside)."""
    found = set()
    for text in texts:
        for word in re.split(r"\s+", plain(text)):
            word = word.strip("«»()[].,;:!?'’\"")
            if len(word) >= 6 and word.isalpha():
                found.add(word)
    return found


# ---------------------------------------------------------------- every file


def test_no_table_name_raw_value_or_document_id_reaches_a_reader(files):
    for name, data in files.items():
        text = reader_text(name, data)
        assert not TABLE_NAME.search(text), (name, TABLE_NAME.search(text))
        assert not RAW_VALUE.search(text), (name, text[max(0, RAW_VALUE.search(text).start() - 80):][:160])
        assert not DOC_ID.search(text), (name, DOC_ID.search(text))


def test_a_source_line_loses_its_table_names():
    from clsm_data.present.office import reader_source

    assert reader_source("Fiches et pistes d'actions, comptes rendus de réunions (tables action, meeting).") == (
        "Fiches et pistes d'actions, comptes rendus de réunions.")
    assert reader_source("Programme 2022 (table action, par axe et statut).") == "Programme 2022 (par axe et statut)."
    assert reader_source("Comptes rendus (tables meeting, event, indicator_value).") == "Comptes rendus."
    assert reader_source("Table action.") == ""
    assert reader_source("Une table ronde des partenaires.") == "Une table ronde des partenaires."


# ---------------------------------------------------------------- .docx


def test_docx_files_are_a4_french_with_page_numbers(files):
    from docx import Document

    for name in ("bilan.docx", "fiche-15.docx", "fiche-32.docx"):
        raw = files[name]
        d = Document(io.BytesIO(raw))
        section = d.sections[0]
        assert (section.page_width.twips, section.page_height.twips) == A4_TWIPS, name
        assert all(abs(getattr(section, m).twips - 1134) <= 60 for m in
                   ("left_margin", "right_margin", "top_margin", "bottom_margin")), name
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            styles = z.read("word/styles.xml").decode()
            body = z.read("word/document.xml").decode()
            footers = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/footer"))
        defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles, re.S).group(0)
        assert re.search(r'<w:lang w:val="fr-FR"', defaults), name
        for style in ("Normal", "Heading1", "Title"):
            block = re.search(rf'<w:style [^>]*w:styleId="{style}".*?</w:style>', styles, re.S).group(0)
            assert 'w:val="fr-FR"' in block, (name, style)
        assert "en-US" not in styles and "en-US" not in body, name
        assert "PAGE" in footers and "NUMPAGES" in footers, name
        assert d.core_properties.language == "fr-FR"


def test_docx_table_columns_are_fixed_and_hold_their_longest_word(files):
    from docx import Document
    from docx.oxml.ns import qn

    tables = 0
    for name in ("bilan.docx", "fiche-15.docx", "fiche-32.docx"):
        d = Document(io.BytesIO(files[name]))
        for table in d.tables:
            tables += 1
            tbl = table._tbl
            assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed", name
            grid = [int(c.get(qn("w:w"))) for c in tbl.tblGrid.findall(qn("w:gridCol"))]
            assert sum(grid) == TEXT_TWIPS, (name, grid)
            for r, row in enumerate(table.rows):
                for i, cell in enumerate(row.cells):
                    tcw = cell._tc.tcPr.find(qn("w:tcW"))
                    assert (tcw.get(qn("w:type")), int(tcw.get(qn("w:w")))) == ("dxa", grid[i]), name
                    size = next((run.font.size.pt for p in cell.paragraphs for run in p.runs if run.font.size), 10.5)
                    room = grid[i] - 2 * 108  # Word's cell margins
                    for word in re.split(r"[ \n\t]+", cell.text):
                        need = width_pt(word, size, bold=r == 0 or i == 0) * 20
                        assert need <= room, (name, word, need, room)
    assert tables >= 6


# ---------------------------------------------------------------- PDF


def test_pdf_is_a4_and_no_table_word_is_cut(files):
    from docx import Document
    from pypdf import PdfReader

    for name in ("bilan.pdf", "fiche-15.pdf", "fiche-32.pdf"):
        page = PdfReader(io.BytesIO(files[name])).pages[0]
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842), name
        # the same model's tables, read from its .docx: each of their words whole in the PDF
        d = Document(io.BytesIO(files[name.replace(".pdf", ".docx")]))
        words = long_words(c.text for t in d.tables for r in t.rows for c in r.cells)
        assert len(words) > 20, name
        text = pdf_text(files[name])
        assert not [w for w in words if w not in text], name


def test_pdf_columns_are_never_narrower_than_their_longest_word():
    from clsm_data.present import office

    heads = ["Axe", "Total", "conception", "idée", "mise en œuvre", "réalisée", "reportée", "abandonnée"]
    rows = [["Pistes 2021 · Axe 2 – Collaborations en santé mentale", "32", "0", "32", "0", "0", "0", "0"]]
    size, widths = office._pdf_table_layout(heads, rows, 174)
    assert abs(sum(widths) - 174) < 1e-6
    mm = 25.4 / 72
    for i, col in enumerate(zip(heads, *rows, strict=True)):
        for r, text in enumerate(col):
            for word in text.split(" "):
                assert width_pt(word, size, bold=r == 0) * mm <= widths[i] - 2 * office.PDF_TABLE_PAD, (word, widths)
    text = pdf_text(office.to_pdf({"title": "t", "cover": None, "blocks": [("table", heads, rows)]}))
    assert "Collaborations" in text and "abandonnée" in text


def test_the_models_footer_goes_before_the_page_number():
    from clsm_data.present import office

    doc = {"title": "Bilan annuel 2021", "cover": None, "blocks": [("p", "Texte.")],
           "footer": "Bilan 2021 · année non validée, données au 06/12/2026"}
    assert "Bilan 2021 · année non validée, données au 06/12/2026 · page 1 / 1" in pdf_text(office.to_pdf(doc))
    assert "Bilan 2021 · année non validée, données au 06/12/2026 · page" in docx_text(office.to_docx(doc))
    del doc["footer"]
    assert "Bilan annuel 2021 · page 1 / 1" in pdf_text(office.to_pdf(doc))
    assert "Bilan annuel 2021 · page" in docx_text(office.to_docx(doc))


# ---------------------------------------------------------------- .pptx


@pytest.mark.parametrize("name", ["copil.pptx", "pleniere.pptx"])
def test_deck_is_16_9_french_and_every_slide_shows_its_source(files, name):
    from pptx import Presentation
    from pptx.oxml.ns import qn

    raw = files[name]
    prs = Presentation(io.BytesIO(raw))
    assert (round(prs.slide_width / 914400, 2), round(prs.slide_height / 914400, 2)) == (13.33, 7.5)
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        xml = {n: z.read(n).decode() for n in z.namelist() if n.endswith(".xml")}
    assert not [n for n, x in xml.items() if "en-US" in x]
    assert re.search(r'<p:defaultTextStyle>.*lang="fr-FR"', xml["ppt/presentation.xml"], re.S)
    slides = list(prs.slides)
    assert len(slides) >= 5
    for n, slide in enumerate(slides, 1):
        parts = [slide._element] + ([slide.notes_slide._element] if slide.has_notes_slide else [])
        for part in parts:
            for el in part.iter(qn("a:rPr"), qn("a:endParaRPr")):
                assert el.get("lang") == "fr-FR", (name, n)
            for run in part.iter(qn("a:r")):
                assert run.find(qn("a:rPr")) is not None, (name, n)
        sources = [sh for sh in slide.shapes if sh.has_text_frame and sh.text_frame.text.startswith("Source")]
        assert len(sources) == 1, (name, n)
        box = sources[0]
        text = box.text_frame.text
        assert "données au " in text and not TABLE_NAME.search(text), (name, n, text)
        assert box.top >= prs.slide_height * 0.75 and box.top + box.height <= prs.slide_height, (name, n)
        assert all(r.font.size is not None and r.font.size.pt >= 12 for p in box.text_frame.paragraphs
                   for r in p.runs), (name, n)


# ---------------------------------------------------------------- the action sheets


def test_sheet_shows_only_the_rubrics_it_has(con, files):
    from clsm_data.present import action_sheet

    for action in ("fiche-15", "fiche-32"):
        model = action_sheet.action_sheet_model(con, action)
        rubrics = next(b for b in model["blocks"] if b[0] == "table")
        assert rubrics[1] == ["Rubrique", "Contenu"]
        assert all(value.strip() and "non renseign" not in value for _, value in rubrics[2]), action
        for fmt in ("pdf", "docx"):
            text = reader_text(f".{fmt}", files[f"{action}.{fmt}"])
            assert len(re.findall(r"non renseign", text, re.I)) <= 1, (action, fmt)
    text = pdf_text(files["fiche-15.pdf"])
    assert "Ville de Metz" in text and "(nan)" not in text
    assert "Non renseigné dans les documents : statut (phase), objectif général, typologie" in text
    assert "Porteur de l'action (structure) Centre hospitalier de Jury" in text


def test_sheet_32_tells_both_statuses_with_their_dates_and_documents(files):
    for fmt in ("pdf", "docx"):
        text = reader_text(f".{fmt}", files[f"fiche-32.{fmt}"])
        assert ("conception (document non daté) – coché sur la fiche (période de la fiche : 2017-2020), "
                "« Fiche action n°32 – Sensibilisation des professionnels à la santé mentale »") in text, fmt
        assert ("octobre 2020 : réalisée – établi par la réalisation « Sensibilisation en santé mentale (session en "
                "salle) », « Avancée des projets » (nov. 2020)") in text, fmt
        assert "Statut retenu par le tableau de suivi : réalisée (le fait daté le plus récent)" in text, fmt
        assert "5 sessions" in text and "1er semestre 2018." in text, fmt


def test_sheet_shows_what_the_coordinator_wrote(fresh_db):
    from clsm_data.core.roles import Caller
    from clsm_data.followup import year as followup
    from clsm_data.present import action_sheet

    coordinator = Caller("coordination", "coordinator")
    rw = connect(fresh_db, read_only=False)
    event = rw.execute("SELECT event_id FROM event ORDER BY event_id LIMIT 1").fetchone()[0]
    followup.set_comment(rw, coordinator, "fiche-15", 2022, "Instances réunies deux fois, bilan présenté au COPIL.")
    followup.set_status(rw, coordinator, "fiche-15", "mise en œuvre", dt.date(2022, 3, 1),
                        "Le COPIL a lancé la coordination.")
    followup.add_realisation(rw, coordinator, "fiche-15", year=2022, event_id=event, quantity=3, unit="réunions",
                             note="Compte rendu transmis par courriel.")
    rw.close()
    con = connect(fresh_db)
    pdf = pdf_text(action_sheet.build_sheet(con, "fiche-15", "pdf"))
    docx = docx_text(action_sheet.build_sheet(con, "fiche-15", "docx"))
    con.close()
    for text in (pdf, docx):
        assert "2022 : Instances réunies deux fois, bilan présenté au COPIL." in text
        assert ("01/03/2022 : mise en œuvre – saisi par la coordination. Pourquoi : Le COPIL a lancé la "
                "coordination.") in text
        assert "Compte rendu transmis par courriel." in text and "3 réunions" in text
        assert "saisie de la coordination" in text
        assert "statut (phase)" not in text  # the record now gives one


def test_sheet_page_shows_dated_statuses_and_no_raw_values(app_db):
    from streamlit.testing.v1 import AppTest

    from clsm_data.core.roles import Caller
    from clsm_data.followup import year as followup

    rw = connect(app_db, read_only=False)  # before the app opens the file
    followup.set_comment(rw, Caller("coordination", "coordinator"), "fiche-32", 2020, "Sessions à distance faute de salle.")
    rw.close()

    def sheet(query: str) -> AppTest:
        at = AppTest.from_file("../app.py", default_timeout=30)
        at.query_params["q"] = query
        at.run()
        at.switch_page("pages/3_fiches_actions.py")
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    at = sheet("Sensibilisation des professionnels")
    shown = plain("\n".join([m.value.replace("\\", "").replace("**", "") for m in [*at.markdown, *at.caption]]
                            + [t.value for t in at.text] + [h.proto.body for h in at.get("html")]))
    assert "Statut : les faits datés" in shown
    assert "conception (document non daté) – coché sur la fiche" in shown
    assert "octobre 2020 : réalisée" in shown and "« Avancée des projets » (nov. 2020)" in shown
    assert "Non renseigné dans les documents : typologie" in shown
    assert "Commentaires de la coordination" in shown and "2020 : Sessions à distance faute de salle." in shown
    assert not DOC_ID.search(shown) and not RAW_VALUE.search(shown) and "non renseigné</td>" not in shown
    shown = "\n".join(h.proto.body for h in sheet("Coordination du Conseil local").get("html"))
    assert "<td>Ville de Metz</td>" in shown and "(nan)" not in shown


# ---------------------------------------------------------------- rendered as a reader sees them


def test_office_files_render_in_libreoffice(files, tmp_path):
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if not (soffice and pdftoppm):
        pytest.skip("LibreOffice (soffice) or poppler's pdftoppm is not installed: `make browser` installs them")
    from docx import Document
    from pptx import Presentation

    names = ["bilan.docx", "copil.pptx", "fiche-32.docx"]
    for name in names:
        (tmp_path / name).write_bytes(files[name])
    out = tmp_path / "pdf"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(out), *[str(tmp_path / n) for n in names]],
                   check=True, capture_output=True, timeout=300)
    for name in names:
        pdf = out / (Path(name).stem + ".pdf")
        assert pdf.exists(), name
        subprocess.run([pdftoppm, "-r", "50", "-png", str(pdf), str(out / Path(name).stem)], check=True, timeout=120)
        assert list(out.glob(Path(name).stem + "-*.png")), name
    from pypdf import PdfReader

    bilan = PdfReader(str(out / "bilan.pdf"))
    assert (round(float(bilan.pages[0].mediabox.width)), round(float(bilan.pages[0].mediabox.height))) == (595, 842)
    # No word of a table is cut between two lines once Writer has laid the columns out.
    d = Document(io.BytesIO(files["bilan.docx"]))
    words = long_words(c.text for t in d.tables for r in t.rows for c in r.cells)
    text = plain("\n".join(p.extract_text() for p in bilan.pages))
    assert len(words) > 20 and not [w for w in words if w not in text]
    slides = PdfReader(str(out / "copil.pdf")).pages
    assert len(slides) == len(Presentation(io.BytesIO(files["copil.pptx"])).slides)
    assert all("Source" in plain(p.extract_text()) and "données au" in plain(p.extract_text()) for p in slides)
