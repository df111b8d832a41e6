"""Training of the parser's small learned parts from simulated pages of real articles.

Run ``make train`` (``python -m training``): it rebuilds the model files shipped in
``articles/text/models/`` from the corpus of published articles beside the repository.
"""
