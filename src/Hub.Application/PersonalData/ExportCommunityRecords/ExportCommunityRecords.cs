using FluentValidation;
using Hub.Application.Common;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Validation;
using Hub.Application.Connect.Moderation.DecideProposal;
using Hub.Application.PersonalData.ExportPersonalData;
using Hub.Application.Space;
using Hub.Application.Volunteering.AskForSupporter;
using Hub.Application.Volunteering.Coordination;
using Hub.Domain.Audit;
using Hub.Domain.People;
using MediatR;

namespace Hub.Application.PersonalData.ExportCommunityRecords;

/// <summary>
/// Subject access for someone Connect and Do knows only by an email address or mobile number (they asked
/// for someone to come along, keep a community space, proposed or run a group, or volunteer) and who may
/// have no hub record to start from (docs/decisions/048). What the address finds: how many records of each
/// kind, so staff know before they download. Only the exact address is found (an email in any case, a
/// mobile however it is spaced or written with +44), never a part of one.
/// </summary>
public sealed record FindCommunityRecords(string? EmailOrMobile) : IRequest<CommunityRecordsFound>;

/// <summary>The export itself: the same document as a hub record's, with the Connect and Do sections and the messages sent to the address.</summary>
public sealed record ExportCommunityRecords(string? EmailOrMobile) : IRequest<PersonalDataExport>;

/// <param name="Address">The address as the hub reads it (an email in lower case, a mobile as its digits).</param>
/// <param name="Sections">Every Connect and Do section, with how many records it holds.</param>
public sealed record CommunityRecordsFound(string Address, bool IsEmail, IReadOnlyList<FoundSection> Sections)
{
    public int Total => Sections.Sum(s => s.Count);
}

public sealed record FoundSection(string Key, string Title, int Count);

/// <summary>What a member of staff may type: one email address or one UK mobile number.</summary>
public static class CommunityAddress
{
    public const int MaxLength = 254;
    public const string Missing = "Enter the email address or mobile number the person used";
    public const string Unreadable = "Enter an email address, like name@example.com, or a UK mobile number, like 07700 900 982";

    /// <summary>One email address or UK mobile number, with no hidden character (a direction mark, a zero-width space) read past.</summary>
    public static bool IsReadable(string? typed) =>
        typed is { Length: <= MaxLength }
        && !typed.Any(c => char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Control)
        && (ContactKey.IsEmail(typed) ? EmailAddressRules.IsDeliverable(typed.Trim()) : ContactDetails.IsUkMobile(typed.Trim()));

