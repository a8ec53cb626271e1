"""What the quotation finder reads: capitals folded, OCR's Latin look-alikes mended."""

from __future__ import annotations

import numpy as np
import pytest

from alignment.quotes.normalise import fold_capitals, for_matching, mend_scripts
from alignment.quotes.semantic import PreparedEmbedder


@pytest.mark.parametrize(("text", "expected"), [
    ("ВСЯ ВЛАСТЬ СОВЕТАМ!", "Вся власть советам!"),
    ("ЛИКВИДАЦИЯ КУЛАЧЕСТВА КАК КЛАССА. Итоги года.", "Ликвидация кулачества как класса. Итоги года."),
    ("The Real Situation in Russia and the Tasks of the Party",
     "The real situation in russia and the tasks of the party"),
    ("The USSR and Its Allies Signed the Treaty in Moscow", "The USSR and its allies signed the treaty in moscow"),
])
def test_capitals_and_title_case_are_brought_to_sentence_case(text: str, expected: str) -> None:
    assert fold_capitals(text) == expected


@pytest.mark.parametrize("text", [
    "Партия и ЦК ВКП(б) обсудили вопрос о колхозах.",
    "The Politburo of the CC met on 5 December 1923.",
    "ЦК ВКП(б)",  # too short to tell a title from an abbreviation
    "Stalin, Molotov and Kaganovich",
])
def test_ordinary_sentences_are_left_exactly_as_they_are(text: str) -> None:
    assert for_matching(text) == text


def test_latin_look_alikes_inside_russian_words_become_cyrillic() -> None:
    damaged = "Пoлитикa пaртии в деревне"  # Latin o, a, a
    assert mend_scripts(damaged) == "Политика партии в деревне"
    assert mend_scripts("Pfizer и Moderna") == "Pfizer и Moderna"  # Latin words stay Latin


class RecordingEmbedder:
    name = "recording"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def embed(self, texts):  # noqa: ANN001, ANN201
        self.seen += list(texts)
        return np.ones((len(texts), 2), dtype=np.float32) / np.sqrt(2)


def test_the_prepared_model_reads_prepared_text_and_says_so_in_its_name() -> None:
    inner = RecordingEmbedder()
    embedder = PreparedEmbedder(inner)
    embedder.embed(["ВСЯ ВЛАСТЬ СОВЕТАМ!", "Обычное предложение."])
    assert inner.seen == ["Вся власть советам!", "Обычное предложение."]
    assert embedder.name.startswith("recording+") and embedder.name != inner.name
