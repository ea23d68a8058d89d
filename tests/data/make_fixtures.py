"""Write the fixture workbooks that tests/test_import_forms.py and tests/test_bad_input.py read.

Run from the repository root:

    /tmp/venv/bin/python tests/data/make_fixtures.py

The workbooks are committed; this script documents how they were made and re-makes them.
It needs openpyxl and LibreOffice (``soffice``) — nothing from ``lzfk``: the point of these
fixtures is that they are *filled forms that lzfk did not generate*. Each one is laid out
the way a unit would make it from the seeds' descriptions (seed 000 registers, seed 001
附件2–4, seed 002 附件2–4, published consolidated registers), and no two share a template:
title rows, ``标签`` + value cells or ``标签：值`` in one cell, review blocks at the bottom,
notes (注：此表一式三份…), merged cells, traditional script, full-width digits and spaces,
headers broken over two lines, every way of numbering measures inside one cell, many
spellings of levels and dates.

``forms/NAME.xlsx`` is written by openpyxl; ``forms/NAME.xls`` (and ``forms/*.ods``,
``forms/*-lo.xlsx``) by LibreOffice from it (``soffice --headless --convert-to …``), so a
real spreadsheet program wrote those. Each builder's docstring says what lzfk should read
from the form; the tests hold the same expectations as data.

Output is deterministic where the writer allows: openpyxl's zips are rewritten with fixed
timestamps. LibreOffice stamps its own files with the conversion time, so the .xls/.ods
bytes change on every run while their content does not.

``bad/`` holds one tiny workbook per refusal the importer must make (see
tests/test_bad_input.py), including a zip bomb written with ``zipfile`` streaming: its
sheet XML expands to ~300 MB but the file stays ~0.6 MB, so it is committed too.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
FORMS = HERE / "forms"
BAD = HERE / "bad"

FIXED_ZIP_TIME = (2011, 6, 30, 9, 0, 0)
FIXED_ISO = "2011-06-30T09:00:00Z"
EXCEL_EPOCH = dt.date(1899, 12, 30)

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="center")
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)


def serial(day: dt.date) -> int:
    """The Excel serial number of a day (1900 date system), as a plain number cell."""
    return (day - EXCEL_EPOCH).days


# --- a small sheet builder -------------------------------------------------------------


class Sheet:
    """Thin helper over an openpyxl worksheet: rows, merges, borders, widths."""

    def __init__(self, wb: Workbook, title: str, widths: list[int]):
        self.ws = wb.active  # every fixture is a one-sheet workbook
        self.ws.title = title
        for i, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = width

    def title(self, row: int, text: str, last_col: int, size: int = 16) -> None:
        cell = self.ws.cell(row=row, column=1, value=text)
        cell.font = Font(name="宋体", size=size, bold=True)
        cell.alignment = CENTRE
        if last_col > 1:
            self.ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_col)
        self.ws.row_dimensions[row].height = 30

    def put(self, ref: str, value: object, *, merge_to: str | None = None, box: bool = True,
            bold: bool = False, as_text: bool = False) -> None:
        cell = self.ws[ref]
        cell.value = value
        if as_text:
            # A string that starts with "=" is a formula to openpyxl; force it to stay text.
            cell.data_type = "s"
        cell.alignment = WRAP
        if bold:
            cell.font = Font(bold=True)
        if merge_to:
            self.ws.merge_cells(f"{ref}:{merge_to}")
        if box:
            rng = self.ws[f"{ref}:{merge_to}"] if merge_to else ((cell,),)
            for line in rng:
                for c in line:
                    c.border = BOX

    def row(self, row: int, values: list[object], *, start_col: int = 1, bold: bool = False) -> None:
        for offset, value in enumerate(values):
            if value is None:
                continue
            ref = f"{get_column_letter(start_col + offset)}{row}"
            self.put(ref, value, bold=bold)
        # draw the box over the whole row, blanks included
        for offset in range(len(values)):
            self.ws.cell(row=row, column=start_col + offset).border = BOX

    def plain(self, ref: str, value: object, *, merge_to: str | None = None) -> None:
        """A cell outside the table (note, attachment number): no border."""
        self.put(ref, value, merge_to=merge_to, box=False)


def new_workbook() -> Workbook:
    wb = Workbook()
    wb.properties.creator = "某单位纪检监察室"
    wb.properties.created = dt.datetime(2011, 6, 30, 9, 0, 0)
    return wb


def save(wb: Workbook, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    normalise_zip(path)


def normalise_zip(path: Path) -> None:
    """Rewrite an openpyxl zip with fixed entry times and document dates (byte-stable output)."""
    with zipfile.ZipFile(path) as zin:
        entries = [(info.filename, zin.read(info.filename)) for info in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)",
                              rb"\g<1>" + FIXED_ISO.encode() + rb"\g<2>", data)
            info = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zout.writestr(info, data)


# --- the forms ---------------------------------------------------------------------------
# Every builder returns (file stem, workbook). Expected results are in the docstrings.


def leader() -> tuple[str, Workbook]:
    """领导岗位廉政风险识别和防控表 (seed 001 附件2): label cell + value cell header block.

    Expect: form leader; unit 某区政府办公室; department 领导班子 (the form names none);
    position 副主任, tier leader, grade A, holder 王某, oversees 财务、后勤.
    5 risk points (rows 7, 8, 10, 11, 12). Rows 7–8 come before the “三重一大”方面 section row
    (row 9) and are NOT flagged; rows 10–12 are flagged: 资金 -> funds, 人事/任免 -> personnel,
    no hint -> general. Levels Ⅱ Ⅲ Ⅰ Ⅰ Ⅱ; measures 2 2 2 1 1 (styles "1." "1、" "1．").
    Reviews: leadership 同意 2011-06-28; discipline 同意，报区纪委备案 2011.6.30.
    """
    wb = new_workbook()
    s = Sheet(wb, "领导岗位", [34, 16, 12, 48])
    s.plain("A1", "附件2")
    s.title(2, "领导岗位廉政风险识别和防控表", 4)
    s.plain("A3", "单位（盖章）：某区政府办公室", merge_to="D3")
    s.row(4, ["姓　名", "王某", "职　务", "副主任"])
    s.row(5, ["岗位风险等级", "A", "分管工作", "财务、后勤"])
    s.row(6, ["风险点", "风险类型", "风险级别", "防控措施"], bold=True)
    s.row(7, ["审批公务接待费用时把关不严", "岗位职责风险", "Ⅱ级",
              "1.严格执行公务接待标准；2.接待费用每季度公开"])
    s.row(8, ["放松政治理论学习，廉洁自律意识淡化", "思想道德风险", "Ⅲ级",
              "1、参加中心组理论学习；2、每年述职述廉"])
    s.put("A9", "“三重一大”方面", merge_to="D9", bold=True)
    s.row(10, ["大额资金使用未经集体研究", "制度机制风险", "Ⅰ级",
               "1．大额资金使用提交主任办公会集体研究；2．资金使用情况向纪检组报备"])
    s.row(11, ["重要人事任免中个人说了算", "岗位职责风险", "Ⅰ级", "严格执行干部任用条例，任免事项集体讨论"])
    s.row(12, ["议事时不充分发扬民主，搞一言堂", "制度机制风险", "Ⅱ级", "严格执行议事规则"])
    s.put("A13", "单位领导小组审查意见")
    s.put("B13", "同意", merge_to="C13")
    s.put("D13", "2011年6月28日")
    s.put("A14", "所在派驻纪检组、监察室审核意见")
    s.put("B14", "同意，报区纪委备案", merge_to="C14")
    s.put("D14", "2011.6.30")
    s.plain("A15", "注：此表一式三份，于6月底前报区纪委。", merge_to="D15")
    return "leader", wb


def middle() -> tuple[str, Workbook]:
    """中层岗位廉政风险识别和防控表 (seed 001 附件3): ``标签：值`` cells, two-line headers.

    Expect: form middle; unit 某区政府办公室; department 综合科 (科室 field); title 科长 (职务
    given); holder 李某; tier middle; grade B; duties and work flow merged over rows 5–7.
    3 points rows 5/6/7: I级/II级/III级 -> I/II/III; types 岗位职责/制度机制/思想道德 (written
    without 风险) -> duty/institution/moral; measures 2/2/2 in styles ① (1) （1）.
    Reviews: supervisor 同意 2011-06-25 (签字：赵某); leadership 同意 2011-06-28; discipline empty.
    """
    wb = new_workbook()
    s = Sheet(wb, "Sheet1", [6, 22, 22, 26, 12, 10, 40])
    s.title(1, "中层岗位廉政风险识别和防控表", 7)
    s.plain("A2", "单位（盖章）：某区政府办公室", merge_to="D2")
    s.put("A3", "科室：综合科", merge_to="B3")
    s.put("C3", "科室负责人：李某")
    s.put("D3", "职务：科长")
    s.put("E3", "岗位风险等级：B", merge_to="G3")
    s.row(4, ["序号", "岗位\n职责", "工作\n流程", "风险点", "风险\n类型", "风险\n级别", "防控措施"], bold=True)
    s.row(5, [1, None, None, "办公用品采购中收受回扣", "岗位职责", "I级",
              "①实行三家以上询价比价；②采购与验收分人负责"])
    s.row(6, [2, None, None, "会议费用报销审核不严", "制度机制", "II级",
              "(1)严格执行会议费管理办法；(2)报销单据经分管主任签字"])
    s.row(7, [3, None, None, "与服务商交往过密", "思想道德", "III级",
              "（1）不参加服务商安排的宴请；（2）定期开展廉政谈话"])
    s.put("B5", "负责文电处理、会务安排和办公用品采购", merge_to="B7")
    s.put("C5", "提出需求→询价比价→分管主任审批→采购验收", merge_to="C7")
    s.put("A8", "单位主管领导审查意见", merge_to="C8")
    s.put("D8", "同意", merge_to="E8")
    s.put("F8", "签字：赵某")
    s.put("G8", "2011-06-25")
    s.put("A9", "单位领导小组审查意见", merge_to="C9")
    s.put("D9", "同意", merge_to="E9")
    s.put("F9", None)
    s.put("G9", "2011年6月28日")
    s.put("A10", "所在派驻纪检组、监察室审核意见", merge_to="C10")
    s.put("D10", None, merge_to="E10")
    s.put("F10", None)
    s.put("G10", "年　月　日")
    s.plain("A11", "注：此表一式三份，于6月底前报区纪委。", merge_to="G11")
    return "middle", wb


def general() -> tuple[str, Workbook]:
    """一般岗位廉政风险识别和防控表 (seed 001 附件4): label cell + value cell, merged duties.

    Expect: form general; unit 某区政府办公室; 所在科室及职务 秘书科科员 -> department 秘书科,
    title 科员; holder 张某; tier general; grade C; duties/flow merged over rows 6–7.
    2 points rows 6/7: 二级/三级 -> II/III; duty/moral; measures 2 (full-width "１.") / 1.
    Reviews: supervisor 同意 2011.6.25; leadership 同意 Excel serial 40724 (= 2011-06-30);
    discipline empty.
    """
    wb = new_workbook()
    s = Sheet(wb, "一般岗位", [24, 22, 24, 16, 12, 36])
    s.plain("A1", "附件4")
    s.title(2, "一般岗位廉政风险识别和防控表", 6)
    s.put("A3", "单位（盖章）")
    s.put("B3", "某区政府办公室", merge_to="C3")
    s.row(4, ["姓名", "张某", "所在科室及职务", "秘书科科员", "岗位风险等级", "C"])
    s.row(5, ["岗位职责", "工作流程", "风险点", "风险类型", "风险级别", "防控措施"], bold=True)
    s.row(6, [None, None, "违规使用公章", "岗位职责风险", "二级", "１.用印实行登记审批；２.印章专柜保管"])
    s.row(7, [None, None, "泄露未公开文件内容", "思想道德风险", "三级", "加强保密教育"])
    s.put("A6", "负责公文收发、印章管理", merge_to="A7")
    s.put("B6", "登记→审批→用印→归档", merge_to="B7")
    s.put("A8", "单位主管领导审查意见")
    s.put("B8", "同意", merge_to="D8")
    s.put("E8", "2011.6.25", merge_to="F8")
    s.put("A9", "单位领导小组审查意见")
    s.put("B9", "同意", merge_to="D9")
    s.put("E9", serial(dt.date(2011, 6, 30)), merge_to="F9")
    s.put("A10", "所在派驻纪检组、监察室审核意见")
    s.put("B10", None, merge_to="D10")
    s.put("E10", "年  月  日", merge_to="F10")
    s.plain("A11", "注：此表一式三份，务于6月底前报区纪委及所在派驻纪检组、监察室。", merge_to="F11")
    return "general", wb


def general_trad() -> tuple[str, Workbook]:
    """一般崗位廉政風險識別和防控表 — the general form in traditional script, ``標籤：值`` cells.

    Expect (simplified): form general; unit 某区政府办公室; 所在科室及职务 "綜合科 科員" ->
    department 综合科, title 科员; holder 赵某 (label 姓　名 with an ideographic space);
    tier general; grade B; duties 负责车辆调度和维修管理, flow 用车申请→审批→派车→登记
    (merged rows 5–7). 3 points rows 5/6/7: Ⅰ級/Ⅱ級/Ⅲ級 -> I/II/III;
    崗位職責風險/制度機制風險/思想道德風險 -> duty/institution/moral; measures 2/2/1.
    Reviews: supervisor 同意 2011年6月30日; leadership 同意 2011-06-30; discipline empty.
    """
    wb = new_workbook()
    s = Sheet(wb, "綜合科", [6, 22, 22, 20, 14, 10, 38])
    s.title(1, "一般崗位廉政風險識別和防控表", 7)
    s.plain("A2", "單位（蓋章）：某區政府辦公室", merge_to="G2")
    s.put("A3", "姓　名：趙某", merge_to="B3")
    s.put("C3", "所在科室及職務：綜合科 科員", merge_to="E3")
    s.put("F3", "崗位風險等級：B", merge_to="G3")
    s.row(4, ["序號", "崗位職責", "工作流程", "風險點", "風險\n類型", "風險\n級別", "防控措施"], bold=True)
    s.row(5, [1, None, None, "車輛維修虛報費用", "崗位職責風險", "Ⅰ級", "1.維修實行定點採購；2.維修費用每月公示"])
    s.row(6, [2, None, None, "公車私用", "制度機制風險", "Ⅱ級", "（1）嚴格執行派車登記制度；（2）車輛安裝定位系統"])
    s.row(7, [3, None, None, "接受維修廠吃請", "思想道德風險", "Ⅲ級", "簽訂廉潔承諾書"])
    s.put("B5", "負責車輛調度和維修管理", merge_to="B7")
    s.put("C5", "用車申請→審批→派車→登記", merge_to="C7")
    s.put("A8", "單位主管領導審查意見", merge_to="C8")
    s.put("D8", "同意", merge_to="F8")
    s.put("G8", "2011年6月30日")
    s.put("A9", "單位領導小組審查意見", merge_to="C9")
    s.put("D9", "同意", merge_to="F9")
    s.put("G9", "2011-06-30")
    s.put("A10", "所在派駐紀檢組、監察室審核意見", merge_to="C10")
    s.put("D10", None, merge_to="F10")
    s.put("G10", "年　月　日")
    s.plain("A11", "注：此表一式三份，務於6月底前報區紀委。", merge_to="G11")
    return "general_trad", wb


def personal_register() -> tuple[str, Workbook]:
    """個人崗位廉政風險防控登記表 (seed 000, traditional script like the seed).

    Expect (simplified): form personal_register; unit 某国营公司; department 财务部;
    position 出纳; holder 吴某; tier and grade not given (null). 3 points rows 5/6/7:
    1級/２級/三級 -> I/II/III; duty/institution/external; manifestations given;
    measures 2 ("1、") / 1 / 2 ("①"), owner 吴某 each, deadlines 2012-12-31 / 2012-09-30
    (2012.9.30) / 2012-12-31 (serial 41274).
    Reviews on the position: department 同意 2012-07-05; supervisor 同意 2012-07-10.
    """
    wb = new_workbook()
    s = Sheet(wb, "個人登記表", [6, 14, 24, 16, 10, 36, 10, 16])
    s.title(1, "個人崗位廉政風險防控登記表", 8)
    s.put("A2", "單位", merge_to="B2")
    s.put("C2", "某國營公司", merge_to="H2")
    s.row(3, ["姓　名", None, "吳某", "部門", "財務部", "崗位", "出納", None])
    s.ws.merge_cells("A3:B3")
    s.ws.merge_cells("G3:H3")
    s.row(4, ["序號", "風險點", "風險表現形式", "風險類型", "風險等級", "防控措施", "責任人", "完成時限"], bold=True)
    s.row(5, [1, "現金收付", "挪用公款、白條抵庫", "崗位職責風險", "1級",
              "1、每日核對庫存現金；2、財務負責人不定期盤點", "吳某", "2012年12月31日"])
    s.row(6, [2, "報銷審核", "虛假票據報銷", "制度機制風險", "２級", "嚴格執行報銷審批制度", "吳某", "2012.9.30"])
    s.row(7, [3, "收受好處", "接受往來單位禮品禮金", "外部環境風險", "三級",
              "①簽訂廉潔承諾書；②拒收禮品禮金", "吳某", serial(dt.date(2012, 12, 31))])
    s.put("A8", "部門負責人審核意見", merge_to="C8")
    s.put("D8", "同意", merge_to="F8")
    s.put("G8", "2012年7月5日", merge_to="H8")
    s.put("A9", "單位主管領導審查意見", merge_to="C9")
    s.put("D9", "同意", merge_to="F9")
    s.put("G9", "2012-07-10", merge_to="H9")
    s.plain("A10", "注：此表一式兩份，部門和紀檢監察室各存一份。", merge_to="H10")
    return "personal_register", wb


def department_register() -> tuple[str, Workbook]:
    """部室廉政风险防控登记表 (seed 000), simplified script, label + value cells, no unit.

    Expect: form department_register; unit null; department 财务审计部, head 钱某,
    leader 孙某; points have no position. 3 points rows 4/5/6: levels written 一/二/三 ->
    I/II/III; process/duty/institution (制度机制 without 风险); measures 2 "(1)" / 2 "①" /
    1 ("1." with a single item); owners 钱某/周某/周某; deadlines 2012-12-31 / 2012-11-30 /
    2012-10-31. Department reviews: supervisor 同意 2012-07-10; leadership 同意 2012.7.20.
    """
    wb = new_workbook()
    s = Sheet(wb, "部室登记表", [6, 14, 14, 8, 26, 38, 10, 14])
    s.title(1, "部室廉政风险防控登记表", 8)
    s.row(2, ["部室", "财务审计部", "负责人", "钱某", "分管领导", "孙某"])
    s.row(3, ["序号", "风险点", "风险类型", "风险\n等级", "风险内容及表现形式", "防控措施", "责任人", "完成\n时限"], bold=True)
    s.row(4, [1, "大额资金支付", "业务流程风险", "一", "未按规定审批即支付",
              "(1)大额支付实行双人签批；(2)每月与银行对账", "钱某", "2012-12-31"])
    s.row(5, [2, "审计整改", "岗位职责风险", "二", "审计发现问题整改不到位",
              "①建立整改台账；②整改情况报分管领导", "周某", "2012年11月30日"])
    s.row(6, [3, "费用报销", "制度机制", "三", "报销审核走过场", "1.报销单据实行三级审核", "周某", "2012.10.31"])
    s.put("A7", "单位主管领导审查意见", merge_to="C7")
    s.put("D7", "同意", merge_to="F7")
    s.put("G7", "2012年7月10日", merge_to="H7")
    s.put("A8", "单位领导小组审查意见", merge_to="C8")
    s.put("D8", "同意", merge_to="F8")
    s.put("G8", "2012.7.20", merge_to="H8")
    return "department_register", wb


def personal_selfcheck() -> tuple[str, Workbook]:
    """个人岗位风险点自查表 (seed 002 附件3): label + value cells, 姓　名, two-line headers.

    Expect: form personal_selfcheck; unit null; department 教务处; position 考务管理员;
    holder 刘某; tier/grade null. 3 points rows 5/6/7: 高/中/低 -> I/II/III;
    岗位职责/外部环境/思想道德 -> duty/external/moral; measures 2 ("1.") / 1 (the "3" in
    公示3个工作日 is not a number marker) / 3 ("①②③"). Review: supervisor (主管领导审定意见)
    同意 2023-03-20.
    """
    wb = new_workbook()
    s = Sheet(wb, "自查表", [6, 14, 30, 10, 8, 40])
    s.plain("A1", "附件3")
    s.title(2, "个人岗位风险点自查表", 6)
    s.row(3, ["部门", "教务处", "岗位", "考务管理员", "姓　名", "刘某"])
    s.row(4, ["序号", "风险点", "风险内容及\n表现形式", "风险\n类别", "风险\n等级", "防控措施"], bold=True)
    s.row(5, [1, "考试命题", "泄露试题或为他人透露考试范围", "岗位职责", "高",
              "1.命题人员签订保密承诺；2.试卷由专人保管"])
    s.row(6, [2, "补考安排", "接受学生请托违规安排补考", "外部环境", "中", "补考名单公示3个工作日"])
    s.row(7, [3, "日常学习", "廉洁意识淡薄", "思想道德", "低", "①参加廉政教育；②观看警示教育片；③签订廉洁承诺书"])
    s.put("A8", "主管领导审定意见", merge_to="B8")
    s.put("C8", "同意", merge_to="E8")
    s.put("F8", "2023-03-20")
    s.plain("A9", "注：院级副职领导报党政正职审定，中层干部报主管领导审定，领导签字后报院领导小组办公室审核备案。",
            merge_to="F9")
    return "personal_selfcheck", wb


def department_selfcheck() -> tuple[str, Workbook]:
    """部门岗位风险点自查表 (seed 002 附件4): ``标签：值`` cells, levels written 一级风险 ….

    Expect: form department_selfcheck; unit 某职业学院; department 后勤管理处, head 何某,
    leader 马某; points have no position. 3 points rows 4/5/6: 一级风险/二级风险/三级风险 ->
    I/II/III; process/institution/external; measures 2 ("1.") / 2 ("(1)") / 1; owners
    何某/何某/马某; deadlines 2023-05-15 / 2023-05-15 / none. Department reviews:
    supervisor 同意 2023.5.16; leadership (领导小组审核意见) 同意 serial 45066 (= 2023-05-20).
    """
    wb = new_workbook()
    s = Sheet(wb, "部门自查", [6, 14, 26, 14, 12, 40, 10, 16])
    s.title(1, "部门岗位风险点自查表", 8)
    s.put("A2", "单位：某职业学院", merge_to="B2")
    s.put("C2", "部门名称：后勤管理处", merge_to="D2")
    s.put("E2", "部门负责人：何某", merge_to="F2")
    s.put("G2", "分管领导：马某", merge_to="H2")
    s.row(3, ["序号", "风险点", "风险内容及表现形式", "风险类型", "风险等级", "防控措施", "责任人", "完成时限"], bold=True)
    s.row(4, [1, "物资采购", "化整为零规避公开招标", "业务流程风险", "一级风险",
              "1.采购计划集中审批；2.达到限额一律公开招标", "何某", "2023年5月15日"])
    s.row(5, [2, "维修工程结算", "虚报工程量", "制度机制风险", "二级风险",
              "(1)结算经审计处审核；(2)工程量现场复核", "何某", "2023-05-15"])
    s.row(6, [3, "食堂承包", "接受承包商宴请", "外部环境风险", "三级风险", "签订廉洁协议", "马某", None])
    s.put("A7", "主管领导审定意见", merge_to="C7")
    s.put("D7", "同意", merge_to="F7")
    s.put("G7", "2023.5.16", merge_to="H7")
    s.put("A8", "领导小组审核意见", merge_to="C8")
    s.put("D8", "同意", merge_to="F8")
    s.put("G8", serial(dt.date(2023, 5, 20)), merge_to="H8")
    return "department_selfcheck", wb


def power_list() -> tuple[str, Workbook]:
    """部门权力清单 (seed 002 附件2): label + value cells, flows with → and ->.

    Expect: form power_list; unit 某职业学院; department 财务处; 3 powers:
    经费报销审核 (财务, 会计, flow 受理/审核/审批/支付), 国有资产处置 (资产处置, 资产管理员,
    申请/鉴定/审批/处置), 大额资金支付 (财务, 处长, 提出/集体研究/签批/支付); legal bases as
    written. No risk points. Department review: supervisor 同意 2023年3月10日.
    """
    wb = new_workbook()
    s = Sheet(wb, "权力清单", [6, 16, 10, 26, 12, 34, 30])
    s.plain("A1", "附件2")
    s.title(2, "部门权力清单", 7)
    s.row(3, ["单位", "某职业学院", "部门", "财务处"])
    s.row(4, ["序号", "权力\n名称", "权力类别", "权力内容", "行使\n岗位", "法规依据", "运行流程"], bold=True)
    s.row(5, [1, "经费报销审核", "财务", "审核各部门经费报销单据", "会计", "《中华人民共和国会计法》",
              "受理→审核→审批→支付"])
    s.row(6, [2, "国有资产处置", "资产处置", "报废资产的鉴定与处置", "资产管理员", "《行政事业性国有资产管理条例》",
              "申请->鉴定->审批->处置"])
    s.row(7, [3, "大额资金支付", "财务", "50万元以上资金支付审批", "处长", "学校“三重一大”决策制度实施办法",
              "提出→集体研究→签批→支付"])
    s.put("A8", "主管领导审定意见", merge_to="B8")
    s.put("C8", "同意", merge_to="E8")
    s.put("F8", "2023年3月10日", merge_to="G8")
    return "power_list", wb


def consolidated() -> tuple[str, Workbook]:
    """廉政风险点台账 — the published consolidated register, merged 单位/科室 and people.

    Columns 序号 | 单位/科室 | 岗位 | 风险类别 | 风险点 | 廉政风险主要内容及表现形式 | 风险等级 |
    防控措施 | 部门负责人 | 责任领导. 单位/科室 merged B4:B6 (工程科) and B7:B8 (财务科);
    部门负责人 merged I4:I6 (陈某) and I7:I8 (黄某); 责任领导 merged J4:J8 (林某).

    Expect: form consolidated; unit 市政工程管理中心; departments 工程科 (head 陈某, leader 林某)
    and 财务科 (黄某, 林某); positions 项目负责人, 施工员 (two points share it) in 工程科 and
    会计, 出纳 in 财务科, no holders, no tier or grade. 5 points rows 4–8: 高风险/中风险/低风险/
    高/低 -> I/II/III/I/III; duty/process/moral/institution/duty; measures 2/2/1/2/2.
    Row 7's manifestation is the text ``=HYPERLINK("x","y")`` stored as a string: it must be
    kept as text, never evaluated.
    """
    wb = new_workbook()
    s = Sheet(wb, "台账", [6, 10, 12, 12, 14, 28, 8, 40, 8, 8])
    s.title(1, "市政工程管理中心廉政风险点台账", 10)
    s.plain("A2", "单位：市政工程管理中心", merge_to="E2")
    s.row(3, ["序号", "单位/科室", "岗位", "风险\n类别", "风险点", "廉政风险主要内容及表现形式", "风险\n等级",
              "防控措施", "部门\n负责人", "责任\n领导"], bold=True)
    s.row(4, [1, None, "项目负责人", "岗位职责风险", "工程变更审核", "虚增工程量，变更不经集体研究", "高风险",
              "1.变更实行三方会签；2.重大变更集体研究", None, None])
    s.row(5, [2, None, "施工员", "业务流程风险", "隐蔽工程验收", "验收走过场，以次充好", "中风险",
              "①隐蔽工程验收留存影像资料；②监理同步签字确认", None, None])
    s.row(6, [3, None, "施工员", "思想道德风险", "与施工方交往", "接受施工方宴请、礼品", "低风险",
              "签订廉洁承诺书", None, None])
    s.row(7, [4, None, "会计", "制度机制风险", "工程款支付", None, "高",
              "（1）工程款支付实行双人签批；（2）按合同节点支付", None, None])
    s.put("F7", '=HYPERLINK("x","y")', as_text=True)
    s.row(8, [5, None, "出纳", "岗位职责风险", "现金管理", "坐支现金、公款私存", "低",
              "1、每日盘点库存现金；2、不定期抽查", None, None])
    s.put("B4", "工程科", merge_to="B6")
    s.put("B7", "财务科", merge_to="B8")
    s.put("I4", "陈某", merge_to="I6")
    s.put("I7", "黄某", merge_to="I8")
    s.put("J4", "林某", merge_to="J8")
    s.plain("A9", "注：风险等级分高、中、低三级。", merge_to="J9")
    return "consolidated", wb


def consolidated_optional() -> tuple[str, Workbook]:
    """廉政风险点一览表 — a consolidated variant with the optional columns and no 岗位 column.

    Columns 序号 | 科室 | 风险点 | 风险表现形式 | 风险类型 | 三重一大 | 发生可能性 | 危害程度 | 后果 |
    人财物支配权 | 风险等级 | 防控措施 | 部门负责人 | 责任领导; 科室 and 部门负责人 merged per
    department, 责任领导 merged over all rows.

    Expect: form consolidated; unit 某县交通运输局; departments 规划科 (邓某, 邱某) and 财务科
    (罗某, 邱某); no positions. 4 points rows 4–7: levels A/B/I级/C -> I/II/I/III;
    institution/duty/duty/institution; 三重一大 重大项目安排 -> [project], 否 -> [],
    大额资金使用 -> [funds], 是 -> [general]; measures 2/2/2/1. 危害程度 uses the seed 001
    words 严重/较重/较轻.
    """
    wb = new_workbook()
    s = Sheet(wb, "一览表", [6, 10, 14, 20, 14, 12, 8, 8, 14, 8, 8, 36, 8, 8])
    s.title(1, "某县交通运输局廉政风险点一览表", 14)
    s.plain("A2", "单位：某县交通运输局", merge_to="D2")
    s.row(3, ["序号", "科室", "风险点", "风险表现形式", "风险类型", "三重\n一大", "发生\n可能性", "危害\n程度",
              "后果", "人财物\n支配权", "风险等级", "防控措施", "部门负责人", "责任领导"], bold=True)
    s.row(4, [1, None, "项目立项", "违规调整项目计划", "制度机制风险", "重大项目安排", "高", "严重", "违法犯罪",
              "财", "A", "1.项目计划集体研究；2.立项结果公示", None, None])
    s.row(5, [2, None, "招标代理选择", "指定招标代理机构", "岗位职责风险", "否", "中", "较重", "党纪政纪处分",
              "无", "B", "①代理机构随机抽取；②抽取结果公示", None, None])
    s.row(6, [3, None, "专项资金拨付", "截留挪用专项资金", "岗位职责风险", "大额资金使用", "高", "严重", "违法犯罪",
              "财", "I级", "1.资金拨付集体审批；2.每季度公开拨付情况", None, None])
    s.row(7, [4, None, "公务卡报销", "虚开发票报销", "制度机制风险", "是", "低", "较轻", "批评教育",
              "无", "C", "(1)报销实行初审复审制度", None, None])
    s.put("B4", "规划科", merge_to="B5")
    s.put("B6", "财务科", merge_to="B7")
    s.put("M4", "邓某", merge_to="M5")
    s.put("M6", "罗某", merge_to="M7")
    s.put("N4", "邱某", merge_to="N7")
    return "consolidated_optional", wb


FORM_BUILDERS = [
    leader, middle, general, general_trad, personal_register, department_register,
    personal_selfcheck, department_selfcheck, power_list, consolidated, consolidated_optional,
]
# Also re-saved by LibreOffice as .xlsx (NAME-lo.xlsx) and as .ods.
LO_XLSX = ["leader", "power_list", "consolidated"]
LO_ODS = ["department_selfcheck"]


# --- bad input -----------------------------------------------------------------------------


def bad_unknown_level() -> tuple[str, Workbook]:
    """A general form whose first point's level (cell E5) is 四级: unknown-level at E5, exit 1."""
    wb = new_workbook()
    s = Sheet(wb, "一般岗位", [20, 20, 22, 14, 10, 30])
    s.title(1, "一般岗位廉政风险识别和防控表", 6)
    s.plain("A2", "单位（盖章）：某区政府办公室", merge_to="F2")
    s.row(3, ["姓名", "周某", "所在科室及职务", "财务科会计", "岗位风险等级", "B"])
    s.row(4, ["岗位职责", "工作流程", "风险点", "风险类型", "风险级别", "防控措施"], bold=True)
    s.row(5, [None, None, "报销凭证审核不严", "岗位职责风险", "四级", "1.实行交叉复核；2.每月抽查凭证"])
    s.row(6, [None, None, "收受报销人好处", "思想道德风险", "Ⅲ级", "签订廉洁承诺书"])
    s.put("A5", "负责会计核算", merge_to="A6")
    s.put("B5", "审核→记账→归档", merge_to="B6")
    s.plain("A7", "注：此表一式三份，于6月底前报区纪委。", merge_to="F7")
    return "unknown_level", wb


