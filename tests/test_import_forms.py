"""Import filled forms that lzfk did not generate, and check what the register then holds.

Fixtures: tests/data/forms/ (made by tests/data/make_fixtures.py; each builder's docstring
says what the form should yield) and the four real samples in ../shared/samples/.
Everything goes through the CLI contract (docs/contract-draft.md): ``lzfk import … --format
json`` and then ``lzfk list risks|positions|powers|departments`` and ``lzfk stats``.

Results are compared as flattened tuples so a failure shows *which* value is wrong:
risk points as (row, department, position, tier, grade, holders, type, description,
manifestation, level, 三重一大, measure texts), sorted by source row.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lzfk.cli import app

# --- shared helpers (tests/conftest.py belongs to another engineer) ----------------------

FORMS = Path(__file__).parent / "data" / "forms"
SAMPLES = Path(__file__).parents[1].parent / "shared" / "samples"

runner = CliRunner()
CJK = re.compile(r"[\u4e00-\u9fff]")


def invoke(*args: object):
    """Run ``lzfk ARGS`` in-process; a wide terminal so tables never elide file names."""
    return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "240", "NO_COLOR": "1"})


def run_json(*args: object, exit_code: int = 0):
    """Run ``lzfk ARGS --format json`` and return the parsed stdout."""
    result = invoke(*args, "--format", "json")
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == exit_code, f"exit {result.exit_code}, expected {exit_code}:\n{result.output}"
    return json.loads(result.stdout)


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file under ``directory`` with its bytes (empty if the directory does not exist)."""
    if not directory.exists():
        return {}
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def nonzero(counts: dict) -> dict:
    return {k: v for k, v in counts.items() if v}


# --- flattening --------------------------------------------------------------------------


def flat_risk(r: dict) -> tuple:
    return (
        r["source"]["row"],
        r["department"],
        r["position"],
        r["tier"],
        r["grade"],
        tuple(r["holders"]),
        r["type"],
        r["description"],
        r["manifestation"],
        r["level"],
        tuple(sorted(r["three_important"])),
        tuple(m["text"] for m in r["measures"]),
    )


def flat_position(p: dict) -> tuple:
    return (p["department"], p["title"], p["tier"], p["grade"], tuple(p["holders"]),
            p["oversees"], p["duties"], p["workflow"])


def flat_power(p: dict) -> tuple:
    return (p["department"], p["name"], p["kind"], p["content"], p["holder"], p["legal_basis"], tuple(p["flow"]))


def filled_reviews(owner: str, name: str | None, reviews: list[dict]) -> set[tuple]:
    """Reviews that say something (an empty 年　月　日 block may or may not be kept)."""
    return {(owner, name, rv["stage"], rv["opinion"], rv["date"])
            for rv in reviews if rv.get("opinion") or rv.get("date")}


# --- expectations --------------------------------------------------------------------------

I, II, III = "I", "II", "III"


def points(context: tuple, *rows: tuple) -> list[tuple]:
    """Risk tuples for one position/department: context = (department, position, tier, grade,
    holders); each row = (source row, type, description, manifestation, level, 三重一大, measures)."""
    return [(row[0], *context, *row[1:]) for row in rows]


@dataclass
class Case:
    stem: str
    files: tuple[str, ...]
    sheet: str
    form: str
    unit: str | None
    risks: list[tuple]
    positions: list[tuple] | None  # None: not checked
    departments: dict[str, tuple[str | None, str | None] | None]  # name -> (head, leader) or None
    reviews: set[tuple] = field(default_factory=set)  # (owner kind, owner name, stage, opinion, date)
    measure_details: list[tuple] | None = None  # (row, text, owner, deadline)
    responsible: list[tuple] | None = None  # (row, department_head, responsible_leader)
    powers: list[tuple] = field(default_factory=list)
    counts: dict = field(default_factory=dict)  # explicit stats: departments, positions, people


LEADER_CTX = ("领导班子", "副主任", "leader", "A", ("王某",))
MIDDLE_CTX = ("综合科", "科长", "middle", "B", ("李某",))
GENERAL_CTX = ("秘书科", "科员", "general", "C", ("张某",))
GENERAL_TRAD_CTX = ("综合科", "科员", "general", "B", ("赵某",))
PERSONAL_REGISTER_CTX = ("财务部", "出纳", None, None, ("吴某",))
DEPARTMENT_REGISTER_CTX = ("财务审计部", None, None, None, ())
PERSONAL_SELFCHECK_CTX = ("教务处", "考务管理员", None, None, ("刘某",))
DEPARTMENT_SELFCHECK_CTX = ("后勤管理处", None, None, None, ())

