using Hub.Application.Common.Paging;

namespace Hub.UnitTests.Application;

/// <summary>The page links' tokens read back as written, a broken one is refused, and a page knows what lies either side.</summary>
public sealed class KeysetTests
{
    private static readonly Guid Id = Guid.Parse("0192f0c4-1b2a-7c3d-8e4f-5a6b7c8d9e0f");

    [Fact]
    public void Should_read_back_a_time_and_a_name_as_written_including_names_with_any_characters()
    {
        var at = new DateTimeOffset(2026, 12, 7, 2, 30, 15, TimeSpan.Zero).AddTicks(1234);
        Keyset.TryRead<DateTimeOffset>(Keyset.Token(at, Id), null, out var after).ShouldBeTrue();
        after.ShouldBe(new PagePosition<DateTimeOffset>(at, Id, Before: false));

        foreach (var name in new[] { "Ash Quill", "Siân O'Neill-Ødegård", "a~b/c+d=e", "名前" })
        {
            Keyset.TryRead<string>(null, Keyset.Token(name, Id), out var before).ShouldBeTrue(name);
            before.ShouldBe(new PagePosition<string>(name, Id, Before: true));
        }
    }

    [Theory]
    [InlineData("123")]
    [InlineData("abc~0192f0c41b2a7c3d8e4f5a6b7c8d9e0f")]
    [InlineData("-5~0192f0c41b2a7c3d8e4f5a6b7c8d9e0f")]
    [InlineData("638999999999999999~not-a-guid")]
    [InlineData("1~2~3")]
    public void Should_refuse_a_time_token_that_does_not_read(string token)
    {
        Keyset.TryRead<DateTimeOffset>(token, null, out var position).ShouldBeFalse(token);
        position.ShouldBeNull();
    }

    [Fact]
    public void Should_refuse_both_directions_at_once_and_start_at_the_top_with_neither()
    {
        var token = Keyset.Token("Ash", Id);
        Keyset.TryRead<string>(token, token, out _).ShouldBeFalse();
        Keyset.TryRead<string>(null, "", out var top).ShouldBeTrue();
        top.ShouldBeNull();
    }

    [Fact]
    public void Should_link_forward_only_when_a_row_follows_and_back_only_when_one_precedes()
    {
        var rows = Enumerable.Range(1, 4).Select(i => (Key: $"n{i}", Id: Guid.NewGuid())).ToList();

        var first = Keyset.Finish(rows, null, 3, r => r.Key, r => r.Id, r => r.Key);
        first.Rows.ShouldBe(["n1", "n2", "n3"]);
        first.Next.ShouldBe(Keyset.Token("n3", rows[2].Id));
        first.Previous.ShouldBeNull();

        var last = Keyset.Finish(rows.Take(2).ToList(), new PagePosition<string>("n0", Guid.Empty, Before: false), 3, r => r.Key, r => r.Id, r => r.Key);
        last.Next.ShouldBeNull();
        last.Previous.ShouldBe(Keyset.Token("n1", rows[0].Id));

        // Going back the rows arrive newest first; three of four fit, so one more precedes them.
        var back = Keyset.Finish(rows.AsEnumerable().Reverse().ToList(), new PagePosition<string>("n5", Guid.Empty, Before: true), 3, r => r.Key, r => r.Id, r => r.Key);
        back.Rows.ShouldBe(["n2", "n3", "n4"]);
        back.Previous.ShouldBe(Keyset.Token("n2", rows[1].Id));
        back.Next.ShouldBe(Keyset.Token("n4", rows[3].Id));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Should_walk_a_list_with_shared_keys_forward_and_back_once_in_order_either_way_round(bool descending)
    {
        // Eleven rows on four times: ties on the key are broken by the id, across page edges.
        var start = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
        var rows = Enumerable.Range(0, 11).Select(i => (At: start.AddMinutes(i % 4), Id: Guid.NewGuid())).ToList();
        var expected = (descending ? rows.OrderByDescending(r => r.At).ThenByDescending(r => r.Id) : rows.OrderBy(r => r.At).ThenBy(r => r.Id)).ToList();
        KeysetPage<(DateTimeOffset At, Guid Id)> Read(string? after, string? before)
        {
            Keyset.TryRead<DateTimeOffset>(after, before, out var at).ShouldBeTrue();
            var fetched = rows.AsQueryable().PageAt(r => r.At, r => r.Id, at, 3, descending).ToList();
            return Keyset.Finish(fetched, at, 3, r => r.At, r => r.Id, r => r);
        }

        var page = Read(null, null);
        var forward = new List<(DateTimeOffset, Guid)>(page.Rows);
        while (page.Next is { } next)
        {
            page = Read(next, null);
            forward.AddRange(page.Rows);
        }
        var backward = new List<(DateTimeOffset, Guid)>(page.Rows);
        while (page.Previous is { } previous)
        {
            page = Read(null, previous);
            backward.InsertRange(0, page.Rows);
        }

        forward.ShouldBe(expected);
        backward.ShouldBe(expected);
    }
}
