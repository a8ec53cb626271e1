"""Chicago (17th ed.) and GOST R 7.0.5–2008 citations, compared with examples written out by hand.

Each expected string below was typed from the style guides' patterns (CMOS 14.100ff
books, 14.103 translations, 14.171 journals, 14.106 chapters, 14.232 archives,
9.61 page ranges; GOST R 7.0.5–2008 sections 4–7 and its examples of footnote
references), not copied from Sverka's output.  The records are the bundled texts'
(facts from the seed documents) or test records made for the purpose (the
archival file and the article's page range are illustrations, not real data).
"""

from __future__ import annotations

import pytest

from db.services.citing import chicago, gost
from db.services.citing.locators import Locator
from db.services.citing.passage import CitedSide, PassageCitation, cite_passage
from db.services.records import ArchiveRef, Name, Record

ROGOVIN_RU = Record(
    type="book",
    title="Власть и оппозиции",
    authors=(Name(family="Роговин", given="Вадим Захарович"),),
    publisher="Товарищество «Журнал „Театр“»",
    place="Москва",
    issued="1993",
    language="ru",
)
ROGOVIN_EN = Record(
    type="book",
    title="Bolsheviks Against Stalinism 1928–1933: Leon Trotsky and the Left Opposition",
    authors=(Name(family="Rogovin", given="Vadim Z."),),
    translators=(Name(family="Choate", given="Frederick S."),),
    publisher="Mehring Books",
    place="Oak Park, MI",
    issued="2019",
    language="en",
)
PLATFORM = Record(
    type="article-journal",
    title="Проблемы развития СССР",
    title_translated="Problems of the development of the USSR",
    authors=(Name(family="Троцкий", given="Л.", other_family="Trotsky", other_given="Leon"),),
    container_title="Бюллетень оппозиции (большевиков-ленинцев)",
    issue="20",
    issued="1931",
    pages="3–12",  # an illustration of a page range, not the real one
    language="ru",
)
PROTOCOL = Record(  # an illustration of an archival file, not a real reference
    type="manuscript",
    title="Протокол № 12 заседания Политбюро ЦК ВКП(б)",
    issued="1930-03-05",
    archive="РГАСПИ",
    archive_place="Москва",
    archive_ref=ArchiveRef(fond="17", opis="3", delo="779"),
    language="ru",
)
WORKING = Record(
    type="manuscript",
    title="Problems of the Development of the USSR",
    authors=(Name(family="Trotsky", given="Leon"),),
    translators=(Name(literal="Sverka editors"),),
    issued="2026",
    language="en",
)
REIMAN = Record(
    type="chapter",
    title="The “Building Socialism” in the early 1920s",
    authors=(Name(family="Reiman", given="Michal"),),
    container_title="About Russia, Its Revolutions, Its Development and Its Present",
    publisher="Peter Lang",
    issued="2016",
    language="en",
)


def page(first: str, last: str | None = None) -> Locator:
    return Locator(first_page=first, last_page=last or first)


# --- a book ----------------------------------------------------------------------------------

def test_book_in_russian_chicago_romanised_by_ala_lc() -> None:
    assert chicago.note(ROGOVIN_RU, page("45")).plain() == (
        "Vadim Zakharovich Rogovin, Vlastʹ i oppozit͡sii (Moscow: Tovarishchestvo “Zhurnal ‘Teatr,’” 1993), 45."
    )
    assert chicago.bibliography(ROGOVIN_RU).plain() == (
        "Rogovin, Vadim Zakharovich. Vlastʹ i oppozit͡sii. Moscow: Tovarishchestvo “Zhurnal ‘Teatr,’” 1993."
    )


def test_book_in_russian_chicago_without_diacritics() -> None:
    note = chicago.note(ROGOVIN_RU, page("45"), options=chicago.Options("plain")).plain()
    assert note == "Vadim Zakharovich Rogovin, Vlast' i oppozitsii (Moscow: Tovarishchestvo “Zhurnal ‘Teatr,’” 1993), 45."


def test_book_title_is_in_italics() -> None:
    html = chicago.note(ROGOVIN_EN, page("45")).html()
    assert "<i>Bolsheviks Against Stalinism 1928–1933: Leon Trotsky and the Left Opposition</i>" in html


def test_book_in_russian_gost() -> None:
    assert gost.note(ROGOVIN_RU, page("45")).plain() == (
        "Роговин В. З. Власть и оппозиции. М. : Товарищество «Журнал „Театр“», 1993. С. 45."
    )
    assert gost.bibliography(ROGOVIN_RU).plain() == (
        "Роговин В. З. Власть и оппозиции. М. : Товарищество «Журнал „Театр“», 1993."
    )


# --- a translated book -----------------------------------------------------------------------

