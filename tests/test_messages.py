"""Every example message from the release notes validates where it should."""

import pytest

from tests.messages import examples, validation_errors

EXAMPLES = examples()


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.path.name for e in EXAMPLES])
@pytest.mark.parametrize("target", ["introduced", "40.12.0"])
def test_example_validates(example, target):
    release = example.release if target == "introduced" else target
    assert validation_errors(example, release) == []
