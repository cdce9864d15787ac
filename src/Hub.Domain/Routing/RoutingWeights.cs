namespace Hub.Domain.Routing;

/// <summary>
/// The points each match is worth when ranking. Needs and the person's own asks (language, a peer
/// worker, a worker's gender) count most; place and times break ties between similar matches.
/// The previous lead outweighs every other match together, so the person is offered the worker
/// they know first; a full caseload outweighs everything, so a full member follows everyone with room.
/// </summary>
public static class RoutingWeights
{
    /// <summary>The member led the person's care before (members only).</summary>
    public const int PreviousLead = 200;

    /// <summary>Per need area the member or offer helps with.</summary>
    public const int NeedArea = 12;

    /// <summary>Speaks, or runs in, the language asked for.</summary>
    public const int Language = 10;

    /// <summary>A peer support worker, or a peer-led offer, when a peer worker was asked for.</summary>
    public const int PeerWorker = 8;

    /// <summary>The worker's gender the person asked for (members only).</summary>
    public const int Gender = 8;

    /// <summary>Works in, or runs in, the person's neighbourhood.</summary>
    public const int Neighbourhood = 4;

    /// <summary>Works or runs on at least one of the days asked for.</summary>
    public const int PreferredDay = 2;

    /// <summary>Works or runs in the evenings, when evenings were asked for.</summary>
    public const int Evenings = 2;

    /// <summary>Most points for spare capacity (an empty caseload); scaled down as the caseload fills.</summary>
    public const int SpareCapacityMax = 4;

    /// <summary>A free offer (offers only).</summary>
    public const int Free = 1;

    /// <summary>Taken off a member at or over capacity; larger than any possible sum of the points above.</summary>
    public const int CaseloadFullPenalty = 1000;
}
