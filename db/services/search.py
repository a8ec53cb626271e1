"""Library search: full text over both languages (SQLite FTS5 on word stems).

A query is stemmed with the same Snowball stemmers as the index
(``alignment.language.stemming``), so ``колхоз`` finds ``колхозов`` and ``kolkhoz``
finds ``kolkhozes``.  Every hit comes back as a parallel pair: the sentence
found, where its words matched, and its counterpart sentences through the
bead that holds it (a parallel concordance).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session

from alignment.language.stemming import stem_word, stems
from db.models import Alignment, Bead, Sentence

log = logging.getLogger(__name__)

_WORD = re.compile(r"\w+", re.UNICODE)
DEFAULT_LIMIT = 200


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One sentence found, with its counterpart in the aligned text (if any).

    ``spans`` are ``[start, end)`` character ranges of the matching words in
    ``text``; ``bead_position`` is the row of the pair in the reader.
    """

    sentence_id: int
    text_id: int
    text_title: str
    lang: str
    position: int
    text: str
    spans: tuple[tuple[int, int], ...]
    partner_text_id: int | None = None
    partner_lang: str | None = None
    partner_text: str = ""
    alignment_id: int | None = None
    bead_position: int | None = None
    partner_spans: tuple[tuple[int, int], ...] = ()  # words of ``partner_text`` to mark (a term's rendering)


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    hits: tuple[SearchHit, ...]
    total: int

    @property
    def truncated(self) -> bool:
        return self.total > len(self.hits)


def fts_query(query: str) -> str | None:
    """The FTS5 MATCH expression for a user's query: every word's stem, all required."""
    terms = [t for t in dict.fromkeys(stems(query)) if t]
    if not terms:
        return None
    return " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)


def match_spans(sentence: str, query: str) -> tuple[tuple[int, int], ...]:
    """Where the words of ``sentence`` whose stems are in ``query`` stand."""
    wanted = set(stems(query))
    return tuple((m.start(), m.end()) for m in _WORD.finditer(sentence) if stem_word(m.group(0)) in wanted)


def search(session: Session, query: str, *, limit: int = DEFAULT_LIMIT, text_ids: frozenset[int] | None = None) -> SearchResult:
    """Sentences matching ``query`` in reading order (by text, then position), as parallel pairs."""
    expression = fts_query(query)
    if expression is None:
        return SearchResult(query, (), 0)
    params: dict[str, object] = {"q": expression, "limit": limit}
    where = ""
    if text_ids is not None:
        where = " AND s.text_id IN (%s)" % ",".join(str(int(i)) for i in sorted(text_ids)) if text_ids else " AND 0"
    total = session.execute(
        text(
            "SELECT count(*) FROM sentence_search f JOIN sentences s ON s.id = f.rowid "
            "WHERE sentence_search MATCH :q" + where
        ),
        {"q": expression},
    ).scalar_one()
    rows = session.execute(
        text(
            "SELECT s.id, s.text_id, s.position, s.text, t.title, t.lang "
            "FROM sentence_search f JOIN sentences s ON s.id = f.rowid JOIN texts t ON t.id = s.text_id "
            "WHERE sentence_search MATCH :q" + where + " ORDER BY s.text_id, s.position LIMIT :limit"
        ),
        params,
    ).all()
    partners = _partners(session, {r[1] for r in rows})
    counterparts = _counterparts(session, rows, partners)
    hits = []
    for sid, tid, position, sentence, title, lang in rows:
        partner = partners.get(tid)
        bead_position, counterpart = counterparts.get(sid, (None, ""))
        hits.append(
            SearchHit(
                sentence_id=sid,
                text_id=tid,
                text_title=title,
                lang=lang,
                position=position,
                text=sentence,
                spans=match_spans(sentence, query),
                partner_text_id=partner[1] if partner else None,
                partner_lang=partner[2] if partner else None,
                partner_text=counterpart,
                alignment_id=partner[0] if partner else None,
                bead_position=bead_position,
            )
        )
    return SearchResult(query, tuple(hits), total)


def _partners(session: Session, text_ids: set[int]) -> dict[int, tuple[int, int, str]]:
    """text id → (alignment id, partner text id, partner language), first alignment of each text."""
    out: dict[int, tuple[int, int, str]] = {}
    if not text_ids:
        return out
    for a in session.execute(
        select(Alignment.id, Alignment.ru_text_id, Alignment.en_text_id)
        .where(or_(Alignment.ru_text_id.in_(text_ids), Alignment.en_text_id.in_(text_ids)))
        .order_by(Alignment.id)
    ):
        out.setdefault(a[1], (a[0], a[2], "en"))
        out.setdefault(a[2], (a[0], a[1], "ru"))
    return out


def _counterparts(
    session: Session, rows: list, partners: dict[int, tuple[int, int, str]]
) -> dict[int, tuple[int | None, str]]:
    """sentence id → (bead position, counterpart text), a few queries per alignment."""
    out: dict[int, tuple[int | None, str]] = {}
    by_alignment: dict[int, list] = {}
    for r in rows:
        if r[1] in partners:
            by_alignment.setdefault(partners[r[1]][0], []).append(r)
    for alignment_id, found in by_alignment.items():
        beads = session.execute(
            select(Bead.position, Bead.ru_start, Bead.ru_end, Bead.en_start, Bead.en_end)
            .where(Bead.alignment_id == alignment_id)
            .order_by(Bead.position)
        ).all()
        wanted: dict[int, tuple[int, int, int]] = {}
        for sid, tid, position, _text, _title, lang in found:
            for b in beads:
                lo, hi = (b[1], b[2]) if lang == "ru" else (b[3], b[4])
                if lo <= position < hi:
                    wanted[sid] = (b[0], b[3], b[4]) if lang == "ru" else (b[0], b[1], b[2])
                    break
        partner_id = {tid: partners[tid][1] for _s, tid, *_rest in found}
        texts: dict[tuple[int, int], str] = {}
        for pid in set(partner_id.values()):
            positions = {p for sid, (_b, a, z) in wanted.items() for p in range(a, z)}
            if positions:
                for pos, sentence in session.execute(
                    select(Sentence.position, Sentence.text).where(Sentence.text_id == pid, Sentence.position.in_(positions))
                ):
                    texts[(pid, pos)] = sentence
        for sid, tid, *_rest in found:
            if sid in wanted:
                bead_position, a, z = wanted[sid]
                pid = partner_id[tid]
                out[sid] = (bead_position, " ".join(texts.get((pid, p), "") for p in range(a, z)).strip())
    return out
