"""Every interface string, in English, and the one way to get them in the person's language.

The English here is the source text; translations live in gettext catalogues (`locale/*/LC_MESSAGES/
safetycheck.po`, compiled to `.mo`), with each key as the entry's context. `tools/i18n.py` extracts
this file into the `.pot` with Babel. Content texts live in the YAML; these are the words around them.
`strings(lang)`, `tr` and `ntr` (counted phrases, with each language's plural forms) read them."""

from __future__ import annotations

from functools import cache

EN: dict[str, str] = {
    "app_help": "Check how exposed you are (devices, accounts, communications, travel, family, online) and get a prioritised plan. Offline and private: nothing leaves this computer, nothing is saved unless you ask.",
    "report_title": "Your safety check",
    "summary": "Summary",
    "module": "Area",
    "score": "Score",
    "band": "Level",
    "not_assessed": "not assessed",
    "score_note": "Scores show how exposed you still are (0 = well protected, 100 = wide open), weighted by the threats you face.",
    "threat_profile": "What you face",
    "threat": "Threat",
    "likelihood": "Likelihood",
    "because": "because",
    "baseline": "starting level for anyone doing civic work",
    "plan": "Your plan",
    "bucket_today": "Do today",
    "bucket_week": "This week",
    "bucket_later": "When you can",
    "urgent_banner": "Act today: some of your answers need action now, whatever your score.",
    "urgent": "urgent",
    "effort": "Effort",
    "effort_minutes": "minutes",
    "effort_hour": "about an hour",
    "effort_day": "a day",
    "why": "Why",
    "triggered_by": "Because you answered",
    "steps": "Steps",
    "platform_general": "Everyone",
    "platform_android": "Android",
    "platform_ios": "iPhone (iOS)",
    "platform_windows": "Windows",
    "platform_macos": "Mac (macOS)",
    "platform_linux": "Linux",
    "tradeoff": "Trade-off",
    "resources": "Learn more",
    "reviewed": "reviewed",
    "details": "Details",
    "explain": "Why this score",
    "explain_question": "Question",
    "explain_answer": "Your answer",
    "explain_risk": "Risk",
    "explain_weight": "Weight",
    "explain_points": "Adds",
    "explain_could_drop": "Could drop by",
    "explain_note": "Each answer adds points in proportion to its risk (0-10) times the weight of the threat it guards against. Moving an answer to the safest option lowers the score by the last column.",
    "unanswered": "Not answered (not counted)",
    "later_details": "For the steps: safetycheck guide ID, or keep the whole report with --format html --output report.html",
    "no_plan": "Nothing to do from these answers. Keep your habits and check again in a few months.",
    "help_title": "Where to get help",
    "checked": "checked",
    "stale_warning": "Some of this advice was last reviewed more than a year ago and may be out of date: {items}",
    "content_version": "Content version",
    "date": "Date",
    "pick_one": "Choose one:",
    "pick_several": "Choose all that apply:",
    "option_yes": "Yes",
    "option_no": "No",
    "option_not_sure": "Not sure",
    "skip": "Skip this question",
    "back": "Go back",
    "progress": "{n}/{total} · {module}",
    "choose_modules": "Which areas do you want to check? (the context questions come first)",
    "template_intro": "safetycheck answers file. Fill in an option id after each question, or leave it blank.",
    "template_how": "Then run: safetycheck check --answers THIS_FILE",
    "template_conditional": "(Only asked when an earlier answer makes it relevant; leave blank otherwise.)",
    "stopped": "Stopped. Nothing was saved.",
    "no_terminal": "no terminal to ask questions on: use --answers FILE (see 'safetycheck template')",
    "warning_plaintext": "Warning: {path} is not encrypted and reveals your risks. Delete it when you no longer need it.",
    "written": "Written: {path}",
    "saved": "Saved, encrypted: {path}. Keep the passphrase somewhere other than this computer.",
    "compare_title": "Your progress",
    "compare_from_to": "From {old} to {new}",
    "change": "Change",
    "done_actions": "Done since last time",
    "new_risks": "New since last time",
    "still_to_do": "Still to do",
    "dropped_answers": "Answers to questions that no longer exist (not counted): {items}",
    "nothing_changed": "Nothing changed.",
    "saved_on": "Saved on {date}",
    "group_title": "Workshop summary",
    "participants": "Participants",
    "band_distribution": "Where the room stands, per area",
    "median": "median",
    "teach_first": "What to teach first (advice most often needed)",
    "people": "people",
    "few_participants": "Only {n} participants: with fewer than 5, individuals may be recognisable. Share this view with care.",
    "skipped_file": "Skipped {path}: {reason}",
    "band_low": "low",
    "band_moderate": "moderate",
    "band_high": "high",
    "band_critical": "critical",
    "band_none": "not assessed",
    "mixed_versions": "Summaries come from different content versions: {versions}",
    "summary_written": "Anonymous summary written: {path}. It holds scores, levels and advice ids only: no answers.",
    "card_title": "What to do",
    "card_note": "Keep this card. It lists actions and where to get help, nothing about your answers or scores.",
    "worksheet_title": "Safety check worksheet",
    "worksheet_intro": "Tick one box per question (or several where it says so). Skip any question you do not want to answer.",
    "worksheet_only_if": "Only if",
    "worksheet_only_if_threat": "only for people facing targeted attacks (see the first section)",
    "worksheet_answered": "you answered",
    "worksheet_question": "question",
    "scoring_key": "Scoring key (for the trainer)",
    "scoring_key_how": "For each area, add the points of the answers ticked and divide by the sum of the highest points of the questions answered; times 100 gives a rough score (the digital check also weighs answers by the threats each person faces, so it can differ). Answers marked → point to the advice to hand out.",
    "points": "points",
    "option": "Answer",
    "valid": "Content is valid: {modules} modules, {questions} questions, {items} guidance items.",
    "warnings_count": "{count} warnings",
    "questions": "Questions",
    "questions_total": "Questions in all: {n}",
    "coverage": "Translated",
    "languages": "Languages",
    "guidance_library": "Guidance",
    "id": "Id",
    "title": "Title",
    "about_title": "About safetycheck",
    "privacy_promise": (
        "No network, ever: safetycheck never connects to the internet, has no telemetry and no update checks.\n"
        "Nothing is written to disk unless you ask: answers stay in memory and are gone when it ends.\n"
        "What you save with --save is encrypted with your passphrase.\n"
        "Plain-text reports (--output) are written only when you ask, and a warning says so."
    ),
    "privacy_limits": (
        "What it cannot promise: Python cannot wipe memory, and your terminal keeps what was shown in its scrollback. "
        "Close the terminal window when you finish (or use --clear), and on a shared computer use a private session."
    ),
    "privacy_files_posix": 'Files you ask for (saves, reports, summaries) are made readable only by your user account (permissions 0600). Anyone with the administrator (root) password, or with the disk itself outside this system, can still read the unencrypted ones: only saves are encrypted.',
    "privacy_files_windows": "On Windows, files you ask for (saves, reports, summaries) are protected by your user profile's permissions when you keep them in your own folders (Documents, Desktop): other ordinary accounts on this computer cannot open them. Administrators can, and so can anyone who takes the disk out, unless the disk is encrypted (BitLocker or Device Encryption). A USB stick has no such protection. Only saves are encrypted.",
    "version": "Version",
    "content_reviewed": "Content reviewed",
}

