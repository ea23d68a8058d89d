"""excel.bulk, the column-wise reader of large consolidated registers, against the row reader.

Bulk reading is an accelerator: whatever it accepts, it must write exactly the register the
row reader writes (byte for byte) and report exactly the same. Every sheet here is imported
twice, once with bulk reading forced on (at any size) and once with it off, and the results are
compared. Sheets it must leave to the row reader are checked to be left.
"""

from __future__ import annotations

import random
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings, strategies as st

from lzfk import importer
from lzfk.excel import bulk
from lzfk.importer import OnConflict, import_forms
from lzfk.normalize import clean_text, label_key, split_numbered
from lzfk.yamlout import scalar

pl = pytest.importorskip("polars", reason="polars 未安装：大表按列读取的加速路径不可用")

from conftest import snapshot  # noqa: E402

# --- the vectorised pieces, one by one --------------------------------------------------------

TRICKY = list("1234567890１２.．、,，;；。:：()（）①②③⑴⑵一二三十是 \n\t\u3000'=甲乙丙丁制度執行審批严格公开 AbZ#-")


def test_spaces_are_what_python_strips():
    assert bulk._SPACES == "".join(chr(c) for c in range(0x110000) if chr(c).isspace())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=TRICKY, max_size=30), min_size=1, max_size=40))
def test_measure_items_split_as_split_numbered(cells):
    frame = pl.DataFrame({"i": pl.Series(range(len(cells)), dtype=pl.UInt32), "m": cells})
    items = bulk._measure_items(pl, frame, "m")
    got: dict[int, list[str]] = {}
    for i, text in items.rows():
        got.setdefault(i, []).append(text)
    for i, cell in enumerate(cells):
        assert got.get(i, []) == split_numbered(cell), repr(cell)


@pytest.mark.parametrize("cell", [
    "1.加强教育；2.完善制度；3.强化监督。", "1、公开；2、回避", "（1）公开，（2）回避", "(1)公开(2)回避", "1.公开；3.回避",
    "1.公开；2.5万元以上须集体研究", "公示5个工作日", "一是公开；二是回避", "①登记②保管", "1.公开\n2.回避", "；1.公开",
    "1.", "01.公开；02.回避", "1)公开；2)回避", "1.公开；2.", "1.公开；；2.回避；", "十分重要；1.公开",
])
def test_measure_items_known_cases(cell):
    frame = pl.DataFrame({"i": pl.Series([0], dtype=pl.UInt32), "m": [cell]})
    assert [t for _, t in bulk._measure_items(pl, frame, "m").rows()] == split_numbered(cell)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=12) | st.text(alphabet=TRICKY, max_size=12), min_size=1, max_size=30))
def test_label_keys_and_scalars_as_python(texts):
    series = pl.Series(texts, dtype=pl.String)
    assert bulk._label_keys(pl, series).to_list() == [label_key(t) for t in texts]
    frame = bulk._with_scalars(pl, series.to_frame("t"), ["t"])
    assert frame["t_y"].to_list() == [scalar(t) for t in texts]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=20))
def test_text_without_work_is_clean(text):
    if not pl.Series([text]).str.contains(bulk._pattern("work")).item():
        assert clean_text(text) == text


# --- whole sheets: bulk and row reader give the same register ----------------------------------

HEADER = ["序号", "单位", "科室", "岗位", "风险类别", "风险点", "廉政风险主要内容及表现形式", "风险等级", "定级依据",
          "三重一大", "发生可能性", "危害程度", "防控措施", "部门负责人", "责任领导"]
UNITS = ["某县财政局", "某县審計局", "某县教育局"]
DEPARTMENTS = ["办公室", "国库科", "預算科", "审计科", "会计核算中心"]
POSTS = ["科长", "出纳", "会计", "审批员", "—", "综合管理员"]
TYPES = ["思想道德风险", "岗位职责", "制度机制风险", "业务流程", "外部环境风险", ""]
LEVELS = ["一级", "Ⅱ级", "三级", "高", "中风险", "低", "I级", "２级"]
MEASURES = ["1.加强教育；2.完善制度；3.强化监督。", "1、严格公开；2、落实回避", "（1）集体研究，（2）全程留痕", "1.加強教育\n2.完善制度",
            "定期轮岗", "①登记②保管", "一是公开；二是回避", "1．公示；2．复核", "", "严格执行财务制度，1.公开"]
