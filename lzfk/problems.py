"""Problems are data (STYLE.md §3): a code, a severity, where it is, and a Chinese message.

Every problem lzfk can report is in ``CATALOGUE`` with its message template; the rest of
the code creates problems with :func:`problem` and never writes messages inline.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from lzfk.vocab import Severity

E, W = Severity.ERROR, Severity.WARNING

# code -> (severity, message template). Templates may use {file} {sheet} {cell} {field} {value} {detail}.
CATALOGUE: dict[str, tuple[Severity, str]] = {
    # file unreadable (exit code 3)
    "file-not-found": (E, "找不到文件：{file}"),
    "not-a-spreadsheet": (E, "{file} 不是电子表格文件（支持 .xlsx .xlsm .xls .ods .et）{detail}"),
    "truncated-file": (E, "{file} 文件已损坏或不完整，无法读取{detail}"),
    "too-long": (E, "{file}「{sheet}」{cell} 内容达到电子表格单元格的上限（32767 字），超出的部分已被截掉，不能作为台账内容：请检查该单元格"),
    "encrypted": (E, "{file} 设有打开密码（已加密），无法读取：请在 Excel/WPS 中取消密码后保存，再导入{detail}"),
    "too-large": (E, "{file} 超出安全上限，拒绝读取：{detail}"),
    # content of a form (exit code 1)
    "unknown-form": (E, "{file} 中没有可识别的表格（未找到标题或“风险点”“权力名称”等表头）{detail}"),
    "missing-header": (E, "{file}「{sheet}」未找到表头行（应包含“风险点”等列）"),
    "missing-value": (E, "{file}「{sheet}」{cell}「{field}」未填写"),
    "unknown-level": (E, "{file}「{sheet}」{cell}「{field}」无法识别：“{value}”（应为 Ⅰ级/Ⅱ级/Ⅲ级、一级/二级/三级 或 高/中/低）"),
    "unknown-grade": (E, "{file}「{sheet}」{cell}「{field}」无法识别：“{value}”（应为 A/B/C 或 高/中/低）"),
    "unknown-type": (E, "{file}「{sheet}」{cell}「{field}」无法识别：“{value}”（应为 思想道德、岗位职责、制度机制、业务流程 或 外部环境风险）"),
    "unknown-value": (E, "{file}「{sheet}」{cell}「{field}」无法识别：“{value}”{detail}"),
    "no-deadline": (W, "{file}「{sheet}」{cell}「{field}」“{value}”不是具体日期，按长期执行、无固定完成时限记录"),
    "bad-date": (E, "{file}「{sheet}」{cell}「{field}」不是有效日期：“{value}”（可写 2011年6月30日、2011.6.30 或 2011-06-30）"),
    "duplicate-risk": (W, "{file}「{sheet}」{cell} 风险点“{value}”在同一岗位中重复出现，已合并"),
    "unit-assumed": (W, "{file}「{sheet}」表格未填写单位，已归入“{value}”（{detail}）；如不对请用 --unit 指定"),
    "incomplete": (W, "{file}「{sheet}」{cell}「{field}」未填写，导入后需要补充"),
    "unknown-column": (W, "{file}「{sheet}」{cell} 表头“{value}”无法识别，该列未导入{detail}"),
    "no-measures-column": (W, "{file}「{sheet}」没有“防控措施”列，导入的风险点都没有防控措施（若措施写在别的列名下，请改用“防控措施”）"),
    "empty-form": (W, "{file}「{sheet}」表格未填写任何风险点或权力事项"),
    "conflict": (E, "{file}「{sheet}」{cell} {field}“{value}”在台账中已存在且内容不同（{detail}）；如需覆盖请用 --on-conflict update，跳过请用 --on-conflict skip"),
    "not-listed": (W, "{file}「{sheet}」岗位“{field}”的表格不再列出此前由它导入的风险点 {value}：导入不会删除它们，如已不存在请在台账中删除"),
    "conflict-skipped": (W, "{file}「{sheet}」{cell} {field}“{value}”与台账不同，按 --on-conflict skip 保留台账内容（{detail}）"),
    "conflict-updated": (W, "{file}「{sheet}」{cell} {field}“{value}”与台账不同，按 --on-conflict update 以表格为准（{detail}）"),
    # register checks (lzfk check)
    "register-unreadable": (E, "台账文件 {file} 无法读取：{detail}"),
    "register-invalid": (E, "台账文件 {file} 中 {field} 不符合格式：{detail}"),
    "duplicate-id": (E, "台账中编号 {value} 重复出现（{file}）"),
    "dangling-reference": (E, "{file} 中 {field} 引用了不存在的编号 {value}"),
    "traditional-script": (W, "{file} 中 {field} 含繁体字：“{value}”；导入时表格一律转为简体，同一表格再导入会与之冲突，请改为“{detail}”"),
    "missing-field": (W, "{file} 中 {field} 未填写（{value}）"),
    "possible-duplicate": (W, "{value} 同时出现在 {detail} 两个部门，可能是同一岗位登记了两次（如先导入时未填科室）；请核对后删除多余的记录（{file}）"),
    "rank-only-grading": (W, "台账中风险等级与岗位层级完全对应，疑似仅按职务级别高低定级（如领导一律一级、一般岗位一律三级）；风险等级应综合岗位职权、发生可能性和危害程度评定{detail}"),
}


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (or worth a warning) in an input file or a register."""

    code: str
    severity: Severity
    file: str | None
    sheet: str | None
    cell: str | None
    field: str | None
    value: str | None
    message: str

    def to_dict(self) -> dict[str, str | None]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


def problem(
    code: str,
    *,
    file: str | None = None,
    sheet: str | None = None,
    cell: str | None = None,
    field: str | None = None,
    value: object = None,
    detail: str = "",
) -> Problem:
    """Build the catalogued problem ``code`` with its Chinese message filled in."""
    severity, template = CATALOGUE[code]
    text = None if value is None else str(value)
    if text is not None and len(text) > 80:
        text = text[:77] + "…"
    shown = (text or "").replace("\r\n", "↵").replace("\n", "↵").replace("\r", "↵")  # one message, one line
    message = template.format(
        file=file or "", sheet=sheet or "", cell=cell or "", field=field or "", value=shown, detail=detail
    )
    message = message.replace("「」", "")
    if not cell:
        message = message.replace("」 ", "」", 1)  # 「Sheet1」 部门… without its cell
    return Problem(code, severity, file, sheet, cell, field, text, message)


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)


def cell_name(row: int, col: int) -> str:
    """Zero-based (row, col) → ``"E4"``."""
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row + 1}"
