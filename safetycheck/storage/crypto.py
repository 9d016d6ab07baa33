"""Whether encryption can be had on this machine: saves need the `cryptography` library, which on a
phone (Termux) comes from the system's package manager and on Windows needs its DLLs to load.
Everything else works without it, so it is asked for only by --save, open and compare."""

from __future__ import annotations

from safetycheck.errors import UsageError
from safetycheck.i18n.messages import tr


def ensure_available() -> None:
    """Raise a one-line error saying what to install when encrypted saves cannot work here."""
    try:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: F401
        from cryptography.hazmat.primitives.kdf.scrypt import Scrypt  # noqa: F401
    except (ImportError, OSError) as exc:  # OSError: a DLL that does not load (Windows)
        raise UsageError(tr("err_no_cryptography", detail=type(exc).__name__)) from None
