using System.Security.Cryptography;
using System.Text;

namespace Hub.Domain.SupportPlans;

/// <summary>
/// Someone asked for a new link to their plan, with the email address or mobile number they gave.
/// Every request is queued the same way whether or not the address is known; the background worker
/// looks it up later and wipes the address. Only a hash of the address stays, to count requests
/// against the limit per address.
/// </summary>
public sealed class PlanLinkRequest
{
    /// <summary>Requests counted per address, and per client, over this window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);
    public const int PerAddress = 3;
    public const int PerClient = 10;

    private PlanLinkRequest()
    {
        AddressKey = ClientKey = string.Empty;
    }

    public PlanLinkRequest(string address, string? client, DateTimeOffset at)
    {
        Address = address;
        AddressKey = KeyOf(address);
        ClientKey = KeyOf(client ?? "unknown");
        RequestedAt = at;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>The address typed (normalised), until the worker has looked it up.</summary>
    public string? Address { get; private set; }

    /// <summary>SHA-256 of the normalised address: counts requests without keeping the address.</summary>
    public string AddressKey { get; private set; }

    /// <summary>SHA-256 of the client's network address.</summary>
    public string ClientKey { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    public void Processed(DateTimeOffset at)
    {
        ProcessedAt ??= at;
        Address = null;
    }

    public static string KeyOf(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
