using Hub.Application.Common.Exceptions;
using MediatR;

namespace Hub.Application.Space.Outings.SayHowMyOutingWent;

/// <summary>
/// The person, signed in to their space, says how one of their outings went: one of three answers and,
/// if they like, their own words. Once per outing, kept with its time and not changed afterwards
/// (docs/decisions/041); another space's outing is not found.
/// </summary>
/// <param name="HowItWent">One of <see cref="HowItWentAnswer.Choices"/>, as the old emailed link's form.</param>
public sealed record SayHowMyOutingWent(Guid OutingId, string? HowItWent, string? Words) : IRequest<SayOutcome>, ISaysHowItWent;

public enum SayOutcome
{
    Kept = 1,

    /// <summary>They had already said (here, or through an emailed link sent before the space): the first say stands.</summary>
    AlreadySaid = 2,
}

public sealed class SayHowMyOutingWentValidator : SaysHowItWentValidator<SayHowMyOutingWent>;

public sealed class SayHowMyOutingWentHandler(ICurrentSpaceMember current, IOutingsForCommunityMember outings) : IRequestHandler<SayHowMyOutingWent, SayOutcome>
{
    public async Task<SayOutcome> Handle(SayHowMyOutingWent request, CancellationToken cancellationToken)
    {
        return await outings.SayAsync(current.Required(), request.OutingId, HowItWentAnswer.Read(request.HowItWent)!.Value, request.Words, cancellationToken) switch
        {
            null => throw new NotFoundException("The outing"),
            true => SayOutcome.Kept,
            false => SayOutcome.AlreadySaid,
        };
    }
}
