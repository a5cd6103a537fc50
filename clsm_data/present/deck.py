"""The COPIL deck: a slide sequence as a .pptx (python-pptx), one slide per view.

Each slide: the finding as an editable title, the chart as a high-resolution PNG rendered offline
(vl-convert; an image carries its own colours, which LibreOffice Impress keeps), key figures as text,
and at the bottom of every slide, in 12 pt, its source and the data date, then the sequence, the
filters and the masking; the speaker notes repeat the source. 16:9, every text tagged French (fr-FR).
Always masked: a deck is projected and circulated. A source line never names a database table.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from clsm_data.core.errors import ClsmError
from clsm_data.followup import sequences
from clsm_data.present import figures, fmt
from clsm_data.present.office import LANG, reader_source, typo
from clsm_data.read.filters import Filters, describe

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)  # 16:9
INK, BLUE, GREY = RGBColor(0x11, 0x11, 0x11), RGBColor(0x0B, 0x4F, 0x8A), RGBColor(0x44, 0x44, 0x44)
MARGIN = Inches(0.5)
FOOT_PT = 12  # the source and footer lines: readable on a projector, never only in the notes
SOURCE_TOP = HEIGHT - Inches(1.05)  # the source line (up to two lines), then the footer line


def _text(slide, left, top, width, height, text: str, size: int, color=INK, bold: bool = False):
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    para = frame.paragraphs[0]
    run = para.add_run()
    run.text = typo(text)
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = color  # explicit colours: Impress ignores theme colours
    return box


TITLE_BOX = (WIDTH - 2 * MARGIN, Inches(1.3))


def _title_size(text: str, size: int) -> int:
    """The largest size, from `size` down to 20 pt, at which the title fits its box (estimated: bold
    characters about 0.62 em wide, 15 % lost to word wrap, lines 1.2 em apart): a long finding then
    never runs into the chart under it."""
    width, height = (x / 12700 for x in TITLE_BOX)  # in points
    for s in range(size, 19, -2):
        per_line = 0.85 * width / (0.62 * s)
        if math.ceil(len(text) / per_line) * 1.2 * s <= height:
            return s
    return 20


def _title(slide, text: str, size: int = 32, top=None) -> None:
    top = Inches(0.35) if top is None else top
    shape = slide.shapes.title
    shape.left, shape.top, (shape.width, shape.height) = MARGIN, top, TITLE_BOX
    size = _title_size(text, size)  # the title is the finding's own text, as the tests and the app show it
    shape.text = text
    for para in shape.text_frame.paragraphs:
        for run in para.runs:
            run.font.size = Pt(size)
            run.font.bold = True
            run.font.color.rgb = INK


def source_text(source: str | None, when: str) -> str:
    """The source line of a slide as a reader sees it: no database table name, and the data date."""
    return "Source : " + (reader_source(source) or "non précisée") + " · " + when


def _footer(slide, source: str, text: str) -> None:
    """The bottom of every slide: its source and the data date, then the sequence, filters and masking."""
    box = _text(slide, MARGIN, SOURCE_TOP, WIDTH - 2 * MARGIN, Inches(0.55), source, FOOT_PT, GREY)
    box.name = "Source"
    box = _text(slide, MARGIN, HEIGHT - Inches(0.48), WIDTH - 2 * MARGIN, Inches(0.35), text, FOOT_PT, GREY)
    box.name = "Pied de page"


def _french(prs) -> None:
    """Tag every text French: each run, paragraph end and default text style of the slides, their notes,
    layouts and masters, and the presentation's default text style (python-pptx writes en-US)."""
    parts = [prs.part._element, prs.notes_master._element]
    for master in prs.slide_masters:
        parts.append(master._element)
        parts += [layout._element for layout in master.slide_layouts]
    for slide in prs.slides:
        parts.append(slide._element)
        if slide.has_notes_slide:
            parts.append(slide.notes_slide._element)
    for root in parts:
        for run in root.iter(qn("a:r"), qn("a:fld")):
            run.get_or_add_rPr().set("lang", LANG)
        for para in root.iter(qn("a:p")):
            end = para.find(qn("a:endParaRPr"))
            if end is None:
                end = para.makeelement(qn("a:endParaRPr"), {})
                para.append(end)
            end.set("lang", LANG)
        for el in root.iter(qn("a:defRPr"), qn("a:rPr")):
            el.set("lang", LANG)


def _notes(slide, text: str) -> None:
    slide.notes_slide.notes_text_frame.text = text


