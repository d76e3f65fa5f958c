from packaging.version import Version

from generator.changelog import Lineage, load_changelog
from tests.conftest import SCHEMAS

EXPECTED = {
    "40.0.0": ("main", None),
    "40.0.1": ("main", "40.0.0"),
    "40.1.2": ("main", "40.0.1"),
    "40.2.0": ("40.2", "40.1.2"),
    "40.2.4": ("40.2", "40.2.0"),
    "40.2.5": ("40.2", "40.2.4"),
    "40.2.6": ("40.2", "40.2.5"),
    "40.2.9": ("40.2", "40.2.6"),
    "40.4.0": ("40.4", "40.2.0"),
    "40.4.3": ("40.4", "40.4.0"),
    "40.4.4": ("40.4", "40.4.3"),
    "40.4.5": ("40.4", "40.4.4"),
    "40.4.8": ("40.4", "40.4.5"),
    "40.4.9": ("40.4", "40.4.8"),
    "40.6.0": ("40.6", "40.4.8"),
    "40.6.1": ("40.6", "40.6.0"),
    "40.7.0": ("main", "40.6.1"),
    "40.8.0": ("main", "40.7.0"),
    "40.9.0": ("main", "40.8.0"),
    "40.10.0": ("main", "40.9.0"),
    "40.11.0": ("main", "40.10.0"),
    "40.12.0": ("main", "40.11.0"),
}


def lineage() -> Lineage:
    return Lineage.build(load_changelog(SCHEMAS / "changelog.yaml"))


def test_every_release_has_its_train_and_base():
    found = {
        r.name: (r.train, str(r.base) if r.base else None) for r in lineage().order()
    }
    assert found == EXPECTED


def test_lineage_order_compares_versions_not_strings():
    names = [r.name for r in lineage().order()]
    assert names.index("40.12.0") > names.index("40.6.1") > names.index("40.2.9")


def test_the_first_release_keeps_its_second_name():
    release = lineage().changelog.release("40.0.1")
    assert release.also_known_as == ("40.1.0",)


def holders(change_id: str) -> set[str]:
    tree = lineage()
    change = next(c for c in tree.changelog.changes if c.id == change_id)
    return {r.name for r in tree.order() if tree.has(r.version, change)}


def test_a_backport_reaches_both_trains_and_later_main_line_only():
    found = holders("meeting-registration-form")
    assert {"40.4.9", "40.6.1", "40.7.0", "40.12.0"} <= found
    assert not found & {"40.4.8", "40.6.0", "40.2.9", "40.0.1"}


def test_a_new_train_holds_what_shipped_before_it():
    assert "40.6.0" in holders("audio-password-in-responses")
    assert "40.4.0" not in holders("html-welcome-email")
    assert "40.4.0" in holders("no-meetings-in-the-past")


def test_a_change_only_on_maintenance_trains_stays_there_until_main_line():
    found = holders("html-welcome-email")
    assert {"40.2.4", "40.2.9", "40.4.3", "40.6.0", "40.12.0"} <= found
    assert "40.2.0" not in found


def test_changes_carry_toggles_and_error_codes():
    changes = {c.id: c for c in lineage().changelog.changes}
    assert changes["locked-lobby"].toggle == "ConsistentLockedLobby"
    assert changes["user-display-name"].toggle == "EnableDisplayName"
    codes = {code for c in changes.values() for code in c.error_codes}
    assert {"000015", "000053", "040014", "060016", "110063", "HTTP 403"} <= codes
    assert Version("40.8.0") in changes["registration-form-required-fields"].releases
