"""The archive's data, one module per role.

``archive`` (districts, papers, issues, articles, leaders and their summaries), ``uploads``
(staged uploads and their files), ``curation`` (editors' fixes re-applied on every parse) and
``log`` (the event log, login attempts). Model names, tables and migrations are those of the
former single ``models.py``; import models from here.
"""
from articles.models.archive import (
    Article, DerivedFieldsKept, District, Issue, Leader, LeaderMonth, LeaderTitle, Mention, Paper,
)
from articles.models.curation import LeaderAlias, LeaderTitleFix, MentionAssignment, StructureCorrection
from articles.models.log import Event, LoginAttempt
from articles.models.uploads import PendingUpload, UploadFile

__all__ = [
    "Article", "DerivedFieldsKept", "District", "Event", "Issue", "Leader", "LeaderAlias", "LeaderMonth",
    "LeaderTitle", "LeaderTitleFix", "LoginAttempt", "Mention", "MentionAssignment", "Paper", "PendingUpload",
    "StructureCorrection", "UploadFile",
]
