"""Office files a French public body can send: the report model (a list of blocks) as PDF and .docx.

Two renderers of one document model: fpdf2 for the PDF (DejaVu Sans shipped in static/fonts and
embedded, so the narrow no-break space prints right; text only: it reads no image, no file and no URL
from the text) and python-docx for the editable .docx (A4, French language tags, fixed table columns).
French typography: « », narrow no-break spaces before : ; ! ? and inside guillemets.

The model: {"title", "cover": {"title", "lines"} or None, "blocks": [...], "footer": optional str}.
Blocks: ("h1", text), ("p", text), ("coord", text), ("list", [text]), ("source", text),
("figures", [(value, label)]), ("table", headers, rows), ("image", png bytes).
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Callable, Sequence
from pathlib import Path

FONTS = Path(__file__).resolve().parents[2] / "static" / "fonts"
NNBSP = "\u202f"
LANG = "fr-FR"

# A4 in twips (1/20 pt) and the .docx margins (2 cm): the text is 17 cm wide.
A4_TWIPS = (11906, 16838)
MARGIN_TWIPS = 1134
TEXT_TWIPS = A4_TWIPS[0] - 2 * MARGIN_TWIPS

# Where a line may break: plain spaces, tabs and line breaks (never a no-break or narrow no-break space).
_BREAKS = re.compile(r"[ \t\n\r\u200b\u2002-\u2006\u2008-\u200a]+")


def typo(text: str) -> str:
    """French typography: narrow no-break space before : ; ! ? and inside « »."""
    text = re.sub(r"[ \u00a0]+([:;!?])", NNBSP + r"\1", str(text))
    text = re.sub(r"«[ \u00a0]*", "«" + NNBSP, text)
    return re.sub(r"[ \u00a0]*»", NNBSP + "»", text)


# ---------------------------------------------------------------- reader-facing source lines


@functools.lru_cache(maxsize=1)
def _table_ref() -> re.Pattern:
    from clsm_data.core.tables import TABLES

    names = sorted({*TABLES, "v_[a-z_]+"}, key=len, reverse=True)
    name = "(?:" + "|".join(names) + r")\b"
    return re.compile(rf"\b[Tt]ables?\s+{name}(?:\s*(?:,|et)\s*{name})*")


def reader_source(text: str | None) -> str:
    """A source line as a reader reads it: database table names removed.

    « Comptes rendus (tables meeting, event). » -> « Comptes rendus. »; « (table action, par axe) » ->
    « (par axe) »; « Table action. » -> "" (the caller then says the source is not given).
    """
    if not text:
        return ""
    out = _table_ref().sub("", str(text))
    out = re.sub(r"\(\s*[,;]\s*", "(", out)
    out = re.sub(r"\s*[,;]\s*\)", ")", out)
    out = re.sub(r"\s*\(\s*\)", "", out)
    out = re.sub(r"\s+([.,;])", r"\1", out)
    out = re.sub(r"^[\s.,;]+|(?<=[.,;])[\s.,;]+$", "", out)
    out = re.sub(r"\s{2,}", " ", out).strip()
    return "" if re.fullmatch(r"[\s.,;()]*", out) else out


def _source_line(text: str | None) -> str:
    return "Source : " + (reader_source(text) or "non précisée")


def _footer_text(doc: dict) -> str:
    """What the footer says before the page number: the model's footer if it has one, else its title."""
    return str(doc.get("footer") or doc["title"])


# ---------------------------------------------------------------- table columns sized to their content


