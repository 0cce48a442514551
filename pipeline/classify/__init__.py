"""Classifiers of recommendation and commitment texts, trained on UPR Info's database.

recommendations.py `classify_recommendations` (action category and themes, for the
recommend stage); themes.py `themes_of` (themes alone, for commitments); actions.py (the
action category: model and leading-verb rule); linear_model.py (the portable scorer);
features.py (the terms both training and scoring read); train.py (`make train`, needs
scikit-learn); uprinfo.py and figures.py (UPR Info's rows and the figures, for training and
`make eval`). Models and lexicons: pipeline/data/classify/.
"""