def bad_missing_value() -> tuple[str, Workbook]:
    """A middle form whose second point has no 风险点 (cell C6) while its other cells are
    filled: missing-value at C6, exit 1."""
    wb = new_workbook()
    s = Sheet(wb, "中层岗位", [20, 20, 24, 14, 10, 34])
    s.title(1, "中层岗位廉政风险识别和防控表", 6)
    s.plain("A2", "单位（盖章）：某区政府办公室", merge_to="F2")
    s.row(3, ["科室负责人", "吴某", "岗位风险等级", "B", None, None])
    s.row(4, ["岗位职责", "工作流程", "风险点", "风险类型", "风险级别", "防控措施"], bold=True)
    s.row(5, [None, None, "审核把关不严", "岗位职责风险", "Ⅱ级", "1.实行集体审核；2.结果公示"])
    s.row(6, [None, None, None, "制度机制风险", "Ⅱ级", "1.完善审批制度；2.加强监督检查"])
    s.put("A5", "负责项目审核", merge_to="A6")
    s.put("B5", "受理→审核→报批", merge_to="B6")
    s.put("A7", "单位主管领导审查意见")
    s.put("B7", "同意", merge_to="D7")
    s.put("E7", "2011年6月25日", merge_to="F7")
    return "missing_value", wb


