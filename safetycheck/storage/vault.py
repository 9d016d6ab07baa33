"""Encrypted save files: scrypt for the key, AES-256-GCM for the data, header authenticated.

Layout (all integers big-endian):
    magic  b"SAFETYCHECK-SAVE"   16 bytes
    format version               1 byte   (FORMAT_VERSION)
    scrypt log2(n), r, p         1 + 1 + 1 bytes
    salt                         16 bytes
    nonce                        12 bytes
    ciphertext + GCM tag         the rest
Everything before the ciphertext is passed to GCM as associated data, so changing a parameter,
the version or the salt makes decryption fail instead of silently weakening anything.
"""

from __future__ import annotations

import os
import struct

from safetycheck.errors import SafetycheckError
from safetycheck.i18n.messages import tr

MAGIC = b"SAFETYCHECK-SAVE"
FORMAT_VERSION = 1
_HEADER = struct.Struct(">16sBBBB16s12s")
# scrypt n=2^17, r=8: about 128 MiB and a few tenths of a second per guess, to slow offline guessing
# on a seized laptop; stored in the header so later versions can raise it.
DEFAULT_LOG2_N, DEFAULT_R, DEFAULT_P = 17, 8, 1
MAX_SAVE_BYTES = 4 * 1024 * 1024


def _key(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=2**log2_n, r=r, p=p).derive(passphrase.encode("utf-8"))


def seal(plaintext: bytes, passphrase: str, log2_n: int = DEFAULT_LOG2_N) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    header = _HEADER.pack(MAGIC, FORMAT_VERSION, log2_n, DEFAULT_R, DEFAULT_P, salt, nonce)
    return header + AESGCM(_key(passphrase, salt, log2_n, DEFAULT_R, DEFAULT_P)).encrypt(nonce, plaintext, header)


def check_header(blob: bytes, shown: str) -> tuple[int, int, int, bytes, bytes]:
    """Refuse what is not a save we can open (log2 n, r, p, salt, nonce), before any passphrase is asked."""
    if not blob.startswith(MAGIC):
        raise SafetycheckError(tr("err_not_save"), shown)
    if len(blob) < _HEADER.size + 16:
        raise SafetycheckError(tr("err_save_truncated"), shown)
    _magic, version, log2_n, r, p, salt, nonce = _HEADER.unpack_from(blob)
    if version > FORMAT_VERSION:
        raise SafetycheckError(tr("err_save_newer", version=version), shown)
    if version < 1 or not (10 <= log2_n <= 22 and 1 <= r <= 32 and 1 <= p <= 4):
        raise SafetycheckError(tr("err_save_header"), shown)
    return log2_n, r, p, salt, nonce


def unseal(blob: bytes, passphrase: str, shown: str) -> bytes:
    """Decrypt, or raise a one-line error that says what is wrong without guessing at secrets."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    log2_n, r, p, salt, nonce = check_header(blob, shown)
    header = blob[: _HEADER.size]
    try:
        return AESGCM(_key(passphrase, salt, log2_n, r, p)).decrypt(nonce, blob[_HEADER.size :], header)
    except InvalidTag:
        raise SafetycheckError(tr("err_save_open"), shown) from None
