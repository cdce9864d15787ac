namespace Hub.Domain.People;

/// <summary>How the person would like us to get in touch.</summary>
public enum ContactMethod
{
    Phone = 1,
    Text = 2,
    Email = 3,
    /// <summary>The person prefers to call the hub themselves; we hold no contact details.</summary>
    TheyWillCallUs = 4,
}
