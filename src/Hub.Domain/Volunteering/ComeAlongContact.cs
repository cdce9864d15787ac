using System.Security.Cryptography;
using System.Text;
using Hub.Domain.People;

namespace Hub.Domain.Volunteering;

/// <summary>How a person who asked for a supporter wants to be reached.</summary>
public enum ReachBy
{
    Email = 1,
    Text = 2,
}

/// <summary>
/// How to reach someone who asked for a volunteer to come along: by email or by text to a mobile,
/// and whether messages are safe. A message goes only by the chosen way and only when they said
/// messages are safe; a volunteer is shown only the one way the person chose.
/// </summary>
public sealed record ComeAlongContact(ReachBy By, string? Email, string? Mobile, bool MessagesSafe)
{
    /// <summary>The one address the person chose (an email address or a mobile number).</summary>
    public string Address => By == ReachBy.Email ? Email! : Mobile!;

    /// <summary>Where a message may go, or null when the person said messages are not safe (the volunteer or coordinator then calls or waits to be called).</summary>
    public string? MessageTo => MessagesSafe ? Address : null;

    /// <summary>The key the person's own space finds their requests and outings by (<see cref="ContactKey"/>).</summary>
    public string Key => By == ReachBy.Email ? ContactKey.ForEmail(Email!) : ContactKey.ForMobile(Mobile!);
}

/// <summary>
/// A stable, non-reversible key for an email address or mobile number, so the person's own space
/// (signed in by a one-time link to that address) can find what they asked for without the tables
/// being searched by raw contact details. SHA-256 of the normalised address with its kind.
/// </summary>
public static class ContactKey
{
    public const int Length = 64;

    public static string ForEmail(string email) => Hash("email:" + (ContactDetails.NormaliseEmail(email) ?? email.Trim().ToLowerInvariant()));

    public static string ForMobile(string mobile) => Hash("mobile:" + (ContactDetails.NormalisePhone(mobile) ?? mobile.Trim()));

    /// <summary>The key for whatever the person typed: an address with an @ is an email, anything else a phone number.</summary>
    public static string For(string emailOrMobile) => emailOrMobile.Contains('@', StringComparison.Ordinal) ? ForEmail(emailOrMobile) : ForMobile(emailOrMobile);

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
