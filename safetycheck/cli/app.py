"""The command line: wires options to the engine. Heavy libraries are imported inside commands,
so `safetycheck --help` stays fast (see bench/)."""

from __future__ import annotations

import sys

import typer

from safetycheck import __version__
from safetycheck.cli.boundary import guarded, stdin_is_tty
from safetycheck.cli.check import (
    AnonymousSummaryOption,
    ClearOption,
    ForceOption,
    LangOption,
    PackOption,
    PassphraseFileOption,
    SaveOption,
    check,
)
from safetycheck.cli.content import about, guide, list_modules, schema, template, validate
from safetycheck.cli.helptext import H
from safetycheck.cli.saves import compare, open_save
from safetycheck.cli.workshop import worksheet, workshop_app

app = typer.Typer(
    name="safetycheck",
    help=H["app_help"],
    add_completion=False,
    no_args_is_help=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", help=H["opt_version"]),
    lang: LangOption = None,
    pack: PackOption = None,
    save: SaveOption = None,
    anonymous_summary: AnonymousSummaryOption = None,
    clear: ClearOption = False,
    passphrase_file: PassphraseFileOption = None,
    force: ForceOption = False,
) -> None:
    """Check how exposed you are and get a prioritised plan. Run with no command for a guided session."""
    if version:
        typer.echo(f"safetycheck {__version__}")
        raise typer.Exit(0)
    if ctx.invoked_subcommand is not None:
        return
    if stdin_is_tty():
        from safetycheck.cli.guided import run_guided

        guarded(run_guided)(lang=lang, pack=pack, save=save, anonymous_summary=anonymous_summary, clear=clear,
                            passphrase_file=passphrase_file, force=force)
        return
    typer.echo(ctx.get_help())


app.command("check", help=H["cmd_check"])(check)
app.command("open", help=H["cmd_open"])(open_save)
app.command("compare", help=H["cmd_compare"])(compare)
app.command("template", help=H["cmd_template"])(template)
app.command("list", help=H["cmd_list"])(list_modules)
app.command("guide", help=H["cmd_guide"])(guide)
app.command("validate", help=H["cmd_validate"])(validate)
app.command("schema", help=H["cmd_schema"])(schema)
app.command("about", help=H["cmd_about"])(about)
app.command("worksheet", help=H["cmd_worksheet"])(worksheet)
app.add_typer(workshop_app, name="workshop")


def main(argv: list[str] | None = None) -> None:
    """The entry point. Not standalone, so usage errors come back to us and print as one line, in the
    person's language (cli/chrome.py)."""
    from safetycheck.cli.boundary import EXIT_INTERRUPTED, stopped_message, usage_error
    from safetycheck.cli.chrome import localize_help
    from safetycheck.cli.console import use_utf8_when_redirected

    use_utf8_when_redirected()
    args = sys.argv[1:] if argv is None else argv
    if not args or {"-h", "--help"} & set(args) or args[-1] == "workshop":
        localize_help()  # only when help may be drawn: it loads Rich (~60 ms)
    # click's ClickException, vendored by Typer 0.28 and imported from click before: found by name.
    usage_errors = tuple(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
    try:
        code = typer.main.get_command(app).main(args=args, prog_name="safetycheck", standalone_mode=False)
    except usage_errors as exc:
        code = usage_error(exc)
    except (KeyboardInterrupt, typer.Abort):  # Ctrl-C outside a command (e.g. while Typer parses)
        sys.stderr.write(f"\n{stopped_message()}\n")
        code = EXIT_INTERRUPTED
    except BrokenPipeError:  # `safetycheck guide | head`: the reader left; nothing more to say
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the exit flush cannot fail
        code = 1
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