CASES = [
    Case(
        "leader", ("leader.xlsx", "leader.xls", "leader-lo.xlsx"), "领导岗位", "leader", "某区政府办公室",
        points(
            LEADER_CTX,
            # before the “三重一大”方面 row: not flagged
            (7, "duty", "审批公务接待费用时把关不严", None, II, (), ("严格执行公务接待标准", "接待费用每季度公开")),
            (8, "moral", "放松政治理论学习，廉洁自律意识淡化", None, III, (), ("参加中心组理论学习", "每年述职述廉")),
            # under it: flagged with the kind the text hints at, else "general"
            (10, "institution", "大额资金使用未经集体研究", None, I, ("funds",),
             ("大额资金使用提交主任办公会集体研究", "资金使用情况向纪检组报备")),
            (11, "duty", "重要人事任免中个人说了算", None, I, ("personnel",), ("严格执行干部任用条例，任免事项集体讨论",)),
            (12, "institution", "议事时不充分发扬民主，搞一言堂", None, II, ("general",), ("严格执行议事规则",)),
        ),
        [(*LEADER_CTX, "财务、后勤", None, None)],
        {"领导班子": None},
        reviews={("position", "副主任", "leadership", "同意", "2011-06-28"),
                 ("position", "副主任", "discipline", "同意，报区纪委备案", "2011-06-30")},
        counts={"departments": 1, "positions": 1, "people": 1, "powers": 0},
    ),
    Case(
        "middle", ("middle.xlsx", "middle.xls"), "Sheet1", "middle", "某区政府办公室",
        points(
            MIDDLE_CTX,
            (5, "duty", "办公用品采购中收受回扣", None, I, (), ("实行三家以上询价比价", "采购与验收分人负责")),
            (6, "institution", "会议费用报销审核不严", None, II, (), ("严格执行会议费管理办法", "报销单据经分管主任签字")),
            (7, "moral", "与服务商交往过密", None, III, (), ("不参加服务商安排的宴请", "定期开展廉政谈话")),
        ),
        [(*MIDDLE_CTX, None, "负责文电处理、会务安排和办公用品采购", "提出需求→询价比价→分管主任审批→采购验收")],
        {"综合科": None},
        reviews={("position", "科长", "supervisor", "同意", "2011-06-25"),
                 ("position", "科长", "leadership", "同意", "2011-06-28")},
        counts={"departments": 1, "positions": 1, "people": 1, "powers": 0},
    ),
    Case(
        "general", ("general.xlsx", "general.xls"), "一般岗位", "general", "某区政府办公室",
        points(
            GENERAL_CTX,
            (6, "duty", "违规使用公章", None, II, (), ("用印实行登记审批", "印章专柜保管")),
            (7, "moral", "泄露未公开文件内容", None, III, (), ("加强保密教育",)),
        ),
        [(*GENERAL_CTX, None, "负责公文收发、印章管理", "登记→审批→用印→归档")],
        {"秘书科": None},
        reviews={("position", "科员", "supervisor", "同意", "2011-06-25"),
                 ("position", "科员", "leadership", "同意", "2011-06-30")},  # Excel serial 40724
        counts={"departments": 1, "positions": 1, "people": 1, "powers": 0},
    ),
    Case(
        "general_trad", ("general_trad.xlsx", "general_trad.xls"), "綜合科", "general", "某区政府办公室",
        points(
            GENERAL_TRAD_CTX,
            (5, "duty", "车辆维修虚报费用", None, I, (), ("维修实行定点采购", "维修费用每月公示")),
            (6, "institution", "公车私用", None, II, (), ("严格执行派车登记制度", "车辆安装定位系统")),
            (7, "moral", "接受维修厂吃请", None, III, (), ("签订廉洁承诺书",)),
        ),
        [(*GENERAL_TRAD_CTX, None, "负责车辆调度和维修管理", "用车申请→审批→派车→登记")],
        {"综合科": None},
        reviews={("position", "科员", "supervisor", "同意", "2011-06-30"),
                 ("position", "科员", "leadership", "同意", "2011-06-30")},
        counts={"departments": 1, "positions": 1, "people": 1, "powers": 0},
    ),
    Case(
        "personal_register", ("personal_register.xlsx", "personal_register.xls"), "個人登記表",
        "personal_register", "某国营公司",
        points(
            PERSONAL_REGISTER_CTX,
            (5, "duty", "现金收付", "挪用公款、白条抵库", I, (), ("每日核对库存现金", "财务负责人不定期盘点")),
            (6, "institution", "报销审核", "虚假票据报销", II, (), ("严格执行报销审批制度",)),
            (7, "external", "收受好处", "接受往来单位礼品礼金", III, (), ("签订廉洁承诺书", "拒收礼品礼金")),
        ),
        [(*PERSONAL_REGISTER_CTX, None, None, None)],
        {"财务部": None},
        reviews={("position", "出纳", "department", "同意", "2012-07-05"),
                 ("position", "出纳", "supervisor", "同意", "2012-07-10")},
        measure_details=[
            (5, "每日核对库存现金", "吴某", "2012-12-31"),
            (5, "财务负责人不定期盘点", "吴某", "2012-12-31"),
            (6, "严格执行报销审批制度", "吴某", "2012-09-30"),  # 2012.9.30
            (7, "签订廉洁承诺书", "吴某", "2012-12-31"),  # Excel serial 41274
            (7, "拒收礼品礼金", "吴某", "2012-12-31"),
        ],
        counts={"departments": 1, "positions": 1, "people": 1, "powers": 0},
    ),
    Case(
        "department_register", ("department_register.xlsx", "department_register.xls"), "部室登记表",
        "department_register", None,
        points(
            DEPARTMENT_REGISTER_CTX,
            (4, "process", "大额资金支付", "未按规定审批即支付", I, (), ("大额支付实行双人签批", "每月与银行对账")),
            (5, "duty", "审计整改", "审计发现问题整改不到位", II, (), ("建立整改台账", "整改情况报分管领导")),
            (6, "institution", "费用报销", "报销审核走过场", III, (), ("报销单据实行三级审核",)),
        ),
        [],
        {"财务审计部": ("钱某", "孙某")},
        reviews={("department", "财务审计部", "supervisor", "同意", "2012-07-10"),
                 ("department", "财务审计部", "leadership", "同意", "2012-07-20")},
        measure_details=[
            (4, "大额支付实行双人签批", "钱某", "2012-12-31"),
            (4, "每月与银行对账", "钱某", "2012-12-31"),
            (5, "建立整改台账", "周某", "2012-11-30"),
            (5, "整改情况报分管领导", "周某", "2012-11-30"),
            (6, "报销单据实行三级审核", "周某", "2012-10-31"),
        ],
        counts={"departments": 1, "positions": 0, "people": 0, "powers": 0},
    ),
    Case(
        "personal_selfcheck", ("personal_selfcheck.xlsx", "personal_selfcheck.xls"), "自查表",
        "personal_selfcheck", None,
        points(
            PERSONAL_SELFCHECK_CTX,
            (5, "duty", "考试命题", "泄露试题或为他人透露考试范围", I, (), ("命题人员签订保密承诺", "试卷由专人保管")),
            # "公示3个工作日": a number inside a sentence is not a list marker
            (6, "external", "补考安排", "接受学生请托违规安排补考", II, (), ("补考名单公示3个工作日",)),
            (7, "moral", "日常学习", "廉洁意识淡薄", III, (), ("参加廉政教育", "观看警示教育片", "签订廉洁承诺书")),
        ),
        [(*PERSONAL_SELFCHECK_CTX, None, None, None)],
        {"教务处": None},
        reviews={("position", "考务管理员", "supervisor", "同意", "2023-03-20")},
        counts={"departments": 1, "positions": 1, "people": 1, "powers": 0},
    ),
    Case(
        "department_selfcheck",
        ("department_selfcheck.xlsx", "department_selfcheck.xls", "department_selfcheck.ods"), "部门自查",
        "department_selfcheck", "某职业学院",
        points(
            DEPARTMENT_SELFCHECK_CTX,
            (4, "process", "物资采购", "化整为零规避公开招标", I, (), ("采购计划集中审批", "达到限额一律公开招标")),
            (5, "institution", "维修工程结算", "虚报工程量", II, (), ("结算经审计处审核", "工程量现场复核")),
            (6, "external", "食堂承包", "接受承包商宴请", III, (), ("签订廉洁协议",)),
        ),
        [],
        {"后勤管理处": ("何某", "马某")},
        reviews={("department", "后勤管理处", "supervisor", "同意", "2023-05-16"),
                 ("department", "后勤管理处", "leadership", "同意", "2023-05-20")},  # serial 45066
        measure_details=[
            (4, "采购计划集中审批", "何某", "2023-05-15"),
            (4, "达到限额一律公开招标", "何某", "2023-05-15"),
            (5, "结算经审计处审核", "何某", "2023-05-15"),
            (5, "工程量现场复核", "何某", "2023-05-15"),
            (6, "签订廉洁协议", "马某", None),
        ],
        counts={"departments": 1, "positions": 0, "people": 0, "powers": 0},
    ),
    Case(
        "power_list", ("power_list.xlsx", "power_list.xls", "power_list-lo.xlsx"), "权力清单", "power_list",
        "某职业学院",
        [],
        None,  # whether holders like 会计 become positions is left to the importer
        {"财务处": None},
        reviews={("department", "财务处", "supervisor", "同意", "2023-03-10")},
        powers=[
            ("财务处", "经费报销审核", "财务", "审核各部门经费报销单据", "会计", "《中华人民共和国会计法》",
             ("受理", "审核", "审批", "支付")),
            ("财务处", "国有资产处置", "资产处置", "报废资产的鉴定与处置", "资产管理员", "《行政事业性国有资产管理条例》",
             ("申请", "鉴定", "审批", "处置")),
            ("财务处", "大额资金支付", "财务", "50万元以上资金支付审批", "处长", "学校“三重一大”决策制度实施办法",
             ("提出", "集体研究", "签批", "支付")),
        ],
        counts={"departments": 1, "people": 0, "powers": 3},
    ),
    Case(
        "consolidated", ("consolidated.xlsx", "consolidated.xls", "consolidated-lo.xlsx"), "台账", "consolidated",
        "市政工程管理中心",
        [
            (4, "工程科", "项目负责人", None, None, (), "duty", "工程变更审核", "虚增工程量，变更不经集体研究", I, (),
             ("变更实行三方会签", "重大变更集体研究")),
            (5, "工程科", "施工员", None, None, (), "process", "隐蔽工程验收", "验收走过场，以次充好", II, (),
             ("隐蔽工程验收留存影像资料", "监理同步签字确认")),
            (6, "工程科", "施工员", None, None, (), "moral", "与施工方交往", "接受施工方宴请、礼品", III, (),
             ("签订廉洁承诺书",)),
            # a formula-looking string is data, kept as text
            (7, "财务科", "会计", None, None, (), "institution", "工程款支付", '=HYPERLINK("x","y")', I, (),
             ("工程款支付实行双人签批", "按合同节点支付")),
            (8, "财务科", "出纳", None, None, (), "duty", "现金管理", "坐支现金、公款私存", III, (),
             ("每日盘点库存现金", "不定期抽查")),
        ],
        [
            ("工程科", "项目负责人", None, None, (), None, None, None),
            ("工程科", "施工员", None, None, (), None, None, None),
            ("财务科", "会计", None, None, (), None, None, None),
            ("财务科", "出纳", None, None, (), None, None, None),
        ],
        {"工程科": ("陈某", "林某"), "财务科": ("黄某", "林某")},
        responsible=[(4, "陈某", "林某"), (5, "陈某", "林某"), (6, "陈某", "林某"), (7, "黄某", "林某"), (8, "黄某", "林某")],
        counts={"departments": 2, "positions": 4, "people": 0, "powers": 0},
    ),
    Case(
        "consolidated_optional", ("consolidated_optional.xlsx", "consolidated_optional.xls"), "一览表",
        "consolidated", "某县交通运输局",
        [
            (4, "规划科", None, None, None, (), "institution", "项目立项", "违规调整项目计划", I, ("project",),
             ("项目计划集体研究", "立项结果公示")),
            (5, "规划科", None, None, None, (), "duty", "招标代理选择", "指定招标代理机构", II, (),
             ("代理机构随机抽取", "抽取结果公示")),
            (6, "财务科", None, None, None, (), "duty", "专项资金拨付", "截留挪用专项资金", I, ("funds",),
             ("资金拨付集体审批", "每季度公开拨付情况")),
            (7, "财务科", None, None, None, (), "institution", "公务卡报销", "虚开发票报销", III, ("general",),
             ("报销实行初审复审制度",)),
        ],
        [],
        {"规划科": ("邓某", "邱某"), "财务科": ("罗某", "邱某")},
        responsible=[(4, "邓某", "邱某"), (5, "邓某", "邱某"), (6, "罗某", "邱某"), (7, "罗某", "邱某")],
        counts={"departments": 2, "positions": 0, "people": 0, "powers": 0},
    ),
]
CASE_BY_STEM = {case.stem: case for case in CASES}
CASE_FILES = [pytest.param(case, name, id=name) for case in CASES for name in case.files]


