"""The Django admin for the archive: records, the upload → review → publish workflow, curation, the log.

One module per part of the house: ``records`` (districts, papers, issues, articles),
``leaders`` (leader curation), ``uploads`` (upload, review, publish), ``log`` (the event log)
and ``login`` (the throttled login and the front page); ``base`` is what they share. Every
change goes through a write function in ``articles/editing/``; the admin only checks
permissions, validates a form and reports. Signed-in users who are not staff get 403 on every
URL here; anonymous users are sent to the login page.
"""
from articles.admin import leaders, log, records, uploads  # noqa: F401 - registers the ModelAdmins
from articles.admin.login import throttled_login

__all__ = ["throttled_login"]
