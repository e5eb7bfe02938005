from designer.core.merge import three_way


def test_each_side_keeps_what_only_it_changed():
    base = {"title": "A", "summary": "s", "minutes": 10}
    mine = {"title": "A", "summary": "mein Text", "minutes": 10}
    theirs = {"title": "B", "summary": "s", "minutes": 10}
    assert three_way(mine, base, theirs) == (
        {"title": "B", "summary": "mein Text", "minutes": 10},
        [],
    )


def test_both_changed_the_same_field_is_a_conflict_that_keeps_mine():
    base = {"title": "A", "minutes": 10}
    mine = {"title": "Meins", "minutes": 10}
    theirs = {"title": "Deins", "minutes": 15}
    merged, conflicts = three_way(mine, base, theirs)
    assert merged == {"title": "Meins", "minutes": 15}
    assert conflicts == ["title"]


def test_the_same_change_on_both_sides_is_no_conflict():
    assert three_way({"t": "X"}, {"t": "A"}, {"t": "X"}) == ({"t": "X"}, [])
