import pytest

from tests.moodle.reader import (
    MINIMAL,
    REFERENCE,
    every_kind_dict,
    example_dict,
    export,
    read,
    snapshot,
)


@pytest.fixture(scope="session")
def example_snap():
    return snapshot(example_dict())


@pytest.fixture(scope="session")
def example(example_snap):
    return export(example_snap)


@pytest.fixture(scope="session")
def every_snap():
    return snapshot(every_kind_dict())


@pytest.fixture(scope="session")
def every(every_snap):
    return export(every_snap)


@pytest.fixture(scope="session", params=["example", "every"])
def backup(request, example, every):
    """Each structural test runs on the example and on the every-kind design."""
    return {"example": example, "every": every}[request.param]


@pytest.fixture(scope="session")
def reference():
    return read(REFERENCE.read_bytes())


@pytest.fixture(scope="session")
def minimal():
    return read(MINIMAL.read_bytes())
