"""Alembic environment: runs inside the application on a connection it is given.

``db.engine.open_library`` passes its connection in
``config.attributes["connection"]``; running ``alembic`` by hand (for
autogenerate drafts) uses ``sqlalchemy.url`` from the command line instead.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from db.engine import include_object
from db.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        url = config.get_main_option("sqlalchemy.url")
        engine = create_engine(url)
        with engine.begin() as conn:
            _run(conn)
        return
    _run(connection)


def _run(connection) -> None:  # noqa: ANN001
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