def bad_budget() -> tuple[str, Workbook]:
    """部门预算表: a real-looking spreadsheet that is no integrity-risk form: unknown-form, exit 1."""
    wb = new_workbook()
    s = Sheet(wb, "预算表", [14, 26, 12, 16])
    s.title(1, "2012年部门预算表", 4)
    s.plain("A2", "单位：某区政府办公室", merge_to="B2")
    s.plain("D2", "单位：万元")
    s.row(3, ["科目编码", "科目名称", "金额", "备注"], bold=True)
    s.row(4, [2010301, "行政运行", 356.2, None])
    s.row(5, [2010302, "一般行政管理事务", 48.5, "含会议费"])
    s.row(6, [2010350, "事业运行", 12, None])
    s.row(7, [None, "合计", 416.7, None])
    return "budget", wb


def bad_far_cells() -> tuple[str, Workbook]:
    """Two cells, A1 and XFD1048576: a dense read would be 17 billion cells. too-large, exit 3."""
    wb = new_workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws["A1"] = "一般岗位廉政风险识别和防控表"
    ws["XFD1048576"] = "x"
    return "far_cells", wb


BOMB_TARGET_BYTES = 300 * 1024 * 1024

_CONTENT_TYPES = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"""
_RELS = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
_WORKBOOK = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>
</workbook>"""
_WORKBOOK_RELS = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
</Relationships>"""


def _write_package(path: Path, sheet_chunks) -> None:
    """A minimal, structurally valid .xlsx ([Content_Types].xml, _rels/.rels, xl/workbook.xml,
    xl/_rels/workbook.xml.rels, xl/worksheets/sheet1.xml) whose sheet XML is streamed from
    ``sheet_chunks`` (bytes between <sheetData> and </sheetData>), so that writing it needs
    little memory however large the sheet is once inflated."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, data in (("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _RELS),
                           ("xl/workbook.xml", _WORKBOOK), ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)):
            info = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", FIXED_ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w") as sheet:
            sheet.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            for chunk in sheet_chunks:
                sheet.write(chunk)
            sheet.write(b"</sheetData></worksheet>")


