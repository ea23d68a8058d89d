"""Deterministic input data for ``benchmarks/run.py``.

Two data sets, both generated from a fixed seed so that every run (and every machine) measures
the same content:

* ``consolidated_register(path, rows)`` — one 《廉政风险点和防控措施登记表》 workbook, one sheet:
  a title row, then the 13-column header 序号 | 单位/科室 | 岗位 | 风险类别 | 风险点 |
  廉政风险主要内容及表现形式 | 风险等级 | 防控措施 | 部门负责人 | 责任领导 | 三重一大 | 发生可能性 |
  危害程度, then ``rows`` risk points. For 100 000 rows: 50 units × 20 departments = 1 000
  departments (the 单位/科室 cell is "unit + department", e.g. 市财政局预算科), 4 positions per
  department (4 000 positions), 25 risk points per position. Written with openpyxl's write-only mode.

* ``general_forms(folder)`` — 426 filled 《一般岗位廉政风险识别和防控表》 (seed 001 附件4) of one
  postal bureau (seed 003 篇11: 2012 risk points, 426 positions, 389 people): 308 forms with
  5 points and 118 with 4, 37 people holding two positions.

Both functions return the figures an importer should arrive at (``expected``), which run.py
compares with ``lzfk stats``. Only the standard library and openpyxl are used.
"""

from __future__ import annotations

import random
from pathlib import Path

GENERATOR_VERSION = 3

# --------------------------------------------------------------------------------------------
# Shared vocabulary pools
# --------------------------------------------------------------------------------------------

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红玲飞鹏辉建国志宏斌海峰云波宁俊凯琳晨浩宇"
    "欣怡婷雪梅兰凤洁颖晶慧琴彬健文博亮新利清雷鑫昊昕瑞泽瑶佳思嘉子涵梓豪睿诚荣春晓东岩松林森宝金成"
)