ERRORS_EN: dict[str, str] = {
    "err_no_cryptography": "encrypted saves need the 'cryptography' library, which is missing or does not load here ({detail}). Install it: 'python -m pip install cryptography' (on an Android phone with Termux: 'pkg install python-cryptography'). Everything else works without it.",
    "os_no_such_file": 'no such file or folder',
    "os_permission_denied": 'permission denied',
    "os_is_a_directory": 'it is a folder, not a file',
    "os_not_a_directory": 'part of the path is not a folder',
    "os_exists": 'it already exists',
    "os_disk_full": 'no space left on the disk',
    "os_read_only": 'the disk is read-only',
    "os_name_too_long": 'the name is too long',
    "os_too_many_links": 'too many links in the path',
    "os_io_error": 'the disk could not be read or written (input/output error)',
    "os_busy": 'the file is in use',
    "os_invalid": 'the system refused this name or operation',
    "os_other_device": 'it is on another disk',
    "os_too_many_open": 'too many files are open',
    "error": "error",
    "err_answers_empty": "is empty; expected 'answers:' with modules below it",
    "err_answers_shape": "expected a mapping with an 'answers:' key",
    "err_answers_key": "unknown key '{key}' (only 'answers' is allowed)",
    "err_answers_modules": "'answers' must map module ids to their answers",
    "err_unknown_module": "unknown module '{id}' (known: {known})",
    "err_module_answers": "answers of module '{id}' must map question ids to option ids",
    "err_unknown_question": "unknown question '{id}' in module '{module}'",
    "err_one_answer": "question '{id}' takes one answer, not a list",
    "err_unknown_option": "unknown option '{option}' for question '{id}' (options: {options})",
    "err_unknown_language": "unknown language '{code}'; available: {available}",
    "err_env_language": "SAFETYCHECK_LANG='{code}' is not available; available: {available}",
    "err_unknown_item": "unknown guidance item '{id}' (see 'safetycheck guide' for the list)",
    "err_unknown_schema": "unknown schema '{kind}' (choose from: {kinds})",
    "err_exists": "already exists; choose another name or add --force to replace it",
    "err_is_folder": "is a folder",
    "err_no_folder": "the folder to write into does not exist",
    "err_not_folder": "is not a folder",
    "err_empty_pack": "holds no questionnaires/*.yaml or guidance/*.yaml files",
    "err_cannot_read": "cannot be read: {reason}",
    "err_too_large": "file is larger than {kib} KiB",
    "err_not_utf8": "not UTF-8 text (byte {byte})",
    "err_passphrase_not_utf8": "the passphrase file is not UTF-8 text",
    "err_not_yaml": "not valid YAML: {problem}",
    "err_not_save": "is not a safetycheck save file",
    "err_save_truncated": "is truncated (the save file is incomplete)",
    "err_save_newer": "was saved by a newer safetycheck (save format {version}); update safetycheck to open it",
    "err_save_header": "has a damaged header",
    "err_save_open": "cannot be opened: wrong passphrase, or the file was changed or damaged",
    "err_save_data": "holds data this version of safetycheck cannot read",
    "err_save_too_large": "is too large to be a safetycheck save file",
    "err_no_terminal_passphrase": "no terminal to ask for a passphrase on: use --passphrase-file FILE",
    "err_short_passphrase": "the passphrase must be at least 8 characters; a few unrelated words are best",
    "err_no_summaries": "no summary files found in the paths given",
    "err_format_not_here": "--format {format} does not apply here",
    "err_input_ended": "the input ended before the questions did; use --answers FILE",
    "err_internal": "internal error: {detail} (set SAFETYCHECK_DEBUG=1 for details)",
    "err_summary_large": "too large to be a summary",
    "err_summary_json": "not JSON",
    "err_summary_kind": "not a safetycheck anonymous summary",
    "err_summary_newer": "summary format {version} is newer than this safetycheck reads",
    "err_summary_shape": "damaged summary: 'modules' or 'guidance' has the wrong shape",
    "err_summary_module": "damaged summary: module '{id}' has an invalid score or band",
    "passphrase_prompt": "Passphrase",
    "passphrase_repeat": "Repeat the passphrase",
    "passphrase_mismatch": "The two passphrases differ. Try again.",
    "checkbox_hint": "space to tick, enter to go on",
}
HELP_EN: dict[str, str] = {
    "chrome_usage": 'Usage:',
    "chrome_options": 'Options',
    "chrome_commands": 'Commands',
    "chrome_arguments": 'Arguments',
    "chrome_default": '[default: {}]',
    "chrome_required": '[required]',
    "chrome_help_option": 'Show this help and exit.',
    "chrome_did_you_mean": 'Did you mean {names}?',
    "chrome_no_such_option": 'there is no option {name}.',
    "chrome_option_needs_value": 'option {name} needs a value.',
    "chrome_option_takes_no_value": 'option {name} does not take a value.',
    "chrome_missing_argument": 'missing argument {name}.',
    "chrome_missing_option": 'missing option {name}.',
    "chrome_not_a_choice": "{name} cannot be '{value}': choose one of {choices}.",
    "chrome_invalid_value": 'invalid value for {name}: {reason}',
    "chrome_no_such_command": "there is no command '{name}'.",
    "chrome_extra_arguments": 'unexpected extra arguments: {args}.',
    "chrome_missing_command": 'a command is missing.',
    "chrome_help_hint": '(help: {command})',
    "opt_validate_folder": 'A content folder (questionnaires/, guidance/) to check with the bundled content.',
    "opt_save_file": "A file written by 'check --save'.",
    "opt_item_id": 'A guidance item id (default: the whole library).',
    "opt_pack": 'Add a folder of your own modules and guidance (same layout). Repeatable.',
    "opt_anonymous_summary": 'Also write an anonymous summary (scores, levels, advice ids; no answers) to hand to a trainer.',
    "opt_summary_paths": 'Anonymous summary files, or folders holding them (*.json).',
    "cmd_workshop": 'For trainers: the group view of a workshop from anonymous summaries.',
    "opt_clear_guided": 'Guided session: wipe the screen and scrollback when done.',
    "opt_top": 'How many advice items to list.',
    "opt_lang": 'Language: en, az or ru (else SAFETYCHECK_LANG, else the locale).',
    "opt_all_warnings": 'List every warning, not just a count per kind.',
    "opt_check_modules": 'Modules to check (default: all, or those in the answers file).',
    "opt_template_modules": 'Modules to include (default: all).',
    "opt_worksheet_modules": 'Modules to print (default: all).',
    "opt_guide_module": 'Only the items a module can trigger.',
    "opt_version": 'Print the version and exit.',
    "opt_passphrase_file": 'Read the passphrase from this file (for scripts; never type it on the command line).',
    "opt_force": 'Replace an existing output or save file.',
    "opt_save": 'Save your answers to this file, encrypted with a passphrase, to compare later.',
    "opt_answers": "Score this answers file instead of asking (see 'safetycheck template').",
    "opt_explain": 'Show each scored answer, its weight and what it adds to the score.',
    "opt_explain_open": 'Show what each answer adds to the score.',
    "opt_clear": 'Wipe the screen and scrollback when done (shared computers).',
    "opt_output": 'Write the report to this file (plain text: it reveals your risks).',
    "opt_paper_format": 'markdown or html (print from a browser).',
    "opt_schema_kind": 'module, guidance or answers.',
    "opt_format": 'rich (terminal), plain (screen readers, pipes), markdown, html, json; check also card / card-html (a pocket card: actions and help only).',
    "cmd_check": 'Answer the questions (or score an answers file) and get your scores and action plan.',
    "cmd_template": 'Print a blank answers file: every question as a comment, answers left empty.',
    "cmd_list": 'List the modules: questions, translation coverage per language, review date.',
    "cmd_guide": 'Browse the guidance library, or print handouts for a module or an item.',
    "cmd_validate": 'Check content for errors (exit 0 valid, 2 invalid). Each error names file:line.',
    "cmd_schema": 'Print a JSON Schema for content files, so editors can complete and check them.',
    "cmd_about": 'Version, content review date, and the privacy promise in plain words.',
    "cmd_open": "Show a saved session's results again, re-scored with today's content.",
    "cmd_compare": 'Progress between two saves: score change per module, actions completed, new risks.',
    "cmd_worksheet": 'A printable questionnaire with boxes to tick and a scoring key, for a workshop without devices.',
    "cmd_summarize": "Participants, where the room stands per area, and what to teach first. Holds no one's answers.",
}
EN.update(ERRORS_EN)
EN.update(HELP_EN)