_TITLE_ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>一般岗位廉政风险识别和防控表</t></is></c></row>'.encode("utf-8")


def write_zip_bomb(path: Path, target_bytes: int = BOMB_TARGET_BYTES) -> None:
    """A structurally valid .xlsx whose sheet XML expands to ``target_bytes`` (~300 MB).

    The sheet is streamed into the zip row by row, so writing it needs a few hundred KB of
    memory. Rows carry ``r``; cells leave it out (it is optional in SpreadsheetML), which
    lets deflate reach its ~1000:1 ceiling: the file is ~0.6 MB. Row 1 holds a form title
    so that a reader that inflates everything first would believe it has found a form.
    """
    cells = b"<c><v>1</v></c>" * 16384  # a full row: A..XFD

    def chunks():
        yield _TITLE_ROW
        written, row_number = len(_TITLE_ROW), 2
        while written < target_bytes:
            row = b'<row r="%d">' % row_number + cells + b"</row>"
            yield row
            written += len(row)
            row_number += 1

    _write_package(path, chunks())


def write_wide_without_refs(path: Path, rows: int = 200_000) -> None:
    """Far-apart cells again, but with no ``r`` attributes at all (they are optional):
    ``rows`` empty ``<row/>`` and then one row of 16 384 cells, i.e. a 200 001 × 16 384 grid
    (3.3 billion cells) in ~20 KB. A size check that only looks at ``r="XFD…"`` references
    misses it; a dense reader then asks for ~100 GB. Must be refused as too-large."""

    def chunks():
        yield _TITLE_ROW
        for _ in range(rows // 1000):
            yield b"<row/>" * 1000
        yield b"<row>" + b"<c/>" * 16383 + b"<c><v>1</v></c></row>"

    _write_package(path, chunks())


BAD_BUILDERS = [bad_unknown_level, bad_missing_value, bad_budget, bad_far_cells]


# --- LibreOffice -----------------------------------------------------------------------


def soffice_convert(sources: list[Path], target: str, outdir: Path) -> None:
    """``soffice --headless --convert-to TARGET --outdir OUTDIR SOURCES…`` with a private profile."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("make_fixtures: LibreOffice (soffice) is needed to write the .xls/.ods fixtures")
    with tempfile.TemporaryDirectory(prefix="lzfk-lo-profile-") as profile:
        cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
               "--outdir", str(outdir), *map(str, sources)]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, timeout=600)
    for src in sources:
        produced = outdir / f"{src.stem}.{target.split(':')[0]}"
        if not produced.exists():
            sys.exit(f"make_fixtures: soffice did not write {produced}")


def write_prefixed(source: Path, path: Path) -> None:
    """``source`` with its worksheet XML written under a namespace prefix (<x:row>, <x:c> …, as
    the .NET OpenXML SDK writes it): far_cells.xlsx so spelt must still be too-large."""
    import re
    import zipfile

    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                text = data.decode().replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
                                             'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')
                data = re.sub(r"<(/?)([a-zA-Z]+)([ />])", r"<\1x:\2\3", text).encode()
            zout.writestr(item, data)


def write_encrypted(source: Path, path: Path) -> None:
    """``source`` with the password "secret" to open, as Excel's 用密码进行加密 writes it (an OLE
    box holding EncryptionInfo and EncryptedPackage). Needs msoffcrypto-tool, which lzfk does
    not depend on: without it the committed file is kept."""
    try:
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:
        print("msoffcrypto-tool not installed: bad/encrypted.xlsx kept as committed", file=sys.stderr)
        return
    with source.open("rb") as src, path.open("wb") as out:
        OOXMLFile(src).encrypt("secret", out)


def main() -> None:
    FORMS.mkdir(parents=True, exist_ok=True)
    BAD.mkdir(parents=True, exist_ok=True)

    written: list[Path] = []
    for build in FORM_BUILDERS:
        stem, wb = build()
        path = FORMS / f"{stem}.xlsx"
        save(wb, path)
        written.append(path)

    with tempfile.TemporaryDirectory(prefix="lzfk-fixtures-") as tmp:
        tmpdir = Path(tmp)
        # .xls of every form, written by LibreOffice.
        soffice_convert(written, "xls", tmpdir)
        for src in written:
            shutil.move(tmpdir / f"{src.stem}.xls", FORMS / f"{src.stem}.xls")
        # a few .xlsx re-saved by LibreOffice (its own xlsx dialect: shared strings, styles …)
        lo_sources = [FORMS / f"{stem}.xlsx" for stem in LO_XLSX]
        soffice_convert(lo_sources, "xlsx", tmpdir)
        for src in lo_sources:
            shutil.move(tmpdir / f"{src.stem}.xlsx", FORMS / f"{src.stem}-lo.xlsx")
        ods_sources = [FORMS / f"{stem}.xlsx" for stem in LO_ODS]
        soffice_convert(ods_sources, "ods", tmpdir)
        for src in ods_sources:
            shutil.move(tmpdir / f"{src.stem}.ods", FORMS / f"{src.stem}.ods")

    for build in BAD_BUILDERS:
        stem, wb = build()
        save(wb, BAD / f"{stem}.xlsx")
    # The first half of a real workbook (its central directory is gone).
    whole = (FORMS / "middle.xlsx").read_bytes()
    (BAD / "truncated.xlsx").write_bytes(whole[: len(whole) // 2])
    # Plain text under a spreadsheet's name.
    (BAD / "not_a_spreadsheet.xlsx").write_text(
        "这不是表格，只是一个改了扩展名的文本文件。\n姓名：王某\n风险点：无\n", encoding="utf-8")
    write_zip_bomb(BAD / "bomb.xlsx")
    write_wide_without_refs(BAD / "wide_no_refs.xlsx")
    write_prefixed(BAD / "far_cells.xlsx", BAD / "far_cells_prefixed.xlsx")
    write_encrypted(FORMS / "general.xlsx", BAD / "encrypted.xlsx")

    for path in sorted([*FORMS.iterdir(), *BAD.iterdir()]):
        print(f"{path.relative_to(HERE)}  {path.stat().st_size:>9,} bytes")


if __name__ == "__main__":
    main()