DESCRIPTIONS = ["违规审批资金", "收受服务对象财物", "泄露评审信息", "擅自改變用途", "优亲厚友", "Ａ类项目验收把关不严",
                "“三重一大”事项未集体决策", "会计 凭证审核不严", "'=HYPERLINK(x)", "利用职权谋取私利"]


def consolidated(path: Path, rows: list[list[object]], *, title: str | None = "某县廉政风险点和防控措施登记表",
                 header: list[str] = HEADER, top: int = 0, left: int = 0, merges: list[str] = ()) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "登记表"
    r = top + 1
    if title:
        ws.cell(r, left + 1, title)
        r += 1
    for c, label in enumerate(header):
        ws.cell(r, left + 1 + c, label)
    for row in rows:
        r += 1
        for c, value in enumerate(row):
            if value not in (None, ""):
                ws.cell(r, left + 1 + c, value)
    for ref in merges:
        ws.merge_cells(ref)
    wb.save(path)
    return path


def random_rows(seed: int, n: int) -> list[list[object]]:
    rnd = random.Random(seed)
    rows, seen = [], set()
    for i in range(n):
        unit, dept, post = rnd.choice(UNITS), rnd.choice(DEPARTMENTS), rnd.choice(POSTS)
        desc = f"{rnd.choice(DESCRIPTIONS)}{i}"
        if (unit, dept, post, desc) in seen:
            continue
        seen.add((unit, dept, post, desc))
        blank_fill = rows and rnd.random() < 0.3  # a blank unit/department/post cell: same as above
        rows.append([
            i + 1 if rnd.random() < 0.8 else str(i + 1),
            "" if blank_fill else unit, "" if blank_fill else dept, "" if blank_fill else post,
            rnd.choice(TYPES), desc, rnd.choice(["", f"表现{i}：未按规定审批", " 前后空格 ", "Yes"]),
            rnd.choice(LEVELS), rnd.choice(["", "涉及资金", "null"]),
            rnd.choice(["是", "否", "", "重大事项决策", "大额资金使用、重要人事任免"]),
            rnd.choice(["高", "中", "低", "较大", ""]), rnd.choice(["高", "中", "小", ""]),
            rnd.choice(MEASURES), rnd.choice(["张某", "李 某", "", "王某某"]), rnd.choice(["赵某", "", "钱某"]),
        ])
    return rows


class Tracker:
    """Counts what excel.bulk.read accepted and declined."""

    def __init__(self, monkeypatch) -> None:
        self.accepted = self.declined = 0
        original = bulk.read

        def read(*args, **kwargs):
            kwargs["min_bytes"] = 0
            form = original(*args, **kwargs)
            if form is None:
                self.declined += 1
            else:
                self.accepted += 1
            return form

        monkeypatch.setattr(bulk, "read", read)


def both_ways(monkeypatch, tmp_path: Path, files: list[Path], *, existing: list[Path] = (), unit: str | None = None,
              on_conflict: OnConflict = OnConflict.STOP) -> tuple[Tracker, dict, dict]:
    """Import ``files`` into two registers (after ``existing``), bulk forced on and off; the
    two registers and reports must be identical."""
    results = []
    tracker = None
    for name in ("bulk", "rows"):
        into = tmp_path / name
        with monkeypatch.context() as m:
            if name == "bulk":
                tracker = Tracker(m)
                m.setenv("LZFK_BULK", "always")  # a failure inside bulk reading fails the test
            else:
                m.setattr(bulk, "read", lambda *a, **k: None)
            for earlier in existing:
                import_forms([earlier], into=into, unit=unit)
            report = import_forms(files, into=into, unit=unit, on_conflict=on_conflict).to_dict()
        report.pop("register")
        results.append((snapshot(into), report))
    (files_bulk, report_bulk), (files_rows, report_rows) = results
    assert report_bulk == report_rows
    assert files_bulk.keys() == files_rows.keys()
    for key in files_bulk:
        assert files_bulk[key].decode() == files_rows[key].decode(), key
    return tracker, report_bulk, files_bulk


