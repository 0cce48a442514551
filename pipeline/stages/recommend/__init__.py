"""Recommend stage: the recommendations of a Working Group report, who made them and the
response of the State under review (lists.py, states.py, recommend.py), their action
category and themes (classify.py); in an addendum, its answers by number (addenda.py).

Entry point: `stage.run(document, settings)`.
"""