def test_translated_book_chicago_note_and_bibliography() -> None:
    assert chicago.note(ROGOVIN_EN, page("101", "108")).plain() == (
        "Vadim Z. Rogovin, Bolsheviks Against Stalinism 1928–1933: Leon Trotsky and the Left Opposition, "
        "trans. Frederick S. Choate (Oak Park, MI: Mehring Books, 2019), 101–8."
    )
    assert chicago.bibliography(ROGOVIN_EN).plain() == (
        "Rogovin, Vadim Z. Bolsheviks Against Stalinism 1928–1933: Leon Trotsky and the Left Opposition. "
        "Translated by Frederick S. Choate. Oak Park, MI: Mehring Books, 2019."
    )


def test_translated_book_bibliography_names_the_original() -> None:
    record = Record(**{**{f: getattr(ROGOVIN_EN, f) for f in ROGOVIN_EN.__slots__},
                       "original_title": "Власть и оппозиции", "original_place": "Москва", "original_date": "1993"})
    assert chicago.bibliography(record).plain().endswith(
        "Oak Park, MI: Mehring Books, 2019. Originally published as Vlastʹ i oppozit͡sii (Moscow, 1993)."
    )
    assert gost.bibliography(record).plain().endswith("Transl. of: Власть и оппозиции. М., 1993.")


def test_translated_book_gost() -> None:
    assert gost.note(ROGOVIN_EN, page("101", "108")).plain() == (
        "Rogovin V. Z. Bolsheviks Against Stalinism 1928–1933 : Leon Trotsky and the Left Opposition "
        "/ transl. by F. S. Choate. Oak Park, MI : Mehring Books, 2019. P. 101–108."
    )


# --- a journal article -------------------------------------------------------------------------

def test_journal_article_in_russian_chicago() -> None:
    assert chicago.note(PLATFORM, page("7")).plain() == (
        "Leon Trotsky, “Problemy razvitii͡a SSSR [Problems of the development of the USSR],” "
        "Bi͡ulletenʹ oppozit͡sii (bolʹshevikov-lenint͡sev), no. 20 (1931): 7."
    )
    assert chicago.bibliography(PLATFORM).plain() == (
        "Trotsky, Leon. “Problemy razvitii͡a SSSR [Problems of the development of the USSR].” "
        "Bi͡ulletenʹ oppozit͡sii (bolʹshevikov-lenint͡sev), no. 20 (1931): 3–12."
    )
    assert "<i>Bi͡ulletenʹ oppozit͡sii (bolʹshevikov-lenint͡sev)</i>" in chicago.note(PLATFORM, page("7")).html()


def test_journal_article_with_volume_chicago() -> None:
    record = Record(type="article-journal", title="The Party and the Peasants",
                    authors=(Name(family="Smith", given="Ann"), Name(family="Jones", given="Bob")),
                    container_title="Slavic Review", volume="45", issue="3", issued="1986", language="en")
    assert chicago.note(record, page("401", "412")).plain() == (
        "Ann Smith and Bob Jones, “The Party and the Peasants,” Slavic Review 45, no. 3 (1986): 401–12."
    )
    assert gost.note(record, page("401", "412")).plain() == (
        "Smith A. The Party and the Peasants / A. Smith, B. Jones // Slavic Review. 1986. Vol. 45, no. 3. P. 401–412."
    )


def test_journal_article_in_russian_gost() -> None:
    assert gost.note(PLATFORM, page("7")).plain() == (
        "Троцкий Л. Проблемы развития СССР // Бюллетень оппозиции (большевиков-ленинцев). 1931. № 20. С. 7."
    )
    assert gost.bibliography(PLATFORM).plain() == (
        "Троцкий Л. Проблемы развития СССР // Бюллетень оппозиции (большевиков-ленинцев). 1931. № 20. С. 3–12."
    )


# --- an archival document ----------------------------------------------------------------------

def test_archival_document_chicago() -> None:
    assert chicago.note(PROTOCOL, page("12")).plain() == (
        "“Protokol no. 12 zasedanii͡a Politbi͡uro T͡SK VKP(b),” March 5, 1930, RGASPI, f. 17, op. 3, d. 779, l. 12."
    )
    assert chicago.note(PROTOCOL, page("12", "14")).plain().endswith("RGASPI, f. 17, op. 3, d. 779, ll. 12–14.")
    assert chicago.bibliography(PROTOCOL).plain() == (
        "“Protokol no. 12 zasedanii͡a Politbi͡uro T͡SK VKP(b).” March 5, 1930. RGASPI, f. 17, op. 3, d. 779. Moscow."
    )


def test_archival_document_gost() -> None:
    assert gost.note(PROTOCOL, page("12")).plain() == (
        "Протокол № 12 заседания Политбюро ЦК ВКП(б). 05.03.1930 // РГАСПИ. Ф. 17. Оп. 3. Д. 779. Л. 12."
    )
    assert gost.bibliography(PROTOCOL).plain() == (
        "Протокол № 12 заседания Политбюро ЦК ВКП(б). 05.03.1930 // РГАСПИ. Ф. 17. Оп. 3. Д. 779."
    )


