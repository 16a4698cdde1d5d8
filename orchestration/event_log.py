"""Dagster's SQLite event log, with its connections kept open (`dagster.yaml` names it as the instance's storage).

Dagster's own SqliteEventLogStorage creates an engine, opens a connection and closes it for every database it
touches, for every event: a run's own database, then the index database for asset and check events. Closing the
last connection of a WAL database checkpoints it, so each event costs several connects, checkpoints and fsyncs:
3-15 ms of mostly CPU on this 2-core machine. A build that adds one cable logs about 750 events (every dbt model,
test and check is planned, then reported), and the events of those 750 took about 5 s of its 35-40 s.

This storage keeps one engine, and one pooled connection, per database for the life of the process, and writes
with `synchronous=NORMAL`, WAL's usual setting (an event committed just before a power cut can be lost; the file
is never corrupted). The same tables, the same files, the same rows: the stock storage and the Dagster UI read
them as before (tests/test_event_log.py). After each write to a run's database it copies the write-ahead log back
into the database file (a passive checkpoint), because the UI follows a running run by watching that file change.
Events cost about 1-4 ms each.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager

import dagster as dg
import sqlalchemy as db
from dagster._core.storage.event_log.sqlite.sqlite_event_log import (
    INDEX_SHARD_NAME,
    SQLITE_BUSY_TIMEOUT_SECONDS,
    SqliteEventLogStorage,
)
from sqlalchemy.pool import QueuePool


class PooledSqliteEventLogStorage(SqliteEventLogStorage):
    """SqliteEventLogStorage that connects once per database and process, not once per event.

    Configured with the instance's home (`dagster_home`); the databases are in its `history/runs` folder, where Dagster
    keeps them by default."""

    # a long-lived process (the webserver, the daemon) reads the events of many runs: it keeps the connections of
    # the runs it read last, not an open file for every run it ever read
    KEPT_RUN_DATABASES = 8

    def __init__(self, base_dir: str, inst_data=None) -> None:
        self._engines: OrderedDict[str, db.Engine] = OrderedDict()
        self._engines_pid = os.getpid()
        self._engines_lock = threading.Lock()  # has_table reads the index without the storage's lock
        super().__init__(base_dir, inst_data=inst_data)

    @classmethod
    def config_type(cls) -> dict:
        return {"dagster_home": dg.StringSource}

    @classmethod
    def from_config_value(cls, inst_data, config_value) -> PooledSqliteEventLogStorage:
        return cls(os.path.join(config_value["dagster_home"], "history", "runs"), inst_data=inst_data)

    def _engine(self, shard: str) -> db.Engine:
        with self._engines_lock:
            if self._engines_pid != os.getpid():  # a forked process never uses its parent's connections
                for engine in self._engines.values():
                    engine.dispose(close=False)
                self._engines, self._engines_pid = OrderedDict(), os.getpid()
            engine = self._engines.get(shard)
            if engine is not None:
                self._engines.move_to_end(shard)
                return engine
            engine = db.create_engine(
                self.conn_string_for_shard(shard),
                poolclass=QueuePool,
                pool_size=1,
                max_overflow=4,
                # the connection is used under the storage's lock, from whichever thread holds it
                connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS, "check_same_thread": False},
            )
            db.event.listen(engine, "connect", _configure)
            self._engines[shard] = engine
            if shard != INDEX_SHARD_NAME:  # a run's database is only used under the storage's lock, held here
                runs = [name for name in self._engines if name != INDEX_SHARD_NAME]
                for name in runs[: max(0, len(runs) - self.KEPT_RUN_DATABASES)]:  # the least recently used first
                    self._engines.pop(name).dispose()
            return engine

    @contextmanager
    def _connect(self, shard: str) -> Iterator[db.Connection]:
        with self._db_lock:
            engine = self._engine(shard)
            if shard not in self._initialized_dbs:
                self._initdb(engine)
                self._initialized_dbs.add(shard)
            with engine.connect() as conn:
                with conn.begin():
                    yield conn
                if shard != INDEX_SHARD_NAME:
                    # the UI's watch on a run fires when the run's database file changes: write the log into it
                    conn.exec_driver_sql("pragma wal_checkpoint(passive)")

    def has_table(self, table_name: str) -> bool:
        engine = self._engine(INDEX_SHARD_NAME)
        with engine.connect() as conn:
            return bool(engine.dialect.has_table(conn, table_name))

    def wipe(self) -> None:
        # the runs' files are deleted: a kept connection would go on writing into a deleted file
        with self._db_lock, self._engines_lock:
            for shard in [shard for shard in self._engines if shard != INDEX_SHARD_NAME]:
                self._engines.pop(shard).dispose()
        super().wipe()

    def dispose(self) -> None:
        super().dispose()
        with self._engines_lock:
            for engine in self._engines.values():
                engine.dispose()
            self._engines = OrderedDict()


def _configure(dbapi_connection, _record) -> None:
    dbapi_connection.execute("pragma synchronous=normal")