# --- one import per fixture file, shared by the tests below -------------------------------


@dataclass
class Imported:
    report: dict
    risks: list[dict]
    positions: list[dict]
    powers: list[dict]
    departments: list[dict]
    stats: dict
    register: Path


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    cache: dict[Path, Imported] = {}

    def load(path: Path) -> Imported:
        if path not in cache:
            reg = tmp_path_factory.mktemp("reg") / "reg"
            report = run_json("import", path, "--into", reg)
            cache[path] = Imported(
                report=report,
                risks=run_json("list", "risks", reg),
                positions=run_json("list", "positions", reg),
                powers=run_json("list", "powers", reg),
                departments=run_json("list", "departments", reg),
                stats=run_json("stats", reg),
                register=reg,
            )
        return cache[path]

    return load


# --- the fixture forms ------------------------------------------------------------------------


@pytest.mark.parametrize(("case", "name"), CASE_FILES)
def test_import_report(imported, case: Case, name: str):
    got = imported(FORMS / name).report
    assert [(Path(f["file"]).name, f["status"]) for f in got["files"]] == [(name, "accepted")]
    assert got["files"][0]["forms"] == [{"sheet": case.sheet, "form": case.form}]
    assert (got["accepted"], got["rejected"], got["unreadable"]) == (1, 0, 0)
    assert got["dry_run"] is False
    assert got["created"] > 0 and got["updated"] == 0 and got["unchanged"] == 0
    assert [p for p in got["problems"] if p["severity"] == "error"] == []


