using Hub.Application.Common.Exceptions;
using MediatR;

namespace Hub.Application.Space.Outings.GetMyOuting;

/// <summary>One outing of the signed-in space, to say how it went. Another space's outing is not found.</summary>
public sealed record GetMyOuting(Guid OutingId) : IRequest<OutingForMember>;

public sealed class GetMyOutingHandler(ICurrentSpaceMember current, IOutingsForCommunityMember outings) : IRequestHandler<GetMyOuting, OutingForMember>
{
    public async Task<OutingForMember> Handle(GetMyOuting request, CancellationToken cancellationToken) =>
        await outings.FindForMemberAsync(current.Required(), request.OutingId, cancellationToken) ?? throw new NotFoundException("The outing");
}
