"""What a content pack may and may not do, and the web-address rules every content file follows.

A pack is someone else's text shown with the tool's authority, so:
- web addresses are https, with an ASCII (or punycode) host, no user name before the host, no
  spaces or invisible characters, and the characters that end a Markdown link percent-encoded;
- a help contact's name may not equal, contain or look like a bundled contact's name (Cyrillic "а"
  for Latin "a", a zero-width space, "0" for "o"), and its host may not imitate a bundled host;
- nothing in a help contact may hold invisible characters, and addresses in its text follow the
  same rules as its url;
- a pack's files stay in its folder (a symlink out of it is refused), and a pack adds glossary
  terms but never changes the bundled ones.
Wherever pack content is shown it is labelled as coming from a pack (render/report.py).
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from safetycheck.engine.model import HelpContact
from safetycheck.errors import ContentError
from safetycheck.i18n.language import LANGUAGES
from safetycheck.i18n.messages import tr
from safetycheck.sanitize import has_invisible

_SCHEME = "https://"
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_TLD = re.compile(r"^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$")
# Characters that end or break a Markdown link or an HTML attribute, and spaces: always encoded.
_ENCODE = set("()<>[]\"'`{}|\\^ ")
_URL_IN_TEXT = re.compile(r"(?i)\b(?:https?://|www\.)[^\s]+")
_EMAIL_HOST = re.compile(r"@([^\s@/]+\.[^\s@/]+)")
# Letters that look like Latin ones (Cyrillic, Greek, others) and digits that pass for letters.
_LOOKALIKE = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t",
    "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "ԁ": "d", "ɡ": "g", "һ": "h", "ԛ": "q", "ԝ": "w",
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u",
    "χ": "x", "ı": "i", "ɩ": "i", "ℓ": "l", "0": "o", "1": "l", "3": "e", "5": "s", "@": "a", "$": "s",
})


def url_problem(value: object) -> str | None:
    """Why this is not an address safetycheck will show, or None."""
    if not isinstance(value, str) or not value.startswith(_SCHEME):
        return tr("val_url_https")
    if has_invisible(value) or any(c.isspace() for c in value):
        return tr("val_url_spaces")
    rest = value[len(_SCHEME):]
    authority = re.split(r"[/?#]", rest, maxsplit=1)[0]
    if "@" in authority:
        return tr("val_url_user")
    host, _, port = authority.partition(":")
    if port and not (port.isascii() and port.isdigit() and 0 < int(port) < 65536):
        return tr("val_url_port")
    if not host.isascii():
        return tr("val_url_ascii")
    labels = host.lower().rstrip(".").split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels) or not _TLD.match(labels[-1]):
        return tr("val_url_host")
    return None


def safe_url(value: str) -> str:
    """A valid address with the characters that would end a Markdown link or an HTML attribute,
    and any non-ASCII character after the host, percent-encoded."""
    rest = value[len(_SCHEME):]
    cut = next((i for i, c in enumerate(rest) if c in "/?#"), len(rest))
    tail = "".join(c if c.isascii() and c not in _ENCODE else "".join(f"%{b:02X}" for b in c.encode()) for c in rest[cut:])
    return _SCHEME + rest[:cut].lower() + tail


def host_of(url: str) -> str:
    rest = url[len(_SCHEME):] if url.startswith(_SCHEME) else url
    return re.split(r"[/?#:]", rest, maxsplit=1)[0].lower().rstrip(".")


def skeleton(text: str) -> str:
    """What a name looks like: compatibility forms folded, case folded, lookalike letters mapped
    to Latin, accents, spaces, punctuation and invisible characters dropped."""
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold()).translate(_LOOKALIKE)
    return "".join(c for c in folded if c.isalnum() and c.isascii())


def _site_name(host: str) -> str:
    labels = host.split(".")
    return skeleton(labels[-2]) if len(labels) >= 2 else skeleton(host)


def contact_problems(contact: HelpContact, bundled: Iterable[HelpContact]) -> list[str]:
    """Every reason a pack's help contact is refused (empty when it may be shown, labelled)."""
    problems: list[str] = []
    texts = [contact.name, contact.url] + [t for text in (contact.what, contact.how) for t in text.values.values()]
    if any(has_invisible(t.replace("\n", " ")) for t in texts):
        problems.append(tr("val_contact_invisible"))
    name = skeleton(contact.name)
    own_texts = [t for text in (contact.what, contact.how) for t in text.values.values()]
    hosts = [host_of(contact.url)] + [m.rstrip(".,;:)").lower() for t in own_texts for m in _EMAIL_HOST.findall(t)]
    hosts += [host_of(u if u.lower().startswith("http") else _SCHEME + u) for t in own_texts for u in _URL_IN_TEXT.findall(t)]
    for known in bundled:
        known_name = skeleton(known.name)
        known_host = host_of(known.url).removeprefix("www.")
        site = _site_name(known_host)  # "accessnow" for www.accessnow.org
        if known_name and (name == known_name or (len(known_name) >= 6 and known_name in name)
                           or (len(site) >= 5 and site in name)):  # "Access Now Helpline" names the organisation
            problems.append(tr("val_contact_name", name=known.name))
        for own_host in hosts:
            is_same_site = own_host == known_host or own_host.endswith("." + known_host)
            imitates = skeleton(known_host) in skeleton(own_host) or (len(site) >= 5 and site in skeleton(own_host))
            if known_host and not is_same_site and imitates:
                problems.append(tr("val_contact_site", host=known_host))
    for text in own_texts:
        for found in _URL_IN_TEXT.findall(text):
            address = found if found.lower().startswith(("https://", "http://")) else _SCHEME + found
            if (problem := url_problem(address.rstrip(".,;:)"))) is not None:
                problems.append(tr("val_contact_address", problem=problem))
    return list(dict.fromkeys(problems))


def check_pack_contacts(contacts: list[HelpContact]) -> list[ContentError]:
    bundled = [c for c in contacts if not c.from_pack]
    return [ContentError(tr("val_contact_refused", id=c.id, problem=problem), "guidance/_help.yaml")
            for c in contacts if c.from_pack for problem in contact_problems(c, bundled)]


def merge_glossary(glossary: dict[str, dict[str, str]], added: dict[str, dict[str, str]], from_pack: bool,
                   shown: str) -> list[ContentError]:
    """A pack may add terms; changing a bundled term would change every translation that uses it."""
    errors = []
    for term, values in added.items():
        if from_pack and term in glossary and glossary[term] != values:
            errors.append(ContentError(tr("val_glossary_bundled", term=term), shown))
            continue
        glossary[term] = {lang: values[lang] for lang in LANGUAGES if lang in values}
    return errors


def pack_files(root: Path, kind: str, shown_root: str) -> tuple[list[Path], list[ContentError]]:
    """A pack's YAML files of one kind, refusing any link (file or folder) that leads out of the pack."""
    base = os.path.realpath(root)
    folder = root / kind
    errors: list[ContentError] = []
    if not folder.is_dir():
        return [], errors
    if not _inside(os.path.realpath(folder), base):
        return [], [ContentError(tr("err_pack_link"), str(Path(shown_root) / kind))]
    files = []
    for path in sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml")):
        if not _inside(os.path.realpath(path), base):
            errors.append(ContentError(tr("err_pack_link"), str(Path(shown_root) / kind / path.name)))
        elif path.is_file():
            files.append(path)
    return files, errors


def _inside(path: str, base: str) -> bool:
    return path == base or path.startswith(base.rstrip(os.sep) + os.sep)