@pytest.mark.parametrize(("case", "name"), CASE_FILES)
def test_risk_points(imported, case: Case, name: str):
    risks = imported(FORMS / name).risks
    assert sorted(map(flat_risk, risks)) == sorted(case.risks)
    assert {r["unit"] for r in risks} <= {case.unit}
    assert {(Path(r["source"]["file"]).name, r["source"]["sheet"]) for r in risks} <= {(name, case.sheet)}


@pytest.mark.parametrize(("case", "name"), CASE_FILES)
def test_positions(imported, case: Case, name: str):
    got = imported(FORMS / name)
    if case.positions is not None:
        assert sorted(map(flat_position, got.positions)) == sorted(case.positions)
    assert {p["unit"] for p in got.positions} <= {case.unit}
    # every point with a position points at a listed position with that title
    by_id = {p["id"]: p for p in got.positions}
    for risk in got.risks:
        if risk["position"] is None:
            assert risk["position_id"] is None
        else:
            assert by_id[risk["position_id"]]["title"] == risk["position"]
            assert by_id[risk["position_id"]]["department"] == risk["department"]


def test_consolidated_points_share_their_position(imported):
    risks = {r["source"]["row"]: r for r in imported(FORMS / "consolidated.xlsx").risks}
    assert risks[5]["position_id"] == risks[6]["position_id"]  # both 施工员 in 工程科
    assert len({r["position_id"] for r in risks.values()}) == 4