def _names(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct, realistic Chinese names (surname + one or two given characters)."""
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < count:
        given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
        name = rng.choice(SURNAMES) + given
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out


RISK_TEMPLATES = (
    "{o}中审核把关不严", "{o}中违规操作、暗箱操作", "{o}过程中优亲厚友", "利用{o}职权吃拿卡要",
    "{o}信息不公开、不透明", "{o}中自由裁量权过大", "{o}中收受管理服务对象财物", "{o}程序不规范、随意简化",
    "{o}中弄虚作假", "{o}中泄露内部信息", "{o}中与利益相关方串通", "{o}中受人情干扰",
    "{o}中违规插手干预", "{o}监督检查流于形式", "{o}中拖延推诿、不作为", "{o}中越权审批",
    "{o}资料审查不严", "{o}台账登记不及时、不完整", "{o}中以权谋私", "{o}中接受宴请或娱乐活动安排",
    "{o}中标准把握不一", "{o}结果不公示或公示走过场", "{o}中违反回避制度", "{o}中重复支付或多付",
    "{o}中虚报冒领", "{o}中搞变通、打擦边球", "{o}相关制度执行不到位", "{o}中廉洁自律意识淡薄",
    "{o}中选择性执法", "{o}中收受回扣", "{o}中化整为零规避监管", "{o}中设置不合理条件",
    "{o}中擅自变更内容", "{o}中权力过于集中", "{o}中对经办人员监管不力", "{o}中玩忽职守",
    "{o}中违规收费", "{o}中违规借用、挪用资金", "{o}账实不符", "{o}中内外勾结",
)
ACTORS = ("经办人员", "岗位人员", "审核人员", "具体承办人", "分管负责人", "工作人员", "窗口人员", "相关责任人")
STAGES = ("受理", "初审", "复核", "审批", "办理", "验收", "拨付", "登记", "公示", "归档", "现场核查", "结果告知")
BEHAVIOURS = (
    "对不符合条件的申请予以通过", "故意拖延办理时限以索取好处", "向服务对象索要或收受礼品礼金",
    "将内部信息透露给特定关系人", "违规降低标准或放宽条件", "对明显问题视而不见",
    "未按规定集体研究即作出决定", "擅自改变资金用途或使用范围", "以个人意见代替集体决策",
    "与供应商、施工方私下接触", "虚构事项套取资金", "利用职务便利为亲友谋取利益",
    "对举报线索压案不查", "未按规定进行比价或公开招标", "伪造、变造相关凭证或记录",
    "指定或暗示服务对象选择特定中介", "重复计算或虚增工作量", "违规出借、转借账户",
    "在检查中走过场、搞形式", "对下属违规行为不制止、不报告",
)
CONSEQUENCES = (
    "造成国有资产流失", "损害群众切身利益", "影响机关形象和公信力", "可能导致违纪违法",
    "造成财政资金损失", "引发群众投诉和信访", "破坏公平竞争环境", "造成不良社会影响",
    "埋下廉政隐患", "导致决策失误",
)
MEASURES = (
    "建立{o}集体研究制度，重大事项一律上会", "{o}结果在单位内网公示不少于5个工作日", "实行{o}双人复核、交叉审核",
    "定期开展{o}专项检查", "加强廉政教育，签订廉政承诺书", "严格执行回避制度，利害关系人主动回避",
    "纪检监察室对{o}全程监督", "实行{o}A、B角制度", "每季度对{o}台账进行抽查",
    "{o}资料统一归档、全程留痕", "推行{o}网上办理，办理过程可追溯", "落实首问负责制和限时办结制",
    "开展重点岗位交流轮岗", "邀请服务对象开展满意度评议", "建立{o}责任追究制度",
    "重大事项报分管领导审批", "每半年开展一次警示教育", "完善{o}内部控制制度",
    "引入第三方审计机构开展审计", "严格执行财务审批和报销制度", "设立举报箱和举报电话，接受群众监督",
    "对{o}关键环节实行分权制衡", "年底开展述职述廉和民主测评", "建立{o}廉政风险预警台账",
    "明确{o}办理标准和时限，压缩自由裁量空间", "组织学习《中国共产党廉洁自律准则》",
    "领导班子成员定期听取{o}情况汇报", "对{o}异常情况及时约谈提醒",
)
NUMBERINGS = (
    ("{n}.", "；"), ("{n}.", "；"), ("{n}.", "；"), ("{n}.", "；"), ("{n}.", "；"), ("{n}.", "；"),
    ("{n}、", "；"), ("（{n}）", "；"), ("{n}.", "\n"), ("{n}．", "；"),
)

# A tiny simplified → traditional table for the few units that fill their forms in
# traditional script (seeds 000 and 003 are written that way). Deterministic, no OpenCC needed.
_S2T = str.maketrans(
    "审违规权务资财监责门岗风险点预实个关对业项费报过题经办员库账处发证许检结论录设应总计划级类别见条决议选择据开会领导单问并产构织纪执与为亲钱补贴讯范围际后时间现场统岁标宾礼请伪虚额笔万户众",
    "審違規權務資財監責門崗風險點預實個關對業項費報過題經辦員庫賬處發證許檢結論錄設應總計劃級類別見條決議選擇據開會領導單問並產構織紀執與為親錢補貼訊範圍際後時間現場統歲標賓禮請偽虛額筆萬戶眾",
)


def _numbered(rng: random.Random, items: list[str]) -> str:
    """Several measures in one cell, numbered the ways people number them."""
    if len(items) == 1:
        return items[0] + "。"
    mark, sep = rng.choice(NUMBERINGS)
    return sep.join(mark.format(n=i) + text for i, text in enumerate(items, 1)) + "。"


# --------------------------------------------------------------------------------------------
# 1. The consolidated register (廉政风险点和防控措施登记表)
# --------------------------------------------------------------------------------------------

UNITS = (
    "市财政局", "市发展和改革委员会", "市教育局", "市民政局", "市人力资源和社会保障局", "市自然资源和规划局",
    "市生态环境局", "市住房和城乡建设局", "市交通运输局", "市水务局", "市农业农村局", "市商务局",
    "市文化广电旅游局", "市卫生健康委员会", "市应急管理局", "市审计局", "市市场监督管理局", "市统计局",
    "市医疗保障局", "市城市管理局", "市林业局", "市机关事务管理局", "市行政审批服务局", "市公共资源交易中心",
    "市邮政管理局", "市邮政局", "市税务局", "市供销合作社", "市住房公积金管理中心", "市市政工程管理中心",
    "市政府办公室", "市档案馆", "市图书馆", "市人民医院", "市第一中学", "市职业技术学院",
    "市广播电视台", "市烟草专卖局", "市气象局", "市粮食和物资储备局", "市退役军人事务局", "市司法局",
    "市信访局", "市科学技术局", "市工业和信息化局", "市体育局", "市民族宗教事务局", "市地方金融监督管理局",
    "市国有资产监督管理委员会", "市公安局交通警察支队",
)
DEPARTMENTS = (
    "办公室", "人事科", "财务科", "法规科", "行政审批科", "执法监察科", "监督检查科", "计划科", "综合科",
    "信息中心", "后勤服务中心", "采购管理科", "基建科", "项目管理科", "资产管理科", "内审科", "档案室",
    "党建工作科", "纪检监察室", "宣传科", "政策研究室", "规划发展科", "安全监管科", "质量管理科",
    "政务服务科", "资金管理科", "统计分析科", "科技教育科", "组织人事科", "离退休干部科", "工会办公室",
    "信访接待室", "招标采购中心", "工程管理部", "市场经营部", "稽查大队", "评审中心", "结算中心",
    "培训中心", "合同管理科",
)
TITLES = (
    "科长", "副科长", "科员", "会计", "出纳", "审批员", "执法员", "采购员", "项目管理员", "资产管理员",
    "统计员", "信息管理员", "档案管理员", "驾驶员", "综合管理员", "审核员", "稽查员", "文秘", "人事专员",
    "工程技术员", "质量检查员", "仓库保管员", "合同管理员", "窗口受理员", "结算员", "评审员",
)
OBJECTS = (
    "项目资金拨付", "政府采购", "工程招标", "行政许可审批", "行政处罚裁量", "干部选拔任用", "公开招聘",
    "职称评审", "评优评先", "资产处置", "公务接待", "公务用车管理", "办公用品采购", "合同签订", "工程变更签证",
    "工程款支付", "专项资金分配", "补助资金发放", "低保资格审核", "执法检查", "案件查处", "证照发放",
    "档案借阅", "信息发布", "统计数据上报", "财务报销", "票据管理", "现金管理", "银行账户管理", "印章使用",
    "会议费管理", "培训费管理", "差旅费报销", "物资验收", "库存物资管理", "仓储出入库", "固定资产登记",
    "房屋出租", "国有资产评估", "项目立项审查", "可行性研究评审", "工程监理", "工程质量监督", "安全生产检查",
    "环境影响评价审批", "土地出让", "规划许可", "竣工验收", "税费减免", "罚没款收缴", "行政事业性收费",
    "医保基金结算", "药品耗材采购", "招生录取", "学生资助", "科研经费使用", "奖助学金评定", "食堂承包",
    "物业服务外包", "信息系统建设", "软件采购", "网络安全管理", "涉密文件管理", "信访件办理", "举报线索处置",
    "审计整改", "内部审计", "项目验收", "专家评审", "评估报告审核", "资质认定", "注册登记", "年检年审",
    "检验检测", "抽样检查", "价格监督检查", "广告审查", "特种设备监管", "食品经营许可", "药品经营监管",
    "市场主体登记", "消费投诉处理", "农业补贴发放", "农机购置补贴", "危房改造补助", "帮扶项目资金",
    "救灾物资分配", "社会救助审核", "养老服务补贴", "就业补助资金", "社保待遇核定", "公积金提取审核",
    "公积金贷款审批", "住房保障资格审核", "公租房分配", "征收补偿", "征地补偿款发放", "河道采砂许可",
    "取水许可", "水利工程建设", "道路养护工程", "客运线路审批", "运输车辆检测", "超限超载治理", "林木采伐许可",
    "野生动物保护执法", "文化市场执法", "旅游市场监管", "体育场馆运营", "赛事经费管理", "节目采购",
    "广告经营", "医疗服务收费", "大型医用设备采购", "临床用药管理", "人才引进", "干部考核", "工资福利审核",
    "离退休待遇审核", "因公出国审批", "党费收缴管理", "工会经费管理", "后勤物资采购", "车辆维修", "加油卡管理",
)
THREE_IMPORTANT_WORDS = ("资金", "工程", "项目", "采购", "招标", "选拔", "招聘", "任用", "土地", "补偿")

TYPES_CONSOLIDATED = ("岗位职责风险", "制度机制风险", "思想道德风险", "业务流程风险", "外部环境风险")
TYPE_KEYS = {"岗位职责": "duty", "制度机制": "institution", "思想道德": "moral", "业务流程": "process", "外部环境": "external"}
LEVEL_SCHEMES = (("高", "中", "低"), ("Ⅰ级", "Ⅱ级", "Ⅲ级"), ("一级", "二级", "三级"), ("高风险", "中风险", "低风险"))
SCALE_SCHEMES = (("高", "中", "低"), ("较大", "一般", "较小"), ("大", "中", "小"))
LEVEL_KEYS = ("I", "II", "III")

CONSOLIDATED_HEADER = (
    "序号", "单位/科室", "岗位", "风险类别", "风险点", "廉政风险主要内容及表现形式", "风险等级", "防控措施",
    "部门负责人", "责任领导", "三重一大", "发生可能性", "危害程度",
)
CONSOLIDATED_TITLE = "廉政风险点和防控措施登记表"
POINTS_PER_POSITION = 25
POSITIONS_PER_DEPARTMENT = 4
DEPARTMENTS_PER_UNIT = 20


def consolidated_layout(rows: int) -> tuple[int, int, int]:
    """(positions, departments, units) for a register of ``rows`` risk points."""
    positions = max(1, -(-rows // POINTS_PER_POSITION))
    departments = max(1, -(-positions // POSITIONS_PER_DEPARTMENT))
    units = max(1, -(-departments // DEPARTMENTS_PER_UNIT))
    return positions, departments, units


def _consolidated_rows(rows: int, expected: dict):
    """Yield the data rows (lists of 13 cells) and fill ``expected`` with what they hold."""
    rng = random.Random(20120426)
    positions, departments, units = consolidated_layout(rows)
    if units > len(UNITS):  # more than 50 units' worth: number the extra ones
        unit_names = [*UNITS] + [f"{UNITS[i % len(UNITS)]}第{i // len(UNITS) + 1}分局" for i in range(len(UNITS), units)]
    else:
        unit_names = list(UNITS[:units])
    people = _names(rng, departments * 2)
    by_level = dict.fromkeys(LEVEL_KEYS, 0)
    by_type = dict.fromkeys(TYPE_KEYS.values(), 0)
    measures_total = 0
    flagged = 0
    serial = 0
    department_names: list[str] = []
    position_keys: set[tuple[str, str]] = set()

    for d in range(departments):
        u = d // DEPARTMENTS_PER_UNIT
        unit = unit_names[u]
        unit_rng = random.Random(f"unit-{u}")
        levels = LEVEL_SCHEMES[u % len(LEVEL_SCHEMES)]
        scales = SCALE_SCHEMES[u % len(SCALE_SCHEMES)]
        bare_types = u % 4 == 3  # some units write 岗位职责 without 风险
        traditional = u % 17 == 5  # a couple of units write in traditional script
        blank_no = u % 5 == 2  # some units leave 三重一大 empty instead of 否
        depts = unit_rng.sample(DEPARTMENTS, min(DEPARTMENTS_PER_UNIT, len(DEPARTMENTS)))
        dept = depts[d % DEPARTMENTS_PER_UNIT]
        dept_cell = f"{unit}{dept}"
        department_names.append(dept_cell)
        head, leader = people[2 * d], people[2 * d + 1]
        titles = rng.sample(TITLES, POSITIONS_PER_DEPARTMENT)
        for title in titles:
            if serial >= rows:
                break
            position_keys.add((dept_cell, title))
            objects = rng.sample(OBJECTS, 6)
            combos = rng.sample(range(len(objects) * len(RISK_TEMPLATES)), POINTS_PER_POSITION)
            for combo in combos:
                if serial >= rows:
                    break
                serial += 1
                obj = objects[combo % len(objects)]
                point = RISK_TEMPLATES[combo // len(objects)].format(o=obj)
                actor = rng.choice(ACTORS)
                stage = rng.choice(STAGES)
                behaviour, behaviour2 = rng.sample(BEHAVIOURS, 2)
                detail = rng.random()
                if detail < 0.3:
                    extra = f"，单笔金额在{rng.randint(2, 500)}万元以上"
                elif detail < 0.5:
                    extra = f"，每年涉及{rng.randint(10, 3000)}件（户）"
                elif detail < 0.6:
                    extra = f"，{rng.randint(2005, 2012)}年曾有类似问题被群众反映"
                else:
                    extra = ""
                manifestation = (
                    f"{title}岗位{actor}在{obj}{stage}环节{behaviour}{extra}；或{behaviour2}，"
                    f"{rng.choice(CONSEQUENCES)}。"
                )
                likelihood = rng.choices((0, 1, 2), (2, 5, 3))[0]
                harm = rng.choices((0, 1, 2), (3, 5, 2))[0]
                level = 0 if likelihood + harm <= 1 else (1 if likelihood + harm <= 2 else 2)
                by_level[LEVEL_KEYS[level]] += 1
                rtype = rng.choices(TYPES_CONSOLIDATED, (5, 3, 2, 2, 1))[0]
                by_type[TYPE_KEYS[rtype[:4]]] += 1
                type_cell = rtype[:4] if bare_types else rtype
                k = rng.choices((1, 2, 3, 4), (1, 4, 4, 2))[0]
                items = [m.format(o=obj) for m in rng.sample(MEASURES, k)]
                measures_total += k
                measures = _numbered(rng, items)
                touches = any(w in obj for w in THREE_IMPORTANT_WORDS) and rng.random() < 0.6
                flagged += touches
                three = "是" if touches else ("" if blank_no else "否")
                row = [
                    serial, dept_cell, title, type_cell, point, manifestation, levels[level], measures,
                    head, leader, three, scales[likelihood], scales[harm],
                ]
                if traditional:
                    row = [c.translate(_S2T) if isinstance(c, str) else c for c in row]
                yield row

    expected.update(
        risk_points=serial,
        positions=len(position_keys),
        departments=len(set(department_names)),
        measures=measures_total,
        by_level=by_level,
        by_type=by_type,
        three_important=flagged,
    )


def consolidated_register(path: Path, rows: int) -> dict:
    """Write the consolidated register workbook to ``path``; return the expected figures."""
    from openpyxl import Workbook

    expected: dict = {}
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("登记表")
    ws.column_dimensions["E"].width = 30
    ws.column_dimensions["F"].width = 60
    ws.column_dimensions["H"].width = 60
    ws.append([CONSOLIDATED_TITLE])
    ws.append(list(CONSOLIDATED_HEADER))
    for row in _consolidated_rows(rows, expected):
        ws.append(row)
    wb.save(path)
    return expected


# --------------------------------------------------------------------------------------------
# 2. 426 一般岗位廉政风险识别和防控表 of one postal bureau (seed 001 附件4, seed 003 篇11)
# --------------------------------------------------------------------------------------------

POSTAL_UNIT = "某市邮政局"
FORMS = 426
FORM_PEOPLE = 389
FORM_POINTS = 2012
# (department, may the title be written straight after it: "营业科营业员")
POSTAL_DEPARTMENTS = (
    ("营业科", True), ("投递科", True), ("财务部", True), ("市场经营部", True), ("人力资源部", True),
    ("运输科", True), ("报刊发行科", True), ("集邮科", True), ("储蓄科", True), ("物流科", True),
    ("速递科", True), ("信息技术中心", True), ("安全保卫科", True), ("审计科", True), ("纪检监察室", True),
    ("后勤服务中心", True), ("网点运营部", True), ("邮件处理中心", False), ("综合办公室", False),
    ("工会办公室", False), ("党群工作部", True), ("客户服务中心", True), ("物资供应站", True),
    ("车辆管理科", True), ("机要通信科", True),
)
POSTAL_BRANCHES = (
    "城东", "城西", "城南", "城北", "开发区", "高新区", "站前", "人民路", "解放路", "建设路",
    "新华路", "滨河", "东关", "西关", "南关", "北关", "白塔镇", "青石镇", "柳林镇", "河口镇",
    "龙泉镇", "马庄乡", "杨集乡", "王屯乡", "李家寨",
)
POSTAL_TITLES = (
    "营业员", "综合柜员", "投递员", "分拣员", "押运员", "驾驶员", "会计", "出纳", "稽核员", "统计员",
    "仓库保管员", "采购员", "报刊发行员", "集邮业务员", "储蓄柜员", "客户经理", "信息管理员", "网络管理员",
    "档案管理员", "文秘", "人事专员", "薪酬专员", "培训专员", "审计员", "安全员", "保卫干事", "后勤管理员",
    "物业管理员", "车辆调度员", "质量检查员", "市场营销员", "渠道管理员", "邮件处理员", "揽收员", "理赔专员",
    "账务员", "机要通信员", "监控员", "科员", "业务员", "核算员", "结算员", "收寄员", "装卸员",
)
BRANCH_TITLES = ("营业员", "综合柜员", "投递员", "储蓄柜员", "客户经理", "安全员", "账务员", "揽收员")
POSTAL_OBJECTS = (
    "邮件收寄", "邮件投递", "包裹验视", "邮资收取", "邮票销售", "集邮品预订", "报刊订阅款收缴", "储蓄开户",
    "现金收付", "代收代付", "汇兑业务", "营业款解缴", "营业款押运", "库存现金管理", "重要空白凭证管理",
    "邮政车辆调度", "燃油费报销", "物资采购", "仓库物资收发", "邮件分拣封发", "速递揽收", "理赔处理",
    "大客户协议价格", "营销费用报销", "业务酬金发放", "员工考勤", "绩效工资核算", "劳务用工招聘",
    "信息系统权限管理", "客户信息保管", "档案借阅", "公章使用", "合同管理", "固定资产盘点", "维修工程",
    "安全检查", "监控录像管理", "机要文件传递", "给据邮件登记", "国际邮件处理",
)
FORM_TYPES = ("岗位职责风险", "制度机制风险", "思想道德风险")
FORM_LEVELS = ("Ⅰ级", "Ⅱ级", "Ⅲ级")
FORM_TYPE_KEYS = {"岗位职责风险": "duty", "制度机制风险": "institution", "思想道德风险": "moral"}
REVIEWS = ("单位主管领导审查意见", "单位领导小组审查意见", "所在派驻纪检组、监察室审核意见")
FORM_NOTE = "注：此表一式三份，务于6月底前报区纪委及所在派驻纪检组、监察室。"


def _postal_positions(rng: random.Random) -> list[tuple[str, str, bool]]:
    """426 distinct (department, title, joinable) positions: 25 branches × 8 + departments."""
    positions: list[tuple[str, str, bool]] = []
    for branch in POSTAL_BRANCHES:
        for title in BRANCH_TITLES:
            positions.append((f"{branch}邮政支局", title, True))
    need, nd = FORMS - len(positions), len(POSTAL_DEPARTMENTS)
    for k, (dept, joinable) in enumerate(POSTAL_DEPARTMENTS):
        for title in rng.sample(POSTAL_TITLES, need // nd + (k < need % nd)):
            positions.append((dept, title, joinable))
    assert len(set((d, t) for d, t, _ in positions)) == FORMS
    return positions


def _date_text(rng: random.Random, month: int, day: int) -> str:
    style = rng.random()
    if style < 0.7:
        return f"2012年{month}月{day}日"
    if style < 0.85:
        return f"2012.{month}.{day}"
    return f"2012-{month:02d}-{day:02d}"


def general_forms(folder: Path) -> dict:
    """Write the 426 general-position forms into ``folder``; return the expected figures."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    rng = random.Random(20120630)
    positions = _postal_positions(rng)
    rng.shuffle(positions)
    people = _names(rng, FORM_PEOPLE)
    # 389 people hold 426 positions: the first 37 people hold a second position.
    holders = people + people[: FORMS - FORM_PEOPLE]
    five = FORM_POINTS - 4 * FORMS  # forms with 5 points (308); the rest have 4
    counts = [5] * five + [4] * (FORMS - five)
    rng.shuffle(counts)
    supervisors = _names(random.Random(7), 12)
    by_level = dict.fromkeys(LEVEL_KEYS, 0)
    by_type = dict.fromkeys(FORM_TYPE_KEYS.values(), 0)
    measures_total = 0
    wrap = Alignment(wrap_text=True, vertical="center")
    bold = Font(bold=True, size=16)

    for i, ((dept, title, joinable), holder, n) in enumerate(zip(positions, holders, counts), 1):
        objects = rng.sample(POSTAL_OBJECTS, 3)
        duties = f"负责{objects[0]}、{objects[1]}及{objects[2]}等工作，完成领导交办的其他事项"
        flow = "→".join(rng.sample(("受理", "登记", "审核", "复核", "审批", "办理", "交接", "核对", "归档", "上报"), 5))
        style = rng.random()
        if joinable and style < 0.7:
            where = f"{dept}{title}"
        elif style < 0.85:
            where = f"{dept} {title}"
        else:
            where = f"{dept}/{title}"
        grade = rng.choices("ABC", (2, 5, 3))[0]

        wb = Workbook()
        ws = wb.active
        ws.title = "一般岗位"
        ws.append(["附件4"])
        ws.append(["一般岗位廉政风险识别和防控表"])
        ws.merge_cells("A2:F2")
        ws["A2"].font = bold
        ws.append([f"单位（盖章）：{POSTAL_UNIT}"])
        ws.merge_cells("A3:F3")
        ws.append(["姓名", holder, "所在科室及职务", where, "岗位风险等级", grade])
        ws.append(["岗位职责", "工作流程", "风险点", "风险类型", "风险级别", "防控措施"])
        first = ws.max_row + 1
        combos = rng.sample(range(len(objects) * len(RISK_TEMPLATES)), n)
        for j, combo in enumerate(combos):
            obj = objects[combo % len(objects)]
            point = RISK_TEMPLATES[combo // len(objects)].format(o=obj)
            rtype = rng.choices(FORM_TYPES, (5, 3, 2))[0]
            level = rng.choices((0, 1, 2), (2, 5, 4))[0]
            by_type[FORM_TYPE_KEYS[rtype]] += 1
            by_level[LEVEL_KEYS[level]] += 1
            k = rng.choices((1, 2, 3), (2, 5, 3))[0]
            items = [m.format(o=obj) for m in rng.sample(MEASURES, k)]
            measures_total += k
            if k == 1:
                measure_cell = items[0]
            else:
                measure_cell = "；".join(f"（{m}）{t}" for m, t in enumerate(items, 1))
            ws.append([duties if j == 0 else None, flow if j == 0 else None, point, rtype, FORM_LEVELS[level], measure_cell])
        last = ws.max_row
        if last > first:
            ws.merge_cells(f"A{first}:A{last}")
            ws.merge_cells(f"B{first}:B{last}")
        for row in ws.iter_rows(min_row=first, max_row=last):
            for cell in row:
                cell.alignment = wrap
        month, day = 6, rng.randint(10, 20)
        for k, label in enumerate(REVIEWS):
            filled = k < 2 or rng.random() < 0.8
            opinion = rng.choice(("同意。", "同意上报。", "经审查，风险点查找准确，措施可行，同意。")) if filled else None
            signer = f"签字：{rng.choice(supervisors)}" if filled and k == 0 else None
            date = _date_text(rng, month, day + 2 * k) if filled else "年\u3000月\u3000日"
            ws.append([label, opinion, None, signer, date, None])
            ws.merge_cells(f"B{ws.max_row}:C{ws.max_row}")
        ws.append([FORM_NOTE])
        ws.merge_cells(f"A{ws.max_row}:F{ws.max_row}")
        for col, width in zip("ABCDEF", (28, 28, 30, 14, 10, 50)):
            ws.column_dimensions[col].width = width
        safe = where.replace("/", "-").replace(" ", "")
        wb.save(folder / f"{i:03d}-一般岗位廉政风险识别和防控表-{safe}-{holder}.xlsx")

    return dict(
        forms=FORMS,
        positions=FORMS,
        people=FORM_PEOPLE,
        risk_points=FORM_POINTS,
        measures=measures_total,
        departments=len({d for d, _, _ in positions}),
        by_level=by_level,
        by_type=by_type,
    )
