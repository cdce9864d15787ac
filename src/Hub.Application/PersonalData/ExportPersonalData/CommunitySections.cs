using Hub.Application.Common.Interfaces;
using Hub.Domain.Audit;
using Hub.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.PersonalData.ExportPersonalData;

/// <summary>A Connect and Do record a subject access export found, by its type and id: what its audit rows name.</summary>
/// <param name="PersonId">The hub person the record is connected to by their own choice (a space connected to their plan), if any.</param>
public sealed record FoundCommunityRecord(string RecordType, Guid Id, Guid? PersonId = null);

/// <param name="Sections">The community sections, in a fixed order, including those with nothing in them.</param>
/// <param name="Found">Every request, space, volunteer, group proposal and organiser's link behind the sections.</param>
public sealed record CommunityRecords(IReadOnlyList<ExportSection> Sections, IReadOnlyList<FoundCommunityRecord> Found);

/// <summary>
/// The one writer of a subject access export's Connect and Do sections (docs/decisions/042, 048), shared by
/// the export of a hub record and the export found by an address alone. Everything is found by exact keys
/// of the addresses given: requests and spaces by <see cref="CommunityRecordKeys"/>; a volunteer by their
/// email address (any case) or their mobile number (its digits); a group proposal and an organiser's link
/// by their email address (any case); a space also by its connection to one of <c>connectedPersonIds</c>.
/// A volunteer's outings carry the group, the day, whether it happened and their own note, never the other
/// person's name, rating or words.
/// </summary>
public static class CommunitySections
{
    public static async Task<CommunityRecords> ReadAsync(IApplicationDbContext db, AuditKey auditKey, IReadOnlyCollection<string> emails,
        IReadOnlyCollection<string> phones, IReadOnlyCollection<Guid> connectedPersonIds, CancellationToken cancellationToken)
    {
        var keys = CommunityRecordKeys.For(auditKey, emails, phones);
        var requestKeys = keys.RequestKeys.ToList();
        var spaceKeys = keys.SpaceKeys.ToList();
        var ids = connectedPersonIds.ToList();
        var lowerEmails = emails.Select(ContactDetails.NormaliseEmail).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var mobiles = phones.Select(ContactDetails.NormalisePhone).OfType<string>().ToHashSet(StringComparer.Ordinal);

        var requests = await db.SupportRequests.AsNoTracking().Where(r => requestKeys.Contains(r.ContactKey)).OrderBy(r => r.AskedAt)
            .Select(r => new ComeAlongRequestRow(r.Id, db.CommunityOffers.Where(o => o.Id == r.OfferId).Select(o => o.Name).FirstOrDefault() ?? string.Empty,
                r.FirstName, r.WhatToTry, r.WhenSuits, r.Contact.By, r.Contact.Email, r.Contact.Mobile, r.Contact.MessagesSafe, r.AskedAt, r.Status, r.Closure, r.ClosedAt,
                r.Matches.OrderBy(m => m.MatchedAt).Select(m => new ComeAlongMatchRow(
                    db.Volunteers.Where(v => v.Id == m.VolunteerId).Select(v => v.FirstName).FirstOrDefault() ?? string.Empty, m.MatchedAt, m.EndedAt, m.Ending)).ToList()))
            .ToListAsync(cancellationToken);
        var requestIds = requests.Select(r => r.Id).ToList();
        var outings = await db.Outings.AsNoTracking().Where(o => requestIds.Contains(o.RequestId)).OrderBy(o => o.On)
            .Select(o => new OutingRow(o.RequestId, o.On, o.Happened, o.Note, o.RecordedAt, o.PersonSaid, o.PersonWords, o.PersonSaidAt))
            .ToListAsync(cancellationToken);

        var spaces = await db.SpaceMembers.AsNoTracking()
            .Where(m => spaceKeys.Contains(m.AddressKey) || (m.ConnectedPersonId != null && ids.Contains(m.ConnectedPersonId.Value)))
            .OrderBy(m => m.CreatedAt).ToListAsync(cancellationToken);
        var memberIds = spaces.Select(m => m.Id).ToList();
        var goals = await db.SpaceGoals.AsNoTracking().Where(g => memberIds.Contains(g.MemberId)).OrderBy(g => g.CreatedAt)
            .Select(g => new SpaceGoalRow(g.Id, g.Words, g.CreatedAt, g.RemovedAt)).ToListAsync(cancellationToken);
        var ratings = await db.SpaceGoalRatings.AsNoTracking().Where(r => memberIds.Contains(r.MemberId)).OrderBy(r => r.At)
            .Select(r => new SpaceGoalRatingRow(r.GoalId, r.Rating, r.At)).ToListAsync(cancellationToken);
        var moods = await db.SpaceMoodCheckIns.AsNoTracking().Where(m => memberIds.Contains(m.MemberId)).OrderBy(m => m.At)
            .Select(m => new SpaceMoodRow(m.Mood, m.Words, m.At)).ToListAsync(cancellationToken);
        var follows = await db.SpaceFollows.AsNoTracking().Where(f => memberIds.Contains(f.MemberId)).OrderBy(f => f.FollowedAt)
            .Select(f => new SpaceFollowRow(db.CommunityOffers.Where(o => o.Id == f.GroupId).Select(o => o.Name).FirstOrDefault() ?? string.Empty, f.FollowedAt))
            .ToListAsync(cancellationToken);

        var volunteers = await db.Volunteers.AsNoTracking().Where(v => v.ErasedAt == null && lowerEmails.Contains(v.Email.ToLower())).ToListAsync(cancellationToken);
        if (mobiles.Count > 0)
        {
            // A volunteer's mobile is kept as typed, so it is compared by its digits here: exact, never a
            // part of a number. Volunteers are a borough's few hundred, read as ids and numbers only.
            var known = volunteers.Select(v => v.Id).ToHashSet();
            var byMobile = (await db.Volunteers.AsNoTracking().Where(v => v.ErasedAt == null && v.Mobile != null).Select(v => new { v.Id, v.Mobile }).ToListAsync(cancellationToken))
                .Where(v => !known.Contains(v.Id) && ContactDetails.NormalisePhone(v.Mobile) is { } digits && mobiles.Contains(digits)).Select(v => v.Id).ToList();
            if (byMobile.Count > 0)
            {
                volunteers.AddRange(await db.Volunteers.AsNoTracking().Where(v => byMobile.Contains(v.Id)).ToListAsync(cancellationToken));
            }
        }
        var volunteerIds = volunteers.Select(v => v.Id).ToList();
        var recorded = await db.Outings.AsNoTracking().Where(o => volunteerIds.Contains(o.VolunteerId)).OrderBy(o => o.On)
            .Select(o => new VolunteerOutingRow(
                db.SupportRequests.Where(r => r.Id == o.RequestId).Select(r => db.CommunityOffers.Where(g => g.Id == r.OfferId).Select(g => g.Name).FirstOrDefault()).FirstOrDefault() ?? string.Empty,
                o.On, o.Happened, o.Note, o.RecordedAt))
            .ToListAsync(cancellationToken);

        var proposals = await db.GroupProposals.AsNoTracking().Where(p => lowerEmails.Contains(p.OrganiserEmail.ToLower())).OrderBy(p => p.SubmittedAt)
            .ToListAsync(cancellationToken);
        var listingLinks = await db.ListingLinks.AsNoTracking().Where(l => lowerEmails.Contains(l.OrganiserEmail.ToLower())).OrderBy(l => l.IssuedAt)
            .Select(l => new ListingLinkRow(l.Id, db.CommunityOffers.Where(o => o.Id == l.OfferId).Select(o => o.Name).FirstOrDefault() ?? string.Empty,
                l.IssuedAt, l.ExpiresAt, l.UsedAt))
            .ToListAsync(cancellationToken);

        IReadOnlyList<ExportSection> sections =
        [
            ExportSection.Of("comeAlongRequests", "Asking for someone to come along", "Each time you asked Connect and Do for a volunteer to go with you to a group: what you told us, how to reach you, who was matched and how it ended.", requests),
            ExportSection.Of("comeAlongOutings", "Outings with a volunteer", "Each outing a volunteer recorded with you, their short note, and what you said about how it went.", outings),
            ExportSection.Of("space", "Your community space", "Your space on Connect and Do: when it was made, when you last signed in, and whether you connected it to your support plan.", spaces),
            ExportSection.Of("spaceGoals", "Goals in your space", "The goals you set yourself in your space.", goals),
            ExportSection.Of("spaceGoalRatings", "Goal ratings in your space", "Each time you rated a goal from 0 to 10.", ratings),
            ExportSection.Of("spaceMoodCheckIns", "Mood check-ins in your space", "How you said you were, from your space.", moods),
            ExportSection.Of("spaceFollows", "Groups you follow", "The Connect and Do groups you follow from your space.", follows),
            ExportSection.Of("groupProposals", "Groups you proposed or changed", "Each group you asked Connect and Do to list, or each change you sent to your listing: what you wrote, and what was decided and why.", proposals),
            ExportSection.Of("listingLinks", "Links to change your listing", "Links sent to you to change your group's listing: when issued, used or expired (the links themselves are not kept).", listingLinks),
            ExportSection.Of("volunteer", "Your volunteering", "Your registration as a volunteer supporter and the checks recorded: their type and dates only.", volunteers),
            ExportSection.Of("volunteerOutings", "Outings you recorded as a volunteer", "The outings you recorded: the group, the day, whether it happened and your note (not the other person's name or words, which are theirs).", recorded),
        ];
        var found = requests.Select(r => new FoundCommunityRecord("SupportRequest", r.Id))
            .Concat(spaces.Select(m => new FoundCommunityRecord("SpaceMember", m.Id, m.ConnectedPersonId)))
            .Concat(volunteers.Select(v => new FoundCommunityRecord("Volunteer", v.Id)))
            .Concat(proposals.Select(p => new FoundCommunityRecord("GroupProposal", p.Id)))
            .Concat(listingLinks.Select(l => new FoundCommunityRecord("ListingLink", l.Id)))
            .ToList();
        return new CommunityRecords(sections, found);
    }
}

/// <summary>An organiser's link to change their listing: the group and its dates, never the link.</summary>
public sealed record ListingLinkRow(Guid Id, string Group, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt);
