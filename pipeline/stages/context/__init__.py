"""Context stage (context.py): what the document is, for the stages after it; and the
cover page's metadata (metadata.py), written as it was read.

Entry point: `stage.run(document, settings)`.
"""