@pytest.mark.parametrize(("case", "name"), CASE_FILES)
def test_departments(imported, case: Case, name: str):
    departments = imported(FORMS / name).departments
    assert sorted(d["name"] for d in departments) == sorted(case.departments)
    for d in departments:
        assert d["unit"] == case.unit
        if case.departments[d["name"]] is not None:
            assert (d["head"], d["leader"]) == case.departments[d["name"]]


@pytest.mark.parametrize(("case", "name"), CASE_FILES)
def test_reviews(imported, case: Case, name: str):
    """Review blocks become reviews on the position (or department), never risk points."""
    got = imported(FORMS / name)
    reviews = set()
    for p in got.positions:
        reviews |= filled_reviews("position", p["title"], p["reviews"])
    for d in got.departments:
        reviews |= filled_reviews("department", d["name"], d["reviews"])
    assert reviews == case.reviews
    assert not any("意见" in r["description"] or r["description"].startswith("注") for r in got.risks)


@pytest.mark.parametrize(("case", "name"), [p for p in CASE_FILES if p.values[0].measure_details])
def test_measure_owners_and_deadlines(imported, case: Case, name: str):
    risks = imported(FORMS / name).risks
    got = [(r["source"]["row"], m["text"], m["owner"], m["deadline"]) for r in risks for m in r["measures"]]
    assert sorted(got, key=str) == sorted(case.measure_details, key=str)


@pytest.mark.parametrize(("case", "name"), [p for p in CASE_FILES if p.values[0].responsible])
def test_consolidated_responsible_people_from_merged_cells(imported, case: Case, name: str):
    risks = imported(FORMS / name).risks
    got = [(r["source"]["row"], r["department_head"], r["responsible_leader"]) for r in risks]
    assert sorted(got) == sorted(case.responsible)


@pytest.mark.parametrize(("case", "name"), [p for p in CASE_FILES if p.values[0].powers])
def test_powers(imported, case: Case, name: str):
    powers = imported(FORMS / name).powers
    assert sorted(map(flat_power, powers)) == sorted(case.powers)
    assert {p["unit"] for p in powers} == {case.unit}


