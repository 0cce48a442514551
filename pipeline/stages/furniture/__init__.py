"""Furniture stage (furniture.py): page headers, footers and numbers marked as furniture.

Entry point: `stage.run(document, settings)`.
"""
