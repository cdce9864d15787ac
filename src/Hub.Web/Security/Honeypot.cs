namespace Hub.Web.Security;

/// <summary>The honeypot of the public forms (<c>Pages/Shared/_Honeypot.cshtml</c>): anything in it means software, not a person.</summary>
public static class Honeypot
{
    public const string FieldName = "Website";

    /// <summary>True when the hidden field came back filled in: answer as if it worked, store nothing.</summary>
    public static bool IsFilled(string? value) => !string.IsNullOrEmpty(value);
}
