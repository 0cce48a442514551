"""Clean stage (clean.py): each paragraph's text, its OCR errors corrected and recorded.

Entry point: `stage.run(document, settings)`.
"""