@functools.lru_cache(maxsize=1)
def _measurer():
    """An fpdf2 document in points holding DejaVu Sans, used only to measure text."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt")
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    return pdf


def text_width_pt(text: str, size: float, bold: bool = False) -> float:
    """Width of `text` on one line in DejaVu Sans at `size` points (DejaVu is wide: fonts substituted
    for it by a reader's word processor are narrower, so a column sized by it holds their words too)."""
    pdf = _measurer()
    pdf.set_font("DejaVu", "B" if bold else "", size)
    return pdf.get_string_width(text)


def words(text: str) -> list[str]:
    """The pieces of a cell text that a renderer cannot break (split on breaking spaces only)."""
    return [w for w in _BREAKS.split(str(text)) if w]


def column_extents(headers: Sequence[str], rows: Sequence[Sequence[str]], total: float,
                   measure: Callable[[str, bool], float], pad: float,
                   bold_first_column: bool = False) -> tuple[list[float], list[float]]:
    """Per column: the width of its longest unbreakable word and of its longest line (each + `pad`,
    a line longer than `total` counted as `total`). The header row (and the first column if asked) is
    measured in bold."""
    n = len(headers)
    lows, highs = [0.0] * n, [0.0] * n
    for r, row in enumerate([headers, *rows]):
        for i, cell in enumerate(row):
            bold = r == 0 or (bold_first_column and i == 0)
            text = str(cell)
            longest = max((measure(w, bold) for w in words(text)), default=0.0)
            line = max((measure(x.strip(), bold) for x in text.splitlines()), default=0.0)
            lows[i] = max(lows[i], longest + pad)
            highs[i] = max(highs[i], lows[i], min(line + pad, total))
    return lows, highs


def column_widths(headers: Sequence[str], rows: Sequence[Sequence[str]], total: float,
                  measure: Callable[[str, bool], float], pad: float, bold_first_column: bool = False) -> list[float]:
    """Widths of the columns of a table that sum to `total`, none narrower than its longest word.

    Each column gets at least its longest unbreakable word (+ `pad`); what is left goes to the columns
    in proportion to what they lack to print each cell on one line, so a long text gets the room and
    a short one no more than it needs. If every cell fits on one line, the natural widths are scaled
    up to `total`. If even the longest words do not fit, the minimums are shrunk in proportion (the
    caller tries a smaller font first).

    Args:
        measure: (text, bold) -> width in the unit of `total`.
        pad: the cell's left + right padding and borders, in that unit.
    """
    lows, highs = column_extents(headers, rows, total, measure, pad, bold_first_column)
    low, high = sum(lows), sum(highs)
    if low >= total:
        return [w * total / low for w in lows]
    if high <= total:
        return [h * total / high for h in highs]
    need = [h - w for h, w in zip(highs, lows, strict=True)]
    spare = total - low
    return [w + spare * k / sum(need) for w, k in zip(lows, need, strict=True)]


# ---------------------------------------------------------------- PDF (fpdf2, embedded DejaVu Sans)

PDF_MARGIN = 18  # mm
PDF_TABLE_PAD = 1.2  # mm, left and right of a cell's text (0.8 mm above and below)


def _pdf_table_layout(headers, rows, width: float) -> tuple[float, list[float]]:
    """The font size (pt) and the column widths (mm) of a PDF table: 8.5 pt, smaller if a word would not fit."""
    pt_to_mm = 25.4 / 72
    pad = 2 * PDF_TABLE_PAD + 0.6  # padding, the border line and a margin for rounding
    for size in (8.5, 7.5, 6.5):
        def measure(t, b, s=size):
            return text_width_pt(t, s, b) * pt_to_mm

        if sum(column_extents(headers, rows, width, measure, pad)[0]) <= width:
            break
    return size, column_widths(headers, rows, width, measure, pad)


def to_pdf(doc: dict) -> bytes:
    """The report as PDF: A4, embedded TTF, page numbers, text only (no HTML, no markdown, no file read from text)."""
    from fpdf import FPDF, FontFace
    from fpdf.enums import XPos, YPos

    footer_text = _footer_text(doc)

    class Report(FPDF):
        def footer(self) -> None:
            self.set_y(-14)
            self.set_font("DejaVu", size=8)
            self.set_text_color(90, 90, 90)
            self.cell(0, 8, typo(f"{footer_text} · page {self.page_no()} / {{nb}}"), align="C")

    pdf = Report(format="A4", unit="mm")
    pdf.set_title(doc["title"])
    pdf.set_lang(LANG)
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_margins(PDF_MARGIN, PDF_MARGIN, PDF_MARGIN)
    nl = {"new_x": XPos.LMARGIN, "new_y": YPos.NEXT}
    width = pdf.w - 2 * PDF_MARGIN

    if doc["cover"]:
        pdf.add_page()
        pdf.ln(50)
        pdf.set_font("DejaVu", "B", 28)
        pdf.multi_cell(width, 14, typo(doc["cover"]["title"]), **nl)
        pdf.ln(6)
        pdf.set_font("DejaVu", "", 13)
        for line in doc["cover"]["lines"]:
            if line:
                pdf.multi_cell(width, 8, typo(line), **nl)
    pdf.add_page()
    for block in doc["blocks"]:
        kind = block[0]
        if kind == "h1":
            pdf.add_page() if pdf.get_y() > 230 else pdf.ln(6)
            pdf.set_font("DejaVu", "B", 16)
            pdf.set_text_color(11, 79, 138)
            pdf.multi_cell(width, 9, typo(block[1]), align="L", **nl)
            pdf.set_text_color(0, 0, 0)
            pdf.ln(2)
        elif kind in ("p", "coord"):
            pdf.set_font("DejaVu", "", 10.5)
            if kind == "coord":
                pdf.set_fill_color(240, 244, 250)
                pdf.multi_cell(width, 6, typo(block[1]), fill=True, markdown=False, align="L", **nl)
            else:
                pdf.multi_cell(width, 6, typo(block[1]), markdown=False, align="L", **nl)
            pdf.ln(1)
        elif kind == "list":
            pdf.set_font("DejaVu", "", 10.5)
            for item in block[1]:
                pdf.multi_cell(width, 6, typo("– " + item), align="L", **nl)
        elif kind == "source":
            pdf.set_font("DejaVu", "", 8.5)
            pdf.set_text_color(80, 80, 80)
            pdf.multi_cell(width, 5, typo(_source_line(block[1])), align="L", **nl)
            pdf.set_text_color(0, 0, 0)
            pdf.ln(1)
        elif kind == "figures":
            pdf.set_font("DejaVu", "", 10.5)
            for value, label in block[1]:
                pdf.set_font("DejaVu", "B", 16)
                pdf.cell(32, 9, typo(value), align="R")
                pdf.set_font("DejaVu", "", 10.5)
                pdf.multi_cell(width - 34, 9 if len(label) < 70 else 6, typo("  " + label), align="L", **nl)
        elif kind == "table":
            headers = [typo(h) for h in block[1]]
            rows = [[typo(c) for c in row] for row in block[2]]
            size, widths = _pdf_table_layout(headers, rows, width)
            pdf.set_font("DejaVu", "", size)
            with pdf.table(width=width, text_align="LEFT", v_align="TOP", line_height=size * 0.5, col_widths=widths,
                           padding=(0.8, PDF_TABLE_PAD),
                           headings_style=FontFace(emphasis="BOLD", fill_color=(225, 232, 242))) as table:
                for row in [headers, *rows]:
                    r = table.row()
                    for cell in row:
                        r.cell(cell)
            pdf.ln(2)
        elif kind == "image":
            pdf.image(io.BytesIO(block[1]), w=width)  # our own PNG bytes, never a path or URL from the text
            pdf.ln(2)
    return bytes(pdf.output())


# ---------------------------------------------------------------- DOCX (python-docx, editable)

DOCX_TABLE_PT = 9
DOCX_CELL_PAD = 2 * 108 + 60  # twips: Word's default cell margins (108 each side), borders and rounding


def _field(paragraph, code: str, size=None) -> None:
    """A Word field (PAGE, NUMPAGES) in its own run."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    if size is not None:
        run.font.size = size
    for kind, text in (("begin", None), (None, code), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {text} "
        run._r.append(el)


def _set_lang(rpr) -> None:
    """Set <w:lang> on a run-properties element (French text, French East-Asian fallback, Arabic bidi)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANG)
    lang.set(qn("w:eastAsia"), LANG)
    lang.set(qn("w:bidi"), "ar-SA")