# Counted phrases: (one, other) in English; the catalogues hold each language's CLDR forms
# (Russian three, Azerbaijani two). `ntr(key, n)` chooses the form for n.
EN_PLURALS: dict[str, tuple[str, str]] = {
    "n_participants": ("{n} participant", "{n} participants"),
    "n_questions": ("{n} question", "{n} questions"),
    "n_actions": ("{n} action", "{n} actions"),
    "n_selections": ("{n} selected", "{n} selected"),
    "n_modules": ("{n} module", "{n} modules"),
    "n_items": ("{n} guidance item", "{n} guidance items"),
    "n_warnings": ("{n} warning", "{n} warnings"),
    "n_summaries_skipped": ("{n} summary skipped", "{n} summaries skipped"),
}

_current = ["en"]


def set_language(lang: str) -> None:
    """Remember the person's language so errors raised deep in the engine speak it too."""
    _current[0] = lang


def current_language() -> str:
    return _current[0]


@cache
def strings(lang: str) -> dict[str, str]:
    """The interface strings in `lang`, English where a string is not translated."""
    from safetycheck.i18n.catalogue import translation

    catalogue = translation(lang)
    return {key: catalogue.pgettext(key, english) for key, english in EN.items()}


def tr(key: str, /, **params: object) -> str:
    """One interface string in the current language, filled in."""
    return strings(current_language())[key].format(**params)


def plural(key: str, n: int, lang: str) -> str:
    """The counted phrase `key` for n in `lang`, before its placeholders are filled in."""
    from safetycheck.i18n.catalogue import translation

    one, other = EN_PLURALS[key]
    return translation(lang).npgettext(key, one, other, n)


def ntr(key: str, n: int, /, **params: object) -> str:
    """A counted phrase in the current language ("1 участник", "2 участника", "5 участников")."""
    return plural(key, n, current_language()).format(n=n, **params)
