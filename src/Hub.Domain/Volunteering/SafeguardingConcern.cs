using Hub.Domain.Common;

namespace Hub.Domain.Volunteering;

/// <summary>
/// A safeguarding concern a volunteer raises about someone they support (or anything they saw). It
/// reaches the coordinators at once by a message that holds only a link to it; the coordinator
/// records what they did.
/// </summary>
public sealed class SafeguardingConcern : Entity
{
    public const int WordsMaxLength = 4000;

    private SafeguardingConcern()
    {
        WhatHappened = string.Empty;
    }

    private SafeguardingConcern(Guid volunteerId, Guid? requestId, string whatHappened, Guid formToken, DateTimeOffset at)
    {
        VolunteerId = volunteerId;
        RequestId = requestId;
        WhatHappened = whatHappened;
        FormToken = formToken;
        RaisedAt = at;
    }

    public static SafeguardingConcern Raise(Guid volunteerId, Guid? requestId, string whatHappened, Guid formToken, DateTimeOffset at) =>
        new(volunteerId, requestId, TextRules.Clean(whatHappened) ?? throw new DomainRuleException("Say what happened."), formToken, at);

    public Guid VolunteerId { get; private set; }

    /// <summary>The request it is about, when it is about someone the volunteer supports.</summary>
    public Guid? RequestId { get; private set; }
    public string WhatHappened { get; private set; }
    public Guid FormToken { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public DateTimeOffset? ActedOnAt { get; private set; }
    public Guid? ActedOnBy { get; private set; }
    public string? WhatWasDone { get; private set; }
    public int Version { get; private set; }

    public bool IsOpen => ActedOnAt is null;

    /// <summary>The coordinator records what they did about it.</summary>
    public void ActOn(string whatWasDone, Guid by, DateTimeOffset at)
    {
        if (!IsOpen)
        {
            throw new DomainRuleException("This concern has already been acted on.");
        }
        WhatWasDone = TextRules.Clean(whatWasDone) ?? throw new DomainRuleException("Say what was done.");
        ActedOnBy = by;
        ActedOnAt = at;
        Version++;
    }
}

/// <summary>
/// The person's one-time link to say how an outing went, built like the plan link on
/// <see cref="OneTimeToken"/>: only the hash is stored, it works once and expires.
/// </summary>
public sealed class OutingFeedbackLink : Entity
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    private OutingFeedbackLink()
    {
        TokenHash = string.Empty;
    }

    private OutingFeedbackLink(Guid outingId, string tokenHash, DateTimeOffset at)
    {
        OutingId = outingId;
        TokenHash = tokenHash;
        IssuedAt = at;
        ExpiresAt = at + Lifetime;
    }

    /// <summary>Issues a link; the raw token is returned once, to be sent, and never stored.</summary>
    public static (OutingFeedbackLink Link, string Token) Issue(Guid outingId, DateTimeOffset at)
    {
        var token = OneTimeToken.New();
        return (new OutingFeedbackLink(outingId, OneTimeToken.Hash(token), at), token);
    }

    public Guid OutingId { get; private set; }
    public string TokenHash { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }
    public int Version { get; private set; }

    public bool CanBeUsedAt(DateTimeOffset at) => UsedAt is null && at < ExpiresAt;

    public void Use(DateTimeOffset at)
    {
        if (!CanBeUsedAt(at))
        {
            throw new DomainRuleException("This link has been used or has expired.");
        }
        UsedAt = at;
        Version++;
    }
}
