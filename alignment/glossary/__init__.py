"""The glossary: entries, finding terms in running text, building the bundled glossary, its CLI."""
