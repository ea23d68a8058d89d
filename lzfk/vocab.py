"""The vocabulary: every Chinese label and alias lzfk understands, in one place.

Code elsewhere uses the enum members; this module maps them to the labels printed in
documents and to the many ways people write them in forms. Aliases are written in
simplified script, half-width, without spaces: input is normalised
(``lzfk.normalize.label_key``) before it is looked up here.
"""

from __future__ import annotations

from enum import Enum


class Vocab(str, Enum):
    """An enum whose members carry a Chinese label and accepted aliases."""

    label: str
    aliases: tuple[str, ...]

    def __new__(cls, value: str, label: str, *aliases: str) -> "Vocab":
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        member.aliases = (label, *aliases)
        return member

    def __str__(self) -> str:  # so f-strings and YAML show the stable English value
        return self.value


class PositionTier(Vocab):
    """岗位层级 (seed 001: three tiers of positions)."""

    LEADER = "leader", "领导岗位", "领导", "单位领导", "领导班子"
    MIDDLE = "middle", "中层岗位", "中层", "中层干部", "部门负责人", "科室负责人"
    GENERAL = "general", "一般岗位", "一般", "一般干部", "普通岗位", "其他岗位"


class PositionGrade(Vocab):
    """岗位风险等级 A/B/C (seed 001); 高/中/低 by position (seed 003 篇10)."""

    A = "A", "A", "A级", "高", "高风险", "高级", "一级", "1级", "Ⅰ级", "I级", "A类", "A类岗位", "A级岗位"
    B = "B", "B", "B级", "中", "中风险", "中级", "二级", "2级", "Ⅱ级", "II级", "B类", "B类岗位", "B级岗位"
    C = "C", "C", "C级", "低", "低风险", "低级", "三级", "3级", "Ⅲ级", "III级", "C类", "C类岗位", "C级岗位"


class RiskLevel(Vocab):
    """风险点等级, I highest. Roman (001), ordinal (000/002/004), high-low (002/004), A/B/C (003)."""

    I = "I", "Ⅰ级", "Ⅰ", "I", "一", "1", "高", "A", "一级风险", "高风险", "高级", "一级风险点", "Ⅰ类", "I类", "一类"
    II = "II", "Ⅱ级", "Ⅱ", "II", "二", "2", "中", "B", "二级风险", "中风险", "中级", "二级风险点", "Ⅱ类", "II类", "二类", "中等"
    III = "III", "Ⅲ级", "Ⅲ", "III", "三", "3", "低", "C", "三级风险", "低风险", "低级", "三级风险点", "Ⅲ类", "III类", "三类"


class RiskType(Vocab):
    """风险类型: three of seeds 001/003, 业务流程 (004), 外部环境 (002)."""

    MORAL = "moral", "思想道德风险", "思想道德", "思想道德方面", "道德风险", "思想风险"
    DUTY = "duty", "岗位职责风险", "岗位职责", "岗位职责方面", "岗位风险", "职责风险"
    INSTITUTION = "institution", "制度机制风险", "制度机制", "制度机制方面", "制度风险", "机制风险"
    PROCESS = "process", "业务流程风险", "业务流程", "业务流程方面", "流程风险", "工作流程风险"
    EXTERNAL = "external", "外部环境风险", "外部环境", "外部环境方面", "环境风险", "外部风险"


class MeasureStage(Vocab):
    """防控阶段: the three lines of defence (seed 001)."""

    PREVENTION = "prevention", "前期预防", "预防", "事前预防", "事前"
    MONITORING = "monitoring", "中期监控", "监控", "事中监控", "事中"
    DISPOSAL = "disposal", "后期处置", "处置", "事后处置", "事后"


class MeasureKind(Vocab):
    """措施类别 (DOMAIN: 教育/制度/监督/公开/分权制衡)."""

    EDUCATION = "education", "教育", "廉政教育", "教育提醒"
    INSTITUTION = "institution", "制度", "制度建设"
    SUPERVISION = "supervision", "监督", "监督检查"
    DISCLOSURE = "disclosure", "公开", "办事公开", "公示"
    CHECKS = "checks", "分权制衡", "权力制衡", "制衡"
    OTHER = "other", "其他"


class MeasureStatus(Vocab):
    """措施落实情况."""

    PLANNED = "planned", "未落实", "未开始", "计划", "待落实"
    IN_PROGRESS = "in_progress", "落实中", "进行中", "推进中"
    DONE = "done", "已落实", "已完成", "完成", "落实"


class ThreeImportant(Vocab):
    """三重一大: 重大事项决策, 重要人事任免, 重大项目安排, 大额资金使用."""

    DECISION = "decision", "重大事项决策", "重大决策", "重大事项"
    PERSONNEL = "personnel", "重要人事任免", "人事任免", "干部任免", "重要人事"
    PROJECT = "project", "重大项目安排", "重大项目", "项目安排"
    FUNDS = "funds", "大额资金使用", "大额资金", "资金使用"
    GENERAL = "general", "三重一大事项", "三重一大", "是", "涉及", "√", "✓", "Y", "YES"