    public static void Rules<T>(IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(a => !string.IsNullOrWhiteSpace(a)).WithMessage(Missing)
            .SafeText("The email address or mobile number", MaxLength, multiline: false) // hidden characters are named, never read past
            .Must(IsReadable).WithMessage(Unreadable);
}

public sealed class FindCommunityRecordsValidator : AbstractValidator<FindCommunityRecords>
{
    public FindCommunityRecordsValidator() => CommunityAddress.Rules(RuleFor(x => x.EmailOrMobile));
}

public sealed class ExportCommunityRecordsValidator : AbstractValidator<ExportCommunityRecords>
{
    public ExportCommunityRecordsValidator() => CommunityAddress.Rules(RuleFor(x => x.EmailOrMobile));
}

/// <summary>
/// Team leaders, who answer subject access for the hub (<see cref="PersonalDataRules"/>), may search; anyone
/// else is refused and the refusal audited. The search and the
/// export each write one row naming the kind of address (never the address) and one row per record
/// found, by type and id; a space connected to a hub record names that person, so it shows in their log.
/// </summary>
public sealed class CommunityRecordsHandler(IApplicationDbContext db, ICurrentUser user, AuditTrail audit, IEmailOutbox outbox, IStaffDirectory staff,
    TimeProvider clock, AuditKey auditKey) : IRequestHandler<FindCommunityRecords, CommunityRecordsFound>, IRequestHandler<ExportCommunityRecords, PersonalDataExport>
{
    /// <summary>What the audit rows name as the record of a search or an export that found nothing in particular.</summary>
    public const string RecordType = "CommunitySubjectAccess";
    public const string SearchScreen = "Data protection: community subject access search";
    public const string ExportScreen = "Data protection: community subject access export";

    /// <summary>The messages Connect and Do sends about these records; a hub message to the same address (a plan link, a group sent by the care team) is the hub record's, not listed here.</summary>
    private static readonly string[] CommunityPurposes =
        [ComeAlongMessages.ConfirmPurpose, ComeAlongMessages.HowItWentPurpose, SpaceLinkMessage.Purpose, InviteVolunteerHandler.Purpose, .. ProposalMessages.All];

    public async Task<CommunityRecordsFound> Handle(FindCommunityRecords request, CancellationToken cancellationToken)
    {
        var (address, isEmail) = await Allow(request.EmailOrMobile!, nameof(FindCommunityRecords), cancellationToken);
        var records = await Read(address, isEmail, request.EmailOrMobile!, cancellationToken);
        Audit(records.Found, isEmail, SearchScreen);
        await db.SaveChangesAsync(cancellationToken);
        return new CommunityRecordsFound(address, isEmail, records.Sections.Select(s => new FoundSection(s.Key, s.Title, s.Records.Count)).ToList());
    }

    public async Task<PersonalDataExport> Handle(ExportCommunityRecords request, CancellationToken cancellationToken)
    {
        var (address, isEmail) = await Allow(request.EmailOrMobile!, nameof(ExportCommunityRecords), cancellationToken);
        var records = await Read(address, isEmail, request.EmailOrMobile!, cancellationToken);
        var staffIds = records.Sections.SelectMany(s => s.Records).SelectMany(ExportPersonalDataHandler.StaffIdsIn).Distinct().ToList();
        var names = await staff.DisplayNames(staffIds, cancellationToken);
        Audit(records.Found, isEmail, ExportScreen);
        await db.SaveChangesAsync(cancellationToken);
        return new PersonalDataExport(Guid.Empty, string.Empty, clock.GetUtcNow(), records.Sections, names, address);
    }

    private async Task<(string Address, bool IsEmail)> Allow(string typed, string requestName, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.TeamLeader))
        {
            audit.Record(AuditAction.Denied, null, RecordType, Guid.Empty, "Refused: " + requestName);
            await db.SaveChangesAsync(cancellationToken);
            throw new ForbiddenAccessException();
        }
        return (ContactKey.Normalise(typed), ContactKey.IsEmail(typed));
    }

    private async Task<(IReadOnlyList<ExportSection> Sections, IReadOnlyList<FoundCommunityRecord> Found)> Read(string address, bool isEmail, string typed,
        CancellationToken cancellationToken)
    {
        IReadOnlyCollection<string> emails = isEmail ? [address] : [];
        IReadOnlyCollection<string> phones = isEmail ? [] : [address];
        var community = await CommunitySections.ReadAsync(db, auditKey, emails, phones, [], cancellationToken);

        // Messages went to the address as each form was filled in: the address as typed here, as the hub
        // reads it, and as each record found holds it (a mobile may have been typed with spaces; a volunteer
        // found by their email was also sent texts at their mobile).
        var held = community.Sections.Where(s => s.Key is "comeAlongRequests" or "volunteer").SelectMany(s => s.Records)
            .SelectMany(r => new[] { r["email"], r["mobile"] }).Select(v => v?.GetValue<string>()).OfType<string>();
        var addresses = new[] { address, typed.Trim() }.Concat(held).Distinct(StringComparer.Ordinal).ToList();
        var sent = (await outbox.SentTo([], addresses.Where(ContactKey.IsEmail).ToList(), addresses.Where(a => !ContactKey.IsEmail(a)).ToList(), cancellationToken))
            .Where(m => CommunityPurposes.Contains(m.Purpose, StringComparer.Ordinal)).ToList();

        var sections = community.Sections.Append(ExportSection.Of("messages", "Emails and texts sent to you",
            "Emails and texts Connect and Do sent to this address about the records above: why, when, and what became of them (their content is not kept here, as links in them are secret).",
            sent)).ToList();
        return (sections, community.Found);
    }

    private void Audit(IReadOnlyList<FoundCommunityRecord> found, bool isEmail, string screen)
    {
        audit.Record(AuditAction.View, null, RecordType, Guid.Empty, $"{screen} by {(isEmail ? "email address" : "mobile number")}");
        foreach (var record in found)
        {
            audit.Record(AuditAction.View, record.PersonId, record.RecordType, record.Id, screen);
        }
    }
}
