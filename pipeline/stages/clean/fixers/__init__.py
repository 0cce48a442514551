"""The OCR repair fixers, by family: punctuation, numbers, split words, glued words,
misread words, words read in context.

Each fixer is a pure function `(text, reader) -> list[Edit]`: it proposes edits and
changes nothing; the clean stage (clean.py) runs them in the order its OCR_FIXERS
fixes, applies their edits and logs each change with its rule and original. The
`reader` (reader.py) is the document's: its lexicon is the evidence, its verdicts
are shared by the fixers of one document.
"""
