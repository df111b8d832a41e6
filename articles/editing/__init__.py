"""The editors' side of the archive: uploads held for review, corrections, the event log and the worker.

``uploads`` checks and stages files, ``publishing`` publishes or discards them, ``worker``
does both in the background; ``corrections`` edits, splits, merges and curates leaders;
``events`` writes the log and ``event_log`` reads it out as sentences; ``forms`` and
``throttle`` serve the admin. Everything here changes the archive on an editor's behalf and
leaves a line in the log; the admin (``articles/admin/``) is its only web interface. Writing
issues themselves is ``articles/ingest``'s job: uploads reach it through
``ingest.prepare_issue`` and ``ingest.store_prepared``, the door the ``ingest_issues`` command
uses too.
"""
