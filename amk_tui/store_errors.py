"""Why saving failed, in a code the UI translates: the store's one error."""

from __future__ import annotations

import errno
from pathlib import Path

from amk_tui.core.errors import AmkError


class StoreError(AmkError):
    """Saving failed (read-only folder, disk full …); the file on disk is unchanged.

    `reason` is a short code the UI translates (`disk_full`, `no_access`, `read_only`,
    `other`); `detail` is the system's own words.
    """

    REASONS = {
        errno.ENOSPC: "disk_full",
        errno.EDQUOT: "disk_full",
        errno.EACCES: "no_access",
        errno.EPERM: "no_access",
        errno.EROFS: "read_only",
    }

    def __init__(self, path: Path, action: str, error: OSError, reason: str | None = None) -> None:
        self.path = path
        self.action = action
        """`save` or `create_folder`."""
        self.reason = reason or self.REASONS.get(error.errno or 0, "other")
        """Also `replaced` (the file became a link or a special file) and `taken` (another
        amk holds the workshop now): the guarded save's own refusals."""
        self.detail = error.strerror or str(error)
        english = {"disk_full": "the disk is full"}.get(self.reason, self.detail)
        verb = "not saved" if action == "save" else "cannot create the folder"
        super().__init__(f"{path}: {verb} ({english})")
