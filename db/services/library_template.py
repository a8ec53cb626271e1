"""The bundled library prepared once, shipped, and copied by the very first start.

Installing the bundled library means importing seven texts and aligning two
pairs: about 7 s on a quiet machine, for a result that is the same for every
user.  ``python -m db.services.library_template`` makes it once and ships it as
``resources/library/template/library.sqlite3.xz`` with ``template.json`` (the
fingerprint of the files it was made from, and its schema revision).  When a
library file does not exist yet, ``seed_library`` puts the template there
(about 0.2 s) if the fingerprint still matches the bundled texts, glossary and
splitter parameters; otherwise nothing happens and the library is prepared
from the texts as before (``db.services.startup.prepare_library``).  An older
template schema is migrated like any library.

The template must be what the code makes today: a test builds the bundled
library with the current importer and aligner and compares it with the
template row by row, so a change that alters the result fails until the
template is made again with the command above.
"""

from __future__ import annotations

import hashlib
import json
import logging
import lzma
import os
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

from resources import RESOURCES_DIR, library_dir

log = logging.getLogger(__name__)

TEMPLATE_NAME = "library.sqlite3.xz"
META_NAME = "template.json"
# What the prepared library is made from (besides the code): a change here makes the
# shipped template unusable until it is made again.
INPUT_FOLDERS = ("library/texts", "library/vectors", "glossary", "punkt", "lexicon")
INPUT_FILES = ("library/manifest.json",)


def template_dir() -> Path:
    return library_dir() / "template"


def input_fingerprint(resources: Path = RESOURCES_DIR) -> str:
    """SHA-256 over the names and bytes of every file the bundled library is made from."""
    digest = hashlib.sha256()
    paths = [resources / name for name in INPUT_FILES]
    for folder in INPUT_FOLDERS:
        paths.extend(p for p in sorted((resources / folder).rglob("*")) if p.is_file())
    for path in paths:
        digest.update(path.relative_to(resources).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def read_meta(folder: Path | None = None) -> dict[str, object] | None:
    try:
        return json.loads(((folder or template_dir()) / META_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def usable_template(folder: Path | None = None, resources: Path = RESOURCES_DIR) -> Path | None:
    """The shipped template, if it was made from the bundled files as they are now."""
    from db.engine import migration_graph

    folder = folder or template_dir()
    meta = read_meta(folder)
    archive = folder / TEMPLATE_NAME
    if meta is None or not archive.exists():
        return None
    if meta.get("fingerprint") != input_fingerprint(resources):
        log.info("the library template was made from other bundled files; the library is prepared from the texts")
        return None
    if meta.get("revision") not in migration_graph():
        log.info("the library template has an unknown schema %s", meta.get("revision"))
        return None
    return archive


def seed_library(path: Path, folder: Path | None = None) -> bool:
    """Put the prepared bundled library at ``path`` if no library is there yet; True if it did.

    Any failure (an unwritable folder, a damaged archive) leaves nothing behind:
    the library is then created and prepared the usual way, which reports the
    problem if there is one.
    """
    if path.exists() and path.stat().st_size > 0:
        return False
    archive = usable_template(folder)
    if archive is None:
        return False
    part = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with lzma.open(archive, "rb") as source, part.open("wb") as target:
            shutil.copyfileobj(source, target, 1 << 20)
        for leftover in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            leftover.unlink(missing_ok=True)  # a journal without its database would be applied to the copy
        os.replace(part, path)
    except (OSError, EOFError, lzma.LZMAError) as exc:
        log.warning("could not copy the library template to %s (%s); preparing it from the texts", path, exc)
        part.unlink(missing_ok=True)
        return False
    log.info("library %s made from the shipped template", path)
    return True


def build_template(folder: Path | None = None) -> Path:
    """Prepare the bundled library in a scratch file and write it, compressed, with its fingerprint."""
    from db.engine import head_revision, open_library
    from db.services.startup import prepare_library

    folder = folder or template_dir()
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sverka-template-") as scratch:
        db_path = Path(scratch) / "library.sqlite3"
        library = open_library(db_path)
        prepare_library(library)
        library.close()
        conn = sqlite3.connect(db_path, isolation_level=None)
        try:  # one self-contained file, as compact as it gets
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("VACUUM")
        finally:
            conn.close()
        archive = folder / TEMPLATE_NAME
        with db_path.open("rb") as source, lzma.open(archive, "wb", preset=9) as target:
            shutil.copyfileobj(source, target, 1 << 20)
    meta = {
        "fingerprint": input_fingerprint(),
        "revision": head_revision(),
        "made_by": "python -m db.services.library_template",
    }
    (folder / META_NAME).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return archive


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    print(build_template())
    sys.exit(0)
