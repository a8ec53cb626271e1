"""Importing texts into the library, and every way an import can fail without losing anything."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from alignment.text.errors import (
    BinaryFileError,
    EmptyFileError,
    FileMissingError,
    FileTooLargeError,
    UndecodableFileError,
    UnsupportedFormatError,
    DamagedFileError,
)
from alignment.progress import CancelToken, Cancelled
from db.errors import DiskFullError, DuplicateTextError, LanguageMismatchError
from db.services import library as library_service
from db.services.importing import ImportOptions, TextMetadata, import_text

RUSSIAN = (
    "Проблемы развития СССР\n\n"
    "Противоречивые процессы в хозяйстве и политике СССР развертываются на основе диктатуры пролетариата. "
    "Характер социального режима определяется прежде всего отношениями собственности.\n\n"
    "Сплошная коллективизация, т. е. объединение крестьянских хозяйств в колхозы, шла в 1930 г. "
    "быстрее, чем предполагал план. Т. Троцкий писал об этом в «Бюллетене оппозиции».\n"
)


def _snapshot(library) -> tuple[int, int, int, int, int]:
    with library.engine.connect() as conn:
        return tuple(
            conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
            for table in ("works", "texts", "paragraphs", "sentences", "sentence_search")
        )  # type: ignore[return-value]


@pytest.fixture
def russian_file(tmp_path: Path) -> Path:
    path = tmp_path / "platform.txt"
    path.write_text(RUSSIAN, encoding="utf-8")
    return path


def test_import_stores_paragraphs_and_sentences_with_offsets(library, russian_file: Path) -> None:
    result = import_text(
        library, russian_file, TextMetadata(lang="ru", title="Проблемы", author="Л. Троцкий", date="1931")
    )
    assert result.paragraph_count == 3
    assert result.sentence_count == 5
    with library.sessions() as session:
        info = library_service.get_text(session, result.text_id)
        paragraphs = library_service.text_paragraphs(session, result.text_id)
    assert (info.title, info.author, info.lang, info.kind, info.date) == ("Проблемы", "Л. Троцкий", "ru", "original", "1931")
    assert [len(p.sentences) for p in paragraphs] == [1, 2, 2]
    for p in paragraphs:
        for s in p.sentences:
            assert p.text[s.start : s.end] == s.text
    # "т. е." and "1930 г." do not end sentences; the positions number the whole text
    third = paragraphs[2].sentences
    assert third[0].text.endswith("чем предполагал план.")
    assert [s.position for p in paragraphs for s in p.sentences] == list(range(5))


def test_imported_text_is_searchable_by_stem(library, russian_file: Path) -> None:
    import_text(library, russian_file, TextMetadata(lang="ru"))
    with library.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT s.text FROM sentence_search JOIN sentences s ON s.id = sentence_search.rowid "
            "WHERE sentence_search MATCH 'колхоз'"
        ).fetchall()
    assert len(rows) == 1 and "колхозы" in rows[0][0]


def test_same_text_twice_is_refused_unless_allowed(library, russian_file: Path, tmp_path: Path) -> None:
    first = import_text(library, russian_file, TextMetadata(lang="ru", title="One"))
    before = _snapshot(library)
    # the same text in another encoding is still the same text
    other = tmp_path / "platform-cp1251.txt"
    other.write_bytes(RUSSIAN.encode("cp1251"))
    with pytest.raises(DuplicateTextError) as info:
        import_text(library, other, TextMetadata(lang="ru", title="Two"))
    assert info.value.existing_id == first.text_id
    assert "already in the library" in str(info.value)
    assert _snapshot(library) == before
    second = import_text(library, other, TextMetadata(lang="ru", title="Two"), ImportOptions(allow_duplicate=True))
    assert second.text_id != first.text_id


def test_wrong_language_asks_before_importing(library, tmp_path: Path) -> None:
    english = tmp_path / "english.txt"
    english.write_text("The kolkhoz grew quickly in 1930. The kulaks resisted collectivization.\n", encoding="utf-8")
    with pytest.raises(LanguageMismatchError) as info:
        import_text(library, english, TextMetadata(lang="ru"))
    assert "Latin" in str(info.value)
    assert _snapshot(library) == (0, 0, 0, 0, 0)
    result = import_text(library, english, TextMetadata(lang="ru"), ImportOptions(force_language=True))
    assert result.sentence_count == 2


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (None, FileMissingError),
        (b"", EmptyFileError),
        (b"   \n\n\t  \n", EmptyFileError),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, BinaryFileError),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", DamagedFileError),
    ],
)
def test_bad_files_fail_clearly_and_store_nothing(library, tmp_path: Path, content, error) -> None:
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    before = _snapshot(library)
    with pytest.raises(error) as info:
        import_text(library, path, TextMetadata(lang="ru"))
    message = str(info.value)
    assert message.endswith(".") and len(message) > 30
    assert _snapshot(library) == before


def test_undecodable_file(library, tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    # valid UTF-8 Russian, then bytes that are invalid in UTF-8 and meaningless elsewhere
    path.write_bytes("Колхоз. ".encode() * 50 + bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 200)
    before = _snapshot(library)
    with pytest.raises((UndecodableFileError, BinaryFileError)):
        import_text(library, path, TextMetadata(lang="ru"))
    assert _snapshot(library) == before


def test_huge_file_is_refused_before_reading(library, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # a sparse 200 MB file: nothing is really written
        fh.truncate(200 * 1024 * 1024)
    with pytest.raises(FileTooLargeError) as info:
        import_text(library, path, TextMetadata(lang="ru"))
    assert "200" in str(info.value) or "MB" in str(info.value)


def test_full_disk_leaves_the_library_as_it_was(library, library_path: Path, russian_file: Path, tmp_path: Path) -> None:
    import_text(library, russian_file, TextMetadata(lang="ru"))
    before = _snapshot(library)
    big = tmp_path / "big.txt"
    big.write_text("\n\n".join(f"Абзац номер {i}. В нем есть предложение о колхозах." for i in range(3000)), encoding="utf-8")
    pages = sqlite3.connect(library_path).execute("PRAGMA page_count").fetchone()[0]
    from sqlalchemy import event

    # SQLite's own size limit makes the disk "full" a few pages later
    event.listen(library.engine, "connect", lambda c, _r: c.execute(f"PRAGMA max_page_count = {pages + 8}"))
    library.engine.dispose()
    with pytest.raises(DiskFullError) as info:
        import_text(library, big, TextMetadata(lang="ru"))
    assert "disk space" in str(info.value)
    assert _snapshot(library) == before


def test_cancel_during_import_stores_nothing(library, tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(f"Абзац {i}. Еще одно предложение." for i in range(5000)), encoding="utf-8")
    cancel = CancelToken()

    class CancelWhileStoring:
        def update(self, done: int, total: int, stage: str = "") -> None:
            if stage == "storing" and done / total > 0.92:  # storing fills 85..100% of the bar
                cancel.cancel()

    with pytest.raises(Cancelled):
        import_text(library, path, TextMetadata(lang="ru"), progress=CancelWhileStoring(), cancel=cancel)
    assert _snapshot(library) == (0, 0, 0, 0, 0)


def test_texts_of_one_work_are_grouped(library, russian_file: Path, tmp_path: Path) -> None:
    ru = import_text(library, russian_file, TextMetadata(lang="ru", title="Проблемы", work_title="Problems"))
    en_file = tmp_path / "en.txt"
    en_file.write_text("Problems of the development of the USSR.\n\nThe contradictory processes unfold.\n", encoding="utf-8")
    import_text(library, en_file, TextMetadata(lang="en", title="Problems (EN)", kind="working_translation", work_id=ru.work_id))
    with library.sessions() as session:
        works = library_service.list_works(session)
    assert len(works) == 1
    assert [t.lang for t in works[0].texts] == ["ru", "en"]
    assert works[0].texts[1].role == "translation"


def test_delete_removes_sentences_and_search_rows(library, russian_file: Path) -> None:
    result = import_text(library, russian_file, TextMetadata(lang="ru"))
    with library.sessions.begin() as session:
        library_service.delete_text(session, result.text_id)
    assert _snapshot(library) == (0, 0, 0, 0, 0)
    with library.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_key_check")).fetchall() == []
