namespace Hub.Application.Common.Messaging;

public enum MessageChannel
{
    Email = 1,
    Text = 2,
}

/// <summary>Where a message stands, as staff are told it.</summary>
public enum MessageState
{
    /// <summary>Waiting to go (or waiting for a retry).</summary>
    Queued = 1,
    Sent = 2,
    Delivered = 3,

    /// <summary>Given up: the reason says why.</summary>
    NotSent = 4,

    /// <summary>Notify said the phone or inbox did not take it.</summary>
    NotDelivered = 5,

    /// <summary>Notify is still trying (the phone was off, for example).</summary>
    DeliveryDelayed = 6,

    /// <summary>Not sent because a newer link replaced it or access was ended.</summary>
    Cancelled = 7,
}

/// <summary>One message for a person, without its content.</summary>
public sealed record PersonMessage(Guid Id, string Purpose, MessageChannel Channel, MessageState State, DateTimeOffset CreatedAt, DateTimeOffset? SentAt,
    DateTimeOffset? SettledAt, string? Problem, int Attempts)
{
    /// <summary>Plain words for the purpose, for staff.</summary>
    public string What => Purpose switch
    {
        "plan-link" => "Link to their plan",
        "plan-link-request" => "New link they asked for",
        "referral-confirmation" => "Referral confirmation",
        "plan-review-reminder-person" => "Plan review reminder",
        "meeting-reminder" => "Network meeting reminder",
        "come-back" or "way-back" => "How to come back",
        "group-page" => "A Connect and Do group's page",
        _ => "Message",
    };

    /// <summary>What staff should do when it did not arrive; null when nothing is needed.</summary>
    public string? WhatToDo => State switch
    {
        MessageState.NotSent or MessageState.NotDelivered => Channel == MessageChannel.Text
            ? "Check the mobile number with the person when you next speak, or give them a printed code in person"
            : "Check the email address with the person when you next speak, or give them a printed code in person",
        _ => null,
    };

    public string StateText => State switch
    {
        MessageState.Queued => Attempts > 0 ? "Not sent yet: trying again" : "Waiting to be sent",
        MessageState.Sent => "Sent",
        MessageState.Delivered => "Delivered",
        MessageState.NotSent => "Not sent",
        MessageState.NotDelivered => "Not delivered",
        MessageState.DeliveryDelayed => "Not delivered yet: still trying",
        MessageState.Cancelled => "Not sent: replaced by a newer link",
        _ => State.ToString(),
    };
}