@pytest.mark.parametrize("seed", range(6))
def test_random_registers_read_the_same(monkeypatch, tmp_path, seed):
    path = consolidated(tmp_path / "台账.xlsx", random_rows(seed, 120))
    tracker, report, files = both_ways(monkeypatch, tmp_path, [path])
    assert tracker.accepted == 1, "a plain register is read in bulk"
    assert report["accepted"] == 1 and report["created"] > 100


def test_layout_variants_read_the_same(monkeypatch, tmp_path):
    rows = random_rows(7, 60)
    cases = {
        "offset.xlsx": dict(top=3, left=2),  # the table starts at C4: row and cell numbers stay the sheet's
        "untitled.xlsx": dict(title=None),
        "few-columns.xlsx": dict(header=["序号", "单位/科室", "风险点", "风险等级", "防控措施"]),
        "no-measures.xlsx": dict(header=["单位", "科室", "岗位", "风险点", "风险等级"]),
        "title-merged.xlsx": dict(merges=["A1:O1"]),
        "header-merged.xlsx": dict(merges=["A1:O1", "A2:A3"], top=0),  # 序号 merged over the first data row
    }
    for name, options in cases.items():
        header = options.get("header", HEADER)
        picked = [[row[HEADER.index(h)] if h in HEADER else row[2] for h in header] for row in rows]
        path = consolidated(tmp_path / name, picked, **options)
        tracker, report, _ = both_ways(monkeypatch, tmp_path / name.removesuffix(".xlsx"), [path])
        assert tracker.accepted == 1, name


@pytest.mark.parametrize("change", ["total", "continuation", "duplicate", "unknown-level", "review", "merged-across", "date",
                                    "blank-level", "section", "unknown-column", "merged-down"])
def test_what_bulk_leaves_to_the_row_reader(monkeypatch, tmp_path, change):
    import datetime as dt

    rows = random_rows(11, 40)
    merges = []
    header = list(HEADER)
    if change == "total":
        rows.insert(10, ["", "某县财政局", "国库科小计", "", "", "3个风险点", "", "", "", "", "", "", "", "", ""])
    elif change == "continuation":
        rows.insert(10, ["", "", "", "", "", "", "", "", "", "", "", "", "3.定期检查", "", ""])
    elif change == "duplicate":
        rows.append(list(rows[5]))
    elif change == "unknown-level":
        rows[3][7] = "四级"
    elif change == "review":
        rows.append(["单位主管领导审查意见", "同意"])
    elif change == "merged-across":
        merges = ["M5:N5"]
    elif change == "merged-down":  # 单位, 岗位, 风险等级 and 防控措施 merged down over several points
        # (data rows start on sheet row 3: rows[4] is sheet row 7, the top of each range)
        for r in range(5, 8):
            rows[r][1] = rows[r][3] = ""
        rows[5][7] = rows[6][7] = rows[5][12] = ""
        merges = ["B7:B10", "D7:D10", "H7:H9", "M7:M8"]
    elif change == "date":
        rows[2][8] = dt.datetime(2012, 6, 30)
    elif change == "blank-level":
        rows[4][7] = ""
    elif change == "section":
        rows.insert(0, ["一、岗位职责方面"])
    elif change == "unknown-column":
        header[8] = "备注栏目"
    path = consolidated(tmp_path / "台账.xlsx", rows, merges=merges, header=header)
    tracker, report, _ = both_ways(monkeypatch, tmp_path, [path])
    if change in ("unknown-column", "merged-down"):
        assert tracker.accepted == 1  # an extra column is reported (a warning) and read past
    else:
        assert tracker.declined >= 1 and tracker.accepted == 0


def test_the_same_register_imported_again(monkeypatch, tmp_path):
    path = consolidated(tmp_path / "台账.xlsx", random_rows(8, 80))
    applied = []
    original = importer._apply_bulk
    monkeypatch.setattr(importer, "_apply_bulk", lambda *a: (applied.append(1), original(*a)))
    tracker, report, _ = both_ways(monkeypatch, tmp_path, [path], existing=[path])
    assert report["created"] == 0 and report["unchanged"] > 80 and report["written"] == []
    assert len(applied) == 2  # the first import and the second, both in bulk


