"""Reading and cleaning texts: decoding, format readers, cleanup, reflow, language checks, sentence splitting."""
