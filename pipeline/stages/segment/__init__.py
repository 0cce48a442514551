"""Segment stage: numbered paragraphs, headings, front matter and notes.

segment.py walks the lines; numbering.py finds the paragraph numbers, outline.py places the
headings, items.py lists a paragraph's items, abbreviations.py reads the list of abbreviations.

Entry point: `stage.run(document, settings)`.
"""
