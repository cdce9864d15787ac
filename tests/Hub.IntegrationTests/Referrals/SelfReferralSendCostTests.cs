using System.Diagnostics;
using Hub.Application.Referrals;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Domain.People;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hub.IntegrationTests.Referrals;

/// <summary>
/// Guards what the send's write path was cut to (docs/decisions/044), by counts: EF Core looks for
/// changes once per save, not once per scan of the tracked rows, and a send writes the rows it
/// always wrote.
/// </summary>
public sealed class SelfReferralSendCostTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [SkippableFact]
    public async Task Should_look_for_changes_once_when_a_referral_is_sent()
    {
        await using var host = new ApplicationHost(database.ConnectionString);
        // The first send builds the model and warms the pool; it is counted like the rest.
        using var scans = new ChangeScanCounter();
        for (var i = 0; i < 3; i++)
        {
            using (scans.Counting())
            {
                await host.SendAsPublic(new SubmitSelfReferral(new SelfReferralAnswers
                {
                    ContactMethod = ContactMethod.Email,
                    Email = $"cost.{i}.{Guid.NewGuid():N}@example.org",
                    SafeToLeaveMessage = "yes",
                    WhatIsHappening = "Counting, not timing.",
                }, Guid.NewGuid()));
            }
            scans.Count.ShouldBe(1, "one pass over the tracked rows per save: the guard, the audit stamp and the batch check read what it found");
        }
    }

    [SkippableFact]
    public async Task Should_still_refuse_a_change_to_a_restricted_person_found_in_that_one_pass()
    {
        // The one pass must still see changes made to tracked entities without EF's own methods.
        await using var host = new ApplicationHost(database.ConnectionString);
        var sent = await host.SendAsPublic(new SubmitSelfReferral(new SelfReferralAnswers
            { ContactMethod = ContactMethod.Phone, Phone = "07700 900 944", SafeToLeaveMessage = "yes" }, Guid.NewGuid()));
        var personId = await host.WithDb(db => db.Referrals.Where(r => r.Reference == sent.Reference).Select(r => r.PersonId).SingleAsync());
        await host.WithDb(async db =>
        {
            await db.People.Where(p => p.Id == personId).ExecuteUpdateAsync(s => s.SetProperty(p => p.RestrictedAt, DateTimeOffset.UtcNow));
            return 0;
        });

        var refused = await Should.ThrowAsync<Hub.Application.Common.Exceptions.ProcessingRestrictedException>(() => host.WithDb(async db =>
        {
            var referral = await db.Referrals.SingleAsync(r => r.Reference == sent.Reference);
            // A plain property write, found only by looking for changes.
            db.Entry(referral).Property("WhatIsHappening").CurrentValue.ShouldNotBeNull();
            typeof(Hub.Domain.Referrals.Referral).GetProperty("WhatIsHappening")!.SetValue(referral, "changed behind EF's back");
            return await db.SaveChangesAsync();
        }));
        refused.ShouldNotBeNull();
    }

    /// <summary>Counts EF Core's "detect changes starting" events raised on this test's own flow (tests in parallel raise theirs elsewhere).</summary>
    private sealed class ChangeScanCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private static readonly string Starting = CoreEventId.DetectChangesStarting.Name!;
        private readonly AsyncLocal<bool> _counting = new();
        private readonly List<IDisposable> _subscriptions = [];
        private int _count;

        public ChangeScanCounter() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

        public int Count => Volatile.Read(ref _count);

        public IDisposable Counting()
        {
            Volatile.Write(ref _count, 0);
            _counting.Value = true;
            return new Stop(this);
        }

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(listener.Subscribe(this, name => name == Starting));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (_counting.Value && value.Key == Starting)
            {
                Interlocked.Increment(ref _count);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
        }

        private sealed class Stop(ChangeScanCounter counter) : IDisposable
        {
            public void Dispose() => counter._counting.Value = false;
        }
    }
}