def build(con, sequence_id: str, f: Filters | None = None) -> Presentation:
    """The sequence as a Presentation (always masked).

    Raises:
        ClsmError: the sequence does not exist.
    """
    f = f or Filters()
    computed = figures.compute(con, sequence_id, f, masked=True)
    if computed is None:
        known = ", ".join(sequences.all_sequences(con))
        raise ClsmError(f"Séquence inconnue : « {sequence_id} ».", f"Séquences disponibles : {known}.")
    words = describe(f, figures.filter_labels(con)) or "sans filtre"
    when = fmt.stamp(computed["at"])
    council = figures.council(con, f.council_id)
    footer = f"{computed['name']} · {words} · effectifs de 1 à 10 usagers ou aidants masqués"
    n_docs = con.execute("SELECT count(*) FROM source_document").fetchone()[0]
    all_sources = source_text(f"les {n_docs} documents du CLSM transcrits dans le tableau de suivi", when)
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    layout = prs.slide_layouts[5]  # "Title Only": a real title placeholder, editable

    first = prs.slides.add_slide(layout)
    _title(first, council["name"], 36, top=Inches(2.2))
    _text(first, MARGIN, Inches(3.7), WIDTH - 2 * MARGIN, Inches(0.8),
          f"{computed['name']} · {fmt.long_date(computed['at'])}", 26, GREY)
    _text(first, MARGIN, Inches(4.5), WIDTH - 2 * MARGIN, Inches(0.6),
          f"Chiffres tirés des documents du CLSM, {when}.", 18, GREY)
    if computed["skipped"]:
        _text(first, MARGIN, Inches(5.3), WIDTH - 2 * MARGIN, Inches(0.6),
              "Diapositive(s) inconnue(s), non reprise(s) : " + ", ".join(computed["skipped"]) + ".", 14, GREY)
    _footer(first, all_sources, footer)
    _notes(first, "Séquence « " + computed["name"] + " » ; filtres : " + words + ".")

    for fig in computed["figures"]:
        slide = prs.slides.add_slide(layout)
        _title(slide, fig["title"], 30)
        png = figures.chart_png(fig, scale=2.0, font=30, width=1600, height=640, fill=True)
        top = Inches(1.8)
        if png:
            room_w, room_h = WIDTH - 2 * MARGIN, SOURCE_TOP - top - Inches(0.1)
            ratio = min(room_w / 1600, room_h / 640)
            w, h = Emu(int(1600 * ratio)), Emu(int(640 * ratio))
            slide.shapes.add_picture(io.BytesIO(png), int((WIDTH - w) / 2), top, w, h)
        elif fig["figures"]:
            items = fig["figures"][:4]
            col = (WIDTH - 2 * MARGIN) / len(items)
            for i, item in enumerate(items):
                left = MARGIN + int(col * i)
                _text(slide, left, Inches(2.4), int(col) - Inches(0.2), Inches(1.6), item["value"], 72, BLUE, True)
                _text(slide, left, Inches(4.1), int(col) - Inches(0.2), Inches(1.6),
                      item.get("short") or item["label"], 20, INK)
        else:
            _text(slide, MARGIN, Inches(2.4), WIDTH - 2 * MARGIN, Inches(1), "Les documents ne donnent pas de valeur "
                  "pour cette vue.", 20, GREY)
        if png and fig["figures"]:  # a chart and figures: the figures as a line of text under the title
            line = " · ".join(f"{x['value']} {x.get('short') or x['label']}" for x in fig["figures"][:4])
            _text(slide, MARGIN, Inches(1.4), WIDTH - 2 * MARGIN, Inches(0.4), line, 16, BLUE, True)
        _footer(slide, source_text(fig["source"], when),
                footer.replace(f" · {words} · ", f" · {fig['filters']} · ") if fig.get("filters") else footer)
        notes = ["Source : " + (reader_source(fig["source"]) or "non précisée"), *(reader_source(n) for n in fig["notes"])]
        _notes(slide, "\n".join(notes))

    end = prs.slides.add_slide(layout)
    _title(end, "Merci de votre attention", 36, top=Inches(2.6))
    _text(end, MARGIN, Inches(4.0), WIDTH - 2 * MARGIN, Inches(0.8), council["name"], 24, GREY)
    _footer(end, all_sources, footer)
    _french(prs)
    return prs


def build_bytes(con, sequence_id: str, f: Filters | None = None) -> bytes:
    """The .pptx file's bytes."""
    out = io.BytesIO()
    build(con, sequence_id, f).save(out)
    return out.getvalue()


def write(con, sequence_id: str, path: Path, f: Filters | None = None) -> Path:
    """Write the .pptx to `path`; returns the path."""
    path = Path(path)
    path.write_bytes(build_bytes(con, sequence_id, f))
    return path
