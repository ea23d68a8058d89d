"""Chinese for the words typer and click print themselves (help headings, usage errors).

typer routes its headings through gettext, so they are translated by replacing its ``_``;
click's usage errors are plain f-strings, so ``UsageError.show`` is replaced by one that
says the same in Chinese. Exit code 2 for usage errors is kept.
"""

from __future__ import annotations

import re
import sys

_WORDS = {
    "Arguments": "参数",
    "Options": "选项",
    "Commands": "命令",
    "required": "必填",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "(dynamic)": "（动态）",
    "Missing command.": "缺少命令。",
    "No such command {name!r}.": "没有命令 {name!r}。",
    "Aborted!": "已中止。",
}

_HELP_TEXT = "显示本帮助并退出。"
_USAGE_PREFIX = "用法："
_USAGE_WORDS = (("[OPTIONS]", "[选项]"), ("COMMAND", "命令"), ("[ARGS]", "[参数]"))
# typer shows each parameter's type after it (``<path>``); choices (``<table|json>``) stay.
_TYPE_WORDS = {"<path>": "<路径>", "<list[Path]>": "<路径>", "<str>": "<文字>", "<int>": "<整数>", "<float>": "<数>",
               "<bool>": "<是/否>"}


def _translate(message: str) -> str:
    return _WORDS.get(message, message)


def _hint(exc) -> str:
    """How click names the parameter: '--into' / '-i', or the argument's name."""
    if isinstance(exc.param_hint, str):
        return exc.param_hint
    if exc.param_hint:
        return " / ".join(f"'{h}'" for h in exc.param_hint)
    return f"'{exc.param.opts[0]}'" if exc.param is not None and exc.param.opts else ""


def _argument_name(param) -> str | None:
    """An argument by its Chinese name (its metavar: “类别”, “表格或文件夹”), not click's 'kind'."""
    if param is not None and param.param_type_name == "argument" and param.metavar:
        return f"“{param.metavar.strip('{}.')}”"
    return None


def _message(exc) -> str:
    """The error in Chinese, by kind; unknown kinds keep click's text after 用法错误."""
    from typer._click import exceptions as ex

    if isinstance(exc, ex.MissingParameter):
        hint = _argument_name(exc.param) or _hint(exc)
        if not hint and exc.param is not None:
            hint = exc.param.name or ""
        is_option = exc.param_type == "option" or hint.lstrip("'").startswith("-")
        return f"缺少必填的{'选项' if is_option else '参数'} {hint}。"
    if isinstance(exc, ex.NoSuchOption):
        text = f"没有这个选项：{exc.option_name}。"
        if exc.possibilities:
            text += "是不是要用：" + "、".join(sorted(exc.possibilities)) + "？"
        return text
    if isinstance(exc, ex.BadParameter):
        hint = _argument_name(exc.param) or _hint(exc)
        detail = re.sub(r"^Value error, ", "", str(exc.message))
        m = re.match(r"^'?(.*?)'? is not one of (.*)\.$", detail)
        if m:
            choices = "、".join(c.strip(" '") for c in m.group(2).split(","))
            detail = f"“{m.group(1)}”不是可选值（可选：{choices}）"
        elif "does not exist" in detail:
            detail = "路径不存在"
        return f"{hint} 的值无效：{detail}。"
    text = str(exc.format_message())
    m = re.match(r"^Got unexpected extra argument(?:s|\(s\))? \((.*)\)$", text)
    if m:
        return f"多余的参数：{m.group(1)}。"
    m = re.match(r"^Option '(.*)' requires (?:an argument|(\d+) arguments)\.$", text)
    if m:
        return f"选项 {m.group(1)} 后面要跟{m.group(2) + ' 个' if m.group(2) else '一个'}值。"
    m = re.match(r"^Option '(.*)' does not take a value\.$", text)
    if m:
        return f"选项 {m.group(1)} 不带值。"
    return f"用法错误：{text}"


def _show_usage_error(self, file=None) -> None:
    out = file if file is not None else sys.stderr
    if self.ctx is not None and self.__class__.__name__ == "NoArgsIsHelpError":
        out.write(self.ctx.get_help() + "\n")
        return
    if self.ctx is not None:
        out.write(self.ctx.get_usage() + "\n")
        out.write(f"用 {self.ctx.command_path} --help 查看说明和示例。\n")
    else:  # raised while parsing, before a command's context exists
        out.write("用 lzfk --help 或 lzfk 命令 --help 查看说明和示例。\n")
    out.write(f"错误：{_message(self)}\n")


def apply() -> None:
    """Install the translations; with a typer whose internals differ, keep its English."""
    try:
        _apply()
    except (ImportError, AttributeError):  # typer without the vendored click of 0.2x
        pass


def _apply() -> None:
    import typer.core
    from typer._click import decorators, exceptions, formatting

    typer.core._ = _translate
    original_write_usage = formatting.HelpFormatter.write_usage

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english, chinese in _USAGE_WORDS:
            args = args.replace(english, chinese)
        original_write_usage(self, prog, args, _USAGE_PREFIX if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = write_usage
    original_help_option = decorators.help_option

    def help_option(*args, **kwargs):
        decorate = original_help_option(*args, **kwargs)

        def apply_to(command):
            result = decorate(command)
            command.params[-1].help = _HELP_TEXT  # the option just added
            return result

        return apply_to

    decorators.help_option = help_option
    exceptions.UsageError.show = _show_usage_error
    original_display_type = typer.core._TyperParameter.display_type

    def display_type(self, ctx) -> str:
        label = original_display_type(self, ctx)
        return _TYPE_WORDS.get(label, label)

    typer.core._TyperParameter.display_type = display_type
    formatting.term_len = _display_width  # columns line up under Chinese option names


def _display_width(text: str) -> int:
    """Terminal columns ``text`` takes: Chinese characters take two."""
    import unicodedata

    from typer._click._compat import strip_ansi

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in strip_ansi(text))