def test_existing_departments_are_merged_by_the_row_reader(monkeypatch, tmp_path):
    first = consolidated(tmp_path / "一.xlsx", random_rows(3, 50))
    rows = random_rows(3, 50)
    rows[0][12] = "1.新措施；2.另一条"
    second = consolidated(tmp_path / "二.xlsx", rows)
    tracker, report, _ = both_ways(monkeypatch, tmp_path, [second], existing=[first], on_conflict=OnConflict.UPDATE)
    assert tracker.accepted == 0 or report["updated"] >= 1
    # the same file twice in one import: the second file's departments are the first's
    tracker, report, _ = both_ways(monkeypatch, tmp_path / "twice", [first, second], on_conflict=OnConflict.UPDATE)


def test_unit_given_and_dry_run(monkeypatch, tmp_path):
    header = [h for h in HEADER if h != "单位"]
    rows = [row[:1] + row[2:] for row in random_rows(5, 40)]
    path = consolidated(tmp_path / "台账.xlsx", rows, header=header)
    tracker, report, files = both_ways(monkeypatch, tmp_path / "given", [path], unit="某县纪委")
    assert tracker.accepted == 1 and any(k.startswith("某县纪委/") for k in files)
    tracker, report, files = both_ways(monkeypatch, tmp_path / "none", [path])
    assert tracker.accepted == 1
    dry = import_forms([path], into=tmp_path / "dry", dry_run=True)
    assert not (tmp_path / "dry").exists() and dry.created == report["created"]


def test_small_sheets_stay_with_the_row_reader(tmp_path):
    path = consolidated(tmp_path / "台账.xlsx", random_rows(1, 20))
    from lzfk.excel.workbook import load

    loaded = load(path)
    (size, tail), = loaded.sheets.values()
    assert 0 < size < bulk.MIN_SHEET_BYTES
    assert bulk.read(loaded.data, str(path), "台账.xlsx", None, "", tail, size=size) is None
    assert bulk.read(loaded.data, str(path), "台账.xlsx", None, "", tail, size=size, min_bytes=0) is not None


def test_importer_uses_bulk_for_big_sheets(monkeypatch, tmp_path):
    monkeypatch.setattr(bulk, "MIN_SHEET_BYTES", 0)
    seen = []
    original = importer._apply_bulk
    monkeypatch.setattr(importer, "_apply_bulk", lambda *a: (seen.append(1), original(*a)))
    path = consolidated(tmp_path / "台账.xlsx", random_rows(2, 50))
    report = import_forms([path], into=tmp_path / "reg")
    assert seen and report.created > 0


@pytest.mark.parametrize("setting, used", [("always", True), ("off", False), ("", False)])
def test_lzfk_bulk_setting(monkeypatch, tmp_path, setting, used):
    monkeypatch.setenv("LZFK_BULK", setting)
    seen = []
    original = importer._apply_bulk
    monkeypatch.setattr(importer, "_apply_bulk", lambda *a: (seen.append(1), original(*a)))
    path = consolidated(tmp_path / "台账.xlsx", random_rows(4, 30))
    report = import_forms([path], into=tmp_path / "reg")
    assert bool(seen) is used and report.created > 0


# --- what a new-user trial found (each once made the two readers disagree) ---------------------