@pytest.mark.parametrize(("case", "name"), CASE_FILES)
def test_stats(imported, case: Case, name: str):
    stats = imported(FORMS / name).stats
    for key, value in case.counts.items():
        assert stats[key] == value, key
    assert stats["risk_points"] == len(case.risks)
    assert stats["measures"] == sum(len(r[-1]) for r in case.risks)
    # by_level / by_type count risk points
    assert nonzero(stats["by_level"]) == Counter(r[9] or "none" for r in case.risks)
    assert nonzero(stats["by_type"]) == Counter(r[6] or "none" for r in case.risks)
    # by_tier counts positions (the contract leaves it open; lzfk counts positions)
    if case.positions is not None:
        assert nonzero(stats["by_tier"]) == Counter(p[2] or "none" for p in case.positions)
    # by_department: {name: {positions, risk_points, measures}}
    for department in case.departments:
        got = stats["by_department"][department]
        risks = [r for r in case.risks if r[1] == department]
        assert (got["risk_points"], got["measures"]) == (len(risks), sum(len(r[-1]) for r in risks)), department
        if case.positions is not None:
            assert got["positions"] == sum(p[0] == department for p in case.positions), department
    assert set(stats["by_department"]) == set(case.departments)


def test_reviewer_taken_from_signature(imported):
    """签字：赵某 next to the supervisor's opinion names the reviewer."""
    (position,) = imported(FORMS / "middle.xlsx").positions
    reviewers = {rv["stage"]: rv["reviewer"] for rv in position["reviews"]}
    assert reviewers.get("supervisor") == "赵某"
    assert reviewers.get("leadership") is None


# --- idempotence and dry runs ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["leader.xlsx", "general_trad.xls", "consolidated.xlsx",
                                  "department_selfcheck.ods", "power_list.xlsx"])
def test_reimport_changes_nothing(tmp_path: Path, name: str):
    reg = tmp_path / "reg"
    first = run_json("import", FORMS / name, "--into", reg)
    assert first["created"] > 0
    before = snapshot(reg)
    assert before, "the register should hold files after an accepted import"

    again = run_json("import", FORMS / name, "--into", reg)
    assert (again["created"], again["updated"], again["skipped"]) == (0, 0, 0)
    assert again["unchanged"] == first["created"]
    assert [f["status"] for f in again["files"]] == ["accepted"]
    assert snapshot(reg) == before


def test_dry_run_writes_nothing(tmp_path: Path):
    reg = tmp_path / "reg"
    planned = run_json("import", FORMS / "middle.xlsx", "--into", reg, "--dry-run")
    assert planned["dry_run"] is True
    assert [f["status"] for f in planned["files"]] == ["accepted"]
    assert snapshot(reg) == {}

    done = run_json("import", FORMS / "middle.xlsx", "--into", reg)
    assert done["dry_run"] is False
    assert (done["created"], done["updated"], done["unchanged"]) == \
        (planned["created"], planned["updated"], planned["unchanged"])


def test_dry_run_leaves_an_existing_register_untouched(tmp_path: Path):
    reg = tmp_path / "reg"
    run_json("import", FORMS / "general.xlsx", "--into", reg)
    before = snapshot(reg)
    planned = run_json("import", FORMS / "consolidated.xlsx", "--into", reg, "--dry-run")
    assert planned["dry_run"] is True and planned["created"] > 0
    assert snapshot(reg) == before
    assert len(run_json("list", "risks", reg)) == 2  # still only general.xlsx's points


def test_table_output_names_the_file(tmp_path: Path):
    result = invoke("import", FORMS / "general.xls", "--into", tmp_path / "reg")
    assert result.exit_code == 0, result.output
    assert "general.xls" in result.output
    assert CJK.search(result.output)
    assert "Traceback" not in result.output


# --- the four real samples (../shared/samples, see its README) --------------------------------


def sample(name: str) -> Path:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"real sample not available: {path}")
    return path


def import_sample(tmp_path: Path, name: str, form: str) -> Imported:
    reg = tmp_path / "reg"
    report = run_json("import", sample(name), "--into", reg)
    assert [(f["status"], [x["form"] for x in f["forms"]]) for f in report["files"]] == [("accepted", [form])]
    assert [p for p in report["problems"] if p["severity"] == "error"] == []
    return Imported(report, run_json("list", "risks", reg), run_json("list", "positions", reg),
                    run_json("list", "powers", reg), run_json("list", "departments", reg),
                    run_json("stats", reg), reg)


