from __future__ import annotations

from artdesk.similar.artists import AUTO_LINK_CONFIDENCE, ArtistResolver


def _richter_id(artists: list[tuple[int, str]]) -> int:
    return next(i for i, n in artists if n == "Richter, Gerhard")


def test_typo_and_reordered_names_resolve_to_richter(tate_artists: list[tuple[int, str]]) -> None:
    resolver = ArtistResolver.build(tate_artists)
    richter = _richter_id(tate_artists)
    for query in ("Gerhard Richer", "Richter, Gerhard", "Gerhard Richter", "gérhard  RICHTER"):
        best = resolver.resolve(query, k=3)[0]
        assert best[0] == richter, (query, best)
    assert resolver.resolve("Richter, Gerhard")[0][2] == 1.0
    typo = resolver.resolve("Gerhard Richer")
    assert typo[0][2] < AUTO_LINK_CONFIDENCE  # a typo is a suggestion, not an auto-link
    assert typo[0][2] > typo[1][2]
    assert resolver.best_auto_link("Richter, Gerhard")[0] == richter
    assert resolver.best_auto_link("Gerhard Richer") is None


def test_no_two_different_tate_artists_reach_the_auto_link_confidence(
    tate_artists: list[tuple[int, str]],
) -> None:
    resolver = ArtistResolver.build(tate_artists)
    from artdesk.similar._text import name_key

    for artist_id, name in tate_artists[::7]:
        for other_id, other, score in resolver.resolve(name, k=3):
            if other_id != artist_id and name_key(other) != name_key(name):
                assert score < AUTO_LINK_CONFIDENCE, (name, other, score)


def test_empty_inputs() -> None:
    assert ArtistResolver.build([]).resolve("Anyone") == []
    resolver = ArtistResolver.build([(1, "Bridget Riley")])
    assert resolver.resolve("") == []
    assert resolver.resolve("Bridget Riley") == [(1, "Bridget Riley", 1.0)]
