using Hub.Domain.CareTeams;
using Hub.Domain.Spells;

namespace Hub.UnitTests.CareTeams;

/// <summary>
/// Thousands of random sequences of what people do to a care team (offer, accept, decline, step
/// off, reallocate, close, come back, go away), with the team's invariants checked after every step.
/// Seeded, so a failure names the sequence that broke it and can be replayed.
/// </summary>
public sealed class CareTeamInvariantTests
{
    private const int Sequences = 3000;
    private const int Steps = 40;

    [Fact]
    public void Should_keep_one_lead_one_open_lead_offer_each_member_once_a_closed_spell_unchanged_and_nothing_for_anyone_away_whatever_happens()
    {
        var done = new Dictionary<Command, int>();
        for (var seed = 0; seed < Sequences; seed++)
        {
            new Sequence(seed, done).Run();
        }

        // The sequences reach every change, not only refusals.
        foreach (var command in new[] { Command.Offer, Command.Accept, Command.Decline, Command.StepOff, Command.Reallocate, Command.Close, Command.Return })
        {
            done.GetValueOrDefault(command).ShouldBeGreaterThan(Sequences / 10, $"{command} done");
        }
    }

    private enum Command { Offer, Accept, Decline, StepOff, Reallocate, Close, Return, GoAway, ComeBack }

    private sealed class Sequence(int seed, Dictionary<Command, int> done)
    {
        private readonly Random random = new(seed);
        private readonly List<string> trace = [];
        private readonly Dictionary<Guid, Colleague> directory = Enumerable.Range(0, 5)
            .Select(i => new Colleague(Guid.NewGuid(), $"Member {(char)('A' + i)}", IsAvailable: true)).ToDictionary(c => c.Id);
        private DateTimeOffset now = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
        private ReferralSpell spell = null!;
        private CareTeam team = null!;

        public void Run()
        {
            spell = new ReferralSpell(Guid.NewGuid(), now);
            team = new CareTeam(spell, [], []);
            for (var step = 0; step < Steps; step++)
            {
                now = now.AddHours(random.Next(0, 60));
                var before = Snapshot();
                var closedBefore = team.IsClosed;
                var command = (Command)random.Next(Enum.GetValues<Command>().Length);
                var decision = Apply(command);
                trace.Add($"{command}: {decision?.Refusal ?? "done"}");
                if (decision is { IsRefused: false })
                {
                    done[command] = done.GetValueOrDefault(command) + 1;
                }
                var after = Snapshot();

                Check(team.Members.Count(m => m.Role == CareTeamRole.Lead) <= 1, "at most one lead");
                Check(team.OpenOffers.Count(h => h.Role == CareTeamRole.Lead) <= 1, "at most one open offer of the lead");
                Check(team.Members.GroupBy(m => m.MemberId).All(g => g.Count() == 1), "each member once");
                Check(team.OpenOffers.GroupBy(h => h.ToMemberId).All(g => g.Count() == 1), "one open offer per member");
                if (decision is { IsRefused: true })
                {
                    Check(after == before, "a refusal changes nothing");
                }
                if (closedBefore && command is not (Command.Return or Command.Reallocate or Command.GoAway or Command.ComeBack))
                {
                    Check(after == before, "nothing changes on a closed spell");
                }
                var unavailable = directory.Values.Where(c => !c.IsAvailable).Select(c => c.Id).ToHashSet();
                var received = after.Places.Where(p => !before.Places.Any(b => b.MemberId == p.MemberId)
                    || (p.Role == CareTeamRole.Lead && !before.Places.Contains(p)));
                Check(!received.Any(p => unavailable.Contains(p.MemberId)), "an away or departed member gets no place and no lead");
                Check(!after.Offers.Except(before.Offers).Any(o => unavailable.Contains(o.ToMemberId)), "an away or departed member gets no offer");
            }
        }

        private CareTeamDecision? Apply(Command command)
        {
            var someone = Pick(directory.Keys.ToList());
            var leader = random.Next(4) == 0;
            switch (command)
            {
                case Command.Offer:
                    var role = random.Next(2) == 0 ? CareTeamRole.Lead : CareTeamRole.Involved;
                    // Often to yourself, the path by which a practitioner takes the work (or the lead).
                    var to = random.Next(3) == 0 ? someone : Pick(directory.Keys.ToList());
                    return team.Offer(someone, directory[to], role, "Invented note.", leader, now);
                case Command.Accept when team.OpenOffers.Count > 0:
                    var accepted = Pick(team.OpenOffers.ToList());
                    return team.Accept(accepted.Id, directory[accepted.ToMemberId], now);
                case Command.Decline when team.OpenOffers.Count > 0:
                    var declined = Pick(team.OpenOffers.ToList());
                    return team.Decline(declined.Id, declined.ToMemberId, "Invented reason.", now);
                case Command.StepOff:
                    var leaving = random.Next(3) == 0 ? someone : Pick(team.Members.Select(m => m.MemberId).DefaultIfEmpty(someone).ToList());
                    return team.StepOff(leaving, someone, leader, now);
                case Command.Reallocate:
                    var receiver = Pick(directory.Keys.ToList());
                    var decision = team.Reallocate(someone, directory[receiver], Guid.NewGuid(), now);
                    if (!decision.IsRefused && random.Next(2) == 0)
                    {
                        directory[someone] = directory[someone] with { IsAvailable = false };
                    }
                    return decision;
                case Command.Close:
                    var closer = random.Next(2) == 0 ? someone : Pick(team.Members.Select(m => m.MemberId).DefaultIfEmpty(someone).ToList());
                    return team.Close(SpellClosureReason.GoalsMet, null, closer, leader, now);
                case Command.Return when team.IsClosed:
                    if (!spell.Accepts(now))
                    {
                        // Back after more than five days: a new spell with a new team.
                        spell = new ReferralSpell(spell.PersonId, now);
                        team = new CareTeam(spell, [], []);
                        return null;
                    }
                    spell.Join(now);
                    return team.CarryOnAfterReturn(directory.Values.Where(c => !c.IsAvailable).Select(c => c.Id).ToList(), now);
                case Command.GoAway:
                    directory[someone] = directory[someone] with { IsAvailable = false };
                    return null;
                case Command.ComeBack:
                    directory[someone] = directory[someone] with { IsAvailable = true };
                    return null;
                default:
                    return null;
            }
        }

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        private State Snapshot() => new(
            team.SpellId,
            team.IsClosed,
            [.. team.Members.Select(m => (m.MemberId, m.Role)).OrderBy(p => p.MemberId)],
            [.. team.OpenOffers.Select(h => (h.Id, h.ToMemberId, h.Role)).OrderBy(o => o.Id)]);

        private void Check(bool holds, string invariant) =>
            holds.ShouldBeTrue($"seed {seed}: {invariant} broken after {string.Join(" | ", trace)}");
    }

    private sealed record State(Guid SpellId, bool Closed, (Guid MemberId, CareTeamRole Role)[] Places, (Guid Id, Guid ToMemberId, CareTeamRole Role)[] Offers)
    {
        public bool Equals(State? other) => other is not null && SpellId == other.SpellId && Closed == other.Closed
            && Places.SequenceEqual(other.Places) && Offers.SequenceEqual(other.Offers);

        public override int GetHashCode() => HashCode.Combine(SpellId, Closed, Places.Length, Offers.Length);
    }
}
