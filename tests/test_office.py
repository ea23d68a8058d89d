"""Outputs open in real office software (LibreOffice), print as intended, and survive being
saved again by it. Skipped, with the reason, where LibreOffice is not installed."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import DEMO_REGISTER, convert, needs_office, run_cli, snapshot, soffice

pytestmark = [needs_office, pytest.mark.office]


def _convert_all(paths, fmt, outdir):
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [soffice(), f"-env:UserInstallation=file://{outdir}/.lo-profile", "--headless", "--convert-to", fmt,
         "--outdir", str(outdir), *map(str, paths)],
        check=True, capture_output=True, timeout=600,
    )
    return {p: outdir / f"{p.stem}.{fmt.split(':')[0]}" for p in paths}


def _page_sizes(pdf):
    if not shutil.which("pdfinfo"):
        pytest.skip("pdfinfo (poppler-utils) 未安装，无法检查页面尺寸")
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True).stdout
    sizes = []
    for line in info.splitlines():
        if line.startswith("Page") and "size:" in line:
            w, h = line.split("size:")[1].split("pts")[0].split("x")
            sizes.append((float(w), float(h)))
    return sizes


def test_blank_forms_print_as_one_a4_landscape_page(tmp_path):
    assert run_cli("forms", "--out", tmp_path / "blank", "--quiet").exit_code == 0
    forms = sorted((tmp_path / "blank").glob("*.xlsx"))
    assert len(forms) == 9
    pdfs = _convert_all(forms, "pdf", tmp_path / "pdf")
    for form, pdf in pdfs.items():
        assert pdf.exists(), f"LibreOffice could not open {form.name}"
        sizes = _page_sizes(pdf)
        assert sizes, form.name
        w, h = sizes[0]
        assert (round(w), round(h)) == (842, 595), f"{form.name}: page {w}x{h} is not A4 landscape"
        assert len(sizes) == 1, f"{form.name}: a blank form should print on one page, not {len(sizes)}"


def test_prefilled_form_renders_to_png(tmp_path):
    assert run_cli("forms", "--out", tmp_path / "pre", "--register", DEMO_REGISTER, "--quiet").exit_code == 0
    leader = next(p for p in sorted((tmp_path / "pre").glob("*.xlsx")) if "领导班子" in p.name)
    pdf = convert(leader, "pdf", tmp_path / "pdf")
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (poppler-utils) 未安装")
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True)
    png = next(tmp_path.glob("page*.png"))
    assert png.stat().st_size > 10_000  # a real page with a table, not an empty sheet


@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_prefilled_forms_saved_by_libreoffice_import_back_unchanged(tmp_path, fmt):
    """A real spreadsheet program re-saves lzfk's forms as .xls / .ods; they still import
    back into the register they came from without changing a byte."""
    assert run_cli("forms", "--out", tmp_path / "pre", "--register", DEMO_REGISTER, "--quiet").exit_code == 0
    forms = sorted((tmp_path / "pre").glob("*.xlsx"))[:12]
    converted = _convert_all(forms, fmt, tmp_path / fmt)
    register = tmp_path / "register"
    shutil.copytree(DEMO_REGISTER, register)
    before = snapshot(register)
    result = run_cli("import", *converted.values(), "--into", register, "--format", "json")
    report = result.json()
    assert result.exit_code == 0, report["problems"]
    assert (report["accepted"], report["created"], report["updated"]) == (len(forms), 0, 0)
    assert report["unchanged"] > 0
    assert snapshot(register) == before