def patch_sheet(path: Path, out: Path, replacements: list[tuple[str, str]]) -> Path:
    """``path`` with regex replacements made in its worksheet XML (how other programs write it)."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                for pattern, repl in replacements:
                    text = re.sub(pattern, repl, text)
                data = text.encode()
            zout.writestr(item, data)
    return out


def test_one_post_spelled_two_ways(monkeypatch, tmp_path):
    rows = random_rows(21, 30)
    for r, post in ((0, "会计（A）"), (1, "会计(A)"), (2, "CPA岗"), (3, "cpa岗")):
        rows[r][1:4] = ["某县财政局", "国库科", post]
    path = consolidated(tmp_path / "台账.xlsx", rows)
    tracker, _, files = both_ways(monkeypatch, tmp_path, [path])
    assert tracker.accepted == 1
    text = files["某县财政局/国库科.yaml"].decode()
    assert text.count("title: 会计（A）") == 1 and "title: 会计(A)" not in text and text.count("title: CPA岗") == 1


@pytest.mark.parametrize("where", ["header", "header-block", "data"])
@pytest.mark.parametrize("value", ["date", "datetime", "time", "bool", "third", "decimal", "tiny", "far-date"])
def test_cells_that_are_no_text(monkeypatch, tmp_path, where, value):
    import datetime as dt

    typed = {"date": dt.date(2024, 1, 5), "datetime": dt.datetime(2024, 1, 5, 13, 45, 10, 500000),
             "time": dt.time(8, 30, 0, 250000), "bool": True, "third": 1 / 3, "decimal": 98765432.1,
             "tiny": 0.00001, "far-date": 3_000_000}[value]
    rows = random_rows(22, 30)
    header = list(HEADER)
    if where == "data":
        rows[4][8] = typed  # 定级依据
        rows[5][6] = typed  # 表现形式
    path = consolidated(tmp_path / "台账.xlsx", rows, header=header + (["x"] if where == "header" else []))
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    if where == "header":
        ws.cell(2, len(header) + 1, typed)
    elif where == "header-block":
        ws.insert_rows(2)
        ws.cell(2, 1, "单位")
        ws.cell(2, 2, typed)
    if value == "far-date":
        for row in ws.iter_rows():
            for cell in row:
                if cell.value == typed:
                    cell.number_format = "yyyy-mm-dd"
    wb.save(path)
    both_ways(monkeypatch, tmp_path, [path])


@pytest.mark.parametrize("form, repl", [
    ("single quotes", (r'<mergeCell ref="([A-Z0-9:]+)"', r"<mergeCell ref='\1'")),
    ("lower case", (r'<mergeCell ref="E7:E10"', r'<mergeCell ref="e7:e10"')),
    ("absolute", (r'<mergeCell ref="E7:E10"', r'<mergeCell ref="$E$7:$E$10"')),
    ("two ranges", (r'<mergeCell ref="E7:E10"', r'<mergeCell ref="E7:E10 Z1:Z2"')),
    ("cut short", (r'<mergeCell ref="E7:E10"', r'<mergeCell ref="E7:E"')),
    ("prefixed", (r'<(/?)([a-zA-Z]+)([ />])', r'<\1x:\2\3')),
])
def test_merged_ranges_written_otherwise(monkeypatch, tmp_path, form, repl):
    rows = random_rows(23, 30)
    for r in range(5, 8):
        rows[r][4] = ""
    rows[4][4] = "业务流程"
    plain = consolidated(tmp_path / "plain.xlsx", rows, merges=["E7:E10", "F12:G12"] if form == "single quotes" else ["E7:E10"])
    replacements = [repl]
    if form == "prefixed":
        replacements.insert(0, ('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
                                'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'))
    path = patch_sheet(plain, tmp_path / "台账.xlsx", replacements)
    tracker, report, _ = both_ways(monkeypatch, tmp_path / "out", [path])
    if form == "prefixed":
        assert tracker.accepted == 1  # read as Excel would: the prefix does not matter
    else:
        assert tracker.accepted == 0


def test_overlapping_merged_ranges(monkeypatch, tmp_path):
    """Ranges sharing cells (no spreadsheet program writes them, a generator may): the row
    reader fills them one after another, so bulk leaves them to it."""
    rows = random_rows(24, 30)
    rows[2][1], rows[6][1] = "某县甲局", "某县乙局"
    for r in (3, 4, 5, 7, 8, 9, 10, 11):
        rows[r][1] = ""
    path = consolidated(tmp_path / "台账.xlsx", rows, merges=["B5:B14"])
    path = patch_sheet(path, tmp_path / "重叠.xlsx", [(r'<mergeCell ref="B5:B14"\s*/>', '<mergeCell ref="B5:B14"/><mergeCell ref="B9:B10"/>')])
    tracker, _, _ = both_ways(monkeypatch, tmp_path / "out", [path])
    assert tracker.accepted == 0
    assert not bulk._overlapping([(0, 0, 0, 14), (1, 0, 5, 0), (6, 0, 9, 0), (1, 1, 3, 1)])
    assert bulk._overlapping([(0, 0, 0, 14), (0, 3, 4, 3)]) and bulk._overlapping([(1, 0, 5, 0), (5, 0, 6, 0)])


def test_a_number_cell_holding_nan(monkeypatch, tmp_path):
    rows = random_rows(25, 30)
    rows[4][8] = 12345  # 定级依据, then written as NaN (openpyxl cannot; other programs do)
    path = consolidated(tmp_path / "台账.xlsx", rows)
    path = patch_sheet(path, tmp_path / "nan.xlsx", [(r"<v>12345</v>", "<v>NaN</v>")])
    tracker, _, _ = both_ways(monkeypatch, tmp_path / "out", [path])
    assert tracker.accepted == 0


def test_a_failure_inside_bulk_reading_falls_back_to_the_row_reader(monkeypatch, tmp_path):
    def broken(self, *args):
        raise RuntimeError("polars failed")

    monkeypatch.setattr(bulk._Bulk, "_render", broken)
    path = consolidated(tmp_path / "台账.xlsx", random_rows(26, 30))
    monkeypatch.setattr(bulk, "MIN_SHEET_BYTES", 0)
    report = import_forms([path], into=tmp_path / "reg")
    assert report.count("accepted") == 1 and report.created > 0
    monkeypatch.setenv("LZFK_BULK", "always")
    with pytest.raises(RuntimeError):
        import_forms([path], into=tmp_path / "reg2")


def test_a_second_header_row(monkeypatch, tmp_path):
    """负责人 merged across 部门负责人 | 责任领导 in a second header row, 风险点 merged down over both."""
    header = ["序号", "科室", "岗位", "风险类别", "风险点", "表现形式", "防控措施", "负责人", ""]
    rows = [["", "", "", "", "", "", "", "部门负责人", "责任领导"]]
    rows += [[i + 1, f"科室{i % 3}", f"岗位{i % 4}", "岗位职责", f"违规审批资金拨付第{i}项", f"表现{i}", f"1.甲{i}；2.乙{i}",
              f"负责人{i % 3}", "王领导"] for i in range(24)]
    path = consolidated(tmp_path / "台账.xlsx", rows, header=header, title="某县财政局廉政风险点台账", merges=["E2:E3", "H2:I2"])
    tracker, report, files = both_ways(monkeypatch, tmp_path / "out", [path])
    assert tracker.accepted == 1 and report["created"] == 24 + 12
    assert all("responsible_leader: 王领导" in v.decode() for k, v in files.items() if k != "register.yaml")


@pytest.mark.parametrize("title, header, code", [
    ("权力清单", ["序号", "科室", "岗位", "风险点", "风险等级", "防控措施"], None),  # a risk table under a power list's title
    ("一般岗位廉政风险识别和防控表", ["序号", "岗位职责", "工作流程", "防控措施"], "missing-header"),  # no 风险点 column
])
def test_title_and_header_disagree(monkeypatch, tmp_path, title, header, code):
    rows = [[i + 1, "国库科", "科员", f"违规操作事项{i}", "高", "加强监督"][:len(header)] for i in range(10)]
    path = consolidated(tmp_path / "表.xlsx", rows, header=header, title=title)
    tracker, report, _ = both_ways(monkeypatch, tmp_path / "out", [path])
    codes = [p["code"] for p in report["problems"] if p["severity"] == "error"]
    assert codes == ([code] if code else [])
    if code is None:
        assert report["created"] > 0


@pytest.mark.parametrize("label", ["风　险　点", "风 险 点", "風險點", "风\n险\n点"])
def test_a_repeated_header_spelt_otherwise_is_no_risk_point(monkeypatch, tmp_path, label):
    """Printed pages repeat the header; written 风　险　点 it was read as a point named 风险点."""
    header = ["序号", "科　室", "岗　位", label, "防控措施"]
    rows = [[i + 1, f"科室{i % 3}", f"岗位{i % 4}", f"违规审批资金拨付第{i}项", f"1.甲{i}；2.乙{i}"] for i in range(30)]
    rows.insert(15, list(header))
    path = consolidated(tmp_path / "台账.xlsx", rows, header=header)
    tracker, report, files = both_ways(monkeypatch, tmp_path / "out", [path])
    assert tracker.accepted == 0 and report["created"] == 30 + 12
    assert not any("description: 风险点" in v.decode() for v in files.values())
