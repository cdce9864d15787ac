namespace Hub.Infrastructure.DataProtection;

/// <summary>One ASP.NET Core data protection key, shared by every instance of the hub through the database.</summary>
public sealed class DataProtectionKeyRow
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = string.Empty;
}