def test_archive_location_for_other_tools() -> None:
    assert PROTOCOL.to_csl()["archive_location"] == "f. 17, op. 3, d. 779"


# --- a translation written by the project ----------------------------------------------------------

def test_project_written_translation_says_so_in_both_styles() -> None:
    where = Locator(first_paragraph=12, last_paragraph=12)
    assert chicago.note(WORKING, where, project_kind="working_translation").plain() == (
        "Leon Trotsky, “Problems of the Development of the USSR,” working translation by the Sverka editors, "
        "not published (Sverka, 2026), para. 12."
    )
    assert gost.note(WORKING, where, project_kind="working_translation").plain() == (
        "Trotsky L. Problems of the Development of the USSR / working translation by the Sverka editors "
        "(not published). Sverka, 2026. Para. 12."
    )
    assert chicago.bibliography(WORKING, project_kind="working_translation").plain() == (
        "Trotsky, Leon. “Problems of the Development of the USSR.” Working translation by the Sverka editors, "
        "not published. Sverka, 2026."
    )


# --- a chapter -----------------------------------------------------------------------------------

def test_chapter_both_styles() -> None:
    assert chicago.note(REIMAN, page("37")).plain() == (
        "Michal Reiman, “The ‘Building Socialism’ in the early 1920s,” in About Russia, Its Revolutions, "
        "Its Development and Its Present (Peter Lang, 2016), 37."
    )
    assert gost.note(REIMAN, page("37")).plain() == (
        "Reiman M. The “Building Socialism” in the early 1920s // About Russia, Its Revolutions, Its Development "
        "and Its Present. [S. l.] : Peter Lang, 2016. P. 37."
    )


# --- a passage of a pair -------------------------------------------------------------------------

def test_pair_citation_names_both_sides_with_their_pages() -> None:
    passage = PassageCitation(
        sides=(
            CitedSide("ru", "original", PLATFORM, page("45")),
            CitedSide("en", "working_translation", WORKING, Locator(first_paragraph=30, last_paragraph=31)),
        ),
        beads=(10, 12),
    )
    assert cite_passage(passage, "chicago").plain() == (
        "Russian original: Leon Trotsky, “Problemy razvitii͡a SSSR [Problems of the development of the USSR],” "
        "Bi͡ulletenʹ oppozit͡sii (bolʹshevikov-lenint͡sev), no. 20 (1931): 45. "
        "English: Leon Trotsky, “Problems of the Development of the USSR,” working translation by the Sverka "
        "editors, not published (Sverka, 2026), paras. 30–31. "
        "Paragraph numbers are those of the text in Sverka; the printed pages are not recorded. "
        "Sverka: beads 10–12."
    )
    assert cite_passage(passage, "gost").plain() == (
        "Русский оригинал: Троцкий Л. Проблемы развития СССР // Бюллетень оппозиции (большевиков-ленинцев). "
        "1931. № 20. С. 45. Английский текст: Trotsky L. Problems of the Development of the USSR / working "
        "translation by the Sverka editors (not published). Sverka, 2026. Para. 30–31. "
        "Номера абзацев — по тексту в Sverka; страницы издания не указаны. Sverka: пары 10–12."
    )


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [(3, 10, "3–10"), (71, 72, "71–72"), (96, 117, "96–117"), (100, 104, "100–104"), (1100, 1113, "1100–1113"),
     (101, 108, "101–8"), (808, 833, "808–33"), (1103, 1104, "1103–4"), (321, 328, "321–28"), (498, 532, "498–532"),
     (1087, 1089, "1087–89"), (1496, 1500, "1496–1500"), (11564, 11615, "11564–615"), (12991, 13001, "12991–3001")],
)
def test_chicago_inclusive_numbers_as_in_cmos_9_61(first: int, last: int, expected: str) -> None:
    assert page(str(first), str(last)).pages(abbreviate=True) == expected


def test_four_authors_in_a_note_are_the_first_and_et_al() -> None:
    names = tuple(Name(family=f, given="A.") for f in ("One", "Two", "Three", "Four"))
    assert chicago.names_note(names, chicago.Options()) == "A. One et al."
    assert chicago.names_bibliography(names, chicago.Options()) == "One, A., A. Two, A. Three, and A. Four"
    record = Record(title="Книга", authors=tuple(Name(family=f, given="Иван") for f in ("Иванов", "Петров", "Сидоров", "Орлов")),
                    place="Москва", publisher="Наука", issued="1990", language="ru")
    assert gost.note(record, page("5")).plain() == "Книга / И. Иванов [и др.]. М. : Наука, 1990. С. 5."
