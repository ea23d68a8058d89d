"""Generate the filled-in forms of the demo unit (某区人民政府办公室), as people filled them in 2011.

Run from the repository root:

    /tmp/venv/bin/python registers/demo/make_forms.py

Writes ``registers/demo/forms/`` (one workbook per person or department) and
``registers/demo/EXPECTED.md`` (the exact totals lzfk's import must find), and prints the
totals. Deterministic: all content is fixed data below; the per-form writing quirks are
chosen by hand. Uses openpyxl, the standard library, and ``soffice`` to save a few forms
as old ``.xls``.

The forms follow seed 001 (附件2/3/4), seed 000 (部室廉政风险防控登记表) and seed 002
(部门权力清单). What people do to forms is reproduced on purpose: merged cells, line breaks
inside header labels, full-width digits, measures numbered inside one cell in four styles,
levels written as Ⅰ级 / 一级 / ２级 / 高, types with and without 风险, traditional script in
the 綜合科 forms, label：value cells, spare empty rows, empty review dates (年　月　日).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
OUT = HERE / "forms"
EXPECTED = HERE / "EXPECTED.md"

UNIT = "某区人民政府办公室"
LEADERSHIP = "领导班子"
FIXED_TIME = dt.datetime(2011, 6, 30, 9, 0, 0)

TYPES = {
    "德": "思想道德",
    "职": "岗位职责",
    "制": "制度机制",
    "流": "业务流程",
    "外": "外部环境",
}
LEVEL_SCHEMES = {
    "roman": {1: "Ⅰ级", 2: "Ⅱ级", 3: "Ⅲ级"},
    "ordinal": {1: "一级", 2: "二级", 3: "三级"},
    "hilo": {1: "高", 2: "中", 3: "低"},
    "digit": {1: "1级", 2: "2级", 3: "3级"},
}
FULLWIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


# --------------------------------------------------------------------------------------------
# Data model
# --------------------------------------------------------------------------------------------


@dataclass
class Point:
    text: str
    type: str  # key of TYPES
    level: int  # 1 = highest
    measures: list[str]
    tzyd: bool = False  # listed under “三重一大”方面


def pts(*specs: str, tzyd: bool = False) -> list[Point]:
    """``"风险点|类型|级别|措施1；措施2"`` → points."""
    out = []
    for spec in specs:
        text, typ, level, measures = spec.split("|")
        assert typ in TYPES, spec
        ms = [m.strip() for m in measures.split("；") if m.strip()]
        assert 1 <= len(ms) <= 3, spec
        out.append(Point(text, typ, int(level), ms, tzyd))
    return out


@dataclass
class Style:
    """How one person wrote their form."""

    level: str = "roman"  # key of LEVEL_SCHEMES
    type_suffix: bool = True  # 岗位职责风险 vs 岗位职责
    num: str = "dot"  # dot 1.  dun 1、  paren （1）  circle ①
    sep: str = "；"  # between numbered measures
    end: str = ""  # after the last measure
    fullwidth: tuple[int, ...] = ()  # indexes of points whose level is typed in full-width digits
    trailing_space: tuple[int, ...] = ()  # indexes of points whose level cell has a stray space
    header_breaks: bool = False  # 风险\n类型 …
    blank_rows: int = 0  # empty bordered rows left at the end of the table
    annex: bool = True  # 附件N line above the title
    trad: bool = False  # traditional script
    xls: bool = False  # saved as .xls by LibreOffice
    kv: str = "a"  # layout variant of the header fields
    sheet: str = "Sheet1"
    extra_sheets: bool = False  # Sheet2/Sheet3 left empty as Excel 2003 made them


@dataclass
class Review:
    opinion: str = ""
    date: object = "年　月　日"  # text, dt.date, or the empty template
    signer: str = ""


@dataclass
class Person:
    tier: str  # leader / middle / general
    name: str
    dept: str
    title: str
    grade: str
    points: list[Point]
    style: Style = field(default_factory=Style)
    duties: str = ""  # 岗位职责 (middle/general) or 分管工作 (leader)
    flow: str = ""
    reviews: list[Review] = field(default_factory=list)


@dataclass
class RegisterRow:
    point: Point
    manifestation: str
    owner: str
    deadline: object


@dataclass
class DeptRegister:
    dept: str
    head: str
    leader: str
    rows: list[RegisterRow]
    style: Style = field(default_factory=Style)


@dataclass
class Power:
    name: str
    kind: str
    content: str
    holder: str  # position title in the department
    basis: str
    flow: str


@dataclass
class PowerList:
    dept: str
    powers: list[Power]
    style: Style = field(default_factory=Style)


# --------------------------------------------------------------------------------------------
# The unit: 某区人民政府办公室, 2011
# --------------------------------------------------------------------------------------------

OK1 = "经审查，风险点查找较准确，防控措施可行，同意。"
OK2 = "同意。"
OK3 = "同意上报。"
OK4 = "已审核，同意。"
OK5 = "风险点查找准确，措施具体，同意。"
EMPTY = "年　月　日"

LEADERS: list[Person] = [
    Person(
        "leader", "张某", LEADERSHIP, "主任", "A",
        pts(
            "对班子成员和分管科室落实“一岗双责”督促检查不力|职|2|定期听取班子成员落实党风廉政建设责任制情况汇报；每半年对分管科室负责人开展一次廉政谈话",
            "以个人决断代替集体决策，搞“一言堂”|制|1|严格执行民主集中制和主任办公会议事规则；重要事项会前充分酝酿，讨论情况记录在案",
            "放松政治理论学习，宗旨意识淡化|德|3|按时参加党组中心组理论学习；每年带头讲一次廉政党课",
            "利用职务影响为亲属经商办企业提供便利|德|1|严格执行领导干部报告个人有关事项规定；主动接受班子成员和干部群众监督",
        )
        + pts(
            "重大事项决策未经集体研究或会前不充分酝酿|制|1|“三重一大”事项一律提交主任办公会集体研究决定；会议纪要存档备查；决策结果按规定公开",
            "干部选拔任用中不按程序办事、任人唯亲|职|1|严格执行《党政领导干部选拔任用工作条例》；实行民主推荐、组织考察、集体讨论决定",
            tzyd=True,
        ),
        Style(level="roman", type_suffix=True, num="dot", sep="；", kv="a", sheet="领导岗位"),
        duties="主持区政府办公室全面工作，分管计划财务科、人事科",
        reviews=[Review(OK1, "2011年6月24日"), Review(OK2, "2011年6月28日")],
    ),
    Person(
        "leader", "李某", LEADERSHIP, "常务副主任", "A",
        pts(
            "公文审核把关不严，以文件形式为特定单位谋取利益|职|2|实行公文拟稿、核稿、签发分级把关；涉及资金和政策的文件提交主任办公会审定",
            "公务接待超标准、超范围|制|2|严格执行公务接待管理办法；实行接待审批单和公函接待制度；接待费用每季度公示",
            "公务用车管理不规范，公车私用|制|2|车辆实行统一调度和派车单制度；节假日车辆集中封存",
            "接受服务对象宴请和礼品礼金|德|2|签订廉洁自律承诺书；收到的礼品礼金主动登记上交",
        )
        + pts(
            "办公楼维修等大额资金使用未经集体研究|制|1|五万元以上资金使用提交主任办公会集体研究；维修工程按规定公开招标；工程结算经审计部门审核",
            tzyd=True,
        ),
        Style(level="roman", type_suffix=False, num="paren", sep="\n", kv="a", extra_sheets=True),
        duties="协助主任处理办公室日常工作，分管秘书科、综合科、机关事务管理科",
        reviews=[Review(OK2, "2011年6月24日"), Review(OK4, "2011年6月28日")],
    ),
    Person(
        "leader", "王某", LEADERSHIP, "副主任", "A",
        pts(
            "督查督办工作中弄虚作假、瞒报漏报|职|2|督查结果实行书面反馈、限时办结；督查情况定期在全区通报",
            "信息化建设项目中倾向特定供应商|流|1|信息化项目一律纳入政府采购；技术参数由专家论证确定；项目验收邀请财务科和使用科室参加",
            "规范性文件合法性审查把关不严|职|2|执行规范性文件合法性审查和备案制度；重大行政决策经法律顾问论证",
            "工作作风漂浮，深入基层调研不够|德|3|落实领导干部基层联系点制度",
        )
        + pts(
            "信息化建设大额资金使用审批把关不严|制|1|大额资金使用实行集体研究；项目资金按合同和进度拨付",
            tzyd=True,
        ),
        Style(level="roman", type_suffix=True, num="circle", sep="；", header_breaks=True, kv="wide"),
        duties="分管督查科、信息科、法制科",
        reviews=[Review(OK1, "2011年6月24日"), Review("", "年  月  日")],
    ),
    Person(
        "leader", "刘某", LEADERSHIP, "副主任", "A",
        pts(
            "行政审批中违规干预审批事项、打招呼|职|1|审批事项实行网上运行、全程留痕；领导干部插手审批事项实行登记报告",
            "信访件批办中压案不查、推诿扯皮|职|2|信访件实行台账管理和限时办结；重要信访件集体研究处理",
            "审批服务对象请托说情|外|2|公开办事程序和监督电话；对说情打招呼的一律拒绝并登记",
            "廉洁自律意识放松，出入高消费娱乐场所|德|3|严格遵守《廉政准则》；八小时以外活动接受监督",
        )
        + pts(
            "重大审批项目集体研究走过场|制|1|重大审批事项提交主任办公会集体研究；审批结果公示",
            "审批窗口工作人员调配中优亲厚友|职|2|人员调配方案提交主任办公会研究决定",
            tzyd=True,
        ),
        Style(level="ordinal", type_suffix=False, num="dun", sep="；", end="。", annex=False, kv="a"),
        duties="分管行政审批科、信访科",
        reviews=[Review(OK3, "2011.6.24"), Review(OK2, "2011.6.28")],
    ),
    Person(
        "leader", "陈某", LEADERSHIP, "调研员", "B",
        pts(
            "调研报告弄虚作假、报喜不报忧|职|3|调研成果实行集体审定",
            "调研活动中接受基层单位宴请|德|2|调研期间在机关食堂就餐并按标准交纳伙食费；调研活动不得安排宴请",
            "利用参与文稿起草之便泄露内部信息|职|2|严格遵守保密纪律；文稿起草资料专人保管",
            "调研课题经费使用不规范|制|3|调研经费纳入预算统一管理，报销严格审核",
        )
        + pts(
            "参与重大事项决策时不充分发表意见、随声附和|德|3|会前熟悉议题材料，独立发表意见并记录在案",
            tzyd=True,
        ),
        Style(level="roman", type_suffix=True, num="dot", sep="\n", kv="a"),
        duties="协助主任负责政务调研和重要文稿起草工作，联系综合科",
        reviews=[Review(OK2, dt.date(2011, 6, 24)), Review(OK2, "2011年6月29日")],
    ),
    Person(
        "leader", "杨某", LEADERSHIP, "机关党总支书记", "B",
        pts(
            "发展党员工作中把关不严、优亲厚友|职|2|严格执行发展党员工作程序；发展对象实行公示",
            "党费收缴、使用管理不规范|制|2|党费专户管理；党费收支情况每年公示一次",
            "党风廉政教育流于形式|职|3|制定年度廉政教育计划；每季度组织一次警示教育",
            "评先评优中不按标准、搞平衡照顾|职|3|评先评优实行民主推荐和结果公示",
        )
        + pts(
            "机关党建活动经费较大额支出未经集体研究|制|2|经费支出提交主任办公会研究；经费使用情况在党员大会上通报",
            tzyd=True,
        ),
        Style(level="hilo", type_suffix=False, num="paren", sep="；", kv="a"),
        duties="负责机关党建、党风廉政建设和精神文明建设工作",
        reviews=[Review(OK4, "2011年6月24日"), Review(OK2, "2011年6月28日")],
    ),
    Person(
        "leader", "黄某", LEADERSHIP, "副调研员", "B",
        pts(
            "阳光政务热线交办件转办不及时、敷衍塞责|职|3|建立热线交办件台账；逾期未办结的予以通报",
            "接受被投诉单位请托，降低办理标准|外|2|办理结果由投诉人评价；实行回访抽查",
            "督查考核中打人情分|职|2|考核评分实行多人背对背打分",
            "纪律观念淡薄，工作时间参与娱乐活动|德|3|认真学习《廉政准则》，严守工作纪律",
        )
        + pts(
            "参与干部考察推荐时不坚持原则|德|2|严格执行干部推荐纪律，对推荐意见负责",
            tzyd=True,
        ),
        Style(level="roman", type_suffix=True, num="dun", sep="；", xls=True, kv="a"),
        duties="协助分管督查工作和阳光政务热线办理工作",
        reviews=[Review(OK2, "2011年6月24日"), Review("", EMPTY)],
    ),
]

MIDDLES: list[Person] = [
    Person(
        "middle", "周某", "秘书科", "科长", "B",
        pts(
            "公文审核把关不严，擅自改变文件内容|职|2|严格执行《国家行政机关公文处理办法》；实行核稿人签字负责制",
            "会议组织中虚报会议费用|制|2|会议费实行预算管理；会议费报销附会议通知和签到表",
            "泄露会议议定事项和领导批示内容|职|1|签订保密承诺书；涉密文件专人专柜管理；每半年开展保密检查",
            "利用接近领导之便为他人说情办事|德|2|加强廉洁自律教育，不得以领导名义打招呼",
        ),
        Style(level="roman", type_suffix=True, num="paren", sep="；", kv="a"),
        duties="负责区政府领导日常政务活动安排；负责公文运转、审核、印发；负责区政府常务会议和区长办公会议的组织服务工作",
        flow="收文登记→拟办→领导批示→交办→催办→归档；拟稿→核稿→审签→印发",
        reviews=[Review(OK2, "2011年6月21日", "签字：李某"), Review(OK2, "2011年6月24日"), Review()],
    ),
    Person(
        "middle", "吴某", "秘书科", "副科长", "B",
        pts(
            "文件印制中指定印刷厂家、收受回扣|流|2|印刷业务纳入政府定点采购；印刷费用每季度对账结算",
            "机要文件收发登记不严，造成失泄密|职|1|执行机要文件登记签收制度；机要文件传阅实行登记",
            "档案借阅管理不规范|制|3|严格执行档案借阅审批制度",
            "工作中推诿扯皮，服务意识不强|德|3|开展作风效能建设，实行首问负责制",
        ),
        Style(level="roman", type_suffix=False, num="dot", sep="；", kv="b"),
        duties="协助科长做好公文处理工作；负责文件印制、机要文件收发和文书档案管理",
        flow="印制申请→核对印数→科长审核→印制→登记分发",
        reviews=[Review(OK2, "2011年6月21日", "签字：李某"), Review(OK2, "2011年6月24日"), Review()],
    ),
    Person(
        "middle", "林某", "综合科", "科长", "B",
        pts(
            "文稿起草中收受相关单位好处，夸大或隐瞒情况|职|2|文稿实行集体讨论和逐级审核；重要数据与统计部门核对",
            "调研中接受基层单位宴请和礼品|外|3|严格执行调研工作纪律，拒收礼品",
            "政务信息报送弄虚作假|制|3|建立信息报送审核登记制度",
            "政治学习不深入，理想信念动摇|德|3|坚持每周五政治学习制度",
        ),
        Style(level="roman", type_suffix=True, num="dun", sep="；", trad=True, kv="b", sheet="中層崗位"),
        duties="负责起草区政府工作报告、领导讲话等综合性文稿；负责政务调研和政务信息综合",
        flow="接受任务→收集材料→调研起草→征求意见→领导审定→印发",
        reviews=[Review(OK5, "2011年6月22日", "签字：李某"), Review(OK2, "2011年6月24日"), Review()],
    ),
    Person(
        "middle", "罗某", "督查科", "科长", "B",
        pts(
            "督查中接受被督查单位宴请或礼品|外|2|督查工作两人以上共同进行；严格执行督查工作纪律",
            "督查结果不如实反映、隐瞒问题|职|2|督查报告实行科室集体审核；督查结果在全区通报",
            "建议提案办理督查敷衍、流于形式|职|3|建立建议提案办理台账；实行代表委员满意度测评",
            "督查工作程序不规范，随意性大|制|3|制定督查工作规程并公开",
        ),
        Style(level="roman", type_suffix=True, num="circle", sep="\n", kv="a"),
        duties="负责区委、区政府重大决策部署和领导批示事项的督查督办；负责人大代表建议、政协委员提案办理督查",
        flow="立项→交办→跟踪督查→反馈→办结→通报",
        reviews=[Review(OK2, "2011年6月22日", "签字：王某"), Review(OK2, "2011年6月24日"), Review()],
    ),
    Person(
        "middle", "郑某", "信息科", "科长", "B",
        pts(
            "信息化项目采购中倾向特定供应商|流|1|项目采购严格执行政府采购程序；技术参数经专家论证；验收由使用科室和计划财务科共同参与",
            "网站信息发布审核不严|职|3|实行信息发布三级审核",
            "项目验收走过场，放松质量要求|职|2|邀请第三方参与验收；验收报告存档备查",
            "运维服务费结算不规范|制|2|运维费用按合同约定考核后支付",
        ),
        Style(level="roman", type_suffix=False, num="paren", sep="\n", kv="c"),
        duties="负责区政府门户网站和电子政务内网建设、运行维护；负责信息化项目的组织实施",
        flow="需求调研→方案论证→采购申请→政府采购→实施→验收→运维",
        reviews=[Review(OK4, "2011年6月22日", "签字：王某"), Review(OK2, "2011年6月24日"), Review(OK2, "2011年6月29日")],
    ),
    Person(
        "middle", "唐某", "计划财务科", "科长", "A",
        pts(
            "经费报销审核把关不严，违规报销|职|1|执行“一支笔”审批和报销会签制度；大额支出集体研究；每季度公开财务收支",
            "预算编制不科学，随意调整预算|制|2|预算编制经主任办公会审定；预算调整按程序报批",
            "政府采购中倾向特定供应商|流|1|严格执行《政府采购法》；采购需求和结果公开",
            "私设“小金库”|制|1|所有收入纳入预算统一管理；主动接受审计监督",
            "财经纪律观念淡薄|德|3|定期学习财经法规",
        ),
        Style(level="roman", type_suffix=True, num="dot", sep="；", kv="a", extra_sheets=True),
        duties="负责机关经费预算编制和执行；负责财务收支审核、会计核算；负责政府采购和国有资产管理",
        flow="编制预算→报批→执行→审核报销→会计核算→决算",
        reviews=[Review(OK1, "2011年6月20日", "签字：张某"), Review(OK2, "2011年6月24日"), Review()],
    ),
    Person(
        "middle", "冯某", "计划财务科", "副科长", "A",
        pts(
            "项目资金拨付审核不严，提前或超额拨付|职|1|资金拨付按项目进度和合同约定执行；拨付实行双人审核",
            "往来款项长期挂账不清理|制|2|每季度清理往来款项；年终进行账务核对",
            "票据管理不规范|流|3|票据实行专人保管、领用登记",
            "利用职务便利挪用公款|德|1|实行会计、出纳岗位分离；定期盘点库存现金、核对银行账户",
        ),
        Style(level="roman", type_suffix=True, num="dun", sep="；", kv="b"),
        duties="协助科长做好财务管理工作；负责项目资金拨付审核和往来款项管理",
        flow="资金申请→科室初审→分管领导审批→拨付→跟踪问效",
        reviews=[Review(OK2, "2011年6月20日", "签字：张某"), Review(OK2, "2011年6月24日"), Review()],
    ),
    Person(
        "middle", "程某", "人事科", "科长", "A",
        pts(
            "干部推荐考察中优亲厚友、弄虚作假|职|1|严格执行干部选拔任用程序；考察结果集体研究；任前公示",
            "工资福利审核不严，违规发放津补贴|制|2|津补贴按政策标准审核；工资发放与计划财务科相互核对",
            "年度考核评优中不公正|职|2|考核结果经主任办公会研究并公示",
            "干部档案管理不严，涂改档案材料|流|2|干部档案专人管理，查阅审批登记",
        ),
        Style(level="roman", type_suffix=False, num="circle", sep="；", kv="a"),
        duties="负责机关干部人事管理、工资福利、教育培训和年度考核工作",
        flow="制定方案→民主推荐→组织考察→集体研究→公示→任用",
        reviews=[Review(OK2, "2011年6月20日", "签字：张某"), Review(OK2, "2011年6月24日"), Review()],
    ),
    Person(
        "middle", "邓某", "机关事务管理科", "科长", "A",
        pts(
            "公务接待超标准、超范围|制|1|执行公务接待审批制度；实行定点接待和公函接待；接待费用定期公示",
            "办公用品采购中收受回扣|流|2|办公用品实行政府定点采购；采购与验收分离",
            "办公楼维修工程虚增工程量|流|1|维修工程实行预算审核和结算审计",
            "公务用车私用|职|2|执行派车单制度；车辆油耗、维修实行单车核算",
        ),
        Style(level="roman", type_suffix=True, num="paren", sep="；", kv="c"),
        duties="负责机关后勤保障、公务接待、公务用车管理、办公用品采购和办公楼维修",
        flow="提出需求→编制计划→审批→采购（维修）→验收→报账",
        reviews=[Review(OK2, "2011年6月21日", "签字：李某"), Review(OK2, "2011年6月24日"), Review()],
    ),
    Person(
        "middle", "许某", "机关事务管理科", "副科长", "B",
        pts(
            "固定资产处置中低价处置、暗箱操作|流|1|资产处置按规定报批并公开处置；处置收入全额上缴",
            "食堂物资采购以次充好、虚报价格|流|2|食堂物资定点采购；每月公布食堂收支",
            "物业服务考核走过场|职|3|按合同对物业服务定期考核",
            "接受供应商宴请|外|2|与供应商签订廉洁承诺书",
        ),
        Style(level="hilo", type_suffix=False, num="dot", sep="\n", kv="a"),
        duties="协助科长做好后勤保障工作；负责机关食堂、物业服务和固定资产管理",
        flow="资产购置登记→领用→清查→报废处置审批",
        reviews=[Review(OK2, "2011年6月21日", "签字：李某"), Review(OK2, "2011年6月24日"), Review()],
    ),
    Person(
        "middle", "吕某", "法制科", "科长", "B",
        pts(
            "行政复议案件审理中偏袒一方|职|1|复议案件实行集体讨论；案件承办人实行回避制度",
            "规范性文件审查把关不严|职|2|执行规范性文件审查备案制度",
            "接受复议当事人请托|外|2|公开复议程序；严禁私下会见当事人",
            "执法监督检查流于形式|制|3|制定年度执法监督检查计划",
        ),
        Style(level="ordinal", type_suffix=True, num="dot", sep="；", kv="b"),
        duties="负责规范性文件合法性审查、行政复议和行政应诉工作；负责行政执法监督",
        flow="受理→审查→提出意见→集体讨论→出具审查意见（复议决定）→送达",
        reviews=[Review(OK2, "2011年6月22日", "签字：王某"), Review(OK2, "2011年6月24日"), Review()],
    ),
    Person(
        "middle", "蒋某", "信访科", "科长", "B",
        pts(
            "信访件压案不办、推诿拖延|职|2|信访件实行限时办结；办理情况定期通报",
            "泄露举报人信息|职|1|严格执行信访保密制度；举报材料专人保管",
            "接受信访人或被反映单位好处|外|2|严格执行廉洁纪律；信访处理结果实行回访",
            "信访救助资金使用不规范|制|2|信访救助资金集体研究、公开发放",
        ),
        Style(level="roman", type_suffix=True, num="dun", sep="\n", header_breaks=True, kv="c"),
        duties="负责群众来信来访的登记、交办、督办和答复；负责重大信访事项协调处理",
        flow="登记→分类→交办（转办）→督办→答复→归档",
        reviews=[Review(OK2, "2011年6月22日", "签字：刘某"), Review(OK2, "2011年6月24日"), Review()],
    ),
    Person(
        "middle", "蔡某", "信访科", "副科长", "B",
        pts(
            "接访中态度生硬、敷衍塞责|德|3|开展文明接访教育",
            "信访数据统计不实、瞒报|职|2|统计数据实行双人核对",
            "信访救助对象审核不严|流|2|救助对象实行调查核实和公示",
        ),
        Style(level="roman", type_suffix=False, num="dot", sep="；", xls=True, kv="a"),
        duties="协助科长工作；负责信访接待和信访信息统计分析",
        flow="接访→登记→转办→跟踪→回访",
        reviews=[Review(OK2, "2011年6月22日", "签字：刘某"), Review(OK2, "2011年6月24日"), Review()],
    ),
    Person(
        "middle", "薛某", "行政审批科", "科长", "A",
        pts(
            "审批中违规审批、越权审批|职|1|审批事项全部纳入网上审批系统；审批权限分级授权；定期抽查审批卷宗",
            "审批中吃拿卡要、故意刁难|德|2|公开审批事项、依据、时限；设立意见箱和监督电话",
            "审批时限不落实，超期办理|制|2|实行限时办结和超时默认制度",
            "中介机构与审批人员利益勾连|外|1|推行中介机构服务公开；严禁指定中介机构",
        ),
        Style(level="roman", type_suffix=True, num="circle", sep="；", kv="a"),
        duties="负责区政府行政审批服务大厅管理；负责审批事项受理、审核和办结的组织协调",
        flow="受理→审查→现场核查→审批→送达→归档",
        reviews=[Review(OK1, "2011年6月22日", "签字：刘某"), Review(OK2, "2011年6月24日"), Review(OK2, "2011年6月29日")],
    ),
    Person(
        "middle", "叶某", "行政审批科", "副科长", "A",
        pts(
            "现场核查走过场、弄虚作假|职|1|现场核查两人以上进行；核查记录由当事人签字确认",
            "审批资料审核标准不统一，自由裁量过大|制|2|制定审批标准细则并公开",
            "接受申请人吃请|外|2|签订廉政承诺书",
            "对申请人“冷硬横推”|德|3|开展服务效能测评",
        ),
        Style(level="roman", type_suffix=False, num="paren", sep="；", kv="b"),
        duties="协助科长工作；负责现场核查和审批资料审核",
        flow="资料初审→现场核查→提出意见→科长审核",
        reviews=[Review(OK2, "2011年6月22日", "签字：刘某"), Review(OK2, "2011年6月24日"), Review()],
    ),
]


def g(name, dept, title, grade, duties, flow, points, style=None, reviews=None) -> Person:
    return Person(
        "general", name, dept, title, grade, points, style or Style(),
        duties=duties, flow=flow,
        reviews=reviews or [Review(OK2, "2011年6月20日"), Review(OK2, "2011年6月24日"), Review()],
    )


# Two 科员 of 秘书科 describe one position ("对岗不对人"): the same duties and work flow.
_CLERK_DUTIES = "负责文件收发登记、传递和催办，负责会议服务和会议记录"
_CLERK_FLOW = "收文→登记→分送→催办→清退；会议通知→会场准备→会议记录→纪要整理"

GENERALS: list[Person] = [
    # 秘书科
    g("徐某", "秘书科", "科员", "C", _CLERK_DUTIES, _CLERK_FLOW,
      pts("文件传递不及时，延误工作|职|3|建立文件传递登记簿；急件随到随办",
          "违规复印、摘抄涉密文件|制|2|严格执行涉密文件管理规定",
          "保密意识不强|德|3|参加保密教育培训"),
      Style(level="roman", num="dot", kv="row6")),
    g("朱某", "秘书科", "科员", "C", _CLERK_DUTIES, _CLERK_FLOW,
      pts("会议记录不完整、纪要失实|职|3|会议纪要经科长审核",
          "会议物品采购虚开发票|流|2|会议物品统一从定点单位采购；发票与采购清单核对",
          "泄露会议内容|德|2|签订保密承诺书"),
      Style(level="roman", type_suffix=False, num="dun", kv="space")),
    g("胡某", "秘书科", "文秘", "C", "负责领导讲话及公文初稿起草", "接受任务→起草→核稿→送审",
      pts("公文起草中夹带私货，为特定对象谋利|职|2|文稿实行核稿审签；涉及政策的文稿征求法制科意见",
          "公文格式不规范、把关不严|制|3|认真学习公文处理办法",
          "收受服务对象礼品|外|3|坚决拒收礼品"),
      Style(level="roman", num="paren", sep="\n", kv="row6", blank_rows=2)),
    g("高某", "秘书科", "机要员", "B", "负责机要文件、密码电报的收发、登记和保管", "签收→登记→呈批→传阅→清退→销毁",
      pts("机要文件丢失、泄密|职|1|执行机要文件管理制度；机要室双人双锁",
          "涉密载体销毁不规范|制|2|涉密载体送指定地点销毁并登记",
          "工作责任心不强|德|3|参加保密业务培训"),
      Style(level="roman", num="circle", kv="row6", xls=True)),
    # 综合科
    g("何某", "综合科", "副主任科员", "C", "负责政务调研和综合文稿起草", "确定课题→调研→起草→审核",
      pts("调研报告数据失真|职|3|调研数据与统计部门核实",
          "调研中接受宴请|外|3|严格执行调研纪律",
          "利用掌握的内部信息为他人谋利|德|2|严格遵守保密纪律；不得对外透露未公开的决策信息"),
      Style(level="roman", num="dun", kv="row6", trad=True, sheet="一般崗位")),
    g("郭某", "综合科", "科员", "C", "负责政务信息收集、编发", "收集→筛选→编辑→审核→报送",
      pts("信息报送迟报、漏报|职|3|建立信息报送台账",
          "编发信息时接受请托，夸大宣传|外|3|信息编发经科长审核",
          "信息报送考核不透明|制|3|信息采用情况按月通报"),
      Style(level="roman", type_suffix=False, kv="slash")),
    g("马某", "综合科", "档案管理员", "C", "负责文书档案的收集、整理、归档和借阅", "收集→整理→立卷→归档→借阅登记",
      pts("档案借阅未经审批|制|3|执行档案借阅审批登记制度",
          "档案损毁、丢失|职|2|档案室做好防火、防潮、防盗；定期清点档案"),
      Style(level="roman", num="dot", sep="\n", kv="row6")),
    # 督查科
    g("梁某", "督查科", "督查员", "C", "负责督查事项的跟踪落实和情况反馈", "接受交办→实地督查→汇总→报告",
      pts("督查中接受被督查单位宴请|外|2|严格执行督查工作纪律",
          "督查情况反映不实|职|2|督查报告由两名督查人员签字",
          "督查走过场|德|3|加强责任心教育"),
      Style(level="roman", num="dot", kv="row6")),
    g("宋某", "督查科", "科员", "C", "负责建议提案办理台账和满意度测评", "登记→交办→催办→测评→归档",
      pts("测评结果弄虚作假|职|3|测评表由代表委员直接寄回",
          "台账登记不全|制|3|台账每月核对一次",
          "工作作风拖拉|德|3|实行限时办结"),
      Style(level="digit", type_suffix=False, kv="space", fullwidth=(0, 2), header_breaks=True)),
    # 信息科
    g("谢某", "信息科", "信息员", "C", "负责政府网站信息采集、审核、发布", "采集→编辑→审核→发布",
      pts("发布信息审核不严|职|3|执行信息发布审核制度",
          "违规删改网上信息|制|2|后台操作全程留痕",
          "受人之托删除网上投诉|外|2|网上投诉处理结果公开"),
      Style(level="digit", num="dot", kv="row6", fullwidth=(1,))),
    g("韩某", "信息科", "网络管理员", "B", "负责机关局域网、计算机设备运行维护和耗材申购", "故障申报→维修（申购）→验收→登记",
      pts("设备耗材申购中虚报数量|流|2|耗材实行集中采购、领用登记",
          "泄露网络账号密码|职|2|定期更换系统密码",
          "维修外包中收受好处|外|2|维修外包选择定点单位并公开"),
      Style(level="roman", type_suffix=False, kv="slash")),
    # 计划财务科
    g("于某", "计划财务科", "会计", "B", "负责会计核算、凭证审核和报表编制", "审核原始凭证→编制记账凭证→记账→对账→报表",
      pts("审核原始凭证不严，违规报销|职|1|严格审核原始凭证；不合规票据一律退回",
          "会计账目不清、做假账|制|1|定期对账；接受内部审计和审计部门审计",
          "泄露财务信息|德|3|遵守会计职业道德"),
      Style(level="roman", num="paren", kv="row6", extra_sheets=True)),
    g("董某", "计划财务科", "出纳", "B", "负责现金收付、银行结算和票据管理", "审核→收付款→登记日记账→对账",
      pts("挪用、截留现金|德|1|库存现金日清月结；每月盘点",
          "支票、印鉴管理不规范|制|1|财务印鉴分人保管",
          "现金支付超范围|流|2|严格执行现金管理规定"),
      Style(level="roman", type_suffix=False, num="dun", kv="row6")),
    g("萧某", "计划财务科", "政府采购专管员", "B", "负责机关政府采购计划编报和采购组织", "需求申报→计划编报→组织采购→合同签订→验收",
      pts("政府采购中倾向特定供应商|流|1|采购需求公开；评审专家随机抽取；验收与采购分离",
          "化整为零规避公开招标|制|1|年度采购计划统一编制",
          "接受供应商回扣|外|1|与供应商签订廉洁协议",
          "采购档案管理不完整|职|3|采购资料按项目立卷归档"),
      Style(level="roman", num="circle", sep="\n", kv="row6")),
    # 人事科
    g("曹某", "人事科", "科员", "B", "负责干部考核、培训和人事档案管理", "制定计划→组织实施→汇总→归档",
      pts("考核材料弄虚作假|职|2|考核材料双人审核",
          "人事档案管理不严|制|2|人事档案查阅实行审批",
          "泄露人事信息|德|2|加强保密教育"),
      Style(level="roman", num="dot", kv="space")),
    g("袁某", "人事科", "劳资员", "B", "负责工资、津补贴核定及社会保险办理", "核定→审核→报批→发放",
      pts("工资核定不按政策、擅自提高标准|职|1|工资核定经科长审核后报批",
          "社保缴费基数核定不实|流|2|缴费基数在机关内部公示",
          "福利发放不规范|制|2|福利发放经主任办公会研究"),
      Style(level="roman", type_suffix=False, kv="row6")),
    # 机关事务管理科
    g("傅某", "机关事务管理科", "资产管理员", "B", "负责固定资产登记、调配和清查", "购置登记→入账→领用→清查→处置申报",
      pts("资产登记不及时，造成资产流失|职|2|资产实行卡片管理",
          "资产账实不符|制|2|每年开展一次资产清查",
          "私自出借公物|德|3|公物出借实行审批登记"),
      Style(level="hilo", num="dot", kv="row6")),
    g("沈某", "机关事务管理科", "驾驶员", "C", "负责公务车辆驾驶和日常保养", "接受派车单→出车→登记行车记录→交车",
      pts("公车私用|德|2|节假日车辆封存；行车记录每月核对",
          "虚报加油、维修费用|流|2|定点加油、定点维修",
          "酒后驾车，违反交通法规|职|3|参加交通安全教育"),
      Style(level="roman", type_suffix=False, num="paren", kv="row6")),
    g("曾某", "机关事务管理科", "驾驶员", "C", "负责公务车辆驾驶和日常保养", "接受派车单→出车→登记行车记录→交车",
      pts("私自出车办私事|德|2|无派车单不得出车",
          "加油卡管理不规范|制|2|加油卡由专人保管",
          "安全行车意识淡薄|职|3|参加交通安全教育"),
      Style(level="roman", kv="slash", blank_rows=1)),
    g("彭某", "机关事务管理科", "接待员", "B", "负责公务接待的具体安排和费用结算", "接待审批→安排→结算→登记",
      pts("接待超标准、超范围|制|1|严格执行接待审批单；接待费用按月公示",
          "虚开接待发票|流|1|发票与审批单、消费清单核对",
          "借接待之机大吃大喝|德|2|工作人员不得陪餐"),
      Style(level="hilo", type_suffix=False, num="dun", kv="row6")),
    # 法制科
    g("苏某", "法制科", "法制审核员", "B", "负责规范性文件和合同的合法性初审", "受理→初审→提出意见→科长审核",
      pts("审核意见不严谨|职|2|审核意见由科长复核",
          "接受送审单位请托|外|2|严格执行回避制度",
          "审核时限不落实|制|3|实行限时审核"),
      Style(level="ordinal", num="dot", kv="row6")),
    g("卢某", "法制科", "科员", "C", "负责行政复议案件受理和文书送达", "接收申请→登记→审查→送达",
      pts("受理时故意刁难申请人|德|3|公开受理条件",
          "文书送达不规范|流|3|送达回证存档",
          "泄露案件办理情况|职|2|遵守保密纪律"),
      Style(level="roman", type_suffix=False, kv="space")),
    # 信访科
    g("贾某", "信访科", "接访员", "C", "负责来访接待、登记和初步处理", "接待→登记→分流→转办",
      pts("接访态度生硬、推诿|德|3|开展文明接访",
          "登记不实、漏登|职|3|信访登记录入信访信息系统",
          "收受信访人财物|外|2|严禁收受信访人财物"),
      Style(level="ordinal", type_suffix=False, kv="row6")),
    g("丁某", "信访科", "接访员", "C", "负责来访接待、登记和初步处理", "接待→登记→分流→转办",
      pts("违规向被反映人透露信访内容|职|1|信访材料按规定保密；举报件不得转给被举报人",
          "转办不及时|制|3|转办实行时限管理",
          "处理信访问题简单化|德|3|参加信访业务培训"),
      Style(level="roman", num="dun", kv="row6")),
    g("魏某", "信访科", "科员", "C", "负责来信登记、转办和信访信息统计", "拆信→登记→转办→跟踪→统计",
      pts("来信丢失、积压|职|3|来信当日登记",
          "统计数据不实|制|3|统计数据双人核对"),
      Style(level="roman", kv="inline")),
    # 行政审批科
    g("阎某", "行政审批科", "审批员", "B", "负责窗口审批事项的审查并提出初审意见", "受理→审查→提出意见→报批→办结",
      pts("审查标准不一，随意性大|制|2|严格执行审批标准",
          "对申请人吃拿卡要|德|1|审批过程全程留痕；实行服务对象评议",
          "为不符合条件的申请人违规审批|职|1|审批事项实行复核"),
      Style(level="roman", num="paren", kv="row6")),
    g("余某", "行政审批科", "审批员", "B", "负责窗口审批事项的审查并提出初审意见", "受理→审查→提出意见→报批→办结",
      pts("超时限办理|制|2|电子监察系统超时预警",
          "指定中介机构|外|1|中介机构名录公开，由申请人自主选择",
          "审批资料审查不严|职|2|实行一审一核"),
      Style(level="roman", type_suffix=False, num="dot", kv="space", trailing_space=(0,))),
    g("潘某", "行政审批科", "窗口受理员", "C", "负责审批事项的咨询、受理和告知", "咨询→受理→一次性告知→移交审查",
      pts("不履行一次性告知义务|职|3|使用一次性告知单",
          "对符合条件的申请不予受理|职|2|不予受理的书面说明理由",
          "服务态度差|德|3|开展服务对象评议"),
      Style(level="roman", kv="row6")),
    g("杜某", "行政审批科", "现场核查员", "B", "负责审批事项的现场勘查核实", "接收任务→现场核查→填写核查记录→提出意见",
      pts("现场核查弄虚作假|职|1|两人共同核查；现场影像留存",
          "接受申请人宴请|外|2|签订廉洁承诺书",
          "核查标准掌握不一|制|2|核查标准公开"),
      Style(level="roman", type_suffix=False, num="circle", kv="row6")),
]

SERIAL_2011_12_31 = (dt.date(2011, 12, 31) - dt.date(1899, 12, 30)).days  # 40908


def rr(spec: str, manifestation: str, owner: str, deadline) -> RegisterRow:
    return RegisterRow(pts(spec)[0], manifestation, owner, deadline)


REGISTERS: list[DeptRegister] = [
    DeptRegister(
        "计划财务科", "唐某", "张某",
        [
            rr("预算执行|制|2|严格按批复预算执行；每季度通报预算执行情况", "超预算、无预算支出", "唐某", "2011年12月31日"),
            rr("专项资金管理|职|1|专项资金专账核算；项目完成后进行绩效评价", "挤占、挪用专项资金", "冯某", "2011.9.30"),
            rr("公务卡结算|流|3|按规定使用公务卡结算", "应使用公务卡结算的以现金支付", "于某", "2011年底"),
            rr("非税收入管理|制|1|非税收入全额缴入财政专户；票据与收入定期核对", "收入不入账、坐收坐支", "董某", SERIAL_2011_12_31),
            rr("财务公开|职|3|每季度在机关公开栏公开财务收支", "财务收支公开不及时、不全面", "唐某", "２０１１年１２月３１日"),
        ],
        Style(level="ordinal", type_suffix=True, num="dun"),
    ),
    DeptRegister(
        "机关事务管理科", "邓某", "李某",
        [
            rr("办公用房管理|制|2|按标准核定办公用房；超标准用房限期腾退", "超标准配置办公用房", "邓某", "2011年9月30日"),
            rr("公务用车购置|制|1|购车计划经主任办公会研究后报批；购车纳入政府采购", "超编制、超标准购置车辆", "邓某", "2011年12月31日"),
            rr("节能改造项目|流|1|工程项目进入区公共资源交易中心公开招标；工程款按进度审核拨付；竣工结算审计", "工程发包中暗箱操作", "许某", "2011年12月31日"),
            rr("机关食堂管理|职|3|食堂收支每月公布", "招待性用餐挤占食堂经费", "许某", "2011.12.31"),
            rr("办公设备维修|流|2|维修实行定点和报价比选", "维修费用虚高", "傅某", "2011年10月31日"),
        ],
        Style(level="ordinal", type_suffix=False, num="dot"),
    ),
    DeptRegister(
        "综合科", "林某", "李某",
        [
            rr("文稿起草|职|2|文稿实行集体讨论、逐级审核", "起草文稿时夹带部门利益", "林某", "2011年12月31日"),
            rr("对外宣传|外|2|宣传报道一律不收取费用；宣传稿件由科长审核", "借宣传报道之机收取费用", "何某", "2011年9月30日"),
            rr("调研课题|制|3|课题经费纳入预算，凭票据报销", "课题经费虚列支出", "林某", "2011年12月31日"),
            rr("内部资料印制|流|3|印制业务纳入定点采购", "指定印刷单位、收受好处", "郭某", "2011.10.31"),
            rr("信息采编|德|3|开展职业道德教育", "有偿采编、发布信息", "郭某", "2011年12月31日"),
        ],
        Style(level="ordinal", type_suffix=True, num="dun", trad=True),
    ),
]

POWER_LISTS: list[PowerList] = [
    PowerList(
        "行政审批科",
        [
            Power("企业投资项目核准（备案）", "行政许可", "对区级权限内企业投资项目进行核准或备案", "审批员",
                  "《国务院关于投资体制改革的决定》（国发〔2004〕20号）", "受理→审查→现场核查→核准（备案）→送达"),
            Power("户外广告设置审批", "非行政许可审批", "对户外广告设置申请进行审查并作出审批决定", "审批员",
                  "《城市市容和环境卫生管理条例》第十一条", "受理→审查→现场核查→审批→公示"),
            Power("审批事项现场核查", "行政监管", "对申请人申报材料及现场条件进行实地核查", "现场核查员",
                  "《中华人民共和国行政许可法》第三十四条", "制定核查方案→两人现场核查→填写核查记录→提出意见"),
            Power("审批申请受理", "行政许可", "接收审批申请材料，审查材料是否齐全、符合法定形式", "窗口受理员",
                  "《中华人民共和国行政许可法》第三十二条", "咨询→接收材料→审查完整性→受理或一次性告知→移交审查"),
            Power("审批大厅人员及经费管理", "人财物及业务分管权", "审批服务大厅窗口人员调配、考核和经费使用", "科长",
                  "《某区行政审批服务大厅管理办法》", "提出计划→科务会研究→分管领导审批→执行→公开"),
            Power("审批事项办理督办", "行政监管", "对审批事项办理时限和质量进行监督", "副科长",
                  "《中华人民共和国行政许可法》第四十二条", "电子监察预警→督办→通报→纳入考核"),
        ],
        Style(),
    ),
    PowerList(
        "机关事务管理科",
        [
            Power("公务接待审批安排", "人财物及业务分管权", "审核来访接待事项，安排接待并结算费用", "科长",
                  "《党政机关国内公务接待管理规定》", "来函→填写接待审批单→分管领导审批→安排接待→费用结算"),
            Power("公务用车调度", "人财物及业务分管权", "机关公务用车的统一调度和费用核算", "副科长",
                  "《某区党政机关公务用车管理办法》", "用车申请→审批→派车→登记→单车核算"),
            Power("固定资产处置", "资产处置", "机关固定资产报废、调剂和出售处置", "资产管理员",
                  "《行政单位国有资产管理暂行办法》（财政部令第35号）", "申报→清查鉴定→审批→公开处置→收入上缴"),
            Power("办公用品采购", "物资采购", "机关办公用品和设备的采购", "科长",
                  "《中华人民共和国政府采购法》", "需求申报→汇总计划→审批→定点采购→验收入库"),
        ],
        Style(xls=True),
    ),
]


# --------------------------------------------------------------------------------------------
# Traditional script for the 綜合科 forms: a character table taken once from OpenCC (s2t) over
# exactly the strings those forms contain (characters OpenCC converts differently by context,
# such as 制/製, are left out), so this script needs no OpenCC. A character missing from the
# table stays simplified, as it does in many real hand-typed forms. The names in these forms
# (林某, 何某, 郭某, 李某) are the same in both scripts.
# --------------------------------------------------------------------------------------------

TRAD_PAIRS = (
    "与與 业業 严嚴 为為 习習 于於 传傳 体體 偿償 关關 内內 决決 况況 准準 凭憑 别別 办辦 务務 动動 区區 "
    "单單 发發 号號 员員 周週 坚堅 处處 夸誇 夹夾 学學 实實 审審 对對 导導 层層 岗崗 带帶 开開 征徵 执執 "
    "报報 据據 摇搖 数數 时時 机機 检檢 点點 环環 现現 监監 盖蓋 瞒瞞 确確 礼禮 签簽 类類 级級 纪紀 纳納 "
    "组組 经經 统統 综綜 编編 职職 虚虛 见見 计計 讨討 记記 讲講 论論 识識 话話 请請 课課 调調 谋謀 负負 "
    "责責 购購 费費 资資 采採 销銷 长長 门門 险險 隐隱 预預 领領 题題 风風 驻駐 "
)


def _trad_table() -> dict[int, str]:
    table = {}
    for pair in TRAD_PAIRS.split():
        s, t = pair[0], pair[1:]
        table[ord(s)] = t
    return table


_TRAD = None


def trad(text: str) -> str:
    global _TRAD
    if _TRAD is None:
        _TRAD = _trad_table()
    return text.translate(_TRAD)


# --------------------------------------------------------------------------------------------
# Rendering values the way people typed them
# --------------------------------------------------------------------------------------------


def level_text(point: Point, style: Style, index: int) -> str:
    text = LEVEL_SCHEMES[style.level][point.level]
    if index in style.fullwidth:
        text = text.translate(FULLWIDTH_DIGITS)
    if index in style.trailing_space:
        text += " "
    return text


def type_text(point: Point, style: Style) -> str:
    return TYPES[point.type] + ("风险" if style.type_suffix else "")


def marker(num: str, i: int) -> str:
    return {"dot": f"{i}.", "dun": f"{i}、", "paren": f"（{i}）", "circle": "①②③④⑤"[i - 1]}[num]


def measures_text(point: Point, style: Style) -> str:
    ms = point.measures
    if len(ms) == 1:
        return ms[0] + style.end
    parts = [marker(style.num, i) + m for i, m in enumerate(ms, 1)]
    sep = style.sep
    if sep == "\n":
        return "；\n".join(parts) + (style.end or "。")
    return sep.join(parts) + style.end


# --------------------------------------------------------------------------------------------
# Sheet writer: places cells, merges, borders, then sizes rows to their text
# --------------------------------------------------------------------------------------------

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT = "宋体"


class Sheet:
    def __init__(self, ws, widths: list[float], conv=None):
        self.ws = ws
        self.widths = widths
        self.conv = conv or (lambda s: s)
        self.r = 0
        self.cells: list[tuple[int, int, int, int, str, float]] = []  # r, c, ncols, nrows, text, size
        self.fixed: dict[int, float] = {}
        for i, w in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(i)].width = w

    @property
    def ncols(self) -> int:
        return len(self.widths)

    def next(self, height: float | None = None) -> int:
        self.r += 1
        if height:
            self.fixed[self.r] = height
        return self.r

    def put(self, r, c, value, kind="value", ncols=1, nrows=1):
        if isinstance(value, str):
            value = self.conv(value)
        cell = self.ws.cell(row=r, column=c, value=value)
        size = 11
        if kind == "title":
            size = 18
            cell.font = Font(name="方正小标宋简体", size=size)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        elif kind == "plain":
            cell.font = Font(name=FONT, size=11)
            cell.alignment = Alignment(horizontal="left", vertical="center", wrap_text=False)
        elif kind == "note":
            cell.font = Font(name=FONT, size=10.5)
            cell.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
        elif kind == "header":
            cell.font = Font(name=FONT, size=11, bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        elif kind in ("label", "center"):
            cell.font = Font(name=FONT, size=11)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        else:  # value
            cell.font = Font(name=FONT, size=11)
            cell.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
        if isinstance(value, dt.date):
            cell.number_format = 'yyyy"年"m"月"d"日"'
            cell.alignment = Alignment(horizontal="center", vertical="center")
        bordered = kind not in ("title", "plain", "note")
        if ncols > 1 or nrows > 1:
            self.ws.merge_cells(start_row=r, start_column=c, end_row=r + nrows - 1, end_column=c + ncols - 1)
        if bordered:
            for rr_ in range(r, r + nrows):
                for cc in range(c, c + ncols):
                    self.ws.cell(row=rr_, column=cc).border = BORDER
        text = value.strftime("%Y年%m月%d日") if isinstance(value, dt.date) else ("" if value is None else str(value))
        self.cells.append((r, c, ncols, nrows, text, size))
        return cell

    def blank_row(self):
        r = self.next()
        for c in range(1, self.ncols + 1):
            self.ws.cell(row=r, column=c).border = BORDER
        self.cells.append((r, 1, 1, 1, "", 11))

    @staticmethod
    def lines(text: str, width: float, size: float) -> int:
        capacity = max(width - 1.5, 2.0)
        n = 0
        for para in text.split("\n"):
            units = sum(2.0 if ord(ch) > 0x2E80 else 1.1 for ch in para) * size / 11
            n += max(1, math.ceil(units / capacity))
        return n

    def finish(self):
        heights: dict[int, float] = {}
        tall: list[tuple[int, int, float]] = []
        for r, c, ncols, nrows, text, size in self.cells:
            width = sum(self.widths[c - 1 : c - 1 + ncols])
            need = self.lines(text, width, size) * size * 1.45 + 7
            if nrows == 1:
                heights[r] = max(heights.get(r, 0), need)
            else:
                tall.append((r, nrows, need))
        for r in range(1, self.r + 1):
            heights.setdefault(r, 18)
            heights[r] = max(heights[r], 18)
        for r, nrows, need in tall:
            have = sum(heights[x] for x in range(r, r + nrows))
            if have < need:
                extra = (need - have) / nrows
                for x in range(r, r + nrows):
                    heights[x] += extra
        heights.update(self.fixed)
        for r, h in heights.items():
            self.ws.row_dimensions[r].height = round(h, 1)
        ws = self.ws
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.5
        ws.page_margins.top = ws.page_margins.bottom = 0.6


def new_workbook(sheet: str, extra: bool) -> tuple[Workbook, object]:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    if extra:
        wb.create_sheet("Sheet2")
        wb.create_sheet("Sheet3")
    wb.properties.creator = "Administrator"
    wb.properties.lastModifiedBy = "Administrator"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    return wb, ws


def save(wb: Workbook, path: Path) -> None:
    """Save, then rewrite the zip with fixed timestamps so reruns give identical bytes."""
    wb.save(path)
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(path) as z:
        items = [(info.filename, z.read(info.filename)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + stamp.encode() + rb"\g<2>", data
                )
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


SEAL = f"单位（盖章）：{UNIT}"
NOTE = "注：此表一式三份，于6月底前报区纪委。"
NOTE_GENERAL = "注：此表一式三份，务于6月底前报区纪委及所在派驻纪检组、监察室。"


# --------------------------------------------------------------------------------------------
# The three forms of seed 001
# --------------------------------------------------------------------------------------------


def write_leader(p: Person, path: Path) -> None:
    st = p.style
    wb, ws = new_workbook(st.sheet, st.extra_sheets)
    wide = st.kv == "wide"  # 防控措施 spread over two merged columns
    widths = [30, 15, 12, 30, 26] if wide else [30, 15, 12, 56]
    s = Sheet(ws, widths, trad if st.trad else None)
    n = s.ncols
    mspan = n - 3
    if st.annex:
        s.put(s.next(), 1, "附件2", "plain")
    r = s.next(36)
    s.put(r, 1, "领导岗位廉政风险识别和防控表", "title", ncols=n)
    r = s.next()
    s.put(r, 1, SEAL, "plain", ncols=2)
    r = s.next()
    s.put(r, 1, "姓　　名" if st.num == "circle" else "姓名", "label")
    s.put(r, 2, p.name, "center")
    s.put(r, 3, "职务", "label")
    s.put(r, 4, p.title, "center", ncols=mspan)
    r = s.next()
    s.put(r, 1, "岗位风险等级", "label")
    s.put(r, 2, p.grade, "center")
    s.put(r, 3, "分管工作", "label")
    s.put(r, 4, p.duties, "value", ncols=mspan)
    r = s.next()
    heads = ["风险点", "风险\n类型" if st.header_breaks else "风险类型", "风险\n级别" if st.header_breaks else "风险级别", "防控措施"]
    for c, h in enumerate(heads, 1):
        s.put(r, c, h, "header", ncols=mspan if c == 4 else 1)
    regular = [x for x in p.points if not x.tzyd]
    special = [x for x in p.points if x.tzyd]
    for i, pt in enumerate(regular + special):
        if i == len(regular):
            r = s.next()
            s.put(r, 1, "“三重一大”方面", "label", ncols=n)
        r = s.next()
        s.put(r, 1, pt.text, "value")
        s.put(r, 2, type_text(pt, st), "center")
        s.put(r, 3, level_text(pt, st, i), "center")
        s.put(r, 4, measures_text(pt, st), "value", ncols=mspan)
    for label, rev in zip(["单位领导小组审查意见", "所在派驻纪检组、监察室审核意见"], p.reviews):
        r = s.next(48)
        s.put(r, 1, label, "label")
        s.put(r, 2, rev.opinion, "value", ncols=2)
        s.put(r, 4, rev.date, "center", ncols=mspan)
    r = s.next()
    s.put(r, 1, NOTE, "note", ncols=n)
    s.finish()
    save(wb, path)


def write_staff(p: Person, path: Path) -> None:
    """Middle (附件3) and general (附件4) forms: same body, different header fields."""
    st = p.style
    middle = p.tier == "middle"
    wb, ws = new_workbook(st.sheet, st.extra_sheets)
    conv = trad if st.trad else None
    s = Sheet(ws, [22, 24, 26, 12, 10, 40], conv)
    title = "中层岗位廉政风险识别和防控表" if middle else "一般岗位廉政风险识别和防控表"
    if st.annex:
        s.put(s.next(), 1, "附件3" if middle else "附件4", "plain")
    r = s.next(36)
    s.put(r, 1, title, "title", ncols=6)
    r = s.next()
    if middle and st.kv == "b":
        s.put(r, 1, SEAL, "plain", ncols=3)
        s.put(r, 4, f"所在科室：{p.dept}", "plain", ncols=3)
    else:
        s.put(r, 1, SEAL, "plain", ncols=3)
    if middle:
        r = s.next()
        if st.kv == "a":  # 科室负责人 | 周某 | 职务 | 科长 | 岗位风险等级 | B, then 所在科室 below
            for c, (v, k) in enumerate([("科室负责人", "label"), (p.name, "center"), ("职务", "label"),
                                        (p.title, "center"), ("岗位风险等级", "label"), (p.grade, "center")], 1):
                s.put(r, c, v, k)
            r = s.next()
            s.put(r, 1, "所在科室", "label")
            s.put(r, 2, p.dept, "center")
            s.put(r, 3, "", "center", ncols=4)
        elif st.kv == "b":  # 所在科室 in the seal row; 职务 at the end
            for c, (v, k) in enumerate([("科室负责人", "label"), (p.name, "center"), ("岗位风险等级", "label"),
                                        (p.grade, "center"), ("职务", "label"), (p.title, "center")], 1):
                s.put(r, c, v, k)
        else:  # c: two rows of four, as the seed's table, plus 科室 and 职务
            s.put(r, 1, "科室负责人", "label")
            s.put(r, 2, p.name, "center")
            s.put(r, 3, "岗位风险等级", "label")
            s.put(r, 4, p.grade, "center", ncols=3)
            r = s.next()
            s.put(r, 1, "科室", "label")
            s.put(r, 2, p.dept, "center")
            s.put(r, 3, "职务", "label")
            s.put(r, 4, p.title, "center", ncols=3)
    else:
        r = s.next()
        if st.kv == "row6":
            for c, (v, k) in enumerate([("姓名", "label"), (p.name, "center"), ("所在科室及职务", "label"),
                                        (p.dept + p.title, "center"), ("岗位风险等级", "label"), (p.grade, "center")], 1):
                s.put(r, c, v, k)
        elif st.kv == "space":  # 秘书科 科员, grade on its own row
            s.put(r, 1, "姓　　名", "label")
            s.put(r, 2, p.name, "center")
            s.put(r, 3, "所在科室及职务", "label")
            s.put(r, 4, f"{p.dept} {p.title}", "center", ncols=3)
            r = s.next()
            s.put(r, 1, "岗位风险等级", "label")
            s.put(r, 2, p.grade, "center")
            s.put(r, 3, "", "center", ncols=4)
        elif st.kv == "slash":  # label and value in one cell, 科室/职务
            s.put(r, 1, "姓名", "label")
            s.put(r, 2, p.name, "center")
            s.put(r, 3, f"所在科室及职务：{p.dept}/{p.title}", "value", ncols=2)
            s.put(r, 5, "岗位风险等级", "label")
            s.put(r, 6, p.grade, "center")
        else:  # inline: three label：value cells
            s.put(r, 1, f"姓名：{p.name}", "value", ncols=2)
            s.put(r, 3, f"所在科室及职务：{p.dept}/{p.title}", "value", ncols=2)
            s.put(r, 5, f"岗位风险等级：{p.grade}", "value", ncols=2)
    r = s.next()
    if st.header_breaks:
        heads = ["岗位\n职责", "工作\n流程", "风险点", "风险\n类型", "风险\n级别", "防控\n措施"]
    else:
        heads = ["岗位职责", "工作流程", "风险点", "风险类型", "风险级别", "防控措施"]
    for c, h in enumerate(heads, 1):
        s.put(r, c, h, "header")
    first = s.r + 1
    for i, pt in enumerate(p.points):
        r = s.next()
        if i == 0:
            n = len(p.points)
            s.put(r, 1, p.duties, "value", nrows=n)
            s.put(r, 2, p.flow, "value", nrows=n)
        s.put(r, 3, pt.text, "value")
        s.put(r, 4, type_text(pt, st), "center")
        s.put(r, 5, level_text(pt, st, i), "center")
        s.put(r, 6, measures_text(pt, st), "value")
    assert s.r == first + len(p.points) - 1
    for _ in range(st.blank_rows):
        s.blank_row()
    labels = ["单位主管领导审查意见", "单位领导小组审查意见", "所在派驻纪检组、监察室审核意见"]
    for label, rev in zip(labels, p.reviews):
        r = s.next(46)
        s.put(r, 1, label, "label")
        s.put(r, 2, rev.opinion, "value", ncols=3)
        s.put(r, 5, rev.signer, "center")
        s.put(r, 6, rev.date, "center")
    r = s.next()
    s.put(r, 1, NOTE if middle else NOTE_GENERAL, "note", ncols=6)
    s.finish()
    save(wb, path)


# --------------------------------------------------------------------------------------------
# Seed 000 department register and seed 002 power list
# --------------------------------------------------------------------------------------------


def write_register(d: DeptRegister, path: Path) -> None:
    st = d.style
    wb, ws = new_workbook("部室", False)
    s = Sheet(ws, [6, 16, 26, 14, 10, 40, 9, 16], trad if st.trad else None)
    r = s.next(36)
    s.put(r, 1, "部室廉政风险防控登记表", "title", ncols=8)
    r = s.next()
    s.put(r, 1, f"部室：{d.dept}", "plain", ncols=2)
    s.put(r, 3, f"负责人：{d.head}", "plain", ncols=2)
    s.put(r, 5, f"分管领导：{d.leader}", "plain", ncols=2)
    r = s.next()
    for c, h in enumerate(["序号", "风险点", "风险表现形式", "风险类型", "风险等级", "防控措施", "责任人", "完成时限"], 1):
        s.put(r, c, h, "header")
    for i, row in enumerate(d.rows):
        r = s.next()
        pt = row.point
        s.put(r, 1, i + 1, "center")
        s.put(r, 2, pt.text, "value")
        s.put(r, 3, row.manifestation, "value")
        s.put(r, 4, type_text(pt, st), "center")
        s.put(r, 5, level_text(pt, st, i), "center")
        s.put(r, 6, measures_text(pt, st), "value")
        s.put(r, 7, row.owner, "center")
        s.put(r, 8, row.deadline, "center")
    s.finish()
    save(wb, path)


def write_powers(pl: PowerList, path: Path) -> None:
    wb, ws = new_workbook("权力清单", False)
    s = Sheet(ws, [6, 20, 14, 30, 12, 34, 40])
    r = s.next(36)
    s.put(r, 1, "部门权力清单", "title", ncols=7)
    r = s.next()
    s.put(r, 1, f"部门：{pl.dept}", "plain", ncols=3)
    r = s.next()
    for c, h in enumerate(["序号", "权力名称", "权力类别", "权力内容", "行使岗位", "法律依据", "运行流程"], 1):
        s.put(r, c, h, "header")
    for i, pw in enumerate(pl.powers, 1):
        r = s.next()
        s.put(r, 1, i, "center")
        for c, v in enumerate([pw.name, pw.kind, pw.content, pw.holder, pw.basis, pw.flow], 2):
            s.put(r, c, v, "center" if c in (3, 5) else "value")
    s.finish()
    save(wb, path)


# --------------------------------------------------------------------------------------------
# Totals
# --------------------------------------------------------------------------------------------

TIER_LABEL = {"leader": "领导岗位", "middle": "中层岗位", "general": "一般岗位"}
LEVEL_LABEL = {1: "Ⅰ级", 2: "Ⅱ级", 3: "Ⅲ级"}


def check_data() -> None:
    people = LEADERS + MIDDLES + GENERALS
    names = [p.name for p in people]
    assert len(names) == len(set(names)), "every holder has a distinct name"
    for p in people:
        assert p.grade in "ABC"
        n_reviews = 2 if p.tier == "leader" else 3
        assert len(p.reviews) == n_reviews, p.name
        for pt in p.points:
            for m in pt.measures:
                assert not re.search(r"\d[.、]|（\d）|[①-⑩]", m), m  # no text that looks like numbering
    positions = {(p.dept, p.title) for p in people}
    for pl in POWER_LISTS:
        for pw in pl.powers:
            assert (pl.dept, pw.holder) in positions, pw
    by_name = {p.name: p for p in people}
    for d in REGISTERS:
        assert by_name[d.head].dept == d.dept and by_name[d.head].tier == "middle"
        assert by_name[d.leader].tier == "leader" and d.dept in by_name[d.leader].duties
        for row in d.rows:
            assert by_name[row.owner].dept == d.dept, row
    depts = {p.dept for p in MIDDLES}
    for p in GENERALS:
        assert p.dept in depts, p.dept


def position_key(p: Person) -> tuple[str, str]:
    """A position as lzfk identifies it: department + title, and for leadership posts also
    the 分管工作 (two 副主任 overseeing different work hold two positions)."""
    if p.tier == "leader":
        return p.dept, f"{p.title}（分管：{p.duties[:12]}…）"
    return p.dept, p.title


def totals(files: list[tuple[str, str, str, str, str, str, int, int]]) -> dict:
    people = LEADERS + MIDDLES + GENERALS
    all_points: list[tuple[str, Point]] = [(p.tier, pt) for p in people for pt in p.points]
    all_points += [("register", row.point) for d in REGISTERS for row in d.rows]
    depts = sorted({p.dept for p in MIDDLES + GENERALS} | {d.dept for d in REGISTERS} | {pl.dept for pl in POWER_LISTS})
    positions = {tier: sorted({position_key(p) for p in people if p.tier == tier}) for tier in TIER_LABEL}
    return {
        "departments": depts,
        "positions": positions,
        "holders": sorted({p.name for p in people}),
        "points": len(all_points),
        "points_by_source": Counter(src for src, _ in all_points),
        "by_level": Counter(pt.level for _, pt in all_points),
        "by_type": Counter(pt.type for _, pt in all_points),
        "measures": sum(len(pt.measures) for _, pt in all_points),
        "measures_by_count": Counter(len(pt.measures) for _, pt in all_points),
        "tzyd": sum(pt.tzyd for _, pt in all_points),
        "powers": sum(len(pl.powers) for pl in POWER_LISTS),
        "powers_by_kind": Counter(pw.kind for pl in POWER_LISTS for pw in pl.powers),
        "grades": Counter((p.tier, p.grade) for p in people),
        "reviews": sum(len(p.reviews) for p in people),
        "reviews_filled": sum(1 for p in people for rv in p.reviews if rv.opinion),
        "files": files,
    }


def expected_md(t: dict) -> str:
    L = []
    a = L.append
    a("# Demo register: expected totals")
    a("")
    a(f"Generated by `registers/demo/make_forms.py` from the same data it writes to `forms/`; do not edit by hand.")
    a(f"Unit: **{UNIT}** (fictional), forms dated June 2011. Levels are given canonically (Ⅰ/Ⅱ/Ⅲ, Ⅰ highest) —")
    a("the forms spell them Ⅰ级 / 一级 / 1级 / ２级 / 高 ….")
    a("")
    a("## Departments")
    a("")
    a(f"{len(t['departments'])} 科室 + {LEADERSHIP} (leadership positions) = {len(t['departments']) + 1} departments:")
    a("")
    a("、".join(t["departments"]) + f"；{LEADERSHIP}")
    a("")
    a("## Positions (distinct department + title; leadership posts also by 分管工作)")
    a("")
    a("| tier | positions | holders |")
    a("|---|---|---|")
    people = LEADERS + MIDDLES + GENERALS
    for tier, label in TIER_LABEL.items():
        holders = sum(1 for p in people if p.tier == tier)
        a(f"| {label} | {len(t['positions'][tier])} | {holders} |")
    total_pos = sum(len(v) for v in t["positions"].values())
    a(f"| **total** | **{total_pos}** | **{len(t['holders'])}** |")
    a("")
    a(f"Distinct holders (people who filled a form): **{len(t['holders'])}** — every one a different surname + 某.")
    a("")
    a("Positions with more than one holder:")
    a("")
    cnt = Counter(position_key(p) for p in people)
    for (dept, title), n in sorted(cnt.items()):
        if n > 1:
            holders = "、".join(p.name for p in people if position_key(p) == (dept, title))
            a(f"- {dept} / {title}: {n} ({holders})")
    a("")
    for tier, label in TIER_LABEL.items():
        a(f"{label}: " + "；".join(f"{d}/{ti}" for d, ti in t["positions"][tier]))
        a("")
    a("Position grades (per form): " + "，".join(
        f"{TIER_LABEL[tier]} {grade}×{n}" for (tier, grade), n in sorted(t["grades"].items(), key=lambda x: (list(TIER_LABEL).index(x[0][0]), x[0][1]))))
    a("")
    a("## Risk points")
    a("")
    a(f"Total: **{t['points']}**")
    a("")
    src_label = {"leader": "领导岗位 forms", "middle": "中层岗位 forms", "general": "一般岗位 forms", "register": "部室登记表"}
    a("| source | points |")
    a("|---|---|")
    for src in ["leader", "middle", "general", "register"]:
        a(f"| {src_label[src]} | {t['points_by_source'][src]} |")
    a("")
    a("| level | points |")
    a("|---|---|")
    for lv in (1, 2, 3):
        a(f"| {'I' * lv} ({LEVEL_LABEL[lv]}) | {t['by_level'][lv]} |")
    a("")
    a("| type | points |")
    a("|---|---|")
    for k, v in TYPES.items():
        a(f"| {v}风险 | {t['by_type'][k]} |")
    a("")
    a(f"“三重一大” points (listed under “三重一大”方面 in leadership forms): **{t['tzyd']}**")
    a("")
    a(f"## Measures\n\nTotal: **{t['measures']}** (points with 1 measure: {t['measures_by_count'][1]}, "
      f"2: {t['measures_by_count'][2]}, 3: {t['measures_by_count'][3]})")
    a("")
    a(f"## Powers\n\nTotal: **{t['powers']}** (" + "，".join(f"{k} {v}" for k, v in sorted(t["powers_by_kind"].items())) + ")")
    a("")
    a(f"## Reviews\n\nReview blocks on person forms: {t['reviews']}, with an opinion written: {t['reviews_filled']}.")
    a("")
    a("## Files")
    a("")
    a("| file | form | department | holder | title | grade | points | measures |")
    a("|---|---|---|---|---|---|---|---|")
    for f in t["files"]:
        a("| " + " | ".join(str(x) for x in f) + " |")
    a("")
    a("How the counts are meant: a 部室登记表's points belong to its department, not to a position; its")
    a("负责人, 分管领导 and 责任人 are people who also filled a person form, so they add no holders. Every")
    a("power's 行使岗位 is an existing position of that department (科长, 副科长, 审批员 …), so the power")
    a("lists add no positions. Middle positions take their title from the added 职务 field and their")
    a("department from 所在科室 / 科室; leadership positions are (领导班子, 职务).")
    a("")
    a("Traps for a reader: the 岗位职责 cell of 阎某 and 余某 ends in 意见 (…提出初审意见), like a review")
    a("label; the 三重一大 points follow a row “三重一大”方面 merged across the table; review rows carry 签字：… cells.")
    a("")
    a("Quirks on purpose: `.xls` files (converted by LibreOffice); traditional script in the 綜合科 forms;")
    a("levels as Ⅰ级/一级/1级/２级/高; types with and without 风险; measures numbered 1. / 1、 / （1） / ①,")
    a("separated by ； or line breaks; header labels with line breaks; 姓　　名 with spaces; 所在科室及职务")
    a("as 秘书科科员 / 秘书科 科员 / one cell 所在科室及职务：综合科/科员; empty bordered rows; empty")
    a("review dates 年　月　日; dates as 2011年6月24日, 2011.6.24, a date cell, an Excel serial number, 2011年底")
    a("and full-width ２０１１年１２月３１日; extra empty sheets Sheet2/Sheet3.")
    a("")
    return "\n".join(L)


# --------------------------------------------------------------------------------------------


def to_xls(paths: list[Path]) -> None:
    if not paths:
        return
    with tempfile.TemporaryDirectory(prefix="lzfk_lo_") as profile:
        cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "xls",
               "--outdir", str(OUT), *map(str, paths)]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    for p in paths:
        xls = p.with_suffix(".xls")
        if not xls.exists():
            sys.exit(f"LibreOffice did not write {xls.name}")
        p.unlink()


def main() -> None:
    check_data()
    if OUT.exists():
        for f in OUT.iterdir():
            if f.suffix in (".xlsx", ".xls"):
                f.unlink()
    OUT.mkdir(parents=True, exist_ok=True)
    files = []
    to_convert = []
    tier_form = {"leader": "领导岗位", "middle": "中层岗位", "general": "一般岗位"}

    def fname(stem: str, st: Style) -> Path:
        if st.trad:
            stem = trad(stem)
        return OUT / f"{stem}.xlsx"

    for p in LEADERS + MIDDLES + GENERALS:
        path = fname(f"{tier_form[p.tier]}-{p.dept}-{p.name}", p.style)
        (write_leader if p.tier == "leader" else write_staff)(p, path)
        if p.style.xls:
            to_convert.append(path)
        final = path.with_suffix(".xls") if p.style.xls else path
        files.append((final.name, tier_form[p.tier], p.dept, p.name, p.title, p.grade, len(p.points),
                      sum(len(x.measures) for x in p.points)))
    for d in REGISTERS:
        path = fname(f"部室登记表-{d.dept}", d.style)
        write_register(d, path)
        files.append((path.name, "部室登记表", d.dept, d.head, "", "", len(d.rows), sum(len(r.point.measures) for r in d.rows)))
    for pl in POWER_LISTS:
        path = fname(f"权力清单-{pl.dept}", pl.style)
        write_powers(pl, path)
        if pl.style.xls:
            to_convert.append(path)
        final = path.with_suffix(".xls") if pl.style.xls else path
        files.append((final.name, "权力清单", pl.dept, "", "", "", f"{len(pl.powers)} powers", ""))
    to_xls(to_convert)

    t = totals(files)
    EXPECTED.write_text(expected_md(t), encoding="utf-8")

    print(f"wrote {len(files)} forms to {OUT.relative_to(HERE.parent.parent)}")
    print(f"departments: {len(t['departments'])} 科室 + {LEADERSHIP}: {'、'.join(t['departments'])}")
    for tier, label in TIER_LABEL.items():
        print(f"positions {label}: {len(t['positions'][tier])}")
    print(f"holders: {len(t['holders'])}")
    print(f"risk points: {t['points']}  by level " + " ".join(f"{LEVEL_LABEL[k]}={t['by_level'][k]}" for k in (1, 2, 3)))
    print("by type: " + " ".join(f"{TYPES[k]}={t['by_type'][k]}" for k in TYPES))
    print(f"measures: {t['measures']}  三重一大: {t['tzyd']}  powers: {t['powers']}")


if __name__ == "__main__":
    main()