def _french(d) -> None:
    """French everywhere Word looks: document defaults, every paragraph and character style, settings."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn

    styles = d.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_lang(rpr)
    for style in d.styles:
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER):
            _set_lang(style.element.get_or_add_rPr())
    settings = d.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), LANG)
    for tag, value in (("w:decimalSymbol", ","), ("w:listSeparator", ";")):
        el = settings.find(qn(tag))
        if el is not None:
            el.set(qn("w:val"), value)
    d.core_properties.language = LANG


def _a4(section) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Twips

    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Twips(A4_TWIPS[0]), Twips(A4_TWIPS[1])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Twips(MARGIN_TWIPS))
    section.footer_distance = Twips(567)


def docx_column_widths(headers, rows) -> tuple[float, list[int]]:
    """The font size (pt) and column widths (twips, summing to the A4 text width) of a .docx table: 9 pt,
    smaller if a word would not fit; no column narrower than its longest word (bold measured: the table
    style sets the header row and the first column in bold)."""
    for size in (DOCX_TABLE_PT, 8, 7):
        def measure(t, b, s=size):
            return text_width_pt(t, s, b) * 20

        lows, _ = column_extents(headers, rows, float(TEXT_TWIPS), measure, DOCX_CELL_PAD, bold_first_column=True)
        if sum(lows) <= TEXT_TWIPS:
            break
    widths = column_widths(headers, rows, float(TEXT_TWIPS), measure, DOCX_CELL_PAD, bold_first_column=True)
    out = [int(w) for w in widths]
    out[-1] += TEXT_TWIPS - sum(out)  # whole twips that sum exactly to the text width
    return size, out


def _docx_table(d, headers: list[str], rows: list[list[str]]) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, Twips

    size, widths = docx_column_widths(headers, rows)
    t = d.add_table(rows=0, cols=len(headers))
    t.style = "Light Grid Accent 1"
    t.autofit = False  # <w:tblLayout w:type="fixed"/>: Word keeps the widths below
    tbl_pr = t._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        tbl_pr.append(tbl_w)
    tbl_w.set(qn("w:w"), str(sum(widths)))
    tbl_w.set(qn("w:type"), "dxa")
    for col, w in zip(t._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(w))
    for values in [headers, *rows]:
        cells = t.add_row().cells
        for cell, text, w in zip(cells, values, widths, strict=True):
            cell.width = Twips(w)
            lines = str(text).split("\n")
            para = cell.paragraphs[0]
            for i, line in enumerate(lines):
                run = para.add_run(line)
                run.font.size = Pt(size)
                if i < len(lines) - 1:
                    run.add_break()
    first = t.rows[0]._tr
    tr_pr = first.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")  # the header row repeats on each page
    tr_pr.append(header)


def to_docx(doc: dict) -> bytes:
    """The report as an editable .docx: A4, French, headings, tables with fixed columns, page numbers."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    d = Document()
    style = d.styles["Normal"]
    style.font.name = "DejaVu Sans"
    style.font.size = Pt(10.5)
    _french(d)
    d.core_properties.title = doc["title"]
    section = d.sections[0]
    _a4(section)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    small = Pt(8)
    footer.style.font.size = small  # the fields' results take the paragraph's size
    for piece in (typo(_footer_text(doc) + " · page "), "PAGE", " / ", "NUMPAGES"):
        if piece in ("PAGE", "NUMPAGES"):
            _field(footer, piece, small)
        else:
            footer.add_run(piece).font.size = small
    if doc["cover"]:
        d.add_heading(typo(doc["cover"]["title"]), 0)
        for line in doc["cover"]["lines"]:
            if line:
                d.add_paragraph(typo(line))
        d.add_page_break()
    for block in doc["blocks"]:
        kind = block[0]
        if kind == "h1":
            d.add_heading(typo(block[1]), 1)
        elif kind == "p":
            d.add_paragraph(typo(block[1]))
        elif kind == "coord":
            p = d.add_paragraph(style="Intense Quote")
            p.add_run(typo(block[1]))
        elif kind == "list":
            for item in block[1]:
                d.add_paragraph(typo(item), style="List Bullet")
        elif kind == "source":
            run = d.add_paragraph().add_run(typo(_source_line(block[1])))
            run.font.size = Pt(8.5)
            run.font.color.rgb = RGBColor(0x50, 0x50, 0x50)
        elif kind == "figures":
            for value, label in block[1]:
                p = d.add_paragraph()
                r = p.add_run(typo(value) + " ")
                r.bold = True
                r.font.size = Pt(16)
                p.add_run(typo(label))
        elif kind == "table":
            _docx_table(d, [typo(h) for h in block[1]], [[typo(c) for c in row] for row in block[2]])
            d.add_paragraph()
        elif kind == "image":
            d.add_picture(io.BytesIO(block[1]), width=Cm(16))
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()