def test_sample_middle_form(tmp_path: Path):
    """Unit 某县财政局; one middle position held by 孙某, grade A; 3 points Ⅰ/Ⅱ/Ⅲ,
    岗位职责/制度机制/思想道德; 5 measures; shared duties/flow; reviews 06-22, 06-24, one empty."""
    got = import_sample(tmp_path, "中层岗位廉政风险识别和防控表-预算科.xlsx", "middle")
    # no 职务 and no 科室 field: title 科室负责人, department null
    ctx = (None, "科室负责人", "middle", "A", ("孙某",))
    assert sorted(map(flat_risk, got.risks)) == points(
        ctx,
        (6, "duty", "资金拨付审核中优亲厚友、吃拿卡要", None, I, (), ("拨付实行科室集体审核", "拨付结果按月公示")),
        (7, "institution", "预算调整无制度约束，个人说了算", None, II, (), ("制定预算调整管理办法", "调整事项提交局务会研究")),
        (8, "moral", "放松学习，廉洁自律意识弱化", None, III, (), ("每月参加一次廉政学习，年度述廉",)),
    )
    assert {r["unit"] for r in got.risks} == {"某县财政局"}
    (position,) = got.positions
    assert flat_position(position) == (*ctx, None, "负责预算编制、资金拨付审核", "单位申请→科室审核→分管领导审批→拨付")
    assert filled_reviews("position", "科室负责人", position["reviews"]) == {
        ("position", "科室负责人", "supervisor", "同意。", "2011-06-22"),
        ("position", "科室负责人", "leadership", "同意。", "2011-06-24"),
    }
    assert {rv["stage"]: rv["reviewer"] for rv in position["reviews"]}.get("supervisor") == "周某"
    assert (got.stats["positions"], got.stats["people"], got.stats["risk_points"], got.stats["measures"]) == (1, 1, 3, 5)


def test_sample_department_register(tmp_path: Path):
    """Traditional script: 工程管理部, head 郑某, leader 陈某; 3 points 一/二/三级,
    业务流程/制度机制/岗位职责; 5 measures, owners 郑某/冯某/冯某, three date spellings."""
    got = import_sample(tmp_path, "部室廉政风险防控登记表-工程管理部.xlsx", "department_register")
    ctx = ("工程管理部", None, None, None, ())
    assert sorted(map(flat_risk, got.risks)) == points(
        ctx,
        (4, "process", "工程招投标", "设置倾向性条款，排斥潜在投标人", I, (), ("进入公共资源交易中心公开招标", "评标专家随机抽取")),
        (5, "institution", "工程变更签证", "虚增工程量，变更未经集体研究", II, (), ("变更实行三方会签", "重大变更提交党组会集体决策")),
        (6, "duty", "材料验收", "以次充好，验收走过场", III, (), ("实行双人验收并留存影像资料",)),
    )
    assert sorted((r["source"]["row"], m["owner"], m["deadline"]) for r in got.risks for m in r["measures"]) == [
        (4, "郑某", "2012-12-31"), (4, "郑某", "2012-12-31"),  # 2012年12月31日
        (5, "冯某", "2012-10-31"), (5, "冯某", "2012-10-31"),  # 2012.10.31
        (6, "冯某", "2012-12-31"),  # Excel serial 41274
    ]
    assert [(d["name"], d["head"], d["leader"]) for d in got.departments] == [("工程管理部", "郑某", "陈某")]
    assert got.positions == []
    assert (got.stats["risk_points"], got.stats["measures"], got.stats["positions"]) == (3, 5, 0)


def test_sample_power_list(tmp_path: Path):
    """行政审批科; 3 powers with kind, holder, legal basis and an arrow-written flow."""
    got = import_sample(tmp_path, "部门权力清单-行政审批科.xlsx", "power_list")
    assert sorted(map(flat_power, got.powers)) == sorted([
        ("行政审批科", "食品经营许可", "行政许可", "对食品经营申请进行审查并作出许可决定", "审批员",
         "《中华人民共和国食品安全法》第三十五条", ("受理", "审查", "现场核查", "决定", "送达")),
        ("行政审批科", "违法经营行为处罚", "行政处罚", "对无证经营等违法行为作出行政处罚", "执法员",
         "《中华人民共和国行政处罚法》", ("立案", "调查", "告知", "决定", "执行")),
        ("行政审批科", "办公用品采购", "人财物管理", "科室办公用品采购审批", "科长",
         "单位财务管理制度", ("申请", "比价", "审批", "采购")),
    ])
    assert got.risks == []
    assert (got.stats["powers"], got.stats["risk_points"]) == (3, 0)


