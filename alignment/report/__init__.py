"""The translation report: where a translation leaves out, adds or stretches the original.

Pure computation on rows already read: the pair's own length ratio and the
beads far from it (``length``), chapters from headings and what each lists
(``sections``).  The library gathers the rows (``db.services.translation_report``).
"""
