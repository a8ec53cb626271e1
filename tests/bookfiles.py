"""Book files made by the tests themselves: a typeset PDF, EPUB 3, DOCX, ODT, FB2, and bad ones.

Every file is built from a ``Book`` (chapters of paragraphs with notes written
inline as ``{note text}``), so a test can check what a reader gives back against
what was typeset: paragraphs, headings, printed page labels and notes.  The PDF
is typeset here line by line (reportlab's canvas, DejaVu Serif for Cyrillic):
running heads, printed folios that differ from the physical page numbers,
words hyphenated at line ends, and footnotes at the bottom of the page they are
called on.  Notes are numbered from 1 in every chapter, as many books do, so a
reader that links calls to notes by their label alone would attach the wrong note.

Used by the acceptance tests and by ``tests/bench/bench_books.py``.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

FONT_DIR = Path(__file__).resolve().parents[1] / "resources" / "fonts"  # DejaVu Serif, shipped
_NOTE = re.compile(r"\{([^{}]+)\}")


@dataclass
class Chapter:
    title: str
    paragraphs: list[str]
    epigraph: str = ""


@dataclass
class Book:
    title: str
    author: tuple[str, str]  # (family, given)
    lang: str
    chapters: list[Chapter]
    date: str = "1993"
    publisher: str = "Терра"
    place: str = "Москва"
    isbn: str = "978-5-00000-000-0"

    def notes_of(self, chapter: Chapter) -> list[str]:
        return [m.group(1) for p in chapter.paragraphs for m in _NOTE.finditer(p)]

    @staticmethod
    def plain(paragraph: str) -> str:
        """The paragraph's text without its notes (what a reader must give back)."""
        return re.sub(r"\s+", " ", _NOTE.sub("", paragraph)).strip()


RU_WORDS = (
    "партия государство рабочие крестьяне пятилетка индустриализация коллективизация оппозиция "
    "бюрократия резолюция конференция съезд производство хлебозаготовки деревня промышленность "
    "революционный исторический экономический политический центральный комитет секретарь"
).split()


