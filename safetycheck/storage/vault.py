"""Encrypted save files: scrypt for the key, AES-256-GCM for the data, header authenticated.

Layout, format 2 (all integers big-endian):
    format version               1 byte   (FORMAT_VERSION, 2)
    scrypt log2(n), r, p         1 + 1 + 1 bytes
    salt                         16 bytes
    nonce                        12 bytes
    ciphertext + GCM tag         the rest
No readable magic: on a seized disk the file does not name the tool. Everything before the
ciphertext is passed to GCM as associated data, so changing a parameter, the version or the salt
makes decryption fail instead of silently weakening anything. The plaintext is the payload's length
(4 bytes) and the payload, padded with zeros to a bucket size, so the file's size does not tell how
much was answered.

Format 1 (the released version) began with the magic b"SAFETYCHECK-SAVE" and held the payload
unpadded; it is still read, and written again in format 2 only when the person saves anew.

The scrypt parameters are checked against what safetycheck writes before any passphrase is asked:
a planted file asking for 16 GiB of memory is refused at once.
"""

from __future__ import annotations

import os
import struct

from safetycheck.errors import SafetycheckError
from safetycheck.i18n.messages import tr

LEGACY_MAGIC = b"SAFETYCHECK-SAVE"
FORMAT_VERSION = 2
_HEADER = struct.Struct(">BBBB16s12s")
_LEGACY_HEADER = struct.Struct(">16sBBBB16s12s")
_LENGTH = struct.Struct(">I")
# scrypt n=2^17, r=8: about 128 MiB and a few tenths of a second per guess, to slow offline guessing
# on a seized laptop; stored in the header so later versions can raise it.
DEFAULT_LOG2_N, DEFAULT_R, DEFAULT_P = 17, 8, 1
# What is accepted when reading: near what is written (at most 2^18 x 8 x 128 B = 256 MiB of memory).
LOG2_N_RANGE, ACCEPTED_R, ACCEPTED_P = range(14, 19), (8,), (1,)
BUCKET = 16 * 1024
MAX_SAVE_BYTES = 4 * 1024 * 1024
_TAG_BYTES = 16


def _key(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=2**log2_n, r=r, p=p).derive(passphrase.encode("utf-8"))


def pad(payload: bytes) -> bytes:
    """Length, payload, zeros up to the next multiple of BUCKET: a short save and a full one look alike."""
    body = _LENGTH.pack(len(payload)) + payload
    return body + bytes(-len(body) % BUCKET)


def unpad(plaintext: bytes) -> bytes | None:
    if len(plaintext) < _LENGTH.size:
        return None
    (length,) = _LENGTH.unpack_from(plaintext)
    if length > len(plaintext) - _LENGTH.size or any(plaintext[_LENGTH.size + length :]):
        return None
    return plaintext[_LENGTH.size : _LENGTH.size + length]


def seal(plaintext: bytes, passphrase: str, log2_n: int = DEFAULT_LOG2_N) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    header = _HEADER.pack(FORMAT_VERSION, log2_n, DEFAULT_R, DEFAULT_P, salt, nonce)
    return header + AESGCM(_key(passphrase, salt, log2_n, DEFAULT_R, DEFAULT_P)).encrypt(nonce, pad(plaintext), header)


def check_header(blob: bytes, shown: str) -> tuple[int, int, int, bytes, bytes]:
    """Refuse what is not a save we can open (log2 n, r, p, salt, nonce), before any passphrase is asked."""
    version, log2_n, r, p, salt, nonce, _size = _parse(blob, shown)
    return log2_n, r, p, salt, nonce


def _parse(blob: bytes, shown: str) -> tuple[int, int, int, int, bytes, bytes, int]:
    legacy = blob.startswith(LEGACY_MAGIC)
    layout = _LEGACY_HEADER if legacy else _HEADER
    if not blob:
        raise SafetycheckError(tr("err_not_save"), shown)
    version = blob[len(LEGACY_MAGIC)] if legacy and len(blob) > len(LEGACY_MAGIC) else blob[0]
    if legacy and version != 1:
        raise SafetycheckError(tr("err_save_newer" if version > 1 else "err_save_header", version=version), shown)
    if not legacy and version != FORMAT_VERSION:
        # No magic to tell a newer save from another file: a small version number is a newer save.
        if FORMAT_VERSION < version < 16:
            raise SafetycheckError(tr("err_save_newer", version=version), shown)
        raise SafetycheckError(tr("err_not_save"), shown)
    if len(blob) < layout.size + _TAG_BYTES:
        raise SafetycheckError(tr("err_save_truncated"), shown)
    fields = layout.unpack_from(blob)
    log2_n, r, p, salt, nonce = fields[-5:]
    if log2_n not in LOG2_N_RANGE or r not in ACCEPTED_R or p not in ACCEPTED_P:
        raise SafetycheckError(tr("err_save_kdf"), shown)
    return version, log2_n, r, p, salt, nonce, layout.size


def unseal(blob: bytes, passphrase: str, shown: str) -> bytes:
    """Decrypt, or raise "FILE: wrong passphrase, or the file is damaged" without guessing at secrets."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    version, log2_n, r, p, salt, nonce, size = _parse(blob, shown)
    header = blob[:size]
    try:
        plaintext = AESGCM(_key(passphrase, salt, log2_n, r, p)).decrypt(nonce, blob[size:], header)
    except InvalidTag:
        raise SafetycheckError(tr("err_save_open"), shown) from None
    if version == 1:
        return plaintext
    payload = unpad(plaintext)
    if payload is None:
        raise SafetycheckError(tr("err_save_open"), shown)
    return payload
