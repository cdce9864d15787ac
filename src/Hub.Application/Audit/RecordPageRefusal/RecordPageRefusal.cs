using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Domain.Audit;
using MediatR;

namespace Hub.Application.Audit.RecordPageRefusal;

/// <summary>
/// Records that someone signed in was refused a page by its policy (a commissioner opening the
/// triage queue): one Denied audit row with the actor and their role, no person, and the page's
/// route template as the screen, so every refusal is attributable, not only refusals of a record.
/// </summary>
public sealed record RecordPageRefusal(string Screen) : IRequest<Unit>;

public sealed class RecordPageRefusalHandler(IApplicationDbContext db, AuditTrail audit) : IRequestHandler<RecordPageRefusal, Unit>
{
    /// <summary>The record type of a page refusal: the refusal is of a page, not of anyone's record.</summary>
    public const string RecordType = "Page";

    /// <summary>The audit row's screen column holds at most this many characters.</summary>
    public const int ScreenLength = 120;

    public async Task<Unit> Handle(RecordPageRefusal request, CancellationToken cancellationToken)
    {
        var screen = request.Screen.Length > ScreenLength ? request.Screen[..ScreenLength] : request.Screen;
        audit.Record(AuditAction.Denied, personId: null, RecordType, Guid.Empty, screen);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
