"""Why a file could not be read or written, in the person's language.

The operating system's own reason ("No such file or directory") is English on most systems and
depends on the C library; the common cases are named here by errno instead."""

from __future__ import annotations

import errno

from safetycheck.i18n.messages import tr

_KEYS = {
    errno.ENOENT: "os_no_such_file",
    errno.EACCES: "os_permission_denied",
    errno.EPERM: "os_permission_denied",
    errno.EISDIR: "os_is_a_directory",
    errno.ENOTDIR: "os_not_a_directory",
    errno.EEXIST: "os_exists",
    errno.ENOSPC: "os_disk_full",
    errno.EDQUOT: "os_disk_full",
    errno.EROFS: "os_read_only",
    errno.ENAMETOOLONG: "os_name_too_long",
    errno.ELOOP: "os_too_many_links",
    errno.EIO: "os_io_error",
    errno.EBUSY: "os_busy",
    errno.ETXTBSY: "os_busy",
    errno.EINVAL: "os_invalid",
    errno.EXDEV: "os_other_device",
    errno.EMFILE: "os_too_many_open",
    errno.ENFILE: "os_too_many_open",
}


def os_reason(exc: BaseException) -> str:
    """The reason for an OSError in the current language; the system's words for rare cases."""
    code = getattr(exc, "errno", None)
    key = _KEYS.get(code) if isinstance(code, int) else None
    if key:
        return tr(key)
    return str(getattr(exc, "strerror", None) or exc)
