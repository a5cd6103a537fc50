"""Office files a French public body can send: the report model (a list of blocks) as PDF and .docx.

Two renderers of one document model: fpdf2 for the PDF (DejaVu Sans shipped in static/fonts and
embedded, so the narrow no-break space prints right; text only: it reads no image, no file and no URL
from the text) and python-docx for the editable .docx. French typography: « », narrow no-break spaces
before : ; ! ? and inside guillemets.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

FONTS = Path(__file__).resolve().parent.parent / "static" / "fonts"
NNBSP = "\u202f"


def typo(text: str) -> str:
    """French typography: narrow no-break space before : ; ! ? and inside « »."""
    text = re.sub(r"[ \u00a0]+([:;!?])", NNBSP + r"\1", str(text))
    text = re.sub(r"«[ \u00a0]*", "«" + NNBSP, text)
    return re.sub(r"[ \u00a0]*»", NNBSP + "»", text)


# ---------------------------------------------------------------- PDF (fpdf2, embedded DejaVu Sans)


def to_pdf(doc: dict) -> bytes:
    """The report as PDF: embedded TTF, page numbers, text only (no HTML, no markdown, no file read from text)."""
    from fpdf import FPDF, FontFace
    from fpdf.enums import XPos, YPos

    class Report(FPDF):
        def footer(self) -> None:
            self.set_y(-14)
            self.set_font("DejaVu", size=8)
            self.set_text_color(90, 90, 90)
            self.cell(0, 8, typo(f"{doc['title']} · page {self.page_no()} / {{nb}}"), align="C")

    pdf = Report(format="A4", unit="mm")
    pdf.set_title(doc["title"])
    pdf.set_lang("fr")
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_margins(18, 18, 18)
    nl = {"new_x": XPos.LMARGIN, "new_y": YPos.NEXT}
    width = pdf.w - 36

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
            pdf.multi_cell(width, 5, typo("Source : " + (block[1] or "non précisée")), align="L", **nl)
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
            pdf.set_font("DejaVu", "", 8.5)
            widths = (30, 70) if block[1] == ["Rubrique", "Contenu"] else tuple(
                min(5.0, max(1.0, max(len(str(r[i])) for r in [block[1], *block[2]]) / 12))
                for i in range(len(block[1])))  # long texts get wide columns
            with pdf.table(width=width, text_align="LEFT", line_height=5, col_widths=widths,
                           headings_style=FontFace(emphasis="BOLD", fill_color=(225, 232, 242))) as table:
                for row in [block[1], *block[2]]:
                    r = table.row()
                    for cell in row:
                        r.cell(typo(cell))
            pdf.ln(2)
        elif kind == "image":
            pdf.image(io.BytesIO(block[1]), w=width)  # our own PNG bytes, never a path or URL from the text
            pdf.ln(2)
    return bytes(pdf.output())


# ---------------------------------------------------------------- DOCX (python-docx, editable)


def _page_number(paragraph) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def to_docx(doc: dict) -> bytes:
    """The report as an editable .docx (headings, tables, page numbers in the footer)."""
    from docx import Document
    from docx.shared import Cm, Pt, RGBColor

    d = Document()
    style = d.styles["Normal"]
    style.font.name = "DejaVu Sans"
    style.font.size = Pt(10.5)
    section = d.sections[0]
    footer = section.footer.paragraphs[0]
    footer.text = typo(doc["title"] + " · page ")
    _page_number(footer)
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
            run = d.add_paragraph().add_run(typo("Source : " + (block[1] or "non précisée")))
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
            t = d.add_table(rows=1, cols=len(block[1]))
            t.style = "Light Grid Accent 1"
            for cell, text in zip(t.rows[0].cells, block[1], strict=True):
                cell.text = typo(text)
            for row in block[2]:
                cells = t.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    cell.text = typo(text)
        elif kind == "image":
            d.add_picture(io.BytesIO(block[1]), width=Cm(16))
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()
