"""Ingest stage (ingest.py): one input file read into decoded lines with provenance.

Entry point: `stage.run(document, settings)`.
"""