def test_sample_personal_selfcheck_xls(tmp_path: Path):
    """Old .xls: 韩某, 学生工作处, 资助管理员; 2 points ２级/3级, 岗位职责/外部环境; 3 measures."""
    got = import_sample(tmp_path, "个人岗位风险点自查表-学生工作处.xls", "personal_selfcheck")
    ctx = ("学生工作处", "资助管理员", None, None, ("韩某",))
    assert sorted(map(flat_risk, got.risks)) == points(
        ctx,
        (4, "duty", "助学金评定", "评定中优亲厚友，不按程序公示", II, (), ("评定结果在学院公示5个工作日", "评定材料存档备查")),
        (5, "external", "受人请托", "接受学生家长宴请、礼品", III, (), ("严格执行廉洁自律规定，拒收礼品礼金",)),
    )
    assert [(p["department"], p["title"], p["holders"]) for p in got.positions] == [("学生工作处", "资助管理员", ["韩某"])]
    assert (got.stats["risk_points"], got.stats["measures"], got.stats["people"]) == (2, 3, 1)


def test_all_samples_in_one_folder(tmp_path: Path):
    if not SAMPLES.exists():
        pytest.skip(f"real samples not available: {SAMPLES}")
    report = run_json("import", SAMPLES, "--into", tmp_path / "reg")
    assert sorted((Path(f["file"]).name, f["status"]) for f in report["files"]) == sorted(
        (p.name, "accepted") for p in SAMPLES.iterdir() if p.suffix in {".xlsx", ".xls"})
    stats = run_json("stats", tmp_path / "reg")
    assert (stats["risk_points"], stats["measures"], stats["powers"]) == (3 + 3 + 2, 5 + 5 + 3, 3)


def test_power_list_read_before_its_posts_still_links_them_and_a_rerun_changes_nothing(tmp_path):
    """Files are read in name order; a power list that sorts before the forms of the posts
    it names must link to them all the same (and the next run must find nothing to do)."""
    import shutil

    from conftest import DEMO_FORMS, run_cli

    folder = tmp_path / "forms"
    folder.mkdir()
    (power_list,) = DEMO_FORMS.glob("权力清单-行政审批科.*")
    shutil.copy(power_list, folder / ("0-" + power_list.name))  # first in order
    for form in DEMO_FORMS.glob("*行政审批科*.xls*"):
        if form != power_list:
            shutil.copy(form, folder / ("1-" + form.name))
    register = tmp_path / "reg"
    first = run_cli("import", folder, "--into", register, "--format", "json").json()
    assert first["rejected"] == 0
    powers = run_cli("list", "powers", register, "--format", "json").json()
    assert powers and all(p["position_id"] for p in powers)
    again = run_cli("import", folder, "--into", register, "--format", "json").json()
    assert (again["created"], again["updated"], again["written"]) == (0, 0, [])


def test_a_second_duty_on_a_later_row_is_kept_not_dropped(tmp_path):
    """岗位职责/工作流程 merged over a group of rows, then a new duty for the rows below."""
    import openpyxl

    from conftest import DEMO_FORMS, run_cli

    source = sorted(DEMO_FORMS.glob("一般岗位-人事科-*.xlsx"))[0]
    wb = openpyxl.load_workbook(source)
    ws = wb.active
    ws.unmerge_cells("A7:A9")
    ws.unmerge_cells("B7:B9")
    ws["A9"], ws["B9"] = "负责工资核定", "核定→审批"  # rows 7–8 keep the first duty (A8/B8 blank: same as above)
    path = tmp_path / "两项职责.xlsx"
    wb.save(path)
    assert run_cli("import", path, "--into", tmp_path / "reg").exit_code == 0
    (post,) = run_cli("list", "positions", tmp_path / "reg", "--format", "json").json()
    assert post["duties"] == "负责干部考核、培训和人事档案管理；负责工资核定"
    assert post["workflow"] == "制定计划→组织实施→汇总→归档；核定→审批"
    again = run_cli("import", path, "--into", tmp_path / "reg", "--format", "json").json()
    assert (again["updated"], again["rejected"]) == (0, 0)


def test_three_important_yes_takes_its_kinds_from_the_description(tmp_path):
    """三重一大 “是” says only that a point is one: which kind comes from its wording."""
    import openpyxl

    from conftest import run_cli

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["风险点台账"])
    ws.append(["序号", "单位/科室", "岗位", "风险类别", "风险点", "风险等级", "防控措施", "三重一大"])
    ws.append([1, "某局财务科", "会计", "岗位职责", "大额资金使用未经集体研究", "高", "1.集体研究", "是"])
    ws.append([2, "某局财务科", "会计", "岗位职责", "违规报销", "中", "1.审核", "否"])
    ws.append([3, "某局财务科", "会计", "岗位职责", "报销审核把关不严", "中", "1.复核", "是"])
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    assert run_cli("import", path, "--into", tmp_path / "reg").exit_code == 0
    risks = run_cli("list", "risks", tmp_path / "reg", "--format", "json").json()
    assert {r["description"]: r["three_important"] for r in risks} == {
        "大额资金使用未经集体研究": ["funds"], "违规报销": [], "报销审核把关不严": ["general"]}