# Words in a risk point's text that tell which of the 三重一大 it touches.
THREE_IMPORTANT_HINTS: dict[ThreeImportant, tuple[str, ...]] = {
    ThreeImportant.DECISION: ("决策", "重大事项"),
    ThreeImportant.PERSONNEL: ("人事", "任免", "干部", "选拔", "提拔", "招聘"),
    ThreeImportant.PROJECT: ("项目", "工程", "招标", "招投标"),
    ThreeImportant.FUNDS: ("资金", "经费", "财务", "预算", "拨付", "大额"),
}

# Values that mean "no" in yes/no columns such as 三重一大 or 人财物支配权.
NEGATIVE = ("否", "无", "不涉及", "没有", "N", "NO", "×", "-", "/")


class Scale(Vocab):
    """A three-step scale used for 发生可能性 and 危害程度 (seed 002/003)."""

    # seed 001: Ⅰ "潜在风险大、危害严重", Ⅱ "较大、较重", Ⅲ "小、轻"
    HIGH = "high", "高", "大", "严重", "很大", "很严重", "高风险", "很可能", "经常"
    MEDIUM = "medium", "中", "较大", "较重", "较高", "较严重", "一般", "中等", "可能"
    LOW = "low", "低", "小", "轻", "较小", "轻微", "较轻", "较低", "不太可能", "偶尔"


class Consequence(Vocab):
    """可能后果 (seed 002 一/二/三级 criteria)."""

    CRIME = "crime", "涉嫌违法犯罪", "违法犯罪", "犯罪", "刑事责任", "违法"
    DISCIPLINE = "discipline", "党纪政纪处分", "党纪政纪", "纪律处分", "处分", "党政纪处分"
    INTERNAL = "internal", "内部问责", "问责", "批评教育", "提醒谈话", "诫勉谈话", "批评"


class Resource(Vocab):
    """人财物支配权: control of people, money or goods."""

    PEOPLE = "people", "人", "人事", "人员"
    MONEY = "money", "财", "资金", "财务", "钱"
    GOODS = "goods", "物", "物资", "资产"


class ReviewStage(Vocab):
    """审核环节: the review blocks at the bottom of the forms (seed 001, 000, 002)."""

    DEPARTMENT = "department", "部门负责人审核意见", "部门负责人意见", "科室负责人审核意见", "部门意见"
    SUPERVISOR = "supervisor", "单位主管领导审查意见", "主管领导审查意见", "主管领导意见", "分管领导审查意见", "分管领导意见", "主管领导审定意见"
    LEADERSHIP = "leadership", "单位领导小组审查意见", "领导小组审查意见", "领导小组意见", "领导小组审核意见", "党组审定意见"
    DISCIPLINE = "discipline", "所在派驻纪检组、监察室审核意见", "派驻纪检组、监察室审核意见", "纪检组、监察室审核意见", "纪检监察室审核意见", "纪委审核意见", "纪检监察机构审核意见"


class Severity(Vocab):
    """问题严重程度."""

    ERROR = "error", "错误"
    WARNING = "warning", "警告"


class FormKind(Vocab):
    """The forms lzfk reads and writes (seeds 000, 001, 002 and published registers)."""

    LEADER = "leader", "领导岗位廉政风险识别和防控表"
    MIDDLE = "middle", "中层岗位廉政风险识别和防控表"
    GENERAL = "general", "一般岗位廉政风险识别和防控表"
    PERSONAL_REGISTER = "personal_register", "个人岗位廉政风险防控登记表"
    DEPARTMENT_REGISTER = "department_register", "部室廉政风险防控登记表", "部门廉政风险防控登记表"
    PERSONAL_SELFCHECK = "personal_selfcheck", "个人岗位风险点自查表"
    DEPARTMENT_SELFCHECK = "department_selfcheck", "部门岗位风险点自查表"
    POWER_LIST = "power_list", "部门权力清单", "权力清单", "职权目录"
    CONSOLIDATED = "consolidated", "廉政风险点和防控措施登记表", "风险点台账", "风险点一览表", "廉政风险防控台账", "风险防控一览表"


# Department used for leadership positions when a form names no department.
LEADERSHIP_DEPARTMENT = "领导班子"

# Characters that end a department's name (科, 处, 室 …) — used to split 所在科室及职务.
DEPARTMENT_SUFFIXES = ("办公室", "委员会", "中心", "科", "处", "室", "部", "股", "局", "办", "队", "所", "站", "院", "组", "馆", "委", "厂", "车间")

# Where the register keeps records whose form named no unit or department (folder names),
# and what a pre-filled form of such a record says in its 单位 cell.
UNKNOWN_UNIT = "未注明单位"
UNKNOWN_DEPARTMENT = "未注明部门"
