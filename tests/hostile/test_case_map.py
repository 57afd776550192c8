"""Every case of RELIABILITY.md section (b) is tested; this map says where.

A case may be covered by tests in several files; each entry names at least one test that builds the
hostile input (or reads it from the shared corpus) and asserts the expected behaviour. This test
fails when a case has no entry or an entry names a test that no longer exists.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]

CASES: dict[int, list[str]] = {
    1: ["render/test_render.py::test_hostile_values_round_trip_exactly"],
    2: ["render/test_render.py::test_xml_illegal_characters_rejected_naming_field_not_value"],
    3: ["render/test_render.py::test_line_break_policy"],
    4: ["render/test_render.py::test_missing_value_fails_the_render",
        "render/test_render.py::test_every_template_renders_every_value_and_nine_headings"],
    5: ["render/test_render.py::test_injection_payloads_are_refused_and_execute_nothing"],
    6: ["render/test_render.py::test_injection_payloads_are_refused_and_execute_nothing",
        "render/test_render.py::test_jinja_is_new_enough"],
    7: ["render/test_render.py::test_template_work_is_bounded"],
    8: ["render/test_render.py::test_undefined_variable_named", "render/test_render.py::test_undefined_field_named"],
    9: ["render/test_render.py::test_split_tag_still_renders_its_value",
        "render/test_templates.py::test_lint_reports_each_defect_with_paragraph_numbers"],
    10: ["render/test_render.py::test_p_tag_misuse_is_a_friendly_syntax_error"],
    11: ["render/test_render.py::test_syntax_error_never_shows_template_or_document_text"],
    12: ["hostile/test_case_map.py::test_richtext_is_never_built_from_data"],
    13: ["render/test_render.py::test_five_thousand_row_goal_table_renders_every_row"],
    14: ["render/test_render.py::test_core_properties_neutral_and_no_external_links"],
    15: ["render/test_render.py::test_two_renders_are_byte_identical"],
    16: ["hostile/test_docx_packages.py::test_hostile_docx"],
    17: ["hostile/test_docx_packages.py::test_hostile_docx"],
    18: ["hostile/test_docx_packages.py::test_hostile_docx"],
    19: ["hostile/test_docx_packages.py::test_hostile_docx"],
    20: ["hostile/test_docx_packages.py::test_hostile_docx", "render/test_render.py::test_external_relationship_template_refused"],
    21: ["hostile/test_docx_packages.py::test_hostile_docx"],
    22: ["hostile/test_docx_packages.py::test_hostile_docx"],
    23: ["hostile/test_docx_packages.py::test_hostile_docx"],
    24: ["hostile/test_docx_packages.py::test_bomb_is_refused_from_the_central_directory_before_decompressing"],
    25: ["hostile/test_docx_packages.py::test_hostile_docx"],
    26: ["hostile/test_docx_packages.py::test_hostile_docx"],
    27: ["hostile/test_phi_and_system.py::test_canary_names_never_reach_stderr_at_any_verbosity",
         "hostile/test_phi_and_system.py::test_render_and_packet_keep_names_off_stderr"],
    28: ["hostile/test_pdf_structures.py::test_encrypted_pdf_is_unreadable_without_prompting",
         "parse/test_robustness_corpus.py::test_user_password_is_unreadable"],
    29: ["hostile/test_pdf_structures.py::test_image_only_pdf_needs_ocr", "parse/test_robustness_corpus.py::test_image_only_needs_ocr"],
    30: ["batch/test_pool.py::test_real_flate_bomb_pdf_hits_the_memory_cap"],
    31: ["batch/test_pool.py::test_batch_survives_hang_bomb_and_crash", "batch/test_pool.py::test_pool_kills_at_deadline_and_goes_on"],
    32: ["hostile/test_pdf_structures.py::test_recursive_page_tree_and_circular_xobjects"],
    33: ["hostile/test_fuzz_readers.py::test_mutated_inputs_raise_only_plandoc_errors",
         "parse/test_robustness_corpus.py::test_reads_or_raises_plandoc_error"],
    34: ["hostile/test_phi_and_system.py::test_only_inputs_and_installed_files_are_opened_while_reading_pdfs",
         "hostile/test_dependency_floors.py::test_installed_version_meets_floor"],
    35: ["batch/test_phi.py::test_highest_verbosity_logs_no_phi_and_no_paths",
         "batch/test_phi.py::test_library_loggers_stay_quiet_even_when_root_is_debug"],
    36: ["hostile/test_docx_packages.py::test_hostile_docx"],
    37: ["batch/test_discovery.py::test_awkward_folder_every_file_once"],
    38: ["hostile/test_phi_and_system.py::test_sigkill_mid_run_leaves_no_report_and_no_temp_file",
         "hostile/test_phi_and_system.py::test_full_disk_leaves_the_old_report_and_no_temporary_file",
         "batch/test_formats.py::test_report_path_that_is_a_symlink_or_in_a_read_only_folder_is_refused",
         "batch/test_cli_batch.py::test_ctrl_c_kills_workers_and_writes_nothing"],
    39: ["batch/test_formats.py::test_csv_one_row_per_finding_and_neutralized",
         "batch/test_formats.py::test_html_escapes_everything_and_loads_nothing",
         "batch/test_formats.py::test_cli_writes_each_format_owner_only"],
    40: ["hostile/test_phi_and_system.py::test_no_network_during_check_render_and_packet",
         "unit/test_intake.py::test_unreadable_yaml", "hostile/test_dependency_floors.py::test_yaml_is_only_ever_safe_loaded",
         "batch/test_pool.py::test_batch_survives_hang_bomb_and_crash", "batch/test_pool.py::test_workers_write_no_core_dumps"],
}


def _functions(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    return {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}


def test_every_case_is_mapped():
    assert sorted(CASES) == list(range(1, 41))


@pytest.mark.parametrize("case", sorted(CASES))
def test_mapped_tests_exist(case):
    for ref in CASES[case]:
        file, func = ref.split("::")
        path = TESTS / file
        assert path.is_file(), f"case {case}: {file} is missing"
        assert func in _functions(path), f"case {case}: {ref} no longer exists"


def test_richtext_is_never_built_from_data():
    """Case 12: plandoc never builds docxtpl RichText (whose style/colour/size/font/lang go into XML
    unescaped); values reach templates only as escaped text through the sandbox."""
    src = TESTS.parent / "src" / "plandoc"
    for path in src.rglob("*.py"):
        text = path.read_text()
        assert "RichText" not in text and "RichTextParagraph" not in text, path
        assert "Listing(" not in text, path