def sample_book(chapters: int = 3, paragraphs: int = 4, words: int = 70, *, seed: int = 1,
                vocabulary: Sequence[str] = RU_WORDS, sentence_words: int | None = None) -> Book:
    """A Russian book: numbered chapters of long paragraphs, two notes per chapter
    (numbered from 1 again in every chapter), a hyphenated compound now and then.

    Paragraphs are two sentences unless ``sentence_words`` asks for sentences of
    about that many words; words are drawn from ``vocabulary`` (a larger one, e.g.
    ``russian_vocabulary()``, compresses like real text)."""
    import random

    rng = random.Random(seed)
    out = []
    for c in range(1, chapters + 1):
        paras = []
        for p in range(paragraphs):
            ws = [rng.choice(vocabulary) for _ in range(words)]
            ws[0] = ws[0].capitalize()
            ws[words // 2] = "контрреволюционной"  # a long word likely to be hyphenated
            if p == 1:
                ws[words // 3] = "марксистско-ленинской"
            if sentence_words:
                sentences, start = [], 0
                while start < len(ws):
                    stop = min(len(ws), start + rng.randint(max(3, sentence_words // 2), sentence_words * 3 // 2))
                    sentences.append(" ".join(ws[start:stop]).capitalize() + ".")
                    start = stop
                text = " ".join(sentences)
            else:
                text = " ".join(ws)
                cut = len(text) // 2
                cut = text.index(" ", cut)
                text = text[:cut] + ". " + text[cut + 1 :].capitalize() + "."
            if p in (0, 2):
                source = rng.choice(("РГАСПИ, ф. 17, оп. 2", "Бюллетень оппозиции", "Правда", "ГАРФ, ф. 5446"))
                text += f"{{Примечание {c}.{p // 2 + 1}: {source}, д. {p + 10 * c}, л. {rng.randint(1, 300)}.}}"
            paras.append(text)
        out.append(Chapter(f"Глава {c}. Раздел истории номер {c}", paras))
    return Book("История оппозиции", ("Роговин", "Вадим"), "ru", out)


def russian_vocabulary() -> list[str]:
    """Every Russian word form of the bundled Russian texts (about 3,700), lower-cased."""
    root = Path(__file__).resolve().parents[1] / "resources" / "library" / "texts"
    words: set[str] = set()
    for path in sorted(root.glob("*.ru.txt")):
        words.update(w.lower() for w in re.findall(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)?", path.read_text(encoding="utf-8")))
    return sorted(words)


# ------------------------------------------------------------------------------ PDF


@dataclass
class _Line:
    text: str
    calls: list[tuple[int, str]]  # (character offset of the call in text, label)
    indent: bool = False


@dataclass
class _Page:
    lines: list[tuple[str, object]] = field(default_factory=list)  # ("heading"|"body", payload)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (label, text)


@dataclass
class PdfLayout:
    """What the typesetter put where: for tests to compare with what a reader finds."""

    physical_pages: int
    printed: list[str]  # printed label of every physical page
    paragraph_pages: list[str]  # printed page where each body paragraph starts
    heading_pages: list[str]


def _register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVuSerif" in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont("DejaVuSerif", str(FONT_DIR / "DejaVuSerif.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVuSerif-Bold", str(FONT_DIR / "DejaVuSerif-Bold.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVuSerif-Italic", str(FONT_DIR / "DejaVuSerif-Italic.ttf")))


def _hyphen_point(word: str, room: int) -> int | None:
    """Where to split ``word`` so that the head (plus "-") fits ``room`` characters: after a vowel."""
    vowels = "аеёиоуыэюяaeiouy"
    for i in range(min(room - 1, len(word) - 3), 2, -1):
        if word[i - 1].lower() in vowels and word[i].isalpha() and word[i - 1].isalpha():
            return i
    return None


def typeset_pdf(
    path: Path,
    book: Book,
    *,
    front_pages: int = 2,
    first_folio: int = 1,
    page_labels: bool = False,
    width_chars: int = 62,
    lines_per_page: int = 34,
) -> PdfLayout:
    """Typeset ``book`` into a PDF at ``path``.

    ``front_pages`` unnumbered pages (title, contents) come first; the first
    page of text has the printed folio ``first_folio``.  With ``page_labels``
    the PDF carries /PageLabels (roman front matter, then arabic from
    ``first_folio``), otherwise only the printed folios say the page.
    """
    from reportlab.lib.pagesizes import A5
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    _register_fonts()
    body_size, note_size, head_size, run_size = 10.0, 8.0, 15.0, 8.0
    leading = body_size * 1.35
    page_w, page_h = A5
    left = 48.0
    measure = stringWidth("о" * width_chars, "DejaVuSerif", body_size)
    top = page_h - 70.0
    bottom = 60.0

    c = canvas.Canvas(str(path), pagesize=A5)
    c.setTitle(book.title)
    c.setAuthor(f"{book.author[1]} {book.author[0]}")
    c.setSubject("История")
    printed: list[str] = []
    paragraph_pages: list[str] = []
    heading_pages: list[str] = []

    # Front matter: a title page and an (unlabelled) second page.
    for i in range(front_pages):
        if i == 0:
            c.setFont("DejaVuSerif-Bold", 18)
            c.drawString(left, page_h / 2, book.title)
            c.setFont("DejaVuSerif", 12)
            c.drawString(left, page_h / 2 - 30, f"{book.author[1]} {book.author[0]}")
        else:
            c.setFont("DejaVuSerif", 10)
            c.drawString(left, page_h - 100, f"{book.place}: {book.publisher}, {book.date}")
        printed.append(_roman(i + 1) if page_labels else "")
        c.showPage()

    state = {"y": top, "folio": first_folio, "notes_h": 0.0, "notes": [], "fresh": True}

    def finish_page() -> None:
        folio = str(state["folio"])
        # running head: book title on even pages, chapter on odd; folio in the head's outer corner
        c.setFont("DejaVuSerif-Italic", run_size)
        head = book.title if state["folio"] % 2 == 0 else state.get("chapter", book.title)
        c.drawString(left, page_h - 40, head)
        c.drawRightString(left + measure, page_h - 40, folio)
        y = bottom
        if state["notes"]:
            c.line(left, bottom + state["notes_h"] + 4, left + 80, bottom + state["notes_h"] + 4)
            y = bottom + state["notes_h"] - note_size * 1.2
            for label, lines in state["notes"]:
                for k, ln in enumerate(lines):
                    c.setFont("DejaVuSerif", note_size)
                    c.drawString(left + (0 if k else 0), y, (f"{label} " if k == 0 else "") + ln)
                    y -= note_size * 1.2
        printed.append(folio)
        c.showPage()
        state.update(y=top, folio=state["folio"] + 1, notes_h=0.0, notes=[], fresh=True)

    def note_lines(text: str) -> list[str]:
        out, cur = [], ""
        for w in text.split():
            trial = f"{cur} {w}".strip()
            if stringWidth(trial, "DejaVuSerif", note_size) > measure - 12 and cur:
                out.append(cur)
                cur = w
            else:
                cur = trial
        return out + ([cur] if cur else [])

    def room_for(extra_notes: float) -> bool:
        return state["y"] - leading > bottom + state["notes_h"] + extra_notes + (8 if extra_notes or state["notes_h"] else 0)

    for chapter in book.chapters:
        state["chapter"] = chapter.title
        if not state["fresh"]:
            finish_page()
        heading_pages.append(str(state["folio"]))
        c.setFont("DejaVuSerif-Bold", head_size)
        state["y"] -= head_size
        c.drawString(left, state["y"], chapter.title)
        state["y"] -= head_size * 1.6
        state["fresh"] = False
        label = 0
        for para in chapter.paragraphs:
            # words with their notes: ("word", ["note text", …])
            tokens: list[tuple[str, list[str]]] = []
            for piece in re.split(r"(\{[^{}]+\})", para):
                if piece.startswith("{"):
                    tokens[-1][1].append(piece[1:-1])
                else:
                    tokens.extend((w, []) for w in piece.split())
            lines: list[tuple[str, list[tuple[int, str]], list[tuple[str, str]]]] = []
            cur, calls, notes = "", [], []
            indent = 14.0
            queue = list(tokens)
            while queue:
                word, word_notes = queue.pop(0)
                avail = measure - (indent if not lines else 0)
                trial = f"{cur} {word}".strip()
                if stringWidth(trial, "DejaVuSerif", body_size) <= avail:
                    cur = trial
                else:
                    room = int((avail - stringWidth(cur + " ", "DejaVuSerif", body_size)) / stringWidth("о", "DejaVuSerif", body_size))
                    if "-" in word and len(word.split("-")[0]) + 1 <= room:
                        head, tail = word.split("-", 1)
                        lines.append((f"{cur} {head}-".strip(), calls, notes))
                        cur, calls, notes = "", [], []
                        queue.insert(0, (tail, word_notes))
                        continue
                    cut = _hyphen_point(word, room) if room >= 4 and len(word) >= 8 else None
                    if cut is not None:
                        lines.append((f"{cur} {word[:cut]}-".strip(), calls, notes))
                        cur, calls, notes = "", [], []
                        queue.insert(0, (word[cut:], word_notes))
                        continue
                    lines.append((cur, calls, notes))
                    cur, calls, notes = word, [], []
                for text in word_notes:
                    label += 1
                    calls.append((len(cur), str(label)))
                    notes.append((str(label), text))
            if cur:
                lines.append((cur, calls, notes))
            first = True
            for text, calls, notes in lines:
                extra = sum(len(note_lines(t)) * note_size * 1.2 for _, t in notes)
                if not room_for(extra):
                    finish_page()
                    state["fresh"] = False
                if first:
                    paragraph_pages.append(str(state["folio"]))
                x = left + (indent if first else 0.0)
                c.setFont("DejaVuSerif", body_size)
                last = 0
                for offset, lab in calls:
                    part = text[last:offset]
                    c.drawString(x, state["y"], part)
                    x += stringWidth(part, "DejaVuSerif", body_size)
                    c.setFont("DejaVuSerif", 6.5)
                    c.drawString(x, state["y"] + 4, lab)
                    x += stringWidth(lab, "DejaVuSerif", 6.5)
                    c.setFont("DejaVuSerif", body_size)
                    last = offset
                c.drawString(x, state["y"], text[last:])
                state["y"] -= leading
                for lab, t in notes:
                    nl = note_lines(t)
                    state["notes"].append((lab, nl))
                    state["notes_h"] += len(nl) * note_size * 1.2
                first = False
    finish_page()
    c.save()
    if page_labels:
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter(clone_from=PdfReader(path))
        writer.set_page_label(0, front_pages - 1, style="/r", start=1)
        writer.set_page_label(front_pages, len(writer.pages) - 1, style="/D", start=first_folio)
        with Path(path).open("wb") as fh:
            writer.write(fh)
    if not page_labels:
        printed = [p if p else "" for p in printed]
    return PdfLayout(len(printed), printed, paragraph_pages, heading_pages)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += letters
            n -= value
    return out


def scanned_pdf(path: Path, pages: int = 2) -> None:
    """A PDF of page images only (what a scanner gives): no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A5)
    for n in range(pages):
        img = Image.new("L", (420, 595), 255)
        draw = ImageDraw.Draw(img)
        for row in range(40, 560, 14):
            draw.line((30, row, 390 - (row * 7 + n) % 60, row), fill=30, width=4)
        c.drawImage(ImageReader(img), 0, 0, *A5)
        c.showPage()
    c.save()


def encrypted_pdf(path: Path, book: Book, password: str = "secret") -> None:
    """The typeset book, encrypted with a user password."""
    from pypdf import PdfReader, PdfWriter

    plain = path.with_suffix(".plain.pdf")
    typeset_pdf(plain, book)
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="AES-128")
    with path.open("wb") as fh:
        writer.write(fh)
    plain.unlink()


# ------------------------------------------------------------------------------ EPUB


def epub3(path: Path, book: Book, *, notes: str = "aside", page_every: int = 2, extra_items: dict[str, bytes] | None = None) -> list[str]:
    """An EPUB 3 of ``book``: one XHTML file per chapter, nav document, page-break
    markers (``epub:type="pagebreak"``) every ``page_every`` paragraphs (one in the
    middle of a paragraph), and notes as ``<aside epub:type="footnote">`` in the
    chapter (``notes="aside"``) or in a separate notes file (``notes="file"``).
    Returns the page label at the start of every body paragraph."""
    files: dict[str, str] = {}
    notes_file: list[str] = []
    pages: list[str] = []
    page = 1
    nav_items = []
    for ci, chapter in enumerate(book.chapters, 1):
        body = [f'<section epub:type="chapter"><h1 id="c{ci}">{escape(chapter.title)}</h1>']
        if ci == 1:
            body.insert(0, '<span epub:type="pagebreak" role="doc-pagebreak" id="p1" title="1"/>')
        if chapter.epigraph:
            body.append(f'<blockquote epub:type="epigraph"><p>{escape(chapter.epigraph)}</p></blockquote>')
        asides = []
        n = 0
        for pi, para in enumerate(chapter.paragraphs):
            pages.append(str(page))
            parts = []
            for piece in re.split(r"(\{[^{}]+\})", para):
                if piece.startswith("{"):
                    n += 1
                    target = f"notes.xhtml#c{ci}n{n}" if notes == "file" else f"#c{ci}n{n}"
                    parts.append(f'<a epub:type="noteref" role="doc-noteref" href="{target}" id="r{ci}n{n}"><sup>{n}</sup></a>')
                    note = (f'<aside epub:type="footnote" role="doc-footnote" id="c{ci}n{n}"><p>{escape(piece[1:-1])}</p></aside>'
                            if notes == "aside" else
                            f'<li id="c{ci}n{n}" epub:type="endnote"><p><a href="ch{ci}.xhtml#r{ci}n{n}">{n}.</a> {escape(piece[1:-1])}</p></li>')
                    (asides if notes == "aside" else notes_file).append(note)
                else:
                    parts.append(escape(piece))
            text = "".join(parts)
            if pi % page_every == page_every - 1:
                # a page break in the middle of the paragraph, between two words
                cut = text.find(" ", len(text) // 2)
                page += 1
                text = text[:cut] + f' <span epub:type="pagebreak" role="doc-pagebreak" id="p{page}" title="{page}"/>' + text[cut:]
            body.append(f"<p>{text}</p>")
        body.append("</section>")
        body.extend(asides)
        files[f"ch{ci}.xhtml"] = _xhtml(chapter.title, "\n".join(body), book.lang)
        nav_items.append(f'<li><a href="ch{ci}.xhtml#c{ci}">{escape(chapter.title)}</a></li>')
    if notes == "file":
        files["notes.xhtml"] = _xhtml("Примечания", '<section epub:type="endnotes"><h1>Примечания</h1><ol>' + "".join(notes_file) + "</ol></section>", book.lang)
    files["nav.xhtml"] = _xhtml("Содержание", f'<nav epub:type="toc" id="toc"><h1>Содержание</h1><ol>{"".join(nav_items)}</ol></nav>', book.lang)
    spine = [f"ch{i}.xhtml" for i in range(1, len(book.chapters) + 1)] + (["notes.xhtml"] if notes == "file" else [])
    nav_prop = ' properties="nav"'
    manifest = "".join(
        f'<item id="i{k}" href="{name}" media-type="application/xhtml+xml"{nav_prop if name == "nav.xhtml" else ""}/>'
        for k, name in enumerate(files)
    )
    ids = {name: f"i{k}" for k, name in enumerate(files)}
    opf = f"""<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="uid">urn:isbn:{book.isbn}</dc:identifier>
<dc:title>{escape(book.title)}</dc:title>
<dc:creator id="a1">{escape(book.author[1])} {escape(book.author[0])}</dc:creator>
<meta refines="#a1" property="file-as">{escape(book.author[0])}, {escape(book.author[1])}</meta>
<meta refines="#a1" property="role" scheme="marc:relators">aut</meta>
<dc:language>{book.lang}</dc:language>
<dc:date>{book.date}</dc:date>
<dc:publisher>{escape(book.publisher)}</dc:publisher>
<meta property="dcterms:modified">2024-01-01T00:00:00Z</meta>
</metadata>
<manifest>{manifest}</manifest>
<spine>{"".join(f'<itemref idref="{ids[n]}"/>' for n in spine)}</spine>
</package>"""
    container = ('<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
                 '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/container.xml", container, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("OEBPS/content.opf", opf, compress_type=zipfile.ZIP_DEFLATED)
        for name, text in files.items():
            z.writestr(f"OEBPS/{name}", text, compress_type=zipfile.ZIP_DEFLATED)
        for name, data in (extra_items or {}).items():
            z.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return pages


def _xhtml(title: str, body: str, lang: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
            f'xmlns:epub="http://www.idpf.org/2007/ops" lang="{lang}"><head><title>{escape(title)}</title></head>'
            f"<body>{body}</body></html>")


# ------------------------------------------------------------------------------ DOCX / ODT


def docx(path: Path, book: Book, *, table: bool = True) -> None:
    """A DOCX with Heading 1 chapters, real footnotes (word/footnotes.xml, made with
    python-docx plus the footnotes part), core properties and a small table."""
    from docx import Document
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement

    d = Document()
    d.core_properties.title = book.title
    d.core_properties.author = f"{book.author[1]} {book.author[0]}"
    d.core_properties.language = book.lang
    import datetime as _dt

    d.core_properties.created = _dt.datetime(int(book.date), 1, 1)
    footnotes: list[str] = []
    for chapter in book.chapters:
        d.add_heading(chapter.title, level=1)
        for para in chapter.paragraphs:
            p = d.add_paragraph()
            for piece in re.split(r"(\{[^{}]+\})", para):
                if piece.startswith("{"):
                    footnotes.append(piece[1:-1])
                    run = p.add_run()
                    rpr = OxmlElement("w:rPr")
                    style = OxmlElement("w:rStyle")
                    style.set(qn("w:val"), "FootnoteReference")
                    rpr.append(style)
                    run._r.append(rpr)
                    ref = OxmlElement("w:footnoteReference")
                    ref.set(qn("w:id"), str(len(footnotes)))
                    run._r.append(ref)
                elif piece:
                    p.add_run(piece)
    if table:
        d.add_heading("Таблица", level=2)
        t = d.add_table(rows=2, cols=2)
        for r, row in enumerate((("Год", "Члены партии"), ("1928", "1 300 000"))):
            for k, value in enumerate(row):
                t.cell(r, k).text = value
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    notes_xml = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {ns}>',
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
                 '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>']
    for i, text in enumerate(footnotes, 1):
        notes_xml.append(f'<w:footnote w:id="{i}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                         f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
                         f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>')
    notes_xml.append("</w:footnotes>")
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                "".join(notes_xml).encode("utf-8"), d.part.package)
    d.part.relate_to(part, RT.FOOTNOTES)
    d.save(str(path))


def odt(path: Path, book: Book) -> None:
    """An ODT with headings (text:h), paragraphs and text:note footnotes."""
    body = []
    for chapter in book.chapters:
        body.append(f'<text:h text:outline-level="1">{escape(chapter.title)}</text:h>')
        n = 0
        for para in chapter.paragraphs:
            parts = []
            for piece in re.split(r"(\{[^{}]+\})", para):
                if piece.startswith("{"):
                    n += 1
                    parts.append(f'<text:note text:id="n{len(body)}_{n}" text:note-class="footnote"><text:note-citation>{n}</text:note-citation>'
                                 f'<text:note-body><text:p>{escape(piece[1:-1])}</text:p></text:note-body></text:note>')
                else:
                    parts.append(escape(piece))
            body.append(f"<text:p>{''.join(parts)}</text:p>")
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               f'<office:body><office:text>{"".join(body)}</office:text></office:body></office:document-content>')
    meta = ('<?xml version="1.0" encoding="UTF-8"?><office:document-meta '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0">'
            f'<office:meta><dc:title>{escape(book.title)}</dc:title><meta:initial-creator>{escape(book.author[1])} {escape(book.author[0])}</meta:initial-creator>'
            f'<dc:language>{book.lang}</dc:language></office:meta></office:document-meta>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("meta.xml", meta, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')


# ------------------------------------------------------------------------------ FB2


def fb2_bytes(book: Book, *, encoding: str = "windows-1251") -> bytes:
    """An FB2 of ``book`` in ``encoding`` (declared in the XML declaration): sections with
    titles, an epigraph, a cite, and notes in ``<body name="notes">`` linked by ``l:href``."""
    sections = []
    notes = []
    k = 0
    for ci, chapter in enumerate(book.chapters, 1):
        parts = [f"<section><title><p>{escape(chapter.title)}</p></title>"]
        if chapter.epigraph:
            parts.append(f"<epigraph><p>{escape(chapter.epigraph)}</p><text-author>Л. Троцкий</text-author></epigraph>")
        n = 0
        for pi, para in enumerate(chapter.paragraphs):
            out = []
            for piece in re.split(r"(\{[^{}]+\})", para):
                if piece.startswith("{"):
                    n += 1
                    k += 1
                    out.append(f'<a l:href="#n_{k}" type="note">[{n}]</a>')
                    notes.append(f'<section id="n_{k}"><title><p>{n}</p></title><p>{escape(piece[1:-1])}</p></section>')
                else:
                    out.append(escape(piece))
            tag = "cite" if pi == len(chapter.paragraphs) - 1 and ci == 1 else None
            p = f"<p>{''.join(out)}</p>"
            parts.append(f"<cite>{p}</cite>" if tag else p)
        parts.append("</section>")
        sections.append("".join(parts))
    xml = f"""<?xml version="1.0" encoding="{encoding}"?>
<FictionBook xmlns="http://www.gribuser.ru/xml/fictionbook/2.0" xmlns:l="http://www.w3.org/1999/xlink">
<description><title-info><genre>history</genre>
<author><first-name>{escape(book.author[1])}</first-name><last-name>{escape(book.author[0])}</last-name></author>
<book-title>{escape(book.title)}</book-title><lang>{book.lang}</lang><date value="{book.date}">{book.date}</date></title-info>
<publish-info><publisher>{escape(book.publisher)}</publisher><city>{escape(book.place)}</city><year>{book.date}</year><isbn>{book.isbn}</isbn></publish-info>
</description>
<body><title><p>{escape(book.title)}</p></title>{"".join(sections)}</body>
<body name="notes"><title><p>Примечания</p></title>{"".join(notes)}</body>
</FictionBook>"""
    return xml.encode(encoding)


def fb2_zip(path: Path, book: Book) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("book.fb2", fb2_bytes(book))


# ------------------------------------------------------------------------------ bad archives


def zip_bomb(path: Path, *, inner: str = "OEBPS/ch1.xhtml", size: int = 80 * 1024 * 1024) -> None:
    """An EPUB-looking archive whose one member inflates to ``size`` bytes of zeros
    (under a hundred kilobytes on disk)."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        z.writestr("META-INF/container.xml", '<container><rootfiles><rootfile full-path="OEBPS/content.opf"/></rootfiles></container>')
        info = zipfile.ZipInfo(inner)
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as fh:
            block = b"\0" * (1024 * 1024)
            for _ in range(size // len(block)):
                fh.write(block)
