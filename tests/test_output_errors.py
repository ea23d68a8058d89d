"""Output that cannot be written: exit code 4, a Chinese message, nothing half-written.
(A path below a regular file fails even for root, who ignores permissions in CI.)"""

from __future__ import annotations

import shutil

from conftest import DEMO_FORMS, DEMO_REGISTER, run_cli, snapshot


def test_register_that_cannot_be_written_is_exit_4(tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    result = run_cli("import", DEMO_FORMS, "--into", blocker / "register")
    assert result.exit_code == 4
    assert "无法写入" in result.stderr and "Traceback" not in result.output


def _fail_on_write(monkeypatch, n: int) -> dict:
    """Make the n-th file flush fail, as a full disk would."""
    import lzfk.register as reg

    real_sync = reg._sync
    calls = {"n": 0}

    def sync(fd):
        calls["n"] += 1
        if calls["n"] == n:
            raise OSError(28, "No space left on device")
        return real_sync(fd)

    monkeypatch.setattr(reg, "_sync", sync)
    return calls


def test_failed_first_import_leaves_nothing(tmp_path, monkeypatch):
    register = tmp_path / "register"
    calls = _fail_on_write(monkeypatch, 3)
    result = run_cli("import", DEMO_FORMS, "--into", register)
    assert calls["n"] == 3 and result.exit_code == 4, result.output
    assert "无法写入台账" in result.stderr and "Traceback" not in result.output
    assert not register.exists() or not any(register.rglob("*")), "a failed first import must leave nothing"


def test_failed_write_leaves_the_register_byte_for_byte(tmp_path, monkeypatch):
    register = tmp_path / "register"
    shutil.copytree(DEMO_REGISTER, register)
    for path in sorted(p for p in register.rglob("*.yaml") if p.name != "register.yaml")[:2]:
        path.unlink()  # two departments the import has to write again
    before = snapshot(register)
    calls = _fail_on_write(monkeypatch, 2)
    result = run_cli("import", DEMO_FORMS, "--into", register)
    assert calls["n"] == 2 and result.exit_code == 4, result.output
    assert snapshot(register) == before
    assert not list(register.rglob("*.tmp")), "temporary files left behind"


def test_forms_into_an_unwritable_place_is_exit_4(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run_cli("forms", "--out", blocker / "forms")
    assert result.exit_code == 4 and "无法写入" in result.stderr


def test_xlsm_is_read_like_xlsx(tmp_path):
    source = DEMO_FORMS / "部室登记表-计划财务科.xlsx"
    xlsm = tmp_path / "计划财务科.xlsm"
    xlsm.write_bytes(source.read_bytes())
    result = run_cli("import", xlsm, "--into", tmp_path / "reg", "--format", "json")
    assert result.exit_code == 0 and result.json()["created"] == 5


def _ods(path, body: str) -> None:
    import zipfile

    content = ('<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
               f'<office:body><office:spreadsheet><table:table table:name="S">{body}</table:table></office:spreadsheet></office:body>'
               '</office:document-content>')
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("META-INF/manifest.xml",
                    '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
        zf.writestr("content.xml", content)


def test_ods_row_repeated_with_values_is_refused(tmp_path):
    cell = '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'
    _ods(tmp_path / "bomb.ods", f'<table:table-row table:number-rows-repeated="5000000">{cell}</table:table-row>')
    result = run_cli("import", tmp_path / "bomb.ods", "--into", tmp_path / "reg", "--format", "json")
    assert result.exit_code == 3 and [p["code"] for p in result.json()["problems"]] == ["too-large"]


def test_ods_empty_remainder_repeats_are_fine(tmp_path):
    cell = '<table:table-cell office:value-type="string"><text:p>预算表</text:p></table:table-cell>'
    _ods(tmp_path / "empty.ods", f'<table:table-row>{cell}</table:table-row>'
                                 '<table:table-row table:number-rows-repeated="1048575"><table:table-cell/></table:table-row>')
    result = run_cli("import", tmp_path / "empty.ods", "--into", tmp_path / "reg", "--format", "json")
    assert [p["code"] for p in result.json()["problems"]] == ["unknown-form"]  # read, just not a form
