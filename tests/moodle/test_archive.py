"""The container as Moodle's tar reader and format detection need it (formats.md)."""

import gzip
import tarfile

from designer.export.formats import get_format

REQUIRED_ROOT = {
    "moodle_backup.xml",
    "files.xml",
    "roles.xml",
    "groups.xml",
    "scales.xml",
    "outcomes.xml",
    "questions.xml",
}
USER_DATA_FILES = {
    "users.xml",
    "badges.xml",
    "logs.xml",
    "comments.xml",
    "calendar.xml",
    "filters.xml",
    "completion.xml",
    "logstores.xml",
    "xapistate.xml",
}


def test_registered_as_moodle_format():
    fmt = get_format("moodle")
    assert (fmt.extension, fmt.mimetype) == ("mbz", "application/vnd.moodle.backup")


def test_gzip_ustar_with_plain_ascii_names(backup):
    assert backup.raw[:2] == b"\x1f\x8b"
    tar_bytes = gzip.decompress(backup.raw)
    for offset in _header_offsets(tar_bytes):
        assert tar_bytes[offset + 257 : offset + 263] == b"ustar\x00"
    for name in backup.names:
        assert name.isascii() and not name.startswith(("./", "/")), name


def test_moodle_backup_xml_first_and_detectable(backup):
    assert backup.names[0] == "moodle_backup.xml"
    head = backup.data["moodle_backup.xml"][:200]
    assert head.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert b"<moodle_backup>" in head and b"<information>" in head


def test_required_files_present_and_no_user_data(backup):
    files = backup.files()
    assert files >= REQUIRED_ROOT
    assert {"course/course.xml", "course/roles.xml"} <= files
    for name in files:
        assert name.rsplit("/", 1)[-1] not in USER_DATA_FILES or name == "completion.xml", name


def test_directories_come_before_their_files(backup):
    seen_dirs = set()
    for member in backup.members:
        parent = member.name.rsplit("/", 1)[0] if "/" in member.name else ""
        assert parent == "" or parent in seen_dirs, member.name
        if member.isdir():
            seen_dirs.add(member.name)


def test_every_xml_file_has_moodles_declaration(backup):
    for name, data in backup.data.items():
        if name.endswith(".xml"):
            assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n'), name


def _header_offsets(tar_bytes: bytes):
    offset = 0
    while offset < len(tar_bytes) and tar_bytes[offset : offset + 512].strip(b"\0"):
        info = tarfile.TarInfo.frombuf(tar_bytes[offset : offset + 512], "ascii", "strict")
        yield offset
        offset += 512 + (info.size + 511) // 512 * 512
