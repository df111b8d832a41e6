"""A PostgreSQL backend that starts the embedded server before its first connection."""
from django.db.backends.postgresql import base

from newsarchive import localdb


class DatabaseWrapper(base.DatabaseWrapper):
    """Django's PostgreSQL backend, pointed at the embedded server's socket."""

    _database_ready: set[str] = set()

    def get_connection_params(self) -> dict:
        params = super().get_connection_params()
        params.update(localdb.connection_params())
        name = params.get("dbname") or params.get("database")
        # The archive's database is created here, once per process. The test runner makes
        # its own (through the "postgres" database) before it first connects to it.
        if name and name != "postgres" and name not in self._database_ready:
            localdb.ensure_database(name)
            self._database_ready.add(name)
        return params
