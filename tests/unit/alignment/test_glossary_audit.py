"""The glossary covers the bundled texts: every frequent Soviet-specific term has an entry."""

from __future__ import annotations

import json

import pytest

from alignment.glossary.audit import Audit, AuditFile, Candidate, bundled_texts, default_audit, format_candidates
from alignment.glossary.entries import Glossary
from resources import glossary_dir, library_dir


@pytest.fixture(scope="module")
def audit() -> Audit:
    return default_audit()


@pytest.mark.slow
def test_every_frequent_term_of_the_bundled_texts_has_an_entry_or_a_reason(audit: Audit) -> None:
    missing = audit.missing()
    assert not missing, "terms seen 3+ times with no glossary entry (add one to " \
        "resources/glossary/editors_entries.json, or a reason to audit_terms.json):\n" + format_candidates(missing)


@pytest.mark.slow
def test_collectivization_is_found_and_covered(audit: Audit) -> None:
    found = {c.term: c for c in audit.candidates()}
    assert found["collectivization"].count >= 100
    assert found["collectivization"].entry == "collectivization"
    assert found["USSR"].entry == "ussr"


def test_the_audit_fails_when_a_frequent_term_loses_its_entry(tmp_path) -> None:
    """A glossary without the collectivization entry makes the audit report it missing."""
    glossary = Glossary.load(glossary_dir() / "glossary.json")
    reduced = Glossary(tuple(e for e in glossary.entries if e.id != "collectivization"))
    texts = {"t.txt": "Коллективизация шла. Коллективизации не ждали. О коллективизации говорили. "
                      "The collectivization of 1930."}
    audit = Audit(texts, reduced, AuditFile.load(glossary_dir() / "audit_terms.json"))
    missing = [c.term for c in audit.missing()]
    assert "коллективизация" in missing and "collectivization" in missing
    assert not [c for c in Audit(texts, glossary, audit.audit_file).missing()
                if c.term in ("коллективизация", "collectivization")]


def test_abbreviations_and_surnames_are_candidates_but_words_in_capitals_are_not() -> None:
    glossary = Glossary.load(glossary_dir() / "glossary.json")
    text = ("ВСЕ ЗА СЕРЕДНЯКА! The TKP, the TKP and the TKP. ЛЕНИНЦЕВ ЛЕНИНЦЕВ ЛЕНИНЦЕВ. "
            "Ivanovsky said, Ivanovsky wrote, Ivanovsky left. Emelian Yaroslavsky, Emelian Yaroslavsky, "
            "Emelian Yaroslavsky.")
    audit = Audit({"t.txt": text}, glossary, AuditFile([], {}), min_count=3)
    terms = {c.term: c for c in audit.candidates()}
    assert terms["TKP"].entry == "tkp"
    assert "Ivanovsky" in terms and not terms["Ivanovsky"].covered
    assert "ЛЕНИНЦЕВ" not in terms and "ВСЕ" not in terms
    assert "Emelian" not in terms and terms["Yaroslavsky"].entry == "yaroslavsky"


def test_reviewed_candidates_say_why_and_watched_terms_name_real_entries() -> None:
    data = json.loads((glossary_dir() / "audit_terms.json").read_text(encoding="utf-8"))
    glossary = Glossary.load(glossary_dir() / "glossary.json")
    assert all(reason.strip() for reason in data["reviewed"].values())
    for item in data["watched"]:
        assert item.get("entry") or item.get("reviewed")
        if item.get("entry"):
            assert glossary.get(item["entry"]) is not None, item


def test_candidate_is_plain_data() -> None:
    assert Candidate("abbreviation", "ЦК", 3, "cc").covered
    assert not Candidate("person", "X", 3).covered
    assert bundled_texts(library_dir() / "texts")
