using Hub.Application.Referrals;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Domain.People;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Hub.IntegrationTests.Reliability;

/// <summary>The self-referral whose write the reliability tests break, and what it left behind.</summary>
internal static class SelfReferralWrite
{
    public const string TriageInbox = "triage@hub.test";

    public static SubmitSelfReferral Submit(Guid token) =>
        new(new SelfReferralAnswers { ContactMethod = ContactMethod.Phone, Phone = "07700 900 777", SafeToLeaveMessage = "yes", WhatIsHappening = "Crash test" }, token);

    /// <summary>Referrals with this form token, their audit rows and their outbox emails.</summary>
    public static Task<(int, int, int)> Counts(ApplicationHost host, Guid token) => host.WithDb(async db =>
    {
        var ids = await db.Referrals.Where(r => r.FormToken == token).Select(r => new { r.Id, r.Reference }).ToListAsync();
        var referralIds = ids.Select(i => i.Id).ToList();
        var references = ids.Select(i => i.Reference).ToList();
        var audits = await db.AuditEvents.CountAsync(a => referralIds.Contains(a.RecordId));
        var emails = references.Count == 0 ? 0 : await db.OutboxMessages.CountAsync(m => references.Any(r => m.Subject.Contains(r)));
        return (ids.Count, audits, emails);
    });
}
