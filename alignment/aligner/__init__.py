"""The sentence aligner: beads, scoring, dynamic programming, edits, re-alignment, evaluation."""
