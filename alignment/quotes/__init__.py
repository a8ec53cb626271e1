"""Finding quotations: where an English passage is in a Russian text, by words and by meaning."""
