"""Citations of what a user reads: styles (Chicago, GOST), locators, passages of a pair,
and the formats reference managers read (CSL-JSON, RIS, BibTeX).

Every function here works on ``db.services.records.Record`` and plain values:
nothing reads the library, so the rules can be checked against examples written
out by hand from the style guides (``tests/unit/db/test_citing_*``).
"""

STYLES = ("chicago", "gost")
